"""schema.graphql is the schema exported from the code; regenerate it with `python -m graphql_api.export_schema`."""

from graphql_api.export_schema import SCHEMA_FILE
from graphql_api.schema import export


def test_schema_file_is_up_to_date():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == export(), (
        "schema.graphql is stale: run `python -m graphql_api.export_schema` and commit it"
    )


def test_every_type_and_field_is_described():
    from graphql import GraphQLObjectType

    from graphql_api.schema import graphql_schema

    missing = []
    for name, graphql_type in graphql_schema.type_map.items():
        if name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType):
            continue
        if not graphql_type.description:
            missing.append(name)
        missing += [f"{name}.{field}" for field, value in graphql_type.fields.items() if not value.description]
    assert missing == []


def test_date_scalar_is_described_and_specified():
    from graphql_api.schema import graphql_schema

    date = graphql_schema.type_map["Date"]
    assert "YYYY-MM-DD" in date.description
    assert date.specified_by_url == "https://scalars.graphql.org/andimarek/local-date.html"
    assert 'scalar Date @specifiedBy(url: "https://scalars.graphql.org/andimarek/local-date.html")' in export()

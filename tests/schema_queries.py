"""Queries that reach every field of the schema, with only the required arguments."""

from graphql import GraphQLNonNull, GraphQLObjectType, Undefined, get_named_type

from graphql_api.schema import graphql_schema

REQUIRED = {"id": {"movie": "862", "person": "31"}, "title": '"Toy Story"', "name": '"Tom Hanks"', "month": '"enero"',
            "day": '"lunes"', "prefix": '"toy"', "query": '"hanks"', "liked": "[862]"}  # fmt: skip


def argument_text(field_name: str, field) -> str:
    given = []
    for name, argument in field.args.items():
        if isinstance(argument.type, GraphQLNonNull) and argument.default_value is Undefined:
            value = REQUIRED[name]
            given.append(f"{name}: {value[field_name] if isinstance(value, dict) else value}")
    return f"({', '.join(given)})" if given else ""


def selection(object_type: GraphQLObjectType, depth: int) -> str:
    parts = []
    for name, field in object_type.fields.items():
        target = get_named_type(field.type)
        if isinstance(target, GraphQLObjectType):
            if depth > 0:
                parts.append(f"{name}{argument_text(name, field)} {{ {selection(target, depth - 1)} }}")
        else:
            parts.append(f"{name}{argument_text(name, field)}")
    return " ".join(parts) or "__typename"


ROOT_FIELDS = list(graphql_schema.query_type.fields)


def every_field_query(root: str, depth: int) -> str:
    """A query selecting every field below the root field `root`, `depth` object levels deep."""
    field = graphql_schema.query_type.fields[root]
    target = get_named_type(field.type)
    body = f" {{ {selection(target, depth)} }}" if isinstance(target, GraphQLObjectType) else ""
    return f"{{ {root}{argument_text(root, field)}{body} }}"

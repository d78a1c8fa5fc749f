"""Every field of the schema, reached with only its required arguments, answers without internal errors."""

import pytest

from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema
from tests.schema_queries import ROOT_FIELDS, every_field_query


@pytest.mark.parametrize("root", ROOT_FIELDS)
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_every_field_with_defaults(api_model, root, depth):
    query = every_field_query(root, depth)
    engine = Engine(graphql_schema, api_model, Limits(max_nodes=10**9, max_depth=50, max_aliases=10**6))
    result = engine.run(query)
    for error in result.errors or []:
        assert error.extensions.get("code") != "INTERNAL_SERVER_ERROR", (query, error)
    assert result.data is not None

"""The GraphQL schema: thin types over the read model in graphql_api.data."""

import strawberry
from strawberry.schema.config import StrawberryConfig

from graphql_api.schema.adapter import engine_schema
from graphql_api.schema.query import Query
from graphql_api.schema.scalars import SCALARS

schema = strawberry.Schema(query=Query, config=StrawberryConfig(scalar_map=SCALARS))
# The graphql-core schema the engine parses, validates and executes against.
graphql_schema = engine_schema(schema)


def export() -> str:
    """The schema in SDL, as committed in schema.graphql."""
    return schema.as_str() + "\n"

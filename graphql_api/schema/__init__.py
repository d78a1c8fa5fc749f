"""The GraphQL schema: thin types over the read model in graphql_api.data."""

import strawberry

from graphql_api.schema.query import Query

schema = strawberry.Schema(query=Query)


def export() -> str:
    """The schema in SDL, as committed in schema.graphql."""
    return schema.as_str() + "\n"

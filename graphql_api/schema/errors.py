"""Errors a client can fix, reported the GraphQL way with a machine-readable code."""

from graphql import GraphQLError

BAD_USER_INPUT = "BAD_USER_INPUT"


def bad_user_input(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": BAD_USER_INPUT})

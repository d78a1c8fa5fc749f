"""The answer to a lookup by title or name: every match, or suggestions when nothing matched."""

from collections.abc import Callable
from typing import Generic, Self, TypeVar

import strawberry

from graphql_api.domain.answers import Lookup
from graphql_api.domain.rules import SUGGESTIONS
from graphql_api.schema.sizes import assumed

Node = TypeVar("Node")
Answer = TypeVar("Answer")

ASSUMED_MATCHES = 10  # films sharing a title, people sharing a name: a handful at most in the data


@strawberry.type(description="The films or people matching a title or name.")
class Result(Generic[Node]):
    message: str = strawberry.field(description="The answer for the first match, or why nothing matched.")
    suggestions: list[str] = strawberry.field(
        description="When nothing matches: the closest known titles or names (did you mean?). Empty otherwise.",
        metadata=assumed(SUGGESTIONS),
    )
    matches: list[Node] = strawberry.field(
        description="Every match, the most relevant first: films by most votes then most popular, people by "
        "most films in the role.",
        metadata=assumed(ASSUMED_MATCHES),
    )

    @classmethod
    def of(cls, lookup: Lookup[Answer], node: Callable[[Answer], Node]) -> Self:
        return cls(
            message=lookup.message,
            suggestions=list(lookup.suggestions),
            matches=[node(match) for match in lookup.matches],
        )

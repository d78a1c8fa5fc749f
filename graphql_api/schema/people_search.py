"""Searching people by name (searchPeople): the roles to search in."""

from enum import Enum

import strawberry

from graphql_api.domain import people_search


@strawberry.enum(description="The part a person searched for plays in films.")
class PersonRole(Enum):
    ANY = strawberry.enum_value(people_search.ANY, description="Any cast or crew credit; most credits first.")
    ACTOR = strawberry.enum_value(people_search.ACTOR, description="In the cast of a film; most films first.")
    DIRECTOR = strawberry.enum_value(
        people_search.DIRECTOR, description="Director of a film; most films directed first."
    )

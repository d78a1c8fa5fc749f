"""The Person type: someone in a film's cast or crew, with their films."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.schema.enums import Gender
from graphql_api.schema.pagination import DEFAULT_PAGE_SIZE, Connection, group_connection

if TYPE_CHECKING:
    from graphql_api.schema.credits import CastCredit, CrewCredit

CastCreditType = Annotated["CastCredit", strawberry.lazy("graphql_api.schema.credits")]
CrewCreditType = Annotated["CrewCredit", strawberry.lazy("graphql_api.schema.credits")]


@strawberry.type(description="A person in the cast or crew of at least one film.")
class Person:
    id: int = strawberry.field(description="TMDB person id. Several people can share a name, never an id.")
    name: str | None = strawberry.field(description="Name, as credited in their first film in the data set.")
    gender: Gender = strawberry.field(description="Gender as TMDB records it.")
    _model: strawberry.Private[ReadModel]
    _row: strawberry.Private[int]

    @strawberry.field(description="Roles played, oldest film first, a page at a time.")
    def cast_credits(self, first: int = DEFAULT_PAGE_SIZE, after: str | None = None) -> Connection[CastCreditType]:
        from graphql_api.schema.credits import cast_credit

        return group_connection(
            self._model.cast_by_person, self._row, first, after, lambda position: cast_credit(self._model, position)
        )

    @strawberry.field(description="Jobs held behind the camera, oldest film first, a page at a time.")
    def crew_credits(self, first: int = DEFAULT_PAGE_SIZE, after: str | None = None) -> Connection[CrewCreditType]:
        from graphql_api.schema.credits import crew_credit

        return group_connection(
            self._model.crew_by_person, self._row, first, after, lambda position: crew_credit(self._model, position)
        )


def person(model: ReadModel, row: int) -> Person:
    return Person(
        id=int(model.person_ids[row]),
        name=model.person_names[row],
        gender=Gender.of(int(model.genders[row])),
        _model=model,
        _row=row,
    )

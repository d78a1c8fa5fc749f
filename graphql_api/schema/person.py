"""The Person type: someone in a film's cast or crew, with their films."""

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.domain import careers
from graphql_api.schema import credits
from graphql_api.schema.enums import Gender
from graphql_api.schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Connection, group_connection
from graphql_api.schema.sizes import page

if TYPE_CHECKING:
    from graphql_api.schema.credits import CastCredit, CrewCredit

CastCreditType = Annotated["CastCredit", strawberry.lazy("graphql_api.schema.credits")]
CrewCreditType = Annotated["CrewCredit", strawberry.lazy("graphql_api.schema.credits")]


@strawberry.type(description="A person's return on investment in a role, over the distinct films of that role.")
class RoleReturn:
    film_count: int = strawberry.field(description="Distinct films in the role.")
    total_return: float = strawberry.field(description="Sum of the films' returns (0 for a film with no budget).")
    average_return: float = strawberry.field(
        description="totalReturn / filmCount: over every film counted, films with no budget included."
    )

    @classmethod
    def of(cls, answer: careers.RoleReturn | None) -> Self | None:
        if answer is None:
            return None
        return cls(film_count=answer.film_count, total_return=answer.total_return, average_return=answer.average_return)


@strawberry.type(description="A person in the cast or crew of at least one film.")
class Person:
    id: int = strawberry.field(description="TMDB person id. Several people can share a name, never an id.")
    name: str | None = strawberry.field(description="Name, as credited in their first film in the data set.")
    gender: Gender = strawberry.field(description="Gender as TMDB records it.")
    _model: strawberry.Private[ReadModel]
    _row: strawberry.Private[int]

    @classmethod
    def of(cls, model: ReadModel, row: int) -> Self:
        return cls(
            id=int(model.person_ids[row]),
            name=model.person_names[row],
            gender=Gender.of(int(model.genders[row])),
            _model=model,
            _row=row,
        )

    @strawberry.field(
        description="Roles played, oldest film first, a page at a time.",
        metadata=page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    )
    def cast_credits(self, first: int = DEFAULT_PAGE_SIZE, after: str | None = None) -> Connection[CastCreditType]:
        model = self._model
        return group_connection(
            model.cast_by_person, self._row, first, after, lambda position: credits.CastCredit.of(model, position)
        )

    @strawberry.field(
        description="Jobs held behind the camera, oldest film first, a page at a time.",
        metadata=page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    )
    def crew_credits(self, first: int = DEFAULT_PAGE_SIZE, after: str | None = None) -> Connection[CrewCreditType]:
        model = self._model
        return group_connection(
            model.crew_by_person, self._row, first, after, lambda position: credits.CrewCredit.of(model, position)
        )

    @strawberry.field(description="Return of the films they acted in (as the actor question counts it); null for none.")
    def acting(self) -> RoleReturn | None:
        return RoleReturn.of(careers.acting(self._model, self._row))

    @strawberry.field(
        description="Return of the films they directed (as the director question counts it); null for none."
    )
    def directing(self) -> RoleReturn | None:
        return RoleReturn.of(careers.directing(self._model, self._row))

"""Cast and crew credits: a person's part in a film."""

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.schema import movie, person

if TYPE_CHECKING:
    from graphql_api.schema.movie import Movie
    from graphql_api.schema.person import Person

MovieType = Annotated["Movie", strawberry.lazy("graphql_api.schema.movie")]
PersonType = Annotated["Person", strawberry.lazy("graphql_api.schema.person")]


@strawberry.type(description="A role played by a person in a film.")
class CastCredit:
    character: str | None = strawberry.field(description="The character played; null or empty when not credited.")
    order: int = strawberry.field(description="Billing order: 0 is top billed.")
    _model: strawberry.Private[ReadModel]
    _position: strawberry.Private[int]

    @classmethod
    def of(cls, model: ReadModel, position: int) -> Self:
        return cls(
            character=model.cast_characters[position],
            order=int(model.cast_orders[position]),
            _model=model,
            _position=position,
        )

    @strawberry.field(description="The film.")
    def movie(self) -> MovieType:
        return movie.Movie.of(self._model, int(self._model.cast_movie_rows[self._position]))

    @strawberry.field(description="The person who played the role.")
    def person(self) -> PersonType:
        return person.Person.of(self._model, int(self._model.cast_person_rows[self._position]))


@strawberry.type(description="A job held by a person behind the camera of a film.")
class CrewCredit:
    department: str | None = strawberry.field(description="Department, for example Directing or Camera.")
    job: str | None = strawberry.field(description="Job, for example Director or Director of Photography.")
    _model: strawberry.Private[ReadModel]
    _position: strawberry.Private[int]

    @classmethod
    def of(cls, model: ReadModel, position: int) -> Self:
        return cls(
            department=model.crew_departments[position],
            job=model.crew_jobs[position],
            _model=model,
            _position=position,
        )

    @strawberry.field(description="The film.")
    def movie(self) -> MovieType:
        return movie.Movie.of(self._model, int(self._model.crew_movie_rows[self._position]))

    @strawberry.field(description="The person who held the job.")
    def person(self) -> PersonType:
        return person.Person.of(self._model, int(self._model.crew_person_rows[self._position]))

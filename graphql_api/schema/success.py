"""An actor's or a director's success measured by return on investment (the fifth and sixth functions)."""

from datetime import date
from typing import Any, Self

import strawberry

from etl.contract import DIRECTOR_JOB
from graphql_api.data.model import ReadModel
from graphql_api.domain.answers import PersonReturn
from graphql_api.schema.lookup import Result
from graphql_api.schema.movie import Movie
from graphql_api.schema.person import Person
from graphql_api.schema.sizes import assumed

_AVERAGE = "totalReturn / filmCount: the average over every film counted in filmCount, films with no budget included."
ASSUMED_DIRECTED_FILMS = 10


@strawberry.type(description="An actor's success: the return of the films they acted in.")
class ActorSuccess:
    film_count: int = strawberry.field(description="Distinct films in which the person has a cast credit.")
    total_return: float = strawberry.field(
        description="Sum of the films' returns (revenue / budget; 0 for a film with no budget)."
    )
    average_return: float = strawberry.field(description=_AVERAGE)
    message: str = strawberry.field(
        description="In Spanish: 'El actor X ha participado de X cantidad de filmaciones, el mismo ha "
        "conseguido un retorno de X con un promedio de X por filmación'."
    )
    person: Person = strawberry.field(description="The actor.")

    @classmethod
    def of(cls, model: ReadModel, answer: PersonReturn) -> Self:
        return cls(**_figures(model, answer))


@strawberry.type(description="A film directed by a director, with its figures.")
class DirectedFilm:
    """A film row, as `Movie` is: its fields are `Movie`'s resolvers, with descriptions of their own."""

    _model: strawberry.Private[ReadModel]
    _row: strawberry.Private[int]

    title: str | None = strawberry.field(resolver=Movie.title, description="The film's title.")
    release_date: date = strawberry.field(resolver=Movie.release_date, description="Release date (ISO 8601).")
    return_: float = strawberry.field(
        resolver=Movie.return_,
        name="return",
        description="Return on investment: revenue / budget; 0 when the budget is 0.",
    )
    budget: float = strawberry.field(resolver=Movie.budget, description="Budget (cost) in US dollars; 0 when unknown.")
    revenue: float = strawberry.field(resolver=Movie.revenue, description="Revenue in US dollars; 0 when unknown.")

    @classmethod
    def of(cls, model: ReadModel, row: int) -> Self:
        return cls(_model=model, _row=row)

    @strawberry.field(description="The film.")
    def movie(self) -> Movie:
        return Movie.of(self._model, self._row)


@strawberry.type(description="A director's success: the return of the films they directed.")
class DirectorSuccess:
    film_count: int = strawberry.field(
        description=f"Distinct films with a crew credit whose job is exactly {DIRECTOR_JOB}."
    )
    total_return: float = strawberry.field(description="Sum of the films' returns (0 for a film with no budget).")
    average_return: float = strawberry.field(description=_AVERAGE)
    message: str = strawberry.field(description="The answer in Spanish, in the style of the actor's.")
    person: Person = strawberry.field(description="The director.")
    films: list[DirectedFilm] = strawberry.field(
        description="Every film directed, oldest first.", metadata=assumed(ASSUMED_DIRECTED_FILMS)
    )

    @classmethod
    def of(cls, model: ReadModel, answer: PersonReturn) -> Self:
        return cls(**_figures(model, answer), films=[DirectedFilm.of(model, row) for row in answer.film_rows])


def _figures(model: ReadModel, answer: PersonReturn) -> dict[str, Any]:
    """The fields actors and directors share."""
    return {
        "film_count": answer.film_count,
        "total_return": answer.total_return,
        "average_return": answer.average_return,
        "message": answer.message,
        "person": Person.of(model, answer.person_row),
    }


@strawberry.type(name="ActorResult", description="The people with a name, as actors.")
class ActorResult(Result[ActorSuccess]):
    pass


@strawberry.type(name="DirectorResult", description="The people with a name, as directors.")
class DirectorResult(Result[DirectorSuccess]):
    pass

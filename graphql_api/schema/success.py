"""An actor's or a director's success measured by return on investment (the fifth and sixth functions)."""

from datetime import date

import strawberry

from graphql_api.schema.movie import Movie
from graphql_api.schema.person import Person

_SUGGESTIONS = "When nothing matches: the closest known names (did you mean?). Empty otherwise."
_AVERAGE = "totalReturn / filmCount: the average over every film counted in filmCount, films with no budget included."


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


@strawberry.type(description="The people with a name, as actors.")
class ActorResult:
    message: str = strawberry.field(description="The answer for the first match, or why nothing matched.")
    suggestions: list[str] = strawberry.field(description=_SUGGESTIONS)
    matches: list[ActorSuccess] = strawberry.field(
        description="Every actor with that name (names are not unique), the one with most films first."
    )


@strawberry.type(description="A film directed by a director, with its figures.")
class DirectedFilm:
    title: str | None = strawberry.field(description="The film's title.")
    release_date: date = strawberry.field(description="Release date (ISO 8601).")
    return_: float = strawberry.field(
        name="return", description="Return on investment: revenue / budget; 0 when the budget is 0."
    )
    budget: float = strawberry.field(description="Budget (cost) in US dollars; 0 when unknown.")
    revenue: float = strawberry.field(description="Revenue in US dollars; 0 when unknown.")
    movie: Movie = strawberry.field(description="The film.")


@strawberry.type(description="A director's success: the return of the films they directed.")
class DirectorSuccess:
    film_count: int = strawberry.field(description="Distinct films with a crew credit whose job is exactly Director.")
    total_return: float = strawberry.field(description="Sum of the films' returns (0 for a film with no budget).")
    average_return: float = strawberry.field(description=_AVERAGE)
    message: str = strawberry.field(description="The answer in Spanish, in the style of the actor's.")
    person: Person = strawberry.field(description="The director.")
    films: list[DirectedFilm] = strawberry.field(description="Every film directed, oldest first.")


@strawberry.type(description="The people with a name, as directors.")
class DirectorResult:
    message: str = strawberry.field(description="The answer for the first match, or why nothing matched.")
    suggestions: list[str] = strawberry.field(description=_SUGGESTIONS)
    matches: list[DirectorSuccess] = strawberry.field(
        description="Every director with that name (names are not unique), the one with most films first."
    )

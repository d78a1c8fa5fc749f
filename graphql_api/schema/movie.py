"""The Movie type: a film with its figures, its genres, companies and collection, its cast and crew."""

import math
from datetime import date
from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from etl.contract import DIRECTOR_JOB, RECOMMENDATIONS_PER_FILM
from graphql_api.data.model import ReadModel
from graphql_api.domain.answers import neighbours
from graphql_api.schema import collection as collections
from graphql_api.schema import credits, person, recommendations
from graphql_api.schema.entities import Company, Country, Genre, Language
from graphql_api.schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Connection, group_connection
from graphql_api.schema.sizes import assumed, page, top

if TYPE_CHECKING:
    from graphql_api.schema.collection import Collection
    from graphql_api.schema.credits import CastCredit, CrewCredit
    from graphql_api.schema.person import Person
    from graphql_api.schema.recommendations import SimilarMovie

CollectionType = Annotated["Collection", strawberry.lazy("graphql_api.schema.collection")]
CastCreditType = Annotated["CastCredit", strawberry.lazy("graphql_api.schema.credits")]
CrewCreditType = Annotated["CrewCredit", strawberry.lazy("graphql_api.schema.credits")]
PersonType = Annotated["Person", strawberry.lazy("graphql_api.schema.person")]
SimilarMovieType = Annotated["SimilarMovie", strawberry.lazy("graphql_api.schema.recommendations")]

DEFAULT_SIMILAR = 5
ASSUMED_LINKS = 10  # genres, companies, countries, languages or directors of one film


@strawberry.type(description="A film of The Movies Dataset (TMDB).")
class Movie:
    """A film's fields are read from the read model when asked for: most queries ask for a few."""

    _model: strawberry.Private[ReadModel]
    _row: strawberry.Private[int]

    @classmethod
    def of(cls, model: ReadModel, row: int) -> Self:
        return cls(_model=model, _row=row)

    @strawberry.field(description="TMDB id of the film.")
    def id(self) -> int:
        return int(self._model.movie_ids[self._row])

    @strawberry.field(description="Title, as released. Null when the source has none.")
    def title(self) -> str | None:
        return self._model.titles[self._row]

    @strawberry.field(description="ISO 639-1 code of the original language.")
    def original_language(self) -> str | None:
        return self._model.original_languages[self._row]

    @strawberry.field(description="Plot summary. Null when the source has none.")
    def overview(self) -> str | None:
        return self._model.overviews[self._row]

    @strawberry.field(description="Tagline. Null when the source has none.")
    def tagline(self) -> str | None:
        return self._model.taglines[self._row]

    @strawberry.field(description="Release status, for example Released or Rumored.")
    def status(self) -> str | None:
        return self._model.statuses[self._row]

    @strawberry.field(description="Release date (ISO 8601, YYYY-MM-DD).")
    def release_date(self) -> date:
        return date.fromisoformat(self._model.release_dates[self._row])

    @strawberry.field(description="Year of the release date.")
    def release_year(self) -> int:
        return int(self._model.release_years[self._row])

    @strawberry.field(
        description="Budget in US dollars; 0 when unknown. A Float because revenues exceed GraphQL's 32-bit Int."
    )
    def budget(self) -> float:
        return float(self._model.budgets[self._row])

    @strawberry.field(description="Box-office revenue in US dollars; 0 when unknown.")
    def revenue(self) -> float:
        return float(self._model.revenues[self._row])

    @strawberry.field(
        name="return", description="Return on investment: revenue / budget. 0 when the budget is 0 (unknown)."
    )
    def return_(self) -> float:
        return float(self._model.returns[self._row])

    @strawberry.field(
        description="TMDB popularity score (the customer's 'score'); higher is more popular. Null when unknown."
    )
    def popularity(self) -> float | None:
        return _optional(self._model.popularity[self._row])

    @strawberry.field(description="Average TMDB user rating, 0 to 10. Null when unknown.")
    def vote_average(self) -> float | None:
        return _optional(self._model.vote_averages[self._row])

    @strawberry.field(description="Number of TMDB user ratings. Null when unknown.")
    def vote_count(self) -> int | None:
        return _optional_count(self._model.vote_counts[self._row])

    @strawberry.field(description="Running time in minutes. Null when unknown.")
    def runtime(self) -> float | None:
        return _optional(self._model.runtimes[self._row])

    @strawberry.field(description="The collection (franchise) the film belongs to; null when none.")
    def collection(self) -> CollectionType | None:
        return collections.Collection.of(self._model, int(self._model.collection_ids[self._row]))

    @strawberry.field(description="Genres, in the source's order.", metadata=assumed(ASSUMED_LINKS))
    def genres(self) -> list[Genre]:
        names = self._model.genre_names
        return [Genre(id=key, name=names.get(key)) for key in self._model.linked(self._model.movie_genres, self._row)]

    @strawberry.field(description="Production companies, in the source's order.", metadata=assumed(ASSUMED_LINKS))
    def production_companies(self) -> list[Company]:
        names = self._model.company_names
        keys = self._model.linked(self._model.movie_companies, self._row)
        return [Company(id=key, name=names.get(key)) for key in keys]

    @strawberry.field(description="Production countries, in the source's order.", metadata=assumed(ASSUMED_LINKS))
    def production_countries(self) -> list[Country]:
        names = self._model.country_names
        keys = self._model.linked(self._model.movie_countries, self._row)
        return [Country(code=key, name=names.get(key)) for key in keys]

    @strawberry.field(description="Spoken languages, in the source's order.", metadata=assumed(ASSUMED_LINKS))
    def spoken_languages(self) -> list[Language]:
        names = self._model.language_names
        keys = self._model.linked(self._model.movie_languages, self._row)
        return [Language(code=key, name=names.get(key)) for key in keys]

    @strawberry.field(
        description="The cast in billing order (top billed first), a page at a time.",
        metadata=page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    )
    def cast(self, first: int = DEFAULT_PAGE_SIZE, after: str | None = None) -> Connection[CastCreditType]:
        model = self._model
        return group_connection(
            model.cast_by_movie, self._row, first, after, lambda position: credits.CastCredit.of(model, position)
        )

    @strawberry.field(
        description="The crew in the source's order, a page at a time.", metadata=page(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    )
    def crew(self, first: int = DEFAULT_PAGE_SIZE, after: str | None = None) -> Connection[CrewCreditType]:
        model = self._model
        return group_connection(
            model.crew_by_movie, self._row, first, after, lambda position: credits.CrewCredit.of(model, position)
        )

    @strawberry.field(
        description="The films most like this one, most similar first (at most "
        f"{RECOMMENDATIONS_PER_FILM}): shared text, collection, genres, director, cast and language.",
        metadata=top(DEFAULT_SIMILAR, RECOMMENDATIONS_PER_FILM),
    )
    def similar(self, first: int = DEFAULT_SIMILAR) -> list[SimilarMovieType]:
        return recommendations.SimilarMovie.list_of(self._model, self._row, neighbours(self._model, self._row, first))

    @strawberry.field(
        description=f"The film's directors: crew whose job is exactly {DIRECTOR_JOB}.",
        metadata=assumed(ASSUMED_LINKS),
    )
    def directors(self) -> list[PersonType]:
        model = self._model
        rows = dict.fromkeys(
            int(model.crew_person_rows[position])
            for position in model.crew_by_movie.slice(self._row)
            if model.crew_jobs[position] == DIRECTOR_JOB
        )
        return [person.Person.of(model, row) for row in rows]


def _optional(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _optional_count(value: int) -> int | None:
    return None if value < 0 else int(value)

"""Searching and browsing films (searchMovies): its filter, its orders, and the page of films with facets."""

from enum import Enum
from typing import Self

import numpy as np
import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.domain import movie_filter, movie_search
from graphql_api.domain.movie_search import ASCENDING, DESCENDING, Facets
from graphql_api.schema.movie import Movie
from graphql_api.schema.pagination import Connection
from graphql_api.schema.sizes import FACETS_COST, assumed, costly

ASSUMED_GENRES = 20
ASSUMED_DECADES = 15


@strawberry.input(
    description="Conditions every film listed must meet (they combine with AND); leave out what does not matter."
)
class MovieFilter:
    genres: list[str] | None = strawberry.field(
        default=None,
        description="Genre names, every one of them (Animation, Science Fiction...; any case). An unknown name "
        "is an error listing the genres.",
    )
    year_from: int | None = strawberry.field(default=None, description="Released in this year or later.")
    year_to: int | None = strawberry.field(default=None, description="Released in this year or earlier.")
    min_vote_count: int | None = strawberry.field(default=None, description="At least this many TMDB votes.")
    min_vote_average: float | None = strawberry.field(
        default=None, description="An average TMDB vote of at least this (0 to 10)."
    )
    original_language: str | None = strawberry.field(
        default=None, description="ISO 639-1 code of the original language (en, fr...). An unknown code is an error."
    )
    person_ids: list[int] | None = strawberry.field(
        default=None, description="TMDB ids of people, every one of them in the cast or the crew."
    )
    collection_id: int | None = strawberry.field(default=None, description="TMDB id of a collection (franchise).")

    def conditions(self) -> movie_filter.MovieFilter:
        return movie_filter.MovieFilter(
            genres=tuple(self.genres or ()),
            year_from=self.year_from,
            year_to=self.year_to,
            min_vote_count=self.min_vote_count,
            min_vote_average=self.min_vote_average,
            original_language=self.original_language,
            person_ids=tuple(self.person_ids or ()),
            collection_id=self.collection_id,
        )


@strawberry.enum(description="What films are listed by.")
class MovieOrder(Enum):
    RELEVANCE = strawberry.enum_value(
        movie_search.RELEVANCE,
        description="How well the title matches the query (every word, fewest typos, fewest other words), then "
        "popularity. The default with a query; without one it means POPULARITY.",
    )
    POPULARITY = strawberry.enum_value("popularity", description="TMDB popularity; most popular first by default.")
    VOTE_COUNT = strawberry.enum_value("vote_count", description="Number of TMDB votes; most first by default.")
    VOTE_AVERAGE = strawberry.enum_value("vote_average", description="Average TMDB vote; best first by default.")
    RELEASE_DATE = strawberry.enum_value("release_date", description="Release date; newest first by default.")
    REVENUE = strawberry.enum_value(
        "revenue", description="Box-office revenue; highest first by default, unknown (0) last."
    )
    RETURN = strawberry.enum_value(
        "return", description="Return on investment; highest first by default, unknown (no budget) last."
    )
    TITLE = strawberry.enum_value("title", description="Title ignoring case and accents; A to Z by default.")


@strawberry.enum(description="Which way an order goes. Unknown values come last either way.")
class OrderDirection(Enum):
    ASC = strawberry.enum_value(ASCENDING, description="Smallest, oldest or A first.")
    DESC = strawberry.enum_value(DESCENDING, description="Largest, newest or Z first.")


@strawberry.type(description="How many of the films listed have a genre.")
class GenreCount:
    id: int = strawberry.field(description="TMDB genre id.")
    name: str = strawberry.field(description="Genre name, as `filter.genres` takes it.")
    count: int = strawberry.field(description="Films listed with this genre.")


@strawberry.type(description="How many of the films listed were released in a decade.")
class DecadeCount:
    decade: int = strawberry.field(description="The decade's first year: 1990 for 1990 to 1999.")
    count: int = strawberry.field(description="Films listed released in it.")


@strawberry.type(description="Counts of the films listed (every page), for a catalogue's filters.")
class MovieFacets:
    genres: list[GenreCount] = strawberry.field(
        description="Per genre, most films first; genres without a film left out.", metadata=assumed(ASSUMED_GENRES)
    )
    decades: list[DecadeCount] = strawberry.field(
        description="Per decade of release, oldest first.", metadata=assumed(ASSUMED_DECADES)
    )

    @classmethod
    def of(cls, model: ReadModel, facets: Facets) -> Self:
        return cls(
            genres=[
                GenreCount(id=int(model.genre_names.key(entry.genre_row)), name=entry.name, count=entry.count)
                for entry in facets.genres
            ],
            decades=[DecadeCount(decade=entry.decade, count=entry.count) for entry in facets.decades],
        )


@strawberry.type(name="MovieConnection", description="A page of the films a search or a listing found.")
class MovieConnection(Connection[Movie]):
    _model: strawberry.Private[ReadModel]
    _matched: strawberry.Private[np.ndarray | None]

    @strawberry.field(
        description="Per genre and per decade, how many films were found (on every page).",
        metadata=costly(FACETS_COST),
    )
    def facets(self) -> MovieFacets:
        return MovieFacets.of(self._model, movie_search.facets(self._model, self._matched))

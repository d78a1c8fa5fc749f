"""Films like a film: its nearest neighbours by content, computed in the ETL (etl.recommend)."""

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from etl.contract import RECOMMENDATIONS_PER_FILM
from graphql_api.data.model import ReadModel
from graphql_api.domain.answers import FilmsLike, Neighbour
from graphql_api.schema import movie
from graphql_api.schema.sizes import sized_by_parent

if TYPE_CHECKING:
    from graphql_api.schema.movie import Movie

MovieType = Annotated["Movie", strawberry.lazy("graphql_api.schema.movie")]


@strawberry.type(description="A film similar to another, with how similar it is.")
class SimilarMovie:
    score: float = strawberry.field(
        description="Similarity from 0 to 1: a weighted average of how much the two films share text (title, "
        "overview, tagline), collection, genres, director, top-billed cast and original language."
    )
    movie: MovieType = strawberry.field(description="The similar film.")

    @classmethod
    def list_of(cls, model: ReadModel, similar: tuple[Neighbour, ...]) -> list[Self]:
        return [cls(score=entry.score, movie=movie.Movie.of(model, entry.movie_row)) for entry in similar]


@strawberry.type(name="Recommendation", description="A film matching the title asked for, with the films most like it.")
class TitleRecommendations:
    movie: MovieType = strawberry.field(description="The film whose title matched.")
    similar: list[SimilarMovie] = strawberry.field(
        description="The most similar films, most similar first (as many as `first` asked for).",
        metadata=sized_by_parent(RECOMMENDATIONS_PER_FILM),
    )
    message: str = strawberry.field(description="In Spanish: the titles of the similar films.")

    @classmethod
    def of(cls, model: ReadModel, answer: FilmsLike) -> Self:
        return cls(
            movie=movie.Movie.of(model, answer.movie_row),
            similar=SimilarMovie.list_of(model, answer.similar),
            message=answer.message,
        )

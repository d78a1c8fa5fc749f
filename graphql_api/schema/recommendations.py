"""Films like a film: its nearest neighbours by content, computed in the ETL (etl.recommend)."""

from typing import TYPE_CHECKING, Annotated

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.schema.errors import bad_user_input

if TYPE_CHECKING:
    from graphql_api.schema.movie import Movie

MovieType = Annotated["Movie", strawberry.lazy("graphql_api.schema.movie")]

MAX_SIMILAR = 50
DEFAULT_SIMILAR = 5


@strawberry.type(description="A film similar to another, with how similar it is.")
class SimilarMovie:
    score: float = strawberry.field(
        description="Similarity from 0 to 1: a weighted average of how much the two films share text (title, "
        "overview, tagline), collection, genres, director, top-billed cast and original language."
    )
    movie: MovieType = strawberry.field(description="The similar film.")


@strawberry.type(description="A film matching the title asked for, with the films most like it.")
class Recommendation:
    movie: MovieType = strawberry.field(description="The film whose title matched.")
    similar: list[SimilarMovie] = strawberry.field(description="The most similar films, most similar first.")
    message: str = strawberry.field(description="In Spanish: the titles of the similar films.")


@strawberry.type(description="Recommendations for every film matching a title.")
class RecommendationsResult:
    message: str = strawberry.field(description="The answer for the first match, or why nothing matched.")
    suggestions: list[str] = strawberry.field(
        description="When nothing matches: the closest known titles (did you mean?). Empty otherwise."
    )
    matches: list[Recommendation] = strawberry.field(
        description="Every film whose title matches, the most relevant (most votes, then most popular) first."
    )


def check_first(first: int) -> None:
    if first < 0 or first > MAX_SIMILAR:
        raise bad_user_input(f"`first` must be between 0 and {MAX_SIMILAR}, got {first}")


def similar_movies(model: ReadModel, movie_row: int, first: int) -> list[SimilarMovie]:
    from graphql_api.schema.movie import movie

    check_first(first)
    return [SimilarMovie(score=score, movie=movie(model, row)) for row, score in model.similar(movie_row, first)]

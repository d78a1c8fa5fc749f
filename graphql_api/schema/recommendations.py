"""Films like a film: its nearest neighbours by content, computed in the ETL (etl.recommend)."""

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from etl.contract import RECOMMENDATIONS_PER_FILM
from graphql_api.data.model import ReadModel
from graphql_api.domain.answers import FilmsLike, Neighbour
from graphql_api.domain.similarity import FEATURES, explain
from graphql_api.schema import movie
from graphql_api.schema.similarity import SimilarityReason
from graphql_api.schema.sizes import REASON_COST, assumed, costly, sized_by_parent

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
    _model: strawberry.Private[ReadModel]
    _of: strawberry.Private[int]  # the film it is similar to

    @classmethod
    def list_of(cls, model: ReadModel, of: int, similar: tuple[Neighbour, ...]) -> list[Self]:
        return [
            cls(score=entry.score, movie=movie.Movie.of(model, entry.movie_row), _model=model, _of=of)
            for entry in similar
        ]

    @strawberry.field(
        description="What each feature contributed to the score, largest first; the contributions add up to it.",
        metadata=costly(REASON_COST, **assumed(len(FEATURES))),
    )
    def reasons(self) -> list[SimilarityReason]:
        return SimilarityReason.list_of(explain(self._model, self._of, self.movie._row, self.score))


@strawberry.type(
    name="TitleRecommendations",
    description="A film matching the title asked for, with the films most like it. (Named Recommendation before "
    "recommendationsFor came: that name is now the type of its answers.)",
)
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
            similar=SimilarMovie.list_of(model, answer.movie_row, answer.similar),
            message=answer.message,
        )

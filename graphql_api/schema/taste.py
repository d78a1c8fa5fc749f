"""Recommendations for a person's taste (recommendationsFor): a film, its score, the liked films it comes from, why."""

from typing import TYPE_CHECKING, Annotated, Self

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.domain.rules import MAX_TASTE_FILMS
from graphql_api.domain.similarity import FEATURES
from graphql_api.domain.taste import TasteRecommendation, taste_reasons
from graphql_api.schema import movie
from graphql_api.schema.similarity import SimilarityReason
from graphql_api.schema.sizes import REASON_COST, assumed, costly

if TYPE_CHECKING:
    from graphql_api.schema.movie import Movie

MovieType = Annotated["Movie", strawberry.lazy("graphql_api.schema.movie")]

ASSUMED_BECAUSE = 3  # liked films a recommendation comes from


@strawberry.type(
    description="A film recommended for a taste: the films liked and disliked given to recommendationsFor."
)
class Recommendation:
    score: float = strawberry.field(
        description="How well the film matches the taste: its similarity to each liked film it is among the "
        "nearest films of, less its similarity to each such disliked film, divided by the number of liked films."
    )
    movie: MovieType = strawberry.field(description="The film recommended.")
    _model: strawberry.Private[ReadModel]
    _answer: strawberry.Private[TasteRecommendation]

    @classmethod
    def of(cls, model: ReadModel, answer: TasteRecommendation) -> Self:
        return cls(score=answer.score, movie=movie.Movie.of(model, answer.movie_row), _model=model, _answer=answer)

    @strawberry.field(
        description=f"The liked films it comes from (it is among their nearest films), most similar first; at most "
        f"{MAX_TASTE_FILMS}.",
        metadata=assumed(ASSUMED_BECAUSE),
    )
    def because(self) -> list[MovieType]:
        return [movie.Movie.of(self._model, row) for row, _ in self._answer.because]

    @strawberry.field(
        description="What each feature contributed to the score over those liked (and disliked) films, largest "
        "first; the contributions add up to the score.",
        metadata=costly(REASON_COST * ASSUMED_BECAUSE, **assumed(len(FEATURES))),
    )
    def reasons(self) -> list[SimilarityReason]:
        return SimilarityReason.list_of(taste_reasons(self._model, self._answer))

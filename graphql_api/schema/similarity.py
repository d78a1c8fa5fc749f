"""Why two films are alike: the features of a similarity score and what each contributed."""

from enum import Enum
from typing import Self

import strawberry

from etl.contract import SIMILARITY_WEIGHTS
from graphql_api.domain.similarity import Reason


@strawberry.enum(description="A feature two films can share, as the recommender weighs it.")
class SimilarityFeature(Enum):
    TEXT = strawberry.enum_value(
        "text", description=f"Words of title, overview and tagline (TF-IDF); weight {SIMILARITY_WEIGHTS['text']}."
    )
    COLLECTION = strawberry.enum_value(
        "collection", description=f"The same collection; weight {SIMILARITY_WEIGHTS['collection']}."
    )
    GENRES = strawberry.enum_value("genres", description=f"Shared genres; weight {SIMILARITY_WEIGHTS['genres']}.")
    DIRECTOR = strawberry.enum_value(
        "director", description=f"Shared directors; weight {SIMILARITY_WEIGHTS['director']}."
    )
    CAST = strawberry.enum_value(
        "cast", description=f"Shared top-billed cast (first five); weight {SIMILARITY_WEIGHTS['cast']}."
    )
    LANGUAGE = strawberry.enum_value(
        "language", description=f"The same original language; weight {SIMILARITY_WEIGHTS['language']}."
    )


@strawberry.type(description="What a feature contributed to a similarity score.")
class SimilarityReason:
    feature: SimilarityFeature = strawberry.field(description="The feature.")
    contribution: float = strawberry.field(
        description="Its part of the score: the reasons of a score add up to it (to six decimals). Negative when "
        "the feature is shared with disliked films more than with liked ones."
    )
    detail: str | None = strawberry.field(
        description="What is shared, readably: 'same collection: Toy Story Collection', 'shared cast: Tom Hanks, "
        "Tim Allen'. Null for TEXT, whose words the service does not keep."
    )

    @classmethod
    def list_of(cls, reasons: tuple[Reason, ...]) -> list[Self]:
        return [
            cls(feature=SimilarityFeature(reason.feature), contribution=reason.contribution, detail=reason.detail)
            for reason in reasons
        ]

"""Looking a film up by title: its score, or its votes (the customer's third and fourth functions)."""

from typing import Self

import strawberry

from graphql_api.data.model import ReadModel
from graphql_api.domain import answers
from graphql_api.domain.rules import VOTES_THRESHOLD
from graphql_api.schema.lookup import Result
from graphql_api.schema.movie import Movie


@strawberry.type(description="A film's popularity score.")
class TitleScore:
    title: str = strawberry.field(description="The film's title.")
    release_year: int = strawberry.field(description="Year of release.")
    score: float | None = strawberry.field(description="TMDB popularity (the 'score'). Null when unknown.")
    message: str = strawberry.field(
        description="In Spanish: 'La película X fue estrenada en el año X con un score/popularidad de X'."
    )
    movie: Movie = strawberry.field(description="The film.")

    @classmethod
    def of(cls, model: ReadModel, answer: answers.TitleScore) -> Self:
        return cls(
            title=answer.title,
            release_year=answer.release_year,
            score=answer.score,
            message=answer.message,
            movie=Movie.of(model, answer.movie_row),
        )


@strawberry.type(description=f"A film's user votes, given only when it has at least {VOTES_THRESHOLD} of them.")
class TitleVotes:
    title: str = strawberry.field(description="The film's title.")
    release_year: int = strawberry.field(description="Year of release.")
    vote_count: int | None = strawberry.field(description=f"Number of votes; null below {VOTES_THRESHOLD} votes.")
    vote_average: float | None = strawberry.field(
        description=f"Average vote, 0 to 10; null below {VOTES_THRESHOLD} votes."
    )
    meets_threshold: bool = strawberry.field(description=f"True when the film has at least {VOTES_THRESHOLD} votes.")
    message: str = strawberry.field(
        description="In Spanish: 'La película X fue estrenada en el año X. La misma cuenta con un total de X "
        "valoraciones, con un promedio de X', or why the votes are not given."
    )
    movie: Movie = strawberry.field(description="The film.")

    @classmethod
    def of(cls, model: ReadModel, answer: answers.TitleVotes) -> Self:
        return cls(
            title=answer.title,
            release_year=answer.release_year,
            vote_count=answer.vote_count,
            vote_average=answer.vote_average,
            meets_threshold=answer.meets_threshold,
            message=answer.message,
            movie=Movie.of(model, answer.movie_row),
        )


@strawberry.type(name="TitleScoreResult", description="The films matching a title, with their popularity scores.")
class TitleScoreResult(Result[TitleScore]):
    pass


@strawberry.type(name="TitleVotesResult", description="The films matching a title, with their votes.")
class TitleVotesResult(Result[TitleVotes]):
    pass

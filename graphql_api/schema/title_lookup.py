"""Looking a film up by title: its score, or its votes (the customer's third and fourth functions)."""

import strawberry

from graphql_api.schema.movie import Movie

_MATCHES = "Every film whose title matches, the most relevant (most votes, then most popular) first."
_SUGGESTIONS = "When nothing matches: the closest known titles (did you mean?). Empty otherwise."


@strawberry.type(description="A film's popularity score.")
class TitleScore:
    title: str = strawberry.field(description="The film's title.")
    release_year: int = strawberry.field(description="Year of release.")
    score: float | None = strawberry.field(description="TMDB popularity (the 'score'). Null when unknown.")
    message: str = strawberry.field(
        description="In Spanish: 'La película X fue estrenada en el año X con un score/popularidad de X'."
    )
    movie: Movie = strawberry.field(description="The film.")


@strawberry.type(description="The films matching a title, with their popularity scores.")
class TitleScoreResult:
    message: str = strawberry.field(description="The answer for the first match, or why nothing matched.")
    suggestions: list[str] = strawberry.field(description=_SUGGESTIONS)
    matches: list[TitleScore] = strawberry.field(description=_MATCHES)


@strawberry.type(description="A film's user votes, given only when it has at least 2000 of them.")
class TitleVotes:
    title: str = strawberry.field(description="The film's title.")
    release_year: int = strawberry.field(description="Year of release.")
    vote_count: int | None = strawberry.field(description="Number of votes; null below 2000 votes.")
    vote_average: float | None = strawberry.field(description="Average vote, 0 to 10; null below 2000 votes.")
    meets_threshold: bool = strawberry.field(description="True when the film has at least 2000 votes.")
    message: str = strawberry.field(
        description="In Spanish: 'La película X fue estrenada en el año X. La misma cuenta con un total de X "
        "valoraciones, con un promedio de X', or why the votes are not given."
    )
    movie: Movie = strawberry.field(description="The film.")


@strawberry.type(description="The films matching a title, with their votes.")
class TitleVotesResult:
    message: str = strawberry.field(description="The answer for the first match, or why nothing matched.")
    suggestions: list[str] = strawberry.field(description=_SUGGESTIONS)
    matches: list[TitleVotes] = strawberry.field(description=_MATCHES)

"""The root Query: the customer's six functions, the way into the graph of films and people, and discovery."""

from typing import Annotated

import strawberry

from etl.contract import RECOMMENDATIONS_PER_FILM
from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES
from graphql_api.data.model import ReadModel
from graphql_api.domain import answers
from graphql_api.domain.rules import VOTES_THRESHOLD
from graphql_api.schema.discovery import DiscoveryQuery
from graphql_api.schema.lookup import Result
from graphql_api.schema.movie import DEFAULT_SIMILAR, Movie
from graphql_api.schema.person import Person
from graphql_api.schema.recommendations import TitleRecommendations
from graphql_api.schema.releases import MonthReleases, WeekdayReleases
from graphql_api.schema.sizes import LOOKUP_COST, costly, lookup, sizing
from graphql_api.schema.success import ActorResult, ActorSuccess, DirectorResult, DirectorSuccess
from graphql_api.schema.title_lookup import TitleScore, TitleScoreResult, TitleVotes, TitleVotesResult

_TITLE = "A title; matched ignoring case, accents and spacing."


def _model(info: strawberry.Info) -> ReadModel:
    return info.root_value


@strawberry.type(name="RecommendationsResult", description="Recommendations for every film matching a title.")
class RecommendationsResult(Result[TitleRecommendations]):
    pass


@strawberry.type(description="The customer's six functions, and the way into the graph of films and people.")
class ContractQuery:
    @strawberry.field(description="How many films were released in a month, over every year of the data set.")
    def releases_in_month(
        self,
        info: strawberry.Info,
        month: Annotated[
            str,
            strawberry.argument(
                description=f"A month in Spanish ({', '.join(MONTHS_ES)}) or English; any case, accents optional."
            ),
        ],
    ) -> MonthReleases | None:
        return MonthReleases.of(answers.releases_in_month(_model(info), month))

    @strawberry.field(description="How many films were released on a day of the week, over the whole data set.")
    def releases_on_weekday(
        self,
        info: strawberry.Info,
        day: Annotated[
            str,
            strawberry.argument(
                description=f"A day in Spanish ({', '.join(WEEKDAYS_ES)}) or English; any case, accents optional."
            ),
        ],
    ) -> WeekdayReleases | None:
        return WeekdayReleases.of(answers.releases_on_weekday(_model(info), day))

    @strawberry.field(description="The popularity score of every film with a title.", metadata=lookup())
    def title_score(
        self, info: strawberry.Info, title: Annotated[str, strawberry.argument(description=_TITLE)]
    ) -> TitleScoreResult | None:
        model = _model(info)
        return TitleScoreResult.of(answers.title_score(model, title), lambda answer: TitleScore.of(model, answer))

    @strawberry.field(
        description="The votes of every film with a title; given only for films with at least "
        f"{VOTES_THRESHOLD} votes.",
        metadata=lookup(),
    )
    def title_votes(
        self, info: strawberry.Info, title: Annotated[str, strawberry.argument(description=_TITLE)]
    ) -> TitleVotesResult | None:
        model = _model(info)
        return TitleVotesResult.of(answers.title_votes(model, title), lambda answer: TitleVotes.of(model, answer))

    @strawberry.field(
        description="An actor's success measured by the return of the films they acted in.", metadata=lookup()
    )
    def actor(
        self,
        info: strawberry.Info,
        name: Annotated[
            str, strawberry.argument(description="The actor's name; matched ignoring case, accents and spacing.")
        ],
    ) -> ActorResult | None:
        model = _model(info)
        return ActorResult.of(answers.actor(model, name), lambda answer: ActorSuccess.of(model, answer))

    @strawberry.field(
        description="A director's success measured by the return of the films they directed (crew job exactly "
        "Director), with every film.",
        metadata=lookup(),
    )
    def director(
        self,
        info: strawberry.Info,
        name: Annotated[
            str, strawberry.argument(description="The director's name; matched ignoring case, accents and spacing.")
        ],
    ) -> DirectorResult | None:
        model = _model(info)
        return DirectorResult.of(answers.director(model, name), lambda answer: DirectorSuccess.of(model, answer))

    @strawberry.field(
        description="Films like the film with a title (the customer's recomendacion): its most similar films, "
        "most similar first.",
        metadata=costly(LOOKUP_COST, **sizing(DEFAULT_SIMILAR, RECOMMENDATIONS_PER_FILM, "matches.similar")),
    )
    def recommendations(
        self,
        info: strawberry.Info,
        title: Annotated[str, strawberry.argument(description=_TITLE)],
        first: Annotated[
            int, strawberry.argument(description=f"How many similar films per match (0 to {RECOMMENDATIONS_PER_FILM}).")
        ] = DEFAULT_SIMILAR,
    ) -> RecommendationsResult | None:
        model = _model(info)
        return RecommendationsResult.of(
            answers.films_like(model, title, first), lambda answer: TitleRecommendations.of(model, answer)
        )

    @strawberry.field(description="A film by its TMDB id; null when there is none.")
    def movie(
        self, info: strawberry.Info, id: Annotated[int, strawberry.argument(description="TMDB film id.")]
    ) -> Movie | None:
        model = _model(info)
        row = model.movie_row(id)
        return None if row is None else Movie.of(model, row)

    @strawberry.field(description="A person by their TMDB id; null when there is none.")
    def person(
        self, info: strawberry.Info, id: Annotated[int, strawberry.argument(description="TMDB person id.")]
    ) -> Person | None:
        model = _model(info)
        row = model.person_row(id)
        return None if row is None else Person.of(model, row)


@strawberry.type(
    description="Answers about The Movies Dataset: release counts, films, people and their success; search, "
    "browsing and recommendations for a taste."
)
class Query(ContractQuery, DiscoveryQuery):
    pass

"""The root Query: the customer's six functions, and the way into the graph of films and people."""

from typing import Annotated, Any, TypeVar

import strawberry

from graphql_api import messages
from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES, month_number, weekday_number
from graphql_api.data.model import ReadModel
from graphql_api.data.suggest import Suggester
from graphql_api.schema.enums import Month, Weekday
from graphql_api.schema.errors import bad_user_input
from graphql_api.schema.inputs import lookup_key
from graphql_api.schema.movie import Movie, movie
from graphql_api.schema.person import Person, person
from graphql_api.schema.recommendations import (
    DEFAULT_SIMILAR,
    MAX_SIMILAR,
    Recommendation,
    RecommendationsResult,
    check_first,
    similar_movies,
)
from graphql_api.schema.releases import ACCEPTED_MONTHS, ACCEPTED_WEEKDAYS, MonthReleases, WeekdayReleases
from graphql_api.schema.success import (
    ActorResult,
    ActorSuccess,
    DirectedFilm,
    DirectorResult,
    DirectorSuccess,
)
from graphql_api.schema.title_lookup import TitleScore, TitleScoreResult, TitleVotes, TitleVotesResult

Result = TypeVar("Result")


def _model(info: strawberry.Info) -> ReadModel:
    return info.root_value


@strawberry.type(description="Answers about The Movies Dataset: release counts, films, people and their success.")
class Query:
    @strawberry.field(description="How many films were released in a month, over every year of the data set.")
    def releases_in_month(
        self,
        info: strawberry.Info,
        month: Annotated[
            str,
            strawberry.argument(
                description=f"A month in Spanish ({ACCEPTED_MONTHS}) or English; any case, accents optional."
            ),
        ],
    ) -> MonthReleases | None:
        number = month_number(month[:40])
        if number is None:
            raise bad_user_input(f"unknown month {month[:40]!r}; accepted values: {ACCEPTED_MONTHS} (or English names)")
        count = int(_model(info).releases_per_month[number])
        return MonthReleases(
            month=Month(number),
            month_name=MONTHS_ES[number - 1],
            count=count,
            message=messages.releases_in_month(count, number),
        )

    @strawberry.field(description="How many films were released on a day of the week, over the whole data set.")
    def releases_on_weekday(
        self,
        info: strawberry.Info,
        day: Annotated[
            str,
            strawberry.argument(
                description=f"A day in Spanish ({ACCEPTED_WEEKDAYS}) or English; any case, accents optional."
            ),
        ],
    ) -> WeekdayReleases | None:
        number = weekday_number(day[:40])
        if number is None:
            raise bad_user_input(f"unknown day {day[:40]!r}; accepted values: {ACCEPTED_WEEKDAYS} (or English names)")
        count = int(_model(info).releases_per_weekday[number])
        return WeekdayReleases(
            day=Weekday(number),
            day_name=WEEKDAYS_ES[number],
            count=count,
            message=messages.releases_on_weekday(count, number),
        )

    @strawberry.field(description="The popularity score of every film with a title.")
    def title_score(
        self,
        info: strawberry.Info,
        title: Annotated[str, strawberry.argument(description="A title; matched ignoring case, accents and spacing.")],
    ) -> TitleScoreResult | None:
        model = _model(info)
        rows = model.titles_by_key.get(lookup_key("title", title))
        matches = []
        for row in rows:
            found = movie(model, row)
            matches.append(
                TitleScore(
                    title=found.title or "",
                    release_year=found.release_year,
                    score=found.popularity,
                    message=messages.title_score(found.title or "", found.release_year, found.popularity),
                    movie=found,
                )
            )
        return _answer(TitleScoreResult, matches, messages.no_title(title), model.title_suggester, title)

    @strawberry.field(
        description=f"The votes of every film with a title; given only for films with at least "
        f"{messages.VOTES_THRESHOLD} votes."
    )
    def title_votes(
        self,
        info: strawberry.Info,
        title: Annotated[str, strawberry.argument(description="A title; matched ignoring case, accents and spacing.")],
    ) -> TitleVotesResult | None:
        model = _model(info)
        rows = model.titles_by_key.get(lookup_key("title", title))
        matches = [_title_votes(movie(model, row)) for row in rows]
        return _answer(TitleVotesResult, matches, messages.no_title(title), model.title_suggester, title)

    @strawberry.field(description="An actor's success measured by the return of the films they acted in.")
    def actor(
        self,
        info: strawberry.Info,
        name: Annotated[
            str,
            strawberry.argument(description="The actor's name; matched ignoring case, accents and spacing."),
        ],
    ) -> ActorResult | None:
        model = _model(info)
        rows = model.actors_by_key.get(lookup_key("name", name))
        matches = []
        for row in rows:
            films = int(model.acting.film_count[row])
            total = float(model.acting.total_return[row])
            found = person(model, row)
            matches.append(
                ActorSuccess(
                    film_count=films,
                    total_return=total,
                    average_return=total / films,
                    message=messages.actor(found.name or "", films, total, total / films),
                    person=found,
                )
            )
        return _answer(ActorResult, matches, messages.no_actor(name), model.actor_suggester, name)

    @strawberry.field(
        description="A director's success measured by the return of the films they directed (crew job exactly "
        "Director), with every film."
    )
    def director(
        self,
        info: strawberry.Info,
        name: Annotated[
            str,
            strawberry.argument(description="The director's name; matched ignoring case, accents and spacing."),
        ],
    ) -> DirectorResult | None:
        model = _model(info)
        rows = model.directors_by_key.get(lookup_key("name", name))
        matches = [_director_success(model, row) for row in rows]
        return _answer(DirectorResult, matches, messages.no_director(name), model.director_suggester, name)

    @strawberry.field(
        description="Films like the film with a title (the customer's recomendacion): its most similar films, "
        "most similar first."
    )
    def recommendations(
        self,
        info: strawberry.Info,
        title: Annotated[str, strawberry.argument(description="A title; matched ignoring case, accents and spacing.")],
        first: Annotated[
            int, strawberry.argument(description=f"How many similar films per match (0 to {MAX_SIMILAR}).")
        ] = DEFAULT_SIMILAR,
    ) -> RecommendationsResult | None:
        model = _model(info)
        check_first(first)
        matches = []
        for row in model.titles_by_key.get(lookup_key("title", title)):
            found = movie(model, row)
            similar = similar_movies(model, row, first)
            message = messages.recommendations(
                found.title or "", found.release_year, [entry.movie.title or "" for entry in similar]
            )
            matches.append(Recommendation(movie=found, similar=similar, message=message))
        return _answer(RecommendationsResult, matches, messages.no_title(title), model.title_suggester, title)

    @strawberry.field(description="A film by its TMDB id; null when there is none.")
    def movie(
        self, info: strawberry.Info, id: Annotated[int, strawberry.argument(description="TMDB film id.")]
    ) -> Movie | None:
        model = _model(info)
        row = model.movie_row(id)
        return None if row is None else movie(model, row)

    @strawberry.field(description="A person by their TMDB id; null when there is none.")
    def person(
        self, info: strawberry.Info, id: Annotated[int, strawberry.argument(description="TMDB person id.")]
    ) -> Person | None:
        model = _model(info)
        row = model.person_row(id)
        return None if row is None else person(model, row)


def _answer(result: type[Result], matches: list[Any], no_match: str, suggester: Suggester, text: str) -> Result:
    """A lookup's result: the first match answers; with no match, say so and suggest close ones."""
    if not matches:
        return result(message=no_match, suggestions=list(suggester.suggest(text)), matches=[])  # type: ignore[call-arg]
    return result(message=matches[0].message, suggestions=[], matches=matches)  # type: ignore[call-arg]


def _title_votes(found: Movie) -> TitleVotes:
    title = found.title or ""
    votes = found.vote_count or 0
    if votes >= messages.VOTES_THRESHOLD:
        return TitleVotes(
            title=title,
            release_year=found.release_year,
            vote_count=votes,
            vote_average=found.vote_average,
            meets_threshold=True,
            message=messages.title_votes(title, found.release_year, votes, found.vote_average),
            movie=found,
        )
    return TitleVotes(
        title=title,
        release_year=found.release_year,
        vote_count=None,
        vote_average=None,
        meets_threshold=False,
        message=messages.title_votes_below_threshold(title, found.release_year),
        movie=found,
    )


def _director_success(model: ReadModel, row: int) -> DirectorSuccess:
    films = int(model.directing.film_count[row])
    total = float(model.directing.total_return[row])
    found = person(model, row)
    directed = []
    for film_row in model.directing.films.slice(row):
        film = movie(model, film_row)
        directed.append(
            DirectedFilm(
                title=film.title,
                release_date=film.release_date,
                return_=film.return_,
                budget=film.budget,
                revenue=film.revenue,
                movie=film,
            )
        )
    return DirectorSuccess(
        film_count=films,
        total_return=total,
        average_return=total / films,
        message=messages.director(found.name or "", films, total, total / films),
        person=found,
        films=directed,
    )

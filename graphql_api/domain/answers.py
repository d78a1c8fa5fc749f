"""The customer's questions: release counts, a title's score and votes, an actor's and a director's
return, and the films like a film. Plain functions over the read model, returning plain data
(named tuples: made in a third of a frozen dataclass's time)."""

import math
from collections.abc import Callable
from typing import Generic, NamedTuple, Protocol, TypeVar

from etl.contract import RECOMMENDATIONS_PER_FILM
from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES
from graphql_api.data.model import ReadModel, Success
from graphql_api.data.suggest import Suggester
from graphql_api.domain import arguments, sentences
from graphql_api.domain.rules import VOTES_THRESHOLD


class _Answer(Protocol):
    @property
    def message(self) -> str: ...


Match = TypeVar("Match", bound=_Answer)


class Lookup(NamedTuple, Generic[Match]):
    """What a title or name matched: every match, most relevant first, or suggestions when none did."""

    message: str  # the answer for the first match, or why nothing matched
    suggestions: tuple[str, ...]  # the closest known titles or names when nothing matched
    matches: tuple[Match, ...]


class ReleaseCount(NamedTuple):
    number: int  # month 1..12, or weekday 0 (Monday)..6
    name: str  # in Spanish
    count: int
    message: str


class TitleScore(NamedTuple):
    movie_row: int
    title: str
    release_year: int
    score: float | None
    message: str


class TitleVotes(NamedTuple):
    movie_row: int
    title: str
    release_year: int
    vote_count: int | None  # None below the threshold
    vote_average: float | None
    meets_threshold: bool
    message: str


class DirectedFilm(NamedTuple):
    movie_row: int
    title: str | None
    release_date: str
    return_: float
    budget: float
    revenue: float


class PersonReturn(NamedTuple):
    """A person's success in a role: the return of the distinct films they worked on in it."""

    person_row: int
    name: str
    film_count: int
    total_return: float
    average_return: float
    message: str
    film_rows: tuple[int, ...] = ()  # for directors: every film directed, oldest first (`directed_film`)


class Neighbour(NamedTuple):
    movie_row: int
    score: float


class FilmsLike(NamedTuple):
    movie_row: int
    title: str
    release_year: int
    similar: tuple[Neighbour, ...]
    similar_titles: tuple[str, ...]  # of `similar`, in the same order
    message: str


def releases_in_month(model: ReadModel, month: str) -> ReleaseCount:
    number = arguments.month(month)
    count = int(model.releases_per_month[number])
    return ReleaseCount(number, MONTHS_ES[number - 1], count, sentences.releases_in_month(count, number))


def releases_on_weekday(model: ReadModel, day: str) -> ReleaseCount:
    number = arguments.weekday(day)
    count = int(model.releases_per_weekday[number])
    return ReleaseCount(number, WEEKDAYS_ES[number], count, sentences.releases_on_weekday(count, number))


def title_score(model: ReadModel, title: str) -> Lookup[TitleScore]:
    def answer(row: int) -> TitleScore:
        found, year, score = model.titles[row] or "", int(model.release_years[row]), _known(model.popularity[row])
        return TitleScore(row, found, year, score, sentences.title_score(found, year, score))

    rows = model.titles_by_key.get(arguments.lookup_key("title", title))
    return _lookup(rows, answer, sentences.no_title(title), model.title_suggester, title)


def title_votes(model: ReadModel, title: str) -> Lookup[TitleVotes]:
    def answer(row: int) -> TitleVotes:
        found, year = model.titles[row] or "", int(model.release_years[row])
        votes = max(int(model.vote_counts[row]), 0)
        if votes < VOTES_THRESHOLD:
            return TitleVotes(row, found, year, None, None, False, sentences.title_votes_below_threshold(found, year))
        average = _known(model.vote_averages[row])
        return TitleVotes(row, found, year, votes, average, True, sentences.title_votes(found, year, votes, average))

    rows = model.titles_by_key.get(arguments.lookup_key("title", title))
    return _lookup(rows, answer, sentences.no_title(title), model.title_suggester, title)


def actor(model: ReadModel, name: str) -> Lookup[PersonReturn]:
    def answer(row: int) -> PersonReturn:
        found, films, total = _success(model, model.acting, row)
        return PersonReturn(
            row, found, films, total, total / films, sentences.actor(found, films, total, total / films)
        )

    rows = model.actors_by_key.get(arguments.lookup_key("name", name))
    return _lookup(rows, answer, sentences.no_actor(name), model.actor_suggester, name)


def director(model: ReadModel, name: str) -> Lookup[PersonReturn]:
    def answer(row: int) -> PersonReturn:
        found, films, total = _success(model, model.directing, row)
        message = sentences.director(found, films, total, total / films)
        directed = tuple(model.directing.films.slice(row))
        return PersonReturn(row, found, films, total, total / films, message, directed)

    rows = model.directors_by_key.get(arguments.lookup_key("name", name))
    return _lookup(rows, answer, sentences.no_director(name), model.director_suggester, name)


def films_like(model: ReadModel, title: str, first: int) -> Lookup[FilmsLike]:
    """For every film with a title, its `first` most similar films (the customer's recomendacion)."""
    arguments.count_between("first", first, RECOMMENDATIONS_PER_FILM)

    def answer(row: int) -> FilmsLike:
        found, year = model.titles[row] or "", int(model.release_years[row])
        similar = neighbours(model, row, first)
        titles = tuple(model.titles[neighbour.movie_row] or "" for neighbour in similar)
        return FilmsLike(row, found, year, similar, titles, sentences.recommendations(found, year, list(titles)))

    rows = model.titles_by_key.get(arguments.lookup_key("title", title))
    return _lookup(rows, answer, sentences.no_title(title), model.title_suggester, title)


def neighbours(model: ReadModel, movie_row: int, first: int) -> tuple[Neighbour, ...]:
    """A film's `first` most similar films, most similar first."""
    arguments.count_between("first", first, RECOMMENDATIONS_PER_FILM)
    return tuple(Neighbour(row, score) for row, score in model.similar(movie_row, first))


def movie_id(model: ReadModel, movie_row: int) -> int:
    """The TMDB id of the film an answer's `movie_row` stands for."""
    return int(model.movie_ids[movie_row])


def person_id(model: ReadModel, person_row: int) -> int:
    """The TMDB id of the person an answer's `person_row` stands for."""
    return int(model.person_ids[person_row])


def _lookup(
    rows: list[int], answer: Callable[[int], Match], no_match: str, suggester: Suggester, text: str
) -> Lookup[Match]:
    if not rows:
        return Lookup(no_match, suggester.suggest(text), ())
    matches = tuple(answer(row) for row in rows)
    return Lookup(matches[0].message, (), matches)


def _success(model: ReadModel, success: Success, row: int) -> tuple[str, int, float]:
    return model.person_names[row] or "", int(success.film_count[row]), float(success.total_return[row])


def directed_film(model: ReadModel, row: int) -> DirectedFilm:
    """A directed film's figures (of a director's `film_rows`)."""
    return DirectedFilm(
        movie_row=row,
        title=model.titles[row],
        release_date=model.release_dates[row],
        return_=float(model.returns[row]),
        budget=float(model.budgets[row]),
        revenue=float(model.revenues[row]),
    )


def _known(value: float) -> float | None:
    return None if math.isnan(value) else float(value)

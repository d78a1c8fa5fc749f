"""The six contract queries, with the arguments that make requests repeat or all differ."""

import random
from dataclasses import dataclass

import numpy as np

from graphql_api.data.calendar import MONTHS_EN, MONTHS_ES, WEEKDAYS_EN, WEEKDAYS_ES
from graphql_api.data.model import ReadModel
from graphql_api.data.text import normalize

SEED = 7


@dataclass(frozen=True)
class Query:
    name: str
    document: str  # GraphQL with the argument as the variable $v
    bare_path: str  # the bare FastAPI route
    bare_parameter: str
    common: str  # a typical argument
    heaviest: str  # the argument with the most work behind it
    values: tuple[str, ...]  # many different arguments


def _fields(name: str) -> str:
    return {
        "mes": "count message",
        "dia": "count message",
        "score": "message suggestions matches { title releaseYear score message movie { id } }",
        "votos": "message suggestions matches { title releaseYear voteCount voteAverage meetsThreshold message "
        "movie { id } }",
        "actor": "message suggestions matches { filmCount totalReturn averageReturn message person { id name } }",
        "director": "message suggestions matches { filmCount totalReturn averageReturn message person { id name } "
        "films { title releaseDate return budget revenue movie { id } } }",
        "recommendations": "message suggestions matches { movie { id title } similar { score movie { id title } } }",
    }[name]


def _document(alias: str, field: str, argument: str) -> str:
    return f"query($v: String!) {{ {alias}: {field}({argument}: $v) {{ {_fields(alias)} }} }}"


def literal_document(query: Query, value: str) -> str:
    """The same request with the argument written into the query text (so no parse can be reused)."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return query.document.replace("query($v: String!) ", "").replace("$v", f'"{escaped}"')


def _case_variants(names: list[str], count: int, rng: random.Random) -> tuple[str, ...]:
    """Different spellings of the same few names: case and surrounding spaces vary."""
    variants: set[str] = set()
    while len(variants) < count:
        name = "".join(char.upper() if rng.random() < 0.5 else char for char in rng.choice(names))
        variants.add(" " * rng.randrange(4) + name + " " * rng.randrange(4))
    values = sorted(variants)
    rng.shuffle(values)
    return tuple(values)


def queries(model: ReadModel, distinct: int = 10_000) -> list[Query]:
    rng = random.Random(SEED)
    titles = sorted(model.title_suggester.display_names())
    actors = sorted(model.actor_suggester.display_names())
    directors = sorted(model.director_suggester.display_names())
    single = [title for title in titles if len(model.titles_by_key.get(normalize(title))) == 1]
    most_ambiguous = max(titles, key=lambda title: len(model.titles_by_key.get(normalize(title))))
    median_actor = _median_person(model, model.acting.film_count, actors)
    busiest_actor = model.person_names[int(np.argmax(model.acting.film_count))] or ""
    median_director = _median_person(model, model.directing.film_count, directors)
    busiest_director = model.person_names[int(np.argmax(model.directing.film_count))] or ""
    popular_title = model.titles[int(np.argmax(model.vote_counts))] or ""
    months = MONTHS_ES + MONTHS_EN
    days = WEEKDAYS_ES + WEEKDAYS_EN
    return [
        Query("mes", _document("mes", "releasesInMonth", "month"), "/bare/releasesInMonth", "month", "enero", "enero",
              _case_variants(list(months), distinct, rng)),
        Query("dia", _document("dia", "releasesOnWeekday", "day"), "/bare/releasesOnWeekday", "day", "sábado", "sábado",
              _case_variants(list(days), distinct, rng)),
        Query("score", _document("score", "titleScore", "title"), "/bare/titleScore", "title", popular_title,
              most_ambiguous, _enough(single, distinct, rng)),
        Query("votos", _document("votos", "titleVotes", "title"), "/bare/titleVotes", "title", popular_title,
              most_ambiguous, _enough(single, distinct, rng)),
        Query("actor", _document("actor", "actor", "name"), "/bare/actor", "name", median_actor, busiest_actor,
              _enough(actors, distinct, rng)),
        Query("director", _document("director", "director", "name"), "/bare/director", "name", median_director,
              busiest_director, _enough(directors, distinct, rng)),
        Query("recommendations", _document("recommendations", "recommendations", "title"), "/bare/recommendations",
              "title", popular_title, most_ambiguous, _enough(single, distinct, rng)),
    ]  # fmt: skip


def _enough(names: list[str], count: int, rng: random.Random) -> tuple[str, ...]:
    """`count` different arguments: distinct names, then other spellings of them (case, spaces) when
    there are fewer names than that; every one is a different request with a real answer."""
    chosen = rng.sample(names, min(count, len(names)))
    if len(chosen) < count:
        taken = set(chosen)
        chosen += [value for value in _case_variants(names, count, rng) if value not in taken]
    return tuple(chosen[:count])


def _median_person(model: ReadModel, film_counts: np.ndarray, names: list[str]) -> str:
    """A person with the median number of films among those with at least one."""
    people = np.flatnonzero(film_counts > 0)
    median = int(np.median(film_counts[people]))
    for row in people[np.argsort(np.abs(film_counts[people] - median), kind="stable")]:
        name = model.person_names[int(row)]
        if name in names:
            return name
    return names[0]

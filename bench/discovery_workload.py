"""Discovery requests as a front end sends them: prefixes typed letter by letter, search texts (with typos),
every filter with every order, names, and tastes of ten liked films; drawn from a data set, seeded."""

import itertools
import random
from dataclasses import dataclass
from typing import Any

import numpy as np

from graphql_api.data.model import ReadModel

SEED = 12
CARD = "id title releaseYear voteAverage voteCount genres { name }"
COMPLETE = "query($p: String!) { autocomplete(prefix: $p, first: 10) { id title releaseYear } }"
_PAGE = (
    "query($q: String, $f: MovieFilter, $o: MovieOrder, $d: OrderDirection) { searchMovies(query: $q, filter: $f, "
    f"orderBy: $o, orderDirection: $d, first: 20) {{ totalCount pageInfo {{ hasNextPage endCursor }} nodes {{ {CARD} }}"
)
SEARCH = _PAGE + " } }"
BROWSE = _PAGE + " facets { genres { name count } decades { decade count } } } }"
PEOPLE = "query($q: String!) { searchPeople(query: $q, first: 12) { totalCount nodes { id name } } }"
TASTE = (
    "query($l: [Int!]!) { recommendationsFor(liked: $l, first: 10) { score movie { "
    f"{CARD} }} because {{ id title }} reasons {{ feature contribution detail }} }} }}"
)
ORDERS = [(None, None)] + [
    (order, direction)
    for order in ("POPULARITY", "VOTE_COUNT", "VOTE_AVERAGE", "RELEASE_DATE", "REVENUE", "RETURN", "TITLE")
    for direction in (None, "ASC", "DESC")
]


@dataclass(frozen=True)
class Request:
    query: str
    variables: dict[str, Any]


def prefixes(model: ReadModel, count: int) -> list[str]:
    """What users type into a search box, a letter at a time, from titles of popular films; one in ten with a typo."""
    rng = random.Random(SEED)
    typed: list[str] = []
    for row in _popular_rows(model, rng, count):
        title = (model.titles[row] or "").lower()
        for length in range(1, min(len(title), 12) + 1):
            prefix = title[:length]
            if _searchable(prefix) and not prefix.endswith(" "):
                typed.append(_typo(prefix, rng) if len(prefix) >= 5 and rng.random() < 0.1 else prefix)
    rng.shuffle(typed)
    return typed[:count]


def search_texts(model: ReadModel, count: int) -> list[str]:
    """Whole titles, single title words and two words of a title, some with a typo."""
    rng = random.Random(SEED + 1)
    texts = []
    for row in _popular_rows(model, rng, count):
        words = (model.titles[row] or "x").split()
        text = rng.choice([" ".join(words), rng.choice(words), " ".join(words[:2])])
        if not _searchable(text):
            continue
        texts.append(_typo(text, rng) if rng.random() < 0.3 and len(text) >= 5 else text)
    return texts


def filters(model: ReadModel) -> list[dict[str, Any] | None]:
    """No filter, each condition alone, and all of them at once."""
    busiest = int(model.person_ids[int(np.argmax(model.acting.film_count))])
    collections, sizes = np.unique(model.collection_ids[model.collection_ids >= 0], return_counts=True)
    genres = sorted(name for row in range(len(model.genre_names)) if (name := model.genre_names.name(row)))
    return [
        None,
        {"genres": [genres[0]]},
        {"genres": genres[:2]},
        {"yearFrom": 1990, "yearTo": 1999},
        {"minVoteCount": 100},
        {"minVoteAverage": 7.0},
        {"originalLanguage": "fr"},
        {"personIds": [busiest]},
        {"collectionId": int(collections[np.argmax(sizes)])},
        {"genres": ["Drama"], "yearFrom": 1980, "yearTo": 2009, "minVoteCount": 10, "minVoteAverage": 6.0,
         "originalLanguage": "en"},
    ]  # fmt: skip


def search_matrix(model: ReadModel) -> dict[str, Request]:
    """Every filter with every order, without a query and with a common word, a typo and two words."""
    word = _common_word(model)
    texts = {"browse": None, "word": word, "typo": _typo(word, random.Random(SEED)), "two words": f"{word} the"}
    matrix = {}
    for (label, text), conditions, (order, direction) in itertools.product(texts.items(), filters(model), ORDERS):
        variables = {"q": text, "f": conditions, "o": order, "d": direction}
        matrix[f"{label} | {conditions} | {order} {direction}"] = Request(SEARCH, variables)
        if text is not None and order is None:
            relevance = {**variables, "o": "RELEVANCE"}
            matrix[f"{label} | {conditions} | RELEVANCE"] = Request(SEARCH, relevance)
    return matrix


def names(model: ReadModel, count: int) -> list[str]:
    rng = random.Random(SEED + 2)
    found = []
    people = np.flatnonzero(model.acting.film_count + model.directing.film_count > 0)
    for row in rng.sample(people.tolist(), count):
        name = model.person_names[row] or "x"
        found.append(_typo(name, rng) if rng.random() < 0.3 and len(name) >= 6 else name)
    return found


def tastes(model: ReadModel, count: int, liked: int = 10) -> list[list[int]]:
    """Ten films liked among the 5,000 most popular, `count` times."""
    rng = random.Random(SEED + 3)
    popular = model.movie_orders[("popularity", "desc")][:5000].tolist()
    return [[int(model.movie_ids[row]) for row in rng.sample(popular, liked)] for _ in range(count)]


def _popular_rows(model: ReadModel, rng: random.Random, count: int) -> list[int]:
    popular = model.movie_orders[("popularity", "desc")][:10_000].tolist()
    return [rng.choice(popular) for _ in range(count)]


def _common_word(model: ReadModel) -> str:
    """A title word shared by about one film in a hundred."""
    index = model.title_words
    sizes = np.array([len(index.rows(range(word, word + 1))) for word in range(len(index.words))])
    return index.words[int(np.argmin(np.abs(sizes - model.movie_count // 100)))] or "the"


def _searchable(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _typo(text: str, rng: random.Random) -> str:
    """Two neighbouring letters swapped, away from the first."""
    if len(text) < 4:
        return text
    at = rng.randrange(1, len(text) - 2)
    return text[:at] + text[at + 1] + text[at] + text[at + 2 :]

"""Searching people by name: every word of the text in the name, typos tolerated, in a role or any."""

from dataclasses import dataclass

import numpy as np

from graphql_api.data.model import ReadModel
from graphql_api.domain import arguments
from graphql_api.domain.rules import MAX_SEARCH_LENGTH
from graphql_api.domain.word_search import match_words, score_keys

ANY, ACTOR, DIRECTOR = "any", "actor", "director"


@dataclass(frozen=True)
class PeopleResults:
    total: int
    rows: tuple[int, ...]  # the people of the page asked for, in order


def search_people(model: ReadModel, query: str, role: str, start: int, count: int) -> PeopleResults:
    """People whose name matches `query`, acting (ACTOR), directing (DIRECTOR) or with any credit:
    the best matching names first, then the people with most films in the role (any credit for ANY),
    then by id."""
    found = match_words(model.name_words, arguments.search_words("query", query, MAX_SEARCH_LENGTH))
    rows, scores = found.rows, found.scores
    films = _films(model, role, rows)
    if role != ANY:
        keep = films > 0
        rows, scores, films = rows[keep], scores[keep], films[keep]
    page = np.lexsort((rows, -films, score_keys(scores)))[start : start + count]
    return PeopleResults(len(rows), tuple(rows[page].tolist()))


def _films(model: ReadModel, role: str, rows: np.ndarray) -> np.ndarray:
    """Films of each person in the role; for ANY, their cast and crew credits."""
    if role == ACTOR:
        return model.acting.film_count[rows]
    if role == DIRECTOR:
        return model.directing.film_count[rows]
    cast, crew = model.person_cast_offsets, model.person_crew_offsets
    return (cast[rows + 1] - cast[rows]) + (crew[rows + 1] - crew[rows])

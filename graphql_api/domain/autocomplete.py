"""Completing a title as it is typed: the last word is a prefix, the words before it are whole.

Films whose title has a word starting with the prefix (and every whole word before it) come most
popular first. When they are fewer than asked for and the prefix has TYPO_PREFIX_LETTERS letters or
more, films whose title has a word starting with the prefix give or take one typo follow.
"""

import numpy as np

from graphql_api.data.model import ReadModel
from graphql_api.domain import arguments
from graphql_api.domain.rules import MAX_COMPLETIONS, MAX_PREFIX_LENGTH, TYPO_PREFIX_LETTERS
from graphql_api.domain.word_search import match_words

_SLACK = 4  # a film listed under several words with the prefix takes several of the best places


def autocomplete(model: ReadModel, prefix: str, first: int) -> tuple[int, ...]:
    """Film rows completing `prefix`, most relevant first."""
    arguments.count_between("first", first, MAX_COMPLETIONS)
    typed = arguments.search_words("prefix", prefix, MAX_PREFIX_LENGTH)
    *whole, last = typed
    if not first:
        return ()
    index = model.title_words
    allowed = None
    if whole:
        found = match_words(index, whole)
        if not found.complete:
            return ()
        allowed = np.zeros(model.movie_count, dtype=bool)
        allowed[found.rows] = True
    chosen = _most_popular(model, _within(index.rows(index.prefixed(last)), allowed), first)
    if len(chosen) < first and len(last) >= TYPO_PREFIX_LETTERS:
        near = [position for position, _ in index.near(last, 1, prefix=True)]
        rows = np.concatenate([index.rows(range(position, position + 1)) for position in near] or [chosen[:0]])
        rows = _within(rows, allowed)
        chosen = np.concatenate([chosen, _most_popular(model, rows[~np.isin(rows, chosen)], first - len(chosen))])
    return tuple(chosen.tolist())


def _within(rows: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
    return rows if allowed is None else rows[allowed[rows]]


def _most_popular(model: ReadModel, rows: np.ndarray, count: int) -> np.ndarray:
    """The `count` most popular films among `rows` (which may repeat), most popular first."""
    ranks = model.popularity_ranks[rows]
    if len(ranks) > count * _SLACK:
        best = np.unique(np.partition(ranks, count * _SLACK)[: count * _SLACK + 1])
        if len(best) < count:
            best = np.unique(ranks)
    else:
        best = np.unique(ranks)
    return model.movie_orders[("popularity", "desc")][best[:count]]

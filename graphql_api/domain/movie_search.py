"""Searching and browsing films: a search text, a filter, an order, a page; and the facets of what matched."""

from dataclasses import dataclass

import numpy as np

from etl.contract import MOVIE_ORDERS
from graphql_api.data.model import ReadModel
from graphql_api.domain import arguments
from graphql_api.domain.arguments import InvalidArgumentError
from graphql_api.domain.movie_filter import MovieFilter, kept
from graphql_api.domain.rules import MAX_SEARCH_LENGTH
from graphql_api.domain.word_search import match_words, score_keys

RELEVANCE = "relevance"
ORDERS = (RELEVANCE, *MOVIE_ORDERS)
ASCENDING, DESCENDING = "asc", "desc"
NATURAL_DIRECTION = {key: ASCENDING if key == "title" else DESCENDING for key in ORDERS}


@dataclass(frozen=True)
class MovieResults:
    total: int
    rows: tuple[int, ...]  # the films of the page asked for, in order
    matched: np.ndarray | None  # every film matched, in no order; None for every film of the data set


@dataclass(frozen=True)
class GenreCount:
    genre_row: int
    name: str
    count: int


@dataclass(frozen=True)
class DecadeCount:
    decade: int  # its first year: 1990 for 1990-1999
    count: int


@dataclass(frozen=True)
class Facets:
    genres: tuple[GenreCount, ...]  # most films first; genres without a film left out
    decades: tuple[DecadeCount, ...]  # oldest first


def search_movies(
    model: ReadModel,
    query: str | None,
    conditions: MovieFilter | None,
    order: str | None,
    direction: str | None,
    start: int,
    count: int,
) -> MovieResults:
    """Films matching `query` (every film when None) and `conditions`, the page [start, start + count)
    in the order asked for: by relevance (only with a query: how well the title matches, then
    popularity) or by a key of MOVIE_ORDERS, each way (unknown values last)."""
    text_words = arguments.search_words("query", query, MAX_SEARCH_LENGTH) if query is not None else None
    order, direction = _order(order, direction, text_words is not None)
    mask = kept(model, conditions)
    if text_words is None:
        listed = model.movie_orders[(order, direction)]
        if mask is None:
            return MovieResults(model.movie_count, tuple(listed[start : start + count].tolist()), None)
        listed = listed[mask[listed]]
        return MovieResults(len(listed), tuple(listed[start : start + count].tolist()), np.flatnonzero(mask))
    found = match_words(model.title_words, text_words)
    rows, scores = found.rows, found.scores
    if mask is not None:
        rows, scores = rows[mask[rows]], scores[mask[rows]]
    if order == RELEVANCE:
        keys = score_keys(scores) * (model.movie_count + 1) + model.popularity_ranks[rows]
        page = rows[ranked(keys, start, start + count)]
    else:
        listed = model.movie_orders[(order, direction)]
        chosen = np.zeros(model.movie_count, dtype=bool)
        chosen[rows] = True
        page = listed[chosen[listed]][start : start + count]
    return MovieResults(len(rows), tuple(page.tolist()), rows)


def ranked(keys: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Positions of the keys that rank start..stop-1, smallest first (keys are distinct)."""
    stop = min(stop, len(keys))
    if start >= stop:
        return np.zeros(0, dtype=np.int64)
    candidates = np.argpartition(keys, stop - 1)[:stop] if stop < len(keys) else np.arange(len(keys))
    return candidates[np.argsort(keys[candidates], kind="stable")][start:stop]


def facets(model: ReadModel, matched: np.ndarray | None) -> Facets:
    """How many of the films matched have each genre, and how many were released in each decade."""
    chosen = np.ones(model.movie_count, dtype=bool)
    if matched is not None:
        chosen[:] = False
        chosen[matched] = True
    in_genre = chosen[model.genre_movie_rows].astype(np.int64)
    offsets = model.genre_movie_offsets
    per_genre = np.add.reduceat(in_genre, offsets[:-1]) if len(in_genre) else np.zeros(len(offsets) - 1, np.int64)
    per_genre[offsets[:-1] == offsets[1:]] = 0  # reduceat gives an empty group the next item instead
    genres = sorted(
        (
            GenreCount(row, model.genre_names.name(row) or "", int(total))
            for row, total in enumerate(per_genre)
            if total
        ),
        key=lambda entry: (-entry.count, entry.name),
    )
    decades, counts = np.unique(model.release_years[chosen] // 10 * 10, return_counts=True)
    return Facets(
        tuple(genres),
        tuple(DecadeCount(int(decade), int(total)) for decade, total in zip(decades, counts, strict=True)),
    )


def _order(order: str | None, direction: str | None, has_query: bool) -> tuple[str, str]:
    if order is None or (order == RELEVANCE and not has_query):
        order = RELEVANCE if has_query else "popularity"
    if order == RELEVANCE:
        if direction not in (None, DESCENDING):
            raise InvalidArgumentError(
                "orderDirection", "`orderDirection` must be DESC or left out when ordering by RELEVANCE"
            )
        return order, DESCENDING
    return order, direction or NATURAL_DIRECTION[order]

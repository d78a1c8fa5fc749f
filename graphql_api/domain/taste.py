"""Recommendations for a person's taste: the neighbours of the films they liked, away from those they disliked.

A candidate is a film among the nearest films the ETL kept for a liked film. Its score is the
sum of its similarity to each liked film whose neighbours hold it, less its similarity to each
disliked film whose neighbours hold it, divided by the number of liked films: films near several
liked films come first, films near disliked ones sink. Liked, disliked and excluded films are never
recommended, nor films scoring 0 or less. Ties go to the film near more liked films, then the more
popular.
"""

from dataclasses import dataclass

import numpy as np

from graphql_api.data.model import SCORE_DECIMALS, ReadModel
from graphql_api.domain import arguments
from graphql_api.domain.arguments import InvalidArgumentError
from graphql_api.domain.rules import MAX_TASTE_FILMS, MAX_TASTE_RECOMMENDATIONS
from graphql_api.domain.similarity import Reason, blend


@dataclass(frozen=True)
class TasteRecommendation:
    movie_row: int
    score: float
    because: tuple[tuple[int, float], ...]  # liked films holding it among their neighbours, with the
    # similarity, most similar first
    disliked: tuple[tuple[int, float], ...]  # disliked films holding it, with the similarity
    liked_count: int  # the score's divisor


def recommendations_for(
    model: ReadModel, liked: list[int], disliked: list[int], exclude: list[int], first: int
) -> tuple[TasteRecommendation, ...]:
    """The `first` films best matching a taste, given as TMDB ids of films liked, disliked and not wanted."""
    arguments.count_between("first", first, MAX_TASTE_RECOMMENDATIONS)
    liked_rows = arguments.rows_of("liked", liked, model.movie_row, MAX_TASTE_FILMS)
    if not liked_rows:
        raise InvalidArgumentError("liked", "`liked` must hold at least one film id")
    disliked_rows = arguments.rows_of("disliked", disliked, model.movie_row, MAX_TASTE_FILMS)
    excluded = arguments.rows_of("exclude", exclude, model.movie_row, MAX_TASTE_FILMS) + liked_rows + disliked_rows
    near, liked_of, scores = _neighbours(model, liked_rows)
    keep = ~np.isin(near, excluded)
    near, liked_of, scores = near[keep], liked_of[keep], scores[keep]
    candidates, inverse = np.unique(near, return_inverse=True)
    totals = np.bincount(inverse, weights=scores, minlength=len(candidates))
    liked_near = np.bincount(inverse, minlength=len(candidates))
    pushed, disliked_of, pushed_scores = _neighbours(model, disliked_rows)
    where = np.searchsorted(candidates, pushed)
    held = (where < len(candidates)) & (candidates[np.minimum(where, len(candidates) - 1)] == pushed)
    np.subtract.at(totals, where[held], pushed_scores[held])
    totals = np.round(totals / len(liked_rows), SCORE_DECIMALS)
    order = np.lexsort((model.popularity_ranks[candidates], -liked_near, -totals))
    best = [position for position in order[:first].tolist() if totals[position] > 0]
    return tuple(
        TasteRecommendation(
            movie_row=int(candidates[position]),
            score=float(totals[position]),
            because=_pairs(liked_of[inverse == position], scores[inverse == position]),
            disliked=_pairs(disliked_of[pushed == candidates[position]], pushed_scores[pushed == candidates[position]]),
            liked_count=len(liked_rows),
        )
        for position in best
    )


def _neighbours(model: ReadModel, rows: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The neighbours of each film, the film each is a neighbour of, and the similarity."""
    offsets = model.similar_offsets
    slices = [np.arange(offsets[row], offsets[row + 1]) for row in rows]
    positions = np.concatenate(slices) if slices else np.zeros(0, dtype=np.int64)
    sources = np.repeat(np.array(rows, dtype=np.int64), [len(part) for part in slices])
    scores = np.round(model.similar_scores[positions].astype(np.float64), SCORE_DECIMALS)
    return model.similar_rows[positions].astype(np.int64), sources, scores


def _pairs(rows: np.ndarray, scores: np.ndarray) -> tuple[tuple[int, float], ...]:
    """(film row, similarity) pairs, most similar first."""
    order = np.argsort(-scores, kind="stable")
    return tuple((int(rows[index]), float(scores[index])) for index in order)


def taste_reasons(model: ReadModel, recommendation: TasteRecommendation) -> tuple[Reason, ...]:
    """What each feature contributed to a recommendation's score, over the films it comes from."""
    row = recommendation.movie_row
    return blend(
        model,
        [(liked, row, score) for liked, score in recommendation.because],
        [(disliked, row, score) for disliked, score in recommendation.disliked],
        recommendation.liked_count,
    )

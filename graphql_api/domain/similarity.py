"""Why two films are alike: their similarity score split into what each feature contributed.

The ETL scores a pair as the weighted sum of per-feature cosines (etl/recommend.py, weights in
etl.contract.SIMILARITY_WEIGHTS). Every feature but the text is a set (or a single value) the read
model holds, so its cosine is computed again here exactly: |A and B| / sqrt(|A| |B|) for genres,
directors and top-billed cast, 1 for the same collection or original language. The text's
contribution (TF-IDF of title, overview and tagline, which the service does not keep) is what remains
of the score. So the contributions add up to the score (to its six decimals).
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from etl.contract import DIRECTOR_JOB, SIMILARITY_WEIGHTS, TOP_CAST
from graphql_api.data.model import ReadModel

FEATURES = ("text", "collection", "genres", "director", "cast", "language")
DECIMALS = 6
NAMES_SHOWN = 5  # of the people or genres shared, in a reason's detail


@dataclass(frozen=True)
class Reason:
    feature: str  # one of FEATURES
    contribution: float  # its part of the score
    detail: str | None  # what is shared, readably; None for the text


@dataclass(frozen=True)
class _Features:
    collection: int  # -1 for none
    language: str | None
    genres: tuple[int, ...]  # genre rows
    directors: tuple[int, ...]  # person rows
    cast: tuple[int, ...]  # person rows of the top-billed cast, in billing order


@dataclass(frozen=True)
class _Shared:
    """What one pair of films shares, feature by feature: the contribution and what is shared."""

    contributions: dict[str, float]
    shared: dict[str, tuple[str, ...]]  # names of what is shared (a collection, genres, people, a language)


def explain(model: ReadModel, movie_row: int, other_row: int, score: float) -> tuple[Reason, ...]:
    """What each feature contributed to the similarity `score` of two films, largest first."""
    return blend(model, [(movie_row, other_row, score)], [], 1)


def blend(
    model: ReadModel,
    liked: Iterable[tuple[int, int, float]],
    disliked: Iterable[tuple[int, int, float]],
    divisor: int,
) -> tuple[Reason, ...]:
    """The reasons of a score made of pairs' scores: (sum over `liked` pairs - sum over `disliked`
    pairs) / divisor, each pair given as (film row, other film row, its score)."""
    totals = dict.fromkeys(FEATURES, 0.0)
    shared: dict[str, dict[str, None]] = {feature: {} for feature in FEATURES}
    for sign, pairs in ((1.0, liked), (-1.0, disliked)):
        for first, second, score in pairs:
            pair = _pair(model, first, second, score)
            for feature, contribution in pair.contributions.items():
                totals[feature] += sign * contribution
            if sign > 0:
                for feature, names in pair.shared.items():
                    shared[feature].update(dict.fromkeys(names))
    reasons = [
        Reason(feature, round(total / divisor, DECIMALS), _detail(feature, list(shared[feature])))
        for feature, total in totals.items()
        if round(total / divisor, DECIMALS) != 0
    ]
    return tuple(sorted(reasons, key=lambda reason: -reason.contribution))


def _pair(model: ReadModel, first: int, second: int, score: float) -> _Shared:
    a, b = _features(model, first), _features(model, second)
    weights = SIMILARITY_WEIGHTS
    contributions: dict[str, float] = {}
    shared: dict[str, tuple[str, ...]] = {}
    if a.collection >= 0 and a.collection == b.collection:
        contributions["collection"] = weights["collection"]
        shared["collection"] = (model.collection_names.get(a.collection) or str(a.collection),)
    if a.language is not None and a.language == b.language:
        contributions["language"] = weights["language"]
        shared["language"] = (model.language_names.get(a.language) or a.language,)
    for feature, mine, theirs, name in (
        ("genres", a.genres, b.genres, model.genre_names.name),
        ("director", a.directors, b.directors, model.person_names.__getitem__),
        ("cast", a.cast, b.cast, model.person_names.__getitem__),
    ):
        common = [item for item in mine if item in theirs]
        if common:
            contributions[feature] = weights[feature] * len(common) / math.sqrt(len(mine) * len(theirs))
            shared[feature] = tuple(name(item) or "" for item in common)
    contributions["text"] = score - sum(contributions.values())
    return _Shared(contributions, shared)


@lru_cache(maxsize=4096)
def _features(model: ReadModel, row: int) -> _Features:
    crew = model.crew_by_movie.slice(row)
    cast = model.cast_by_movie.slice(row)
    genres = model.movie_genre_rows[model.movie_genre_offsets[row] : model.movie_genre_offsets[row + 1]]
    return _Features(
        collection=int(model.collection_ids[row]),
        language=model.original_languages[row],
        genres=tuple(dict.fromkeys(genres.tolist())),
        directors=tuple(
            dict.fromkeys(int(model.crew_person_rows[p]) for p in crew if model.crew_jobs[p] == DIRECTOR_JOB)
        ),
        cast=tuple(dict.fromkeys(int(model.cast_person_rows[p]) for p in cast if model.cast_orders[p] < TOP_CAST)),
    )


def _detail(feature: str, names: list[str]) -> str | None:
    if not names:
        return None
    shown = ", ".join(names[:NAMES_SHOWN]) + (
        f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    )
    if feature == "collection":
        return f"same collection: {shown}"
    if feature == "language":
        return f"same original language: {shown}"
    plural = len(names) > 1
    label = {"genres": "genre", "director": "director", "cast": "cast"}[feature]
    return f"shared {label}{'s' if plural and feature != 'cast' else ''}: {shown}"

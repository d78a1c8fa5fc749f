"""Films like this one: the top-k most similar films of every film, from what the tables hold.

A film's similarity to another is a weighted average of per-feature cosine similarities:

| feature                          | weight | representation                                     |
|----------------------------------|-------:|----------------------------------------------------|
| title, overview and tagline text |   0.30 | TF-IDF (scikit-learn), words in at most 2 % of films |
| collection (franchise)           |   0.25 | same collection: 1                                 |
| genres                           |   0.15 | genre set, L2-normalized                           |
| director                         |   0.10 | director set, L2-normalized                        |
| top-billed cast (first 5)        |   0.10 | cast set, L2-normalized                            |
| original language                |   0.10 | same language: 1                                   |

A film missing a feature (no overview, no credits) simply gets 0 for it, so it still has
neighbours through the others. Scores are in [0, 1]. Not every pair of films is scored, yet the
answer is the one scoring every pair would give (etl.neighbours). Ties are broken by the lower film
id, so the result is deterministic. Words shared by more than 2 % of films carry little about a film and
would make the text products dense; they are left out.
"""

from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp

from etl.contract import DIRECTOR_JOB, RECOMMENDATIONS_PER_FILM, SIMILARITY_WEIGHTS, TOP_CAST
from etl.neighbours import BLOCK_ROWS as BLOCK_ROWS
from etl.neighbours import top_neighbours
from etl.tables import TABLES
from etl.text_features import Features, FeaturesJob, film_texts, make_features

TOP_K = RECOMMENDATIONS_PER_FILM
WEIGHTS = SIMILARITY_WEIGHTS  # shared with the service, which explains scores by feature
_TIE_BREAK = 1e-12  # per rank of film id: far below the score's rounding, above float64 resolution
_DECIMALS = 6

Progress = Callable[[str], None]


def recommendations(
    tables: dict[str, pa.Table],
    top_k: int = TOP_K,
    weights: dict[str, float] = WEIGHTS,
    progress: Progress = lambda _: None,
    features: Callable[[], Features] | None = None,
) -> pa.Table:
    """The `recommendations` table: for each film, its top_k neighbours by descending score.

    `features()` gives what depends on the films alone (the text features and the dense part's
    groups), made elsewhere from `features_job(tables, top_k, weights)` (`etl.text_features`);
    without it, that is made here first."""
    movies = tables["movies"]
    ids = movies.column("id").to_numpy()
    count = len(ids)
    if count < 2:
        return TABLES["recommendations"].empty_table()
    row_of = {int(movie_id): row for row, movie_id in enumerate(ids)}
    made = features() if features is not None else make_features(features_job(tables, top_k, weights))
    tie_break = _tie_break(ids)
    sparse = sp.hstack([
        made.text,
        _block(weights["collection"], _one_hot(movies.column("collection_id").to_pylist())),
        _block(weights["director"], _multi_hot(_directors(tables["crew"]), "person_id", row_of, count)),
        _block(weights["cast"], _multi_hot(_top_cast(tables["cast"]), "person_id", row_of, count)),
    ]).tocsr()  # fmt: skip
    found = top_neighbours(made.groups, sparse, tie_break, sum(weights.values()), min(top_k, count - 1), progress)
    score = np.round(found.keys + tie_break[found.rows], _DECIMALS)
    keep = score > 0  # a film sharing nothing with another is not like it
    movie_rows = np.nonzero(keep)[0]
    return pa.table(
        {
            "movie_id": ids[movie_rows],
            "rank": (np.cumsum(keep, axis=1, dtype=np.int32) - 1)[keep],  # 0, 1, 2... per film after dropping
            "similar_id": ids[found.rows[keep]],
            "score": score[keep],
        },
        schema=TABLES["recommendations"],
    )


_FEATURE_COLUMNS = {
    "movies": ["id", "title", "overview", "tagline", "original_language"],
    "movie_genres": ["movie_id", "genre_id"],
}


def feature_tables(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """What `features_job` reads of the tables."""
    return {name: tables[name].select(columns) for name, columns in _FEATURE_COLUMNS.items()}


def features_job(tables: dict[str, pa.Table], top_k: int = TOP_K, weights: dict[str, float] = WEIGHTS) -> FeaturesJob:
    """What `recommendations` needs made from the films alone (`feature_tables` of the tables)."""
    movies = tables["movies"]
    ids = movies.column("id").to_numpy()
    row_of = {int(movie_id): row for row, movie_id in enumerate(ids)}
    return FeaturesJob(
        texts=film_texts(movies),
        text_weight=weights["text"],
        dense=_dense(tables, row_of, weights),
        tie_break=_tie_break(ids),
        total=sum(weights.values()),
        reach=min(top_k, max(len(ids) - 1, 0)) + 1,
    )


def _dense(tables: dict[str, pa.Table], row_of: dict[int, int], weights: dict[str, float]) -> np.ndarray:
    """The dense part of the films' vectors: genres and original language."""
    count = len(row_of)
    return np.hstack([
        _block(weights["genres"], _multi_hot(tables["movie_genres"], "genre_id", row_of, count)).toarray(),
        _block(weights["language"], _one_hot(tables["movies"].column("original_language").to_pylist())).toarray(),
    ])  # fmt: skip


def _tie_break(ids: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(ids, kind="stable"), kind="stable") * _TIE_BREAK


def _block(weight: float, matrix: sp.spmatrix) -> sp.csr_matrix:
    """Rows L2-normalized and scaled so that dot products of whole rows sum the weighted cosines.

    The matrices here hold ones and zeros: their rows' sums of squares are exact in any order."""
    matrix = sp.csr_matrix(matrix, dtype=np.float64, copy=True)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
    matrix.data /= norms[rows]
    return matrix * np.sqrt(weight)


def _one_hot(values: list) -> sp.csr_matrix:
    """One column per distinct non-null value; null rows are empty."""
    codes: dict = {}
    rows, columns = [], []
    for row, value in enumerate(values):
        if value is not None:
            rows.append(row)
            columns.append(codes.setdefault(value, len(codes)))
    return sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(values), max(len(codes), 1)))


def _multi_hot(links: pa.Table, key: str, row_of: dict[int, int], count: int) -> sp.csr_matrix:
    movie_rows = [row_of[movie_id] for movie_id in links.column("movie_id").to_pylist()]
    codes: dict = {}
    columns = [codes.setdefault(value, len(codes)) for value in links.column(key).to_pylist()]
    matrix = sp.csr_matrix((np.ones(len(columns)), (movie_rows, columns)), shape=(count, max(len(codes), 1)))
    matrix.data[:] = 1.0  # a person listed twice in a film counts once
    return matrix


def _directors(crew: pa.Table) -> pa.Table:
    mask = pc.equal(crew.column("job"), DIRECTOR_JOB)
    return crew.filter(mask).select(["movie_id", "person_id"])


def _top_cast(cast: pa.Table) -> pa.Table:
    mask = pc.less(cast.column("order"), TOP_CAST)
    return cast.filter(mask).select(["movie_id", "person_id"])

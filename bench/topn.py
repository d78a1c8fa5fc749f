"""Recommendations' neighbour search: today's (etl.neighbours, exact, without scoring every pair) against
sparse_dot_topn's multi-threaded sparse top-n product, on the full-scale generated set and on it with
the real sample's texts: wall and CPU time, peak memory, and how far the answers agree.

`python -m bench.topn` prints a table on stderr and the figures as JSON on stdout. Each search runs in
a child process of its own (`python -m bench.topn child METHOD DATA_DIR OUT`), which builds the inputs
`etl.recommend.recommendations` builds, from the processed tables the ETL wrote, then times the search
`REPEAT` times. Methods:

- today: `etl.groups.group` (the dense part's groups, made in the ETL's features step) then
  `etl.neighbours.top_neighbours`;
- topn: one matrix, [dense part as sparse columns | sparse part], times its transpose with
  `sp_matmul_topn(top_n=k + 1, n_threads=2)`, the film itself dropped, then ordered by today's key
  ((product) / total - tie_break). The product's top k + 1 are chosen by value alone: among films
  tied on the k-th score it keeps any, where today's code keeps the lowest ids;
- topn_tie_break: the same with the tie-break in the product (a column of ones on the left, of
  -total * tie_break on the right), so the library ranks by today's key. Every pair then has a
  (tiny, negative) product, which the ETL's `score > 0` drops as it drops pairs sharing nothing.

The sparse_dot_topn package is not a dependency of the project: `pip install sparse-dot-topn`.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.parquet as pq
import scipy.sparse as sp

from bench.data import processed, real_text_files
from bench.measure import load_average, peak_resident_mb, resident_mb
from etl.contract import ContractError, verify

METHODS = ("today", "topn", "topn_tie_break")
REPEAT = 3
THREADS = 2  # this machine's cores; today's search uses os.cpu_count() threads
REAL_TEXT_PROCESSED = Path(tempfile.gettempdir()) / "topn" / "real-text-processed"
_DECIMALS = 6  # as etl.recommend rounds scores

Found = Mapping[str, np.ndarray]  # a search's answer as saved: rows, keys, tie_break, ids
Key = Callable[[np.ndarray, np.ndarray], np.ndarray]  # (product values, columns) -> keys
_COLUMNS = {
    "movies": ["id", "title", "overview", "tagline", "original_language", "collection_id"],
    "movie_genres": ["movie_id", "genre_id"],
    "crew": ["movie_id", "person_id", "job"],
    "cast": ["movie_id", "person_id", "order"],
}


def run(repeat: int = REPEAT) -> dict[str, Any]:
    data_sets = {"generated": processed(), "real_text": _real_text_processed()}
    results: dict[str, Any] = {"repeat": repeat, "threads": THREADS, "load_average_before_after": [load_average()]}
    results["sparse_dot_topn"] = _library_version()
    with tempfile.TemporaryDirectory() as scratch:
        for name, data_dir in data_sets.items():
            found = {method: Path(scratch) / f"{name}-{method}.npz" for method in METHODS}
            figures = {method: _child(method, data_dir, found[method], repeat) for method in METHODS}
            reference = np.load(found["today"])
            for method in METHODS:
                figures[method]["agreement"] = agreement(reference, np.load(found[method]))
            figures["today"]["matches_etl_output"] = _matches_etl_output(data_dir, reference)
            results[name] = figures
    results["load_average_before_after"].append(load_average())
    return results


def agreement(reference: Found, other: Found) -> dict[str, float]:
    """How far `other`'s recommendations (after the ETL's rounding and `score > 0`) agree with `reference`'s."""
    ref_rows, ref_scores = _final(reference)
    rows, scores = _final(other)
    count = len(ref_rows)
    same_lists = np.all(ref_rows == rows, axis=1)
    kept = ref_rows >= 0
    ref_codes = (np.arange(count)[:, None] * count + ref_rows)[kept]
    codes = (np.arange(count)[:, None] * count + rows)[rows >= 0]
    shared = np.isin(ref_codes, codes)
    by_rank = np.abs(np.where(kept, ref_scores, 0.0) - np.where(rows >= 0, scores, 0.0))
    pair_order = np.argsort(codes)
    at = np.searchsorted(codes[pair_order], ref_codes[shared])
    by_pair = np.abs(ref_scores[kept][shared] - scores[rows >= 0][pair_order[at]])
    return {
        "films": int(count),
        "identical_lists": float(same_lists.mean()),
        "shared_ids": float(shared.mean()),
        "neighbours": int((rows >= 0).sum()),
        "reference_neighbours": int(kept.sum()),
        "max_score_difference_by_rank": float(by_rank.max(initial=0.0)),
        "max_score_difference_same_pair": float(by_pair.max(initial=0.0)),
        "films_with_a_different_score_at_some_rank": float((by_rank > 0).any(axis=1).mean()),
    }


def _final(found: Found) -> tuple[np.ndarray, np.ndarray]:
    """Neighbour rows (-1 pads) and scores, as etl.recommend keeps them."""
    rows, keys, tie_break = found["rows"], found["keys"], found["tie_break"]
    safe = np.maximum(rows, 0)
    with np.errstate(invalid="ignore"):
        scores = np.round(keys + tie_break[safe], _DECIMALS)
    keep = (rows >= 0) & (scores > 0)
    return np.where(keep, rows, -1), np.where(keep, scores, 0.0)


def _matches_etl_output(data_dir: Path, found: Found) -> bool:
    """Whether today's search, on the inputs built here, gives the recommendations the ETL wrote."""
    written = pq.read_table(data_dir / "recommendations.parquet").to_pydict()
    rows, scores = _final(found)
    ids = found["ids"]
    keep = rows >= 0
    movie_ids = np.repeat(ids, keep.sum(axis=1))
    return bool(
        np.array_equal(movie_ids, np.asarray(written["movie_id"]))
        and np.array_equal(ids[rows[keep]], np.asarray(written["similar_id"]))
        and np.array_equal(scores[keep], np.asarray(written["score"]))
    )


def _child(method: str, data_dir: Path, out: Path, repeat: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.topn", "child", method, str(data_dir), str(out), str(repeat)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# In the child process.


def child(method: str, data_dir: Path, out: Path, repeat: int) -> dict[str, Any]:
    """Build the inputs from `data_dir`, time `method` `repeat` times, save its answer to `out`."""
    inputs = _inputs(data_dir)
    search = {"today": _today, "topn": _topn, "topn_tie_break": _topn_tie_break}[method]
    if method != "today":
        import sparse_dot_topn  # noqa: F401  (imported before timing, as the ETL would)
    inputs_mb = peak_resident_mb(os.getpid())
    _reset_hwm()
    before_mb = resident_mb(os.getpid())
    walls, cpus = [], []
    for _ in range(repeat):
        rows = keys = None  # the previous answer is not held while the next is computed
        started_wall, started_cpu = time.perf_counter(), time.process_time()
        rows, keys = search(inputs)
        walls.append(time.perf_counter() - started_wall)
        cpus.append(time.process_time() - started_cpu)
    np.savez(out, rows=rows, keys=keys, tie_break=inputs["tie_break"], ids=inputs["ids"])
    return {
        "wall_seconds_median": statistics.median(walls),
        "cpu_seconds_median": statistics.median(cpus),
        "wall_seconds": walls,
        "cpu_seconds": cpus,
        "inputs_peak_mb": inputs_mb,
        "search_added_peak_mb": peak_resident_mb(os.getpid()) - before_mb,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _inputs(data_dir: Path) -> dict[str, Any]:
    """What etl.recommend.recommendations hands its search, built the same way."""
    from etl.recommend import (
        WEIGHTS,
        _block,
        _directors,
        _multi_hot,
        _one_hot,
        _tie_break,
        _top_cast,
        features_job,
    )
    from etl.text_features import text_matrix

    tables = {name: pq.read_table(data_dir / f"{name}.parquet", columns=columns) for name, columns in _COLUMNS.items()}
    movies = tables["movies"]
    ids = movies.column("id").to_numpy()
    count = len(ids)
    row_of = {int(movie_id): row for row, movie_id in enumerate(ids)}
    job = features_job(tables)  # make_features(job) minus the groups, which are today's search's own
    text = text_matrix(job.texts, job.text_weight)
    tie_break = _tie_break(ids)
    sparse = sp.hstack([
        text,
        _block(WEIGHTS["collection"], _one_hot(movies.column("collection_id").to_pylist())),
        _block(WEIGHTS["director"], _multi_hot(_directors(tables["crew"]), "person_id", row_of, count)),
        _block(WEIGHTS["cast"], _multi_hot(_top_cast(tables["cast"]), "person_id", row_of, count)),
    ]).tocsr()  # fmt: skip
    return {
        "job": job,
        "sparse": sparse,
        "ids": ids,
        "tie_break": tie_break,
        "total": sum(WEIGHTS.values()),
        "k": min(job.reach - 1, count - 1),
    }


def _today(inputs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    from etl.neighbours import top_neighbours
    from etl.text_features import make_groups

    groups = make_groups(inputs["job"])
    found = top_neighbours(groups, inputs["sparse"], inputs["tie_break"], inputs["total"], inputs["k"])
    return found.rows, found.keys


def _whole(inputs: dict[str, Any]) -> sp.csr_matrix:
    return sp.hstack([sp.csr_matrix(inputs["job"].dense), inputs["sparse"]], format="csr")


def _topn(inputs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    from sparse_dot_topn import sp_matmul_topn

    whole = _whole(inputs)
    k, total, tie_break = inputs["k"], inputs["total"], inputs["tie_break"]
    product = sp_matmul_topn(whole, whole.T.tocsr(), top_n=k + 1, n_threads=THREADS)
    return _ordered(product, lambda values, columns: values / total - tie_break[columns], k)


def _topn_tie_break(inputs: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    from sparse_dot_topn import sp_matmul_topn

    whole = _whole(inputs)
    k, total, tie_break = inputs["k"], inputs["total"], inputs["tie_break"]
    left = sp.hstack([whole, np.ones((whole.shape[0], 1))], format="csr")
    right = sp.hstack([whole, -total * tie_break[:, None]], format="csr").T.tocsr()
    product = sp_matmul_topn(left, right, top_n=k + 1, n_threads=THREADS)
    return _ordered(product, lambda values, _columns: values / total, k)


def _ordered(product: sp.csr_matrix, key: Key, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k best other rows by `key(values, columns)`, best first, as today's search gives them."""
    count = product.shape[0]
    width = int(np.diff(product.indptr).max(initial=0))
    local = np.repeat(np.arange(count), np.diff(product.indptr))
    at = np.arange(product.nnz) - product.indptr[local]
    columns = product.indices.astype(np.int64)
    table_keys = np.full((count, max(width, 1)), -np.inf)
    table_rows = np.full((count, max(width, 1)), -1, dtype=np.int64)
    others = columns != local  # the film itself
    table_keys[local[others], at[others]] = key(product.data, columns)[others]
    table_rows[local[others], at[others]] = columns[others]
    order = np.argsort(-table_keys, axis=1, kind="stable")[:, :k]
    rows, keys = np.take_along_axis(table_rows, order, axis=1), np.take_along_axis(table_keys, order, axis=1)
    padded_rows, padded_keys = np.full((count, k), -1, dtype=np.int64), np.full((count, k), -np.inf)
    padded_rows[:, : rows.shape[1]], padded_keys[:, : keys.shape[1]] = rows, keys
    return np.where(np.isfinite(padded_keys), padded_rows, -1), padded_keys


def _reset_hwm() -> None:
    """Reset this process's peak resident memory to what it holds now (Linux: clear_refs 5)."""
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")


# Data and table.


def _real_text_processed() -> Path:
    """The real-text variant of the generated set, processed (once) into a scratch directory."""
    try:
        verify(REAL_TEXT_PROCESSED)
    except ContractError:
        from etl.pipeline import run as etl_run

        movies, credits = real_text_files()
        print(f"processing the real-text set into {REAL_TEXT_PROCESSED}...", file=sys.stderr)
        etl_run(movies, credits, REAL_TEXT_PROCESSED)
    return REAL_TEXT_PROCESSED


def _library_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sparse-dot-topn")
    except PackageNotFoundError:
        raise SystemExit("sparse-dot-topn is not installed: pip install sparse-dot-topn") from None


def table(results: dict[str, Any]) -> str:
    lines = [
        f"{'data set':10} {'method':15} {'wall s':>7} {'CPU s':>6} {'peak MB':>8} {'+search MB':>10} "
        f"{'same lists':>10} {'shared ids':>10} {'max score diff':>14}"
    ]
    for name in ("generated", "real_text"):
        for method in METHODS:
            figures = results[name][method]
            agree = figures["agreement"]
            lines.append(
                f"{name:10} {method:15} {figures['wall_seconds_median']:7.2f} {figures['cpu_seconds_median']:6.2f} "
                f"{figures['peak_rss_mb']:8.0f} {figures['search_added_peak_mb']:10.0f} "
                f"{agree['identical_lists']:10.2%} {agree['shared_ids']:10.2%} "
                f"{agree['max_score_difference_by_rank']:14.1e}"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        method, data_dir, out, repeat = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
        print(json.dumps(child(method, data_dir, out, repeat)))
    else:
        figures = run()
        print(table(figures), file=sys.stderr)
        print(json.dumps(figures, indent=2))

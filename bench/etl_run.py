"""One measured ETL run in this process: `python -m bench.etl_run fast|naive MOVIES CREDITS OUT`.

Prints {"seconds": wall time, "peak_rss_mb": peak resident memory of this process}.
"""

import ast
import json
import resource
import sys
import time
from pathlib import Path

import pandas as pd


def naive(movies_path: Path, credits_path: Path) -> None:
    """The obvious approach: pandas read_csv, then ast.literal_eval on every nested cell of both files."""
    from bench import naive as reference
    from etl.movies import NESTED

    movies = pd.read_csv(movies_path, dtype=str, keep_default_na=False)
    for column in [spec.column for spec in NESTED]:
        movies[column] = [_literal(cell) for cell in movies[column]]
    ids = set(pd.to_numeric(movies["id"], errors="coerce").dropna().astype("int64"))
    reference.credit_tables(credits_path, ids)


def _literal(cell: str) -> object:
    try:
        return ast.literal_eval(cell) if cell else None
    except (ValueError, SyntaxError):
        return None


def main() -> None:
    mode, movies, credits, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    started = time.perf_counter()
    recommendation_seconds = 0.0
    if mode == "fast":
        from etl.pipeline import run

        recommendation_seconds = run(movies, credits, out).recommendation_seconds
    else:
        naive(movies, credits)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "seconds": seconds - recommendation_seconds,
        "recommendation_seconds": recommendation_seconds,
        "peak_rss_mb": peak_mb,
    }))  # fmt: skip


if __name__ == "__main__":
    main()

"""One measured ETL run in this process: `python -m bench.etl_run fast|naive MOVIES CREDITS OUT`.

Prints {"seconds": wall time from importing the ETL to its end, "recommendation_seconds": of it
computing recommendations, "own_peak_mb": peak resident memory of this process, "separate_peaks_mb":
that plus what the process the ETL forks grew to on top of the pages it shares with it}. The
benchmark samples what both hold at once from outside (`bench.measure.child_tree_peak`).
"""

import ast
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

from bench.measure import peak_resident_mb


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
    recommendation_seconds = helper_mb = 0.0
    if mode == "fast":
        from etl.pipeline import run

        summary = run(movies, credits, out)
        recommendation_seconds, helper_mb = summary.recommendation_seconds, summary.text_process_mb
    else:
        naive(movies, credits)
    seconds = time.perf_counter() - started
    own_peak_mb = peak_resident_mb(os.getpid())
    figures = {
        "seconds": seconds,
        "recommendation_seconds": recommendation_seconds,
        "own_peak_mb": own_peak_mb,
        "separate_peaks_mb": own_peak_mb + helper_mb,  # an upper bound: the two peaks need not coincide
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

"""ETL at full scale, wall time and peak memory against the targets (15 s, 1 GB on this 2-core machine):
on the generated set, on it with the real sample's texts, and on it with a few 10 MB cells (checked
for correctness too); beside the obvious pandas + ast.literal_eval approach on the generated set."""

import tempfile
import time
from pathlib import Path
from typing import Any

from bench.big_cells import check
from bench.data import big_cells_files, raw_files, real_text_files
from bench.measure import child_tree_peak, load_average, median

TARGETS = {"wall_seconds": 15.0, "peak_rss_mb": 1000.0}


def run(repeat: int = 3) -> dict[str, Any]:
    movies, credits = raw_files()
    real_movies, real_credits = real_text_files()
    big_movies, big_credits, expected = big_cells_files()
    data_sets = {
        "generated": (movies, credits),
        "real_text": (real_movies, real_credits),
        "big_cells": (big_movies, big_credits),
    }
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in [*data_sets, "naive"]}
    load = [load_average()]
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeat):  # interleaved, so drift on this shared machine hits all alike
            for name, (movies_path, credits_path) in data_sets.items():
                runs[name].append(_timed("fast", movies_path, credits_path, Path(scratch) / name))
            runs["naive"].append(_timed("naive", movies, credits, Path(scratch) / "naive"))
        problems = check(expected, Path(scratch) / "big_cells")
    load.append(load_average())
    results: dict[str, Any] = {"targets": TARGETS, "runs": repeat, "load_average_before_after": load}
    for name, (movies_path, credits_path) in data_sets.items():
        results[name] = {
            "input_mb": {"movies": movies_path.stat().st_size / 1e6, "credits": credits_path.stat().st_size / 1e6},
            **_summary(runs[name]),
        }
    results["big_cells"]["correct"] = not problems
    results["big_cells"]["problems"] = problems
    results["naive"] = _summary(runs["naive"])
    return results


def _timed(mode: str, movies: Path, credits: Path, out: Path) -> dict[str, Any]:
    """One measured run in a child process: its figures, and the process's wall time (start-up included)."""
    started = time.perf_counter()
    figures, tree_peak_mb = child_tree_peak("bench.etl_run", mode, str(movies), str(credits), str(out))
    wall_seconds = time.perf_counter() - started
    # At once: the run's own exact peak, or the sampled sum of it and the process it forks.
    return {**figures, "peak_rss_mb": max(figures["own_peak_mb"], tree_peak_mb), "wall_seconds": wall_seconds}


def _summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "wall_seconds_median": median([run["wall_seconds"] for run in runs]),
        "etl_seconds_median": median([run["seconds"] for run in runs]),
        "recommendation_seconds_median": median([run["recommendation_seconds"] for run in runs]),
        "peak_rss_mb_max": max(run["peak_rss_mb"] for run in runs),
        "separate_peaks_mb_max": max(run["separate_peaks_mb"] for run in runs),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))

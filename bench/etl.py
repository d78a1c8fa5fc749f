"""ETL at full scale, wall time and peak memory against the targets (15 s, 1 GB on this 2-core machine):
on the generated set, on it with the real sample's texts, and on it with a few 10 MB cells (checked
for correctness too); beside the obvious pandas + ast.literal_eval approach on the generated set.

Time and memory come from separate runs. Sampling the memory reads `/proc/<pid>/smaps_rollup`,
which makes the kernel walk every page of a process of 800 MB: every 50 ms, that slowed the run
it watched by 1.6-1.8 s (14.4-14.8 s against 12.8-13.0 s, alternated, on the real texts). So each
round times one run nobody watches, then samples another.
"""

import tempfile
import time
from pathlib import Path
from typing import Any

from bench.big_cells import check
from bench.data import big_cells_files, raw_files, real_text_files
from bench.measure import child, child_tree_peak, load_average, median

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
    """Two runs in child processes: the wall time of one left alone (start-up included), and the peak
    memory of another, sampled from outside."""
    arguments = (mode, str(movies), str(credits), str(out))
    started = time.perf_counter()
    figures = child("bench.etl_run", *arguments)
    wall_seconds = time.perf_counter() - started
    started = time.perf_counter()
    sampled, tree_peak_mb = child_tree_peak("bench.etl_run", *arguments)
    sampled_wall_seconds = time.perf_counter() - started
    return {
        **figures,
        "wall_seconds": wall_seconds,
        "sampled_wall_seconds": sampled_wall_seconds,
        # At once: the run's own exact peak, or the sampled sum of it and the process it forks.
        "peak_rss_mb": max(sampled["own_peak_mb"], tree_peak_mb),
        "separate_peaks_mb": sampled["separate_peaks_mb"],
    }


def _summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    return {
        "wall_seconds_median": median([run["wall_seconds"] for run in runs]),
        "sampled_wall_seconds_median": median([run["sampled_wall_seconds"] for run in runs]),
        "etl_seconds_median": median([run["seconds"] for run in runs]),
        "recommendation_seconds_median": median([run["recommendation_seconds"] for run in runs]),
        "peak_rss_mb_max": max(run["peak_rss_mb"] for run in runs),
        "separate_peaks_mb_max": max(run["separate_peaks_mb"] for run in runs),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))

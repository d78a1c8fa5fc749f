"""ETL at full scale: our pipeline against the obvious pandas + ast.literal_eval approach, side by side."""

import tempfile
from typing import Any

from bench.data import raw_files
from bench.measure import child, median


def run(repeat: int = 3) -> dict[str, Any]:
    movies, credits = raw_files()
    fast: list[dict[str, Any]] = []
    naive: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeat):  # interleaved, so drift on this shared machine hits both alike
            fast.append(child("bench.etl_run", "fast", str(movies), str(credits), f"{scratch}/out"))
            naive.append(child("bench.etl_run", "naive", str(movies), str(credits), f"{scratch}/naive"))
    fast_seconds = median([run["seconds"] for run in fast])
    naive_seconds = median([run["seconds"] for run in naive])
    return {
        "input_mb": {"movies": movies.stat().st_size / 1e6, "credits": credits.stat().st_size / 1e6},
        "runs": repeat,
        "etl_seconds_median": fast_seconds,  # without the recommendations, timed apart
        "recommendation_seconds_median": median([run["recommendation_seconds"] for run in fast]),
        "etl_peak_rss_mb_max": max(run["peak_rss_mb"] for run in fast),
        "naive_seconds_median": naive_seconds,
        "naive_peak_rss_mb_max": max(run["peak_rss_mb"] for run in naive),
        "speedup": naive_seconds / fast_seconds,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))

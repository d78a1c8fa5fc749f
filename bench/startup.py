"""Start-up: CPU time, wall time and peak memory from launching `python -m graphql_api` to the first
200 on GET /healthz, for the full-scale data set and the real sample; and the import floor.

On Render's free tier (0.1 CPU) every CPU-second spent before the service is ready is about ten
seconds a user waits after a spin-down, so CPU time, not wall time, is the figure that matters.
The import floor is the CPU time of a process that only imports what the server imports at start
(bench/import_floor.py): what is left above it is the work of loading the data and starting to serve.
"""

from pathlib import Path
from typing import Any

from bench.measure import child, cpu_seconds, median, peak_resident_mb, serving


def run(data_sets: dict[str, Path], repeat: int = 5) -> dict[str, Any]:
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in data_sets}
    floors = []
    for _ in range(repeat):  # alternated, so drift on this shared machine hits every figure alike
        floors.append(child("bench.import_floor")["cpu_seconds"])
        for name, data_dir in data_sets.items():
            runs[name].append(_once(data_dir))
    floor = median(floors)
    results: dict[str, Any] = {"runs": repeat, "import_floor_cpu_seconds_median": floor}
    for name, measured in runs.items():
        cpu = median([run["cpu_seconds"] for run in measured])
        results[name] = {
            "cpu_seconds_median": cpu,
            "cpu_seconds_above_floor": cpu - floor,
            "wall_seconds_median": median([run["wall_seconds"] for run in measured]),
            "peak_rss_mb_median": median([run["peak_rss_mb"] for run in measured]),
            "peak_rss_mb_max": max(run["peak_rss_mb"] for run in measured),
        }
    return results


def _once(data_dir: Path) -> dict[str, float]:
    with serving("graphql_api", data_dir) as served:
        return {
            "cpu_seconds": cpu_seconds(served.pid),
            "wall_seconds": served.ready_seconds,
            "peak_rss_mb": peak_resident_mb(served.pid),
        }


if __name__ == "__main__":
    import json

    from bench.data import processed, sample_processed

    print(json.dumps(run({"full": processed(), "sample": sample_processed()}), indent=2))

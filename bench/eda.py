"""The EDA report at full scale (`python -m bench --only eda`): wall time of the whole process, its
CPU time and peak memory, against the targets of 20 s and 1 GB."""

import tempfile
import time
from pathlib import Path
from typing import Any

from bench.measure import child, median

TARGETS = {"wall_seconds": 20.0, "peak_rss_mb": 1000.0}


def run(processed: Path, repeat: int = 3) -> dict[str, Any]:
    runs = []
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(repeat):
            started = time.perf_counter()
            figures = child("bench.eda_run", str(processed), str(Path(scratch) / str(index)))
            runs.append({**figures, "wall_seconds": time.perf_counter() - started})
    return {
        "targets": TARGETS,
        "runs": repeat,
        "wall_seconds_median": median([run["wall_seconds"] for run in runs]),
        "cpu_seconds_median": median([run["cpu_seconds"] for run in runs]),
        "peak_rss_mb_max": max(run["peak_rss_mb"] for run in runs),
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(Path(sys.argv[1])), indent=2))

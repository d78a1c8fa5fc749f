"""Start-up: seconds from launching `python -m graphql_api` to GET /healthz answering, and resident memory."""

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench.measure import median, resident_mb, serving
from etl.contract import sha256_of
from etl.output import write_manifest, write_table
from etl.tables import TABLES


def run(data_dir: Path, repeat: int = 3) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        without = _without_recommendations(data_dir, Path(scratch) / "processed")
        runs, runs_without = [], []
        for _ in range(repeat):  # alternated, so drift on this shared machine hits both alike
            runs.append(_once(data_dir))
            runs_without.append(_once(without))
    rss = max(run["rss_mb"] for run in runs)
    rss_without = max(run["rss_mb"] for run in runs_without)
    return {
        "runs": repeat,
        "ready_seconds_median": median([run["ready_seconds"] for run in runs]),
        "rss_mb_after_start_max": rss,
        "rss_mb_without_recommendations": rss_without,
        "recommendations_rss_mb": rss - rss_without,
    }


def _without_recommendations(data_dir: Path, copy: Path) -> Path:
    """The same tables with an empty recommendations table, to weigh what the recommendations cost."""
    shutil.copytree(data_dir, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    entry = manifest["tables"]["recommendations"]
    write_table(copy, "recommendations", TABLES["recommendations"].empty_table())
    entry.update(rows=0, sha256=sha256_of(copy / entry["file"]))
    write_manifest(copy, manifest)
    return copy


def _once(data_dir: Path) -> dict[str, float]:
    with serving("graphql_api", data_dir) as served:
        return {"ready_seconds": served.ready_seconds, "rss_mb": resident_mb(served.pid)}

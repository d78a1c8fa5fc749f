"""Start-up: seconds from launching `python -m graphql_api` to GET /healthz answering, and resident memory."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.http import wait_until_ready
from bench.measure import REPO, median


def run(data_dir: Path, repeat: int = 3) -> dict[str, Any]:
    runs = [_once(data_dir) for _ in range(repeat)]
    return {
        "runs": repeat,
        "ready_seconds_median": median([run["ready_seconds"] for run in runs]),
        "rss_mb_after_start_max": max(run["rss_mb"] for run in runs),
    }


def _once(data_dir: Path) -> dict[str, float]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "graphql_api", "--data-dir", str(data_dir), "--port", str(port)],
        cwd=REPO, start_new_session=True, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_until_ready(port)
        ready = time.perf_counter() - started
        return {"ready_seconds": ready, "rss_mb": resident_mb(process.pid)}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")

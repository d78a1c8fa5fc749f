"""Small helpers: medians, percentiles, and running a measured child process."""

import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def child(module: str, *args: str) -> dict[str, Any]:
    """Run `python -m module args` and return the JSON object it prints last on stdout."""
    result = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class Served:
    port: int
    pid: int
    ready_seconds: float  # from launch to GET /healthz answering 200


@contextmanager
def serving(module: str, data_dir: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`python -m module --data-dir DIR --port P args` on a free port, for the duration of a with-block."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a full pipe would stall the service
        process = subprocess.Popen(
            [sys.executable, "-m", module, "--data-dir", str(data_dir), "--port", str(port), *args],
            cwd=REPO, env={**os.environ, **(env or {})}, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        try:
            _wait_until_ready(port, process, log)
            yield Served(port, process.pid, time.perf_counter() - started)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def _wait_until_ready(port: int, process: subprocess.Popen, log: IO[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    log.seek(0)
    raise RuntimeError(f"the service on port {port} did not start: {log.read().decode()[-2000:]}")


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")

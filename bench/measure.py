"""Small helpers: medians, percentiles, and running a measured child process."""

import contextlib
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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def medians(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over runs that report the same figures."""
    return {key: median([run[key] for run in runs]) for key in runs[0]}


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


def child_tree_peak(module: str, *args: str, sample_seconds: float = 0.05) -> tuple[dict[str, Any], float]:
    """`child(module, *args)`, and the most memory it and its own children held at once, sampled every
    `sample_seconds`: their proportional set sizes summed (a page two of them share counts once)."""
    process = subprocess.Popen(
        [sys.executable, "-m", module, *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak_mb = 0.0
    while process.poll() is None:
        tree = [process.pid, *_children(process.pid)]
        peak_mb = max(peak_mb, sum(_proportional_or_gone_mb(pid) for pid in tree))
        time.sleep(sample_seconds)
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed:\n{stderr[-2000:]}")
    return json.loads(stdout.strip().splitlines()[-1]), peak_mb


def _proportional_or_gone_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):  # it has just ended
        pass
    return 0.0


@dataclass(frozen=True)
class Served:
    port: int
    pid: int
    ready_seconds: float  # from launch to GET /healthz answering 200


@contextmanager
def serving(
    module: str,
    data_dir: Path,
    *args: str,
    env: dict[str, str] | None = None,
    on_launch: Callable[[int], object] | None = None,
    cpus: str | None = None,
    cwd: Path = REPO,
) -> Iterator[Served]:
    """`python -m module --data-dir DIR --port P args` on a free port, for the duration of a with-block.

    `on_launch(pid)` is called as soon as the process exists, before it is ready; `cpus` (such as
    "0") pins the process to those CPUs with taskset. `cwd` is where the module is found: another
    checkout runs another version of the service.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:  # a file, not a pipe: a full pipe would stall the service
        process = subprocess.Popen(
            [*(["taskset", "-c", cpus] if cpus else []), sys.executable, "-m", module,
             "--data-dir", str(data_dir), "--port", str(port), *args],
            cwd=cwd, env={**os.environ, **(env or {})}, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        try:
            if on_launch is not None:
                on_launch(process.pid)
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
    """Resident memory of a process now."""
    return _status_mb(pid, "VmRSS")


def peak_resident_mb(pid: int) -> float:
    """The most resident memory the process has had since it started (the kernel's high-water mark)."""
    return _status_mb(pid, "VmHWM")


def _status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")


def cpu_times(pid: int) -> tuple[float, float]:
    """User time and system time of a process and its threads (not its children), from /proc."""
    user, system, _, _ = _cpu_ticks(pid)
    ticks = os.sysconf("SC_CLK_TCK")
    return user / ticks, system / ticks


def load_average() -> list[float]:
    """The machine's load averages over 1, 5 and 15 minutes."""
    return [float(value) for value in Path("/proc/loadavg").read_text().split()[:3]]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, its waited-for children and its live descendants."""
    return sum(_cpu_ticks(pid)) / os.sysconf("SC_CLK_TCK") + sum(cpu_seconds(child) for child in _children(pid))


def _cpu_ticks(pid: int) -> list[int]:
    """utime, stime, cutime and cstime of /proc/PID/stat (fields 14 to 17), in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()  # after the command name
    return [int(value) for value in fields[11:15]]


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):  # the process, or one of its threads, may end meanwhile
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found += [int(child) for child in (task / "children").read_text().split()]
    return found

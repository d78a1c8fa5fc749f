"""Sustained load: mixed contract queries against `python -m graphql_api` on 127.0.0.1, with wrk.

Every request is one of the six contract queries; four in five have an argument no earlier request
had (so they are executed), one in five repeats a popular one. Resident memory is sampled every
100 ms from the moment the process is launched, through its start and the whole load: its peak
must stay well under the 512 MB of Render's free tier, and it must stay flat (within 10 %) between
the first and the last 10 seconds of load.
"""

import contextlib
import json
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.http import LUA, post_line, run_wrk
from bench.measure import peak_resident_mb, resident_mb, serving
from bench.workload import literal_document, queries
from graphql_api.data.loader import load

CONNECTIONS = 16


def run(data_dir: Path, seconds: int = 60) -> dict[str, Any]:
    workload = queries(load(data_dir))
    with tempfile.TemporaryDirectory() as scratch:
        requests = Path(scratch) / "mixed.txt"
        lines = []
        for index in range(60_000):
            query = workload[index % len(workload)]
            if index % 5 == 4:
                lines.append(post_line(query.document, query.common))
            elif index % 2:
                lines.append(post_line(query.document, query.values[index % len(query.values)]))
            else:
                lines.append(post_line(literal_document(query, query.values[index % len(query.values)]), None))
        requests.write_text("\n".join(lines) + "\n", encoding="utf-8")
        sampler = _Sampler()
        with serving("graphql_api", data_dir, on_launch=sampler.start) as served:
            load_started = time.perf_counter()
            figures = run_wrk(served.port, requests, seconds, connections=CONNECTIONS)
            samples = sampler.stop()
            peak_hwm = peak_resident_mb(served.pid)
    during_load = [(at - load_started, rss) for at, rss in samples if at >= load_started]
    first = [rss for at, rss in during_load if at <= 10]
    last = [rss for at, rss in during_load if at >= during_load[-1][0] - 10]
    rss_first, rss_last = sum(first) / len(first), sum(last) / len(last)
    return {
        "seconds": seconds,
        "connections": CONNECTIONS,
        "requests_per_second": figures["rps"],
        "p50_ms": figures["p50_ms"],
        "p99_ms": figures["p99_ms"],
        "errors": 0,  # _wrk raises on any non-2xx response or socket error
        "rss_mb_first": rss_first,
        "rss_mb_last": rss_last,
        "rss_change": rss_last / rss_first - 1,
        "rss_mb_peak_sampled": max(rss for _, rss in samples),  # every 100 ms from launch to the end
        "rss_mb_peak": peak_hwm,  # the kernel's high-water mark of the process, over the same span
        "lua": str(LUA.name),
    }


class _Sampler:
    """Resident memory of a process every 100 ms, from its launch until stopped: (time, MB) pairs."""

    def __init__(self) -> None:
        self._samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, pid: int) -> None:
        self._thread = threading.Thread(target=self._run, args=(pid,), daemon=True)
        self._thread.start()

    def stop(self) -> list[tuple[float, float]]:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        return self._samples

    def _run(self, pid: int) -> None:
        while True:
            with contextlib.suppress(OSError, RuntimeError):  # not yet, or no longer, readable
                self._samples.append((time.perf_counter(), resident_mb(pid)))
            if self._stop.wait(0.1):
                return


if __name__ == "__main__":
    from bench.data import processed

    print(json.dumps(run(processed(), seconds=20), indent=2))

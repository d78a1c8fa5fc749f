"""Sustained load: mixed contract queries against `python -m graphql_api` on 127.0.0.1, with wrk.

Every request is one of the six contract queries; four in five have an argument no earlier request
had (so they are executed), one in five repeats a popular one. Resident memory is sampled every
second: it must stay flat (within 10 %) between the first and the last 10 seconds.
"""

import json
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.http import LUA, post_line, run_wrk
from bench.measure import resident_mb, serving
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
        with serving("graphql_api", data_dir) as served:
            samples: list[tuple[float, float]] = []
            stop = threading.Event()
            sampler = threading.Thread(target=_sample, args=(served.pid, samples, stop), daemon=True)
            sampler.start()
            figures = run_wrk(served.port, requests, seconds, connections=CONNECTIONS)
            stop.set()
            sampler.join()
    first = [rss for at, rss in samples if at <= 10]
    last = [rss for at, rss in samples if at >= samples[-1][0] - 10]
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
        "lua": str(LUA.name),
    }


def _sample(pid: int, samples: list[tuple[float, float]], stop: threading.Event) -> None:
    started = time.perf_counter()
    while not stop.wait(1.0):
        samples.append((time.perf_counter() - started, resident_mb(pid)))


if __name__ == "__main__":
    from bench.data import processed

    print(json.dumps(run(processed(), seconds=20), indent=2))

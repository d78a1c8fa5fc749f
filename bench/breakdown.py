"""Where a request's CPU goes: the same answers in a tight loop, and served, by stage.

`python -m bench.breakdown` (or `python -m bench --only breakdown`), for `titleScore` and `director`
POSTs repeated (a response-cache hit) and every one different (by variable, 20,000 arguments):
- the endpoint's answer to the requests in a tight loop in this process, no network and no event
  loop (CPU per answer, median of three passes of 20,000);
- the service with its CPU counted by stage (`bench.timed_service`), pinned to CPU 0, loaded by wrk
  pinned to CPU 1 at 16 connections. Per request: the process's CPU from /proc (all, and the
  kernel's part), of it the protocol's handling of reads, of that the endpoint's answer, and the
  writes; the rest (`loop`) is the event loop, its waits and the reads' system calls.
The served answer against the tight loop's is what the same code costs more when requests arrive
over the network, between the kernel's and the event loop's work.
"""

import json
import os
import signal
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.http import SERVER_CPU, post_line
from bench.http import measured as measured_by_wrk
from bench.in_process import JSON_HEADERS, cpu_per_answer, prepare
from bench.measure import medians, serving
from bench.workload import Query, queries
from graphql_api.data.loader import load
from graphql_api.web.app import Service, create_app

DISTINCT = 20_000
NAMES = ("score", "director")


def run(data_dir: Path, seconds: int = 3, repeat: int = 3) -> dict[str, Any]:
    model = load(data_dir)
    workload = [query for query in queries(model, distinct=DISTINCT) if query.name in NAMES]
    results: dict[str, Any] = {"connections": 16, "seconds_per_run": seconds, "runs": repeat}
    app = create_app(model)
    tight = {
        query.name: {kind: _tight_loop(app, query, values) for kind, values in _bodies(query).items()}
        for query in workload
    }
    with tempfile.TemporaryDirectory() as scratch:
        timings = Path(scratch) / "timings.json"
        with serving("bench.timed_service", data_dir, cpus=SERVER_CPU, env={"BENCH_TIMINGS": str(timings)}) as served:
            for query in workload:
                results[query.name] = {}
                for kind, values in _bodies(query).items():
                    requests = Path(scratch) / f"{query.name}-{kind}.txt"
                    requests.write_text("\n".join(post_line(query.document, value) for value in values) + "\n")
                    measured_by_wrk(served.pid, served.port, requests, 1)  # the text prepared, the cache warm
                    runs = [_served(served.pid, served.port, requests, timings, seconds) for _ in range(repeat)]
                    figures = medians(runs)
                    figures["answer_to_tight_loop"] = figures["answer_us"] / tight[query.name][kind]
                    results[query.name][kind] = {"served": figures, "tight_loop_answer_us": tight[query.name][kind]}
    return results


def _bodies(query: Query) -> dict[str, list[str]]:
    return {"repeated": [query.common], "distinct": list(query.values)}


def _served(pid: int, port: int, requests: Path, timings: Path, seconds: int) -> dict[str, float]:
    before = _counters(pid, timings)
    figures = measured_by_wrk(pid, port, requests, seconds)
    after = _counters(pid, timings)
    count = max(figures["requests"], 1.0)

    def per_request(name: str) -> float:
        return (after[name]["cpu_s"] - before[name]["cpu_s"]) / count * 1e6

    total = figures["cpu_s_per_1000"] * 1000
    read, answer, write = per_request("read"), per_request("answer"), per_request("write")
    return {
        "rps": figures["rps"],
        "p99_ms": figures["p99_ms"],
        "cpu_us": total,
        "kernel_us": figures["system_s_per_1000"] * 1000,
        "read_us": read,
        "answer_us": answer,
        "write_us": write,
        "loop_us": total - read - write,
        "writes_per_request": (after["write"]["calls"] - before["write"]["calls"]) / count,
    }


def _counters(pid: int, timings: Path) -> dict[str, dict[str, float]]:
    """The service's counters, asked for with SIGUSR1."""
    timings.unlink(missing_ok=True)
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if timings.exists():
            try:
                return json.loads(timings.read_text())
            except json.JSONDecodeError:
                pass  # still being written
        time.sleep(0.01)
    raise RuntimeError("the timed service did not write its counters")


def _tight_loop(app: Service, query: Query, values: list[str]) -> float:
    """µs of CPU per answer in a tight loop: 20,000 different requests go in turn through a 4,096-entry
    cache (each one a miss), a repeated one is a hit."""
    bodies = [json.dumps({"query": query.document, "variables": {"v": value}}).encode() for value in values]
    prepare(app, bodies[0])
    return cpu_per_answer(app, [("POST", b"", body) for body in bodies], JSON_HEADERS, DISTINCT)


def format_breakdown(results: dict[str, Any]) -> list[str]:
    lines = [
        "Where a request's CPU goes, served (µs a request: all, kernel; reads handled, of it the answer; "
        "writes; loop) and the answer in a tight loop"
    ]
    for name in NAMES:
        for kind, figures in results.get(name, {}).items():
            served = figures["served"]
            lines.append(
                f"  {name:8} {kind:8} {served['rps']:6.0f}/s p99 {served['p99_ms']:4.1f}ms"
                f" | all {served['cpu_us']:5.1f} kernel {served['kernel_us']:4.1f}"
                f" | reads {served['read_us']:5.1f} answer {served['answer_us']:5.1f}"
                f" | writes {served['write_us']:4.1f} ({served['writes_per_request']:.2f}/request)"
                f" | loop {served['loop_us']:4.1f} | answer in a tight loop {figures['tight_loop_answer_us']:5.1f}"
                f" (served: {served['answer_to_tight_loop']:.1f}x)"
            )
    return lines


if __name__ == "__main__":
    from bench.data import processed

    figures = run(processed(), seconds=3, repeat=1)
    print(json.dumps(figures, indent=2))
    print("\n".join(format_breakdown(figures)))

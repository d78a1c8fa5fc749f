"""HTTP throughput and latency with wrk, against the bare FastAPI ceiling served by the same process.

For each contract query, three workloads, each run on /graphql and on the bare route alternately:
- repeated: the same request again and again (many front ends asking the same popular question);
- distinct: every request has another argument, sent as a variable (how GraphQL clients send them);
- distinct-literal: every request has another argument written into the query text (nothing reusable).
"""

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.measure import cpu_times, medians, serving
from bench.workload import Query, literal_document, queries
from graphql_api.data.loader import load

LUA = Path(__file__).with_name("wrk_requests.lua")
SERVER_CPU = "0"  # pinned runs: the server on one core, wrk on the other
LOAD_CPU = "1"
CONNECTIONS = 16


def run(data_dir: Path, workers: tuple[int, ...] = (1, 2), seconds: int = 5, repeat: int = 3) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise SystemExit("the HTTP benchmark needs wrk: apt-get install wrk")
    model = load(data_dir)
    workload = queries(model)
    results: dict[str, Any] = {"connections": CONNECTIONS, "seconds_per_run": seconds, "runs": repeat}
    with tempfile.TemporaryDirectory() as scratch:
        files = _request_files(Path(scratch), workload)
        for count in workers:
            with serving("bench.server", data_dir, "--workers", str(count)) as served:
                results[f"workers_{count}"] = {
                    query.name: _measure_query(served.port, files[query.name], seconds, repeat) for query in workload
                }
    return results


def _measure_query(port: int, files: dict[str, Path], seconds: int, repeat: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for workload in ("repeated", "distinct", "distinct-literal"):
        bare_file = files["bare-repeated" if workload == "repeated" else "bare-distinct"]
        graphql, bare = side_by_side(port, (files[workload], bare_file), seconds, repeat)
        figures[workload] = {"graphql": graphql, "bare": bare, "ratio": graphql["rps"] / bare["rps"]}
    return figures


def side_by_side(
    port: int, request_files: tuple[Path, ...], seconds: int, repeat: int, pid: int | None = None
) -> list[dict[str, float]]:
    """The median figures of each request file, the files run in turn `repeat` times, so drift on this
    shared machine hits them all alike. Given the server's `pid` (a server pinned to SERVER_CPU), wrk
    runs on LOAD_CPU and the figures include the server's CPU-seconds per 1,000 requests."""
    runs: list[list[dict[str, float]]] = [[] for _ in request_files]
    for _ in range(repeat):
        for index, path in enumerate(request_files):
            runs[index].append(run_wrk(port, path, seconds) if pid is None else measured(pid, port, path, seconds))
    return [medians(file_runs) for file_runs in runs]


def measured(pid: int, port: int, requests: Path, seconds: int) -> dict[str, float]:
    """wrk's figures, wrk pinned to LOAD_CPU, with the CPU-seconds process `pid` spent per 1,000
    requests, and the system (kernel) part of them."""
    user_before, system_before = cpu_times(pid)
    figures = run_wrk(port, requests, seconds, cpus=LOAD_CPU)
    user_after, system_after = cpu_times(pid)
    per_1000 = 1000 / max(figures["requests"], 1.0)
    return {
        **figures,
        "cpu_s_per_1000": (user_after - user_before + system_after - system_before) * per_1000,
        "system_s_per_1000": (system_after - system_before) * per_1000,
    }


def _request_files(directory: Path, workload: list[Query]) -> dict[str, dict[str, Path]]:
    files: dict[str, dict[str, Path]] = {}
    for query in workload:
        lines = {
            "repeated": [post_line(query.document, query.common)],
            "distinct": [post_line(query.document, value) for value in query.values],
            "distinct-literal": [post_line(literal_document(query, value), None) for value in query.values],
            "bare-repeated": [_get(query, query.common)],
            "bare-distinct": [_get(query, value) for value in query.values],
        }
        files[query.name] = {}
        for name, requests in lines.items():
            path = directory / f"{query.name}-{name}.txt"
            path.write_text("\n".join(requests) + "\n", encoding="utf-8")
            files[query.name][name] = path
    return files


def post_line(document: str, value: str | None) -> str:
    payload: dict[str, Any] = {"query": document}
    if value is not None:
        payload["variables"] = {"v": value}
    return "POST\t/graphql\t" + json.dumps(payload, ensure_ascii=False)


def _get(query: Query, value: str) -> str:
    return f"GET\t{query.bare_path}?{urlencode({query.bare_parameter: value})}\t"


def run_wrk(
    port: int,
    requests: Path,
    seconds: int,
    connections: int = CONNECTIONS,
    strict: bool = True,
    cpus: str | None = None,
) -> dict[str, float]:
    """wrk's rate and latency percentiles; `strict` raises on any failed request, else counts them.

    `cpus` (such as "1") pins wrk to those CPUs with taskset."""
    command = [*(["taskset", "-c", cpus] if cpus else []), "wrk", "-t1", f"-c{connections}", f"-d{seconds}s",
               "--latency", "-s", str(LUA), f"http://127.0.0.1:{port}", "--", str(requests)]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    if strict and (failures or errors):
        raise RuntimeError(f"wrk saw failures against {requests.name}:\n{output}")
    timeouts = re.search(r"timeout (\d+)", output)
    completed = re.search(r"(\d+) requests in", output)
    return {
        "requests": float(completed.group(1)) if completed else 0.0,
        "failed": float(failures.group(1)) if failures else 0.0,
        "timeouts": float(timeouts.group(1)) if timeouts else 0.0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50_ms": _latency(output, "50%"),
        "p99_ms": _latency(output, "99%"),
    }


def _latency(output: str, label: str) -> float:
    value, unit = re.search(rf"{label}\s+([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


if __name__ == "__main__":
    from bench.data import processed

    print(json.dumps(run(processed(), workers=(1,), seconds=3, repeat=1), indent=2))

"""The service against the limit of its own server stack, request for request, in one run.

`python -m bench.ceiling` (or `python -m bench --only ceiling`): the service and a raw ASGI app on
the same uvicorn (`bench.raw_asgi`: read the body, answer fixed bytes) are both pinned to CPU 0 and
loaded in turn by wrk pinned to CPU 1, 16 connections. For every contract query that takes a title
or a name: the same request repeated (a response-cache hit), every request different by variable,
and every request different with the argument written into the query text (at least 20,000 distinct
arguments each). Each figure is a median over alternated runs, given as a ratio to the raw limit
measured beside it, with p99 and the server's CPU-seconds per 1,000 requests (from /proc).

Below the raw ASGI app it also measures the floor of the stack (`bench.bare_protocol`: uvloop and
httptools answering fixed bytes without ASGI), alternated with the raw app, which shows what
uvicorn's ASGI layer costs a request; the service answers most requests below that layer.
"""

import json
import tempfile
from pathlib import Path
from typing import Any

from bench.http import SERVER_CPU, measured, post_line
from bench.measure import medians, serving
from bench.workload import Query, literal_document, queries
from graphql_api.data.loader import load

DISTINCT = 20_000
NAMES = ("score", "votos", "actor", "director", "recommendations")
TARGETS = {"repeated": 0.8, "distinct": 0.5, "distinct-literal": 0.5}


def run(data_dir: Path, seconds: int = 3, repeat: int = 3) -> dict[str, Any]:
    workload = [query for query in queries(load(data_dir), distinct=DISTINCT) if query.name in NAMES]
    results: dict[str, Any] = {"connections": 16, "seconds_per_run": seconds, "runs": repeat, "targets": TARGETS}
    with tempfile.TemporaryDirectory() as scratch:
        raw_file = Path(scratch) / "raw.txt"
        raw_file.write_text(post_line(workload[0].document, workload[0].common) + "\n", encoding="utf-8")
        with (
            serving("bench.raw_asgi", data_dir, cpus=SERVER_CPU) as raw,
            serving("bench.bare_protocol", data_dir, cpus=SERVER_CPU) as floor,
            serving("graphql_api", data_dir, cpus=SERVER_CPU) as ours,
        ):
            results["floor"] = _compare(raw, raw_file, floor, raw_file, seconds, repeat)
            for query in workload:
                results[query.name] = {
                    kind: _compare(raw, raw_file, ours, path, seconds, repeat)
                    for kind, path in request_files(Path(scratch), query).items()
                }
    return results


def _compare(raw: Any, raw_file: Path, ours: Any, ours_file: Path, seconds: int, repeat: int) -> dict[str, Any]:
    raw_runs, our_runs = [], []
    for _ in range(repeat):  # alternated, so drift on this shared machine hits both alike
        raw_runs.append(measured(raw.pid, raw.port, raw_file, seconds))
        our_runs.append(measured(ours.pid, ours.port, ours_file, seconds))
    raw_figures, our_figures = medians(raw_runs), medians(our_runs)
    return {"raw": raw_figures, "ours": our_figures, "ratio": our_figures["rps"] / raw_figures["rps"]}


def request_files(directory: Path, query: Query) -> dict[str, Path]:
    """Request files for wrk: the query repeated, with every argument different as a variable, and as a literal."""
    lines = {
        "repeated": [post_line(query.document, query.common)],
        "distinct": [post_line(query.document, value) for value in query.values],
        "distinct-literal": [post_line(literal_document(query, value), None) for value in query.values],
    }
    files = {}
    for kind, requests in lines.items():
        path = directory / f"{query.name}-{kind}.txt"
        path.write_text("\n".join(requests) + "\n", encoding="utf-8")
        files[kind] = path
    return files


def format_ceiling(results: dict[str, Any]) -> list[str]:
    lines = [
        "Against the raw ASGI limit (server on CPU 0, wrk on CPU 1): ratio, p99, CPU-s per 1,000 requests "
        "(of it in the kernel)"
    ]
    if "floor" in results:
        floor, raw = results["floor"]["ours"], results["floor"]["raw"]
        lines.append(
            f"  raw ASGI app    {raw['rps']:.0f}/s {raw['cpu_s_per_1000']:.3f}s "
            f"(kernel {raw.get('system_s_per_1000', 0):.3f}) | below ASGI (uvloop + httptools, "
            f"fixed bytes) {floor['rps']:.0f}/s {floor['cpu_s_per_1000']:.3f}s ({results['floor']['ratio']:.2f}x)"
        )
    for name in NAMES:
        if name not in results:
            continue
        cells = []
        for kind, figures in results[name].items():
            ours = figures["ours"]
            cells.append(
                f"{kind} {figures['ratio']:.2f}x ({ours['rps']:.0f}/{figures['raw']['rps']:.0f}/s) "
                f"p99 {ours['p99_ms']:.1f}ms {ours['cpu_s_per_1000']:.3f}s "
                f"(kernel {ours.get('system_s_per_1000', 0):.3f})"
            )
        lines.append(f"  {name:15} " + " | ".join(cells))
    return lines


if __name__ == "__main__":
    from bench.data import processed

    figures = run(processed(), seconds=3, repeat=1)
    print(json.dumps(figures, indent=2))
    print("\n".join(format_ceiling(figures)))

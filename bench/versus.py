"""This checkout's service against another checkout's, request for request, in one run.

`python -m bench.versus OTHER_CHECKOUT [--queries score,director] [--seconds 3] [--repeat 3]`: both
services (`python -m graphql_api`, each from its own checkout, with this environment's packages)
on the full-scale data, pinned to CPU 0 and loaded in turn by wrk pinned to CPU 1, 16 connections,
for each query the same request repeated, with every argument different as a variable, and as a
literal (`bench.ceiling`'s request files). Medians over alternated runs of the rate, p99 and the
server's CPU per request, the kernel's part apart: what a change did, measured side by side on a
machine whose speed drifts. A checkout of an older commit: `git worktree add /tmp/before COMMIT`.
"""

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from bench.ceiling import DISTINCT, request_files
from bench.http import SERVER_CPU, measured
from bench.measure import medians, serving
from bench.workload import queries
from graphql_api.data.loader import load


def run(other: Path, data_dir: Path, names: tuple[str, ...], seconds: int = 3, repeat: int = 3) -> dict[str, Any]:
    workload = [query for query in queries(load(data_dir), distinct=DISTINCT) if query.name in names]
    results: dict[str, Any] = {"other": str(other), "seconds_per_run": seconds, "runs": repeat}
    with (
        tempfile.TemporaryDirectory() as scratch,
        serving("graphql_api", data_dir, cpus=SERVER_CPU, cwd=other) as before,
        serving("graphql_api", data_dir, cpus=SERVER_CPU) as this,
    ):
        for query in workload:
            results[query.name] = {}
            for kind, requests in request_files(Path(scratch), query).items():
                runs: dict[str, list[dict[str, float]]] = {"other": [], "this": []}
                for _ in range(repeat):  # alternated, so drift hits both alike
                    runs["other"].append(measured(before.pid, before.port, requests, seconds))
                    runs["this"].append(measured(this.pid, this.port, requests, seconds))
                results[query.name][kind] = {label: medians(figures) for label, figures in runs.items()}
    return results


def format_versus(results: dict[str, Any]) -> list[str]:
    lines = [f"This checkout against {results['other']}: rate, p99, CPU µs a request (of it the kernel's)"]
    for name, kinds in results.items():
        if not isinstance(kinds, dict):
            continue
        for kind, figures in kinds.items():
            cells = [
                f"{label} {f['rps']:6.0f}/s p99 {f['p99_ms']:5.1f}ms {1000 * f['cpu_s_per_1000']:5.1f} "
                f"({1000 * f['system_s_per_1000']:4.1f})"
                for label, f in figures.items()
            ]
            ratio = figures["this"]["rps"] / figures["other"]["rps"]
            lines.append(f"  {name:15} {kind:16} " + " | ".join(cells) + f" | {ratio:.2f}x the rate")
    return lines


def main() -> None:
    from bench.data import processed

    parser = argparse.ArgumentParser(prog="python -m bench.versus")
    parser.add_argument("other", type=Path, help="another checkout of this repository")
    parser.add_argument("--queries", default="score,director", help="workload names, comma-separated")
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.other / "graphql_api").is_dir():
        raise SystemExit(f"{args.other} is not a checkout of this repository (it has no graphql_api)")
    names = tuple(name for name in args.queries.split(",") if name)
    results = run(args.other.resolve(), processed(), names, args.seconds, args.repeat)
    print(json.dumps(results, indent=2))
    print("\n".join(format_versus(results)))


if __name__ == "__main__":
    main()

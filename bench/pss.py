"""Memory shared by forked workers: the proportional set size (PSS) of the whole service, two workers
against one (`python -m bench.pss`, or `python -m bench --only pss`).

PSS divides each shared page among the processes mapping it, so the sum over the service's
processes is what the service really costs. Each service gets the same mixed contract queries with
wrk for a while first, so the pages requests touch are in.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.http import post_line, run_wrk
from bench.measure import REPO, serving
from bench.workload import literal_document, queries
from graphql_api.data.loader import load

TARGET = 1.3


def run(data_dir: Path, seconds: int = 10) -> dict[str, Any]:
    """The PSS of one worker and of two. This process never maps the data files (the requests are
    written by another): a page it mapped too would be divided with it, and the service's understated."""
    with tempfile.TemporaryDirectory() as scratch:
        requests = Path(scratch) / "mixed.txt"
        command = [sys.executable, "-m", "bench.pss", "--data-dir", str(data_dir), "--write-requests", str(requests)]
        subprocess.run(command, cwd=REPO, check=True)
        figures = {f"workers_{count}": _measure(data_dir, count, requests, seconds) for count in (1, 2)}
    figures["ratio"] = figures["workers_2"]["pss_mb"] / figures["workers_1"]["pss_mb"]
    figures["target"] = TARGET
    return figures


def write_requests(data_dir: Path, path: Path) -> None:
    """Mixed contract queries: 1,500 different arguments for each, written into the text."""
    workload = queries(load(data_dir))
    lines = [
        post_line(literal_document(query, value), None)
        for index, query in enumerate(workload)
        for value in query.values[index::7][:1500]
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _check_unmapped(data_dir: Path, service: frozenset[int]) -> None:
    """Refuses to measure while a process outside the service maps the data files."""
    folder = str(data_dir.resolve())
    others = []
    for maps in Path("/proc").glob("[0-9]*/maps"):
        pid = int(maps.parent.name)
        try:
            mapped = pid not in service and folder in maps.read_text()
        except OSError:  # gone, or not ours to read
            continue
        if mapped:
            others.append(pid)
    if others:
        raise RuntimeError(
            f"processes {others} map files of {folder}: pages they read would be divided with them and the "
            "service's PSS understated; stop them (python -m bench runs pss before its in-process benchmarks)"
        )


def _measure(data_dir: Path, workers: int, requests: Path, seconds: int) -> dict[str, float]:
    with serving("graphql_api", data_dir, "--workers", str(workers)) as served:
        run_wrk(served.port, requests, seconds, strict=False)
        processes = [served.pid, *_children(served.pid)]
        _check_unmapped(data_dir, frozenset(processes))
        return {"processes": len(processes), "pss_mb": sum(_pss_mb(pid) for pid in processes)}


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        found += [int(child) for child in children]
    return found + [grandchild for child in found for grandchild in _children(child)]


def _pss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no Pss for process {pid}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.pss")
    parser.add_argument("--data-dir", type=Path, help="processed full-scale data (default: bench/out/processed)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--write-requests", type=Path, help="only write the requests to this file")
    args = parser.parse_args()
    if args.data_dir is None:
        from bench.data import processed

        args.data_dir = processed()
    if args.write_requests:
        write_requests(args.data_dir, args.write_requests)
    else:
        print(json.dumps(run(args.data_dir, args.seconds), indent=2))

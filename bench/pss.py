"""Memory shared by forked workers: the proportional set size (PSS) of the whole service, two workers
against one (`python -m bench.pss`, or `python -m bench --only pss`).

PSS divides each shared page among the processes mapping it, so the sum over the service's
processes is what the service really costs. Each service gets the same mixed contract queries with
wrk for a while first, so the pages requests touch are in.
"""

import json
import tempfile
from pathlib import Path
from typing import Any

from bench.http import post_line, run_wrk
from bench.measure import serving
from bench.workload import literal_document, queries
from graphql_api.data.loader import load

TARGET = 1.3


def run(data_dir: Path, seconds: int = 10) -> dict[str, Any]:
    workload = queries(load(data_dir))
    with tempfile.TemporaryDirectory() as scratch:
        requests = Path(scratch) / "mixed.txt"
        lines = [
            post_line(literal_document(query, value), None)
            for index, query in enumerate(workload)
            for value in query.values[index::7][:1500]
        ]
        requests.write_text("\n".join(lines) + "\n", encoding="utf-8")
        figures = {f"workers_{count}": _measure(data_dir, count, requests, seconds) for count in (1, 2)}
    figures["ratio"] = figures["workers_2"]["pss_mb"] / figures["workers_1"]["pss_mb"]
    figures["target"] = TARGET
    return figures


def _measure(data_dir: Path, workers: int, requests: Path, seconds: int) -> dict[str, float]:
    with serving("graphql_api", data_dir, "--workers", str(workers)) as served:
        run_wrk(served.port, requests, seconds, strict=False)
        processes = [served.pid, *_children(served.pid)]
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
    from bench.data import processed

    print(json.dumps(run(processed()), indent=2))

"""Resident memory of `python -m graphql_api` at full scale, before discovery and with it.

Three runs, each a fresh service answering requests one after another over HTTP, every argument different
(so answers are computed and the service's caches fill as they would): the service as it was (another
checkout, serving tables of its own schema version) with contract queries; this one with contract queries;
this one with contract and discovery queries (searches with every filter and order, typos that decode the
word lists, completions, people, recommendations with reasons). Resident memory after start, after the
requests, and the kernel's high-water mark.

`python -m bench.discovery_memory DATA_DIR [BASELINE_CHECKOUT BASELINE_DATA_DIR]`
"""

import json
import random
import sys
import urllib.request
from pathlib import Path
from typing import Any

from bench import discovery_workload as discovery
from bench.measure import REPO, peak_resident_mb, resident_mb, serving
from bench.workload import queries
from graphql_api.data.loader import load

REQUESTS = 3000


def run(data_dir: Path, baseline: tuple[Path, Path] | None = None, requests: int = REQUESTS) -> dict[str, Any]:
    model = load(data_dir)
    contract = _contract_requests(model, requests)
    mixed = contract[: requests // 2] + _discovery_requests(model, requests - requests // 2)
    random.Random(discovery.SEED).shuffle(mixed)
    results: dict[str, Any] = {"requests": requests}
    if baseline is not None:
        checkout, baseline_data = baseline
        results["before_with_contract_queries"] = _measure(baseline_data, contract, checkout)
    results["now_with_contract_queries"] = _measure(data_dir, contract)
    results["now_with_contract_and_discovery_queries"] = _measure(data_dir, mixed)
    if baseline is not None:
        before = results["before_with_contract_queries"]
        now = results["now_with_contract_and_discovery_queries"]
        results["more_than_before_mb"] = {key: now[key] - before[key] for key in ("started_mb", "after_mb", "peak_mb")}
    return results


def _measure(data_dir: Path, requests: list[tuple[str, dict]], checkout: Path = REPO) -> dict[str, float]:
    with serving("graphql_api", data_dir, cwd=checkout) as served:
        started = resident_mb(served.pid)
        for query, variables in requests:
            body = json.dumps({"query": query, "variables": variables}).encode()
            request = urllib.request.Request(
                f"http://127.0.0.1:{served.port}/graphql", body, {"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.loads(response.read())
            if answer.get("errors"):
                raise RuntimeError(f"{query} {variables}: {answer['errors']}")
        return {"started_mb": started, "after_mb": resident_mb(served.pid), "peak_mb": peak_resident_mb(served.pid)}


def _contract_requests(model: Any, count: int) -> list[tuple[str, dict]]:
    workload = queries(model)
    return [
        (
            workload[index % len(workload)].document,
            {"v": workload[index % len(workload)].values[index // len(workload)]},
        )
        for index in range(count)
    ]


def _discovery_requests(model: Any, count: int) -> list[tuple[str, dict]]:
    share = count // 6
    matrix = list(discovery.search_matrix(model).values())
    requests = [
        *((discovery.COMPLETE, {"p": prefix}) for prefix in discovery.prefixes(model, share)),
        *((discovery.SEARCH, {"q": text}) for text in discovery.search_texts(model, share)),
        *((request.query, request.variables) for request in matrix[:share]),
        *((discovery.BROWSE, request.variables) for request in matrix[share : 2 * share]),
        *((discovery.PEOPLE, {"q": name}) for name in discovery.names(model, share)),
        *((discovery.TASTE, {"l": liked}) for liked in discovery.tastes(model, share)),
    ]
    random.Random(discovery.SEED).shuffle(requests)
    return requests[:count]


if __name__ == "__main__":
    baseline_run = (Path(sys.argv[2]), Path(sys.argv[3])) if len(sys.argv) > 3 else None
    print(json.dumps(run(Path(sys.argv[1]), baseline_run), indent=2))

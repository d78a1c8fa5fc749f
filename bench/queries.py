"""In-process latency of each contract query (the engine the service runs, warm caches): p50 and p99."""

import time
from pathlib import Path
from typing import Any

from bench.measure import percentile
from bench.workload import literal_document, queries
from graphql_api.data.loader import load
from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema


def run(data_dir: Path, iterations: int = 2000) -> dict[str, Any]:
    model = load(data_dir)
    engine = Engine(graphql_schema, model, Limits())
    results: dict[str, Any] = {"iterations": iterations}
    for query in queries(model):
        results[query.name] = {
            case: _latency(engine, literal_document(query, value), iterations)
            for case, value in (("common", query.common), ("heaviest", query.heaviest))
        }
        results[query.name]["arguments"] = {"common": query.common, "heaviest": query.heaviest}
    return results


def _latency(engine: Engine, text: str, iterations: int) -> dict[str, float]:
    result = engine.run(text)
    if result.errors:
        raise RuntimeError(f"{text}: {result.errors}")
    for _ in range(50):  # warm the document cache and the plan
        engine.run(text)
    timings = []
    for _ in range(iterations):
        started = time.perf_counter()
        engine.run(text)
        timings.append(time.perf_counter() - started)
    return {"p50_us": percentile(timings, 0.5) * 1e6, "p99_us": percentile(timings, 0.99) * 1e6}

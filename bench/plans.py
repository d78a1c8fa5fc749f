"""What compiling plans into Python (`graphql_api/engine/compiled.py`) saves, and what it costs.

`python -m bench.plans` (or `python -m bench --only plans`), in process, full-scale data:
- for each contract query that takes a title or a name, POSTs with 20,000 different variables
  answered by the endpoint in a tight loop (`bench.in_process`), with plans compiled and with plans
  walked field by field (compiling turned off): CPU per answer, median of 3 passes each;
- making each query's plan with compiling and without: the difference a field, in µs (median of 21)
  and in bytes kept (by tracemalloc: what a plan keeps compiled, less what it keeps walked).
"""

import gc
import json
import statistics
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.in_process import JSON_HEADERS, cpu_per_answer, prepare
from bench.workload import Query, queries
from graphql_api.data.loader import load
from graphql_api.data.model import ReadModel
from graphql_api.engine import compiled
from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.engine.planning import compile_plan
from graphql_api.schema import graphql_schema
from graphql_api.web.app import create_app

DISTINCT = 20_000
NAMES = ("score", "votos", "actor", "director", "recommendations")


def run(data_dir: Path, count: int = 20_000) -> dict[str, Any]:
    model = load(data_dir)
    workload = [query for query in queries(model, distinct=DISTINCT) if query.name in NAMES]
    results: dict[str, Any] = {"distinct": DISTINCT, "max_fields": compiled.MAX_FIELDS}
    limit = compiled.MAX_FIELDS
    for query in workload:
        bodies = [json.dumps({"query": query.document, "variables": {"v": value}}).encode() for value in query.values]
        requests = [("POST", b"", body) for body in bodies]
        figures: dict[str, Any] = {}
        for label, max_fields in (("compiled", limit), ("walked", 0)):
            with _compiling_up_to(max_fields):  # read when a plan is made: a new app makes new plans
                app = create_app(model)
                prepare(app, bodies[0])
                figures[f"{label}_us"] = cpu_per_answer(app, requests, JSON_HEADERS, count)
        figures["walked_to_compiled"] = figures["walked_us"] / figures["compiled_us"]
        figures.update(_compiling(model, query))
        results[query.name] = figures
    return results


def _compiling(model: ReadModel, query: Query) -> dict[str, float]:
    """A plan made with compiling and without, the difference per field: time, and bytes kept."""
    engine = Engine(graphql_schema, model, Limits())
    document = engine.prepare(query.document).document
    figures: dict[str, float] = {}
    for label, max_fields in (("compiled", compiled.MAX_FIELDS), ("walked", 0)):
        with _compiling_up_to(max_fields):
            times = []
            for _ in range(21):
                started = time.perf_counter()
                compile_plan(graphql_schema, document, None, model)  # type: ignore[arg-type]
                times.append(time.perf_counter() - started)
            gc.collect()
            tracemalloc.start()
            try:
                plan = compile_plan(graphql_schema, document, None, model)  # type: ignore[arg-type]
                gc.collect()
                figures[f"{label}_bytes"], _ = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            figures[f"{label}_seconds"] = statistics.median(times)
            fields = compiled.count_fields(plan.fields)  # type: ignore[union-attr]
            del plan
    return {
        "fields": fields,
        "compile_us_per_field": (figures["compiled_seconds"] - figures["walked_seconds"]) / fields * 1e6,
        "compiled_bytes_per_field": (figures["compiled_bytes"] - figures["walked_bytes"]) / fields,
    }


@contextmanager
def _compiling_up_to(max_fields: int) -> Iterator[None]:
    """Plans made meanwhile are compiled up to `max_fields` fields (0: always walked)."""
    limit = compiled.MAX_FIELDS
    compiled.MAX_FIELDS = max_fields
    try:
        yield
    finally:
        compiled.MAX_FIELDS = limit


def format_plans(results: dict[str, Any]) -> list[str]:
    lines = [
        f"Plans compiled against walked, in process ({results['distinct']:,} different variables; µs of CPU an answer)"
    ]
    for name in NAMES:
        if name in results:
            figures = results[name]
            lines.append(
                f"  {name:16} compiled {figures['compiled_us']:5.1f}  walked {figures['walked_us']:5.1f}"
                f"  = {figures['walked_to_compiled']:.2f}x | {figures['fields']:2d} fields, compiling"
                f" {figures['compile_us_per_field']:.0f} µs and {figures['compiled_bytes_per_field']:.0f} B a field"
            )
    return lines


if __name__ == "__main__":
    from bench import data

    figures = run(data.processed())
    print(json.dumps(figures, indent=2))
    print("\n".join(format_plans(figures)))

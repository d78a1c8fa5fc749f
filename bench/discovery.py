"""Discovery in process (the engine the service runs, warm caches): p50 and p99 of autocomplete, searchMovies for
every filter with every order (each combination's p50, the worst reported), searchPeople and recommendationsFor
with ten liked films; and the recommender's quality on the real sample.

`python -m bench.discovery DATA_DIR [SAMPLE_DATA_DIR]` runs it on any processed folder; `python -m bench --only
discovery` on the full-scale generated set and the sample.
"""

import json
import sys
import time
from pathlib import Path
from typing import Any

from bench import discovery_workload as workload
from bench.measure import median, percentile
from graphql_api.data.loader import load
from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema


def run(data_dir: Path, sample_dir: Path | None = None, repeat: int = 15, distinct: int = 2000) -> dict[str, Any]:
    model = load(data_dir)
    engine = Engine(graphql_schema, model, Limits())
    results: dict[str, Any] = {
        "autocomplete": _latency(engine, _requests(workload.COMPLETE, "p", workload.prefixes(model, distinct))),
        "searchPeople": _latency(engine, _requests(workload.PEOPLE, "q", workload.names(model, distinct // 4))),
        "recommendationsFor_10_liked": _latency(
            engine, _requests(workload.TASTE, "l", workload.tastes(model, distinct // 4))
        ),
        "searchMovies_texts": _latency(engine, _requests(workload.SEARCH, "q", workload.search_texts(model, distinct))),
        "searchMovies_matrix": _matrix(engine, workload.search_matrix(model), repeat),
        "searchMovies_browse_with_facets": _matrix(
            engine,
            {name: workload.Request(workload.BROWSE, request.variables)
             for name, request in workload.search_matrix(model).items() if name.startswith("browse")},
            repeat,
        ),
    }  # fmt: skip
    if sample_dir is not None:
        results["quality_on_sample"] = quality(load(sample_dir))
    return results


def quality(model: Any) -> dict[str, Any]:
    """Collections of three films or more: every two of their films liked, are the others (ten at most) all
    among the ten recommended? And is a film given ever recommended?"""
    import itertools

    import numpy as np

    from graphql_api.domain.taste import recommendations_for

    ids = model.collection_ids
    collections, counts = np.unique(ids[ids >= 0], return_counts=True)
    cases = found = films = films_found = given_back = 0
    for collection in collections[counts >= 3]:
        rows = list(model.collection_movies.get(int(collection)))
        for pair in itertools.combinations(rows, 2):
            liked = [int(model.movie_ids[row]) for row in pair]
            recommended = {entry.movie_row for entry in recommendations_for(model, liked, [], [], 10)}
            others = [row for row in rows if row not in pair]
            hits = sum(row in recommended for row in others)
            cases, found = cases + 1, found + (hits >= min(len(others), 10))
            films, films_found = films + len(others), films_found + hits
            given_back += len(recommended & set(pair))
    return {
        "collections": int((counts >= 3).sum()),
        "pairs_liked": cases,
        "pairs_with_every_other_film_in_top_10": found,
        "share": found / cases,
        "other_films_in_top_10": films_found,
        "other_films": films,
        "liked_films_recommended": given_back,
    }


def _requests(query: str, variable: str, values: list[Any]) -> list[workload.Request]:
    return [workload.Request(query, {variable: value}) for value in values]


def _latency(engine: Engine, requests: list[workload.Request]) -> dict[str, Any]:
    """Each request once, after one run of its text to prepare and plan it: p50, p99 and the worst."""
    timings = []
    for request in requests[:20]:
        _check(engine, request)
    for request in requests:
        started = time.perf_counter()
        result = engine.run(request.query, request.variables)
        timings.append(time.perf_counter() - started)
        if result.errors:
            raise RuntimeError(f"{request}: {result.errors}")
    return {"requests": len(timings), **_figures(timings)}


def _matrix(engine: Engine, requests: dict[str, workload.Request], repeat: int) -> dict[str, Any]:
    """Each combination `repeat` times: the p50 of every one, their median, and the worst combination."""
    per_combination = {}
    for name, request in requests.items():
        _check(engine, request)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            engine.run(request.query, request.variables)
            timings.append(time.perf_counter() - started)
        per_combination[name] = percentile(timings, 0.5) * 1e3
    worst = max(per_combination, key=per_combination.__getitem__)
    return {
        "combinations": len(per_combination),
        "runs_each": repeat,
        "p50_ms_median_of_combinations": median(list(per_combination.values())),
        "p50_ms_worst_combination": per_combination[worst],
        "worst_combination": worst,
        "slowest_combinations_p50_ms": dict(sorted(per_combination.items(), key=lambda entry: -entry[1])[:10]),
    }


def _check(engine: Engine, request: workload.Request) -> None:
    result = engine.run(request.query, request.variables)
    if result.errors:
        raise RuntimeError(f"{request}: {result.errors}")


def _figures(timings: list[float]) -> dict[str, float]:
    return {
        "p50_ms": percentile(timings, 0.5) * 1e3,
        "p99_ms": percentile(timings, 0.99) * 1e3,
        "max_ms": max(timings) * 1e3,
    }


def summary(results: dict[str, Any]) -> list[str]:
    lines = ["Discovery in process (ms)                 p50     p99"]
    for name in ("autocomplete", "searchMovies_texts", "searchPeople", "recommendationsFor_10_liked"):
        figures = results[name]
        lines.append(f"  {name:38} {figures['p50_ms']:6.2f} {figures['p99_ms']:7.2f}")
    for name in ("searchMovies_matrix", "searchMovies_browse_with_facets"):
        figures = results[name]
        lines.append(
            f"  {name}: {figures['combinations']} filter x order combinations, p50 median "
            f"{figures['p50_ms_median_of_combinations']:.2f}, worst {figures['p50_ms_worst_combination']:.2f} "
            f"({figures['worst_combination']})"
        )
    if "quality_on_sample" in results:
        quality_figures = results["quality_on_sample"]
        lines.append(
            f"  quality on the sample: {quality_figures['pairs_with_every_other_film_in_top_10']} of "
            f"{quality_figures['pairs_liked']} pairs liked put every other film of their collection in the top 10; "
            f"liked films recommended: {quality_figures['liked_films_recommended']}"
        )
    return lines


if __name__ == "__main__":
    figures = run(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    print("\n".join(summary(figures)), file=sys.stderr)
    print(json.dumps(figures, indent=2))

"""What each part of a `director` and a `recommendations` answer costs, in process.

`python -m bench.selection`: the endpoint answers POSTs with 20,000 different variables in a tight
loop (`bench.in_process`, median of 3 passes), for the benchmark's query and for the same query
with parts of its selection left out; `actor` (a `director` without films) is the baseline. What a
part costs is the difference to the whole query.
"""

import json
from pathlib import Path

from bench.in_process import JSON_HEADERS, cpu_per_answer, prepare
from bench.workload import Query, queries
from graphql_api.data.loader import load
from graphql_api.data.model import ReadModel
from graphql_api.data.text import normalize
from graphql_api.web.app import Service, create_app

DISTINCT = 20_000
FILMS = "films { title releaseDate return budget revenue movie { id } } "
SIMILAR = "similar { score movie { id title } } "
PARTS = {
    "director": {
        "as benchmarked": ("", ""),
        "films without movie { id }": ("movie { id } } ", "} "),
        "films without releaseDate": ("releaseDate ", ""),
        "films { title } only": (FILMS, "films { title } "),
        "no films": (FILMS, ""),
    },
    "recommendations": {
        "as benchmarked": ("", ""),
        "similar { score } only": (SIMILAR, "similar { score } "),
        "no similar": (SIMILAR, ""),
        "message only": ("suggestions matches { movie { id title } " + SIMILAR + "} ", ""),
    },
    "actor": {"as benchmarked": ("", "")},
}


def run(data_dir: Path) -> dict[str, dict[str, float]]:
    model = load(data_dir)
    app = create_app(model)
    results: dict[str, dict[str, float]] = {}
    for query in queries(model, distinct=DISTINCT):
        if query.name in PARTS:
            results[query.name] = {
                label: _cost(app, query, query.document.replace(*cut)) for label, cut in PARTS[query.name].items()
            }
        if query.name == "director":
            results["director"]["films listed per answer"] = _films_per_answer(model, query)
    return results


def _films_per_answer(model: ReadModel, query: Query) -> float:
    """The films a `director` answer lists, on average over the arguments (every match lists its own)."""
    listed = [
        sum(int(model.directing.film_count[row]) for row in model.directors_by_key.get(normalize(value)))
        for value in query.values
    ]
    return sum(listed) / len(listed)


def _cost(app: Service, query: Query, document: str) -> float:
    bodies = [json.dumps({"query": document, "variables": {"v": value}}).encode() for value in query.values]
    prepare(app, bodies[0])
    return cpu_per_answer(app, [("POST", b"", body) for body in bodies], JSON_HEADERS)


def main() -> None:
    from bench.data import processed

    for name, costs in run(processed()).items():
        films = costs.pop("films listed per answer", None)
        whole = costs["as benchmarked"]
        for label, micros in costs.items():
            print(f"{name:16} {label:28} {micros:6.1f} µs  ({micros - whole:+.1f})")
        if films is not None:
            print(f"{name:16} {'films listed per answer':28} {films:6.1f}")


if __name__ == "__main__":
    main()

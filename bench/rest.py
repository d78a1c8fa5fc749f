"""The first version's REST endpoints against the same figures from GraphQL over GET, with wrk, in one run.

For each endpoint, two workloads, each run on the REST URL and on `/graphql?query=...&variables=...`
(the endpoint's GraphQL equivalent) alternately, against `python -m graphql_api` with one worker:
- repeated: the same request again and again (both answer from their response caches);
- distinct: every request has another argument (10,000 of them in turn, more than either cache keeps).
"""

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from bench.http import CONNECTIONS, run_wrk
from bench.measure import medians, serving
from bench.workload import queries
from graphql_api.data.loader import load
from graphql_api.web.rest.endpoints import ACTOR, DIRECTOR, MONTH, RECOMMENDATION, SCORE, VOTES, WEEKDAY, Endpoint

ENDPOINT_OF_QUERY = {"mes": MONTH, "dia": WEEKDAY, "score": SCORE, "votos": VOTES, "actor": ACTOR,
                     "director": DIRECTOR, "recommendations": RECOMMENDATION}  # fmt: skip
WORKLOADS = ("repeated", "distinct")


def run(data_dir: Path, seconds: int = 3, repeat: int = 3) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise SystemExit("the REST benchmark needs wrk: apt-get install wrk")
    workload = queries(load(data_dir))
    results: dict[str, Any] = {"connections": CONNECTIONS, "seconds_per_run": seconds, "runs": repeat, "endpoints": {}}
    with tempfile.TemporaryDirectory() as scratch, serving("graphql_api", data_dir) as served:
        for query in workload:
            endpoint = ENDPOINT_OF_QUERY[query.name]
            arguments = {"repeated": (query.common,), "distinct": query.values}
            results["endpoints"][endpoint.name] = {
                kind: _side_by_side(
                    served.port, _files(Path(scratch), endpoint, kind, arguments[kind]), seconds, repeat
                )
                for kind in WORKLOADS
            }
    return results


def _side_by_side(port: int, files: tuple[Path, Path], seconds: int, repeat: int) -> dict[str, Any]:
    rest_runs, graphql_runs = [], []
    for _ in range(repeat):  # alternated, so drift on this shared machine hits both alike
        rest_runs.append(run_wrk(port, files[0], seconds))
        graphql_runs.append(run_wrk(port, files[1], seconds))
    rest, graphql = medians(rest_runs), medians(graphql_runs)
    return {"rest": rest, "graphql": graphql, "ratio": rest["rps"] / graphql["rps"]}


def _files(directory: Path, endpoint: Endpoint, kind: str, arguments: tuple[str, ...]) -> tuple[Path, Path]:
    """The request files, REST and GraphQL, for the arguments."""
    files = []
    for api, line in (("rest", _rest), ("graphql", _graphql)):
        path = directory / f"{endpoint.name}-{kind}-{api}.txt"
        path.write_text("\n".join(line(endpoint, value) for value in arguments) + "\n", encoding="utf-8")
        files.append(path)
    return files[0], files[1]


def _rest(endpoint: Endpoint, value: str) -> str:
    return f"GET\t/{endpoint.name}/{quote(value, safe='/')}\t"


def _graphql(endpoint: Endpoint, value: str) -> str:
    variables = json.dumps({endpoint.argument: value}, ensure_ascii=False)
    return f"GET\t/graphql?{urlencode({'query': endpoint.graphql, 'variables': variables})}\t"


def format_rest(results: dict[str, Any]) -> list[str]:
    lines = [f"REST vs the same figures from GraphQL GET, {results['connections']} connections, one worker: "
             "requests/s (p99 ms)"]  # fmt: skip
    lines.append(f"  {'endpoint':26}" + "".join(f"{kind + ': REST':>20}{'GraphQL':>18}" for kind in WORKLOADS))
    for name, figures in results["endpoints"].items():
        cells = "".join(
            f"{_cell(figures[kind]['rest']):>20}{_cell(figures[kind]['graphql']):>18}" for kind in WORKLOADS
        )
        lines.append(f"  {name:26}{cells}")
    return lines


def _cell(figures: dict[str, float]) -> str:
    return f"{figures['rps']:.0f} ({figures['p99_ms']:.1f})"


if __name__ == "__main__":
    from bench.data import processed

    print(json.dumps(run(processed(), seconds=2, repeat=1), indent=2))

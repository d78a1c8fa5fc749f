"""What HTTP caching and persisted queries cost, with wrk against `python -m graphql_api` (one worker).

The server is pinned to CPU 0 and wrk to CPU 1; each figure has the rate and the server's CPU-seconds
per 1,000 requests (what an answer costs on a deploy target with a fraction of a core).

Each comparison is run side by side, in turn, in the same run:
- a cached 200 against a 304: the same GET URL, the second with an If-None-Match naming its ETag,
  for the contract query (an answer of a few hundred bytes) and for a page of 20 films with their
  overviews (several KB: the 304 then saves writing the body); and beside them the same URL with an
  If-None-Match naming another tag of the same length (a client whose copy is stale gets the cached
  200), so that the 304 is also compared with a 200 to a request of the same size;
- persisted-query GETs (the hash alone in the URL, registered first) against plain POSTs of the same
  query text, for one repeated request and for requests whose variables all differ.

Before the served runs, the endpoint is asked for the answers to new persisted GETs and new POSTs
in a tight loop in this process (`bench.in_process`): what reading each kind of request costs,
without the network.
"""

import argparse
import hashlib
import json
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.http import CONNECTIONS, SERVER_CPU, post_line, side_by_side
from bench.in_process import JSON_HEADERS, cpu_per_answer, prepare
from bench.measure import serving
from bench.workload import Query, queries
from graphql_api.data.loader import load
from graphql_api.web.app import Service, create_app
from graphql_api.web.negotiation import GRAPHQL_RESPONSE_JSON

GRAPHQL_RESPONSE = "Accept: application/graphql-response+json"
QUERY = "score"  # titleScore: a contract query with a text argument, as front ends send it
PAGE = "{ searchMovies(first: 20) { edges { node { id title releaseDate popularity overview } } } }"


def run(data_dir: Path, seconds: int = 3, repeat: int = 3) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        raise SystemExit("the conformance benchmark needs wrk: apt-get install wrk")
    model = load(data_dir)
    query = next(query for query in queries(model) if query.name == QUERY)
    results: dict[str, Any] = {"query": QUERY, "connections": CONNECTIONS, "seconds_per_run": seconds, "runs": repeat}
    results["in_process_distinct"] = _in_process(create_app(model), query)
    with tempfile.TemporaryDirectory() as scratch, serving("graphql_api", data_dir, cpus=SERVER_CPU) as served:
        files = _request_files(Path(scratch), query, served.port)
        results["not_modified"] = {}
        for answer in ("contract", "page"):
            kinds = ("cached", "stale", "not-modified")
            cached, stale, not_modified = side_by_side(
                served.port, tuple(files[f"{kind}-{answer}"] for kind in kinds), seconds, repeat, served.pid
            )
            results["not_modified"][answer] = {
                "answer_bytes": _body_bytes(served.port, _urls(query)[answer]),
                "cached_200": cached,
                "stale_tag_200": stale,
                "not_modified_304": not_modified,
                "ratio": not_modified["rps"] / cached["rps"],
                "ratio_to_stale_tag": not_modified["rps"] / stale["rps"],
            }
        results["persisted"] = {}
        for workload in ("repeated", "distinct"):
            posts, gets = side_by_side(
                served.port, (files[f"post-{workload}"], files[f"persisted-{workload}"]), seconds, repeat, served.pid
            )
            results["persisted"][workload] = {"post": posts, "persisted_get": gets, "ratio": gets["rps"] / posts["rps"]}
    return results


def _in_process(app: Service, query: Query) -> dict[str, float]:
    """µs of CPU per answer in a tight loop, every variable new: plain POSTs against persisted GETs."""
    extensions = _extensions(query)
    prepare(
        app, json.dumps({"query": query.document, "variables": {"v": query.common}, "extensions": extensions}).encode()
    )
    accept = (b"accept", GRAPHQL_RESPONSE_JSON.encode())
    posts = [
        ("POST", b"", json.dumps({"query": query.document, "variables": {"v": value}}).encode())
        for value in query.values
    ]
    gets = [("GET", _persisted_query_string(value, extensions).encode(), b"") for value in query.values]
    post = cpu_per_answer(app, posts, [*JSON_HEADERS, accept])
    get = cpu_per_answer(app, gets, [JSON_HEADERS[0], accept])
    return {"post_us": post, "persisted_get_us": get, "ratio": get / post}


def _extensions(query: Query) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(query.document.encode()).hexdigest()}}


def _persisted_query_string(value: str, extensions: dict[str, Any]) -> str:
    return urlencode({"variables": json.dumps({"v": value}), "extensions": json.dumps(extensions)})


def _request_files(directory: Path, query: Query, port: int) -> dict[str, Path]:
    extensions = _extensions(query)
    _register(port, query, extensions)

    def persisted_get(value: str) -> str:
        return f"GET\t/graphql?{_persisted_query_string(value, extensions)}\t\t{GRAPHQL_RESPONSE}"

    lines = {}
    for answer, url in _urls(query).items():
        lines[f"cached-{answer}"] = [f"GET\t{url}\t\tAccept: application/json"]
        etag = _etag(port, url)
        lines[f"not-modified-{answer}"] = [f"GET\t{url}\t\tAccept: application/json\tIf-None-Match: {etag}"]
        lines[f"stale-{answer}"] = [f"GET\t{url}\t\tAccept: application/json\tIf-None-Match: {_stale(etag)}"]
    lines |= {
        "post-repeated": [f"{post_line(query.document, query.common)}\t{GRAPHQL_RESPONSE}"],
        "persisted-repeated": [persisted_get(query.common)],
        "post-distinct": [f"{post_line(query.document, value)}\t{GRAPHQL_RESPONSE}" for value in query.values],
        "persisted-distinct": [persisted_get(value) for value in query.values],
    }
    files = {}
    for name, requests in lines.items():
        files[name] = directory / f"{name}.txt"
        files[name].write_text("\n".join(requests) + "\n", encoding="utf-8")
    return files


def _urls(query: Query) -> dict[str, str]:
    return {
        "contract": "/graphql?" + urlencode({"query": query.document, "variables": json.dumps({"v": query.common})}),
        "page": "/graphql?" + urlencode({"query": PAGE}),
    }


def _body_bytes(port: int, url: str) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=30) as response:
        return len(response.read())


def _register(port: int, query: Query, extensions: dict[str, Any]) -> None:
    """Send the query with its hash once, as a client does after PERSISTED_QUERY_NOT_FOUND."""
    body = json.dumps({"query": query.document, "variables": {"v": query.common}, "extensions": extensions})
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", body.encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert "errors" not in json.loads(response.read()), "registering the persisted query failed"


def _stale(etag: str) -> str:
    """A tag of the same length that names another answer."""
    return '"' + "0" * (len(etag) - 2) + '"'


def _etag(port: int, url: str) -> str:
    """The answer's ETag, after checking that naming it gets a 304."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=30) as response:
        etag = response.headers["ETag"]
    try:
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers={"If-None-Match": etag}))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return etag
        raise
    raise RuntimeError("a matching If-None-Match did not get a 304")


def format_conformance(results: dict[str, Any]) -> list[str]:
    def cell(figures: dict[str, float]) -> str:
        return f"{figures['rps']:6.0f}/s ({1000 * figures['cpu_s_per_1000']:.1f} µs CPU)"

    lines = [
        f"HTTP caching and persisted queries ({results['query']}, {results['connections']} connections; "
        "server on CPU 0, wrk on CPU 1; rate and the server's CPU per request)"
    ]
    for answer, figures in results["not_modified"].items():
        lines.append(
            f"  same GET URL, {answer} ({figures['answer_bytes']:,} bytes): cached 200 {cell(figures['cached_200'])}, "
            f"304 {cell(figures['not_modified_304'])} = {figures['ratio']:.2f}x the rate"
        )
        if "stale_tag_200" in figures:
            lines.append(
                f"    the same URL naming a stale tag: 200 {cell(figures['stale_tag_200'])}; "
                f"the 304 = {figures['ratio_to_stale_tag']:.2f}x its rate"
            )
    for workload, figures in results["persisted"].items():
        lines.append(
            f"  {workload:8} plain POST {cell(figures['post'])}, persisted GET {cell(figures['persisted_get'])}"
            f" = {figures['ratio']:.2f}x the rate"
        )
    if "in_process_distinct" in results:
        figures = results["in_process_distinct"]
        lines.append(
            f"  in process, every variable new: plain POST {figures['post_us']:.1f} µs CPU, persisted GET "
            f"{figures['persisted_get_us']:.1f} µs = {figures['ratio']:.2f}x the POST's CPU"
        )
    return lines


def main() -> None:
    from bench.data import processed

    parser = argparse.ArgumentParser(prog="python -m bench.conformance")
    parser.add_argument("--data-dir", type=Path, help="processed tables (default: the full-scale set of bench/out)")
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = run(args.data_dir or processed(), args.seconds, args.repeat)
    print(json.dumps(results, indent=2))
    print("\n".join(format_conformance(results)))


if __name__ == "__main__":
    main()

"""The service checked by tools nobody here wrote, against the real service over HTTP:
- the graphql-http server audit of the GraphQL-over-HTTP spec: every MUST and SHOULD row must pass
  (MAY rows are reported);
- Apollo Client with PersistedQueryLink sending hashed queries over GET.

They run Node.js scripts in tests/node (`npm ci` there installs the pinned packages; .ci/run does).
"""

import json
import shutil
import subprocess
import warnings
from collections import Counter

import pytest

from tests.fixtures import REPO
from tests.live_server import live_server

NODE_DIR = REPO / "tests" / "node"


def node_script(script: str, url: str) -> object:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed (.ci/run installs it)")
    if not (NODE_DIR / "node_modules").is_dir():
        pytest.skip("the Node.js packages are not installed: run `npm ci` in tests/node (.ci/run does)")
    result = subprocess.run([node, script, url], cwd=NODE_DIR, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def graphql_url(api_data_dir):
    with live_server(api_data_dir) as port:
        yield f"http://127.0.0.1:{port}/graphql"


def test_graphql_http_audit(graphql_url):
    rows = node_script("audit.mjs", graphql_url)
    levels = Counter(row["name"].split()[0] for row in rows)
    assert levels["MUST"] >= 10, levels  # the audit really ran
    assert levels["SHOULD"] >= 20, levels
    failed = [row for row in rows if row["status"] != "ok" and not row["name"].startswith("MAY")]
    assert failed == []
    tally = Counter((row["name"].split()[0], row["status"]) for row in rows)
    print(
        "graphql-http audit:",
        ", ".join(f"{level} {status} {count}" for (level, status), count in sorted(tally.items())),
    )
    for row in rows:
        if row["status"] != "ok":
            warnings.warn(f"graphql-http audit {row['id']} {row['name']}: {row['reason']}", stacklevel=1)


def test_apollo_client_persisted_queries_over_get(graphql_url):
    result = node_script("apollo_apq.mjs", graphql_url)
    for answer in result["answers"]:
        assert answer["titleScore"]["matches"][0]["movie"]["id"] == 862
    exchanges = result["exchanges"]
    # The hash alone over GET (unknown), the query with its hash over POST, then the hash alone again.
    assert [(exchange["method"], exchange["status"]) for exchange in exchanges] == [
        ("GET", 404),
        ("POST", 200),
        ("GET", 200),
    ]
    first, _, last = exchanges
    assert first["url"] == last["url"]
    assert "query=" not in last["url"]
    assert first["cacheControl"] == "no-store"
    assert last["contentType"].startswith("application/graphql-response+json")
    assert last["cacheControl"] == "public, max-age=3600"
    assert last["etag"]

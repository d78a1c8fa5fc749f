"""Requests to /graphql answered straight by the endpoint get what the full application stack gives."""

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from tests.fixtures import CONTRACT_QUERY

LIGHT = '{ titleScore(title: "Toy Story") { message } }'
REQUESTS = [
    ("POST", "/graphql", {"json": {"query": CONTRACT_QUERY}}),
    ("POST", "/graphql", {"json": {"query": LIGHT}, "headers": {"Accept": "application/graphql-response+json"}}),
    ("POST", "/graphql", {"content": b"{", "headers": {"Content-Type": "application/json"}}),
    ("POST", "/graphql", {"content": b"{ x }", "headers": {"Content-Type": "text/plain"}}),
    ("POST", "/graphql", {"json": {"query": "{ nope }"}, "headers": {"Accept": "text/csv"}}),
    ("POST", "/graphql", {"content": LIGHT.encode(), "headers": {"Content-Type": "application/graphql"}}),
    ("GET", "/graphql?" + urlencode({"query": LIGHT}), {}),
    ("GET", "/graphql?" + urlencode({"query": LIGHT}), {"headers": {"If-None-Match": "*"}}),
    ("GET", "/graphql?" + urlencode({"query": "mutation { x }"}), {}),
    ("GET", "/graphql", {"headers": {"Accept": "text/html"}}),
    ("GET", "/graphql", {}),
    ("HEAD", "/graphql?" + urlencode({"query": LIGHT}), {}),
    ("GET", "/healthz", {}),
]


@pytest.fixture(scope="module")
def clients(api_model, api_data_dir):
    service = create_app(api_model, Settings(data_dir=api_data_dir, cors_origins=("https://front.example",)))
    with TestClient(service) as direct, TestClient(service.app) as stacked:
        yield direct, stacked


@pytest.mark.parametrize(("method", "path", "options"), REQUESTS)
def test_the_direct_path_answers_as_the_stack_does(clients, method, path, options):
    direct, stacked = clients
    mine, theirs = direct.request(method, path, **options), stacked.request(method, path, **options)
    assert (mine.status_code, mine.content) == (theirs.status_code, theirs.content)
    assert dict(mine.headers) == dict(theirs.headers)


def test_a_browsers_cross_origin_request_gets_cors_headers(clients):
    direct, _ = clients
    response = direct.post("/graphql", json={"query": LIGHT}, headers={"Origin": "https://front.example"})
    assert response.headers["access-control-allow-origin"] == "https://front.example"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_stack_is_built_only_when_a_request_needs_it(api_model, api_data_dir):
    service = create_app(api_model, Settings(data_dir=api_data_dir))
    with TestClient(service) as client:
        assert client.post("/graphql", json={"query": LIGHT}).status_code == 200
        assert client.get("/healthz").status_code == 200
        assert service._stack is None  # FastAPI not needed yet
        assert client.get("/docs").status_code == 200
        assert service._stack is not None

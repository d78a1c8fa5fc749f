"""Automatic persisted queries: an unknown hash is PERSISTED_QUERY_NOT_FOUND, a query sent with its hash
is kept (bounded), a wrong hash is refused, and a GET with only the hash is answered and cacheable."""

import hashlib
import json
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from starlette.exceptions import HTTPException

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.persisted import PersistedQueries

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def extensions(query: str, version: int = 1) -> dict:
    return {"persistedQuery": {"version": version, "sha256Hash": sha256(query)}}


def hashed_get(client, query: str, accept: str = GRAPHQL_RESPONSE, **params: str):
    url = "/graphql?" + urlencode({**params, "extensions": json.dumps(extensions(query))})
    return client.get(url, headers={"Accept": accept})


@pytest.fixture
def client(api_model, api_data_dir):
    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir))) as test_client:
        yield test_client


@pytest.mark.parametrize(("accept", "status"), [(JSON, 200), (GRAPHQL_RESPONSE, 404)])
def test_an_unknown_hash_is_not_found(client, accept, status):
    query = "{ movie(id: 862) { title } }"
    for response in (
        client.post("/graphql", json={"extensions": extensions(query)}, headers={"Accept": accept}),
        hashed_get(client, query, accept),
    ):
        assert response.status_code == status
        assert response.json() == {
            "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
        }
        assert response.headers["cache-control"] == "no-store"


def test_a_query_sent_with_its_hash_is_kept(client):
    query = "query Score($t: String!) { titleScore(title: $t) { matches { movie { id } } } }"
    variables = {"t": "Toy Story"}
    expected = {"data": {"titleScore": {"matches": [{"movie": {"id": 862}}]}}}
    assert hashed_get(client, query, variables=json.dumps(variables)).status_code == 404  # not yet
    sent = client.post("/graphql", json={"query": query, "variables": variables, "extensions": extensions(query)})
    assert sent.json() == expected
    by_hash = client.post("/graphql", json={"variables": variables, "extensions": extensions(query)})
    assert by_hash.json() == expected
    response = hashed_get(client, query, variables=json.dumps(variables), operationName="Score")
    assert response.status_code == 200
    assert response.json() == expected
    assert response.headers["cache-control"] == "public, max-age=3600"
    assert response.headers["etag"]
    other = hashed_get(client, query, variables=json.dumps({"t": "Amélie"}))
    assert other.json() == {"data": {"titleScore": {"matches": [{"movie": {"id": 194}}]}}}


def test_a_wrong_hash_is_refused_and_nothing_is_kept(client):
    query = "{ movie(id: 862) { title } }"
    payload = {"query": query, "extensions": extensions("{ movie(id: 603) { title } }")}
    response = client.post("/graphql", json=payload, headers={"Accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert hashed_get(client, "{ movie(id: 603) { title } }").status_code == 404


@pytest.mark.parametrize(
    "persisted",
    [
        {"version": 2, "sha256Hash": sha256("{ __typename }")},
        {"sha256Hash": sha256("{ __typename }")},
        {"version": 1, "sha256Hash": "abc"},
        {"version": 1, "sha256Hash": 5},
        {"version": 1},
        "sha256:" + sha256("{ __typename }"),
    ],
)
def test_malformed_persisted_queries_are_400(client, persisted):
    response = client.post("/graphql", json={"extensions": {"persistedQuery": persisted}})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_the_hash_of_a_mutation_over_get_is_405(client):
    query = "mutation { x }"
    client.post("/graphql", json={"query": query, "extensions": extensions(query)})
    assert hashed_get(client, query).status_code == 405


def test_kept_queries_are_bounded():
    store = PersistedQueries(max_query_length=100, max_entries=2)
    texts = ["{ a }", "{ b }", "{ c }"]
    for text in texts:
        assert store.resolve(text, extensions(text)) == text
    assert [store.resolve(None, extensions(text)) for text in texts] == [None, "{ b }", "{ c }"]
    long = "{ " + "a " * 60 + "}"
    assert store.resolve(long, extensions(long)) == long
    assert store.resolve(None, extensions(long)) is None  # refused anyway: not kept
    with pytest.raises(HTTPException):
        store.resolve(None, None)

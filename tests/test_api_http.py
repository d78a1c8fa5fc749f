"""The HTTP application: GraphiQL, POST and GET queries, errors, CORS, health."""

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from tests.fixtures import CONTRACT_QUERY


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    settings = Settings(data_dir=api_data_dir, cors_origins=("https://front.example",), graphiql=True)
    with TestClient(create_app(api_model, settings)) as test_client:
        yield test_client


def test_graphiql_page_is_served(client):
    response = client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


def test_contract_query_over_post(client):
    response = client.post("/graphql", json={"query": CONTRACT_QUERY})
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    assert body["data"]["score"]["matches"][0]["movie"] == {"id": 862}


def test_query_over_get_with_variables(client):
    params = {
        "query": "query($m: String!) { releasesInMonth(month: $m) { count } }",
        "variables": '{"m": "Noviembre"}',
    }
    response = client.get("/graphql?" + urlencode(params), headers={"Accept": "application/json"})
    assert response.status_code == 200
    assert response.json() == {"data": {"releasesInMonth": {"count": 2}}}


def test_user_error_has_code_and_no_internals(client):
    response = client.post("/graphql", json={"query": '{ releasesInMonth(month: "x") { count } }'})
    assert response.status_code == 200
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Traceback" not in response.text
    assert "/work/" not in response.text


def test_invalid_json_is_a_400(client):
    response = client.post("/graphql", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_syntax_error_is_reported(client):
    response = client.post("/graphql", json={"query": "{ releasesInMonth(month: "})
    assert response.status_code in (200, 400)
    assert response.json()["errors"][0]["message"].startswith("Syntax Error")


def test_mutation_over_get_is_refused(client):
    response = client.get("/graphql?" + urlencode({"query": "mutation { x }"}), headers={"Accept": "application/json"})
    assert 400 <= response.status_code < 500


def test_cors_for_allowed_origin(client):
    response = client.options(
        "/graphql",
        headers={"Origin": "https://front.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://front.example"
    other = client.post("/graphql", json={"query": "{ __typename }"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_health_answers_head_as_get(client):
    """Uptime monitors often check with HEAD: it gets GET's status and headers."""
    head, get = client.head("/healthz"), client.get("/healthz")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == str(len(get.content))


def test_health_reports_manifest_counts(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["tables"]["movies"] == 7
    assert body["inputs"]["movies"]["rows_loaded"] == 7

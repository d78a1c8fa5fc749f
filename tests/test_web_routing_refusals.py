"""Requests no route takes are refused naming what is accepted: paths for a 404, methods for a 405,
origins, methods or headers for a refused CORS preflight."""

import pytest
from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web.app import create_app


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    settings = Settings(data_dir=api_data_dir, cors_origins=("https://front.example",))
    with TestClient(create_app(api_model, settings)) as test_client:
        yield test_client


def test_unknown_path_lists_the_served_paths(client):
    response = client.get("/peliculas/toy-story")
    assert response.status_code == 404
    body = response.json()
    assert body["detail"] == "Nothing is served at /peliculas/toy-story."
    for path in (
        "/graphql",
        "/healthz",
        "/",
        "/eda",
        "/docs",
        "/score_titulo/{titulo}",
        "/get_director/{nombre_director}",
    ):
        assert path in body["paths"]
    assert not any("{path}" in path for path in body["paths"])  # the routes of asset files are not entry points
    assert len(body["paths"]) == len(set(body["paths"]))


@pytest.mark.parametrize("origin", [None, "https://front.example"])  # answered directly, and through the stack
@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_graphql_refuses_other_methods_as_graphql_errors(client, method, origin):
    headers = {"Origin": origin} if origin else {}
    response = client.request(method, "/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, POST"
    assert response.headers["content-type"] == "application/json; charset=utf-8"
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "METHOD_NOT_ALLOWED"}
    assert error["message"] == (
        f"/graphql does not answer {method}; send queries with GET or POST (HEAD gives a GET's headers)."
    )


def test_graphql_refusal_of_a_method_comes_in_the_negotiated_type(client):
    response = client.put("/graphql", headers={"Accept": "application/graphql-response+json"})
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/graphql-response+json; charset=utf-8"


@pytest.mark.parametrize(("method", "path"), [("DELETE", "/cantidad_filmaciones_mes/enero"), ("POST", "/healthz")])
def test_wrong_method_on_other_routes(client, method, path):
    response = client.request(method, path)
    assert response.status_code == 405
    body = response.json()
    assert set(body["allowed_methods"]) == {method.strip() for method in response.headers["allow"].split(",")}
    assert body["detail"] == f"{path} does not answer {method}; it answers {', '.join(body['allowed_methods'])}."


def test_a_routes_own_not_found_is_left_as_it_is(client):
    """A REST title that matches nothing is the route's answer (with suggestions), not a missing route."""
    response = client.get("/score_titulo/zzzzqqqq")
    assert response.status_code == 404
    assert "paths" not in response.json()


def test_refused_preflight_names_what_is_allowed(client):
    response = client.options(
        "/graphql",
        headers={"Origin": "https://front.example", "Access-Control-Request-Method": "PUT",
                 "Access-Control-Request-Headers": "x-secret"},
    )  # fmt: skip
    assert response.status_code == 400
    assert response.text == (
        "Disallowed CORS method, headers. Allowed: methods GET, POST, OPTIONS; "
        "headers accept, accept-language, content-language, content-type."
    )
    assert response.headers["access-control-allow-methods"] == "GET, POST, OPTIONS"
    assert response.headers["content-type"].startswith("text/plain")


def test_refused_origin_names_the_allowed_origins(client):
    response = client.options(
        "/graphql", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert response.status_code == 400
    assert response.text == "Disallowed CORS origin. Allowed: origins https://front.example."

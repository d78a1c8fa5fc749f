"""The API docs work offline: /docs and /redoc load only the service's own files; /openapi.json has every endpoint."""

import re

import pytest
from fastapi.testclient import TestClient
from graphql import parse, print_ast

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.rest.endpoints import ENDPOINTS
from graphql_api.web.vendor import ASSETS_DIR

URL_ATTRIBUTES = re.compile(r"""(?:src|href|spec-url)\s*=\s*["']([^"']*)["']|\burl:\s*["']([^"']*)["']""")
CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png",
                 ".json": "application/json"}  # fmt: skip


@pytest.fixture(scope="module")
def client(sample_model, sample_output):
    with TestClient(create_app(sample_model, Settings(data_dir=sample_output))) as test_client:
        yield test_client


def loaded_urls(html: str) -> list[str]:
    return [first or second for first, second in URL_ATTRIBUTES.findall(html)]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_nothing_but_the_services_paths(client, page):
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "://" not in response.text  # no CDN, no fonts, no favicon from elsewhere
    # and the browser is told to load nothing from elsewhere, whatever a bundle asks for
    policy = dict(
        directive.strip().split(" ", 1) for directive in response.headers["content-security-policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert "://" not in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    urls = loaded_urls(response.text)
    assert "/openapi.json" in urls
    assert any(url.endswith(".js") for url in urls)
    assert any(url.endswith(".png") for url in urls)  # the favicon
    for url in urls:
        assert url.startswith("/")
        assert not url.startswith("//")  # a protocol-relative URL is another host
        served = client.get(url)
        assert served.status_code == 200, url
        assert served.headers["content-type"] == CONTENT_TYPES[url[url.rindex(".") :]]
        if url.startswith("/assets/"):
            assert served.content == (ASSETS_DIR / url.removeprefix("/assets/")).read_bytes()
            assert served.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_openapi_lists_every_endpoint_with_examples(client):
    document = client.get("/openapi.json").json()
    paths = document["paths"]
    for endpoint in ENDPOINTS:
        operation = paths[endpoint.path]["get"]
        assert operation["operationId"] == endpoint.name
        (parameter,) = operation["parameters"]
        assert parameter["name"] == endpoint.argument
        assert parameter["in"] == "path"
        assert [example["value"] for example in parameter["examples"].values()] == list(endpoint.examples.values())
        assert print_ast(parse(endpoint.graphql)) in operation["description"]
        codes = {"200", "400", "503"} | ({"404"} if endpoint.looks_up else set())
        assert set(operation["responses"]) == codes
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        assert answer == endpoint.answer.__name__
    schemas = document["components"]["schemas"]
    for name in {endpoint.answer.__name__ for endpoint in ENDPOINTS} | {"NotFound", "Refused"}:
        for field, spec in schemas[name]["properties"].items():
            assert spec.get("description"), (name, field)
            assert spec.get("examples") or spec.get("items", {}).get("$ref"), (name, field)


def test_openapi_paths_are_the_seven_and_the_health_check(client):
    assert set(client.get("/openapi.json").json()["paths"]) == {endpoint.path for endpoint in ENDPOINTS} | {"/healthz"}

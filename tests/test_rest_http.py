"""The REST endpoints over HTTP: URL decoding, caching headers, limits, the time budget, never a 500 for input."""

import hashlib
import json
import socket
import time

import pytest
from fastapi.testclient import TestClient

from graphql_api.domain import answers
from graphql_api.engine.limits import Limits
from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.rest.endpoints import ENDPOINTS
from graphql_api.web.rest.responses import CACHE_CONTROL
from tests.live_server import live_server, request

ODD_VALUES = [
    "%00", "a%00b", "%01%02%1F", "%7F", "%FF%FE%FD", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "\U0001f3ac",
    "%E2%80%AE%E2%80%8F", "a%CC%81%CC%81%CC%81", "%EF%BB%BF", "%EF%BF%BF", "%2E%2E", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "%2e%2e%2f",
    "%2F%2F%2F", "%25", "%", "%zz", "%09", "%0A", "%0D%0A", "a" * 300, "é" * 301, "x" * 10_000, "%20" * 5,
]  # fmt: skip


@pytest.fixture(scope="module")
def client(sample_model, sample_output):
    with TestClient(create_app(sample_model, Settings(data_dir=sample_output))) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "title"),
    [("/score_titulo/Toy%20Story", "Toy Story"), ("/score_titulo/Toy Story", "Toy Story"),
     ("/score_titulo/Face/Off", "Face/Off"), ("/score_titulo/Face%2FOff", "Face/Off"),
     ("/score_titulo/Les%20Mis%C3%A9rables", "Les Misérables"), ("/score_titulo/Alien%C2%B3", "Alien³"),
     ("/score_titulo/Romeo%20+%20Juliet", "Romeo + Juliet"), ("/score_titulo/Romeo%20%2B%20Juliet", "Romeo + Juliet"),
     ("/score_titulo/Who's%20Afraid%20of%20Virginia%20Woolf%3F", "Who's Afraid of Virginia Woolf?"),
     ("/votos_titulo/JLG/JLG:%20Self-Portrait%20in%20December", "JLG/JLG: Self-Portrait in December")],
)  # fmt: skip
def test_path_parameters_are_url_decoded(client, path, title):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json()["coincidencias"][0]["titulo"] == title


def test_a_title_missing_from_the_sample_is_decoded_in_the_answer(client):
    response = client.get("/score_titulo/Am%C3%A9lie")
    assert response.status_code == 404
    assert response.json()["mensaje"] == 'No se encontró ninguna película con el título "Amélie"'


def test_a_plus_in_a_path_is_a_plus(client):
    response = client.get("/score_titulo/Toy+Story")
    assert response.status_code == 404
    assert response.json()["mensaje"] == 'No se encontró ninguna película con el título "Toy+Story"'
    assert "Toy Story" in response.json()["sugerencias"]


def test_a_slashed_miss_is_answered_not_routed_away(client):
    response = client.get("/get_director/Nobody/At/All")
    assert response.status_code == 404
    assert response.json()["mensaje"] == 'No se encontró ningún director con el nombre "Nobody/At/All"'


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.name)
def test_answers_are_cacheable_with_a_strong_etag(client, endpoint):
    path = f"/{endpoint.name}/{next(iter(endpoint.examples.values()))}"
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["cache-control"] == CACHE_CONTROL
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-type"] == "application/json"
    etag = response.headers["etag"]
    assert etag == f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'  # strong (no W/), of the body
    again = client.get(path)
    assert again.headers["etag"] == etag
    assert again.content == response.content
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        not_modified = client.get(path, headers={"If-None-Match": header})
        assert not_modified.status_code == 304
        assert not_modified.content == b""
        assert not_modified.headers["etag"] == etag
        assert not_modified.headers["cache-control"] == CACHE_CONTROL
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etags_differ_with_the_body(client):
    tags = {client.get(f"/cantidad_filmaciones_mes/{month}").headers["etag"] for month in ("enero", "febrero")}
    assert len(tags) == 2
    spellings = {client.get(f"/cantidad_filmaciones_mes/{month}").headers["etag"] for month in ("enero", "ENERO")}
    assert len(spellings) == 1  # the same answer


@pytest.mark.parametrize("path", ["/score_titulo/Toy Storyy", "/cantidad_filmaciones_dia/funday", "/get_actor/%00"])
def test_errors_are_not_stored(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "etag" not in response.headers
    assert client.get(path, headers={"If-None-Match": "*"}).status_code == response.status_code


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.name)
def test_longer_than_the_string_limit_is_a_400_naming_the_argument(sample_model, sample_output, endpoint):
    settings = Settings(data_dir=sample_output, limits=Limits(max_string_length=20))
    with TestClient(create_app(sample_model, settings)) as small:
        at_the_limit = small.get(f"/{endpoint.name}/{'a' * 20}")
        response = small.get(f"/{endpoint.name}/{'a' * 21}")
    assert at_the_limit.status_code == (404 if endpoint.looks_up else 400)  # no match, or no such month or day
    assert "longer than" not in at_the_limit.json()["mensaje"]
    assert response.status_code == 400
    assert response.json() == {"mensaje": f"`{endpoint.argument}` is longer than 20 characters",
                               "argumento": endpoint.argument, "valores_aceptados": []}  # fmt: skip


@pytest.mark.parametrize("value", ["a%00b", "%01", "Toy%1BStory", "%7F"])
def test_control_characters_are_a_400(client, value):
    response = client.get(f"/score_titulo/{value}")
    assert response.status_code == 400
    assert response.json()["mensaje"] == "`titulo` must not contain control characters"
    assert response.json()["argumento"] == "titulo"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda endpoint: endpoint.name)
@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_input_is_never_a_500(client, endpoint, value):
    response = client.get(f"/{endpoint.name}/{value}")
    assert response.status_code in (200, 400, 404)
    assert response.headers["content-type"] == "application/json"
    assert "mensaje" in response.json()


def test_past_the_time_budget_is_a_503_not_kept(sample_model, sample_output, monkeypatch):
    settings = Settings(data_dir=sample_output, limits=Limits(time_budget_seconds=0.2))
    original = answers.title_score

    def slow(model, title):
        time.sleep(1.0)
        return original(model, title)

    with TestClient(create_app(sample_model, settings)) as slow_client:
        monkeypatch.setattr(answers, "title_score", slow)
        started = time.perf_counter()
        response = slow_client.get("/score_titulo/Toy Story")
        assert time.perf_counter() - started < 0.8
        assert response.status_code == 503
        assert response.headers["cache-control"] == "no-store"
        assert "time budget" in response.json()["mensaje"]
        monkeypatch.setattr(answers, "title_score", original)
        assert slow_client.get("/score_titulo/Toy Story").status_code == 200  # the time-out was not kept


def test_our_own_failure_is_a_bare_500(sample_model, sample_output, monkeypatch):
    def broken(model, name):
        raise RuntimeError("/work/secret internals")

    with TestClient(create_app(sample_model, Settings(data_dir=sample_output))) as broken_client:
        monkeypatch.setattr(answers, "actor", broken)
        response = broken_client.get("/get_actor/Tom Hanks")
    assert response.status_code == 500
    assert response.json() == {"mensaje": "Internal server error", "argumento": None, "valores_aceptados": []}
    assert response.headers["cache-control"] == "no-store"


@pytest.fixture(scope="module")
def live_port(sample_output):
    with live_server(sample_output) as port:
        yield port


@pytest.mark.parametrize(
    ("path", "status"),
    [("/score_titulo/Am%C3%A9lie", 404), ("/score_titulo/Toy%20Story", 200), ("/score_titulo/a%00b", 400),
     ("/get_actor/" + "x" * 10_000, 400)],
)  # fmt: skip
def test_the_real_server_decodes_and_refuses_cleanly(live_port, path, status):
    code, headers, body = request(live_port, "GET", path)
    assert code == status
    assert {name.lower(): value for name, value in headers.items()}["content-type"] == "application/json"
    assert json.loads(body)["mensaje"]


@pytest.mark.parametrize("path", ["/get_actor/" + "x" * 200_000, "/get_actor/" + "%C3%A9" * 10_000])
def test_a_path_too_long_for_the_server_is_a_clean_414(live_port, path):
    code, _, body = request(live_port, "GET", path)
    assert code == 414  # the request line alone is past the server's head limit
    assert b"Traceback" not in body
    assert request(live_port, "GET", "/get_actor/Tom%20Hanks")[0] == 200


@pytest.mark.parametrize(
    "raw", [b"/score_titulo/a\x00b", b"/score_titulo/a b c", b"/score_titulo/\xff\xfe", b"/score_titulo/Am\xc3\xa9lie"]
)
def test_bytes_http_forbids_in_a_request_line_are_a_400_from_the_server(live_port, raw):
    """Unencoded bytes never reach the endpoints: the HTTP parser refuses them (browsers and curl encode them)."""
    with socket.create_connection(("127.0.0.1", live_port), timeout=5) as connection:
        connection.sendall(b"GET " + raw + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        reply = connection.recv(4096)
    assert reply.startswith(b"HTTP/1.1 400 ")
    assert request(live_port, "GET", "/get_actor/Tom%20Hanks")[0] == 200

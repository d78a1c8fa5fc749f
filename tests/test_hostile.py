"""Hostile and malformed requests against the real service: never a 500, never slow, nothing broken after."""

import json
import time

import pytest

from tests.fixtures import CONTRACT_QUERY
from tests.hostile import ANSWER, HEADERS_ONLY, corpus
from tests.live_server import live_server, request

HOSTILE = corpus()


@pytest.fixture(scope="module")
def server(api_data_dir):
    with live_server(api_data_dir) as port:
        yield port


def contract(port: int) -> dict:
    status, _, body = request(port, "POST", "/graphql", json.dumps({"query": CONTRACT_QUERY}).encode(),
                              {"Content-Type": "application/json"})  # fmt: skip
    assert status == 200
    return json.loads(body)


def test_corpus_is_large_enough():
    assert len(HOSTILE) >= 100
    assert len({item.name for item in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize("item", HOSTILE, ids=[item.name for item in HOSTILE])
def test_hostile_request(server, item):
    expected = contract(server)
    started = time.perf_counter()
    status, _headers, body = request(server, item.method, item.path, item.body, item.headers)
    elapsed = time.perf_counter() - started
    assert status < 500, body[:300]
    assert elapsed < 1.0, f"took {elapsed:.2f} s"
    text = body.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert "/work/" not in text
    assert ".py" not in text
    if item.expect == HEADERS_ONLY:
        assert status == 200
    elif item.expect == ANSWER:
        assert status == 200
        assert "errors" not in json.loads(body)
    elif status < 400:
        answer = json.loads(body)
        errors = answer if isinstance(answer, list) else answer.get("errors")
        assert errors, f"expected an error for {item.name}: {text[:300]}"
    assert contract(server) == expected


def test_service_answers_correctly_after_the_whole_corpus(server):
    before = contract(server)
    for item in HOSTILE:
        request(server, item.method, item.path, item.body, item.headers)
    assert contract(server) == before
    assert "errors" not in before

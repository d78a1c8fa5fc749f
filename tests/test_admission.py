"""The response cache keeps an answer when its request comes a second time (SecondRequest), so
requests nobody repeats neither cost an insertion nor push kept answers out."""

import orjson
import pytest

from bench.in_process import prepare
from graphql_api.web.admission import SecondRequest
from graphql_api.web.answers import RESPONSE_CACHE_ENTRIES
from graphql_api.web.app import create_app

HEADERS = [(b"host", b"x"), (b"content-type", b"application/json")]


def test_a_request_is_admitted_the_second_time_it_is_seen():
    admission = SecondRequest(max_remembered=4)
    assert not admission.admits(("POST", b"a"))
    assert admission.admits(("POST", b"a"))
    assert not admission.admits(("POST", b"a"))  # admitted once: the cache has it from then on


def test_requests_seen_once_are_never_admitted():
    admission = SecondRequest(max_remembered=8)
    assert not any(admission.admits(("POST", index)) for index in range(1000))


def test_a_request_is_remembered_for_one_to_two_generations():
    admission = SecondRequest(max_remembered=3)
    admission.admits("kept")
    for index in range(3):  # the generation fills and becomes the older one: still remembered
        admission.admits(index)
    assert admission.admits("kept")
    admission.admits("forgotten")
    for index in range(10, 16):  # two generations later
        admission.admits(index)
    assert not admission.admits("forgotten")


def test_what_it_remembers_is_bounded():
    admission = SecondRequest(max_remembered=100)
    for index in range(10_000):
        admission.admits(index)
    assert len(admission._newer) + len(admission._older) <= 200


TEXT = "query($t: String!) { titleScore(title: $t) { message } }"
POPULAR = orjson.dumps({"query": TEXT, "variables": {"t": "Toy Story"}})


def _key(body: bytes) -> tuple:
    return ("POST", "application/json", body, "application/json")


@pytest.fixture
def app(api_model):
    return create_app(api_model)


def test_the_endpoint_keeps_an_answer_on_its_second_request_and_serves_it_from_then_on(app):
    prepare(app, POPULAR)  # a new text: answered the ASGI way, and seen once
    assert app._graphql.cache.get(_key(POPULAR)) is None
    second = app.answer_at_once("POST", "/graphql", b"", HEADERS, POPULAR)
    assert second is not None
    assert second[0] == 200
    assert app._graphql.cache.get(_key(POPULAR)) is not None
    assert app.answer_at_once("POST", "/graphql", b"", HEADERS, POPULAR) == second


def test_requests_nobody_repeats_do_not_push_kept_answers_out(app):
    prepare(app, POPULAR)
    app.answer_at_once("POST", "/graphql", b"", HEADERS, POPULAR)
    for spaces in range(1, RESPONSE_CACHE_ENTRIES + 10):  # as many different requests as the cache holds, and more
        once = POPULAR + b" " * spaces
        assert app.answer_at_once("POST", "/graphql", b"", HEADERS, once) is not None
    assert app._graphql.cache.get(_key(POPULAR)) is not None

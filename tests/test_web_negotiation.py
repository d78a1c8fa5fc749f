"""Choosing the answer's media type from Accept, q-values included (RFC 9110, section 12.5.1)."""

import pytest

from graphql_api.web.negotiation import GRAPHQL_RESPONSE_JSON, HTML, JSON, MediaTypes, parse_accept

ANSWERS = MediaTypes(JSON, GRAPHQL_RESPONSE_JSON)
PAGE_OR_ANSWERS = MediaTypes(JSON, GRAPHQL_RESPONSE_JSON, HTML)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
APOLLO = "application/graphql-response+json,application/json;q=0.9"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, JSON),  # no Accept: the legacy type, as the spec advises and the graphql-http audit checks
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        (APOLLO, GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json; charset=utf-8, application/json; charset=utf-8", GRAPHQL_RESPONSE_JSON),
        ("application/json, application/graphql-response+json", JSON),  # equal quality: the one listed first
        ("application/graphql-response+json, application/json", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json;q=0, application/json", JSON),
        ("application/graphql-response+json;q=0, */*", JSON),  # the most specific range decides
        ("application/json;q=0, */*", GRAPHQL_RESPONSE_JSON),
        ("application/json;q=0.5, application/graphql-response+json;q=0.6", GRAPHQL_RESPONSE_JSON),
        ("Application/GraphQL-Response+JSON ; Q=0.8 , application/json;q=0.5", GRAPHQL_RESPONSE_JSON),
        ("application/graphql-response+json;q=abc, application/json;q=0.1", JSON),  # a malformed q drops its range
        ("application/graphql-response+json;q=1.5, application/json;q=0.1", JSON),
        (BROWSER, JSON),
        ("application/graphql-response+json;q=0", None),
        ("text/html", None),
        ("application/xml, text/plain;q=0.5", None),
        ("*/*;q=0", None),
        ("nonsense, ;;, /, */json", None),
    ],
)
def test_answer_media_type(accept, expected):
    assert ANSWERS.choose(accept) == expected
    assert ANSWERS.choose(accept) == expected  # remembered, the same


@pytest.mark.parametrize(
    ("accept", "expected"),
    [(BROWSER, HTML), ("text/html", HTML), ("*/*", JSON), (None, JSON), (APOLLO, GRAPHQL_RESPONSE_JSON)],
)
def test_page_or_answer(accept, expected):
    assert PAGE_OR_ANSWERS.choose(accept) == expected


def test_parse_accept():
    assert parse_accept("text/html;level=1;q=0.5;ext=1, */*; q=0.1, bad") == [("text", "html", 0.5), ("*", "*", 0.1)]


def test_many_distinct_headers_are_answered_alike():
    types = MediaTypes(JSON, GRAPHQL_RESPONSE_JSON)
    for index in range(2000):
        assert types.choose(f"application/graphql-response+json;q=0.{index % 10}, application/x-{index}") == (
            GRAPHQL_RESPONSE_JSON if index % 10 else None
        )


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    from fastapi.testclient import TestClient

    from graphql_api.settings import Settings
    from graphql_api.web.app import create_app

    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir))) as test_client:
        yield test_client


def post(client, accept: str | None, body: bytes = b'{"query": "{ __typename }"}', content_type="application/json"):
    headers = {"Content-Type": content_type}
    if accept is not None:
        headers["Accept"] = accept
    return client.post("/graphql", content=body, headers=headers)


def media_type(response) -> str:
    return response.headers["content-type"].split(";")[0]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [(APOLLO, GRAPHQL_RESPONSE_JSON), ("application/graphql-response+json;q=0, application/json", JSON), (None, JSON)],
)
def test_answers_come_in_the_negotiated_type(client, accept, expected):
    response = post(client, accept)
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{expected}; charset=utf-8"
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("accept", ["application/graphql-response+json;q=0", "text/html", "application/xml"])
def test_nothing_acceptable_is_406(client, accept):
    response = post(client, accept)
    assert response.status_code == 406
    assert media_type(response) == JSON
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_ACCEPTABLE"
    assert "data" not in response.json()


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b'{"qeury": "{ __typename }"}', "application/json", 400),
        (b'{"query": "{ __typename }"}', "text/plain", 415),
        (b'{"query": "{ __typename }"}', "", 415),
        (b'{"query": "' + b"x" * 200_000 + b'"}', "application/json", 413),
    ],
)
@pytest.mark.parametrize("accept", [APOLLO, "application/json"])
def test_request_errors_come_in_the_negotiated_type(client, body, content_type, status, accept):
    response = post(client, accept, body, content_type)
    assert response.status_code == status
    assert media_type(response) == ANSWERS.choose(accept)
    assert set(response.json()) == {"errors"}


def test_the_page_only_when_no_operation_is_asked_for(client):
    page = client.get("/graphql", headers={"Accept": BROWSER})
    assert page.status_code == 200
    assert media_type(page) == "text/html"
    assert "Accept" in page.headers["vary"]
    answer = client.get("/graphql?query=%7B__typename%7D", headers={"Accept": BROWSER})
    assert answer.json() == {"data": {"__typename": "Query"}}
    assert client.get("/graphql?query=%7B__typename%7D", headers={"Accept": "text/html"}).status_code == 406
    for accept, expected in [("application/json", JSON), (APOLLO, GRAPHQL_RESPONSE_JSON), ("*/*", JSON)]:
        missing = client.get("/graphql", headers={"Accept": accept})
        assert missing.status_code == 400
        assert media_type(missing) == expected


def test_no_page_when_graphiql_is_off(api_model, api_data_dir):
    from fastapi.testclient import TestClient

    from graphql_api.settings import Settings
    from graphql_api.web.app import create_app

    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir, graphiql=False))) as client:
        response = client.get("/graphql", headers={"Accept": BROWSER})
    assert response.status_code == 400
    assert media_type(response) == JSON

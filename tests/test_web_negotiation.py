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

"""The protocol splits a URL's query string off itself (cheaper than uvicorn's URL parser for a long
one): wherever it does, the path and the query string are what the parser makes of the whole URL."""

import httptools
import pytest

from graphql_api.web.protocol import _split_query

URLS = [
    b"/graphql?query=%7B+x+%7D",
    b"/graphql?",
    b"/a?b?c",
    b"/a?b=%ZZ",
    b"/a/%20b?x=1",
    b"//x?y",
    b"/?&&=&",
    b"/a?[]{}|^`",
    b"/a?b=\"'<>\\",
    b"/graphql?extensions=%7B%22persistedQuery%22%3A+%7B%22version%22%3A+1%7D%7D&variables=%7B%7D",
]
REFUSED_OR_FRAGMENT = [b"/a?b#c", b"/a#b?c", b"http://host/a?b", b"*?", b"a?b"]


@pytest.mark.parametrize("url", URLS + [b"/a?x" + bytes([byte]) + b"y" for byte in range(256)])
def test_a_split_query_is_the_parsers(url):
    query = _split_query(url)
    try:
        parsed = httptools.parse_url(url)
    except httptools.HttpParserInvalidURLError:
        assert query is None  # the parser reads it, and refuses it, as before
        return
    if query is None:
        assert b"#" in url
        return
    path = httptools.parse_url(url[: -len(query) - 1]).path
    assert (path, query) == (parsed.path, parsed.query or b"")


@pytest.mark.parametrize("url", REFUSED_OR_FRAGMENT)
def test_urls_with_a_fragment_or_not_in_origin_form_go_to_the_parser(url):
    assert _split_query(url) is None

"""The protocol splits a URL's query string off itself (cheaper than uvicorn's URL parser for a long
one): wherever it does, the path and the query string are what the parser makes of the whole URL,
and an application is told of every URL what uvicorn's own protocol tells it."""

import json
import socket
from collections.abc import Callable, Iterator

import httptools
import pytest

from graphql_api.web.protocol import _split_query
from tests.live_server import threaded_server, uvicorn_in_thread

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


async def _echo_scope(scope: dict, receive: Callable, send: Callable) -> None:
    """What the application is told of the URL, as its answer."""
    body = json.dumps([scope["path"], scope["raw_path"].decode("latin-1"), scope["query_string"].decode("latin-1")])
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"%d" % len(body))]})
    await send({"type": "http.response.body", "body": body.encode()})


@pytest.fixture(scope="module")
def ports() -> Iterator[tuple[int, int]]:
    """The echo app served with the service's protocol, and with uvicorn's own."""
    with threaded_server(_echo_scope) as ours, uvicorn_in_thread(_echo_scope, "httptools") as theirs:
        yield ours, theirs


@pytest.mark.parametrize(
    "url",
    [*URLS, *REFUSED_OR_FRAGMENT, b"/a?\xc3\xa9=1", b"/a?b=\x7f", b"/graphql?query=%7B%7D&variables=%7B%7D#frag"],
)
def test_the_application_gets_the_url_as_uvicorn_gives_it(ports, url):
    ours, theirs = (_first_line_and_body(port, url) for port in ports)
    assert ours == theirs


def _first_line_and_body(port: int, url: bytes) -> tuple[bytes, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET " + url + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return head.split(b"\r\n")[0], body

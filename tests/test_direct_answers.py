"""The server's protocol answers a request to /graphql at once, without an ASGI task, when its body
arrived with its head: the bytes it writes are the ones the application gives as ASGI.

Two servers run the same application (each its own instance, so neither answers from the other's
caches): one with direct answers, one without. Every request goes to both, three times on one
connection (a first answer, a second the response cache keeps, then the cached one), and the
responses are compared byte for byte, the Date header aside.
"""

import asyncio
import hashlib
import json
import logging
import re
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
import uvicorn
from uvicorn.server import ServerState

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.protocol import ConnectionLimits, guarded_protocol
from tests.fixtures import CONTRACT_QUERY
from tests.live_server import threaded_server

LIGHT = '{ titleScore(title: "Toy Story") { message } }'
BY_VARIABLE = "query ($t: String!) { titleScore(title: $t) { message } }"
ORIGIN = "https://front.example"
PERSISTED = '{ titleScore(title: "Jumanji") { message } }'
PERSISTED_HASH = hashlib.sha256(PERSISTED.encode()).hexdigest()
UNKNOWN_HASH = "0" * 64


def _post(payload: object, headers: dict[str, str] | None = None, version: str = "1.1") -> bytes:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    fields = {"Host": "x", "Content-Type": "application/json", **(headers or {}), "Content-Length": str(len(body))}
    return _head("POST", "/graphql", fields, version) + body


def _get(parameters: dict[str, str] | None, headers: dict[str, str] | None = None, method: str = "GET") -> bytes:
    path = "/graphql" + ("?" + urlencode(parameters) if parameters else "")
    return _head(method, path, {"Host": "x", **(headers or {})})


def _head(method: str, path: str, headers: dict[str, str], version: str = "1.1") -> bytes:
    lines = [f"{method} {path} HTTP/{version}", *(f"{name}: {value}" for name, value in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _persisted(with_query: bool, digest: str = PERSISTED_HASH) -> dict[str, object]:
    payload: dict[str, object] = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}}
    if with_query:
        payload["query"] = PERSISTED
    return payload


REQUESTS: dict[str, bytes] = {
    "contract query": _post({"query": CONTRACT_QUERY}),
    "light, graphql-response+json": _post({"query": LIGHT}, {"Accept": "application/graphql-response+json"}),
    "by variable": _post({"query": BY_VARIABLE, "variables": {"t": "Heat"}}),
    "variable of the wrong type": _post({"query": BY_VARIABLE, "variables": {"t": 3}}),
    "missing variable": _post({"query": BY_VARIABLE}),
    "malformed JSON": _post(b"{"),
    "no query": _post({"variables": {}}),
    "extensions not an object": _post({"query": LIGHT, "extensions": 3}),
    "text/plain": _post(b"{ x }", {"Content-Type": "text/plain"}),
    "application/graphql": _post(LIGHT.encode(), {"Content-Type": "application/graphql"}),
    "not acceptable": _post({"query": LIGHT}, {"Accept": "text/csv"}),
    "q=0 for the new type": _post({"query": "{ nope }"}, {"Accept": "application/graphql-response+json;q=0, */*"}),
    "validation error": _post({"query": "{ nope }"}),
    "parse error": _post({"query": "{"}),
    "batch": _post([{"query": LIGHT}, {"query": "{ __typename }"}]),
    "body over the limit": _post({"query": LIGHT, "pad": "x" * 200_000}),
    "unknown persisted hash": _post(_persisted(False, UNKNOWN_HASH)),
    "persisted with its text": _post(_persisted(True)),
    "persisted with a wrong hash": _post(_persisted(True, UNKNOWN_HASH)),
    "GET light": _get({"query": LIGHT}),
    "GET persisted hash alone": _get({"extensions": json.dumps(_persisted(False)["extensions"])}),
    "GET If-None-Match *": _get({"query": LIGHT}, {"If-None-Match": "*"}),
    "GET If-None-Match other": _get({"query": LIGHT}, {"If-None-Match": '"other"'}),
    "GET mutation": _get({"query": "mutation { x }"}),
    "GET page for a browser": _get(None, {"Accept": "text/html"}),
    "GET without a query": _get(None),
    "GET not acceptable": _get({"query": LIGHT}, {"Accept": "text/csv"}),
    "HEAD": _get({"query": LIGHT}, method="HEAD"),
    "cross-origin POST": _post({"query": LIGHT}, {"Origin": ORIGIN}),
    "health": _head("GET", "/healthz", {"Host": "x"}),
    "Connection: close": _post({"query": LIGHT}, {"Connection": "close"}),
    "HTTP/1.0": _post({"query": LIGHT}, version="1.0"),
}


@pytest.fixture(scope="module")
def servers(api_model, api_data_dir) -> Iterator[tuple[int, int, list[str]]]:
    settings = Settings(data_dir=api_data_dir, cors_origins=(ORIGIN,))
    direct_app, asgi_app = create_app(api_model, settings), create_app(api_model, settings)
    answered: list[str] = []

    def direct(method: str, path: str, query: bytes, headers: list, body: bytes) -> tuple | None:
        answer = direct_app.answer_at_once(method, path, query, headers, body)
        if answer is not None:
            answered.append(method)
        return answer

    with threaded_server(direct_app, direct) as direct_port, threaded_server(asgi_app, None) as asgi_port:
        yield direct_port, asgi_port, answered


def _responses(port: int, *writes: bytes, count: int, head_only: bool = False, pause: float = 0.0) -> list[bytes]:
    """The first `count` responses on one connection to `port` after `writes` (with `pause` between them)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        for index, data in enumerate(writes):
            if index and pause:
                time.sleep(pause)
            connection.sendall(data)
        received, responses = b"", []
        while len(responses) < count:
            end = received.find(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length: *(\d+)", received[:end]) if end >= 0 else None
            size = 0 if head_only or length is None or received.startswith(b"HTTP/1.1 304") else int(length[1])
            if end >= 0 and len(received) >= end + 4 + size:
                responses.append(re.sub(rb"(?im)^date: [^\r]*", b"date: *", received[: end + 4 + size]))
                received = received[end + 4 + size :]
                continue
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
    return responses


def _both(servers: tuple[int, int, list[str]], exchange: Callable[[int], list[bytes]]) -> tuple[list, list]:
    direct_port, asgi_port, _ = servers
    return exchange(direct_port), exchange(asgi_port)


@pytest.mark.parametrize("name", REQUESTS)
def test_a_direct_answer_is_the_applications_answer(servers, name):
    request = REQUESTS[name]
    closes = b"Connection: close" in request or b"HTTP/1.0" in request
    head_only = request.startswith(b"HEAD")

    def exchange(port: int) -> list[bytes]:
        if closes:  # one answer, then the server closes: a new connection for each
            return [_responses(port, request, count=1)[0] for _ in range(3)]
        return _responses(port, request, request, request, count=3, head_only=head_only)

    direct, asgi = _both(servers, exchange)
    assert len(direct) == 3
    assert direct == asgi


def test_a_matching_etag_gets_the_same_304(servers):
    request = REQUESTS["GET light"]
    etag = re.search(rb"(?im)^etag: ([^\r]*)", _responses(servers[1], request, count=1)[0])[1]  # type: ignore[index]
    conditional = request[:-2] + b"If-None-Match: " + etag + b"\r\n\r\n"
    direct, asgi = _both(servers, lambda port: _responses(port, conditional, conditional, count=2))
    assert direct[0].startswith(b"HTTP/1.1 304")
    assert direct == asgi


def test_pipelined_requests_are_answered_in_order_whichever_way_each_is_answered(servers):
    new_text = _post({"query": '{ a: titleScore(title: "Heat") { message } }'})  # prepared off the loop
    writes = b"".join([REQUESTS["GET light"], new_text, REQUESTS["by variable"], REQUESTS["batch"], new_text])
    direct, asgi = _both(servers, lambda port: _responses(port, writes, count=5))
    assert len(direct) == 5
    assert direct == asgi


def test_a_body_that_arrives_after_its_head_is_read_by_the_application(servers):
    request = REQUESTS["by variable"]
    split = request.index(b"\r\n\r\n") + 10
    direct, asgi = _both(servers, lambda port: _responses(port, request[:split], request[split:], count=1, pause=0.2))
    assert direct == asgi
    assert direct[0].startswith(b"HTTP/1.1 200")


def test_direct_answers_were_given_for_both_methods(servers):
    _both(servers, lambda port: _responses(port, REQUESTS["GET light"], REQUESTS["by variable"], count=2))
    assert {"GET", "POST"} <= set(servers[2])


def test_a_flood_of_pipelined_requests_gets_the_pipelining_cap_not_an_answer_each(servers):
    direct_port, _, _ = servers
    flood = REQUESTS["GET light"] * 500  # one read's worth: all of it would be answered before anyone else
    errors = _Records()
    logging.getLogger("uvicorn.error").addHandler(errors)
    try:
        with socket.create_connection(("127.0.0.1", direct_port), timeout=10) as connection:
            connection.sendall(flood)
            received = b""
            while chunk := connection.recv(65536):  # the server closes the connection past the cap
                received += chunk
        time.sleep(0.2)  # the answer being computed the ASGI way, for a connection closed meanwhile
    finally:
        logging.getLogger("uvicorn.error").removeHandler(errors)
    answered = received.count(b"HTTP/1.1 200 ")
    assert 16 <= answered <= 2 * 16 + 1  # as many at once, one as ASGI, as many queued behind it
    assert errors.messages == []  # no "Exception in ASGI application" for writing to the closed connection


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _Transport:
    """A connection's transport that keeps what is written."""

    def __init__(self) -> None:
        self.written = b""
        self.writes = 0

    def write(self, data: bytes) -> None:
        self.written += data
        self.writes += 1

    def is_closing(self) -> bool:
        return False

    def get_extra_info(self, name: str, default: object = None) -> object:
        return ("127.0.0.1", 1) if name in ("peername", "sockname") else default

    def close(self) -> None: ...

    def pause_reading(self) -> None: ...

    def resume_reading(self) -> None: ...


def test_a_client_not_reading_its_answers_is_answered_the_asgi_way():
    asked: list[str] = []

    def direct(method: str, path: str, query: bytes, headers: list, body: bytes) -> tuple:
        asked.append(path)
        return 200, [(b"content-length", b"2")], b"{}"

    async def main() -> tuple[bytes, bool]:
        protocol, transport = _connected(direct)
        protocol.data_received(REQUESTS["GET light"])  # answered directly
        protocol.pause_writing()  # the transport's buffer passed its high-water mark: the client does not read
        protocol.data_received(REQUESTS["GET light"])
        await asyncio.sleep(0.05)  # time for an ASGI task to run, were there one
        answered = protocol.cycle.response_complete
        protocol.connection_lost(None)  # the client goes: the waiting task ends
        return transport.written, answered

    written, second_answered = asyncio.run(main())
    assert asked == ["/graphql"]  # asked for the first answer only
    assert written.count(b"HTTP/1.1 200 OK") == 1
    assert not second_answered  # the second waits, as an ASGI task, for the client to read


def test_answers_to_requests_pipelined_in_one_read_leave_in_one_write():
    def direct(method: str, path: str, query: bytes, headers: list, body: bytes) -> tuple:
        return 200, [(b"content-length", b"2")], b"{}"

    async def main() -> tuple[_Transport, int]:
        protocol, transport = _connected(direct)
        protocol.data_received(REQUESTS["GET light"] * 3)
        written_in_the_turn = transport.writes
        await asyncio.sleep(0)  # the turn ends
        protocol.connection_lost(None)
        return transport, written_in_the_turn

    transport, written_in_the_turn = asyncio.run(main())
    assert written_in_the_turn == 0
    assert transport.writes == 1
    assert transport.written.count(b"HTTP/1.1 200 OK") == 3


def _connected(direct: Callable[..., tuple | None]) -> tuple[Any, _Transport]:
    """A connection of the guarded protocol answering `direct`ly, on a transport that keeps what is
    written; called inside a running event loop."""
    limits = ConnectionLimits(max_connections=5, request_head_seconds=5, max_header_bytes=8192, max_headers=50)
    config = uvicorn.Config(_never_called, http=guarded_protocol(limits, direct), lifespan="off", access_log=False)
    config.load()
    protocol = config.http_protocol_class(config=config, server_state=ServerState(), app_state={})
    transport = _Transport()
    protocol.connection_made(transport)
    return protocol, transport


async def _never_called(scope: dict, receive: object, send: object) -> None:
    await asyncio.sleep(3600)

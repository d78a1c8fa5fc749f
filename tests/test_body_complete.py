"""The protocol tells the application when a request's whole body has arrived, so that reading it
needs no deadline watch; a body still on its way is watched (and a slow one gets 408) as before."""

import asyncio
import socket
import time
from collections.abc import Iterator

import pytest

from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema
from graphql_api.web.body_watch import BODY_COMPLETE
from graphql_api.web.graphql_http import GraphQLEndpoint
from tests.live_server import threaded_server

POST = b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n"


class _Recorder:
    """An app that answers whether the body had arrived when it started, and the body it read."""

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        arrived = scope.get(BODY_COMPLETE, False)
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        answer = b"%d %s" % (arrived, body)
        await send(
            {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"%d" % len(answer))]}
        )
        await send({"type": "http.response.body", "body": answer})


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with threaded_server(_Recorder()) as free:
        yield free


def _exchange(port: int, *parts: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        for index, part in enumerate(parts):
            if index:
                time.sleep(0.2)  # the application has started by now
            connection.sendall(part)
        received = b""
        while not received.split(b"\r\n\r\n", 1)[-1].endswith(b"body"):
            received += connection.recv(4096)
    return received.split(b"\r\n\r\n", 1)[1]


def test_a_body_sent_with_its_head_has_arrived_when_the_application_starts(port):
    assert _exchange(port, POST + b"body") == b"1 body"


def test_a_body_still_on_its_way_is_not_said_to_have_arrived(port):
    assert _exchange(port, POST, b"body") == b"0 body"


def test_a_body_said_to_have_arrived_is_read_whole_even_if_more_comes(api_model):
    endpoint = GraphQLEndpoint(Engine(graphql_schema, api_model, Limits()), api_model.manifest, graphiql=False)
    parts = [b'{"query": "{ __t', b'ypename }"}']
    messages = [{"type": "http.request", "body": part, "more_body": index == 0} for index, part in enumerate(parts)]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0)

    async def send(message: dict) -> None:
        sent.append(message)

    headers = [(b"content-type", b"application/json")]
    scope = {"type": "http", "method": "POST", "path": "/graphql", "headers": headers, BODY_COMPLETE: True}
    asyncio.run(endpoint(scope, receive, send))
    assert sent[0]["status"] == 200
    assert sent[1]["body"] == b'{"data":{"__typename":"Query"}}'

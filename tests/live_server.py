"""The real service, started as `python -m graphql_api` on a free port, for tests over real HTTP."""

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from bench.measure import serving
from graphql_api.web.protocol import ConnectionLimits, DirectAnswer, guarded_protocol


@contextmanager
def live_server(data_dir: Path, env: dict[str, str] | None = None) -> Iterator[int]:
    with serving("graphql_api", data_dir, env=env) as served:
        yield served.port


@contextmanager
def threaded_server(app: Any, direct: DirectAnswer | None = None) -> Iterator[int]:
    """`app` on uvicorn with the service's protocol (answering `direct`ly when given) in a thread of
    this process, as the service configures uvicorn; yields its port."""
    limits = ConnectionLimits(max_connections=50, request_head_seconds=5, max_header_bytes=8192, max_headers=50)
    with uvicorn_in_thread(app, guarded_protocol(limits, direct)) as port:
        yield port


@contextmanager
def uvicorn_in_thread(app: Any, http: Any) -> Iterator[int]:
    """`app` on uvicorn with the `http` protocol (a class, or uvicorn's name for one) in a thread of
    this process, with no access log (the service runs without one); yields its port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, http=http, lifespan="off", log_level="warning", access_log=False
    )  # as the service runs: an access log would take every request the ASGI way, to be logged
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)


def request(
    port: int, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None, timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body or None, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()

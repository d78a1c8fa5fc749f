"""The service's endpoint asked for answers directly in this process: no network, no event loop.

What a request's answer costs in a tight loop, to set beside what the same answer costs served
(`bench.breakdown`) or beside another kind of request (`bench.conformance`).
"""

import asyncio
import gc
import time
from typing import Any

from graphql_api.web.app import Service

JSON_HEADERS = [(b"host", b"bench"), (b"content-type", b"application/json")]

Request = tuple[str, bytes, bytes]  # method, query string, body


def prepare(app: Service, body: bytes, headers: list[tuple[bytes, bytes]] = JSON_HEADERS) -> None:
    """POSTs `body` the ASGI way, as the server does with a new query text (which is prepared then)."""
    scope = {
        "type": "http", "method": "POST", "path": "/graphql", "query_string": b"", "headers": headers,
        "http_version": "1.1", "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1),
    }  # fmt: skip
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        return messages.pop() if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start" and message["status"] != 200:
            raise RuntimeError(f"preparing the query text got {message['status']}")

    asyncio.run(app(scope, receive, send))


def cpu_per_answer(
    app: Service, requests: list[Request], headers: list[tuple[bytes, bytes]], count: int = 20_000
) -> float:
    """µs of CPU per answer, the endpoint asked for each request in turn, `count` requests a pass
    (the list repeated as needed), median of 3 passes, with the heap frozen as the service freezes
    it after loading. Each request must be answered at once, with a 200."""
    for method, query_string, body in {requests[0], requests[-1]}:
        answer = app.answer_at_once(method, "/graphql", query_string, headers, body)
        if answer is None or answer[0] != 200:
            raise RuntimeError(f"the endpoint did not answer {method} {query_string!r} at once: {answer!r}")
    batch = (requests * (count // len(requests) + 1))[:count]
    gc.collect()
    gc.freeze()
    passes = []
    for _ in range(3):
        started = time.thread_time()
        for method, query_string, body in batch:
            app.answer_at_once(method, "/graphql", query_string, headers, body)
        passes.append((time.thread_time() - started) / count * 1e6)
    return sorted(passes)[1]

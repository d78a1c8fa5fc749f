"""The HTTP application as uvicorn runs it: /graphql and /healthz answered directly, the rest by FastAPI.

The rest (the first version's REST URLs, API docs, the demo app at /, the vendored assets, the EDA
report, CORS) lives in `web/stack.py`, which imports FastAPI and pydantic: that costs a quarter of
the service's start-up CPU, so it is imported when a request first needs it, not before the
service reports ready.
"""

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from starlette.types import ASGIApp, Receive, Scope, Send

from graphql_api.data.model import ReadModel
from graphql_api.engine.engine import Engine
from graphql_api.schema import graphql_schema
from graphql_api.settings import Settings
from graphql_api.web.dataset import dataset_name
from graphql_api.web.graphql_http import GraphQLEndpoint

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(model: ReadModel, settings: Settings | None = None) -> "Service":
    settings = settings or Settings()
    share = 1 / settings.workers  # forked workers together keep the caches one worker would
    engine = Engine(graphql_schema, model, settings.limits, cache_share=share)
    endpoint = GraphQLEndpoint(
        engine,
        model.manifest,
        graphiql=settings.graphiql,
        max_response_bytes=settings.max_response_bytes,
        body_seconds=settings.request_body_seconds,
        cache_control=settings.cache_control,
        cache_share=share,
    )
    health = health_document(model)

    def stack() -> "FastAPI":
        from graphql_api.web.stack import build_stack  # FastAPI: imported when first needed (see above)

        return build_stack(model, settings, endpoint, health)

    return Service(endpoint, health, stack)


def health_document(model: ReadModel) -> dict[str, Any]:
    """What GET /healthz answers: the data set served and the manifest's counts."""
    return {
        "status": "ok",
        "dataset": dataset_name(model.manifest["inputs"]),
        "schema_version": model.manifest["schema_version"],
        "inputs": model.manifest["inputs"],
        "tables": {name: entry["rows"] for name, entry in model.manifest["tables"].items()},
    }


class Service:
    """Requests to /graphql and GET /healthz without an Origin header (no browser's cross-origin
    request: CORS adds nothing to them but `Vary: Origin`) are answered directly; anything else goes
    through FastAPI's stack, built on first use. Skipping the stack's layers for the service's main
    request saves about as much as the request itself costs (`tests/test_web_direct.py` checks both
    paths give the same status, body and headers).
    """

    def __init__(self, graphql: GraphQLEndpoint, health: dict[str, Any], stack: Callable[[], "FastAPI"]) -> None:
        self._graphql = graphql
        self._build_stack = stack
        self._stack: FastAPI | None = None
        # As FastAPI's JSONResponse encodes it, with the headers the stack's middleware adds.
        body = json.dumps(health, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
        headers = [
            (b"content-length", str(len(body)).encode()),
            (b"content-type", b"application/json"),
            (b"x-content-type-options", b"nosniff"),
            (b"vary", b"Origin"),
        ]
        self._health_start = {"type": "http.response.start", "status": 200, "headers": headers}
        self._health_body = {"type": "http.response.body", "body": body}

    @property
    def app(self) -> "FastAPI":
        """FastAPI's stack: every route but the direct ones."""
        if self._stack is None:
            self._stack = self._build_stack()
        return self._stack

    def answer_at_once(
        self, method: str, path: str, query_string: bytes, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        """For the server's protocol: the status, headers and body of a GET or POST to /graphql
        without an Origin whose whole body has arrived, when the endpoint can give them at once
        (`GraphQLEndpoint.answer_at_once`); None for the rest, which come as ASGI."""
        if path == "/graphql" and not _has_origin(headers):
            return self._graphql.answer_at_once(method, query_string, headers, body)
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not _has_origin(scope["headers"]):
            path, method = scope["path"], scope["method"]
            if path == "/graphql":  # any method: the endpoint refuses those it does not answer
                await self._graphql(scope, receive, send)
                return
            if path == "/healthz" and method == "GET":
                await send(self._health_start)
                await send(self._health_body)
                return
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)  # nothing to start or stop: the stack waits for a request
            return
        app: ASGIApp = self.app
        await app(scope, receive, send)


def _has_origin(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, _ in headers:  # noqa: SIM110 (a loop takes half the time of any() over a generator)
        if name == b"origin":
            return True
    return False


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return

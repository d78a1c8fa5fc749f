"""The /graphql HTTP endpoint: GraphQL over HTTP (POST and GET), GraphiQL, a response cache.

Kept lean on purpose: the data never changes while the service runs, so an answer is a function of
the request alone; repeated requests are answered from a bounded cache without executing anything.
"""

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import orjson
from graphql import ExecutionResult, OperationType
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response

from graphql_api.engine.engine import Deadline, Engine, PreparedText
from graphql_api.engine.lru import LRU
from graphql_api.web.graphiql import graphiql_html
from graphql_api.web.offload import Offload

log = logging.getLogger("graphql_api")

_MOMENTARY_CODES = frozenset({"TIMEOUT", "INTERNAL_SERVER_ERROR"})  # answers about the moment, not the request

# A new text (validation alone costs milliseconds) is prepared on the worker thread; a query estimated
# costlier than this (in objects, or objects' worth of work) runs there too.
INLINE_COST = 300
ENTRY_OVERHEAD_BYTES = 256

JSON = "application/json"
GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


@dataclass(frozen=True)
class Answer:
    """A finished response, kept as data: a fresh Response is built from it for every request."""

    status: int
    body: bytes
    media_type: str
    cacheable: bool = True  # False for answers that depend on the moment: time-outs, our own failures

    def response(self) -> Response:
        return Response(self.body, status_code=self.status, media_type=self.media_type)


class ResponseCache:
    """Answers by request, least recently used out first, bounded in entries and in bytes (keys included)."""

    def __init__(self, max_entries: int = 4096, max_bytes: int = 16 << 20, max_entry_bytes: int = 256 << 10) -> None:
        self._answers: LRU[Any, tuple[int, Answer]] = LRU(
            max_entries, max_bytes, weight=lambda entry: entry[0] + len(entry[1].body) + ENTRY_OVERHEAD_BYTES
        )
        self._max_entry_bytes = max_entry_bytes

    def get(self, key: Any) -> Answer | None:
        entry = self._answers.get(key)
        return entry[1] if entry is not None else None

    def put(self, key: Any, key_bytes: int, answer: Answer) -> None:
        if key_bytes + len(answer.body) <= self._max_entry_bytes and key not in self._answers:
            self._answers.put(key, (key_bytes, answer))


class GraphQLEndpoint:
    def __init__(
        self,
        engine: Engine,
        graphiql: bool,
        max_response_bytes: int = 1_000_000,
        body_seconds: float = 10.0,
        cache: ResponseCache | None = None,
    ) -> None:
        self.engine = engine
        self.limits = engine.limits
        self.cache = cache or ResponseCache()
        self._graphiql_html = graphiql_html() if graphiql else None
        self._max_response_bytes = max_response_bytes
        self._body_seconds = body_seconds
        self._offload = Offload()

    async def handle(self, request: Request) -> Response:
        deadline = Deadline(self.limits.time_budget_seconds)  # the whole request counts, from its arrival
        try:
            if request.method in ("GET", "HEAD"):
                return await self._get(request, deadline)
            return await self._post(request, deadline)
        except HTTPException as error:
            return _error_response(error.status_code, error.detail, error.headers)
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is left to read it
        except Exception:  # a bug of ours: log it, tell the client nothing about internals
            log.exception("unexpected error serving %s %s", request.method, request.url.path)
            return _error_response(500, "Internal server error")

    async def _get(self, request: Request, deadline: Deadline) -> Response:
        raw_query = request.scope.get("query_string", b"")
        media_type = _media_type(request)
        key = ("GET", raw_query, media_type)
        cached = self.cache.get(key)
        if cached is not None:
            return cached.response()
        params = request.query_params
        if "query" not in params:
            if self._graphiql_html is not None and "text/html" in request.headers.get("accept", ""):
                return HTMLResponse(self._graphiql_html)
            raise HTTPException(400, "No GraphQL query found in the request (expected a `query` parameter).")
        variables = _json_field(params.get("variables"), "variables")
        operation = (params["query"], variables, params.get("operationName"))
        answer = await self._answer(*operation, media_type, True, deadline)
        return self._remember(key, len(raw_query), answer)

    async def _post(self, request: Request, deadline: Deadline) -> Response:
        body = await self._read_body(request)
        media_type = _media_type(request)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        key = ("POST", content_type, body, media_type)
        cached = self.cache.get(key)
        if cached is not None:
            return cached.response()
        if content_type == "application/graphql":
            query = _decode(body)
            return self._remember(key, len(body), await self._answer(query, None, None, media_type, False, deadline))
        if content_type not in (JSON, ""):
            raise HTTPException(415, "Send GraphQL as application/json (or application/graphql).")
        payload = _parse_json(body)
        if isinstance(payload, list):
            return self._remember(key, len(body), await self._batch(payload, media_type, deadline))
        query, variables, operation_name = _operation(payload)
        answer = await self._answer(query, variables, operation_name, media_type, False, deadline)
        return self._remember(key, len(body), answer)

    async def _batch(self, payloads: list[Any], media_type: str, deadline: Deadline) -> Answer:
        limit = self.limits.max_batch_size
        if limit <= 1:
            raise HTTPException(400, "Batched requests are not enabled on this service.")
        if not payloads or len(payloads) > limit:
            raise HTTPException(400, f"A batch must hold between 1 and {limit} operations.")
        answers = [await self._answer(*_operation(payload), media_type, False, deadline) for payload in payloads]
        body = b"[" + b",".join(answer.body for answer in answers) + b"]"
        return Answer(200, body, media_type, all(answer.cacheable for answer in answers))

    async def _answer(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        media_type: str,
        via_get: bool,
        deadline: Deadline,
    ) -> Answer:
        """The answer, computed on the event loop when cheap, else on the worker thread."""
        if not self.engine.knows(query):
            text = await self._offload.run(self.engine.prepare_text, query)
        else:
            text = self.engine.prepare_text(query)
        operation = (query, text, variables, operation_name, media_type, via_get, deadline)
        if text.prepared.cost > INLINE_COST:
            return await self._offload.run(self._finish, *operation)
        return self._finish(*operation)

    def _finish(
        self,
        query: str,
        text: PreparedText,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        media_type: str,
        via_get: bool,
        deadline: Deadline,
    ) -> Answer:
        if text.prepared.document is not None:
            operation = text.prepared.operation_type(operation_name)
            if via_get and operation is not None and operation is not OperationType.QUERY:
                raise HTTPException(
                    405, f"Only queries can be sent with GET; send {operation.value}s with POST.", {"Allow": "POST"}
                )
        result = self.engine.run_prepared(query, text, variables, operation_name, deadline)
        codes = _error_codes(result)
        body = _encode(result)
        if len(body) > self._max_response_bytes:
            return _too_large(self._max_response_bytes, media_type)
        if "TIMEOUT" in codes:
            return Answer(503, body, media_type, cacheable=False)
        # Nothing executed (a syntax, validation or variables error): a request error, 400.
        return Answer(200 if result.data is not None else 400, body, media_type, not _MOMENTARY_CODES & codes)

    def _remember(self, key: Any, key_bytes: int, answer: Answer) -> Response:
        if answer.cacheable:
            self.cache.put(key, key_bytes, answer)
        return answer.response()

    async def _read_body(self, request: Request) -> bytes:
        limit = self.limits.max_body_bytes
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise HTTPException(413, f"The request body is larger than {limit} bytes.")
        chunks = []
        size = 0
        try:
            async with asyncio.timeout(self._body_seconds):
                async for chunk in request.stream():
                    size += len(chunk)
                    if size > limit:
                        raise HTTPException(413, f"The request body is larger than {limit} bytes.")
                    chunks.append(chunk)
        except TimeoutError:
            raise HTTPException(408, f"The request body took longer than {self._body_seconds:g} s to arrive.") from None
        return b"".join(chunks)


def _operation(payload: Any) -> tuple[str, dict[str, Any] | None, str | None]:
    """The query, variables and operation name of one GraphQL-over-HTTP request object."""
    if not isinstance(payload, dict):
        raise HTTPException(400, "The request body must be a JSON object with a `query`.")
    query = payload.get("query")
    if not isinstance(query, str):
        raise HTTPException(400, "The request body must have a `query` string.")
    variables = payload.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise HTTPException(400, "`variables` must be a JSON object.")
    operation_name = payload.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise HTTPException(400, "`operationName` must be a string.")
    return query, variables, operation_name


def _media_type(request: Request) -> str:
    return GRAPHQL_RESPONSE_JSON if GRAPHQL_RESPONSE_JSON in request.headers.get("accept", "") else JSON


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPException(400, "The request body is not valid UTF-8.") from None


def _parse_json(body: bytes) -> Any:
    if not body.strip():
        raise HTTPException(400, "The request body is empty; expected a JSON object with a `query`.")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise HTTPException(400, f"The request body is not valid JSON ({error.msg}).") from None


def _json_field(text: str | None, name: str) -> Any:
    if text is None or text == "":
        return None
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        raise HTTPException(400, f"`{name}` is not valid JSON.") from None
    if value is not None and not isinstance(value, dict):
        raise HTTPException(400, f"`{name}` must be a JSON object.")
    return value


def _encode(result: ExecutionResult) -> bytes:
    return orjson.dumps(result.formatted)


def _error_codes(result: ExecutionResult) -> set[str]:
    return {(error.extensions or {}).get("code") for error in result.errors or ()}  # type: ignore[misc]


def _error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": _code(status)}}]})
    return Response(body, status_code=status, media_type=JSON, headers=headers)


def _too_large(limit: int, media_type: str) -> Answer:
    message = f"The answer is larger than {limit:,} bytes; ask for fewer fields or smaller pages."
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": "RESPONSE_TOO_LARGE"}}]})
    return Answer(400, body, media_type)


def _code(status: int) -> str:
    return {
        400: "BAD_REQUEST",
        408: "REQUEST_TIMEOUT",
        405: "METHOD_NOT_ALLOWED",
        413: "PAYLOAD_TOO_LARGE",
        415: "UNSUPPORTED_MEDIA_TYPE",
        501: "NOT_IMPLEMENTED",
        503: "SERVICE_UNAVAILABLE",
    }.get(status, "INTERNAL_SERVER_ERROR")

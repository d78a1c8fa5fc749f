"""The /graphql HTTP endpoint: GraphQL over HTTP (POST and GET), GraphiQL, persisted queries, caching.

Kept lean on purpose: the data never changes while the service runs, so an answer is a function of
the request alone; repeated requests are answered from a bounded cache without executing anything,
and successful GET answers carry a strong ETag and a Cache-Control, so browsers, proxies and CDNs
keep them too.

Status codes follow the GraphQL-over-HTTP spec for the media type negotiated: a request that does
not parse, validate or coerce its variables gets 200 with `application/json` (the legacy type) and
400 with `application/graphql-response+json`, and its answer has no `data` entry either way.
"""

import asyncio
import logging
import time
from functools import partial
from typing import Any

import orjson
from graphql import ExecutionResult, OperationType
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope, Send

from graphql_api.engine.engine import Deadline, Engine, ErrorsOnly, PreparedText
from graphql_api.engine.lru import entries_share
from graphql_api.web.admission import SecondRequest
from graphql_api.web.answers import (
    NO_STORE,
    RESPONSE_CACHE_BYTES,
    RESPONSE_CACHE_ENTRIES,
    Answer,
    ResponseCache,
    refusal,
    too_large,
)
from graphql_api.web.body_watch import BODY_COMPLETE, BodyWatch
from graphql_api.web.caching import EntityTags
from graphql_api.web.graphiql import graphiql_html
from graphql_api.web.graphql_request import (
    GetOperations,
    Operation,
    decode,
    from_payload,
    parse_json,
    split_query,
)
from graphql_api.web.negotiation import GRAPHQL_RESPONSE_JSON, HTML, JSON, MediaTypes
from graphql_api.web.offload import Offload
from graphql_api.web.persisted import NOT_FOUND, PersistedQueries, not_found
from graphql_api.web.single_flight import SingleFlight

log = logging.getLogger("graphql_api")

# Answers about the moment, not the request: never kept in the response cache.
_MOMENTARY_CODES = frozenset({"TIMEOUT", "INTERNAL_SERVER_ERROR", NOT_FOUND})

# A query estimated costlier than this (in objects, or objects' worth of work) runs on the worker
# thread, and so does one whose recent runs took longer than SLOW_SECONDS (see GraphQLEndpoint._answer):
# each slow run adds one to its score and each quick one takes one off (between 0 and SLOW_CAP); it
# runs there from SLOW_SCORE on, so one hiccup does not send a query away for good.
INLINE_COST = 2_500
SLOW_SECONDS = 0.003
SLOW = "slow"
SLOW_SCORE = 2
SLOW_CAP = 8
PERSISTED_BYTES = 16 << 20
PERSISTED_ENTRIES = 4096

DEFAULT_CACHE_CONTROL = "public, max-age=3600"


class GraphQLEndpoint:
    def __init__(
        self,
        engine: Engine,
        manifest: dict[str, Any],
        graphiql: bool,
        max_response_bytes: int = 1_000_000,
        body_seconds: float = 10.0,
        cache_control: str = DEFAULT_CACHE_CONTROL,
        cache_share: float = 1.0,
    ) -> None:
        """`cache_share`: the part of the caches' budgets (entries and bytes) this endpoint has (1 / workers)."""
        self.engine = engine
        self.limits = engine.limits
        self.cache = ResponseCache(
            max_entries=entries_share(RESPONSE_CACHE_ENTRIES, cache_share),
            max_bytes=int(RESPONSE_CACHE_BYTES * cache_share),
        )
        self._second_request = SecondRequest(entries_share(RESPONSE_CACHE_ENTRIES, cache_share))
        self._answer_types = MediaTypes(JSON, GRAPHQL_RESPONSE_JSON)  # application/json for */* and no Accept
        self._page_types = MediaTypes(JSON, GRAPHQL_RESPONSE_JSON, HTML)
        self._page = Answer(200, graphiql_html().encode(), HTML, cacheable=False) if graphiql else None
        self._tags = EntityTags(manifest)
        self._cache_control = cache_control or None
        self._persisted = PersistedQueries(
            self.limits.max_query_length,
            max_entries=entries_share(PERSISTED_ENTRIES, cache_share),
            max_bytes=int(PERSISTED_BYTES * cache_share),
        )
        self._get_operations = GetOperations()
        self._max_response_bytes = max_response_bytes
        self._body_watch = BodyWatch(body_seconds)
        self._offload = Offload()
        self._preparing: dict[str, asyncio.Future[PreparedText]] = {}
        self._flights: SingleFlight[Answer] = SingleFlight()
        self._computing = self._flights.computing  # read on the fast path: a plain dict

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The endpoint as a plain ASGI app: no request or response objects are made for it."""
        deadline = Deadline(self.limits.time_budget_seconds)  # the whole request counts, from its arrival
        method = scope["method"]
        headers = _Headers(scope["headers"])
        media_type = self._answer_types.choose(headers.accept)
        try:
            if method not in _METHODS:
                raise _method_not_allowed(method)
            body = b""
            if method == "POST":
                if media_type is None:
                    raise _not_acceptable()
                body = await self._read_body(receive, headers.content_length, BODY_COMPLETE in scope)
            request = _Request(method, scope.get("query_string", b""), headers, media_type, body, deadline)
            answer = self._at_once(request) or await self._later(request)
        except ClientDisconnect:
            return  # nobody is left to read an answer
        except Exception as error:
            answer = _failure(error, method, media_type)
        status, response_headers, response_body = answer.parts(_validator(method, headers))
        await send({"type": "http.response.start", "status": status, "headers": response_headers})
        await send({"type": "http.response.body", "body": response_body})

    def answer_at_once(
        self, method: str, raw_query: bytes, raw_headers: list[tuple[bytes, bytes]], body: bytes
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        """The status, headers and body for a GET or a POST whose whole body has arrived, when they
        can be had without waiting: a cached answer, a refusal, or a light query run on the spot.
        None when the request needs the event loop (a new text to prepare, a heavy query, a batch, or
        an answer another request is computing): it then goes to the endpoint as an ASGI app.
        """
        deadline = Deadline(self.limits.time_budget_seconds)
        headers = _Headers(raw_headers)
        media_type = self._answer_types.choose(headers.accept)
        try:
            if method == "POST":
                if media_type is None:
                    raise _not_acceptable()
                self._check_body_size(len(body))
            answer = self._at_once(_Request(method, raw_query, headers, media_type, body, deadline))
            if answer is None:
                return None
        except Exception as error:
            answer = _failure(error, method, media_type)
        return answer.parts(_validator(method, headers))

    def _at_once(self, request: "_Request") -> Answer | None:
        """The answer when nothing needs waiting for (see `answer_at_once`), else None."""
        media_type = request.media_type
        if media_type is not None:
            cached = self.cache.get(request.key)
            if cached is not None:
                self._offload.served_light()
                return cached
        if request.method == "POST":
            operation = _post_operation(request.body, request.content_type)
            if isinstance(operation, list) or request.key in self._computing:
                return None  # a batch, or an answer being computed
            answer = self._light(operation, media_type, False, request.deadline)  # type: ignore[arg-type]
        else:
            params = split_query(request.raw_query)
            no_operation = "query" not in params and "extensions" not in params
            if self._page is not None and no_operation and self._page_types.choose(request.headers.accept) == HTML:
                return self._page
            if media_type is None:
                raise _not_acceptable()
            if request.key in self._computing:
                return None
            answer = self._light(self._get_operations.operation(params), media_type, True, request.deadline)
        return None if answer is None else self._remember(request, answer)

    def _light(self, operation: Operation, media_type: str, via_get: bool, deadline: Deadline) -> Answer | None:
        """The answer to a query run at once on the event loop; None when it is new or heavy."""
        query = self._persisted.resolve(operation.query, operation.extensions)
        if query is None:
            unknown = not_found()
            return self._answer_for(unknown, _encode(unknown), media_type, via_get)
        text = self.engine.known_text(query)
        if text is None or _heavy(text):
            return None
        self._offload.served_light()
        return self._finish(query, text, operation.variables, operation.operation_name, media_type, via_get, deadline)

    async def _later(self, request: "_Request") -> Answer:
        """The answer `_at_once` could not give: waited for, prepared or computed off the event loop."""
        media_type, deadline = request.media_type, request.deadline
        assert media_type is not None  # _at_once refused the request otherwise
        if request.method == "POST":
            compute = partial(self._post_answer, request.body, request.content_type, media_type, deadline)
        else:
            operation = self._get_operations.operation(split_query(request.raw_query))
            compute = partial(self._run, operation, media_type, True, deadline)
        answer = await self._flights.run(request.key, compute)
        return self._remember(request, answer)

    async def _post_answer(self, body: bytes, content_type: str, media_type: str, deadline: Deadline) -> Answer:
        operation = _post_operation(body, content_type)
        if isinstance(operation, list):
            return await self._batch(operation, media_type, deadline)
        return await self._run(operation, media_type, False, deadline)

    async def _batch(self, payloads: list[Any], media_type: str, deadline: Deadline) -> Answer:
        limit = self.limits.max_batch_size
        if limit <= 1:
            raise HTTPException(400, "Batched requests are not enabled on this service.")
        if not payloads or len(payloads) > limit:
            raise HTTPException(400, f"A batch must hold between 1 and {limit} operations.")
        answers = [await self._run(from_payload(payload), media_type, False, deadline) for payload in payloads]
        body = b"[" + b",".join(answer.body for answer in answers) + b"]"
        failed = any(answer.cache_control == NO_STORE for answer in answers)
        return Answer(200, body, media_type, all(answer.cacheable for answer in answers), NO_STORE if failed else None)

    async def _run(self, operation: Operation, media_type: str, via_get: bool, deadline: Deadline) -> Answer:
        query = self._persisted.resolve(operation.query, operation.extensions)
        if query is None:
            unknown = not_found()
            return self._answer_for(unknown, _encode(unknown), media_type, via_get)
        return await self._answer(query, operation.variables, operation.operation_name, media_type, via_get, deadline)

    async def _answer(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        media_type: str,
        via_get: bool,
        deadline: Deadline,
    ) -> Answer:
        """The answer, computed on the event loop when cheap, else on the worker thread.

        Heavy: a new text (preparing it costs milliseconds, and nothing is known of its running yet),
        a query estimated costlier than INLINE_COST, or one whose earlier runs were slow (a lookup
        that matches nothing searches every known name for suggestions).
        """
        text = self.engine.known_text(query)
        if text is None:
            text = await self._prepared_once(query)
            heavy = True
        else:
            heavy = _heavy(text)
        operation = (query, text, variables, operation_name, media_type, via_get, deadline)
        if heavy:
            return await self._offload.run(self._finish, *operation, deadline=deadline)
        self._offload.served_light()
        return self._finish(*operation)

    async def _prepared_once(self, query: str) -> PreparedText:
        """A new text prepared on the worker thread, once for every request waiting for it."""
        pending = self._preparing.get(query)
        if pending is None:
            pending = asyncio.ensure_future(self._offload.run(self.engine.prepare_text, query))
            self._preparing[query] = pending
            pending.add_done_callback(lambda _: self._preparing.pop(query, None))
        return await asyncio.shield(pending)

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
        operation = text.prepared.operation_type(operation_name) if via_get else None
        if operation is not None and operation is not OperationType.QUERY:
            raise HTTPException(
                405, f"Only queries can be sent with GET; send {operation.value}s with POST.", {"Allow": "POST"}
            )
        started = time.perf_counter()
        result = self.engine.run_prepared(query, text, variables, operation_name, deadline)
        score = text.prepared.observed.get(SLOW, 0)
        if time.perf_counter() - started > SLOW_SECONDS:
            text.prepared.observed[SLOW] = min(score + 1, SLOW_CAP)
        elif score:
            text.prepared.observed[SLOW] = score - 1
        body = _encode(result)
        if len(body) > self._max_response_bytes:
            return too_large(self._max_response_bytes, media_type)
        return self._answer_for(result, body, media_type, via_get)

    def _answer_for(self, result: ExecutionResult, body: bytes, media_type: str, via_get: bool) -> Answer:
        refused = isinstance(result, ErrorsOnly)
        if not result.errors and not refused:
            if not via_get:
                return Answer(200, body, media_type)
            return Answer(200, body, media_type, True, self._cache_control, self._tags.tag(media_type, body))
        codes = _error_codes(result)
        cacheable = not _MOMENTARY_CODES & codes
        if refused:
            return Answer(_refused_status(codes, media_type), body, media_type, cacheable, NO_STORE)
        return Answer(200, body, media_type, cacheable, NO_STORE)

    def _remember(self, request: "_Request", answer: Answer) -> Answer:
        if answer.cacheable and self._second_request.admits(request.key):
            self.cache.put(request.key, request.key_bytes, answer)
        return answer

    async def _read_body(self, receive: Receive, declared: str | None, arrived: bool) -> bytes:
        """The request body; `arrived`: the server says all of it is there (no need to watch the clock)."""
        if declared is not None and declared.isdigit():
            self._check_body_size(int(declared))
        chunks = []
        size = 0
        watch = None if arrived else self._body_watch.start()
        try:
            try:
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        raise ClientDisconnect
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    self._check_body_size(size)
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        break
                    if watch is None:  # said to have arrived, yet more is to come: watch the rest
                        watch = self._body_watch.start()
            except asyncio.CancelledError:
                if watch is None or not watch.expired:
                    raise  # cancelled for another reason
                seconds = self._body_watch.seconds
                raise HTTPException(408, f"The request body took longer than {seconds:g} s to arrive.") from None
        finally:
            if watch is not None:
                self._body_watch.stop()
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    def _check_body_size(self, size: int) -> None:
        if size > self.limits.max_body_bytes:
            raise HTTPException(413, f"The request body is larger than {self.limits.max_body_bytes} bytes.")


class _Request:
    """A GET or a POST as the endpoint answers it, with the key of its answer in the response cache."""

    __slots__ = ("body", "content_type", "deadline", "headers", "key", "key_bytes", "media_type", "method", "raw_query")

    def __init__(
        self,
        method: str,
        raw_query: bytes,
        headers: "_Headers",
        media_type: str | None,
        body: bytes,
        deadline: Deadline,
    ) -> None:
        self.method = method
        self.raw_query = raw_query
        self.headers = headers
        self.media_type = media_type
        self.body = body
        self.deadline = deadline
        self.key: tuple[Any, ...]
        if method == "POST":
            self.content_type = headers.content_type.split(";")[0].strip().lower()
            self.key = ("POST", self.content_type, body, media_type)
            self.key_bytes = len(body)
        else:
            self.content_type = ""
            self.key = ("GET", raw_query, media_type)
            self.key_bytes = len(raw_query)


class _Headers:
    """The request headers this endpoint reads, found in one pass over the raw list."""

    __slots__ = ("accept", "content_length", "content_type", "if_none_match")

    def __init__(self, raw: list[tuple[bytes, bytes]]) -> None:
        self.accept = self.content_length = self.if_none_match = None
        self.content_type = ""
        for name, value in raw:
            if name == b"accept":
                self.accept = value.decode("latin-1")
            elif name == b"content-type":
                self.content_type = value.decode("latin-1")
            elif name == b"content-length":
                self.content_length = value.decode("latin-1")
            elif name == b"if-none-match":
                self.if_none_match = value.decode("latin-1")


def _post_operation(body: bytes, content_type: str) -> Operation | list[Any]:
    """The operation a POST body holds, or the payloads of a batch."""
    if content_type == "application/graphql":
        return Operation(decode(body))
    if content_type != JSON:
        raise HTTPException(415, "Send GraphQL as application/json (or application/graphql).")
    if isinstance(payload := parse_json(body), list):
        return payload
    return from_payload(payload)


def _heavy(text: PreparedText) -> bool:
    return text.prepared.cost > INLINE_COST or text.prepared.observed.get(SLOW, 0) >= SLOW_SCORE


def _validator(method: str, headers: "_Headers") -> str | None:
    """The If-None-Match that may turn an answer into a 304: GET's and HEAD's only."""
    return None if method == "POST" else headers.if_none_match


def _refused_status(codes: set[str], media_type: str) -> int:
    """The status of an answer with no data: a request error, or a query stopped by the time budget."""
    if "TIMEOUT" in codes:
        return 503
    if media_type == JSON:
        return 200  # the spec's advice for the legacy type: intermediaries may send 4xx with any body
    return 404 if NOT_FOUND in codes else 400


_METHODS = ("GET", "HEAD", "POST")


def _method_not_allowed(method: str) -> HTTPException:
    allowed = ", ".join(_METHODS)
    message = f"/graphql does not answer {method}; send queries with GET or POST (HEAD gives a GET's headers)."
    return HTTPException(405, message, {"Allow": allowed})


def _not_acceptable() -> HTTPException:
    message = f"This endpoint answers in {GRAPHQL_RESPONSE_JSON} or {JSON}; the Accept header allows neither."
    return HTTPException(406, message)


def _encode(result: ExecutionResult) -> bytes:
    return orjson.dumps(result.formatted)


def _error_codes(result: ExecutionResult) -> set[str]:
    return {(error.extensions or {}).get("code") for error in result.errors or ()}  # type: ignore[misc]


def _failure(error: Exception, method: str, media_type: str | None) -> Answer:
    """The answer to a request that raised `error`: its refusal, or, for a bug of ours, a 500 that
    tells the client nothing about internals (the error is logged). Called while handling `error`."""
    if isinstance(error, HTTPException):
        return refusal(error.status_code, error.detail, media_type or JSON, error.headers)
    log.exception("unexpected error serving %s /graphql", method)
    return refusal(500, "Internal server error", media_type or JSON)

"""Answering one REST request: from the cache, or computed within the time budget; ETag, caching headers, 304.

The data never changes while the service runs, so an answer is a function of the endpoint and its
argument: answers are kept in a bounded cache, and a 200 answer's ETag (a hash of its body) lets
browsers and proxies revalidate it for free. Errors are never stored by them (`no-store`).
"""

import asyncio
import hashlib
import logging
from dataclasses import dataclass
from functools import partial

from pydantic import BaseModel
from starlette.responses import Response

from graphql_api.data.model import ReadModel
from graphql_api.domain.arguments import InvalidArgumentError
from graphql_api.engine.limits import Limits
from graphql_api.engine.lru import LRU
from graphql_api.web.rest.endpoints import Endpoint
from graphql_api.web.rest.models import NotFound, Refused

log = logging.getLogger("graphql_api")

CACHE_CONTROL = "public, max-age=3600"  # of a 200 answer
NO_STORE = "no-store"  # of every other answer
NOSNIFF = {"X-Content-Type-Options": "nosniff"}
JSON = "application/json"
PAST_BUDGET = "The request ran past the time budget of this service; try again later."


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    etag: str

    def response(self, if_none_match: str | None) -> Response:
        if self.status != 200:
            return Response(self.body, self.status, {"Cache-Control": NO_STORE, **NOSNIFF}, JSON)
        headers = {"Cache-Control": CACHE_CONTROL, "ETag": self.etag, **NOSNIFF}
        if matches(if_none_match, self.etag):
            return Response(status_code=304, headers=headers)
        return Response(self.body, 200, headers, JSON)


def answer(status: int, result: BaseModel) -> Answer:
    body = result.model_dump_json().encode()
    return Answer(status, body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


def matches(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match compares weakly (RFC 9110): W/"x" matches "x"; * matches any answer."""
    if if_none_match is None:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class Answering:
    def __init__(self, model: ReadModel, limits: Limits, max_entries: int = 4096, max_bytes: int = 16 << 20) -> None:
        self._model = model
        self._limits = limits
        self._cache: LRU[tuple[str, str], Answer] = LRU(max_entries, max_bytes, weight=lambda kept: len(kept.body))

    async def respond(self, endpoint: Endpoint, value: str, if_none_match: str | None) -> Response:
        key = (endpoint.name, value)
        kept = self._cache.get(key)
        if kept is None:
            kept, cacheable = await self._answer(endpoint, value)
            if cacheable:
                self._cache.put(key, kept)
        return kept.response(if_none_match)

    async def _answer(self, endpoint: Endpoint, value: str) -> tuple[Answer, bool]:
        """The answer, and whether it may be kept: not a failure of the moment, nor a refused huge value."""
        argument, limit = endpoint.argument, self._limits.max_string_length
        if len(value) > limit:
            refused = Refused(mensaje=f"`{argument}` is longer than {limit} characters", argumento=argument)
            return answer(400, refused), False
        compute = partial(endpoint.compute, self._model, value)
        try:
            # In a thread, so that the budget holds however long the work takes: past it, the client is
            # answered and the thread's result dropped. asyncio's executor: anyio's worker threads
            # measured twice its overhead per answer.
            work = asyncio.get_running_loop().run_in_executor(None, compute)
            result = await asyncio.wait_for(work, self._limits.time_budget_seconds)
        except TimeoutError:
            return answer(503, Refused(mensaje=PAST_BUDGET)), False
        except InvalidArgumentError as error:
            message = str(error).replace(f"`{error.argument}`", f"`{argument}`")  # named as in the URL
            refused = Refused(mensaje=message, argumento=argument, valores_aceptados=list(error.accepted))
            return answer(400, refused), True
        except Exception:  # a bug of ours: logged, and the client told nothing about internals
            log.exception("unexpected error answering %s %r", endpoint.name, value[:100])
            return answer(500, Refused(mensaje="Internal server error")), False
        return answer(404 if isinstance(result, NotFound) else 200, result), True

"""Answers of /graphql kept as data: a finished response with its raw headers made once, the
bounded cache of answers by request, and the refusals (a request error's answer, without `data`)."""

from functools import lru_cache
from typing import Any

import orjson

from graphql_api.engine.lru import LRU
from graphql_api.web.caching import etag_matches

ENTRY_OVERHEAD_BYTES = 512  # an answer object, its headers, its key tuple and its place in the LRU
RESPONSE_CACHE_BYTES = 16 << 20
RESPONSE_CACHE_ENTRIES = 4096
NO_STORE = "no-store"
_VARY = (b"vary", b"Accept, Origin")  # two media types and a page by Accept; CORS headers by Origin
_NOSNIFF = (b"x-content-type-options", b"nosniff")


class Answer:
    """A finished response, kept as data, with its raw headers made once: sending it is two messages.

    `cacheable` says whether the response cache may keep it; `cache_control` and `etag` are what
    HTTP caches are told (an answer with an ETag gets 304 when the client has it already). Header
    values common to many answers are shared, so a cached answer costs little beyond its body.
    """

    __slots__ = ("_headers", "body", "cache_control", "cacheable", "etag", "extra_headers", "media_type", "status")

    def __init__(
        self,
        status: int,
        body: bytes,
        media_type: str,
        cacheable: bool = True,
        cache_control: str | None = None,
        etag: str | None = None,
        extra_headers: tuple[tuple[bytes, bytes], ...] = (),
    ) -> None:
        self.status = status
        self.body = body
        self.media_type = media_type
        self.cacheable = cacheable
        self.cache_control = cache_control
        self.etag = etag
        self.extra_headers = extra_headers
        headers = [(b"content-length", str(len(body)).encode()), _content_type(media_type), _VARY, _NOSNIFF]
        if cache_control:
            headers.append(_cache_control(cache_control))
        if etag is not None:
            headers.append((b"etag", etag.encode("latin-1")))
        headers.extend(extra_headers)
        self._headers = headers

    def parts(self, if_none_match: str | None = None) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """Status, headers and body to send: a 304 without a body when the client has this answer."""
        if self.etag is not None and if_none_match is not None and etag_matches(if_none_match, self.etag):
            return 304, self._headers[2:], b""
        return self.status, self._headers, self.body


@lru_cache(maxsize=16)
def _content_type(media_type: str) -> tuple[bytes, bytes]:
    return (b"content-type", f"{media_type}; charset=utf-8".encode("latin-1"))


@lru_cache(maxsize=16)
def _cache_control(value: str) -> tuple[bytes, bytes]:
    return (b"cache-control", value.encode("latin-1"))


class ResponseCache:
    """Answers by request, least recently used out first, bounded in entries and in bytes (keys included)."""

    def __init__(
        self,
        max_entries: int = RESPONSE_CACHE_ENTRIES,
        max_bytes: int = RESPONSE_CACHE_BYTES,
        max_entry_bytes: int = 256 << 10,
    ) -> None:
        self._answers: LRU[Any, tuple[int, Answer]] = LRU(
            max_entries, max_bytes, weight=lambda entry: entry[0] + len(entry[1].body) + ENTRY_OVERHEAD_BYTES
        )
        self._max_entry_bytes = max_entry_bytes

    def get(self, key: Any) -> Answer | None:
        entry = self._answers.get(key)
        return entry[1] if entry is not None else None

    def put(self, key: Any, key_bytes: int, answer: Answer) -> None:
        if key_bytes + len(answer.body) <= self._max_entry_bytes and key not in self._answers:
            # orjson's bytes keep the whole buffer it grew: 4-8 KB behind a 700-byte answer. A copy
            # is its exact size, so the budget counts what the cache really holds.
            answer.body = memoryview(answer.body).tobytes()
            self._answers.put(key, (key_bytes, answer))


def refusal(status: int, message: str, media_type: str, headers: dict[str, str] | None = None) -> Answer:
    """A request refused with `status`: one error with its code, never kept by any cache."""
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": _code(status)}}]})
    extra = tuple((name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in (headers or {}).items())
    return Answer(status, body, media_type, cacheable=False, cache_control=NO_STORE, extra_headers=extra)


def too_large(limit: int, media_type: str) -> Answer:
    """The answer to a query whose answer is larger than `limit` bytes."""
    message = f"The answer is larger than {limit:,} bytes; ask for fewer fields or smaller pages."
    body = orjson.dumps({"errors": [{"message": message, "extensions": {"code": "RESPONSE_TOO_LARGE"}}]})
    return Answer(400, body, media_type, cache_control=NO_STORE)


def _code(status: int) -> str:
    return {
        400: "BAD_REQUEST",
        405: "METHOD_NOT_ALLOWED",
        406: "NOT_ACCEPTABLE",
        408: "REQUEST_TIMEOUT",
        413: "PAYLOAD_TOO_LARGE",
        415: "UNSUPPORTED_MEDIA_TYPE",
        501: "NOT_IMPLEMENTED",
        503: "SERVICE_UNAVAILABLE",
    }.get(status, "INTERNAL_SERVER_ERROR")

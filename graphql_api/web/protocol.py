"""uvicorn's HTTP protocol (httptools) with the limits it lacks.

uvicorn bounds neither the size nor the count of request headers with httptools, never times out a
connection that has not sent a request yet, and keeps every request a client pipelines. Each
connection here gets:
- a cap on connections: beyond it, a new connection is answered 503 and closed at once;
- a deadline for a complete request head (line and headers), from the connection or the last answer;
- a connection idle after an answer is closed after `keep_alive_seconds`, as uvicorn closes it, but by
  the same sweep as the head deadlines (at most a quarter of the time, or a second, late) rather than
  a timer armed and cancelled for every request (1.3 µs a request with uvloop);
- a cap on the head's bytes (414 for a request line alone past it, else 431) and on the count of headers (431);
- a cap on requests pipelined behind the one being answered (the connection is closed beyond it).
Together with the cap on an answer's size, they bound what a connection can make the process hold.

A request whose whole body arrives with its head (nearly all of them) is first offered to `direct`,
the application's synchronous answer (`Service.answer_at_once`); only when that declines does it
become an ASGI task. The task, its scope, receive and send and their messages cost about 23 µs a
request, three times what the event loop, the parser and the system calls cost (30 against 7 µs:
`python -m bench --only ceiling`). A body still on its way, a `100-continue`, a client not reading
its answers (writing paused), and requests beyond the pipelining cap in one read always go to the
application as ASGI.

Each connection's transport coalesces writes (`graphql_api.web.coalescing`): a response's head with
its body, and a turn of the event loop's answers into one write at the end of the turn.
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from starlette.types import ASGIApp
from uvicorn.protocols.http.flow_control import service_unavailable
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol, RequestResponseCycle

from graphql_api.web.body_watch import BODY_COMPLETE
from graphql_api.web.coalescing import CoalescingTransport


@dataclass(frozen=True)
class ConnectionLimits:
    max_connections: int
    request_head_seconds: float
    max_header_bytes: int
    max_headers: int
    max_pipelined: int = 16
    keep_alive_seconds: float = 5.0


Headers = list[tuple[bytes, bytes]]
# (method, path, query string, headers, body) -> (status, headers, body), or None to be asked as ASGI.
DirectAnswer = Callable[[str, str, bytes, Headers, bytes], tuple[int, Headers, bytes] | None]

log = logging.getLogger("graphql_api")


def guarded_protocol(limits: ConnectionLimits, direct: DirectAnswer | None = None) -> type[HttpToolsProtocol]:
    """The protocol class for uvicorn's `http` setting, with `limits`, answering `direct`ly when it can."""
    attributes = {"limits": limits, "direct": staticmethod(direct) if direct is not None else None}
    return type("GuardedHttpToolsProtocol", (GuardedHttpToolsProtocol,), attributes)


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    limits: ClassVar[ConnectionLimits]
    direct: ClassVar[DirectAnswer | None] = None
    # One timer per process checks every connection's head deadline (a timer per request would cost
    # each request arming and cancelling it).
    _sweeper: ClassVar[asyncio.TimerHandle | None] = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.transport = CoalescingTransport(transport, self.loop)  # type: ignore[assignment]
        self._head_bytes = 0
        self._tail = b""
        self._line_done = False
        self._line_bytes = 0
        self._reading_head = True
        self._refused = False
        self._refusal: tuple[int, str] | None = None
        self._head_since = self.loop.time()
        self._answered = False  # idle from then on: closed after keep_alive_seconds, else request_head_seconds
        self._in_message = False
        self._parsed_head_bytes = 0
        self._may_defer = False
        self._direct_left = 0
        # An access log records each request from its ASGI cycle: those requests go that way.
        self._logs_access = self.access_log and self.access_logger.isEnabledFor(logging.INFO)
        self._deferred: tuple[RequestResponseCycle, ASGIApp] | None = None
        self._default_head: tuple[Headers, bytes] | None = None
        if len(self.connections) > self.limits.max_connections:
            self._reject(503, "Too many connections; try again shortly.")
            return
        cls = type(self)
        if cls._sweeper is None:
            cls._sweeper = self.loop.call_later(self._sweep_seconds(), cls._sweep, self.loop, self.connections)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._reading_head:
            self._head_bytes += len(data)  # the head's bytes and maybe a body's: exact when it matters
            if self._head_bytes > self.limits.max_header_bytes and self._head_too_large(data):
                return
        self._direct_left = self.limits.max_pipelined  # bounds what one read can make the loop do at once
        super().data_received(data)
        if self._deferred is not None:  # its body is still on its way: the application reads it as ASGI
            self._start_deferred()
        if self._reading_head and not self._refused and self._in_message:  # a head not complete yet: track its line
            self._tail = data[-3:]
            if not self._line_done:
                line_end = data.find(b"\n")
                self._line_bytes += len(data) if line_end < 0 else line_end
                self._line_done = line_end >= 0

    def _head_too_large(self, data: bytes) -> bool:
        """Whether the head, counted exactly (a body may follow it in `data`), is over the limit; refused if so."""
        before = self._head_bytes - len(data)
        end = (self._tail + data).find(b"\r\n\r\n")
        head_bytes = before + end + 4 - len(self._tail) if end >= 0 else self._head_bytes
        limit = self.limits.max_header_bytes
        if head_bytes <= limit:
            return False
        line_bytes = self._line_bytes
        if not self._line_done:
            line_end = data.find(b"\n")
            line_bytes += len(data) if line_end < 0 else line_end
        if line_bytes <= limit:
            self._reject(431, f"The request head is larger than {limit} bytes.")
        else:
            self._reject(414, f"The request line (its URL) is longer than {limit} bytes.")
        return True

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._reading_head = True
        self._in_message = True
        self._parsed_head_bytes = 0

    # The parsed line and headers are held to the caps as they come too: a head that begins behind
    # another request in the same read has bytes the count by reads cannot tell apart.
    def on_url(self, url: bytes) -> None:
        if self._refused:
            return
        self.url += url
        if len(self.url) > self.limits.max_header_bytes:
            self._reject(414, f"The request line (its URL) is longer than {self.limits.max_header_bytes} bytes.")

    def on_header(self, name: bytes, value: bytes) -> None:
        if self._refused:
            return
        name = name.lower()  # as uvicorn's on_header, which this replaces
        if name == b"expect" and value.lower() == b"100-continue":
            self.expect_100_continue = True
        self.headers.append((name, value))
        self._parsed_head_bytes += len(name) + len(value) + 4
        if len(self.headers) > self.limits.max_headers:
            self._reject(431, f"The request has more than {self.limits.max_headers} headers.")
        elif len(self.url) + self._parsed_head_bytes > self.limits.max_header_bytes:
            self._reject(431, f"The request head is larger than {self.limits.max_header_bytes} bytes.")

    def on_headers_complete(self) -> None:
        if self._refused:
            return
        self._reading_head = False
        self._head_bytes = 0
        self._tail = b""
        self._line_done = False
        self._line_bytes = 0
        self._may_defer = self.direct is not None and not self.expect_100_continue and not self._logs_access
        query = _split_query(self.url) if b"?" in self.url else None
        if query is not None:
            self.url = self.url[: -len(query) - 1]  # uvicorn's URL parser then reads the path alone
        try:
            super().on_headers_complete()
        finally:
            self._may_defer = False
        if query is not None:
            self.scope["query_string"] = query
        if len(self.pipeline) > self.limits.max_pipelined:
            self.transport.close()  # a response may be on its way: no room for one more

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: ASGIApp) -> None:
        if self._may_defer and app is not service_unavailable:
            self._deferred = (cycle, app)  # until its body has arrived, or this read ends without it
            return
        super()._start_asgi_task(cycle, app)

    def _start_deferred(self) -> None:
        cycle, app = self._deferred  # type: ignore[misc]
        self._deferred = None
        super()._start_asgi_task(cycle, app)

    def on_message_complete(self) -> None:
        self._in_message = False
        if self._refused:
            return
        super().on_message_complete()
        self.scope[BODY_COMPLETE] = True  # type: ignore[literal-required]
        deferred = self._deferred is not None and self._deferred[0] is self.cycle
        if deferred and not self._answer_directly(self.cycle):
            self._start_deferred()

    def _answer_directly(self, cycle: RequestResponseCycle) -> bool:
        """Writes the application's direct answer, as `cycle.send` would have; False when there is none."""
        if self.flow.write_paused or not self._direct_left or self.transport.is_closing():
            # Unread answers would pile up: the ASGI path waits for the client. Requests pipelined
            # beyond the cap queue there too, as uvicorn queues them, and close the connection past it.
            return False
        scope = cycle.scope
        method = scope["method"]
        if method not in _DIRECT_METHODS:
            return False
        try:
            answer = self.direct(method, scope["path"], scope["query_string"], scope["headers"], bytes(cycle.body))  # type: ignore[misc]
        except Exception:  # an optimization must never cost an answer
            log.exception("answering %s %s directly failed; answering it as ASGI", method, scope["path"])
            return False
        if answer is None:
            return False
        self._deferred = None
        self._direct_left -= 1
        status, headers, body = answer
        content = [STATUS_LINE[status], self._default_head_bytes()]
        for name, value in headers:
            content += (name, b": ", value, b"\r\n")
        if not cycle.keep_alive:
            content.append(b"connection: close\r\n")
        content += (b"\r\n", body)
        self.transport.write_whole(b"".join(content))  # type: ignore[attr-defined]
        cycle.response_started = cycle.response_complete = True
        cycle.message_event.set()
        if not cycle.keep_alive:
            self.transport.close()
        self.on_response_complete()
        return True

    def _default_head_bytes(self) -> bytes:
        """The server's default headers (its Date changes each second), encoded once per change."""
        defaults = self.server_state.default_headers
        if self._default_head is None or self._default_head[0] is not defaults:
            self._default_head = (defaults, b"".join(name + b": " + value + b"\r\n" for name, value in defaults))
        return self._default_head[1]

    def on_response_complete(self) -> None:
        # uvicorn's (0.54), without arming its keep-alive timer: the sweep closes idle connections.
        self.transport.flush()  # type: ignore[attr-defined]  # an answer without a body write (HEAD, 304)
        self.server_state.total_requests += 1
        self._head_since = self.loop.time()  # the next head's deadline runs from this answer
        self._answered = True
        if not self._in_message:  # a request pipelined behind this answer may be under way already
            self._reading_head = True  # what comes next is a head: its bytes count from the first
        if self.transport.is_closing():
            return
        self.flow.resume_reading()
        if self.pipeline:
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
        elif self._refusal is not None:
            self._reject(*self._refusal)

    @classmethod
    def _sweep_seconds(cls) -> float:
        return min(1.0, min(cls.limits.request_head_seconds, cls.limits.keep_alive_seconds) / 4)

    @classmethod
    def _sweep(cls, loop: asyncio.AbstractEventLoop, connections: set[Any]) -> None:
        """Closes the connections idle for too long, and those whose request head is overdue (408)."""
        cls._sweeper = None
        now = loop.time()
        for connection in list(connections):
            if isinstance(connection, GuardedHttpToolsProtocol) and connection._head_overdue(now):
                connection._head_timed_out()
        if connections:
            cls._sweeper = loop.call_later(cls._sweep_seconds(), cls._sweep, loop, connections)

    def _head_overdue(self, now: float) -> bool:
        waiting = self._reading_head and not self.pipeline and (self.cycle is None or self.cycle.response_complete)
        if not waiting or self.transport.is_closing():
            return False
        idle = self._answered and not self._head_bytes and not self._in_message
        return now - self._head_since > (self.limits.keep_alive_seconds if idle else self.limits.request_head_seconds)

    def _head_timed_out(self) -> None:
        if self._head_bytes or self._in_message:  # part of a head came (maybe behind a request, in its read)
            self._reject(408, "The request head took too long to arrive.")
        else:
            self.transport.close()  # an idle connection: nothing to answer

    def _reject(self, status: int, message: str) -> None:
        """Refuses the request being read and closes the connection, once the requests before it are answered."""
        self._refused = True
        if self.transport.is_closing():
            return
        if self.pipeline or (self.cycle is not None and not self.cycle.response_complete):
            self._refusal = (status, message)  # answers go out in the order of their requests
            return
        body = message.encode()
        self.transport.write(
            b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n%s" % (status, _REASONS[status], len(body), body)
        )
        self.transport.close()


def _split_query(url: bytes) -> bytes | None:
    """The query string of an origin-form URL that has one (`url` holds a `?`), split off as uvicorn's
    URL parser splits it: that parser takes about 1 µs for a URL carrying a persisted query's hash and
    variables, against 0.15 µs for the path alone. None for a URL with a fragment or with a byte the
    parser refuses (it allows `!` to `~`): the parser then reads the whole URL, as before."""
    if url[:1] != b"/" or url.translate(None, _URL_BYTES):
        return None
    return url.partition(b"?")[2]


_URL_BYTES = bytes(range(0x21, 0x7F)).replace(b"#", b"")


_DIRECT_METHODS = frozenset({"GET", "POST"})  # HEAD's answer has no body: uvicorn's send handles it
_REASONS: dict[int, bytes] = {
    408: b"Request Timeout",
    414: b"URI Too Long",
    431: b"Request Header Fields Too Large",
    503: b"Service Unavailable",
}

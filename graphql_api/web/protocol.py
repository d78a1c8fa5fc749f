"""uvicorn's HTTP protocol (httptools) with the limits it lacks.

uvicorn bounds neither the size nor the count of request headers with httptools, never times out a
connection that has not sent a request yet, and keeps every request a client pipelines. Each
connection here gets:
- a cap on connections: beyond it, a new connection is answered 503 and closed at once;
- a deadline for a complete request head (line and headers), from the connection or the last answer;
- a cap on the head's bytes (414 for a request line alone past it, else 431) and on the count of headers (431);
- a cap on requests pipelined behind the one being answered (the connection is closed beyond it).
Together with the cap on an answer's size, they bound what a connection can make the process hold.
"""

import asyncio
from dataclasses import dataclass
from typing import ClassVar

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


@dataclass(frozen=True)
class ConnectionLimits:
    max_connections: int
    request_head_seconds: float
    max_header_bytes: int
    max_headers: int
    max_pipelined: int = 16


def guarded_protocol(limits: ConnectionLimits) -> type[HttpToolsProtocol]:
    """The protocol class for uvicorn's `http` setting, with `limits`."""
    return type("GuardedHttpToolsProtocol", (GuardedHttpToolsProtocol,), {"limits": limits})


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    limits: ClassVar[ConnectionLimits]

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._tail = b""
        self._line_done = False
        self._line_bytes = 0
        self._reading_head = True
        self._refused = False
        self._head_timer: asyncio.TimerHandle | None = None
        if len(self.connections) > self.limits.max_connections:
            self._reject(503, "Too many connections; try again shortly.")
            return
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._reading_head:
            # Count the head's bytes only: the chunk that ends it may also hold a body.
            window = self._tail + data
            end = window.find(b"\r\n\r\n")
            self._head_bytes += end + 4 - len(self._tail) if end >= 0 else len(data)
            self._tail = window[-3:]
            if not self._line_done:
                line_end = data.find(b"\n")
                self._line_bytes += len(data) if line_end < 0 else line_end
                self._line_done = line_end >= 0
            if self._head_bytes > self.limits.max_header_bytes:
                limit = self.limits.max_header_bytes
                if self._line_bytes <= limit:
                    self._reject(431, f"The request head is larger than {limit} bytes.")
                else:
                    self._reject(414, f"The request line (its URL) is longer than {limit} bytes.")
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._reading_head = True

    def on_header(self, name: bytes, value: bytes) -> None:
        if self._refused:
            return
        if len(self.headers) >= self.limits.max_headers:
            self._reject(431, f"The request has more than {self.limits.max_headers} headers.")
            return
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        if self._refused:
            return
        self._reading_head = False
        self._head_bytes = 0
        self._tail = b""
        self._line_done = False
        self._line_bytes = 0
        self._cancel_head_timer()
        super().on_headers_complete()
        if len(self.pipeline) > self.limits.max_pipelined:
            self.transport.close()  # a response may be on its way: no room for one more

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self._refused:
            super().on_message_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and not self.pipeline:
            self._arm_head_timer()

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self.limits.request_head_seconds, self._head_timed_out)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        if self._reading_head and not self.transport.is_closing():
            if self._head_bytes:
                self._reject(408, "The request head took too long to arrive.")
            else:
                self.transport.close()  # an idle connection: nothing to answer

    def _reject(self, status: int, message: str) -> None:
        self._refused = True
        if self.transport.is_closing():
            return
        body = message.encode()
        self.transport.write(
            b"HTTP/1.1 %d %s\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: %d\r\n"
            b"connection: close\r\n\r\n%s" % (status, _REASONS[status], len(body), body)
        )
        self.transport.close()


_REASONS: dict[int, bytes] = {
    408: b"Request Timeout",
    414: b"URI Too Long",
    431: b"Request Header Fields Too Large",
    503: b"Service Unavailable",
}

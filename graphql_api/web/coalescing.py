"""A connection's transport that coalesces what the server writes into as few system calls as it can.

- uvicorn writes a response's head and its body apart, two system calls where one would do: the
  head is held back until the body (or the end of the response) comes, and both go out at once.
- Everything written to a connection during one turn of the event loop goes out in one write at
  the end of that turn, once the loop has read and answered every connection with a request ready.
  Answers to requests pipelined in one read then leave in one system call. A client waiting on
  several connections is woken once for a turn's answers rather than once per answer while the
  server computes the next: on loopback, where waking the client is part of the server's write,
  that halves the kernel's time per request for answers that take tens of microseconds to compute
  (`python -m bench.versus` against the commit before). Over a network the client's wakeup is not
  the server's cost, so the gain there is the system calls saved.

An answer waits for the end of the turn that wrote it, not longer: the loop runs what `call_soon`
scheduled before it next waits for the network. A turn's writes to one connection past
`MAX_PENDING_BYTES` go out at once, so flow control (the transport pausing the protocol) sees a
large answer as it is written.
"""

import asyncio
from typing import Any

MAX_PENDING_BYTES = 64 << 10  # uvloop's and asyncio's default high-water mark for a transport's buffer


class CoalescingTransport:
    """Wraps a connection's transport; everything a transport does besides writing goes to it."""

    __slots__ = ("_held", "_loop", "_pending", "_pending_bytes", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None  # a response's head, waiting for its body
        self._pending: list[bytes] | None = None  # this turn's writes; a write is scheduled while not None
        self._pending_bytes = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._transport.is_closing():
            return  # closed meanwhile (past the pipelining cap, say): nobody reads it, and uvloop would raise
        if self._held is not None:
            held, self._held = self._held, None
            self._queue(held + bytes(data))
        elif data[:9] == b"HTTP/1.1 " and data[9:13] != b"100 ":  # a head, not "100 Continue"
            self._held = bytes(data)
        else:
            self._queue(bytes(data))

    def write_whole(self, data: bytes) -> None:
        """Writes a whole response, head and body."""
        self.flush()
        self._queue(data)

    def flush(self) -> None:
        """The end of a response: a head still held goes out (with this turn's other writes)."""
        if self._held is not None:
            held, self._held = self._held, None
            self._queue(held)

    def close(self) -> None:
        self.flush()
        self._write_pending()
        self._transport.close()

    def is_closing(self) -> bool:
        return self._transport.is_closing()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)

    def _queue(self, data: bytes) -> None:
        if self._pending is None:
            self._pending = [data]
            self._pending_bytes = len(data)
            self._loop.call_soon(self._write_pending)
        else:
            self._pending.append(data)
            self._pending_bytes += len(data)
        if self._pending_bytes > MAX_PENDING_BYTES:
            self._write_pending()

    def _write_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None or self._transport.is_closing():
            return
        self._transport.write(pending[0] if len(pending) == 1 else b"".join(pending))

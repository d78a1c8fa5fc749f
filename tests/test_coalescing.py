"""What the server writes to a connection is coalesced: a response's head goes out with its body, and
everything written during one turn of the event loop goes out in one write at the end of the turn;
nothing is held back past the turn, a close, or the cap on what a turn may hold."""

import asyncio
import socket
from collections.abc import Callable

import pytest

from graphql_api.web.coalescing import MAX_PENDING_BYTES, CoalescingTransport
from tests.live_server import live_server
from tests.test_hardening import raw_exchange

HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"


class _Recorder:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        assert not self.closed, "written after close"
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str) -> str:
        return f"info {name}"


class _Loop:
    """An event loop's turn, by hand: what `call_soon` schedules runs when the test ends the turn."""

    def __init__(self) -> None:
        self.scheduled: list[Callable[[], None]] = []

    def call_soon(self, callback: Callable[[], None]) -> None:
        self.scheduled.append(callback)

    def end_turn(self) -> None:
        scheduled, self.scheduled = self.scheduled, []
        for callback in scheduled:
            callback()


def _transport() -> tuple[CoalescingTransport, _Recorder, _Loop]:
    recorder, loop = _Recorder(), _Loop()
    return CoalescingTransport(recorder, loop), recorder, loop  # type: ignore[arg-type]


def test_a_head_and_its_body_go_out_in_one_write_at_the_end_of_the_turn():
    transport, recorder, loop = _transport()
    transport.write(HEAD)
    transport.write(b"{}")
    assert recorder.writes == []
    loop.end_turn()
    assert recorder.writes == [HEAD + b"{}"]
    loop.end_turn()
    assert recorder.writes == [HEAD + b"{}"]


def test_a_turns_answers_go_out_in_one_write_in_the_order_they_were_written():
    transport, recorder, loop = _transport()
    transport.write_whole(HEAD + b"{}")
    transport.write(HEAD)
    transport.write(b"[]")
    transport.write_whole(HEAD + b"{1}")
    assert len(loop.scheduled) == 1  # one write scheduled for the turn, whatever was written in it
    loop.end_turn()
    assert recorder.writes == [HEAD + b"{}" + HEAD + b"[]" + HEAD + b"{1}"]
    transport.write_whole(HEAD + b"{2}")
    loop.end_turn()
    assert recorder.writes[1:] == [HEAD + b"{2}"]


def test_a_head_without_a_body_goes_out_at_the_end_of_the_response_or_at_close():
    transport, recorder, loop = _transport()
    transport.write(HEAD)
    transport.flush()
    loop.end_turn()
    assert recorder.writes == [HEAD]
    transport.write(HEAD)
    transport.close()  # at once, before the transport closes: not at the end of the turn
    assert recorder.writes == [HEAD, HEAD]
    assert recorder.closed
    loop.end_turn()  # the turn's scheduled write finds nothing left, and writes nothing to a closed transport
    assert recorder.writes == [HEAD, HEAD]


def test_a_close_writes_the_turns_answers_before_closing():
    transport, recorder, loop = _transport()
    transport.write_whole(HEAD + b"{}")
    transport.write(b"HTTP/1.1 503 Service Unavailable\r\n\r\n")
    transport.close()
    assert recorder.writes == [HEAD + b"{}" + b"HTTP/1.1 503 Service Unavailable\r\n\r\n"]
    transport.write_whole(HEAD + b"{}")  # after the close: dropped, as nobody reads it
    loop.end_turn()
    assert len(recorder.writes) == 1


def test_a_turns_writes_past_the_cap_go_out_at_once():
    transport, recorder, loop = _transport()
    chunk = b"x" * (MAX_PENDING_BYTES // 2)
    transport.write_whole(HEAD + chunk)
    assert recorder.writes == []
    transport.write(chunk)
    assert recorder.writes == [HEAD + chunk + chunk]  # flow control sees a large answer as it is written
    transport.write(b"tail")
    loop.end_turn()
    assert recorder.writes == [HEAD + chunk + chunk, b"tail"]


def test_continue_and_body_chunks_are_not_held_past_the_turn():
    transport, recorder, loop = _transport()
    transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    loop.end_turn()
    transport.write(b"5\r\nhello\r\n")
    loop.end_turn()
    assert recorder.writes == [b"HTTP/1.1 100 Continue\r\n\r\n", b"5\r\nhello\r\n"]
    assert transport.get_extra_info("peername") == "info peername"


def test_on_a_real_event_loop_the_write_comes_before_the_loop_waits_again():
    async def main() -> list[bytes]:
        transport = CoalescingTransport(recorder, asyncio.get_running_loop())  # type: ignore[arg-type]
        transport.write_whole(HEAD + b"{}")
        await asyncio.sleep(0)
        return list(recorder.writes)

    recorder = _Recorder()
    assert asyncio.run(main()) == [HEAD + b"{}"]


@pytest.fixture(scope="module")
def server(api_data_dir):
    with live_server(api_data_dir) as port:
        yield port


def test_answers_arrive_whole_over_a_real_connection(server):
    head = b"HEAD /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    answer = raw_exchange(server, head)
    assert answer.startswith(b"HTTP/1.1 200 ")
    assert answer.endswith(b"\r\n\r\n")  # the head alone, written when the response ended
    body = b'{"query":"{ __typename }"}'
    post = b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
    with socket.create_connection(("127.0.0.1", server), timeout=5) as connection:
        for _ in range(3):  # keep-alive: every answer complete, one after another
            connection.sendall(post % (len(body), body))
            received = b""
            while not received.endswith(b'"Query"}}'):
                received += connection.recv(65536)
            assert received.startswith(b"HTTP/1.1 200 ")

"""A response's head is written together with its body: one write (one system call) instead of two,
and nothing held back once the response ends, the connection closes, or the write is not a head."""

import socket

import pytest

from graphql_api.web.protocol import HeadHoldingTransport
from tests.live_server import live_server
from tests.test_hardening import raw_exchange

HEAD = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n"


class _Recorder:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def close(self) -> None:
        self.closed = True

    def is_closing(self) -> bool:
        return self.closed

    def get_extra_info(self, name: str) -> str:
        return f"info {name}"


def test_a_head_and_its_body_go_out_in_one_write():
    recorder = _Recorder()
    transport = HeadHoldingTransport(recorder)  # type: ignore[arg-type]
    transport.write(HEAD)
    assert recorder.writes == []
    transport.write(b"{}")
    assert recorder.writes == [HEAD + b"{}"]


def test_a_head_without_a_body_goes_out_at_the_end_of_the_response_or_at_close():
    recorder = _Recorder()
    transport = HeadHoldingTransport(recorder)  # type: ignore[arg-type]
    transport.write(HEAD)
    transport.flush()
    assert recorder.writes == [HEAD]
    transport.write(HEAD)
    transport.close()
    assert recorder.writes == [HEAD, HEAD]
    assert recorder.closed


def test_continue_and_body_chunks_are_not_held():
    recorder = _Recorder()
    transport = HeadHoldingTransport(recorder)  # type: ignore[arg-type]
    transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")
    transport.write(b"5\r\nhello\r\n")
    assert recorder.writes == [b"HTTP/1.1 100 Continue\r\n\r\n", b"5\r\nhello\r\n"]
    assert transport.get_extra_info("peername") == "info peername"


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

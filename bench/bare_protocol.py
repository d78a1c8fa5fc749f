"""The floor under the raw ASGI app: uvloop and httptools answering fixed bytes, with no ASGI at all.

`python -m bench.bare_protocol --data-dir IGNORED --port P`: the event loop, the parser and the
system calls the service cannot do without, so `bench.ceiling` can show what uvicorn's ASGI layer
(a task, a scope, receive and send messages per request) adds on top of them.
"""

import argparse
import asyncio
from pathlib import Path

import httptools
import uvloop

from bench.raw_asgi import BODY

RESPONSE = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n" % len(BODY)) + BODY


class FixedAnswer(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport: asyncio.Transport = transport  # type: ignore[assignment]
        self.parser = httptools.HttpRequestParser(self)

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            self.transport.close()

    def on_message_complete(self) -> None:
        self.transport.write(RESPONSE)


async def serve(port: int) -> None:
    server = await asyncio.get_running_loop().create_server(FixedAnswer, "127.0.0.1", port)
    await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)  # accepted so `bench.measure.serving` can start it
    parser.add_argument("--port", type=int, required=True)
    uvloop.run(serve(parser.parse_args().port))


if __name__ == "__main__":
    main()

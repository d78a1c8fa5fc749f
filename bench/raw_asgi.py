"""The limit of this server stack: a raw ASGI app on uvicorn that reads the body and answers fixed bytes.

`python -m bench.raw_asgi --data-dir IGNORED --port P` serves it with the same uvicorn settings as
the service (httptools, uvloop, one process), so `bench.ceiling` can measure both in one run.
"""

import argparse
from pathlib import Path

import uvicorn
from starlette.types import Message, Receive, Scope, Send

BODY = b'{"data":{"titleScore":{"message":"La pel\xc3\xadcula fue estrenada"}}}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    if scope["type"] != "http":
        return
    message: Message = {"more_body": True}
    while message.get("more_body", False):
        message = await receive()
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)  # accepted so `bench.measure.serving` can start it
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False, lifespan="off")


if __name__ == "__main__":
    main()

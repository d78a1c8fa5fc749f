"""Starlette's CORS middleware, naming each header in `Vary` once.

Answers of /graphql already vary by Origin (the direct path in `app.Service` skips this middleware
and says so itself); Starlette's middleware appends Origin again.
"""

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Message, Send


class CORS(CORSMiddleware):
    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        async def once_each(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "vary" in headers:
                    headers["vary"] = ", ".join(dict.fromkeys(name.strip() for name in headers["vary"].split(",")))
            await send(message)

        await super().send(message, once_each, request_headers)

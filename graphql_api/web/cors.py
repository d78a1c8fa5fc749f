"""Starlette's CORS middleware, naming each header in `Vary` once, and what is allowed when it refuses.

Answers of /graphql already vary by Origin (the direct path in `app.Service` skips this middleware
and says so itself); Starlette's middleware appends Origin again. A refused preflight says only
"Disallowed CORS method"; here it also names the origins, methods or headers that are allowed.
"""

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import PlainTextResponse, Response
from starlette.types import Message, Send

_REFUSED = "Disallowed CORS "


class CORS(CORSMiddleware):
    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        text = bytes(response.body).decode()
        if response.status_code != 400 or not text.startswith(_REFUSED):
            return response
        allowed = {
            "origin": "origins " + ("any" if self.allow_all_origins else ", ".join(self.allow_origins)),
            "method": "methods " + ", ".join(self.allow_methods),
            "headers": "headers " + ", ".join(sorted(self.allow_headers)),
            "private-network": "no private-network access",
        }
        refused = text.removeprefix(_REFUSED).split(", ")
        detail = f"{text}. Allowed: " + "; ".join(allowed.get(name, name) for name in refused) + "."
        kept = {
            name: value for name, value in response.headers.items() if name not in ("content-length", "content-type")
        }
        return PlainTextResponse(detail, status_code=400, headers=kept)

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        async def once_each(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if "vary" in headers:
                    headers["vary"] = ", ".join(dict.fromkeys(name.strip() for name in headers["vary"].split(",")))
            await send(message)

        await super().send(message, once_each, request_headers)

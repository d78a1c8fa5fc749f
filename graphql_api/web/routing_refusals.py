"""Refusals of requests no route takes, naming what is accepted: a 404 lists the paths the service
serves, a 405 the methods the path answers (beside its `Allow` header).

FastAPI's own answers, `{"detail": "Not Found"}` and `{"detail": "Method Not Allowed"}`, leave a
client guessing. Every other HTTP error keeps FastAPI's handling.
"""

import re

from fastapi import FastAPI
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

_CONVERTER = re.compile(r"\{(\w+):\w+\}")  # "{titulo:path}" -> "{titulo}"


def add_routing_refusals(app: FastAPI) -> None:
    """Installs the refusals; call it once every route is added (the paths are listed then)."""
    paths = served_paths(app)

    async def refuse(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        path, method = request.url.path, request.method
        if error.status_code == 404 and "endpoint" not in request.scope:  # no route matched, not a route's own 404
            return JSONResponse({"detail": f"Nothing is served at {path}.", "paths": paths}, 404)
        if error.status_code == 405 and error.headers and "Allow" in error.headers:
            allowed = [name.strip() for name in error.headers["Allow"].split(",")]
            detail = f"{path} does not answer {method}; it answers {', '.join(allowed)}."
            return JSONResponse({"detail": detail, "allowed_methods": allowed}, 405, headers=error.headers)
        return await http_exception_handler(request, error)

    app.add_exception_handler(HTTPException, refuse)


def served_paths(app: FastAPI) -> list[str]:
    """The paths of the service's routes, as a client writes them (`/score_titulo/{titulo}`), in
    route order; the routes of files (vendored assets, the demo app's scripts) are left out."""
    paths: list[str] = []
    for route in app.routes:
        if not isinstance(route, Route) or _serves_files(route.path):
            continue
        path = _CONVERTER.sub(r"{\1}", route.path)
        if path not in paths:
            paths.append(path)
    return paths


def _serves_files(path: str) -> bool:
    return path.endswith("{path:path}")

"""The files the docs pages load, served from assets/vendor/ at the URLs `api_docs` names, read once at start.

Their URLs carry the package's version, so the file at a URL never changes and browsers may keep it.
"""

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response

from graphql_api.web.api_docs import ASSET_URLS

ASSETS_DIR = Path(__file__).parent / "assets"
CACHE_FOREVER = "public, max-age=31536000, immutable"
CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png"}


def add_docs_assets(app: FastAPI) -> None:
    for url in ASSET_URLS:
        app.add_route(url, _serve(ASSETS_DIR / url.removeprefix("/assets/")), methods=["GET"], include_in_schema=False)


def _serve(path: Path) -> Callable[[Request], Awaitable[Response]]:
    body = path.read_bytes()
    headers = {
        "Content-Type": CONTENT_TYPES[path.suffix],
        "Cache-Control": CACHE_FOREVER,
        "X-Content-Type-Options": "nosniff",
    }

    async def asset(_request: Request) -> Response:
        return Response(body, headers=headers)

    return asset

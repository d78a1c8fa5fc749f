"""The vendored browser files under /assets/vendor/...: read once into memory, cached by browsers for good.

Their URLs carry the package's version, so a file at a URL never changes: browsers may keep it a year
without asking again. Only files found at start are served; any other path is a 404, so no path a
client sends can reach outside the folder.
"""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graphql_api.web.caching import etag_matches
from graphql_api.web.vendor import ASSETS_DIR, ASSETS_URL, VENDOR_DIR

ROUTE = ASSETS_URL + "/{path:path}"
CACHE_FOREVER = "public, max-age=31536000, immutable"
TEXT = "text/plain; charset=utf-8"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".txt": TEXT,
    "": TEXT,  # LICENSE, NOTICE
}


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str
    etag: str


def etag_of(body: bytes) -> str:
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def read_asset(path: Path) -> Asset:
    body = path.read_bytes()
    return Asset(body, CONTENT_TYPES.get(path.suffix, "application/octet-stream"), etag_of(body))


def not_found(path: str, where: str = "") -> Response:
    """The 404 of a file that is not served, naming the path asked for (and `where` the files are)."""
    message = f"No file is served at {path}.{' ' + where if where else ''}"
    return PlainTextResponse(message, status_code=404, headers={"X-Content-Type-Options": "nosniff"})


def load(directory: Path, base: Path) -> dict[str, Asset]:
    """Every regular file in directory, at any depth, by its path from base; links and dot-files left out."""
    return {
        path.relative_to(base).as_posix(): read_asset(path)
        for path in sorted(directory.rglob("*"))
        if path.is_file() and not path.is_symlink() and not path.name.startswith(".")
    }


class StaticAssets:
    def __init__(self, assets: dict[str, Asset]) -> None:
        self.assets = assets

    async def handle(self, request: Request) -> Response:
        asset = self.assets.get(request.path_params["path"])
        if asset is None:
            return not_found(request.url.path)
        headers = {"Cache-Control": CACHE_FOREVER, "ETag": asset.etag, "X-Content-Type-Options": "nosniff"}
        if etag_matches(request.headers.get("if-none-match"), asset.etag):
            return Response(status_code=304, headers=headers)
        headers["Content-Type"] = asset.content_type
        if request.method == "HEAD":
            return Response(headers={**headers, "Content-Length": str(len(asset.body))})
        return Response(asset.body, headers=headers)


@cache
def vendored_assets() -> StaticAssets:
    """The files of assets/vendor/, read once per process."""
    return StaticAssets(load(VENDOR_DIR, ASSETS_DIR))

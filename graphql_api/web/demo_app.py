"""The demo app: a single page at / whose scripts and stylesheet are served under /app/<version>/...

The files live in app_static/, no build step. Their URLs carry a version, a hash of all of them, so a
file at a URL never changes and browsers keep it a year (as the vendored assets); the page at / names
the current version and is revalidated on every visit (its ETag gives a 304). A Content-Security-Policy
keeps the page from loading anything from anywhere but this service.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path
from string import Template

from starlette.requests import Request
from starlette.responses import Response

from graphql_api.web import static
from graphql_api.web.caching import etag_matches

APP_DIR = Path(__file__).parent / "app_static"
APP_URL = "/app"
ROUTE = APP_URL + "/{version}/{path:path}"
INDEX = "index.html"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
REVALIDATE = "no-cache"


@dataclass(frozen=True)
class DemoApp:
    version: str
    page: static.Asset  # index.html, naming the files of this version
    files: static.StaticAssets

    async def index(self, request: Request) -> Response:
        headers = {
            "Cache-Control": REVALIDATE,
            "ETag": self.page.etag,
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options": "nosniff",
        }
        if etag_matches(request.headers.get("if-none-match"), self.page.etag):
            return Response(status_code=304, headers=headers)
        headers["Content-Type"] = self.page.content_type
        if request.method == "HEAD":
            return Response(headers={**headers, "Content-Length": str(len(self.page.body))})
        return Response(self.page.body, headers=headers)

    async def asset(self, request: Request) -> Response:
        if request.path_params["version"] != self.version:
            return static.not_found(request.url.path, f"The demo app's files are under /app/{self.version}/.")
        return await self.files.handle(request)


def demo_app(directory: Path = APP_DIR) -> DemoApp:
    """The app's files, read once; their version is a hash of every one of them."""
    files = static.load(directory, directory)
    template = files.pop(INDEX)
    digest = hashlib.sha256()
    for path, asset in sorted(files.items()):
        digest.update(f"{path}\0{len(asset.body)}\0".encode())
        digest.update(asset.body)
    version = digest.hexdigest()[:16]
    page = Template(template.body.decode()).substitute(base=f"{APP_URL}/{version}").encode()
    return DemoApp(version, static.Asset(page, template.content_type, static.etag_of(page)), static.StaticAssets(files))

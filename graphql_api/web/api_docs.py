"""The API's documentation pages: Swagger UI at /docs and ReDoc at /redoc, loading only the service's files.

FastAPI's own pages load their scripts from a CDN (and ReDoc's page Google's fonts); these load the
vendored files at the URLs below (served by `static`), so the docs work offline.
"""

from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.requests import Request
from starlette.responses import HTMLResponse

from graphql_api.web.vendor import REDOC, SWAGGER_UI

OPENAPI_URL = "/openapi.json"
SWAGGER_JS = SWAGGER_UI.url("swagger-ui-bundle.js")
SWAGGER_CSS = SWAGGER_UI.url("swagger-ui.css")
FAVICON = SWAGGER_UI.url("favicon-32x32.png")
REDOC_JS = REDOC.url("bundles/redoc.standalone.js")
ASSET_URLS = (SWAGGER_JS, SWAGGER_CSS, FAVICON, REDOC_JS)
# The browser loads nothing from elsewhere, even when a bundle asks (ReDoc's sidebar logo is on its CDN).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:"
)

_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff"}


def add_docs_pages(app: FastAPI) -> None:
    swagger = get_swagger_ui_html(
        openapi_url=OPENAPI_URL,
        title=f"{app.title}: Swagger UI",
        swagger_js_url=SWAGGER_JS,
        swagger_css_url=SWAGGER_CSS,
        swagger_favicon_url=FAVICON,
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from the online validator
    )
    redoc = get_redoc_html(
        openapi_url=OPENAPI_URL,
        title=f"{app.title}: ReDoc",
        redoc_js_url=REDOC_JS,
        redoc_favicon_url=FAVICON,
        with_google_fonts=False,
    )
    app.add_route("/docs", _page(swagger.body), methods=["GET"], include_in_schema=False)
    app.add_route("/redoc", _page(redoc.body), methods=["GET"], include_in_schema=False)


def _page(html: bytes) -> Callable[[Request], Awaitable[HTMLResponse]]:
    async def page(_request: Request) -> HTMLResponse:
        return HTMLResponse(html, headers=_HEADERS)

    return page

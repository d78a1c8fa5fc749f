"""Swagger UI and ReDoc from /assets: the bundles load, and FastAPI's pages built on them render with no network."""

import json

import pytest
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

from graphql_api.web.vendor import REDOC, SWAGGER_UI

SWAGGER_JS = SWAGGER_UI.url("swagger-ui-bundle.js")
SWAGGER_CSS = SWAGGER_UI.url("swagger-ui.css")
REDOC_JS = REDOC.url("bundles/redoc.standalone.js")
FAVICON = SWAGGER_UI.url("favicon-32x32.png")
# ReDoc 2 always shows this logo in its sidebar; offline the image fails and ReDoc hides it.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"

TITLE = "Docs check"
OPENAPI_URL = "/docs-check.json"
OPENAPI = {
    "openapi": "3.1.0",
    "info": {"title": TITLE, "version": "1"},
    "paths": {"/healthz": {"get": {"summary": "Service health", "responses": {"200": {"description": "OK"}}}}},
}


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        (SWAGGER_JS, "text/javascript; charset=utf-8"),
        (REDOC_JS, "text/javascript; charset=utf-8"),
        (SWAGGER_CSS, "text/css; charset=utf-8"),
    ],
)
def test_bundle_loads_in_the_browser(live_api, offline_page, outside_requests, url, content_type):
    response = offline_page.goto(f"http://127.0.0.1:{live_api}{url}")
    assert response.status == 200
    assert response.headers["content-type"] == content_type
    assert outside_requests == []


def open_docs(page, port: int, docs: HTMLResponse) -> None:
    """Show a docs page at a made-up URL on the service's origin, its OpenAPI document made up beside it."""
    origin = f"http://127.0.0.1:{port}"
    page.route(f"{origin}/docs-check", lambda route: route.fulfill(body=docs.body, content_type="text/html"))
    page.route(
        f"{origin}{OPENAPI_URL}", lambda route: route.fulfill(body=json.dumps(OPENAPI), content_type="application/json")
    )
    page.goto(f"{origin}/docs-check")


def test_swagger_ui_renders_offline(live_api, offline_page, outside_requests):
    docs = get_swagger_ui_html(
        openapi_url=OPENAPI_URL,
        title=TITLE,
        swagger_js_url=SWAGGER_JS,
        swagger_css_url=SWAGGER_CSS,
        swagger_favicon_url=FAVICON,
    )
    open_docs(offline_page, live_api, docs)
    offline_page.locator(".swagger-ui .info .title", has_text=TITLE).wait_for(timeout=20_000)
    assert "Service health" in offline_page.locator(".swagger-ui").inner_text()
    assert outside_requests == []


def test_redoc_renders_offline(live_api, offline_page, outside_requests):
    docs = get_redoc_html(
        openapi_url=OPENAPI_URL, title=TITLE, redoc_js_url=REDOC_JS, redoc_favicon_url=FAVICON, with_google_fonts=False
    )
    with offline_page.expect_event("requestfailed", lambda request: request.url == REDOC_LOGO, timeout=20_000):
        open_docs(offline_page, live_api, docs)
        offline_page.locator("h1", has_text=TITLE).wait_for(timeout=20_000)
    assert "Service health" in offline_page.locator("body").inner_text()
    assert outside_requests == [REDOC_LOGO]
    outside_requests.clear()

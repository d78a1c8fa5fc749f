"""Debian's Chromium, driven by Playwright, with the network cut off: only this machine's addresses answer.

`offline_page` aborts every request to any other host, records it, and fails the test if there was one.
Where /usr/bin/chromium or the playwright package is missing, the tests that use these fixtures skip.
"""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
VIEWPORT = {"width": 1920, "height": 1080}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def outside_requests() -> list[str]:
    """URLs off this machine that the page asked for (and did not get)."""
    return []


@pytest.fixture
def offline_page(browser, outside_requests: list[str]) -> Iterator:
    context = browser.new_context(viewport=VIEWPORT)

    def record(url: str) -> None:
        if url not in outside_requests:
            outside_requests.append(url)

    def route(route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            record(route.request.url)
            route.abort()

    def refuse_socket(socket) -> None:
        record(socket.url)
        socket.close()

    def seen(request) -> None:  # also what no route sees, a service worker's requests say
        if not is_local(request.url):
            record(request.url)

    context.route("**/*", route)
    context.route_web_socket(lambda url: not is_local(url), refuse_socket)
    context.on("request", seen)
    page = context.new_page()
    yield page
    context.close()
    assert not outside_requests, f"the page tried to reach other hosts: {outside_requests}"

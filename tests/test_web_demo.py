"""The demo app at /: only this service's files, cached as the vendored assets are; and, in a real browser with
no network, a user types a title, picks a completion, opens the film and a person, likes the film and sees
recommendations.

The browser test's screenshots go to its tmp_path, or to $SCREENSHOT_DIR when set; the README's pictures are
made with SCREENSHOT_DIR=docs/screenshots.
"""

import os
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.demo_app import APP_DIR, CONTENT_SECURITY_POLICY, demo_app
from tests.live_server import live_server
from tests.test_web_graphiql import links

SCREEN = {"width": 1280, "height": 860}


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir))) as test_client:
        yield test_client


def test_the_page_loads_only_versioned_files_of_this_service(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["cache-control"] == "no-cache"
    loaded = [url for tag, url in links(response.text) if tag in ("link", "script") and url != "data:,"]
    version = demo_app().version
    assert sorted(loaded) == [f"/app/{version}/app.css", f"/app/{version}/js/main.js"]
    for url in loaded:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert asset.headers["etag"]


def test_every_module_imports_only_modules_of_the_app(client):
    version = demo_app().version
    scripts = sorted(APP_DIR.rglob("*.js"))
    assert len(scripts) >= 8
    for script in scripts:
        text = script.read_text(encoding="utf-8")
        assert not re.search("https?://", text), script
        for imported in re.findall(r'^import .* from "([^"]+)";$', text, re.MULTILINE):
            assert imported.startswith("."), (script, imported)
            target = (script.parent / imported).resolve()
            assert target.is_file(), (script, imported)
            url = f"/app/{version}/{target.relative_to(APP_DIR.resolve()).as_posix()}"
            assert client.get(url).headers["content-type"] == "text/javascript; charset=utf-8"


def test_the_page_is_revalidated_and_other_versions_are_not_found(client):
    etag = client.get("/").headers["etag"]
    assert client.get("/", headers={"If-None-Match": etag}).status_code == 304
    assert client.head("/").headers["content-length"] == str(len(client.get("/").content))
    old = client.get("/app/0123456789abcdef/app.css")
    assert old.status_code == 404
    assert old.text == (
        f"No file is served at /app/0123456789abcdef/app.css. The demo app's files are under /app/{demo_app().version}/."
    )
    assert client.get(f"/app/{demo_app().version}/nothing.js").status_code == 404
    assert client.get(f"/app/{demo_app().version}/index.html").status_code == 404  # only at /


def test_the_version_changes_with_any_file(tmp_path):
    for name, text in (("index.html", '<link href="$base/a.css">'), ("a.css", "a {}")):
        (tmp_path / name).write_text(text)
    before = demo_app(tmp_path)
    assert before.page.body == f'<link href="/app/{before.version}/a.css">'.encode()
    (tmp_path / "a.css").write_text("a { color: red }")
    assert demo_app(tmp_path).version != before.version


@pytest.fixture(scope="module")
def sample_api(sample_output):
    with live_server(sample_output) as port:
        yield f"http://127.0.0.1:{port}"


def shoot(page, tmp_path: Path, name: str) -> None:
    page.wait_for_load_state("networkidle")
    screenshot = Path(os.environ.get("SCREENSHOT_DIR", tmp_path)) / f"app-{name}.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000


def test_search_complete_open_like_and_get_recommendations_offline(
    sample_api, offline_page, outside_requests, tmp_path
):
    page = offline_page
    page.set_viewport_size(SCREEN)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    graphql_methods: list[str] = []
    page.on("request", lambda request: "/graphql" in request.url and graphql_methods.append(request.method))

    page.goto(f"{sample_api}/")
    page.locator(".card").first.wait_for()
    assert page.locator("h1").inner_text() == "Browse films"
    shoot(page, tmp_path, "browse")

    page.locator("#search-input").press_sequentially("toy sto", delay=40)
    option = page.get_by_role("option", name=re.compile("Toy Story"))
    option.wait_for()
    page.screenshot(path=str(Path(os.environ.get("SCREENSHOT_DIR", tmp_path)) / "app-completion.png"))
    option.click()
    page.locator("article.movie h1").wait_for()
    assert page.locator("article.movie h1").inner_text() == "Toy Story (1995)"
    assert page.get_by_role("link", name="John Lasseter").is_visible()
    assert page.get_by_role("link", name="Tom Hanks").is_visible()
    assert "shared director: John Lasseter" in page.locator(".reasons").first.inner_text()
    shoot(page, tmp_path, "movie")

    page.get_by_role("button", name="♡ Like").click()
    assert page.get_by_role("button", name="♥ In my list").is_visible()
    assert page.locator("#my-list-count").inner_text() == "1"

    page.get_by_role("link", name="Tom Hanks").click()
    page.locator("article.person h1").wait_for()
    assert page.locator("article.person h1").inner_text() == "Tom Hanks"
    assert "Forrest Gump" in page.locator("article.person").inner_text()
    assert "Average return" in page.locator(".returns").inner_text()
    shoot(page, tmp_path, "person")

    page.get_by_role("link", name="My list").click()
    page.locator(".recommendations .card").first.wait_for()
    first = page.locator(".recommendations .card").first
    assert "Because you liked Toy Story" in first.inner_text()
    assert first.locator(".reasons li").count() >= 2
    titles = page.locator(".recommendations .card h3").all_inner_texts()
    assert "Toy Story" not in titles
    assert len(titles) == 12
    shoot(page, tmp_path, "my-list")

    page.locator("#search-input").fill("godfater")
    page.locator("#search-input").press("Enter")
    page.get_by_role("heading", name="Results for “godfater”").wait_for()
    assert page.locator(".search-results .card h3").first.inner_text() == "The Godfather"
    shoot(page, tmp_path, "search")

    assert set(graphql_methods) == {"GET"}
    assert errors == []
    assert outside_requests == []

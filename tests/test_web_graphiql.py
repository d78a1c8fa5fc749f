"""The GraphiQL page: only this service's files, and in a real browser with no network it runs the contract query.

The browser test's screenshot goes to its tmp_path, or to $SCREENSHOT_DIR when set; the README's picture is
made with SCREENSHOT_DIR=docs/screenshots.
"""

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from graphql import parse, print_ast

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.graphiql import DEFAULT_QUERY, graphiql_html
from tests.fixtures import CONTRACT_QUERY

QUERY_EDITOR = ".graphiql-query-editor .CodeMirror"
RESULT_EDITOR = ".graphiql-response .CodeMirror"


class Links(HTMLParser):
    """The src and href attributes of a page, by tag."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, value) for name, value in attrs if name in ("src", "href") and value is not None]


def links(html: str) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.found


def editor_text(page, selector: str) -> str:
    return page.evaluate("selector => document.querySelector(selector).CodeMirror.getValue()", selector)


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir, graphiql=True))) as test_client:
        yield test_client


def test_default_query_is_the_contract_query():
    assert print_ast(parse(DEFAULT_QUERY)) == print_ast(parse(CONTRACT_QUERY))


def test_page_names_no_other_host(client):
    html = client.get("/graphql", headers={"Accept": "text/html"}).text
    assert html == graphiql_html()
    assert "http://" not in html
    assert "https://" not in html


def test_page_loads_only_our_assets_and_they_are_cached(client):
    found = links(graphiql_html())
    assets = [url for _, url in found if url != "data:,"]
    assert len(assets) == 6
    assert all(url.startswith("/assets/vendor/") for url in assets), found
    for tag, url in found:
        if url == "data:,":
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert response.headers["etag"]
        expected = "text/javascript" if tag == "script" else "text/css"
        assert response.headers["content-type"] == f"{expected}; charset=utf-8"


def test_endpoint_is_a_safe_script_literal():
    html = graphiql_html("/api/</script><b>x")
    assert "</script><b>" not in html
    assert '"/api/\\u003c/script>\\u003cb>x"' in html


def test_graphiql_runs_the_contract_query_offline(live_api, offline_page, outside_requests, tmp_path):
    page = offline_page
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(f"http://127.0.0.1:{live_api}/graphql")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/html")

    page.wait_for_selector(QUERY_EDITOR, state="visible", timeout=20_000)
    page.click("[aria-label='Show GraphiQL Explorer']")
    explorer = page.locator(".graphiql-explorer-root")
    explorer.wait_for(state="visible")
    assert "releasesInMonth" in explorer.inner_text()  # built from the schema, fetched by introspection

    assert editor_text(page, QUERY_EDITOR) == DEFAULT_QUERY  # the contract query, as the test above checks
    page.click(".graphiql-execute-button")
    page.wait_for_function(
        "selector => document.querySelector(selector).CodeMirror.getValue().includes('John Lasseter')",
        arg=RESULT_EDITOR,
        timeout=20_000,
    )
    assert json.loads(editor_text(page, RESULT_EDITOR))["data"]["director"]["matches"][0]["filmCount"] > 0
    answer = page.locator(".graphiql-response").inner_text()  # what a person sees, not only the model
    assert "cantidad de películas" in answer
    assert "Toy Story" in answer

    page.locator(".graphiql-plugin").evaluate("panel => panel.scrollTo(0, 0)")  # the explorer's top, for the picture
    screenshot = Path(os.environ.get("SCREENSHOT_DIR", tmp_path)) / "graphiql.png"
    page.screenshot(path=str(screenshot))
    assert screenshot.stat().st_size > 10_000
    assert errors == []
    assert outside_requests == []

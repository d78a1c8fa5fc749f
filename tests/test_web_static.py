"""/assets/...: the vendored files, their headers, conditional requests, and 404 for every other path."""

import pytest
from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web import static, vendor_update
from graphql_api.web.app import create_app
from graphql_api.web.vendor import ASSETS_DIR, PACKAGES, REACT, VENDOR_DIR
from tests.live_server import request

ALL_URLS = [package.url(file) for package in PACKAGES for file in package.kept]
REACT_JS = REACT.url("umd/react.production.min.js")
FOLDER = f"/assets/vendor/{REACT.folder}"


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir))) as test_client:
        yield test_client


def local_file(url: str) -> bytes:
    return (ASSETS_DIR / url.removeprefix("/assets/")).read_bytes()


@pytest.mark.parametrize("url", ALL_URLS)
def test_every_vendored_file_is_served_with_caching_headers(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == local_file(url)
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert response.headers["x-content-type-options"] == "nosniff"
    etag = response.headers["etag"]
    assert etag.startswith('"')  # strong: no W/
    assert etag.endswith('"')


@pytest.mark.parametrize(
    ("suffix", "content_type"),
    [
        (".js", "text/javascript; charset=utf-8"),
        (".css", "text/css; charset=utf-8"),
        (".png", "image/png"),
        ("LICENSE", "text/plain; charset=utf-8"),
    ],
)
def test_content_types(client, suffix, content_type):
    urls = [url for url in ALL_URLS if url.endswith(suffix)]
    assert urls
    for url in urls:
        assert client.get(url).headers["content-type"] == content_type


def test_etag_answers_304(client):
    etag = client.get(REACT_JS).headers["etag"]
    for header in (etag, f'"other", {etag}', f"W/{etag}", "*"):
        response = client.get(REACT_JS, headers={"If-None-Match": header})
        assert response.status_code == 304, header
        assert response.content == b""
        assert response.headers["etag"] == etag
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get(REACT_JS, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etags_differ_between_files(client):
    assert len({client.head(url).headers["etag"] for url in ALL_URLS}) == len(set(map(local_file, ALL_URLS)))


def test_head_has_the_headers_and_no_body(client):
    response = client.head(REACT_JS)
    assert response.status_code == 200
    assert response.content == b""
    assert int(response.headers["content-length"]) == len(local_file(REACT_JS))
    assert response.headers["content-type"] == "text/javascript; charset=utf-8"


def test_other_methods_are_refused(client):
    assert client.post(REACT_JS).status_code == 405


# Sent byte for byte by http.client to the real server: an HTTP client library would tidy the dots away.
OUTSIDE = [
    "/assets/",
    "/assets/vendor",
    "/assets/vendor/",
    "/assets/README.md",
    "/assets/.gitattributes",
    f"{FOLDER}/umd",
    f"{REACT_JS}.map",
    f"{REACT_JS}%00",
    "/assets/../vendor.py",
    "/assets/vendor/../../vendor.py",
    f"{FOLDER}/../../../static.py",
    f"{FOLDER}/../{REACT.folder}/LICENSE",
    "/assets/%2e%2e/vendor.py",
    "/assets/%2E%2E/%2E%2E/graphiql.py",
    "/assets/vendor/..%2f..%2fvendor.py",
    f"{FOLDER}/..%5c..%5c..%5cvendor.py",
    "/assets//etc/passwd",
    "/assets/%2fetc%2fpasswd",
    "/assets/vendor//etc/passwd",
    "/assets/" + str(VENDOR_DIR / REACT.folder / "LICENSE"),
    "/assets/" + str(ASSETS_DIR / "README.md"),
]


@pytest.mark.parametrize("path", OUTSIDE)
def test_paths_outside_the_vendored_files_are_404(live_api, path):
    status, _, body = request(live_api, "GET", path)
    assert status == 404
    assert body.startswith(b"No file is served at /")


def test_vendored_folder_holds_exactly_the_pinned_files():
    on_disk = {path.relative_to(ASSETS_DIR).as_posix() for path in VENDOR_DIR.rglob("*") if path.is_file()}
    assert on_disk == {url.removeprefix("/assets/") for url in ALL_URLS}
    assert set(static.vendored_assets().assets) == on_disk


def test_assets_readme_table_is_current():
    readme = (ASSETS_DIR / "README.md").read_text()
    assert vendor_update.with_table(readme, vendor_update.table()) == readme


def test_no_source_maps_are_vendored():
    assert not list(VENDOR_DIR.rglob("*.map"))

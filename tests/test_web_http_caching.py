"""HTTP caching of /graphql: successful GET answers carry Cache-Control and a strong ETag, a matching
If-None-Match gets 304, Vary names every header an answer depends on; errors and POSTs are not cached."""

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.caching import EntityTags

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
QUERY_URL = "/graphql?" + urlencode({"query": "{ movie(id: 862) { title releaseDate } }"})


def app_client(api_model, api_data_dir, **settings) -> TestClient:
    return TestClient(create_app(api_model, Settings(data_dir=api_data_dir, **settings)))


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    with app_client(api_model, api_data_dir, cors_origins=("https://front.example",)) as test_client:
        yield test_client


def get(client, url: str = QUERY_URL, accept: str = JSON, **headers: str):
    return client.get(url, headers={"Accept": accept, **{name.replace("_", "-"): v for name, v in headers.items()}})


def vary(response) -> set[str]:
    return {name.strip().lower() for name in response.headers["vary"].split(",")}


def test_successful_get_answers_are_cacheable(client):
    response = get(client)
    assert response.status_code == 200
    assert response.json() == {"data": {"movie": {"title": "Toy Story", "releaseDate": "1995-10-30"}}}
    assert response.headers["cache-control"] == "public, max-age=3600"
    etag = response.headers["etag"]
    assert etag.startswith('"')  # strong: no W/
    assert etag.endswith('"')
    assert len(etag) > 20
    assert vary(response) >= {"accept", "origin"}
    assert get(client).headers["etag"] == etag


@pytest.mark.parametrize("tag", ["{etag}", "W/{etag}", '"other", {etag}', "*"])
def test_a_matching_if_none_match_gets_304(client, tag):
    first = get(client)
    etag = first.headers["etag"]
    response = get(client, if_none_match=tag.format(etag=etag))
    assert response.status_code == 304
    assert response.content == b""
    for header in ("etag", "cache-control", "vary"):
        assert response.headers[header] == first.headers[header]
    assert "content-type" not in response.headers


def test_a_stale_tag_gets_the_answer(client):
    response = get(client, if_none_match='"not-this-one"')
    assert response.status_code == 200
    assert response.json()["data"]["movie"]["title"] == "Toy Story"


def test_each_media_type_has_its_own_tag(client):
    legacy = get(client)
    modern = get(client, accept=GRAPHQL_RESPONSE)
    assert modern.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert modern.headers["etag"] != legacy.headers["etag"]
    assert get(client, accept=GRAPHQL_RESPONSE, if_none_match=legacy.headers["etag"]).status_code == 200


def test_tags_are_the_same_in_every_process_and_change_with_the_data(client, api_model, api_data_dir):
    with app_client(api_model, api_data_dir) as fresh:  # another worker: nothing cached yet
        response = get(fresh, if_none_match=get(client).headers["etag"])
    assert response.status_code == 304
    manifest = api_model.manifest
    other = {**manifest, "tables": {**manifest["tables"], "movies": {**manifest["tables"]["movies"], "sha256": "0"}}}
    assert EntityTags(manifest).tag(JSON, b"{}") == EntityTags(dict(manifest)).tag(JSON, b"{}")
    assert EntityTags(other).tag(JSON, b"{}") != EntityTags(manifest).tag(JSON, b"{}")
    assert EntityTags(manifest).tag(JSON, b"{}") != EntityTags(manifest).tag(JSON, b"{ }")


def test_head_gets_304_too(client):
    etag = get(client).headers["etag"]
    assert client.head(QUERY_URL, headers={"Accept": JSON, "If-None-Match": etag}).status_code == 304


@pytest.mark.parametrize(
    "query",
    [
        "{ nope }",  # a request error: 200 with application/json, but an error
        '{ releasesInMonth(month: "x") { count } }',  # a field error beside data
    ],
)
def test_errors_are_not_cached_as_successes(client, query):
    url = "/graphql?" + urlencode({"query": query})
    response = get(client, url)
    assert response.status_code == 200
    assert response.json()["errors"]
    assert response.headers["cache-control"] == "no-store"
    assert "etag" not in response.headers
    assert get(client, url, if_none_match="*").status_code == 200


def test_refused_requests_are_not_cached(client):
    for response in (get(client, "/graphql?query=%7B"), get(client, "/graphql?variables=%5B%5D&query=x")):
        assert response.headers["cache-control"] == "no-store"
        assert "etag" not in response.headers
    refused = get(client, "/graphql?" + urlencode({"query": "{ nope }"}), accept=GRAPHQL_RESPONSE)
    assert (refused.status_code, refused.headers["cache-control"]) == (400, "no-store")


def test_post_answers_are_not_for_http_caches(client):
    response = client.post("/graphql", json={"query": "{ movie(id: 862) { title } }"}, headers={"If-None-Match": "*"})
    assert response.status_code == 200
    assert "cache-control" not in response.headers
    assert "etag" not in response.headers
    failed = client.post("/graphql", json={"query": "{ nope }"})
    assert failed.headers["cache-control"] == "no-store"


def test_cache_control_is_a_setting(api_model, api_data_dir):
    with app_client(api_model, api_data_dir, cache_control="public, max-age=60, s-maxage=86400") as configured:
        assert get(configured).headers["cache-control"] == "public, max-age=60, s-maxage=86400"
    with app_client(api_model, api_data_dir, cache_control="") as silent:
        response = get(silent)
        assert "cache-control" not in response.headers
        assert get(silent, if_none_match=response.headers["etag"]).status_code == 304
    assert Settings.from_env({"MOVIES_API_CACHE_CONTROL": "no-cache"}).cache_control == "no-cache"

"""GET /eda serves the report; when missing, it is built in a separate process while others are served."""

import time

from fastapi.testclient import TestClient

from graphql_api.settings import Settings
from graphql_api.web.app import create_app


def test_a_built_report_is_served(sample_model, sample_output, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>EDA</title>")
    settings = Settings(data_dir=sample_output, eda_dir=tmp_path)
    with TestClient(create_app(sample_model, settings)) as client:
        response = client.get("/eda")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>EDA</title>" in response.text


def test_a_missing_report_is_built_without_blocking(sample_model, sample_output, tmp_path):
    report = tmp_path / "eda"
    settings = Settings(data_dir=sample_output, eda_dir=report)
    with TestClient(create_app(sample_model, settings)) as client:
        started = time.perf_counter()
        first = client.get("/eda")
        assert first.status_code == 503
        assert first.headers["retry-after"] == "15"
        assert "being built" in first.text
        assert client.post("/graphql", json={"query": "{ __typename }"}).status_code == 200
        assert time.perf_counter() - started < 5
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not (report / "index.html").is_file():
            time.sleep(1)
        done = client.get("/eda")
    assert done.status_code == 200
    assert "Releases" in done.text

"""Queries generated from the schema (hypothesis-graphql): valid and invalid ones, never a 500.

A bounded run; `python -m bench.fuzz` runs a longer one.
"""

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis_graphql import Mode, queries

from graphql_api.schema import export
from graphql_api.settings import Settings
from graphql_api.web.app import create_app

SCHEMA = export()


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir))) as test_client:
        yield test_client


def check(client: TestClient, query: str) -> None:
    response = client.post("/graphql", json={"query": query})
    assert response.status_code < 500, query
    body = response.json()
    assert "data" in body or "errors" in body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries(SCHEMA, mode=Mode.POSITIVE))
def test_valid_queries_from_the_schema(client, query):
    check(client, query)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries(SCHEMA, mode=Mode.NEGATIVE))
def test_invalid_queries_from_the_schema(client, query):
    check(client, query)

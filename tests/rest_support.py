"""Helpers for the REST tests: the URL of an endpoint for a value, and the GraphQL answer for the same input."""

import json
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.testclient import TestClient

from graphql_api.web.rest.endpoints import Endpoint


def rest_url(endpoint: Endpoint, value: str) -> str:
    """The endpoint's URL for value, percent-encoded as a browser would send it (slashes kept)."""
    return f"/{endpoint.name}/{quote(value, safe='/')}"


def graphql_answer(client: TestClient, endpoint: Endpoint, value: str) -> dict[str, Any]:
    """The endpoint's GraphQL equivalent over GET /graphql: the whole response (data, errors)."""
    params = {"query": endpoint.graphql, "variables": json.dumps({endpoint.argument: value})}
    response = client.get("/graphql?" + urlencode(params), headers={"Accept": "application/json"})
    return response.json()

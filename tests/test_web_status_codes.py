"""Status codes of /graphql by the media type negotiated, as the GraphQL-over-HTTP spec gives them.

With application/json (the legacy type) every well-formed request gets 200, request errors included:
a 4xx may come from any proxy, so clients only trust a 200's body. With
application/graphql-response+json a request error is 400. Either way a request error's answer has
no `data` entry, and a request that is not well formed is 400.
"""

from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from graphql_api.engine.limits import Limits
from graphql_api.settings import Settings
from graphql_api.web.app import create_app

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
DEEP = "{ movie(id: 862) " + "{ cast(first: 1) { nodes { person { castCredits(first: 1) { nodes { movie " * 3
DEEP += "{ id }" + " } } } } } }" * 3 + " }"


@pytest.fixture(scope="module")
def client(api_model, api_data_dir):
    with TestClient(create_app(api_model, Settings(data_dir=api_data_dir))) as test_client:
        yield test_client


def post(client, payload, accept: str):
    return client.post("/graphql", json=payload, headers={"Accept": accept})


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"query": "{"}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ " + "a " * 3000 + "}"}, "GRAPHQL_PARSE_FAILED"),  # more tokens than allowed
        ({"query": "{ nope }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": "{ movie(id: 862) { title(x: 1) } }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": DEEP}, "QUERY_TOO_COMPLEX"),
        ({"query": "query($id: Int!) { movie(id: $id) { id } }", "variables": {"id": "x"}}, "BAD_USER_INPUT"),
        ({"query": "query($id: Int!) { movie(id: $id) { id } }"}, "BAD_USER_INPUT"),
        ({"query": "query($id: Int!) { movie(id: $id) { id } }", "variables": {"id": None}}, "BAD_USER_INPUT"),
        ({"query": "query A { __typename }", "operationName": "B"}, "OPERATION_RESOLUTION_FAILURE"),
        ({"query": "query A { __typename } query B { __typename }"}, "OPERATION_RESOLUTION_FAILURE"),
    ],
)
@pytest.mark.parametrize(("accept", "status"), [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_request_errors(client, payload, code, accept, status):
    response = post(client, payload, accept)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(accept)
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == code


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_executed_requests_are_200_field_errors_included(client, accept):
    fine = post(client, {"query": "{ movie(id: 862) { title } }"}, accept)
    assert (fine.status_code, fine.json()) == (200, {"data": {"movie": {"title": "Toy Story"}}})
    partial = post(client, {"query": '{ releasesInMonth(month: "x") { count } }'}, accept)
    assert partial.status_code == 200
    assert partial.json()["data"] == {"releasesInMonth": None}
    assert partial.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    "payload",
    [
        {"qeury": "{ __typename }"},
        {"query": None},
        {"query": 5},
        {"query": ["{ __typename }"]},
        {"query": "{ __typename }", "variables": [1]},
        {"query": "{ __typename }", "variables": "{}"},
        {"query": "{ __typename }", "operationName": 7},
        {"query": "{ __typename }", "extensions": "x"},
        {"query": "{ __typename }", "extensions": 0},
        {"query": "{ __typename }", "extensions": False},
        {"query": "{ __typename }", "extensions": ["x"]},
    ],
)
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_requests_that_are_not_well_formed_are_400(client, payload, accept):
    response = post(client, payload, accept)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("extra", [{"extensions": "[1]"}, {"variables": "7"}, {"extensions": "{nope"}])
def test_get_parameters_that_are_not_objects_are_400(client, extra):
    response = client.get("/graphql?" + urlencode({"query": "{ __typename }", **extra}))
    assert response.status_code == 400


def test_null_and_object_extensions_are_accepted(client):
    for extensions in (None, {"some": "value"}):
        response = post(client, {"query": "{ __typename }", "extensions": extensions}, GRAPHQL_RESPONSE)
        assert (response.status_code, response.json()) == (200, {"data": {"__typename": "Query"}})


@pytest.mark.parametrize("query", ["mutation { x }", "subscription { x }", "query A { __typename } mutation B { x }"])
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_mutations_and_subscriptions_over_get_are_405(client, query, accept):
    params = {"query": query, **({"operationName": "B"} if "B" in query else {})}
    response = client.get("/graphql?" + urlencode(params), headers={"Accept": accept})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"


def test_the_same_mutation_over_post_is_a_validation_error(client):
    response = post(client, {"query": "mutation { x }"}, GRAPHQL_RESPONSE)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_a_timeout_is_503_without_data(api_model, api_data_dir, accept):
    settings = Settings(data_dir=api_data_dir, limits=Limits(time_budget_seconds=0.001))
    with TestClient(create_app(api_model, settings)) as slow:
        response = post(slow, {"query": "{ movie(id: 862) { title cast { nodes { character } } } }"}, accept)
    assert response.status_code == 503
    assert "data" not in response.json()
    assert response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"

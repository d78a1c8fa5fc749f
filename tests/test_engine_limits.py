"""Each protection, on its own: a clear error with a code, never a slow answer."""

import os

import pytest
from fastapi.testclient import TestClient

from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema
from graphql_api.settings import Settings
from graphql_api.web.app import create_app


def errors(model, query: str, limits: Limits | None = None, variables: dict | None = None) -> list[dict]:
    result = Engine(graphql_schema, model, limits or Limits()).run(query, variables)
    assert result.errors, "expected an error"
    return [error.formatted for error in result.errors]


def code(model, query: str, limits: Limits | None = None, variables: dict | None = None) -> str:
    return errors(model, query, limits, variables)[0].get("extensions", {}).get("code", "")


def test_depth(api_model):
    query = "{ movie(id: 862) { cast(first: 1) { nodes { person { castCredits(first: 1) { nodes { movie { id } } } } } } } }"
    assert code(api_model, query, Limits(max_depth=5)) == "QUERY_TOO_COMPLEX"
    assert Engine(graphql_schema, api_model, Limits(max_depth=8)).run(query).errors is None


def test_aliases_counted_through_fragments(api_model):
    query = "{ ...Q ...Q } fragment Q on Query { " + " ".join(f"a{i}: __typename" for i in range(20)) + " }"
    [error] = errors(api_model, query)
    assert error["message"] == "Query refused: the query uses 40 aliases; at most 30 are allowed."


def test_directives(api_model):
    query = "{ " + " ".join(f"t{i}: __typename @include(if: true)" for i in range(11)) + " }"
    assert "11 directives" in errors(api_model, query)[0]["message"]


def test_estimated_size(api_model):
    query = "{ movie(id: 862) { cast(first: 100) { nodes { person { castCredits(first: 100) { nodes { character } } } } } } }"
    [error] = errors(api_model, query)
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "about 30,301 objects" in error["message"]  # leaves count too: 100 x (1 + 1 + 1 + 100 x 3)


def test_tokens(api_model):
    query = "{ " + "a " * 3000 + "}"
    assert "tokens" in errors(api_model, query)[0]["message"]


def test_string_arguments_and_variables(api_model):
    assert (
        "longer than 300" in errors(api_model, '{ titleScore(title: "' + "x" * 301 + '") { message } }')[0]["message"]
    )
    variables = {"t": "x" * 301}
    [error] = errors(api_model, "query($t: String!) { titleScore(title: $t) { message } }", variables=variables)
    assert "longer than 300" in error["message"]


def test_time_budget(api_model):
    [error] = errors(
        api_model, "{ movie(id: 862) { title cast { nodes { character } } } }", Limits(time_budget_seconds=0)
    )
    assert error["extensions"]["code"] == "TIMEOUT"


def test_introspection_off_hides_suggestions(api_model):
    limits = Limits(introspection=False)
    assert "Did you mean" not in errors(api_model, "{ movie(id: 862) { titl } }", limits)[0]["message"]
    assert "introspection" in errors(api_model, "{ __schema { queryType { name } } }", limits)[0]["message"]
    assert "Did you mean" in errors(api_model, "{ movie(id: 862) { titl } }")[0]["message"]


@pytest.mark.parametrize(("size", "status"), [(1, 400), (3, 200)])
def test_batches_only_when_enabled(api_model, api_data_dir, size, status):
    settings = Settings(data_dir=api_data_dir, limits=Limits(max_batch_size=size))
    with TestClient(create_app(api_model, settings)) as client:
        response = client.post("/graphql", json=[{"query": "{ movie(id: 862) { id } }"}, {"query": "{ __typename }"}])
        assert response.status_code == status
        if status == 200:
            assert response.json() == [{"data": {"movie": {"id": 862}}}, {"data": {"__typename": "Query"}}]
        too_many = client.post("/graphql", json=[{"query": "{ __typename }"}] * 4)
        assert too_many.status_code == 400


def test_body_limit(api_model, api_data_dir):
    settings = Settings(data_dir=api_data_dir, limits=Limits(max_body_bytes=1000))
    with TestClient(create_app(api_model, settings)) as client:
        response = client.post("/graphql", json={"query": "{ __typename }", "padding": "x" * 2000})
        assert response.status_code == 413
        assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


def test_limits_from_environment(monkeypatch):
    monkeypatch.setenv("MOVIES_API_MAX_DEPTH", "4")
    monkeypatch.setenv("MOVIES_API_INTROSPECTION", "0")
    monkeypatch.setenv("MOVIES_API_TIME_BUDGET_SECONDS", "0.5")
    limits = Settings.from_env(os.environ).limits
    assert (limits.max_depth, limits.introspection, limits.time_budget_seconds) == (4, False, 0.5)


def test_untyped_inline_fragments_are_measured(api_model):
    query = (
        "{ ... { movie(id: 862) { ... { cast(first: 100) { nodes { person { castCredits(first: 100) "
        "{ nodes { character } } } } } } } } }"
    )
    [error] = errors(api_model, query)
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "objects" in error["message"]


def test_a_field_repeated_at_one_level_is_refused_before_validation(api_model):
    field = "movie(id: 5) { cast { nodes { person { name } } } }"
    assert Engine(graphql_schema, api_model, Limits()).run("{ " + " ".join([field] * 10) + " }").errors is None
    [error] = errors(api_model, "{ " + " ".join(["movie(id: 5) { title }"] * 199) + " }")
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "`movie` is asked for 199 times at one level; at most 10" in error["message"]
    fragments = "{ movie(id: 1) { ...A ...B ...C ...D ...A } } " + " ".join(
        f"fragment {name} on Movie {{ title title title }}" for name in "ABCD"
    )
    assert "`title` is asked for 12 times" in errors(api_model, fragments)[0]["message"]


def test_huge_int_literals_are_refused_without_python_internals(api_model):
    [error] = errors(api_model, "{ movie(id: " + "9" * 5000 + ") { id } }")
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "more than 20 digits" in error["message"]
    assert "4300" not in error["message"]

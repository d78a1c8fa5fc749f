"""A failing optimization or check of ours never turns into a 500 or a wrong answer."""

from graphql_api.engine import engine as engine_module
from graphql_api.engine.engine import Engine
from graphql_api.engine.hoisting import Hoister
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema

QUERY = '{ titleScore(title: "Toy Story") { message matches { movie { id } } } }'


def broken(*args, **kwargs):
    raise RuntimeError("a bug")


def expected(model) -> dict:
    return Engine(graphql_schema, model, Limits(), hoist=False, plans=False).run(QUERY).formatted


def test_failing_plan_falls_back_to_graphql_core(api_model, monkeypatch):
    monkeypatch.setattr(engine_module, "compile_plan", broken)
    assert Engine(graphql_schema, api_model, Limits()).run(QUERY).formatted == expected(api_model)


def test_failing_template_falls_back_to_the_ordinary_path(api_model, monkeypatch):
    monkeypatch.setattr(Hoister, "split", broken)
    assert Engine(graphql_schema, api_model, Limits()).run(QUERY).formatted == expected(api_model)


def test_failing_check_refuses_the_query(api_model, monkeypatch):
    monkeypatch.setattr(engine_module, "check_measure", broken)
    result = Engine(graphql_schema, api_model, Limits()).run(QUERY)
    assert result.data is None
    assert result.errors[0].extensions["code"] == "QUERY_TOO_COMPLEX"

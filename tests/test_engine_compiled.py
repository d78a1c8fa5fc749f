"""Compiled plans answer as graphql-core does, and leave whatever has an error to the plan's walk."""

import pytest

from graphql_api.engine import compiled as compiled_module
from graphql_api.engine import plan as plan_module
from graphql_api.engine.engine import Deadline, Engine
from graphql_api.engine.limits import Limits
from graphql_api.engine.plan import Aborted
from graphql_api.engine.planning import compile_plan
from graphql_api.schema import graphql_schema
from tests.schema_queries import ROOT_FIELDS, every_field_query
from tests.test_engine_plans import QUERIES, VARIABLES

LIMITS = Limits(max_nodes=10**9, max_depth=50, max_aliases=10**6)


@pytest.fixture(scope="module")
def general(api_model):
    return Engine(graphql_schema, api_model, LIMITS, plans=False)


def plan_of(model, query):
    prepared = Engine(graphql_schema, model, LIMITS).prepare(query)
    return compile_plan(graphql_schema, prepared.document, None, model)


def walks(monkeypatch) -> list[bool]:
    """Records each time a selection set is walked field by field instead of by compiled functions."""
    walked: list[bool] = []
    walk = plan_module._Run.object

    def recorded(*args):
        walked.append(True)
        return walk(*args)

    monkeypatch.setattr(plan_module._Run, "object", recorded)
    return walked


def every_variables():
    return [VARIABLES, None, {}, {"first": None}, {"first": 0}, {"first": 2**31}, {"t": "", "n": "no such name"}]


@pytest.mark.parametrize("query", QUERIES)
def test_compiled_plans_give_graphql_core_answers(api_model, general, monkeypatch, query):
    walked = walks(monkeypatch)
    planned = Engine(graphql_schema, api_model, LIMITS)
    for variables in every_variables():
        walked.clear()
        expected = general.run(query, variables).formatted
        assert planned.run(query, variables).formatted == expected
        if "__schema" not in query:
            assert not walked, "a plan's answer, errors and all, should come from its compiled functions"


@pytest.mark.parametrize("root", ROOT_FIELDS)
@pytest.mark.parametrize("depth", [1, 2])
def test_every_field_compiles_and_answers_as_graphql_core(api_model, general, monkeypatch, root, depth):
    monkeypatch.setattr(compiled_module, "MAX_FIELDS", 10**6)
    query = every_field_query(root, depth)
    plan = plan_of(api_model, query)
    assert plan is not None
    assert plan.compiled
    expected = general.run(query)
    walked = walks(monkeypatch)
    assert Engine(graphql_schema, api_model, LIMITS).run(query).formatted == expected.formatted
    assert not walked


def test_a_field_error_is_located_as_graphql_core_locates_it(api_model, general, monkeypatch):
    query = '{ movie(id: 862) { title cast(after: "bad") { totalCount } } }'
    walked = walks(monkeypatch)
    answer = Engine(graphql_schema, api_model, LIMITS).run(query).formatted
    assert not walked
    assert answer == general.run(query).formatted
    assert answer["errors"][0]["path"] == ["movie", "cast"]


def test_a_null_where_none_is_allowed_is_reported_as_graphql_core_reports_it(api_model):
    plan = plan_of(api_model, "{ movie(id: 862) { title id } }")
    (movie,) = plan._fields
    movie.children[1].resolver = lambda movie: None  # a bug: Movie.id gives null
    plan._compiled = compiled_module.compile_fields(plan._fields, plan._info)
    result = plan.execute(None, Deadline(5))
    assert result.data == {"movie": None}
    assert result.errors[0].path == ["movie", "id"]
    assert "Cannot return null for non-nullable field Movie.id." in result.errors[0].message


def test_a_deadline_run_out_aborts_the_query(api_model):
    class RunOut:
        aborted = True
        reason = None

    plan = plan_of(api_model, "{ movie(id: 862) { genres { name } } }")
    with pytest.raises(Aborted):
        plan.execute(None, RunOut())


def test_a_large_selection_is_walked_not_compiled(api_model):
    fields = " ".join(f"f{index}: title" for index in range(compiled_module.MAX_FIELDS))
    assert not plan_of(api_model, f"{{ movie(id: 862) {{ {fields} }} }}").compiled
    assert plan_of(api_model, "{ movie(id: 862) { title } }").compiled


def test_response_keys_and_names_are_values_never_source(api_model, general):
    query = "{ movie(id: 862) { return: title __typename id: id } m: movie(id: 862) { t: __typename } }"
    engine = Engine(graphql_schema, api_model, LIMITS)
    assert (
        engine.run(query).formatted
        == general.run(query).formatted
        == {"data": {"movie": {"return": "Toy Story", "__typename": "Movie", "id": 862}, "m": {"t": "Movie"}}}
    )


def test_what_a_document_is_counted_covers_what_it_keeps(api_model):
    """The densest plan compiled (one short alias after another) keeps less than its document is counted."""
    import gc
    import tracemalloc

    aliases = [f"{first}{second}" for first in "abcdefgh" for second in "abcdefgh"]
    fields = " ".join(f"{alias}:id" for alias in aliases[: compiled_module.MAX_FIELDS - 1])
    texts = [f"{{movie(id:{movie}){{{fields}}}}}" for movie in range(21)]
    engine = Engine(graphql_schema, api_model, LIMITS, hoist=False)
    engine.run(texts[0])
    assert engine.prepare(texts[0]).plans[None].compiled
    gc.collect()
    tracemalloc.start()
    try:
        for text in texts[1:]:
            engine.run(text)
        gc.collect()
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept / (len(texts) - 1) < engine.prepare(texts[1]).weight


def test_a_required_argument_given_a_null_variable_is_reported_as_graphql_core_reports_it(
    api_model, general, monkeypatch
):
    query = 'query Q($t: String = "Toy Story") { titleScore(title: $t) { message } movie(id: 862) { id } }'
    walked = walks(monkeypatch)
    planned = Engine(graphql_schema, api_model, LIMITS)
    for variables in ({"t": None}, {}, {"t": "Cinderella"}):
        expected = general.run(query, variables).formatted
        assert planned.run(query, variables).formatted == expected
    assert not walked
    error = planned.run(query, {"t": None}).formatted["errors"][0]
    assert error["path"] == ["titleScore"]
    assert "non-null type 'String!'" in error["message"]

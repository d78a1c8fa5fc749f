"""The planned executor gives exactly graphql-core's answers, errors included."""

import pytest

from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema
from tests.fixtures import CONTRACT_QUERY
from tests.schema_queries import ROOT_FIELDS, every_field_query

QUERIES = [
    CONTRACT_QUERY,
    "{ movie(id: 862) { id title originalLanguage overview tagline status releaseDate releaseYear budget revenue "
    "return popularity voteAverage voteCount runtime __typename } }",
    "{ movie(id: 862) { genres { id name } productionCompanies { id name } productionCountries { code name } "
    "spokenLanguages { code name } collection { id name movies { title } } directors { name gender } } }",
    "{ movie(id: 862) { cast(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } "
    "edges { cursor node { character order person { id name gender } } } } } }",
    "{ movie(id: 862) { crew(first: 2) { nodes { job department person { name crewCredits(first: 5) { totalCount "
    "nodes { job movie { title releaseDate } } } } } } } }",
    "{ person(id: 31) { name castCredits(first: 10) { nodes { character movie { title cast(first: 2) { nodes { "
    "person { name } } } } } } } }",
    "query Q($t: String!, $n: String!) { a: titleScore(title: $t) { message } b: titleVotes(title: $t) { matches "
    "{ voteCount meetsThreshold } } actor(name: $n) { matches { filmCount person { name } } } }",
    "fragment M on Movie { id title } fragment C on CastCredit { character movie { ...M } } "
    "{ movie(id: 862) { ...M cast(first: 2) { nodes { ...C ... on CastCredit { order } } } } }",
    "{ movie(id: 862) { title @skip(if: true) id @include(if: false) budget @include(if: true) "
    "... @skip(if: false) { revenue } } }",
    "{ movie(id: 862) { a: title b: title title } m2: movie(id: 862) { id } m3: movie(id: 1) { id } person(id: 1) { id } }",
    "{ movie(id: 862) { cast(first: 1) { nodes { character } } cast2: cast(first: 2) { nodes { order } } } }",
    "{ movie(id: 862) { cast { totalCount nodes { order } } crew { totalCount } similar { score } } }",
    '{ releasesInMonth(month: "no such month") { count } movie(id: 862) { title } }',
    '{ titleScore(title: "   ") { message } }',
    "{ movie(id: 862) { cast(first: 500) { totalCount } } }",
    '{ movie(id: 862) { cast(after: "bad") { totalCount } } }',
    "query V($first: Int) { movie(id: 862) { cast(first: $first) { totalCount nodes { order } } } }",
    "query Skip($s: Boolean!) { movie(id: 862) { title @skip(if: $s) id } }",
    "{ __typename __schema { queryType { name } } }",
    '{ director(name: "john lasseter") { matches { films { title releaseDate return budget revenue movie { id } } } } }',
    '{ titleScore(title: "Toy Stroy") { message suggestions matches { title } } }',
    '{ director(name: "John Lasseter") { message matches { filmCount films { title movie { id similar(first: 99) '
    "{ score } } } } } }",
    '{ movie(id: 862) { title cast(first: 2) { nodes { order person { name castCredits(after: "bad") { totalCount } '
    "} } } } }",
    '{ a: releasesInMonth(month: "x") { count } b: releasesOnWeekday(day: "y") { count } c: movie(id: 862) { id } }',
]
VARIABLES = {"t": "Cinderella", "n": "Tom Hanks", "first": 2, "s": True}


@pytest.fixture(scope="module", params=["api", "sample"])
def engines(request):
    model = request.getfixturevalue("api_model" if request.param == "api" else "sample_model")
    return (
        Engine(graphql_schema, model, Limits(), plans=True),
        Engine(graphql_schema, model, Limits(), plans=False),
    )


@pytest.mark.parametrize("query", QUERIES)
def test_plans_give_graphql_core_answers(engines, query):
    planned, general = engines
    for variables in (
        VARIABLES,
        None,
        {"first": "x"},
        {"first": 2**31},
        {"first": True},
        {"t": 5, "n": None},
        {"s": "y"},
    ):
        assert planned.run(query, variables).formatted == general.run(query, variables).formatted


def test_plain_queries_are_planned(engines):
    planned, _ = engines
    prepared = planned.prepare(CONTRACT_QUERY)
    planned.execute(prepared)
    assert prepared.plans[None] is not None
    introspection = planned.prepare("{ __schema { queryType { name } } }")
    planned.execute(introspection)
    assert introspection.plans[None] is None


PLAIN = [query for query in QUERIES if "__schema" not in query and "$s" not in query and "bad" not in query
         and "500" not in query and "no such month" not in query and '"   "' not in query]  # fmt: skip


@pytest.mark.parametrize("query", PLAIN)
def test_plain_queries_run_without_falling_back(engines, query):
    from graphql_api.engine.engine import Deadline
    from graphql_api.engine.planning import compile_plan

    planned, general = engines
    prepared = planned.prepare(query)
    plan = compile_plan(graphql_schema, prepared.document, None, planned._root_value)
    assert plan is not None
    expected = general.run(query, VARIABLES)
    if expected.errors:  # the data has a null where the schema forbids one: nothing to compare
        return
    assert plan.execute(VARIABLES, Deadline(5)).data == expected.data


@pytest.mark.parametrize("root", ROOT_FIELDS)
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_every_field_is_planned_and_answers_as_graphql_core(api_model, root, depth):
    from graphql_api.engine.engine import Deadline
    from graphql_api.engine.planning import compile_plan

    query = every_field_query(root, depth)
    limits = Limits(max_nodes=10**9, max_depth=50, max_aliases=10**6)
    planned = Engine(graphql_schema, api_model, limits, plans=True)
    general = Engine(graphql_schema, api_model, limits, plans=False)
    prepared = planned.prepare(query)
    plan = compile_plan(graphql_schema, prepared.document, None, api_model)
    assert plan is not None, "the adapter no longer binds every field: has Strawberry changed?"
    expected = general.run(query)
    assert planned.run(query).formatted == expected.formatted
    if not expected.errors:
        assert plan.execute(None, Deadline(5)).data == expected.data

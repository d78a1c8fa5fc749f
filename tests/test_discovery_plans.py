"""Discovery queries answer the same through the planned executor as through graphql-core: input objects,
enums and list arguments, given as literals and as variables, errors included."""

import pytest

from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema

QUERIES = [
    '{ searchMovies(query: "star wars", first: 3) { totalCount edges { cursor node { title } } pageInfo { endCursor } } }',
    '{ searchMovies(filter: {genres: ["Animation"], yearFrom: 1990, minVoteAverage: 6.5, originalLanguage: "en"}, '
    "orderBy: VOTE_AVERAGE, orderDirection: ASC, first: 5) { totalCount nodes { title voteAverage } "
    "facets { genres { id name count } decades { decade count } } } }",
    "query($f: MovieFilter, $o: MovieOrder, $d: OrderDirection) { searchMovies(filter: $f, orderBy: $o, "
    "orderDirection: $d, first: 4) { totalCount nodes { id } } }",
    '{ autocomplete(prefix: "godf", first: 3) { id title } }',
    'query($r: PersonRole!) { searchPeople(query: "john", role: $r, first: 3) { totalCount nodes { name } } }',
    '{ searchPeople(query: "hanks") { nodes { name acting { filmCount totalReturn averageReturn } directing { '
    "filmCount } } } }",
    "{ recommendationsFor(liked: [862, 9487], disliked: [], first: 3) { score movie { title } because { id } "
    "reasons { feature contribution detail } } }",
    "query($l: [Int!]!) { recommendationsFor(liked: $l) { score } }",
    "{ movie(id: 862) { similar(first: 3) { score reasons { feature contribution detail } } } }",
    "{ genres { id name } originalLanguages }",
    '{ searchMovies(filter: {genres: ["nope"]}) { totalCount } movie(id: 862) { title } }',
    "{ searchMovies(orderBy: NOPE) { totalCount } }",
    '{ autocomplete(prefix: "") { id } }',
]
VARIABLES = [
    {"f": {"genres": ["Drama"], "personIds": [31]}, "o": "RELEASE_DATE", "d": "DESC", "r": "DIRECTOR", "l": [862]},
    {"f": {"collectionId": 10194}, "o": "TITLE", "r": "ACTOR", "l": [862, 9487]},
    {"f": {"genres": ["nope"]}, "o": "NOPE", "r": "CAST", "l": []},
    None,
]


@pytest.fixture(scope="module")
def engines(sample_model):
    return (
        Engine(graphql_schema, sample_model, Limits(), plans=True),
        Engine(graphql_schema, sample_model, Limits(), plans=False),
    )


@pytest.mark.parametrize("query", QUERIES)
def test_plans_give_graphql_core_answers(engines, query):
    planned, general = engines
    for variables in VARIABLES:
        assert planned.run(query, variables).formatted == general.run(query, variables).formatted


@pytest.mark.parametrize("query", QUERIES[:10])
def test_discovery_queries_are_planned(engines, query):
    planned, _ = engines
    prepared = planned.prepare(query)
    planned.execute(prepared, VARIABLES[0])
    assert prepared.plans[None] is not None

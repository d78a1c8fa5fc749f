"""Texts that differ only in string arguments share a template, and get exactly the ordinary answers."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphql_api.engine.engine import Engine
from graphql_api.engine.hoisting import _STRING, Hoister, _simple_escapes, _unescaped
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema

QUERIES = [
    '{ titleScore(title: "%s") { message suggestions matches { title score movie { id } } } }',
    '{ a: actor(name: "%s") { message matches { filmCount person { name } } } b: releasesInMonth(month: "enero") { count } }',
    'query Named { director(name: "%s") { message matches { films { title releaseDate } } } }',
    'query($first: Int) { titleVotes(title: "%s") { matches { movie { cast(first: $first) { totalCount } } } } }',
    '{ releasesOnWeekday(day: "%s") { count message } }',
]
VALUES = ["Toy Story", "Cinderella", "tom hanks", "John Lasseter", "sábado", "nope", "", "x" * 400, "Amélie", "enero"]


@pytest.fixture(scope="module")
def engines(api_model):
    return (
        Engine(graphql_schema, api_model, Limits(), hoist=True),
        Engine(graphql_schema, api_model, Limits(), hoist=False),
    )


@pytest.mark.parametrize("query", QUERIES)
def test_same_answers_with_and_without_hoisting(engines, query):
    hoisting, plain = engines
    for value in VALUES:
        text = query % value
        variables = {"first": 2} if "$first" in text else None
        assert hoisting.run(text, variables).formatted == plain.run(text, variables).formatted, text


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_characters='"\\\n\r'), max_size=40))
def test_any_title_gets_the_ordinary_answer(api_model, title):
    hoisting = Engine(graphql_schema, api_model, Limits(), hoist=True)
    plain = Engine(graphql_schema, api_model, Limits(), hoist=False)
    query = '{ titleScore(title: "%s") { message suggestions matches { title } } }'
    hoisting.run(query % "warm-up")  # the shape is learned from the first text
    assert hoisting.run(query % title).formatted == plain.run(query % title).formatted


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_any_title_written_with_escapes_gets_the_ordinary_answer(api_model, title):
    import json

    hoisting = Engine(graphql_schema, api_model, Limits(), hoist=True)
    plain = Engine(graphql_schema, api_model, Limits(), hoist=False)
    query = "{ titleScore(title: %s) { message suggestions matches { title } } }"
    hoisting.run(query % '"warm-up"')
    literal = json.dumps(title, ensure_ascii=False)  # JSON's escapes are GraphQL's
    assert hoisting.run(query % literal).formatted == plain.run(query % literal).formatted


def test_titles_with_quotes_and_backslashes_share_the_template(engines):
    hoisting, _ = engines
    hoisting.run('{ titleScore(title: "Toy Story") { message } }')
    text = hoisting.prepare_text('{ titleScore(title: "\\"Crocodile\\" Dundee \\\\ 2\\t\\/") { message } }')
    assert text.template is not None
    assert text.literals == {"_lit0": '"Crocodile" Dundee \\ 2\t/'}


def test_second_text_of_a_shape_uses_the_template(engines):
    hoisting, _ = engines
    hoisting.run('{ titleScore(title: "Toy Story") { message } }')
    text = hoisting.prepare_text('{ titleScore(title: "Amélie") { message } }')
    assert text.literals == {"_lit0": "Amélie"}
    assert text.prepared.document is not None


@pytest.mark.parametrize(
    "query",
    [
        '{ titleScore(title: "Toy \\u0053tory") { message } }',  # a \\u escape
        '{ titleScore(title: "Toy \\xStory") { message } }',  # an invalid escape: the ordinary error
        '{ titleScore(title: """Toy Story""") { message } }',  # block string
        '{ titleScore(title: "Toy Story") { message } } # a "comment"',  # comment
        'query($t: String = "Toy Story") { titleScore(title: $t) { message } }',  # default value
        '{ movie(id: 862) { cast(first: "5") { totalCount } } }',  # a string where an Int is expected
        'query A { titleScore(title: "x") { message } } query B { titleScore(title: "y") { message } }',
    ],
)
def test_other_cases_take_the_ordinary_path(api_model, query):
    hoister = Hoister(graphql_schema)
    engine = Engine(graphql_schema, api_model, Limits(), hoist=True)
    plain = Engine(graphql_schema, api_model, Limits(), hoist=False)
    for _ in range(2):
        assert (
            engine.run(query, operation_name="A" if "query A" in query else None).formatted
            == plain.run(query, operation_name="A" if "query A" in query else None).formatted
        )
    split = hoister.split(query)
    if split is not None:
        prepared = engine.prepare(query)
        if prepared.document is not None:
            hoister.learn(split[0], prepared.document, len(split[1]), lambda document: engine.prepare(query))
            assert hoister.template(split[0]) is None


def test_errors_of_a_shared_template_point_into_the_clients_text(api_model):
    hoisting = Engine(graphql_schema, api_model, Limits(), hoist=True)
    plain = Engine(graphql_schema, api_model, Limits(), hoist=False)
    query = '{ a: titleScore(title: "%s") { message } b: releasesInMonth(month: "%s") { count } }'
    hoisting.run(query % ("Toy Story", "enero"))
    for title, month in [("x", "nope"), ("a much longer title than before", "not a month at all"), ("", "?")]:
        text = query % (title, month)
        assert hoisting.prepare_text(text).template is not None
        assert hoisting.run(text).formatted == plain.run(text).formatted


def test_a_failing_request_runs_once(api_model, monkeypatch):
    from graphql_api.domain import answers

    calls = []
    original = answers.releases_in_month

    def counted(model, month):
        calls.append(month)
        return original(model, month)

    monkeypatch.setattr(answers, "releases_in_month", counted)
    engine = Engine(graphql_schema, api_model, Limits(), hoist=True)
    query = '{ releasesInMonth(month: "%s") { count } movie(id: 862) { title } }'
    engine.run(query % "enero")
    calls.clear()
    result = engine.run(query % "nope")
    assert result.errors[0].extensions["code"] == "BAD_USER_INPUT"
    assert calls == ["nope"]


def test_known_text_costs_no_preparing(api_model):
    engine = Engine(graphql_schema, api_model, Limits(), hoist=True)
    query = '{ titleScore(title: "%s") { message } }'
    assert engine.known_text(query % "Toy Story") is None  # new: to be prepared (on the worker thread)
    engine.run(query % "Toy Story")
    assert engine.known_text(query % "Toy Story").template is None  # its own document, cached
    shared = engine.known_text(query % "Amélie")
    assert shared.template is not None
    assert shared.literals == {"_lit0": "Amélie"}
    assert engine.known_text(query % ("x" * 301)) is None  # too long to share: prepared on its own, refused


@given(st.text(st.sampled_from('ab "\\#\n\r{}():nrtu/'), max_size=40))
def test_splitting_a_text_in_one_pass_finds_what_two_passes_find(text):
    assert Hoister.__new__(Hoister).split(text) == _split_in_two_passes(text)


def _split_in_two_passes(query: str) -> tuple[str, list[str]] | None:
    """The split as it was written first: the literals' insides found, then cut out, then unescaped."""
    if '"""' in query or ("\\" in query and not _simple_escapes(query)):
        return None
    values = _STRING.findall(query)
    if not values:
        return None
    shape = _STRING.sub('""', query)
    if "#" in shape or "\\" in shape or '"' in shape.replace('""', ""):
        return None
    return shape, [_unescaped(value) for value in values]

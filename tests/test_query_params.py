"""A GET request's query string: read as `urllib.parse.parse_qsl` reads it (Starlette's QueryParams),
faster, and with raw UTF-8 bytes read as UTF-8."""

import json
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from hypothesis import given, settings
from hypothesis import strategies as st
from starlette.exceptions import HTTPException

from graphql_api.web.graphql_request import GetOperations, Operation, from_query_params, query_params, split_query


def _as_starlette_reads(raw: bytes) -> dict[str, str]:
    return dict(parse_qsl(raw.decode("latin-1"), keep_blank_values=True))


@settings(max_examples=500)
@given(st.text(st.sampled_from("ab%+=&\\x0123456789ABCDEFz ;#"), max_size=30))
def test_any_ascii_query_string_reads_as_parse_qsl_reads_it(text):
    raw = text.encode()
    assert query_params(raw) == _as_starlette_reads(raw)


@settings(max_examples=200)
@given(st.dictionaries(st.text(max_size=10), st.text(max_size=30), max_size=4))
def test_encoded_parameters_come_back_as_they_were(params):
    assert query_params(urlencode(params).encode()) == params


def test_escapes_blanks_repeats_and_raw_utf8():
    raw = b"a=1&a=2&blank&&bad=%zz%4&end=%&slash=%5C%41\\x41&euro=%E2%82%AC+x&raw=Am\xc3\xa9lie"
    assert query_params(raw) == {
        "a": "2",
        "blank": "",
        "bad": "%zz%4",
        "end": "%",
        "slash": "\\A\\x41",
        "euro": "€ x",
        "raw": "Amélie",
    }


def test_a_persisted_query_url():
    raw = urlencode({"variables": '{"v": "Toy Story"}', "extensions": '{"persistedQuery": {"version": 1}}'}).encode()
    assert query_params(raw) == {"variables": '{"v": "Toy Story"}', "extensions": '{"persistedQuery": {"version": 1}}'}


def _operation_or_refusal(read: Callable[[], Operation]) -> Operation | tuple[int, str]:
    try:
        return read()
    except HTTPException as refusal:
        return refusal.status_code, refusal.detail


_VALUES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(['{"persistedQuery": {"version": 1}}', '{"a": [1, 2]}', "[1]", "null", "3", "{", "%7B%7D"]),
)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(["query", "variables", "extensions", "operationName", "x"]), _VALUES)))
def test_a_url_reads_as_the_same_operation_with_its_extensions_remembered(pairs):
    operations = GetOperations(max_entries=4)
    raw = urlencode(pairs).encode()
    expected = _operation_or_refusal(lambda: from_query_params(query_params(raw)))
    for _ in range(2):  # the second time with the extensions' object remembered, when it is one
        assert _operation_or_refusal(lambda: operations.operation(split_query(raw))) == expected


def test_the_extensions_of_a_persisted_query_url_are_decoded_once():
    operations = GetOperations()
    extensions = '{"persistedQuery": {"version": 1, "sha256Hash": "ab"}}'
    first, second = (
        operations.operation(
            split_query(urlencode({"variables": json.dumps({"v": title}), "extensions": extensions}).encode())
        )
        for title in ("Heat", "Jumanji")
    )
    assert first.extensions is second.extensions
    assert (first.variables, second.variables) == ({"v": "Heat"}, {"v": "Jumanji"})

"""A GET request's query string: read as `urllib.parse.parse_qsl` reads it (Starlette's QueryParams),
faster, and with raw UTF-8 bytes read as UTF-8."""

from urllib.parse import parse_qsl, urlencode

from hypothesis import given, settings
from hypothesis import strategies as st

from graphql_api.web.graphql_request import query_params


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

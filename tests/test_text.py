"""Normalization of titles and names."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from graphql_api.data.text import normalize


def reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(
        char for char in decomposed if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return re.sub(r"\s+", " ", kept.casefold()).strip()


@given(st.text())
def test_fast_path_agrees_with_the_full_normalization(text):
    assert normalize(text) == reference(text)


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text(text):
    assert normalize(text) == reference(text)


def test_every_character_is_kept_or_dropped_as_the_full_normalization_says():
    for code in [*range(0x3000), *range(0x3000, 0x110000, 7)]:
        char = chr(code)
        text = f"a{char}b{char}"
        assert normalize(text) == reference(text), hex(code)


def test_what_normalizing_learns_stays_bounded():
    from etl.contract import _KEPT

    normalize("".join(chr(code) for code in range(0x3000, 0x20000, 3)))
    assert len(_KEPT) <= _KEPT.LEARNED_BELOW
    assert max(_KEPT) < _KEPT.LEARNED_BELOW


def test_examples():
    assert normalize("  Amélie   POULAIN ") == "amelie poulain"
    assert normalize("SÁBADO") == "sabado"
    assert normalize("Tom\tHanks") == "tom hanks"


def test_invisible_marks_are_dropped():
    assert normalize("\u200fTom\u200b Hanks\u202e") == "tom hanks"
    assert normalize("\ufeffAm\u00e9lie\u2066") == "amelie"


def test_a_name_with_invisible_marks_is_found(api_model):
    from graphql_api.domain import answers

    found = answers.actor(api_model, "\u200eTom\u200b Hanks\u2069")
    assert [match.name for match in found.matches][:1] == ["Tom Hanks"]

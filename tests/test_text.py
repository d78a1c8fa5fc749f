"""Normalization of titles and names."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from graphql_api.data.text import normalize


def reference(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", without_marks.casefold()).strip()


@given(st.text())
def test_fast_path_agrees_with_the_full_normalization(text):
    assert normalize(text) == reference(text)


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_text(text):
    assert normalize(text) == reference(text)


def test_examples():
    assert normalize("  Amélie   POULAIN ") == "amelie poulain"
    assert normalize("SÁBADO") == "sabado"
    assert normalize("Tom\tHanks") == "tom hanks"

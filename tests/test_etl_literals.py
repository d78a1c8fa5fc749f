"""The fast literal parser gives exactly what ast.literal_eval gives, or falls back to it."""

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.literals import CAST, CREW, GENRE, LiteralError, ShapeParser, decode_column

names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
ints = st.integers(min_value=0, max_value=10**9)
optional_names = st.none() | names

cast_entries = st.fixed_dictionaries({
    "cast_id": ints, "character": optional_names, "credit_id": names, "gender": st.none() | st.integers(0, 2),
    "id": ints, "name": names, "order": ints, "profile_path": optional_names,
})  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(cast_entries, max_size=5))
def test_cast_cells_parse_like_literal_eval(entries):
    cell = repr(entries)
    parser = ShapeParser(CAST)
    expected = [tuple(entry[key] for key in CAST.key_names) for entry in ast.literal_eval(cell)]
    assert parser.parse_list(cell) == expected
    tokens = parser.tokens(cell)
    if tokens:
        columns = list(zip(*tokens, strict=True))
        decoded = [
            decode_column(kind, column).to_pylist() for (_, kind), column in zip(CAST.keys, columns, strict=True)
        ]
        assert [tuple(row) for row in zip(*decoded, strict=True)] == expected


def test_other_key_order_falls_back_to_literal_eval():
    cell = "[{'name': 'Drama', 'id': 18}]"
    assert ShapeParser(GENRE).parse_list(cell) == [(18, "Drama")]


def test_spacing_differences_fall_back_to_literal_eval():
    cell = "[{'id': 18,'name': 'Drama'},{'id': 1, 'name': 'x'}]"
    assert ShapeParser(GENRE).parse_list(cell) == [(18, "Drama"), (1, "x")]


@pytest.mark.parametrize(
    "cell",
    [
        "[{'id': 18}]",
        "[{'id': '18', 'name': 'x'}]",
        "{'id': 1, 'name': 'x'}",
        "[1, 2]",
        "[{'id': 1, 'name': 'x'}",
        "__import__('os')",
    ],
)
def test_wrong_shapes_are_errors(cell):
    with pytest.raises(LiteralError):
        ShapeParser(GENRE).parse_list(cell)


def test_crew_with_escapes():
    entry = {"credit_id": "a", "department": "Art", "gender": 1, "id": 3, "job": "Art Direction",
             "name": "Kenneth C. Mantlo \t.", "profile_path": None}  # fmt: skip
    assert ShapeParser(CREW).parse_list(repr([entry])) == [tuple(entry.values())]


genre_entries = st.fixed_dictionaries({"id": ints, "name": names})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(genre_entries, st.booleans()), max_size=6), st.sampled_from(["", "]", ", 5]", " + [1]"]))
def test_cells_falling_back_after_usual_entries_parse_like_literal_eval(entries, ending):
    """Usual entries first, then one in another key order: read as literal_eval reads the whole cell."""
    items = [repr(entry) if usual else repr(dict(reversed(entry.items()))) for entry, usual in entries]
    cell = "[" + ", ".join(items) + ending
    parser = ShapeParser(GENRE)
    try:
        expected = [(entry["id"], entry["name"]) for entry in ast.literal_eval(cell)]
    except (ValueError, SyntaxError, TypeError):
        with pytest.raises(LiteralError):
            parser.parse_list(cell)
        return
    assert parser.parse_list(cell) == expected

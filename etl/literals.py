"""Fast, exact parsing of the Python-literal cells of the raw files.

A cell such as ``[{'id': 16, 'name': 'Animation'}]`` is what ``repr()`` prints for a list of dicts
with a fixed set of keys. Instead of ``ast.literal_eval`` on every cell, one compiled regular
expression per shape pulls the values out in C, and the result is checked to cover the whole
cell. Any cell the regex does not cover exactly (another key order, an unexpected value type)
falls back to ``ast.literal_eval``, so the result is always what ``ast.literal_eval`` gives.
"""

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

# Value kinds a key can hold in the fixed shapes.
INT = "int"
STR = "str"
OPT_STR = "str|None"
OPT_INT = "int|None"

_INT_RE = r"(-?\d+)"
# Quoted strings as repr writes them; the unrolled form ([^q]*(\\.[^q]*)*) keeps the regex engine in tight loops.
_QUOTED = r"'[^'\\\n]*(?:\\.[^'\\\n]*)*'" + "|" + r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_STR_RE = f"({_QUOTED})"
_OPT_STR_RE = f"(None|{_QUOTED})"
_OPT_INT_RE = r"(None|-?\d+)"
_VALUE_RE = {INT: _INT_RE, STR: _STR_RE, OPT_STR: _OPT_STR_RE, OPT_INT: _OPT_INT_RE}


class LiteralError(ValueError):
    """A cell that is not a Python literal of the expected shape."""


@dataclass(frozen=True)
class Shape:
    """A dict with these keys, in this order, each holding a value of the given kind."""

    name: str
    keys: tuple[tuple[str, str], ...]

    @property
    def key_names(self) -> tuple[str, ...]:
        return tuple(key for key, _ in self.keys)


GENRE = Shape("genre", (("id", INT), ("name", STR)))
COMPANY = Shape("company", (("name", STR), ("id", INT)))
COUNTRY = Shape("country", (("iso_3166_1", STR), ("name", STR)))
LANGUAGE = Shape("language", (("iso_639_1", STR), ("name", STR)))
COLLECTION = Shape("collection", (("id", INT), ("name", STR), ("poster_path", OPT_STR), ("backdrop_path", OPT_STR)))
CAST = Shape(
    "cast",
    (
        ("cast_id", INT),
        ("character", OPT_STR),
        ("credit_id", STR),
        ("gender", OPT_INT),
        ("id", INT),
        ("name", STR),
        ("order", INT),
        ("profile_path", OPT_STR),
    ),
)
CREW = Shape(
    "crew",
    (
        ("credit_id", STR),
        ("department", STR),
        ("gender", OPT_INT),
        ("id", INT),
        ("job", STR),
        ("name", STR),
        ("profile_path", OPT_STR),
    ),
)


def _dict_pattern(shape: Shape, captured: Sequence[str]) -> str:
    """The regex of a dict of `shape`, with a group around each value of the `captured` keys."""
    values = (_VALUE_RE[kind] if key in captured else "(?:" + _VALUE_RE[kind][1:] for key, kind in shape.keys)
    return "{" + ", ".join(f"'{key}': {value}" for (key, _), value in zip(shape.keys, values, strict=True)) + "}"


class ShapeParser:
    """Parses cells holding a list of `shape` dicts (or one dict), giving the values of `keys`
    (default: every key) in the shape's order; every key is checked all the same.

    `tokens` gives each dict's values as the source text of their literals (``'Tom Hanks'``,
    ``31``, ``None``); `parse_list` and `parse_one` give the Python values, `columns` the values of
    many dicts' tokens as Arrow arrays.
    """

    def __init__(self, shape: Shape, keys: Sequence[str] | None = None) -> None:
        self.shape = shape
        self.keys = [(key, kind) for key, kind in shape.keys if keys is None or key in keys]
        captured = [key for key, _ in self.keys]
        self._item = re.compile(_dict_pattern(shape, captured))
        # The same, with an outer group around the whole dict to check the matches tile the cell.
        self._whole_and_items = re.compile("(" + _dict_pattern(shape, captured) + ")")
        self._decoders = [_DECODERS[kind] for _, kind in self.keys]

    def tokens(self, cell: str) -> list[tuple[str, ...]]:
        """Each dict's value literals, in key order. Raises LiteralError when the cell is not a list."""
        if cell == "[]":
            return []
        if cell.startswith("[{") and cell.endswith("}]"):
            found = self._whole_and_items.findall(cell)
            if found and cell == "[" + ", ".join([groups[0] for groups in found]) + "]":
                return [groups[1:] for groups in found]
        read, rest = self._leading_items(cell)
        return read + [tuple(map(repr, values)) for values in self._fallback_list(rest)]

    def _leading_items(self, cell: str) -> tuple[list[tuple[str, ...]], str]:
        """The tokens of the dicts the pattern reads at the start of a list cell (each followed by
        ", "), and the list of what follows them, for ast.literal_eval to read: a cell of megabytes
        that falls back (one odd or broken entry) then costs literal_eval its tail only, not
        hundreds of megabytes of syntax tree."""
        read: list[tuple[str, ...]] = []
        position = 1
        while (
            cell.startswith("[") and (match := self._item.match(cell, position)) and cell.startswith(", ", match.end())
        ):
            read.append(match.groups())
            position = match.end() + 2
        return read, cell if position == 1 else "[" + cell[position:]

    def parse_list(self, cell: str) -> list[tuple[Any, ...]]:
        """Each dict's values, in key order. Raises LiteralError when the cell is not such a list."""
        return [self._decode(tokens) for tokens in self.tokens(cell)]

    def tokens_one(self, cell: str) -> tuple[str, ...]:
        """The value literals of a single dict cell. Raises LiteralError when the cell is not such a dict."""
        match = self._item.fullmatch(cell)
        if match is not None:
            return match.groups()
        value = _literal(cell)
        if not isinstance(value, dict):
            raise LiteralError(f"expected a dict, got {type(value).__name__}")
        return tuple(map(repr, self._from_dict(value)))

    def parse_one(self, cell: str) -> tuple[Any, ...]:
        """Values of a single dict cell. Raises LiteralError when the cell is not such a dict."""
        return self._decode(self.tokens_one(cell))

    def _decode(self, tokens: Sequence[str]) -> tuple[Any, ...]:
        return tuple([decode(token) for decode, token in zip(self._decoders, tokens, strict=True)])

    def _fallback_list(self, cell: str) -> list[tuple[Any, ...]]:
        value = _literal(cell)
        if not isinstance(value, list):
            raise LiteralError(f"expected a list, got {type(value).__name__}")
        return [self._from_dict(item) for item in value]

    def _from_dict(self, item: object) -> tuple[Any, ...]:
        if not isinstance(item, dict):
            raise LiteralError(f"expected a list of dicts, found a {type(item).__name__}")
        missing = [key for key in self.shape.key_names if key not in item]
        if missing:
            raise LiteralError(f"{self.shape.name} entry without key(s) {', '.join(missing)}")
        for key, kind in self.shape.keys:
            if not _KIND_CHECK[kind](item[key]):
                raise LiteralError(f"{self.shape.name} {key!r} is {item[key]!r}, expected {kind}")
        return tuple(item[key] for key, _ in self.keys)

    def columns(self, rows: list[tuple[str, ...]]) -> dict[str, pa.Array]:
        """The values of each key over many dicts' tokens (as `tokens` gives them)."""
        columns = list(zip(*rows, strict=True)) or [()] * len(self.keys)
        return {key: decode_column(kind, column) for (key, kind), column in zip(self.keys, columns, strict=True)}


def decode_column(kind: str, tokens: Sequence[str]) -> pa.Array:
    """The values of a column of literal tokens of one kind, as an Arrow array (None is null)."""
    array = pa.array(tokens, pa.string())
    if kind == INT:
        return array.cast(pa.int64())
    is_none = pc.equal(array, "None")
    if kind == OPT_INT:
        return pc.if_else(is_none, pa.scalar(None, pa.string()), array).cast(pa.int64())
    decoded = pc.utf8_slice_codeunits(array, 1, -1)
    escaped = pc.match_substring(array, "\\")
    if pc.any(escaped).as_py():
        positions = np.flatnonzero(escaped.to_numpy(zero_copy_only=False))
        unescaped = pa.array([_decode_str(tokens[position]) for position in positions], pa.string())
        decoded = pc.replace_with_mask(decoded, escaped, unescaped)
    if kind == OPT_STR:
        decoded = pc.if_else(is_none, pa.scalar(None, pa.string()), decoded)
    return decoded


def _literal(cell: str) -> Any:
    try:
        return ast.literal_eval(cell)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as error:
        raise LiteralError(f"not a Python literal ({type(error).__name__})") from None


def _decode_str(token: str) -> str:
    if "\\" in token:
        return ast.literal_eval(token)
    return token[1:-1]


def _decode_opt_str(token: str) -> str | None:
    return None if token == "None" else _decode_str(token)


def _decode_opt_int(token: str) -> int | None:
    return None if token == "None" else int(token)


_DECODERS = {INT: int, STR: _decode_str, OPT_STR: _decode_opt_str, OPT_INT: _decode_opt_int}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_KIND_CHECK = {
    INT: _is_int,
    STR: lambda value: isinstance(value, str),
    OPT_STR: lambda value: value is None or isinstance(value, str),
    OPT_INT: lambda value: value is None or _is_int(value),
}

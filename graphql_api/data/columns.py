"""Read-only columns over the read model's arrays: text, dates, categories, groups, entities, lookups.

Each wraps arrays the ETL computed (etl.contract.ARRAYS) without copying them. Items are read
through memoryviews, which hand out plain Python ints, floats and bools.
"""

import mmap
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

import numpy as np

from etl.contract import key_hash


class StringColumn:
    """Optional strings: value i is the UTF-8 text at data[start + offsets[i] : start + offsets[i + 1]]."""

    __slots__ = ("_data", "_nulls", "_offsets", "_start")

    def __init__(self, data: mmap.mmap | bytes, start: int, offsets: memoryview, nulls: memoryview) -> None:
        self._data = data
        self._start = start
        self._offsets = offsets
        self._nulls = nulls

    def __len__(self) -> int:
        return len(self._nulls)

    def __getitem__(self, index: int) -> str | None:
        if self._nulls[index]:
            return None
        start = self._start
        return self._data[start + self._offsets[index] : start + self._offsets[index + 1]].decode()

    def to_list(self) -> list[str | None]:
        return [self[index] for index in range(len(self))]


class Dates:
    """ISO dates (YYYY-MM-DD) stored as 10 ASCII bytes each."""

    __slots__ = ("_values",)

    def __init__(self, values: np.ndarray) -> None:
        self._values = values

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, index: int) -> str:
        return self._values[index].decode()


class Categories:
    """A low-cardinality column as small integer codes into a list of its distinct values."""

    __slots__ = ("_codes", "values")

    def __init__(self, codes: memoryview, values: list[Any]) -> None:
        self._codes = codes
        self.values = values

    def __getitem__(self, index: int) -> Any:
        return self.values[self._codes[index]]


class Groups:
    """For each key, the positions (into some table) of its rows: offsets[key]:offsets[key + 1] of
    `positions`, or of the table itself when `positions` is None (a table sorted by key)."""

    __slots__ = ("_offsets", "_positions")

    def __init__(self, offsets: memoryview, positions: memoryview | None = None) -> None:
        self._offsets = offsets
        self._positions = positions

    def count(self, key: int) -> int:
        return self._offsets[key + 1] - self._offsets[key]

    def bounds(self, key: int, start: int = 0, stop: int | None = None) -> tuple[int, int]:
        """Where the group's rows from `start` to `stop` (group-relative) are: low:high of the positions."""
        begin = self._offsets[key]
        end = self._offsets[key + 1]
        return min(begin + start, end), end if stop is None else min(begin + stop, end)

    def slice(self, key: int, start: int = 0, stop: int | None = None) -> Sequence[int]:
        """Positions of the group's rows from `start` to `stop` (group-relative)."""
        low, high = self.bounds(key, start, stop)
        if self._positions is None:
            return list(range(low, high))
        return self._positions[low:high].tolist()


class Entities:
    """Entities sorted by key (an id or a code): each one's key and name."""

    __slots__ = ("_keys", "_names")

    def __init__(self, keys: Sequence[Any], names: StringColumn) -> None:
        self._keys = keys
        self._names = names

    def __len__(self) -> int:
        return len(self._keys)

    def name(self, row: int) -> str | None:
        return self._names[row]

    def row_of(self, key: Any) -> int | None:
        row = bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else None

    def get(self, key: Any) -> str | None:
        """The name of the entity with this key; None when there is none."""
        row = self.row_of(key)
        return None if row is None else self._names[row]

    def key(self, row: int) -> Any:
        return self._keys[row]


class Links:
    """Per film, the entities it links to, in the source's order."""

    __slots__ = ("_entities", "_groups")

    def __init__(self, groups: Groups, entities: Entities) -> None:
        self._groups = groups
        self._entities = entities

    def keys(self, movie_row: int) -> list[Any]:
        return [self._entities.key(row) for row in self._groups.slice(movie_row)]


class GroupsByKey:
    """Groups looked up by an entity's key instead of its row."""

    __slots__ = ("_entities", "_groups")

    def __init__(self, groups: Groups, entities: Entities) -> None:
        self._groups = groups
        self._entities = entities

    def get(self, key: Any, default: Sequence[int] = ()) -> Sequence[int]:
        row = self._entities.row_of(key)
        return default if row is None else self._groups.slice(row)


class KeyIndex:
    """Rows by normalized key, in order of relevance, found without a dictionary: the key's 64-bit
    hash is searched among the sorted hashes, and each candidate is checked against the key's text."""

    __slots__ = ("_hash_keys", "_hashes", "_rows", "keys")

    def __init__(self, keys: StringColumn, rows: Groups, hashes: memoryview, hash_keys: memoryview) -> None:
        self.keys = keys  # the distinct keys, in order of first appearance
        self._rows = rows
        self._hashes = hashes
        self._hash_keys = hash_keys

    def get(self, key: str) -> list[int]:
        wanted = key_hash(key)
        position = bisect_left(self._hashes, wanted)
        while position < len(self._hashes) and self._hashes[position] == wanted:
            index = self._hash_keys[position]
            if self.keys[index] == key:
                return list(self._rows.slice(index))
            position += 1
        return []

    def first_row(self, index: int) -> int:
        """The most relevant row of the index-th key."""
        return self._rows.slice(index, 0, 1)[0]

"""Compact in-memory columns: strings kept as one UTF-8 buffer, and row ranges grouped by a key."""

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pyarrow as pa


class StringColumn:
    """A column of optional strings stored as Arrow lays them out: offsets into one bytes buffer."""

    __slots__ = ("_data", "_nulls", "_offsets")

    def __init__(self, array: pa.Array | pa.ChunkedArray) -> None:
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks() if array.num_chunks else pa.array([], pa.string())
        array = array.cast(pa.large_string())
        _, offsets, data = array.buffers()
        self._offsets = np.frombuffer(offsets, dtype=np.int64)[array.offset : array.offset + len(array) + 1].copy()
        self._data = data.to_pybytes() if data is not None else b""
        self._nulls = array.is_null().to_numpy(zero_copy_only=False)

    def __len__(self) -> int:
        return len(self._nulls)

    def __getitem__(self, index: int) -> str | None:
        if self._nulls[index]:
            return None
        return self._data[self._offsets[index] : self._offsets[index + 1]].decode()


class Categories:
    """A low-cardinality column as small integer codes into a list of its distinct values."""

    __slots__ = ("codes", "values")

    def __init__(self, array: pa.Array | pa.ChunkedArray) -> None:
        encoded = pa.chunked_array(array).combine_chunks().dictionary_encode() if len(array) else None
        if encoded is None:
            self.values: list[Any] = []
            self.codes = np.zeros(0, dtype=np.int32)
            return
        self.values = encoded.dictionary.to_pylist()
        codes = encoded.indices.fill_null(len(self.values)).to_numpy(zero_copy_only=False)
        self.values.append(None)
        self.codes = codes.astype(np.int32)

    def __getitem__(self, index: int) -> Any:
        return self.values[self.codes[index]]

    def code_of(self, value: Any) -> int:
        """The code of `value`, or -1 when no row holds it."""
        try:
            return self.values.index(value)
        except ValueError:
            return -1


class Groups:
    """For each of `size` keys, the positions (into some table) of its rows, in a chosen order."""

    __slots__ = ("offsets", "positions")

    def __init__(
        self, keys: np.ndarray, size: int, order: np.ndarray | None = None, values: np.ndarray | None = None
    ) -> None:
        """`keys[i]` is the group of row i; rows keep `order` (default: table order) within a group.

        A group holds the rows' positions, or `values[position]` when `values` is given.
        """
        if order is None:
            order = np.arange(len(keys))
        ordered_keys = keys[order]
        stable = np.argsort(ordered_keys, kind="stable")
        positions = order[stable]
        self.positions = (positions if values is None else values[positions]).astype(np.int32)
        counts = np.bincount(ordered_keys, minlength=size) if len(keys) else np.zeros(size, dtype=np.int64)
        self.offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)

    @classmethod
    def of_sorted(cls, keys: np.ndarray, size: int) -> "Groups":
        """Groups of a table already sorted by key: each group is a run of consecutive rows."""
        groups = cls.__new__(cls)
        groups.positions = np.arange(len(keys), dtype=np.int32)
        groups.offsets = np.searchsorted(keys, np.arange(size + 1)).astype(np.int64)
        return groups

    def count(self, key: int) -> int:
        return int(self.offsets[key + 1] - self.offsets[key])

    def slice(self, key: int, start: int = 0, stop: int | None = None) -> Sequence[int]:
        """Positions of the group's rows from `start` to `stop` (group-relative)."""
        begin = self.offsets[key]
        end = self.offsets[key + 1]
        low = min(begin + start, end)
        high = end if stop is None else min(begin + stop, end)
        return self.positions[low:high].tolist()


class KeyIndex:
    """Rows by a text key, in the order they were added. A key with one row stores a bare int."""

    __slots__ = ("_rows",)

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        rows: dict[str, int | tuple[int, ...]] = {}
        for key, row in pairs:
            found = rows.get(key)
            if found is None:
                rows[key] = row
            elif isinstance(found, int):
                rows[key] = (found, row)
            else:
                rows[key] = (*found, row)
        self._rows = rows

    def get(self, key: str) -> list[int]:
        found = self._rows.get(key)
        if found is None:
            return []
        return [found] if isinstance(found, int) else list(found)

    def first_rows(self) -> dict[str, int]:
        """Each key with its first row."""
        return {key: rows if isinstance(rows, int) else rows[0] for key, rows in self._rows.items()}

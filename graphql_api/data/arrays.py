"""The read model's arrays as the contract verified and mapped them: numpy views and typed columns.

Nothing is copied: every array is a view of a read-only file mapping, so the pages are read from
disk on first use and forked workers share one copy.
"""

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from etl.contract import ArrayFile
from graphql_api.data.columns import Categories, Groups, KeyIndex, StringColumn


class MappedArrays:
    def __init__(self, files: Mapping[str, ArrayFile]) -> None:
        self._files = files

    def path(self, name: str) -> Path:
        return self._files[name].path

    def array(self, name: str) -> np.ndarray:
        file = self._files[name]
        return np.frombuffer(file.buffer, dtype=file.dtype, count=file.length, offset=file.offset)

    def items(self, name: str) -> memoryview:
        """The array's items as plain Python values."""
        return memoryview(self.array(name))

    def text(self, name: str) -> StringColumn:
        data = self._files[f"{name}.bytes"]
        return StringColumn(data.buffer, data.offset, self.items(f"{name}.offsets"), self.items(f"{name}.nulls"))

    def categories(self, name: str) -> Categories:
        return Categories(self.items(f"{name}.codes"), self.text(f"{name}.values").to_list())

    def groups(self, name: str) -> Groups:
        return Groups(self.items(f"{name}.offsets"), self.items(f"{name}.items"))

    def runs(self, offsets: str) -> Groups:
        """Groups of a table sorted by key: key k's rows are offsets[k]:offsets[k + 1]."""
        return Groups(self.items(offsets))

    def lookup(self, name: str) -> KeyIndex:
        return KeyIndex(
            self.text(f"{name}.keys"),
            self.groups(f"{name}.rows"),
            self.items(f"{name}.hashes"),
            self.items(f"{name}.hash_keys"),
        )

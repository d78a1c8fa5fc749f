"""A dict that keeps only its most recently used entries, bounded in count and, optionally, in weight.

Safe to share between threads: each operation holds a lock.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class LRU(Generic[Key, Value]):
    def __init__(
        self, max_entries: int, max_weight: int | None = None, weight: Callable[[Value], int] = lambda _: 0
    ) -> None:
        self._entries: OrderedDict[Key, Value] = OrderedDict()
        self._max_entries = max_entries
        self._max_weight = max_weight
        self._weight = weight
        self._total_weight = 0
        self._lock = threading.Lock()

    def __contains__(self, key: Key) -> bool:
        return key in self._entries

    def get(self, key: Key) -> Value | None:
        """The value, now the most recently used; None when absent."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key]

    def put(self, key: Key, value: Value) -> None:
        """Remember `value`, forgetting the least recently used entries beyond the bounds."""
        with self._lock:
            if key in self._entries:
                self._total_weight -= self._weight(self._entries.pop(key))
            self._entries[key] = value
            self._total_weight += self._weight(value)
            while len(self._entries) > self._max_entries or (
                self._max_weight is not None and self._total_weight > self._max_weight
            ):
                _, evicted = self._entries.popitem(last=False)
                self._total_weight -= self._weight(evicted)


def entries_share(entries: int, share: float) -> int:
    """A cache's entry cap when it has `share` of the budget (1 / workers): never below one entry."""
    return max(1, int(entries * share))

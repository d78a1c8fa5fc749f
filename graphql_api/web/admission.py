"""Which answers the response cache keeps: those whose request comes a second time.

An answer is kept when its request was seen recently (among the last `max_remembered` to
`2 x max_remembered` requests whose answers were not kept), as nginx's `proxy_cache_min_uses 2`
does. A request nobody repeats, such as every request of a client that sends new arguments each
time, then costs no insertion into the cache and pushes no popular answer out of it; a repeated
one is computed twice before it is served from the cache.

Requests are remembered by their key's hash, in two generations: when the newer one is full, it
becomes the older and the oldest is forgotten. A collision only keeps an answer one request early.
"""

from collections.abc import Hashable


class SecondRequest:
    __slots__ = ("_max_remembered", "_newer", "_older")

    def __init__(self, max_remembered: int) -> None:
        self._max_remembered = max_remembered
        self._newer: set[int] = set()
        self._older: set[int] = set()

    def admits(self, key: Hashable) -> bool:
        """Whether to keep the answer to the request `key`: True when it was seen before."""
        digest = hash(key)
        if digest in self._newer:
            self._newer.discard(digest)
            return True
        if digest in self._older:
            self._older.discard(digest)
            return True
        if len(self._newer) >= self._max_remembered:
            self._older, self._newer = self._newer, set()
        self._newer.add(digest)
        return False

"""Seeded random helpers: weighted pickers, heavy-tailed weights, TMDB-like ids and image paths.

Everything takes an explicit `random.Random`; nothing here touches the global generator, hash
seeds or set order, so a given seed always gives the same draws.
"""

import itertools
import random
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_BYTE_TO_BASE62 = bytes(ord(BASE62[b % 62]) for b in range(256))
_IMAGE_CHARS = 27


def derive(rng: random.Random) -> random.Random:
    """A new independent generator seeded from `rng` (one draw of `rng`)."""
    return random.Random(rng.getrandbits(64))


def image_path(rng: random.Random) -> str:
    """A TMDB image path: "/" + 27 base62 characters + ".jpg" (as in the real files, about 1 in
    40 has 26 characters and a very few 25)."""
    roll = rng.random()
    size = _IMAGE_CHARS if roll < 0.975 else (_IMAGE_CHARS - 1 if roll < 0.9995 else _IMAGE_CHARS - 2)
    raw = rng.getrandbits(8 * size).to_bytes(size, "little")
    return "/" + raw.translate(_BYTE_TO_BASE62).decode("ascii") + ".jpg"


def credit_id(rng: random.Random) -> str:
    """A 24-hex-digit id shaped like TMDB's (a MongoDB ObjectId: timestamp then random bits)."""
    stamp = 0x52FE4000 + rng.getrandbits(12) if rng.random() < 0.55 else rng.randrange(0x52000000, 0x5A000000)
    return f"{stamp:08x}{rng.getrandbits(64):016x}"


def zipf_weights(n: int, offset: float, exponent: float) -> list[float]:
    """Heavy-tailed weights for ranks 0..n-1: (rank + offset) ** -exponent."""
    return [(rank + offset) ** -exponent for rank in range(n)]


def busy_weights(n: int, head: float = 1.0, head_offset: float = 20, tail_share: float = 0.006) -> list[float]:
    """How often each of n ranked people works: a steep head (a few very busy people) on a wide
    tail (most people in a film or two). The tail's offset grows with n, so the shape scales."""
    tail_offset = max(1.0, n * tail_share)
    return [head * (rank + head_offset) ** -1.5 + (rank + tail_offset) ** -0.8 for rank in range(n)]


class Picker(Generic[T]):
    """Weighted choice over a fixed sequence of items, with precomputed cumulative weights."""

    def __init__(self, items: Sequence[T], weights: Iterable[float]) -> None:
        self.items: list[T] = list(items)
        self.cum_weights: list[float] = list(itertools.accumulate(weights))
        if len(self.items) != len(self.cum_weights) or not self.items:
            raise ValueError("a Picker needs as many weights as items, and at least one item")

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[T, float]]) -> "Picker[T]":
        pairs = list(pairs)
        return cls([item for item, _ in pairs], [weight for _, weight in pairs])

    def pick(self, rng: random.Random) -> T:
        return rng.choices(self.items, cum_weights=self.cum_weights)[0]

    def pick_many(self, rng: random.Random, k: int) -> list[T]:
        return rng.choices(self.items, cum_weights=self.cum_weights, k=k)

    def pick_distinct(self, rng: random.Random, k: int, rounds: int = 6) -> list[T]:
        """Up to k distinct items (fewer if the draws keep colliding), in draw order."""
        chosen: list[T] = []
        seen: set[T] = set()  # membership only: never iterated, so hash order cannot leak
        for _ in range(rounds):
            for item in rng.choices(self.items, cum_weights=self.cum_weights, k=k - len(chosen)):
                if item not in seen:
                    seen.add(item)
                    chosen.append(item)
            if len(chosen) >= k:
                break
        return chosen[:k]


def heavy_count(rng: random.Random, mu: float, sigma: float, cap: int) -> int:
    """A heavy-tailed non-negative count: floor of a log-normal draw, capped."""
    return min(cap, int(rng.lognormvariate(mu, sigma)))


def scaled(full_scale_value: float, movies: int, full_scale_movies: int = 45466) -> int:
    """A count proportional to the number of movies, rounded."""
    return round(full_scale_value * movies / full_scale_movies)

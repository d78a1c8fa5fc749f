"""The bounded caches forget the least recently used entries first."""

from graphql_api.engine.lru import LRU


def test_bounded_by_count_least_recently_used_first():
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3)
    assert "b" not in cache
    assert (cache.get("a"), cache.get("c")) == (1, 3)


def test_bounded_by_weight():
    cache: LRU[str, bytes] = LRU(10, max_weight=5, weight=len)
    cache.put("a", b"123")
    cache.put("b", b"45")
    cache.put("c", b"6")
    assert "a" not in cache
    assert (cache.get("b"), cache.get("c")) == (b"45", b"6")
    cache.put("b", b"4")  # replacing a value re-weighs it
    cache.put("d", b"789")
    assert (cache.get("b"), cache.get("c"), cache.get("d")) == (b"4", b"6", b"789")


def test_none_values_are_remembered():
    cache: LRU[str, int | None] = LRU(2)
    cache.put("shape", None)
    assert "shape" in cache
    assert cache.get("shape") is None

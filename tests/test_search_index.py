"""The ETL's discovery indexes: the words titles and names are searched by, each word's rows best first, and
the listing orders (every film once, unknown values last both ways)."""

import numpy as np
import pytest

from etl.contract import MOVIE_ORDERS, normalize, words
from etl.search_index import movie_orders, popularity_order, ranks, word_index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toy Story 2", ["toy", "story", "2"]),
        ("  AMÉLIE ", ["amelie"]),
        ("Schindler's List", ["schindlers", "list"]),
        ("L’Été meurtrier", ["l", "ete", "meurtrier"]),
        ("Spider-Man: Far From Home", ["spider", "man", "far", "from", "home"]),
        ("WALL·E", ["wall", "e"]),
        ("Tora! Tora! Tora!", ["tora", "tora", "tora"]),
        ("", []),
    ],
)
def test_words_ignore_case_accents_and_punctuation(text, expected):
    assert words(text) == expected


def test_each_word_lists_its_rows_best_first():
    texts = ["The Matrix", None, "Matrix Reloaded", "the end", "The the"]
    index = word_index([normalize(text) if text else None for text in texts], ranking=np.array([2, 0, 4, 3, 1]))
    assert index.words == ["end", "matrix", "reloaded", "the"]
    rows = {word: index.rows[index.offsets[k] : index.offsets[k + 1]].tolist() for k, word in enumerate(index.words)}
    assert rows == {"end": [3], "matrix": [2, 0], "reloaded": [2], "the": [0, 4, 3]}
    assert index.counts.tolist() == [2, 0, 2, 2, 1]  # distinct words


def test_orders_list_every_film_once_unknown_last_both_ways(sample_output):
    import pyarrow.parquet as pq

    movies = pq.read_table(sample_output / "movies.parquet")
    by_popularity = popularity_order(movies.column("id").to_numpy(), movies.column("popularity").to_numpy())
    title_keys = [normalize(title) if title else None for title in movies.column("title").to_pylist()]
    orders = movie_orders(movies, title_keys, by_popularity)
    assert set(orders) == {f"movie.order.{key}.{way}" for key in MOVIE_ORDERS for way in ("asc", "desc")}
    revenue = movies.column("revenue").to_numpy()
    for name, order in orders.items():
        assert sorted(order.tolist()) == list(range(movies.num_rows)), name
    known = int((revenue > 0).sum())
    for way in ("asc", "desc"):
        listed = revenue[orders[f"movie.order.revenue.{way}"]]
        assert (listed[known:] == 0).all()
        assert (np.diff(listed[:known]) >= 0).all() if way == "asc" else (np.diff(listed[:known]) <= 0).all()
    assert (ranks(by_popularity)[by_popularity] == np.arange(movies.num_rows)).all()

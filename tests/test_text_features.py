"""The text features made in a forked process: the same matrix as made in process, and made in
process when the child fails or cannot be forked."""

import os

import numpy as np
import pyarrow as pa
import pytest

from etl import text_features
from etl.text_features import TextFeatures, film_texts, text_matrix


@pytest.fixture
def movies() -> pa.Table:
    titles = ["Toy Story", "Toy Story 2", "Heat", "Casino", None, "Alien"]
    overviews = ["Toys come alive", "The toys return", "A heist in Los Angeles", "Vegas casino", "", None]
    taglines = [None, "toys again", "heist", None, None, "space horror"]
    return pa.table({"title": titles, "overview": overviews, "tagline": taglines})


def _same(left, right) -> bool:
    return left.shape == right.shape and (left != right).nnz == 0 and np.array_equal(left.indptr, right.indptr)


def test_the_child_makes_the_same_matrix_as_this_process(movies):
    expected = text_matrix(film_texts(movies), 0.3)
    with TextFeatures.start(movies, 0.3) as features:
        found = features.result()
    assert _same(found, expected)
    assert features.child_peak_mb >= 0


def test_a_child_that_dies_leaves_the_matrix_to_this_process(movies, monkeypatch):
    monkeypatch.setattr(text_features, "_make_in_child", lambda *_: os._exit(1))
    with TextFeatures.start(movies, 0.3) as features:
        found = features.result()
    assert _same(found, text_matrix(film_texts(movies), 0.3))


def test_without_fork_the_matrix_is_made_in_process(movies, monkeypatch):
    monkeypatch.setattr(text_features.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with TextFeatures.start(movies, 0.3) as features:
        assert _same(features.result(), text_matrix(film_texts(movies), 0.3))


def test_a_child_never_asked_is_stopped(movies):
    with TextFeatures.start(movies, 0.3) as features:
        child = features._child
    assert child is not None
    assert not child.is_alive()


def test_texts_without_words_give_an_empty_matrix():
    empty = pa.table({"title": [None, ""], "overview": [None, None], "tagline": ["", None]})
    assert text_matrix(film_texts(empty), 0.3).nnz == 0

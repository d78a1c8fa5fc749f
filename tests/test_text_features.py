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


KILLED_PARENT = """
import sys, time
import pyarrow as pa
from etl import text_features

def slow_matrix(texts, weight):
    time.sleep(float(sys.argv[1]))
    return text_features.sp.csr_matrix(text_features.np.ones((len(texts), 200_000)))  # more than a pipe holds

text_features.text_matrix = slow_matrix
features = text_features.TextFeatures.start(pa.table({"title": ["a"], "overview": ["b"], "tagline": ["c"]}), 0.3)
print(features._child.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("child_seconds", [0.0, 30.0])
def test_a_killed_parent_leaves_no_child_behind(child_seconds):
    """SIGKILL runs no clean-up: the child dies with its parent, done or not with its matrix."""
    import signal
    import subprocess
    import sys
    import time

    from tests.fixtures import REPO

    parent = subprocess.Popen(
        [sys.executable, "-c", KILLED_PARENT, str(child_seconds)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        child_pid = int(parent.stdout.readline())
        time.sleep(0.5)  # the child is past its start (and, with no work to do, blocked sending)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while _alive(child_pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    orphaned = _alive(child_pid)
    if orphaned:
        os.kill(child_pid, signal.SIGKILL)
    assert not orphaned


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False

"""What recommendations need from the films alone, made in a forked process: the same text matrix
and groups as made in process, and made in process when the child fails or cannot be forked."""

import os

import numpy as np
import pyarrow as pa
import pytest

from etl import text_features
from etl.contract import table_file
from etl.recommend import feature_tables, features_job
from etl.text_features import FeaturesJob, TextFeatures, film_texts, make_features, text_matrix


@pytest.fixture
def movies() -> pa.Table:
    titles = ["Toy Story", "Toy Story 2", "Heat", "Casino", None, "Alien"]
    overviews = ["Toys come alive", "The toys return", "A heist in Los Angeles", "Vegas casino", "", None]
    taglines = [None, "toys again", "heist", None, None, "space horror"]
    return pa.table({"title": titles, "overview": overviews, "tagline": taglines})


@pytest.fixture
def job(movies) -> FeaturesJob:
    dense = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [0.5, 0.5], [0.0, 0.0]])
    return FeaturesJob(film_texts(movies), 0.3, dense, np.arange(6) * 1e-12, 1.0, 3)


def _given(job: FeaturesJob) -> FeaturesJob:
    return job


def _same(left, right) -> bool:
    return left.shape == right.shape and (left != right).nnz == 0 and np.array_equal(left.indptr, right.indptr)


def _same_features(left, right) -> bool:
    groups = [(features.groups.vectors, features.groups.of_row, features.groups.filler_rows,
               features.groups.filler_keys) for features in (left, right)]  # fmt: skip
    return _same(left.text, right.text) and all(np.array_equal(one, other) for one, other in zip(*groups, strict=True))


def test_the_child_makes_the_same_features_as_this_process(job):
    with TextFeatures.fork() as features:
        features.submit(_given, job)
        found = features.result()
    assert _same_features(found, make_features(job))
    assert _same(found.text, text_matrix(job.texts, 0.3))
    assert features.child_peak_mb > 0


def test_the_child_makes_the_same_features_from_the_real_sample(sample_output):
    import pyarrow.parquet as pq

    tables = {name: pq.read_table(sample_output / table_file(name)) for name in ("movies", "movie_genres")}
    with TextFeatures.fork() as features:
        features.submit(features_job, feature_tables(tables))  # the columns it needs, as the ETL sends them
        assert _same_features(features.result(), make_features(features_job(tables)))


def test_a_child_that_dies_leaves_the_features_to_this_process(job, monkeypatch):
    monkeypatch.setattr(text_features, "_serve_in_child", lambda *_: os._exit(1))
    with TextFeatures.fork() as features:
        features.submit(_given, job)
        found = features.result()
    assert _same_features(found, make_features(job))


def test_without_fork_the_features_are_made_in_process(job, monkeypatch):
    monkeypatch.setattr(text_features.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    with TextFeatures.fork() as features:
        features.submit(_given, job)
        assert _same_features(features.result(), make_features(job))


def test_a_child_never_given_a_job_is_stopped():
    with TextFeatures.fork() as features:
        child = features._child
    assert child is not None
    assert not child.is_alive()


def test_texts_without_words_give_an_empty_matrix():
    empty = pa.table({"title": [None, ""], "overview": [None, None], "tagline": ["", None]})
    assert text_matrix(film_texts(empty), 0.3).nnz == 0


def test_a_film_s_features_read_the_start_of_a_huge_text(movies):
    huge = "heist " * (text_features.MAX_TEXT_CHARACTERS // 3)  # twice the cap
    table = movies.set_column(1, "overview", pa.array(["Toys come alive", huge, None, None, None, None]))
    texts = film_texts(table)
    assert len(texts[1]) == text_features.MAX_TEXT_CHARACTERS
    assert ("Toy Story 2 " + huge).startswith(texts[1])
    assert texts[0] == "Toy Story Toys come alive"  # shorter texts whole


KILLED_PARENT = """
import sys, time
from etl import text_features

def slow_matrix(texts, weight):
    time.sleep(float(sys.argv[1]))
    return text_features.sp.csr_matrix(text_features.np.ones((len(texts), 200_000)))  # more than a pipe holds

text_features.text_matrix = slow_matrix
def job(texts):
    return text_features.FeaturesJob(texts, 0.3, text_features.np.ones((1, 1)), text_features.np.zeros(1), 1.0, 1)

features = text_features.TextFeatures.fork()
features.submit(job, ["a b c"])
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

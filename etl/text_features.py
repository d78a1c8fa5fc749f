"""What recommendations need from the films alone (text features and the groups of their dense part),
made beside the rest of the run.

The text features (TF-IDF of title, overview and tagline) are Python (scikit-learn's tokenizer), and
so is cleaning the credits: threads would take turns on the GIL. `TextFeatures.fork()`, at the start
of the run, forks a process that imports scikit-learn (about a second of CPU) while this one reads
and cleans the movies, on a core that would be idle. `submit()` then sends it the columns the
features are made from; it makes the text matrix and the groups (`etl.groups`) while this process
cleans the credits, and `result()` receives them. Where processes cannot be forked, or the child
fails, they are made in this process instead: the same matrix and groups either way.
"""

import ctypes
import importlib
import multiprocessing
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TypeVar

import numpy as np
import pyarrow as pa
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from etl.groups import Groups, group

Texts = list[str]
# What a film's features read of its text. Real overviews are under 1,000 characters; a cell of
# megabytes of prose would otherwise cost the tokenizer hundreds of megabytes and say nothing more.
MAX_TEXT_CHARACTERS = 20_000
Source = TypeVar("Source")
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class FeaturesJob:
    texts: Texts  # each film's title, overview and tagline
    text_weight: float
    dense: np.ndarray  # the dense part of the films' vectors (genres, language)
    tie_break: np.ndarray
    total: float  # the sum of the weights
    reach: int  # fillers kept per group: the number of neighbours + 1


@dataclass(frozen=True)
class Features:
    text: sp.csr_matrix
    groups: Groups


def make_features(job: FeaturesJob) -> Features:
    return Features(text_matrix(job.texts, job.text_weight), make_groups(job))


def make_groups(job: FeaturesJob) -> Groups:
    with threadpool_limits(limits=1, user_api="blas"):  # as the neighbour search scores: the same bits
        return group(job.dense, job.tie_break, job.total, job.reach)


def text_matrix(texts: Texts, weight: float) -> sp.csr_matrix:
    """TF-IDF rows, L2-normalized and scaled by sqrt(weight) (as `etl.recommend` scales every feature)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=2, max_df=0.02, dtype=np.float64, strip_accents="unicode"
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no word left (a tiny or textless data set)
        matrix = sp.csr_matrix((len(texts), 1))
    return normalize(sp.csr_matrix(matrix, dtype=np.float64)) * np.sqrt(weight)


def film_texts(movies: pa.Table) -> Texts:
    """Each film's title, overview and tagline, joined: its first MAX_TEXT_CHARACTERS."""
    return [
        " ".join(part for part in parts if part)[:MAX_TEXT_CHARACTERS]
        for parts in zip(
            movies.column("title").to_pylist(),
            movies.column("overview").to_pylist(),
            movies.column("tagline").to_pylist(),
            strict=True,
        )
    ]


class TextFeatures:
    """The `Features` of a job, being made in a child process (or, failing that, on demand)."""

    def __init__(self, child: BaseProcess | None = None, connection: Connection | None = None) -> None:
        self._child = child
        self._connection = connection
        self._job: Callable[[], FeaturesJob] | None = None
        self.child_peak_mb = 0.0  # the child's own memory at its peak: what it added to the run's

    @classmethod
    def fork(cls) -> "TextFeatures":
        """Start the child; fork before this process starts any thread."""
        if "fork" not in multiprocessing.get_all_start_methods():
            return cls()
        context = multiprocessing.get_context("fork")
        parents_end, childs_end = context.Pipe(duplex=True)
        child = context.Process(target=_serve_in_child, args=(childs_end, parents_end), daemon=True)
        child.start()
        childs_end.close()
        return cls(child, parents_end)

    def __enter__(self) -> "TextFeatures":
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stops a child whose features were never asked for (the run failed first)."""
        self._stop_child()

    def submit(self, make_job: Callable[[Source], FeaturesJob], source: Source) -> None:
        """Have the features of `make_job(source)` made. The child is sent `source`, which should be
        small (Arrow tables travel as their buffers), and a reference to `make_job`."""
        self._job = partial(make_job, source)
        if self._connection is not None:
            try:
                self._connection.send((make_job, source))
            except (OSError, ValueError):  # the child died: the features will be made here
                self._stop_child()

    def result(self) -> Features:
        if self._job is None:
            raise RuntimeError("submit() a job before asking for its result")
        if self._child is not None and self._connection is not None:
            try:
                message = self._connection.recv()
            except (EOFError, OSError):  # the child died (killed, out of memory): make them here
                message = None
            finally:
                self._stop_child()
            if message is not None:
                (data, indices, indptr, shape), groups, self.child_peak_mb = message
                return Features(sp.csr_matrix((data, indices, indptr), shape=shape), groups)
        return make_features(self._job())

    def _stop_child(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._child is not None:
            self._child.terminate()
            self._child.join()
            self._child = None


def _serve_in_child(connection: Connection, parents_end: Connection) -> None:
    # A parent killed outright (SIGKILL, SIGTERM) runs no clean-up: the child must not outlive it.
    parents_end.close()  # else its own copy keeps the pipe open and a send to a dead parent blocks forever
    _die_with_parent()
    started_kb = _memory_kb("VmRSS")  # pages shared with the parent: resident already
    for module in ("sklearn.feature_extraction.text", "sklearn.preprocessing"):  # while the parent reads
        importlib.import_module(module)

    try:
        make_job, source = connection.recv()
        job = make_job(source)
        del source  # the job holds what the features are made from
        groups = make_groups(job)
        texts, weight = job.texts, job.text_weight
        del job  # and its dense part, before the text matrix is made
        features = Features(text_matrix(texts, weight), groups)
    except EOFError:  # the run failed before it had a job for this process
        os._exit(0)
    except BaseException:
        connection.close()  # the parent sees EOF and makes the features itself, raising what it raises
        raise
    # Its own growth (scikit-learn, the job it was sent, the features made): what it adds to the run's.
    grown_mb = max(_memory_kb("VmHWM") - started_kb, 0) / 1024
    text = features.text
    connection.send(((text.data, text.indices, text.indptr, text.shape), features.groups, grown_mb))
    connection.close()
    os._exit(0)  # nothing of the parent's to flush or finalize


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies; elsewhere, a send to the dead parent fails."""
    parent = multiprocessing.parent_process()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if parent is not None and os.getppid() != parent.pid:  # died before the request
        os._exit(1)


def _memory_kb(field: str) -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

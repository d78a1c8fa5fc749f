"""The films' text features (TF-IDF of title, overview and tagline), made beside the rest of the run.

Making them is Python (scikit-learn's tokenizer) and so is cleaning the credits: threads would take
turns on the GIL. `TextFeatures.start` forks a process that imports scikit-learn (over a second of
CPU the main process then never spends) and makes the matrix while the main process cleans the
credits; `result()` receives it. Where processes cannot be forked, or the child fails, the matrix
is made in this process instead: the same matrix either way.
"""

import ctypes
import multiprocessing
import os
import signal
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

import numpy as np
import pyarrow as pa
import scipy.sparse as sp

Texts = list[str]
_PR_SET_PDEATHSIG = 1


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
    """Each film's title, overview and tagline, joined."""
    return [
        " ".join(part for part in parts if part)
        for parts in zip(
            movies.column("title").to_pylist(),
            movies.column("overview").to_pylist(),
            movies.column("tagline").to_pylist(),
            strict=True,
        )
    ]


class TextFeatures:
    """The text matrix of `movies`, being made in a child process (or, failing that, on demand)."""

    def __init__(
        self, texts: Texts, weight: float, child: BaseProcess | None = None, connection: Connection | None = None
    ) -> None:
        self._texts = texts
        self._weight = weight
        self._child = child
        self._connection = connection
        self.child_peak_mb = 0.0  # the child's own memory at its peak: what it added to the run's

    @classmethod
    def start(cls, movies: pa.Table, weight: float) -> "TextFeatures":
        texts = film_texts(movies)
        if "fork" not in multiprocessing.get_all_start_methods():
            return cls(texts, weight)
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        child = context.Process(target=_make_in_child, args=(sending, receiving, texts, weight), daemon=True)
        child.start()
        sending.close()
        return cls(texts, weight, child, receiving)

    def __enter__(self) -> "TextFeatures":
        return self

    def __exit__(self, *_exc: object) -> None:
        """Stops a child whose matrix was never asked for (the run failed first)."""
        if self._child is not None:
            self._child.terminate()
            self._child.join()
            self._child = None
        if self._connection is not None:
            self._connection.close()

    def result(self) -> sp.csr_matrix:
        if self._child is not None and self._connection is not None:
            try:
                message = self._connection.recv()
            except (EOFError, OSError):  # the child died (killed, out of memory): make it here
                message = None
            finally:
                self._connection.close()
                self._child.join()
                self._child = None
            if message is not None:
                (data, indices, indptr, shape), self.child_peak_mb = message
                return sp.csr_matrix((data, indices, indptr), shape=shape)
        return text_matrix(self._texts, self._weight)


def _make_in_child(connection: Connection, parents_end: Connection, texts: Texts, weight: float) -> None:
    # A parent killed outright (SIGKILL, SIGTERM) runs no clean-up: the child must not outlive it.
    parents_end.close()  # else its own copy keeps the pipe open and a send to a dead parent blocks forever
    _die_with_parent()
    started_kb = _memory_kb("VmRSS")
    try:
        matrix = text_matrix(texts, weight)
    except BaseException:
        connection.close()  # the parent sees EOF and makes the matrix itself, raising what it raises
        raise
    # Pages shared with the parent were resident at the start: the growth is the child's own.
    grown_mb = max(_memory_kb("VmHWM") - started_kb, 0) / 1024
    connection.send(((matrix.data, matrix.indices, matrix.indptr, matrix.shape), grown_mb))
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

"""The neighbour search gives what scoring every pair gives, whatever the groups, blocks and ties."""

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from etl import groups, neighbours
from etl.groups import group
from etl.neighbours import top_neighbours


def every_pair(dense: np.ndarray, sparse: sp.csr_matrix, tie_break: np.ndarray, total: float, k: int) -> list:
    """Each row's k best by scoring every pair, as the ETL did before it grouped rows; pairs sharing nothing left out."""
    scores = dense @ dense.T
    products = (sparse @ sparse.T).tocoo()
    scores[products.row, products.col] += products.data
    keys = scores / total - tie_break
    np.fill_diagonal(keys, -np.inf)
    found = []
    for row_keys, row_scores in zip(keys, scores, strict=True):
        best = np.argsort(-row_keys, kind="stable")[:k]
        found.append([(int(other), float(row_keys[other])) for other in best if row_scores[other] > 0])
    return found


def as_lists(found: neighbours.Neighbours) -> list:
    return [
        [(int(other), float(key)) for other, key in zip(rows, keys, strict=True) if key > -np.inf]
        for rows, keys in zip(found.rows, found.keys, strict=True)
    ]


@st.composite
def problems(draw: st.DrawFn) -> tuple:
    count = draw(st.integers(2, 40))
    patterns = draw(st.integers(1, 6))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    shapes = rng.choice([0.0, 0.25, 0.5], size=(patterns, 4))  # dense parts often equal, sometimes zero
    dense = shapes[rng.integers(0, patterns, count)]
    sparse = sp.random(count, 12, density=draw(st.sampled_from([0.0, 0.05, 0.2])), random_state=rng, format="csr")
    sparse.data = np.round(sparse.data, 1) + 0.1  # repeated values: equal scores, broken by the tie-break
    tie_break = rng.permutation(count) * 1e-12
    return dense, sparse, tie_break, float(draw(st.sampled_from([1.0, 0.7]))), draw(st.integers(1, count - 1))


@settings(max_examples=300, deadline=None)
@given(problems())
def test_the_same_neighbours_as_scoring_every_pair(problem):
    dense, sparse, tie_break, total, k = problem
    with pytest.MonkeyPatch.context() as patch:  # blocks, group batches and wide rows that a few rows fill
        patch.setattr(neighbours, "BLOCK_ROWS", 5)
        patch.setattr(neighbours, "_NARROW", 4)
        patch.setattr(groups, "BATCH", 3)
        found = top_neighbours(group(dense, tie_break, total, k + 1), sparse, tie_break, total, k)
    assert as_lists(found) == every_pair(dense, sparse, tie_break, total, k)


def test_a_row_sharing_nothing_has_no_neighbours():
    dense = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 0.0]])
    sparse = sp.csr_matrix(np.array([[1.0], [0.0], [0.0]]))
    tie_break = np.array([0.0, 1e-12, 2e-12])
    found = as_lists(top_neighbours(group(dense, tie_break, 1.0, 3), sparse, tie_break, 1.0, 2))
    assert [[other for other, _ in row] for row in found] == [[1], [0], []]

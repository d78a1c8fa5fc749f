"""The top-k neighbours of every row under a score that is a dot product of rows, without scoring every pair.

The rows' vectors come in two parts. The dense part (genres, language) takes few distinct values:
rows that share it form a group, and two groups' dense score is one number. The sparse part (words,
people, collection) is zero for most pairs. A row's neighbours are then found among:

- its candidates: the rows its sparse part touches (a sparse product), scored in full;
- its fillers: the k + 1 rows that score best on the dense part alone. They are the same for every
  row of a group, so they are ranked once per group. A row's k best score at least as much as its
  k-th filler (itself aside), so candidates below that are dropped before anything else is done.

Every score is computed with the same floating-point operations, in the same order, as
`(dense[i] @ dense[j] + sparse[i] @ sparse[j]) / total - tie_break[j]` over all pairs, so the
neighbours and their scores are those of scoring every pair. Rows sharing nothing (a score of 0)
are never neighbours: a row has fewer than k when fewer rows share anything with it.
"""

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_limits

from etl.groups import Groups, dense_scores

BLOCK_ROWS = 256
_NARROW = 256  # rows with more candidates than this are ranked one by one
_SLACK = 1e-9  # far above the rounding of a score, far below its 6 decimals

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Neighbours:
    """Row i's neighbours, best first: `rows[i]`, where `keys[i]` is above -inf (-1 and -inf pad)."""

    rows: np.ndarray  # rows x k
    keys: np.ndarray  # rows x k: (dense + sparse) / total - tie_break of the neighbour


def top_neighbours(
    groups: Groups,
    sparse: sp.csr_matrix,
    tie_break: np.ndarray,
    total: float,
    k: int,
    progress: Progress = lambda _: None,
) -> Neighbours:
    """Each row's (at most) k best other rows by (dense + sparse dot product) / total - tie_break,
    where `groups` is `etl.groups.group(dense, tie_break, total, k + 1)`."""
    count = len(tie_break)
    found = Neighbours(np.full((count, k), -1, dtype=np.int32), np.full((count, k), -np.inf))
    # Blocks run in threads of their own (numpy and scipy release the GIL), each with one BLAS thread.
    with threadpool_limits(limits=1, user_api="blas"), ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        search = _Search(groups, sparse, sparse.T.tocsr(), tie_break, total, k)
        by_group = np.argsort(search.groups.of_row, kind="stable")  # a block's rows then span few groups
        blocks = [by_group[start : start + BLOCK_ROWS] for start in range(0, count, BLOCK_ROWS)]
        for done, (rows, (best_rows, best_keys)) in enumerate(zip(blocks, pool.map(search.block, blocks), strict=True)):
            found.rows[rows], found.keys[rows] = best_rows, best_keys
            if done % 20 == 19:
                progress(f"recommendations: {(done + 1) * BLOCK_ROWS:,} of {count:,} films")
    return found


@dataclass(frozen=True)
class _Search:
    groups: Groups
    sparse: sp.csr_matrix
    sparse_t: sp.csr_matrix
    tie_break: np.ndarray
    total: float
    k: int

    def block(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The neighbours of a block of rows, sorted by group, and their keys (rows x k)."""
        local, columns, keys = self._candidates(rows)
        groups = self.groups
        fillers = groups.filler_rows[groups.of_row[rows]]
        usable = (fillers >= 0) & (fillers != rows[:, None]) & ~_among(fillers, local, columns, len(groups.of_row))
        return _best(local, columns, keys, fillers, groups.filler_keys[groups.of_row[rows]], usable, self.k)

    def _candidates(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The rows' candidates that may make their top k: (index in `rows`, ascending; row; key).

        No row below a group's k + 1-th filler can make its rows' top k: those k + 1 fillers score
        at least that much, with their own sparse parts or without. A product reaches that floor
        only if it is at least the floor less its dense score (within rounding, hence the slack),
        which is checked before anything else is computed.
        """
        groups = self.groups
        products = self.sparse[rows] @ self.sparse_t
        block_groups, group_index = np.unique(groups.of_row[rows], return_inverse=True)
        dense = dense_scores(groups.vectors[block_groups], groups.vectors)
        needs = groups.filler_keys[block_groups, self.k][:, None] * self.total - dense - _SLACK
        group_rows = np.searchsorted(group_index, np.arange(len(block_groups) + 1))
        near = []
        for need, first, last in zip(needs, group_rows[:-1], group_rows[1:], strict=True):
            begin, end = products.indptr[first], products.indptr[last]
            column_groups = groups.of_row[products.indices[begin:end]]
            near.append(np.flatnonzero(products.data[begin:end] >= need[column_groups]) + begin)
        at = np.concatenate(near)
        local = np.searchsorted(products.indptr, at, side="right") - 1
        columns = products.indices[at].astype(np.int64)
        dense_part = dense[group_index[local], groups.of_row[columns]]
        keys = (dense_part + products.data[at]) / self.total - self.tie_break[columns]
        others = columns != rows[local]
        return local[others], columns[others], keys[others]


def _among(fillers: np.ndarray, local: np.ndarray, columns: np.ndarray, count: int) -> np.ndarray:
    """Whether each row's fillers are among its candidates (row `local[i]`, column `columns[i]`)."""
    filler_codes = (np.arange(len(fillers))[:, None] * count + fillers).ravel()
    order = np.argsort(filler_codes)
    ordered = filler_codes[order]
    codes = local * count + columns
    at = np.minimum(np.searchsorted(ordered, codes), len(ordered) - 1)
    found = np.zeros(len(filler_codes), dtype=bool)
    found[order[at[ordered[at] == codes]]] = True
    return found.reshape(fillers.shape)


def _best(
    local: np.ndarray,
    columns: np.ndarray,
    keys: np.ndarray,
    fillers: np.ndarray,
    filler_keys: np.ndarray,
    usable: np.ndarray,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k best of its candidates (`local` ascending) and usable fillers, best first, as
    rows x k arrays (-inf keys pad)."""
    size = len(fillers)
    first = np.searchsorted(local, np.arange(size + 1))
    from_candidates = np.diff(first)
    counts = from_candidates + usable.sum(axis=1)
    narrow = counts <= _NARROW
    width = max(int(counts[narrow].max(initial=0)), 1)
    table_keys = np.full((size, width), -np.inf)
    table_rows = np.full((size, width), -1, dtype=np.int64)
    placed = narrow[local]
    at = np.arange(len(local)) - first[local]
    table_keys[local[placed], at[placed]] = keys[placed]
    table_rows[local[placed], at[placed]] = columns[placed]
    filler_at = from_candidates[:, None] + np.cumsum(usable, axis=1) - 1
    placed = usable & narrow[:, None]
    table_keys[np.nonzero(placed)[0], filler_at[placed]] = filler_keys[placed]
    table_rows[np.nonzero(placed)[0], filler_at[placed]] = fillers[placed]
    if width > k:
        top = np.argpartition(table_keys, width - k, axis=1)[:, width - k :]
        table_keys = np.take_along_axis(table_keys, top, axis=1)
        table_rows = np.take_along_axis(table_rows, top, axis=1)
    best_keys = np.full((size, k), -np.inf)
    best_rows = np.full((size, k), -1, dtype=np.int64)
    order = np.argsort(-table_keys, axis=1, kind="stable")[:, :k]
    best_keys[:, : order.shape[1]] = np.take_along_axis(table_keys, order, axis=1)
    best_rows[:, : order.shape[1]] = np.take_along_axis(table_rows, order, axis=1)
    for row in np.flatnonzero(~narrow):
        row_keys = np.concatenate([keys[first[row] : first[row + 1]], filler_keys[row][usable[row]]])
        row_rows = np.concatenate([columns[first[row] : first[row + 1]], fillers[row][usable[row]]])
        top = np.argpartition(-row_keys, k)[:k] if len(row_keys) > k else np.arange(len(row_keys))
        top = top[np.argsort(-row_keys[top], kind="stable")]
        best_keys[row, : len(top)] = row_keys[top]
        best_rows[row, : len(top)] = row_rows[top]
    return best_rows, best_keys

"""Rows grouped by the dense part of their vectors, and each group's best rows by that part alone.

The dense part of a film's vector (genres, original language) takes a few thousand distinct values
over 45,000 films. Rows sharing it form a group; two groups' dense score is one dot product, and a
row's best rows by the dense part alone (its fillers) are those of its group.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

BATCH = 64  # groups scored against all groups at a time


@dataclass(frozen=True)
class Groups:
    vectors: np.ndarray  # the dense part, one row per group
    of_row: np.ndarray  # each row's group
    filler_rows: np.ndarray  # groups x reach: each group's best rows by the dense part, best first; -1 pads
    filler_keys: np.ndarray  # their keys, dense score / total - tie_break; -inf pads


def dense_scores(rows: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Dot products of dense parts: the one way they are computed, so that equal pairs give equal bits."""
    return rows @ vectors.T


def group(dense: np.ndarray, tie_break: np.ndarray, total: float, reach: int) -> Groups:
    """The groups of the rows of `dense`, each with its `reach` best rows."""
    vectors, of_row = _distinct(dense)
    count = len(vectors)
    members = np.lexsort((tie_break, of_row))  # by group, then best tie-break first
    sizes = np.bincount(of_row, minlength=count)
    starts = np.concatenate([[0], np.cumsum(sizes)])
    margin = 2 * total * float(tie_break.max(initial=0.0))  # how far a tie-break can move a key

    def batch(first: int) -> tuple[np.ndarray, np.ndarray]:
        scores = dense_scores(vectors[first : first + BATCH], vectors)
        floors = _floors(scores, sizes, reach) - margin
        pair_groups, pair_others = np.nonzero((scores >= floors[:, None]) & (scores > 0))
        lengths = np.minimum(sizes[pair_others], reach)
        rows = _firsts(members, starts[pair_others], lengths)
        row_groups = np.repeat(pair_groups, lengths)
        keys = scores[row_groups, of_row[rows]] / total - tie_break[rows]
        order = np.lexsort((-keys, row_groups))
        row_groups, rows, keys = row_groups[order], rows[order], keys[order]
        rank = np.arange(len(rows)) - np.searchsorted(row_groups, row_groups)
        kept = rank < reach
        batch_rows = np.full((len(scores), reach), -1, dtype=np.int64)
        batch_keys = np.full((len(scores), reach), -np.inf)
        batch_rows[row_groups[kept], rank[kept]] = rows[kept]
        batch_keys[row_groups[kept], rank[kept]] = keys[kept]
        return batch_rows, batch_keys

    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:  # numpy lets go of the GIL
        batches = list(pool.map(batch, range(0, count, BATCH)))
    return Groups(
        vectors=vectors,
        of_row=of_row,
        filler_rows=np.concatenate([rows for rows, _ in batches]) if batches else np.zeros((0, reach), np.int64),
        filler_keys=np.concatenate([keys for _, keys in batches]) if batches else np.zeros((0, reach)),
    )


def _distinct(dense: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of `dense` in order of first appearance, and each row's index among them."""
    codes: dict[bytes, int] = {}
    of_row = np.fromiter((codes.setdefault(row.tobytes(), len(codes)) for row in dense), np.int64, len(dense))
    firsts = np.unique(of_row, return_index=True)[1]
    return dense[firsts], of_row


def _floors(scores: np.ndarray, sizes: np.ndarray, reach: int) -> np.ndarray:
    """For each row of group scores, the score of the last group needed, best groups first, to hold
    `reach` rows; -inf when the groups scoring above 0 hold fewer."""
    if scores.shape[1] > reach:
        best = np.argpartition(-scores, reach - 1, axis=1)[:, :reach]
    else:
        best = np.broadcast_to(np.arange(scores.shape[1]), scores.shape)
    best_scores = np.take_along_axis(scores, best, axis=1)
    order = np.argsort(-best_scores, axis=1, kind="stable")
    best, best_scores = np.take_along_axis(best, order, axis=1), np.take_along_axis(best_scores, order, axis=1)
    held = np.cumsum(np.minimum(sizes[best], reach) * (best_scores > 0), axis=1)
    enough = held[:, -1] >= reach
    last = np.argmax(held >= reach, axis=1)
    return np.where(enough, best_scores[np.arange(len(scores)), last], -np.inf)


def _firsts(members: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """members[starts[0]:starts[0] + lengths[0]], members[starts[1]:...]..., concatenated."""
    if not len(starts):
        return np.zeros(0, dtype=np.int64)
    run_starts = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return members[run_starts + np.arange(int(lengths.sum()))]

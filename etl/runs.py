"""Positions within runs of equal consecutive keys."""

import numpy as np


def positions_in_runs(keys: np.ndarray) -> np.ndarray:
    """For each element, its index within its run of equal consecutive keys: [7, 7, 9, 7] -> [0, 1, 0, 0]."""
    keys = np.asarray(keys)
    if keys.size == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    run_lengths = np.diff(np.r_[starts, keys.size])
    return np.arange(keys.size) - np.repeat(starts, run_lengths)

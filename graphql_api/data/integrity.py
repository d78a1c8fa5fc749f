"""The read model's arrays checked against each other before any request trusts an index in them.

The contract's verification proves the files are the ones the manifest lists; this proves they fit
together (a manifest and its arrays can be edited together): every row number in range, every
offsets array starting at 0, never decreasing, ending at the length of what it points into, and
one entry longer than the rows it follows. Vectorized: a few milliseconds at full scale.
"""

import numpy as np

from etl.contract import OFFSETS, ROW_REFERENCES, ContractError
from graphql_api.data.arrays import MappedArrays


def check_integrity(arrays: MappedArrays) -> None:
    """Raise ContractError, naming the array's file, when one does not fit the others."""
    for name, rows_of in ROW_REFERENCES.items():
        values, bound = arrays.array(name), len(arrays.array(rows_of))
        if len(values) and (int(values.min()) < 0 or int(values.max()) >= bound):
            _refuse(arrays, name, f"holds a row number outside 0..{bound - 1} (the rows of {rows_of})")
    for name, (follows, points_into) in OFFSETS.items():
        offsets, rows, end = arrays.array(name), len(arrays.array(follows)), len(arrays.array(points_into))
        if len(offsets) != rows + 1:
            _refuse(arrays, name, f"holds {len(offsets)} offsets; {follows} has {rows} rows, so {rows + 1} are due")
        if offsets[0] != 0 or offsets[-1] != end or (len(offsets) > 1 and bool((np.diff(offsets) < 0).any())):
            _refuse(arrays, name, f"offsets must rise from 0 to {end} (the length of {points_into})")


def _refuse(arrays: MappedArrays, name: str, problem: str) -> None:
    raise ContractError(f"{arrays.path(name)}: {problem}; build it again with `python -m etl`")

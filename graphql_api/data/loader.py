"""Loading the processed data, after the contract's check that it is whole, intact and of our schema version."""

import gc
from pathlib import Path

from etl.contract import verify
from graphql_api.data.arrays import MappedArrays
from graphql_api.data.integrity import check_integrity
from graphql_api.data.model import ReadModel


def load(data_dir: Path) -> ReadModel:
    """The read model of a data folder. Raises ContractError, naming the file, when it cannot be served."""
    manifest = verify(data_dir)
    arrays = MappedArrays(manifest.arrays)
    check_integrity(arrays)
    model = ReadModel(manifest.content, arrays)
    # Everything imported so far lives as long as the process: keep it out of the cyclic garbage
    # collector's scans, which otherwise stall requests. No collection first: it would cost start-up
    # some 50 ms of CPU to free little, the collector having run during the imports.
    gc.freeze()
    return model

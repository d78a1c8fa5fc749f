"""Loading the processed tables, after the contract's check that they are whole, intact and of our schema version."""

import contextlib
import ctypes
import gc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from etl.contract import ContractError, TableFile, verify
from etl.tables import SCHEMA_VERSION, TABLES
from graphql_api.data.model import UNUSED_COLUMNS, ReadModel


def load(data_dir: Path) -> ReadModel:
    """The read model of a data folder. Raises ContractError, naming the file, when it cannot be served."""
    manifest = verify(data_dir)
    tables = {name: _read_table(manifest.tables[name], name) for name in TABLES}
    model = ReadModel(manifest.content, tables)
    del tables
    pa.default_memory_pool().release_unused()  # give the parquet decoding buffers back to the system
    # The model's millions of objects live as long as the process: keep them out of the cyclic
    # garbage collector's scans, which otherwise stall a request for tens of milliseconds.
    gc.collect()
    gc.freeze()
    _return_free_memory()
    return model


def _return_free_memory() -> None:
    """Hand the heap left free by the load's temporaries back to the system (glibc only)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _read_table(table: TableFile, name: str) -> pa.Table:
    path = table.path
    try:
        parquet = pq.ParquetFile(path)
        if not parquet.schema_arrow.equals(TABLES[name]):
            raise ContractError(f"{path}: columns differ from the {name!r} table of schema version {SCHEMA_VERSION}")
        if parquet.metadata.num_rows != table.rows:
            raise ContractError(
                f"{path}: holds {parquet.metadata.num_rows} rows, the manifest says {table.rows}; "
                "build it again with `python -m etl`"
            )
        unused = UNUSED_COLUMNS.get(name, set())
        return parquet.read(columns=[column for column in TABLES[name].names if column not in unused])
    except (OSError, pa.ArrowException) as error:
        raise ContractError(f"{path}: cannot be read as parquet ({error})") from None

"""Checking the parquet tables of a verified data folder against their declared columns and row counts.

The service maps the read model's arrays and never opens the tables; the EDA and the deploy build
read them, so they check them here first (this reads each file's footer, not its rows).
"""

import pyarrow as pa
import pyarrow.parquet as pq

from etl.contract import ContractError, Manifest
from etl.tables import SCHEMA_VERSION, TABLES


def check_tables(manifest: Manifest) -> None:
    """Raise ContractError, naming the file, for a table whose columns or rows are not the declared ones."""
    for name, table in manifest.tables.items():
        try:
            footer = pq.ParquetFile(table.path)
            schema, rows = footer.schema_arrow, footer.metadata.num_rows
        except (OSError, pa.ArrowException) as error:
            raise ContractError(f"{table.path}: cannot be read as parquet ({error})") from None
        if not schema.equals(TABLES[name]):
            raise ContractError(
                f"{table.path}: columns differ from the {name!r} table of schema version {SCHEMA_VERSION}"
            )
        if rows != table.rows:
            raise ContractError(f"{table.path}: holds {rows} rows, the manifest says {table.rows}")

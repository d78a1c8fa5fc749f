"""Reading the processed data folder the ETL wrote: the manifest, checked, then the tables the report needs."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from etl.contract import (
    DUPLICATES_FILE,
    MANIFEST_FILE,
    REJECTS_FILE,
    ContractError,
    sha256_of,
    verify,
)
from etl.table_check import check_tables
from etl.tables import SCHEMA_VERSION, TABLES

# The columns the report reads; the rest stays on disk.
COLUMNS: dict[str, list[str] | None] = {
    "movies": [name for name in TABLES["movies"].names if name != "source_line"],
    "cast": ["movie_id", "person_id"],
    "crew": ["movie_id", "person_id", "job"],
    "people": ["id", "name"],
}
_REBUILD = "build it with `python -m etl` (or `make data`)"


class DataFolderError(Exception):
    """The data folder cannot be reported on. The message names the file and what is wrong."""


@dataclass(frozen=True)
class Tables:
    manifest: dict[str, Any]
    frames: dict[str, pd.DataFrame]
    rejects: pd.DataFrame  # file, line, reason
    duplicates: pd.DataFrame  # file, line, id, kept_line, differing_columns

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    def empty(self, *names: str) -> list[str]:
        """Those of `names` that have no rows."""
        return [name for name in names if self.frames[name].empty]


def load_tables(data_dir: Path) -> Tables:
    manifest = checked_manifest(data_dir)
    frames = {name: _read_table(data_dir / manifest["tables"][name]["file"], name) for name in TABLES}
    rejects = _read_csv(data_dir / manifest["rejects"]["file"], {"line": "int64"}, ["file", "line", "reason"])
    duplicates = _read_csv(data_dir / manifest["duplicates"]["file"], {"line": "int64", "id": "int64"}, None)
    return Tables(manifest, frames, rejects, duplicates)


def checked_manifest(data_dir: Path) -> dict[str, Any]:
    """The manifest, once the contract's check passed and the rejects and duplicates files are intact too."""
    try:
        verified = verify(data_dir)
        check_tables(verified)
        manifest = verified.content
    except ContractError as error:
        raise DataFolderError(str(error)) from None
    path = data_dir / MANIFEST_FILE
    for name, expected in (("rejects", REJECTS_FILE), ("duplicates", DUPLICATES_FILE)):
        entry = manifest.get(name)
        if not isinstance(entry, dict) or entry.get("file") != expected or not isinstance(entry.get("sha256"), str):
            raise DataFolderError(f"{path}: {name!r} is not listed; {_REBUILD}")
        file = data_dir / expected
        if not file.is_file():
            raise DataFolderError(f"{file}: missing, the data folder is incomplete; {_REBUILD}")
        if sha256_of(file) != entry["sha256"]:
            raise DataFolderError(f"{file}: corrupt, its sha256 differs from the manifest; {_REBUILD}")
    return manifest


def _read_table(path: Path, name: str) -> pd.DataFrame:
    try:
        if not pq.read_schema(path).equals(TABLES[name]):
            raise DataFolderError(f"{path}: columns differ from the {name!r} table of schema version {SCHEMA_VERSION}")
        return pq.read_table(path, columns=COLUMNS.get(name)).to_pandas()
    except (OSError, pa.ArrowException) as error:
        raise DataFolderError(f"{path}: cannot be read as parquet ({error})") from None


def _read_csv(path: Path, dtypes: dict[str, str], columns: list[str] | None) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=dtypes, usecols=columns, keep_default_na=False)
    except (OSError, ValueError) as error:
        raise DataFolderError(f"{path}: cannot be read as CSV ({error})") from None

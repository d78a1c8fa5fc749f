"""Loading the processed tables, after checking they are whole, intact and of our schema version."""

import contextlib
import ctypes
import gc
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from etl.output import sha256_of
from etl.tables import SCHEMA_VERSION, TABLES
from graphql_api.data.model import UNUSED_COLUMNS, ReadModel

MANIFEST = "manifest.json"


class DataError(Exception):
    """The data directory cannot be served. The message names the file and says what to do."""


def load(data_dir: Path) -> ReadModel:
    manifest = check(data_dir)
    tables = {name: _read_table(data_dir / manifest["tables"][name]["file"], name) for name in TABLES}
    model = ReadModel(manifest, tables)
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


def check(data_dir: Path) -> dict[str, Any]:
    """The manifest, once every table it lists is present, intact and of the expected schema."""
    rebuild = "build it with `python -m etl` (or `make data`)"
    if not data_dir.is_dir():
        raise DataError(f"{data_dir}: data directory does not exist; {rebuild}")
    manifest_path = data_dir / MANIFEST
    if not manifest_path.is_file():
        raise DataError(f"{manifest_path}: missing, the data directory is incomplete; {rebuild}")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError(f"{manifest_path}: not valid JSON ({error}); {rebuild}") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("tables"), dict):
        raise DataError(f"{manifest_path}: not a manifest written by the ETL; {rebuild}")
    version = manifest.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DataError(
            f"{manifest_path}: tables have schema version {version!r}, this service reads version "
            f"{SCHEMA_VERSION}; {rebuild}"
        )
    for name in TABLES:
        entry = manifest["tables"].get(name)
        if not isinstance(entry, dict) or not {"file", "sha256"} <= entry.keys():
            raise DataError(f"{manifest_path}: table {name!r} is not listed; {rebuild}")
        path = data_dir / Path(entry["file"]).name
        if not path.is_file():
            raise DataError(f"{path}: missing, the data directory is incomplete; {rebuild}")
        if sha256_of(path) != entry["sha256"]:
            raise DataError(f"{path}: corrupt, its sha256 differs from the manifest; {rebuild}")
    return manifest


def _read_table(path: Path, name: str) -> pa.Table:
    try:
        if not pq.read_schema(path).equals(TABLES[name]):
            raise DataError(f"{path}: columns differ from the {name!r} table of schema version {SCHEMA_VERSION}")
        unused = UNUSED_COLUMNS.get(name, set())
        return pq.read_table(path, columns=[column for column in TABLES[name].names if column not in unused])
    except (OSError, pa.ArrowException) as error:
        raise DataError(f"{path}: cannot be read as parquet ({error})") from None

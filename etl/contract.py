"""The contract between the ETL and the service: file names, default folders, the manifest and its check.

The ETL writes a data folder; the service (and the EDA) read it. Both sides import this module and
`etl.tables` (the tables' columns), and nothing else of each other.
"""

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.tables import SCHEMA_VERSION, TABLES

MOVIES_FILE = "movies_dataset.csv"
CREDITS_FILE = "credits.csv"
MANIFEST_FILE = "manifest.json"
REJECTS_FILE = "rejects.csv"
DUPLICATES_FILE = "duplicates.csv"

RAW_DIR = Path("data/raw")
SAMPLE_DIR = Path("data/sample")
PROCESSED_DIR = Path("data/processed")

DIRECTOR_JOB = "Director"  # the crew job that makes a person a film's director
RECOMMENDATIONS_PER_FILM = 50  # neighbours the ETL keeps for each film
INPUTS = ("movies", "credits")
INPUT_COUNTS = ("rows_read", "rows_loaded", "duplicates_merged", "rows_rejected", "rows_repaired")

_SHA256 = re.compile(r"[0-9a-f]{64}")
_REBUILD = "build it again with `python -m etl` (or `make data`)"


class ContractError(Exception):
    """A data folder that cannot be served. The message names the file and says what to do."""


def table_file(name: str) -> str:
    """The file name of a table in the data folder."""
    return f"{name}.parquet"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class TableFile:
    """A table's file, checked against the manifest: the path to read and the rows it must hold."""

    path: Path
    rows: int


@dataclass(frozen=True)
class Manifest:
    content: dict[str, Any]  # the manifest as written, every entry checked
    tables: dict[str, TableFile]

    @property
    def inputs(self) -> dict[str, dict[str, Any]]:
        return self.content["inputs"]


def verify(data_dir: Path) -> Manifest:
    """The manifest of `data_dir` once every table it lists is present, intact and of this schema version.

    Raises ContractError naming the file. Only the files checked here may be read: their paths are
    the ones returned, inside `data_dir`.
    """
    manifest_path = data_dir / MANIFEST_FILE
    if not data_dir.is_dir():
        raise ContractError(f"{data_dir}: data directory does not exist; {_REBUILD}")
    if not manifest_path.is_file():
        raise ContractError(f"{manifest_path}: missing, the data directory is incomplete; {_REBUILD}")
    content = _read_json(manifest_path)
    version = content.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ContractError(
            f"{manifest_path}: tables have schema version {version!r}, this service reads version "
            f"{SCHEMA_VERSION}; {_REBUILD}"
        )
    _check_inputs(manifest_path, content.get("inputs"))
    listed = content.get("tables")
    if not isinstance(listed, dict):
        raise ContractError(f"{manifest_path}: `tables` is not an object; not a manifest written by the ETL")
    tables = {name: _check_table(data_dir, manifest_path, name, listed.get(name)) for name in TABLES}
    loaded = content["inputs"]["movies"]["rows_loaded"]
    if tables["movies"].rows != loaded:
        raise ContractError(
            f"{manifest_path}: the movies table holds {tables['movies'].rows} rows but the movies input "
            f"says {loaded} were loaded; {_REBUILD}"
        )
    return Manifest(content, tables)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        content = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise ContractError(f"{path}: cannot be read ({error.strerror}); {_REBUILD}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ContractError(f"{path}: not valid JSON ({error}); {_REBUILD}") from None
    if not isinstance(content, dict):
        raise ContractError(f"{path}: not a JSON object; not a manifest written by the ETL")
    return content


def _check_inputs(manifest_path: Path, inputs: Any) -> None:
    if not isinstance(inputs, dict):
        raise ContractError(f"{manifest_path}: `inputs` is missing or not an object; {_REBUILD}")
    for name in INPUTS:
        entry = inputs.get(name)
        if not isinstance(entry, dict):
            raise ContractError(f"{manifest_path}: input {name!r} is not listed; {_REBUILD}")
        counts = {key: entry.get(key) for key in INPUT_COUNTS}
        if not all(_count(value) for value in counts.values()):
            raise ContractError(f"{manifest_path}: input {name!r} lacks a count among {', '.join(INPUT_COUNTS)}")
        if counts["rows_read"] != counts["rows_loaded"] + counts["duplicates_merged"] + counts["rows_rejected"]:
            raise ContractError(
                f"{manifest_path}: input {name!r} does not reconcile (rows_read = rows_loaded + "
                f"duplicates_merged + rows_rejected); {_REBUILD}"
            )


def _check_table(data_dir: Path, manifest_path: Path, name: str, entry: Any) -> TableFile:
    expected = table_file(name)
    if not isinstance(entry, dict):
        raise ContractError(f"{manifest_path}: table {name!r} is not listed; {_REBUILD}")
    if entry.get("file") != expected:
        raise ContractError(f"{manifest_path}: table {name!r} must be in {expected!r}, not {entry.get('file')!r}")
    digest, rows = entry.get("sha256"), entry.get("rows")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest) or not _count(rows):
        raise ContractError(f"{manifest_path}: table {name!r} needs a sha256 and a row count; {_REBUILD}")
    path = data_dir / expected
    if not path.is_file():
        raise ContractError(f"{path}: missing, the data directory is incomplete; {_REBUILD}")
    if path.resolve().parent != data_dir.resolve():
        raise ContractError(f"{path}: links outside {data_dir}; the tables must be files of the data directory")
    try:
        actual = sha256_of(path)
    except OSError as error:
        raise ContractError(f"{path}: cannot be read ({error.strerror})") from None
    if actual != digest:
        raise ContractError(f"{path}: corrupt, its sha256 differs from the manifest; {_REBUILD}")
    return TableFile(path, rows)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0

"""Writing the output directory: tables, read-model arrays, rejects, duplicates and the manifest,
replaced atomically.

Everything is written to a fresh directory next to the target; only when all of it is on disk is
it moved into place. A run that fails or is killed before that leaves the previous output as it was.
"""

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from etl.contract import MANIFEST_FILE, array_file, sha256_of, table_file
from etl.errors import OutputError

_PREVIOUS_SUFFIX = ".previous"


def write_table(directory: Path, name: str, table: pa.Table) -> dict[str, Any]:
    path = directory / table_file(name)
    # Fixed row groups and no dictionary statistics drift: the same table gives the same bytes.
    pq.write_table(table, path, compression="zstd", row_group_size=1 << 20, use_dictionary=True)
    return {"file": path.name, "rows": table.num_rows, "sha256": sha256_of(path)}


def write_array(directory: Path, name: str, array: np.ndarray) -> dict[str, Any]:
    path = directory / array_file(name)
    np.save(path, array, allow_pickle=False)
    return {"file": path.name, "sha256": sha256_of(path)}


def write_csv(directory: Path, name: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    path = directory / name
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return {"file": name, "rows": count, "sha256": sha256_of(path)}


def write_manifest(directory: Path, manifest: Mapping[str, Any]) -> None:
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (directory / MANIFEST_FILE).write_text(text, encoding="utf-8")


def check_writable(target: Path) -> None:
    """Raise OutputError, naming the folder, unless a new directory can be made beside `target`."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        probe = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".probe", dir=target.parent))
        probe.rmdir()
    except OSError as error:
        raise OutputError(target, f"cannot be written ({error.strerror}); choose another --out") from None
    if target.exists() and not target.is_dir():
        raise OutputError(target, "exists and is not a directory; choose another --out")


def staging_directory(target: Path) -> Path:
    """A new empty directory on the same file system as `target`, to build the output in.

    Staging directories left by runs that were killed are removed first (runs into the same
    output directory are not meant to overlap).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))


def replace_directory(staged: Path, target: Path) -> None:
    """Move `staged` to `target`, replacing what was there."""
    _fsync_tree(staged)
    previous = target.with_name(target.name + _PREVIOUS_SUFFIX)
    if previous.exists():
        shutil.rmtree(previous)
    if target.exists():
        os.rename(target, previous)
    os.rename(staged, target)
    _fsync_directory(target.parent)
    if previous.exists():
        shutil.rmtree(previous)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def recover_interrupted_replace(target: Path) -> None:
    """Put back the previous output if a run was killed between the two renames of a replace."""
    previous = target.with_name(target.name + _PREVIOUS_SUFFIX)
    if previous.exists() and not target.exists():
        os.rename(previous, target)


def _fsync_tree(directory: Path) -> None:
    for path in directory.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

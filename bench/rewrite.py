"""Variants of a generated raw data set: its records rewritten one by one, quirks kept."""

import shutil
from collections.abc import Callable
from pathlib import Path

from etl.contract import CREDITS_FILE, MOVIES_FILE
from etl.generate.writer import write_csv
from etl.raw_csv import RawFile, read_raw_file
from etl.tables import CREDITS_COLUMNS, MOVIES_COLUMNS

Change = Callable[[int, list[str]], list[str]]  # (index of the record, its cells) -> its new cells

_OVERVIEW = MOVIES_COLUMNS.index("overview")


def rewrite(raw_dir: Path, out_dir: Path, movies: Change, credits: Change | None = None) -> Path:
    """Write `out_dir/movies_dataset.csv` and `out_dir/credits.csv` from the generated set in `raw_dir`,
    each record changed by `movies` (or `credits`; the credits file is copied when None). The three
    records split by a bare carriage return are written as they were."""
    out_dir.mkdir(parents=True, exist_ok=True)
    generated = read_raw_file(raw_dir / MOVIES_FILE, MOVIES_COLUMNS)
    write_csv(
        out_dir / MOVIES_FILE,
        MOVIES_COLUMNS,
        _changed(generated, movies),
        unquoted={index: (_OVERVIEW, generated.cell("overview", index)) for index in generated.repaired},
    )
    if credits is None:
        shutil.copyfile(raw_dir / CREDITS_FILE, out_dir / CREDITS_FILE)
    else:
        write_csv(
            out_dir / CREDITS_FILE,
            CREDITS_COLUMNS,
            _changed(read_raw_file(raw_dir / CREDITS_FILE, CREDITS_COLUMNS), credits),
        )
    return out_dir


def _changed(raw: RawFile, change: Change) -> list[list[str]]:
    if raw.malformed:
        raise ValueError(f"{raw.path}: malformed records cannot be rewritten: {raw.malformed[0]}")
    records = []
    for first, columns in raw.slices():
        for offset, cells in enumerate(zip(*columns, strict=True)):
            index = first + offset
            records.append(list(cells) if index in raw.repaired else change(index, list(cells)))
    return records

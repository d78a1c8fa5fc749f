"""CSV output in the exact dialect of the real files, written in large buffered chunks.

Python's csv module with QUOTE_MINIMAL and lineterminator "\\n" (what pandas' to_csv writes). Rows
listed in `unquoted` are written by hand around one cell the csv module would quote: the real file
has three overviews holding a bare carriage return with no quotes around them.
"""

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

CHUNK_CHARS = 4 << 20  # flush to disk every ~4 MB of text
_PLACEHOLDER = "@@RAW_CELL@@"
_CSV_SPECIAL = (",", '"', "\n")


@dataclass(frozen=True)
class Written:
    path: Path
    rows: int
    bytes: int


def _raw_line(row: Sequence[str], column: int, text: str) -> str:
    """The CSV line of a row whose cell `column` is written verbatim, unquoted."""
    if any(char in text for char in _CSV_SPECIAL) or _PLACEHOLDER in row:
        raise ValueError(f"cell cannot be written unquoted: {text!r}")
    buffer = io.StringIO()
    cells = list(row)
    cells[column] = _PLACEHOLDER
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue().replace(_PLACEHOLDER, text)


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    unquoted: Mapping[int, tuple[int, str]] | None = None,
) -> Written:
    """Write header and rows to `path` (atomically, through a temporary file).

    `unquoted` maps a row index to (column, text): that cell is written verbatim, without quotes.
    """
    unquoted = unquoted or {}
    temporary = path.with_name(path.name + ".tmp")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    count = 0
    with temporary.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        for index, row in enumerate(rows):
            if index in unquoted:
                column, text = unquoted[index]
                buffer.write(_raw_line(row, column, text))
            else:
                writer.writerow(row)
            count += 1
            if buffer.tell() >= CHUNK_CHARS:
                _flush(buffer, handle)
        _flush(buffer, handle)
    os.replace(temporary, path)
    return Written(path=path, rows=count, bytes=path.stat().st_size)


def _flush(buffer: io.StringIO, handle: io.TextIOBase) -> None:
    handle.write(buffer.getvalue())
    buffer.seek(0)
    buffer.truncate()

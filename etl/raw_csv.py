"""Reading a raw CSV file (plain, or gzip-compressed when its name ends in .gz) into columns of
strings, with a line number for every record.

Two readers give the same records:
- a fast one (pyarrow, multithreaded) for large, clean files whose cells hold no line breaks; it
  streams the file, so the file's bytes are never all in memory;
- a careful one (the csv module) used whenever the fast one cannot vouch for the result. It
  numbers records by their first line, repairs records split by a bare carriage return inside an
  unquoted field, and sets aside records it cannot read, with the reason. Bad files (not UTF-8,
  truncated, a damaged .gz...) are always found and reported by this one.

Either way the records end up in an Arrow table of strings: far smaller than Python strings, and
handed to the cleaning steps a slice at a time.

Line numbers count lines ended by "\\n"; the header is line 1.
"""

import csv
import gzip
import hashlib
import io
import sys
import threading
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from etl.errors import InputFileError, clip
from etl.rejects import Reject

csv.field_size_limit(sys.maxsize)

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BLOCK_BYTES = 16 << 20  # what the fast reader parses at a time; a record must fit in one
SLICE_ROWS = 2048  # records handed to the cleaning steps as Python strings at a time


@dataclass
class RawFile:
    """The records of one raw file, as strings, column by column."""

    path: Path
    sha256: str  # of the uncompressed bytes, so a file and its .gz give the same
    size_bytes: int
    # A column of strings per expected column, a row per record: an Arrow table from the fast reader
    # (far smaller than Python strings), lists of Python strings from the careful one.
    cells: pa.Table | dict[str, list[str]]
    lines: list[int]
    repaired: set[int] = field(default_factory=set)  # indexes of records joined from CR-split pieces
    malformed: list[Reject] = field(default_factory=list)
    reader: str = "careful"

    @property
    def record_count(self) -> int:
        return len(self.lines)

    @property
    def rows_read(self) -> int:
        """Every record found: well formed ones plus those set aside as malformed."""
        return len(self.lines) + len(self.malformed)

    @property
    def columns(self) -> dict[str, list[str]]:
        """Every cell as a Python string, column by column (for small files and tools)."""
        if isinstance(self.cells, dict):
            return self.cells
        return {name: self.cells.column(name).to_pylist() for name in self.cells.column_names}

    def slices(self, rows: int = SLICE_ROWS) -> Iterator[tuple[int, list[list[str]]]]:
        """(index of the first record, its columns as lists of strings), `rows` records at a time."""
        for first in range(0, self.record_count, rows):
            if isinstance(self.cells, dict):
                yield first, [column[first : first + rows] for column in self.cells.values()]
            else:
                yield first, [column.to_pylist() for column in self.cells.slice(first, rows).columns]

    def cell(self, column: str, index: int) -> str:
        if isinstance(self.cells, dict):
            return self.cells[column][index]
        return self.cells.column(column)[index].as_py()


def read_raw_file(path: Path, expected_columns: Sequence[str]) -> RawFile:
    """Read `path`, check its header is exactly `expected_columns`, and return its records."""
    _check_path(path)
    fast = _read_fast(path, expected_columns)
    if fast is not None:
        return fast
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    _check_header(path, data, expected_columns)
    return _read_careful(path, digest, data, expected_columns)


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputFileError(path, "file not found")
    if not path.is_file():
        raise InputFileError(path, "not a regular file")


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputFileError(path, f"cannot be read: {error.strerror}") from None
    if path.suffix.lower() == ".gz":
        data = _gunzip(path, data)
    if not data.strip():
        raise InputFileError(path, "file is empty", line=1)
    if data.startswith(_UTF16_BOMS):
        raise InputFileError(path, "file is UTF-16 encoded; expected UTF-8", line=1)
    return data


def _gunzip(path: Path, data: bytes) -> bytes:
    try:
        return gzip.decompress(data)
    except EOFError:
        raise InputFileError(path, "truncated gzip file: the compressed data ends early (was it cut off?)") from None
    except (OSError, zlib.error) as error:
        raise InputFileError(path, f"not a valid gzip file: {error}") from None


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start : error.start + 1].hex()
        raise InputFileError(
            path,
            f"not valid UTF-8: byte 0x{byte} at column {column} (is the file in another encoding, "
            "such as Latin-1 or Windows-1252?)",
            line=line,
        ) from None


def _header(data: bytes) -> list[str] | None:
    """The column names on the first line, or None when that line is not UTF-8."""
    try:
        return _columns_of(_first_line(data).decode("utf-8"))
    except UnicodeDecodeError:
        return None


def _check_header(path: Path, data: bytes, expected: Sequence[str]) -> None:
    header = _columns_of(_decode(path, _first_line(data)))
    if header == list(expected):
        return
    missing = [name for name in expected if name not in header]
    unexpected = [name for name in header if name not in expected]
    problems = []
    for name in missing:
        guess = get_close_matches(name, unexpected, n=1, cutoff=0.6)
        renamed = f" (renamed to {guess[0]!r}?)" if guess else ""
        problems.append(f"missing column {name!r}{renamed}")
    problems += [f"unexpected column {clip(name, 60)!r}" for name in unexpected]
    if not problems:
        problems.append("columns are in another order")
    raise InputFileError(path, "bad header: " + "; ".join(problems) + f". Expected: {','.join(expected)}", line=1)


def _first_line(data: bytes) -> bytes:
    end = data.find(b"\n")
    return data[: end if end >= 0 else len(data)]


def _columns_of(line: str) -> list[str]:
    return next(csv.reader([line.rstrip("\r")]), [])


def _read_fast(path: Path, expected: Sequence[str]) -> RawFile | None:
    """The file read by pyarrow as it streams by, or None when only the careful reader can vouch
    for the result (or tell what is wrong with the file)."""
    try:
        head = _file_head(path)
    except (OSError, EOFError, zlib.error):
        return None
    if not head.strip() or head.startswith(_UTF16_BOMS) or _header(head) != list(expected):
        return None
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Arrow reads its own native stream: a Python file object would have Arrow's I/O threads
        # call back into Python, and an interpreter exiting just after such a read can abort
        # ("terminate called without an active exception"). The bytes are hashed meanwhile.
        stop_hashing = threading.Event()
        hashed = pool.submit(_digest_and_size, path, stop_hashing)
        table = None
        try:
            table = _fast_table(path, expected)
        finally:
            if table is None:
                stop_hashing.set()  # the careful reader will read (and hash) the file
        if table is None:
            return None
        try:
            digest, size_bytes = hashed.result()
        except (OSError, EOFError, zlib.error):
            return None
    lines = list(range(2, table.num_rows + 2))
    return RawFile(path, digest, size_bytes, table, lines, reader="fast")


def _fast_table(path: Path, expected: Sequence[str]) -> pa.Table | None:
    compression = "gzip" if path.suffix.lower() == ".gz" else None
    try:
        reader = pacsv.open_csv(
            pa.input_stream(str(path), compression=compression),
            read_options=pacsv.ReadOptions(block_size=_BLOCK_BYTES),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(expected, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        with reader:
            if reader.schema.names != list(expected):
                return None
            batches = []
            for batch in reader:
                if any(pc.any(pc.match_substring_regex(column, "[\r\n]")).as_py() for column in batch.columns):
                    return None  # records spanning lines: let the careful reader number them
                batches.append(batch)
            return pa.Table.from_batches(batches, reader.schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError, EOFError, zlib.error):
        return None


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _file_head(path: Path) -> bytes:
    """The first line, without a byte order mark."""
    with _open(path) as stream:
        start = stream.read(1 << 16)
        while b"\n" not in start:
            chunk = stream.read(1 << 16)
            if not chunk:
                break
            start += chunk
    return _first_line(start.removeprefix(_UTF8_BOM))


def _digest_and_size(path: Path, stop: threading.Event) -> tuple[str, int]:
    """The sha256 of the file's (uncompressed) bytes, and their count without a byte order mark."""
    digest = hashlib.sha256()
    size = 0
    with _open(path) as stream:
        while not stop.is_set() and (chunk := stream.read(1 << 20)):
            digest.update(chunk)
            size += len(chunk)
            if size == len(chunk) and chunk.startswith(_UTF8_BOM):
                size -= len(_UTF8_BOM)
    return digest.hexdigest(), size


class _Lines:
    """The lines of UTF-8 bytes (ending at \\n, \\r\\n or a bare \\r), decoded a chunk at a time
    (the whole text at once would take up to four bytes a character), remembering the ones consumed."""

    def __init__(self, data: bytes) -> None:
        self._source = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")
        self.newlines = 0
        self.consumed: list[str] = []
        self.exhausted = False

    def __iter__(self) -> Iterator[str]:
        for line in self._source:
            if line.endswith("\n"):
                self.newlines += 1
            self.consumed.append(line)
            yield line
        self.exhausted = True

    def take(self) -> str:
        raw = "".join(self.consumed)
        self.consumed.clear()
        return raw


@dataclass
class _Piece:
    line: int
    fields: list[str]
    raw: str
    error: str | None = None

    @property
    def ends_with_bare_cr(self) -> bool:
        return self.raw.endswith("\r")


def _read_careful(path: Path, digest: str, data: bytes, expected: Sequence[str]) -> RawFile:
    width = len(expected)
    column_lists: list[list[str]] = [[] for _ in expected]
    lines: list[int] = []
    repaired_records: set[int] = set()
    malformed: list[Reject] = []

    def accept(line: int, fields: list[str], repaired: bool) -> None:
        if repaired:
            repaired_records.add(len(lines))
        lines.append(line)
        for values, value in zip(column_lists, fields, strict=True):
            values.append(value)

    def set_aside(piece: _Piece, reason: str) -> None:
        malformed.append(Reject(path.name, piece.line, reason, piece.raw))

    pending: list[_Piece] = []  # pieces of a record split by bare carriage returns
    last_short: _Piece | None = None
    for piece in _checked_pieces(path, data):
        last_short = None
        if pending:
            joined = _join([*pending, piece])
            if len(joined.fields) == width:
                accept(joined.line, joined.fields, repaired=True)
                pending = []
                continue
            if len(joined.fields) < width and piece.ends_with_bare_cr:
                pending.append(piece)
                continue
            for stub in pending:
                set_aside(stub, _short_reason(len(stub.fields), width, split_by_cr=True))
            pending = []
        if piece.error is not None:
            set_aside(piece, piece.error)
        elif len(piece.fields) == width:
            accept(piece.line, piece.fields, repaired=False)
        elif len(piece.fields) > width:
            set_aside(piece, f"record has {len(piece.fields)} fields, expected {width}")
        elif piece.ends_with_bare_cr:
            pending.append(piece)
        else:
            last_short = piece
            set_aside(piece, _short_reason(len(piece.fields), width, split_by_cr=False))
    if pending:
        last_short = pending[-1]
        for stub in pending:
            set_aside(stub, _short_reason(len(stub.fields), width, split_by_cr=True))
    if last_short is not None:
        reason = _short_reason(len(last_short.fields), width, split_by_cr=False)
        raise InputFileError(path, f"truncated last line: {reason} (was the file cut off?)", last_short.line)
    cells = dict(zip(expected, column_lists, strict=True))
    return RawFile(path, digest, len(data), cells, lines, repaired_records, malformed)


def _short_reason(found: int, width: int, split_by_cr: bool) -> str:
    reason = f"record has {found} fields, expected {width}"
    if split_by_cr:
        reason += (
            "; it ends at a bare carriage return, and joining it with the next record does not give a whole record"
        )
    return reason


def _join(pieces: list[_Piece]) -> _Piece:
    """The record a CR-split series of pieces was: the split field gets its carriage return back."""
    fields = list(pieces[0].fields)
    for piece in pieces[1:]:
        fields[-1] = fields[-1] + "\r" + piece.fields[0]
        fields.extend(piece.fields[1:])
    return _Piece(pieces[0].line, fields, "".join(piece.raw for piece in pieces))


def _checked_pieces(path: Path, data: bytes) -> Iterator[_Piece]:
    try:
        yield from _pieces(path, data)
    except UnicodeDecodeError:
        _decode(path, data)  # raises, naming the line and the column
        raise


def _pieces(path: Path, data: bytes) -> Iterator[_Piece]:
    """Records after the header, as the csv module reads them (a bare CR ends a record)."""
    lines = _Lines(data)
    reader = csv.reader(lines, strict=True)
    next(reader, None)  # the header, already checked
    lines.take()
    start = lines.newlines + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if lines.exhausted or "end of data" in str(error):
                raise InputFileError(
                    path, f"truncated last line: {error} (was the file cut off?)", line=start
                ) from None
            yield _Piece(start, [], lines.take(), error=f"malformed CSV: {error}")
        else:
            raw = lines.take()
            if fields:  # a blank line holds no record
                yield _Piece(start, fields, raw)
        start = lines.newlines + 1

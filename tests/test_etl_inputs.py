"""Reading raw files: the CR-split repair, rows set aside with reasons, and bad input files."""

import csv
import gzip
import hashlib
from pathlib import Path

import pytest

from etl.errors import InputFileError
from etl.raw_csv import read_raw_file
from etl.tables import CREDITS_COLUMNS, MOVIES_COLUMNS
from tests.rawfiles import cr_split_line, csv_line, movie, write_movies
from tests.real_sample import uncompressed

HEADER = ",".join(MOVIES_COLUMNS)


def movies_file(tmp_path: Path, *lines: str, end: str = "\n") -> Path:
    path = tmp_path / "movies_dataset.csv"
    path.write_bytes((HEADER + "\n" + "\n".join(lines) + end).encode("utf-8"))
    return path


def test_cr_split_record_is_repaired(tmp_path):
    overview = "A quiet story without commas\r - Written by Someone"
    path = movies_file(
        tmp_path,
        csv_line(movie(id=1)),
        cr_split_line(movie(id=2, title="Split"), overview),
        csv_line(movie(id=3)),
    )
    raw = read_raw_file(path, MOVIES_COLUMNS)
    assert raw.reader == "careful"
    assert raw.columns["id"] == ["1", "2", "3"]
    assert raw.lines == [2, 3, 4]
    assert raw.repaired == {1}
    assert raw.columns["overview"][1] == overview
    assert raw.columns["title"][1] == "Split"
    assert raw.malformed == []


def test_naive_reader_sees_the_real_symptom(tmp_path):
    import pandas as pd

    path = movies_file(tmp_path, cr_split_line(movie(id=2, release_date="1997-08-20"), "No commas\r tail"))
    frame = pd.read_csv(path, dtype=str)
    assert "1997-08-20" in frame["id"].tolist()


def test_split_record_that_cannot_be_joined_is_set_aside(tmp_path):
    broken = cr_split_line(movie(id=2), "No commas here\r")
    # The stub is followed by a whole record: joining them gives too many fields, so no repair.
    path = movies_file(tmp_path, csv_line(movie(id=1)), broken.split("\r")[0] + "\r" + csv_line(movie(id=3)))
    raw = read_raw_file(path, MOVIES_COLUMNS)
    assert raw.columns["id"] == ["1", "3"]
    assert raw.repaired == set()
    assert len(raw.malformed) == 1
    reject = raw.malformed[0]
    assert reject.line == 3
    assert "record has 10 fields, expected 24" in reject.reason
    assert "bare carriage return" in reject.reason


def test_short_and_long_records_are_set_aside_with_line_numbers(tmp_path):
    path = movies_file(
        tmp_path, csv_line(movie(id=1)), "a,b,c", csv_line([*movie(id=5), "extra"]), csv_line(movie(id=2))
    )
    raw = read_raw_file(path, MOVIES_COLUMNS)
    assert raw.columns["id"] == ["1", "2"]
    assert [(r.line, r.reason) for r in raw.malformed] == [
        (3, "record has 3 fields, expected 24"),
        (4, "record has 25 fields, expected 24"),
    ]
    assert raw.rows_read == 4


def test_quoted_line_breaks_keep_line_numbers_right(tmp_path):
    path = movies_file(tmp_path, csv_line(movie(id=1, overview="two\nlines")), csv_line(movie(id=2)))
    raw = read_raw_file(path, MOVIES_COLUMNS)
    assert raw.lines == [2, 4]
    assert raw.columns["overview"][0] == "two\nlines"


def test_fast_and_careful_readers_agree(sample):
    from etl import raw_csv

    fast = read_raw_file(sample.credits, CREDITS_COLUMNS)
    assert fast.reader == "fast"
    careful = raw_csv._read_careful(sample.credits, fast.sha256, uncompressed(sample.credits), CREDITS_COLUMNS)
    assert (careful.columns, careful.lines) == (fast.columns, fast.lines)


@pytest.mark.parametrize("compressed", [False, True])
def test_the_streaming_reader_hashes_and_counts_every_byte(tmp_path, sample, compressed):
    data = b"\xef\xbb\xbf" + uncompressed(sample.credits)  # a byte order mark too
    path = tmp_path / ("credits.csv.gz" if compressed else "credits.csv")
    path.write_bytes(gzip.compress(data) if compressed else data)
    raw = read_raw_file(path, CREDITS_COLUMNS)
    assert raw.reader == "fast"
    assert raw.sha256 == hashlib.sha256(data).hexdigest()
    assert raw.size_bytes == len(data) - 3
    assert raw.columns == read_raw_file(sample.credits, CREDITS_COLUMNS).columns


@pytest.mark.parametrize("compressed", [False, True])
def test_the_streaming_reader_gives_arrow_a_native_stream(tmp_path, sample, monkeypatch, compressed):
    """Arrow's I/O threads reading a Python file object call back into Python; an interpreter that
    exits just after such a read can abort (exit -6, "terminate called without an active exception")."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from etl import raw_csv

    data = uncompressed(sample.credits)
    path = tmp_path / ("credits.csv.gz" if compressed else "credits.csv")
    path.write_bytes(gzip.compress(data) if compressed else data)
    sources = []
    arrow_open_csv = pacsv.open_csv

    def open_csv(source, **options):
        sources.append(source)
        return arrow_open_csv(source, **options)

    monkeypatch.setattr(raw_csv.pacsv, "open_csv", open_csv)
    assert read_raw_file(path, CREDITS_COLUMNS).reader == "fast"
    assert [type(source).__name__ for source in sources if not isinstance(source, pa.NativeFile)] == []
    assert len(sources) == 1


def test_records_come_in_slices_of_python_strings(tmp_path):
    path = movies_file(tmp_path, *(csv_line(movie(id=movie_id)) for movie_id in range(1, 8)))
    raw = read_raw_file(path, MOVIES_COLUMNS)
    slices = list(raw.slices(rows=3))
    assert [first for first, _ in slices] == [0, 3, 6]
    ids = [cell for _, columns in slices for cell in columns[MOVIES_COLUMNS.index("id")]]
    assert ids == [str(movie_id) for movie_id in range(1, 8)]
    assert raw.cell("id", 4) == "5"


def test_missing_final_newline_is_fine(tmp_path):
    path = movies_file(tmp_path, csv_line(movie(id=1)), csv_line(movie(id=2)), end="")
    assert read_raw_file(path, MOVIES_COLUMNS).columns["id"] == ["1", "2"]


def test_utf8_bom_is_accepted(tmp_path):
    path = movies_file(tmp_path, csv_line(movie(id=1)))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert read_raw_file(path, MOVIES_COLUMNS).columns["id"] == ["1"]


# Bad input files: a clear error naming the file, the line and the problem.


def error_for(path: Path, columns: tuple[str, ...] = MOVIES_COLUMNS) -> InputFileError:
    with pytest.raises(InputFileError) as caught:
        read_raw_file(path, columns)
    assert str(path) in str(caught.value)
    return caught.value


def test_missing_file(tmp_path):
    error = error_for(tmp_path / "nope.csv")
    assert error.problem == "file not found"


def test_empty_file(tmp_path):
    path = tmp_path / "movies_dataset.csv"
    path.write_bytes(b"")
    assert error_for(path).problem == "file is empty"


def test_missing_column(tmp_path):
    path = tmp_path / "movies_dataset.csv"
    write_movies(path, [movie()])
    text = path.read_text().replace(",budget,", ",", 1)
    path.write_text(text)
    error = error_for(path)
    assert error.line == 1
    assert "missing column 'budget'" in error.problem


def test_renamed_column(tmp_path):
    path = tmp_path / "movies_dataset.csv"
    write_movies(path, [movie()])
    path.write_text(path.read_text().replace(",release_date,", ",releasedate,", 1))
    error = error_for(path)
    assert "missing column 'release_date' (renamed to 'releasedate'?)" in error.problem


def test_wrong_encoding(tmp_path):
    path = tmp_path / "movies_dataset.csv"
    write_movies(path, [movie(id=1), movie(id=2, title="Amélie")])
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    error = error_for(path)
    assert error.line == 3
    assert "not valid UTF-8: byte 0xe9" in error.problem


def test_utf16_file(tmp_path):
    path = tmp_path / "movies_dataset.csv"
    write_movies(path, [movie(id=1)])
    path.write_bytes(path.read_text().encode("utf-16"))
    assert "UTF-16" in error_for(path).problem


def test_truncated_last_line(tmp_path):
    full = csv_line(movie(id=2, overview="cut, somewhere"))
    path = movies_file(tmp_path, csv_line(movie(id=1)), full[: len(full) // 2], end="")
    error = error_for(path)
    assert error.line == 3
    assert "truncated last line" in error.problem


def test_truncated_inside_quotes(tmp_path):
    full = csv_line(movie(id=2, overview="cut, somewhere in the middle of it"))
    cut = full[: full.index("somewhere")]
    path = movies_file(tmp_path, csv_line(movie(id=1)), cut, end="")
    error = error_for(path)
    assert error.line == 3
    assert "truncated last line" in error.problem


def test_truncated_credits_file(tmp_path, sample):
    data = uncompressed(sample.credits)
    path = tmp_path / "credits.csv"
    path.write_bytes(data[: len(data) - 5000])
    error = error_for(path, CREDITS_COLUMNS)
    assert error.line == data[: len(data) - 5000].count(b"\n") + 1
    assert "truncated last line" in error.problem


def test_header_only_file_reads_no_rows(tmp_path):
    path = movies_file(tmp_path, end="")
    path.write_text(HEADER + "\n")
    raw = read_raw_file(path, MOVIES_COLUMNS)
    assert raw.rows_read == 0


def test_malformed_quoting_is_set_aside(tmp_path):
    bad = csv_line(movie(id=9)).replace("Somebody does", '"Somebody" does', 1)
    path = movies_file(tmp_path, csv_line(movie(id=1)), bad, csv_line(movie(id=2)))
    raw = read_raw_file(path, MOVIES_COLUMNS)
    assert raw.columns["id"] == ["1", "2"]
    assert raw.malformed[0].line == 3
    assert raw.malformed[0].reason.startswith("malformed CSV")


def test_reader_is_csv_compatible(tmp_path):
    rows = [movie(id=i, title=f'Title "{i}", with, commas') for i in range(1, 50)]
    path = write_movies(tmp_path / "movies_dataset.csv", rows)
    raw = read_raw_file(path, MOVIES_COLUMNS)
    with path.open(newline="") as handle:
        expected = list(csv.reader(handle))[1:]
    assert [list(r) for r in zip(*raw.columns.values(), strict=True)] == expected

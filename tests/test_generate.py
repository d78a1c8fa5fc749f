"""Tests of etl.generate: the synthetic raw files have the real format, the real quirks, and are
byte-for-byte reproducible."""

import ast
import collections
import csv
import datetime
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from etl.generate import CREDITS_FILE, MOVIES_FILE, GeneratedFiles, generate
from etl.generate.__main__ import main, parse_args
from tests.real_sample import Sample, uncompressed

REPO = Path(__file__).resolve().parents[1]
MOVIES = 1500
SEED = 7

MOVIE_HEADER = [
    "adult", "belongs_to_collection", "budget", "genres", "homepage", "id", "imdb_id",
    "original_language", "original_title", "overview", "popularity", "poster_path",
    "production_companies", "production_countries", "release_date", "revenue", "runtime",
    "spoken_languages", "status", "tagline", "title", "video", "vote_average", "vote_count",
]  # fmt: skip
CREDITS_HEADER = ["cast", "crew", "id"]

# The keys of every nested dict, in the real order.
KEYS = {
    "belongs_to_collection": ("id", "name", "poster_path", "backdrop_path"),
    "genres": ("id", "name"),
    "production_companies": ("name", "id"),
    "production_countries": ("iso_3166_1", "name"),
    "spoken_languages": ("iso_639_1", "name"),
    "cast": ("cast_id", "character", "credit_id", "gender", "id", "name", "order", "profile_path"),
    "crew": ("credit_id", "department", "gender", "id", "job", "name", "profile_path"),
}
LIST_COLUMNS = ("genres", "production_companies", "production_countries", "spoken_languages")

IMAGE = r"/[0-9A-Za-z]{25,27}\.jpg"  # mostly 27 characters, a few shorter
# How each movie cell is written, in the real file and in the generated one.
CELL_FORMATS = {
    "adult": r"True|False",
    "belongs_to_collection": r"|\{'id': \d+, .*\}",
    "budget": r"\d+",
    "genres": r"\[.*\]",
    "homepage": r"|https?://\S+",
    "id": r"\d+",
    "imdb_id": r"tt\d{7}",
    "original_language": r"[a-z]{2}",
    "original_title": r".+",
    "overview": r".*",
    "popularity": r"\d+\.\d{1,6}|\d(\.\d+)?e-\d\d",
    "poster_path": rf"|{IMAGE}",
    "production_companies": r"\[.*\]",
    "production_countries": r"\[.*\]",
    "release_date": r"|\d{4}-\d\d-\d\d",
    "revenue": r"\d+",
    "runtime": r"|\d+\.0",
    "spoken_languages": r"\[.*\]",
    "status": r"Released|Rumored|Post Production|In Production|Planned|Canceled|",
    "tagline": r".*",
    "title": r".+",
    "video": r"True|False",
    "vote_average": r"\d{1,2}\.\d",
    "vote_count": r"\d+",
}
ENTRY_FORMATS = {
    "cast_id": r"[1-9]\d*",
    "credit_id": r"[0-9a-f]{24}",
    "gender": r"[012]",
    "id": r"[1-9]\d*",
    "order": r"\d+",
    "profile_path": rf"None|{IMAGE}",
}
DATE = re.compile(r"\d{4}-\d\d-\d\d")


# -- helpers ------------------------------------------------------------------------------------


def split_records(text: str) -> list[str]:
    """Records of a CSV text, ending lines only at "\\n" outside quotes (bare "\\r" is data)."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    records: list[str] = []
    pending: str | None = None
    for line in lines:
        pending = line if pending is None else f"{pending}\n{line}"
        if pending.count('"') % 2 == 0:
            records.append(pending)
            pending = None
    assert pending is None, "unbalanced quotes at the end of the file"
    return records


def parse_records(path: Path) -> list[list[str]]:
    """Rows of a CSV file, header included, keeping bare carriage returns inside cells."""
    rows = []
    for record in split_records(uncompressed(path).decode("utf-8")):
        cells = next(csv.reader([record.replace("\r", "\x00")]))
        rows.append([cell.replace("\x00", "\r") for cell in cells])
    return rows


def columns(rows: list[list[str]]) -> dict[str, list[str]]:
    header, body = rows[0], rows[1:]
    return {name: [row[i] for row in body] for i, name in enumerate(header)}


def key_orders(cells: list[str]) -> set[tuple[str, ...]]:
    orders: set[tuple[str, ...]] = set()
    for cell in cells:
        if not cell:
            continue
        value = ast.literal_eval(cell)
        for item in value if isinstance(value, list) else [value]:
            orders.add(tuple(item))
    return orders


# -- fixtures -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> GeneratedFiles:
    return generate(tmp_path_factory.mktemp("generated"), MOVIES, seed=SEED)


@pytest.fixture(scope="module")
def movie_rows(files: GeneratedFiles) -> list[list[str]]:
    return parse_records(files.movies_path)


@pytest.fixture(scope="module")
def credit_rows(files: GeneratedFiles) -> list[list[str]]:
    return parse_records(files.credits_path)


@pytest.fixture(scope="module")
def credits(credit_rows: list[list[str]]) -> list[tuple[list[dict], list[dict], int]]:
    return [(ast.literal_eval(cast), ast.literal_eval(crew), int(i)) for cast, crew, i in credit_rows[1:]]


# -- layout -------------------------------------------------------------------------------------


def test_headers_and_column_counts(files: GeneratedFiles, movie_rows, credit_rows) -> None:
    assert movie_rows[0] == MOVIE_HEADER
    assert credit_rows[0] == CREDITS_HEADER
    assert len(movie_rows) - 1 == files.movie_rows == MOVIES
    assert len(credit_rows) - 1 == files.credit_rows
    assert {len(row) for row in movie_rows} == {24}
    assert {len(row) for row in credit_rows} == {3}
    for path in (files.movies_path, files.credits_path):
        raw = path.read_bytes()
        assert raw.endswith(b"\n")
        assert not raw.endswith(b"\n\n")
        assert b"\r\n" not in raw
    assert files.movies_bytes == files.movies_path.stat().st_size


def test_rows_are_what_the_csv_module_writes(files: GeneratedFiles, movie_rows) -> None:
    """Apart from the three hand-written lines, the file is exactly csv.writer's output."""
    records = split_records(files.movies_path.read_bytes().decode("utf-8"))
    rewritten = []
    for row in movie_rows:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        rewritten.append(buffer.getvalue()[:-1])
    cr_rows = [i for i, record in enumerate(records) if "\r" in record]
    assert len(cr_rows) == 3
    differing = [i for i, (a, b) in enumerate(zip(records, rewritten, strict=True)) if a != b]
    assert set(differing) <= set(cr_rows)  # some Python versions quote a bare "\r", the real file does not
    overview = MOVIE_HEADER.index("overview")
    for i in cr_rows:
        assert f",{movie_rows[i][overview]}," in records[i]


# -- determinism --------------------------------------------------------------------------------


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 400, seed=3)
    second = generate(tmp_path / "b", 400, seed=3)
    assert first.movies_path.read_bytes() == second.movies_path.read_bytes()
    assert first.credits_path.read_bytes() == second.credits_path.read_bytes()
    other = generate(tmp_path / "c", 400, seed=4)
    assert other.movies_path.read_bytes() != first.movies_path.read_bytes()


def test_identical_across_hash_seeds(tmp_path: Path) -> None:
    here = generate(tmp_path / "here", 400, seed=3)
    for hash_seed in ("0", "12345"):
        out = tmp_path / f"hash{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        args = [sys.executable, "-m", "etl.generate", "--out", str(out), "--movies", "400", "--seed", "3"]
        subprocess.run(args, cwd=REPO, env=env, check=True, capture_output=True)
        assert (out / MOVIES_FILE).read_bytes() == here.movies_path.read_bytes()
        assert (out / CREDITS_FILE).read_bytes() == here.credits_path.read_bytes()


# -- nested cells -------------------------------------------------------------------------------


def test_nested_movie_cells_parse_with_real_keys(movie_rows) -> None:
    cols = columns(movie_rows)
    for name in LIST_COLUMNS:
        for cell in cols[name]:
            value = ast.literal_eval(cell)
            assert isinstance(value, list)
            assert all(isinstance(item, dict) and tuple(item) == KEYS[name] for item in value)
            assert repr(value) == cell
        assert "[]" in cols[name]
    collections_seen = [cell for cell in cols["belongs_to_collection"] if cell]
    assert collections_seen
    assert "" in cols["belongs_to_collection"]
    for cell in collections_seen:
        value = ast.literal_eval(cell)
        assert tuple(value) == KEYS["belongs_to_collection"]
        assert repr(value) == cell


def test_credit_cells_parse_with_real_keys(credit_rows) -> None:
    for cast_cell, crew_cell, _ in credit_rows[1:]:
        for cell, name in ((cast_cell, "cast"), (crew_cell, "crew")):
            value = ast.literal_eval(cell)
            assert isinstance(value, list)
            assert all(tuple(item) == KEYS[name] for item in value)
            assert repr(value) == cell
            for item in value:
                for key, pattern in ENTRY_FORMATS.items():
                    if key in item:
                        assert re.fullmatch(pattern, str(item[key])), (key, item[key])


# -- the carriage-return records ----------------------------------------------------------------


def test_three_cr_split_records(files: GeneratedFiles, movie_rows) -> None:
    raw = files.movies_path.read_bytes()
    assert raw.count(b"\r") == 3
    assert b"\r\n" not in raw
    cols = columns(movie_rows)
    rows = [i for i, text in enumerate(cols["overview"]) if "\r" in text]
    assert len(rows) == 3
    for position, expected in zip(rows, (0.43, 0.65, 0.78), strict=True):
        assert abs(position / MOVIES - expected) < 0.02
    for line in (line for line in raw.decode("utf-8").split("\n") if "\r" in line):
        stub, tail = line.split("\r")
        assert stub.count('"') % 2 == 0
        assert tail.count('"') % 2 == 0
        assert len(next(csv.reader([stub]))) == 10
        assert len(next(csv.reader([tail]))) == 15
    assert "\r - Written by " in cols["overview"][rows[0]]


def test_pandas_shows_the_real_symptom(files: GeneratedFiles) -> None:
    frame = pd.read_csv(files.movies_path, dtype=str)
    assert len(frame) == MOVIES + 3
    dated = frame[frame["id"].str.fullmatch(r"\d{4}-\d\d-\d\d", na=False)]
    assert len(dated) == 3
    assert dated["budget"].str.fullmatch(IMAGE).all()
    # Splitting only on "\n" (outside quotes) gives the right number of records.
    assert len(split_records(files.movies_path.read_bytes().decode("utf-8"))) == MOVIES + 1


# -- quirks of the movies file ------------------------------------------------------------------


def test_movie_quirks(movie_rows) -> None:
    cols = columns(movie_rows)
    ids = collections.Counter(cols["id"])
    duplicated = [movie_id for movie_id, count in ids.items() if count > 1]
    assert len(duplicated) >= 2
    body = movie_rows[1:]
    for movie_id in duplicated:
        copies = [row for row in body if row[5] == movie_id]
        differing = {MOVIE_HEADER[i] for i in range(24) if copies[0][i] != copies[1][i]}
        assert differing <= {"popularity", "vote_count"}
    assert 2 <= cols["release_date"].count("") <= 0.01 * MOVIES
    assert set(cols["status"]) - {"Released"}
    budgets = [int(b) for b in cols["budget"]]
    assert 0.7 < budgets.count(0) / MOVIES < 0.9
    assert 0.75 < cols["revenue"].count("0") / MOVIES < 0.92
    dates = [datetime.date.fromisoformat(text) for text in cols["release_date"] if text]
    assert {d.month for d in dates} == set(range(1, 13))
    assert {d.weekday() for d in dates} == set(range(7))
    assert min(d.year for d in dates) >= 1900
    assert max(d.year for d in dates) <= 2020
    titles = collections.Counter(cols["title"])
    assert max(titles.values()) >= 3
    assert len(titles) > 0.85 * MOVIES
    same = sum(a == b for a, b in zip(cols["title"], cols["original_title"], strict=True))
    assert same > 0.6 * MOVIES
    every_title = cols["title"] + cols["original_title"]
    assert any("'" in t for t in every_title)
    assert any("," in t for t in every_title)
    assert any('"' in t for t in every_title)
    assert any(not t.isascii() for t in every_title)
    languages = collections.Counter(cols["original_language"])
    assert languages.most_common(1)[0][0] == "en"
    votes = [int(v) for v in cols["vote_count"]]
    assert {1999, 2000, 2001} <= set(votes)
    assert sum(v < 100 for v in votes) > 0.8 * MOVIES
    overviews = cols["overview"]
    assert "" in overviews
    assert sum(len(o) for o in overviews) / MOVIES > 200
    assert any("\n" in o for o in overviews)


def test_cell_formats(movie_rows) -> None:
    cols = columns(movie_rows)
    cr_rows = {i for i, text in enumerate(cols["overview"]) if "\r" in text}
    for name, pattern in CELL_FORMATS.items():
        for i, cell in enumerate(cols[name]):
            if name == "overview" and i in cr_rows:
                continue
            assert re.fullmatch(pattern, cell, re.DOTALL if name == "overview" else 0), (name, cell)


# -- quirks of the credits file -----------------------------------------------------------------


def test_credits_rows_follow_the_movies(movie_rows, credit_rows, credits) -> None:
    movie_ids = list(dict.fromkeys(int(i) for i in columns(movie_rows)["id"]))
    credit_ids = [movie_id for _, _, movie_id in credits]
    known = set(movie_ids)
    # One row per movie, in movie order, once duplicates and orphans are dropped.
    assert list(dict.fromkeys(i for i in credit_ids if i in known)) == movie_ids
    orphans = [i for i in credit_ids if i not in known]
    assert len(orphans) >= 2
    rows = [tuple(row) for row in credit_rows[1:]]
    repeated = [row for row, count in collections.Counter(rows).items() if count > 1]
    assert len(repeated) >= 2
    assert len(credit_ids) - len(set(credit_ids)) == len(rows) - len(set(rows))  # only exact copies
    assert any(cast == [] for cast, _, _ in credits)
    assert any(crew == [] for _, crew, _ in credits)


def test_credit_quirks(credits) -> None:
    cast_entries = [entry for cast, _, _ in credits for entry in cast]
    crew_entries = [entry for _, crew, _ in credits for entry in crew]
    everyone = cast_entries + crew_entries
    ids_by_name = collections.defaultdict(set)
    for entry in everyone:
        ids_by_name[entry["name"]].add(entry["id"])
    assert any(len(ids) > 1 for ids in ids_by_name.values())
    assert any("'" in name and '"' in name for name in ids_by_name)
    assert any(name.endswith("\t") for name in ids_by_name)
    assert any("'" in e["character"] and '"' in e["character"] for e in cast_entries)
    assert any(e["character"] == "" for e in cast_entries)
    assert any(not name.isascii() for name in ids_by_name)
    jobs = collections.Counter(e["job"] for e in crew_entries)
    assert jobs["Director of Photography"] > 0
    assert jobs["Assistant Director"] > 0
    assert sum(count for job, count in jobs.items() if "Director" in job and job != "Director") > 0
    departments = {e["department"] for e in crew_entries}
    assert {"Directing", "Camera", "Writing", "Production", "Sound", "Editing", "Art"} <= departments
    directors = collections.Counter(sum(e["job"] == "Director" for e in crew) for _, crew, _ in credits)
    assert directors.most_common(1)[0][0] == 1
    assert directors[2] > 0
    assert directors[0] > 0
    for cast, _, _ in credits:
        assert [e["order"] for e in cast] == list(range(len(cast)))
    assert {e["gender"] for e in everyone} == {0, 1, 2}
    no_profile = sum(e["profile_path"] is None for e in everyone) / len(everyone)
    assert 0.2 < no_profile < 0.5
    doubled_cast = sum(len({e["id"] for e in cast}) < len(cast) for cast, _, _ in credits)
    doubled_crew = sum(len({e["id"] for e in crew}) < len(crew) for _, crew, _ in credits)
    assert doubled_cast > 0
    assert doubled_crew > 0
    acting_directors = sum(
        bool({e["id"] for e in crew if e["job"] == "Director"} & {e["id"] for e in cast}) for cast, crew, _ in credits
    )
    assert acting_directors > 0


def test_repr_quoting_of_awkward_names(credit_rows) -> None:
    text = "\n".join(cell for row in credit_rows[1:] for cell in row[:2])
    assert re.search(r"'name': \"[^\"']*'[^\"]*\"", text)  # apostrophe -> double quotes
    assert "\\'" in text  # both quote kinds -> escaped single quotes
    assert "\\t'" in text  # trailing tab


# -- real sample comparison ---------------------------------------------------------------------


def test_format_matches_real_sample(movie_rows, credit_rows, sample: Sample) -> None:
    real_movies = parse_records(sample.movies)
    real_credits = parse_records(sample.credits)
    assert real_movies[0] == movie_rows[0]
    assert real_credits[0] == credit_rows[0]
    for rows, name in ((real_movies, "real"), (movie_rows, "generated")):
        cols = columns(rows)
        for column, pattern in CELL_FORMATS.items():
            flags = re.DOTALL if column == "overview" else 0
            bad = [cell for cell in cols[column] if not re.fullmatch(pattern, cell, flags)]
            assert not bad, (name, column, bad[:3])
    real_cols, our_cols = columns(real_movies), columns(movie_rows)
    for column in (*LIST_COLUMNS, "belongs_to_collection"):
        assert key_orders(real_cols[column]) == key_orders(our_cols[column]) == {KEYS[column]}
    real_credit_cols, our_credit_cols = columns(real_credits), columns(credit_rows)
    for column in ("cast", "crew"):
        assert key_orders(real_credit_cols[column]) == key_orders(our_credit_cols[column]) == {KEYS[column]}
        for rows in (real_credit_cols[column][:300], our_credit_cols[column][:300]):
            for item in (item for cell in rows for item in ast.literal_eval(cell)):
                for key, pattern in ENTRY_FORMATS.items():
                    if key in item:
                        assert re.fullmatch(pattern, str(item[key])), (column, key, item[key])


# -- command line and edge sizes ----------------------------------------------------------------


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path), "--movies", "150", "--seed", "9"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / MOVIES_FILE) in out
    assert "150 rows" in out
    assert "bytes" in out
    expected = generate(tmp_path / "again", 150, seed=9)
    assert (tmp_path / MOVIES_FILE).read_bytes() == expected.movies_path.read_bytes()
    with pytest.raises(SystemExit):
        main(["--out", str(tmp_path), "--demo", "--movies", "10"])
    demo = parse_args(["--out", str(tmp_path), "--demo"])
    assert (demo.movies, demo.seed) == (3000, 42)
    full = parse_args(["--out", str(tmp_path)])
    assert (full.movies, full.seed) == (45466, 42)


@pytest.mark.parametrize("movies", [0, 1, 12, 99])
def test_small_sizes(tmp_path: Path, movies: int) -> None:
    files = generate(tmp_path, movies, seed=1)
    rows = parse_records(files.movies_path)
    assert len(rows) == movies + 1
    assert b"\r" not in files.movies_path.read_bytes()
    credit_ids = {row[2] for row in parse_records(files.credits_path)[1:]}
    assert credit_ids == {row[5] for row in rows[1:]}

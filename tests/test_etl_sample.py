"""The ETL on the real sample: reconciliation, the required transformations, determinism."""

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq

from bench import naive
from etl.pipeline import run
from etl.tables import SCHEMA_VERSION, TABLES
from tests.real_sample import uncompressed


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text())


def table(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / f"{name}.parquet").to_pylist()


def test_every_raw_row_is_accounted_for(sample_output):
    for entry in manifest(sample_output)["inputs"].values():
        assert entry["rows_read"] == entry["rows_loaded"] + entry["duplicates_merged"] + entry["rows_rejected"]
    movies = manifest(sample_output)["inputs"]["movies"]
    assert movies["rows_read"] == 2996  # the sample's README: 2,996 rows, 2,995 distinct ids
    assert movies["duplicates_merged"] == 1
    assert movies["rows_rejected"] == 2  # the two empty release dates
    assert movies["rows_loaded"] == 2993


def test_rejects_name_line_and_reason(sample_output, sample):
    with (sample_output / "rejects.csv").open(encoding="utf-8") as handle:
        rejects = list(csv.DictReader(handle))
    assert [(r["file"], r["reason"]) for r in rejects] == [(sample.movies.name, "release_date is empty")] * 2
    raw_lines = uncompressed(sample.movies).decode("utf-8").split("\n")
    for reject in rejects:
        line = raw_lines[int(reject["line"]) - 1]
        assert reject["raw"].startswith(line[:60])


def test_duplicate_id_is_merged_and_recorded(sample_output, sample):
    with (sample_output / "duplicates.csv").open(encoding="utf-8") as handle:
        duplicates = list(csv.DictReader(handle))
    assert [(d["file"], d["id"]) for d in duplicates] == [(sample.movies.name, "105045")]
    ids = [row["id"] for row in table(sample_output, "movies")]
    assert ids.count(105045) == 1
    assert ids == sorted(set(ids))


def test_toy_story(sample_output):
    movies = {row["id"]: row for row in table(sample_output, "movies")}
    toy_story = movies[862]
    assert toy_story["title"] == "Toy Story"
    assert toy_story["release_date"] == "1995-10-30"
    assert toy_story["release_year"] == 1995
    assert toy_story["budget"] == 30_000_000
    assert toy_story["revenue"] == 373_554_033
    assert toy_story["return"] == 373_554_033 / 30_000_000
    people = {row["id"]: row["name"] for row in table(sample_output, "people")}
    cast = [row for row in table(sample_output, "cast") if row["movie_id"] == 862]
    assert (people[cast[0]["person_id"]], cast[0]["order"]) == ("Tom Hanks", 0)
    directors = [
        people[row["person_id"]]
        for row in table(sample_output, "crew")
        if row["movie_id"] == 862 and row["job"] == "Director"
    ]
    assert directors == ["John Lasseter"]
    genres = {row["id"]: row["name"] for row in table(sample_output, "genres")}
    toy_genres = [genres[row["genre_id"]] for row in table(sample_output, "movie_genres") if row["movie_id"] == 862]
    assert toy_genres == ["Animation", "Comedy", "Family"]
    collections = {row["id"]: row["name"] for row in table(sample_output, "collections")}
    assert collections[toy_story["collection_id"]] == "Toy Story Collection"


def test_required_transformations(sample_output):
    movies = table(sample_output, "movies")
    dropped = {"video", "imdb_id", "adult", "original_title", "poster_path", "homepage"}
    assert not dropped & set(movies[0])
    for row in movies:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["release_date"])
        assert row["release_year"] == int(row["release_date"][:4])
        assert row["budget"] >= 0
        assert row["revenue"] >= 0
        expected = row["revenue"] / row["budget"] if row["budget"] else 0.0
        assert row["return"] == expected


def test_tables_match_the_contract(sample_output):
    for name, schema in TABLES.items():
        assert pq.read_schema(sample_output / f"{name}.parquet").equals(schema), name
    assert manifest(sample_output)["schema_version"] == SCHEMA_VERSION


def test_fast_credits_equal_literal_eval(sample_output, sample):
    movie_ids = {row["id"] for row in table(sample_output, "movies")}
    reference = naive.credit_tables(sample.credits, movie_ids)
    for name, expected in reference.items():
        assert pq.read_table(sample_output / f"{name}.parquet").equals(expected), name


def test_same_inputs_give_byte_identical_outputs(sample, sample_output, tmp_path):
    again = tmp_path / "again"
    run(sample.movies, sample.credits, again)
    first = {path.name: path.read_bytes() for path in sample_output.iterdir()}
    second = {path.name: path.read_bytes() for path in again.iterdir()}
    assert first == second


def test_manifest_checksums_match_files(sample_output):
    import hashlib

    data = manifest(sample_output)
    entries = [*data["tables"].values(), data["rejects"], data["duplicates"]]
    for entry in entries:
        assert hashlib.sha256((sample_output / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]

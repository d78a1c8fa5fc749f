"""The ETL on generated data in the real format: every quirk handled, and the fast path exact."""

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bench import naive
from etl.generate import generate
from etl.pipeline import run


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("generated")
    files = generate(root / "raw", movies=1500, seed=7)
    out = root / "processed"
    run(files.movies_path, files.credits_path, out)
    return files.credits_path, out


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text())


def test_rows_reconcile_with_repairs_duplicates_and_rejects(generated):
    _, out = generated
    movies = manifest(out)["inputs"]["movies"]
    credits = manifest(out)["inputs"]["credits"]
    for entry in (movies, credits):
        assert entry["rows_read"] == entry["rows_loaded"] + entry["duplicates_merged"] + entry["rows_rejected"]
    assert movies["rows_repaired"] == 3
    assert movies["duplicates_merged"] >= 1
    assert movies["rows_rejected"] >= 1
    assert credits["duplicates_merged"] >= 1
    assert credits["rows_rejected"] >= 1  # ids with no movie
    assert credits["rows_loaded"] == movies["rows_loaded"]


def test_fast_path_equals_literal_eval(generated):
    credits_path, out = generated
    movie_ids = set(pq.read_table(out / "movies.parquet").column("id").to_pylist())
    for name, expected in naive.credit_tables(credits_path, movie_ids).items():
        assert pq.read_table(out / f"{name}.parquet").equals(expected), name


def test_repaired_records_keep_their_carriage_return(generated):
    _, out = generated
    overviews = pq.read_table(out / "movies.parquet").column("overview").to_pylist()
    assert sum(1 for text in overviews if text and "\r" in text) == 3


def test_director_is_an_exact_job(generated):
    _, out = generated
    jobs = set(pq.read_table(out / "crew.parquet").column("job").to_pylist())
    assert {"Director", "Director of Photography", "Assistant Director"} <= jobs

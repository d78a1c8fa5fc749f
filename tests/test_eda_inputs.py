"""`python -m eda` on bad data folders: a clear error naming the file and exit code 2; empty tables said so."""

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from eda.__main__ import main
from eda.content import Chart, Note
from eda.data import load_tables
from eda.report import build_section
from eda.sections import recommender
from etl.contract import sha256_of
from etl.tables import SCHEMA_VERSION, TABLES


@pytest.fixture
def data(sample_output: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "processed"
    shutil.copytree(sample_output, copy)
    return copy


def edit_manifest(data: Path, change) -> None:
    path = data / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def empty_table(data: Path, name: str) -> None:
    path = data / f"{name}.parquet"
    pq.write_table(TABLES[name].empty_table(), path)

    def emptied(manifest: dict) -> None:
        manifest["tables"][name].update(rows=0, sha256=sha256_of(path))
        if name == "movies":  # the contract checks the movies input loaded as many rows as the table holds
            counts = manifest["inputs"]["movies"]
            counts["rows_read"] -= counts["rows_loaded"]
            counts["rows_loaded"] = 0

    edit_manifest(data, emptied)


def run(data: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_missing_folder(tmp_path, capsys):
    code, _, err = run(tmp_path / "nowhere", tmp_path / "out", capsys)
    assert code == 2
    assert f"error: {tmp_path / 'nowhere'}: data directory does not exist" in err
    assert not (tmp_path / "out").exists()


def test_missing_manifest(data, tmp_path, capsys):
    (data / "manifest.json").unlink()
    code, _, err = run(data, tmp_path / "out", capsys)
    assert code == 2
    assert f"error: {data / 'manifest.json'}: missing" in err


def test_other_schema_version(data, tmp_path, capsys):
    edit_manifest(data, lambda manifest: manifest.update(schema_version=1))
    code, _, err = run(data, tmp_path / "out", capsys)
    assert code == 2
    expected = f"tables have schema version 1, this service reads version {SCHEMA_VERSION}"
    assert f"error: {data / 'manifest.json'}: {expected}" in err


def test_missing_table_file(data, tmp_path, capsys):
    (data / "crew.parquet").unlink()
    code, _, err = run(data, tmp_path / "out", capsys)
    assert code == 2
    assert f"error: {data / 'crew.parquet'}: missing, the data directory is incomplete" in err


def test_table_not_listed(data, tmp_path, capsys):
    edit_manifest(data, lambda manifest: manifest["tables"].pop("genres"))
    code, _, err = run(data, tmp_path / "out", capsys)
    assert code == 2
    assert f"error: {data / 'manifest.json'}: table 'genres' is not listed" in err


def test_corrupt_table(data, tmp_path, capsys):
    with (data / "people.parquet").open("ab") as handle:
        handle.write(b"\0")
    code, _, err = run(data, tmp_path / "out", capsys)
    assert code == 2
    assert f"error: {data / 'people.parquet'}: corrupt, its sha256 differs from the manifest" in err


def test_empty_movies_table_gives_a_report_that_says_so(data, tmp_path, capsys):
    empty_table(data, "movies")
    code, out, err = run(data, tmp_path / "out", capsys)
    assert code == 0
    assert f"report: {(tmp_path / 'out' / 'index.html').resolve()}" in out
    assert "9/9 the recommender: done, 0 figures" in err
    page = (tmp_path / "out" / "index.html").read_text()
    assert page.count("The table `movies` is empty: nothing to show here.") == 9  # every section
    assert "Every input row accounted for" in page
    assert not list((tmp_path / "out").glob("*.png"))


def test_empty_recommendations_table_is_said_so(data):
    empty_table(data, "recommendations")
    section = build_section(recommender, load_tables(data))
    assert not [item for item in section.items if isinstance(item, Chart)]
    assert Note("The table `recommendations` is empty: nothing to show here.") in section.items


def test_figures_of_an_earlier_report_go_and_nothing_else(data, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "report.json").write_text(json.dumps({"sections": {"old": {"figures": [{"file": "0-old.png"}]}}}))
    (out / "0-old.png").write_bytes(b"old")
    empty_table(data, "movies")
    assert run(data, out, capsys)[0] == 0
    assert not (out / "0-old.png").exists()
    assert (out / "notes.txt").read_text() == "mine"

"""`python -m etl.bootstrap`: real files in the raw directory win, else the committed sample."""

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from etl.bootstrap import ensure_data, main
from tests.fixtures import REPO
from tests.rawfiles import movie, write_credits, write_movies


def titles(data_dir: Path) -> list[str]:
    return pq.read_table(data_dir / "movies.parquet", columns=["title"]).column("title").to_pylist()


def test_empty_raw_dir_builds_from_the_committed_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)  # as `make run` does: the default sample directory is relative
    raw, data = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    assert main(["--data-dir", str(data), "--raw-dir", str(raw)]) == 0
    assert f"{data}: built from data/sample" in capsys.readouterr().err
    assert "Toy Story" in titles(data)
    assert ensure_data(data, raw) == "kept"


def test_real_files_in_the_raw_dir_win(tmp_path: Path) -> None:
    raw, data = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    write_movies(raw / "movies_dataset.csv", [movie(id=1, title="Only Here")])
    write_credits(raw / "credits.csv", [])
    assert ensure_data(data, raw, sample_dir=tmp_path / "no-sample") == f"built from {raw}"
    assert titles(data) == ["Only Here"]

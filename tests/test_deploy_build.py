"""`python -m deploy.build`: committed tables in data/deploy/ are served only when they verify; else the sample."""

import json
import shutil
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from deploy.build import main
from etl.contract import sha256_of, verify
from tests.fixtures import REPO


@pytest.fixture
def committed(api_data_dir: Path, tmp_path: Path) -> Path:
    deploy_dir = tmp_path / "deploy"
    shutil.copytree(api_data_dir, deploy_dir)
    return deploy_dir


def build(out: Path, deploy_dir: Path) -> int:
    return main(["--out", str(out), "--deploy-dir", str(deploy_dir), "--eda-dir", str(out.parent / "eda")])


def test_without_committed_tables_the_sample_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(REPO)  # as on Render: the sample's folder is relative to the repository
    out = tmp_path / "processed"
    assert build(out, tmp_path / "deploy") == 0
    assert "from the sample in data/sample, dataset 'sample', verified and loaded" in capsys.readouterr().err
    assert verify(out).content["inputs"]["movies"]["file"] == "movies_dataset.csv.gz"
    assert (tmp_path / "eda" / "index.html").is_file()  # the report /eda serves is built with the tables


def test_committed_tables_are_served_as_they_are(
    committed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "processed"
    out.mkdir()
    (out / "stale.parquet").write_bytes(b"left by an earlier build")
    assert build(out, committed) == 0
    assert f"7 films from the committed tables in {committed}, dataset 'partial'" in capsys.readouterr().err
    assert sorted(path.name for path in out.iterdir()) == sorted(path.name for path in committed.iterdir())
    assert (out / "manifest.json").read_bytes() == (committed / "manifest.json").read_bytes()


def refused(out: Path, deploy_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert build(out, deploy_dir) == 2
    assert not out.exists(), "a refused build must not leave tables to serve"
    assert not out.with_name("processed.building").exists()
    error = capsys.readouterr().err
    assert error.startswith("error: the build is refused: ")
    return error


def test_committed_tables_of_another_schema_version_fail_the_build(
    committed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest_path = committed / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["schema_version"] = 0
    manifest_path.write_text(json.dumps(manifest))
    assert f"{manifest_path}: tables have schema version 0" in refused(tmp_path / "processed", committed, capsys)


def test_a_missing_committed_table_fails_the_build(
    committed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (committed / "crew.parquet").unlink()
    assert f"{committed / 'crew.parquet'}: missing" in refused(tmp_path / "processed", committed, capsys)


def test_a_folder_without_a_manifest_fails_the_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deploy_dir = tmp_path / "deploy"
    deploy_dir.mkdir()
    (deploy_dir / "movies.parquet").write_bytes(b"")
    assert f"{deploy_dir / 'manifest.json'}: missing" in refused(tmp_path / "processed", deploy_dir, capsys)


def test_a_table_with_other_columns_fails_the_build_although_its_checksum_matches(
    committed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    genres = committed / "genres.parquet"
    rows = pq.read_metadata(genres).num_rows
    pq.write_table(pa.table({"id": list(range(rows))}), genres)
    manifest_path = committed / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["genres"]["sha256"] = sha256_of(genres)
    manifest_path.write_text(json.dumps(manifest))
    assert f"{genres}: columns differ from the 'genres' table" in refused(tmp_path / "processed", committed, capsys)


def test_git_tracks_tables_in_data_deploy_and_still_ignores_the_other_built_folders():
    def ignored(path: str) -> bool:
        return subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO, check=False).returncode == 0

    assert not ignored("data/deploy/movies.parquet")
    assert not ignored("data/deploy/manifest.json")
    assert ignored("data/processed/movies.parquet")
    assert ignored("data/raw/credits.csv")

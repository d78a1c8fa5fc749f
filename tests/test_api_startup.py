"""The service refuses to start on data it cannot trust, naming the file."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etl.contract import ContractError, verify
from graphql_api.data.loader import load
from tests.fixtures import REPO


@pytest.fixture
def data_copy(api_data_dir, tmp_path) -> Path:
    copy = tmp_path / "processed"
    shutil.copytree(api_data_dir, copy)
    return copy


def refusal(directory: Path) -> str:
    with pytest.raises(ContractError) as caught:
        load(directory)
    return str(caught.value)


def test_missing_directory(tmp_path):
    assert refusal(tmp_path / "nowhere").startswith(f"{tmp_path / 'nowhere'}: data directory does not exist")


def test_missing_manifest(data_copy):
    (data_copy / "manifest.json").unlink()
    assert refusal(data_copy).startswith(f"{data_copy / 'manifest.json'}: missing")


def test_missing_table(data_copy):
    (data_copy / "cast.parquet").unlink()
    assert refusal(data_copy).startswith(f"{data_copy / 'cast.parquet'}: missing, the data directory is incomplete")


def test_corrupt_table(data_copy):
    path = data_copy / "movies.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert refusal(data_copy).startswith(f"{path}: corrupt, its sha256 differs from the manifest")


def test_other_schema_version(data_copy):
    manifest_path = data_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["schema_version"] = 0
    manifest_path.write_text(json.dumps(manifest))
    assert "tables have schema version 0, this service reads version" in refusal(data_copy)


def test_manifest_that_is_not_json(data_copy):
    (data_copy / "manifest.json").write_text("{")
    assert "not valid JSON" in refusal(data_copy)


def test_valid_data_passes(api_data_dir):
    assert verify(api_data_dir).content["schema_version"] >= 1


def test_server_command_exits_with_the_reason(data_copy):
    (data_copy / "people.parquet").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "graphql_api", "--data-dir", str(data_copy), "--port", "0"],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"{data_copy / 'people.parquet'}: missing" in result.stderr

"""The service refuses to start on data it cannot trust, naming the file."""

import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from etl.contract import SCHEMA_VERSION, ContractError, verify
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


def replace_array(data_copy: Path, name: str, data: bytes) -> Path:
    """Replace an array's file and record its new sha256, so that only what the file holds is wrong."""
    path = data_copy / f"{name}.npy"
    path.write_bytes(data)
    manifest_path = data_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["arrays"][name]["sha256"] = hashlib.sha256(data).hexdigest()
    manifest_path.write_text(json.dumps(manifest))
    return path


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


def test_missing_array(data_copy):
    path = data_copy / "person.name.offsets.npy"
    path.unlink()
    assert refusal(data_copy).startswith(f"{path}: missing, the data directory is incomplete")


def test_corrupt_array(data_copy):
    path = data_copy / "similar.score.npy"
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    assert refusal(data_copy).startswith(f"{path}: corrupt, its sha256 differs from the manifest")


def test_array_of_another_type(data_copy):
    budgets = np.load(data_copy / "movie.budget.npy")
    path = replace_array(data_copy, "movie.budget", npy_bytes(budgets.astype(np.int32)))
    assert refusal(data_copy).startswith(
        f"{path}: holds '<i4' values, schema version {SCHEMA_VERSION} declares '<i8'; build it again"
    )


def test_array_cut_short(data_copy):
    path = replace_array(data_copy, "movie.budget", (data_copy / "movie.budget.npy").read_bytes()[:-8])
    assert refusal(data_copy).startswith(f"{path}: holds more or fewer bytes than its header says")


def test_array_that_is_not_an_array_file(data_copy):
    path = replace_array(data_copy, "movie.budget", b"not numpy")
    assert refusal(data_copy).startswith(f"{path}: not a .npy array file")


def test_array_not_listed(data_copy):
    manifest_path = data_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    del manifest["arrays"]["cast.order"]
    manifest_path.write_text(json.dumps(manifest))
    assert refusal(data_copy).startswith(f"{manifest_path}: array 'cast.order' is not listed")


def test_a_credit_pointing_to_a_missing_film_is_refused(data_copy):
    films = np.load(data_copy / "movie.id.npy")
    cast = np.load(data_copy / "cast.movie.npy")
    cast[0] = len(films) + 5
    path = replace_array(data_copy, "cast.movie", npy_bytes(cast))
    assert refusal(data_copy).startswith(
        f"{path}: holds a row number outside 0..{len(films) - 1} (the rows of movie.id); build it again"
    )


def test_offsets_that_do_not_fit_are_refused(data_copy):
    offsets = np.load(data_copy / "movie.similar.offsets.npy")
    offsets[1], offsets[2] = offsets[2] + 1, offsets[1]
    path = replace_array(data_copy, "movie.similar.offsets", npy_bytes(offsets))
    assert refusal(data_copy).startswith(f"{path}: offsets must rise from 0 to")
    shorter = replace_array(data_copy, "movie.similar.offsets", npy_bytes(offsets[:-1]))
    assert "offsets; movie.id has" in refusal(data_copy)
    assert refusal(data_copy).startswith(str(shorter))


def test_an_edited_row_count_is_refused(data_copy):
    manifest_path = data_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["inputs"]["movies"]["rows_loaded"] += 1
    manifest["inputs"]["movies"]["rows_read"] += 1
    manifest_path.write_text(json.dumps(manifest))
    assert "the movies table holds" in refusal(data_copy)


def test_a_manifest_without_inputs_is_refused(data_copy):
    manifest_path = data_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    del manifest["inputs"]
    manifest_path.write_text(json.dumps(manifest))
    assert refusal(data_copy).startswith(f"{manifest_path}: `inputs` is missing or not an object")


def test_a_table_path_outside_the_folder_is_refused(data_copy):
    manifest_path = data_copy / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["people"]["file"] = "../people.parquet"
    manifest_path.write_text(json.dumps(manifest))
    assert refusal(data_copy).startswith(f"{manifest_path}: table 'people' must be in 'people.parquet'")


def test_an_unreadable_file_is_one_clear_refusal(data_copy, monkeypatch):
    path = data_copy / "movie.budget.npy"
    opened = Path.open

    def refused_open(self, *args, **kwargs):  # as for a file without read permission (tests run as root)
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused_open)
    assert refusal(data_copy).startswith(f"{path}: cannot be read (Permission denied)")

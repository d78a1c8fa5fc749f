"""The read model: the arrays the ETL writes (every one of the contract, listed and intact), and how the
service reads them (mapped, looked up without a dictionary, without the table libraries)."""

import hashlib
import json
import mmap
import subprocess
import sys

import numpy as np

from etl.contract import ARRAYS, TABLE_NAMES, key_hash, normalize
from etl.tables import TABLES
from graphql_api.data.columns import Groups, KeyIndex, StringColumn
from tests.fixtures import REPO


def test_the_contract_names_every_table():
    assert tuple(TABLES) == TABLE_NAMES


def test_every_array_is_written_listed_and_of_its_type(sample_output):
    listed = json.loads((sample_output / "manifest.json").read_text())["arrays"]
    assert set(listed) == set(ARRAYS)
    for name, dtype in ARRAYS.items():
        path = sample_output / listed[name]["file"]
        assert path.name == f"{name}.npy"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == listed[name]["sha256"]
        array = np.load(path)
        assert (array.dtype.str, array.ndim) == (dtype, 1), name


def test_lookups_hold_each_normalized_title_once_with_its_rows(sample_output):
    def array(name: str) -> np.ndarray:
        return np.load(sample_output / f"{name}.npy")

    offsets, data = array("title_lookup.keys.offsets"), array("title_lookup.keys.bytes").tobytes()
    keys = [data[offsets[i] : offsets[i + 1]].decode() for i in range(len(offsets) - 1)]
    assert len(keys) == len(set(keys))
    hashes = array("title_lookup.hashes")
    assert (np.diff(hashes.astype(object)) >= 0).all()  # sorted, for binary search
    assert [key_hash(keys[index]) for index in array("title_lookup.hash_keys")] == hashes.tolist()
    title_offsets, title_bytes = array("movie.title.offsets"), array("movie.title.bytes").tobytes()
    titles = [title_bytes[title_offsets[i] : title_offsets[i + 1]].decode() for i in range(len(title_offsets) - 1)]
    row_offsets, rows = array("title_lookup.rows.offsets"), array("title_lookup.rows.items")
    for index, key in enumerate(keys):
        assert all(normalize(titles[row]) == key for row in rows[row_offsets[index] : row_offsets[index + 1]])
    assert sorted(rows) == [row for row, title in enumerate(titles) if title]  # every titled film, once


def test_key_hash_is_stable_across_processes():
    assert key_hash("toy story") == 0x95D21F1096FE029E


def test_a_lookup_checks_each_candidate_against_its_key():
    keys = StringColumn(b"ba", 0, memoryview(np.array([0, 1, 2])), memoryview(np.zeros(2, dtype=bool)))
    rows = Groups(memoryview(np.array([0, 1, 3])), memoryview(np.array([7, 8, 9], dtype=np.int32)))
    # Both keys filed under the hash of "a", the way two keys whose hashes collide would be.
    colliding = np.array([key_hash("a")] * 2, dtype=np.uint64)
    index = KeyIndex(keys, rows, memoryview(colliding), memoryview(np.array([0, 1], dtype=np.int32)))
    assert index.get("a") == [8, 9]
    assert index.get("b") == []
    assert index.get("c") == []


def test_the_service_maps_the_arrays_read_only(api_model):
    for array in (api_model.movie_ids, api_model.similar_scores, api_model.acting.total_return):
        assert isinstance(array.base.obj, mmap.mmap)
        assert not array.flags.writeable


def test_serving_imports_no_table_or_suggestion_library(api_data_dir):
    code = (
        "import sys; from pathlib import Path; import graphql_api.__main__; "
        "from graphql_api.data.loader import load; load(Path(sys.argv[1])); "
        "print(sorted({'pyarrow', 'pandas', 'rapidfuzz', 'sklearn', 'scipy'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(api_data_dir)], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"

"""Gzip-compressed raw files: read like the plain ones, and a damaged one is a clear input error."""

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from etl.cli import EXIT_BAD_INPUT, main
from etl.generate import GeneratedFiles, generate
from etl.pipeline import run


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> GeneratedFiles:
    return generate(tmp_path_factory.mktemp("plain"), 600, 3)  # with rejects, duplicates and repairs


def gzipped(path: Path, directory: Path) -> Path:
    target = directory / f"{path.name}.gz"
    target.write_bytes(gzip.compress(path.read_bytes(), mtime=0))
    return target


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_plain_and_gzipped_inputs_give_the_same_outputs(plain: GeneratedFiles, tmp_path: Path) -> None:
    movies_gz, credits_gz = gzipped(plain.movies_path, tmp_path), gzipped(plain.credits_path, tmp_path)
    run(plain.movies_path, plain.credits_path, tmp_path / "from_plain")
    run(movies_gz, credits_gz, tmp_path / "from_gz")
    from_plain, from_gz = snapshot(tmp_path / "from_plain"), snapshot(tmp_path / "from_gz")

    assert from_plain.keys() == from_gz.keys()
    tables = [name for name in from_plain if name.endswith(".parquet")]
    assert tables
    assert [name for name in tables if from_plain[name] != from_gz[name]] == []
    # Only the recorded file names differ: rejects, their reasons and duplicates name the input file.
    for name in ("rejects.csv", "duplicates.csv"):
        assert b".csv.gz," in from_gz[name]
        assert from_gz[name].replace(b".csv.gz", b".csv") == from_plain[name]
    plain_manifest, gz_manifest = json.loads(from_plain["manifest.json"]), json.loads(from_gz["manifest.json"])
    assert plain_manifest["tables"] == gz_manifest["tables"]
    for kind, path in (("movies", movies_gz), ("credits", credits_gz)):
        assert gz_manifest["inputs"][kind] == {**plain_manifest["inputs"][kind], "file": path.name}


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def corrupted(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(64) + data[middle + 64 :]


def not_gzip(data: bytes) -> bytes:
    return gzip.decompress(data)


@pytest.mark.parametrize(
    ("kind", "damage", "problem"),
    [
        ("movies", truncated, "truncated gzip file"),
        ("movies", corrupted, "not a valid gzip file"),
        ("movies", not_gzip, "not a valid gzip file"),
        ("credits", truncated, "truncated gzip file"),
    ],
)
def test_damaged_gzip_file_is_a_bad_input(
    plain: GeneratedFiles,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    damage: Callable[[bytes], bytes],
    problem: str,
) -> None:
    inputs = {"movies": gzipped(plain.movies_path, tmp_path), "credits": gzipped(plain.credits_path, tmp_path)}
    inputs[kind].write_bytes(damage(inputs[kind].read_bytes()))
    out = tmp_path / "out"
    code = main(["--movies", str(inputs["movies"]), "--credits", str(inputs["credits"]), "--out", str(out)])
    assert code == EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert f"error: {inputs[kind]}: {problem}" in error
    assert not out.exists()


def test_gzipped_empty_file_is_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    movies = tmp_path / "movies_dataset.csv.gz"
    movies.write_bytes(gzip.compress(b""))
    code = main(["--movies", str(movies), "--credits", str(movies), "--out", str(tmp_path / "out")])
    assert code == EXIT_BAD_INPUT
    assert f"{movies}:1: file is empty" in capsys.readouterr().err

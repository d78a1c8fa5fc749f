"""`python -m etl`: the summary, exit codes, and the atomic replace of the output directory."""

import subprocess
import sys
from pathlib import Path

import pytest

from etl import output
from etl.cli import main
from etl.pipeline import run
from tests.fixtures import REPO
from tests.rawfiles import cast_entry, credits_row, movie, write_credits, write_movies


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    movies = write_movies(
        tmp_path / "movies.csv", [movie(id=1), movie(id=2), movie(id=2), movie(id=3, release_date="")]
    )
    credits = write_credits(tmp_path / "credits.csv", [credits_row(1, [cast_entry(5, "Ana Ruiz", 0)], [])])
    return movies, credits


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_summary_and_exit_code(inputs, tmp_path, capsys):
    movies, credits = inputs
    code = main(["--movies", str(movies), "--credits", str(credits), "--out", str(tmp_path / "out")])
    assert code == 0
    captured = capsys.readouterr()
    assert "movies          4 rows in = 2 loaded + 1 duplicates merged + 1 rejected" in captured.out
    assert "credits         1 rows in = 1 loaded + 0 duplicates merged + 0 rejected" in captured.out
    assert "cleaning credits: done" in captured.err


def test_bad_input_exits_non_zero_and_keeps_previous_output(inputs, tmp_path, capsys):
    movies, credits = inputs
    out = tmp_path / "out"
    run(movies, credits, out)
    before = snapshot(out)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,title\n1,x\n")
    code = main(["--movies", str(bad), "--credits", str(credits), "--out", str(out)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"error: {bad}:1: bad header: missing column 'adult'" in err
    assert snapshot(out) == before


def test_failure_while_writing_keeps_previous_output(inputs, tmp_path, monkeypatch):
    movies, credits = inputs
    out = tmp_path / "out"
    run(movies, credits, out)
    before = snapshot(out)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output, "write_manifest", disk_full)
    with pytest.raises(OSError, match="No space left"):
        run(movies, credits, out)
    assert snapshot(out) == before
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".out")] == []


def test_interrupted_replace_is_recovered(inputs, tmp_path):
    movies, credits = inputs
    out = tmp_path / "out"
    run(movies, credits, out)
    before = snapshot(out)
    out.rename(tmp_path / "out.previous")  # killed between the two renames of a replace
    output.recover_interrupted_replace(out)
    assert snapshot(out) == before


def etl_command(*args: object) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "etl", *map(str, args)]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


def test_module_entry_point(inputs, tmp_path):
    movies, credits = inputs
    result = etl_command("--movies", movies, "--credits", credits, "--out", tmp_path / "o", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {tmp_path / 'o'} in ")
    missing = etl_command("--movies", tmp_path / "none.csv", "--credits", credits, "--out", tmp_path / "o")
    assert missing.returncode == 2
    assert f"{tmp_path / 'none.csv'}: file not found" in missing.stderr


def test_killed_runs_leave_old_or_new_tables_never_a_mix(tmp_path):
    import signal
    import time

    from etl.contract import verify
    from etl.generate import generate

    old_files = generate(tmp_path / "old", movies=4000, seed=1)
    new_files = generate(tmp_path / "new", movies=4000, seed=2)
    out = tmp_path / "processed"
    run(old_files.movies_path, old_files.credits_path, out)
    old = snapshot(out)
    command = [sys.executable, "-m", "etl", "--movies", str(new_files.movies_path),
               "--credits", str(new_files.credits_path), "--out", str(out), "--quiet"]  # fmt: skip
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5):
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        output.recover_interrupted_replace(out)
        verify(out)
        assert snapshot(out) == old or process.returncode == 0
        run(old_files.movies_path, old_files.credits_path, out)  # put the old tables back for the next kill
    finished = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert snapshot(out) != old
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".processed")] == []


def test_an_unwritable_out_is_refused_before_reading_anything(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    missing = tmp_path / "not-read.csv"
    code = main(["--movies", str(missing), "--credits", str(missing), "--out", str(blocker / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert f"error: {blocker / 'out'}: cannot be written" in err
    assert "not-read.csv" not in err  # refused before the inputs were opened
    assert "Traceback" not in err


def test_a_file_without_a_newline_gets_a_short_message(tmp_path, capsys):
    movies = tmp_path / "movies.csv"
    movies.write_text("x" * 5_000_000)
    code = main(["--movies", str(movies), "--credits", str(movies), "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert len(err) < 3_000
    assert "unexpected column 'xxxx" in err
    assert "5,000,000 characters in all" in err


def test_reasons_are_clipped_and_raw_records_kept_whole(tmp_path):
    huge = "9" * 3 + "x" * 10_000
    movies = write_movies(tmp_path / "movies.csv", [movie(id=1), movie(id=2, budget=huge)])
    credits = write_credits(tmp_path / "credits.csv", [credits_row(1, [cast_entry(5, "Ana Ruiz", 0)], [])])
    run(movies, credits, tmp_path / "out")
    import csv

    with (tmp_path / "out" / "rejects.csv").open(encoding="utf-8", newline="") as handle:
        [reject] = list(csv.DictReader(handle))
    assert len(reject["reason"]) < 400
    assert huge in reject["raw"]


def test_a_full_disk_is_one_line_and_keeps_the_previous_output(inputs, tmp_path, capsys, monkeypatch):
    import errno

    movies, credits = inputs
    out = tmp_path / "out"
    assert main(["--movies", str(movies), "--credits", str(credits), "--out", str(out)]) == 0
    before = snapshot(out)

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out) + ".tmp/movies.parquet")

    monkeypatch.setattr(output, "write_table", full)
    capsys.readouterr()
    assert main(["--movies", str(movies), "--credits", str(credits), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err
    assert "Traceback" not in err
    assert snapshot(out) == before

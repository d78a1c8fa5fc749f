"""The whole run: read both raw files, clean them, write the output directory with its manifest."""

import gc
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from etl import output
from etl.contract import DUPLICATES_FILE, REJECTS_FILE, SCHEMA_VERSION
from etl.credits import CreditsResult, clean_credits
from etl.memory import release_free_lists, return_freed_memory, reusing_freed_blocks
from etl.movies import Duplicate, MoviesResult, clean_movies
from etl.raw_csv import RawFile, read_raw_file
from etl.read_model import read_model
from etl.recommend import feature_tables, features_job, recommendations
from etl.rejects import Reject
from etl.tables import CREDITS_COLUMNS, MOVIES_COLUMNS, TABLES
from etl.text_features import TextFeatures

Progress = Callable[[str], None]


@dataclass(frozen=True)
class FileCounts:
    """How every row of one raw file was accounted for."""

    rows_read: int
    rows_loaded: int
    duplicates_merged: int
    rows_rejected: int
    rows_repaired: int

    def as_dict(self) -> dict[str, int]:
        return {
            "rows_read": self.rows_read,
            "rows_loaded": self.rows_loaded,
            "duplicates_merged": self.duplicates_merged,
            "rows_rejected": self.rows_rejected,
            "rows_repaired": self.rows_repaired,
        }


@dataclass(frozen=True)
class Summary:
    out_dir: Path
    movies: FileCounts
    credits: FileCounts
    seconds: float
    recommendation_seconds: float
    manifest: dict[str, Any]
    text_process_mb: float = 0.0  # memory of its own the process making the text features and groups grew to


def run(movies_path: Path, credits_path: Path, out_dir: Path, progress: Progress = lambda _: None) -> Summary:
    """Build `out_dir` from the raw files. Raises InputFileError, leaving `out_dir` untouched."""
    # Millions of small tuples and strings, none in a reference cycle: the cyclic garbage collector
    # would only rescan them again and again (about a third of the run time).
    return_freed_memory()
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(movies_path, credits_path, out_dir, progress)
    finally:
        if collecting:
            gc.enable()


def _run(movies_path: Path, credits_path: Path, out_dir: Path, progress: Progress) -> Summary:
    started = time.perf_counter()
    output.check_writable(out_dir)  # before reading anything: a bad --out must not cost a whole run
    output.recover_interrupted_replace(out_dir)
    with TextFeatures.fork() as features:  # before any thread; made beside the movies and credits
        movies, movies_input, raw_credits = _movies_and_raw_credits(movies_path, credits_path, progress)
        features.submit(features_job, feature_tables(movies.tables))
        step = _Step(progress, "cleaning credits")
        entries, credits = clean_credits(raw_credits, set(movies.ids), movies.rejected_ids)
        credits_input = _accounted(raw_credits, credits.rows_loaded, credits.duplicates, credits.rejects)
        del raw_credits  # before the tables are built: the file's cells take more memory than they do
        tables = {**movies.tables, **entries.tables()}
        del entries
        release_free_lists()
        step.done(f"{tables['cast'].num_rows:,} cast and {tables['crew'].num_rows:,} crew credits")

        step = _Step(progress, "computing recommendations")
        with reusing_freed_blocks():
            tables["recommendations"] = recommendations(tables, progress=progress, features=features.result)
        release_free_lists()
        recommendation_seconds = step.done(f"{tables['recommendations'].num_rows:,} neighbours")
    staged = output.staging_directory(out_dir)
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            # Arrow compresses and writes the tables without the GIL, while the read model is computed.
            tables_written = pool.submit(_write_tables, staged, dict(tables))
            step = _Step(progress, "computing the service's read model")
            arrays = read_model(tables)
            step.done(f"{len(arrays)} arrays")
            step = _Step(progress, f"writing {out_dir}")
            written_arrays = {name: output.write_array(staged, name, arrays.pop(name)) for name in list(arrays)}
            written_tables = tables_written.result()
        del tables
        manifest = _finish(staged, written_tables, written_arrays, movies_input, credits_input, movies, credits)
        output.replace_directory(staged, out_dir)
    except BaseException:
        output.discard(staged)
        raise
    step.done()
    seconds = time.perf_counter() - started
    return Summary(
        out_dir,
        movies_input.counts,
        credits_input.counts,
        seconds,
        recommendation_seconds,
        manifest,
        features.child_peak_mb,
    )


def _movies_and_raw_credits(
    movies_path: Path, credits_path: Path, progress: Progress
) -> tuple[MoviesResult, "_Input", RawFile]:
    """The movies cleaned, and the credits file read meanwhile."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Reading the large credits file mostly runs in Arrow's threads, beside the movies work.
        credits_future = pool.submit(read_raw_file, credits_path, CREDITS_COLUMNS)
        step = _Step(progress, f"reading {movies_path.name}")
        raw_movies = read_raw_file(movies_path, MOVIES_COLUMNS)
        step.done(f"{raw_movies.rows_read:,} rows")
        step = _Step(progress, "cleaning movies")
        movies = clean_movies(raw_movies)
        movies_input = _accounted(raw_movies, len(movies.ids), movies.duplicates, movies.rejects)
        del raw_movies
        release_free_lists()
        step.done(f"{len(movies.ids):,} movies, {len(movies.rejects):,} rejected")
        step = _Step(progress, f"reading {credits_path.name}")
        raw_credits = credits_future.result()
        step.done(f"{raw_credits.rows_read:,} rows")
    return movies, movies_input, raw_credits


@dataclass(frozen=True)
class _Input:
    """What the manifest says of one raw file."""

    file: str
    sha256: str
    size_bytes: int
    counts: FileCounts

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sha256": self.sha256, "bytes": self.size_bytes, **self.counts.as_dict()}


def _accounted(raw: RawFile, loaded: int, duplicates: list[Duplicate], rejects: list[Reject]) -> _Input:
    return _Input(raw.path.name, raw.sha256, raw.size_bytes, _counts(raw, loaded, duplicates, rejects))


def _counts(raw: RawFile, loaded: int, duplicates: list[Duplicate], rejects: list[Reject]) -> FileCounts:
    counts = FileCounts(
        rows_read=raw.rows_read,
        rows_loaded=loaded,
        duplicates_merged=len(duplicates),
        rows_rejected=len(rejects),
        rows_repaired=len(raw.repaired),
    )
    if counts.rows_read != counts.rows_loaded + counts.duplicates_merged + counts.rows_rejected:
        raise AssertionError(f"{raw.path.name}: rows do not reconcile: {counts}")
    return counts


def _write_tables(staged: Path, tables: dict[str, pa.Table]) -> dict[str, Any]:
    """Write every table, letting each go (popped from `tables`) once written."""
    return {name: output.write_table(staged, name, tables.pop(name)) for name in TABLES}


def _finish(
    staged: Path,
    written_tables: dict[str, Any],
    written_arrays: dict[str, Any],
    movies_input: _Input,
    credits_input: _Input,
    movies: MoviesResult,
    credits: CreditsResult,
) -> dict[str, Any]:
    """Write the rejects, the duplicates and the manifest beside the tables and arrays."""
    rejects = output.write_csv(
        staged,
        REJECTS_FILE,
        ("file", "line", "reason", "raw"),
        ((r.file, r.line, r.reason, r.raw) for r in [*movies.rejects, *credits.rejects]),
    )
    duplicates = output.write_csv(
        staged,
        DUPLICATES_FILE,
        ("file", "line", "id", "kept_line", "differing_columns"),
        (
            (d.file, d.line, d.id, d.kept_line, " ".join(d.differing_columns))
            for d in [*movies.duplicates, *credits.duplicates]
        ),
    )
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "inputs": {"movies": movies_input.as_dict(), "credits": credits_input.as_dict()},
        "tables": written_tables,
        "arrays": written_arrays,
        "rejects": rejects,
        "duplicates": duplicates,
    }
    output.write_manifest(staged, manifest)
    return manifest


class _Step:
    def __init__(self, progress: Progress, name: str) -> None:
        self._progress = progress
        self._name = name
        self._started = time.perf_counter()
        progress(f"{name}…")

    def done(self, detail: str = "") -> float:
        seconds = time.perf_counter() - self._started
        self._progress(f"{self._name}: done{', ' + detail if detail else ''} ({seconds:.1f} s)")
        return seconds

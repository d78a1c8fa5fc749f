"""Data for the benchmarks, built once and reused: the full-scale generated set (and its variants with
real texts and with 10 MB cells) and the real sample."""

import json
import sys
from dataclasses import asdict
from pathlib import Path

from bench.big_cells import Expected, write_big_cells
from bench.real_text import write_real_text
from etl.contract import CREDITS_FILE, MOVIES_FILE, SAMPLE_DIR, ContractError, verify
from etl.generate import DEFAULT_SEED, FULL_SCALE_MOVIES, generate
from etl.pipeline import run

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
RAW = OUT / "raw"
REAL_TEXT = OUT / "real-text"
BIG_CELLS = OUT / "big-cells"
PROCESSED = OUT / "processed"
SAMPLE_PROCESSED = OUT / "sample"


def raw_files() -> tuple[Path, Path]:
    movies, credits = RAW / MOVIES_FILE, RAW / CREDITS_FILE
    if not (movies.is_file() and credits.is_file()):
        print(f"generating {FULL_SCALE_MOVIES:,} films into {RAW}...", file=sys.stderr)
        generate(RAW, FULL_SCALE_MOVIES, DEFAULT_SEED)
    return movies, credits


def real_text_files() -> tuple[Path, Path]:
    """The generated set with the real sample's titles, overviews and taglines (bench.real_text)."""
    movies, credits = REAL_TEXT / MOVIES_FILE, REAL_TEXT / CREDITS_FILE
    if not (movies.is_file() and credits.is_file()):
        print(f"writing the real-text variant into {REAL_TEXT}...", file=sys.stderr)
        write_real_text(raw_files()[0].parent, REAL_TEXT)
    return movies, credits


def big_cells_files() -> tuple[Path, Path, Expected]:
    """The generated set with a few 10 MB cells (bench.big_cells), and what the ETL must make of them."""
    movies, credits, expected = BIG_CELLS / MOVIES_FILE, BIG_CELLS / CREDITS_FILE, BIG_CELLS / "expected.json"
    if not (movies.is_file() and credits.is_file() and expected.is_file()):
        print(f"writing the 10 MB cells variant into {BIG_CELLS}...", file=sys.stderr)
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(json.dumps(asdict(write_big_cells(raw_files()[0].parent, BIG_CELLS))))
    return movies, credits, Expected(**json.loads(expected.read_text()))


def processed() -> Path:
    """The full-scale generated data set, processed."""
    try:
        verify(PROCESSED)
    except ContractError:
        movies, credits = raw_files()
        run(movies, credits, PROCESSED)
    return PROCESSED


def sample_processed() -> Path:
    """The real sample committed in data/sample/, processed."""
    try:
        verify(SAMPLE_PROCESSED)
    except ContractError:
        sample = REPO / SAMPLE_DIR
        run(sample / f"{MOVIES_FILE}.gz", sample / f"{CREDITS_FILE}.gz", SAMPLE_PROCESSED)
    return SAMPLE_PROCESSED

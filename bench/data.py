"""Data for the benchmarks, built once and reused: the full-scale generated set and the real sample."""

import sys
from pathlib import Path

from etl.contract import CREDITS_FILE, MOVIES_FILE, SAMPLE_DIR, ContractError, verify
from etl.generate import DEFAULT_SEED, FULL_SCALE_MOVIES, generate
from etl.pipeline import run

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"
RAW = OUT / "raw"
PROCESSED = OUT / "processed"
SAMPLE_PROCESSED = OUT / "sample"


def raw_files() -> tuple[Path, Path]:
    movies, credits = RAW / MOVIES_FILE, RAW / CREDITS_FILE
    if not (movies.is_file() and credits.is_file()):
        print(f"generating {FULL_SCALE_MOVIES:,} films into {RAW}...", file=sys.stderr)
        generate(RAW, FULL_SCALE_MOVIES, DEFAULT_SEED)
    return movies, credits


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

"""Full-scale generated data for the benchmarks, built once and reused."""

import sys
from pathlib import Path

from etl.contract import CREDITS_FILE, MOVIES_FILE, ContractError, verify
from etl.generate import DEFAULT_SEED, FULL_SCALE_MOVIES, generate
from etl.pipeline import run

OUT = Path(__file__).resolve().parent / "out"
RAW = OUT / "raw"
PROCESSED = OUT / "processed"


def raw_files() -> tuple[Path, Path]:
    movies, credits = RAW / MOVIES_FILE, RAW / CREDITS_FILE
    if not (movies.is_file() and credits.is_file()):
        print(f"generating {FULL_SCALE_MOVIES:,} films into {RAW}...", file=sys.stderr)
        generate(RAW, FULL_SCALE_MOVIES, DEFAULT_SEED)
    return movies, credits


def processed() -> Path:
    try:
        verify(PROCESSED)
    except ContractError:
        movies, credits = raw_files()
        run(movies, credits, PROCESSED)
    return PROCESSED

"""`python -m etl.bootstrap`: make sure there are tables to serve.

Keeps valid processed data as it is. Otherwise builds it with the ETL: from the real files when
they are in data/raw/, else from the real sample committed in data/sample/ (so a fresh clone runs
offline).
"""

import argparse
import sys
from pathlib import Path

from etl.cli import format_summary
from etl.contract import CREDITS_FILE, MOVIES_FILE, PROCESSED_DIR, RAW_DIR, SAMPLE_DIR, ContractError, verify
from etl.errors import InputFileError, OutputError
from etl.pipeline import run


def ensure_data(data_dir: Path, raw_dir: Path = RAW_DIR, sample_dir: Path = SAMPLE_DIR) -> str:
    """What was done: 'kept' or 'built from <dir>'."""
    try:
        verify(data_dir)
        return "kept"
    except ContractError as problem:
        print(f"no usable tables yet ({problem})", file=sys.stderr)
    movies, credits = raw_dir / MOVIES_FILE, raw_dir / CREDITS_FILE
    if not (movies.is_file() and credits.is_file()):
        print(f"no real files in {raw_dir}; building from the sample in {sample_dir}", file=sys.stderr)
        movies, credits = sample_dir / f"{MOVIES_FILE}.gz", sample_dir / f"{CREDITS_FILE}.gz"
    summary = run(movies, credits, data_dir, _progress)
    print(format_summary(summary), file=sys.stderr)
    return f"built from {movies.parent}"


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl.bootstrap", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=PROCESSED_DIR)
    parser.add_argument("--raw-dir", type=Path, default=RAW_DIR)
    args = parser.parse_args(argv)
    try:
        outcome = ensure_data(args.data_dir, args.raw_dir)
    except (InputFileError, OutputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args.data_dir}: {outcome}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`python -m graphql_api.bootstrap`: make sure there are tables to serve.

Keeps valid processed data as it is. Otherwise builds it with the ETL: from the real files when
they are in data/raw/, else from the generated demo data set (so a fresh clone runs offline).
"""

import argparse
import sys
import tempfile
from pathlib import Path

from etl.cli import format_summary
from etl.contract import CREDITS_FILE, MOVIES_FILE, PROCESSED_DIR, RAW_DIR, ContractError, verify
from etl.errors import InputFileError
from etl.generate import DEFAULT_SEED, DEMO_MOVIES, generate
from etl.pipeline import run


def ensure_data(data_dir: Path, raw_dir: Path = RAW_DIR) -> str:
    """What was done: 'kept', 'built from <dir>' or 'built from the demo data set'."""
    try:
        verify(data_dir)
        return "kept"
    except ContractError as problem:
        print(f"no usable tables yet ({problem})", file=sys.stderr)
    movies, credits = raw_dir / MOVIES_FILE, raw_dir / CREDITS_FILE
    if movies.is_file() and credits.is_file():
        summary = run(movies, credits, data_dir, _progress)
        print(format_summary(summary), file=sys.stderr)
        return f"built from {raw_dir}"
    print(f"no real files in {raw_dir}; building the generated demo data set", file=sys.stderr)
    with tempfile.TemporaryDirectory() as scratch:
        files = generate(Path(scratch), DEMO_MOVIES, DEFAULT_SEED)
        summary = run(files.movies_path, files.credits_path, data_dir, _progress)
    print(format_summary(summary), file=sys.stderr)
    return "built from the demo data set"


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graphql_api.bootstrap", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=PROCESSED_DIR)
    parser.add_argument("--raw-dir", type=Path, default=RAW_DIR)
    args = parser.parse_args(argv)
    try:
        outcome = ensure_data(args.data_dir, args.raw_dir)
    except InputFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{args.data_dir}: {outcome}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

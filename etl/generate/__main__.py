"""Command line: python -m etl.generate --out DIR [--movies N] [--seed S] [--demo]."""

import argparse
import sys
import time
from pathlib import Path

from etl.generate.dataset import generate
from etl.generate.scale import DEFAULT_SEED, DEMO_MOVIES, FULL_SCALE_MOVIES


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m etl.generate",
        description="Write a synthetic movies_dataset.csv and credits.csv in the raw Kaggle format.",
    )
    parser.add_argument("--out", type=Path, required=True, help="directory to write the two files into")
    parser.add_argument(
        "--movies", type=int, default=None, help=f"rows of movies_dataset.csv (default {FULL_SCALE_MOVIES})"
    )
    parser.add_argument("--seed", type=int, default=None, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"the small demo data set: {DEMO_MOVIES} movies, seed {DEFAULT_SEED}",
    )
    args = parser.parse_args(argv)
    if args.demo and (args.movies is not None or args.seed is not None):
        parser.error("--demo fixes the size and seed; do not combine it with --movies or --seed")
    if args.movies is not None and args.movies < 0:
        parser.error("--movies must be >= 0")
    if args.demo:
        args.movies, args.seed = DEMO_MOVIES, DEFAULT_SEED
    if args.movies is None:
        args.movies = FULL_SCALE_MOVIES
    if args.seed is None:
        args.seed = DEFAULT_SEED
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    files = generate(args.out, args.movies, args.seed)
    elapsed = time.perf_counter() - started
    print(f"wrote {files.movies_path}: {files.movie_rows:,} rows, {files.movies_bytes:,} bytes")
    print(f"wrote {files.credits_path}: {files.credit_rows:,} rows, {files.credits_bytes:,} bytes")
    print(f"movies={args.movies} seed={args.seed} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

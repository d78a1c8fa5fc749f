"""`python -m etl`: build the processed tables from the raw files."""

import argparse
import sys
from pathlib import Path

from etl.contract import CREDITS_FILE, MOVIES_FILE, PROCESSED_DIR, RAW_DIR
from etl.errors import InputFileError, OutputError
from etl.pipeline import FileCounts, Summary, run

EXIT_BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Turn the raw movies and credits CSV files into clean parquet tables and a manifest.",
    )
    parser.add_argument(
        "--movies",
        type=Path,
        default=RAW_DIR / MOVIES_FILE,
        help="raw movies file, .csv or .csv.gz (default: %(default)s)",
    )
    parser.add_argument(
        "--credits",
        type=Path,
        default=RAW_DIR / CREDITS_FILE,
        help="raw credits file, .csv or .csv.gz (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=PROCESSED_DIR,
        help="output directory, replaced atomically (default: %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    try:
        summary = run(args.movies, args.credits, args.out, progress)
    except (InputFileError, OutputError) as error:
        print(f"error: {error}", file=sys.stderr)
        print("nothing was written; the previous output, if any, is unchanged", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # the disk filled up, a file vanished...: one line, not a traceback
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: {where}{error.strerror or error}", file=sys.stderr)
        print("nothing was written; the previous output, if any, is unchanged", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(format_summary(summary))
    return 0


def format_summary(summary: Summary) -> str:
    lines = [
        f"wrote {summary.out_dir} in {summary.seconds:.1f} s "
        f"({summary.recommendation_seconds:.1f} s of it computing recommendations)"
    ]
    lines += [_file_line(name, counts) for name, counts in (("movies", summary.movies), ("credits", summary.credits))]
    return "\n".join(lines)


def _file_line(name: str, counts: FileCounts) -> str:
    repaired = f" ({counts.rows_repaired:,} repaired)" if counts.rows_repaired else ""
    return (
        f"  {name:8} {counts.rows_read:>8,} rows in = {counts.rows_loaded:,} loaded{repaired}"
        f" + {counts.duplicates_merged:,} duplicates merged + {counts.rows_rejected:,} rejected"
    )

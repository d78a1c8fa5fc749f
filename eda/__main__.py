"""`python -m eda`: write the exploratory data analysis report."""

import argparse
import sys
from pathlib import Path

from eda.data import DataFolderError
from eda.report import build_report

EXIT_BAD_INPUT = 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eda",
        description="Write the exploratory data analysis report (index.html and every figure as a PNG).",
    )
    parser.add_argument(
        "--data-dir", type=Path, default=Path("data/processed"), help="processed tables (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, default=Path("reports/eda"), help="report folder (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true", help="print only where the report is")
    args = parser.parse_args(argv)

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    try:
        path = build_report(args.data_dir, args.out, progress)
    except DataFolderError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"report: {path.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

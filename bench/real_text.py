"""The full-scale generated data set with real texts: `python -m bench.real_text --raw DIR --out DIR`.

The generator's titles, overviews and taglines are invented words, and the recommendations' text
products are sparser on them than on real prose. This writes a copy of a generated raw data set
whose every record takes the title, overview and tagline of a film of the real sample
(`data/sample/movies_dataset.csv.gz`), in turn, cyclically; every other cell, the ids (so they stay
unique), the quirks (the three records split by a bare carriage return keep their own text) and
the credits file are the generated ones.
"""

import argparse
from itertools import cycle
from pathlib import Path

from bench.rewrite import rewrite
from etl.contract import MOVIES_FILE, SAMPLE_DIR
from etl.raw_csv import read_raw_file
from etl.tables import MOVIES_COLUMNS

REPO = Path(__file__).resolve().parents[1]
SAMPLE_MOVIES = REPO / SAMPLE_DIR / f"{MOVIES_FILE}.gz"
TEXT_COLUMNS = ("title", "overview", "tagline")


def write_real_text(raw_dir: Path, out_dir: Path) -> Path:
    """Write `out_dir/movies_dataset.csv` and `out_dir/credits.csv` from the generated set in `raw_dir`."""
    sample = read_raw_file(SAMPLE_MOVIES, MOVIES_COLUMNS)
    texts = cycle(list(zip(*(sample.columns[name] for name in TEXT_COLUMNS), strict=True)))
    positions = [MOVIES_COLUMNS.index(name) for name in TEXT_COLUMNS]

    def with_real_text(_: int, cells: list[str]) -> list[str]:
        for position, text in zip(positions, next(texts), strict=True):
            cells[position] = text
        return cells

    return rewrite(raw_dir, out_dir, with_real_text)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.real_text", description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, required=True, help="a generated raw data set (python -m etl.generate)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the two files into")
    args = parser.parse_args()
    print(f"wrote {write_real_text(args.raw, args.out)}")


if __name__ == "__main__":
    main()

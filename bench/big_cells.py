"""The full-scale generated data set with a few 10 MB cells: `python -m bench.big_cells --raw DIR --out DIR`.

Three overviews of 10 MB of prose; two cast lists and one crew list of 10 MB, valid, each naming
tens of thousands of people nobody else names; and one cast cell of 10 MB that is not a valid list
(its closing bracket is missing), whose record the ETL must reject whole. Every other cell is the
generated one. `expected(out_dir)` says what the ETL must make of them.
"""

import argparse
import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from bench.rewrite import rewrite
from etl.contract import CREDITS_FILE, REJECTS_FILE
from etl.tables import CREDITS_COLUMNS, MOVIES_COLUMNS

CELL_BYTES = 10 << 20
BIG_OVERVIEWS = (1_000, 20_000, 40_000)  # indexes of movie records
BIG_CAST = (2_000, 30_000)  # and of credits records
BIG_CREW = (25_000,)
BROKEN_CAST = 35_000
FIRST_EXTRA = 50_000_000  # person ids of the people the big lists name, above any TMDB id


@dataclass(frozen=True)
class Expected:
    overview_lengths: dict[str, int]  # movie id -> characters of its overview
    cast_sizes: dict[str, int]  # movie id -> entries in its cast list
    crew_sizes: dict[str, int]
    rejected_id: str  # the credits record with the broken cell


def write_big_cells(raw_dir: Path, out_dir: Path) -> Expected:
    overview, cast, crew = MOVIES_COLUMNS.index("overview"), *(CREDITS_COLUMNS.index(name) for name in ("cast", "crew"))
    movie_id, credits_id = MOVIES_COLUMNS.index("id"), CREDITS_COLUMNS.index("id")
    overview_lengths: dict[str, int] = {}
    cast_sizes: dict[str, int] = {}
    crew_sizes: dict[str, int] = {}
    rejected: list[str] = []

    def movies(index: int, cells: list[str]) -> list[str]:
        if index in BIG_OVERVIEWS:
            cells[overview] = _prose(index)
            overview_lengths[cells[movie_id]] = len(cells[overview])
        return cells

    def credits(index: int, cells: list[str]) -> list[str]:
        if index in BIG_CAST or index == BROKEN_CAST:
            entries = _cast(index)
            cells[cast] = repr(entries) if index != BROKEN_CAST else repr(entries)[:-1]
            if index == BROKEN_CAST:
                rejected.append(cells[credits_id])
            else:
                cast_sizes[cells[credits_id]] = len(entries)
        if index in BIG_CREW:
            entries = _crew(index)
            cells[crew] = repr(entries)
            crew_sizes[cells[credits_id]] = len(entries)
        return cells

    rewrite(raw_dir, out_dir, movies, credits)
    return Expected(overview_lengths, cast_sizes, crew_sizes, rejected[0])


def check(expected: Expected, processed: Path) -> list[str]:
    """What the ETL's output in `processed` gets wrong about the big cells (nothing, when it is right)."""
    movies = pq.read_table(processed / "movies.parquet", columns=["id", "overview"]).to_pydict()
    overviews = dict(zip(map(str, movies["id"]), movies["overview"], strict=True))
    problems = [
        f"film {film}: overview of {len(overviews.get(film) or '')} characters, expected {length}"
        for film, length in expected.overview_lengths.items()
        if len(overviews.get(film) or "") != length
    ]
    for table, sizes in (("cast", expected.cast_sizes), ("crew", expected.crew_sizes)):
        films = Counter(
            map(str, pq.read_table(processed / f"{table}.parquet", columns=["movie_id"])["movie_id"].to_pylist())
        )
        problems += [
            f"film {film}: {films[film]} {table} rows, expected {size}"
            for film, size in sizes.items()
            if films[film] != size
        ]
    with (processed / REJECTS_FILE).open(encoding="utf-8", newline="") as handle:
        rejects = [row for row in csv.DictReader(handle) if row["file"] == CREDITS_FILE]
    broken = [row for row in rejects if row["raw"].endswith(f",{expected.rejected_id}")]
    if (
        len(broken) != 1
        or len(broken[0]["raw"]) < CELL_BYTES
        or "not a valid list of credits" not in broken[0]["reason"]
    ):
        problems.append(f"credits id {expected.rejected_id}: not rejected whole, with its reason")
    return problems


def _prose(seed: int) -> str:
    words = [f"w{(seed * 7919 + step * 104729) % 50_000}" for step in range(20_000)]
    sentence = " ".join(words) + ". "
    return (sentence * (CELL_BYTES // len(sentence) + 1))[:CELL_BYTES]


def _cast(seed: int) -> list[dict]:
    return _entries(seed, lambda person, index: {
        "cast_id": index + 1, "character": f"Extra #{index}", "credit_id": f"{person:024x}",
        "gender": 0, "id": person, "name": f"Extra {person}", "order": index, "profile_path": None,
    })  # fmt: skip


def _crew(seed: int) -> list[dict]:
    return _entries(seed, lambda person, _: {
        "credit_id": f"{person:024x}", "department": "Crew", "gender": 0, "id": person,
        "job": "Extra", "name": f"Crew {person}", "profile_path": None,
    })  # fmt: skip


def _entries(seed: int, entry: Callable[[int, int], dict]) -> list[dict]:
    """Entries naming people of their own (`entry(person id, index)`) until their list takes 10 MB."""
    entries: list[dict] = []
    size = 0
    while size < CELL_BYTES:
        entries.append(entry(FIRST_EXTRA + seed * 100_000 + len(entries), len(entries)))
        size += len(repr(entries[-1])) + 2
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.big_cells", description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, required=True, help="a generated raw data set (python -m etl.generate)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the two files into")
    args = parser.parse_args()
    print(write_big_cells(args.raw, args.out))


if __name__ == "__main__":
    main()

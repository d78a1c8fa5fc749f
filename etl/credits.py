"""Cleaning the raw credits file into the people, cast and crew tables.

Pure: takes the raw records and the ids of the loaded movies, returns the cast and crew entries,
rejects and merged duplicates; no I/O. `build_tables` makes the tables of the entries (once the
raw file is let go: it takes more memory than they do). Values are pulled out of the cells as
literal tokens and decoded column by column, a slice of the file at a time (see etl.literals),
which is what makes a 190 MB file fast to read.

A credits row whose id repeats an earlier loaded row is merged into it: the first row wins.
A person's name and gender are the ones of their first credit in the file.
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl import values
from etl.literals import CAST, CREW, LiteralError, ShapeParser
from etl.movies import Duplicate, csv_line
from etl.raw_csv import RawFile
from etl.rejects import Reject
from etl.runs import positions_in_runs
from etl.tables import CREDITS_COLUMNS, TABLES

_CAST = ShapeParser(CAST, ("character", "credit_id", "gender", "id", "name", "order"))
_CREW = ShapeParser(CREW, ("credit_id", "department", "gender", "id", "job", "name"))


class Entries:
    """Cast or crew entries, decoded into Arrow columns a slice of the file at a time (literal tokens
    of a whole 190 MB file would take gigabytes as Python strings)."""

    def __init__(self, parser: ShapeParser) -> None:
        self._parser = parser
        self._tokens: list[tuple[str, ...]] = []
        self._movie_ids: list[int] = []
        self._rows: list[int] = []
        self._decoded: list[dict[str, pa.Array]] = []

    def add(self, movie_id: int, row: int, tokens: list[tuple[str, ...]]) -> None:
        self._tokens.extend(tokens)
        self._movie_ids.extend([movie_id] * len(tokens))
        self._rows.extend([row] * len(tokens))

    def decode(self) -> None:
        """Turn the entries added since the last call into columns."""
        decoded = self._parser.columns(self._tokens)
        decoded["movie_id"] = pa.array(self._movie_ids, pa.int64())
        decoded["row"] = pa.array(self._rows, pa.int64())
        self._decoded.append(decoded)
        self._tokens, self._movie_ids, self._rows = [], [], []

    def columns(self) -> dict[str, pa.ChunkedArray]:
        """Every entry's values: the keys asked for, the film's id (movie_id) and the credits row (row)."""
        self.decode()
        return {name: pa.chunked_array([part[name] for part in self._decoded]) for name in self._decoded[0]}


@dataclass(frozen=True)
class CreditEntries:
    cast: Entries
    crew: Entries

    def tables(self) -> dict[str, pa.Table]:
        """The people, cast and crew tables."""
        return build_tables(self.cast, self.crew)


@dataclass
class CreditsResult:
    rejects: list[Reject]
    duplicates: list[Duplicate]
    rows_loaded: int


def clean_credits(
    raw: RawFile, movie_ids: set[int], rejected_movies: Mapping[int, Reject]
) -> tuple[CreditEntries, CreditsResult]:
    rejects = list(raw.malformed)
    duplicates: list[Duplicate] = []
    loaded: dict[int, int] = {}  # movie id -> index of the row loaded for it
    cast = Entries(_CAST)
    crew = Entries(_CREW)
    for first, (cast_cells, crew_cells, id_cells) in raw.slices():
        for offset, fields in enumerate(zip(cast_cells, crew_cells, id_cells, strict=True)):
            index = first + offset
            line = raw.lines[index]
            try:
                movie_id = values.parse_id(fields[2])
            except ValueError as error:
                rejects.append(Reject(raw.path.name, line, f"id {error}", csv_line(fields)))
                continue
            if movie_id in loaded:
                kept = loaded[movie_id]
                differing = tuple(
                    name for name, cell in zip(CREDITS_COLUMNS, fields, strict=True) if cell != raw.cell(name, kept)
                )
                duplicates.append(Duplicate(raw.path.name, line, movie_id, raw.lines[kept], differing))
                continue
            if movie_id not in movie_ids:
                rejects.append(Reject(raw.path.name, line, _orphan_reason(movie_id, rejected_movies), csv_line(fields)))
                continue
            try:
                cast_tokens = _tokens("cast", _CAST, fields[0])
                crew_tokens = _tokens("crew", _CREW, fields[1])
            except ValueError as error:
                rejects.append(Reject(raw.path.name, line, str(error), csv_line(fields)))
                continue
            loaded[movie_id] = index
            cast.add(movie_id, index, cast_tokens)
            crew.add(movie_id, index, crew_tokens)
        cast.decode()
        crew.decode()

    return CreditEntries(cast, crew), CreditsResult(
        rejects=sorted(rejects, key=lambda reject: reject.line),
        duplicates=duplicates,
        rows_loaded=len(loaded),
    )


def _tokens(column: str, parser: ShapeParser, cell: str) -> list[tuple[str, ...]]:
    if not cell:
        return []
    try:
        return parser.tokens(cell)
    except LiteralError as error:
        raise ValueError(f"{column} is not a valid list of credits: {error}") from None


def _orphan_reason(movie_id: int, rejected_movies: Mapping[int, Reject]) -> str:
    movie_reject = rejected_movies.get(movie_id)
    if movie_reject is None:
        return f"no movie with id {movie_id} in the movies file"
    return (
        f"movie id {movie_id} was rejected from {movie_reject.file} (line {movie_reject.line}: {movie_reject.reason})"
    )


def build_tables(cast_entries: Entries, crew_entries: Entries) -> dict[str, pa.Table]:
    cast, crew = cast_entries.columns(), crew_entries.columns()
    cast_table = pa.table(
        {
            "movie_id": cast["movie_id"],
            "person_id": cast["id"],
            "character": cast["character"],
            "order": cast["order"].cast(pa.int32()),
            "credit_id": cast["credit_id"],
        },
        schema=TABLES["cast"],
    )
    crew_table = pa.table(
        {
            "movie_id": crew["movie_id"],
            "person_id": crew["id"],
            "department": crew["department"],
            "job": crew["job"],
            "position": pa.array(positions_in_runs(crew["row"].to_numpy()), pa.int32()),  # rows are runs
            "credit_id": crew["credit_id"],
        },
        schema=TABLES["crew"],
    )
    return {
        "people": _people(cast, crew),
        "cast": _sorted_by_movie(cast_table),
        "crew": _sorted_by_movie(crew_table),
    }


def _people(cast: dict[str, pa.ChunkedArray], crew: dict[str, pa.ChunkedArray]) -> pa.Table:
    """One row per person id, named as in their first credit in the file (cast before crew)."""
    ids = np.concatenate([cast["id"].to_numpy(), crew["id"].to_numpy()])
    # Order of appearance: credits row first, then cast before crew, then position in the list.
    row_order = np.concatenate([cast["row"].to_numpy() * 2, crew["row"].to_numpy() * 2 + 1])
    appearance = np.argsort(row_order, kind="stable")
    _, first = np.unique(ids[appearance], return_index=True)
    chosen = pa.array(appearance[first])
    names = pa.chunked_array([*cast["name"].chunks, *crew["name"].chunks]).take(chosen)
    genders = pa.chunked_array([*cast["gender"].chunks, *crew["gender"].chunks]).take(chosen)
    return pa.table(
        {
            "id": pa.array(ids[appearance[first]], pa.int64()),
            "name": names,
            "gender": pc.fill_null(genders, 0).cast(pa.int8()),
        },
        schema=TABLES["people"],
    )


def _sorted_by_movie(table: pa.Table) -> pa.Table:
    return table.take(pc.sort_indices(table, sort_keys=[("movie_id", "ascending")]))

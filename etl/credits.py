"""Cleaning the raw credits file into the people, cast and crew tables.

Pure: takes the raw records and the ids of the loaded movies, returns tables, rejects and merged
duplicates; no I/O. Values are pulled out of the cells as literal tokens and decoded column by
column (see etl.literals), which is what makes a 190 MB file fast to read.

A credits row whose id repeats an earlier loaded row is merged into it: the first row wins.
A person's name and gender are the ones of their first credit in the file.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl import values
from etl.literals import CAST, CREW, LiteralError, Shape, ShapeParser, decode_columns
from etl.movies import Duplicate, csv_line
from etl.raw_csv import RawFile
from etl.rejects import Reject
from etl.runs import positions_in_runs
from etl.tables import CREDITS_COLUMNS, TABLES

_CAST = ShapeParser(CAST)
_CREW = ShapeParser(CREW)


@dataclass
class CreditsResult:
    tables: dict[str, pa.Table]
    rejects: list[Reject]
    duplicates: list[Duplicate]
    rows_loaded: int


@dataclass
class _Entries:
    """Literal tokens of every cast or crew entry, with the movie and the credits row they are in."""

    tokens: list[tuple[str, ...]]
    movie_ids: list[int]
    rows: list[int]

    def add(self, movie_id: int, row: int, tokens: list[tuple[str, ...]]) -> None:
        self.tokens.extend(tokens)
        self.movie_ids.extend([movie_id] * len(tokens))
        self.rows.extend([row] * len(tokens))

    def columns(self, shape: Shape, keys: Sequence[str]) -> dict[str, pa.Array]:
        return decode_columns(shape, self.tokens, keys)


def clean_credits(raw: RawFile, movie_ids: set[int], rejected_movies: Mapping[int, Reject]) -> CreditsResult:
    cast_cells, crew_cells, id_cells = (raw.columns[name] for name in CREDITS_COLUMNS)
    rejects = list(raw.malformed)
    duplicates: list[Duplicate] = []
    loaded: dict[int, int] = {}  # movie id -> index of the row loaded for it
    cast = _Entries([], [], [])
    crew = _Entries([], [], [])

    def reject(index: int, reason: str) -> None:
        fields = (cast_cells[index], crew_cells[index], id_cells[index])
        rejects.append(Reject(raw.path.name, raw.lines[index], reason, csv_line(fields)))

    for index, line in enumerate(raw.lines):
        try:
            movie_id = values.parse_id(id_cells[index])
        except ValueError as error:
            reject(index, f"id {error}")
            continue
        if movie_id in loaded:
            kept = loaded[movie_id]
            differing = tuple(
                name
                for name, cells in zip(CREDITS_COLUMNS, (cast_cells, crew_cells, id_cells), strict=True)
                if cells[index] != cells[kept]
            )
            duplicates.append(Duplicate(raw.path.name, line, movie_id, raw.lines[kept], differing))
            continue
        if movie_id not in movie_ids:
            reject(index, _orphan_reason(movie_id, rejected_movies))
            continue
        try:
            cast_tokens = _tokens("cast", _CAST, cast_cells[index])
            crew_tokens = _tokens("crew", _CREW, crew_cells[index])
        except ValueError as error:
            reject(index, str(error))
            continue
        loaded[movie_id] = index
        cast.add(movie_id, index, cast_tokens)
        crew.add(movie_id, index, crew_tokens)

    return CreditsResult(
        tables=build_tables(cast, crew),
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


def build_tables(cast: _Entries, crew: _Entries) -> dict[str, pa.Table]:
    cast_columns = cast.columns(CAST, ("character", "credit_id", "gender", "id", "name", "order"))
    crew_columns = crew.columns(CREW, ("credit_id", "department", "gender", "id", "job", "name"))
    cast_table = pa.table(
        {
            "movie_id": pa.array(cast.movie_ids, pa.int64()),
            "person_id": cast_columns["id"],
            "character": cast_columns["character"],
            "order": cast_columns["order"].cast(pa.int32()),
            "credit_id": cast_columns["credit_id"],
        },
        schema=TABLES["cast"],
    )
    crew_table = pa.table(
        {
            "movie_id": pa.array(crew.movie_ids, pa.int64()),
            "person_id": crew_columns["id"],
            "department": crew_columns["department"],
            "job": crew_columns["job"],
            "position": pa.array(positions_in_runs(np.asarray(crew.rows, dtype=np.int64)), pa.int32()),  # rows are runs
            "credit_id": crew_columns["credit_id"],
        },
        schema=TABLES["crew"],
    )
    return {
        "people": _people(cast, cast_columns, crew, crew_columns),
        "cast": _sorted_by_movie(cast_table),
        "crew": _sorted_by_movie(crew_table),
    }


def _people(
    cast: _Entries, cast_columns: dict[str, pa.Array], crew: _Entries, crew_columns: dict[str, pa.Array]
) -> pa.Table:
    """One row per person id, named as in their first credit in the file (cast before crew)."""
    ids = np.concatenate([cast_columns["id"].to_numpy(), crew_columns["id"].to_numpy()])
    # Order of appearance: credits row first, then cast before crew, then position in the list.
    row_order = np.concatenate([
        np.asarray(cast.rows, dtype=np.int64) * 2, np.asarray(crew.rows, dtype=np.int64) * 2 + 1
    ])  # fmt: skip
    appearance = np.argsort(row_order, kind="stable")
    _, first = np.unique(ids[appearance], return_index=True)
    chosen = pa.array(appearance[first])
    names = pa.concat_arrays([cast_columns["name"], crew_columns["name"]]).take(chosen)
    genders = pa.concat_arrays([cast_columns["gender"], crew_columns["gender"]]).take(chosen)
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

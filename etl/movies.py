"""Cleaning the raw movies file into the movies table and its unnested entity and link tables.

Pure: takes the raw records, returns tables, rejects and merged duplicates; no I/O.

Duplicate ids are merged by keeping one whole row per id: the one with the most votes, then the
highest popularity (the most recent snapshot of the film), then the first in the file. Mixing
fields of different rows could pair a vote average with another row's vote count, so we never do.
"""

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from etl import values
from etl.literals import COLLECTION, COMPANY, COUNTRY, GENRE, LANGUAGE, LiteralError, ShapeParser
from etl.raw_csv import RawFile
from etl.rejects import Reject
from etl.tables import MOVIES_COLUMNS, TABLES
from etl.unnest import Nested, unnest

NESTED = (
    Nested("belongs_to_collection", ShapeParser(COLLECTION, ("id", "name")), "id", "collections", None),
    Nested("genres", ShapeParser(GENRE), "id", "genres", "movie_genres"),
    Nested("production_companies", ShapeParser(COMPANY), "id", "companies", "movie_companies"),
    Nested("production_countries", ShapeParser(COUNTRY), "iso_3166_1", "countries", "movie_countries"),
    Nested("spoken_languages", ShapeParser(LANGUAGE), "iso_639_1", "languages", "movie_languages"),
)


_MOVIE_COLUMNS = TABLES["movies"].names
_VOTE_COUNT, _POPULARITY = _MOVIE_COLUMNS.index("vote_count"), _MOVIE_COLUMNS.index("popularity")


@dataclass
class MovieRecord:
    id: int
    line: int
    raw: tuple[str, ...]
    row: tuple[Any, ...]  # the movies table's columns
    nested: list[list[tuple[str, ...]]]  # literal tokens of each NESTED column's dicts

    @property
    def merge_rank(self) -> tuple[int, float, int]:
        """Higher is kept when rows share an id."""
        votes = self.row[_VOTE_COUNT]
        popularity = self.row[_POPULARITY]
        return (
            -1 if votes is None else votes,
            -1.0 if popularity is None else popularity,
            -self.line,
        )


@dataclass(frozen=True)
class Duplicate:
    """A raw row merged into another row with the same id."""

    file: str
    line: int
    id: int
    kept_line: int
    differing_columns: tuple[str, ...]


@dataclass
class MoviesResult:
    ids: list[int]  # of the movies loaded, ascending
    tables: dict[str, pa.Table]
    rejects: list[Reject]
    duplicates: list[Duplicate]
    repaired_loaded: int = 0
    rejected_ids: dict[int, Reject] = field(default_factory=dict)


def clean_movies(raw: RawFile) -> MoviesResult:
    rejects = list(raw.malformed)
    rejected_ids: dict[int, Reject] = {}
    by_id: dict[int, list[MovieRecord]] = {}
    for index, fields in _records(raw):
        line = raw.lines[index]
        try:
            movie = _clean_record(fields, line)
        except ValueError as error:
            reject = Reject(raw.path.name, line, str(error), csv_line(fields))
            rejects.append(reject)
            record_id = fields[MOVIES_COLUMNS.index("id")]
            if record_id.isdigit():
                rejected_ids.setdefault(int(record_id), reject)
            continue
        by_id.setdefault(movie.id, []).append(movie)

    kept, duplicates = _merge_duplicates(raw.path.name, by_id)
    repaired_lines = {raw.lines[index] for index in raw.repaired}
    for movie_id in by_id:
        rejected_ids.pop(movie_id, None)
    return MoviesResult(
        ids=[movie.id for movie in kept],
        tables=build_tables(kept),
        rejects=sorted(rejects, key=lambda reject: reject.line),
        duplicates=duplicates,
        repaired_loaded=sum(movie.line in repaired_lines for movie in kept),
        rejected_ids=rejected_ids,
    )


def _records(raw: RawFile) -> Iterator[tuple[int, tuple[str, ...]]]:
    for first, columns in raw.slices():
        for offset, fields in enumerate(zip(*columns, strict=True)):
            yield first + offset, fields


def _clean_record(fields: tuple[str, ...], line: int) -> MovieRecord:
    raw = dict(zip(MOVIES_COLUMNS, fields, strict=True))
    movie_id = _field("id", values.parse_id, raw)
    released = _field("release_date", values.parse_date, raw)
    budget = _field("budget", values.parse_amount, raw)
    revenue = _field("revenue", values.parse_amount, raw)
    popularity = _field("popularity", values.parse_optional_float, raw)
    vote_average = _field("vote_average", lambda text: values.parse_optional_float(text, 0, 10), raw)
    vote_count = _field("vote_count", values.parse_optional_count, raw)
    runtime = _field("runtime", values.parse_optional_float, raw)
    nested = [_nested(spec, raw[spec.column]) for spec in NESTED]
    row = (
        movie_id,
        values.optional_text(raw["title"]),
        values.optional_text(raw["overview"]),
        values.optional_text(raw["tagline"]),
        values.optional_text(raw["original_language"]),
        values.optional_text(raw["status"]),
        released.isoformat(),
        released.year,
        budget,
        revenue,
        revenue / budget if budget > 0 else 0.0,
        popularity,
        vote_average,
        vote_count,
        runtime,
        int(nested[0][0][0]) if nested[0] else None,  # collection_id
        line,
    )
    return MovieRecord(id=movie_id, line=line, raw=fields, row=row, nested=nested)


def _field(column: str, parse: Callable[[str], Any], raw: dict[str, str]) -> Any:
    try:
        return parse(raw[column])
    except ValueError as error:
        raise ValueError(f"{column} {error}") from None


def _nested(spec: Nested, cell: str) -> list[tuple[str, ...]]:
    if not cell:
        return []
    try:
        if spec.link_table is None:
            return [spec.parser.tokens_one(cell)]
        return spec.parser.tokens(cell)
    except LiteralError as error:
        raise ValueError(f"{spec.column} is not a valid nested value: {error}") from None


def _merge_duplicates(file: str, by_id: dict[int, list[MovieRecord]]) -> tuple[list[MovieRecord], list[Duplicate]]:
    kept: list[MovieRecord] = []
    duplicates: list[Duplicate] = []
    for movie_id in sorted(by_id):
        rows = by_id[movie_id]
        keeper = max(rows, key=lambda movie: movie.merge_rank)
        kept.append(keeper)
        for other in rows:
            if other is not keeper:
                differing = tuple(
                    name
                    for name, mine, theirs in zip(MOVIES_COLUMNS, other.raw, keeper.raw, strict=True)
                    if mine != theirs
                )
                duplicates.append(Duplicate(file, other.line, movie_id, keeper.line, differing))
    duplicates.sort(key=lambda duplicate: duplicate.line)
    return kept, duplicates


def build_tables(movies: list[MovieRecord]) -> dict[str, pa.Table]:
    """The movies table (sorted by id) and the unnested entity and link tables."""
    schema = TABLES["movies"]
    columns = list(zip(*(movie.row for movie in movies), strict=True)) or [()] * len(schema.names)
    tables = {"movies": pa.table(dict(zip(schema.names, columns, strict=True)), schema=schema)}
    in_file_order = sorted(movies, key=lambda movie: movie.line)
    movie_ids = [movie.id for movie in in_file_order]
    for index, spec in enumerate(NESTED):
        tables.update(unnest(spec, movie_ids, [movie.nested[index] for movie in in_file_order]))
    return tables


def csv_line(fields: Sequence[str]) -> str:
    """The record as one CSV line, quoted the way the raw files are."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()[:-1]

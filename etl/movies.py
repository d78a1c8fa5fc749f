"""Cleaning the raw movies file into the movies table and its unnested entity and link tables.

Pure: takes the raw records, returns tables, rejects and merged duplicates; no I/O.

Duplicate ids are merged by keeping one whole row per id: the one with the most votes, then the
highest popularity (the most recent snapshot of the film), then the first in the file. Mixing
fields of different rows could pair a vote average with another row's vote count, so we never do.
"""

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from etl import values
from etl.literals import COLLECTION, COMPANY, COUNTRY, GENRE, LANGUAGE, LiteralError, ShapeParser
from etl.raw_csv import RawFile
from etl.rejects import Reject
from etl.tables import MOVIES_COLUMNS, TABLES

_COLLECTION = ShapeParser(COLLECTION)
_LISTS = {
    "genres": ShapeParser(GENRE),
    "production_companies": ShapeParser(COMPANY),
    "production_countries": ShapeParser(COUNTRY),
    "spoken_languages": ShapeParser(LANGUAGE),
}


@dataclass
class Movie:
    id: int
    line: int
    raw: tuple[str, ...]
    row: dict[str, Any]
    collection: tuple[int, str] | None
    genres: list[tuple[int, str]]
    companies: list[tuple[int, str]]
    countries: list[tuple[str, str]]
    languages: list[tuple[str, str]]

    @property
    def merge_rank(self) -> tuple[int, float, int]:
        """Higher is kept when rows share an id."""
        votes = self.row["vote_count"]
        popularity = self.row["popularity"]
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
    movies: list[Movie]
    tables: dict[str, pa.Table]
    rejects: list[Reject]
    duplicates: list[Duplicate]
    repaired_loaded: int = 0
    rejected_ids: dict[int, Reject] = field(default_factory=dict)


def clean_movies(raw: RawFile) -> MoviesResult:
    rejects = list(raw.malformed)
    rejected_ids: dict[int, Reject] = {}
    by_id: dict[int, list[Movie]] = {}
    columns = [raw.columns[name] for name in MOVIES_COLUMNS]
    for index, line in enumerate(raw.lines):
        fields = tuple(column[index] for column in columns)
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
        movies=kept,
        tables=build_tables(kept),
        rejects=sorted(rejects, key=lambda reject: reject.line),
        duplicates=duplicates,
        repaired_loaded=sum(movie.line in repaired_lines for movie in kept),
        rejected_ids=rejected_ids,
    )


def _clean_record(fields: tuple[str, ...], line: int) -> Movie:
    raw = dict(zip(MOVIES_COLUMNS, fields, strict=True))
    movie_id = _field("id", values.parse_id, raw)
    released = _field("release_date", values.parse_date, raw)
    budget = _field("budget", values.parse_amount, raw)
    revenue = _field("revenue", values.parse_amount, raw)
    row = {
        "id": movie_id,
        "title": values.optional_text(raw["title"]),
        "overview": values.optional_text(raw["overview"]),
        "tagline": values.optional_text(raw["tagline"]),
        "original_language": values.optional_text(raw["original_language"]),
        "status": values.optional_text(raw["status"]),
        "release_date": released.isoformat(),
        "release_year": released.year,
        "budget": budget,
        "revenue": revenue,
        "return": revenue / budget if budget > 0 else 0.0,
        "popularity": _field("popularity", values.parse_optional_float, raw),
        "vote_average": _field("vote_average", lambda text: values.parse_optional_float(text, 0, 10), raw),
        "vote_count": _field("vote_count", values.parse_optional_count, raw),
        "runtime": _field("runtime", values.parse_optional_float, raw),
        "source_line": line,
    }
    collection = _nested("belongs_to_collection", _parse_collection, raw)
    row["collection_id"] = collection[0] if collection else None
    return Movie(
        id=movie_id,
        line=line,
        raw=fields,
        row=row,
        collection=collection,
        genres=_nested("genres", _LISTS["genres"].parse_list, raw),
        companies=[(company_id, name) for name, company_id in _nested(
            "production_companies", _LISTS["production_companies"].parse_list, raw
        )],
        countries=_nested("production_countries", _LISTS["production_countries"].parse_list, raw),
        languages=_nested("spoken_languages", _LISTS["spoken_languages"].parse_list, raw),
    )  # fmt: skip


def _field(column: str, parse: Callable[[str], Any], raw: dict[str, str]) -> Any:
    try:
        return parse(raw[column])
    except ValueError as error:
        raise ValueError(f"{column} {error}") from None


def _nested(column: str, parse: Callable[[str], Any], raw: dict[str, str]) -> Any:
    cell = raw[column]
    if not cell:
        return None if column == "belongs_to_collection" else []
    try:
        return parse(cell)
    except LiteralError as error:
        raise ValueError(f"{column} is not a valid nested value: {error}") from None


def _parse_collection(cell: str) -> tuple[int, str]:
    collection_id, name, _poster, _backdrop = _COLLECTION.parse_one(cell)
    return collection_id, name


def _merge_duplicates(file: str, by_id: dict[int, list[Movie]]) -> tuple[list[Movie], list[Duplicate]]:
    kept: list[Movie] = []
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


def build_tables(movies: list[Movie]) -> dict[str, pa.Table]:
    """The movies table (sorted by id) and the unnested entity and link tables."""
    in_file_order = sorted(movies, key=lambda movie: movie.line)
    collections: dict[int, str] = {}
    genres: dict[int, str] = {}
    companies: dict[int, str] = {}
    countries: dict[str, str] = {}
    languages: dict[str, str] = {}
    for movie in in_file_order:  # an entity's name is the first one seen in the file
        if movie.collection:
            collections.setdefault(*movie.collection)
        for names, entries in (
            (genres, movie.genres),
            (companies, movie.companies),
            (countries, movie.countries),
            (languages, movie.languages),
        ):
            for key, name in entries:
                names.setdefault(key, name)

    return {
        "movies": _table("movies", [movie.row for movie in movies]),
        "collections": _entity_table("collections", collections),
        "genres": _entity_table("genres", genres),
        "movie_genres": _link_table("movie_genres", movies, lambda movie: movie.genres),
        "companies": _entity_table("companies", companies),
        "movie_companies": _link_table("movie_companies", movies, lambda movie: movie.companies),
        "countries": _entity_table("countries", countries),
        "movie_countries": _link_table("movie_countries", movies, lambda movie: movie.countries),
        "languages": _entity_table("languages", languages),
        "movie_languages": _link_table("movie_languages", movies, lambda movie: movie.languages),
    }


def _table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=TABLES[name])


def _entity_table(name: str, names: dict[Any, str]) -> pa.Table:
    key_column, name_column = TABLES[name].names
    keys = sorted(names)
    return pa.table({key_column: keys, name_column: [names[key] for key in keys]}, schema=TABLES[name])


def _link_table(name: str, movies: list[Movie], entries: Callable[[Movie], Sequence[tuple]]) -> pa.Table:
    movie_column, key_column, position_column = TABLES[name].names
    movie_ids: list[int] = []
    keys: list[Any] = []
    positions: list[int] = []
    for movie in movies:
        seen = set()
        for position, (key, _name) in enumerate(entries(movie)):
            if key in seen:  # a list naming the same entity twice links it once
                continue
            seen.add(key)
            movie_ids.append(movie.id)
            keys.append(key)
            positions.append(position)
    return pa.table({movie_column: movie_ids, key_column: keys, position_column: positions}, schema=TABLES[name])


def csv_line(fields: Sequence[str]) -> str:
    """The record as one CSV line, quoted the way the raw files are."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()[:-1]

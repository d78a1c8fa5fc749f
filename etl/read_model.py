"""The service's read model, computed from the tables: every array that etl.contract.ARRAYS declares.

Everything the service would otherwise build when it starts (rows by id, credits grouped per film
and per person, per-person sums of return, month and weekday counts, lookups by normalized title or
name) is computed here once, so that the service only maps files.
"""

import itertools
from collections.abc import Iterable
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl import search_index
from etl.contract import ARRAYS, DIRECTOR_JOB, key_hash, normalize

Arrays = dict[str, np.ndarray]
_DENSE_IDS = 1 << 23  # ids below this are looked up in a table indexed by id (64 MB at most)


def read_model(tables: dict[str, pa.Table]) -> Arrays:
    """Every array of the contract, each of its declared dtype."""
    movies = _Movies(tables["movies"])
    people = tables["people"]
    person_ids = people.column("id").to_numpy()
    name_keys = _keys(people.column("name").to_pylist())
    arrays = {
        **movies.arrays(),
        **_entities(tables, movies),
        "person.id": person_ids,
        **_text("person.name", people.column("name")),
        "person.gender": people.column("gender").to_numpy(),
        **_credits(tables["cast"], tables["crew"], movies, person_ids, name_keys),
        **_recommendations(tables["recommendations"], movies),
    }
    arrays.update(_discovery(tables, movies, arrays, name_keys))
    return _checked(arrays)


class _Movies:
    """The movies table's columns, and the orders the indexes share."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table
        self.ids = table.column("id").to_numpy()
        self.count = len(self.ids)
        self.release_dates = table.column("release_date").to_pylist()
        self.release_days = np.array(self.release_dates, dtype="datetime64[D]").astype(np.int64)
        self.returns = table.column("return").to_numpy()
        self.popularity = table.column("popularity").fill_null(float("nan")).to_numpy()
        self.vote_counts = table.column("vote_count").fill_null(-1).to_numpy()
        self.title_keys = _keys(table.column("title").to_pylist())

    def rows_of(self, ids: pa.ChunkedArray) -> np.ndarray:
        return _rows_of(self.ids, ids.to_numpy(), "film")

    def chronological(self, movie_rows: np.ndarray) -> np.ndarray:
        """Positions of `movie_rows` ordered by the film's release date, then film id."""
        return np.lexsort((self.ids[movie_rows], self.release_days[movie_rows]))

    def arrays(self) -> Arrays:
        column = self.table.column
        months = (self.release_days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12) + 1
        weekdays = (self.release_days + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
        relevance = np.lexsort((self.ids, -np.nan_to_num(self.popularity, nan=-1.0), -self.vote_counts))
        keys = self.title_keys
        return {
            "movie.id": self.ids,
            **_text("movie.title", column("title")),
            **_text("movie.overview", column("overview")),
            **_text("movie.tagline", column("tagline")),
            **_categories("movie.original_language", column("original_language")),
            **_categories("movie.status", column("status")),
            "movie.release_date": np.array(self.release_dates, dtype="S10"),
            "movie.release_year": column("release_year").to_numpy(),
            "movie.budget": column("budget").to_numpy(),
            "movie.revenue": column("revenue").to_numpy(),
            "movie.return": self.returns,
            "movie.popularity": self.popularity,
            "movie.vote_average": column("vote_average").fill_null(float("nan")).to_numpy(),
            "movie.vote_count": self.vote_counts,
            "movie.runtime": column("runtime").fill_null(float("nan")).to_numpy(),
            "movie.collection_id": column("collection_id").fill_null(-1).to_numpy(),
            "releases.per_month": np.bincount(months, minlength=13),
            "releases.per_weekday": np.bincount(weekdays, minlength=7),
            **_lookup("title_lookup", ((keys[row], row) for row in relevance.tolist() if keys[row] is not None)),
        }


def _entities(tables: dict[str, pa.Table], movies: _Movies) -> Arrays:
    arrays: Arrays = {}
    for kind, table_name, link_table, link_name in (
        ("collection", "collections", None, None),
        ("genre", "genres", "movie_genres", "movie.genres"),
        ("company", "companies", "movie_companies", "movie.companies"),
        ("country", "countries", "movie_countries", "movie.countries"),
        ("language", "languages", "movie_languages", "movie.languages"),
    ):
        table = tables[table_name]
        key_column, name_column = table.column_names
        table = table.take(pc.sort_indices(table, sort_keys=[(key_column, "ascending")]))
        keys = table.column(key_column)
        if pa.types.is_integer(keys.type):
            arrays[f"{kind}.id"] = keys.to_numpy()
        else:
            arrays.update(_text(f"{kind}.code", keys))
        arrays.update(_text(f"{kind}.name", table.column(name_column)))
        if link_table is not None and link_name is not None:
            arrays.update(_links(link_name, tables[link_table], keys.to_pylist(), movies))
    arrays.update(_collection_movies(arrays["collection.id"], movies))
    return arrays


def _links(name: str, table: pa.Table, entity_keys: list[Any], movies: _Movies) -> Arrays:
    """Per film, the rows of the entities it links to, in the source's order."""
    movie_column, key_column, position_column = table.column_names
    movie_rows = movies.rows_of(table.column(movie_column))
    order = np.lexsort((table.column(position_column).to_numpy(), movie_rows))
    row_of = {key: row for row, key in enumerate(entity_keys)}
    try:
        entity_rows = np.array([row_of[key] for key in table.column(key_column).to_pylist()], dtype=np.int32)
    except KeyError as missing:
        raise ValueError(f"{name}: links to {missing}, which its entity table lacks") from None
    return _groups(name, movie_rows, movies.count, order, values=entity_rows)


def _collection_movies(collection_ids: np.ndarray, movies: _Movies) -> Arrays:
    """Per collection, its films, oldest first."""
    film_collections = movies.table.column("collection_id").fill_null(-1).to_numpy()
    films = np.flatnonzero(film_collections >= 0)
    keys = _rows_of(collection_ids, film_collections[films], "collection")
    order = np.argsort(movies.release_days[films], kind="stable")
    return _groups("collection.movies", keys, len(collection_ids), order, values=films)


def _credits(
    cast: pa.Table, crew: pa.Table, movies: _Movies, person_ids: np.ndarray, name_keys: list[str | None]
) -> Arrays:
    cast_movies, crew_movies = movies.rows_of(cast.column("movie_id")), movies.rows_of(crew.column("movie_id"))
    cast_people = _rows_of(person_ids, cast.column("person_id").to_numpy(), "person")
    crew_people = _rows_of(person_ids, crew.column("person_id").to_numpy(), "person")
    directing = pc.fill_null(pc.equal(crew.column("job"), DIRECTOR_JOB), False).to_numpy(zero_copy_only=False)
    success = _Success(movies, person_ids, name_keys)
    everyone = len(person_ids)
    return {
        "cast.movie": cast_movies.astype(np.int32),
        "cast.person": cast_people.astype(np.int32),
        **_text("cast.character", cast.column("character")),
        "cast.order": cast.column("order").to_numpy(),
        "crew.movie": crew_movies.astype(np.int32),
        "crew.person": crew_people.astype(np.int32),
        **_categories("crew.department", crew.column("department")),
        **_categories("crew.job", crew.column("job")),
        # The ETL writes cast and crew sorted by film, in billing and source order.
        "movie.cast.offsets": _run_offsets(cast_movies, movies.count),
        "movie.crew.offsets": _run_offsets(crew_movies, movies.count),
        **_groups("person.cast", cast_people, everyone, movies.chronological(cast_movies)),
        **_groups("person.crew", crew_people, everyone, movies.chronological(crew_movies)),
        **success.arrays("acting", "actor_lookup", cast_people, cast_movies),
        **success.arrays("directing", "director_lookup", crew_people[directing], crew_movies[directing]),
    }


class _Success:
    """Return on investment per person over the distinct films of a role, and the lookup of its people."""

    def __init__(self, movies: _Movies, person_ids: np.ndarray, name_keys: list[str | None]) -> None:
        self._movies = movies
        self._person_ids = person_ids
        self._name_keys = name_keys

    def arrays(self, role: str, lookup: str, person_rows: np.ndarray, movie_rows: np.ndarray) -> Arrays:
        count, everyone = self._movies.count, len(self._person_ids)
        pairs = np.sort(person_rows.astype(np.int64) * count + movie_rows)
        pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs  # each film once
        people, films = pairs // count, pairs % count
        film_count = np.bincount(people, minlength=everyone)
        ranked = np.flatnonzero(film_count > 0)
        ranked = ranked[np.lexsort((self._person_ids[ranked], -film_count[ranked]))]
        keys = self._name_keys
        return {
            f"{role}.film_count": film_count,
            f"{role}.total_return": np.bincount(people, weights=self._movies.returns[films], minlength=everyone).astype(
                np.float64
            ),  # bincount gives integers when no one has a film
            **_groups(f"{role}.films", people, everyone, self._movies.chronological(films), values=films),
            **_lookup(lookup, ((keys[row], row) for row in ranked.tolist() if keys[row] is not None)),
        }


def _recommendations(table: pa.Table, movies: _Movies) -> Arrays:
    movie_rows = movies.rows_of(table.column("movie_id"))
    return {
        # Rows are stored by film, most similar first.
        "movie.similar.offsets": _run_offsets(movie_rows, movies.count),
        "similar.movie": movies.rows_of(table.column("similar_id")).astype(np.int32),
        "similar.score": table.column("score").to_numpy().astype(np.float32),  # 6 decimals: float32 holds them
    }


def _discovery(tables: dict[str, pa.Table], movies: _Movies, arrays: Arrays, name_keys: list[str | None]) -> Arrays:
    """The search indexes, the listing orders, and each genre's films (from the other arrays)."""
    by_popularity = search_index.popularity_order(movies.ids, movies.popularity)
    people = tables["people"]
    credits = np.diff(arrays["person.cast.offsets"]) + np.diff(arrays["person.crew.offsets"])
    by_credits = np.lexsort((people.column("id").to_numpy(), -credits))
    genre_films = np.repeat(np.arange(movies.count), np.diff(arrays["movie.genres.offsets"]))
    return {
        **_word_arrays("title_words", search_index.word_index(movies.title_keys, by_popularity)),
        **_word_arrays("name_words", search_index.word_index(name_keys, by_credits)),
        **search_index.movie_orders(movies.table, movies.title_keys, by_popularity),
        "movie.popularity_rank": search_index.ranks(by_popularity),
        **_groups("genre.movies", arrays["movie.genres.items"], len(arrays["genre.id"]), values=genre_films),
    }


def _word_arrays(name: str, index: search_index.WordIndex) -> Arrays:
    return {
        **_text(f"{name}.words", pa.array(index.words, pa.string())),
        f"{name}.rows.offsets": index.offsets,
        f"{name}.rows.items": index.rows,
        f"{name}.counts": index.counts,
    }


def _keys(texts: list[str | None]) -> list[str | None]:
    """Each text's normalized key (None for no text), made once for the lookups, words and orders."""
    return [normalize(text) if text else None for text in texts]


def _lookup(name: str, entries: Iterable[tuple[str, int]]) -> Arrays:
    """Rows by normalized key, from (key, row) pairs in order of relevance."""
    rows_by_key: dict[str, list[int]] = {}
    for key, row in entries:
        rows_by_key.setdefault(key, []).append(row)
    keys = list(rows_by_key)
    hashes = np.array([key_hash(key) for key in keys], dtype=np.uint64)
    by_hash = np.argsort(hashes, kind="stable")
    rows = np.fromiter(itertools.chain.from_iterable(rows_by_key.values()), dtype=np.int32)
    return {
        **_text(f"{name}.keys", pa.array(keys, pa.string())),
        f"{name}.rows.offsets": _offsets(np.array([len(found) for found in rows_by_key.values()], dtype=np.int64)),
        f"{name}.rows.items": rows,
        f"{name}.hashes": hashes[by_hash],
        f"{name}.hash_keys": by_hash.astype(np.int32),
    }


def _groups(
    name: str, keys: np.ndarray, size: int, order: np.ndarray | None = None, values: np.ndarray | None = None
) -> Arrays:
    """For each of `size` keys, the positions of its rows (`keys[i]` is row i's key), kept in `order`
    (default: table order) within a key; or `values[position]` when `values` is given."""
    if order is None:
        order = np.arange(len(keys))
    ordered_keys = keys[order]
    positions = order[np.argsort(ordered_keys, kind="stable")]
    items = positions if values is None else values[positions]
    counts = np.bincount(ordered_keys, minlength=size) if len(keys) else np.zeros(size, dtype=np.int64)
    return {f"{name}.offsets": _offsets(counts), f"{name}.items": items.astype(np.int32)}


def _offsets(counts: np.ndarray) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(counts, dtype=np.int64)]).astype(np.int64)


def _run_offsets(sorted_keys: np.ndarray, size: int) -> np.ndarray:
    """Offsets of the runs of a table sorted by key: key k's rows are offsets[k]:offsets[k + 1]."""
    return np.searchsorted(sorted_keys, np.arange(size + 1)).astype(np.int64)


def _rows_of(sorted_ids: np.ndarray, ids: np.ndarray, what: str) -> np.ndarray:
    """The row of each id in `sorted_ids` (ascending); every id must be there."""
    if not len(ids):
        return np.zeros(0, dtype=np.int64)
    smallest, largest = min(sorted_ids.min(), ids.min()), max(sorted_ids.max(), ids.max())
    if smallest >= 0 and largest < _DENSE_IDS:  # one look-up in a table by id, not a binary search per id
        row_by_id = np.full(largest + 1, -1, dtype=np.int64)
        row_by_id[sorted_ids] = np.arange(len(sorted_ids))
        rows = row_by_id[ids]
        found = rows >= 0
    else:
        rows = np.searchsorted(sorted_ids, ids)
        found = rows < len(sorted_ids)
        found[found] = sorted_ids[rows[found]] == ids[found]
    if not found.all():
        raise ValueError(f"a {what} id referred to is missing from its table")
    return rows


def _text(name: str, column: pa.ChunkedArray | pa.Array) -> Arrays:
    array = _combined(column).cast(pa.large_string())
    nulls = array.is_null().to_numpy(zero_copy_only=False)
    filled = array.fill_null("")  # a null takes no bytes
    offsets = np.zeros(1, dtype=np.int64)
    data = np.zeros(0, dtype=np.uint8)
    if len(filled):
        _, offset_buffer, data_buffer = filled.buffers()
        offsets = np.frombuffer(offset_buffer, dtype=np.int64)[filled.offset : filled.offset + len(filled) + 1]
        if data_buffer is not None:
            data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
        offsets = offsets - offsets[0]
    return {f"{name}.offsets": offsets, f"{name}.bytes": data, f"{name}.nulls": nulls}


def _categories(name: str, column: pa.ChunkedArray) -> Arrays:
    """Codes into the distinct values in order of first appearance; the code after the last is null."""
    encoded = _combined(column).dictionary_encode()
    values = encoded.dictionary.to_pylist()
    codes = encoded.indices.fill_null(len(values)).to_numpy(zero_copy_only=False).astype(np.int32)
    return {f"{name}.codes": codes, **_text(f"{name}.values", pa.array([*values, None], pa.string()))}


def _combined(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    if isinstance(column, pa.Array):
        return column
    return column.combine_chunks() if column.num_chunks else pa.array([], column.type)


def _checked(arrays: Arrays) -> Arrays:
    """The arrays in the contract's order, once each is there with its declared dtype."""
    if set(arrays) != set(ARRAYS):
        raise AssertionError(f"read model arrays differ from the contract: {sorted(set(arrays) ^ set(ARRAYS))}")
    mistyped = [f"{name} is {arrays[name].dtype.str}" for name in ARRAYS if arrays[name].dtype.str != ARRAYS[name]]
    if mistyped:
        raise AssertionError(f"read model arrays of the wrong dtype: {', '.join(mistyped)}")
    return {name: np.ascontiguousarray(arrays[name]) for name in ARRAYS}

"""The contract between the ETL and the service: file names, default folders, the manifest and its check.

The ETL writes a data folder; the service (and the EDA) read it. Both sides import this module and
`etl.tables` (the tables' columns), and nothing else of each other. This module imports no pyarrow,
so that the service can check and map a data folder without it.

Bump SCHEMA_VERSION whenever a table, a column, an array or its meaning changes; the service refuses
data written with another version.
"""

import hashlib
import json
import mmap
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 5

MOVIES_FILE = "movies_dataset.csv"
CREDITS_FILE = "credits.csv"
MANIFEST_FILE = "manifest.json"
REJECTS_FILE = "rejects.csv"
DUPLICATES_FILE = "duplicates.csv"

RAW_DIR = Path("data/raw")
SAMPLE_DIR = Path("data/sample")
PROCESSED_DIR = Path("data/processed")

DIRECTOR_JOB = "Director"  # the crew job that makes a person a film's director
RECOMMENDATIONS_PER_FILM = 50  # neighbours the ETL keeps for each film
# How the ETL scores two films alike (etl/recommend.py): the weighted sum of per-feature cosines. The
# service splits a pair's score back into these features to say why two films are alike.
SIMILARITY_WEIGHTS = {
    "text": 0.30,
    "collection": 0.25,
    "genres": 0.15,
    "director": 0.10,
    "cast": 0.10,
    "language": 0.10,
}
TOP_CAST = 5  # billing orders below this are a film's cast feature
# The orders films can be listed in (etl/search_index.py), each both ways; unknown values come last.
MOVIE_ORDERS = ("popularity", "vote_count", "vote_average", "release_date", "revenue", "return", "title")
INPUTS = ("movies", "credits")
INPUT_COUNTS = ("rows_read", "rows_loaded", "duplicates_merged", "rows_rejected", "rows_repaired")

# The tables, one parquet file each; their columns are in etl/tables.py.
TABLE_NAMES = (
    "movies", "collections", "genres", "movie_genres", "companies", "movie_companies", "countries",
    "movie_countries", "languages", "movie_languages", "people", "cast", "recommendations", "crew",
)  # fmt: skip


def _text(name: str) -> dict[str, str]:
    """A column of optional strings: UTF-8 bytes end to end, where each value starts, and which are null."""
    return {f"{name}.offsets": "<i8", f"{name}.bytes": "|u1", f"{name}.nulls": "|b1"}


def _categories(name: str) -> dict[str, str]:
    """A column of few distinct strings: a code per row into the distinct values (the last one null)."""
    return {f"{name}.codes": "<i4", **_text(f"{name}.values")}


def _groups(name: str) -> dict[str, str]:
    """Rows grouped by a key: group k holds items[offsets[k]:offsets[k + 1]]."""
    return {f"{name}.offsets": "<i8", f"{name}.items": "<i4"}


def _words(name: str) -> dict[str, str]:
    """Rows by the words of their text: the distinct words sorted, each word's rows, each row's word count."""
    return {**_text(f"{name}.words"), **_groups(f"{name}.rows"), f"{name}.counts": "<i4"}


def _orders() -> dict[str, str]:
    """Film rows in each listing order, both ways: movie.order.<key>.<asc|desc>."""
    return {f"movie.order.{key}.{way}": "<i4" for key in MOVIE_ORDERS for way in ("asc", "desc")}


def _lookup(name: str) -> dict[str, str]:
    """Rows by normalized key: the distinct keys (first seen first), each key's rows (most relevant
    first), and key_hash of every key sorted ascending with the key it belongs to."""
    return {**_text(f"{name}.keys"), **_groups(f"{name}.rows"), f"{name}.hashes": "<u8", f"{name}.hash_keys": "<i4"}


# The read model: what the service serves, computed by the ETL (etl/read_model.py) and stored as
# one-dimensional .npy arrays that the service maps into memory instead of building objects.
# Name -> numpy dtype. "Row" means an index into the arrays of that kind: a film's row is its
# index in every movie.* array (films by id), a person's in every person.* array (people by id).
ARRAYS: dict[str, str] = {
    "movie.id": "<i8",
    **_text("movie.title"),
    **_text("movie.overview"),
    **_text("movie.tagline"),
    **_categories("movie.original_language"),
    **_categories("movie.status"),
    "movie.release_date": "|S10",  # YYYY-MM-DD
    "movie.release_year": "<i4",
    "movie.budget": "<i8",
    "movie.revenue": "<i8",
    "movie.return": "<f8",
    "movie.popularity": "<f8",  # NaN when unknown
    "movie.vote_average": "<f8",  # NaN when unknown
    "movie.vote_count": "<i8",  # -1 when unknown
    "movie.runtime": "<f8",  # NaN when unknown
    "movie.collection_id": "<i8",  # -1 when none
    "releases.per_month": "<i8",  # films released in month 1..12 (index 0 unused)
    "releases.per_weekday": "<i8",  # films released on weekday 0 (Monday)..6
    # Entities by key, ascending; a film's links are entity rows, in the source's order.
    "collection.id": "<i8",
    **_text("collection.name"),
    **_groups("collection.movies"),  # per collection: film rows, oldest first
    "genre.id": "<i8",
    **_text("genre.name"),
    "company.id": "<i8",
    **_text("company.name"),
    **_text("country.code"),
    **_text("country.name"),
    **_text("language.code"),
    **_text("language.name"),
    **_groups("movie.genres"),
    **_groups("movie.companies"),
    **_groups("movie.countries"),
    **_groups("movie.languages"),
    "person.id": "<i8",
    **_text("person.name"),
    "person.gender": "|i1",
    # Credits in the cast and crew tables' order: by film, then billing or source order.
    "cast.movie": "<i4",
    "cast.person": "<i4",
    **_text("cast.character"),
    "cast.order": "<i4",
    "crew.movie": "<i4",
    "crew.person": "<i4",
    **_categories("crew.department"),
    **_categories("crew.job"),
    "movie.cast.offsets": "<i8",  # a film's cast credits are the positions offsets[row]:offsets[row + 1]
    "movie.crew.offsets": "<i8",
    **_groups("person.cast"),  # per person: cast positions, by release date then film id
    **_groups("person.crew"),
    # Success in a role over distinct films: acting (cast), directing (crew with job DIRECTOR_JOB).
    "acting.film_count": "<i8",
    "acting.total_return": "<f8",
    **_groups("acting.films"),  # per person: film rows, by release date then film id
    "directing.film_count": "<i8",
    "directing.total_return": "<f8",
    **_groups("directing.films"),
    # Recommendations: a film's neighbours are positions offsets[row]:offsets[row + 1], most similar first.
    "movie.similar.offsets": "<i8",
    "similar.movie": "<i4",
    "similar.score": "<f4",
    # Lookups by normalized title (films by most votes, then most popular, then id) and by normalized
    # name (people with films in the role, by most films, then id).
    **_lookup("title_lookup"),
    **_lookup("actor_lookup"),
    **_lookup("director_lookup"),
    # Discovery (etl/search_index.py): films by the words of their titles (rows most popular first),
    # people by the words of their names (rows with most credits first), the listing orders, each
    # film's place in the popularity order, and each genre's films.
    **_words("title_words"),
    **_words("name_words"),
    **_orders(),
    "movie.popularity_rank": "<i4",
    **_groups("genre.movies"),
}

# How the arrays refer to each other, for readers to check before they trust an index: each array of
# row numbers, with the array whose rows they number; each array of offsets, with the array whose rows
# it follows (it holds one more offset than that array has rows) and the array its offsets point into.
ROW_REFERENCES: dict[str, str] = {
    **dict.fromkeys(
        ("cast.movie", "crew.movie", "similar.movie", "collection.movies.items", "acting.films.items",
         "directing.films.items", "title_lookup.rows.items"),
        "movie.id",
    ),
    **dict.fromkeys(
        ("cast.person", "crew.person", "actor_lookup.rows.items", "director_lookup.rows.items"), "person.id"
    ),
    "person.cast.items": "cast.movie",
    "person.crew.items": "crew.movie",
    "movie.genres.items": "genre.id",
    "movie.companies.items": "company.id",
    "movie.countries.items": "country.code.nulls",
    "movie.languages.items": "language.code.nulls",
    "title_lookup.hash_keys": "title_lookup.keys.nulls",
    "actor_lookup.hash_keys": "actor_lookup.keys.nulls",
    "director_lookup.hash_keys": "director_lookup.keys.nulls",
}  # fmt: skip
OFFSETS: dict[str, tuple[str, str]] = {
    **{name: (f"{name[: -len('.offsets')]}.nulls", f"{name[: -len('.offsets')]}.bytes")
       for name in ARRAYS if name.endswith(".offsets") and f"{name[: -len('.offsets')]}.bytes" in ARRAYS},
    "movie.cast.offsets": ("movie.id", "cast.movie"),
    "movie.crew.offsets": ("movie.id", "crew.movie"),
    "movie.similar.offsets": ("movie.id", "similar.movie"),
    "collection.movies.offsets": ("collection.id", "collection.movies.items"),
    **{f"movie.{name}.offsets": ("movie.id", f"movie.{name}.items")
       for name in ("genres", "companies", "countries", "languages")},
    **{f"{name}.offsets": ("person.id", f"{name}.items")
       for name in ("person.cast", "person.crew", "acting.films", "directing.films")},
    **{f"{name}_lookup.rows.offsets": (f"{name}_lookup.keys.nulls", f"{name}_lookup.rows.items")
       for name in ("title", "actor", "director")},
}  # fmt: skip

_SHA256 = re.compile(r"[0-9a-f]{64}")
_REBUILD = "build it again with `python -m etl` (or `make data`)"
_WORD = re.compile(r"[^\W_]+")
_ELISION = re.compile(r"\b([^\W\d_])['\u2019\u02bc`]")
_APOSTROPHE = re.compile(r"['\u2019\u02bc`]")
_NPY_MAGIC = b"\x93NUMPY"
_NPY_HEADER = re.compile(rb"\{'descr': '([^']+)', 'fortran_order': False, 'shape': \((\d+),\), \} *\n")


class ContractError(Exception):
    """A data folder that cannot be served. The message names the file and says what to do."""


def table_file(name: str) -> str:
    """The file name of a table in the data folder."""
    return f"{name}.parquet"


def array_file(name: str) -> str:
    """The file name of a read-model array in the data folder."""
    return f"{name}.npy"


def normalize(text: str) -> str:
    """The key titles and names are looked up by: '  Amélie   POULAIN ' -> 'amelie poulain'."""
    if text.isascii():  # most titles and names: nothing to decompose (same result, ten times faster)
        return " ".join(text.lower().split())
    # Accents go, and so do invisible format characters (zero-width spaces, right-to-left marks).
    kept = unicodedata.normalize("NFKD", text).translate(_KEPT)
    return " ".join(kept.casefold().split())


class _KeptCharacters(dict[int, int | None]):
    """For `str.translate`: None for a character keys drop (a combining mark, an invisible format
    character), the character itself otherwise. Learned as characters are met (a per-character
    test in Python cost 5 µs for a 20-letter accented name), and only below U+3000, so it stays
    bounded whatever text comes (`tests/test_text.py`)."""

    LEARNED_BELOW = 0x3000

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = None if unicodedata.combining(char) or unicodedata.category(char) == "Cf" else code
        if code < self.LEARNED_BELOW:
            self[code] = kept
        return kept


_KEPT = _KeptCharacters()


def words(text: str) -> list[str]:
    """The words titles and names are searched by: normalized, split at anything but letters and
    digits, an apostrophe joining ("Schindler's List" -> schindlers, list) except after a word's first
    letter, where it splits an elision ("L'Été" -> l, ete)."""
    return key_words(normalize(text))


def key_words(key: str) -> list[str]:
    """`words` of a text already normalized."""
    if _APOSTROPHE.search(key):
        key = _APOSTROPHE.sub("", _ELISION.sub(r"\1 ", key))
    return _WORD.findall(key)


def key_hash(key: str) -> int:
    """A 64-bit hash of a normalized key, the same in every process (unlike `hash`)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class TableFile:
    """A table's file, checked against the manifest: the path to read and the rows it must hold."""

    path: Path
    rows: int


@dataclass(frozen=True)
class ArrayFile:
    """A read-model array's file, checked against the manifest and the contract, mapped read-only.

    `buffer` maps the very file that was hashed: its values are `length` items of `dtype` from `offset`.
    """

    path: Path
    dtype: str
    length: int
    offset: int
    buffer: mmap.mmap


@dataclass(frozen=True)
class Manifest:
    content: dict[str, Any]  # the manifest as written, every entry checked
    tables: dict[str, TableFile]
    arrays: dict[str, ArrayFile]

    @property
    def inputs(self) -> dict[str, dict[str, Any]]:
        return self.content["inputs"]


def verify(data_dir: Path) -> Manifest:
    """The manifest of `data_dir` once every table and array it lists is present, intact and of this
    schema version.

    Raises ContractError naming the file. Only the files checked here may be read: the tables' paths
    are the ones returned, inside `data_dir`; the arrays are returned mapped, from the files hashed.
    """
    manifest_path = data_dir / MANIFEST_FILE
    if not data_dir.is_dir():
        raise ContractError(f"{data_dir}: data directory does not exist; {_REBUILD}")
    if not manifest_path.is_file():
        raise ContractError(f"{manifest_path}: missing, the data directory is incomplete; {_REBUILD}")
    content = _read_json(manifest_path)
    version = content.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ContractError(
            f"{manifest_path}: tables have schema version {version!r}, this service reads version "
            f"{SCHEMA_VERSION}; {_REBUILD}"
        )
    _check_inputs(manifest_path, content.get("inputs"))
    listed = content.get("tables")
    if not isinstance(listed, dict):
        raise ContractError(f"{manifest_path}: `tables` is not an object; not a manifest written by the ETL")
    tables = {name: _check_table(data_dir, manifest_path, name, listed.get(name)) for name in TABLE_NAMES}
    loaded = content["inputs"]["movies"]["rows_loaded"]
    if tables["movies"].rows != loaded:
        raise ContractError(
            f"{manifest_path}: the movies table holds {tables['movies'].rows} rows but the movies input "
            f"says {loaded} were loaded; {_REBUILD}"
        )
    listed_arrays = content.get("arrays")
    if not isinstance(listed_arrays, dict):
        raise ContractError(f"{manifest_path}: `arrays` is not an object; not a manifest written by the ETL")
    arrays = {name: _check_array(data_dir, manifest_path, name, listed_arrays.get(name)) for name in ARRAYS}
    return Manifest(content, tables, arrays)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        content = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        raise ContractError(f"{path}: cannot be read ({error.strerror}); {_REBUILD}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ContractError(f"{path}: not valid JSON ({error}); {_REBUILD}") from None
    if not isinstance(content, dict):
        raise ContractError(f"{path}: not a JSON object; not a manifest written by the ETL")
    return content


def _check_inputs(manifest_path: Path, inputs: Any) -> None:
    if not isinstance(inputs, dict):
        raise ContractError(f"{manifest_path}: `inputs` is missing or not an object; {_REBUILD}")
    for name in INPUTS:
        entry = inputs.get(name)
        if not isinstance(entry, dict):
            raise ContractError(f"{manifest_path}: input {name!r} is not listed; {_REBUILD}")
        counts = {key: entry.get(key) for key in INPUT_COUNTS}
        if not all(_count(value) for value in counts.values()):
            raise ContractError(f"{manifest_path}: input {name!r} lacks a count among {', '.join(INPUT_COUNTS)}")
        if counts["rows_read"] != counts["rows_loaded"] + counts["duplicates_merged"] + counts["rows_rejected"]:
            raise ContractError(
                f"{manifest_path}: input {name!r} does not reconcile (rows_read = rows_loaded + "
                f"duplicates_merged + rows_rejected); {_REBUILD}"
            )


def _check_table(data_dir: Path, manifest_path: Path, name: str, entry: Any) -> TableFile:
    path, digest = _listed_file(data_dir, manifest_path, "table", name, table_file(name), entry)
    rows = entry.get("rows")
    if not _count(rows):
        raise ContractError(f"{manifest_path}: table {name!r} needs a row count; {_REBUILD}")
    try:
        actual = sha256_of(path)
    except OSError as error:
        raise ContractError(f"{path}: cannot be read ({error.strerror})") from None
    _check_digest(path, actual, digest)
    return TableFile(path, rows)


def _check_array(data_dir: Path, manifest_path: Path, name: str, entry: Any) -> ArrayFile:
    path, digest = _listed_file(data_dir, manifest_path, "array", name, array_file(name), entry)
    try:
        with path.open("rb") as handle:
            actual = hashlib.file_digest(handle, "sha256").hexdigest()
            _check_digest(path, actual, digest)
            buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except OSError as error:
        raise ContractError(f"{path}: cannot be read ({error.strerror})") from None
    except ValueError:  # an empty file cannot be mapped
        raise ContractError(f"{path}: not a .npy array file; {_REBUILD}") from None
    dtype, length, offset = _npy_header(path, buffer)
    if dtype != ARRAYS[name]:
        raise ContractError(
            f"{path}: holds {dtype!r} values, schema version {SCHEMA_VERSION} declares {ARRAYS[name]!r}; {_REBUILD}"
        )
    if offset + length * int(dtype[2:]) != len(buffer):  # every declared dtype ends with its item size
        raise ContractError(f"{path}: holds more or fewer bytes than its header says; {_REBUILD}")
    return ArrayFile(path, dtype, length, offset, buffer)


def _listed_file(
    data_dir: Path, manifest_path: Path, kind: str, name: str, expected: str, entry: Any
) -> tuple[Path, str]:
    """The path of a file the manifest lists, and its sha256, once the entry and the file are there."""
    if not isinstance(entry, dict):
        raise ContractError(f"{manifest_path}: {kind} {name!r} is not listed; {_REBUILD}")
    if entry.get("file") != expected:
        raise ContractError(f"{manifest_path}: {kind} {name!r} must be in {expected!r}, not {entry.get('file')!r}")
    digest = entry.get("sha256")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise ContractError(f"{manifest_path}: {kind} {name!r} needs a sha256; {_REBUILD}")
    path = data_dir / expected
    if not path.is_file():
        raise ContractError(f"{path}: missing, the data directory is incomplete; {_REBUILD}")
    if path.resolve().parent != data_dir.resolve():
        raise ContractError(f"{path}: links outside {data_dir}; the {kind}s must be files of the data directory")
    return path, digest


def _check_digest(path: Path, actual: str, expected: str) -> None:
    if actual != expected:
        raise ContractError(f"{path}: corrupt, its sha256 differs from the manifest; {_REBUILD}")


def _npy_header(path: Path, buffer: mmap.mmap) -> tuple[str, int, int]:
    """The dtype, length and data offset of a one-dimensional array file as numpy.save writes it."""
    version = buffer[6:7]
    if buffer[:6] != _NPY_MAGIC or version not in (b"\x01", b"\x02", b"\x03"):
        raise ContractError(f"{path}: not a .npy array file; {_REBUILD}")
    start = 10 if version == b"\x01" else 12  # the header's length takes 2 bytes in version 1, else 4
    end = start + int.from_bytes(buffer[8:start], "little")
    header = _NPY_HEADER.fullmatch(buffer[start:end])
    if header is None:
        raise ContractError(f"{path}: not a one-dimensional .npy array as the ETL writes them; {_REBUILD}")
    return header.group(1).decode("ascii"), int(header.group(2)), end


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0

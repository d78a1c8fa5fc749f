"""Building small raw input files in the real format, for tests."""

import csv
from pathlib import Path
from typing import Any

from etl.movies import csv_line
from etl.tables import CREDITS_COLUMNS, MOVIES_COLUMNS

_MOVIE_DEFAULTS: dict[str, str] = {
    "adult": "False",
    "belongs_to_collection": "",
    "budget": "1000",
    "genres": "[{'id': 18, 'name': 'Drama'}]",
    "homepage": "",
    "id": "1",
    "imdb_id": "tt0000001",
    "original_language": "en",
    "original_title": "A Film",
    "overview": "Somebody does something, somewhere.",
    "popularity": "1.5",
    "poster_path": "/abc.jpg",
    "production_companies": "[{'name': 'Studio', 'id': 7}]",
    "production_countries": "[{'iso_3166_1': 'US', 'name': 'United States of America'}]",
    "release_date": "2001-02-03",
    "revenue": "3000",
    "runtime": "90.0",
    "spoken_languages": "[{'iso_639_1': 'en', 'name': 'English'}]",
    "status": "Released",
    "tagline": "",
    "title": "A Film",
    "video": "False",
    "vote_average": "6.5",
    "vote_count": "10",
}


def movie(**fields: Any) -> list[str]:
    row = {**_MOVIE_DEFAULTS, **{key: str(value) for key, value in fields.items()}}
    return [row[name] for name in MOVIES_COLUMNS]


def cast_entry(person_id: int, name: str, order: int, character: str = "Someone", gender: int = 2) -> dict:
    return {
        "cast_id": order + 1, "character": character, "credit_id": f"{person_id:024x}",
        "gender": gender, "id": person_id, "name": name, "order": order, "profile_path": None,
    }  # fmt: skip


def crew_entry(person_id: int, name: str, job: str, department: str = "Directing", gender: int = 2) -> dict:
    return {
        "credit_id": f"{person_id:024x}", "department": department, "gender": gender,
        "id": person_id, "job": job, "name": name, "profile_path": None,
    }  # fmt: skip


def credits_row(movie_id: int, cast: list[dict], crew: list[dict]) -> list[str]:
    return [repr(cast), repr(crew), str(movie_id)]


def write_csv(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_movies(path: Path, rows: list[list[str]]) -> Path:
    return write_csv(path, MOVIES_COLUMNS, rows)


def write_credits(path: Path, rows: list[list[str]]) -> Path:
    return write_csv(path, CREDITS_COLUMNS, rows)


def cr_split_line(row: list[str], overview: str) -> str:
    """A record whose unquoted overview holds a bare carriage return, as in the real file."""
    placeholder = "OVERVIEW-PLACEHOLDER"
    row = list(row)
    row[MOVIES_COLUMNS.index("overview")] = placeholder
    return csv_line(row).replace(placeholder, overview)

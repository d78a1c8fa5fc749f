"""The cleaning rules on small hand-made files: every row accounted for, with the documented merges."""

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from etl.pipeline import run
from tests.rawfiles import cast_entry, credits_row, crew_entry, movie, write_credits, write_movies

HANKS = cast_entry(31, "Tom Hanks", 0)
LASSETER = crew_entry(7879, "John Lasseter", "Director")


def build(tmp_path: Path, movies: list[list[str]], credits: list[list[str]]) -> Path:
    out = tmp_path / "out"
    run(write_movies(tmp_path / "m.csv", movies), write_credits(tmp_path / "c.csv", credits), out)
    return out


def rows(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / f"{name}.parquet").to_pylist()


def rejects(out: Path) -> list[dict]:
    with (out / "rejects.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def counts(out: Path, name: str) -> dict:
    return json.loads((out / "manifest.json").read_text())["inputs"][name]


def test_null_amounts_become_zero_and_return_is_never_inf(tmp_path):
    out = build(
        tmp_path,
        [
            movie(id=1, budget="", revenue=""),
            movie(id=2, budget="0", revenue="500"),
            movie(id=3, budget="1", revenue="12345678"),
            movie(id=4, budget="200.0", revenue="50"),
        ],
        [],
    )
    movies = {row["id"]: row for row in rows(out, "movies")}
    assert [(m["budget"], m["revenue"], m["return"]) for m in movies.values()] == [
        (0, 0, 0.0),
        (0, 500, 0.0),
        (1, 12345678, 12345678.0),
        (200, 50, 0.25),
    ]


def test_bad_dates_are_rejected_with_reasons(tmp_path):
    out = build(
        tmp_path,
        [
            movie(id=1, release_date=""),
            movie(id=2, release_date="1995-02-30"),
            movie(id=3, release_date="soon"),
            movie(id=4),
        ],
        [],
    )
    assert [row["id"] for row in rows(out, "movies")] == [4]
    assert [(r["line"], r["reason"]) for r in rejects(out)] == [
        ("2", "release_date is empty"),
        ("3", "release_date is '1995-02-30', not a calendar date"),
        ("4", "release_date is 'soon', not a date (YYYY-MM-DD)"),
    ]
    assert counts(out, "movies") | {"sha256": None} == {
        "file": "m.csv", "bytes": counts(out, "movies")["bytes"], "sha256": None,
        "rows_read": 4, "rows_loaded": 1, "duplicates_merged": 0, "rows_rejected": 3, "rows_repaired": 0,
    }  # fmt: skip


def test_unparseable_values_are_rejected_not_guessed(tmp_path):
    out = build(
        tmp_path,
        [
            movie(id="1997-08-20"),
            movie(id=2, budget="/ff9qCepilowshEtG2GYWwzt2bs4.jpg"),
            movie(id=3, genres="[{'id': 18, 'name': 'Drama'"),
            movie(id=4, vote_average="11"),
            movie(id=5),
        ],
        [],
    )
    assert [row["id"] for row in rows(out, "movies")] == [5]
    reasons = [r["reason"] for r in rejects(out)]
    assert reasons[0] == "id is '1997-08-20', not a positive integer"
    assert reasons[1].startswith("budget is '/ff9qCepilowshEtG2GYWwzt2bs4.jpg', not a number")
    assert reasons[2].startswith("genres is not a valid nested value")
    assert reasons[3] == "vote_average is '11', outside 0..10"


def test_duplicates_keep_the_row_with_most_votes(tmp_path):
    out = build(
        tmp_path,
        [
            movie(id=7, vote_count="10", popularity="1.0", title="First"),
            movie(id=8),
            movie(id=7, vote_count="12", popularity="0.5", title="Second"),
            movie(id=7, vote_count="12", popularity="0.5", title="Third"),
        ],
        [],
    )
    movies = {row["id"]: row for row in rows(out, "movies")}
    assert movies[7]["title"] == "Second"
    assert movies[7]["source_line"] == 4
    with (out / "duplicates.csv").open(encoding="utf-8") as handle:
        merged = list(csv.DictReader(handle))
    assert [(d["line"], d["kept_line"], d["differing_columns"]) for d in merged] == [
        ("2", "4", "popularity title vote_count"),
        ("5", "4", "title"),
    ]
    assert counts(out, "movies")["duplicates_merged"] == 2


def test_nested_columns_are_unnested(tmp_path):
    out = build(
        tmp_path,
        [
            movie(
                id=1,
                belongs_to_collection=(
                    "{'id': 10, 'name': \"Nobody's Collection\", 'poster_path': None, 'backdrop_path': '/b.jpg'}"
                ),
                genres="[{'id': 16, 'name': 'Animation'}, {'id': 35, 'name': 'Comedy'}]",
                production_companies="[]",
                production_countries="",
                spoken_languages="[{'iso_639_1': 'fr', 'name': 'Français'}]",
            )
        ],
        [],
    )
    assert rows(out, "collections") == [{"id": 10, "name": "Nobody's Collection"}]
    assert rows(out, "movies")[0]["collection_id"] == 10
    assert rows(out, "movie_genres") == [
        {"movie_id": 1, "genre_id": 16, "position": 0},
        {"movie_id": 1, "genre_id": 35, "position": 1},
    ]
    assert rows(out, "movie_companies") == rows(out, "movie_countries") == []
    assert rows(out, "languages") == [{"code": "fr", "name": "Français"}]


def test_entities_named_as_first_seen_and_linked_once_at_their_first_position(tmp_path):
    countries = "[{{'iso_3166_1': '{}', 'name': '{}'}}, {{'iso_3166_1': '{}', 'name': '{}'}}, {{'iso_3166_1': '{}', 'name': '{}'}}]"
    out = build(
        tmp_path,
        [  # in file order: film 9 first, then film 2
            movie(id=9, production_countries=countries.format("US", "USA", "FR", "France", "US", "America")),
            movie(id=2, production_countries=countries.format("ES", "Spain", "US", "United States", "DE", "Germany")),
        ],
        [],
    )
    assert rows(out, "countries") == [
        {"code": "DE", "name": "Germany"},
        {"code": "ES", "name": "Spain"},
        {"code": "FR", "name": "France"},
        {"code": "US", "name": "USA"},
    ]
    assert [(row["movie_id"], row["country_code"], row["position"]) for row in rows(out, "movie_countries")] == [
        (2, "ES", 0),
        (2, "US", 1),
        (2, "DE", 2),
        (9, "US", 0),
        (9, "FR", 1),
    ]


def test_credits_rows_are_accounted_for(tmp_path):
    out = build(
        tmp_path,
        [movie(id=862), movie(id=2, release_date="")],
        [
            credits_row(862, [HANKS], [LASSETER, crew_entry(99, "Someone Else", "Director of Photography", "Camera")]),
            credits_row(862, [HANKS], [LASSETER]),  # repeats an id: merged into the first
            credits_row(2, [HANKS], []),  # its movie was rejected
            credits_row(5, [], []),  # no such movie
            ["[{'cast_id': 1", "[]", "862"],  # repeats 862 after it was loaded: merged
            ["not a list", "[]", "3"],
            ["[]", "[]", "x"],
        ],
    )
    assert counts(out, "credits") | {"sha256": None, "bytes": None} == {
        "file": "c.csv", "sha256": None, "bytes": None,
        "rows_read": 7, "rows_loaded": 1, "duplicates_merged": 2, "rows_rejected": 4, "rows_repaired": 0,
    }  # fmt: skip
    reasons = [r["reason"] for r in rejects(out) if r["file"] == "c.csv"]
    assert reasons == [
        "movie id 2 was rejected from m.csv (line 3: release_date is empty)",
        "no movie with id 5 in the movies file",
        "no movie with id 3 in the movies file",
        "id is 'x', not a positive integer",
    ]
    assert rows(out, "crew") == [
        {"movie_id": 862, "person_id": 7879, "department": "Directing", "job": "Director", "position": 0,
         "credit_id": f"{7879:024x}"},
        {"movie_id": 862, "person_id": 99, "department": "Camera", "job": "Director of Photography",
         "position": 1, "credit_id": f"{99:024x}"},
    ]  # fmt: skip


def test_bad_credit_cells_are_rejected(tmp_path):
    out = build(tmp_path, [movie(id=1), movie(id=2)], [["[{'cast_id': 1}]", "[]", "1"], ["[]", "None", "2"]])
    reasons = [r["reason"] for r in rejects(out)]
    assert reasons == [
        "cast is not a valid list of credits: cast entry without key(s) "
        "character, credit_id, gender, id, name, order, profile_path",
        "crew is not a valid list of credits: expected a list, got NoneType",
    ]


def test_people_share_names_but_not_ids(tmp_path):
    out = build(
        tmp_path,
        [movie(id=1), movie(id=2)],
        [
            credits_row(1, [cast_entry(10, "Chris Evans", 0)], [crew_entry(11, "Chris Evans", "Editor", "Editing")]),
            credits_row(2, [cast_entry(11, "Chris Evans", 0, gender=0)], []),
        ],
    )
    assert rows(out, "people") == [
        {"id": 10, "name": "Chris Evans", "gender": 2},
        {"id": 11, "name": "Chris Evans", "gender": 2},
    ]


def test_names_with_quotes_and_escapes_survive(tmp_path):
    names = ["Seán O'Varra", "The 'Big' \"One\"", "Tab\tName", "Łukasz Żółw", ""]
    cast = [cast_entry(100 + i, name, i, character=name) for i, name in enumerate(names)]
    out = build(tmp_path, [movie(id=1)], [credits_row(1, cast, [])])
    assert [row["name"] for row in rows(out, "people")] == names
    assert [row["character"] for row in rows(out, "cast")] == names


def test_empty_movies_file_is_an_error(tmp_path):
    from etl.errors import InputFileError

    (tmp_path / "m.csv").write_text("")
    write_credits(tmp_path / "c.csv", [])
    with pytest.raises(InputFileError, match="file is empty"):
        run(tmp_path / "m.csv", tmp_path / "c.csv", tmp_path / "out")
    assert not (tmp_path / "out").exists()

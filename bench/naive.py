"""The obvious way to read the credits: pandas `read_csv`, then `ast.literal_eval` on every cell.

Kept as the reference the fast path must equal, table for table, and as the baseline of the
ETL benchmark. Same rules as etl.credits: rows of loaded movies only, the first row of a repeated
id wins, a person is named as in their first credit.
"""

import ast
from pathlib import Path

import pandas as pd
import pyarrow as pa

from etl.tables import TABLES


def credit_tables(credits_path: Path, movie_ids: set[int]) -> dict[str, pa.Table]:
    frame = pd.read_csv(credits_path, dtype=str, keep_default_na=False)
    frame = frame[frame["id"].str.fullmatch(r"\d+")]
    frame = frame.assign(id=frame["id"].astype("int64"))
    frame = frame[frame["id"].isin(movie_ids)].drop_duplicates("id", keep="first")
    cast_rows: list[dict] = []
    crew_rows: list[dict] = []
    people: dict[int, tuple[str, int]] = {}
    for movie_id, cast_cell, crew_cell in zip(frame["id"], frame["cast"], frame["crew"], strict=True):
        cast = ast.literal_eval(cast_cell) if cast_cell else []
        crew = ast.literal_eval(crew_cell) if crew_cell else []
        for entry in cast:
            people.setdefault(entry["id"], (entry["name"], entry["gender"] or 0))
            cast_rows.append({
                "movie_id": int(movie_id), "person_id": entry["id"], "character": entry["character"],
                "order": entry["order"], "credit_id": entry["credit_id"],
            })  # fmt: skip
        for position, entry in enumerate(crew):
            people.setdefault(entry["id"], (entry["name"], entry["gender"] or 0))
            crew_rows.append({
                "movie_id": int(movie_id), "person_id": entry["id"], "department": entry["department"],
                "job": entry["job"], "position": position, "credit_id": entry["credit_id"],
            })  # fmt: skip
    cast_rows.sort(key=lambda row: row["movie_id"])
    crew_rows.sort(key=lambda row: row["movie_id"])
    people_rows = [{"id": key, "name": name, "gender": gender} for key, (name, gender) in sorted(people.items())]
    return {
        "people": pa.Table.from_pylist(people_rows, schema=TABLES["people"]),
        "cast": pa.Table.from_pylist(cast_rows, schema=TABLES["cast"]),
        "crew": pa.Table.from_pylist(crew_rows, schema=TABLES["crew"]),
    }

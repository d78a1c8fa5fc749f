"""Running discovery queries as the service does (the engine, its limits and its plans), and a reference
for what they should find, computed from the processed tables by brute force."""

import math
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from etl.contract import normalize
from graphql_api.engine.engine import Engine
from graphql_api.engine.limits import Limits
from graphql_api.schema import graphql_schema

_ENGINES: dict[int, Engine] = {}


def engine(model: Any) -> Engine:
    if id(model) not in _ENGINES:
        _ENGINES[id(model)] = Engine(graphql_schema, model, Limits())
    return _ENGINES[id(model)]


def answer(model: Any, query: str, variables: dict | None = None) -> dict:
    result = engine(model).run(query, variables)
    assert not result.errors, result.errors
    return result.data  # type: ignore[return-value]


def refusal(model: Any, query: str, variables: dict | None = None) -> dict:
    """The first error of a query that must fail, as a client sees it."""
    result = engine(model).run(query, variables)
    assert result.errors, f"expected an error: {query} {variables}"
    error = result.errors[0]
    return {"message": error.message, **(error.extensions or {})}


class Catalogue:
    """The films of a processed data folder as plain rows, with their genres, people and collection."""

    def __init__(self, data_dir: Path) -> None:
        read = lambda name: pq.read_table(data_dir / f"{name}.parquet").to_pylist()  # noqa: E731
        self.movies = {row["id"]: row for row in read("movies")}
        genre_names = {row["id"]: row["name"] for row in read("genres")}
        self.genres: dict[int, set[str]] = {movie_id: set() for movie_id in self.movies}
        for link in read("movie_genres"):
            self.genres[link["movie_id"]].add(genre_names[link["genre_id"]])
        self.people: dict[int, set[int]] = {movie_id: set() for movie_id in self.movies}
        for credit in read("cast") + read("crew"):
            self.people[credit["movie_id"]].add(credit["person_id"])

    def matching(self, conditions: dict) -> list[int]:
        """Ids of the films meeting a MovieFilter given as GraphQL input."""

        def keeps(movie_id: int) -> bool:
            movie = self.movies[movie_id]
            checks = [
                {name.lower() for name in conditions.get("genres", [])} <= {g.lower() for g in self.genres[movie_id]},
                movie["release_year"] >= conditions.get("yearFrom", -math.inf),
                movie["release_year"] <= conditions.get("yearTo", math.inf),
                _known(movie["vote_count"], -1) >= conditions.get("minVoteCount", -math.inf),
                _known(movie["vote_average"], -1) >= conditions.get("minVoteAverage", -math.inf),
                conditions.get("originalLanguage", movie["original_language"]).lower() == movie["original_language"],
                set(conditions.get("personIds", [])) <= self.people[movie_id],
                conditions.get("collectionId", movie["collection_id"]) == movie["collection_id"],
            ]
            return all(checks)

        return [movie_id for movie_id in self.movies if keeps(movie_id)]

    def genres_of(self, ids: list[int]) -> set[str]:
        return set().union(*(self.genres[movie_id] for movie_id in ids))

    def ordered(self, ids: list[int], key: str, descending: bool) -> list[int]:
        """Ids by a MovieOrder key (lowercase), unknown values last, ties by popularity then id."""

        def value(movie_id: int) -> Any:
            movie = self.movies[movie_id]
            if key == "title":
                return normalize(movie["title"]) if movie["title"] else None
            found = movie[key]
            unknown = found is None or (isinstance(found, float) and math.isnan(found))
            unknown = unknown or (key in ("revenue", "return") and found <= 0) or (key == "vote_count" and found < 0)
            return None if unknown else found

        def popularity(movie_id: int) -> float:
            found = self.movies[movie_id]["popularity"]
            return -math.inf if found is None or math.isnan(found) else found

        tie_order = sorted(ids, key=lambda movie_id: (-popularity(movie_id), movie_id))
        known = [movie_id for movie_id in tie_order if value(movie_id) is not None]
        unknown = [movie_id for movie_id in tie_order if value(movie_id) is None]
        return sorted(known, key=value, reverse=descending) + unknown


def _known(value: float | None, unknown: float) -> float:
    return unknown if value is None or math.isnan(value) else value

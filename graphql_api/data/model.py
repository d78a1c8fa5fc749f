"""The read model: every table as compact columns, plus the indexes and aggregates the API serves.

Built once at start-up from the processed tables; read-only afterwards, so requests never scan
a table: lookups are dictionary hits, array indexing and precomputed sums.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from graphql_api.data.columns import Categories, Groups, KeyIndex, StringColumn
from graphql_api.data.suggest import Suggester
from graphql_api.data.text import normalize

DIRECTOR_JOB = "Director"
SCORE_DECIMALS = 6  # recommendation scores are written rounded to this
# Columns the service does not read, left on disk to keep memory low.
UNUSED_COLUMNS = {
    "movies": {"source_line"},
    "cast": {"credit_id"},
    "crew": {"credit_id", "position"},
    "recommendations": {"rank"},  # rows are stored in rank order
}


@dataclass(frozen=True)
class Success:
    """Return on investment over a set of distinct films, per person."""

    film_count: np.ndarray  # int64 per person row
    total_return: np.ndarray  # float64 per person row
    films: Groups  # movie rows per person row, oldest first


class ReadModel:
    def __init__(self, manifest: dict[str, Any], tables: dict[str, pa.Table]) -> None:
        self.manifest = manifest
        self._load_movies(tables["movies"])
        self._load_entities(tables)
        self._load_people(tables["people"])
        self._load_credits(tables["cast"], tables["crew"])
        self._load_recommendations(tables["recommendations"])
        self._build_lookups()

    # Movies

    def _load_movies(self, movies: pa.Table) -> None:
        column = movies.column
        self.movie_ids = column("id").to_numpy()
        self.movie_count = len(self.movie_ids)
        self.titles: list[str | None] = column("title").to_pylist()
        self.overviews = StringColumn(column("overview"))
        self.taglines = StringColumn(column("tagline"))
        self.original_languages = Categories(column("original_language"))
        self.statuses = Categories(column("status"))
        self.release_dates: list[str] = column("release_date").to_pylist()
        self.release_years = column("release_year").to_numpy()
        self.budgets = column("budget").to_numpy()
        self.revenues = column("revenue").to_numpy()
        self.returns = column("return").to_numpy()
        self.popularity = _float_or_nan(column("popularity"))
        self.vote_averages = _float_or_nan(column("vote_average"))
        self.vote_counts = column("vote_count").fill_null(-1).to_numpy()
        self.runtimes = _float_or_nan(column("runtime"))
        self.collection_ids = column("collection_id").fill_null(-1).to_numpy()

        days = np.array(self.release_dates, dtype="datetime64[D]")
        self.release_day_numbers = days.astype(np.int64)  # days since 1970-01-01, for sorting
        months = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
        weekdays = (days.astype(np.int64) + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
        self.releases_per_month = np.bincount(months, minlength=13)
        self.releases_per_weekday = np.bincount(weekdays, minlength=7)

    def movie_row(self, movie_id: int) -> int | None:
        return _row_of(self.movie_ids, movie_id)

    # Genres, companies, countries, languages, collections

    def _load_entities(self, tables: dict[str, pa.Table]) -> None:
        self.collection_names: dict[int, str | None] = _name_map(tables["collections"])
        self.genre_names = _name_map(tables["genres"])
        self.company_names = _name_map(tables["companies"])
        self.country_names = _name_map(tables["countries"])
        self.language_names = _name_map(tables["languages"])
        self.movie_genres = self._links(tables["movie_genres"], "genre_id")
        self.movie_companies = self._links(tables["movie_companies"], "company_id")
        self.movie_countries = self._links(tables["movie_countries"], "country_code")
        self.movie_languages = self._links(tables["movie_languages"], "language_code")
        collection_rows = np.flatnonzero(self.collection_ids >= 0)
        self.collection_movies: dict[int, list[int]] = {}
        for row in collection_rows[np.argsort(self.release_day_numbers[collection_rows], kind="stable")]:
            self.collection_movies.setdefault(int(self.collection_ids[row]), []).append(int(row))

    def _links(self, table: pa.Table, key_column: str) -> tuple[Groups, list[Any]]:
        """Per film, codes of the entities it links to, in the source's order; and the entity keys."""
        movie_rows = np.searchsorted(self.movie_ids, table.column("movie_id").to_numpy())
        order = np.lexsort((table.column("position").to_numpy(), movie_rows))
        keys = Categories(table.column(key_column))
        return Groups(movie_rows, self.movie_count, order, values=keys.codes), keys.values

    def linked(self, links: tuple[Groups, list[Any]], movie_row: int) -> list[Any]:
        groups, keys = links
        return [keys[code] for code in groups.slice(movie_row)]

    # People

    def _load_people(self, people: pa.Table) -> None:
        self.person_ids = people.column("id").to_numpy()
        self.person_count = len(self.person_ids)
        self.person_names: list[str | None] = people.column("name").to_pylist()
        self.genders = people.column("gender").to_numpy()

    def person_row(self, person_id: int) -> int | None:
        return _row_of(self.person_ids, person_id)

    # Cast and crew

    def _load_credits(self, cast: pa.Table, crew: pa.Table) -> None:
        self.cast_movie_rows = np.searchsorted(self.movie_ids, cast.column("movie_id").to_numpy())
        self.cast_person_rows = np.searchsorted(self.person_ids, cast.column("person_id").to_numpy())
        self.cast_characters = StringColumn(cast.column("character"))
        self.cast_orders = cast.column("order").to_numpy()
        self.crew_movie_rows = np.searchsorted(self.movie_ids, crew.column("movie_id").to_numpy())
        self.crew_person_rows = np.searchsorted(self.person_ids, crew.column("person_id").to_numpy())
        self.crew_departments = Categories(crew.column("department"))
        self.crew_jobs = Categories(crew.column("job"))

        by_release = self._chronological
        # The ETL writes cast and crew sorted by film, in billing and source order.
        self.cast_by_movie = Groups.of_sorted(self.cast_movie_rows, self.movie_count)
        self.crew_by_movie = Groups.of_sorted(self.crew_movie_rows, self.movie_count)
        self.cast_by_person = Groups(self.cast_person_rows, self.person_count, by_release(self.cast_movie_rows))
        self.crew_by_person = Groups(self.crew_person_rows, self.person_count, by_release(self.crew_movie_rows))

        directing = self.crew_jobs.codes == self.crew_jobs.code_of(DIRECTOR_JOB)
        self.acting = self._success(self.cast_person_rows, self.cast_movie_rows)
        self.directing = self._success(self.crew_person_rows[directing], self.crew_movie_rows[directing])

    def _load_recommendations(self, table: pa.Table) -> None:
        movie_rows = np.searchsorted(self.movie_ids, table.column("movie_id").to_numpy())
        similar_rows = np.searchsorted(self.movie_ids, table.column("similar_id").to_numpy()).astype(np.int32)
        self.similar_scores = table.column("score").to_numpy().astype(np.float32)  # 6 decimals: float32 holds them
        # Positions into similar_rows / similar_scores, per film, most similar first (the table's order).
        self.similar_by_movie = Groups.of_sorted(movie_rows, self.movie_count)
        self.similar_rows = similar_rows

    def similar(self, movie_row: int, first: int) -> list[tuple[int, float]]:
        """(movie row, score) of a film's `first` most similar films."""
        return [
            (int(self.similar_rows[position]), round(float(self.similar_scores[position]), SCORE_DECIMALS))
            for position in self.similar_by_movie.slice(movie_row, 0, first)
        ]

    def _chronological(self, movie_rows: np.ndarray) -> np.ndarray:
        """Positions of credits ordered by their film's release date, then film id."""
        return np.lexsort((self.movie_ids[movie_rows], self.release_day_numbers[movie_rows]))

    def _success(self, person_rows: np.ndarray, movie_rows: np.ndarray) -> Success:
        pairs = np.unique(person_rows.astype(np.int64) * self.movie_count + movie_rows)
        people = pairs // self.movie_count
        films = pairs % self.movie_count
        return Success(
            film_count=np.bincount(people, minlength=self.person_count),
            total_return=np.bincount(people, weights=self.returns[films], minlength=self.person_count),
            films=Groups(people, self.person_count, self._chronological(films), values=films),
        )

    # Lookups by normalized title or name

    def _build_lookups(self) -> None:
        relevance = np.lexsort((self.movie_ids, -np.nan_to_num(self.popularity, nan=-1.0), -self.vote_counts))
        titles = self.titles
        self.titles_by_key = KeyIndex((normalize(titles[row]), row) for row in relevance.tolist() if titles[row])
        self.actors_by_key = self._names_index(self.acting)
        self.directors_by_key = self._names_index(self.directing)
        self.title_suggester = Suggester(
            {key: titles[row] or key for key, row in self.titles_by_key.first_rows().items()}
        )
        self.actor_suggester = self._name_suggester(self.actors_by_key)
        self.director_suggester = self._name_suggester(self.directors_by_key)

    def _name_suggester(self, index: KeyIndex) -> Suggester:
        return Suggester({key: self.person_names[row] or key for key, row in index.first_rows().items()})

    def _names_index(self, success: Success) -> KeyIndex:
        """Normalized name -> people with at least one film in the role, most films first."""
        people = np.flatnonzero(success.film_count > 0)
        ranked = people[np.lexsort((self.person_ids[people], -success.film_count[people]))]
        names = self.person_names
        return KeyIndex((normalize(names[row]), row) for row in ranked.tolist() if names[row])


def _row_of(sorted_ids: np.ndarray, key: int) -> int | None:
    row = int(np.searchsorted(sorted_ids, key))
    if row < len(sorted_ids) and sorted_ids[row] == key:
        return row
    return None


def _float_or_nan(column: pa.ChunkedArray) -> np.ndarray:
    return column.fill_null(float("nan")).to_numpy()


def _name_map(table: pa.Table) -> dict[Any, str | None]:
    key_column, name_column = table.column_names
    return dict(zip(table.column(key_column).to_pylist(), table.column(name_column).to_pylist(), strict=True))

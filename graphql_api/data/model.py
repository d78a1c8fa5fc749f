"""The read model: every table as compact columns, plus the indexes and aggregates the API serves.

The ETL computes all of it (etl/read_model.py); the service maps the arrays and wraps them here, so
starting builds nothing per row, and requests never scan a table: lookups are binary searches,
array indexing and precomputed sums.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np

from etl.contract import MOVIE_ORDERS
from graphql_api.data.arrays import MappedArrays
from graphql_api.data.columns import Dates, Entities, Groups, GroupsByKey, KeyIndex, Links
from graphql_api.data.suggest import Suggester
from graphql_api.data.words import WordIndex

SCORE_DECIMALS = 6  # recommendation scores are written rounded to this


@dataclass(frozen=True)
class Success:
    """Return on investment over a set of distinct films, per person."""

    film_count: np.ndarray  # int64 per person row
    total_return: np.ndarray  # float64 per person row
    films: Groups  # movie rows per person row, oldest first


class ReadModel:
    def __init__(self, manifest: dict[str, Any], arrays: MappedArrays) -> None:
        self.manifest = manifest
        self._load_movies(arrays)
        self._load_entities(arrays)
        self._load_people(arrays)
        self._load_credits(arrays)
        self._load_recommendations(arrays)
        self._load_lookups(arrays)
        self._load_discovery(arrays)

    # Movies

    def _load_movies(self, arrays: MappedArrays) -> None:
        self.movie_ids = arrays.array("movie.id")
        self.movie_count = len(self.movie_ids)
        self.titles = arrays.text("movie.title")
        self.overviews = arrays.text("movie.overview")
        self.taglines = arrays.text("movie.tagline")
        self.original_languages = arrays.categories("movie.original_language")
        self.statuses = arrays.categories("movie.status")
        self.release_dates = Dates(arrays.array("movie.release_date"))
        self.release_years = arrays.array("movie.release_year")
        self.budgets = arrays.array("movie.budget")
        self.revenues = arrays.array("movie.revenue")
        self.returns = arrays.array("movie.return")
        self.popularity = arrays.array("movie.popularity")  # NaN when unknown
        self.vote_averages = arrays.array("movie.vote_average")  # NaN when unknown
        self.vote_counts = arrays.array("movie.vote_count")  # -1 when unknown
        self.runtimes = arrays.array("movie.runtime")  # NaN when unknown
        self.collection_ids = arrays.array("movie.collection_id")  # -1 when none
        self.releases_per_month = arrays.array("releases.per_month")
        self.releases_per_weekday = arrays.array("releases.per_weekday")

    def movie_row(self, movie_id: int) -> int | None:
        return _row_of(self.movie_ids, movie_id)

    # Genres, companies, countries, languages, collections

    def _load_entities(self, arrays: MappedArrays) -> None:
        self.collection_names = Entities(arrays.items("collection.id"), arrays.text("collection.name"))
        self.genre_names = Entities(arrays.items("genre.id"), arrays.text("genre.name"))
        self.company_names = Entities(arrays.items("company.id"), arrays.text("company.name"))
        self.country_names = Entities(arrays.text("country.code"), arrays.text("country.name"))
        self.language_names = Entities(arrays.text("language.code"), arrays.text("language.name"))
        self.movie_genres = Links(arrays.groups("movie.genres"), self.genre_names)
        self.movie_companies = Links(arrays.groups("movie.companies"), self.company_names)
        self.movie_countries = Links(arrays.groups("movie.countries"), self.country_names)
        self.movie_languages = Links(arrays.groups("movie.languages"), self.language_names)
        self.collection_movies = GroupsByKey(arrays.groups("collection.movies"), self.collection_names)

    def linked(self, links: Links, movie_row: int) -> list[Any]:
        """The keys of the entities a film links to, in the source's order."""
        return links.keys(movie_row)

    # People

    def _load_people(self, arrays: MappedArrays) -> None:
        self.person_ids = arrays.array("person.id")
        self.person_count = len(self.person_ids)
        self.person_names = arrays.text("person.name")
        self.genders = arrays.array("person.gender")

    def person_row(self, person_id: int) -> int | None:
        return _row_of(self.person_ids, person_id)

    # Cast and crew

    def _load_credits(self, arrays: MappedArrays) -> None:
        self.cast_movie_rows = arrays.array("cast.movie")
        self.cast_person_rows = arrays.array("cast.person")
        self.cast_characters = arrays.text("cast.character")
        self.cast_orders = arrays.array("cast.order")
        self.crew_movie_rows = arrays.array("crew.movie")
        self.crew_person_rows = arrays.array("crew.person")
        self.crew_departments = arrays.categories("crew.department")
        self.crew_jobs = arrays.categories("crew.job")
        self.cast_by_movie = arrays.runs("movie.cast.offsets")  # billing order
        self.crew_by_movie = arrays.runs("movie.crew.offsets")  # source order
        self.cast_by_person = arrays.groups("person.cast")  # by release date, then film id
        self.crew_by_person = arrays.groups("person.crew")
        self.acting = _success(arrays, "acting")
        self.directing = _success(arrays, "directing")

    def _load_recommendations(self, arrays: MappedArrays) -> None:
        # Positions into similar_rows / similar_scores, per film, most similar first.
        self.similar_by_movie = arrays.runs("movie.similar.offsets")
        self.similar_offsets = arrays.array("movie.similar.offsets")
        self.similar_rows = arrays.array("similar.movie")
        self.similar_scores = arrays.array("similar.score")
        self._similar_row_items = arrays.items("similar.movie")  # read a few at a time: plain Python values
        self._similar_score_items = arrays.items("similar.score")

    def similar(self, movie_row: int, first: int) -> list[tuple[int, float]]:
        """(movie row, score) of a film's `first` most similar films."""
        low, high = self.similar_by_movie.bounds(movie_row, 0, first)
        scores = [round(score, SCORE_DECIMALS) for score in self._similar_score_items[low:high].tolist()]
        return list(zip(self._similar_row_items[low:high].tolist(), scores, strict=True))

    # Lookups by normalized title or name

    def _load_lookups(self, arrays: MappedArrays) -> None:
        self.titles_by_key = arrays.lookup("title_lookup")
        self.actors_by_key = arrays.lookup("actor_lookup")
        self.directors_by_key = arrays.lookup("director_lookup")
        self.title_suggester = self._suggester(self.titles_by_key, self.titles)
        self.actor_suggester = self._suggester(self.actors_by_key, self.person_names)
        self.director_suggester = self._suggester(self.directors_by_key, self.person_names)

    def _suggester(self, index: KeyIndex, names: Any) -> Suggester:
        """Suggests keys, each shown as the title or name of its most relevant row."""
        return Suggester(index.keys, lambda position: names[index.first_row(position)] or index.keys[position] or "")

    # Discovery: search by words, listing orders, films by genre

    def _load_discovery(self, arrays: MappedArrays) -> None:
        self.title_words = _word_index(arrays, "title_words")
        self.name_words = _word_index(arrays, "name_words")
        # Film rows listed by a key of MOVIE_ORDERS, "asc" or "desc"; unknown values last either way.
        self.movie_orders = {
            (key, way): arrays.array(f"movie.order.{key}.{way}") for key in MOVIE_ORDERS for way in ("asc", "desc")
        }
        self.popularity_ranks = arrays.array("movie.popularity_rank")  # 0 for the most popular film
        self.original_language_codes = arrays.array("movie.original_language.codes")
        self.genre_movie_offsets = arrays.array("genre.movies.offsets")  # by genre row, as genre_names
        self.genre_movie_rows = arrays.array("genre.movies.items")
        self.movie_genre_offsets = arrays.array("movie.genres.offsets")
        self.movie_genre_rows = arrays.array("movie.genres.items")  # genre rows, film by film
        self.person_cast_offsets = arrays.array("person.cast.offsets")
        self.person_crew_offsets = arrays.array("person.crew.offsets")


def _word_index(arrays: MappedArrays, name: str) -> WordIndex:
    return WordIndex(
        arrays.text(f"{name}.words"),
        arrays.array(f"{name}.rows.offsets"),
        arrays.array(f"{name}.rows.items"),
        arrays.array(f"{name}.counts"),
    )


def _success(arrays: MappedArrays, role: str) -> Success:
    return Success(
        film_count=arrays.array(f"{role}.film_count"),
        total_return=arrays.array(f"{role}.total_return"),
        films=arrays.groups(f"{role}.films"),
    )


def _row_of(sorted_ids: np.ndarray, key: int) -> int | None:
    row = int(np.searchsorted(sorted_ids, key))
    if row < len(sorted_ids) and sorted_ids[row] == key:
        return row
    return None

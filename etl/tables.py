"""The processed tables: names, columns and types. This is the contract between the ETL and the API.

Bump SCHEMA_VERSION (in etl/contract.py) whenever a table, a column or a column's meaning changes;
the service refuses to load tables written with another version.
"""

import pyarrow as pa

from etl.contract import SCHEMA_VERSION as SCHEMA_VERSION  # the version of these tables too

MOVIES_COLUMNS = (
    "adult", "belongs_to_collection", "budget", "genres", "homepage", "id", "imdb_id",
    "original_language", "original_title", "overview", "popularity", "poster_path",
    "production_companies", "production_countries", "release_date", "revenue", "runtime",
    "spoken_languages", "status", "tagline", "title", "video", "vote_average", "vote_count",
)  # fmt: skip
CREDITS_COLUMNS = ("cast", "crew", "id")

TABLES: dict[str, pa.Schema] = {
    # One row per film id. release_date is ISO YYYY-MM-DD; budget and revenue are US dollars, 0 when
    # the source had none; return = revenue / budget, 0 when budget is 0.
    "movies": pa.schema(
        [
            pa.field("id", pa.int64(), nullable=False),
            pa.field("title", pa.string()),
            pa.field("overview", pa.string()),
            pa.field("tagline", pa.string()),
            pa.field("original_language", pa.string()),
            pa.field("status", pa.string()),
            pa.field("release_date", pa.string(), nullable=False),
            pa.field("release_year", pa.int32(), nullable=False),
            pa.field("budget", pa.int64(), nullable=False),
            pa.field("revenue", pa.int64(), nullable=False),
            pa.field("return", pa.float64(), nullable=False),
            pa.field("popularity", pa.float64()),
            pa.field("vote_average", pa.float64()),
            pa.field("vote_count", pa.int64()),
            pa.field("runtime", pa.float64()),
            pa.field("collection_id", pa.int64()),
            pa.field("source_line", pa.int64(), nullable=False),
        ]
    ),
    "collections": pa.schema(
        [
            pa.field("id", pa.int64(), nullable=False),
            pa.field("name", pa.string()),
        ]
    ),
    "genres": pa.schema(
        [
            pa.field("id", pa.int64(), nullable=False),
            pa.field("name", pa.string()),
        ]
    ),
    "movie_genres": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("genre_id", pa.int64(), nullable=False),
            pa.field("position", pa.int32(), nullable=False),
        ]
    ),
    "companies": pa.schema(
        [
            pa.field("id", pa.int64(), nullable=False),
            pa.field("name", pa.string()),
        ]
    ),
    "movie_companies": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("company_id", pa.int64(), nullable=False),
            pa.field("position", pa.int32(), nullable=False),
        ]
    ),
    "countries": pa.schema(
        [
            pa.field("code", pa.string(), nullable=False),
            pa.field("name", pa.string()),
        ]
    ),
    "movie_countries": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("country_code", pa.string(), nullable=False),
            pa.field("position", pa.int32(), nullable=False),
        ]
    ),
    "languages": pa.schema(
        [
            pa.field("code", pa.string(), nullable=False),
            pa.field("name", pa.string()),
        ]
    ),
    "movie_languages": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("language_code", pa.string(), nullable=False),
            pa.field("position", pa.int32(), nullable=False),
        ]
    ),
    # gender follows TMDB: 0 unknown, 1 female, 2 male.
    "people": pa.schema(
        [
            pa.field("id", pa.int64(), nullable=False),
            pa.field("name", pa.string()),
            pa.field("gender", pa.int8(), nullable=False),
        ]
    ),
    # order is the billing order (0 = top billed).
    "cast": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("person_id", pa.int64(), nullable=False),
            pa.field("character", pa.string()),
            pa.field("order", pa.int32(), nullable=False),
            pa.field("credit_id", pa.string()),
        ]
    ),
    # For each film, its most similar films: rank 0 is the most similar; score in [0, 1] (etl.recommend).
    "recommendations": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("rank", pa.int32(), nullable=False),
            pa.field("similar_id", pa.int64(), nullable=False),
            pa.field("score", pa.float64(), nullable=False),
        ]
    ),
    # position is the entry's index in the source crew list.
    "crew": pa.schema(
        [
            pa.field("movie_id", pa.int64(), nullable=False),
            pa.field("person_id", pa.int64(), nullable=False),
            pa.field("department", pa.string()),
            pa.field("job", pa.string()),
            pa.field("position", pa.int32(), nullable=False),
            pa.field("credit_id", pa.string()),
        ]
    ),
}

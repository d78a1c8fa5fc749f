"""How many of each thing to generate for a given number of movie rows.

Counts follow the full Kaggle dataset (45,466 movie rows) and scale with the number of movies.
"""

import math
from dataclasses import dataclass

from etl.generate.randomness import scaled

FULL_SCALE_MOVIES = 45466
DEMO_MOVIES = 3000
DEFAULT_SEED = 42

# Quirks that only make sense in a file of at least this many rows.
QUIRKS_MIN_MOVIES = 100


@dataclass(frozen=True)
class Scale:
    movie_rows: int  # rows of movies_dataset.csv (duplicates included)
    duplicate_movie_rows: int  # rows repeating an id already in the file
    cr_split_rows: int  # rows with a bare carriage return in an unquoted overview
    newline_overviews: int  # quoted overviews with a newline inside
    null_dates: int
    people: int
    directors: int
    companies: int
    collections: int
    remake_groups: int  # titles shared by several unrelated films
    top_remake_size: int  # films sharing the most common title
    duplicate_credit_rows: int
    orphan_credit_rows: int  # credits rows whose id has no movie
    vote_threshold_rows: int  # films with exactly 1999, 2000 and 2001 votes (each)
    max_movie_id: int
    max_person_id: int

    @property
    def distinct_movies(self) -> int:
        return self.movie_rows - self.duplicate_movie_rows

    @classmethod
    def for_movies(cls, movies: int) -> "Scale":
        if movies < 0:
            raise ValueError(f"the number of movies must be >= 0, not {movies}")
        quirks = movies >= QUIRKS_MIN_MOVIES
        return cls(
            movie_rows=movies,
            duplicate_movie_rows=max(2, scaled(30, movies)) if quirks else 0,
            cr_split_rows=3 if quirks else 0,
            newline_overviews=max(2, scaled(30, movies)) if quirks else 0,
            null_dates=max(2, scaled(87, movies)) if quirks else 0,
            people=max(400, scaled(250_000, movies)),
            directors=max(60, scaled(17_000, movies)),
            companies=max(60, scaled(23_000, movies)),
            collections=max(2, scaled(1_695, movies)),
            remake_groups=max(1, scaled(2_300, movies)),
            top_remake_size=max(2, round(11 * math.sqrt(movies / FULL_SCALE_MOVIES))),
            duplicate_credit_rows=max(2, scaled(37, movies)) if quirks else 0,
            orphan_credit_rows=max(2, scaled(10, movies)) if quirks else 0,
            vote_threshold_rows=max(1, scaled(3, movies)) if quirks else 0,
            max_movie_id=max(2_000, scaled(470_000, movies)),
            max_person_id=max(5_000, scaled(1_900_000, movies)),
        )

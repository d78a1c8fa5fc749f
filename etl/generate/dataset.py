"""generate(): write a synthetic movies_dataset.csv and credits.csv into a directory."""

import random
from dataclasses import dataclass
from pathlib import Path

from etl.contract import CREDITS_FILE, MOVIES_FILE
from etl.generate.credits import FilmCredits, credit_rows
from etl.generate.movies import COLUMN_INDEX, MovieFactory, lay_out
from etl.generate.names import NameForge
from etl.generate.people import build_people
from etl.generate.randomness import derive
from etl.generate.scale import DEFAULT_SEED, Scale
from etl.generate.text import Prose
from etl.generate.writer import write_csv
from etl.tables import CREDITS_COLUMNS, MOVIES_COLUMNS


@dataclass(frozen=True)
class GeneratedFiles:
    movies_path: Path
    credits_path: Path
    movie_rows: int
    credit_rows: int
    movies_bytes: int
    credits_bytes: int


def generate(out_dir: Path, movies: int, seed: int = DEFAULT_SEED) -> GeneratedFiles:
    """Write `out_dir/movies_dataset.csv` (`movies` rows) and `out_dir/credits.csv`.

    The same (movies, seed) always gives byte-identical files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    scale = Scale.for_movies(movies)
    master = random.Random(seed)
    # One independent stream per part, so a change in one part does not reshuffle the others.
    forge = NameForge(derive(master))
    people_rng, movies_rng, layout_rng, credits_rng = (derive(master) for _ in range(4))
    prose = Prose(derive(master), forge)

    factory = MovieFactory(movies_rng, forge, prose, scale)
    movie_file = lay_out(layout_rng, factory.build(scale.distinct_movies), scale, prose, forge)
    overview = COLUMN_INDEX["overview"]
    movies_written = write_csv(
        out_dir / MOVIES_FILE,
        MOVIES_COLUMNS,
        (movie.cells for movie in movie_file.rows),
        unquoted={row: (overview, text) for row, text in movie_file.cr_overviews.items()},
    )

    people = build_people(people_rng, forge, scale)
    films = [FilmCredits(movie.id, movie.vote_count) for movie in movie_file.distinct]
    credits_written = write_csv(
        out_dir / CREDITS_FILE, CREDITS_COLUMNS, credit_rows(credits_rng, people, forge, films, scale)
    )
    return GeneratedFiles(
        movies_path=movies_written.path,
        credits_path=credits_written.path,
        movie_rows=movies_written.rows,
        credit_rows=credits_written.rows,
        movies_bytes=movies_written.bytes,
        credits_bytes=credits_written.bytes,
    )

"""A small hand-made data set whose every figure the API tests can check by hand."""

from pathlib import Path

from etl.pipeline import run
from tests.rawfiles import cast_entry, credits_row, crew_entry, movie, write_credits, write_movies

HANKS = 31
OTHER_HANKS = 999
LASSETER = 7879

MOVIES = [
    # Monday 1995-10-30
    movie(id=862, title="Toy Story", release_date="1995-10-30", budget=30000000, revenue=373554033,
          popularity="21.946943", vote_count=5415, vote_average=7.7,
          belongs_to_collection="{'id': 10194, 'name': 'Toy Story Collection', 'poster_path': None, "
          "'backdrop_path': None}"),
    # Saturday 1950-03-04, January... three films share a title, around the 2000-vote threshold.
    movie(id=11224, title="Cinderella", release_date="1950-03-04", budget=2900000, revenue=263591415,
          popularity="14.4", vote_count=1999, vote_average=6.8),
    movie(id=150689, title="Cinderella", release_date="2015-03-06", budget=95000000, revenue=543514353,
          popularity="19.0", vote_count=2000, vote_average=6.7),
    movie(id=42884, title="Cinderella", release_date="1997-11-02", budget=0, revenue=0,
          popularity="5.0", vote_count=2001, vote_average=6.1),
    # Wednesday 2001-04-25; accents in the title.
    movie(id=194, title="Amélie", release_date="2001-04-25", budget=10000000, revenue=33225499,
          popularity="12.5", vote_count=3403, vote_average=7.8),
    # Saturday 1999-01-02: January. Budget unknown: return 0.
    movie(id=603, title="The   Matrix", release_date="1999-01-02", budget="", revenue=463517383,
          popularity="33.3", vote_count=9079, vote_average=7.9),
    # Sunday 1998-11-29 (A Bug's Life is really 1998-11-25; this date is the test's).
    movie(id=9487, title="A Bug's Life", release_date="1998-11-29", budget=120000000, revenue=363258859,
          popularity="10.0", vote_count=2001, vote_average=6.8,
          belongs_to_collection=""),
]  # fmt: skip

CREDITS = [
    credits_row(862, [cast_entry(HANKS, "Tom Hanks", 0, "Woody (voice)")],
                [crew_entry(LASSETER, "John Lasseter", "Director"),
                 crew_entry(LASSETER, "John Lasseter", "Screenplay", "Writing"),
                 crew_entry(12, "Ann Other", "Assistant Director")]),
    credits_row(42884, [cast_entry(5, "Brandy", 0), cast_entry(HANKS, "Tom Hanks", 3, "Narrator")],
                [crew_entry(LASSETER, "John Lasseter", "Director of Photography", "Camera")]),
    credits_row(150689, [cast_entry(HANKS, "Tom Hanks", 0, "King"), cast_entry(HANKS, "Tom Hanks", 1, "Ghost")],
                []),
    credits_row(194, [cast_entry(OTHER_HANKS, "Tom  HANKS", 0, "Passer-by"),
                      cast_entry(LASSETER, "John Lasseter", 1, "Cameo")],
                [crew_entry(77, "Jean-Pierre Jeunet", "Director")]),
    credits_row(9487, [cast_entry(50, "Dave Foley", 0, "Flik (voice)")],
                [crew_entry(LASSETER, "John Lasseter", "Director"),
                 crew_entry(LASSETER, "John Lasseter", "Director"),
                 crew_entry(60, "John Lasseter Jr.", "Director")]),
]  # fmt: skip


def build(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    out = directory / "processed"
    run(write_movies(directory / "movies.csv", MOVIES), write_credits(directory / "credits.csv", CREDITS), out)
    return out

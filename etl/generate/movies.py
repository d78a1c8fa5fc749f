"""Rows of movies_dataset.csv, with the quirks of the real file.

Each movie is a list of the 24 cell texts, already formatted like the real file (nested cells are
`repr()` of lists/dicts with the real key order). The layout step then adds duplicate ids, the three
rows whose overview hides a bare carriage return, and a few overviews with line breaks.
"""

import datetime
import math
import random
from dataclasses import dataclass, field

from etl.generate import vocabulary
from etl.generate.names import NameForge, slug
from etl.generate.randomness import Picker, image_path, zipf_weights
from etl.generate.scale import Scale
from etl.generate.text import Prose
from etl.tables import MOVIES_COLUMNS

COLUMN_INDEX = {name: index for index, name in enumerate(MOVIES_COLUMNS)}

# Where the three carriage-return rows sit, as fractions of the file (as in the real file).
CR_SPLIT_POSITIONS: tuple[float, ...] = (0.43, 0.65, 0.78)
# Budgets and revenues typed in millions (or by mistake): tiny amounts with huge returns.
TINY_AMOUNTS: tuple[int, ...] = (
    1, 1, 2, 4, 5, 5, 6, 7, 8, 10, 10, 12, 15, 20, 30, 50, 93, 100, 100, 120, 250, 500,
)  # fmt: skip
FIRST_YEAR, LAST_YEAR = 1900, 2017
UNRELEASED = ("Post Production", "In Production", "Planned")


@dataclass
class GeneratedMovie:
    cells: list[str]
    vote_count: int

    @property
    def id(self) -> int:
        return int(self.cells[COLUMN_INDEX["id"]])


@dataclass
class MovieFile:
    """The movie rows in file order, and which of them need writing by hand."""

    rows: list[GeneratedMovie]
    distinct: list[GeneratedMovie]  # first occurrence of each id, in file order
    cr_overviews: dict[int, str] = field(default_factory=dict)  # row index -> overview with "\r"


def _year_weight(year: int) -> float:
    weight = math.exp((min(year, 2014) - 2014) / 32)
    if year < 1915:
        weight *= 0.5
    return weight * {2015: 0.95, 2016: 0.85, 2017: 0.4}.get(year, 1.0)


def _nested(items: list[dict[str, object]]) -> str:
    return repr(items)


class MovieFactory:
    def __init__(self, rng: random.Random, forge: NameForge, prose: Prose, scale: Scale) -> None:
        self.rng = rng
        self.forge = forge
        self.prose = prose
        self.scale = scale
        years = range(FIRST_YEAR, LAST_YEAR + 1)
        self._year = Picker(list(years), [_year_weight(year) for year in years])
        self._language = Picker.from_pairs(vocabulary.ORIGINAL_LANGUAGES)
        self._status = Picker.from_pairs(vocabulary.STATUSES)
        self._genre = Picker([(gid, name) for gid, name, _ in vocabulary.GENRES], [w for _, _, w in vocabulary.GENRES])
        self._genre_count = Picker.from_pairs(vocabulary.GENRE_COUNTS)
        self._countries = {lang: Picker.from_pairs(pairs) for lang, pairs in vocabulary.LANGUAGE_COUNTRIES}
        self._coproduction = Picker.from_pairs(vocabulary.COPRODUCTION_COUNTRIES)
        self._extra_language = Picker.from_pairs(vocabulary.EXTRA_SPOKEN_LANGUAGES)
        self._country_name = dict(vocabulary.COUNTRY_NAMES)
        self._language_name = dict(vocabulary.LANGUAGE_NAMES)
        self._tiny = TINY_AMOUNTS
        # Production companies: a heavy-tailed pool of invented studios.
        names: list[str] = []
        taken: set[str] = set()  # membership only
        while len(names) < scale.companies:
            name = forge.company()
            if name not in taken:
                taken.add(name)
                names.append(name)
        company_ids = rng.sample(range(1, max(1000, scale.companies * 4)), scale.companies)
        self._company = Picker(list(zip(names, company_ids, strict=True)), zipf_weights(scale.companies, 8, 1.0))

    # -- single fields -------------------------------------------------------------------------

    def release_date(self, status: str) -> str:
        rng = self.rng
        year = rng.randint(2017, 2020) if status in UNRELEASED else self._year.pick(rng)
        if rng.random() < 0.03:
            return f"{year}-01-01"
        start = datetime.date(year, 1, 1).toordinal()
        end = datetime.date(year, 12, 31).toordinal()
        return datetime.date.fromordinal(rng.randint(start, end)).isoformat()

    def vote_count(self, status: str) -> int:
        rng = self.rng
        if status not in ("Released", ""):
            return 0 if rng.random() < 0.7 else rng.randint(1, 12)
        roll = rng.random()
        if roll < 0.064:
            return 0
        if roll < 0.076:
            return int(math.exp(rng.uniform(math.log(2002), math.log(14075))))
        return min(1990, 1 + int(rng.lognormvariate(2.35, 1.6)))

    def vote_average(self, votes: int) -> str:
        if votes == 0:
            return "0.0"
        spread = 0.75 + 2.4 / math.sqrt(votes)
        value = self.rng.gauss(5.9 + 0.12 * math.log1p(votes) / 3, spread)
        return f"{min(10.0, max(0.0, round(value, 1))):.1f}"

    def popularity(self, votes: int) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.002:
            value = math.exp(rng.gauss(-9.5, 0.8))
        else:
            value = math.exp(0.55 * math.log1p(votes) - 1.25 + rng.gauss(0, 0.8))
            if votes > 1000 and roll > 0.985:
                value *= rng.uniform(2, 6)
        return repr(max(1e-6, round(value, 6)))

    def money(self, votes: int) -> tuple[int, int]:
        """(budget, revenue); 0 means unknown, as in the real file."""
        rng = self.rng
        if votes < 10:
            p_budget, p_revenue = 0.05, 0.02
        elif votes < 100:
            p_budget, p_revenue = 0.22, 0.08
        elif votes < 1000:
            p_budget, p_revenue = 0.62, 0.35
        else:
            p_budget, p_revenue = 0.9, 0.8
        budget = revenue = 0
        if rng.random() < p_budget:
            if rng.random() < 0.012:
                budget = rng.choice(self._tiny)
                revenue = int(math.exp(rng.gauss(15.5, 1.3)))
                return budget, revenue
            raw = math.exp(rng.gauss(15.6 + 0.25 * math.log1p(votes), 1.2))
            step = 500_000 if raw > 5e6 and rng.random() < 0.6 else (100_000 if raw > 1e6 else 1_000)
            budget = max(step, round(raw / step) * step)
            if rng.random() < 0.55 + 0.4 * (votes >= 1000):
                revenue = int(budget * math.exp(rng.gauss(0.55, 1.1)))
        elif rng.random() < p_revenue:
            revenue = int(math.exp(rng.gauss(15.0, 2.0)))
        if revenue and rng.random() < 0.01:
            revenue = rng.choice(self._tiny)
        return budget, revenue

    def runtime(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.006:
            return ""
        if roll < 0.04:
            return "0.0"
        if roll < 0.12:
            return f"{rng.randint(1, 45)}.0"
        if roll < 0.125:
            return f"{rng.randint(181, 1256)}.0"
        return f"{max(46, min(240, round(rng.gauss(98, 17))))}.0"

    def genres(self) -> str:
        picks = self._genre.pick_distinct(self.rng, self._genre_count.pick(self.rng))
        return _nested([{"id": gid, "name": name} for gid, name in picks])

    def companies(self) -> str:
        rng = self.rng
        roll = rng.random()
        count = 0 if roll < 0.26 else (1 if roll < 0.58 else 2 + int(rng.expovariate(0.7)))
        picks = self._company.pick_distinct(rng, min(count, 25))
        return _nested([{"name": name, "id": cid} for name, cid in picks])

    def countries(self, language: str) -> str:
        rng = self.rng
        if rng.random() < 0.14:
            return "[]"
        codes = [self._countries[language].pick(rng)]
        for chance in (0.2, 0.07, 0.025, 0.01):
            if rng.random() < chance:
                code = self._coproduction.pick(rng)
                if code not in codes:
                    codes.append(code)
        return _nested([{"iso_3166_1": code, "name": self._country_name[code]} for code in codes])

    def spoken_languages(self, language: str) -> str:
        rng = self.rng
        if rng.random() < 0.085:
            return "[]"
        codes = [language]
        for chance in (0.22, 0.09, 0.04, 0.015):
            if rng.random() < chance:
                code = self._extra_language.pick(rng)
                if code not in codes:
                    codes.append(code)
        return _nested([{"iso_639_1": code, "name": self._language_name[code]} for code in codes])

    def homepage(self, title: str, year: int) -> str:
        rng = self.rng
        if rng.random() >= (0.3 if year >= 2000 else 0.05):
            return ""
        name = slug(title)[:30] or slug(self.forge.word())
        studio = slug(self.forge.word())
        return rng.choice(vocabulary.HOMEPAGE_PATTERNS).format(slug=name, studio=studio)

    # -- whole films ---------------------------------------------------------------------------

    def titles(self, count: int) -> tuple[list[str], list[str]]:
        """(title, collection cell) per film: series share a collection, remakes share a title."""
        rng = self.rng
        scale = self.scale
        forge = self.forge
        titles: list[str | None] = [None] * count
        collections = [""] * count
        order = list(range(count))
        rng.shuffle(order)
        cursor = 0
        sizes = Picker.from_pairs(
            ((1, 22), (2, 38), (3, 17), (4, 9), (5, 5), (6, 3), (7, 2), (8, 1.5), (9, 1), (10, 0.7),
             (12, 0.5), (15, 0.3), (20, 0.1), (26, 0.05))
        )  # fmt: skip
        collection_ids = rng.sample(range(10, max(1000, scale.max_movie_id)), scale.collections)
        for collection_id in collection_ids:
            size = sizes.pick(rng)
            if cursor + size > count * 0.4:
                break
            base = forge.title()
            cell = repr(
                {
                    "id": collection_id,
                    "name": f"{base} Collection",
                    "poster_path": None if rng.random() < 0.04 else image_path(rng),
                    "backdrop_path": None if rng.random() < 0.15 else image_path(rng),
                }
            )
            for part in range(size):
                film = order[cursor]
                cursor += 1
                collections[film] = cell
                if part == 0:
                    titles[film] = base
                    continue
                for _ in range(5):
                    candidate = forge.sequel_title(base, part + 1)
                    if forge.claim_title(candidate):
                        titles[film] = candidate
                        break
                else:
                    titles[film] = forge.title()
        # Remakes: unrelated films sharing one title; the first group is the biggest.
        for group in range(scale.remake_groups):
            if group == 0:
                size = scale.top_remake_size
            else:
                roll = rng.random()
                size = 2 if roll < 0.78 else (3 if roll < 0.93 else (4 if roll < 0.98 else rng.randint(5, 8)))
            if cursor + size > count * 0.65:
                break
            title = forge.title()
            for _ in range(size):
                titles[order[cursor]] = title
                cursor += 1
        final = [title if title is not None else forge.title() for title in titles]
        return final, collections

    def build(self, count: int) -> list[GeneratedMovie]:
        rng = self.rng
        scale = self.scale
        ids = rng.sample(range(2, scale.max_movie_id), count)
        imdb = rng.sample(range(1, 8_000_000), count)
        titles, collections = self.titles(count)
        null_dates = set(rng.sample(range(count), min(count, scale.null_dates)))
        threshold_films = rng.sample(range(count), min(count, 3 * scale.vote_threshold_rows))
        forced_votes = {film: 1999 + i % 3 for i, film in enumerate(threshold_films)}
        movies: list[GeneratedMovie] = []
        for index in range(count):
            language = self._language.pick(rng)
            status = self._status.pick(rng)
            if index in forced_votes:
                status = "Released"
            date = "" if index in null_dates else self.release_date(status)
            year = int(date[:4]) if date else 2000
            votes = forced_votes.get(index) or self.vote_count(status)
            budget, revenue = self.money(votes)
            title = titles[index]
            original = title
            if language != "en" and rng.random() < 0.85:
                original = self.forge.original_title(language, title)
            overview = "" if rng.random() < 0.02 else self.prose.overview()
            tagline = self.prose.tagline() if rng.random() < 0.45 else ""
            cells = [
                "True" if rng.random() < 0.0002 else "False",
                collections[index],
                str(budget),
                self.genres(),
                self.homepage(title, year),
                str(ids[index]),
                f"tt{imdb[index]:07d}",
                language,
                original,
                overview,
                self.popularity(votes),
                "" if rng.random() < 0.0085 else image_path(rng),
                self.companies(),
                self.countries(language),
                date,
                str(revenue),
                self.runtime(),
                self.spoken_languages(language),
                status,
                tagline,
                title,
                "True" if rng.random() < 0.002 else "False",
                self.vote_average(votes),
                str(votes),
            ]
            movies.append(GeneratedMovie(cells, votes))
        self._order_collections(movies)
        return movies

    def _order_collections(self, movies: list[GeneratedMovie]) -> None:
        """Give the films of a collection dates in the order of their parts."""
        by_collection: dict[str, list[GeneratedMovie]] = {}
        for movie in movies:
            cell = movie.cells[COLUMN_INDEX["belongs_to_collection"]]
            if cell and movie.cells[COLUMN_INDEX["release_date"]]:
                by_collection.setdefault(cell, []).append(movie)
        for members in by_collection.values():  # insertion order: deterministic
            dates = sorted(member.cells[COLUMN_INDEX["release_date"]] for member in members)
            for member, date in zip(members, dates, strict=True):
                member.cells[COLUMN_INDEX["release_date"]] = date


def _tweak_duplicate(rng: random.Random, source: GeneratedMovie) -> GeneratedMovie:
    """A later copy of a row: exact, or with another popularity and/or vote count."""
    cells = list(source.cells)
    roll = rng.random()
    if roll >= 0.55:
        if roll < 0.9:
            cells[COLUMN_INDEX["popularity"]] = repr(
                round(float(cells[COLUMN_INDEX["popularity"]]) * rng.uniform(0.5, 1.5) + 1e-6, 6)
            )
        if roll >= 0.8:
            cells[COLUMN_INDEX["vote_count"]] = str(int(cells[COLUMN_INDEX["vote_count"]]) + rng.randint(1, 5))
    return GeneratedMovie(cells, source.vote_count)


def lay_out(
    rng: random.Random, movies: list[GeneratedMovie], scale: Scale, prose: Prose, forge: NameForge
) -> MovieFile:
    """Place duplicate rows, the carriage-return rows and the multi-line overviews."""
    count = len(movies)
    rows = list(movies)
    # Carriage-return rows: picked among films with a date and a poster, near their positions.
    cr_rows: list[int] = []
    for fraction in CR_SPLIT_POSITIONS[: scale.cr_split_rows]:
        at = int(count * fraction)
        while at < count - 1 and (
            at in cr_rows
            or not rows[at].cells[COLUMN_INDEX["release_date"]]
            or not rows[at].cells[COLUMN_INDEX["poster_path"]]
        ):
            at += 1
        cr_rows.append(at)
    # Multi-line overviews (quoted, so harmless to a CSV reader).
    candidates = [i for i in range(count) if i not in cr_rows]
    for index in rng.sample(candidates, min(len(candidates), scale.newline_overviews)):
        cells = rows[index].cells
        if rng.random() < 0.5:
            cells[COLUMN_INDEX["overview"]] = f"{prose.overview()}\n - Written by {forge.plain_name()}"
        else:
            cells[COLUMN_INDEX["overview"]] = "\n ".join(prose.overview() for _ in range(rng.randint(2, 3)))
    # Duplicates: later copies of some rows (never of a carriage-return row).
    cr_movies = [rows[i] for i in cr_rows]
    for source in sorted(rng.sample(candidates, min(len(candidates), scale.duplicate_movie_rows)), reverse=True):
        rows.insert(rng.randint(source + 1, len(rows)), _tweak_duplicate(rng, rows[source]))
    # The insertions moved the carriage-return rows; find them again.
    cr_overviews: dict[int, str] = {}
    for number, target in enumerate(cr_movies):
        first = prose.plain_sentence()
        tail = f" - Written by {forge.plain_name()}" if number == 0 else " " + prose.plain_sentence()
        text = f"{first}\r{tail}"
        target.cells[COLUMN_INDEX["overview"]] = text
        cr_overviews[next(i for i, movie in enumerate(rows) if movie is target)] = text
    seen: set[int] = set()
    distinct = []
    for movie in rows:
        if movie.id not in seen:
            seen.add(movie.id)
            distinct.append(movie)
    return MovieFile(rows=rows, distinct=distinct, cr_overviews=cr_overviews)

"""Rows of credits.csv: one per movie, in movie order, plus exact duplicates and orphan ids.

Cast and crew cells are `repr()` of lists of dicts, keys in the real order. Cast and crew sizes
are heavy-tailed and grow with the film's vote count; most films have exactly one Director.
"""

import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from etl.generate import vocabulary
from etl.generate.names import NameForge
from etl.generate.people import People
from etl.generate.randomness import Picker, credit_id, heavy_count
from etl.generate.scale import Scale

CreditRow = tuple[str, str, str]  # cast, crew, id

EMPTY_CAST_RATE = 0.053
EMPTY_CREW_RATE = 0.017
DIRECTOR_COUNTS: tuple[tuple[int, float], ...] = ((1, 0.885), (0, 0.04), (2, 0.065), (3, 0.01))
DIRECTOR_ACTS_RATE = 0.08
DIRECTOR_WRITES_RATE = 0.3
TWO_CHARACTERS_RATE = 0.03
TWO_JOBS_RATE = 0.12
EMPTY_CHARACTER_RATE = 0.006


@dataclass(frozen=True)
class FilmCredits:
    """What the credits of one movie depend on."""

    movie_id: int
    vote_count: int


@dataclass(frozen=True)
class Extra:
    """A person (or an awkward character) put into a given film on purpose."""

    kind: str  # "cast", "crew", "quoted_character", "tabbed_character"
    person: int = -1


class CreditsFactory:
    def __init__(self, rng: random.Random, people: People, forge: NameForge) -> None:
        self.rng = rng
        self.people = people
        self.forge = forge
        self._jobs = Picker([(d, j) for d, j, _ in vocabulary.CREW_JOBS], [w for _, _, w in vocabulary.CREW_JOBS])
        self._director_count = Picker.from_pairs(DIRECTOR_COUNTS)

    # -- entries -----------------------------------------------------------------------------

    def _cast_entry(self, person: int, character: str, cast_id: int, order: int) -> dict[str, object]:
        p = self.people
        return {
            "cast_id": cast_id,
            "character": character,
            "credit_id": credit_id(self.rng),
            "gender": p.genders[person],
            "id": p.ids[person],
            "name": p.names[person],
            "order": order,
            "profile_path": p.profiles[person],
        }

    def _crew_entry(self, person: int, department: str, job: str) -> dict[str, object]:
        p = self.people
        return {
            "credit_id": credit_id(self.rng),
            "department": department,
            "gender": p.genders[person],
            "id": p.ids[person],
            "job": job,
            "name": p.names[person],
            "profile_path": p.profiles[person],
        }

    def _character(self) -> str:
        if self.rng.random() < EMPTY_CHARACTER_RATE:
            return ""
        return self.forge.character()

    # -- lists -------------------------------------------------------------------------------

    def crew(self, prominence: float, extras: Sequence[Extra]) -> tuple[list[dict[str, object]], list[int]]:
        """The crew list and the people credited as Director."""
        rng = self.rng
        people = self.people
        forced = [extra.person for extra in extras if extra.kind == "crew"]
        if rng.random() < EMPTY_CREW_RATE and not forced:
            return [], []
        size = 1 + heavy_count(rng, 1.68 + 0.45 * prominence, 0.95, 180)
        directors = people.directors.pick_distinct(rng, min(size, self._director_count.pick(rng)))
        others = size - len(directors)
        jobs: list[tuple[str, str]] = []
        boost = max(0.0, 0.15 * prominence)
        for department, job, chance in vocabulary.CORE_CREW_JOBS:
            if len(jobs) < others and rng.random() < chance + boost:
                jobs.append((department, job))
        jobs += self._jobs.pick_many(rng, others - len(jobs))
        members = people.crew.pick_distinct(rng, len(jobs))
        members += people.crew.pick_many(rng, len(jobs) - len(members))
        entries = [(member, dept, job) for member, (dept, job) in zip(members, jobs, strict=True)]
        if directors and rng.random() < DIRECTOR_WRITES_RATE:
            at = rng.randint(0, len(entries))
            entries.insert(at, (directors[0], "Writing", rng.choice(vocabulary.WRITING_JOBS)))
        if len(entries) >= 4 and rng.random() < TWO_JOBS_RATE:
            member = rng.choice(entries)[0]
            dept, job = self._jobs.pick(rng)
            entries.insert(rng.randint(0, len(entries)), (member, dept, job))
        for person in forced:
            dept, job = self._jobs.pick(rng)
            entries.insert(rng.randint(0, len(entries)), (person, dept, job))
        for director in directors:
            at = 0 if rng.random() < 0.5 else rng.randint(0, len(entries))
            entries.insert(at, (director, "Directing", "Director"))
        return [self._crew_entry(person, dept, job) for person, dept, job in entries], directors

    def cast(self, prominence: float, directors: list[int], extras: Sequence[Extra]) -> list[dict[str, object]]:
        rng = self.rng
        forced = [extra for extra in extras if extra.kind != "crew"]
        if rng.random() < EMPTY_CAST_RATE and not forced:
            return []
        size = 1 + heavy_count(rng, 2.05 + 0.35 * prominence, 0.85, 313)
        members = self.people.actors.pick_distinct(rng, size)
        roles = [(member, self._character()) for member in members]
        if directors and rng.random() < DIRECTOR_ACTS_RATE:
            roles.insert(rng.randint(0, len(roles)), (directors[0], self._character()))
        if len(roles) >= 3 and rng.random() < TWO_CHARACTERS_RATE:
            first = rng.randrange(len(roles) - 1)
            roles.insert(rng.randint(first + 1, len(roles)), (roles[first][0], self._character()))
        for extra in forced:  # roles is not empty: size >= 1
            if extra.kind == "quoted_character":
                roles.append((rng.choice(members), self.forge.quoted_character()))
            elif extra.kind == "tabbed_character":
                roles.append((rng.choice(members), self.forge.tabbed_character()))
            else:
                roles.insert(rng.randint(0, len(roles)), (extra.person, self._character()))
        cast_id = rng.randint(1, 30)
        entries = []
        for order, (person, character) in enumerate(roles):
            entries.append(self._cast_entry(person, character, cast_id, order))
            cast_id += 1 if rng.random() < 0.9 else rng.randint(2, 12)
        return entries

    def row(self, film: FilmCredits, extras: Sequence[Extra] = ()) -> CreditRow:
        prominence = (math.log1p(film.vote_count) - 2.3) / 1.9
        crew, directors = self.crew(prominence, extras)
        cast = self.cast(prominence, directors, extras)
        return repr(cast), repr(crew), str(film.movie_id)


def _featured_extras(rng: random.Random, people: People, films: int) -> dict[int, list[Extra]]:
    """Films that must show the awkward names and characters (so even small files have them)."""
    extras: dict[int, list[Extra]] = {}
    if films == 0:
        return extras
    wanted = [Extra("cast" if i % 3 else "crew", person) for i, person in enumerate(people.featured)]
    wanted += [Extra("quoted_character"), Extra("quoted_character"), Extra("tabbed_character")]
    for extra in wanted:
        extras.setdefault(rng.randrange(films), []).append(extra)
    return extras


def credit_rows(
    rng: random.Random, people: People, forge: NameForge, films: Sequence[FilmCredits], scale: Scale
) -> Iterator[CreditRow]:
    """Every row of credits.csv, in file order."""
    factory = CreditsFactory(rng, people, forge)
    count = len(films)
    extras = _featured_extras(rng, people, count)
    # After which film row each duplicate / orphan row goes.
    after: dict[int, list[tuple[str, int]]] = {}
    sources = rng.sample(range(count), min(count, scale.duplicate_credit_rows))
    for source in sources:
        after.setdefault(rng.randint(source, count - 1), []).append(("copy", source))
    used_ids = {film.movie_id for film in films}  # membership only
    for _ in range(scale.orphan_credit_rows if count else 0):
        orphan = rng.randrange(2, scale.max_movie_id)
        while orphan in used_ids:
            orphan = rng.randrange(2, scale.max_movie_id)
        used_ids.add(orphan)
        after.setdefault(rng.randrange(count), []).append(("orphan", orphan))
    keep = set(sources)
    kept: dict[int, CreditRow] = {}
    for index, film in enumerate(films):
        row = factory.row(film, extras.get(index, ()))
        if index in keep:
            kept[index] = row
        yield row
        for kind, value in after.get(index, ()):
            if kind == "copy":
                yield kept[value]
            else:
                yield factory.row(FilmCredits(value, rng.randint(0, 50)))

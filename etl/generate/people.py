"""The shared pool of synthetic people who appear in the credits.

People are split into actors and crew, ranked by how busy they are: a few are in hundreds of
films, most in one or two. Every person has a TMDB-like id, a name, a gender (0 unknown, 1 female,
2 male) and a profile path or None. Some different people share exactly the same name.
"""

import random
from dataclasses import dataclass, field

from etl.generate.names import NameForge
from etl.generate.randomness import Picker, busy_weights, image_path
from etl.generate.scale import Scale

ACTOR_SHARE = 0.6  # the rest are crew
SHARED_NAME_RATE = 0.006  # people given the exact name of someone else


@dataclass
class People:
    ids: list[int]
    names: list[str]
    genders: list[int]
    profiles: list[str | None]
    actors: Picker[int]  # person indexes, the busiest first
    crew: Picker[int]
    directors: Picker[int]
    # Indexes of people with awkward names (both quote kinds, trailing tab) and of pairs sharing a
    # name: the credits put each in at least one film so every file shows them.
    featured: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def _gender(rng: random.Random, actor: bool, busy: bool) -> int:
    roll = rng.random()
    unknown = 0.08 if busy else (0.35 if actor else 0.5)
    if roll < unknown:
        return 0
    female = 0.38 if actor else 0.22
    return 1 if rng.random() < female else 2


def build_people(rng: random.Random, forge: NameForge, scale: Scale) -> People:
    total = scale.people
    actors = round(total * ACTOR_SHARE)
    crew = total - actors
    directors = min(scale.directors, crew)
    ids = rng.sample(range(1, scale.max_person_id), total)

    genders: list[int] = []
    names: list[str] = []
    profiles: list[str | None] = []
    for index in range(total):
        actor = index < actors
        rank = index if actor else index - actors
        busy = rank < (actors if actor else crew) * 0.05
        gender = _gender(rng, actor, busy)
        genders.append(gender)
        names.append(forge.person_name(gender))
        profiles.append(None if rng.random() < (0.2 if busy else 0.41) else image_path(rng))

    # Awkward names, scaled, at least two of each kind; then namesakes (people given the exact
    # name of an earlier person). Featured people are never renamed afterwards.
    featured: list[int] = []
    reserved: set[int] = set()  # membership only

    def unreserved(low: int = 0) -> int:
        while True:
            index = rng.randrange(low, total)
            if index not in reserved:
                reserved.add(index)
                return index

    awkward = max(2, total // 60_000)
    for _ in range(awkward):
        index = unreserved()
        names[index] = forge.quoted_name(genders[index])
        featured.append(index)
    for _ in range(awkward):
        index = unreserved()
        names[index] = forge.tabbed_name(genders[index])
        featured.append(index)
    namesakes = max(4, round(total * SHARED_NAME_RATE))
    for number in range(namesakes):
        target = unreserved(1)
        if number < namesakes - 3:
            reserved.discard(target)
        source = rng.randrange(0, target)
        names[target] = names[source]
        genders[target] = genders[source]
        if number >= namesakes - 3:  # the last three pairs are featured
            reserved.add(source)
            featured += [source, target]

    return People(
        ids=ids,
        names=names,
        genders=genders,
        profiles=profiles,
        actors=Picker(range(actors), busy_weights(actors)),
        crew=Picker(range(actors, total), busy_weights(crew)),
        directors=Picker(range(actors, actors + directors), busy_weights(directors, 0.5, 10, 0.018)),
        featured=featured,
    )

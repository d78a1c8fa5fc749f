"""Synthetic prose: overviews (about 300 characters on average) and taglines.

Sentences are plain English templates filled with invented names and places, so they read like
plot summaries without copying any. Some hold commas, apostrophes and double quotes, as the real
overviews do.
"""

import random

from etl.generate import vocabulary
from etl.generate.names import NameForge

# {name} a character, {place} an invented place, {noun}/{adj}/{verb}/{inf} plain words.
_SENTENCES: tuple[str, ...] = (
    "When {name}, a {adj} {noun}, {verb} a {adj2} {noun2} in {place}, {pron} must {inf} the {noun3}"
    " before it is too late.",
    "{time}, {name} {verb} the {noun} of {place}.",
    "{name} and {name2} {verb2} a {adj} {noun} who {verb} their {noun2}.",
    "A {adj} {noun} {verb} that the {noun2} of {place} is not what it seems.",
    "{name}'s {noun} {verb} a {adj} {noun2}, and nothing will ever be the same.",
    "To {inf} the {noun}, {name} {verb} the {adj} {noun2} {name2}.",
    'Based on the novel "{title}" by {name2}.',
    "Now {pron} has one night to {inf} the {noun} and {inf2} {place}.",
    "{time}, a {adj} {noun} from {place} {verb} {name}, a {adj2} {noun2} with a secret.",
    "The {noun} of {place} {verb2} the {adj} {noun2}.",
    "But {name} {verb} more than {pron} bargained for.",
    "What begins as a {adj} {noun} soon becomes a fight to {inf} the {noun2}.",
)

_TAGLINES: tuple[str, ...] = (
    "Some {noun}s never {inf}.",
    "The {noun} is only the beginning.",
    "{Adj} {noun}. {Adj2} {noun2}.",
    "Nobody leaves {place}.",
    "Every {noun} has a price.",
    "One {noun}. One {noun2}. One chance.",
    "They came to {inf} the {noun}... they stayed for {name}.",
    "Welcome to {place}.",
    "In {place}, the {noun} never sleeps.",
    "The {adj} {noun} you'll never forget.",
    "This time, it's {adj}.",
    "{name} is back.",
)


class Prose:
    """Writes overviews and taglines from one seeded generator."""

    def __init__(self, rng: random.Random, forge: NameForge) -> None:
        self.rng = rng
        self.forge = forge

    def _fill(self, template: str) -> str:
        rng = self.rng
        forge = self.forge
        fields = {
            "name": forge.first_name(rng.randint(1, 2)),
            "name2": forge.plain_name(),
            "place": forge.word(),
            "noun": rng.choice(vocabulary.OVERVIEW_NOUNS),
            "noun2": rng.choice(vocabulary.OVERVIEW_NOUNS),
            "noun3": rng.choice(vocabulary.OVERVIEW_NOUNS),
            "adj": rng.choice(vocabulary.OVERVIEW_ADJECTIVES),
            "adj2": rng.choice(vocabulary.OVERVIEW_ADJECTIVES),
            "verb": rng.choice(vocabulary.OVERVIEW_VERBS),
            "verb2": rng.choice(vocabulary.OVERVIEW_VERBS).removesuffix("s"),
            "inf": rng.choice(vocabulary.OVERVIEW_INFINITIVES),
            "inf2": rng.choice(vocabulary.OVERVIEW_INFINITIVES),
            "pron": rng.choice(("he", "she", "she", "he", "they")),
            "time": rng.choice(vocabulary.TIME_PHRASES).format(year=rng.randint(1900, 2015)),
        }
        if "{title}" in template:
            fields["title"] = forge.title()
        if "{Adj" in template:
            fields["Adj"] = fields["adj"].capitalize()
            fields["Adj2"] = fields["adj2"].capitalize()
        return template.format(**fields)

    def sentence(self) -> str:
        text = self._fill(self.rng.choice(_SENTENCES))
        return text[0].upper() + text[1:]

    def overview(self) -> str:
        """1 to 12 sentences, about 4 on average: about 300 characters, with a long tail."""
        rng = self.rng
        count = 1 + min(11, int(rng.expovariate(1 / 3.6)))
        return " ".join(self.sentence() for _ in range(count))

    def tagline(self) -> str:
        return self._fill(self.rng.choice(_TAGLINES))

    def plain_sentence(self) -> str:
        """A sentence with no comma, quote or line break (safe in an unquoted CSV field)."""
        while True:
            text = self.sentence()
            if not any(char in text for char in ",\"'\n\r"):
                return text

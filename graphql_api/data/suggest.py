"""Did-you-mean: the known titles or names closest to one that matched nothing."""

from functools import lru_cache

from rapidfuzz import fuzz, process

from graphql_api.data.text import normalize

SUGGESTIONS = 5
_MIN_SIMILARITY = 60.0  # percent; below this a suggestion is more noise than help


class Suggester:
    def __init__(self, display_by_key: dict[str, str]) -> None:
        self._keys = list(display_by_key)
        self._display = display_by_key
        self.suggest = lru_cache(maxsize=4096)(self._suggest)

    def _suggest(self, text: str) -> tuple[str, ...]:
        query = normalize(text)
        if not query:
            return ()
        found = process.extract(query, self._keys, scorer=fuzz.ratio, limit=SUGGESTIONS, score_cutoff=_MIN_SIMILARITY)
        return tuple(self._display[key] for key, _score, _index in found)

    def display_names(self) -> list[str]:
        """Every known title or name, as shown to users."""
        return list(self._display.values())

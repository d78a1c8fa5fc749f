"""Did-you-mean: the known titles or names closest to one that matched nothing."""

from collections.abc import Callable
from functools import lru_cache

from graphql_api.data.columns import StringColumn
from graphql_api.data.text import normalize

SUGGESTIONS = 5
_MIN_SIMILARITY = 60.0  # percent; below this a suggestion is more noise than help


class Suggester:
    """Suggests among the keys of a lookup, each shown as `display(index)`.

    The keys are decoded, and rapidfuzz imported, on the first miss: no request before needs them.
    """

    def __init__(self, keys: StringColumn, display: Callable[[int], str]) -> None:
        self._keys = keys
        self._display = display
        self._choices: list[str | None] | None = None
        self.suggest = lru_cache(maxsize=4096)(self._suggest)

    def _suggest(self, text: str) -> tuple[str, ...]:
        query = normalize(text)
        if not query:
            return ()
        from rapidfuzz import fuzz, process

        if self._choices is None:
            self._choices = self._keys.to_list()
        found = process.extract(
            query, self._choices, scorer=fuzz.ratio, limit=SUGGESTIONS, score_cutoff=_MIN_SIMILARITY
        )
        return tuple(self._display(index) for _key, _score, index in found)

    def display_names(self) -> list[str]:
        """Every known title or name, as shown to users."""
        return [self._display(index) for index in range(len(self._keys))]

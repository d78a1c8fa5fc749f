"""Rows by the words of their text (titles, names): a word, the words with a prefix, the words a typo away.

The ETL writes the distinct words in code point order, each with its rows best first
(etl/search_index.py). A word or a prefix is found by binary search in the mapped words; words a
typo away are found with rapidfuzz among the words sharing the first letter (or the first two
letters swapped), for which the words are decoded, and rapidfuzz imported, on the first typo.
"""

from bisect import bisect_left

import numpy as np

from graphql_api.data.columns import StringColumn

_AFTER_EVERY_CHARACTER = "\U0010ffff"


class WordIndex:
    def __init__(self, words: StringColumn, offsets: np.ndarray, rows: np.ndarray, counts: np.ndarray) -> None:
        self.words = words
        self._offsets = offsets
        self._rows = rows
        self.counts = counts  # distinct words of each row's text
        self._decoded: list[str] | None = None

    def find(self, word: str) -> int | None:
        """The index of a word; None when no text has it."""
        index = bisect_left(self.words, word)  # type: ignore[arg-type]
        return index if index < len(self.words) and self.words[index] == word else None

    def prefixed(self, prefix: str) -> range:
        """The indexes of the words starting with `prefix` (consecutive: the words are sorted)."""
        start = bisect_left(self.words, prefix)  # type: ignore[arg-type]
        return range(start, bisect_left(self.words, prefix + _AFTER_EVERY_CHARACTER, start))  # type: ignore[arg-type]

    def rows(self, words: range) -> np.ndarray:
        """The rows of consecutive words, word by word, each word's best first (a row may repeat)."""
        return self._rows[self._offsets[words.start] : self._offsets[words.stop]]

    def near(self, word: str, max_edits: int, prefix: bool = False) -> list[tuple[int, int]]:
        """(index, edits) of the words within `max_edits` typos of `word` (a letter changed, added,
        dropped, or two swapped), sharing its first letter or its first two swapped. With `prefix`,
        the words whose beginning is within `max_edits` of `word`."""
        if not word or max_edits < 1:
            return []
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        decoded = self._all_words()
        starts = {word[0]} if len(word) < 2 else {word[0], word[1] + word[0]}
        found: dict[int, int] = {}
        for start in starts:
            first = bisect_left(decoded, start)
            last = bisect_left(decoded, start + _AFTER_EVERY_CHARACTER, first)
            candidates = decoded[first:last]
            lengths = (len(word) - 1, len(word), len(word) + 1) if prefix else (None,)
            for length in lengths:
                choices = [candidate[:length] for candidate in candidates] if length is not None else candidates
                for _, edits, position in process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=max_edits, limit=None
                ):
                    index = first + position
                    found[index] = min(edits, found.get(index, edits))
        return sorted(found.items())

    def _all_words(self) -> list[str]:
        if self._decoded is None:
            self._decoded = [word or "" for word in self.words.to_list()]
        return self._decoded

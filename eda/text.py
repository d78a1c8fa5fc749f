"""Words of titles and overviews: tokens, stop words of English and of each film's own language, counts."""

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from stop_words import LANGUAGE_MAPPING, get_stop_words
from wordcloud import STOPWORDS

ENGLISH = "en"
_SEPARATORS = r"[^\p{L}\p{N}']+"  # letters and digits, apostrophes inside a word kept
_MIN_LENGTH = 2
_FOREIGN_RATIO = 2.0


@dataclass(frozen=True)
class WordCounts:
    """Occurrences of each word per original language, stop words removed."""

    words: np.ndarray  # (words,) str
    languages: list[str]
    counts: np.ndarray  # (languages, words)
    removed_other_language: pd.Series  # occurrences removed as stop words of a film's language other than English

    def total(self) -> pd.Series:
        return _ranked(self.counts.sum(axis=0), self.words)

    def of(self, language: str) -> pd.Series:
        if language not in self.languages:
            return pd.Series(dtype=np.int64)
        return _ranked(self.counts[self.languages.index(language)], self.words)


def count_words(texts: pd.Series, languages: pd.Series) -> WordCounts:
    """Count the words of `texts`, one text per film, `languages` the films' original languages."""
    lowered = pc.utf8_lower(pa.array(texts.fillna("").to_numpy(dtype=object), type=pa.string()))
    lowered = pc.replace_substring(lowered, "’", "'")
    lowered = pc.replace_substring_regex(lowered, r"'s\b", "")  # possessives: "woman's" is "woman"
    tokens = pc.split_pattern_regex(lowered, _SEPARATORS)
    words = pc.utf8_trim(pc.list_flatten(tokens), "'")
    films = pc.list_parent_indices(tokens).to_numpy()
    # Words, not numbers: "13th" and "1984" go whole rather than leave "th" behind.
    long_enough = pc.and_(
        pc.greater_equal(pc.utf8_length(words), _MIN_LENGTH), pc.invert(pc.match_substring_regex(words, r"\p{N}"))
    ).to_numpy(zero_copy_only=False)
    encoded = pc.filter(words, long_enough).dictionary_encode()
    vocabulary = np.asarray(encoded.dictionary.to_pylist(), dtype=object)
    codes = encoded.indices.to_numpy()
    film_languages = languages.fillna("").astype(str).to_numpy()
    names, language_codes = np.unique(film_languages, return_inverse=True)
    token_languages = language_codes[films[long_enough]]
    counts = np.bincount(token_languages * len(vocabulary) + codes, minlength=len(names) * len(vocabulary))
    counts = counts.reshape(len(names), len(vocabulary))
    position = {word: index for index, word in enumerate(vocabulary)}

    def positions(words: frozenset[str]) -> list[int]:
        return [position[word] for word in words if word in position]

    counts[:, positions(stop_words(ENGLISH))] = 0
    films = np.bincount(language_codes, minlength=len(names))
    english = names.tolist().index(ENGLISH) if ENGLISH in names else None
    removed = np.zeros(len(vocabulary), dtype=np.int64)
    for row, language in enumerate(names):
        own = np.array(positions(stop_words(language) - stop_words(ENGLISH)), dtype=np.int64)
        if english is not None and language != ENGLISH and len(own):
            # Most titles and overviews are in English whatever the film's language: a stop word of the
            # film's language that is as common in English-language films ("war", "son") is an English word.
            rate = counts[row, own] / films[row]
            english_rate = counts[english, own] / films[english]
            own = own[rate > _FOREIGN_RATIO * english_rate]
        removed[own] += counts[row, own]
        counts[row, own] = 0
    return WordCounts(vocabulary, list(names), counts, _ranked(removed, vocabulary))


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """Stop words of a language (ISO 639-1 code); none for a language without a list."""
    if language == ENGLISH:  # the word cloud's list: the stop-words package's English list drops "man", "world"...
        return frozenset(STOPWORDS)
    if language not in LANGUAGE_MAPPING:
        return frozenset()
    return frozenset(word.lower().replace("’", "'") for word in get_stop_words(language))


def _ranked(counts: np.ndarray, words: np.ndarray) -> pd.Series:
    series = pd.Series(counts, index=words)
    series = series[series > 0].sort_index()
    return series.sort_values(ascending=False, kind="stable")

"""Which rows a search text matches, and how well: the words of the text against the words of titles or names.

Every word of the text must match a word of the title (or name), in any order: exactly, or, for a
word no title has, with a typo, split in two ("spiderman": spider, man) or joined with the next
("spider man": spiderman). When nothing matches every word, typos are tried for every word; when
still nothing does, the rows matching the most words are given. A row's score adds up how well each
word matched (1 exactly, less with typos), less a little for each word of the title left unmatched,
so that "Toy Story" comes before "Toy Story 2" for "toy story".
"""

from dataclasses import dataclass

import numpy as np

from graphql_api.data.words import WordIndex

EXACT = 1.0
SPLIT_OR_JOINED = 0.9
ONE_TYPO = 0.7
TWO_TYPOS = 0.5
UNMATCHED_WORD = 0.05  # taken off a row's score for each of its words the text did not match
SCORE_STEPS = 1000  # scores are compared in thousandths


@dataclass(frozen=True)
class WordMatches:
    """The rows matching a search text (ascending), with their scores."""

    rows: np.ndarray
    scores: np.ndarray
    complete: bool  # whether the rows match every word (else they match the most words any row does)


def max_typos(word: str) -> int:
    """Typos tolerated in a word: none up to 3 letters, one up to 7, two from 8."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


def match_words(index: WordIndex, text_words: list[str]) -> WordMatches:
    """The rows whose words match `text_words` (distinct, at least one), with their scores."""
    found, matched = _matches(index, text_words, typos_for_known_words=False)
    if not found.complete and any(max_typos(word) for word in text_words):
        retried, matched_with_typos = _matches(index, text_words, typos_for_known_words=True)
        if matched_with_typos > matched:
            return retried
    return found


def _matches(index: WordIndex, text_words: list[str], typos_for_known_words: bool) -> tuple[WordMatches, int]:
    """The rows matching the most words of the text, and how many words that is."""
    per_word = [_word_rows(index, word, typos_for_known_words) for word in text_words]
    _add_joined(index, text_words, per_word)
    rows = np.concatenate([rows for rows, _ in per_word])
    if not len(rows):
        return WordMatches(rows, np.zeros(0), False), 0
    qualities = np.concatenate([quality for _, quality in per_word])
    distinct, inverse = np.unique(rows, return_inverse=True)
    scores = np.bincount(inverse, weights=qualities)
    matched = np.bincount(inverse)
    most = int(matched.max())
    keep = matched == most
    distinct, scores, matched = distinct[keep], scores[keep], matched[keep]
    unmatched = np.maximum(index.counts[distinct] - matched, 0)
    return WordMatches(distinct, scores - UNMATCHED_WORD * unmatched, most == len(text_words)), most


def _word_rows(index: WordIndex, word: str, typos_for_known_words: bool) -> tuple[np.ndarray, np.ndarray]:
    """The rows matching one word of the text, each once with its best quality."""
    parts: list[tuple[np.ndarray, float]] = []
    exact = index.find(word)
    if exact is not None:
        parts.append((index.rows(range(exact, exact + 1)), EXACT))
    if exact is None:
        parts += [(rows, SPLIT_OR_JOINED) for rows in _split(index, word)]
    if exact is None or typos_for_known_words:
        for position, edits in index.near(word, max_typos(word)):
            if position != exact:
                parts.append((index.rows(range(position, position + 1)), ONE_TYPO if edits == 1 else TWO_TYPOS))
    return _best_per_row(parts)


def _split(index: WordIndex, word: str) -> list[np.ndarray]:
    """Rows having both halves of a word written as one ("spiderman": spider and man)."""
    found = []
    for cut in range(1, len(word)):
        first, second = index.find(word[:cut]), index.find(word[cut:])
        if first is not None and second is not None:
            found.append(np.intersect1d(index.rows(range(first, first + 1)), index.rows(range(second, second + 1))))
    return found


def _add_joined(index: WordIndex, text_words: list[str], per_word: list[tuple[np.ndarray, np.ndarray]]) -> None:
    """Two words of the text that a title writes as one ("spider man": spiderman) match both."""
    for position in range(len(text_words) - 1):
        joined = index.find(text_words[position] + text_words[position + 1])
        if joined is None:
            continue
        rows = index.rows(range(joined, joined + 1))
        for neighbour in (position, position + 1):
            per_word[neighbour] = _best_per_row([*_parts(per_word[neighbour]), (rows, SPLIT_OR_JOINED)])


def _parts(found: tuple[np.ndarray, np.ndarray]) -> list[tuple[np.ndarray, float]]:
    rows, qualities = found
    return [(rows[qualities == quality], float(quality)) for quality in np.unique(qualities)]


def _best_per_row(parts: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, np.ndarray]:
    if not parts:
        return np.zeros(0, dtype=np.int32), np.zeros(0)
    rows = np.concatenate([part for part, _ in parts])
    qualities = np.concatenate([np.full(len(part), quality) for part, quality in parts])
    if len(parts) > 1:
        order = np.lexsort((-qualities, rows))
        rows, qualities = rows[order], qualities[order]
        first = np.r_[True, rows[1:] != rows[:-1]]
        rows, qualities = rows[first], qualities[first]
    return rows, qualities


def score_keys(scores: np.ndarray) -> np.ndarray:
    """Scores as integers to sort by, best (highest) lowest."""
    return -np.rint(scores * SCORE_STEPS).astype(np.int64)

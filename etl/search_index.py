"""Discovery indexes: the words of titles and names with the rows they occur in, and the orders films
are listed in.

Words are `etl.contract.words` of a text (normalized, split at anything but letters and digits). A
word's rows are kept in the order of relevance given (films most popular first, people with most
credits first), so the first rows of a word are its best. Listing orders put unknown values last in
both directions and break ties by popularity, then film id.
"""

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from etl.contract import MOVIE_ORDERS, key_words


@dataclass(frozen=True)
class WordIndex:
    words: list[str]  # distinct, in code point order
    offsets: np.ndarray  # word k's rows are rows[offsets[k]:offsets[k + 1]]
    rows: np.ndarray
    counts: np.ndarray  # distinct words of each row's text


def word_index(keys: list[str | None], ranking: np.ndarray) -> WordIndex:
    """The words of texts, given normalized (`keys`, one per row, None for no text), each with its
    rows in `ranking` order (rows best first)."""
    rows_by_word: dict[str, list[int]] = {}
    counts = np.zeros(len(keys), dtype=np.int32)
    for row in ranking.tolist():
        key = keys[row]
        distinct = dict.fromkeys(key_words(key)) if key else {}
        counts[row] = len(distinct)
        for word in distinct:
            rows_by_word.setdefault(word, []).append(row)
    ordered = sorted(rows_by_word)
    sizes = np.array([len(rows_by_word[word]) for word in ordered], dtype=np.int64)
    rows = [row for word in ordered for row in rows_by_word[word]]
    return WordIndex(
        words=ordered,
        offsets=np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64),
        rows=np.array(rows, dtype=np.int32),
        counts=counts,
    )


def popularity_order(ids: np.ndarray, popularity: np.ndarray) -> np.ndarray:
    """Rows most popular first; unknown popularity last; ties by the lower id."""
    return np.lexsort((ids, -np.nan_to_num(popularity, nan=-np.inf)))


def movie_orders(movies: pa.Table, title_keys: list[str | None], by_popularity: np.ndarray) -> dict[str, np.ndarray]:
    """movie.order.<key>.<asc|desc> for every key of MOVIE_ORDERS: film rows, unknown values last."""
    column = movies.column
    values = {
        "popularity": column("popularity").fill_null(float("nan")).to_numpy(),
        "vote_count": _unknown_below(column("vote_count").fill_null(-1).to_numpy(), 0),
        "vote_average": column("vote_average").fill_null(float("nan")).to_numpy(),
        "release_date": np.array(column("release_date").to_pylist(), dtype="datetime64[D]").astype(np.float64),
        "revenue": _unknown_below(column("revenue").to_numpy(), 1),  # 0 stands for unknown
        "return": _unknown_below(column("return").to_numpy(), np.nextafter(0, 1)),
    }
    orders = {}
    for key in MOVIE_ORDERS:
        if key == "title":
            ascending, descending = _title_orders(title_keys, by_popularity)
        else:
            ascending, descending = _numeric_orders(values[key], by_popularity)
        orders[f"movie.order.{key}.asc"] = ascending
        orders[f"movie.order.{key}.desc"] = descending
    return orders


def ranks(order: np.ndarray) -> np.ndarray:
    """Each row's position in `order`."""
    positions = np.empty(len(order), dtype=np.int32)
    positions[order] = np.arange(len(order), dtype=np.int32)
    return positions


def _unknown_below(values: np.ndarray, smallest_known: float) -> np.ndarray:
    return np.where(values >= smallest_known, values.astype(np.float64), np.nan)


def _numeric_orders(values: np.ndarray, by_popularity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Both ways, from the popularity order (stable sorts keep it among equal values), unknown (NaN) last."""
    in_order = values[by_popularity]
    known = ~np.isnan(in_order)
    known_rows, unknown_rows = by_popularity[known], by_popularity[~known]
    ascending = known_rows[np.argsort(in_order[known], kind="stable")]
    descending = known_rows[np.argsort(-in_order[known], kind="stable")]
    return (
        np.concatenate([ascending, unknown_rows]).astype(np.int32),
        np.concatenate([descending, unknown_rows]).astype(np.int32),
    )


def _title_orders(keys: list[str | None], by_popularity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """By normalized title both ways, films without a title last."""
    keyed = [(keys[row], row) for row in by_popularity.tolist() if keys[row] is not None]
    untitled = [row for row in by_popularity.tolist() if keys[row] is None]
    ascending = [row for _, row in sorted(keyed, key=lambda entry: entry[0])]
    descending = [row for _, row in sorted(keyed, key=lambda entry: entry[0], reverse=True)]
    return np.array(ascending + untitled, dtype=np.int32), np.array(descending + untitled, dtype=np.int32)

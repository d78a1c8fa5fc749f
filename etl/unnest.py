"""Unnesting a nested column (a list of dicts per film) into an entity table and a link table."""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl.literals import ShapeParser
from etl.tables import TABLES


@dataclass(frozen=True)
class Nested:
    """A nested column and the tables it unnests into."""

    column: str
    parser: ShapeParser  # giving the entity's key and name
    key: str  # the dict key holding the entity's id or code
    entity_table: str
    link_table: str | None  # None: a single dict per film, stored on the movies table


def unnest(spec: Nested, movie_ids: Sequence[int], dicts: Sequence[list[tuple[str, ...]]]) -> dict[str, pa.Table]:
    """The entity table, and the link table, of one nested column: film `movie_ids[i]` holds the
    dicts (their literal tokens) `dicts[i]`; films in file order.

    An entity is named as first seen in the file. A film links to an entity once, at its first
    position in the film's list; links are sorted by film, then position.
    """
    counts = np.fromiter(map(len, dicts), dtype=np.int64, count=len(dicts))
    columns = spec.parser.columns(list(chain.from_iterable(dicts)))
    encoded = columns[spec.key].dictionary_encode()  # codes in order of first appearance
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    first_seen = np.unique(codes, return_index=True)[1]
    by_key = pc.sort_indices(encoded.dictionary)
    entity_schema = TABLES[spec.entity_table]
    entities = pa.table(
        dict(
            zip(
                entity_schema.names,
                (encoded.dictionary.take(by_key), columns["name"].take(pa.array(first_seen[by_key.to_numpy()]))),
                strict=True,
            )
        ),
        schema=entity_schema,
    )
    if spec.link_table is None:
        return {spec.entity_table: entities}
    return {spec.entity_table: entities, spec.link_table: _links(spec.link_table, movie_ids, counts, codes, encoded)}


def _links(name: str, movie_ids: Sequence[int], counts: np.ndarray, codes: np.ndarray, keys: pa.Array) -> pa.Table:
    films = np.repeat(np.arange(len(counts)), counts)
    positions = np.arange(len(films)) - np.repeat(np.cumsum(counts) - counts, counts)
    firsts = np.unique(films * max(len(keys.dictionary), 1) + codes, return_index=True)[1]  # file order: first position
    link_ids = np.asarray(movie_ids, dtype=np.int64)[films[firsts]]
    order = firsts[np.lexsort((positions[firsts], link_ids))]
    schema = TABLES[name]
    movie_column, key_column, position_column = schema.names
    return pa.table(
        {
            movie_column: np.asarray(movie_ids, dtype=np.int64)[films[order]],
            key_column: keys.dictionary.take(pa.array(codes[order])),
            position_column: positions[order].astype(np.int32),
        },
        schema=schema,
    )

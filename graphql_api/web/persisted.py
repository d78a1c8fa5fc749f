"""Automatic persisted queries (Apollo's protocol): a client sends a query's sha256 instead of its text.

A request whose `extensions.persistedQuery` is `{"version": 1, "sha256Hash": "<64 hex digits>"}`:
- with the query text too: the text is checked against the hash (a mismatch is refused) and kept;
- without it: the text kept under that hash is run, or, when none is, the client is told
  `PERSISTED_QUERY_NOT_FOUND` and sends the text with its hash again.
Texts are kept per process, the least recently used forgotten first, bounded in count and bytes.
"""

import hashlib
from typing import Any

from graphql import GraphQLError
from starlette.exceptions import HTTPException

from graphql_api.engine.engine import ErrorsOnly
from graphql_api.engine.lru import LRU

NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
_SHA256_DIGITS = 64
_ENTRY_OVERHEAD_BYTES = 200


def not_found() -> ErrorsOnly:
    """The answer to an unknown hash; Apollo's clients recognize both the message and the code."""
    return ErrorsOnly([GraphQLError("PersistedQueryNotFound", extensions={"code": NOT_FOUND})])


class PersistedQueries:
    def __init__(self, max_query_length: int, max_entries: int = 4096, max_bytes: int = 16 << 20) -> None:
        self._max_query_length = max_query_length
        self._texts: LRU[str, str] = LRU(
            max_entries, max_bytes, weight=lambda text: 4 * len(text) + _ENTRY_OVERHEAD_BYTES
        )

    def resolve(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The query text to run: the one sent, or the one kept for the hash sent; None for an unknown hash."""
        persisted = extensions.get("persistedQuery") if extensions else None
        if persisted is None:
            if query is None:
                raise HTTPException(400, "No GraphQL query found in the request (expected a `query`).")
            return query
        digest = _hash(persisted)
        if query is None:
            return self._texts.get(digest)
        try:
            actual = hashlib.sha256(query.encode()).hexdigest()
        except UnicodeEncodeError:
            raise HTTPException(400, "The query is not valid Unicode.") from None
        if actual != digest:
            raise HTTPException(400, "The query's sha256 is not the `persistedQuery.sha256Hash` sent with it.")
        if len(query) <= self._max_query_length:  # a longer one is refused anyway: not worth keeping
            self._texts.put(digest, query)
        return query


def _hash(persisted: Any) -> str:
    if not isinstance(persisted, dict):
        raise HTTPException(400, "`extensions.persistedQuery` must be a JSON object.")
    if persisted.get("version") != 1:
        raise HTTPException(400, "Only version 1 of persisted queries is supported.")
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or len(digest) != _SHA256_DIGITS or not _hexadecimal(digest):
        raise HTTPException(400, "`persistedQuery.sha256Hash` must be a sha256 in 64 hexadecimal digits.")
    return digest.lower()


def _hexadecimal(digits: str) -> bool:
    """Whether every character is a hexadecimal digit, read by `bytes.fromhex` rather than a pattern."""
    try:
        return len(bytes.fromhex(digits)) * 2 == len(digits)  # fromhex skips spaces: count what it read
    except ValueError:
        return False

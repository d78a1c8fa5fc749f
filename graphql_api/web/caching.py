"""HTTP caching: strong entity tags and conditional requests (If-None-Match, RFC 9110 section 13.1.2)."""

import hashlib
from typing import Any

import orjson


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak comparison, as the RFC asks for this header)."""
    if if_none_match is None:
        return False
    if if_none_match == etag:
        return True
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class EntityTags:
    """Strong entity tags for answers: a hash of the data set, the media type and the answer's bytes.

    The data set's part is hashed once; the same answer to the same data set always gets the same
    tag, in every worker and after a restart, and a new data set or a changed answer gets a new one.
    """

    def __init__(self, manifest: dict[str, Any]) -> None:
        self._data_set = hashlib.sha256(orjson.dumps(manifest, option=orjson.OPT_SORT_KEYS))
        self._by_media_type: dict[str, Any] = {}  # the data set's and the media type's part, hashed once

    def tag(self, media_type: str, body: bytes) -> str:
        prefix = self._by_media_type.get(media_type)
        if prefix is None:
            prefix = self._data_set.copy()
            prefix.update(media_type.encode() + b"\n")
            self._by_media_type[media_type] = prefix
        digest = prefix.copy()
        digest.update(body)
        return f'"{digest.hexdigest()[:40]}"'

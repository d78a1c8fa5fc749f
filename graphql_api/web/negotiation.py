"""Choosing an answer's media type from the request's `Accept` header (RFC 9110, section 12.5.1).

Each offered type takes the quality of the most specific range that matches it (`type/subtype`,
then `type/*`, then `*/*`); a quality of 0 refuses it. The offer with the highest quality wins; on a
tie, the more specific range, then the range listed first, then the server's own order. No header
(or an empty one) accepts the first offer; `None` means nothing offered is acceptable (406).
"""

import re

JSON = "application/json"
GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
HTML = "text/html"

_QUALITY = re.compile(r"0(\.\d{0,3})?|1(\.0{0,3})?")
_MEMO_ENTRIES = 256  # distinct Accept headers remembered; clients send few


class MediaTypes:
    """The media types one kind of answer can take, in the server's order of preference."""

    def __init__(self, *offers: str) -> None:
        self.offers = offers
        self._parts = [tuple(offer.split("/", 1)) for offer in offers]
        self._memo: dict[str | None, str | None] = {}

    def choose(self, accept: str | None) -> str | None:
        try:
            return self._memo[accept]
        except KeyError:
            chosen = self._choose(accept)
        if len(self._memo) < _MEMO_ENTRIES:
            self._memo[accept] = chosen
        return chosen

    def _choose(self, accept: str | None) -> str | None:
        if accept is None or not accept.strip():
            return self.offers[0]
        ranges = parse_accept(accept)
        best, best_rank = None, None
        for preference, (offer, (kind, subtype)) in enumerate(zip(self.offers, self._parts, strict=True)):
            match = None  # (specificity, quality, position) of the most specific matching range
            for position, (range_kind, range_subtype, quality) in enumerate(ranges):
                if range_kind == kind and range_subtype == subtype:
                    specificity = 2
                elif range_kind == kind and range_subtype == "*":
                    specificity = 1
                elif range_kind == "*" and range_subtype == "*":
                    specificity = 0
                else:
                    continue
                if match is None or (specificity, quality) > match[:2]:
                    match = (specificity, quality, position)
            if match is None or match[1] <= 0:
                continue
            rank = (match[1], match[0], -match[2], -preference)
            if best_rank is None or rank > best_rank:
                best, best_rank = offer, rank
        return best


def parse_accept(accept: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header as (type, subtype, quality); malformed ranges are left out."""
    ranges = []
    for item in accept.split(","):
        media_range, *parameters = item.split(";")
        kind, slash, subtype = media_range.strip().lower().partition("/")
        if not slash or not kind or not subtype or (kind == "*" and subtype != "*"):
            continue
        quality: float | None = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                value = value.strip()
                quality = float(value) if _QUALITY.fullmatch(value) else None
                break  # what follows q is an accept extension, not a media type parameter
        if quality is not None:
            ranges.append((kind, subtype, quality))
    return ranges

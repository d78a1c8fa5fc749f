"""Limits on what one request may ask, with safe defaults (the service's settings can change each)."""

from dataclasses import dataclass, field
from typing import Any


def _limit(default: Any, meaning: str, minimum: float = 1) -> Any:
    return field(default=default, metadata={"help": meaning, "minimum": minimum})


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = _limit(100_000, "bytes of an HTTP request body (413 above)")
    max_query_length: int = _limit(20_000, "characters of GraphQL text")
    max_tokens: int = _limit(2_000, "lexical tokens of the GraphQL text")
    max_depth: int = _limit(10, "nesting of fields, fragments expanded")
    max_aliases: int = _limit(30, "aliased fields in one query")
    max_directives: int = _limit(10, "directives in one query")
    max_repeated_fields: int = _limit(
        10, "times one field (or alias) may be asked for at one level, fragments expanded"
    )
    max_nodes: int = _limit(20_000, "estimated objects in a response: page sizes multiplied along each path")
    max_string_length: int = _limit(300, "characters of any string argument or variable")
    time_budget_seconds: float = _limit(2.0, "seconds a query may run before it is stopped", minimum=0.001)
    introspection: bool = _limit(True, "allow introspection (GraphiQL needs it); off also hides suggestions")
    max_batch_size: int = _limit(1, "operations in one HTTP request (a JSON array); 1 refuses batches")

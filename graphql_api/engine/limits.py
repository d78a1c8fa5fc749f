"""Limits on what one request may ask, with safe defaults; each can be set by a MOVIES_API_* variable."""

import os
from dataclasses import dataclass, fields

ENV_PREFIX = "MOVIES_API_"


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 100_000  # HTTP request body (413 above)
    max_query_length: int = 20_000  # characters of GraphQL text
    max_tokens: int = 2_000  # lexical tokens of the GraphQL text
    max_depth: int = 10  # nesting of fields, fragments expanded
    max_aliases: int = 30
    max_directives: int = 10
    max_nodes: int = 20_000  # estimated objects in a response, page sizes multiplied along each path
    max_string_length: int = 300  # any string argument or variable
    time_budget_seconds: float = 2.0  # execution is stopped with an error past this
    introspection: bool = True  # GraphiQL needs it; off also hides "did you mean" field suggestions
    max_batch_size: int = 1  # operations in one HTTP request (a JSON array); 1 refuses batches

    @classmethod
    def from_env(cls) -> "Limits":
        values = {}
        for spec in fields(cls):
            text = os.environ.get(ENV_PREFIX + spec.name.upper())
            if text is None:
                continue
            if spec.type in ("bool", bool):
                values[spec.name] = text.strip().lower() in ("1", "true", "yes", "on")
            elif spec.type in ("float", float):
                values[spec.name] = float(text)
            else:
                values[spec.name] = int(text)
        return cls(**values)

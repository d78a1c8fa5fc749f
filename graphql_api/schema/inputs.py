"""Checks on the free-text arguments of lookups."""

import unicodedata

from graphql_api.data.text import normalize
from graphql_api.engine.limits import Limits
from graphql_api.schema.errors import bad_user_input

MAX_TEXT_LENGTH = Limits.max_string_length  # also enforced by the engine, whose limit can be raised


def lookup_key(argument: str, value: str) -> str:
    """The normalized form of a title or name argument. Raises BAD_USER_INPUT when unusable."""
    if len(value) > MAX_TEXT_LENGTH:
        raise bad_user_input(f"`{argument}` is longer than {MAX_TEXT_LENGTH} characters")
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n" for char in value):
        raise bad_user_input(f"`{argument}` must not contain control characters")
    key = normalize(value)
    if not key:
        raise bad_user_input(f"`{argument}` must not be empty")
    return key

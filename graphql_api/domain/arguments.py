"""Reading the arguments of the questions: months, weekdays, titles and names."""

import unicodedata

from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES, month_number, weekday_number
from graphql_api.data.text import normalize
from graphql_api.domain.rules import MAX_TEXT_LENGTH

BAD_USER_INPUT = "BAD_USER_INPUT"
_ECHOED_CHARACTERS = 40  # of a refused value, repeated in the message


class InvalidArgumentError(ValueError):
    """An argument a client can fix. `extensions` is what GraphQL clients receive with the message."""

    def __init__(self, argument: str, message: str, accepted: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.argument = argument
        self.accepted = accepted
        self.extensions = {"code": BAD_USER_INPUT, "argument": argument}


def month(value: str) -> int:
    """1..12 for a month named in Spanish or English, any case, accents optional."""
    number = month_number(value[:_ECHOED_CHARACTERS])
    if number is None:
        raise _unknown("month", value, MONTHS_ES)
    return number


def weekday(value: str) -> int:
    """0 (Monday)..6 (Sunday) for a day named in Spanish or English."""
    number = weekday_number(value[:_ECHOED_CHARACTERS])
    if number is None:
        raise _unknown("day", value, WEEKDAYS_ES)
    return number


def lookup_key(argument: str, value: str) -> str:
    """The normalized form of a title or name argument."""
    if len(value) > MAX_TEXT_LENGTH:
        raise InvalidArgumentError(argument, f"`{argument}` is longer than {MAX_TEXT_LENGTH} characters")
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n" for char in value):
        raise InvalidArgumentError(argument, f"`{argument}` must not contain control characters")
    key = normalize(value)
    if not key:
        raise InvalidArgumentError(argument, f"`{argument}` must not be empty")
    return key


def count_between(argument: str, value: int, maximum: int) -> int:
    if value < 0 or value > maximum:
        raise InvalidArgumentError(argument, f"`{argument}` must be between 0 and {maximum}, got {value}")
    return value


def _unknown(argument: str, value: str, accepted: tuple[str, ...]) -> InvalidArgumentError:
    shown = value[:_ECHOED_CHARACTERS]
    return InvalidArgumentError(
        argument,
        f"unknown {argument} {shown!r}; accepted values: {', '.join(accepted)} (or English names)",
        accepted,
    )

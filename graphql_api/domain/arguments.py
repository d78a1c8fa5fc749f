"""Reading the arguments of the questions: months, weekdays, titles and names."""

import re
from collections.abc import Callable, Iterable

from etl.contract import words
from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES, month_number, weekday_number
from graphql_api.data.text import normalize
from graphql_api.domain.rules import MAX_SEARCH_WORDS, MAX_TEXT_LENGTH

# Unicode category Cc (C0 and C1 controls), tabs and line feeds apart: they are typed by people.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

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
    _check_text(argument, value, MAX_TEXT_LENGTH)
    key = normalize(value)
    if not key:
        raise InvalidArgumentError(argument, f"`{argument}` must not be empty")
    return key


def search_words(argument: str, value: str, max_length: int) -> list[str]:
    """The distinct words of a search text, in the order typed."""
    _check_text(argument, value, max_length)
    found = list(dict.fromkeys(words(value)))
    if not found:
        message = "must not be empty" if not value.strip() else "holds no letter or digit"
        raise InvalidArgumentError(argument, f"`{argument}` {message}")
    if len(found) > MAX_SEARCH_WORDS:
        raise InvalidArgumentError(argument, f"`{argument}` holds more than {MAX_SEARCH_WORDS} distinct words")
    return found


def rows_of(argument: str, ids: Iterable[int], row_of: Callable[[int], int | None], maximum: int) -> list[int]:
    """The rows of the ids given (each once, in the order given); every id must be known."""
    distinct = list(dict.fromkeys(ids))
    if len(distinct) > maximum:
        raise InvalidArgumentError(argument, f"`{argument}` holds more than {maximum} ids")
    rows = [row_of(value) for value in distinct]
    unknown = [str(value) for value, row in zip(distinct, rows, strict=True) if row is None]
    if unknown:
        raise InvalidArgumentError(
            argument, f"`{argument}` holds ids this data set does not have: {', '.join(unknown)}"
        )
    return rows  # type: ignore[return-value]


def choice(argument: str, value: str, accepted: list[str]) -> str:
    """One of `accepted`, matched ignoring case and accents; refused naming every accepted value."""
    wanted = normalize(value[:MAX_TEXT_LENGTH])
    for option in accepted:
        if normalize(option) == wanted:
            return option
    raise InvalidArgumentError(
        argument,
        f"unknown value {value[:_ECHOED_CHARACTERS]!r} for `{argument}`; accepted values: {', '.join(accepted)}",
        tuple(accepted),
    )


def count_between(argument: str, value: int, maximum: int) -> int:
    if value < 0 or value > maximum:
        raise InvalidArgumentError(argument, f"`{argument}` must be between 0 and {maximum}, got {value}")
    return value


def _check_text(argument: str, value: str, max_length: int) -> None:
    if len(value) > max_length:
        raise InvalidArgumentError(argument, f"`{argument}` is longer than {max_length} characters")
    if not value.isprintable() and _CONTROL.search(value):  # printable: no control character at all
        raise InvalidArgumentError(argument, f"`{argument}` must not contain control characters")


def _unknown(argument: str, value: str, accepted: tuple[str, ...]) -> InvalidArgumentError:
    shown = value[:_ECHOED_CHARACTERS]
    return InvalidArgumentError(
        argument,
        f"unknown {argument} {shown!r}; accepted values: {', '.join(accepted)} (or English names)",
        accepted,
    )

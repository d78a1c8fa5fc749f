"""Parsing single raw values. Each parser returns the clean value or raises ValueError with a reason."""

import math
import re
from datetime import date

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")


def parse_id(text: str) -> int:
    if not _INTEGER.fullmatch(text) or int(text) <= 0:
        raise ValueError(f"is {_show(text)}, not a positive integer")
    return int(text)


def parse_date(text: str) -> date:
    if not text:
        raise ValueError("is empty")
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"is {_show(text)}, not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"is {_show(text)}, not a calendar date") from None


def parse_amount(text: str) -> int:
    """A non-negative whole amount such as a budget; an empty value is 0."""
    if not text:
        return 0
    number = _finite(text)
    if number < 0 or not number.is_integer():
        raise ValueError(f"is {_show(text)}, not a non-negative whole number")
    return int(number)


def parse_optional_float(text: str, low: float = 0.0, high: float = math.inf) -> float | None:
    if not text:
        return None
    number = _finite(text)
    if not low <= number <= high:
        raise ValueError(f"is {_show(text)}, outside {low:g}..{high:g}")
    return number


def parse_optional_count(text: str) -> int | None:
    if not text:
        return None
    number = _finite(text)
    if number < 0 or not number.is_integer():
        raise ValueError(f"is {_show(text)}, not a count")
    return int(number)


def optional_text(text: str) -> str | None:
    return text if text else None


def _finite(text: str) -> float:
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"is {_show(text)}, not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"is {_show(text)}, not a finite number")
    return number


def _show(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")

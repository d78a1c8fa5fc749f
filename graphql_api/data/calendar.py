"""Months and weekdays named in Spanish (the customer's language) or English."""

from graphql_api.data.text import normalize

MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
WEEKDAYS_ES = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH_NUMBERS = {normalize(name): number for names in (MONTHS_ES, MONTHS_EN) for number, name in enumerate(names, 1)}
_MONTH_NUMBERS["setiembre"] = 9  # the spelling used in much of Latin America
_WEEKDAY_NUMBERS = {
    normalize(name): number for names in (WEEKDAYS_ES, WEEKDAYS_EN) for number, name in enumerate(names)
}


def month_number(name: str) -> int | None:
    """1..12 for a month named in Spanish or English, in any case, with or without accents."""
    return _MONTH_NUMBERS.get(normalize(name))


def weekday_number(name: str) -> int | None:
    """0 (Monday)..6 (Sunday) for a weekday named in Spanish or English."""
    return _WEEKDAY_NUMBERS.get(normalize(name))

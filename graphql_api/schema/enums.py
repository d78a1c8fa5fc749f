"""Closed sets of values."""

from enum import Enum

import strawberry


@strawberry.enum(description="Gender as TMDB records it.")
class Gender(Enum):
    UNKNOWN = strawberry.enum_value(0, description="Not recorded.")
    FEMALE = strawberry.enum_value(1, description="Female.")
    MALE = strawberry.enum_value(2, description="Male.")

    @classmethod
    def of(cls, code: int) -> "Gender":
        return _GENDERS.get(code, cls.UNKNOWN)  # type: ignore[arg-type]  # a dict: a third of the Enum call's time


_GENDERS = {1: Gender.FEMALE, 2: Gender.MALE}


@strawberry.enum(description="A month of the year.")
class Month(Enum):
    JANUARY = 1
    FEBRUARY = 2
    MARCH = 3
    APRIL = 4
    MAY = 5
    JUNE = 6
    JULY = 7
    AUGUST = 8
    SEPTEMBER = 9
    OCTOBER = 10
    NOVEMBER = 11
    DECEMBER = 12


@strawberry.enum(description="A day of the week.")
class Weekday(Enum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

"""Counts of films released in a month or on a weekday (the customer's first two functions)."""

from typing import Self

import strawberry

from graphql_api.domain.answers import ReleaseCount
from graphql_api.schema.enums import Month, Weekday


@strawberry.type(description="How many films of the whole data set were released in a month (any year).")
class MonthReleases:
    month: Month = strawberry.field(description="The month asked for.")
    month_name: str = strawberry.field(description="The month's name in Spanish, for example enero.")
    count: int = strawberry.field(description="Number of films released in that month, over every year.")
    message: str = strawberry.field(
        description="The answer in Spanish: 'X cantidad de películas fueron estrenadas en el mes de X'."
    )

    @classmethod
    def of(cls, answer: ReleaseCount) -> Self:
        return cls(month=Month(answer.number), month_name=answer.name, count=answer.count, message=answer.message)


@strawberry.type(description="How many films of the whole data set were released on a day of the week.")
class WeekdayReleases:
    day: Weekday = strawberry.field(description="The day of the week asked for.")
    day_name: str = strawberry.field(description="The day's name in Spanish, for example sábado.")
    count: int = strawberry.field(description="Number of films released on that day of the week.")
    message: str = strawberry.field(
        description="The answer in Spanish: 'X cantidad de películas fueron estrenadas en los días X'."
    )

    @classmethod
    def of(cls, answer: ReleaseCount) -> Self:
        return cls(day=Weekday(answer.number), day_name=answer.name, count=answer.count, message=answer.message)

"""A person's return on investment in a role, by their row (the actor and director questions go by name)."""

from dataclasses import dataclass

from graphql_api.data.model import ReadModel


@dataclass(frozen=True)
class RoleReturn:
    film_count: int  # distinct films in the role
    total_return: float
    average_return: float  # over every film counted, films without a budget (return 0) included


def acting(model: ReadModel, person_row: int) -> RoleReturn | None:
    """The return of the films a person acted in; None when they acted in none."""
    return _role(int(model.acting.film_count[person_row]), float(model.acting.total_return[person_row]))


def directing(model: ReadModel, person_row: int) -> RoleReturn | None:
    """The return of the films a person directed; None when they directed none."""
    return _role(int(model.directing.film_count[person_row]), float(model.directing.total_return[person_row]))


def _role(films: int, total: float) -> RoleReturn | None:
    return RoleReturn(films, total, total / films) if films else None

"""The customer's sentences, in Spanish, filled with the real figures."""

from graphql_api.data.calendar import MONTHS_ES, WEEKDAYS_ES
from graphql_api.domain.rules import VOTES_THRESHOLD


def _two_decimals(value: float) -> str:
    return f"{value:.2f}"


def releases_in_month(count: int, month: int) -> str:
    return f"{count} cantidad de películas fueron estrenadas en el mes de {MONTHS_ES[month - 1]}"


def releases_on_weekday(count: int, weekday: int) -> str:
    return f"{count} cantidad de películas fueron estrenadas en los días {WEEKDAYS_ES[weekday]}"


def title_score(title: str, year: int, score: float | None) -> str:
    shown = "desconocido" if score is None else _two_decimals(score)
    return f"La película {title} fue estrenada en el año {year} con un score/popularidad de {shown}"


def title_votes(title: str, year: int, votes: int, average: float | None) -> str:
    shown = "desconocido" if average is None else f"{average:.1f}"
    return (
        f"La película {title} fue estrenada en el año {year}. La misma cuenta con un total de {votes} "
        f"valoraciones, con un promedio de {shown}"
    )


def title_votes_below_threshold(title: str, year: int) -> str:
    return (
        f"La película {title} fue estrenada en el año {year}. No cumple la condición de contar con al "
        f"menos {VOTES_THRESHOLD} valoraciones, por lo que no se informan sus valoraciones"
    )


def actor(name: str, films: int, total: float, average: float) -> str:
    return (
        f"El actor {name} ha participado de {films} cantidad de filmaciones, el mismo ha conseguido un "
        f"retorno de {_two_decimals(total)} con un promedio de {_two_decimals(average)} por filmación"
    )


def director(name: str, films: int, total: float, average: float) -> str:
    return (
        f"El director {name} ha dirigido {films} cantidad de filmaciones, el mismo ha conseguido un "
        f"retorno de {_two_decimals(total)} con un promedio de {_two_decimals(average)} por filmación"
    )


def no_title(title: str) -> str:
    return f'No se encontró ninguna película con el título "{title}"'


def no_actor(name: str) -> str:
    return f'No se encontró ningún actor con el nombre "{name}"'


def no_director(name: str) -> str:
    return f'No se encontró ningún director con el nombre "{name}"'


def recommendations(title: str, year: int, similar_titles: list[str]) -> str:
    if not similar_titles:
        return f"No hay películas similares a {title} ({year}) en el conjunto de datos"
    return f"Películas similares a {title} ({year}): " + ", ".join(similar_titles)

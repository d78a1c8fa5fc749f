"""The first version's seven GET endpoints, each declared once: its URL, answer, examples and GraphQL equivalent."""

from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from graphql_api.data.model import ReadModel
from graphql_api.web.rest import models, shapes


@dataclass(frozen=True)
class Endpoint:
    name: str  # the first version's function name, which is also the first segment of its URL
    argument: str  # the path parameter, taken whole: it may hold slashes
    compute: Callable[[ReadModel, str], BaseModel]
    answer: type[BaseModel]  # of a 200
    summary: str
    argument_help: str
    examples: dict[str, str]  # argument values shown in the docs, by what each shows
    graphql: str  # the same figures from /graphql, the argument as the variable of the same name

    @property
    def path(self) -> str:
        return f"/{self.name}/{{{self.argument}}}"

    @property
    def route(self) -> str:
        return f"/{self.name}/{{{self.argument}:path}}"

    @property
    def looks_up(self) -> bool:
        """Whether the argument is a title or a name, which may match nothing (404 with suggestions)."""
        return self.argument not in ("mes", "dia")


_TITLE_HELP = "A film's title: any case, accents and extra spaces ignored, never a part of a title."
_NAME_HELP = "A person's name: any case, accents and extra spaces ignored."

MONTH = Endpoint(
    "cantidad_filmaciones_mes", "mes", shapes.month_releases, models.MonthReleases,
    "Films released in a month, over every year",
    "A month in Spanish (enero ... diciembre, also setiembre) or English; any case, accents optional.",
    {"In Spanish": "enero", "In English, any case": "MARCH"},
    "query($mes: String!) { releasesInMonth(month: $mes) { monthName count message } }",
)  # fmt: skip
WEEKDAY = Endpoint(
    "cantidad_filmaciones_dia", "dia", shapes.weekday_releases, models.WeekdayReleases,
    "Films released on a day of the week",
    "A day in Spanish (lunes ... domingo) or English; any case, accents optional.",
    {"In Spanish": "sábado", "Without the accent": "sabado", "In English": "Monday"},
    "query($dia: String!) { releasesOnWeekday(day: $dia) { dayName count message } }",
)  # fmt: skip
SCORE = Endpoint(
    "score_titulo", "titulo", shapes.title_score, models.TitleScoreAnswer,
    "A film's release year and popularity score",
    _TITLE_HELP,
    {"One film": "Toy Story", "Three films share this title": "The Mummy", "A slash in the title": "Face/Off"},
    "query($titulo: String!) { titleScore(title: $titulo) { message suggestions "
    "matches { movie { id } title releaseYear score message } } }",
)  # fmt: skip
VOTES = Endpoint(
    "votos_titulo", "titulo", shapes.title_votes, models.TitleVotesAnswer,
    "A film's release year, and its votes when it has at least 2000",
    _TITLE_HELP,
    {"Only the 1999 film has 2000 votes": "The Mummy", "Accents optional": "les miserables"},
    "query($titulo: String!) { titleVotes(title: $titulo) { message suggestions "
    "matches { movie { id } title releaseYear meetsThreshold voteCount voteAverage message } } }",
)  # fmt: skip
ACTOR = Endpoint(
    "get_actor", "nombre_actor", shapes.actor, models.ActorAnswer,
    "An actor's films (cast credits) and their total and average return",
    _NAME_HELP,
    {"An actor": "Tom Hanks", "Accents optional": "Penelope Cruz"},
    "query($nombre_actor: String!) { actor(name: $nombre_actor) { message suggestions "
    "matches { person { id name } filmCount totalReturn averageReturn message } } }",
)  # fmt: skip
DIRECTOR = Endpoint(
    "get_director", "nombre_director", shapes.director, models.DirectorAnswer,
    "A director's return, and each film with its date, return, budget and revenue",
    _NAME_HELP,
    {"A director": "John Lasseter", "With the accent": "Pedro Almodóvar"},
    "query($nombre_director: String!) { director(name: $nombre_director) { message suggestions "
    "matches { person { id name } filmCount totalReturn averageReturn message "
    "films { movie { id } title releaseDate return budget revenue } } } }",
)  # fmt: skip
RECOMMENDATION = Endpoint(
    "recomendacion", "titulo", shapes.films_like, models.FilmsLikeAnswer,
    "The 5 films most similar to a film, as a list of titles",
    _TITLE_HELP,
    {"A film": "Toy Story", "A film with sequels": "Die Hard"},
    "query($titulo: String!) { recommendations(title: $titulo, first: 5) { message suggestions "
    "matches { movie { id title releaseYear } similar { movie { title } } message } } }",
)  # fmt: skip

ENDPOINTS = (MONTH, WEEKDAY, SCORE, VOTES, ACTOR, DIRECTOR, RECOMMENDATION)

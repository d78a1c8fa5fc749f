"""The JSON answers of the first version's endpoints: Spanish field names (ASCII: `anio` is the year).

Every answer carries `mensaje`, the customer's sentence; lookups by title or name carry every match,
most relevant first, and `mensaje` answers for the first. The examples of each model's fields are the
real answer, on the sample, to the first example of its endpoint (a test checks it).
"""

from typing import Any

from pydantic import BaseModel, Field

_TOY_STORY_SCORE = "La película Toy Story fue estrenada en el año 1995 con un score/popularidad de 21.95"
_MUMMY_VOTES = (
    "La película The Mummy fue estrenada en el año 1999. La misma cuenta con un total de 2796 valoraciones, "
    "con un promedio de 6.6"
)
_TOM_HANKS = (
    "El actor Tom Hanks ha participado de 11 cantidad de filmaciones, el mismo ha conseguido un retorno de 83.80 "
    "con un promedio de 7.62 por filmación"
)
_JOHN_LASSETER = (
    "El director John Lasseter ha dirigido 2 cantidad de filmaciones, el mismo ha conseguido un retorno de 15.48 "
    "con un promedio de 7.74 por filmación"
)
_TOY_STORY_LIKE_TITLES = ["A Bug's Life", "A Close Shave", "The Wrong Trousers", "Oliver & Company",
                          "The Great Mouse Detective"]  # fmt: skip
_TOY_STORY_LIKE = "Películas similares a Toy Story (1995): " + ", ".join(_TOY_STORY_LIKE_TITLES)
_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"]  # fmt: skip


def _field(description: str, example: Any) -> Any:
    return Field(description=description, examples=[example])


def _film_id(example: int) -> Any:
    return _field("The film's TMDB id (`movie(id:)` in GraphQL).", example)


def _title(example: str) -> Any:
    return _field("The film's title.", example)


def _year(example: int) -> Any:
    return _field("Release year (año).", example)


def _first_answer(example: str) -> Any:
    return _field("The answer for the first match.", example)


def _person_id(example: int) -> Any:
    return _field("The person's TMDB id (`person(id:)` in GraphQL).", example)


def _name(example: str) -> Any:
    return _field("The person's name.", example)


def _film_count(example: int) -> Any:
    return _field("Distinct films counted.", example)


def _total_return(example: float) -> Any:
    return _field("Sum of the films' returns (revenue / budget; 0 without a budget).", example)


def _average_return(example: float) -> Any:
    return _field("retorno_total / cantidad_filmaciones, films without a budget included.", example)


class MonthReleases(BaseModel):
    mensaje: str = _field(
        "'X cantidad de películas fueron estrenadas en el mes de X'.",
        "241 cantidad de películas fueron estrenadas en el mes de enero",
    )
    mes: str = _field("The month asked for, in Spanish.", "enero")
    cantidad: int = _field("Films released in that month, over every year.", 241)


class WeekdayReleases(BaseModel):
    mensaje: str = _field(
        "'X cantidad de películas fueron estrenadas en los días X'.",
        "160 cantidad de películas fueron estrenadas en los días sábado",
    )
    dia: str = _field("The day of the week asked for, in Spanish.", "sábado")
    cantidad: int = _field("Films released on that day of the week.", 160)


class TitleScore(BaseModel):
    id: int = _film_id(862)
    titulo: str = _title("Toy Story")
    anio: int = _year(1995)
    popularidad: float | None = _field("TMDB popularity score; null when the data set has none.", 21.946943)
    mensaje: str = _field("'La película X fue estrenada en el año X con un score/popularidad de X'.", _TOY_STORY_SCORE)


class TitleVotes(BaseModel):
    id: int = _film_id(564)
    titulo: str = _title("The Mummy")
    anio: int = _year(1999)
    cumple_minimo_votos: bool = _field("Whether the film has at least 2000 votes; its votes are given only then.", True)
    cantidad_votos: int | None = _field("Number of votes; null below 2000 votes.", 2796)
    promedio_votos: float | None = _field("Average vote (0-10); null below 2000 votes.", 6.6)
    mensaje: str = _field(
        "'La película X fue estrenada en el año X. La misma cuenta con un total de X valoraciones, con un "
        "promedio de X', or why the votes are not given.",
        _MUMMY_VOTES,
    )


class ActorReturn(BaseModel):
    id: int = _person_id(31)
    nombre: str = _name("Tom Hanks")
    cantidad_filmaciones: int = _film_count(11)
    retorno_total: float = _total_return(83.80227272430902)
    retorno_promedio: float = _average_return(7.618388429482638)
    mensaje: str = _field(
        "'El actor X ha participado de X cantidad de filmaciones, el mismo ha conseguido un retorno de X con un "
        "promedio de X por filmación'.",
        _TOM_HANKS,
    )


class DirectedFilm(BaseModel):
    id: int = _film_id(862)
    titulo: str | None = _title("Toy Story")
    fecha_estreno: str = _field("Release date, YYYY-MM-DD.", "1995-10-30")
    retorno: float = _field("revenue / budget; 0 without a budget.", 12.4518011)
    presupuesto: float = _field("Budget, in US dollars; 0 when unknown.", 30000000.0)
    ingresos: float = _field("Revenue, in US dollars; 0 when unknown.", 373554033.0)


class DirectorReturn(BaseModel):
    id: int = _person_id(7879)
    nombre: str = _name("John Lasseter")
    cantidad_filmaciones: int = _film_count(2)
    retorno_total: float = _total_return(15.478958258333334)
    retorno_promedio: float = _average_return(7.739479129166667)
    mensaje: str = _field(
        "'El director X ha dirigido X cantidad de filmaciones, el mismo ha conseguido un retorno de X con un "
        "promedio de X por filmación'.",
        _JOHN_LASSETER,
    )
    peliculas: list[DirectedFilm] = Field(description="Every film the person directed, oldest first.")


class FilmsLike(BaseModel):
    id: int = _film_id(862)
    titulo: str = _title("Toy Story")
    anio: int = _year(1995)
    recomendaciones: list[str] = _field(
        "Titles of the 5 most similar films, most similar first.", _TOY_STORY_LIKE_TITLES
    )
    mensaje: str = _field("'Películas similares a X (año): X, X, ...'.", _TOY_STORY_LIKE)


class TitleScoreAnswer(BaseModel):
    mensaje: str = _first_answer(_TOY_STORY_SCORE)
    coincidencias: list[TitleScore] = Field(description="Every film with that title, most voted first.")


class TitleVotesAnswer(BaseModel):
    mensaje: str = _first_answer(_MUMMY_VOTES)
    coincidencias: list[TitleVotes] = Field(description="Every film with that title, most voted first.")


class ActorAnswer(BaseModel):
    mensaje: str = _first_answer(_TOM_HANKS)
    coincidencias: list[ActorReturn] = Field(description="Every actor with that name, most films first.")


class DirectorAnswer(BaseModel):
    mensaje: str = _first_answer(_JOHN_LASSETER)
    coincidencias: list[DirectorReturn] = Field(description="Every director with that name, most films first.")


class FilmsLikeAnswer(BaseModel):
    mensaje: str = _first_answer(_TOY_STORY_LIKE)
    coincidencias: list[FilmsLike] = Field(description="Every film with that title, most voted first.")


class NotFound(BaseModel):
    mensaje: str = _field("Why nothing matched.", 'No se encontró ninguna película con el título "Toy Storyy"')
    sugerencias: list[str] = _field(
        "The closest known titles or names; may be empty.", ["Toy Story", "Tommy Boy", "Get Shorty", "L.A. Story",
                                                             "Tokyo Fist"]
    )  # fmt: skip


class Refused(BaseModel):
    """A request that was not answered: an invalid argument (400), past the time budget (503), or our failure (500)."""

    mensaje: str = _field(
        "What was wrong: the text GraphQL gives for the same argument, naming the path parameter.",
        "unknown month 'enro'; accepted values: " + ", ".join(_MONTHS) + " (or English names)",
    )
    argumento: str | None = Field(None, description="The path parameter at fault, if any.", examples=["mes"])
    valores_aceptados: list[str] = Field(
        default_factory=list,
        description="The accepted values, when the argument has a fixed set of them.",
        examples=[_MONTHS],
    )

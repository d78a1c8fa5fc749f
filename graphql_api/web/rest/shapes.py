"""The domain's answers in the first version's JSON shapes; a title or name that matched nothing is NotFound."""

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from graphql_api.data.model import ReadModel
from graphql_api.domain import answers
from graphql_api.domain.answers import Lookup
from graphql_api.web.rest import models

RECOMMENDATIONS = 5  # the customer's recomendacion gives five titles


def month_releases(model: ReadModel, mes: str) -> BaseModel:
    answer = answers.releases_in_month(model, mes)
    return models.MonthReleases(mensaje=answer.message, mes=answer.name, cantidad=answer.count)


def weekday_releases(model: ReadModel, dia: str) -> BaseModel:
    answer = answers.releases_on_weekday(model, dia)
    return models.WeekdayReleases(mensaje=answer.message, dia=answer.name, cantidad=answer.count)


def title_score(model: ReadModel, titulo: str) -> BaseModel:
    def match(answer: answers.TitleScore) -> models.TitleScore:
        return models.TitleScore(
            id=answers.movie_id(model, answer.movie_row), titulo=answer.title, anio=answer.release_year,
            popularidad=answer.score, mensaje=answer.message,
        )  # fmt: skip

    return _found(answers.title_score(model, titulo), models.TitleScoreAnswer, match)


def title_votes(model: ReadModel, titulo: str) -> BaseModel:
    def match(answer: answers.TitleVotes) -> models.TitleVotes:
        return models.TitleVotes(
            id=answers.movie_id(model, answer.movie_row), titulo=answer.title, anio=answer.release_year,
            cumple_minimo_votos=answer.meets_threshold, cantidad_votos=answer.vote_count,
            promedio_votos=answer.vote_average, mensaje=answer.message,
        )  # fmt: skip

    return _found(answers.title_votes(model, titulo), models.TitleVotesAnswer, match)


def actor(model: ReadModel, nombre: str) -> BaseModel:
    def match(answer: answers.PersonReturn) -> models.ActorReturn:
        return models.ActorReturn(**_person_return(model, answer))

    return _found(answers.actor(model, nombre), models.ActorAnswer, match)


def director(model: ReadModel, nombre: str) -> BaseModel:
    def film(directed: answers.DirectedFilm) -> models.DirectedFilm:
        return models.DirectedFilm(
            id=answers.movie_id(model, directed.movie_row), titulo=directed.title,
            fecha_estreno=directed.release_date, retorno=directed.return_, presupuesto=directed.budget,
            ingresos=directed.revenue,
        )  # fmt: skip

    def match(answer: answers.PersonReturn) -> models.DirectorReturn:
        films = [film(answers.directed_film(model, row)) for row in answer.film_rows]
        return models.DirectorReturn(**_person_return(model, answer), peliculas=films)

    return _found(answers.director(model, nombre), models.DirectorAnswer, match)


def films_like(model: ReadModel, titulo: str) -> BaseModel:
    def match(answer: answers.FilmsLike) -> models.FilmsLike:
        return models.FilmsLike(
            id=answers.movie_id(model, answer.movie_row), titulo=answer.title, anio=answer.release_year,
            recomendaciones=list(answer.similar_titles), mensaje=answer.message,
        )  # fmt: skip

    return _found(answers.films_like(model, titulo, RECOMMENDATIONS), models.FilmsLikeAnswer, match)


def _person_return(model: ReadModel, answer: answers.PersonReturn) -> dict[str, Any]:
    return {
        "id": answers.person_id(model, answer.person_row),
        "nombre": answer.name,
        "cantidad_filmaciones": answer.film_count,
        "retorno_total": answer.total_return,
        "retorno_promedio": answer.average_return,
        "mensaje": answer.message,
    }


def _found(lookup: Lookup[Any], answer: Callable[..., BaseModel], match: Callable[[Any], BaseModel]) -> BaseModel:
    if not lookup.matches:
        return models.NotFound(mensaje=lookup.message, sugerencias=list(lookup.suggestions))
    return answer(mensaje=lookup.message, coincidencias=[match(each) for each in lookup.matches])

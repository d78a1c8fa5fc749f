"""The first version's endpoints give the same figures as GraphQL for the same input, on the real sample."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from graphql_api.data.calendar import MONTHS_EN, MONTHS_ES, WEEKDAYS_EN, WEEKDAYS_ES
from graphql_api.domain import answers
from graphql_api.settings import Settings
from graphql_api.web.app import create_app
from graphql_api.web.rest import models
from graphql_api.web.rest.endpoints import (
    ACTOR,
    DIRECTOR,
    ENDPOINTS,
    MONTH,
    RECOMMENDATION,
    SCORE,
    VOTES,
    WEEKDAY,
    Endpoint,
)
from tests.rest_support import graphql_answer, rest_url

TITLES = (
    "Toy Story", "The Mummy", "Psycho", "Les Misérables", "les miserables", "  TOY   story ", "Face/Off",
    "Victor/Victoria", "Romeo + Juliet", "Who's Afraid of Virginia Woolf?", "Alien³", "Die Hard",
    "Toy Storyy", "Amélie", "Face/Of", "x",
)  # fmt: skip
ACTORS = ("Tom Hanks", "Anne Bancroft", "Penélope Cruz", "penelope cruz", "Tom Hankz", "Nobody At All")
DIRECTORS = ("John Lasseter", "Pedro Almodóvar", "Katsuhiro Ōtomo", "pedro almodovar", "Jon Laseter", "Nobody")
CASES = [
    *((MONTH, month) for month in (*MONTHS_ES, *MONTHS_EN, "SETIEMBRE", "Enero")),
    *((WEEKDAY, day) for day in (*WEEKDAYS_ES, *WEEKDAYS_EN, "sabado", "MIERCOLES")),
    *((endpoint, title) for endpoint in (SCORE, VOTES, RECOMMENDATION) for title in TITLES),
    *((ACTOR, name) for name in ACTORS),
    *((DIRECTOR, name) for name in DIRECTORS),
]


@pytest.fixture(scope="module")
def client(sample_model, sample_output):
    with TestClient(create_app(sample_model, Settings(data_dir=sample_output))) as test_client:
        yield test_client


def expected(endpoint: Endpoint, data: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The REST answer (status, body) that the GraphQL answer `data` calls for, field by field."""
    if endpoint is MONTH:
        found = data["releasesInMonth"]
        return 200, {"mensaje": found["message"], "mes": found["monthName"], "cantidad": found["count"]}
    if endpoint is WEEKDAY:
        found = data["releasesOnWeekday"]
        return 200, {"mensaje": found["message"], "dia": found["dayName"], "cantidad": found["count"]}
    lookup = next(iter(data.values()))
    if not lookup["matches"]:
        return 404, {"mensaje": lookup["message"], "sugerencias": lookup["suggestions"]}
    matches = [_expected_match(endpoint, match) for match in lookup["matches"]]
    return 200, {"mensaje": lookup["message"], "coincidencias": matches}


def _expected_match(endpoint: Endpoint, match: dict[str, Any]) -> dict[str, Any]:
    if endpoint is SCORE:
        return {"id": match["movie"]["id"], "titulo": match["title"], "anio": match["releaseYear"],
                "popularidad": match["score"], "mensaje": match["message"]}  # fmt: skip
    if endpoint is VOTES:
        return {"id": match["movie"]["id"], "titulo": match["title"], "anio": match["releaseYear"],
                "cumple_minimo_votos": match["meetsThreshold"], "cantidad_votos": match["voteCount"],
                "promedio_votos": match["voteAverage"], "mensaje": match["message"]}  # fmt: skip
    if endpoint is RECOMMENDATION:
        movie = match["movie"]
        return {"id": movie["id"], "titulo": movie["title"], "anio": movie["releaseYear"],
                "recomendaciones": [similar["movie"]["title"] for similar in match["similar"]],
                "mensaje": match["message"]}  # fmt: skip
    person = {"id": match["person"]["id"], "nombre": match["person"]["name"],
              "cantidad_filmaciones": match["filmCount"], "retorno_total": match["totalReturn"],
              "retorno_promedio": match["averageReturn"], "mensaje": match["message"]}  # fmt: skip
    if endpoint is DIRECTOR:
        person["peliculas"] = [
            {"id": film["movie"]["id"], "titulo": film["title"], "fecha_estreno": film["releaseDate"],
             "retorno": film["return"], "presupuesto": film["budget"], "ingresos": film["revenue"]}
            for film in match["films"]
        ]  # fmt: skip
    return person


@pytest.mark.parametrize(("endpoint", "value"), CASES, ids=[f"{e.name}-{v}" for e, v in CASES])
def test_same_figures_as_graphql(client, endpoint, value):
    graphql = graphql_answer(client, endpoint, value)
    assert "errors" not in graphql
    status, body = expected(endpoint, graphql["data"])
    response = client.get(rest_url(endpoint, value))
    assert response.status_code == status
    assert response.json() == body


def test_counts_are_integers_and_money_numbers(client):
    director = client.get("/get_director/John Lasseter").json()["coincidencias"][0]
    assert isinstance(director["cantidad_filmaciones"], int)
    assert all(isinstance(film[key], float) for film in director["peliculas"] for key in ("presupuesto", "ingresos"))
    assert director["peliculas"][0] == {
        "id": 862, "titulo": "Toy Story", "fecha_estreno": "1995-10-30", "retorno": 12.4518011,
        "presupuesto": 30000000.0, "ingresos": 373554033.0,
    }  # fmt: skip
    month = client.get("/cantidad_filmaciones_mes/enero").json()
    assert month == {"mensaje": "241 cantidad de películas fueron estrenadas en el mes de enero", "mes": "enero",
                     "cantidad": 241}  # fmt: skip


@pytest.mark.parametrize("endpoint", [SCORE, VOTES, RECOMMENDATION])
def test_an_ambiguous_title_gives_every_film(client, sample_model, endpoint):
    films = answers.title_score(sample_model, "The Mummy").matches
    assert len(films) == 3
    body = client.get(rest_url(endpoint, "The Mummy")).json()
    assert [match["id"] for match in body["coincidencias"]] == [answers.movie_id(sample_model, film.movie_row)
                                                                 for film in films]  # fmt: skip
    assert sorted(match["anio"] for match in body["coincidencias"]) == [1932, 1959, 1999]
    assert body["mensaje"] == body["coincidencias"][0]["mensaje"]


def test_votes_only_from_the_threshold(client):
    matches = client.get("/votos_titulo/The Mummy").json()["coincidencias"]
    assert [(match["anio"], match["cumple_minimo_votos"], match["cantidad_votos"]) for match in matches] == [
        (1999, True, 2796), (1932, False, None), (1959, False, None)
    ]  # fmt: skip
    assert "No cumple la condición de contar con al menos 2000 valoraciones" in matches[1]["mensaje"]


def test_an_ambiguous_name_gives_every_person(client, sample_model):
    people = answers.actor(sample_model, "Anne Bancroft").matches
    assert len(people) > 1
    body = client.get("/get_actor/Anne Bancroft").json()
    assert [match["id"] for match in body["coincidencias"]] == [
        answers.person_id(sample_model, person.person_row) for person in people
    ]


@pytest.mark.parametrize(
    ("path", "suggested"),
    [("/score_titulo/Toy Storyy", "Toy Story"), ("/get_actor/Tom Hankz", "Tom Hanks"),
     ("/get_director/Jon Laseter", "John Lasseter"), ("/recomendacion/Die Hardd", "Die Hard"),
     ("/votos_titulo/Face/Of", "Face/Off")],
)  # fmt: skip
def test_a_miss_is_a_404_with_suggestions(client, path, suggested):
    response = client.get(path)
    assert response.status_code == 404
    body = response.json()
    assert body["mensaje"].startswith("No se encontró")
    assert suggested in body["sugerencias"]
    assert "coincidencias" not in body


@pytest.mark.parametrize(
    ("endpoint", "value", "accepted"),
    [(MONTH, "enro", MONTHS_ES), (MONTH, "13", MONTHS_ES), (MONTH, "a/b", MONTHS_ES),
     (WEEKDAY, "funday", WEEKDAYS_ES), (WEEKDAY, "lunes/martes", WEEKDAYS_ES)],
)  # fmt: skip
def test_an_invalid_month_or_day_is_a_400_listing_the_accepted_values(client, endpoint, value, accepted):
    response = client.get(rest_url(endpoint, value))
    assert response.status_code == 400
    body = response.json()
    assert body["argumento"] == endpoint.argument
    assert body["valores_aceptados"] == list(accepted)
    assert all(name in body["mensaje"] for name in accepted)
    graphql_error = graphql_answer(client, endpoint, value)["errors"][0]
    assert graphql_error["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["mensaje"] == graphql_error["message"]


def test_the_documented_examples_are_real_answers(client):
    """Each field's example in /openapi.json is the sample's answer to its endpoint's first example."""
    for endpoint in ENDPOINTS:
        response = client.get(rest_url(endpoint, next(iter(endpoint.examples.values()))))
        assert_examples_are(endpoint.answer, response.json())
    assert_examples_are(models.NotFound, client.get("/score_titulo/Toy Storyy").json())
    assert_examples_are(models.Refused, client.get("/cantidad_filmaciones_mes/enro").json())


def assert_examples_are(model: type[BaseModel], shown: dict[str, Any]) -> None:
    for name, field in model.model_fields.items():
        if field.examples:
            assert shown[name] == field.examples[0], (model.__name__, name)
        else:  # a list of answers, exemplified by its first
            assert_examples_are(field.annotation.__args__[0], shown[name][0])

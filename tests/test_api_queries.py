"""The six contract queries and their rules, executed in process against hand-made data."""

import pytest

from graphql_api.schema import schema
from tests.api_data import HANKS, LASSETER, OTHER_HANKS
from tests.fixtures import CONTRACT_QUERY


def execute(model, query: str, variables: dict | None = None) -> dict:
    result = schema.execute_sync(query, root_value=model, variable_values=variables)
    assert result.errors is None, result.errors
    return result.data


def error_of(model, query: str) -> tuple[dict | None, dict]:
    result = schema.execute_sync(query, root_value=model)
    assert result.errors, "expected an error"
    error = result.errors[0]
    return result.data, {"message": error.message, **(error.extensions or {})}


def test_contract_query_runs_exactly_as_written(api_model):
    data = execute(api_model, CONTRACT_QUERY)
    assert data["mes"] == {
        "count": 1,
        "message": "1 cantidad de películas fueron estrenadas en el mes de enero",
    }
    assert data["dia"] == {
        "count": 2,
        "message": "2 cantidad de películas fueron estrenadas en los días sábado",
    }
    assert data["score"] == {
        "message": "La película Toy Story fue estrenada en el año 1995 con un score/popularidad de 21.95",
        "suggestions": [],
        "matches": [
            {
                "title": "Toy Story",
                "releaseYear": 1995,
                "score": 21.946943,
                "message": "La película Toy Story fue estrenada en el año 1995 con un score/popularidad de 21.95",
                "movie": {"id": 862},
            }
        ],
    }
    assert [match["movie"]["id"] for match in data["votos"]["matches"]] == [42884, 150689, 11224]
    assert data["actor"]["matches"][0]["person"] == {"id": HANKS, "name": "Tom Hanks"}
    assert data["director"]["matches"][0]["person"] == {"id": LASSETER, "name": "John Lasseter"}


@pytest.mark.parametrize(
    ("month", "count"),
    [
        ("enero", 1),
        ("ENERO", 1),
        ("January", 1),
        (" Marzo ", 2),
        ("abril", 1),
        ("noviembre", 2),
        ("Setiembre", 0),
    ],
)
def test_months_in_any_case_and_language(api_model, month, count):
    data = execute(
        api_model, "query($m: String!) { releasesInMonth(month: $m) { count month monthName } }", {"m": month}
    )
    assert data["releasesInMonth"]["count"] == count


@pytest.mark.parametrize(
    ("day", "count", "name"),
    [("sábado", 2, "sábado"), ("SABADO", 2, "sábado"), ("Sabado", 2, "sábado"), ("Miércoles", 1, "miércoles"),
     ("miercoles", 1, "miércoles"), ("monday", 1, "lunes"), ("Domingo", 2, "domingo"), ("viernes", 1, "viernes")],
)  # fmt: skip
def test_weekdays_with_or_without_accents(api_model, day, count, name):
    data = execute(api_model, "query($d: String!) { releasesOnWeekday(day: $d) { count dayName message } }", {"d": day})
    assert data["releasesOnWeekday"] == {
        "count": count,
        "dayName": name,
        "message": f"{count} cantidad de películas fueron estrenadas en los días {name}",
    }


@pytest.mark.parametrize("month", ["brumaire", "", "13", "enero!"])
def test_bad_month_is_a_user_error_listing_accepted_values(api_model, month):
    data, error = error_of(api_model, f'{{ releasesInMonth(month: "{month}") {{ count }} movie(id: 862) {{ id }} }}')
    assert error["code"] == "BAD_USER_INPUT"
    assert "enero, febrero, marzo" in error["message"]
    assert data == {"releasesInMonth": None, "movie": {"id": 862}}


def test_bad_weekday_is_a_user_error(api_model):
    _, error = error_of(api_model, '{ releasesOnWeekday(day: "someday") { count } }')
    assert error["code"] == "BAD_USER_INPUT"
    assert "lunes, martes, miércoles, jueves, viernes, sábado, domingo" in error["message"]


VOTES = "query($t: String!) { titleVotes(title: $t) { message suggestions matches { movie { id } voteCount voteAverage meetsThreshold message } } }"


def test_votes_threshold_is_inclusive_at_2000(api_model):
    matches = execute(api_model, VOTES, {"t": "Cinderella"})["titleVotes"]["matches"]
    by_id = {match["movie"]["id"]: match for match in matches}
    assert by_id[42884]["voteCount"] == 2001
    assert by_id[42884]["meetsThreshold"] is True
    assert by_id[150689] | {"movie": None} == {
        "movie": None,
        "voteCount": 2000,
        "voteAverage": 6.7,
        "meetsThreshold": True,
        "message": "La película Cinderella fue estrenada en el año 2015. La misma cuenta con un total de 2000 "
        "valoraciones, con un promedio de 6.7",
    }
    assert by_id[11224]["voteCount"] is None
    assert by_id[11224]["voteAverage"] is None
    assert by_id[11224]["meetsThreshold"] is False
    assert "no cumple la condición" in by_id[11224]["message"].lower()
    assert "1999" not in by_id[11224]["message"]


def test_ambiguous_title_lists_every_match_most_relevant_first(api_model):
    result = execute(api_model, VOTES, {"t": "cinderella"})["titleVotes"]
    assert [match["movie"]["id"] for match in result["matches"]] == [42884, 150689, 11224]
    assert result["message"] == result["matches"][0]["message"]
    assert result["suggestions"] == []


@pytest.mark.parametrize("title", ["Amélie", "AMELIE", "  amélie ", "the matrix", "THE  MATRIX", "The Matrix"])
def test_titles_match_ignoring_case_accents_and_spacing(api_model, title):
    data = execute(api_model, "query($t: String!) { titleScore(title: $t) { matches { movie { id } } } }", {"t": title})
    assert len(data["titleScore"]["matches"]) == 1


def test_titles_are_not_matched_by_substring(api_model):
    data = execute(api_model, '{ titleScore(title: "Toy") { message suggestions matches { title } } }')
    assert data["titleScore"]["matches"] == []
    assert data["titleScore"]["message"] == 'No se encontró ninguna película con el título "Toy"'


def test_unknown_title_gets_suggestions(api_model):
    data = execute(api_model, '{ titleScore(title: "Toy Stroy") { message suggestions matches { title } } }')
    assert data["titleScore"] == {
        "message": 'No se encontró ninguna película con el título "Toy Stroy"',
        "suggestions": ["Toy Story"],
        "matches": [],
    }


def test_actor_counts_cast_credits_each_film_once(api_model):
    data = execute(
        api_model,
        '{ actor(name: "tom hanks") { message matches { filmCount totalReturn averageReturn message person { id } } } }',
    )
    first, second = data["actor"]["matches"]
    toy_story, cinderella_2015 = 373554033 / 30000000, 543514353 / 95000000
    total = toy_story + cinderella_2015 + 0.0  # 42884 has no budget: return 0, still a film
    assert first["person"]["id"] == HANKS
    assert first["filmCount"] == 3
    assert first["totalReturn"] == pytest.approx(total)
    assert first["averageReturn"] == pytest.approx(total / 3)
    assert first["message"] == (
        f"El actor Tom Hanks ha participado de 3 cantidad de filmaciones, el mismo ha conseguido un retorno de "
        f"{total:.2f} con un promedio de {total / 3:.2f} por filmación"
    )
    assert data["actor"]["message"] == first["message"]
    assert second["person"]["id"] == OTHER_HANKS
    assert second["filmCount"] == 1


def test_director_counts_only_the_director_job(api_model):
    query = '{ director(name: "John Lasseter") { message matches { filmCount totalReturn person { id } films { title releaseDate return budget revenue movie { id } } } } }'
    matches = execute(api_model, query)["director"]["matches"]
    assert len(matches) == 1  # not "John Lasseter Jr.", not the actor credit, not Director of Photography
    match = matches[0]
    assert match["person"]["id"] == LASSETER
    assert match["filmCount"] == 2
    assert [film["movie"]["id"] for film in match["films"]] == [862, 9487]
    assert match["films"][0] == {
        "title": "Toy Story",
        "releaseDate": "1995-10-30",
        "return": 373554033 / 30000000,
        "budget": 30000000.0,
        "revenue": 373554033.0,
        "movie": {"id": 862},
    }


def test_unknown_person_gets_suggestions(api_model):
    data = execute(api_model, '{ actor(name: "Tom Hank") { message suggestions matches { filmCount } } }')
    assert data["actor"]["matches"] == []
    assert data["actor"]["message"] == 'No se encontró ningún actor con el nombre "Tom Hank"'
    assert data["actor"]["suggestions"][0] == "Tom Hanks"
    data = execute(api_model, '{ director(name: "Brandy") { message suggestions matches { filmCount } } }')
    assert data["director"]["message"] == 'No se encontró ningún director con el nombre "Brandy"'


@pytest.mark.parametrize("field", ["titleScore(title: ", "titleVotes(title: ", "actor(name: ", "director(name: "])
def test_empty_or_huge_text_is_a_user_error(api_model, field):
    for text in ["   ", "x" * 5000]:
        _, error = error_of(api_model, f'{{ result: {field}"{text}") {{ message }} }}')
        assert error["code"] == "BAD_USER_INPUT"


def test_graph_from_movie_to_cast_to_other_films(api_model):
    query = """{ movie(id: 862) { title releaseDate genres { name } collection { name movies { id } }
        directors { id } cast(first: 1) { totalCount nodes { character order person { name
        castCredits(first: 10) { totalCount nodes { character movie { id title } } } } } } } }"""
    film = execute(api_model, query)["movie"]
    assert film["collection"] == {"name": "Toy Story Collection", "movies": [{"id": 862}]}
    assert film["directors"] == [{"id": LASSETER}]
    hanks = film["cast"]["nodes"][0]
    assert hanks["character"] == "Woody (voice)"
    credits = hanks["person"]["castCredits"]
    assert credits["totalCount"] == 4  # two characters in the 2015 film
    assert [node["movie"]["id"] for node in credits["nodes"]] == [862, 42884, 150689, 150689]


def test_pages_have_hard_caps_and_cursors(api_model):
    _, error = error_of(api_model, "{ movie(id: 862) { crew(first: 101) { totalCount } } }")
    assert error["code"] == "BAD_USER_INPUT"
    assert "between 0 and 100" in error["message"]
    page = execute(
        api_model,
        "{ movie(id: 862) { crew(first: 2) { pageInfo { hasNextPage endCursor } nodes { job } } } }",
    )
    crew = page["movie"]["crew"]
    assert [node["job"] for node in crew["nodes"]] == ["Director", "Screenplay"]
    assert crew["pageInfo"]["hasNextPage"] is True
    rest = execute(
        api_model,
        "query($a: String) { movie(id: 862) { crew(first: 2, after: $a) { pageInfo { hasNextPage hasPreviousPage } nodes { job } } } }",
        {"a": crew["pageInfo"]["endCursor"]},
    )["movie"]["crew"]
    assert rest == {
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": True},
        "nodes": [{"job": "Assistant Director"}],
    }
    _, error = error_of(api_model, '{ movie(id: 862) { crew(after: "garbage") { totalCount } } }')
    assert error["code"] == "BAD_USER_INPUT"


def test_unknown_ids_are_null(api_model):
    assert execute(api_model, "{ movie(id: 1) { id } person(id: 1) { id } }") == {
        "movie": None,
        "person": None,
    }


def test_contract_on_the_real_sample(sample_model):
    data = execute(sample_model, CONTRACT_QUERY)
    assert data["score"]["matches"][0]["releaseYear"] == 1995
    assert data["actor"]["matches"][0]["person"]["name"] == "Tom Hanks"
    films = data["director"]["matches"][0]["films"]
    assert films[0] == {
        "title": "Toy Story", "releaseDate": "1995-10-30", "return": 373554033 / 30000000,
        "budget": 30000000.0, "revenue": 373554033.0, "movie": {"id": 862},
    }  # fmt: skip
    assert data["mes"]["count"] == 241  # January releases among the sample's loaded films

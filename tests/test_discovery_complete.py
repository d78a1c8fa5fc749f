"""autocomplete and searchPeople on the real sample: completions as a user types, names with typos, roles."""

import pytest

from tests.discovery import answer, refusal

COMPLETE = "query($p: String!, $first: Int = 10) { autocomplete(prefix: $p, first: $first) { title popularity } }"
PEOPLE = """query($q: String!, $role: PersonRole = ANY, $first: Int = 5, $after: String) {
  searchPeople(query: $q, role: $role, first: $first, after: $after) {
    totalCount nodes { id name acting { filmCount } directing { filmCount } } pageInfo { hasNextPage endCursor } } }"""


def completions(model, prefix: str, first: int = 10) -> list[dict]:
    return answer(model, COMPLETE, {"p": prefix, "first": first})["autocomplete"]


def titles(model, prefix: str, first: int = 10) -> list[str]:
    return [film["title"] for film in completions(model, prefix, first)]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("toy s", "Toy Story"),
        ("godf", "The Godfather"),
        ("Termin", "Terminator 2: Judgment Day"),
        ("JURAS", "Jurassic Park"),
    ],
)
def test_a_prefix_completes_to_the_most_popular_title_with_it(sample_model, prefix, expected):
    assert titles(sample_model, prefix)[0] == expected


def test_completions_come_most_popular_first(sample_model):
    found = completions(sample_model, "star")
    assert len(found) == 10
    popularity = [film["popularity"] for film in found]
    assert popularity == sorted(popularity, reverse=True)
    assert all("star" in film["title"].lower() for film in found)


def test_the_words_before_the_last_are_whole_words(sample_model):
    assert set(titles(sample_model, "star tr")) == set(titles(sample_model, "star trek", 20))
    assert all(title.lower().startswith("star trek") for title in titles(sample_model, "star tr"))


def test_a_typo_is_tolerated_from_four_letters(sample_model):
    assert titles(sample_model, "godfahter")[0] == "The Godfather"  # two letters swapped
    assert titles(sample_model, "gdfather")[0] == "The Godfather"  # one left out
    assert titles(sample_model, "gdf") == []  # three letters: completed exactly or not at all


def test_exact_completions_come_before_those_with_a_typo(sample_model):
    found = titles(sample_model, "godf")
    assert found[:3] == ["The Godfather", "The Godfather: Part II", "The Godfather: Part III"]


def test_first_slices_the_completions(sample_model):
    assert titles(sample_model, "the", 3) == titles(sample_model, "the", 10)[:3]
    assert titles(sample_model, "the", 0) == []


@pytest.mark.parametrize(
    ("prefix", "first", "argument", "says"),
    [("", 10, "prefix", "empty"), ("x" * 300, 10, "prefix", "100"), ("???", 10, "prefix", "no letter"),
     ("toy", 21, "first", "20"), ("toy", -1, "first", "20")],
)  # fmt: skip
def test_bad_completions_are_refused_naming_the_argument(sample_model, prefix, first, argument, says):
    error = refusal(sample_model, COMPLETE, {"p": prefix, "first": first})
    assert error["code"] == "BAD_USER_INPUT"
    assert error["argument"] == argument
    assert says in error["message"]


def people(model, query: str, role: str = "ANY", first: int = 5) -> dict:
    return answer(model, PEOPLE, {"q": query, "role": role, "first": first})["searchPeople"]


@pytest.mark.parametrize("query", ["Tom Hanks", "hanks tom", "tom hnaks", "TOM HANKS"])
def test_people_are_found_by_name_in_any_order_with_typos(sample_model, query):
    assert people(sample_model, query)["nodes"][0]["name"] == "Tom Hanks"


def test_a_role_keeps_only_people_with_films_in_it(sample_model):
    directors = people(sample_model, "john", "DIRECTOR", 100)["nodes"]
    assert directors
    assert all(person["directing"]["filmCount"] > 0 for person in directors)
    counts = [person["directing"]["filmCount"] for person in directors]
    assert counts[:10] == sorted(counts[:10], reverse=True)  # every name matches as well: most films first
    actors = people(sample_model, "john", "ACTOR", 100)
    assert all(person["acting"]["filmCount"] > 0 for person in actors["nodes"])
    assert people(sample_model, "john", "ANY")["totalCount"] >= actors["totalCount"]
    assert people(sample_model, "lasseter", "DIRECTOR")["nodes"][0]["name"] == "John Lasseter"


def test_people_pages_follow_their_cursors(sample_model):
    first_page = answer(sample_model, PEOPLE, {"q": "john", "first": 5})["searchPeople"]
    second_page = answer(sample_model, PEOPLE, {"q": "john", "first": 5, "after": first_page["pageInfo"]["endCursor"]})
    both = answer(sample_model, PEOPLE, {"q": "john", "first": 10})["searchPeople"]["nodes"]
    assert first_page["nodes"] + second_page["searchPeople"]["nodes"] == both


@pytest.mark.parametrize(
    ("query", "argument"),
    [('{ searchPeople(query: "") { totalCount } }', "query"), ('{ searchPeople(query: "tom", role: CAST) { totalCount } }', "role"),
     ('{ searchPeople(query: "tom", first: 1000) { totalCount } }', "first"), ('{ searchPeople(query: "tom", after: "x") { totalCount } }', "after")],
)  # fmt: skip
def test_bad_people_searches_are_refused(sample_model, query, argument):
    error = refusal(sample_model, query)
    assert error["code"] == "BAD_USER_INPUT"
    assert error["argument"] == argument

"""searchMovies: typo-tolerant title search, filters that combine, every order both ways, pages, facets, and
refusals of bad input; on the real sample, checked against a brute-force reading of the tables."""

import pytest

from tests.discovery import Catalogue, answer, refusal

TITLES = "query($q: String, $first: Int = 5) { searchMovies(query: $q, first: $first) { totalCount nodes { title } } }"
LIST = """query($q: String, $f: MovieFilter, $o: MovieOrder, $d: OrderDirection, $first: Int = 100, $after: String) {
  searchMovies(query: $q, filter: $f, orderBy: $o, orderDirection: $d, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor } } }"""
ORDERS = ["POPULARITY", "VOTE_COUNT", "VOTE_AVERAGE", "RELEASE_DATE", "REVENUE", "RETURN", "TITLE"]
NATURALLY_ASCENDING = {"TITLE"}
FILTERS = [
    {},
    {"genres": ["Animation"]},
    {"genres": ["animation", "FAMILY"], "yearFrom": 1990},
    {"yearFrom": 1980, "yearTo": 1989, "minVoteCount": 100},
    {"minVoteAverage": 7.5, "originalLanguage": "FR"},
    {"personIds": [31]},
    {"personIds": [31, 7879]},
    {"collectionId": 10194},
    {"genres": ["Drama", "Crime"], "minVoteCount": 500, "minVoteAverage": 7},
    {"yearFrom": 2050},
]


@pytest.fixture(scope="module")
def catalogue(sample_output) -> Catalogue:
    return Catalogue(sample_output)


def titles(model, query: str, first: int = 5) -> list[str]:
    return [node["title"] for node in answer(model, TITLES, {"q": query, "first": first})["searchMovies"]["nodes"]]


def every_id(model, variables: dict) -> tuple[int, list[int]]:
    """The total and the ids of every page, following the cursors."""
    ids, after = [], None
    while True:
        found = answer(model, LIST, {**variables, "after": after})["searchMovies"]
        ids += [node["id"] for node in found["nodes"]]
        if not found["pageInfo"]["hasNextPage"]:
            return found["totalCount"], ids
        after = found["pageInfo"]["endCursor"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Toy Stroy", "Toy Story"),  # two letters swapped
        ("toy story", "Toy Story"),
        ("STORY toy", "Toy Story"),  # any order, any case
        ("toy-story!", "Toy Story"),  # punctuation
        ("godfather", "The Godfather"),
        ("the godfater", "The Godfather"),  # a letter missing
        ("die hrad", "Die Hard"),
        ("schindlers list", "Schindler's List"),  # an apostrophe
        ("star wars", "Star Wars"),
        ("terminatr 2", "Terminator 2: Judgment Day"),
        ("diehard", "Die Hard"),  # two words written as one
        ("gold finger", "Goldfinger"),  # one word written as two
        ("back to teh future", "Back to the Future"),
    ],
)
def test_titles_are_found_despite_case_order_punctuation_and_typos(sample_model, query, expected):
    assert titles(sample_model, query)[0] == expected


def test_accents_are_optional(api_model):
    assert titles(api_model, "Amelie") == ["Amélie"]
    assert titles(api_model, "AMÉLIE") == ["Amélie"]


def test_the_closest_title_first_then_popularity(sample_model):
    # Every Godfather matches both words; the one with no other word comes first, then by popularity.
    assert titles(sample_model, "the godfather") == [
        "The Godfather",
        "The Godfather: Part II",
        "The Godfather: Part III",
    ]
    assert titles(sample_model, "die hard")[:3] == ["Die Hard", "Die Hard 2", "Die Hard: With a Vengeance"]


def test_every_word_must_match_when_a_title_has_them_all(sample_model, catalogue):
    total, ids = every_id(sample_model, {"q": "star"})
    assert total == len(ids) > 5
    assert all("star" in catalogue.movies[movie_id]["title"].lower() for movie_id in ids)
    total, ids = every_id(sample_model, {"q": "star trek"})
    assert all("star trek" in catalogue.movies[movie_id]["title"].lower() for movie_id in ids)


@pytest.mark.parametrize("conditions", FILTERS, ids=str)
def test_filters_combine_with_and(sample_model, catalogue, conditions):
    total, ids = every_id(sample_model, {"f": conditions})
    expected = catalogue.matching(conditions)
    assert total == len(ids) == len(expected)
    assert set(ids) == set(expected)


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("direction", [None, "ASC", "DESC"])
def test_every_order_both_ways_with_unknown_values_last(sample_model, catalogue, order, direction):
    conditions = {"genres": ["Comedy"], "yearFrom": 1990}
    _, ids = every_id(sample_model, {"f": conditions, "o": order, "d": direction})
    descending = direction == "DESC" or (direction is None and order not in NATURALLY_ASCENDING)
    assert ids == catalogue.ordered(catalogue.matching(conditions), order.lower(), descending)


def test_browsing_everything_pages_through_every_film_once(sample_model, catalogue):
    total, ids = every_id(sample_model, {"o": "RELEASE_DATE"})
    assert total == len(catalogue.movies) == len(ids) == len(set(ids))


def test_a_query_with_an_order_lists_the_same_films_in_that_order(sample_model, catalogue):
    _, relevant = every_id(sample_model, {"q": "star"})
    _, by_date = every_id(sample_model, {"q": "star", "o": "RELEASE_DATE", "d": "ASC"})
    assert sorted(relevant) == sorted(by_date)
    assert by_date == catalogue.ordered(relevant, "release_date", descending=False)


def test_relevance_is_the_default_with_a_query_and_means_popularity_without(sample_model):
    assert every_id(sample_model, {"q": "godfather"}) == every_id(sample_model, {"q": "godfather", "o": "RELEVANCE"})
    assert every_id(sample_model, {"o": "RELEVANCE", "first": 50})[1][:50] == every_id(sample_model, {})[1][:50]


def test_facets_count_the_films_found_per_genre_and_decade(sample_model, catalogue):
    query = """{ searchMovies(filter: {genres: ["Animation"]}, first: 1) {
        totalCount facets { genres { name count } decades { decade count } } } }"""
    found = answer(sample_model, query)["searchMovies"]
    ids = catalogue.matching({"genres": ["Animation"]})
    genre_counts = {
        name: sum(name in catalogue.genres[movie_id] for movie_id in ids) for name in catalogue.genres_of(ids)
    }
    assert {entry["name"]: entry["count"] for entry in found["facets"]["genres"]} == genre_counts
    assert found["facets"]["genres"][0] == {"name": "Animation", "count": found["totalCount"]}
    decades: dict[int, int] = {}
    for movie_id in ids:
        decade = catalogue.movies[movie_id]["release_year"] // 10 * 10
        decades[decade] = decades.get(decade, 0) + 1
    assert found["facets"]["decades"] == [{"decade": decade, "count": decades[decade]} for decade in sorted(decades)]


def test_a_genre_the_data_lacks_for_a_filter_is_not_silently_empty(sample_model):
    error = refusal(sample_model, '{ searchMovies(filter: {genres: ["Animaton"]}) { totalCount } }')
    assert error["code"] == "BAD_USER_INPUT"
    assert error["argument"] == "filter.genres"
    assert "Animation" in error["message"]
    assert "Science Fiction" in error["message"]


@pytest.mark.parametrize(
    ("query", "variables", "argument", "says"),
    [
        ('{ searchMovies(filter: {originalLanguage: "qq"}) { totalCount } }', None, "filter.originalLanguage", "en, "),
        (
            "{ searchMovies(filter: {personIds: [31, 123456789]}) { totalCount } }",
            None,
            "filter.personIds",
            "123456789",
        ),
        ("{ searchMovies(filter: {collectionId: 1}) { totalCount } }", None, "filter.collectionId", "1"),
        ("{ searchMovies(filter: {yearFrom: 2000, yearTo: 1990}) { totalCount } }", None, "filter.yearFrom", "after"),
        ("{ searchMovies(filter: {minVoteAverage: 11}) { totalCount } }", None, "filter.minVoteAverage", "10"),
        ("{ searchMovies(filter: {minVoteCount: -1}) { totalCount } }", None, "filter.minVoteCount", "0"),
        ('{ searchMovies(query: "") { totalCount } }', None, "query", "empty"),
        ('{ searchMovies(query: "  !! ") { totalCount } }', None, "query", "no letter"),
        (TITLES, {"q": "x" * 201}, "query", "200"),
        (TITLES, {"q": "a b c d e f g h i"}, "query", "8"),
        ("{ searchMovies(first: 101) { totalCount } }", None, "first", "100"),
        ("{ searchMovies(first: -1) { totalCount } }", None, "first", "100"),
        ('{ searchMovies(after: "nope") { totalCount } }', None, "after", "cursor"),
        ('{ searchMovies(query: "star", orderDirection: ASC) { totalCount } }', None, "orderDirection", "RELEVANCE"),
        ("{ searchMovies(orderBy: NEWEST) { totalCount } }", None, "orderBy", "RELEASE_DATE"),
        ("{ searchMovies(orderDirection: UP) { totalCount } }", None, "orderDirection", "ASC, DESC"),
    ],
)
def test_bad_input_is_refused_naming_the_argument(sample_model, query, variables, argument, says):
    error = refusal(sample_model, query, variables)
    assert error["code"] == "BAD_USER_INPUT", error
    assert argument in error["message"], error
    assert says in error["message"], error


def test_an_unknown_enum_value_in_a_variable_names_the_accepted_values(sample_model):
    error = refusal(sample_model, LIST, {"o": "NEWEST"})
    assert error["code"] == "BAD_USER_INPUT"
    assert "`orderBy`" in error["message"]
    assert "POPULARITY, VOTE_COUNT" in error["message"]


def test_a_cursor_past_the_end_gives_an_empty_page(sample_model):
    from graphql_api.schema.pagination import encode_cursor

    found = answer(sample_model, LIST, {"after": encode_cursor(10**6)})["searchMovies"]
    assert found["nodes"] == []
    assert found["totalCount"] > 0

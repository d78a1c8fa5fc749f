"""recommendationsFor and the reasons of a similarity, on the real sample: franchises found from two of their
films, never a film given back, reasons that add up to the score and say what is shared."""

import itertools

import numpy as np
import pytest

from etl.contract import SIMILARITY_WEIGHTS
from graphql_api.domain import similarity, taste
from tests.discovery import answer, refusal

TASTE = """query($liked: [Int!]!, $disliked: [Int!], $exclude: [Int!], $first: Int = 10) {
  recommendationsFor(liked: $liked, disliked: $disliked, exclude: $exclude, first: $first) {
    score movie { id title } because { id title } reasons { feature contribution detail } } }"""
SIMILAR = (
    "{ movie(id: %d) { similar(first: 50) { score movie { id title } reasons { feature contribution detail } } } }"
)
TOY_STORY, A_BUGS_LIFE = 862, 9487
TOLERANCE = 1e-5  # scores have six decimals; each reason is rounded to six too


def collections(model) -> list[list[int]]:
    """The films (TMDB ids) of each collection with three films or more, oldest first."""
    ids = model.collection_ids
    found, counts = np.unique(ids[ids >= 0], return_counts=True)
    return [
        [int(model.movie_ids[row]) for row in model.collection_movies.get(int(collection))]
        for collection in found[counts >= 3]
    ]


def share_of_franchises_found(model) -> tuple[int, int]:
    """For every collection of three films or more and every two of its films liked: in how many cases
    its other films (ten at most) are all among the ten recommended."""
    found = cases = 0
    for films in collections(model):
        for liked in itertools.combinations(films, 2):
            recommended = {
                int(model.movie_ids[entry.movie_row])
                for entry in taste.recommendations_for(model, list(liked), [], [], 10)
            }
            others = [film for film in films if film not in liked]
            found += sum(film in recommended for film in others) >= min(len(others), 10)
            cases += 1
    return found, cases


def test_liking_two_films_of_a_franchise_recommends_the_others(sample_model):
    found, cases = share_of_franchises_found(sample_model)
    assert cases > 300  # 49 collections of the sample, every two of their films
    assert found / cases >= 0.95, f"{found} of {cases}"


def test_no_film_given_is_ever_recommended(sample_model):
    rng = np.random.default_rng(7)
    ids = sample_model.movie_ids
    for _ in range(50):
        chosen = [int(film) for film in rng.choice(ids, 12, replace=False)]
        liked, disliked, excluded = chosen[:6], chosen[6:9], chosen[9:]
        found = answer(sample_model, TASTE, {"liked": liked, "disliked": disliked, "exclude": excluded, "first": 50})
        recommended = [entry["movie"]["id"] for entry in found["recommendationsFor"]]
        assert not set(recommended) & set(chosen)
        assert len(recommended) == len(set(recommended))
        for entry in found["recommendationsFor"]:
            assert {film["id"] for film in entry["because"]} <= set(liked)
            assert entry["because"]
            assert entry["score"] > 0


def test_best_first_and_reasons_add_up_to_the_score(sample_model):
    found = answer(sample_model, TASTE, {"liked": [TOY_STORY, A_BUGS_LIFE], "disliked": [2300], "first": 50})
    scores = [entry["score"] for entry in found["recommendationsFor"]]
    assert scores == sorted(scores, reverse=True)
    for entry in found["recommendationsFor"]:
        assert abs(sum(reason["contribution"] for reason in entry["reasons"]) - entry["score"]) < TOLERANCE


def test_films_near_a_disliked_film_sink(sample_model):
    liked = {"liked": [TOY_STORY, A_BUGS_LIFE]}
    before = [entry["movie"]["id"] for entry in answer(sample_model, TASTE, liked)["recommendationsFor"]]
    disliked = before[0]
    after = answer(sample_model, TASTE, {**liked, "disliked": [disliked], "first": 50})["recommendationsFor"]
    assert disliked not in [entry["movie"]["id"] for entry in after]
    near_disliked = {row for row, _ in sample_model.similar(sample_model.movie_row(disliked), 50)}
    moved = [entry for entry in after if sample_model.movie_row(entry["movie"]["id"]) in near_disliked]
    assert moved
    assert any(reason["contribution"] < 0 for entry in moved for reason in entry["reasons"])


def test_a_recommendation_says_which_liked_films_it_comes_from(sample_model):
    found = answer(sample_model, TASTE, {"liked": [TOY_STORY, 11]})["recommendationsFor"]  # and Star Wars
    assert {film["title"] for entry in found for film in entry["because"]} == {"Toy Story", "Star Wars"}
    empire = next(entry for entry in found if entry["movie"]["title"] == "The Empire Strikes Back")
    assert [film["title"] for film in empire["because"]] == ["Star Wars"]
    assert {"feature": "COLLECTION", "contribution": 0.125, "detail": "same collection: Star Wars Collection"} in (
        empire["reasons"]
    )  # the collection's weight, 0.25, over two liked films


@pytest.mark.parametrize(
    ("variables", "argument", "says"),
    [({"liked": []}, "liked", "at least one"), ({"liked": [862, 1]}, "liked", "1"),
     ({"liked": [862], "disliked": [2]}, "disliked", "2"), ({"liked": [862], "exclude": [3]}, "exclude", "3"),
     ({"liked": [862], "first": 51}, "first", "50"), ({"liked": list(range(51))}, "liked", "50")],
)  # fmt: skip
def test_bad_tastes_are_refused_naming_the_argument(sample_model, variables, argument, says):
    error = refusal(sample_model, TASTE, variables)
    assert error["code"] == "BAD_USER_INPUT"
    assert error["argument"] == argument
    assert says in error["message"]


def test_every_similar_films_reasons_add_up_and_leave_the_text_its_share(sample_model):
    """The features other than the text are computed again exactly: what remains for the text is never
    negative nor more than its weight, for every pair the ETL kept."""
    for row in range(sample_model.movie_count):
        for neighbour, score in sample_model.similar(row, 50):
            reasons = similarity.explain(sample_model, row, neighbour, score)
            assert abs(sum(reason.contribution for reason in reasons) - score) < TOLERANCE
            text = sum(reason.contribution for reason in reasons if reason.feature == "text")
            assert -TOLERANCE < text <= SIMILARITY_WEIGHTS["text"] + TOLERANCE, (row, neighbour, reasons)
            for reason in reasons:
                assert 0 < reason.contribution <= SIMILARITY_WEIGHTS[reason.feature] + TOLERANCE


def test_reasons_say_what_two_films_share(sample_model):
    similar = answer(sample_model, SIMILAR % TOY_STORY)["movie"]["similar"]
    bugs = next(entry for entry in similar if entry["movie"]["title"] == "A Bug's Life")
    assert {"feature": "DIRECTOR", "contribution": 0.1, "detail": "shared director: John Lasseter"} in bugs["reasons"]
    assert {"feature": "LANGUAGE", "contribution": 0.1, "detail": "same original language: English"} in bugs["reasons"]
    genres = next(reason for reason in bugs["reasons"] if reason["feature"] == "GENRES")
    assert genres["detail"] == "shared genres: Animation, Comedy, Family"
    assert genres["contribution"] == round(0.15 * 3 / (3 * 4) ** 0.5, 6)  # 3 of Toy Story's 3, A Bug's Life's 4
    die_hard = answer(sample_model, SIMILAR % 562)["movie"]["similar"][0]
    assert {"feature": "COLLECTION", "contribution": 0.25, "detail": "same collection: Die Hard Collection"} in (
        die_hard["reasons"]
    )
    cast = [reason for entry in answer(sample_model, SIMILAR % 1891)["movie"]["similar"] for reason in entry["reasons"]
            if reason["feature"] == "CAST"]  # fmt: skip
    assert any(reason["detail"].startswith("shared cast: Mark Hamill, Harrison Ford") for reason in cast)

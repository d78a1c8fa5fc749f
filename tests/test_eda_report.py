"""The EDA report on the real sample: its numbers against the API's answers and against plain pandas."""

import json
import re
from html import escape
from pathlib import Path

import pandas as pd
import pytest

from eda.calendar import MONTHS_ES, WEEKDAYS_ES
from eda.report import SECTIONS, build_report
from eda.rules import DOLLAR_FLOOR, VOTES_THRESHOLD
from graphql_api.schema import schema


@pytest.fixture(scope="module")
def report(sample_output: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("eda") / "report"
    build_report(sample_output, out)
    return out


@pytest.fixture(scope="module")
def numbers(report: Path) -> dict:
    return json.loads((report / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(report: Path) -> str:
    return (report / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def movies(sample_output: Path) -> pd.DataFrame:
    return pd.read_parquet(sample_output / "movies.parquet")


def ask(model, query: str) -> dict:
    result = schema.execute_sync(query, root_value=model)
    assert result.errors is None, result.errors
    return result.data


def section(numbers: dict, key: str) -> dict:
    return numbers["sections"][key]["numbers"]


def test_every_figure_is_a_png_beside_the_page(report, numbers):
    files = [figure["file"] for part in numbers["sections"].values() for figure in part["figures"]]
    assert len(files) >= 25
    assert sorted(path.name for path in report.glob("*.png")) == sorted(files)
    for name in files:
        assert (report / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_page_loads_nothing_from_elsewhere(page):
    sources = re.findall(r'src="([^"]*)"', page)
    assert sources
    assert all(re.fullmatch(r"data:image/png;base64,[A-Za-z0-9+/=]+", source) for source in sources)
    text = re.sub(r'src="[^"]*"', "", page)
    assert re.search(r"https?:|//|url\(|@import", text, re.IGNORECASE) is None
    assert "<script" not in text
    assert "<link" not in text


def test_every_section_is_there_with_its_question(page, numbers):
    for number, module in enumerate(SECTIONS, 1):
        assert f'<section id="{module.KEY}">' in page
        assert f"<h2>{number}. " in page
        part = numbers["sections"][module.KEY]
        assert part["question"], module.KEY
        assert part["figures"], module.KEY


def test_every_figure_states_what_it_shows(page, numbers):
    for part in numbers["sections"].values():
        for figure in part["figures"]:
            assert figure["title"]
            assert figure["source"].startswith("Source: ")
            assert re.search(r"\d", figure["finding"]), figure  # a sentence computed from the data
            assert escape(figure["finding"], quote=True) in page  # in the figure's text alternative


def test_reconciliation_is_the_manifests(numbers, sample_output):
    manifest = json.loads((sample_output / "manifest.json").read_text())
    inputs = section(numbers, "quality")["inputs"]
    for name, entry in manifest["inputs"].items():
        for field in ("rows_read", "rows_loaded", "rows_repaired", "duplicates_merged", "rows_rejected"):
            assert inputs[name][field] == entry[field]
    assert section(numbers, "quality")["rejects_by_reason"] == [
        {"file": manifest["inputs"]["movies"]["file"], "reason": "release_date is empty", "rows": 2}
    ]


def test_month_and_weekday_counts_are_the_apis(numbers, sample_model):
    releases = section(numbers, "releases")
    for month in MONTHS_ES:
        answer = ask(sample_model, f'{{ releasesInMonth(month: "{month}") {{ count }} }}')
        assert releases["per_month"][month] == answer["releasesInMonth"]["count"], month
    for day in WEEKDAYS_ES:
        answer = ask(sample_model, f'{{ releasesOnWeekday(day: "{day}") {{ count }} }}')
        assert releases["per_weekday"][day] == answer["releasesOnWeekday"]["count"], day


def test_release_counts_match_pandas(numbers, movies):
    releases = section(numbers, "releases")
    dates = pd.to_datetime(movies["release_date"], format="%Y-%m-%d")
    assert list(releases["per_month"].values()) == dates.dt.month.value_counts().sort_index().tolist()
    assert list(releases["per_weekday"].values()) == dates.dt.day_of_week.value_counts().sort_index().tolist()
    per_year = movies["release_year"].value_counts()
    assert releases["peak_year"] == {"year": int(per_year.idxmax()), "films": int(per_year.max())}


def test_vote_threshold_is_the_apis(numbers, movies, sample_model):
    threshold = section(numbers, "votes")["threshold"]
    assert threshold["votes"] == VOTES_THRESHOLD
    assert threshold["films_passing"] == int((movies["vote_count"] >= VOTES_THRESHOLD).sum())
    # A film just above the threshold and one just below: the API agrees on which side each is.
    above = movies[movies["vote_count"] >= VOTES_THRESHOLD].nsmallest(1, "vote_count").iloc[0]
    below = movies[movies["vote_count"] < VOTES_THRESHOLD].nlargest(1, "vote_count").iloc[0]
    for film, passes in ((above, True), (below, False)):
        query = f'{{ titleVotes(title: "{film["title"]}") {{ matches {{ meetsThreshold movie {{ id }} }} }} }}'
        matches = ask(sample_model, query)["titleVotes"]["matches"]
        match = next(match for match in matches if int(match["movie"]["id"]) == film["id"])
        assert match["meetsThreshold"] is passes


@pytest.mark.parametrize("role", ["directors", "actors"])
def test_top_people_are_the_apis_answers(numbers, sample_model, role):
    people = section(numbers, "people")
    field = "director" if role == "directors" else "actor"
    for person in people[f"top_{role}_by_films"][:8]:
        query = f'{{ {field}(name: "{person["name"]}") {{ matches {{ filmCount totalReturn averageReturn person {{ id }} }} }} }}'
        matches = ask(sample_model, query)[field]["matches"]
        match = next(match for match in matches if int(match["person"]["id"]) == person["person_id"])
        assert match["filmCount"] == person["films"]
        assert match["totalReturn"] == pytest.approx(person["total_return"])
        assert match["averageReturn"] == pytest.approx(person["average_return"])


def test_top_directors_match_pandas(numbers, sample_output):
    crew = pd.read_parquet(sample_output / "crew.parquet")
    directed = crew[crew["job"] == "Director"][["person_id", "movie_id"]].drop_duplicates()
    films = directed.groupby("person_id").size().sort_values(ascending=False)
    top = section(numbers, "people")["top_directors_by_films"]
    assert [person["films"] for person in top] == films.head(len(top)).tolist()


def test_money_numbers_match_pandas(numbers, movies):
    money = section(numbers, "quality")["money"]
    assert money["budget_zero"] == int((movies["budget"] == 0).sum())
    assert money["budget_under_floor"] == int(movies["budget"].between(1, DOLLAR_FLOOR - 1).sum())
    both = movies[(movies["budget"] > 0) & (movies["revenue"] > 0)]
    top = section(numbers, "money")["top_returns"][0]
    assert top["id"] == int(both.loc[both["return"].idxmax(), "id"])
    assert section(numbers, "money")["made_back_budget"] == int((both["revenue"] >= both["budget"]).sum())


def test_strongest_correlation_matches_pandas(numbers, movies):
    spearman = section(numbers, "correlations")["spearman"]
    budget = movies["budget"].where(movies["budget"] > 0)
    revenue = movies["revenue"].where(movies["revenue"] > 0)
    paired = pd.DataFrame({"budget": budget, "revenue": revenue}).dropna()
    expected = paired["budget"].rank().corr(paired["revenue"].rank())  # Pearson on ranks of the films with both
    assert spearman["budget"]["revenue"] == pytest.approx(expected)
    strongest = section(numbers, "correlations")["strongest_pairs"]
    assert abs(strongest[0]["rho"]) == max(abs(pair["rho"]) for pair in strongest)


def test_recommender_measures_match_pandas(numbers, movies, sample_output):
    recommendations = pd.read_parquet(sample_output / "recommendations.parquet")
    top5 = recommendations[recommendations["rank"] < 5]
    recommender = section(numbers, "recommender")
    assert recommender["coverage"]["top5"] == pytest.approx(top5["similar_id"].nunique() / len(movies))
    collection = movies.set_index("id")["collection_id"]
    pairs = top5.assign(film=top5["movie_id"].map(collection), other=top5["similar_id"].map(collection))
    hits = pairs[pairs["film"].notna() & (pairs["film"] == pairs["other"])]["movie_id"].nunique()
    in_shared = collection.groupby(collection).transform("size").gt(1).sum()
    assert recommender["collection_hits"]["films"] == in_shared
    assert recommender["collection_hits"]["hit_in_top5"] == hits

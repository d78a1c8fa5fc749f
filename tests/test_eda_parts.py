"""Parts of the EDA report: number formats, word counts, and the same tables giving the same figures."""

from pathlib import Path

import pandas as pd
import pytest

from eda import formats, text
from eda.data import load_tables
from eda.report import build_section
from eda.sections import releases, words


@pytest.mark.parametrize(
    ("share", "written"),
    [(0.48, "48%"), (0.004, "0.4%"), (0.000667, "0.067%"), (0.9989, "99.8%"), (1.0, "100%"), (0.0, "0%")],
)
def test_percent(share, written):
    assert formats.percent(share) == written


def test_dollars_and_ratios():
    assert formats.dollars(113) == "$113"
    assert formats.dollars(30_000_000) == "$30.0 million"
    assert formats.dollars(1_845_034_188) == "$1.8 billion"
    assert formats.short_dollars(1000) == "$1K"
    assert [formats.short_count(value) for value in (2.5, 2000, 40_000, 20_000_000)] == ["2.5", "2,000", "40K", "20M"]
    assert formats.ratio(1_018_619.5) == "1,018,620"
    assert formats.ratio(0.83) == "0.83"
    assert formats.rho(-0.001) == "+0.00"


def test_words_without_the_stop_words_of_english_and_of_the_films_language():
    texts = pd.Series(["La Haine", "The Love of the City", "Love in the War", "Der Krieg", "The War", None])
    languages = pd.Series(["fr", "en", "en", "de", "de", "en"])
    counts = text.count_words(texts, languages)
    assert counts.total().to_dict() == {"love": 2, "war": 2, "city": 1, "haine": 1, "krieg": 1}
    # "der" is German and only German films use it; "war" is also a German stop word, but English films
    # use it as much: it stays.
    assert counts.removed_other_language.to_dict() == {"der": 1, "la": 1}
    assert counts.of("de").to_dict() == {"krieg": 1, "war": 1}


def test_possessives_and_apostrophes():
    counts = text.count_words(pd.Series(["The Woman's Story", "Don't Look Now", "’Tis Pity"]), pd.Series(["en"] * 3))
    assert counts.total().to_dict() == {"look": 1, "now": 1, "pity": 1, "story": 1, "tis": 1, "woman": 1}


def test_same_tables_same_figures(sample_output: Path):
    tables = load_tables(sample_output)
    for module in (releases, words):  # words draws the word cloud, the one figure with randomness in it
        first, second = build_section(module, tables), build_section(module, tables)
        assert [chart.png for chart in first.charts] == [chart.png for chart in second.charts]
        assert first.numbers == second.numbers

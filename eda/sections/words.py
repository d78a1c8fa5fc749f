"""7. Words: the most frequent words of titles and overviews, stop words removed in each film's language."""

import numpy as np
from matplotlib.figure import Figure
from wordcloud import WordCloud

from eda import figures, formats, text
from eda.content import Note, Section
from eda.data import Tables
from eda.sections import catalogue

NEEDS = ("movies",)
KEY = "words"
TITLE = "Words"
QUESTION = (
    "What are films about, in their own words? Title and overview words are the recommender's text feature (TF-IDF)."
)
_TOP_WORDS = 20
_LANGUAGE_PANELS = 6
_MIN_LANGUAGE_FILMS = 20
_CLOUD_WORDS = 150


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    titles = text.count_words(movies["title"], movies["original_language"])
    overviews = text.count_words(movies["overview"], movies["original_language"])
    if titles.total().empty:
        section.items.append(Note("No title has a word left once stop words are removed."))
        return
    source = (
        formats.source(["movies"], len(movies)) + "; stop words of English and of each film's original language removed"
    )
    _cloud(section, titles, source)
    _top_terms(section, titles, overviews, source)
    _by_language(section, tables, titles, overviews, source)


def _cloud(section: Section, titles: text.WordCounts, source: str) -> None:
    frequencies = titles.total()
    top = frequencies.head(_CLOUD_WORDS)
    section.numbers["top_title_words"] = frequencies.head(_TOP_WORDS).to_dict()
    following = ", ".join(f"'{word}'" for word in top.index[1:3])
    finding = f"'{top.index[0]}' is the most frequent title word ({formats.count(top.iloc[0])} titles)" + (
        f", then {following}." if following else "."
    )
    # A fixed seed and size: the same words give the same picture. Dark colours only: every word reads on white.
    cloud = WordCloud(
        width=980, height=430, background_color="white", random_state=0, max_words=_CLOUD_WORDS,
        colormap="Dark2", prefer_horizontal=0.9, min_font_size=9, relative_scaling=0.5,
    ).generate_from_frequencies(top.to_dict())  # fmt: skip

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_axis_off()

    title = f"Title words (the {len(top)} most frequent; size by number of titles)"
    section.items.append(figures.chart("title-word-cloud", title, finding, source, draw, 5.6))


def _top_terms(section: Section, titles: text.WordCounts, overviews: text.WordCounts, source: str) -> None:
    title_top = titles.total().head(_TOP_WORDS)
    overview_top = overviews.total().head(_TOP_WORDS)
    section.numbers["top_overview_words"] = overview_top.to_dict()
    if overview_top.empty:
        section.items.append(Note("No overview has a word left once stop words are removed."))
        return
    finding = (
        f"Overviews most often mention '{overview_top.index[0]}' ({formats.count(overview_top.iloc[0])} times) and "
        f"'{overview_top.index[1] if len(overview_top) > 1 else ''}'; titles '{title_top.index[0]}'."
    )

    def draw(figure: Figure) -> None:
        left, right = figure.subplots(1, 2)
        for ax, top, noun in ((left, title_top, "titles"), (right, overview_top, "overviews")):
            figures.hbars(ax, list(top.index), list(top.values), f"Occurrences in {noun}")
            ax.set_title(noun.capitalize())

    title = f"The {_TOP_WORDS} most frequent words of titles and overviews"
    section.items.append(figures.chart("top-words", title, finding, source, draw, 6.4))


def _by_language(
    section: Section, tables: Tables, titles: text.WordCounts, overviews: text.WordCounts, source: str
) -> None:
    movies = tables["movies"]
    films = movies["original_language"].value_counts()
    languages = [code for code, n in films.items() if n >= _MIN_LANGUAGE_FILMS][:_LANGUAGE_PANELS]
    removed = titles.removed_other_language.add(overviews.removed_other_language, fill_value=0)
    removed = removed.sort_index().sort_values(ascending=False, kind="stable").astype(np.int64)
    section.numbers["removed_as_other_language_stop_words"] = {
        "occurrences": int(removed.sum()), "top": removed.head(10).to_dict()
    }  # fmt: skip
    combined = {code: titles.of(code).add(overviews.of(code), fill_value=0) for code in languages}
    combined = {
        code: counts.sort_index().sort_values(ascending=False, kind="stable") for code, counts in combined.items()
    }
    section.numbers["top_words_by_language"] = {
        code: counts.head(8).astype(np.int64).to_dict() for code, counts in combined.items()
    }
    if len(languages) < 2:
        section.items.append(
            Note(f"Fewer than two original languages have {_MIN_LANGUAGE_FILMS} films: no comparison.")
        )
        return
    labels = catalogue.language_labels(tables, languages)
    others = [code for code in languages if code != text.ENGLISH]
    named = "; ".join(f"{labels[code]}, '{combined[code].index[0]}'" for code in others[:3] if len(combined[code]))
    removed_words = ", ".join(f"'{word}'" for word in removed.index[:4])
    finding = f"Beyond English, the top word per language is {named}."
    if len(removed):
        finding += (
            f" Stop words of films' own languages ({removed_words}...) removed {formats.count(removed.sum())} "
            "more occurrences."
        )

    def draw(figure: Figure) -> None:
        axes = figure.subplots(2, 3).ravel()
        for ax, code in zip(axes, languages, strict=False):
            top = combined[code].head(8)
            figures.hbars(ax, list(top.index), list(top.values), "Occurrences")
            ax.set_title(f"{labels[code]}: {formats.count(films[code])} films")
        for ax in axes[len(languages) :]:
            ax.set_axis_off()

    title = "Title and overview words by original language"
    section.items.append(figures.chart("words-by-language", title, finding, source, draw, 7.0))

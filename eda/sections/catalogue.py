"""6. Genres, languages, countries, companies and collections: counts, and shares over decades."""

from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from eda import calendar, figures, formats, rules
from eda.content import Note, Section, empty_note
from eda.data import Tables

NEEDS = ("movies",)
KEY = "catalogue"
TITLE = "Genres, languages, countries, companies, collections"
QUESTION = (
    "What does the catalogue hold, and how has its mix changed? Features the model weighs are only as varied as this."
)
_DECADE_ROWS = 12  # genres or languages in a share-over-decades grid


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    genres = _linked(movies, tables["movie_genres"], "genre_id", tables["genres"])
    codes = movies["original_language"].fillna("")
    languages = pd.DataFrame({"movie_id": movies["id"], "name": codes.map(language_labels(tables, codes.unique()))})
    _genres(section, movies, genres)
    _languages(section, movies, languages)
    _countries_and_companies(section, tables)
    _collections(section, tables)


def _linked(movies: pd.DataFrame, links: pd.DataFrame, key: str, entities: pd.DataFrame) -> pd.DataFrame:
    """One row per film and linked entity: movie_id and the entity's name."""
    names = _names(entities)
    return pd.DataFrame(
        {"movie_id": links["movie_id"].to_numpy(), "name": names.reindex(links[key].to_numpy()).fillna("?").to_numpy()}
    )


def _names(entities: pd.DataFrame) -> pd.Series:
    key, name = entities.columns[:2]
    names = entities[name].where(entities[name].fillna("").str.strip() != "", entities[key].astype(str))
    return pd.Series(names.to_numpy(), index=entities[key].to_numpy())


def language_labels(tables: Tables, codes: Iterable[str]) -> dict[str, str]:
    """'Français (fr)' for each code, where the figures' font can draw the name; else the code alone."""
    names = _names(tables["languages"])
    labels = {}
    for code in codes:
        name = names.get(code)
        drawn = isinstance(name, str) and name != code and figures.drawable(name)
        labels[code] = f"{name} ({code})" if drawn else code or "(none)"
    return labels


def _counts(links: pd.DataFrame) -> pd.Series:
    """Films per name, most first (ties by name)."""
    counts = links.drop_duplicates().groupby("name").size()
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def _genres(section: Section, movies: pd.DataFrame, genres: pd.DataFrame) -> None:
    if genres.empty:
        section.items.append(empty_note("movie_genres"))
        return
    counts = _counts(genres)
    total = len(movies)
    section.numbers["genres"] = counts.to_dict()
    per_film = len(genres) / total
    finding = (
        f"{counts.index[0]} is the most common genre ({formats.count(counts.iloc[0])} films, "
        f"{formats.percent(counts.iloc[0] / total)}), then {counts.index[1] if len(counts) > 1 else 'nothing else'}; "
        f"a film has {per_film:.1f} genres on average."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        figures.hbars(
            ax, list(counts.index), list(counts.values), "Films (a film can have several genres)",
            formats.count_and_share(total),
        )  # fmt: skip

    source = formats.source(["movies", "movie_genres", "genres"], total)
    section.items.append(figures.chart("genres", "Films per genre", finding, source, draw, 6.0))
    _shares_over_decades(section, movies, genres, "genre", source)


def _shares_over_decades(section: Section, movies: pd.DataFrame, links: pd.DataFrame, noun: str, source: str) -> None:
    decade_of = pd.Series(calendar.decades(movies), index=movies["id"].to_numpy())
    per_decade = decade_of.value_counts().sort_index()
    kept = per_decade[per_decade >= rules.MIN_DECADE_FILMS]
    if len(kept) < 2:
        section.items.append(
            Note(f"Fewer than two decades have {rules.MIN_DECADE_FILMS} films: no {noun} shares over decades.")
        )
        return
    pairs = links.drop_duplicates()
    pairs = pairs.assign(decade=decade_of.reindex(pairs["movie_id"].to_numpy()).to_numpy())
    top = _counts(links).index[:_DECADE_ROWS]
    grid = pairs[pairs["name"].isin(top)].groupby(["name", "decade"]).size().unstack(fill_value=0)
    grid = grid.reindex(index=top, columns=kept.index, fill_value=0) / kept.to_numpy()
    first, last = kept.index[0], kept.index[-1]
    change = grid[last] - grid[first]
    rising, falling = change.idxmax(), change.idxmin()
    section.numbers[f"{noun}_share_by_decade"] = {
        name: {int(decade): float(share) for decade, share in row.items()} for name, row in grid.iterrows()
    }
    finding = (
        f"From the {first}s to the {last}s, {rising}'s share of films grew the most "
        f"({formats.percent(grid.at[rising, first])} to {formats.percent(grid.at[rising, last])}) and "
        f"{falling}'s fell the most ({formats.percent(grid.at[falling, first])} to "
        f"{formats.percent(grid.at[falling, last])})."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        columns = [f"{decade}s\n{formats.count(n)}" for decade, n in kept.items()]
        figures.heatmap(figure, ax, grid.to_numpy() * 100, list(grid.index), columns, lambda v: f"{v:.0f}",
                        "Share of the decade's films (%)")  # fmt: skip
        ax.set_xlabel(f"Release decade (films in the decade; decades with at least {rules.MIN_DECADE_FILMS} films)")

    title = f"Share of films per {noun} and decade"
    name = f"{noun.replace(' ', '-')}-share-by-decade"
    section.items.append(figures.chart(name, title, finding, source, draw, 6.0))


def _languages(section: Section, movies: pd.DataFrame, languages: pd.DataFrame) -> None:
    counts = _counts(languages)
    total = len(movies)
    section.numbers["original_languages"] = counts.head(rules.TOP).to_dict()
    section.numbers["original_language_count"] = len(counts)
    top = counts.head(rules.TOP)
    finding = (
        f"{top.index[0]} is the original language of {formats.percent(top.iloc[0] / total)} of films; "
        f"the other {formats.count(len(counts) - 1)} languages share the rest"
        + (f", {top.index[1]} first." if len(top) > 1 else ".")
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        figures.hbars(ax, list(top.index), list(top.values), "Films", formats.count_and_share(total))

    source = formats.source(["movies", "languages"], total)
    section.items.append(figures.chart("original-languages", "Films per original language", finding, source, draw, 6.0))
    _shares_over_decades(section, movies, languages, "original language", source)


def _countries_and_companies(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    countries = _counts(_linked(movies, tables["movie_countries"], "country_code", tables["countries"]))
    companies = _counts(_linked(movies, tables["movie_companies"], "company_id", tables["companies"]))
    section.numbers["countries"] = countries.head(rules.TOP).to_dict()
    section.numbers["companies"] = companies.head(rules.TOP).to_dict()
    if countries.empty or companies.empty:
        section.items.append(empty_note("movie_countries" if countries.empty else "movie_companies"))
        return
    total = len(movies)
    finding = (
        f"{countries.index[0]} took part in {formats.percent(countries.iloc[0] / total)} of films "
        f"({formats.count(countries.iloc[0])}); {companies.index[0]} has the most films of any of the "
        f"{formats.count(len(companies))} companies ({formats.count(companies.iloc[0])})."
    )

    def draw(figure: Figure) -> None:
        left, right = figure.subplots(1, 2)
        for ax, counts, noun in ((left, countries, "Production countries"), (right, companies, "Production companies")):
            top = counts.head(rules.TOP)
            figures.hbars(ax, list(top.index), list(top.values), "Films")
            ax.set_title(noun)

    source = formats.source(["movies", "movie_countries", "countries", "movie_companies", "companies"], total)
    title = "Countries and companies with the most films"
    section.items.append(figures.chart("countries-and-companies", title, finding, source, draw, 6.0))


def _collections(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    in_collection = movies[movies["collection_id"].notna()]
    section.numbers["films_in_collections"] = len(in_collection)
    if in_collection.empty:
        section.items.append(Note("No film belongs to a collection."))
        return
    names = _names(tables["collections"])
    grouped = in_collection.groupby("collection_id").agg(films=("id", "size"), revenue=("revenue", "sum"))
    grouped["name"] = names.reindex(grouped.index.astype(np.int64)).fillna("?").to_numpy()
    grouped = grouped.sort_values(["films", "revenue"], ascending=False, kind="stable")
    top = grouped.head(rules.TOP)
    section.numbers["collections"] = {
        "count": len(grouped),
        "largest": {row["name"]: int(row["films"]) for _, row in top.iterrows()},
    }
    richest = grouped.loc[grouped["revenue"].idxmax()]
    finding = (
        f"{formats.count(len(in_collection))} films ({formats.percent(len(in_collection) / len(movies))}) belong to "
        f"one of {formats.count(len(grouped))} collections; {top.iloc[0]['name']} is the largest "
        f"({top.iloc[0]['films']} films), "
        f"{richest['name']} made the most revenue ({formats.dollars(richest['revenue'])})."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        labels = [
            f"{figures.shorten(name, 26)} ({formats.dollars(revenue)})"
            for name, revenue in zip(top["name"], top["revenue"], strict=True)
        ]
        figures.hbars(ax, labels, top["films"].tolist(), "Films in the collection (total revenue in brackets)")

    source = formats.source(["movies", "collections"], len(in_collection)) + " in a collection"
    section.items.append(figures.chart("collections", "Largest collections", finding, source, draw, 6.0))

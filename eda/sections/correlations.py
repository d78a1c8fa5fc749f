"""8. Correlations: rank correlations between the films' numeric columns, the strongest pairs named."""

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from eda import figures, formats
from eda.content import Note, Section, Table
from eda.data import Tables

NEEDS = ("movies",)
KEY = "correlations"
TITLE = "Correlations"
QUESTION = "Which signals move together, and which carry information the others do not?"
_MIN_PAIRS = 30  # films with both values, for a coefficient to be shown
_STRONGEST = 5


def fill(section: Section, tables: Tables) -> None:
    columns = numeric_columns(tables)
    matrix = columns.corr(method="spearman", min_periods=_MIN_PAIRS)
    pairs = _pairs(matrix, columns)
    section.numbers["spearman"] = {row: values.to_dict() for row, values in matrix.iterrows()}
    section.numbers["strongest_pairs"] = pairs.head(_STRONGEST).to_dict("records")
    if pairs.empty:
        section.items.append(Note(f"No two columns have {_MIN_PAIRS} films with both values: no correlation to show."))
        return
    top = pairs.head(3)
    named = "; ".join(f"{row.first} and {row.second} (ρ = {formats.rho(row.rho)})" for row in top.itertuples())
    weakest = pairs.iloc[-1]
    finding = (
        f"The strongest rank correlations are {named}; the weakest, {weakest['first']} and "
        f"{weakest['second']}, is {formats.rho(weakest['rho'])}."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        figures.heatmap(figure, ax, matrix.to_numpy(), list(matrix.index), list(matrix.columns),
                        formats.rho, "Spearman rank correlation (ρ)", cmap="RdBu_r", centred=True)  # fmt: skip
        ax.tick_params(axis="x", labelrotation=35)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")

    source = (
        formats.source(["movies", "movie_genres", "cast"], len(columns))
        + "; budget, revenue and return of 0 count as missing, as do vote averages without votes and runtimes of 0; "
        "each pair over the films having both"
    )
    section.items.append(
        figures.chart("rank-correlations", "Rank correlations of the numeric columns", finding, source, draw, 7.6)
    )
    section.items.append(
        Table(
            "The strongest pairs",
            ("Column", "Column", "Spearman ρ", "Films with both"),
            [
                (row.first, row.second, formats.rho(row.rho), formats.count(row.films))
                for row in pairs.head(_STRONGEST).itertuples()
            ],
        )
    )


def numeric_columns(tables: Tables) -> pd.DataFrame:
    """One row per film; a value that means 'unknown' in the tables (a budget of 0) is missing here."""
    movies = tables["movies"]
    known_money = (movies["budget"] > 0) & (movies["revenue"] > 0)
    ids = movies["id"]
    return pd.DataFrame(
        {
            "budget": movies["budget"].where(movies["budget"] > 0).astype(float),
            "revenue": movies["revenue"].where(movies["revenue"] > 0).astype(float),
            "return": movies["return"].where(known_money),
            "popularity": movies["popularity"],
            "vote count": movies["vote_count"].astype(float),
            "vote average": movies["vote_average"].where(movies["vote_count"] > 0),
            "runtime": movies["runtime"].where(movies["runtime"] > 0),
            "release year": movies["release_year"].astype(float),
            "genres": ids.map(tables["movie_genres"]["movie_id"].value_counts()).fillna(0).astype(float),
            "cast size": ids.map(tables["cast"]["movie_id"].value_counts()).astype(float),
        }
    )


def _pairs(matrix: pd.DataFrame, columns: pd.DataFrame) -> pd.DataFrame:
    """Every pair of distinct columns with a coefficient, strongest (by absolute value) first."""
    present = columns.notna().to_numpy(dtype=np.int64)
    both = present.T @ present
    rows = [
        {"first": first, "second": second, "rho": float(matrix.iat[i, j]), "films": int(both[i, j])}
        for i, first in enumerate(matrix.index)
        for j, second in enumerate(matrix.columns)
        if i < j and not np.isnan(matrix.iat[i, j])
    ]
    pairs = pd.DataFrame(rows, columns=["first", "second", "rho", "films"])
    order = np.argsort(-pairs["rho"].abs().to_numpy(), kind="stable")
    return pairs.iloc[order].reset_index(drop=True)

"""1. Data quality: how every input row was accounted for, what is missing, and money that is not in dollars."""

import re

import pandas as pd
from matplotlib.figure import Figure

from eda import figures, formats, rules
from eda.content import Note, Section, Table, empty_note
from eda.data import Tables
from eda.sections import money

NEEDS = ()  # the reconciliation needs only the manifest
KEY = "quality"
TITLE = "Data quality"
QUESTION = "Which numbers can the model trust, and which fields are too often missing or wrong to lean on?"
_LINKS = {"genres": "movie_genres", "companies": "movie_companies", "countries": "movie_countries",
          "spoken languages": "movie_languages", "cast": "cast", "crew": "crew"}  # fmt: skip


def fill(section: Section, tables: Tables) -> None:
    _reconciliation(section, tables)
    if tables.empty("movies"):
        section.items.append(empty_note("movies"))
        return
    _missing(section, tables)
    _money_not_in_dollars(section, tables["movies"])


def _reconciliation(section: Section, tables: Tables) -> None:
    inputs = tables.manifest.get("inputs", {})
    fields = ("rows_read", "rows_loaded", "rows_repaired", "duplicates_merged", "rows_rejected")
    section.numbers["inputs"] = {name: {field: entry.get(field) for field in fields} for name, entry in inputs.items()}
    rows = [
        (entry.get("file", name), *(formats.count(entry[field]) if field in entry else "?" for field in fields))
        for name, entry in inputs.items()
    ]
    section.items.append(
        Table(
            "Every input row accounted for (rows read = loaded + duplicates merged + rejected)",
            ("Input file", "Rows read", "Loaded", "Repaired", "Duplicates merged", "Rejected"),
            rows,
        )
    )
    rejects = tables.rejects.assign(kind=tables.rejects["reason"].map(_reason_kind))
    by_reason = rejects.groupby(["file", "kind"]).size().sort_values(ascending=False, kind="stable")
    section.numbers["rejects_by_reason"] = [
        {"file": file, "reason": kind, "rows": int(rows)} for (file, kind), rows in by_reason.items()
    ]
    if by_reason.empty:
        section.items.append(Note("No row was rejected."))
    else:
        section.items.append(
            Table(
                "Rejected rows by reason (numbers in reasons written N; every row is in rejects.csv)",
                ("Input file", "Reason", "Rows"),
                [(file, kind, formats.count(rows)) for (file, kind), rows in by_reason.items()],
            )
        )
    duplicates = tables.duplicates
    columns = duplicates["differing_columns"].str.split().explode().dropna().value_counts()
    section.numbers["duplicates"] = {"rows": len(duplicates), "differing_columns": columns.to_dict()}
    differing = ", ".join(f"{name} ({count})" for name, count in columns.items()) or "none: exact copies"
    section.items.append(
        Note(
            f"Rows repeating an id, merged into the row kept (listed in duplicates.csv): "
            f"{formats.count(len(duplicates))}. Columns that differed: {differing}."
        )
    )


def _reason_kind(reason: str) -> str:
    """A reject reason without its particulars, so that reasons of one kind count together."""
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason))


def _missing(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    total = len(movies)
    missing: dict[str, int] = {}
    for column in ("title", "overview", "tagline", "original_language", "status"):
        missing[column] = int((movies[column].isna() | (movies[column].str.strip() == "")).sum())
    for column in ("popularity", "vote_average", "runtime"):
        missing[column] = int(movies[column].isna().sum())
    missing["runtime of 0"] = int((movies["runtime"] == 0).sum())
    missing["votes (0 votes)"] = int((movies["vote_count"].fillna(0) == 0).sum())
    missing["budget (0: unknown)"] = int((movies["budget"] == 0).sum())
    missing["revenue (0: unknown)"] = int((movies["revenue"] == 0).sum())
    for label, table in _LINKS.items():
        missing[label] = int((~movies["id"].isin(tables[table]["movie_id"])).sum())
    ranked = pd.Series(missing).sort_values(ascending=False, kind="stable")
    section.numbers["missing"] = {"films": total, **ranked.to_dict()}
    worst = ranked.index[:2]
    finding = (
        f"{worst[0].capitalize()} is missing for {formats.count(ranked.iloc[0])} of {formats.count(total)} films "
        f"({formats.percent(ranked.iloc[0] / total)}), {worst[1]} for {formats.count(ranked.iloc[1])} "
        f"({formats.percent(ranked.iloc[1] / total)})."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        figures.hbars(
            ax, list(ranked.index), list(ranked.values), f"Films without a value (of {formats.count(total)} films)",
            formats.count_and_share(total), linear=True,
        )  # fmt: skip

    source = formats.source(["movies", *sorted(set(_LINKS.values()))], total)
    section.items.append(figures.chart("missing-values", "Missing values per column", finding, source, draw, 7.0))


def _money_not_in_dollars(section: Section, movies: pd.DataFrame) -> None:
    budget, revenue = movies["budget"], movies["revenue"]
    tiny_budget = budget.between(1, rules.DOLLAR_FLOOR - 1)
    tiny_revenue = revenue.between(1, rules.DOLLAR_FLOOR - 1)
    both = movies[(budget > 0) & (revenue > 0)]
    trusted = both[(both["budget"] >= rules.DOLLAR_FLOOR) & (both["revenue"] >= rules.DOLLAR_FLOOR)]
    top = both.nlargest(10, "return", keep="first")
    top_tiny = int(top["budget"].lt(rules.DOLLAR_FLOOR).sum())
    numbers = {
        "budget_zero": int((budget == 0).sum()),
        "revenue_zero": int((revenue == 0).sum()),
        "both_zero": int(((budget == 0) & (revenue == 0)).sum()),
        "both_known": len(both),
        "budget_under_floor": int(tiny_budget.sum()),
        "revenue_under_floor": int(tiny_revenue.sum()),
        "top10_returns_from_tiny_budgets": top_tiny,
        "mean_return_all": float(both["return"].mean()) if len(both) else None,
        "mean_return_without_tiny": float(trusted["return"].mean()) if len(trusted) else None,
    }
    section.numbers["money"] = numbers
    floor = formats.dollars(rules.DOLLAR_FLOOR)
    section.items.append(
        Note(
            f"Budgets of 0 ({formats.count(numbers['budget_zero'])} films) and revenues of 0 "
            f"({formats.count(numbers['revenue_zero'])}) mean unknown; {formats.count(numbers['both_zero'])} films "
            f"have neither, {formats.count(len(both))} have both. Amounts under {floor} are not dollars: the source "
            "writes some in millions (a budget of 1 for $1 million)."
        )
    )
    if both.empty:
        section.items.append(Note("No film has both a budget and a revenue: no return to show."))
        return
    finding = (
        f"{formats.count(numbers['budget_under_floor'])} films have a budget under {floor} and "
        f"{formats.count(numbers['revenue_under_floor'])} a revenue under {floor}; such budgets give "
        f"{top_tiny} of the 10 highest returns and lift the mean return from "
        f"{formats.ratio(numbers['mean_return_without_tiny'] or 0)} to {formats.ratio(numbers['mean_return_all'])}."
    )
    odd = both[both["budget"] < rules.DOLLAR_FLOOR].nlargest(5, "return", keep="first")

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        money.scatter_by_floor(ax, both, "return")
        ax.axvline(rules.DOLLAR_FLOOR, color=figures.GREY, linestyle="--", linewidth=1)
        ax.set_xscale("log")
        ax.set_yscale("log")
        figures.dollar_axis(ax.xaxis)
        figures.count_axis(ax.yaxis)
        # The named films crowd the top left: their names go in the empty band right of the floor.
        figures.name_points(ax, odd["budget"].tolist(), odd["return"].tolist(), _titled(odd), rules.DOLLAR_FLOOR * 1.5)
        ax.set_xlabel("Budget (US dollars, log scale)")
        ax.set_ylabel("Return (revenue / budget, log scale)")
        ax.legend(loc="lower left")

    section.items.append(
        figures.chart(
            "budgets-not-in-dollars", "Budgets too small to be dollars", finding,
            formats.source(["movies"], len(both)) + " with a budget and a revenue", draw, 5.5,
        )
    )  # fmt: skip


def _titled(films: pd.DataFrame) -> list[str]:
    return [f"{title} ({year})" for title, year in zip(films["title"], films["release_year"], strict=True)]

"""4. Money: budget against revenue, the distribution of return, and the films with the highest return."""

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from eda import figures, formats, rules
from eda.content import Note, Section, Table
from eda.data import Tables

NEEDS = ("movies",)
KEY = "money"
TITLE = "Money"
QUESTION = (
    "What does return (revenue / budget, the measure of the actor and director queries) look like, "
    "and which films dominate it?"
)
_TOP = 10


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    both = movies[(movies["budget"] > 0) & (movies["revenue"] > 0)]
    if both.empty:
        section.items.append(Note("No film has both a budget and a revenue: no return to show."))
        return
    source = formats.source(["movies"], len(both)) + " with a budget and a revenue"
    _budget_revenue(section, both, source)
    _returns(section, both, source)
    _top_returns(section, both, source)


def _budget_revenue(section: Section, both: pd.DataFrame, source: str) -> None:
    profitable = int((both["revenue"] >= both["budget"]).sum())
    top_revenue = both.loc[both["revenue"].idxmax()]
    top_budget = both.loc[both["budget"].idxmax()]
    section.numbers["films_with_budget_and_revenue"] = len(both)
    section.numbers["made_back_budget"] = profitable
    rho = both[["budget", "revenue"]].corr(method="spearman").iat[0, 1]  # the DataFrame's needs no scipy
    section.numbers["rank_correlation_budget_revenue"] = float(rho)
    finding = (
        f"{formats.percent(profitable / len(both))} of the {formats.count(len(both))} films with both made back their "
        f"budget; {top_revenue['title']} has the highest revenue ({formats.dollars(top_revenue['revenue'])}), "
        f"{top_budget['title']} the highest budget ({formats.dollars(top_budget['budget'])})."
    )
    named = both.loc[list(dict.fromkeys([top_revenue.name, top_budget.name, both["return"].idxmax()]))]

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        scatter_by_floor(ax, both, "revenue")
        low = min(both["budget"].min(), both["revenue"].min())
        high = max(both["budget"].max(), both["revenue"].max())
        ax.plot([low, high], [low, high], color=figures.GREY, linestyle="--", linewidth=1, label="revenue = budget")
        ax.set_xscale("log")
        ax.set_yscale("log")
        figures.dollar_axis(ax.xaxis)
        figures.dollar_axis(ax.yaxis)
        figures.name_points(ax, named["budget"].tolist(), named["revenue"].tolist(), named["title"].tolist())
        ax.set_xlabel("Budget (US dollars, log scale)")
        ax.set_ylabel("Revenue (US dollars, log scale)")
        ax.legend(loc="lower right")

    section.items.append(figures.chart("budget-revenue", "Budget against revenue", finding, source, draw, 5.8))


def scatter_by_floor(ax: Axes, films: pd.DataFrame, column: str) -> None:
    """Budget (x) against `column` (y), films whose budget or revenue is under the dollar floor in colour."""
    floor = formats.dollars(rules.DOLLAR_FLOOR)
    tiny_budget = films["budget"] < rules.DOLLAR_FLOOR
    tiny_revenue = ~tiny_budget & (films["revenue"] < rules.DOLLAR_FLOOR)
    fine = ~tiny_budget & ~tiny_revenue
    for mask, colour, size, label in (
        (fine, figures.BLUE, 5, f"budget and revenue of {floor} or more"),
        (tiny_budget, figures.RED, 14, f"budget under {floor}"),
        (tiny_revenue, figures.ORANGE, 14, f"revenue under {floor}"),
    ):
        ax.scatter(films.loc[mask, "budget"], films.loc[mask, column], s=size, alpha=0.35 if mask is fine else 0.9,
                   color=colour, label=f"{label} ({formats.count(mask.sum())})")  # fmt: skip


def _returns(section: Section, both: pd.DataFrame, source: str) -> None:
    returns = both["return"].to_numpy()
    tiny = both["budget"].to_numpy() < rules.DOLLAR_FLOOR
    huge = returns > rules.DOLLAR_FLOOR
    median = float(np.median(returns))
    losing = float((returns < 1).mean())
    section.numbers["return"] = {
        "median": median,
        "share_below_1": losing,
        "above_1000": int(huge.sum()),
        "above_1000_from_tiny_budgets": int((huge & tiny).sum()),
    }
    finding = (
        f"The median return is {formats.ratio(median)} and {formats.percent(losing)} of films return less than their "
        f"budget; {int((huge & tiny).sum())} of the {int(huge.sum())} returns above {rules.DOLLAR_FLOOR:,} come "
        f"from budgets under {formats.dollars(rules.DOLLAR_FLOOR)}."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        bins = figures.log_bins(returns, per_decade=8)
        ax.hist([returns[~tiny], returns[tiny]], bins=bins, stacked=True, color=[figures.BLUE, figures.RED],
                label=["films", f"budget under {formats.dollars(rules.DOLLAR_FLOOR)}"])  # fmt: skip
        ax.axvline(1, color=figures.GREY, linestyle="--", linewidth=1, label="return of 1: break-even")
        ax.set_xscale("log")
        figures.count_axis(ax.xaxis)
        ax.set_xlabel("Return (revenue / budget, log scale)")
        ax.set_ylabel("Films")
        ax.legend(loc="upper right")

    section.items.append(figures.chart("return-distribution", "Distribution of return", finding, source, draw))


def _top_returns(section: Section, both: pd.DataFrame, source: str) -> None:
    top = both.nlargest(_TOP, "return", keep="first")
    trusted = both[both["budget"] >= rules.DOLLAR_FLOOR].nlargest(_TOP, "return", keep="first")
    first = top.iloc[0]
    tiny = int((top["budget"] < rules.DOLLAR_FLOOR).sum())
    section.numbers["top_returns"] = _listed(top)
    section.numbers["top_returns_budget_over_floor"] = _listed(trusted)
    finding = (
        f"The highest return, {formats.ratio(first['return'])} for {first['title']}, comes from a budget of "
        f"{formats.dollars(first['budget'])}; {tiny} of the top {len(top)} have budgets under "
        f"{formats.dollars(rules.DOLLAR_FLOOR)}."
    )
    if len(trusted):
        finding += (
            f" From {formats.dollars(rules.DOLLAR_FLOOR)} up, {trusted.iloc[0]['title']} leads with "
            f"{formats.ratio(trusted.iloc[0]['return'])}."
        )

    def draw(figure: Figure) -> None:
        upper, lower = figure.subplots(2, 1)
        _return_bars(upper, top, "All films")
        _return_bars(lower, trusted, f"Budgets of {formats.dollars(rules.DOLLAR_FLOOR)} or more")

    section.items.append(figures.chart("top-returns", "Films with the highest return", finding, source, draw, 8.5))
    section.items.append(
        Table(
            "The highest returns and what made them",
            ("Film", "Year", "Budget", "Revenue", "Return"),
            [
                (str(row["title"]), str(row["release_year"]), formats.dollars(row["budget"]),
                 formats.dollars(row["revenue"]), formats.ratio(row["return"]))
                for _, row in pd.concat([top, trusted]).drop_duplicates("id").iterrows()
            ],
        )
    )  # fmt: skip


def _return_bars(ax: Axes, films: pd.DataFrame, title: str) -> None:
    if films.empty:
        ax.text(0.5, 0.5, "no film", ha="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    colours = [figures.RED if budget < rules.DOLLAR_FLOOR else figures.BLUE for budget in films["budget"]]
    labels = [
        f"{figures.shorten(title, 28)} ({formats.dollars(budget)})"
        for title, budget in zip(films["title"], films["budget"], strict=True)
    ]
    xlabel = "Return (revenue / budget); budget in brackets"
    figures.hbars(ax, labels, films["return"].tolist(), xlabel, formats.ratio, colours)
    ax.set_title(title)


def _listed(films: pd.DataFrame) -> list[dict[str, object]]:
    return [
        {"id": int(row["id"]), "title": row["title"], "budget": int(row["budget"]), "revenue": int(row["revenue"]),
         "return": float(row["return"])}
        for _, row in films.iterrows()
    ]  # fmt: skip

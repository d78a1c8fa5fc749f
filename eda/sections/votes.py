"""3. Popularity and votes: their long tails, and how many films pass the 2000-vote threshold."""

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from eda import figures, formats, rules
from eda.content import Note, Section, Table
from eda.data import Tables

NEEDS = ("movies",)
KEY = "votes"
TITLE = "Popularity and votes"
QUESTION = (
    "How far can popularity and votes be trusted as signals? titleVotes gives a film's votes only from "
    f"{rules.VOTES_THRESHOLD:,} votes; titleScore gives its popularity."
)
_VOTE_BANDS = ((0, 0), (1, 9), (10, 99), (100, 999), (1000, rules.VOTES_THRESHOLD - 1), (rules.VOTES_THRESHOLD, None))


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    _distributions(section, movies)
    _threshold(section, movies)


def _distributions(section: Section, movies: pd.DataFrame) -> None:
    popular = movies[movies["popularity"] > 0]
    voted = movies[movies["vote_count"] > 0]
    if popular.empty or voted.empty:
        section.items.append(Note("No film has a positive popularity and a vote: no distribution to show."))
        return
    top_popular = popular.loc[popular["popularity"].idxmax()]
    top_voted = voted.loc[voted["vote_count"].idxmax()]
    median_votes = float(movies["vote_count"].fillna(0).median())
    section.numbers["popularity"] = _summary(movies["popularity"])
    section.numbers["vote_count"] = _summary(movies["vote_count"])
    finding = (
        f"Both are long-tailed: the median film has {formats.count(median_votes)} votes and a popularity of "
        f"{movies['popularity'].median():.1f}, while {top_voted['title']} has {formats.count(top_voted['vote_count'])} "
        f"votes and {top_popular['title']} a popularity of {top_popular['popularity']:.0f}."
    )

    def draw(figure: Figure) -> None:
        left, right = figure.subplots(1, 2)
        for ax, values, label, integers in (
            (left, popular["popularity"].to_numpy(), "Popularity (TMDB score, log scale)", False),
            (right, voted["vote_count"].to_numpy(dtype=float), "Votes (log scale)", True),
        ):
            ax.hist(values, bins=figures.log_bins(values, integers=integers), color=figures.BLUE)
            ax.set_xscale("log")
            ax.set_yscale("log")
            figures.count_axis(ax.xaxis)
            figures.count_axis(ax.yaxis)
            ax.set_xlabel(label)
            ax.set_ylabel("Films (log scale)")
        highest = "\nhighest: {} ({:,.0f})"
        left.set_title(f"Popularity ({formats.count(len(popular))} films above 0)"
                       + highest.format(top_popular["title"], top_popular["popularity"]))  # fmt: skip
        right.set_title(f"Votes ({formats.count(len(voted))} films with a vote)"
                        + highest.format(top_voted["title"], top_voted["vote_count"]))  # fmt: skip

    section.items.append(
        figures.chart(
            "popularity-and-votes", "Distributions of popularity and votes", finding,
            formats.source(["movies"], len(movies)), draw,
        )
    )  # fmt: skip


def _summary(values: pd.Series) -> dict[str, float]:
    present = values.dropna()
    quantiles = present.quantile([0.5, 0.9, 0.99]) if len(present) else pd.Series([np.nan] * 3, index=[0.5, 0.9, 0.99])
    return {
        "median": float(quantiles[0.5]),
        "p90": float(quantiles[0.9]),
        "p99": float(quantiles[0.99]),
        "max": float(present.max()) if len(present) else float("nan"),
        "missing": int(values.isna().sum()),
    }


def _threshold(section: Section, movies: pd.DataFrame) -> None:
    votes = movies["vote_count"].fillna(0)
    passing = movies[votes >= rules.VOTES_THRESHOLD]
    rest = movies[(votes > 0) & (votes < rules.VOTES_THRESHOLD)]
    total = len(movies)
    section.numbers["threshold"] = {
        "votes": rules.VOTES_THRESHOLD,
        "films_passing": len(passing),
        "share_passing": len(passing) / total,
        "median_average_passing": float(passing["vote_average"].median()) if len(passing) else None,
        "median_average_rest": float(rest["vote_average"].median()) if len(rest) else None,
    }
    bands = [
        (f"{low:,}" if high == low else f"{low:,} or more" if high is None else f"{low:,} to {high:,}",
         int(((votes >= low) & (votes <= (high if high is not None else np.inf))).sum()))
        for low, high in _VOTE_BANDS
    ]  # fmt: skip
    section.numbers["vote_bands"] = dict(bands)
    section.items.append(
        Table(
            "Films by number of votes",
            ("Votes", "Films", "Share"),
            [(band, formats.count(n), formats.percent(n / total)) for band, n in bands],
        )
    )
    voted = movies[votes > 0]
    if voted.empty:
        section.items.append(Note("No film has a vote: no vote average to show."))
        return
    threshold = formats.count(rules.VOTES_THRESHOLD)
    if passing.empty:
        finding = f"No film reaches {threshold} votes, the threshold titleVotes applies."
        extremes = passing
    else:
        finding = (
            f"{formats.count(len(passing))} films ({formats.percent(len(passing) / total)}) have at least {threshold} "
            f"votes, the threshold titleVotes applies; their median average is "
            f"{section.numbers['threshold']['median_average_passing']:.1f}, against "
            f"{section.numbers['threshold']['median_average_rest'] or 0:.1f} for films with fewer votes."
        )
        ranked = passing.sort_values(["vote_average", "vote_count"], ascending=[False, False], kind="stable")
        extremes = pd.concat([ranked.head(2), ranked.tail(2)]).drop_duplicates("id")

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        below = voted[voted["vote_count"] < rules.VOTES_THRESHOLD]
        above = voted[voted["vote_count"] >= rules.VOTES_THRESHOLD]
        ax.scatter(below["vote_count"], below["vote_average"], s=4, alpha=0.3, color=figures.GREY,
                   label=f"under {threshold} votes")  # fmt: skip
        ax.scatter(above["vote_count"], above["vote_average"], s=8, alpha=0.7, color=figures.BLUE,
                   label=f"{threshold} votes or more")  # fmt: skip
        ax.axvline(rules.VOTES_THRESHOLD, color=figures.RED, linestyle="--", linewidth=1)
        ax.text(rules.VOTES_THRESHOLD * 0.93, 10.2, f"{threshold} votes", color=figures.RED, fontsize=9, ha="right")
        ax.set_xscale("log")
        figures.count_axis(ax.xaxis)
        figures.name_points(ax, extremes["vote_count"].tolist(), extremes["vote_average"].tolist(),
                            extremes["title"].tolist())  # fmt: skip
        ax.set_ylim(0, 10.5)
        ax.set_xlabel("Votes (log scale)")
        ax.set_ylabel("Vote average (0 to 10)")
        ax.legend(loc="lower right")

    source = formats.source(["movies"], len(voted)) + " with at least one vote"
    section.items.append(figures.chart("votes-threshold", "Vote count against vote average", finding, source, draw))

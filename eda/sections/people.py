"""5. People: actors and directors by number of films and by return, as the actor and director queries count them."""

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from eda import figures, formats, rules
from eda.content import Section, Table, empty_note
from eda.data import Tables

NEEDS = ("movies", "people", "cast", "crew")
KEY = "people"
TITLE = "People"
QUESTION = (
    "Whose films succeed? The actor and director queries answer with a person's films, total return and "
    "average return; these rankings put those answers in context."
)
DIRECTOR_JOB = "Director"
_COUNTED = (
    "a film counts once per person; return is revenue / budget, 0 without a budget, and the average is over "
    "every film counted, as in the API"
)


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    crew = tables["crew"]
    credits = {"actors": tables["cast"], "directors": crew[crew["job"] == DIRECTOR_JOB]}
    roles = {role: success(role_credits, movies, tables["people"]) for role, role_credits in credits.items()}
    films_with_credits = int(movies["id"].isin(tables["cast"]["movie_id"]).sum())
    source = formats.source(["movies", "cast", "crew", "people"], films_with_credits) + " with credits"
    _by_films(section, roles, source)
    for role, people in roles.items():
        _by_return(section, role, people, credits[role], movies, source)
    _in_context(section, roles, source)


def success(credits: pd.DataFrame, movies: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """Per person: films (distinct), total and average return, films with a known return, name.

    Most films first, then the lowest person id.
    """
    pairs = credits[["movie_id", "person_id"]].drop_duplicates()
    returns = pd.Series(movies["return"].to_numpy(), index=movies["id"].to_numpy())
    pairs = pairs.assign(film_return=returns.reindex(pairs["movie_id"].to_numpy()).to_numpy())
    pairs["known"] = pairs["film_return"] > 0  # a return needs a budget and a revenue
    grouped = pairs.groupby("person_id").agg(
        films=("movie_id", "size"), total_return=("film_return", "sum"), known_returns=("known", "sum")
    )
    grouped["average_return"] = grouped["total_return"] / grouped["films"]
    names = pd.Series(people["name"].to_numpy(), index=people["id"].to_numpy())
    grouped["name"] = names.reindex(grouped.index).fillna("(no name)").to_numpy()
    grouped = grouped.reset_index()
    return grouped.sort_values(["films", "person_id"], ascending=[False, True], kind="stable", ignore_index=True)


def best_film(credits: pd.DataFrame, movies: pd.DataFrame, person_id: int) -> pd.Series:
    """The film with the highest return among a person's credits."""
    ids = credits.loc[credits["person_id"] == person_id, "movie_id"].unique()
    films = movies[movies["id"].isin(ids)]
    return films.loc[films["return"].idxmax()]


def _by_films(section: Section, roles: dict[str, pd.DataFrame], source: str) -> None:
    actors, directors = roles["actors"], roles["directors"]
    for role, people in roles.items():
        section.numbers[f"top_{role}_by_films"] = _records(people.head(rules.TOP))
        section.numbers[f"{role}_with_one_film"] = {"people": int((people["films"] == 1).sum()), "of": len(people)}
    if actors.empty or directors.empty:
        section.items.append(empty_note("cast" if actors.empty else "crew (no Director credits)"))
        return
    single = float((directors["films"] == 1).mean())
    finding = (
        f"{actors['name'].iloc[0]} has the most films as an actor ({actors['films'].iloc[0]}), "
        f"{directors['name'].iloc[0]} as a director ({directors['films'].iloc[0]}); "
        f"{formats.percent(single)} of the {formats.count(len(directors))} directors have a single film."
    )

    def draw(figure: Figure) -> None:
        for ax, (role, people) in zip(figure.subplots(1, 2), roles.items(), strict=True):
            top = people.head(rules.TOP)
            figures.hbars(ax, top["name"].tolist(), top["films"].tolist(), "Films")
            ax.set_title(role.capitalize())

    section.items.append(
        figures.chart("people-by-films", "Actors and directors with the most films", finding, source, draw, 5.8)
    )
    top = directors.head(10)
    section.items.append(
        Table(
            "Directors with the most films: the director query gives the same figures",
            ("Director", "Person id", "Films", "Total return", "Average return"),
            [
                (name, str(person), formats.count(films), formats.ratio(total), formats.ratio(average))
                for name, person, films, total, average in zip(
                    top["name"], top["person_id"], top["films"], top["total_return"], top["average_return"], strict=True
                )
            ],
        )
    )


def _by_return(
    section: Section, role: str, people: pd.DataFrame, credits: pd.DataFrame, movies: pd.DataFrame, source: str
) -> None:
    eligible = people[people["films"] >= rules.MIN_FILMS]
    by_total = eligible.sort_values(["total_return", "person_id"], ascending=[False, True], kind="stable").head(
        rules.TOP
    )
    by_average = eligible.sort_values(["average_return", "person_id"], ascending=[False, True], kind="stable").head(
        rules.TOP
    )
    section.numbers[f"top_{role}_by_total_return"] = _records(by_total)
    section.numbers[f"top_{role}_by_average_return"] = _records(by_average)
    if eligible.empty:
        section.items.append(empty_note(f"{role} with at least {rules.MIN_FILMS} films"))
        return
    leader = by_total.iloc[0]
    film = best_film(credits, movies, int(leader["person_id"]))
    share = film["return"] / leader["total_return"] if leader["total_return"] > 0 else 0.0
    section.numbers[f"{role}_total_return_leader_best_film"] = {
        "person_id": int(leader["person_id"]), "title": film["title"], "budget": int(film["budget"]),
        "return": float(film["return"]), "share_of_total": float(share),
    }  # fmt: skip
    finding = (
        f"Among {formats.count(len(eligible))} {role} with at least {rules.MIN_FILMS} films, {leader['name']} has the "
        f"highest total return ({formats.ratio(leader['total_return'])}), {formats.percent(share)} of it from "
        f"{film['title']} (budget {formats.dollars(film['budget'])}); "
    )
    best_average = by_average.iloc[0]
    if best_average["person_id"] == leader["person_id"]:
        finding += f"the highest average too ({formats.ratio(best_average['average_return'])})."
    else:
        finding += f"{best_average['name']} has the highest average ({formats.ratio(best_average['average_return'])})."

    def draw(figure: Figure) -> None:
        left, right = figure.subplots(1, 2)
        _return_bars(left, by_total, "total_return", "Total return (sum of revenue / budget)")
        _return_bars(right, by_average, "average_return", "Average return per film")

    title = f"{role.capitalize()} by return (at least {rules.MIN_FILMS} films)"
    section.items.append(figures.chart(f"{role}-by-return", title, finding, f"{source}; {_COUNTED}", draw, 5.8))


def _return_bars(ax: Axes, people: pd.DataFrame, column: str, label: str) -> None:
    names = [f"{name} ({films})" for name, films in zip(people["name"], people["films"], strict=True)]
    figures.hbars(ax, names, people[column].tolist(), label, formats.ratio)
    ax.set_title("(films in brackets)", fontsize=9, fontweight="normal", loc="left")


def _in_context(section: Section, roles: dict[str, pd.DataFrame], source: str) -> None:
    eligible = {role: people[people["films"] >= rules.MIN_FILMS] for role, people in roles.items()}
    directors = eligible["directors"]
    if directors.empty:
        return
    known = directors["known_returns"] / directors["films"]
    median_known = float(known.median())
    zero = int((directors["average_return"] == 0).sum())
    section.numbers["directors_known_return_share"] = {"median": median_known, "averaging_zero": zero}
    counted = f"{formats.count(len(directors))} directors with at least {rules.MIN_FILMS} films"
    finding = (
        f"The API's averages count a film without a budget as a return of 0: half of the {counted} have a known "
        f"return for {formats.percent(median_known)} of their films or fewer; {formats.count(zero)} of them average 0."
    )

    def draw(figure: Figure) -> None:
        left, right = figure.subplots(1, 2)
        for (role, people), colour in zip(eligible.items(), (figures.BLUE, figures.ORANGE), strict=True):
            weights = np.full(len(people), 100 / max(len(people), 1))  # shares: the roles differ tenfold in size
            share = people["known_returns"] / people["films"] * 100
            left.hist(share, bins=np.linspace(0, 100, 21), weights=weights, histtype="step", linewidth=1.8,
                      color=colour, label=f"{role} ({formats.count(len(people))})")  # fmt: skip
            positive = (people["average_return"] > 0).to_numpy()
            if positive.any():
                averages = people["average_return"].to_numpy()[positive]
                right.hist(averages, bins=figures.log_bins(averages, per_decade=5), weights=weights[positive],
                           histtype="step", linewidth=1.8, color=colour,
                           label=f"{role} ({formats.percent(1 - positive.mean())} average 0)")  # fmt: skip
        left.set_xlabel("Films with a budget and a revenue (% of the person's films)")
        left.set_ylabel("People (%)")
        left.set_title("Films with a known return", fontsize=10)
        right.set_xscale("log")
        figures.count_axis(right.xaxis)
        right.set_xlabel("Average return per film (log scale)")
        right.set_ylabel("People (%)")
        right.set_title("Average return, as the API gives it", fontsize=10)
        left.legend(loc="upper right")
        right.legend(loc="upper left")

    title = f"What the actor and director answers rest on (people with at least {rules.MIN_FILMS} films)"
    section.items.append(figures.chart("people-in-context", title, finding, f"{source}; {_COUNTED}", draw, 5.4))


def _records(people: pd.DataFrame) -> list[dict[str, object]]:
    return [
        {"person_id": int(person), "name": name, "films": int(films), "total_return": float(total),
         "average_return": float(average)}
        for person, name, films, total, average in zip(
            people["person_id"], people["name"], people["films"], people["total_return"], people["average_return"],
            strict=True,
        )
    ]  # fmt: skip

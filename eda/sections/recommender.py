"""9. The recommender: its scores, and how its top 5 treats collections, genres, the catalogue and popularity."""

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from eda import figures, formats
from eda.content import Note, Section, Table
from eda.data import Tables

NEEDS = ("movies", "recommendations")
KEY = "recommender"
TITLE = "The recommender"
QUESTION = (
    "How does the model behave, and what would tuning it change? recommendations(title:) and Movie.similar "
    "serve these neighbours."
)
TOP_K = 5
_RANDOM_PAIRS = 50_000
_SEED = 0  # random baselines use a fixed seed: the same tables give the same numbers


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    neighbours = _neighbours(tables["recommendations"], movies["id"])
    depth = int(neighbours["rank"].max()) + 1
    source = formats.source(["recommendations", "movies"], neighbours["movie"].nunique()) + " with neighbours"
    _scores(section, neighbours, depth, source)
    _collections(section, neighbours, movies, depth, source)
    _genres(section, neighbours, tables, depth, source)
    _coverage(section, neighbours, movies, source)
    _popularity(section, neighbours, movies, source)
    _summary(section)


def _neighbours(recommendations: pd.DataFrame, ids: pd.Series) -> pd.DataFrame:
    """The recommendations with films as row numbers of the movies table: movie, rank, similar, score."""
    rows = pd.Series(np.arange(len(ids)), index=ids.to_numpy())
    frame = pd.DataFrame(
        {
            "movie": rows.reindex(recommendations["movie_id"].to_numpy()).to_numpy(),
            "rank": recommendations["rank"].to_numpy(),
            "similar": rows.reindex(recommendations["similar_id"].to_numpy()).to_numpy(),
            "score": recommendations["score"].to_numpy(),
        }
    )
    return frame.dropna().astype({"movie": np.int64, "similar": np.int64})


def _scores(section: Section, neighbours: pd.DataFrame, depth: int, source: str) -> None:
    ranks = sorted({0, min(TOP_K, depth) - 1, depth - 1})
    medians = {rank + 1: float(neighbours.loc[neighbours["rank"] == rank, "score"].median()) for rank in ranks}
    section.numbers["median_score_by_rank"] = {
        int(rank + 1): float(score) for rank, score in neighbours.groupby("rank")["score"].median().items()
    }
    described = ", ".join(f"{score:.2f} at rank {rank}" for rank, score in medians.items())
    finding = f"The median similarity score is {described}."

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        bins = np.linspace(0, max(1e-9, float(neighbours["score"].max())), 60)
        for colour, rank in zip((figures.RED, figures.BLUE, figures.GREY), ranks, strict=False):
            scores = neighbours.loc[neighbours["rank"] == rank, "score"]
            ax.hist(scores, bins=bins, histtype="step", linewidth=1.8, color=colour, label=f"rank {rank + 1} neighbour")
        ax.set_xlabel("Similarity score (0 to 1)")
        ax.set_ylabel("Films")
        ax.legend()

    section.items.append(figures.chart("similarity-scores", "Similarity scores by rank", finding, source, draw))


def _collections(section: Section, neighbours: pd.DataFrame, movies: pd.DataFrame, depth: int, source: str) -> None:
    collection = movies["collection_id"].to_numpy()
    sizes = pd.Series(collection).value_counts()
    peers = pd.Series(collection).map(sizes).fillna(0).to_numpy() - 1  # other films of the same collection
    eligible = np.flatnonzero(~np.isnan(collection) & (peers > 0))
    if len(eligible) == 0:
        section.items.append(Note("No two films share a collection: no collection hit rate."))
        return
    same = collection[neighbours["movie"].to_numpy()] == collection[neighbours["similar"].to_numpy()]
    hits = neighbours.assign(same=same)[same & np.isin(neighbours["movie"].to_numpy(), eligible)]
    first_hit = hits.groupby("movie")["rank"].min()
    ks = np.arange(1, depth + 1)
    hit_rate = np.array([(first_hit < k).sum() / len(eligible) for k in ks])
    # A random top k holds a film of the collection with probability 1 - C(n - 1 - m, k) / C(n - 1, k).
    others = len(movies) - 1
    baseline = np.array([1 - np.mean(_miss_probability(others, peers[eligible], k)) for k in ks])
    at_k = int((first_hit < TOP_K).sum())
    section.numbers["collection_hits"] = {
        "films": len(eligible), "hit_in_top5": at_k, "rate_top5": at_k / len(eligible),
        "random_rate_top5": float(baseline[min(TOP_K, depth) - 1]),
    }  # fmt: skip
    finding = (
        f"For {formats.count(at_k)} of {formats.count(len(eligible))} films in a collection "
        f"({formats.percent(at_k / len(eligible))}), another film of the collection is in the top {TOP_K}; "
        f"a random top {TOP_K} would hold one for {formats.percent(baseline[min(TOP_K, depth) - 1])}."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.plot(ks, hit_rate * 100, marker="o", markersize=3, color=figures.BLUE, label="recommender")
        ax.plot(ks, baseline * 100, linestyle="--", color=figures.GREY, label="random neighbours")
        ax.axvline(TOP_K, color=figures.RED, linewidth=1, linestyle=":")
        ax.set_ylim(0, 105)
        ax.set_xlabel("Neighbours looked at (top k)")
        ax.set_ylabel("Share of these films (%)")
        ax.legend(loc="center right")

    title = "Collections: a film of the same collection among the neighbours"
    source = f"{source}; {formats.count(len(eligible))} films whose collection has another film"
    section.items.append(figures.chart("collection-hits", title, finding, source, draw))


def _miss_probability(others: int, peers: np.ndarray, k: int) -> np.ndarray:
    """Probability that k films drawn from `others` miss all `peers` of them (one value per film)."""
    steps = np.arange(k)
    return np.prod(np.clip((others - peers[:, None] - steps) / (others - steps), 0, 1), axis=1)


def _genres(section: Section, neighbours: pd.DataFrame, tables: Tables, depth: int, source: str) -> None:
    masks = _genre_masks(tables)
    has = masks != 0
    pairs = neighbours[has[neighbours["movie"].to_numpy()] & has[neighbours["similar"].to_numpy()]]
    if pairs.empty:
        section.items.append(Note("No film with genres has neighbours with genres: no genre agreement."))
        return
    shared = (masks[pairs["movie"].to_numpy()] & masks[pairs["similar"].to_numpy()]) != 0
    by_rank = pd.Series(shared).groupby(pairs["rank"].to_numpy()).mean()
    first, second = _random_pairs(np.flatnonzero(has))
    baseline = float(((masks[first] & masks[second]) != 0).mean())
    top = float(shared[pairs["rank"].to_numpy() < TOP_K].mean())
    section.numbers["genre_agreement"] = {
        "top5": top,
        "random": baseline,
        "by_rank": {int(k + 1): float(v) for k, v in by_rank.items()},
    }
    finding = (
        f"{formats.percent(top)} of top-{TOP_K} neighbours share a genre with the film, against "
        f"{formats.percent(baseline)} of random pairs; at rank {depth} it is {formats.percent(by_rank.iloc[-1])}."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        ax.plot(by_rank.index + 1, by_rank.to_numpy() * 100, marker="o", markersize=3, color=figures.BLUE,
                label="recommender")  # fmt: skip
        ax.axhline(baseline * 100, linestyle="--", color=figures.GREY, label="random pairs")
        ax.set_ylim(0, 105)
        ax.set_xlabel("Neighbour rank")
        ax.set_ylabel("Neighbours sharing a genre with the film (%)")
        ax.legend(loc="lower left")

    source = f"{source}; movie_genres; films with at least one genre"
    section.items.append(figures.chart("genre-agreement", "Genre agreement of neighbours", finding, source, draw))


def _random_pairs(films: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of distinct films drawn at random (with a fixed seed) from `films`."""
    rng = np.random.default_rng(_SEED)
    first, second = rng.choice(films, _RANDOM_PAIRS), rng.choice(films, _RANDOM_PAIRS)
    distinct = first != second
    return first[distinct], second[distinct]


def _genre_masks(tables: Tables) -> np.ndarray:
    """Per film, its genres as bits of one integer (the 63 most common genres; TMDB has 20)."""
    links = tables["movie_genres"]
    common = links["genre_id"].value_counts().index[:63]
    bits = pd.Series(np.left_shift(np.int64(1), np.arange(len(common), dtype=np.int64)), index=common)
    links = links[links["genre_id"].isin(common)]
    rows = pd.Series(np.arange(len(tables["movies"])), index=tables["movies"]["id"].to_numpy())
    masks = np.zeros(len(tables["movies"]), dtype=np.int64)
    np.bitwise_or.at(
        masks,
        rows.reindex(links["movie_id"].to_numpy()).to_numpy(),
        bits.reindex(links["genre_id"].to_numpy()).to_numpy(),
    )
    return masks


def _coverage(section: Section, neighbours: pd.DataFrame, movies: pd.DataFrame, source: str) -> None:
    top = neighbours[neighbours["rank"] < TOP_K]
    appearances = np.bincount(top["similar"].to_numpy(), minlength=len(movies))
    covered = float((appearances > 0).mean())
    coverage = {
        int(k): float(
            np.count_nonzero(np.bincount(neighbours.loc[neighbours["rank"] < k, "similar"], minlength=1)) / len(movies)
        )
        for k in (1, TOP_K, 10, int(neighbours["rank"].max()) + 1)
    }
    most = int(appearances.argmax())
    section.numbers["coverage"] = {"top5": covered, "by_k": coverage, "most_recommended": movies["title"].iat[most],
                                   "most_recommended_lists": int(appearances[most])}  # fmt: skip
    finding = (
        f"{formats.percent(covered)} of films appear in someone's top {TOP_K}; the most recommended, "
        f"{movies['title'].iat[most]}, is in {formats.count(appearances[most])} lists, and "
        f"{formats.count((appearances == 0).sum())} films in none."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        counts = np.bincount(appearances)
        ax.bar(np.arange(len(counts)), counts, color=figures.BLUE, width=0.85)
        ax.bar([0], counts[:1], color=figures.RED, width=0.85, label="never recommended")
        ax.set_yscale("log")
        figures.count_axis(ax.yaxis)
        ax.set_xlabel(f"Top-{TOP_K} lists the film appears in")
        ax.set_ylabel("Films (log scale)")
        ax.legend()

    section.items.append(figures.chart("catalogue-coverage", "Catalogue coverage", finding, source, draw))


def _popularity(section: Section, neighbours: pd.DataFrame, movies: pd.DataFrame, source: str) -> None:
    popularity = movies["popularity"].to_numpy()
    top = neighbours[neighbours["rank"] < TOP_K]
    film = popularity[top["movie"].to_numpy()]
    similar = popularity[top["similar"].to_numpy()]
    usable = (film > 0) & (similar > 0)
    if not usable.any():
        section.items.append(Note("No film and neighbour both have a popularity: no popularity bias to show."))
        return
    ratio = similar[usable] / film[usable]
    more = float((ratio > 1).mean())
    median = float(np.median(ratio))
    first, second = _random_pairs(np.flatnonzero(popularity > 0))
    section.numbers["popularity_bias"] = {
        "pairs": int(usable.sum()), "neighbour_more_popular": more, "median_ratio": median,
        "random_more_popular": float((popularity[second] > popularity[first]).mean()),
    }  # fmt: skip
    deciles = pd.qcut(pd.Series(film[usable]).rank(method="first"), min(10, int(usable.sum())), labels=False)
    medians = pd.DataFrame({"decile": deciles, "film": film[usable], "ratio": ratio, "similar": similar[usable]})
    medians = medians.groupby("decile").median()
    lowest, highest = medians["ratio"].iloc[0], medians["ratio"].iloc[-1]
    section.numbers["popularity_bias"] |= {
        "median_ratio_least_popular_tenth": lowest,
        "median_ratio_most_popular_tenth": highest,
    }
    finding = (
        f"In {formats.percent(more)} of top-{TOP_K} pairs the neighbour is more popular than the film it is "
        f"recommended for (median ratio {median:.2f}): {lowest:.1f} times as popular for the least popular tenth of "
        f"films, {highest:.2f} times for the most popular tenth."
    )

    def draw(figure: Figure) -> None:
        left, right = figure.subplots(1, 2)
        logs = np.log10(ratio)
        left.hist(logs, bins=60, color=figures.BLUE)
        left.axvline(0, color=figures.RED, linestyle="--", linewidth=1)
        left.set_xlabel("Neighbour popularity / film popularity (log10)")
        left.set_ylabel("Film-neighbour pairs")
        left.set_title("Ratio per pair (right of 0: neighbour more popular)", fontsize=9.5)
        right.plot(medians["film"], medians["similar"], marker="o", color=figures.BLUE, label="median neighbour")
        low, high = medians["film"].min(), medians["film"].max()
        right.plot([low, high], [low, high], linestyle="--", color=figures.GREY, label="as popular as the film")
        right.set_xscale("log")
        right.set_yscale("log")
        figures.count_axis(right.xaxis)
        figures.count_axis(right.yaxis)
        right.set_xlabel("Film popularity (median of each tenth, log scale)")
        right.set_ylabel("Neighbour popularity (median, log scale)")
        right.set_title("By film popularity", fontsize=9.5)
        right.legend()

    section.items.append(figures.chart("popularity-bias", "Popularity bias of neighbours", finding, source, draw, 5.4))


def _summary(section: Section) -> None:
    """A table of the measures above, each beside its random baseline, placed first in the section."""
    measures = (  # measure, numbers key, the recommender's value, the random baseline's
        (f"Collection film in the top {TOP_K}", "collection_hits", "rate_top5", "random_rate_top5"),
        (f"Top-{TOP_K} neighbours sharing a genre", "genre_agreement", "top5", "random"),
        (f"Films in someone's top {TOP_K}", "coverage", "top5", None),
        (f"Top-{TOP_K} neighbours more popular than the film", "popularity_bias", "neighbour_more_popular",
         "random_more_popular"),
    )  # fmt: skip
    rows = [
        (label, formats.percent(values[ours]), formats.percent(values[random]) if random else "")
        for label, key, ours, random in measures
        if (values := section.numbers.get(key))
    ]
    if rows:
        title = f"The recommender at a glance (top {TOP_K})"
        section.items.insert(0, Table(title, ("Measure", "Recommender", "Random"), rows))

"""2. Releases: films per year, and per month and weekday (what the first two queries count)."""

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from eda import calendar, figures, formats
from eda.content import Section, Table
from eda.data import Tables

NEEDS = ("movies",)
KEY = "releases"
TITLE = "Releases"
QUESTION = "When are films released? The releasesInMonth and releasesOnWeekday queries answer with these counts."


def fill(section: Section, tables: Tables) -> None:
    movies = tables["movies"]
    _per_year(section, movies)
    _month_by_weekday(section, movies)


def _per_year(section: Section, movies: pd.DataFrame) -> None:
    per_year = movies["release_year"].value_counts().sort_index()
    peak_year = int(per_year.idxmax())  # the earliest of equal peaks
    peak = int(per_year.max())
    section.numbers["per_year"] = {int(year): int(films) for year, films in per_year.items()}
    section.numbers["peak_year"] = {"year": peak_year, "films": peak}
    finding = (
        f"Releases peak in {peak_year} with {formats.count(peak)} films; the films span "
        f"{int(per_year.index.min())} to {int(per_year.index.max())}."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        colours = [figures.RED if year == peak_year else figures.BLUE for year in per_year.index]
        ax.bar(per_year.index, per_year.values, width=0.85, color=colours)
        ax.annotate(f"{peak_year}: {formats.count(peak)}", (peak_year, peak), xytext=(-10, 4),
                    textcoords="offset points", ha="right", fontsize=9, color=figures.RED)  # fmt: skip
        ax.set_xlabel("Release year")
        ax.set_ylabel("Films released")

    section.items.append(
        figures.chart(
            "films-per-year", "Films released per year", finding, formats.source(["movies"], len(movies)), draw
        )
    )


def _month_by_weekday(section: Section, movies: pd.DataFrame) -> None:
    months = calendar.months(movies)
    weekdays = calendar.weekdays(movies)
    grid = np.zeros((7, 12), dtype=np.int64)
    np.add.at(grid, (weekdays, months - 1), 1)
    per_month = grid.sum(axis=0)
    per_weekday = grid.sum(axis=1)
    section.numbers["per_month"] = {calendar.MONTHS_ES[index]: int(n) for index, n in enumerate(per_month)}
    section.numbers["per_weekday"] = {calendar.WEEKDAYS_ES[index]: int(n) for index, n in enumerate(per_weekday)}
    total = len(movies)
    day, month = int(per_weekday.argmax()), int(per_month.argmax())
    cell_day, cell_month = np.unravel_index(int(grid.argmax()), grid.shape)
    finding = (
        f"Most films come out on a {calendar.WEEKDAYS[day]} ({formats.count(per_weekday[day])}, "
        f"{formats.percent(per_weekday[day] / total)}) and in {calendar.MONTHS[month]} "
        f"({formats.count(per_month[month])}); the busiest pair is {calendar.WEEKDAYS[cell_day]}s in "
        f"{calendar.MONTHS[cell_month]} ({formats.count(grid[cell_day, cell_month])} films)."
    )

    def draw(figure: Figure) -> None:
        ax = figure.subplots()
        columns = [f"{name[:3]}\n{formats.count(n)}" for name, n in zip(calendar.MONTHS, per_month, strict=True)]
        rows = [f"{name} ({formats.count(n)})" for name, n in zip(calendar.WEEKDAYS, per_weekday, strict=True)]
        figures.heatmap(figure, ax, grid.astype(float), rows, columns, formats.count, "Films released")
        ax.set_xlabel("Release month (films in the month)")
        ax.set_ylabel("Release weekday (films on the day)")

    source = formats.source(["movies"], total) + "; month and weekday from release_date"
    section.items.append(figures.chart("month-by-weekday", "Releases by month and weekday", finding, source, draw, 5.6))
    section.items.append(
        Table(
            "releasesInMonth and releasesOnWeekday answer with these counts",
            ("Month", "Films", "Weekday", "Films"),
            [
                (
                    f"{calendar.MONTHS_ES[index]} ({calendar.MONTHS[index]})",
                    formats.count(per_month[index]),
                    f"{calendar.WEEKDAYS_ES[index]} ({calendar.WEEKDAYS[index]})" if index < 7 else "",
                    formats.count(per_weekday[index]) if index < 7 else "",
                )
                for index in range(12)
            ],
        )
    )

"""Drawing figures: the Agg backend, one fixed style, and the frame every figure shares.

Each figure's PNG carries its title, the sentence stating what it shows and the source line, so a
PNG read on its own says as much as the report around it.
"""

import functools
import io
import math
import textwrap
from collections.abc import Callable, Sequence

import matplotlib
import numpy as np
from cycler import cycler
from matplotlib import font_manager, ft2font
from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from eda import formats
from eda.content import Chart

matplotlib.use("Agg")  # never an interactive backend, even where a display is available

BLUE = "#2a6f97"
RED = "#c0392b"
ORANGE = "#e07b39"
GREY = "#8c8c8c"
PALETTE = [BLUE, ORANGE, "#3a9d5d", RED, "#7d5ba6", "#8c564b", "#d16ba5", GREY, "#b5a33a", "#17a2b8"]
WIDTH = 10.0  # inches; at 100 dpi every figure is 1000 pixels wide
STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs everywhere
    "font.size": 10,
    "text.parse_math": False,  # dollar signs are dollars
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=PALETTE),
    "grid.color": "#e6e6e6",
    "grid.linewidth": 0.8,
    "legend.frameon": False,
    "image.cmap": "viridis",
    "figure.facecolor": "white",
    "figure.dpi": 100,
    "savefig.dpi": 100,
}
_BASE = {key: value for key, value in matplotlib.rcParamsDefault.items() if "backend" not in key}
_TITLE_INCHES = 0.45
_LINE_INCHES = 0.22
_FOOTER_INCHES = 0.35
_SOURCE_LINE_INCHES = 0.16
_RIGHT_TO_LEFT = 0x0590  # Hebrew, Arabic and the scripts after them: Agg does not shape them
_LOG_SPAN = 100
_LOG_TICKS = 6  # labelled powers of ten at most, so that long numbers never collide
_ROOM_FOR_TEXT = 1.18  # the x range past the longest bar, for its value
_LABEL_GAP = 0.055  # between named points' labels, in axes fractions


def chart(
    name: str, title: str, finding: str, source: str, draw: Callable[[Figure], None], height: float = 5.0
) -> Chart:
    """Draw a figure with `draw` in the fixed style, frame it and render it to PNG."""
    with matplotlib.rc_context({**_BASE, **STYLE}):
        lines = textwrap.wrap(finding, width=int(WIDTH * 11.5))
        source_lines = textwrap.wrap(source, width=int(WIDTH * 15))
        header = _TITLE_INCHES + _LINE_INCHES * len(lines) + 0.15
        footer = _FOOTER_INCHES + _SOURCE_LINE_INCHES * (len(source_lines) - 1)
        engine = ConstrainedLayoutEngine(rect=(0.0, footer / height, 1.0, 1 - (header + footer) / height))
        figure = Figure(figsize=(WIDTH, height), layout=engine)
        draw(figure)
        figure.text(0.012, 1 - 0.12 / height, title, fontsize=14, fontweight="bold", va="top")
        figure.text(0.012, 1 - (_TITLE_INCHES + 0.05) / height, "\n".join(lines), fontsize=11, va="top")
        figure.text(0.012, 0.1 / height, "\n".join(source_lines), fontsize=8.5, color=GREY, va="bottom")
        buffer = io.BytesIO()
        # No version stamp, so the same tables give the same bytes; light compression is much faster and as small.
        figure.savefig(buffer, format="png", metadata={"Software": None}, pil_kwargs={"compress_level": 1})
    return Chart(name, title, finding, source, buffer.getvalue())


def hbars(
    ax: Axes,
    labels: Sequence[str],
    values: Sequence[float],
    xlabel: str,
    label: Callable[[float], str] | Sequence[str] = formats.count,
    colours: Sequence[str] | None = None,
    linear: bool = False,
) -> None:
    """Horizontal bars, the first on top, each with its value (or its text in `label`) written at its end.

    Unless `linear`, values spanning more than a hundredfold get a log scale (said in the axis
    label): a long tail would otherwise leave every bar but the first a sliver.
    """
    positions = np.arange(len(labels))
    ax.barh(positions, values, color=colours or BLUE)
    ax.set_yticks(positions, [shorten(text) for text in labels])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    texts = [label(value) for value in values] if callable(label) else label
    for position, value, text in zip(positions, values, texts, strict=True):
        ax.annotate(text, (value, position), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8.5)
    positive = [value for value in values if value > 0]
    top = max(positive, default=0)
    if not linear and positive and top / min(positive) > _LOG_SPAN:
        ax.set_xscale("log")
        count_axis(ax.xaxis, ticks=4)  # bars often share a figure with others: few labels, so none collide
        ax.set_xlim(min(positive) / 2, top * 4)
        ax.set_xlabel(f"{xlabel} (log scale)")
    else:
        ax.set_xlim(0, top * _ROOM_FOR_TEXT if top > 0 else 1)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: formats.short_count(value)))
        ax.set_xlabel(xlabel)


def heatmap(
    figure: Figure,
    ax: Axes,
    values: np.ndarray,
    rows: Sequence[str],
    columns: Sequence[str],
    label: Callable[[float], str],
    colour_label: str,
    cmap: str = "Blues",
    centred: bool = False,
) -> None:
    """A grid of coloured cells, each with its value written in it."""
    limit = float(np.nanmax(np.abs(values))) if values.size and np.isfinite(values).any() else 1.0
    bounds = {"vmin": -limit, "vmax": limit} if centred else {"vmin": 0, "vmax": limit or 1.0}
    image = ax.imshow(values, cmap=cmap, aspect="auto", **bounds)
    ax.set_xticks(range(len(columns)), columns)
    ax.set_yticks(range(len(rows)), rows)
    ax.grid(visible=False)
    ax.spines[:].set_visible(False)
    for (row, column), value in np.ndenumerate(values):
        if math.isnan(value):
            continue
        dark = abs(value) > 0.6 * limit
        ax.text(column, row, label(value), ha="center", va="center", fontsize=8, color="white" if dark else "black")
    figure.colorbar(image, ax=ax, label=colour_label, shrink=0.9)


def log_bins(values: np.ndarray, per_decade: int = 10, integers: bool = False) -> np.ndarray:
    """Bin edges evenly spaced on a log scale over the positive `values`.

    For counts (`integers`), edges fall half-way between whole numbers, so that no bin is empty
    merely for holding no integer.
    """
    low = math.floor(math.log10(values.min()))
    high = math.ceil(math.log10(values.max())) if values.max() > values.min() else low + 1
    edges = np.logspace(low, high, (high - low) * per_decade + 1)
    if not integers:
        return edges
    whole = np.unique(np.floor(edges))
    return np.append(whole - 0.5, whole[-1] + 0.5)


def dollar_axis(axis: Axis) -> None:
    """A log axis in dollars: $1K, $1M, $1B."""
    _log_labels(axis, lambda value: formats.short_dollars(value))


def count_axis(axis: Axis, ticks: int = _LOG_TICKS) -> None:
    """A log axis in plain numbers (1, 10, 1,000) instead of powers of ten."""
    _log_labels(axis, _number, ticks)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def _log_labels(axis: Axis, label: Callable[[float], str], ticks: int = _LOG_TICKS) -> None:
    axis.set_major_locator(LogLocator(base=10, numticks=ticks))
    axis.set_major_formatter(FuncFormatter(lambda value, _: label(value)))
    axis.set_minor_locator(LogLocator(base=10, subs=(2.0, 5.0), numticks=ticks * 4))
    axis.set_minor_formatter(NullFormatter())  # labelling minor ticks costs more than drawing the rest


def name_points(
    ax: Axes, xs: Sequence[float], ys: Sequence[float], names: Sequence[str], column: float | None = None
) -> None:
    """Circle each point and write its name beside it, the names spread out so that none overlap.

    The names stand beside their points, or in one column at x = `column` (data coordinates) when
    the points are crowded. Call once the axes have their scales and data: label positions are
    worked out in axes fractions.
    """
    if not names:
        return
    ax.get_xlim(), ax.get_ylim()  # settle the autoscaled limits
    to_axes = ax.transData + ax.transAxes.inverted()
    points = to_axes.transform(np.column_stack([xs, ys]))
    order = np.argsort(-points[:, 1], kind="stable")
    spots = np.empty(len(names))
    ceiling = 0.97
    for index in order:  # from the top down, each label at its point's height or just under the one above
        spots[index] = min(points[index, 1], ceiling)
        ceiling = spots[index] - _LABEL_GAP
    spots += max(0.0, 0.03 - spots.min())  # none below the axes
    at = None if column is None else to_axes.transform([(column, ys[0])])[0, 0]
    for index, (x, _) in enumerate(points):
        right = x < 0.7 if at is None else True
        place = (x + 0.03 if right else x - 0.03) if at is None else at
        ax.annotate(
            shorten(names[index], 34), (xs[index], ys[index]), xytext=(place, spots[index]),
            textcoords="axes fraction", ha="left" if right else "right", va="center", fontsize=8, color=RED,
            arrowprops={"arrowstyle": "-", "color": RED, "lw": 0.6, "shrinkA": 0, "shrinkB": 3},
        )  # fmt: skip
    ax.scatter(xs, ys, s=40, facecolors="none", edgecolors=RED, linewidths=1, zorder=3)


def drawable(text: str) -> bool:
    """Whether the figures' font draws every character of `text`: left-to-right scripts it has glyphs for."""
    return all(ord(character) < _RIGHT_TO_LEFT and ord(character) in _glyphs() for character in text)


@functools.cache
def _glyphs() -> frozenset[int]:
    with matplotlib.rc_context(STYLE):
        path = font_manager.findfont(font_manager.FontProperties(family=STYLE["font.family"]))
    return frozenset(ft2font.FT2Font(path).get_charmap())


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

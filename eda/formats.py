"""Numbers as the report writes them: counts, dollars, shares, returns."""

import math
from collections.abc import Callable, Iterable


def count(value: float) -> str:
    return f"{round(value):,}"


def short_count(value: float) -> str:
    """For axis ticks: 500, 2,000, 40K, 20M."""
    if abs(value) >= 1e6:
        return f"{value / 1e6:g}M"
    if abs(value) >= 1e4:
        return f"{value / 1e3:g}K"
    return f"{value:,.0f}" if value == round(value) else f"{value:g}"


def count_and_share(total: int) -> Callable[[float], str]:
    """A labeller: 1,785 (60%) of `total`."""
    return lambda value: f"{count(value)} ({percent(value / total)})"


def dollars(value: float) -> str:
    """$113, $25,000, $1.5 million, $2.1 billion."""
    if abs(value) >= 1e9:
        return f"${value / 1e9:,.1f} billion"
    if abs(value) >= 1e6:
        return f"${value / 1e6:,.1f} million"
    return f"${value:,.0f}"


def short_dollars(value: float) -> str:
    """For axis ticks: $1, $1K, $10M, $1B."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"${value / size:g}{suffix}"
    return f"${value:g}"


def percent(share: float) -> str:
    """48%, 0.4%, 0.03%, 99.9%: two significant digits below 10%, never 100% short of all."""
    if share == 0 or math.isnan(share):
        return "0%"
    value = share * 100
    if 99.5 <= value < 100:
        return f"{math.floor(value * 10) / 10:.1f}%"
    if abs(value) >= 10:
        return f"{value:.0f}%"
    return f"{value:.2g}%"


def rho(value: float) -> str:
    """A correlation coefficient with its sign, never -0.00."""
    return f"{round(value, 2) + 0.0:+.2f}"


def ratio(value: float) -> str:
    """A return or any other multiple: 0.83, 2.9, 1,018,619."""
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2g}" if abs(value) < 1 else f"{value:.1f}"


def source(tables: Iterable[str], films: int) -> str:
    names = list(tables)
    noun = "table" if len(names) == 1 else "tables"
    return f"Source: {noun} {', '.join(names)}; {count(films)} films"

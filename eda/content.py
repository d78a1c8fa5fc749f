"""What a report is made of: sections holding figures, tables and notes, plus the numbers behind them."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Chart:
    """A rendered figure. Its PNG shows the title, the finding and the source line too."""

    name: str  # file name without .png
    title: str
    finding: str  # one sentence, computed from the data
    source: str
    png: bytes


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[str, ...]]  # already formatted


@dataclass(frozen=True)
class Note:
    text: str


Item = Chart | Table | Note


@dataclass
class Section:
    key: str  # anchor and key in report.json
    title: str
    question: str  # what it informs
    items: list[Item] = field(default_factory=list)
    numbers: dict[str, Any] = field(default_factory=dict)

    @property
    def charts(self) -> list[Chart]:
        return [item for item in self.items if isinstance(item, Chart)]


def empty_note(*tables: str) -> Note:
    names = ", ".join(f"`{name}`" for name in tables)
    noun = "table" if len(tables) == 1 else "tables"
    verb = "is" if len(tables) == 1 else "are"
    return Note(f"The {noun} {names} {verb} empty: nothing to show here.")

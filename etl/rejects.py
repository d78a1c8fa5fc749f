"""Rows the ETL did not load, each with the raw line number it came from and the reason."""

from dataclasses import dataclass

from etl.errors import clip


@dataclass(frozen=True)
class Reject:
    file: str
    line: int
    reason: str  # clipped: a reason may quote a value, and a value may be megabytes long
    raw: str  # the whole record

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", clip(self.reason))

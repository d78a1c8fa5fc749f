"""Rows the ETL did not load, each with the raw line number it came from and the reason."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reject:
    file: str
    line: int
    reason: str
    raw: str

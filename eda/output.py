"""Writing the report folder: every figure as a PNG, the numbers as report.json, then index.html.

The page is written last and atomically (a temporary file renamed over it), so whoever serves the
folder while a report is built serves the previous page, whole, until the new one is complete.
Figures of a previous report that this one no longer has are removed; no other file is touched.
"""

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from eda.content import Section

PAGE = "index.html"
NUMBERS = "report.json"


def write(out_dir: Path, sections: list[Section], page: str, numbers: dict[str, Any], files: dict[str, str]) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    previous = _previous_figures(out_dir)
    for section in sections:
        for chart in section.charts:
            _write_atomically(out_dir / files[chart.name], chart.png)
    text = json.dumps(_plain(numbers), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    _write_atomically(out_dir / NUMBERS, text.encode("utf-8"))
    _write_atomically(out_dir / PAGE, page.encode("utf-8"))
    for stale in previous - set(files.values()):
        (out_dir / stale).unlink(missing_ok=True)
    return out_dir / PAGE


def _previous_figures(out_dir: Path) -> set[str]:
    try:
        previous = json.loads((out_dir / NUMBERS).read_text(encoding="utf-8"))
        return {Path(figure["file"]).name for section in previous["sections"].values() for figure in section["figures"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _plain(value: Any) -> Any:
    """JSON-ready: numpy numbers as Python numbers, NaN as null."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    return value

"""Building the whole report from a processed data folder."""

import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from eda import formats, html, output
from eda.content import Note, Section, empty_note
from eda.data import Tables, load_tables
from eda.sections import (
    catalogue,
    correlations,
    money,
    people,
    quality,
    recommender,
    releases,
    votes,
    words,
)

Progress = Callable[[str], None]
TITLE = "The Movies Dataset: exploratory data analysis"
SECTIONS: tuple[ModuleType, ...] = (
    quality,
    releases,
    votes,
    money,
    people,
    catalogue,
    words,
    correlations,
    recommender,
)


def build_report(data_dir: Path, out_dir: Path, progress: Progress = lambda _: None) -> Path:
    """Write the report for the tables in `data_dir` into `out_dir`; the path of its index.html.

    Raises eda.data.DataFolderError, naming the file, when the folder is missing, incomplete, corrupt
    or of another schema version. Figures of an earlier report in `out_dir` are replaced; index.html
    is replaced last and atomically, so the folder can be served while the report is built.
    """
    started = time.perf_counter()
    progress(f"reading {data_dir}…")
    tables = load_tables(data_dir)
    progress(f"reading {data_dir}: done, {formats.count(len(tables['movies']))} films ({_since(started)})")
    sections = []
    for number, module in enumerate(SECTIONS, 1):
        step = time.perf_counter()
        progress(f"{number}/{len(SECTIONS)} {module.TITLE.lower()}…")
        section = build_section(module, tables)
        sections.append(section)
        progress(
            f"{number}/{len(SECTIONS)} {module.TITLE.lower()}: done, {len(section.charts)} figures ({_since(step)})"
        )
    files = {
        chart.name: f"{number}-{chart.name}.png"
        for number, section in enumerate(sections, 1)
        for chart in section.charts
    }
    lead = _lead(tables)
    page = html.page(TITLE, lead, sections, files)
    path = output.write(out_dir, sections, page, _numbers(tables, sections, files), files)
    progress(f"wrote {len(files)} figures and {path.name} into {out_dir} ({_since(started)} in all)")
    return path


def build_section(module: ModuleType, tables: Tables) -> Section:
    section = Section(module.KEY, module.TITLE, module.QUESTION)
    empty = tables.empty(*module.NEEDS)
    if empty:
        section.items.append(empty_note(*empty))
    else:
        module.fill(section, tables)
    return section


def _lead(tables: Tables) -> str:
    manifest = tables.manifest
    inputs = manifest.get("inputs", {})
    sources = ", ".join(
        f"{entry.get('file', name)} (sha256 {str(entry.get('sha256', '?'))[:12]})" for name, entry in inputs.items()
    )
    return (
        f"Built from the processed tables the API serves (schema version {manifest['schema_version']}): "
        f"{formats.count(len(tables['movies']))} films, {formats.count(len(tables['people']))} people, from {sources}. "
        "Every number and sentence below is computed from those tables."
    )


def _numbers(tables: Tables, sections: list[Section], files: dict[str, str]) -> dict[str, Any]:
    return {
        "schema_version": tables.manifest["schema_version"],
        "films": len(tables["movies"]),
        "sections": {
            section.key: {
                "title": section.title,
                "question": section.question,
                "figures": [
                    {"file": files[chart.name], "title": chart.title, "finding": chart.finding, "source": chart.source}
                    for chart in section.charts
                ],
                "notes": [item.text for item in section.items if isinstance(item, Note)],
                "numbers": section.numbers,
            }
            for section in sections
        },
    }


def _since(started: float) -> str:
    return f"{time.perf_counter() - started:.1f} s"

"""The report as one self-contained HTML page: styles inline, figures embedded, nothing loaded from elsewhere."""

import base64
import re
from html import escape

from eda.content import Chart, Item, Note, Section, Table

_NUMBER = re.compile(r"[-$]*[\d,.]+( million| billion|%)?")
_STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0;
       background: #f6f6f4; line-height: 1.45; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 60px; background: white; }
h1 { font-size: 26px; margin: 8px 0 4px; }
h2 { font-size: 21px; margin: 42px 0 4px; padding-top: 12px; border-top: 2px solid #2a6f97; }
.lead, .question { color: #555; margin: 4px 0 14px; }
.question { font-style: italic; }
nav ol { columns: 2; padding-left: 22px; }
figure { margin: 18px 0 26px; }
figure img { width: 100%; max-width: 1000px; height: auto; border: 1px solid #e6e6e6; }
table { border-collapse: collapse; margin: 14px 0 24px; font-size: 13.5px; }
caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e6e6e6; text-align: left; vertical-align: top; }
th { background: #f0f4f7; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { background: #fbf7e8; border-left: 4px solid #e0b339; padding: 8px 12px; }
"""


def page(title: str, lead: str, sections: list[Section], files: dict[str, str]) -> str:
    """`files` maps each chart's name to the PNG file written beside the page."""
    toc = "".join(f'<li><a href="#{section.key}">{escape(section.title)}</a></li>' for section in sections)
    body = "\n".join(_section(number, section, files) for number, section in enumerate(sections, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
        f'<h1>{escape(title)}</h1>\n<p class="lead">{escape(lead)}</p>\n'
        f"<nav><ol>{toc}</ol></nav>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _section(number: int, section: Section, files: dict[str, str]) -> str:
    items = "\n".join(_item(item, files) for item in section.items)
    return (
        f'<section id="{section.key}">\n<h2>{number}. {escape(section.title)}</h2>\n'
        f'<p class="question">Informs: {escape(section.question)}</p>\n{items}\n</section>'
    )


def _item(item: Item, files: dict[str, str]) -> str:
    if isinstance(item, Chart):
        data = base64.b64encode(item.png).decode("ascii")
        alt = escape(f"{item.title}. {item.finding} {item.source}", quote=True)
        return (
            f'<figure id="{escape(item.name)}" data-file="{escape(files[item.name])}">'
            f'<img alt="{alt}" src="data:image/png;base64,{data}"></figure>'
        )
    if isinstance(item, Table):
        return _table(item)
    if isinstance(item, Note):
        return f'<p class="note">{escape(item.text)}</p>'
    raise TypeError(f"not a report item: {item!r}")


def _table(table: Table) -> str:
    numeric = [all(_is_number(row[index]) for row in table.rows) for index in range(len(table.columns))]
    head = "".join(f"<th>{escape(column)}</th>" for column in table.columns)
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="number">{escape(cell)}</td>' if numeric[index] else f"<td>{escape(cell)}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table><caption>{escape(table.title)}</caption><tr>{head}</tr>{rows}</table>"


def _is_number(cell: str) -> bool:
    return _NUMBER.fullmatch(cell) is not None

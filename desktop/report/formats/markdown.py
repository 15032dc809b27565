"""A briefing as Markdown (GitHub flavour): headings, paragraphs and pipe tables.

User text is escaped so that it stays text: Markdown's punctuation gets a backslash, ``|`` in a
cell becomes ``\\|``, and what would be linked automatically (``https://``, ``www.``, an e-mail
address) is broken with an escape. The only HTML written is ``<br>`` for a line break inside a
table cell. A chart is a table of its bars' values.
"""

from __future__ import annotations

import re

from desktop.report.formats.model import (
    Cell,
    Element,
    Figure,
    Paragraph,
    Run,
    Table,
    chart_head,
    chart_rows,
    outline,
)
from desktop.report.sheets import Sheet, prepared

_PUNCT = re.compile(r"([\\`*_\[\]<>|~&!#$^{}])")


def escape(text: str) -> str:
    """Plain text as Markdown that shows it as it is and links nothing."""
    text = _PUNCT.sub(r"\\\1", text)
    text = text.replace("://", r"\://").replace("@", r"\@")
    text = re.sub(r"(?i)\b(www)\.", r"\1\\.", text)
    # what would start a list item or underline a heading at the start of a line
    text = re.sub(r"(?m)^(\s*)([-+=])", r"\1\\\2", text)
    return re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", text)


def runs_md(runs: list[Run], *, newline: str = "  \n") -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append(newline)
            continue
        text = escape(run.text)
        stripped = text.strip()
        if stripped and (run.bold or run.italic):
            mark = ("**" if run.bold else "") + ("*" if run.italic else "")
            lead = text[:len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()):]
            text = f"{lead}{mark}{stripped}{mark[::-1]}{trail}"
        out.append(text)
    return "".join(out)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c if c.strip() else " " for c in cells) + " |"


def _plain(runs: list[Run]) -> list[Run]:
    """Runs without bold and italic (headings and table headers are bold already)."""
    return [Run(r.text) for r in runs]


def _cell(cell: Cell, *, header: bool = False) -> str:
    runs = _plain(cell.runs) if header else cell.runs
    return runs_md(runs, newline="<br>").replace("\n", " ")


def table_md(table: Table) -> str:
    if table.header is None:  # rows of text (the draft's clauses): one paragraph a row
        return "\n\n".join(" ".join(runs_md(c.runs) for c in row if c.runs)
                           for row in table.rows)
    lines = [_row([_cell(c, header=True) for c in table.header]),
             _row(["---"] * table.columns)]
    lines += [_row([_cell(c) for c in row]) for row in table.rows]
    return "\n".join(lines)


def figure_md(figure: Figure) -> str:
    chart = figure.chart
    lines = [f"*{escape(chart.title)}*", "", _row([escape(h) for h in chart_head()]),
             _row(["---", "---:", "---"])]
    lines += [_row([escape(c) for c in row]) for row in chart_rows(chart.bars)]
    return "\n".join(lines)


def element_md(element: Element) -> str:
    if isinstance(element, Paragraph):
        if element.level:
            return "#" * element.level + " " + runs_md(_plain(element.runs), newline=" ")
        return runs_md(element.runs)
    if isinstance(element, Table):
        return table_md(element)
    return figure_md(element)


def markdown_document(sheet: Sheet) -> str:
    head = [f"*{escape(sheet.running_head)}*"]
    if sheet.marking:
        head.append(f"**{escape(sheet.marking)}**")
    parts = ["  \n".join(head)]
    for element in outline(sheet):
        if element.page_break:
            parts.append("---")
        parts.append(element_md(element))
    foot = escape(prepared(sheet.date)) + (f" · **{escape(sheet.marking)}**"
                                           if sheet.marking else "")
    parts += ["---", foot]
    return "\n\n".join(p for p in parts if p) + "\n"


def markdown_bytes(sheet: Sheet) -> bytes:
    return markdown_document(sheet).encode("utf-8")

"""A briefing as one self-contained HTML file: inline style, no script, nothing loaded.

Every text comes from the outline (:mod:`desktop.report.formats.model`) as plain text and is
escaped here; the only image is the chart Accord paints, as a ``data:`` URI; a Content Security
Policy forbids loading anything else. A print style sheet puts page breaks where the sheet has
them and repeats table headers.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

from desktop.report.formats.model import (
    Cell,
    Element,
    Figure,
    Paragraph,
    Run,
    Table,
    outline,
)
from desktop.report.sheets import Chart, Sheet, prepared
from desktop.wording import palette
from desktop.wording.translate import translate

STYLE = f"""
body {{ font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 13px;
  color: {palette.INK}; max-width: 50em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }}
header, footer {{ display: flex; justify-content: space-between; gap: 1em; font-size: 11px;
  color: {palette.MUTED}; border-color: {palette.RULE}; border-style: solid; border-width: 0; }}
header {{ border-bottom-width: 1px; padding-bottom: .3em; margin-bottom: 1.5em; }}
footer {{ border-top-width: 1px; padding-top: .3em; margin-top: 2em; }}
.marking {{ color: {palette.PRINT_REJECT}; font-weight: bold; }}
h1 {{ font-size: 22px; margin: 1.2em 0 .4em; }}
h2 {{ font-size: 17px; margin: 1em 0 .3em; }}
h3 {{ font-size: 14px; margin: .8em 0 .3em; }}
p {{ margin: 0 0 .5em; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 1em; font-size: 12px; }}
th, td {{ text-align: left; vertical-align: top; padding: 4px; }}
th {{ background: {palette.HEAD_FILL}; color: {palette.HEAD_TEXT}; }}
tbody tr:nth-child(even) td {{ background: {palette.STRIPE}; }}
table.plain tbody tr:nth-child(even) td {{ background: none; }}
figure {{ margin: 0 0 1em; }}
figure img {{ width: 100%; max-width: 680px; height: auto; }}
.page-break {{ border-top: 1px dashed {palette.RULE}; margin-top: 2em; padding-top: 1em; }}
@media print {{
  @page {{ margin: 15mm; }}
  body {{ max-width: none; margin: 0; padding: 0; }}
  .page-break {{ break-before: page; page-break-before: always; border: 0; margin: 0;
    padding: 0; }}
  thead {{ display: table-header-group; }}
  tr, figure {{ break-inside: avoid; page-break-inside: avoid; }}
  h1, h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
}}
"""

#: Nothing but the inline style sheet and the chart images (data: URIs) may be loaded.
POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def runs_html(runs: list[Run], *, colors: bool = True) -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<br>")
            continue
        text = esc(run.text)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        if colors and run.color:  # "#rrggbb" (checked by the outline)
            text = f'<span style="color:{run.color}">{text}</span>'
        out.append(text)
    return "".join(out)


def _cell(tag: str, cell: Cell, width: float | None = None) -> str:
    # valign and width repeat the style sheet for readers that ignore CSS in tables
    # (LibreOffice's HTML import among them); browsers follow the style sheet.
    attrs = (f' style="width:{width:.0f}%" width="{width:.0f}%"' if width is not None
             else "") + ' valign="top"'
    return f"<{tag}{attrs}>{runs_html(cell.runs, colors=tag == 'td')}</{tag}>"


def table_html(table: Table) -> str:
    parts = ['<table class="plain" width="100%">' if table.header is None
             else '<table width="100%">']
    if table.header is not None:
        parts.append("<thead><tr>" + "".join(
            _cell("th", c, w) for c, w in zip(table.header, table.widths, strict=True))
            + "</tr></thead>")
    parts.append("<tbody>")
    for n, row in enumerate(table.rows):
        widths: list[float | None] = (list(table.widths) if n == 0 and table.header is None
                                      else [None] * len(row))
        parts.append("<tr>" + "".join(_cell("td", c, w) for c, w in zip(row, widths,
                                                                           strict=True))
                     + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def png_data_uri(chart: Chart) -> str:
    from desktop.report.formats.images import chart_png

    return "data:image/png;base64," + base64.b64encode(chart_png(chart)).decode("ascii")


def element_html(element: Element, image_src: Callable[[Chart], str]) -> str:
    if isinstance(element, Paragraph):
        if element.level:
            return f"<h{element.level}>{runs_html(element.runs)}</h{element.level}>"
        return f"<p>{runs_html(element.runs)}</p>"
    if isinstance(element, Table):
        return table_html(element)
    chart = element.chart
    return (f'<figure><img src="{esc(image_src(chart))}" alt="{esc(chart.title)}">'
            "</figure>")


def body_html(elements: list[Element], image_src: Callable[[Chart], str]) -> str:
    parts = []
    for element in elements:
        if isinstance(element, Paragraph | Table | Figure) and element.page_break:
            parts.append('<div class="page-break"></div>')
        parts.append(element_html(element, image_src))
    return "\n".join(parts)


def html_document(sheet: Sheet, paper: str = "a4") -> str:
    size = "A4" if paper == "a4" else "letter"
    lang = translate("Report.html", "en", "the language code of this translation")
    marking = f'<span class="marking">{esc(sheet.marking)}</span>' if sheet.marking else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="generator" content="Accord">\n'
        f"<title>{esc(sheet.title)}</title>\n"
        f"<style>{STYLE}@page {{ size: {size}; }}\n</style>\n</head>\n<body>\n"
        f"<header><span>{esc(sheet.running_head)}</span> {marking}</header>\n<main>\n"
        f"{body_html(outline(sheet), png_data_uri)}\n</main>\n"
        f"<footer><span>{esc(prepared(sheet.date))}</span> {marking}</footer>\n"
        "</body>\n</html>\n"
    )


def html_bytes(sheet: Sheet, paper: str = "a4") -> bytes:
    return html_document(sheet, paper).encode("utf-8")

"""A briefing as an OpenDocument text (ODT), written by Qt's QTextDocumentWriter.

The outline (:mod:`desktop.report.formats.model`) becomes one QTextDocument: every text escaped
into Qt's rich-text HTML, headings as <h1>-<h3>, tables with a repeated header row, page breaks
where the sheet has them, the charts as images Accord paints and hands to the document itself.
The document never loads a resource (:class:`desktop.report.render._Document`).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QImage, QTextDocument, QTextDocumentWriter

from desktop.report.formats.html import esc, runs_html
from desktop.report.formats.images import CHART_WIDTH, chart_png
from desktop.report.formats.model import Cell, Element, Figure, Paragraph, Table, outline
from desktop.report.render import _body_font, _Document, ensure_app
from desktop.report.sheets import Sheet
from desktop.wording import palette

_BREAK = ' style="page-break-before: always;"'


def _cell(tag: str, cell: Cell, width: float | None, fill: str | None) -> str:
    attrs = f' width="{width:.0f}%"' if width is not None else ""
    if fill:
        attrs += f' bgcolor="{fill}"'
    body = runs_html(cell.runs, colors=tag == "td")
    if tag == "th":
        body = f'<span style="color:{palette.HEAD_TEXT};">{body}</span>'
    return f'<{tag}{attrs} align="left" valign="top">{body}</{tag}>'


def _table(table: Table) -> str:
    head = (f'<p{_BREAK}></p>' if table.page_break else "")
    parts = [head, f'<table width="100%" border="0.5" cellspacing="0" cellpadding="4" '
             f'style="border-color:{palette.RULE}; border-style:solid;">']
    if table.header is not None:
        parts.append("<thead><tr>" + "".join(
            _cell("th", c, w, palette.HEAD_FILL)
            for c, w in zip(table.header, table.widths, strict=True)) + "</tr></thead>")
    for n, row in enumerate(table.rows):
        fill = palette.STRIPE if table.header is not None and n % 2 else None
        widths = table.widths if n == 0 and table.header is None else [None] * len(row)
        parts.append("<tr>" + "".join(_cell("td", c, w, fill)
                                      for c, w in zip(row, widths, strict=True)) + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def _element(element: Element, n: int) -> str:
    brk = _BREAK if element.page_break else ""
    if isinstance(element, Paragraph):
        tag = f"h{element.level}" if element.level else "p"
        return f"<{tag}{brk}>{runs_html(element.runs)}</{tag}>"
    if isinstance(element, Table):
        return _table(element)
    return (f'<p{brk}><img src="accord-chart:{n}" width="{CHART_WIDTH:.0f}" '
            f'height="{element.chart.height:.0f}" alt="{esc(element.chart.title)}"></p>')


def document(sheet: Sheet) -> QTextDocument:
    """The sheet as one QTextDocument (its charts added as image resources)."""
    ensure_app()
    doc = _Document()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(_body_font())
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet.title)
    elements = outline(sheet)
    parts = []
    for n, element in enumerate(elements):
        if isinstance(element, Figure):
            image = QImage.fromData(chart_png(element.chart))
            doc.addResource(QTextDocument.ResourceType.ImageResource,
                            QUrl(f"accord-chart:{n}"), image)
        parts.append(_element(element, n))
    head = (f'<p style="color:{palette.MUTED}; font-size:10px;">{esc(sheet.running_head)}'
            + (f' — <b style="color:{palette.PRINT_REJECT};">{esc(sheet.marking)}</b>'
               if sheet.marking else "") + "</p>")
    foot = (f'<p style="color:{palette.MUTED}; font-size:10px;">Prepared {esc(sheet.date)}'
            + (f' — <b style="color:{palette.PRINT_REJECT};">{esc(sheet.marking)}</b>'
               if sheet.marking else "") + "</p>")
    doc.setHtml(f"<html><body>{head}{''.join(parts)}{foot}</body></html>")
    return doc


def odt_bytes(sheet: Sheet) -> bytes:
    doc = document(sheet)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QTextDocumentWriter(buffer, QByteArray(b"odf"))
    ok = writer.write(doc)
    buffer.close()
    if not ok:
        raise OSError("Qt could not write the OpenDocument file")
    return bytes(data.data())

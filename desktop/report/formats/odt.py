"""A briefing as an OpenDocument text (ODT), written by Qt's QTextDocumentWriter.

The outline (:mod:`desktop.report.formats.model`) becomes one QTextDocument: every text escaped
into Qt's rich-text HTML, headings as <h1>-<h3>, tables with a repeated header row, page breaks
where the sheet has them, the charts as images Accord paints and hands to the document itself.
The document never loads a resource (:class:`desktop.report.render._Document`).
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument, QTextDocumentWriter

from desktop.report.formats.html import esc, runs_html
from desktop.report.formats.images import CHART_WIDTH, chart_png
from desktop.report.formats.model import Cell, Element, Figure, Paragraph, Table, outline
from desktop.report.render import _Document, ensure_app, no_ligatures
from desktop.report.sheets import Sheet
from desktop.wording import palette

_BREAK = ' style="page-break-before: always;"'
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
TEXT_WIDTH_PT = {"a4": 510.2, "letter": 527.0}  # the page less 15 mm margins


#: Heading sizes in points (Qt's writer drops its own relative heading sizes).
HEADING_PT = {1: 17, 2: 13.5, 3: 11.5}
HEADER_FILL = "#DDE3E6"  # a header row's cells (light, so dark text reads on it anywhere)


def _cell(tag: str, cell: Cell, width: float | None, fill: str | None) -> str:
    attrs = f' width="{width:.0f}%"' if width is not None else ""
    if fill:
        attrs += f' bgcolor="{fill}"'
    body = runs_html(cell.runs, colors=tag == "td")
    return f'<{tag}{attrs} align="left">{body}</{tag}>'


def _table(table: Table) -> str:
    head = (f'<p{_BREAK}></p>' if table.page_break else "")
    border = "0.5" if table.header is not None else "0"  # rows of text: no grid
    parts = [head, f'<table width="100%" border="{border}" cellspacing="0" cellpadding="4" '
             f'style="border-color:{palette.RULE}; border-style:solid;">']
    if table.header is not None:
        parts.append("<thead><tr>" + "".join(
            _cell("th", c, w, HEADER_FILL)
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
        if element.level:
            size = HEADING_PT[element.level]
            style = (f' style="font-size:{size}pt; color:{palette.INK};'
                     + (' page-break-before: always;"' if element.page_break else '"'))
            return (f"<h{element.level}{style}>{runs_html(element.runs, colors=False)}"
                    f"</h{element.level}>")
        return f"<p{brk}>{runs_html(element.runs)}</p>"
    if isinstance(element, Table):
        return _table(element)
    return (f'<p{brk}><img src="accord-chart:{n}" width="{CHART_WIDTH:.0f}" '
            f'height="{element.chart.height:.0f}" alt="{esc(element.chart.title)}"></p>')


def document(sheet: Sheet) -> QTextDocument:
    """The sheet as one QTextDocument (its charts added as image resources)."""
    ensure_app()
    doc = _Document()
    doc.setUndoRedoEnabled(False)
    font = QFont()
    font.setPointSizeF(10)  # points: Qt's writer cannot store a font size in pixels
    doc.setDefaultFont(no_ligatures(font))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet.title)
    elements = outline(sheet)
    parts = []
    for n, element in enumerate(elements):
        if isinstance(element, Figure):
            image = QImage.fromData(chart_png(element.chart))
            doc.addResource(QTextDocument.ResourceType.ImageResource,
                            QUrl(f"accord-chart:{n}"), image)
        parts.append(_element(element, n))
    head = (f'<p style="color:{palette.MUTED}; font-size:8pt;">{esc(sheet.running_head)}'
            + (f' — <b style="color:{palette.PRINT_REJECT};">{esc(sheet.marking)}</b>'
               if sheet.marking else "") + "</p>")
    foot = (f'<p style="color:{palette.MUTED}; font-size:8pt;">Prepared {esc(sheet.date)}'
            + (f' — <b style="color:{palette.PRINT_REJECT};">{esc(sheet.marking)}</b>'
               if sheet.marking else "") + "</p>")
    doc.setHtml(f"<html><body>{head}{''.join(parts)}{foot}</body></html>")
    return doc


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def fix_content(xml: bytes, headers: list[bool], width_pt: float) -> bytes:
    """What Qt's ODF writer gets wrong, put right: a table "100%" wide is written as 100 pt
    and its columns' per cent widths as absolute ones (so the tables fill the text width
    here, with relative columns), and no row is marked as the header (the first row of each
    table in ``headers`` is, so it repeats on every page the table runs onto)."""
    for prefix, uri in re.findall(rb'xmlns:(\w+)="([^"]+)"', xml):
        ElementTree.register_namespace(prefix.decode(), uri.decode())
    root = ElementTree.fromstring(xml)
    for props in root.iter(_q("style", "table-properties")):
        props.set(_q("style", "width"), f"{width_pt:.1f}pt")
        props.set(_q("table", "align"), "margins")
    for props in root.iter(_q("style", "table-column-properties")):
        width = props.attrib.pop(_q("style", "column-width"), "")
        if width.endswith("%"):
            props.set(_q("style", "rel-column-width"), f"{float(width[:-1]) * 100:.0f}*")
        elif width:
            props.set(_q("style", "column-width"), width)
    for props in root.iter(_q("style", "text-properties")):
        # Qt writes a cell's top alignment as a raised text position (superscript, small)
        props.attrib.pop(_q("style", "text-position"), None)
    filled = set()
    tables = list(root.iter(_q("table", "table")))
    for table, header in zip(tables, headers, strict=False):
        rows = table.findall(_q("table", "table-row"))
        if header and rows:
            group = ElementTree.Element(_q("table", "table-header-rows"))
            table.insert(list(table).index(rows[0]), group)
            table.remove(rows[0])
            group.append(rows[0])
            filled |= {c.get(_q("table", "style-name")) for c in rows[0]}
    for style in root.iter(_q("style", "style")):  # Qt's writer drops cell backgrounds
        if style.get(_q("style", "name")) in filled:
            for props in style.iter(_q("style", "table-cell-properties")):
                props.set(_q("fo", "background-color"), HEADER_FILL)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


def _rezip(data: bytes, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():  # "mimetype" first and stored, as Qt wrote it
            body = content if info.filename == "content.xml" else src.read(info)
            dst.writestr(info, body, compress_type=info.compress_type)
    return out.getvalue()


def odt_bytes(sheet: Sheet, paper: str = "a4") -> bytes:
    doc = document(sheet)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QTextDocumentWriter(buffer, QByteArray(b"odf"))
    ok = writer.write(doc)
    buffer.close()
    if not ok:
        raise OSError("Qt could not write the OpenDocument file")
    raw = bytes(data.data())
    headers = [e.header is not None for e in outline(sheet) if isinstance(e, Table)]
    with zipfile.ZipFile(io.BytesIO(raw)) as odt:
        content = odt.read("content.xml")
    width = TEXT_WIDTH_PT.get(paper, TEXT_WIDTH_PT["a4"])
    return _rezip(raw, fix_content(content, headers, width))

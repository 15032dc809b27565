"""A briefing as an OpenDocument text (ODT), written by Qt's QTextDocumentWriter.

The outline (:mod:`desktop.report.formats.model`) becomes one QTextDocument: every text escaped
into Qt's rich-text HTML, headings as <h1>-<h3>, tables with a repeated header row, page breaks
where the sheet has them, the charts as images Accord paints and hands to the document itself.
The document never loads a resource (:class:`desktop.report.render._Document`).

Qt's ODF writer writes every paragraph as ``text:p`` and no ``styles.xml``; what it writes is
then put right with the standard library (:func:`fix_content`, :func:`styles_xml`): headings
become ``text:h`` with their outline level (LibreOffice's navigator lists them) on the styles
Heading 1-3, and a master page gives every page the paper size, the running head and marking
in its header, and the date, marking and "Page N of M" in its footer.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Sequence
from xml.etree import ElementTree

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from PySide6.QtGui import QFont, QImage, QTextDocument, QTextDocumentWriter

from desktop.report.formats.html import esc, runs_html
from desktop.report.formats.images import CHART_WIDTH, chart_png
from desktop.report.formats.model import (
    Cell,
    Element,
    Figure,
    Paragraph,
    Table,
    clean,
    outline,
    page_parts,
)
from desktop.report.render import _Document, ensure_app, no_ligatures
from desktop.report.sheets import Sheet, prepared
from desktop.wording import palette
from desktop.wording.translate import translate

_BREAK = ' style="page-break-before: always;"'
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
TEXT_WIDTH_PT = {"a4": 510.2, "letter": 527.0}  # the page less 15 mm margins
PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGIN_MM = 15.0


#: Heading sizes in points (Qt's writer drops its own relative heading sizes).
HEADING_PT = {1: 17, 2: 13.5, 3: 11.5}
#: The space above a heading, in points (Qt's own is larger: the memo would not fit a page).
HEADING_GAP_PT = {1: 12, 2: 9, 3: 6}
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
            style = (f' style="font-size:{size}pt; color:{palette.INK}; '
                     f'margin-top:{HEADING_GAP_PT[element.level]}pt; margin-bottom:4pt;'
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
    # The running head, the date and the marking go in the page header and footer
    # (styles.xml), not the body.
    doc.setHtml(f"<html><body>{''.join(parts)}</body></html>")
    return doc


def heading_levels(doc: QTextDocument) -> list[tuple[int, str]]:
    """Every block of ``doc`` in order (table cells' too, as Qt's writer writes them): its
    heading level (0: none) and its text."""
    out: list[tuple[int, str]] = []
    block = doc.begin()
    while block.isValid():
        out.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    return out


def _q(prefix: str, name: str) -> str:
    return f"{{{_NS[prefix]}}}{name}"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _headings(root: ElementTree.Element, blocks: Sequence[tuple[int, str]]) -> None:
    """The paragraphs of headings as ``text:h`` with their outline level, on an automatic
    style whose parent is the style Heading N (its look stays Qt's). Qt writes one ``text:p``
    per block, in order; should that ever not hold (counts or texts differ), no paragraph is
    changed rather than a wrong one."""
    body = root.find(f"{_q('office', 'body')}/{_q('office', 'text')}")
    styles = root.find(_q("office", "automatic-styles"))
    if body is None or styles is None:
        return
    paragraphs = [el for el in body.iter() if el.tag == _q("text", "p")]
    if len(paragraphs) != len(blocks):
        return
    pairs = [(el, level) for el, (level, text) in zip(paragraphs, blocks, strict=True)
             if level]
    if any(_squeezed("".join(el.itertext())) != _squeezed(text)
           for el, (level, text) in zip(paragraphs, blocks, strict=True) if level):
        return
    by_name = {st.get(_q("style", "name")): st for st in styles.iter(_q("style", "style"))}
    made: dict[tuple[str, int], str] = {}
    for el, level in pairs:
        level = max(1, min(level, 6))
        el.tag = _q("text", "h")
        el.set(_q("text", "outline-level"), str(level))
        name = el.get(_q("text", "style-name"), "")
        if (name, level) not in made:
            new_name = f"AccordHeading{level}_{name or 'plain'}"
            original = by_name.get(name)
            style = (copy.deepcopy(original) if original is not None else ElementTree.Element(
                _q("style", "style"), {_q("style", "family"): "paragraph"}))
            style.set(_q("style", "name"), new_name)
            style.set(_q("style", "parent-style-name"), f"Heading_20_{level}")
            style.set(_q("style", "default-outline-level"), str(level))
            styles.append(style)
            made[(name, level)] = new_name
        el.set(_q("text", "style-name"), made[(name, level)])


def _rows_whole(root: ElementTree.Element) -> None:
    """No table row is split across pages (as in the PDF): every row gets a row style that
    keeps it together."""
    styles = root.find(_q("office", "automatic-styles"))
    if styles is None:
        return
    style = ElementTree.SubElement(styles, _q("style", "style"))
    style.set(_q("style", "name"), "AccordRow")
    style.set(_q("style", "family"), "table-row")
    props = ElementTree.SubElement(style, _q("style", "table-row-properties"))
    props.set(_q("fo", "keep-together"), "always")
    for row in root.iter(_q("table", "table-row")):
        row.set(_q("table", "style-name"), "AccordRow")


def fix_content(xml: bytes, headers: list[bool], width_pt: float,
                blocks: Sequence[tuple[int, str]] = ()) -> bytes:
    """What Qt's ODF writer gets wrong, put right: a table "100%" wide is written as 100 pt
    and its columns' per cent widths as absolute ones (so the tables fill the text width
    here, with relative columns), no row is marked as the header (the first row of each
    table in ``headers`` is, so it repeats on every page the table runs onto), and headings
    are plain paragraphs (``blocks``, from :func:`heading_levels`, says which are headings:
    they become ``text:h``)."""
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
    _rows_whole(root)
    _headings(root, blocks)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


_STYLES_NS = {
    "office": _NS["office"], "style": _NS["style"], "text": _NS["text"], "fo": _NS["fo"],
}


def _el(parent: ElementTree.Element, prefix: str, name: str, **attrs: str
        ) -> ElementTree.Element:
    """A child element; attribute names are written ``prefix__name`` (``fo__color``)."""
    el = ElementTree.SubElement(parent, _q(prefix, name))
    for key, value in attrs.items():
        ns, _, local = key.partition("__")
        el.set(_q(ns, local.replace("_", "-")), value)
    return el


def _span(parent: ElementTree.Element, text: str, style: str) -> None:
    span = _el(parent, "text", "span", text__style_name=style)
    span.text = clean(text)


def styles_xml(sheet: Sheet, paper: str = "a4", font_family: str = "Sans") -> bytes:
    """The document's styles: Heading 1-3 (what the headings' own styles build on, with their
    outline levels) and the master page every page uses: the paper, 15 mm margins, the running
    head and marking in the header, the date, marking and "Page N of M" in the footer. User
    text (the running head, the marking) is element text: escaped by the XML writer.
    ``font_family`` is the body's (what Qt wrote), so the header and footer match it."""
    for prefix, uri in _STYLES_NS.items():
        ElementTree.register_namespace(prefix, uri)
    width, height = PAPER_MM.get(paper, PAPER_MM["a4"])
    root = ElementTree.Element(_q("office", "document-styles"), {_q("office", "version"): "1.2"})
    styles = _el(root, "office", "styles")
    for level in (1, 2, 3):
        st = _el(styles, "style", "style", style__name=f"Heading_20_{level}",
                 style__display_name=f"Heading {level}", style__family="paragraph",
                 style__default_outline_level=str(level), style__class="text")
        _el(st, "style", "paragraph-properties", fo__keep_with_next="always")
        _el(st, "style", "text-properties", fo__font_weight="bold",
            fo__font_size=f"{HEADING_PT[level]}pt", fo__color=palette.INK)
    for name in ("Header", "Footer", "AccordHeaderMarking"):
        st = _el(styles, "style", "style", style__name=name, style__family="paragraph",
                 style__class="extra")
        props = _el(st, "style", "paragraph-properties")
        if name == "AccordHeaderMarking":  # a marking stands centred at the top of the page
            props.set(_q("fo", "text-align"), "center")
        else:
            props.append(_tab_stops(width - 2 * MARGIN_MM, centre=name == "Footer"))
        _el(st, "style", "text-properties", fo__font_size="8pt", fo__color=palette.MUTED,
            fo__font_family=font_family)
    text_styles: tuple[tuple[str, dict[str, str]], ...] = (
        ("AccordMuted", {"fo__color": palette.MUTED}),
        ("AccordMarking", {"fo__color": palette.PRINT_REJECT, "fo__font_weight": "bold"}))
    for name, looks in text_styles:
        st = _el(styles, "style", "style", style__name=name, style__family="text")
        _el(st, "style", "text-properties", **looks)
    automatic = _el(root, "office", "automatic-styles")
    layout = _el(automatic, "style", "page-layout", style__name="AccordPage")
    margin = f"{MARGIN_MM:g}mm"
    _el(layout, "style", "page-layout-properties", fo__page_width=f"{width:g}mm",
        fo__page_height=f"{height:g}mm", style__print_orientation="portrait",
        fo__margin_top="8mm", fo__margin_bottom="8mm", fo__margin_left=margin,
        fo__margin_right=margin)
    for part in ("header-style", "footer-style"):
        box = _el(layout, "style", part)
        spacing = {"fo__margin_bottom": "3mm"} if part == "header-style" else {
            "fo__margin_top": "3mm"}
        _el(box, "style", "header-footer-properties", fo__min_height="4mm", **spacing)
    masters = _el(root, "office", "master-styles")
    page = _el(masters, "style", "master-page", style__name="Standard",
               style__page_layout_name="AccordPage")
    header = _el(page, "style", "header")
    if sheet.marking:  # its own line: a long running head never pushes it onto two
        _span(_el(header, "text", "p", text__style_name="AccordHeaderMarking"), sheet.marking,
              "AccordMarking")
    _span(_el(header, "text", "p", text__style_name="Header"), sheet.running_head,
          "AccordMuted")
    foot = _el(_el(page, "style", "footer"), "text", "p", text__style_name="Footer")
    _span(foot, prepared(sheet.date), "AccordMuted")
    _el(foot, "text", "tab")
    if sheet.marking:
        _span(foot, sheet.marking, "AccordMarking")
    _el(foot, "text", "tab")
    numbers = _el(foot, "text", "span", text__style_name="AccordMuted")
    last: ElementTree.Element | None = None
    for part in page_parts():  # "Page {page} of {pages}": the numbers are fields
        if part in ("{page}", "{pages}"):
            last = (_el(numbers, "text", "page-number", text__select_page="current")
                    if part == "{page}" else _el(numbers, "text", "page-count"))
            last.text = "1"
        elif last is None:
            numbers.text = (numbers.text or "") + clean(part)
        else:
            last.tail = (last.tail or "") + clean(part)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


def _tab_stops(width_mm: float, *, centre: bool) -> ElementTree.Element:
    """A right tab at the end of the text width (``width_mm``), and with ``centre`` a centre
    tab in its middle (positions from the left margin)."""
    stops = ElementTree.Element(_q("style", "tab-stops"))
    positions = [(width_mm / 2, "center")] if centre else []
    for position, kind in (*positions, (width_mm, "right")):
        stop = ElementTree.SubElement(stops, _q("style", "tab-stop"))
        stop.set(_q("style", "position"), f"{position:.1f}mm")
        stop.set(_q("style", "type"), kind)
    return stops


_META_NS = {"office": _NS["office"], "dc": "http://purl.org/dc/elements/1.1/",
            "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"}


def meta_xml(sheet: Sheet) -> bytes:
    """The document's title (what a file browser and File → Properties show) and Accord as
    its generator."""
    for prefix, uri in _META_NS.items():
        ElementTree.register_namespace(prefix, uri)
    root = ElementTree.Element(f"{{{_META_NS['office']}}}document-meta",
                               {f"{{{_META_NS['office']}}}version": "1.2"})
    meta = ElementTree.SubElement(root, f"{{{_META_NS['office']}}}meta")
    ElementTree.SubElement(meta, f"{{{_META_NS['meta']}}}generator").text = "Accord"
    ElementTree.SubElement(meta, f"{{{_META_NS['dc']}}}title").text = clean(sheet.title)
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


def _manifest_with(xml: bytes, names: Sequence[str]) -> bytes:
    """Qt's manifest, naming ``names`` (XML parts Accord adds) too."""
    for name in names:
        if f'full-path="{name}"'.encode() in xml:
            continue
        entry = (f'<manifest:file-entry manifest:media-type="text/xml" '
                 f'manifest:full-path="{name}"/>').encode()
        xml = xml.replace(b"</manifest:manifest>", entry + b"\n</manifest:manifest>", 1)
    return xml


def _rezip(data: bytes, content: bytes, added: dict[str, bytes] | None = None) -> bytes:
    """Qt's package with ``content.xml`` replaced and the ``added`` parts (styles.xml,
    meta.xml) written after it and named in the manifest. "mimetype" stays first and stored,
    as Qt wrote it."""
    added = added or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in added:
                continue
            if info.filename == "content.xml":
                body = content
            elif info.filename == "META-INF/manifest.xml":
                body = _manifest_with(src.read(info), list(added))
            else:
                body = src.read(info)
            dst.writestr(info, body, compress_type=info.compress_type)
            if info.filename == "content.xml":
                for name, part in added.items():
                    dst.writestr(name, part, compress_type=zipfile.ZIP_DEFLATED)
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
        raise OSError(translate("Report.odt", "Qt could not write the OpenDocument file"))
    raw = bytes(data.data())
    headers = [e.header is not None for e in outline(sheet) if isinstance(e, Table)]
    with zipfile.ZipFile(io.BytesIO(raw)) as odt:
        content = odt.read("content.xml")
    width = TEXT_WIDTH_PT.get(paper, TEXT_WIDTH_PT["a4"])
    return _rezip(raw, fix_content(content, headers, width, heading_levels(doc)), {
        "styles.xml": styles_xml(sheet, paper, doc.defaultFont().family()),
        "meta.xml": meta_xml(sheet)})

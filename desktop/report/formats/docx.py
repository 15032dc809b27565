"""A briefing as a Word document (python-docx): real headings, tables, page breaks.

Headings use Word's Heading 1-3 styles; a table's header row repeats atop every page it runs
onto; the running head and the marking are in the page header, the date, the marking and
"Page X of Y" in the footer. Every user string is a plain run of text (python-docx stores it
as XML text: nothing in it is ever interpreted); the only picture is the chart Accord paints.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from desktop.report.formats.model import (
    Cell,
    Figure,
    Paragraph,
    Run,
    Table,
    clean,
    outline,
    page_parts,
)
from desktop.report.sheets import Sheet, prepared
from desktop.wording import palette

PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGIN_MM = 15.0
PX_PT = 0.75  # 1 px at 96 dpi in points


def _color(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _add_runs(paragraph: Any, runs: list[Run], *, colors: bool = True,
              size: float | None = None) -> None:
    for run in runs:
        if run.text == "\n":
            paragraph.add_run().add_break()
            continue
        r = paragraph.add_run(clean(run.text))
        r.bold = run.bold or None
        r.italic = run.italic or None
        if colors and run.color:
            r.font.color.rgb = _color(run.color)
        if size is not None:
            r.font.size = Pt(size)


def _shade(cell: Any, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())
    props.append(shd)


def _repeat_header(row: Any) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)
    no_split = OxmlElement("w:cantSplit")
    props.append(no_split)


def _keep_row(row: Any) -> None:
    """The row is never split across pages (as in the PDF)."""
    props = row._tr.get_or_add_trPr()
    if props.find(qn("w:cantSplit")) is None:
        props.append(OxmlElement("w:cantSplit"))


def _cell_margins(table: Any) -> None:
    """Room around each cell's text (Word's default has none above and below)."""
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 30), ("left", 80), ("bottom", 30), ("right", 80)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def _fill_cell(cell: Any, data: Cell, *, header: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    if header:
        runs = [Run(r.text, True, r.italic, None) for r in data.runs]
        _add_runs(paragraph, runs, colors=False, size=9)
        for r in paragraph.runs:
            r.font.color.rgb = _color(palette.HEAD_TEXT)
        _shade(cell, palette.HEAD_FILL)
    else:
        _add_runs(paragraph, data.runs, size=9)


def _table(doc: Any, table: Table, text_width_mm: float) -> None:
    rows = ([table.header] if table.header is not None else []) + table.rows
    if not rows:
        return
    out = doc.add_table(rows=len(rows), cols=table.columns)
    if table.header is not None:  # rows of text (a list, the draft's clauses): no grid
        out.style = "Table Grid"
    out.alignment = WD_TABLE_ALIGNMENT.LEFT
    out.autofit = False
    _cell_margins(out)
    widths = [Mm(text_width_mm * w / 100) for w in table.widths]
    for column, width in zip(out.columns, widths, strict=True):
        column.width = width  # the table's grid (what LibreOffice and Word lay out by)
    for r, (row, data) in enumerate(zip(out.rows, rows, strict=True)):
        header = table.header is not None and r == 0
        if header:
            _repeat_header(row)
        else:
            _keep_row(row)
        for cell, width, cell_data in zip(row.cells, widths, data, strict=True):
            cell.width = width
            _fill_cell(cell, cell_data, header=header)
    if table.page_break:
        _page_break_before(doc, out)
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _page_break_before(doc: Any, table: Any) -> None:
    """A page break in an empty paragraph just before ``table``."""
    marker = doc.add_paragraph()
    marker.paragraph_format.page_break_before = True
    table._tbl.addprevious(marker._p)


def _field(paragraph: Any, code: str, half_points: int = 16) -> None:
    """A Word field (PAGE, NUMPAGES) Word fills in when it lays out the pages."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(half_points))
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _header_footer(doc: Any, sheet: Sheet, width_mm: float) -> None:
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    if sheet.marking:  # centred on its own line: a long running head never pushes it onto two
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_runs(head, [Run(sheet.marking, bold=True, color=palette.PRINT_REJECT)], size=8)
        head = section.header.add_paragraph()
    _add_runs(head, [Run(sheet.running_head, color=palette.MUTED)], size=8)
    foot = section.footer.paragraphs[0]
    stops = foot.paragraph_format.tab_stops
    stops.add_tab_stop(Mm(width_mm / 2), WD_TAB_ALIGNMENT.CENTER)
    stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
    _add_runs(foot, [Run(prepared(sheet.date), color=palette.MUTED)], size=8)
    foot.add_run("\t")
    if sheet.marking:
        _add_runs(foot, [Run(sheet.marking, bold=True, color=palette.PRINT_REJECT)], size=8)
    text = "\t"
    for part in page_parts():  # "Page {page} of {pages}": the numbers are Word's fields
        if part in ("{page}", "{pages}"):
            if text:
                foot.add_run(clean(text)).font.size = Pt(8)
            text = ""
            _field(foot, "PAGE" if part == "{page}" else "NUMPAGES")
        else:
            text += part
    if text:
        foot.add_run(clean(text)).font.size = Pt(8)


def _setup(doc: Any, sheet: Sheet, paper: str) -> float:
    width, height = PAPER_MM.get(paper, PAPER_MM["a4"])
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    section.header_distance = section.footer_distance = Mm(7)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10)
    normal.font.color.rgb = _color(palette.INK)
    props = doc.core_properties
    title = clean(sheet.title)
    props.title = title if len(title) <= 255 else title[:254] + "…"  # Word's limit
    props.author = "Accord"
    props.comments = ""
    return width - 2 * MARGIN_MM


def docx_bytes(sheet: Sheet, paper: str = "a4") -> bytes:
    from desktop.report.formats.images import CHART_WIDTH, chart_png

    doc = Document()
    text_width = _setup(doc, sheet, paper)
    _header_footer(doc, sheet, text_width)
    for element in outline(sheet):
        if isinstance(element, Table):
            _table(doc, element, text_width)
            continue
        if isinstance(element, Figure):
            png = chart_png(element.chart)
            width = min(text_width, CHART_WIDTH * 25.4 / 96)
            doc.add_picture(io.BytesIO(png), width=Mm(width))
            picture = doc.paragraphs[-1]
            picture.paragraph_format.page_break_before = element.page_break or None
            picture.alignment = WD_ALIGN_PARAGRAPH.LEFT
            continue
        _paragraph(doc, element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _paragraph(doc: Any, element: Paragraph) -> None:
    style = f"Heading {element.level}" if element.level else None
    paragraph = doc.add_paragraph(style=style)
    runs = element.runs
    if element.level:  # the heading style's own size and colour
        runs = [Run(r.text, r.bold, r.italic, None) for r in runs]
        _add_runs(paragraph, runs, colors=False)
    else:
        size = max((r.size for r in runs if r.size), default=None)
        _add_runs(paragraph, runs, size=size * PX_PT if size else None)
    paragraph.paragraph_format.page_break_before = element.page_break or None

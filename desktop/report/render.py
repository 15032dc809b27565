"""Sheets onto paper: pagination, running head and footer, PDF and printer output.

Everything is laid out in pixels at 96 dpi (``QPageLayout.paintRectPixels(96)``) and painted
with the painter scaled to the device's resolution, so a PDF, a printer and the print preview
get the same pages. Each :class:`~desktop.report.sheets.Block` is its own small
:class:`QTextDocument` (documents with the same HTML, such as repeated table headers, are laid out
once); blocks are stacked top to bottom and one that does not fit in what is left of a page
moves whole to the next page, so no table row is ever split (a block taller than a whole page is
cut between two text lines). Pagination is one pass, linear in the number of blocks.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from desktop.report.chart import paint_chart
from desktop.report.sheets import Block, Chart, Item, Sheet, page_of, prepared
from desktop.wording import palette

Paper = Literal["a4", "letter"]
PAPERS: dict[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 15.0
HEAD_H = 30.0  # px at 96 dpi, the running head above the body
FOOT_H = 28.0  # the footer below it
BODY_PX = 13  # the default font size of the text

_app: QGuiApplication | None = None


def ensure_app() -> None:
    """Fonts need a QGuiApplication; the CLI has none (tests and the GUI do)."""
    global _app
    if QCoreApplication.instance() is None:
        _app = QGuiApplication([])


def page_layout(paper: str) -> QPageLayout:
    """Portrait ``paper`` ("a4" or "letter") with 15 mm margins."""
    return QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


class _Document(QTextDocument):
    """A text document that never loads anything: no files, no network, whatever the HTML."""

    def loadResource(self, type: int, name: Any) -> Any:
        return None


def no_ligatures(font: QFont) -> QFont:
    """``font`` without ligatures, so "briefing" is stored as f, i (not U+FB01) and a PDF
    search or copy finds the words as typed."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _body_font() -> QFont:
    font = QFont()
    font.setPixelSize(BODY_PX)
    return no_ligatures(font)


@dataclass(slots=True)
class _Piece:
    item: Item
    doc: QTextDocument | None  # None for a chart
    y: float  # top on the page body
    top: float  # offset into the item (non-zero for the later parts of a cut block)
    height: float


@dataclass(slots=True)
class Pages:
    """A sheet laid out: what goes on each page, in px at 96 dpi."""

    sheet: Sheet
    layout: QPageLayout
    width: float
    height: float  # of the whole paint rect (head + body + foot)
    pages: list[list[_Piece]]

    def __len__(self) -> int:
        return len(self.pages)


class _Measure:
    def __init__(self, width: float) -> None:
        self.width = width
        self.font = _body_font()
        self.cache: dict[str, tuple[QTextDocument, float]] = {}

    def block(self, block: Block) -> tuple[QTextDocument, float]:
        hit = self.cache.get(block.html)
        if hit is None:
            doc = _Document()
            doc.setUndoRedoEnabled(False)
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.font)
            doc.setHtml(block.html)
            doc.setTextWidth(self.width)
            hit = self.cache[block.html] = (doc, doc.size().height())
        return hit

    def height(self, item: Item) -> float:
        return item.height if isinstance(item, Chart) else self.block(item)[1]


def paginate(sheet: Sheet, layout: QPageLayout) -> Pages:
    rect = layout.paintRectPixels(96)
    width, full = float(rect.width()), float(rect.height())
    body = full - HEAD_H - FOOT_H
    measure = _Measure(width)
    items = sheet.items
    heights = [measure.height(item) for item in items]
    pages: list[list[_Piece]] = [[]]
    y = 0.0
    last: Item | None = None

    def new_page() -> None:
        nonlocal y
        if pages[-1]:
            pages.append([])
        y = 0.0

    def place(item: Item, h: float) -> None:
        nonlocal y, last
        doc = None if isinstance(item, Chart) else measure.block(item)[0]
        pages[-1].append(_Piece(item, doc, y, 0.0, h))
        y += h + item.space_after
        last = item

    for i, item in enumerate(items):
        h = heights[i]
        if item.page_break_before:
            new_page()
        # A heading (keep_with_next) goes to the next page with what follows it.
        need, j = h, i
        while items[j].keep_with_next and j + 1 < len(items) and \
                not items[j + 1].page_break_before:
            need += items[j].space_after + heights[j + 1]
            j += 1
        need = min(need, body)
        if y > 0 and y + need > body:
            new_page()
        if (isinstance(item, Block) and item.header is not None and y == 0
                and last is not item.header):
            place(item.header, measure.block(item.header)[1])  # the row's table continues
        if h <= body - y:
            place(item, h)
            continue
        # Taller than a whole page: cut between text lines.
        assert isinstance(item, Block)
        doc = measure.block(item)[0]
        cuts = _line_bottoms(doc)
        top = 0.0
        while top < h - 0.5:
            room = body - y
            limit = top + room
            cut = max((c for c in cuts if top < c <= limit), default=limit)
            cut = min(cut, h)
            pages[-1].append(_Piece(item, doc, y, top, cut - top))
            y += cut - top
            top = cut
            if top < h - 0.5:
                new_page()
        y += item.space_after
        last = item
    return Pages(sheet, layout, width, full, pages)


def _height(doc: QTextDocument) -> float:
    return float(doc.size().height())


def _draw_lines(painter: QPainter, doc: QTextDocument, top: float, bottom: float) -> None:
    """Draw the lines of ``doc`` that lie wholly between ``top`` and ``bottom``."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        origin = rect.topLeft() - text_layout.boundingRect().topLeft()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n)
            line_top = origin.y() + line.y()
            if line_top >= top - 0.5 and line_top + line.height() <= bottom + 0.5:
                line.draw(painter, origin)
        block = block.next()


def _line_bottoms(doc: QTextDocument) -> list[float]:
    layout = doc.documentLayout()
    bottoms: list[float] = []
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for n in range(text_layout.lineCount()):
            line = text_layout.lineAt(n)
            bottoms.append(top + line.y() + line.height())
        block = block.next()
    return sorted(bottoms)


# --------------------------------------------------------------------------- painting

_MUTED = QColor(palette.MUTED)
_MARK = QColor(palette.PRINT_REJECT)
_RULE = QColor(palette.RULE)
_INK = QColor(palette.INK)


def _small(bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(10)
    font.setBold(bold)
    return no_ligatures(font)


def _paint_page(pages: Pages, n: int, painter: QPainter) -> None:
    sheet, w = pages.sheet, pages.width
    total = len(pages.pages)
    # running head: what this is (left), the marking (right)
    regular, bold = _small(), _small(True)
    mark_w = QFontMetricsF(bold).horizontalAdvance(sheet.marking) + 4 if sheet.marking else 0.0
    mark_w = min(mark_w, w * 0.45)
    painter.setFont(regular)
    painter.setPen(_MUTED)
    head = QFontMetricsF(regular).elidedText(sheet.running_head, Qt.TextElideMode.ElideRight,
                                             w - mark_w - 16)
    top_row = QRectF(0, 0, w, HEAD_H - 10)
    painter.drawText(top_row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     head)
    if sheet.marking:
        painter.setFont(bold)
        painter.setPen(_MARK)
        painter.drawText(top_row, int(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetricsF(bold).elidedText(sheet.marking,
                                                        Qt.TextElideMode.ElideRight, mark_w))
    painter.setPen(QPen(_RULE, 0.6))
    painter.drawLine(QPointF(0, HEAD_H - 8), QPointF(w, HEAD_H - 8))

    # footer: date (left), marking (centre), page x of n (right)
    foot_y = pages.height - FOOT_H
    painter.drawLine(QPointF(0, foot_y + 6), QPointF(w, foot_y + 6))
    row = QRectF(0, foot_y + 8, w, FOOT_H - 8)
    painter.setFont(regular)
    painter.setPen(_MUTED)
    painter.drawText(row, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     prepared(sheet.date))
    painter.drawText(row, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     page_of().format(page=n + 1, pages=total))
    if sheet.marking:
        painter.setFont(bold)
        painter.setPen(_MARK)
        painter.drawText(row, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetricsF(bold).elidedText(sheet.marking,
                                                        Qt.TextElideMode.ElideRight, w * 0.5))

    for piece in pages.pages[n]:
        y = HEAD_H + piece.y
        if piece.doc is None:
            assert isinstance(piece.item, Chart)
            paint_chart(painter, QRectF(0, y, w, piece.height), piece.item.title,
                        piece.item.bars)
            continue
        painter.save()
        painter.translate(0, y - piece.top)
        if piece.top == 0 and piece.height >= _height(piece.doc) - 0.5:
            piece.doc.drawContents(painter, QRectF(0, 0, w, piece.height))
        else:  # part of a cut block: only its own lines, so no hidden text is left in the PDF
            painter.setPen(_INK)  # text without its own colour takes the pen's
            _draw_lines(painter, piece.doc, piece.top, piece.top + piece.height)
        painter.restore()


def paint(pages: Pages, painter: QPainter, new_page: Callable[[], object], scale: float,
          only: Sequence[int] | None = None) -> None:
    """Paint ``pages`` (all, or the 0-based indexes in ``only``) with ``painter``, calling
    ``new_page`` between pages; ``scale`` is the device's dots per 96-dpi pixel."""
    numbers = range(len(pages.pages)) if only is None else only
    for k, n in enumerate(numbers):
        if k:
            new_page()
        painter.save()
        painter.scale(scale, scale)
        _paint_page(pages, n, painter)
        painter.restore()


def pdf_bytes(sheet: Sheet, paper: str = "a4") -> tuple[bytes, int]:
    """The sheet as a PDF (text selectable, fonts embedded) and its page count."""
    ensure_app()
    layout = page_layout(paper)
    pages = paginate(sheet, layout)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(layout)
    writer.setResolution(96)
    writer.setTitle(sheet.title)
    writer.setCreator("Accord")
    painter = QPainter(writer)
    try:
        paint(pages, painter, writer.newPage, 1.0)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), len(pages)


def write_pdf(sheet: Sheet, path: Path | str, paper: str = "a4") -> int:
    """Write the sheet to ``path`` atomically (a reader never sees half a PDF); the page count.
    Raises :class:`desktop.store.DocumentError` when the file cannot be written."""
    from desktop.store import write_atomic

    data, count = pdf_bytes(sheet, paper)
    write_atomic(Path(os.fspath(path)), data)
    return count


def print_sheet(sheet: Sheet, printer: Any) -> int:
    """Print on a QPrinter (a real printer, a PDF printer or a print preview's), honouring the
    page range chosen in its dialog; the number of pages printed."""
    layout = printer.pageLayout()
    pages = paginate(sheet, layout)
    first, last = printer.fromPage(), printer.toPage()
    count = len(pages)
    wanted = list(range(count)) if first <= 0 else list(range(first - 1, min(last, count)))
    if not wanted:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        paint(pages, painter, printer.newPage, printer.resolution() / 96.0, wanted)
    finally:
        painter.end()
    return len(wanted)

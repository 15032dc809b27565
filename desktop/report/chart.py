"""The satisfaction chart for paper, drawn with QPainter: vectors and real text in a PDF.

(pyqtgraph's SVGExporter is broken on PySide6 >= 6.11, and a raster export would blur.) Bars are
green for a party that accepts and red for one that rejects, and each is labelled "✓ 75%" or
"✗ 25%" so the status does not depend on colour. Labels are drawn as plain text (never markup).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from desktop.report.sheets import Bar
from desktop.wording import palette, percent
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

ACCEPT = QColor(palette.ACCEPT)
REJECT = QColor(palette.REJECT)
CONDITIONAL = QColor(palette.CONFLICT)  # accepts only if an open point is closed a certain way
INK = QColor(palette.INK)
GRID = QColor(palette.GRID)
MUTED = QColor(palette.MUTED)


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    for tag in ("liga", "clig", "dlig"):  # searchable text: no ligature glyphs
        font.setFeature(QFont.Tag(tag), 0)
    return font


#: What the dashed line across a bar is (drawn beside the title when any bar has one);
#: English: translate it with "Report.chart" where it is shown.
NO_DEAL_LEGEND = QT_TRANSLATE_NOOP("Report.chart", "- - - each party's no-deal level")


def paint_chart(painter: QPainter, rect: QRectF, title: str, bars: Sequence[Bar]) -> None:
    """Draw the chart inside ``rect`` (px at 96 dpi in the painter's coordinates)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    title_font, tick_font, label_font = _font(13, True), _font(11), _font(11, True)
    painter.setFont(title_font)
    painter.setPen(INK)
    title_h = QFontMetricsF(title_font).height() + 6
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h),
                     int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), title)
    if any(bar.no_deal is not None for bar in bars):
        legend_font = _font(11)
        painter.setFont(legend_font)
        painter.setPen(MUTED)
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), title_h),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                         translate("Report.chart", NO_DEAL_LEGEND))

    tick_m = QFontMetricsF(tick_font)
    axis_w = tick_m.horizontalAdvance("100%") + 8
    names_h = tick_m.height() * 2 + 6
    label_h = QFontMetricsF(label_font).height() + 2
    plot = QRectF(rect.left() + axis_w, rect.top() + title_h + label_h,
                  rect.width() - axis_w - 4, rect.height() - title_h - label_h - names_h)
    if plot.height() <= 10 or plot.width() <= 10:
        painter.restore()
        return

    # gridlines and the y axis
    painter.setFont(tick_font)
    for pct in (0, 25, 50, 75, 100):
        y = plot.bottom() - plot.height() * pct / 100
        painter.setPen(QPen(GRID if pct else MUTED, 0.8))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        painter.drawText(QRectF(rect.left(), y - 8, axis_w - 6, 16),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         f"{pct}%")

    n = max(len(bars), 1)
    slot = plot.width() / n
    bar_w = min(slot * 0.6, 60.0)
    for i, bar in enumerate(bars):
        cx = plot.left() + slot * (i + 0.5)
        value = 0.0 if bar.satisfaction is None else max(0.0, min(1.0, bar.satisfaction))
        h = plot.height() * value
        color = CONDITIONAL if bar.conditional else ACCEPT if bar.acceptable else REJECT
        body = QRectF(cx - bar_w / 2, plot.bottom() - h, bar_w, h)
        painter.setPen(QPen(INK, 1.6) if bar.highlight else Qt.PenStyle.NoPen)
        painter.setBrush(color)
        if h > 0:
            painter.drawRect(body)
        elif bar.highlight:
            painter.drawLine(QPointF(body.left(), plot.bottom()), QPointF(body.right(),
                                                                          plot.bottom()))
        if bar.no_deal is not None:  # the party's walk-away point, across its own bar
            y = plot.bottom() - plot.height() * max(0.0, min(1.0, bar.no_deal))
            pen = QPen(INK, 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(cx - bar_w / 2 - 4, y), QPointF(cx + bar_w / 2 + 4, y))
        # value label above the bar: status as a mark, so colour is not needed to read it
        painter.setFont(label_font)
        painter.setPen(color)
        mark = "◐ " if bar.conditional else "✓ " if bar.acceptable else "✗ "
        text = mark + percent(bar.satisfaction)
        top = body.top()
        if bar.no_deal is not None:  # the label stands clear of the no-deal line too
            top = min(top, plot.bottom() - plot.height() * max(0.0, min(1.0, bar.no_deal)) - 2)
        painter.drawText(QRectF(cx - slot / 2, top - label_h, slot, label_h),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                         text)
        # the party's name under the axis, wrapped to two lines and elided to fit the slot
        painter.setFont(_font(11, bar.highlight))
        painter.setPen(INK)
        name_rect = QRectF(cx - slot / 2 + 1, plot.bottom() + 3, slot - 2, names_h - 3)
        painter.drawText(name_rect,
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         _fit_name(bar.label, slot - 2, tick_m))
    painter.restore()


def _fit_name(name: str, width: float, metrics: QFontMetricsF) -> str:
    """Up to two lines, each elided to ``width``."""
    words = name.split()
    first = ""
    rest = words[:]
    while rest and metrics.horizontalAdvance((first + " " + rest[0]).strip()) <= width:
        first = (first + " " + rest.pop(0)).strip()
    if not first and rest:
        first = rest.pop(0)
    second = " ".join(rest)
    lines = [metrics.elidedText(first, Qt.TextElideMode.ElideRight, width)]
    if second:
        lines.append(metrics.elidedText(second, Qt.TextElideMode.ElideRight, width))
    return "\n".join(lines)

"""The satisfaction chart as a PNG, painted by Accord (the same drawing as on paper)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

from desktop.report.chart import paint_chart
from desktop.report.render import ensure_app
from desktop.report.sheets import Chart

#: The chart's width in px at 96 dpi (about the text width of an A4 page).
CHART_WIDTH = 680.0
SCALE = 2.0  # pixels per 96-dpi px: sharp when printed


def chart_png(chart: Chart, width: float = CHART_WIDTH) -> bytes:
    """``chart`` drawn on white at :data:`SCALE` times ``width`` x its height."""
    ensure_app()
    image = QImage(round(width * SCALE), round(chart.height * SCALE),
                   QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(96 * SCALE / 0.0254))
    image.setDotsPerMeterY(round(96 * SCALE / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(SCALE, SCALE)
        paint_chart(painter, QRectF(0, 0, width, chart.height), chart.title, chart.bars)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    buffer.close()
    return bytes(data.data())

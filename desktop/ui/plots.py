"""The charts themselves (pyqtgraph): satisfaction per party, and the parties × red lines matrix.

This module imports pyqtgraph (and NumPy), half a second on its own, so only
:class:`desktop.ui.charts.ChartsPanel` imports it, after the window's first paint.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desktop.domain import Report, Scenario
from desktop.wording import palette, percent, short_name
from desktop.wording.palette import rgb

ACCEPT = rgb(palette.ACCEPT)
REJECT = rgb(palette.REJECT)
HOLDS = (*rgb(palette.HOLDS), 255)
VIOLATED = (*rgb(palette.VIOLATION), 255)
EMPTY = (*rgb(palette.EMPTY), 255)
TITLE = palette.CHART_TITLE
INK = rgb(palette.CHART_INK)
WHITE = rgb(palette.WHITE)


def _short(name: str, limit: int = 16) -> str:
    """A tick label: the name without its parenthetical, words on separate lines."""
    head = short_name(name)
    head = head if len(head) <= limit else head[: limit - 1] + "…"
    return head.replace(" ", "\n", 1) if len(head) > 8 else head


class SatisfactionChart(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("SatisfactionChart")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setTitle("Satisfaction by party", color=TITLE, size="10pt")
        self.setLabel("left", "satisfaction", units="%")
        self.setYRange(0, 110, padding=0)
        self.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)]])
        self.getAxis("bottom").setHeight(38)  # room for two-line party names
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.values: list[float] = []
        self.acceptable: list[bool] = []
        self._ticks: list[list[tuple[int, str]]] = []
        self._font = QFont()
        self._font.setBold(True)

    def show_report(self, scenario: Scenario, report: Report | None) -> None:
        verdicts = report.parties if report else ()
        self.values = [0.0 if v.satisfaction is None else v.satisfaction * 100 for v in verdicts]
        self.acceptable = [v.acceptable for v in verdicts]
        colors = [ACCEPT if ok else REJECT for ok in self.acceptable]
        x = list(range(len(self.values)))
        if colors:
            self.bars.setOpts(x=x, height=self.values, brushes=[pg.mkBrush(*c) for c in colors],
                              pens=[pg.mkPen(*c) for c in colors])
        else:  # pyqtgraph fails on empty per-bar pen lists: no bars, default colours
            self.bars.setOpts(x=x, height=self.values, brushes=None, pens=None)
        ticks = [[(i, _short(v.name)) for i, v in enumerate(verdicts)]]
        if ticks != self._ticks:  # axis relayout is costly; party names rarely change
            self._ticks = ticks
            self.getAxis("bottom").setTicks(ticks)
            self.setXRange(-0.6, max(len(x), 1) - 0.4, padding=0)
        # Labels are kept and updated: creating graphics items on every edit is slow.
        while len(self.labels) < len(verdicts):
            label = pg.TextItem("", color=INK, anchor=(0.5, 1.0))
            label.setFont(self._font)
            self.addItem(label)
            self.labels.append(label)
        while len(self.labels) > len(verdicts):
            self.removeItem(self.labels.pop())
        for i, v in enumerate(verdicts):
            mark = "✓" if v.acceptable else "✗"
            text = percent(v.satisfaction)
            label = self.labels[i]
            if label.toPlainText() != f"{mark} {text}":
                label.setText(f"{mark} {text}")
            label.setPos(QPointF(i, self.values[i] + 1))


class RedLineMatrix(pg.PlotWidget):
    """Rows are parties, columns their red lines in order: light green holds, red violated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("RedLineMatrix")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setTitle("Red lines: held, or crossed ✗", color=TITLE, size="10pt")
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.getViewBox().invertY(True)
        self.grid: np.ndarray = np.zeros((0, 0), dtype=np.int8)  # 1 holds, -1 violated, 0 none
        self.names: list[list[str]] = []
        self.marks: list[pg.TextItem] = []
        self._parties: tuple[object, ...] | None = None
        self.setMouseTracking(True)
        self.scene().sigMouseMoved.connect(self._hover)

    def show_report(self, scenario: Scenario, report: Report | None) -> None:
        parties = scenario.parties
        if parties is not self._parties:
            self._layout_axes(scenario)
        violated: set[tuple[str, str]] = set()
        if report is not None:
            violated = {(v.party, x.red_line) for v in report.parties for x in v.violations}
        grid = np.zeros_like(self.grid)
        for i, party in enumerate(parties):
            for j, line in enumerate(party.red_lines):
                grid[i, j] = -1 if (party.id, line.id) in violated else 1
        if np.array_equal(grid, self.grid) and self.image.image is not None:
            return  # nothing flipped: no redraw
        self.grid = grid
        rgba = np.empty((*grid.shape, 4), dtype=np.ubyte)
        rgba[grid == 1] = HOLDS
        rgba[grid == -1] = VIOLATED
        rgba[grid == 0] = EMPTY
        # ImageItem is column-major (x first): transpose so rows are parties.
        self.image.setImage(rgba.transpose(1, 0, 2), autoLevels=False)
        for mark in self.marks:
            self.removeItem(mark)
        self.marks = []
        if grid.size <= 600:  # a ✗ in every crossed cell, while cells are big enough to read
            for i, j in zip(*np.nonzero(grid == -1), strict=True):
                mark = pg.TextItem("✗", color=WHITE, anchor=(0.5, 0.5))
                mark.setPos(QPointF(j + 0.5, i + 0.5))
                self.addItem(mark)
                self.marks.append(mark)

    def _layout_axes(self, scenario: Scenario) -> None:
        parties = self._parties = scenario.parties
        width = max((len(p.red_lines) for p in parties), default=0)
        self.grid = np.zeros((len(parties), max(width, 1)), dtype=np.int8)
        self.image.clear()
        self.names = [[f"{p.name}: {r.title}" for r in p.red_lines] for p in parties]
        self.getAxis("left").setTicks(
            [[(i + 0.5, short_name(p.name)) for i, p in enumerate(parties)]])
        columns = self.grid.shape[1]
        step = 1 if columns <= 20 else 5
        self.getAxis("bottom").setTicks(
            [[(j + 0.5, str(j + 1)) for j in range(0, columns, step)]])
        self.setLabel("bottom", "red line")
        self.setXRange(0, columns, padding=0.04)
        self.setYRange(0, max(len(parties), 1), padding=0.02)

    def cell_text(self, row: int, column: int) -> str:
        if 0 <= row < len(self.names) and 0 <= column < len(self.names[row]):
            state = "crossed" if self.grid[row, column] == -1 else "holds"
            return f"{self.names[row][column]}: {state}"
        return ""

    def _hover(self, pos: QPointF) -> None:
        point = self.getViewBox().mapSceneToView(pos)
        self.setToolTip(self.cell_text(int(point.y()), int(point.x())))

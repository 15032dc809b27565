"""The charts themselves (pyqtgraph): satisfaction per party, and the parties × red lines matrix.

This module imports pyqtgraph (and NumPy), half a second on its own, so only
:class:`desktop.ui.charts.ChartsPanel` imports it, after the window's first paint.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QWidget

from desktop.domain import PartyVerdict, Report, Scenario, Violation
from desktop.ui.i18n import InheritedTr
from desktop.ui.look import is_dark
from desktop.wording import palette, percent, short_name
from desktop.wording.palette import rgb
from desktop.wording.verdicts import shown_satisfaction

ACCEPT = rgb(palette.ACCEPT)
REJECT = rgb(palette.REJECT)
CONFLICT = rgb(palette.CONFLICT)
HOLDS = (*rgb(palette.HOLDS), 255)
VIOLATED = (*rgb(palette.VIOLATION), 255)
EMPTY = (*rgb(palette.EMPTY), 255)
TITLE = palette.CHART_TITLE
INK = rgb(palette.CHART_INK)
WHITE = rgb(palette.WHITE)


class Themed(pg.PlotWidget):
    """A plot in the window's colours: its ground, its words and axes follow the palette
    (light or dark), and change with it. Its title is :meth:`title_text`, which each chart
    gives in words through its own ``tr``."""

    def apply_palette(self) -> None:
        self._themed = True
        pal = self.palette()
        ground = pal.color(QPalette.ColorRole.Base)
        ink = pal.color(QPalette.ColorRole.Text)
        self.setBackground(ground)
        self.setTitle(self.title_text(), color=ink.name(), size="10pt")
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setPen(pg.mkPen(ink))
            axis.setTextPen(pg.mkPen(ink))
        self.restyle(is_dark(pal), ink)

    def restyle(self, dark: bool, ink: QColor) -> None:
        """Colours of the chart's own items."""

    def title_text(self) -> str:
        return ""

    def ink(self) -> QColor:
        return QColor(self.palette().color(QPalette.ColorRole.Text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_themed", False):
            self.apply_palette()  # (not while pyqtgraph is still building the plot)


def _short(name: str, limit: int = 16) -> str:
    """A tick label: the name without its parenthetical, words on separate lines."""
    head = short_name(name)
    head = head if len(head) <= limit else head[: limit - 1] + "…"
    return head.replace(" ", "\n", 1) if len(head) > 8 else head


_MARKS = {"accepts": "✓", "accepts-if": "◐", "rejects": "✗"}


class SatisfactionChart(InheritedTr, Themed):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("SatisfactionChart")
        self.setAccessibleName(self.tr("Satisfaction by party (chart)"))
        self.setAccessibleDescription(self.tr(
            "A bar per party: how much of its preferences the draft meets, marked ✓ where "
            "the party accepts, ◐ where it accepts only if an open point is closed a certain "
            "way, and ✗ where it rejects."))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setLabel("left", self.tr("satisfaction"), units="%")
        self.setYRange(0, 110, padding=0)
        self.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)]])
        self.getAxis("bottom").setHeight(38)  # room for two-line party names
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.addItem(self.bars)
        # Each party's no-deal level, dashed across its own bar: a party is read against its
        # walk-away point, not against the other parties' bars.
        self.no_deal_marks = pg.PlotCurveItem(x=[], y=[], connect="pairs")
        self.addItem(self.no_deal_marks)
        self.no_deal: list[float | None] = []
        self._bars: tuple[tuple[float, ...], tuple[object, ...]] | None = None  # as drawn
        self._no_deal_shown: tuple[list[float], list[float]] | None = None
        self._shown_title = self.title_text()
        self._described: tuple[object, ...] | None = None  # what the description says
        # The parties and the templates, and the verdicts, last shown (see show_report).
        self._seen: tuple[object, ...] | None = None
        self._seen_verdicts: tuple[PartyVerdict, ...] = ()
        self.labels: list[pg.TextItem] = []
        self.values: list[float] = []
        self.acceptable: list[bool] = []
        self._ticks: list[list[tuple[int, str]]] = []
        self._names: tuple[str, ...] | None = None  # the parties the ticks name
        self._labelled: list[tuple[str, tuple[float, float]]] = []  # each label's text, place
        self._font = QFont()
        self._font.setBold(True)
        self.apply_palette()

    def restyle(self, dark: bool, ink: QColor) -> None:
        for label in self.labels:
            label.setColor(ink)
        self.no_deal_marks.setPen(pg.mkPen(ink, width=2, style=Qt.PenStyle.DashLine))

    def title_text(self) -> str:
        marked = any(level is not None for level in getattr(self, "no_deal", ()))
        return self.tr("Satisfaction by party (– – no-deal level)") if marked else \
            self.tr("Satisfaction by party")

    def verdict_words(self, verdict: PartyVerdict) -> str:
        """The party's verdict as the chart's description says it."""
        if verdict.verdict == "accepts":
            return self.tr("accepts")
        if verdict.verdict == "accepts-if":
            return self.tr("accepts on conditions")
        return self.tr("rejects")

    def party_words(self, verdict: PartyVerdict, shown: float | None, level: float | None
                    ) -> str:
        """One party in the chart's description: its verdict, satisfaction and no-deal level."""
        if level is None:
            return self.tr("{party}: {verdict}, satisfaction {satisfaction}").format(
                party=short_name(verdict.name), verdict=self.verdict_words(verdict),
                satisfaction=percent(shown))
        return self.tr("{party}: {verdict}, satisfaction {satisfaction} (no-deal level "
                       "{level})").format(
            party=short_name(verdict.name), verdict=self.verdict_words(verdict),
            satisfaction=percent(shown), level=percent(level / 100))

    def show_report(self, scenario: Scenario, report: Report | None) -> None:
        verdicts = report.parties if report else ()
        # Everything drawn is read from the verdicts, the parties (their no-deal levels) and
        # the words' templates: the very same verdicts of the same parties (an edit that
        # touched no party's rules) in the same words draw nothing new.
        templates = self._templates()
        seen = (scenario.parties, templates)
        if (seen == self._seen and len(verdicts) == len(self._seen_verdicts)
                and all(a is b for a, b in zip(verdicts, self._seen_verdicts, strict=True))):
            return
        self._seen, self._seen_verdicts = seen, verdicts
        # The satisfaction a person reads everywhere: over what the draft addresses.
        shown = [shown_satisfaction(v) for v in verdicts]
        self.values = [0.0 if x is None else x * 100 for x in shown]
        self.acceptable = [v.acceptable for v in verdicts]
        # Accepting only if an open point is closed a certain way is neither ✓ nor ✗.
        colors = [ACCEPT if v.verdict == "accepts" else
                  CONFLICT if v.verdict == "accepts-if" else REJECT for v in verdicts]
        x = list(range(len(self.values)))
        self._draw_bars(x, colors)
        index = scenario.party_index
        self.no_deal = [None if (p := index.get(v.party)) is None or p.no_deal is None
                        else float(p.no_deal) * 100 for v in verdicts]
        self._draw_no_deal()
        title = self.title_text()
        if title != self._shown_title:
            self._shown_title = title
            self.setTitle(title, color=self.ink().name(), size="10pt")
        names = tuple(v.name for v in verdicts)
        if names != self._names:  # axis relayout is costly; party names rarely change
            self._names = names
            ticks = [[(i, _short(name)) for i, name in enumerate(names)]]
            if ticks != self._ticks:
                self._ticks = ticks
                self.getAxis("bottom").setTicks(ticks)
                self.setXRange(-0.6, max(len(x), 1) - 0.4, padding=0)
        # Labels are kept and updated: creating graphics items on every edit is slow.
        while len(self.labels) < len(verdicts):
            label = pg.TextItem("", color=self.ink(), anchor=(0.5, 1.0))
            label.setFont(self._font)
            self.addItem(label)
            self.labels.append(label)
        while len(self.labels) > len(verdicts):
            self.removeItem(self.labels.pop())
        # What each label reads and where, as set: asking pyqtgraph costs more than a compare.
        del self._labelled[len(self.labels):]
        self._labelled += [("", (-1.0, -1.0))] * (len(self.labels) - len(self._labelled))
        for i, v in enumerate(verdicts):
            marked = f"{_MARKS[v.verdict]} {percent(shown[i])}"  # a mark and a number
            level = self.no_deal[i]
            at = (float(i), max(self.values[i], level if level is not None else 0) + 1)
            if self._labelled[i] == (marked, at):
                continue
            label = self.labels[i]
            if label.toPlainText() != marked:
                label.setText(marked)
            if label.pos() != QPointF(*at):
                label.setPos(QPointF(*at))
            self._labelled[i] = (marked, at)
        self._describe(verdicts, shown, templates)

    def _describe(self, verdicts: tuple[PartyVerdict, ...], shown: list[float | None],
                  templates: tuple[str, ...]) -> None:
        """The description, worded again only when what it says moved: each party's name,
        verdict, satisfaction and level as printed, and the templates that word them (the
        language). Qt tells assistive tools of every set, so only a new one is set."""
        key = (tuple((v.name, v.verdict, percent(x), level)
                     for v, x, level in zip(verdicts, shown, self.no_deal, strict=True)),
               templates)
        if key == self._described:
            return
        self._described = key
        self.setAccessibleDescription("; ".join(
            self.party_words(v, x, level)
            for v, x, level in zip(verdicts, shown, self.no_deal, strict=True)))

    def _templates(self) -> tuple[str, ...]:
        """The texts the title, the labels' "n/a" and the description are worded from, as
        they read now (the language)."""
        return (self.tr("{party}: {verdict}, satisfaction {satisfaction}"),
                self.tr("{party}: {verdict}, satisfaction {satisfaction} (no-deal level "
                        "{level})"),
                self.tr("accepts"), self.tr("accepts on conditions"), self.tr("rejects"),
                self.tr("Satisfaction by party (– – no-deal level)"),
                self.tr("Satisfaction by party"), percent(None))

    def _draw_bars(self, x: list[int], colors: list[tuple[int, int, int]]) -> None:
        # Most edits move no bar: pyqtgraph redraws every bar on setOpts, so only on a change.
        bars = (tuple(self.values), tuple(colors))
        if bars == self._bars:
            return
        self._bars = bars
        if colors:
            self.bars.setOpts(x=x, height=self.values, brushes=[pg.mkBrush(*c) for c in colors],
                              pens=[pg.mkPen(*c) for c in colors])
        else:  # pyqtgraph fails on empty per-bar pen lists: no bars, default colours
            self.bars.setOpts(x=x, height=self.values, brushes=None, pens=None)

    def _draw_no_deal(self) -> None:
        xs: list[float] = []
        ys: list[float] = []
        for i, level in enumerate(self.no_deal):
            if level is not None:
                xs += [i - 0.38, i + 0.38]
                ys += [level, level]
        if (xs, ys) != self._no_deal_shown:
            self._no_deal_shown = (xs, ys)
            self.no_deal_marks.setData(x=xs, y=ys, connect="pairs")


_NO_CELL = (-1, -1)  # a red line the matrix has no cell for


class RedLineMatrix(InheritedTr, Themed):
    """Each party's red lines as cells: light green holds, red crossed (with a ✗).

    The columns are the parties, named as in the satisfaction chart; down each column go that
    party's red lines in order, each cell named by its red line's title (shortened to fit;
    the tooltip and the accessible description give every cell's party, red line and state in
    full words). :attr:`grid` keeps one row per party and one column per red line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setObjectName("RedLineMatrix")
        self.setAccessibleName(self.tr("Red lines held and crossed (chart)"))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self._holds, self._empty = HOLDS, EMPTY
        self._dark = False
        self.image = pg.ImageItem()
        self.addItem(self.image)
        self.getViewBox().invertY(True)
        self.grid: np.ndarray = np.zeros((0, 0), dtype=np.int8)  # 1 holds, -1 violated, 0 none
        self.party_names: list[str] = []  # one per column
        self.titles: list[list[str]] = []
        self.marks: list[pg.TextItem] = []  # one label per red line, in its cell
        self._font = QFont()
        self._font.setPointSizeF(max(7.0, self._font.pointSizeF() * 0.85))
        self._parties: tuple[object, ...] | None = None
        self._holding: np.ndarray = np.zeros((0, 0), dtype=np.int8)
        self._cells: dict[tuple[str, str], tuple[int, int]] = {}  # (party, red line): cell
        self._cell = (0, 0)
        # Each cell's words, as cell_text() says them, made once per (cell, state): a flip
        # of 400 cells then rewords nothing. Kept while the words' two templates read the same
        # (the language) and the parties and their red lines stay (_layout_axes empties it).
        self._words: dict[tuple[int, int, bool], str] = {}
        self._templates: tuple[str, str] = ("", "")
        self._description = ""
        # Per party, its violations (as the report's tuple) and their cells (see
        # _crossed_cells); and the cells crossed as last drawn.
        self._crossed_by: dict[str, tuple[tuple[Violation, ...], list[int]]] = {}
        self._crossed_shown: list[int] | None = None
        self.setMouseTracking(True)
        self.scene().sigMouseMoved.connect(self._hover)
        self.getAxis("left").setTicks([[]])
        self.getAxis("left").setWidth(6)
        self.getAxis("bottom").setHeight(38)  # room for two-line party names
        self.getViewBox().sigResized.connect(lambda _vb: self._relabel_soon())
        self.apply_palette()

    def title_text(self) -> str:
        return self.tr("Red lines: held, or crossed ✗")

    def restyle(self, dark: bool, ink: QColor) -> None:
        self._dark = dark
        self._holds = (*rgb(palette.DARK_HOLDS), 255) if dark else HOLDS
        self._empty = (*rgb(palette.DARK_EMPTY), 255) if dark else EMPTY
        if self.grid.size:
            self._paint(self.grid)

    def show_report(self, scenario: Scenario, report: Report | None) -> None:
        parties = scenario.parties
        if parties is not self._parties:
            self._layout_axes(scenario)
        # Every red line holds (1) but those crossed (-1): O(crossed), not O(red lines); and
        # O(parties) after an edit, which hands back the same violations for most parties.
        crossed = self._crossed_cells(report)
        if crossed == self._crossed_shown and self.image.image is not None:
            return  # the same cells crossed: no redraw
        self._crossed_shown = crossed
        grid = self._holding.copy()
        grid.ravel()[crossed] = -1
        if np.array_equal(grid, self.grid) and self.image.image is not None:
            return  # nothing flipped: no redraw
        self.grid = grid
        self._paint(grid)
        self._reword()
        rows, columns = np.nonzero(grid == -1)
        words, word = self._words, self._word
        named = [words.get((i, j, True)) or word(i, j, True)
                 for i, j in zip(rows.tolist(), columns.tolist(), strict=True)]
        held = int(np.count_nonzero(grid == 1))
        description = ("; ".join(named) + ("; " if named else "")
                       + self.tr("%n other red line(s) (holds/hold).", "", held))
        if description != self._description:  # (Qt tells assistive tools of every set)
            self._description = description
            self.setAccessibleDescription(description)

    def _crossed_cells(self, report: Report | None) -> list[int]:
        """The crossed cells, as indices into the flattened grid: each party's are found
        once for its tuple of violations and kept while the report hands back that tuple."""
        if report is None:
            self._crossed_by = {}
            return []
        cells, width, known = self._cells, self._holding.shape[1], self._crossed_by
        crossed: list[int] = []
        found: dict[str, tuple[tuple[Violation, ...], list[int]]] = {}
        for v in report.parties:
            kept = known.get(v.party)
            if kept is not None and kept[0] is v.violations:
                mine = kept[1]
            else:
                mine = [i * width + j for i, j in (
                    cells.get((v.party, x.red_line), _NO_CELL) for x in v.violations) if i >= 0]
            found[v.party] = (v.violations, mine)
            crossed += mine
        self._crossed_by = found
        return crossed

    def _reword(self) -> None:
        """Forget the cells' words when their templates read otherwise (another language)."""
        templates = (self.tr("{party}: {red_line}: crossed"),
                     self.tr("{party}: {red_line}: holds"))
        if templates != self._templates:
            self._templates = templates
            self._words.clear()

    def _word(self, row: int, column: int, crossed: bool) -> str:
        """The words of cell (``row``, ``column``) crossed or holding, made and kept."""
        text = self._words[(row, column, crossed)] = \
            self._templates[0 if crossed else 1].format(party=self.party_names[row],
                                                        red_line=self.titles[row][column])
        return text

    def _paint(self, grid: np.ndarray) -> None:
        rgba = np.empty((*grid.shape, 4), dtype=np.ubyte)
        rgba[grid == 1] = self._holds
        rgba[grid == -1] = VIOLATED
        rgba[grid == 0] = self._empty
        # ImageItem is column-major (x first): x is the party, y its red line.
        self.image.setImage(rgba, autoLevels=False)
        self._label_cells()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relabel_soon()

    def _relabel_soon(self) -> None:
        """Once the plot has its new size (after its layout settles), fit the names again."""
        QTimer.singleShot(0, self, self._label_cells)

    def _label_cells(self) -> None:
        """Name each cell by its red line, shortened to the cell's width in pixels."""
        grid = self.grid
        if not grid.size or getattr(self, "plotItem", None) is None:
            return  # nothing to name, or the chart was closed before this ran
        box = self.getViewBox().sceneBoundingRect()
        cell = (int(box.width() / max(grid.shape[0], 1)),
                int(box.height() / max(grid.shape[1], 1)))
        fm = QFontMetrics(self._font)
        named = grid.size <= 600 and cell[1] >= fm.height()
        if cell == self._cell and named and len(self.marks) == int(np.count_nonzero(grid)):
            # Same cells, same size: only the ✗ of the cells that flipped changes.
            for mark, (i, j) in zip(self.marks, zip(*np.nonzero(grid), strict=True),
                                    strict=True):
                text = fm.elidedText(("✗ " if grid[i, j] == -1 else "") + self.titles[i][j],
                                     Qt.TextElideMode.ElideRight, cell[0] - 6)
                if mark.toPlainText() != text:
                    mark.setText(text)
                    mark.setColor(WHITE if grid[i, j] == -1 or self._dark else INK)
            return
        self._cell = cell
        for mark in self.marks:
            self.removeItem(mark)
        self.marks = []
        if grid.size > 600 or cell[1] < 8:
            return  # tiny cells: colour alone here; the tooltip and description name them
        if cell[1] < fm.height():
            # Too small to read a name: a ✗ as tall as a crossed cell; the tooltip names it.
            small = QFont(self._font)
            small.setPixelSize(max(6, cell[1] - 1))
            for i, j in zip(*np.nonzero(grid == -1), strict=True):
                self._mark(i, j, "✗", small)
            return
        for i, j in zip(*np.nonzero(grid), strict=True):
            crossed = grid[i, j] == -1
            text = ("✗ " if crossed else "") + self.titles[i][j]
            self._mark(i, j, fm.elidedText(text, Qt.TextElideMode.ElideRight, cell[0] - 6))

    def _mark(self, i: int, j: int, text: str, font: QFont | None = None) -> None:
        crossed = self.grid[i, j] == -1
        color = WHITE if crossed or self._dark else INK
        mark = pg.TextItem(text, color=color, anchor=(0.5, 0.5))
        mark.setFont(font or self._font)
        mark.setPos(QPointF(i + 0.5, j + 0.5))
        self.addItem(mark)
        self.marks.append(mark)

    def _layout_axes(self, scenario: Scenario) -> None:
        parties = self._parties = scenario.parties
        width = max((len(p.red_lines) for p in parties), default=0)
        self.grid = np.zeros((len(parties), max(width, 1)), dtype=np.int8)
        self._holding = np.zeros_like(self.grid)  # 1 in each red line's cell
        self._cells = {}
        self._crossed_by = {}  # cells of other places
        self._crossed_shown = None
        self._words.clear()  # other parties or red lines: other words
        for i, party in enumerate(parties):
            for j, line in enumerate(party.red_lines):
                self._holding[i, j] = 1
                self._cells[(party.id, line.id)] = (i, j)
        self.image.clear()
        self.party_names = [p.name for p in parties]
        self.titles = [[r.title for r in p.red_lines] for p in parties]
        self.getAxis("bottom").setTicks(
            [[(i + 0.5, _short(p.name)) for i, p in enumerate(parties)]])
        self.setLabel("left", self.tr("red lines"))
        self.setXRange(0, max(len(parties), 1), padding=0.02)
        self.setYRange(0, self.grid.shape[1], padding=0.02)

    def cell_text(self, row: int, column: int) -> str:
        """The cell of party ``row`` and its red line ``column``, in words."""
        if 0 <= row < len(self.titles) and 0 <= column < len(self.titles[row]):
            self._reword()
            crossed = bool(self.grid[row, column] == -1)
            return self._words.get((row, column, crossed)) or self._word(row, column, crossed)
        return ""

    def _hover(self, pos: QPointF) -> None:
        point = self.getViewBox().mapSceneToView(pos)
        self.setToolTip(self.cell_text(int(point.x()), int(point.y())))

"""Live charts: satisfaction per party, and the parties × red lines matrix.

Both redraw from the workspace's change notification. Bars are green for a party that accepts
and red for one that rejects, and every bar is labelled "✓ 75%" / "✗ 25%" so the status does
not depend on colour.

The charts are pyqtgraph widgets (:mod:`desktop.ui.plots`), and importing pyqtgraph takes longer
than showing the whole window. So the panel is empty when the window first shows: it builds
its charts just after its first paint, or at once when code asks for :attr:`~ChartsPanel.
satisfaction` or :attr:`~ChartsPanel.matrix`. From then on they follow every edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.startup import after_first_paint
from desktop.ui.workspace import Change, Workspace
from desktop.wording import palette
from desktop.wording.palette import rgb

if TYPE_CHECKING:
    from desktop.ui.plots import RedLineMatrix, SatisfactionChart


class ChartsPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChartsPanel")
        self._ws = workspace
        self._charts: tuple[SatisfactionChart, RedLineMatrix] | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self.setMinimumHeight(260)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        workspace.changed.connect(self._on_changed)
        after_first_paint(self, self.build)

    @property
    def built(self) -> bool:
        return self._charts is not None

    def build(self) -> None:
        """Make the charts (importing pyqtgraph) and show the workspace's report; once."""
        if self._charts is not None:
            return
        from desktop.ui.plots import RedLineMatrix, SatisfactionChart

        self._charts = (SatisfactionChart(self), RedLineMatrix(self))
        for chart in self._charts:
            self._layout.addWidget(chart, 1)
        self._on_changed(None)

    @property
    def satisfaction(self) -> SatisfactionChart:
        self.build()
        assert self._charts is not None
        return self._charts[0]

    @property
    def matrix(self) -> RedLineMatrix:
        self.build()
        assert self._charts is not None
        return self._charts[1]

    def _on_changed(self, change: Change | None) -> None:
        if self._charts is None:
            return  # the charts show the report they find when they are built
        scenario, report = self._ws.scenario, self._ws.report
        for chart in self._charts:
            chart.show_report(scenario, report)

    @staticmethod
    def color(ok: bool) -> QColor:
        return QColor(*rgb(palette.ACCEPT if ok else palette.REJECT))

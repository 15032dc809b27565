"""The red-line panel: one card per party with its verdict, satisfaction and violations.

Verdicts are words and symbols ("✓ Accepts", "✗ Rejects"), not colour alone. Clicking a
violation asks the draft view to select the culprit clauses.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Party, PartyVerdict, Report, Violation
from desktop.ui.models import short_name
from desktop.ui.workspace import Change, Workspace

ACCEPT = "#2E7D32"
REJECT = "#C62828"
NEUTRAL_SWATCH = "#888888"


class ViolationRow(QLabel):
    """One crossed red line: a word-wrapped line of text that selects its culprits when clicked
    (or activated with Enter or Space from the keyboard)."""

    clicked = Signal(list)

    def __init__(self, violation: Violation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.culprits = list(violation.clauses)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(f"✗ {violation.title} [{violation.red_line}]\n{violation.explanation}")
        self.setStyleSheet(f"color: {REJECT}; padding: 2px 0 2px 2px;")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        where = ", ".join(self.culprits) if self.culprits else "none (something is missing)"
        self.setToolTip(f"Culprit clauses: {where}. Click to select them in the draft.")
        self.setAccessibleName(f"Crossed red line {violation.title}")

    # Word-wrapped labels inside scroll areas ask for the height they would need at a narrow
    # width, which leaves gaps; this row reports the height its text needs at its real width.
    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 50 else 320
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(50, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a row is a button: it takes the click

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.culprits)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.culprits)
            return
        super().keyPressEvent(event)


class PartyCard(QFrame):
    violation_clicked = Signal(list)  # culprit provision ids

    def __init__(self, party: Party, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.party_id = party.id
        self.setObjectName(f"card-{party.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._shown: tuple[object, ...] | None = None

        swatch = QLabel(self)
        swatch.setFixedSize(12, 12)
        swatch.setStyleSheet(f"background: {party.color or NEUTRAL_SWATCH}; border-radius: 6px;")
        self.name = QLabel(short_name(party.name), self)
        self.name.setToolTip(party.name)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.role = QLabel(party.role, self)
        self.role.setStyleSheet("color: palette(placeholder-text);")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        head = QHBoxLayout()
        head.addWidget(swatch)
        head.addWidget(self.name)
        head.addWidget(self.role)
        head.addStretch(1)
        self.verdict.setWordWrap(True)

        self.satisfaction = QProgressBar(self)
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.setRange(0, 100)
        self.satisfaction.setTextVisible(True)
        self.satisfaction.setMaximumHeight(18)

        self.violations = QWidget(self)
        self.violations.setObjectName("violations")
        self._rows = QVBoxLayout(self.violations)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(2)
        self.rows: list[ViolationRow] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.verdict)
        layout.addWidget(self.satisfaction)
        layout.addWidget(self.violations)

    def show_verdict(self, verdict: PartyVerdict) -> None:
        key = (verdict.acceptable, verdict.satisfaction, verdict.violations)
        if key == self._shown:
            return  # nothing changed for this party: no repaint, no relayout
        self._shown = key
        n = len(verdict.violations)
        if verdict.acceptable:
            self.verdict.setText("✓ Accepts")
            color = ACCEPT
        else:
            self.verdict.setText(f"✗ Rejects: {n} red line{'s' if n != 1 else ''} crossed")
            color = REJECT
        self.verdict.setStyleSheet(f"color: {color}; font-weight: bold;")
        self.verdict.setAccessibleName(self.verdict.text())
        if verdict.satisfaction is None:
            self.satisfaction.setValue(0)
            self.satisfaction.setFormat("No preferences stated")
        else:
            self.satisfaction.setValue(round(verdict.satisfaction * 100))
            self.satisfaction.setFormat(f"Satisfaction {verdict.satisfaction:.0%}")
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for v in verdict.violations:
            row = ViolationRow(v, self.violations)
            row.clicked.connect(self.violation_clicked)
            self._rows.addWidget(row)
            self.rows.append(row)
        self.violations.setVisible(n > 0)


class RedLinePanel(QScrollArea):
    violation_clicked = Signal(list)  # culprit provision ids

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RedLinePanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._ws = workspace
        self._cards: dict[str, PartyCard] = {}
        self._parties: tuple[Party, ...] = ()
        self.summary = QLabel(self)
        self.summary.setObjectName("ReportSummary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.conflicts = QLabel(self)
        self.conflicts.setObjectName("Conflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts.setStyleSheet("color: #E65100;")
        host = QWidget(self)
        self._layout = QVBoxLayout(host)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.conflicts)
        self._layout.addStretch(1)
        self.setWidget(host)
        self._host = host
        self._rebuild()
        workspace.changed.connect(self._on_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Cards are exactly as wide as the view, so their text wraps instead of being cut off.
        super().resizeEvent(event)
        self._host.setFixedWidth(self.viewport().width())

    def card(self, party_id: str) -> PartyCard:
        return self._cards[party_id]

    def _rebuild(self) -> None:
        for card in self._cards.values():
            card.setParent(None)
            card.deleteLater()
        self._cards = {}
        self._parties = self._ws.scenario.parties
        for i, party in enumerate(self._parties):
            card = PartyCard(party, self.widget())
            card.violation_clicked.connect(self.violation_clicked)
            self._layout.insertWidget(2 + i, card)
            self._cards[party.id] = card
        self._show(self._ws.report)

    def _on_changed(self, change: Change) -> None:
        if self._ws.scenario.parties is not self._parties:
            self._rebuild()
        else:
            self._show(self._ws.report)

    def _show(self, report: Report | None) -> None:
        if report is None:
            self.summary.setText("No draft: create one to check it.")
            self.conflicts.hide()
            for card in self._cards.values():
                card.hide()
            return
        ok = report.viable
        self.summary.setText(("✓ " if ok else "✗ ") + report.summary())
        self.summary.setStyleSheet(f"color: {ACCEPT if ok else REJECT};")
        if report.conflicts:
            self.conflicts.setText("⚠ " + "\n⚠ ".join(c.explanation for c in report.conflicts))
            self.conflicts.show()
        else:
            self.conflicts.hide()
        for verdict in report.parties:
            found = self._cards.get(verdict.party)
            if found is not None:
                found.show()
                found.show_verdict(verdict)

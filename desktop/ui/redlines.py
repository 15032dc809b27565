"""The red-line panel: one card per party with its verdict, satisfaction and violations.

Verdicts are words and symbols ("✓ Accepts", "✗ Rejects"), not colour alone. Clicking a
violation asks the draft view to select the culprit clauses.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Draft, Party, PartyVerdict, Report, Scenario, Violation
from desktop.domain.model import STANCES
from desktop.ui.i18n import InheritedTr
from desktop.ui.look import ink, ink_name
from desktop.ui.workspace import Change, Workspace
from desktop.wording import (
    conflict_text,
    explanation,
    percent,
    report_summary,
    short_name,
)
from desktop.wording.labels import role_label
from desktop.wording.palette import ACCEPT, CONFLICT, NEUTRAL, REJECT
from desktop.wording.reasons import Speaker
from desktop.wording.translate import current_translator
from desktop.wording.verdicts import (
    chance_words,
    coverage_words,
    met_if_lines,
    shown_satisfaction,
    stance_label,
    verdict_phrase,
    viability_words,
    violation_condition,
)

PADDING = 3
GAP = 2


class ViolationList(InheritedTr, QWidget):
    """A party's crossed red lines, each a title line and its explanation, painted by one widget.

    A card may list dozens of lines and the panel twenty cards; one widget per card (instead of a
    label per line) keeps a re-layout after an edit cheap. Clicking a line, or choosing it with
    Up/Down and pressing Enter or Space, emits its culprit clauses.
    """

    clicked = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.violations: tuple[Violation, ...] = ()
        self.texts: tuple[str, ...] = ()  # what each line reads, worded once per change
        self._scenario: Scenario | None = None
        self.current = -1
        self._layout_width = -1
        self._rects: list[QRect] = []
        self._height = 0
        # Qt's layouts ask for the height at two or three widths in turn (the card's and the
        # scroll area's): each width's layout is kept, and each line's wrapped height at a
        # width, until the lines or the font change.
        self._layouts: dict[int, tuple[list[QRect], int]] = {}
        self._line_heights: dict[tuple[str, int], int] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_violations(self, violations: tuple[Violation, ...],
                       scenario: Scenario | None = None, party: str | None = None,
                       draft: Draft | None = None) -> None:
        """Show ``violations`` of ``party`` (its name), worded with ``scenario``'s titles; a
        line crossed under some alternatives of an open point says which ("if §16 is ...")."""
        texts = tuple(f"✗ {v.title}\n{_when(v, draft, scenario)}"
                      f"{explanation(v.reasons, scenario, party)}" for v in violations)
        if violations == self.violations and texts == self.texts:
            return
        self.violations = violations
        self.texts = texts
        self._scenario = scenario
        self.current = min(self.current, len(violations) - 1)
        self._layout_width = -1
        self._layouts = {}
        self.setAccessibleDescription("\n".join(t.removeprefix("✗ ") for t in texts))
        self.updateGeometry()
        self.update()

    def text_of(self, i: int) -> str:
        """What the ``i``-th line reads: the red line's title, then why it is crossed."""
        return self.texts[i]

    def _measure(self, width: int) -> int:
        if width != self._layout_width:
            layout = self._layouts.get(width)
            if layout is None:
                layout = self._lay_out(width)
                if len(self._layouts) >= 8:
                    self._layouts.clear()
                self._layouts[width] = layout
            self._rects, self._height = layout
            self._layout_width = width
        return self._height

    def _lay_out(self, width: int) -> tuple[list[QRect], int]:
        """Each line's rectangle at ``width``, and the height of them all."""
        fm: QFontMetrics | None = None
        inner = max(40, width - 2 * PADDING)
        heights = self._line_heights
        if len(heights) > 4_000:
            heights.clear()
        rects = []
        y = 0
        for text in self.texts:
            h = heights.get((text, inner))
            if h is None:
                if fm is None:
                    fm = QFontMetrics(self.font())
                h = heights[(text, inner)] = fm.boundingRect(
                    QRect(0, 0, inner, 100_000), Qt.TextFlag.TextWordWrap, text).height()
            rects.append(QRect(0, y, width, h + 2 * PADDING))
            y += h + 2 * PADDING + GAP
        return rects, max(0, y - GAP)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # every wrapped height is another now
            self._layouts = {}
            self._line_heights = {}
            self._layout_width = -1
            self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._measure(width)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 50 else 320
        return QSize(width, self._measure(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._measure(self.width() if self.width() > 50 else 320))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def item_rect(self, i: int) -> QRect:
        self._measure(self.width())
        return QRect(self._rects[i])

    def item_at(self, pos: QPoint) -> int:
        self._measure(self.width())
        for i, rect in enumerate(self._rects):
            if rect.contains(pos):
                return i
        return -1

    def paintEvent(self, event: QPaintEvent) -> None:
        self._measure(self.width())
        painter = QPainter(self)
        flags = Qt.TextFlag.TextWordWrap
        for i, (text, rect) in enumerate(zip(self.texts, self._rects, strict=True)):
            if i == self.current and self.hasFocus():
                painter.fillRect(rect, self.palette().color(QPalette.ColorRole.AlternateBase))
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1,
                                    Qt.PenStyle.DotLine))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.setPen(ink(REJECT, self))
            painter.drawText(rect.adjusted(PADDING, PADDING, -PADDING, -PADDING), flags, text)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # the lines are buttons: they take the click

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        i = self.item_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and i >= 0:
            self.current = i
            self.update()
            self.clicked.emit(list(self.violations[i].clauses))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.violations:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.current = max(0, min(len(self.violations) - 1, self.current + step))
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and \
                0 <= self.current < len(self.violations):
            self.clicked.emit(list(self.violations[self.current].clauses))
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current < 0 and self.violations:
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.item_at(event.pos())
            if i >= 0:
                clauses = self.violations[i].clauses
                if clauses:
                    tip = self.tr("Crossed by {clauses}. Click to select (it/them) in the draft.",
                                  "", len(clauses)).format(
                        clauses=Speaker(self._scenario).titles(clauses))
                else:
                    tip = self.tr("Crossed by what the draft lacks, not by a clause in it.")
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _capital(text: str) -> str:
    """``text`` (the wording's, which starts in lower case) with a capital first letter."""
    return text[:1].upper() + text[1:]


_OPEN: list[tuple[Draft, bool]] = []  # the last draft asked about, and its answer


def _is_open(draft: Draft | None) -> bool:
    """Whether ``draft`` has an open point (a clause with alternatives); the answer for the
    last draft is kept, since every card asks about the same one after an edit."""
    if draft is None:
        return False
    if _OPEN and _OPEN[0][0] is draft:
        return _OPEN[0][1]
    answer = any(c.alternatives for c in draft.clauses)
    _OPEN[:] = [(draft, answer)]
    return answer


def _when(v: Violation, draft: Draft | None, scenario: Scenario | None) -> str:
    if not v.conditional:
        return ""
    return f"{_capital(violation_condition(v.under, True, draft, scenario))}: "


class PartyCard(InheritedTr, QFrame):
    violation_clicked = Signal(list)  # culprit provision ids
    _style = ""  # the verdict's style sheet, as set
    _settled = False  # the verdict shown reads nothing of the draft (see show_verdict)

    def __init__(self, party: Party, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.party_id = party.id
        self.setObjectName(f"card-{party.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._shown: tuple[object, ...] | None = None
        self._verdict: tuple[PartyVerdict, Scenario | None, Draft | None] | None = None

        swatch = QLabel(self)
        swatch.setFixedSize(12, 12)
        swatch.setStyleSheet(f"background: {party.color or NEUTRAL}; border-radius: 6px;")
        self.name = QLabel(short_name(party.name), self)
        self.name.setToolTip(party.name)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.role = QLabel(role_label(party.role), self)
        self.role.setStyleSheet("color: palette(placeholder-text);")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        head = QHBoxLayout()
        head.addWidget(swatch)
        head.addWidget(self.name)
        head.addWidget(self.role)
        head.addStretch(1)
        self.verdict.setWordWrap(True)
        self.chance = QLabel(self)  # the chance it accepts, when a red line that counts is crossed
        self.chance.setObjectName("chance")
        self.chance.setWordWrap(True)
        self.chance.setTextFormat(Qt.TextFormat.PlainText)
        self.coverage = QLabel(self)  # how much of what it wants the draft addresses
        self.coverage.setObjectName("coverage")
        self.coverage.setWordWrap(True)
        self.coverage.setTextFormat(Qt.TextFormat.PlainText)
        self.coverage.setStyleSheet("color: palette(placeholder-text);")

        self.satisfaction = QProgressBar(self)
        self.satisfaction.setObjectName("satisfaction")
        self.satisfaction.setRange(0, 100)
        # The words sit beside the bar, never across its fill ("Sati|sfaction 42%").
        self.satisfaction.setTextVisible(False)
        self.satisfaction.setMaximumHeight(12)
        self.satisfaction_text = QLabel(self)
        self.satisfaction_text.setObjectName("satisfactionText")
        self.satisfaction_text.setBuddy(self.satisfaction)
        bar_row = QHBoxLayout()
        bar_row.setSpacing(8)
        bar_row.addWidget(self.satisfaction_text)
        bar_row.addWidget(self.satisfaction, 1)

        self.violations = ViolationList(self)
        self.violations.setObjectName("violations")
        self.violations.setAccessibleName(
            self.tr("Red lines of {party} crossed").format(party=short_name(party.name)))
        self.violations.clicked.connect(self.violation_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.verdict)
        layout.addWidget(self.chance)
        layout.addLayout(bar_row)
        layout.addWidget(self.coverage)
        layout.addWidget(self.violations)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange) and \
                self._verdict is not None:
            # light ↔ dark: the verdict's words in the new palette's colour; another language:
            # in its words
            self._shown = None
            self.show_verdict(*self._verdict)

    def show_verdict(self, verdict: PartyVerdict, scenario: Scenario | None = None,
                     draft: Draft | None = None) -> None:
        # The provisions give the explanation its titles and labels: a new tuple means they
        # may read differently (a draft edit keeps the same tuple). Open points are named by
        # their number in the draft.
        words = id(scenario.provisions) if scenario is not None else None
        last = self._verdict
        if (self._settled and last is not None and verdict is last[0] and self._shown is not None
                and self._shown[3] == words and self._shown[-1] is current_translator()):
            # The very verdict shown, of a card that reads nothing of the draft (no open
            # point, no conditional crossing, no "at worst"): the key below would match.
            return
        # Everything else the card reads that the verdict does not hold: the numbers of the
        # clauses it names (an open point's, and a conditional crossing's: an insert above
        # renumbers them), whether the draft has open points at all (the chance reads "at
        # worst" then), and the language of the wording.
        opened = tuple(draft.index_of(p) for p, _, _ in verdict.accepts_if) if draft else ()
        numbered = tuple(draft.index_of(p) for v in verdict.violations if v.conditional
                         for p, _, _ in v.under) if draft else ()
        worst = _is_open(draft) if verdict.violations and verdict.verdict != "rejects" \
            else None
        key = (verdict.acceptable, verdict.satisfaction, verdict.violations, words,
               verdict.verdict, verdict.accepts_if, verdict.acceptance_chance,
               verdict.coverage, verdict.addressed_satisfaction, opened, verdict.met_if,
               tuple(draft.index_of(p) for c in verdict.met_if for p, _, _ in c)
               if draft else (), numbered, worst, current_translator())
        if key == self._shown:
            return  # nothing changed for this party: no repaint, no relayout
        self._shown = key
        self._settled = not (verdict.accepts_if or verdict.met_if or numbered
                             or any(v.conditional for v in verdict.violations)
                             or worst is not None)
        self._verdict = (verdict, scenario, draft)
        n = len(verdict.violations)
        if verdict.acceptable:
            self.verdict.setText(self.tr("✓ Accepts"))
            color = ACCEPT
        elif verdict.verdict == "accepts-if":
            phrase = verdict_phrase(verdict, draft, scenario)
            self.verdict.setText("◐ " + _capital(phrase))
            color = CONFLICT
        else:
            self.verdict.setText(self.tr("✗ Rejects: %n red line(s) crossed", "", n))
            color = REJECT
        chance = chance_words(verdict, open_draft=_is_open(draft)) if n else ""
        self.chance.setText(_capital(chance) + "." if chance else "")
        self.chance.setVisible(bool(chance))
        style = f"color: {ink_name(color, self)}; font-weight: bold;"
        if style != self._style:  # a style sheet is re-parsed on every set
            self._style = style
            self.verdict.setStyleSheet(style)
        self.verdict.setAccessibleName(self.verdict.text())
        shown = shown_satisfaction(verdict)  # over what the draft addresses, as the words
        # A moved bar repaints at once (QProgressBar.setValue): with updates off it is painted
        # with the rest of the window instead.
        self.satisfaction.setUpdatesEnabled(False)
        if shown is None:
            self.satisfaction.setValue(0)
            self.satisfaction.setFormat(self.tr("No preferences stated")
                                        if verdict.coverage[1] == 0
                                        else self.tr("Satisfaction: addresses none"))
        else:
            self.satisfaction.setValue(round(shown * 100))
            self.satisfaction.setFormat(
                self.tr("Satisfaction {percent}").format(percent=percent(shown)))
        self.satisfaction.setUpdatesEnabled(True)
        self.satisfaction_text.setText(self.satisfaction.format())
        self.satisfaction.setAccessibleName(self.satisfaction.format())
        covered = "" if verdict.satisfaction is None else coverage_words(verdict)
        covered = _capital(covered) + "." if covered else ""
        covered = " ".join([covered, *(f"{line}." for line in met_if_lines(
            verdict, draft, scenario))]).strip()
        self.coverage.setText(covered)
        self.coverage.setVisible(bool(covered))
        self.violations.set_violations(verdict.violations, scenario, short_name(verdict.name),
                                       draft)
        self.violations.setVisible(n > 0)


class RedLinePanel(InheritedTr, QScrollArea):
    violation_clicked = Signal(list)  # culprit provision ids

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RedLinePanel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._ws = workspace
        self._cards: dict[str, PartyCard] = {}
        self._parties: tuple[Party, ...] = ()
        self._summary_style = ""  # the summary's style sheet, as set
        self._conflicts_shown: tuple[object, ...] | None = None  # what the conflicts say
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
        self.conflicts.setStyleSheet(f"color: {ink_name(CONFLICT, self)};")
        # Which red lines count: assessed floors (stated demands negotiable) or every one.
        self.stance = QComboBox(self)
        self.stance.setObjectName("StanceSwitch")
        self.stance.setAccessibleName(self.tr("Red lines that count"))
        for stance in ("assessed", "stated"):
            self.stance.addItem(stance_label(stance), stance)
        self.stance.setCurrentIndex(self.stance.findData(workspace.stance))
        self.stance.currentIndexChanged.connect(self._on_stance)
        host = QWidget(self)
        self._layout = QVBoxLayout(host)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.addWidget(self.stance)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.conflicts)
        self._layout.addStretch(1)
        self.setWidget(host)
        self._host = host
        self._rebuild()
        workspace.changed.connect(self._on_changed)

    def card(self, party_id: str) -> PartyCard:
        return self._cards[party_id]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light ↔ dark
            self.conflicts.setStyleSheet(f"color: {ink_name(CONFLICT, self)};")
            self._show(self._ws.report)
        elif event.type() == QEvent.Type.LanguageChange:  # the words in the new language
            self._conflicts_shown = None
            self._show(self._ws.report)

    def show_card(self, party_id: str) -> None:
        """Scroll ``party_id``'s card into view (the verdict strip asks for it)."""
        card = self._cards.get(party_id)
        if card is not None:
            self.ensureWidgetVisible(card, 0, 0)
            self.verticalScrollBar().setValue(card.y())

    def _rebuild(self) -> None:
        for card in self._cards.values():
            card.setParent(None)
            card.deleteLater()
        self._cards = {}
        self._parties = self._ws.scenario.parties
        for i, party in enumerate(self._parties):
            card = PartyCard(party, self.widget())
            card.violation_clicked.connect(self.violation_clicked)
            self._layout.insertWidget(3 + i, card)
            self._cards[party.id] = card
        self._show(self._ws.report)

    def _on_stance(self, index: int) -> None:
        stance = self.stance.itemData(index)
        if stance in STANCES:
            self._ws.set_stance(stance)

    def _on_changed(self, change: Change) -> None:
        at = self.stance.findData(self._ws.stance)
        if at != self.stance.currentIndex():
            self.stance.blockSignals(True)
            self.stance.setCurrentIndex(at)
            self.stance.blockSignals(False)
        if self._ws.scenario.parties is not self._parties:
            self._rebuild()
        else:
            self._show(self._ws.report)

    def _show(self, report: Report | None) -> None:
        if report is None:
            self.summary.setText(self.tr("No draft: create one to check it."))
            self.conflicts.hide()
            for card in self._cards.values():
                card.hide()
            return
        ok = report.viable
        summary = report_summary(report)
        if report.viable_if is not None:
            summary = (viability_words(report, self._ws.draft, self._ws.scenario)
                       + ": " + summary.split(": ", 1)[-1])
        mark = "✓ " if ok else "◐ " if report.viable_if is not None else "✗ "
        self.summary.setText(mark + summary)
        color = ACCEPT if ok else CONFLICT if report.viable_if is not None else REJECT
        style = f"color: {ink_name(color, self)};"
        if style != self._summary_style:  # a style sheet is re-parsed on every set
            self._summary_style = style
            self.summary.setStyleSheet(style)
        if report.conflicts:
            # Worded from the conflicts, the provisions' titles and the language alone.
            scenario = self._ws.scenario
            key = (report.conflicts, scenario.provisions, current_translator())
            if key != self._conflicts_shown:
                self._conflicts_shown = key
                self.conflicts.setText("⚠ " + "\n⚠ ".join(conflict_text(c, scenario)
                                                         for c in report.conflicts))
            self.conflicts.show()
        else:
            self.conflicts.hide()
        draft = self._ws.draft
        for verdict in report.parties:
            found = self._cards.get(verdict.party)
            if found is not None:
                found.show()
                found.show_verdict(verdict, self._ws.scenario, draft)

"""Seeing what changed: the verdict strip, the change notice and the history of changes.

* :class:`VerdictStrip` -- every party in one compact block above the cards, whatever the
  window's size: "✓ Ukraine: Accepts · 42% (no deal 30%)". A party whose verdict the last edit
  flipped reads "now accepts" / "now rejects": the change shows in words and marks, not only in
  colour. Clicking a party asks for its card (:attr:`VerdictStrip.party_clicked`).
* :class:`ChangeNotices` -- after each edit, undo and redo, what it changed for the parties as
  sentences (:func:`desktop.wording.changes.verdict_changes`), named by the edit.
* :class:`NoticeLine` -- the latest notice, in the window; :class:`ChangesPanel` -- every
  notice of this document, to scroll back through.

Everything follows the workspace's one change notification; the undo stack's index tells an
edit from its undo.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, is_dataclass, replace
from functools import cache

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Draft, PartyVerdict, Report, Scenario
from desktop.ui.i18n import InheritedTr
from desktop.ui.look import ink
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording import percent, short_name
from desktop.wording.changes import (
    draft_notice,
    no_deal,
    notice_entry,
    satisfaction_words,
    verdict_changes,
)
from desktop.wording.palette import ACCEPT, CONFLICT, REJECT
from desktop.wording.translate import current_translator
from desktop.wording.verdicts import shown_satisfaction, verdict_phrase, verdict_verb

PAD_X = 6
LINES = 2  # the notice line's height, in lines
PAD_Y = 2
GAP_X = 14


def _word(verdict: PartyVerdict) -> str:
    """What the strip compares to see a flip: "accepts", "accepts-if" or "rejects"."""
    word = getattr(verdict, "verdict", None)
    return word if isinstance(word, str) else ("accepts" if verdict.acceptable else "rejects")


@dataclass(frozen=True, slots=True)
class Entry:
    """One party in the strip: its id, the mark and name, and the rest of its line."""

    party: str
    colour: str  # a verdict colour of desktop.wording.palette
    name: str
    rest: str
    tip: str
    brief: str = ""  # the least of ``rest`` a crowded strip keeps: ": Rejects"
    mid: str = ""  # ``rest`` for a full strip: ": Rejects · 11%, below no deal"

    @property
    def text(self) -> str:
        return f"{self.name}{self.rest}"


class StripWords(InheritedTr, QObject):
    """The words of a party's line in the strip: a ``QObject`` so that they come through Qt's
    ``tr``, the count of red lines crossed a Qt plural."""

    def entry(self, verdict: PartyVerdict, scenario: Scenario | None, flipped: bool,
              draft: Draft | None = None) -> Entry:
        party = scenario.party_index.get(verdict.party) if scenario is not None else None
        name = short_name(verdict.name)
        mark = "✓" if verdict.acceptable else "✗"
        verb = verdict_verb(verdict.acceptable)
        colour = ACCEPT if verdict.acceptable else REJECT
        if getattr(verdict, "verdict", None) == "accepts-if":  # an open point decides it
            phrase = verdict_phrase(verdict, draft, scenario)
            mark, verb, colour = "◐", f"{phrase[:1].upper()}{phrase[1:]}", CONFLICT
        if flipped:
            verb = self.tr("now {verdict}").format(verdict=verb.lower())
        # The satisfaction the words show everywhere: over what the draft addresses.
        shown = shown_satisfaction(verdict)
        sat = (self.tr("addresses none") if shown is None and verdict.coverage[1]
               else satisfaction_words(shown, party))
        n = len(verdict.violations)
        crossed = self.tr("%n red line(s) crossed", "", n) if n else \
            self.tr("no red line crossed")
        tip = self.tr("{party}: {verdict}, {crossed}; satisfaction over what the draft "
                      "addresses {satisfaction}. Click to show its card.").format(
            party=verdict.name, verdict=verb.lower(), crossed=crossed, satisfaction=sat)
        # The verdict's first word or two ("Accepts if", "now rejects"): what the strip keeps
        # of a party when every party must share one line.
        brief = " ".join(verb.split()[:3 if flipped else 2]) if mark == "◐" else \
            " ".join(verb.split()[:2 if flipped else 1])
        short = sat
        level = no_deal(party)
        if shown is not None:  # the level itself is in the tooltip
            below = level is not None and shown < level
            short = self.tr("{satisfaction}, below no deal").format(
                satisfaction=percent(shown)) if below else percent(shown)
        return Entry(verdict.party, colour, f"{mark} {name}",
                     self.tr(": {verdict} · {satisfaction}").format(verdict=verb,
                                                                    satisfaction=sat),
                     tip, self.tr(": {verdict}").format(verdict=brief),
                     self.tr(": {verdict} · {satisfaction}").format(verdict=verb,
                                                                    satisfaction=short))


@cache
def _strip_words() -> StripWords:
    return StripWords()


def strip_entry(verdict: PartyVerdict, scenario: Scenario | None, flipped: bool,
                draft: Draft | None = None) -> Entry:
    """A party's line in the strip (:meth:`StripWords.entry`)."""
    return _strip_words().entry(verdict, scenario, flipped, draft)


class VerdictStrip(InheritedTr, QWidget):
    """Every party's verdict and satisfaction, painted by one widget: on one line whenever every
    party's mark, name and verdict fit (the longest lines then give up the end of their
    satisfaction or condition, elided "…", kept in the tooltip), else in as many columns as fit.

    One widget (not a label per party) keeps the update after an edit to a few string compares
    and one repaint, even with twenty parties."""

    party_clicked = Signal(str)  # party id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VerdictStrip")
        self.setAccessibleName(self.tr("Every party's verdict"))
        self._ws = workspace
        self._words = StripWords(self)
        self.entries: tuple[Entry, ...] = ()
        # Per party, what its line was made from and the line (see _entries).
        self._made: dict[str, tuple[tuple[object, ...], Entry]] = {}
        self._last: dict[str, str] = {}
        self._last_draft: str | None = None
        self._flipped: frozenset[str] = frozenset()
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._cell = 0
        self._widths: tuple[int, ...] = ()  # each party's whole line
        self._least: tuple[int, ...] = ()  # each party's mark, name and verdict
        self._mids: tuple[int, ...] = ()  # each party's line with its satisfaction alone
        self._rests: list[str] = []  # what each party's line says after its name, as laid out
        self._layout_key: tuple[int, int] = (-1, -1)
        self._rects: list[QRect] = []
        self._height = 0
        self.current = -1  # the party the keyboard is on
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows choose, Enter shows the card
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        workspace.changed.connect(self._on_changed)
        self._on_changed(None)

    # -- content

    def _on_changed(self, change: Change | None) -> None:
        report = self._ws.report
        fresh = change is None or change.what in (What.RESET, What.DRAFT_SWITCHED) or \
            report is None or report.draft != self._last_draft
        if report is None or fresh:
            self._flipped = frozenset()
        else:
            self._flipped = frozenset(v.party for v in report.parties
                                      if v.party in self._last
                                      and self._last[v.party] != _word(v))
        self._last = {} if report is None else {v.party: _word(v) for v in report.parties}
        self._last_draft = None if report is None else report.draft
        self.show_report(self._ws.scenario, report)

    @property
    def flipped(self) -> frozenset[str]:
        """The parties whose verdict the last edit flipped."""
        return self._flipped

    def show_report(self, scenario: Scenario, report: Report | None) -> None:
        entries = () if report is None else self._entries(scenario, report)
        if entries == self.entries:
            return
        widths_changed = [e.text for e in entries] != [e.text for e in self.entries]
        self.entries = entries
        self.setAccessibleDescription("\n".join(e.text for e in entries))
        if widths_changed:
            self._measure_cells()
        self.update()

    def _entries(self, scenario: Scenario, report: Report) -> tuple[Entry, ...]:
        """Each party's line. A settled verdict's line reads only the verdict, the party (its
        no-deal level), whether it flipped and the language: while those stay the same
        (the checker hands back the very verdict of a party an edit did not touch) the line
        made before is kept. A line "accepts if §12 is ..." also reads the draft (the clause
        numbers) and the scenario (the alternatives' labels): it is made again every time."""
        draft = self._ws.draft
        parties = scenario.party_index
        language = current_translator()
        made: dict[str, tuple[tuple[object, ...], Entry]] = {}
        entries = []
        for v in report.parties:
            flipped = v.party in self._flipped
            if getattr(v, "verdict", None) == "accepts-if":
                entries.append(self._words.entry(v, scenario, flipped, draft))
                continue
            key = (v, parties.get(v.party), flipped, language)
            kept = self._made.get(v.party)
            entry = kept[1] if kept is not None and kept[0] == key else \
                self._words.entry(v, scenario, flipped, draft)
            made[v.party] = (key, entry)
            entries.append(entry)
        self._made = made
        return tuple(entries)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # every line in the new language
            self._made = {}
            self.show_report(self._ws.scenario, self._ws.report)

    def texts(self) -> list[str]:
        """What each party's line reads, in the scenario's order."""
        return [e.text for e in self.entries]

    # -- layout

    def _measure_cells(self) -> None:
        bold, plain = QFontMetrics(self._bold), QFontMetrics(self.font())
        # One pixel more than measured: a line drawn in exactly its advance may elide.
        widths = tuple(bold.horizontalAdvance(e.name) + plain.horizontalAdvance(e.rest) + 1
                       for e in self.entries)
        least = tuple(bold.horizontalAdvance(e.name) + plain.horizontalAdvance(
            f"{e.brief}…" if e.brief and e.brief != e.rest else e.rest) + 1
            for e in self.entries)
        mids = tuple(bold.horizontalAdvance(e.name) + plain.horizontalAdvance(e.mid or e.rest)
                     + 1 for e in self.entries)
        cell = max(widths, default=0)
        if (cell, widths, least, mids) != (self._cell, self._widths, self._least,
                                           self._mids) or \
                len(self.entries) != len(self._rects):
            self._cell, self._widths, self._least, self._mids = cell, widths, least, mids
            self._layout_key = (-1, -1)
            self.updateGeometry()

    def _one_line(self, width: int) -> list[int] | None:
        """Each party's width on one line, or None when even their verdicts do not fit: whole
        lines when all fit, else each satisfaction without its no-deal level (in the tooltip);
        the lines that fit stay so, the longest share what is left (at least their verdict).
        What each line then says after the name is in ``_rests``."""
        n = len(self.entries)
        room = width - 2 * PAD_X - (n - 1) * GAP_X
        if n == 0 or sum(self._least) > room:
            return None
        if sum(self._widths) <= room:
            self._rests = [e.rest for e in self.entries]
            return list(self._widths)
        self._rests = [e.mid or e.rest for e in self.entries]
        if sum(self._mids) <= room:
            return list(self._mids)

        def given(cap: int) -> list[int]:
            return [max(lo, min(w, cap)) for w, lo in zip(self._mids, self._least,
                                                           strict=True)]

        lo, hi = 0, max(self._mids)  # the largest cap that fits
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if sum(given(mid)) <= room:
                lo = mid
            else:
                hi = mid - 1
        return given(lo)

    def _columns(self, width: int) -> int:
        return max(1, (width - 2 * PAD_X + GAP_X) // max(1, self._cell + GAP_X))

    def _layout(self, width: int) -> int:
        key = (width, self._cell)
        if key != self._layout_key or len(self._rects) != len(self.entries):
            line = QFontMetrics(self._bold).height() + 2 * PAD_Y
            one = self._one_line(width)
            if one is not None:
                self._rects, x = [], PAD_X
                for w in one:
                    self._rects.append(QRect(x, PAD_Y, w, line))
                    x += w + GAP_X
                self._height = line + 2 * PAD_Y
                self._layout_key = key
                return self._height
            self._rests = [e.rest for e in self.entries]
            cols = self._columns(width)
            col_width = (width - 2 * PAD_X - (cols - 1) * GAP_X) // cols if cols > 1 else \
                width - 2 * PAD_X
            self._rects = []
            for i in range(len(self.entries)):
                row, col = divmod(i, cols)
                self._rects.append(QRect(PAD_X + col * (col_width + GAP_X), PAD_Y + row * line,
                                         col_width, line))
            rows = -(-len(self.entries) // cols)
            self._height = rows * line + 2 * PAD_Y
            self._layout_key = key
        return self._height

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout(width)

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 50 else 320
        return QSize(width, self._layout(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._layout(self.width() if self.width() > 50 else 320))

    def cell_rect(self, i: int) -> QRect:
        self._layout(self.width())
        return QRect(self._rects[i])

    def party_at(self, pos: QPoint) -> str | None:
        self._layout(self.width())
        for entry, rect in zip(self.entries, self._rects, strict=True):
            if rect.contains(pos):
                return entry.party
        return None

    # -- painting and input

    def paintEvent(self, event: QPaintEvent) -> None:
        self._layout(self.width())
        painter = QPainter(self)
        plain = QFontMetrics(self.font())
        bold = QFontMetrics(self._bold)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for i, (entry, rect) in enumerate(zip(self.entries, self._rects, strict=True)):
            if i == self.current and self.hasFocus():
                painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 1,
                                    Qt.PenStyle.DotLine))
                painter.drawRect(rect.adjusted(-2, 0, 1, -1))
            painter.setPen(ink(entry.colour, self))
            painter.setFont(self._bold)
            name = bold.elidedText(entry.name, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, align, name)
            used = bold.horizontalAdvance(name)
            painter.setFont(self.font())
            said = self._rests[i] if i < len(self._rests) else entry.rest
            rest = plain.elidedText(said, Qt.TextElideMode.ElideRight,
                                    max(0, rect.width() - used))
            painter.drawText(rect.adjusted(used, 0, 0, 0), align, rest)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, n = Qt.Key(event.key()), len(self.entries)
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1,
                 Qt.Key.Key_Up: -1}
        if key in steps and n:
            self.current = max(0, min(n - 1, self.current + steps[key]))
            self.setAccessibleDescription(self.entries[self.current].tip)
            self.update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and \
                0 <= self.current < n:
            self.party_clicked.emit(self.entries[self.current].party)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not 0 <= self.current < len(self.entries) and self.entries:
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        party = self.party_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and party is not None:
            self.party_clicked.emit(party)
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            party = self.party_at(event.pos())
            tip = next((e.tip for e in self.entries if e.party == party), "")
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


# --------------------------------------------------------------------------- notices


@dataclass(frozen=True, slots=True)
class Notice:
    """What one edit (or its undo, or a move to another draft) changed for the parties."""

    sentences: tuple[str, ...]
    short: tuple[str, ...] = ()  # the same without explanations, for the notice line
    action: str = ""
    undone: bool = False
    when: str = ""

    @property
    def text(self) -> str:
        """What changed, in full, without the edit's name."""
        return " ".join(self.sentences)

    @property
    def line(self) -> str:
        """The notice line: the edit (or its undo) and what it changed, briefly."""
        brief = " ".join(self.short or self.sentences)
        if not self.action:
            return brief
        if self.undone:
            return QCoreApplication.translate(
                "Notice", "Last edit: Undo: {action} → {changes}").format(action=self.action,
                                                                          changes=brief)
        return QCoreApplication.translate("Notice", "Last edit: {action} → {changes}").format(
            action=self.action, changes=brief)

    @property
    def entry(self) -> str:
        """The history's line: the time, the edit and what it changed."""
        return notice_entry(self.sentences, self.action, self.undone, self.when)


def _moved_only(before: Report, after: Report) -> tuple[Report, Report]:
    """``before`` and ``after`` with only the parties whose verdict is not the very same
    object in both: what :func:`verdict_changes` says of them is what it says of the whole
    reports, since a verdict compared with itself neither flips nor moves (the checker hands
    back the verdict of every party an edit did not touch, twenty parties compared twice)."""
    old = {v.party: v for v in before.parties}
    moved = tuple(v for v in after.parties if old.get(v.party) is not v)
    if len(moved) == len(after.parties) or not (is_dataclass(before) and is_dataclass(after)):
        return before, after
    return (replace(before, parties=tuple(old[v.party] for v in moved if v.party in old),
                    _by_party={}),
            replace(after, parties=moved, _by_party={}))


class ChangeNotices(QObject):
    """Turns each edit into a :class:`Notice` and keeps this document's notices.

    The verdicts are compared when the workspace announces the edit; the notice is completed
    when the undo stack's index moves just after (it says whether the edit was made, redone or
    undone, and by which command), or on the next pass of the event loop for a change that is
    not on the stack."""

    noticed = Signal(object)  # Notice
    cleared = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.history: list[Notice] = []
        self._report: Report | None = workspace.report
        self._index = workspace.undo_stack.index()
        self._pending: tuple[tuple[str, ...], tuple[str, ...]] | None = None
        self._later = QTimer(self)  # completes a notice no undo command completed
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._flush)
        workspace.changed.connect(self._on_changed)
        workspace.undo_stack.indexChanged.connect(self._on_index)

    @property
    def latest(self) -> Notice | None:
        return self.history[-1] if self.history else None

    def _on_changed(self, change: Change) -> None:
        report, before = self._ws.report, self._report
        self._report = report
        if change.what == What.RESET:
            self._pending = None
            self._index = self._ws.undo_stack.index()
            self.history.clear()
            self.cleared.emit()
            return
        if report is None:
            return
        draft = self._ws.draft
        if before is None or before.draft != report.draft:
            moved = (draft_notice(draft.title if draft else "", report),)
            self._pending = (moved, moved)
        else:
            scenario = self._ws.scenario
            before, after = _moved_only(before, report)
            self._pending = (verdict_changes(before, after, scenario, draft=draft),
                             verdict_changes(before, after, scenario, why=False, draft=draft))
        if change.what == What.DRAFT_SWITCHED:  # navigation: not on the undo stack
            self._flush()
        else:
            self._later.start()

    def _on_index(self, index: int) -> None:
        undone = index < self._index
        command = index if undone else index - 1
        self._index = index
        if self._pending is None:
            return  # clear() (a new document, or the stack going away): nothing to say
        stack = self._ws.undo_stack
        action = stack.text(command) if 0 <= command < stack.count() else ""
        self._flush(action, undone)

    def _flush(self, action: str = "", undone: bool = False) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            return
        notice = Notice(pending[0], pending[1], action, undone, time.strftime("%H:%M"))
        self.history.append(notice)
        self.noticed.emit(notice)


class NoticeLine(InheritedTr, QWidget):
    """The latest notice, one or two wrapped lines under the strip, and a button to the
    history."""

    history_requested = Signal()

    def __init__(self, notices: ChangeNotices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeLine")
        self.label = QLabel(self)
        self.label.setObjectName("ChangeNotice")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("What the last edit changed"))
        self.label.setMinimumWidth(120)
        self._full = ""
        self.button = QPushButton(self.tr("History"), self)
        self.button.setObjectName("ShowChanges")
        self.button.setToolTip(self.tr("Every change of this session, to scroll back through"))
        self.button.clicked.connect(self.history_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(PAD_X, 0, PAD_X, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        notices.noticed.connect(self.show_notice)
        notices.cleared.connect(lambda: self.show_notice(None))
        self.show_notice(notices.latest)

    def text(self) -> str:
        """The whole notice (the label shows as much as two lines hold)."""
        return self._full

    def show_notice(self, notice: Notice | None) -> None:
        if notice is None:
            self._full = self.tr("Edits and what they change for each party show here.")
            self.label.setToolTip("")
        else:
            self._full = notice.line
            self.label.setToolTip(notice.entry)
        self._fit()

    def _fit(self) -> None:
        """At most two lines, the rest cut at a word with "…" (the tooltip and the history
        have all of it)."""
        fm = QFontMetrics(self.label.font())
        lines = LINES * fm.lineSpacing()
        self.label.setFixedHeight(lines + 2)
        width = max(60, self.label.width())
        text = self._full
        flags = Qt.TextFlag.TextWordWrap
        if fm.boundingRect(QRect(0, 0, width, 10_000), flags, text).height() > lines:
            words = text.split(" ")
            while len(words) > 1:
                words.pop()
                cut = " ".join(words) + " …"
                if fm.boundingRect(QRect(0, 0, width, 10_000), flags, cut).height() <= lines:
                    text = cut
                    break
        self.label.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class ChangesPanel(InheritedTr, QWidget):
    """Every notice of this document, oldest first; the newest is selected and in view.

    While the panel is out of sight (another tab is in front) notices wait and are listed when
    it is shown: laying out a long list of wrapped lines after every edit would cost a frame."""

    def __init__(self, notices: ChangeNotices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ChangesPanel")
        self.list = QListWidget(self)
        self.list.setObjectName("ChangesList")
        self.list.setAccessibleName(self.tr("Changes"))
        self.list.setAccessibleDescription(self.tr("Each edit, undo and redo, and what it "
                                                   "changed for the parties, oldest first"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel(self.tr("No edits yet: each edit, undo and redo will be listed "
                                    "here with what it changed for each party."), self)
        self.empty.setObjectName("ChangesEmpty")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self._waiting: list[Notice] = list(notices.history)
        notices.noticed.connect(self._add)
        notices.cleared.connect(self._clear)
        self._show_empty()

    def entries(self) -> list[str]:
        """Every line of the history, oldest first (those waiting included)."""
        listed = [self.list.item(i).text() for i in range(self.list.count())]
        return listed + [n.entry for n in self._waiting]

    def _add(self, notice: Notice) -> None:
        self._waiting.append(notice)
        if self.isVisible():
            self._list_waiting()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._list_waiting()

    def _list_waiting(self) -> None:
        if not self._waiting:
            return
        for notice in self._waiting:
            item = QListWidgetItem(notice.entry)
            item.setToolTip(notice.entry)
            self.list.addItem(item)
        self._waiting.clear()
        last = self.list.item(self.list.count() - 1)
        self.list.setCurrentItem(last)
        self.list.scrollToItem(last)
        self._show_empty()

    def _clear(self) -> None:
        self._waiting.clear()
        self.list.clear()
        self._show_empty()

    def _show_empty(self) -> None:
        self.empty.setVisible(self.list.count() == 0 and not self._waiting)


class VerdictBoard(QWidget):
    """The strip and the notice line, above the party cards."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("VerdictBoard")
        self.strip = VerdictStrip(workspace, self)
        self.notices = ChangeNotices(workspace, self)
        self.notice = NoticeLine(self.notices, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.strip)
        layout.addWidget(self.notice)

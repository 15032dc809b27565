"""The draft panel's cues: each clause shows its phase in a column (no phase heading out of
order), in the order and numbering the printed draft text uses; an empty draft says where to
drop; a drag shows a line where the provision will land; a provision dropped twice is
selected, and the status bar says why."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QPalette
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.report.sheets import Block, full_sheet
from desktop.ui.draft import EMPTY_DRAFT, DraftView, phase_label
from desktop.ui.mainwindow import MainWindow
from desktop.ui.models import PROVISION_MIME, encode_ids


def test_phase_is_a_column_and_print_keeps_the_same_order(
        main_window: Callable[..., MainWindow], ukraine: Scenario,
        monkeypatch: pytest.MonkeyPatch) -> None:
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    draft = win.ws.draft
    assert draft is not None
    phases = [c.phase for c in draft.clauses]
    assert phases != sorted(phases)  # phases go 1 → 2 → 3 → 2 → 1 in the draft
    view, model = win.draft.view, win.draft.model
    # No row grows a phase heading: a clause that starts a phase is as tall as it would be
    # in the middle of one.
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    starts = [r for r in range(1, len(phases)) if phases[r] != phases[r - 1]]
    assert starts
    for row in starts:
        info = model.row_info(row)
        assert info is not None
        assert info.phase == phases[row]
        assert info.phase_starts
        tall = view.delegate.sizeHint(option, model.index(row)).height()
        monkeypatch.setattr(model, "row_info", lambda _r, i=info: i._replace(phase_starts=False))
        assert view.delegate.sizeHint(option, model.index(row)).height() == tall
        monkeypatch.undo()
    # Each row says its number and phase, as the printed draft text does.
    accessible = [model.index(r).data(Qt.ItemDataRole.AccessibleTextRole)
                  for r in range(model.rowCount())]
    for r, text in enumerate(accessible):
        assert text.startswith(f"Clause {r + 1}, phase {phases[r]}:")
    sheet = full_sheet(ukraine, draft, time_limit=None)
    printed = []
    for item in sheet.items:
        if isinstance(item, Block):
            m = re.search(r'<b>(\d+)\.</b></td>.*?\(Phase (\d+)\)', item.html, re.S)
            if m:
                printed.append((int(m.group(1)), int(m.group(2))))
    assert printed == [(r + 1, p) for r, p in enumerate(phases)]
    assert phase_label(2) == "phase 2"


def _ink_in_middle(view: DraftView) -> int:
    image = view.viewport().grab().toImage()
    base = view.palette().color(QPalette.ColorRole.Base).rgb()
    w, h = image.width(), image.height()
    return sum(1 for x in range(w // 4, 3 * w // 4, 2) for y in range(h // 3, 2 * h // 3, 2)
               if image.pixel(x, y) != base)


def test_an_empty_draft_shows_where_to_drop(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini)
    view = win.draft.view
    win.editor.new_draft("Empty")
    qtbot.waitUntil(lambda: view.model().rowCount() == 0)
    assert view.acceptDrops()
    assert _ink_in_middle(view) > 50  # the drop area's words, in the middle of the draft
    assert EMPTY_DRAFT == "Drag provisions here, or select one and press Enter"
    assert EMPTY_DRAFT in view.accessibleDescription()


def _provision_drag(ids: list[str]) -> QMimeData:
    return encode_ids(PROVISION_MIME, ids, "")


def _drag_to(view: DraftView, data: QMimeData, at: QPoint) -> None:
    port = view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    QApplication.sendEvent(port, QDragEnterEvent(at, actions, data,
                                                 Qt.MouseButton.LeftButton,
                                                 Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(port, QDragMoveEvent(at, actions, data, Qt.MouseButton.LeftButton,
                                                Qt.KeyboardModifier.NoModifier))


def test_a_drag_shows_the_insertion_line_where_the_drop_lands(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini)
    view = win.draft.view
    assert view.drop_line() is None
    win.editor.remove_clause(3)  # "neutral" leaves the draft, to be dragged back in
    data = _provision_drag(["neutral"])
    second = view.visualRect(view.model().index(1, 0))
    at = QPoint(second.center().x(), second.top() + 2)
    _drag_to(view, data, at)
    line = view.drop_line()
    assert line is not None
    assert abs(line - second.top()) <= 1
    image = view.viewport().grab().toImage()
    accent = view.palette().color(QPalette.ColorRole.Highlight)
    assert QColor(image.pixel(second.center().x(), line)) == accent
    QApplication.sendEvent(view.viewport(), QDropEvent(
        QPointF(at), Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, data,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    draft = win.ws.draft
    assert draft is not None
    assert draft.clauses[1].provision == "neutral"  # it landed on the line
    assert view.drop_line() is None


def test_dropping_a_provision_already_there_says_so_and_selects_it(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini)
    view = win.draft.view
    win.draft.select_row(0)
    steps = win.ws.undo_stack.count()
    data = _provision_drag(["guarantee"])
    at = view.visualRect(view.model().index(0, 0)).center()
    _drag_to(view, data, at)
    QApplication.sendEvent(view.viewport(), QDropEvent(
        QPointF(at), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))
    assert win.ws.undo_stack.count() == steps  # nothing added twice
    assert win.draft.selected_provision() == "guarantee"
    message = win.statusBar().currentMessage()
    assert "“Security guarantee” is already in the draft, as clause 3" in message

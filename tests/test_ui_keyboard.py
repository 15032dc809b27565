"""The keyboard: Tab moves between fields and panels (never traps, never types a tab into the
clause note), Ctrl+F finds, F1 helps, and Help lists the shortcuts the actions really have."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.ui.help import all_actions, shortcut_rows
from desktop.ui.mainwindow import MainWindow
from tests.helpers.system import needs_x_display

WALK = Path(__file__).parent / "gui_scripts" / "keyboard_walk.py"


def _focus() -> QWidget | None:
    return QApplication.focusWidget()


def _inside(widget: QWidget | None, panel: QWidget) -> bool:
    while widget is not None:
        if widget is panel:
            return True
        widget = widget.parentWidget()
    return False


def test_tab_in_the_note_moves_on_without_an_undo_step(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini, active=True)
    win.draft.select_row(0)
    note = win.inspector.note
    note.setFocus()
    qtbot.waitUntil(lambda: note.hasFocus())
    steps = win.ws.undo_stack.count()
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert not note.hasFocus()
    assert "\t" not in note.note_text()
    assert win.ws.undo_stack.count() == steps
    assert win.ws.draft is not None
    assert win.ws.draft.clauses[0].note == ""
    # Shift+Tab comes back; Ctrl+Tab types the one literal tab a user may want.
    qtbot.keyClick(_focus(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: note.hasFocus())
    qtbot.keyClick(note, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert note.note_text() == "\t"
    assert note.hasFocus()


def test_ctrl_f_focuses_the_library_search(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini, active=True)
    win.draft.view.setFocus()
    qtbot.waitUntil(lambda: win.draft.view.hasFocus())
    win.library.search.setText("army")
    qtbot.keyClick(win.draft.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.library.search.hasFocus()
    assert win.library.search.selectedText() == "army"  # typing replaces the old search


def test_f1_opens_getting_started(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini, active=True)
    win.draft.view.setFocus()
    qtbot.keyClick(win.draft.view, Qt.Key.Key_F1)
    guide = win.findChild(QDialog, "GettingStarted")
    assert guide is not None
    assert guide.isVisible()
    browser = guide.findChild(QTextBrowser, "HelpText")
    assert browser is not None
    text = browser.toPlainText()
    for topic in ("Library", "Draft", "Inspector", "Red lines", "Drag", "satisfaction",
                  "✓ Accepts"):
        assert topic in text
    guide.close()


def test_keyboard_shortcuts_come_from_the_actions(
        main_window: Callable[..., MainWindow], mini: Scenario) -> None:
    win = main_window(mini)
    rows = shortcut_rows(win.menuBar())
    listed = {(command, keys) for _, command, keys in rows}
    with_keys = [a for a in all_actions(win.menuBar()) if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 10
    for action in with_keys:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(keys in k for c, k in listed if c in action.text().replace("&", "")), \
            action.text()
    commands = {c for c, _ in listed}
    assert {"Find in library", "Getting started", "Undo", "Move clause up"} <= commands
    win.show_shortcuts()
    dialog = win.findChild(QDialog, "KeyboardShortcuts")
    assert dialog is not None
    assert dialog.isVisible()
    browser = dialog.findChild(QTextBrowser, "HelpText")
    assert browser is not None
    text = browser.toPlainText()
    assert "Ctrl+F" in text
    assert "Find in library" in text
    assert "F1" in text
    assert "Delete" in text  # the draft's own key, beside the menus'
    dialog.close()


def test_tab_walks_through_every_panel_and_comes_back(
        main_window: Callable[..., MainWindow], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini, active=True)
    win.charts.build()
    win.draft.select_row(0)
    start = win.library.search
    start.setFocus()
    qtbot.waitUntil(lambda: start.hasFocus())
    panels = {"library": win.library, "draft": win.draft, "inspector": win.inspector,
              "red lines": win.redlines, "analysis": win.analysis}
    seen: list[QWidget] = []
    for _ in range(200):
        widget = _focus()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        now = _focus()
        assert now is not None
        assert now is not widget, f"Tab is trapped in {widget!r}"
        if now is start:
            break
        seen.append(now)
    else:
        raise AssertionError("Tab never came back to the library search")
    reached = {name for name, panel in panels.items() if any(_inside(w, panel) for w in seen)}
    assert reached == set(panels)
    # The panels come in reading order: library, draft, inspector, red lines, analysis.
    first = [next(i for i, w in enumerate(seen) if _inside(w, panels[n]))
             for n in ("draft", "inspector", "red lines", "analysis")]
    assert first == sorted(first)
    # Shift+Tab walks back the same way.
    qtbot.keyClick(start, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _focus() is seen[-1]


@needs_x_display
def test_keyboard_walk_on_a_real_display() -> None:
    """The same walk on Qt's xcb platform under Xvfb (tests/gui_scripts/keyboard_walk.py)."""
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, str(WALK)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["platform"] == "xcb"
    assert outcome["order"] == ["library", "draft", "inspector", "red lines", "analysis"]
    assert outcome["back"]
    assert outcome["note"]

"""The keyboard walk on a real X display (Xvfb): Tab through the main window and back.

Run by tests/test_ui_keyboard.py through xvfb-run, on Qt's xcb platform where focus and the
active window behave as on a desktop. Prints one JSON line with what happened and exits 0 when
Tab visited every panel in reading order, came back to the start without getting trapped, and
Tab in the clause note moved on instead of typing a tab.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.domain import parse_scenario  # noqa: E402
from desktop.ui.mainwindow import MainWindow  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402


def _inside(widget: QWidget | None, panel: QWidget) -> bool:
    while widget is not None:
        if widget is panel:
            return True
        widget = widget.parentWidget()
    return False


def main() -> int:
    app = QApplication(sys.argv)
    scenario = parse_scenario((ROOT / "tests" / "data" / "mini.json").read_bytes())
    tmp = Path(tempfile.mkdtemp())
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Workspace(scenario), settings, tmp / "recovery")
    win.resize(1200, 800)
    win.show()
    win.activateWindow()
    QTest.qWaitForWindowActive(win, 5000)
    win.charts.build()
    win.draft.select_row(0)
    app.processEvents()
    panels = {"library": win.library, "draft": win.draft, "inspector": win.inspector,
              "red lines": win.redlines, "analysis": win.analysis}
    start = win.library.search
    start.setFocus()
    app.processEvents()
    order: list[str] = []
    trapped, back = False, False
    for _ in range(200):
        widget = QApplication.focusWidget()
        if widget is None:
            break
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        app.processEvents()
        now = QApplication.focusWidget()
        if now is widget:
            trapped = True
            break
        if now is start:
            back = True
            break
        for name, panel in panels.items():
            if _inside(now, panel) and name not in order:
                order.append(name)
    note = win.inspector.note
    note.setFocus()
    app.processEvents()
    steps = win.ws.undo_stack.count()
    QTest.keyClick(note, Qt.Key.Key_Tab)
    app.processEvents()
    note_ok = not note.hasFocus() and "\t" not in note.note_text() \
        and win.ws.undo_stack.count() == steps
    result = {"platform": QApplication.platformName(), "order": order, "trapped": trapped,
              "back": back, "note": note_ok}
    print(json.dumps(result))  # noqa: T201  # the parent test reads this line
    win.ws.undo_stack.setClean()
    win.close()
    ok = (order == list(panels) and back and not trapped and note_ok)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

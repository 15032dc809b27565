"""A real mouse drag (QDrag) from the library into the draft, on a real X display (Xvfb).

Run by tests/test_ui_real_drag.py through xvfb-run: offscreen Qt cannot run a drag loop, so this
needs the xcb platform. Prints one JSON line with what happened and exits 0 when the dragged
provision landed in the draft at the drop position.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QCursor, QDrag
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.domain import parse_scenario  # noqa: E402
from desktop.ui.commands import Editor  # noqa: E402
from desktop.ui.draft import DraftPanel  # noqa: E402
from desktop.ui.library import LibraryPanel  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402


def main() -> int:
    app = QApplication(sys.argv)
    scenario = parse_scenario((ROOT / "tests" / "data" / "mini.json").read_bytes())
    ws = Workspace(scenario)
    editor = Editor(ws)
    window = QWidget()
    library = LibraryPanel(ws, editor, window)
    draft = DraftPanel(ws, editor, window)
    layout = QHBoxLayout(window)
    layout.addWidget(library)
    layout.addWidget(draft)
    window.resize(1100, 700)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()

    tree = library.tree
    source = library.proxy.mapFromSource(library.model.index_of("intl-monitoring"))
    start = tree.visualRect(source).center()
    view = draft.view
    target_rect = view.visualRect(view.model().index(1, 0))
    drop_at = QPoint(target_rect.center().x(), target_rect.top() + 3)

    result: dict[str, object] = {}

    def finish_drag() -> None:
        # Runs inside QDrag's event loop: move over the draft and release there.
        target_global = view.viewport().mapToGlobal(drop_at)
        for step in range(1, 11):
            here = view.viewport().mapToGlobal(QPoint(drop_at.x(), drop_at.y() - 40 + 4 * step))
            QCursor.setPos(here)
            QTest.mouseMove(view.viewport(), view.viewport().mapFromGlobal(here), 10)
        QCursor.setPos(target_global)
        QTest.mouseMove(view.viewport(), drop_at, 20)
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, drop_at, 20)

    QTimer.singleShot(300, finish_drag)
    QTimer.singleShot(8000, lambda: QDrag.cancel())  # never hang the test run
    QTimer.singleShot(10000, app.quit)

    QCursor.setPos(tree.viewport().mapToGlobal(start))
    QTest.mousePress(tree.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, start)
    distance = QApplication.startDragDistance()
    for step in (1, 2, 3):
        p = start + QPoint(distance * step, distance * step)
        QCursor.setPos(tree.viewport().mapToGlobal(p))
        QTest.mouseMove(tree.viewport(), p, 20)
    app.processEvents()

    assert ws.draft is not None
    result["clauses"] = [c.provision for c in ws.draft.clauses]
    result["platform"] = QApplication.platformName()
    print(json.dumps(result))  # noqa: T201  # the parent test reads this line
    ok = result["clauses"] == ["army-cap", "intl-monitoring", "withdrawal", "guarantee",
                               "neutral"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

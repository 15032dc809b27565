"""Render the main window and an editor to PNG, as a person sees them (``make screenshots``).

    python -m benchmarks.screenshots            # the README's screenshots into docs/screenshots
    python -m benchmarks.screenshots --all DIR  # every size and palette, light and dark, into DIR

The window is built offscreen on the default scenario at the sizes a negotiator's screen has
(1280×800 and 1920×1080), in Qt's Fusion style with its light palette or a dark one, with a
draft chosen to show violations; look at the images after any visible change.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.mainwindow import MainWindow

#: The README's: (file, width, height, draft, dark, the provision editor's file or "")
SHOTS = (
    ("main-1280x800-us28.png", 1280, 800, "us-28", False, "editor-1280x800.png"),
    ("main-1920x1080-twenty-point.png", 1920, 1080, "twenty-point", False, ""),
    ("main-1280x800-dark.png", 1280, 800, "twenty-point", True, ""),
)
#: The README's Precedents tab: (file, width, height, draft, the clauses checked in it)
PRECEDENTS = ("precedents-1920x1080.png", 1920, 1080, "twenty-point",
              ("monitoring", "mnf-ukraine"))
#: The README's bridge finder (#16): (file, width, height, draft), after deleting the army
#: ceiling (the strip and the notice show Russia's flip), with the largest group's proposal.
BRIDGE = ("bridge-1280x800-us28.png", 1280, 800, "us-28")
SIZES = ((1280, 800), (1920, 1080))
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def _app(dark: bool) -> object:
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from desktop.ui.app import make_application
    from desktop.ui.look import dark_palette, readable

    app = make_application()
    assert isinstance(app, QApplication)
    style = QStyleFactory.create("Fusion")
    app.setStyle(style)
    app.setPalette(dark_palette() if dark else readable(style.standardPalette()))
    return app


@contextlib.contextmanager
def _shown_window(width: int, height: int, draft: str, dark: bool
                  ) -> Iterator[tuple[QApplication, MainWindow]]:
    """The main window on the default scenario's ``draft``, shown at ``width``×``height``
    with its charts built (the app builds them just after the first paint); closed, its edits
    counted as saved, when the block ends."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.domain import parse_scenario
    from desktop.resources import default_scenario_path
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.workspace import Workspace

    app = _app(dark)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(parse_scenario(default_scenario_path().read_bytes()))
        ws.switch_draft(draft)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ws, settings, Path(tmp) / "recovery")
        window.resize(width, height)
        window.apply_default_sizes()
        window.show()
        window.charts.build()
        app.processEvents()
        try:
            yield app, window
        finally:
            ws.undo_stack.setClean()
            window.close()


def render(path: Path, width: int, height: int, draft: str, dark: bool = False,
           editor: Path | None = None) -> None:
    """The main window at ``width``×``height`` on ``draft``; with ``editor``, also the
    provision editor on the first clause, over the window, into that file."""
    with _shown_window(width, height, draft, dark) as (app, window):
        window.library.select_provision("army-cap")  # its details, below the library
        window.draft.select_row(4 if draft == "us-28" else 0)
        app.processEvents()
        window.grab().save(str(path))
        if editor is not None:
            dialog = window.editing.edit_provision(window.draft.selected_provision())
            if dialog is not None:
                dialog.resize(min(900, width - 80), min(700, height - 80))
                app.processEvents()
                dialog.grab().save(str(editor))
                dialog.close()


def render_precedents(path: Path, width: int, height: int, draft: str,
                      checked: tuple[str, ...]) -> None:
    """The main window with its Precedents tab on ``checked`` clauses of ``draft`` (#18)."""
    with _shown_window(width, height, draft, False) as (app, window):
        window.analysis.setCurrentWidget(window.precedents_page)
        window.right.setSizes([int(height * 0.3), int(height * 0.7)])
        app.processEvents()
        window.draft.select_provision(checked[0])
        window.precedents.set_checked(list(checked))
        app.processEvents()
        window.grab().save(str(path))


def render_bridge(path: Path, width: int, height: int, draft: str, dark: bool = False) -> None:
    """The main window with the verdict strip, a change notice and the bridge finder showing
    a proposal: the army ceiling deleted from ``draft``, then the real solver run (#16)."""
    with _shown_window(width, height, draft, dark) as (app, window):
        current = window.ws.draft
        assert current is not None
        rows = [c.provision for c in current.clauses]
        if "army-cap" in rows:
            window.editor.remove_clause(rows.index("army-cap"))
        window.analysis.setCurrentWidget(window.bridge)
        window.bridge.find_bridge()
        window.bridge.wait_idle(120_000)
        for _ in range(3):  # rows added to a shown layout show on a later pass
            app.processEvents()
        window.grab().save(str(path))


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if len(argv) == 2 and argv[0] == "--all":
        out = Path(argv[1])
        out.mkdir(parents=True, exist_ok=True)
        for dark in (False, True):
            for width, height in SIZES:
                tone = "dark" if dark else "light"
                main_png = out / f"main-{width}x{height}-{tone}.png"
                editor_png = out / f"editor-{width}x{height}-{tone}.png"
                render(main_png, width, height, "us-28", dark, editor_png)
                print(f"wrote {main_png} and {editor_png}")
                bridge_png = out / f"bridge-{width}x{height}-{tone}.png"
                render_bridge(bridge_png, width, height, "us-28", dark)
                print(f"wrote {bridge_png}")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, width, height, draft, dark, editor in SHOTS:
        render(OUT / name, width, height, draft, dark, OUT / editor if editor else None)
        print(f"wrote {OUT / name}" + (f" and {OUT / editor}" if editor else ""))
    name, width, height, draft, checked = PRECEDENTS
    render_precedents(OUT / name, width, height, draft, checked)
    print(f"wrote {OUT / name}")
    name, width, height, draft = BRIDGE
    render_bridge(OUT / name, width, height, draft)
    print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

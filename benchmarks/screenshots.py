"""Render the main window to PNG, as a person sees it (``make screenshots``).

    python -m benchmarks.screenshots            # the README's screenshots into docs/screenshots

The window is built offscreen on the default scenario at the sizes a negotiator's screen has,
with a draft chosen to show violations; look at the images after any visible change.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SHOTS = (
    ("main-1280x800-us28.png", 1280, 800, "us-28"),
    ("main-1920x1080-twenty-point.png", 1920, 1080, "twenty-point"),
)
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def render(path: Path, width: int, height: int, draft: str) -> None:
    from PySide6.QtCore import QSettings

    from desktop.domain import parse_scenario
    from desktop.resources import default_scenario_path
    from desktop.ui.app import make_application
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.workspace import Workspace

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(parse_scenario(default_scenario_path().read_bytes()))
        ws.switch_draft(draft)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(ws, settings, Path(tmp) / "recovery")
        window.resize(width, height)
        window.apply_default_sizes()
        window.show()
        window.charts.build()  # the app builds them just after the first paint
        app.processEvents()
        window.draft.select_row(0)
        app.processEvents()
        window.grab().save(str(path))
        window.close()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, width, height, draft in SHOTS:
        render(OUT / name, width, height, draft)
        print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

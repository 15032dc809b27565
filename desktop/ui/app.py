"""Start the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.resources import resource_path
from desktop.ui.files import empty_scenario
from desktop.ui.mainwindow import MainWindow, open_startup
from desktop.ui.workspace import Workspace


def recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".accord") / "recovery"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    app.setOrganizationName("Accord")
    app.setApplicationName("Accord")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.accord.Accord")  # resources/linux/org.accord.Accord.desktop
    app.setWindowIcon(QIcon(str(resource_path("icons/accord.svg"))))
    return app


def build_window(file: Path | None, settings: QSettings | None = None,
                 recovery: Path | None = None) -> MainWindow:
    workspace = Workspace(empty_scenario())
    window = MainWindow(workspace, settings or QSettings(), recovery or recovery_dir())
    open_startup(window, file)
    return window


def has_display() -> bool:
    """Qt aborts the process without a display; say so plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(file: Path | None = None) -> int:
    if not has_display():
        print("accord: no display found (DISPLAY is not set). Run it in a desktop session, "
              "under xvfb-run, or with QT_QPA_PLATFORM=offscreen.", file=sys.stderr)
        return 2
    app = make_application()
    window = build_window(file)
    window.show()
    return app.exec()

"""Start the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path
from desktop.ui.files import empty_scenario
from desktop.ui.i18n import install_translators
from desktop.ui.look import make_readable
from desktop.ui.mainwindow import MainWindow, open_startup
from desktop.ui.system import APP_ID, identify, recovery_dir
from desktop.ui.workspace import Workspace


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv or [sys.argv[0]])
    install_translators(app)  # Qt's standard buttons and Accord's text (desktop.ui.i18n)
    identify(app)  # organization, its domain, name, version: where settings and data live
    app.setDesktopFileName(APP_ID)  # resources/linux/org.accord.Accord.desktop
    app.setWindowIcon(QIcon(str(resource_path("icons/accord.svg"))))
    make_readable(app)  # every text colour at 4.5:1 or more, light or dark (desktop.ui.look)
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
    from desktop.ui.crash import reporting_crashes

    with reporting_crashes() as crashes:  # the log, and a plain dialog for internal errors
        window = build_window(file)
        crashes.attach(window, window.files.autosave)
        window.show()
        return crashes.exited(app.exec())

"""Shared fixtures. Qt runs offscreen in every test (pytest-qt also reads qt_log_level_fail).

The GUI fixtures (``ws``, ``editor``, ``settings``, ``prompter``, ``main_window``, ``window``)
import Qt only when a test asks for them: the domain and store tests run without it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.domain import Scenario, parse_scenario
from desktop.resources import default_scenario_path
from desktop.store import save_document

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from pytestqt.qtbot import QtBot

    from desktop.ui.commands import Editor
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.workspace import Workspace
    from tests.test_ui_mainwindow import FakePrompter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def mini_json() -> bytes:
    return (DATA / "mini.json").read_bytes()


@pytest.fixture
def mini(mini_json: bytes) -> Scenario:
    """The small two-party scenario of tests/data/mini.json."""
    return parse_scenario(mini_json)


@pytest.fixture(scope="session")
def ukraine() -> Scenario:
    """The default scenario (the Ukraine 2025 template), read once: scenarios are immutable."""
    return parse_scenario(default_scenario_path().read_bytes())


@pytest.fixture
def saved(tmp_path: Path, mini: Scenario) -> Path:
    """``mini`` saved as a document."""
    path = tmp_path / "mini.accord"
    save_document(mini, path)
    return path


@pytest.fixture
def shared_folders() -> Iterator[tuple[Path, Path]]:
    """Two folders another user can reach (pytest's tmp_path is private to root): one only
    root may write, one anybody may write."""
    base = Path(tempfile.mkdtemp(prefix="accord-perm-", dir="/tmp"))
    try:
        base.chmod(0o755)
        read_only, writable = base / "read-only", base / "writable"
        read_only.mkdir(mode=0o755)
        writable.mkdir()
        writable.chmod(0o777)
        yield read_only, writable
    finally:
        for p in sorted(base.rglob("*"), reverse=True):
            p.rmdir() if p.is_dir() and not p.is_symlink() else p.unlink()
        base.rmdir()


# --------------------------------------------------------------------------- the GUI


@pytest.fixture(autouse=True)
def _translations(request: pytest.FixtureRequest) -> None:
    """A test that runs Qt reads the text as the app shows it: Accord's English catalogue
    (its plural forms: "1 page", "2 pages") installed as ``make_application`` does, once. The
    locale is English whatever the machine's, so tests that read Qt's own button texts pass
    everywhere (tests/test_translation.py switches languages itself)."""
    if "qapp" not in request.fixturenames or _INSTALLED:
        return
    from PySide6.QtCore import QLocale

    from desktop.ui.i18n import install_translators

    _INSTALLED.extend(install_translators(request.getfixturevalue("qapp"),
                                          QLocale(QLocale.Language.English)))


_INSTALLED: list[object] = []  # the translators installed by _translations


@pytest.fixture
def ws(mini: Scenario, qtbot: QtBot) -> Workspace:
    """A workspace on ``mini`` (its first draft, d1, current)."""
    from desktop.ui.workspace import Workspace

    return Workspace(mini)


@pytest.fixture
def editor(ws: Workspace) -> Editor:
    from desktop.ui.commands import Editor

    return Editor(ws)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in an ini file of the test's own (never the user's)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def prompter() -> FakePrompter:
    """Answers the window's dialogs from a script (see FakePrompter)."""
    from tests.test_ui_mainwindow import FakePrompter

    return FakePrompter()


@pytest.fixture
def main_window(qtbot: QtBot, tmp_path: Path, settings: QSettings, prompter: FakePrompter
                ) -> Iterator[Callable[..., MainWindow]]:
    """Opens the main window on a scenario, shown at 1280x800 with ``settings`` and
    ``prompter``; ``active=True`` also makes it the active window (so that focus moves as it
    does for a user). Each closes at the end of the test without asking to save."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.workspace import Workspace

    opened: list[MainWindow] = []

    def open_window(scenario: Scenario, *, active: bool = False) -> MainWindow:
        win = MainWindow(Workspace(scenario), settings, tmp_path / "recovery", prompter)
        qtbot.addWidget(win)
        opened.append(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        if active:
            win.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        return win

    yield open_window
    for win in opened:
        win.ws.undo_stack.setClean()  # let the window close without a prompt


@pytest.fixture
def window(main_window: Callable[..., MainWindow], mini: Scenario) -> MainWindow:
    """The main window on ``mini``."""
    return main_window(mini)

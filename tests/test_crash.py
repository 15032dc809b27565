"""Accord's log and its crash dialog: a rotating log in the private log folder that names files
but never their folders or contents; an uncaught error is logged with its traceback and shown in
plain words (no traceback on screen), the work autosaved first; the app keeps running; a
failing dialog never recurses; nothing is sent anywhere.

pytest-qt turns an exception in a Qt slot into a test failure by swapping ``sys.excepthook``
for the test; the tests that raise in a slot on purpose switch that off
(``qt_no_exception_capture``) and install Accord's own hook instead, as ``run_app`` does.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.ui import crash
from desktop.ui.commands import Editor
from desktop.ui.crash import (
    LOG_BACKUPS,
    LOG_BYTES,
    CrashDialog,
    CrashReporter,
    QtCrashPrompter,
    reporting_crashes,
    start_logging,
    stop_logging,
)
from desktop.ui.files import DocumentController
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter

POSIX = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="file modes are POSIX")
#: What no dialog may show: a traceback's lines, the code's names, the error's own text.
TRACEBACK_SIGNS = ("Traceback", 'File "', "line ", "Error", "raise", "_in_a_slot",
                   "the inner detail")


@dataclass
class FakeCrashPrompter:
    """Records what the crash dialog would have said, and in which thread."""

    quit_answer: bool = False
    messages: list[str] = field(default_factory=list)
    log_files: list[Path | None] = field(default_factory=list)
    in_gui_thread: list[bool] = field(default_factory=list)
    during: Callable[[], None] | None = None  # runs while the "dialog" is open

    def report_crash(self, message: str, log_file: Path | None) -> bool:
        self.messages.append(message)
        self.log_files.append(log_file)
        app = QApplication.instance()
        self.in_gui_thread.append(app is not None and QThread.currentThread() is app.thread())
        if self.during is not None:
            self.during()
        return self.quit_answer


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    """A log started in a folder of the test's own: the log file."""
    log_file = start_logging(tmp_path / "logs")
    assert log_file is not None
    yield log_file
    stop_logging()


@pytest.fixture
def reporter(logs: Path, qtbot: QtBot) -> Iterator[tuple[CrashReporter, FakeCrashPrompter]]:
    prompter = FakeCrashPrompter()
    rep = CrashReporter(logs, prompter)
    window = QWidget()
    qtbot.addWidget(window)
    rep.attach(window, lambda: True)
    rep.install()
    yield rep, prompter
    rep.uninstall()


def _in_a_slot() -> None:
    raise RuntimeError("the inner detail of what broke")


def _log_text(log_file: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the log


@POSIX
def test_the_log_is_private_and_rotates(logs: Path) -> None:
    assert logs.name == "accord.log"
    assert logs.parent.stat().st_mode & 0o777 == 0o700
    assert logs.stat().st_mode & 0o777 == 0o600
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, crash.PrivateRotatingFileHandler))
    assert (handler.maxBytes, handler.backupCount) == (LOG_BYTES, LOG_BACKUPS) == (1_000_000, 5)
    log = logging.getLogger("desktop.test")
    for i in range(7_500):  # about 7.5 MB: rotated past the five kept
        log.info("line %d %s", i, "x" * 1000)
    names = sorted(p.name for p in logs.parent.iterdir())
    assert names == ["accord.log", *(f"accord.log.{n}" for n in range(1, 6))]
    for p in logs.parent.iterdir():
        assert p.stat().st_size <= LOG_BYTES + 2_000
        assert p.stat().st_mode & 0o777 == 0o600


def test_start_and_stop_are_logged(tmp_path: Path) -> None:
    from desktop import __version__

    log_file = start_logging(tmp_path / "logs")
    assert log_file is not None
    stop_logging(0)
    text = log_file.read_text(encoding="utf-8")
    assert f"Accord {__version__} started" in text
    assert "Accord stopped (exit code 0)" in text
    assert not any(isinstance(h, crash.PrivateRotatingFileHandler)
                   for h in logging.getLogger().handlers)


def test_a_linked_log_file_is_never_written(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me")
    (folder / "accord.log").symlink_to(target)
    assert start_logging(folder) is None  # Accord runs without a log
    assert target.read_text() == "keep me"
    assert "no log is kept" in capsys.readouterr().err
    (folder / "accord.log").unlink()
    linked = tmp_path / "linked-logs"
    linked.symlink_to(folder)
    assert start_logging(linked) is None  # nor a linked log folder


def test_files_are_logged_by_name_never_by_folder_or_content(
    logs: Path, qtbot: QtBot, tmp_path: Path, mini: Scenario
) -> None:
    folder = tmp_path / "secret-talks-folder"
    folder.mkdir()
    ws = Workspace(mini)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    files = DocumentController(ws, settings, FakePrompter(), tmp_path / "recovery", parent=ws)
    Editor(ws).add_clause("intl-monitoring")
    doc = folder / "deal.accord"
    assert files.save_as(doc)
    assert files.open(doc)
    assert not files.open(folder / "missing.accord")
    files.close()
    text = _log_text(logs)
    assert "Saved deal.accord" in text
    assert "Opened deal.accord" in text
    assert "Could not open missing.accord" in text
    assert "secret-talks-folder" not in text
    for content in (mini.title, *(p.title for p in mini.provisions), "intl-monitoring"):
        assert content not in text


# --------------------------------------------------------------------------- the hook


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_shown_in_plain_words(
    reporter: tuple[CrashReporter, FakeCrashPrompter], logs: Path, qtbot: QtBot
) -> None:
    _rep, prompter = reporter
    QTimer.singleShot(0, _in_a_slot)
    qtbot.waitUntil(lambda: len(prompter.messages) == 1)

    text = _log_text(logs)
    assert "Uncaught error" in text
    assert "Traceback (most recent call last)" in text
    assert "in _in_a_slot" in text
    assert "RuntimeError: the inner detail of what broke" in text

    message = prompter.messages[0]
    assert message.startswith("Accord hit an internal error")
    assert "recovery file" in message
    assert str(logs) in message
    assert "nothing was sent anywhere" in message
    for sign in TRACEBACK_SIGNS:
        assert sign not in message.replace(str(logs), "<the log file>")
    assert prompter.log_files == [logs]
    assert prompter.in_gui_thread == [True]

    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))  # the app keeps running
    qtbot.waitUntil(lambda: ran == [True])


@pytest.mark.qt_no_exception_capture
def test_a_repeating_error_is_shown_once_and_logged_each_time(
    reporter: tuple[CrashReporter, FakeCrashPrompter], logs: Path, qtbot: QtBot
) -> None:
    _rep, prompter = reporter
    for _ in range(3):
        QTimer.singleShot(0, _in_a_slot)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: _log_text(logs).count("RuntimeError: the inner") == 3)
    assert len(prompter.messages) == 1


@pytest.mark.qt_no_exception_capture
def test_an_error_while_the_dialog_is_open_is_only_logged(
    reporter: tuple[CrashReporter, FakeCrashPrompter], logs: Path, qtbot: QtBot
) -> None:
    rep, prompter = reporter

    def another_error() -> None:
        empty: dict[str, int] = {}
        try:
            empty["missing"]
        except KeyError as err:
            rep.handle(type(err), err, err.__traceback__)

    prompter.during = another_error
    QTimer.singleShot(0, _in_a_slot)
    qtbot.waitUntil(lambda: len(prompter.messages) == 1)
    assert "KeyError: 'missing'" in _log_text(logs)
    assert len(prompter.messages) == 1


@pytest.mark.qt_no_exception_capture
def test_a_failing_dialog_is_logged_and_never_recurses(logs: Path, qtbot: QtBot) -> None:
    calls: list[str] = []

    class BrokenPrompter:
        def report_crash(self, message: str, log_file: Path | None) -> bool:
            calls.append(message)
            raise ValueError("the dialog broke")

    rep = CrashReporter(logs, BrokenPrompter())
    rep.install()
    try:
        QTimer.singleShot(0, _in_a_slot)
        qtbot.waitUntil(lambda: "The error could not be reported" in _log_text(logs))
        assert len(calls) == 1
        assert "ValueError: the dialog broke" in _log_text(logs)

        def other() -> None:
            raise LookupError("later")

        QTimer.singleShot(0, other)  # a later error is still reported
        qtbot.waitUntil(lambda: len(calls) == 2)
    finally:
        rep.uninstall()


def test_an_error_in_a_thread_is_shown_by_the_gui_thread(
    reporter: tuple[CrashReporter, FakeCrashPrompter], logs: Path, qtbot: QtBot
) -> None:
    _rep, prompter = reporter
    thread = threading.Thread(target=_in_a_slot, name="solver-test")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(prompter.messages) == 1)
    assert prompter.in_gui_thread == [True]
    text = _log_text(logs)
    assert "Uncaught error in solver-test" in text
    assert "RuntimeError: the inner detail" in text


@pytest.mark.qt_no_exception_capture
def test_the_work_is_autosaved_before_the_dialog(
    logs: Path, qtbot: QtBot, tmp_path: Path, mini: Scenario
) -> None:
    ws = Workspace(mini)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    files = DocumentController(ws, settings, FakePrompter(), tmp_path / "recovery", parent=ws)
    Editor(ws).add_clause("intl-monitoring")
    prompter = FakeCrashPrompter(during=lambda: seen.append(files.recovery_file.exists()))
    seen: list[bool] = []
    rep = CrashReporter(logs, prompter)
    window = QWidget()
    qtbot.addWidget(window)
    rep.attach(window, files.autosave)
    rep.install()
    try:
        QTimer.singleShot(0, _in_a_slot)
        qtbot.waitUntil(lambda: len(prompter.messages) == 1)
    finally:
        rep.uninstall()
    assert seen == [True]
    assert "Your work is kept" in prompter.messages[0]

    def cannot_save() -> bool:
        raise OSError("disk gone")

    rep = CrashReporter(logs, prompter)
    rep.attach(window, cannot_save)
    rep.install()
    try:
        QTimer.singleShot(0, _in_a_slot)
        qtbot.waitUntil(lambda: len(prompter.messages) == 2)
    finally:
        rep.uninstall()
    assert "could not save your unsaved changes" in prompter.messages[1]
    assert "File → Save As" in prompter.messages[1]
    ws.undo_stack.setClean()
    files.close()


@pytest.mark.qt_no_exception_capture
def test_quit_closes_the_windows_the_normal_way(
    reporter: tuple[CrashReporter, FakeCrashPrompter], qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    _rep, prompter = reporter
    prompter.quit_answer = True
    done: list[str] = []
    monkeypatch.setattr(QApplication, "closeAllWindows", lambda: done.append("close"))
    monkeypatch.setattr(QCoreApplication, "quit", lambda: done.append("quit"))
    QTimer.singleShot(0, _in_a_slot)
    qtbot.waitUntil(lambda: done == ["close", "quit"])


def test_reporting_crashes_installs_and_removes_the_hooks(tmp_path: Path) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    with reporting_crashes(FakeCrashPrompter(), tmp_path / "logs") as rep:
        assert sys.excepthook == rep.handle
        assert threading.excepthook == rep.handle_thread
        rep.exited(0)
    assert (sys.excepthook, threading.excepthook) == before
    text = (tmp_path / "logs" / "accord.log").read_text(encoding="utf-8")
    assert "started" in text
    assert "stopped (exit code 0)" in text


# --------------------------------------------------------------------------- the dialog


def test_the_crash_dialog_offers_the_log_and_shows_no_traceback(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_file = tmp_path / "logs" / "accord.log"
    message = crash.crash_message(True, log_file)
    dialog = CrashDialog(message, log_file, None)
    qtbot.addWidget(dialog)
    assert dialog.text.text() == message
    for sign in TRACEBACK_SIGNS:
        assert sign not in dialog.text.text().replace(str(log_file), "<the log file>")
    assert {b.text() for b in dialog.buttons.buttons()} == {
        "Open log folder", "Copy log file path", "Quit Accord", "Keep working"}

    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog.open_folder.click()
    assert [u.toLocalFile() for u in opened] == [str(log_file.parent)]
    dialog.copy_path.click()
    assert QGuiApplication.clipboard().text() == str(log_file)
    assert dialog.result() == 0  # neither button closes it


@pytest.mark.parametrize(("button", "quits"), [("quit_button", True), ("keep", False)])
def test_the_real_dialog_answers_quit_or_keep_working(qtbot: QtBot, tmp_path: Path,
                                                      button: str, quits: bool) -> None:
    def press() -> None:
        modal = QApplication.activeModalWidget()
        assert isinstance(modal, CrashDialog)
        getattr(modal, button).click()

    QTimer.singleShot(50, press)
    assert QtCrashPrompter(None).report_crash("Accord hit an internal error.",
                                              tmp_path / "accord.log") is quits


def test_without_a_log_the_dialog_says_so(qtbot: QtBot) -> None:
    message = crash.crash_message(False, None)
    assert "keeps no log file" in message
    dialog = CrashDialog(message, None, None)
    qtbot.addWidget(dialog)
    assert not dialog.open_folder.isEnabled()
    assert not dialog.copy_path.isEnabled()

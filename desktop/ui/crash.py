"""Accord's log, and what the user sees when Accord itself fails.

The log
    :func:`start_logging` (called when the window starts, never by the CLI) writes Python's
    ``logging`` to ``accord.log`` in the private ``logs`` folder of the local app data folder
    (:mod:`desktop.ui.system`), rotated at 1 MB with 5 older files kept. It records start and
    stop, which files were opened, saved, imported or exported and why one could not be (by
    file name only: never a folder, never a document's contents), and every uncaught error with
    its traceback. A hard crash of the process (a fault in Qt) writes the Python stacks to
    ``faults.log`` beside it. The log stays on this computer: nothing is sent anywhere.

The crash dialog
    :class:`CrashReporter` replaces ``sys.excepthook`` and ``threading.excepthook``. An
    uncaught error (in a slot, an event handler or a thread) is logged with its traceback; the
    open work is autosaved to its recovery file; then a dialog says in plain words what
    happened and where the log is, with buttons that open the log folder or copy the log
    file's path, and no traceback on screen. The user keeps working or quits (the window still
    asks to save). One error shows its dialog once per session (a repeating error is only
    logged again), an error while the dialog is open is only logged, and an error in the
    reporting itself is logged, never reported again: it cannot recurse.

Cheap to import: the standard library's logging and Qt's modules the window has loaded anyway.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import logging
import os
import stat
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui.i18n import InheritedTr
from desktop.ui.system import log_dir, private_folder

LOG_NAME = "accord.log"
FAULTS_NAME = "faults.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Log files are this user's only, and never written through a link.
_FILE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
_FILE_MODE = 0o600

_log = logging.getLogger("desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


# --------------------------------------------------------------------------- the log


def open_private(path: Path) -> io.TextIOWrapper:
    """Open ``path`` to append text, for this user only; a link or anything but a regular
    file there is refused (``OSError``)."""
    if not hasattr(os, "O_NOFOLLOW") and os.path.islink(path):  # Windows: look first
        raise OSError(f"{path}: it is a link, which Accord never makes")
    fd = os.open(path, _FILE_FLAGS, _FILE_MODE)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: it is not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, "a", encoding="utf-8", errors="backslashreplace")
    except BaseException:
        os.close(fd)
        raise


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log file opened by :func:`open_private`."""

    def _open(self) -> io.TextIOWrapper:
        return open_private(Path(self.baseFilename))


class _Logging:
    """What :func:`start_logging` set up, for :func:`stop_logging` to take down."""

    handler: logging.Handler | None = None
    faults: io.TextIOWrapper | None = None


def start_logging(folder: Path | None = None) -> Path | None:
    """Log to ``accord.log`` in ``folder`` (the app's log folder by default): the log file, or
    None when no log can be kept there (then nothing is logged to a file, and Accord runs)."""
    stop_logging()
    folder = log_dir() if folder is None else folder
    log_file = folder / LOG_NAME
    try:
        private_folder(folder)
        handler = PrivateRotatingFileHandler(log_file, maxBytes=LOG_BYTES,
                                             backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError as err:
        print(f"accord: no log is kept: {err}", file=sys.stderr)  # noqa: T201 -- no log yet
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(logging.INFO)
    logging.getLogger().addHandler(handler)
    logging.getLogger("desktop").setLevel(logging.INFO)
    logging.captureWarnings(True)
    _Logging.handler = handler
    if not faulthandler.is_enabled():  # (a test runner may have its own)
        with contextlib.suppress(OSError):
            _Logging.faults = open_private(folder / FAULTS_NAME)
            faulthandler.enable(_Logging.faults, all_threads=True)
    _log.info("Accord %s started (Python %s, Qt %s, %s)", __version__,
              sys.version.split()[0], qVersion(), sys.platform)
    return log_file


def stop_logging(exit_code: int | None = None) -> None:
    """Log the stop and close the log files (safe to call when nothing was started)."""
    handler, _Logging.handler = _Logging.handler, None
    if handler is not None:
        _log.info("Accord stopped" + ("" if exit_code is None else f" (exit code {exit_code})"))
        logging.getLogger().removeHandler(handler)
        logging.getLogger("desktop").setLevel(logging.NOTSET)
        handler.close()
        logging.captureWarnings(False)
    faults, _Logging.faults = _Logging.faults, None
    if faults is not None:
        faulthandler.disable()
        faults.close()


# --------------------------------------------------------------------------- the dialog


class CrashPrompter(Protocol):
    def report_crash(self, message: str, log_file: Path | None) -> bool:
        """Show ``message``; True when the user chose to quit."""
        ...


def crash_message(work_saved: bool, log_file: Path | None) -> str:
    """What the dialog says: what happened, where the work is, where the log is."""
    translate = QCoreApplication.translate
    if work_saved:
        work = translate(
            "CrashDialog", "Your work is kept: any unsaved changes were saved to a recovery "
            "file, and if Accord has to close they are offered back the next time it starts.")
    else:
        work = translate(
            "CrashDialog", "Accord could not save your unsaved changes to a recovery file: save "
            "your work now under a new name (File → Save As…).")
    if log_file is not None:
        log = translate(
            "CrashDialog", "What went wrong is written in Accord's log file, {log_file}. It "
            "stays on this computer: nothing was sent anywhere.").format(log_file=log_file)
    else:
        log = translate("CrashDialog",
                        "Accord keeps no log file on this computer, and nothing was sent anywhere.")
    return translate(
        "CrashDialog", "Accord hit an internal error and could not finish what it was "
        "doing.\n\n{work}\n\nYou can keep working, or quit and start Accord again. {log}"
    ).format(work=work, log=log)


class CrashDialog(InheritedTr, QDialog):
    """The crash dialog: the message in plain words and what to do with the log."""

    QUIT = 2

    def __init__(self, message: str, log_file: Path | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accord hit an internal error"))
        self.log_file = log_file
        self.text = QLabel(message, self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(420)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        self.buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole
        self.open_folder = self.buttons.addButton(self.tr("Open log folder"), role.ActionRole)
        self.copy_path = self.buttons.addButton(self.tr("Copy log file path"), role.ActionRole)
        self.quit_button = self.buttons.addButton(self.tr("Quit Accord"), role.DestructiveRole)
        self.keep = self.buttons.addButton(self.tr("Keep working"), role.AcceptRole)
        for button in (self.open_folder, self.copy_path):
            button.setEnabled(log_file is not None)
        self.keep.setDefault(True)
        self.open_folder.clicked.connect(self.show_log_folder)
        self.copy_path.clicked.connect(self.copy_log_path)
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)

    def show_log_folder(self) -> bool:
        """Open the folder holding the log in the system's file manager."""
        if self.log_file is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))

    def copy_log_path(self) -> None:
        if self.log_file is not None:
            QGuiApplication.clipboard().setText(str(self.log_file))


class QtCrashPrompter:
    """The real crash dialog, over ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def report_crash(self, message: str, log_file: Path | None) -> bool:
        return CrashDialog(message, log_file, self.parent).exec() == CrashDialog.QUIT


# --------------------------------------------------------------------------- the hooks


def _signature(info: ExcInfo) -> str:
    """One error, however often it happens: its type and the line it was raised at."""
    frames = traceback.extract_tb(info[2]) if info[2] is not None else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{info[0].__module__}.{info[0].__qualname__}@{where}"


class CrashReporter(QObject):
    """Logs every uncaught error and tells the user in plain words (see the module)."""

    #: An error in another thread: shown by the GUI thread.
    _report = Signal(str)

    def __init__(self, log_file: Path | None, prompter: CrashPrompter | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.prompter: CrashPrompter = prompter if prompter is not None else QtCrashPrompter()
        #: Saves the open work to its recovery file; True when it is safe.
        self.save_work: Callable[[], bool] | None = None
        #: What ``app.exec()`` returned, for the log's last line.
        self.exit_code: int | None = None
        self._shown: set[str] = set()
        self._showing = False
        self._previous: tuple[object, object] | None = None
        self._report.connect(self._show)

    def attach(self, window: QWidget, save_work: Callable[[], bool]) -> None:
        """Report over ``window``, saving its work with ``save_work`` first."""
        self.save_work = save_work
        if isinstance(self.prompter, QtCrashPrompter):
            self.prompter.parent = window

    def exited(self, code: int) -> int:
        """Note the app's exit code (logged when the log stops) and return it."""
        self.exit_code = code
        return code

    def install(self) -> None:
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
            sys.excepthook = self.handle
            threading.excepthook = self.handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """``sys.excepthook``: log the error, then report it (from the GUI thread)."""
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            sys.__excepthook__(exc_type, exc, tb)
            return
        info: ExcInfo = (exc_type, exc, tb)
        _log.error("Uncaught error", exc_info=info)
        if self.log_file is None:  # no log: the traceback is printed (to a console, if any)
            sys.__excepthook__(exc_type, exc, tb)
        self._dispatch(_signature(info))

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: the same for an error that ends a thread."""
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        info: ExcInfo = (args.exc_type, args.exc_value, args.exc_traceback)
        name = args.thread.name if args.thread is not None else "a thread"
        _log.error("Uncaught error in %s", name, exc_info=info)
        self._dispatch(_signature(info))

    def _dispatch(self, signature: str) -> None:
        app = QCoreApplication.instance()
        if not isinstance(app, QApplication):
            return  # no windows to show a dialog with: logged only
        if QThread.currentThread() is app.thread():
            self._show(signature)
        else:
            self._report.emit(signature)  # queued to the GUI thread

    def _show(self, signature: str) -> None:
        if self._showing or signature in self._shown:
            return  # logged; one dialog at a time, once per error
        self._showing = True
        self._shown.add(signature)
        try:
            quit_now = self.prompter.report_crash(
                crash_message(self._save(), self.log_file), self.log_file)
        except Exception:
            _log.exception("The error could not be reported in a dialog")
            return
        finally:
            self._showing = False
        if quit_now:
            _log.info("Quitting after the error, as the user chose")
            QApplication.closeAllWindows()  # each window still asks to save
            QCoreApplication.quit()

    def _save(self) -> bool:
        if self.save_work is None:
            return False
        try:
            return self.save_work()
        except Exception:
            _log.exception("The work could not be saved to a recovery file after the error")
            return False


@contextlib.contextmanager
def reporting_crashes(prompter: CrashPrompter | None = None,
                      log_folder: Path | None = None) -> Iterator[CrashReporter]:
    """Keep the log and report uncaught errors for the duration of the app."""
    reporter = CrashReporter(start_logging(log_folder), prompter)
    reporter.install()
    try:
        yield reporter
    except Exception:
        _log.exception("Accord stopped on an error")
        raise
    finally:
        reporter.uninstall()
        stop_logging(reporter.exit_code)

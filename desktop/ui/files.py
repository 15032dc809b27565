"""Files: new, open, save, save as, recent files, JSON import/export, autosave and recovery.

All dialogs go through a :class:`Prompter`, so tests answer them without a person. Every
failure shows one message naming the file and the cause, and leaves the open document as it was.

Recovery: each session autosaves to its own ``recovery-<pid>-<random>.accord`` in the recovery
folder and holds that file's lock (:func:`desktop.store.lock_document`: ``flock``, ``msvcrt`` on
Windows) from its first autosave until it closes. The operating system drops the lock when the
process ends, however it ends, so a recovery file is a crashed session's exactly when its lock
can be taken: no process id is trusted (they are reused, and Windows cannot probe them).

The log (see :mod:`desktop.ui.crash`) gets what happened to which file, by name only: never a
folder, never a document's contents.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import stat
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from desktop.domain import FORMAT_VERSION, Scenario
from desktop.resources import default_scenario_path
from desktop.store import (
    DocumentError,
    DocumentInUse,
    DocumentLock,
    export_json,
    import_json,
    list_backups,
    lock_document,
    open_document,
    risky_location,
    save_document,
    save_with_backup,
    stale_sidecars,
)
from desktop.store.files import file_is_read_only, folder_is_read_only
from desktop.ui.i18n import InheritedTr
from desktop.ui.system import private_folder, storage_of
from desktop.ui.workspace import Workspace

MAX_RECENT = 10
DEFAULT_AUTOSAVE_MINUTES = 3

Answer = Literal["save", "discard", "cancel"]

_log = logging.getLogger(__name__)


class Prompter(Protocol):
    def ask_save_changes(self, name: str) -> Answer: ...
    def open_path(self, caption: str, file_filter: str) -> Path | None: ...
    def save_path(self, caption: str, file_filter: str, suggested: str) -> Path | None: ...
    def error(self, caption: str, message: str) -> None: ...
    def inform(self, caption: str, message: str) -> None: ...
    def offer_save_as(self, message: str) -> bool: ...
    def ask_restore(self, description: str) -> bool: ...
    def choose_backup(self, options: list[str]) -> int | None: ...
    # The library editors' questions:
    def confirm(self, caption: str, message: str, action: str) -> bool: ...
    def warn(self, caption: str, message: str) -> None: ...
    def choose(self, caption: str, label: str,
               options: Sequence[tuple[str, str]]) -> str | None: ...
    def pick_color(self, caption: str, initial: str) -> str | None: ...


class QtPrompter:
    """The real dialogs."""

    def __init__(self, parent: QWidget | None) -> None:
        self.parent = parent

    def ask_save_changes(self, name: str) -> Answer:
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("QtPrompter", "Unsaved changes"),
                          QCoreApplication.translate(
                              "QtPrompter", "“{name}” has changes that are not saved."
                          ).format(name=name), parent=self.parent)
        box.setInformativeText(QCoreApplication.translate("QtPrompter",
                                                          "Save them before closing?"))
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def open_path(self, caption: str, file_filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, caption, "", file_filter)
        return Path(path) if path else None

    def save_path(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, caption, suggested, file_filter)
        return Path(path) if path else None

    def error(self, caption: str, message: str) -> None:
        QMessageBox.critical(self.parent, caption, message)

    def inform(self, caption: str, message: str) -> None:
        QMessageBox.information(self.parent, caption, message)

    def offer_save_as(self, message: str) -> bool:
        answer = QMessageBox.warning(
            self.parent, QCoreApplication.translate("QtPrompter", "Could not save"),
            QCoreApplication.translate(
                "QtPrompter", "{message}\n\nSave to another file instead?"
            ).format(message=message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_restore(self, description: str) -> bool:
        answer = QMessageBox.question(
            self.parent, QCoreApplication.translate("QtPrompter", "Restore unsaved work?"),
            QCoreApplication.translate(
                "QtPrompter", "Accord did not close normally last time.\n\n{description}"
                "\n\nRestore this work?").format(description=description),
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose_backup(self, options: list[str]) -> int | None:
        choice, ok = QInputDialog.getItem(
            self.parent, QCoreApplication.translate("QtPrompter", "Revert to backup"),
            QCoreApplication.translate("QtPrompter", "Load this earlier version:"), options, 0,
            False)
        if not ok or choice not in options:
            return None
        return options.index(choice)

    # -- the library editors' questions; shown over the editor dialog when one is open

    def _owner(self) -> QWidget | None:
        """An editor dialog open over our window, if any (its question shows over it)."""
        modal = QApplication.activeModalWidget()
        widget = modal
        while widget is not None:
            if widget is self.parent:
                return modal
            widget = widget.parentWidget()
        return self.parent

    def _plain_box(self, icon: QMessageBox.Icon, caption: str, message: str) -> QMessageBox:
        box = QMessageBox(self._owner())
        box.setIcon(icon)
        box.setWindowTitle(caption)
        box.setTextFormat(Qt.TextFormat.PlainText)  # user text (titles, names) never as HTML
        box.setText(message)
        return box

    def confirm(self, caption: str, message: str, action: str) -> bool:
        """Ask before a destructive ``action`` ("Delete"); Cancel is the default."""
        box = self._plain_box(QMessageBox.Icon.Question, caption, message)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def warn(self, caption: str, message: str) -> None:
        box = self._plain_box(QMessageBox.Icon.Warning, caption, message)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def choose(self, caption: str, label: str,
               options: Sequence[tuple[str, str]]) -> str | None:
        """Pick one of ``options`` (key, shown text): the key, or None."""
        if not options:
            return None
        texts = [text for _key, text in options]
        text, ok = QInputDialog.getItem(self._owner(), caption, label, texts, 0, False)
        if not ok:
            return None
        return next((key for key, shown in options if shown == text), None)

    def pick_color(self, caption: str, initial: str) -> str | None:
        """A colour as ``#RRGGBB``, or None when cancelled."""
        color = QColorDialog.getColor(QColor(initial), self._owner(), caption)
        return color.name(QColor.NameFormat.HexRgb).upper() if color.isValid() else None


def empty_scenario() -> Scenario:
    return Scenario(format="accord.scenario", version=FORMAT_VERSION, title="Untitled scenario")


def load_template() -> Scenario:
    """The default Ukraine scenario that ships with Accord."""
    return import_json(default_scenario_path())


class DocumentController(InheritedTr, QObject):
    """Owns the link between the workspace and files on disk."""

    title_changed = Signal(str)
    recent_changed = Signal(list)
    status = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        prompter: Prompter,
        recovery_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.settings = settings
        self.prompter = prompter
        self.recovery_dir = recovery_dir
        #: This session's recovery file: a name no other session (even one that had this
        #: process id before) has used.
        session = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.recovery_file = recovery_dir / f"recovery-{session}.accord"
        #: Held from the first autosave until close: while it is, the recovery file is ours.
        self._recovery_lock: DocumentLock | None = None
        self._location_warned: set[Path] = set()
        #: This window's lock on the open document (None: unsaved, or no lock was possible).
        self._lock: DocumentLock | None = None
        #: Why the open document cannot be saved in place, or None if it can.
        self.read_only: str | None = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.set_autosave_minutes(self.autosave_minutes())
        workspace.undo_stack.cleanChanged.connect(lambda _clean: self._emit_title())
        self._emit_title()

    # -- naming

    @property
    def display_name(self) -> str:
        return self.ws.path.name if self.ws.path else self.tr("Untitled")

    def _emit_title(self) -> None:
        if self.read_only:
            title = self.tr("{name} (read-only)[*] — Accord")
        else:
            title = self.tr("{name}[*] — Accord")
        self.title_changed.emit(title.format(name=self.display_name))

    # -- the link to a file: one writer per document

    def _attach(self, path: Path | None) -> None:
        """Make ``path`` the open document's file: lock it for this window, or note why it is
        read-only and tell the user once. Releases the previous file."""
        previous = self._lock
        self._lock = None
        self.read_only = None
        if path is not None:
            if previous is not None and previous.is_for(path):
                self._lock, previous = previous, None  # the same file again: keep our lock
            else:
                try:
                    self._lock = lock_document(path)
                except DocumentInUse as err:
                    self.read_only = err.reason
                if self.read_only is None:
                    self.read_only = _why_read_only(path)
                if self.read_only is not None:
                    self.prompter.inform(
                        self.tr("Opened read-only"),
                        self.tr("{path}: {reason}.\n\nIt was opened read-only: you can "
                                "change it and keep your work with File → Save As."
                                ).format(path=path, reason=self.read_only))
        if previous is not None:
            previous.release()
        self._emit_title()

    def _warn_sidecars(self, path: Path) -> None:
        found = stale_sidecars(path)
        if found:
            names = ", ".join(f"“{p.name}”" for p in found)
            self.prompter.inform(
                self.tr("Leftover files beside the document"),
                self.tr("{path}: the file/files {names} beside it was/were left by another "
                        "program or a sync tool. Accord ignored it/them and opened the "
                        "document as it was last saved; it/they will be set aside (renamed, "
                        "not deleted) when you next save.", "", len(found)
                        ).format(path=path, names=names))

    # -- settings

    def autosave_minutes(self) -> int:
        value = self.settings.value("autosave/minutes", DEFAULT_AUTOSAVE_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            minutes = DEFAULT_AUTOSAVE_MINUTES
        return max(0, min(minutes, 120))

    def set_autosave_minutes(self, minutes: int) -> None:
        self.settings.setValue("autosave/minutes", minutes)
        if minutes > 0:
            self.autosave_timer.start(minutes * 60_000)
        else:
            self.autosave_timer.stop()

    def recent_files(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry] + [p for p in self.recent_files() if p != entry]
        self.settings.setValue("files/recent", recent[:MAX_RECENT])
        self.recent_changed.emit(recent[:MAX_RECENT])

    # -- guarded switches

    def maybe_discard(self) -> bool:
        """Before closing or replacing the document: Save / Discard / Cancel. True to go on."""
        if not self.ws.modified:
            return True
        answer = self.prompter.ask_save_changes(self.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new(self, template: bool = False) -> bool:
        if not self.maybe_discard():
            return False
        try:
            scenario = load_template() if template else empty_scenario()
        except DocumentError as err:
            self.prompter.error(self.tr("Could not load the template"), str(err))
            return False
        self.ws.reset(scenario, None)
        self._attach(None)
        self._drop_recovery()
        return True

    def open(self, path: Path | None = None) -> bool:
        if path is None:
            path = self.prompter.open_path(self.tr("Open document"),
                                           self.tr("Accord documents (*.accord)"))
            if path is None:
                return False
        if not self.maybe_discard():
            return False
        try:
            scenario = open_document(path)
        except DocumentError as err:
            _log.warning("Could not open %s: %s", path.name, err.reason)
            self.prompter.error(self.tr("Could not open the document"), str(err))
            return False
        self.ws.reset(scenario, path)
        self._attach(path)
        self._remember(path)
        self._drop_recovery()
        _log.info("Opened %s%s", path.name, " (read-only)" if self.read_only else "")
        opened = self.tr("Opened {name} (read-only)") if self.read_only else self.tr(
            "Opened {name}")
        self.status.emit(opened.format(name=path.name))
        self._warn_sidecars(path)
        self._warn_location(path)
        return True

    def import_json(self, path: Path | None = None) -> bool:
        """A JSON scenario becomes a new, unsaved document."""
        if path is None:
            path = self.prompter.open_path(self.tr("Import scenario"),
                                           self.tr("Accord scenarios (*.json)"))
            if path is None:
                return False
        if not self.maybe_discard():
            return False
        try:
            scenario = import_json(path)
        except DocumentError as err:
            _log.warning("Could not import %s: %s", path.name, err.reason)
            self.prompter.error(self.tr("Could not import the scenario"), str(err))
            return False
        _log.info("Imported %s", path.name)
        self.ws.reset(scenario, None)
        self.ws.undo_stack.resetClean()  # imported work is not saved anywhere yet
        self._attach(None)
        self.status.emit(self.tr("Imported {name}").format(name=path.name))
        return True

    # -- writing

    def save(self) -> bool:
        if self.ws.path is None:
            return self.save_as()
        if self.read_only is not None:
            if self.prompter.offer_save_as(f"{self.ws.path}: {self.read_only}"):
                return self.save_as()
            return False
        return self._write(self.ws.path)

    def save_as(self, path: Path | None = None) -> bool:
        if path is None:
            suggested = str(self.ws.path or Path.home() / self.tr("Untitled.accord"))
            path = self.prompter.save_path(self.tr("Save document as"),
                                           self.tr("Accord documents (*.accord)"), suggested)
            if path is None:
                return False
        if path.suffix != ".accord":
            path = path.with_name(path.name + ".accord")
        return self._write(path)

    def _same_as_open(self, path: Path) -> bool:
        # Two names (a link) for one file are the same document: one lock covers both.
        return self.ws.path is not None and (
            os.path.realpath(path) == os.path.realpath(self.ws.path))

    def _write(self, path: Path) -> bool:
        if not self._same_as_open(path) or self._lock is None:
            try:
                new_lock = lock_document(path)  # nobody else may have it open
            except DocumentInUse as err:
                self.prompter.error(self.tr("Could not save"),
                                    self.tr("{reason}; choose another name").format(reason=err))
                return False
        else:
            new_lock = None
        try:
            save_with_backup(self.ws.scenario, path, on_backup_error=lambda reason:
                             self.status.emit(self.tr("Backup failed: {reason}").format(
                                 reason=reason)))
        except DocumentError as err:
            if new_lock is not None:
                new_lock.release()
            _log.warning("Could not save %s: %s", path.name, err.reason)
            if self.prompter.offer_save_as(str(err)):
                return self.save_as()
            return False
        if new_lock is not None:
            if self._lock is not None:
                self._lock.release()
            self._lock = new_lock
        self.read_only = None
        self.ws.path = path
        self.ws.undo_stack.setClean()
        self._remember(path)
        self._drop_recovery()
        self._emit_title()
        _log.info("Saved %s", path.name)
        self.status.emit(self.tr("Saved {name}").format(name=path.name))
        self._warn_location(path)
        return True

    def _warn_location(self, path: Path) -> None:
        """Once per document per session: say so when it sits in a sync or network folder."""
        key = Path(os.path.abspath(path))
        if key in self._location_warned:
            return
        self._location_warned.add(key)
        reason = risky_location(key, *storage_of(key))
        if reason is not None:
            _log.info("%s: %s", path.name, reason)
            self.status.emit(self.tr("Warning: {name}: {reason}").format(name=path.name,
                                                                         reason=reason))

    def save_clean_copy(self, path: Path | None = None) -> bool:
        """Write the scenario to a new file for sending: a fresh database, so it holds no
        deleted text, no undo history and no recovery data. The open document is unchanged."""
        if path is None:
            stem = self.ws.path.stem if self.ws.path else self.tr("Untitled")
            folder = self.ws.path.parent if self.ws.path else Path.home()
            path = self.prompter.save_path(
                self.tr("Save clean copy for sending"), self.tr("Accord documents (*.accord)"),
                str(folder / self.tr("{stem} (clean copy).accord").format(stem=stem)))
            if path is None:
                return False
        if path.suffix != ".accord":
            path = path.with_name(path.name + ".accord")
        if self.ws.path is not None and path.resolve() == self.ws.path.resolve():
            self.prompter.error(self.tr("Could not save a clean copy"),
                                self.tr("{path}: choose a different file from the open "
                                        "document").format(path=path))
            return False
        try:
            lock = lock_document(path)  # held while writing: nobody opens it half-written
        except DocumentInUse as err:
            self.prompter.error(self.tr("Could not save a clean copy"),
                                self.tr("{path}: {reason}; choose another name").format(
                                    path=path, reason=err.reason))
            return False
        try:
            save_document(self.ws.scenario, path)
        except DocumentError as err:
            _log.warning("Could not save a clean copy %s: %s", path.name, err.reason)
            self.prompter.error(self.tr("Could not save a clean copy"), str(err))
            return False
        finally:
            if lock is not None:
                lock.release()
        _log.info("Saved a clean copy as %s", path.name)
        self.status.emit(self.tr("Saved a clean copy as {name}").format(name=path.name))
        return True

    def revert_to_backup(self) -> bool:
        """Load a backup of the current file into the workspace as an unsaved change."""
        if not self.maybe_discard():  # first: saving now makes (and rotates) a backup
            return False
        path = self.ws.path
        backups = list_backups(path) if path is not None else []
        if path is None or not backups:
            self.prompter.error(self.tr("Revert to backup"),
                                self.tr("There are no backups of this document yet."))
            return False
        options = [b.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") for b in backups]
        index = self.prompter.choose_backup(options)
        if index is None or not 0 <= index < len(backups):
            return False
        try:
            scenario = open_document(backups[index].path)
        except DocumentError as err:
            self.prompter.error(self.tr("Could not open the backup"), str(err))
            return False
        self.ws.reset(scenario, path)
        self.ws.undo_stack.resetClean()  # the file itself is only replaced on the next save
        self._emit_title()
        self.status.emit(self.tr("Loaded the backup of {when}; save to keep it").format(
            when=options[index]))
        return True

    def export_json(self, path: Path | None = None) -> bool:
        if path is None:
            stem = self.ws.path.stem if self.ws.path else "scenario"
            path = self.prompter.save_path(self.tr("Export scenario as JSON"),
                                           self.tr("Accord scenarios (*.json)"),
                                           f"{stem}.json")
            if path is None:
                return False
        try:
            export_json(self.ws.scenario, path)
        except DocumentError as err:
            _log.warning("Could not export %s: %s", path.name, err.reason)
            self.prompter.error(self.tr("Could not export"), str(err))
            return False
        _log.info("Exported %s", path.name)
        self.status.emit(self.tr("Exported {name}").format(name=path.name))
        return True

    # -- autosave and recovery

    def autosave(self) -> bool:
        """Write the unsaved state to this session's recovery file (never to the document).
        True when the work is safe: written, or nothing unsaved to write."""
        if not self.ws.modified:
            return True
        try:
            private_folder(self.recovery_dir)
            if self._recovery_lock is None:  # before the file exists: it is never unowned
                self._recovery_lock = lock_document(self.recovery_file)
            save_document(self.ws.scenario, self.recovery_file)
            meta = {"path": str(self.ws.path) if self.ws.path else None,
                    "saved_at": datetime.now().isoformat(timespec="seconds"),
                    "title": self.ws.scenario.title}
            self.recovery_file.with_suffix(".json").write_text(json.dumps(meta),
                                                               encoding="utf-8")
        except (DocumentError, OSError) as err:
            _log.warning("Autosave failed: %s", _reason(err))
            self.status.emit(self.tr("Autosave failed: {reason}").format(reason=err))
            return False
        self.status.emit(self.tr("Autosaved"))
        return True

    def _drop_recovery(self) -> None:
        for p in (self.recovery_file, self.recovery_file.with_suffix(".json")):
            p.unlink(missing_ok=True)

    def close(self) -> None:
        """A clean exit leaves no recovery file behind."""
        self.autosave_timer.stop()
        self._drop_recovery()
        if self._recovery_lock is not None:
            self._recovery_lock.release()
            self._recovery_lock = None
        self._attach(None)

    def orphaned_recoveries(self) -> list[Path]:
        """Recovery files of sessions that are no longer running (they crashed), oldest first:
        those whose lock nobody holds."""
        found = []
        for path in _recovery_files(self.recovery_dir):
            if path != self.recovery_file and (lock := _claim(path)) is not None:
                lock.release()
                found.append(path)
        return found

    def offer_recovery(self) -> bool:
        """At start-up: offer to restore the newest crashed session's work."""
        for path in reversed(self.orphaned_recoveries()):
            lock = _claim(path)  # held while deciding: no other window offers it too
            if lock is None:
                continue
            try:
                restored = self._offer(path)
            finally:
                lock.release()
            if restored is not None:
                return restored
        return False

    def _offer(self, path: Path) -> bool | None:
        """Offer one recovery file: whether it was restored (either way it is removed), or
        None when it could not be read (it is kept, and the next one is offered)."""
        meta_path = path.with_suffix(".json")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        original = meta.get("path") if isinstance(meta, dict) else None
        when = (meta.get("saved_at", self.tr("an unknown time")) if isinstance(meta, dict)
                else "")
        name = Path(original).name if isinstance(original, str) else self.tr(
            "an unsaved document")
        _log.info("Found the recovery file %s (unsaved changes to %s)", path.name, name)
        restore = self.prompter.ask_restore(
            self.tr("Unsaved changes to {name}, autosaved at {when}.").format(name=name,
                                                                              when=when))
        if restore:
            try:
                scenario = open_document(path)
            except DocumentError as err:
                _log.warning("Could not restore %s: %s", path.name, err.reason)
                self.prompter.error(self.tr("Could not restore"), str(err))
                return None
            target = Path(original) if isinstance(original, str) else None
            self.ws.reset(scenario, target)
            self.ws.undo_stack.resetClean()  # restored work still needs a save
            self._attach(target)
            _log.info("Restored the unsaved changes to %s", name)
        path.unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)
        return restore


def _recovery_files(folder: Path) -> list[Path]:
    """The recovery files in ``folder`` (a real folder, not a link), oldest first."""
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return []
        with os.scandir(folder) as entries:
            found = [(entry.stat(follow_symlinks=False).st_mtime, folder / entry.name)
                     for entry in entries
                     if entry.name.startswith("recovery-") and entry.name.endswith(".accord")
                     and entry.is_file(follow_symlinks=False)]
    except OSError:
        return []
    return [path for _mtime, path in sorted(found)]


def _claim(path: Path) -> DocumentLock | None:
    """The lock of a recovery file if nobody holds it (its session has ended), else None.

    A lock that cannot be kept at all (a folder where no lock can be made) means nobody can
    tell whether the session runs: its file is left alone.
    """
    try:
        return lock_document(path)
    except DocumentInUse:
        return None


def _reason(err: Exception) -> str:
    """An error's cause for the log, without the folder it happened in."""
    if isinstance(err, DocumentError):
        return err.reason
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return type(err).__name__


def _why_read_only(path: Path) -> str | None:
    """Why a document cannot be saved in place (its permissions or its folder's), or None."""
    if not path.exists():
        return None  # gone: the next save says what is wrong
    if folder_is_read_only(path.parent):  # first: nothing can be saved there at all
        return QCoreApplication.translate("DocumentController", "its folder is read-only")
    if file_is_read_only(path):
        return QCoreApplication.translate("DocumentController", "the file is read-only")
    return None

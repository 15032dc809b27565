"""Backups: rotated copies before each save, a failing backup never blocks a save, revert."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.store import (
    list_backups,
    make_backup,
    open_document,
    risky_location,
    save_document,
)
from desktop.ui.commands import Editor
from desktop.ui.files import DocumentController
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter


def titled(scenario: Scenario, title: str) -> Scenario:
    return scenario.model_copy(update={"title": title})


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path, mini: Scenario) -> Iterator[DocumentController]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ws = Workspace(mini)
    files = DocumentController(ws, settings, FakePrompter(), tmp_path / "recovery", parent=ws)
    yield files
    files.close()


def test_no_backup_of_a_file_that_does_not_exist(tmp_path: Path) -> None:
    assert make_backup(tmp_path / "new.accord") is None
    assert list_backups(tmp_path / "new.accord") == []


def test_rotation_keeps_the_newest(tmp_path: Path, mini: Scenario) -> None:
    doc = tmp_path / "deal.accord"
    for i in range(6):
        save_document(titled(mini, f"version {i}"), doc)
        made = make_backup(doc, keep=3)
        assert made is not None
        assert made.parent == tmp_path / ".deal.accord.backups"
    backups = list_backups(doc)
    assert len(backups) == 3
    assert [open_document(b.path).title for b in backups] == ["version 5", "version 4",
                                                              "version 3"]
    assert backups[0].saved_at > backups[1].saved_at > backups[2].saved_at


def test_saves_rotate_backups(controller: DocumentController, tmp_path: Path,
                              mini: Scenario) -> None:
    doc = tmp_path / "deal.accord"
    for i in range(12):
        controller.ws.reset(titled(mini, f"version {i}"), doc)
        assert controller.save()
    backups = list_backups(doc)
    assert len(backups) == 10  # the first save had nothing to back up
    assert [open_document(b.path).title for b in backups] == [f"version {i}"
                                                              for i in range(10, 0, -1)]


def test_a_non_document_is_not_kept_as_a_backup(tmp_path: Path) -> None:
    doc = tmp_path / "deal.accord"
    doc.write_bytes(b"not a document")
    reasons: list[str] = []
    assert make_backup(doc, on_error=reasons.append) is None
    assert list_backups(doc) == []
    assert len(reasons) == 1


@pytest.mark.parametrize("how", ["folder is a file", "copy fails"])
def test_a_failing_backup_does_not_block_the_save(
        controller: DocumentController, tmp_path: Path, mini: Scenario,
        monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    doc = tmp_path / "deal.accord"
    save_document(titled(mini, "old"), doc)
    if how == "folder is a file":
        (tmp_path / ".deal.accord.backups").write_bytes(b"in the way")
    else:
        def refuse(*_args: object, **_kwargs: object) -> None:
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(shutil, "copy2", refuse)
    messages: list[str] = []
    controller.status.connect(messages.append)
    controller.ws.reset(titled(mini, "new"), doc)
    assert controller.save()
    assert open_document(doc).title == "new"
    assert any(m.startswith("Backup failed:") for m in messages)
    assert messages[-1] == "Saved deal.accord"
    assert controller.prompter.errors == []  # type: ignore[attr-defined]
    assert list(tmp_path.glob(".deal.accord.backups/*")) == []


def test_revert_loads_a_backup_as_an_unsaved_change(
        controller: DocumentController, tmp_path: Path, mini: Scenario) -> None:
    doc = tmp_path / "deal.accord"
    for title in ("first", "second", "third"):
        controller.ws.reset(titled(mini, title), doc)
        assert controller.save()
    prompter = controller.prompter
    assert isinstance(prompter, FakePrompter)
    prompter.backup_choice = 1  # newest first: "first"
    assert controller.revert_to_backup()
    assert prompter.asked[-1].startswith("choose a backup: ")
    assert controller.ws.scenario.title == "first"
    assert controller.ws.modified
    assert controller.ws.path == doc
    assert open_document(doc).title == "third"  # the file is untouched until Save
    assert controller.save()
    assert open_document(doc).title == "first"
    assert not controller.ws.modified


def test_revert_cancelled_or_without_backups(controller: DocumentController,
                                             tmp_path: Path, mini: Scenario) -> None:
    prompter = controller.prompter
    assert isinstance(prompter, FakePrompter)
    assert not controller.revert_to_backup()  # untitled: nothing to revert to
    assert prompter.errors[-1][0] == "Revert to backup"
    doc = tmp_path / "deal.accord"
    controller.ws.reset(titled(mini, "one"), doc)
    assert controller.save()
    assert controller.save()
    prompter.backup_choice = None
    assert not controller.revert_to_backup()
    assert controller.ws.scenario.title == "one"
    assert not controller.ws.modified


def test_a_clean_copy_holds_no_deleted_text(controller: DocumentController, tmp_path: Path,
                                            mini: Scenario) -> None:
    secret = "ZQX-fallback-offer-7731"
    draft = mini.drafts[0]
    noted = draft.model_copy(update={"clauses": (
        draft.clauses[0].model_copy(update={"note": secret}), *draft.clauses[1:])})
    doc = tmp_path / "deal.accord"
    controller.ws.reset(mini.model_copy(update={"drafts": (noted, *mini.drafts[1:])}), doc)
    assert controller.save()
    assert secret.encode() in doc.read_bytes()
    editor = Editor(controller.ws)
    assert editor.remove_clause(0)  # the clause with the note; still on the undo stack
    prompter = controller.prompter
    assert isinstance(prompter, FakePrompter)
    prompter.save_as_answer = tmp_path / "for sending"
    assert controller.save_clean_copy()
    copy = tmp_path / "for sending.accord"
    data = copy.read_bytes()
    assert secret.encode() not in data
    assert secret.encode("utf-16-le") not in data
    assert open_document(copy) == controller.ws.scenario
    assert controller.ws.path == doc
    assert controller.ws.modified  # the open document still needs its own save
    assert list(tmp_path.glob(".for sending.accord*")) == []  # no temp file, no backups
    prompter.save_as_answer = doc
    assert not controller.save_clean_copy()  # never over the open document
    assert prompter.errors[-1][0] == "Could not save a clean copy"


@pytest.mark.parametrize(("path", "file_system", "remote", "found"), [
    ("/home/ann/Dropbox/talks/deal.accord", "ext4", False, "Dropbox"),
    ("/home/ann/OneDrive - Ministry/deal.accord", "ext4", False, "OneDrive"),
    ("/home/ann/Google Drive/deal.accord", "ext4", False, "Google Drive"),
    ("/Users/ann/Library/Mobile Documents/com~apple~CloudDocs/deal.accord", "apfs", False,
     "iCloud Drive"),
    ("/home/ann/Nextcloud/deal.accord", "ext4", False, "Nextcloud"),
    ("/mnt/team/deal.accord", "nfs4", False, "nfs4"),
    ("/media/my share/deal.accord", "cifs", False, "cifs"),
    ("/home/ann/remote/deal.accord", "fuse.sshfs", False, "fuse.sshfs"),
    ("/Volumes/Team/deal.accord", "smbfs", False, "smbfs"),  # macOS
    ("/Volumes/Old/deal.accord", "afpfs", False, "afpfs"),
    ("/Volumes/Dav/deal.accord", "webdav", False, "webdav"),
    ("/mnt/share/deal.accord", "NFS3", False, "nfs3"),  # any nfs version, any case
    ("/mnt/wsl/deal.accord", "9p", False, "9p"),
    ("/srv/deal.accord", "NTFS", True, "network folder"),  # a Windows share or mapped drive
    ("/home/ann/Documents/deal.accord", "ext4", False, None),
    ("/Users/ann/Documents/deal.accord", "apfs", False, None),
    ("/home/ann/Documents/deal.accord", "", False, None),  # unknown: no warning
    ("/home/ann/dropbox-notes.accord", "btrfs", False, None),  # only folders count
])
def test_risky_location(path: str, file_system: str, remote: bool, found: str | None) -> None:
    reason = risky_location(Path(path), file_system, remote)
    if found is None:
        assert reason is None
    else:
        assert reason is not None
        assert found in reason


def test_a_risky_folder_is_warned_about_once(controller: DocumentController, tmp_path: Path,
                                             mini: Scenario) -> None:
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    messages: list[str] = []
    controller.status.connect(messages.append)
    doc = folder / "deal.accord"
    assert controller.save_as(doc)
    assert controller.save()
    assert controller.open(doc)
    warnings = [m for m in messages if m.startswith("Warning:")]
    assert len(warnings) == 1
    assert "Dropbox" in warnings[0]

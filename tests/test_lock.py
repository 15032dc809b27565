"""F7: one writer per document. A second window or process opening the same file gets it
read-only with a message; saving over a document open elsewhere is refused; a crash never
leaves a document locked. Also F4 for a read-only file (as root: a file with no write bits)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.cli import main as cli_main
from desktop.domain import Scenario
from desktop.store import (
    DocumentInUse,
    lock_document,
    lock_holder,
    open_document,
    save_document,
)
from desktop.store.lock import lock_path
from desktop.ui.commands import Editor
from desktop.ui.files import DocumentController
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def doc(tmp_path: Path, mini: Scenario) -> Path:
    path = tmp_path / "deal.accord"
    save_document(mini, path)
    return path


class Window:
    """A document controller with its own workspace, prompter and settings: one app window."""

    def __init__(self, tmp_path: Path, name: str, scenario: Scenario) -> None:
        self.prompter = FakePrompter()
        self.ws = Workspace(scenario)
        self.editor = Editor(self.ws)
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        self.files = DocumentController(self.ws, settings, self.prompter,
                                        tmp_path / f"recovery-{name}", parent=self.ws)
        self.titles: list[str] = []
        self.files.title_changed.connect(self.titles.append)


def read_only(window: Window) -> str | None:
    """Read afresh (an earlier assert must not narrow what mypy thinks it is)."""
    return window.files.read_only


@pytest.fixture
def windows(qtbot: QtBot, tmp_path: Path, mini: Scenario) -> Iterator[tuple[Window, Window]]:
    pair = (Window(tmp_path, "first", mini), Window(tmp_path, "second", mini))
    yield pair
    for w in pair:
        w.ws.undo_stack.setClean()
        w.files.close()


# --------------------------------------------------------------------------- the lock itself


def test_a_second_lock_on_the_same_document_is_refused(doc: Path) -> None:
    first = lock_document(doc)
    assert first is not None
    assert first.held
    with pytest.raises(DocumentInUse) as info:
        lock_document(doc)
    owner = info.value.owner
    assert owner.pid == os.getpid()
    assert owner.host == socket.gethostname()
    assert info.value.path == doc
    assert info.value.reason.startswith("it is open in another Accord window (")
    assert f"process {os.getpid()}" in info.value.reason
    assert lock_holder(doc) == owner
    first.release()
    assert not lock_path(doc).exists()
    assert lock_holder(doc) is None
    again = lock_document(doc)
    assert again is not None
    again.release()
    again.release()  # twice is harmless


def test_the_lock_file_is_hidden_beside_the_document(doc: Path) -> None:
    lock = lock_document(doc)
    assert lock is not None
    assert lock_path(doc) == doc.with_name(".~lock.deal.accord#")
    assert lock_path(doc).exists()
    lock.release()


def _child(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def test_another_process_holding_the_document_is_named(doc: Path) -> None:
    child = _child(f"""
        import sys
        from desktop.store import lock_document
        lock = lock_document({str(doc)!r})
        print("locked", flush=True)
        sys.stdin.readline()
    """)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(DocumentInUse) as info:
            lock_document(doc)
        assert info.value.owner.pid == child.pid
    finally:
        child.communicate("\n", timeout=30)
    assert child.returncode == 0
    assert lock_holder(doc) is None  # the child ended: the document is free


def test_a_crashed_holder_never_leaves_the_document_locked(doc: Path) -> None:
    child = _child(f"""
        import os, signal
        from desktop.store import lock_document
        lock = lock_document({str(doc)!r})
        print("locked", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert lock_path(doc).exists()  # its lock file is left behind ...
    lock = lock_document(doc)  # ... but nobody holds it: taken over
    assert lock is not None
    with pytest.raises(DocumentInUse) as info:
        lock_document(doc)
    assert info.value.owner.pid == os.getpid()  # the owner text is ours now
    lock.release()


# --------------------------------------------------------------------------- two windows


def test_a_second_window_opens_the_document_read_only(
    windows: tuple[Window, Window], doc: Path, tmp_path: Path
) -> None:
    first, second = windows
    assert first.files.open(doc)
    assert first.files.read_only is None
    assert first.prompter.infos == []

    assert second.files.open(doc)
    assert second.files.read_only is not None
    assert second.files.read_only.startswith("it is open in another Accord window")
    [(caption, message)] = second.prompter.infos
    assert caption == "Opened read-only"
    assert message.startswith(f"{doc}: it is open in another Accord window (")
    assert "Save As" in message
    assert second.titles[-1] == "deal.accord (read-only)[*] — Accord"

    # The second window may edit, but Save offers Save As instead of writing over the file.
    before = doc.read_bytes()
    second.editor.add_clause("intl-monitoring")
    second.prompter.save_as_instead = False
    assert not second.files.save()
    assert second.prompter.errors[-1] == ("Could not save", second.prompter.infos[0][1]
                                          .split(".\n")[0])
    assert doc.read_bytes() == before

    # Save As to a new name works and makes that file the second window's own.
    second.prompter.save_as_instead = True
    second.prompter.save_as_answer = tmp_path / "mine.accord"
    assert second.files.save()
    assert read_only(second) is None
    assert second.ws.path == tmp_path / "mine.accord"
    assert second.titles[-1] == "mine.accord[*] — Accord"
    assert open_document(tmp_path / "mine.accord") == second.ws.scenario
    with pytest.raises(DocumentInUse):
        lock_document(tmp_path / "mine.accord")

    # The first window still owns the original and saves it normally.
    first.editor.add_clause("intl-monitoring")
    assert first.files.save()
    assert open_document(doc) == first.ws.scenario

    # Closing the first window frees the original.
    first.files.close()
    assert lock_holder(doc) is None


def test_save_as_over_a_document_open_elsewhere_is_refused(
    windows: tuple[Window, Window], doc: Path, tmp_path: Path
) -> None:
    first, second = windows
    assert first.files.open(doc)
    before = doc.read_bytes()
    assert not second.files.save_as(doc)
    [(caption, message)] = second.prompter.errors
    assert caption == "Could not save"
    assert message.startswith(f"{doc}: it is open in another Accord window")
    assert message.endswith("; choose another name")
    assert doc.read_bytes() == before
    assert second.ws.path is None
    assert not second.files.save_clean_copy(doc)
    assert doc.read_bytes() == before


def test_opening_another_file_releases_the_first(
    windows: tuple[Window, Window], doc: Path, tmp_path: Path, mini: Scenario
) -> None:
    first, _ = windows
    other = tmp_path / "other.accord"
    save_document(mini, other)
    assert first.files.open(doc)
    assert lock_holder(doc) is not None
    assert first.files.open(other)
    assert lock_holder(doc) is None
    assert lock_holder(other) is not None
    assert first.files.open(other)  # the same file again keeps our own lock
    assert first.files.read_only is None
    assert first.files.new()
    assert lock_holder(other) is None


def test_the_command_line_will_not_import_over_an_open_document(
    windows: tuple[Window, Window], doc: Path, mini_json: bytes, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, _ = windows
    assert first.files.open(doc)
    scenario = tmp_path / "in.json"
    scenario.write_bytes(mini_json)
    before = doc.read_bytes()
    assert cli_main(["import", str(scenario), "-o", str(doc)]) == 2
    err = capsys.readouterr().err
    assert f"{doc}: it is open in another Accord window" in err
    assert "Traceback" not in err
    assert doc.read_bytes() == before
    first.files.close()
    assert cli_main(["import", str(scenario), "-o", str(doc)]) == 0


# --------------------------------------------------------------------------- read-only files


def test_a_read_only_file_is_opened_read_only_and_never_replaced(
    windows: tuple[Window, Window], doc: Path, tmp_path: Path
) -> None:
    first, _ = windows
    doc.chmod(0o444)
    before = doc.read_bytes()
    assert first.files.open(doc)
    assert first.files.read_only == "the file is read-only"
    assert first.prompter.infos[0][1].startswith(f"{doc}: the file is read-only.")
    first.editor.add_clause("intl-monitoring")
    assert not first.files.save()
    assert first.prompter.errors == [("Could not save", f"{doc}: the file is read-only")]
    # Even if asked directly, the store refuses to replace it.
    first.prompter.save_as_instead = False
    assert not first.files.save_as(doc)
    assert first.prompter.errors[-1] == (
        "Could not save", f"{doc}: the file is read-only (its permissions do not allow changes)")
    assert doc.read_bytes() == before
    assert doc.stat().st_mode & 0o777 == 0o444
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".deal.accord.tmp")] == []


# --------------------------------------------------------------------------- names and links


def test_reopening_a_document_by_another_name_keeps_the_windows_own_lock(
    windows: tuple[Window, Window], doc: Path, tmp_path: Path
) -> None:
    """The same file through a symbolic link is the same document: the window that has it
    keeps its lock and stays writable, and a save by either name is no Save As."""
    first, second = windows
    link = tmp_path / "link.accord"
    link.symlink_to(doc)
    assert first.files.open(doc)
    assert first.files.open(link)
    assert read_only(first) is None
    assert first.prompter.infos == []
    first.editor.add_clause("intl-monitoring")
    assert first.files.save()
    assert open_document(doc) == first.ws.scenario
    assert second.files.open(doc)  # and another window still sees it is taken
    assert read_only(second) is not None


def test_a_clean_copy_onto_a_document_with_a_hostile_lock_path_says_why(
    windows: tuple[Window, Window], doc: Path, tmp_path: Path
) -> None:
    first, _ = windows
    victim = tmp_path / "notes.txt"
    victim.write_text("keep me", encoding="utf-8")
    lock_path(doc).symlink_to(victim)
    before = doc.read_bytes()
    assert not first.files.save_clean_copy(doc)
    [(caption, message)] = first.prompter.errors
    assert caption == "Could not save a clean copy"
    assert "symbolic link" in message
    assert message.endswith("; choose another name")
    assert doc.read_bytes() == before
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_clean_copy_holds_the_new_files_lock_while_writing_and_then_frees_it(
    windows: tuple[Window, Window], tmp_path: Path
) -> None:
    first, _ = windows
    copy = tmp_path / "copy.accord"
    assert first.files.save_clean_copy(copy)
    assert open_document(copy) == first.ws.scenario
    assert lock_holder(copy) is None
    assert not lock_path(copy).exists()


def test_an_export_onto_a_file_whose_lock_path_is_a_folder_says_why(
    doc: Path, tmp_path: Path
) -> None:
    from desktop.store import DocumentError, write_atomic

    target = tmp_path / "out.json"
    target.write_text("{}", encoding="utf-8")
    lock_path(target).mkdir()
    with pytest.raises(DocumentError, match="is a folder") as info:
        write_atomic(target, b"[]")
    assert str(info.value).endswith("; it was not replaced")
    assert target.read_text(encoding="utf-8") == "{}"

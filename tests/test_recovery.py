"""Crash recovery decides by lock, not by process id: a recovery file is offered back exactly
when the session that wrote it no longer holds its lock (the operating system dropped it when
that process ended, however it ended). Process ids are reused, and Windows cannot probe them."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.store import open_document, save_document
from desktop.store.lock import lock_path
from desktop.ui.commands import Editor
from desktop.ui.files import DocumentController
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


class Session:
    """One app session's document controller, with its own workspace and prompter."""

    def __init__(self, tmp_path: Path, name: str, scenario: Scenario, recovery: Path) -> None:
        self.prompter = FakePrompter()
        self.ws = Workspace(scenario)
        self.editor = Editor(self.ws)
        settings = QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat)
        self.files = DocumentController(self.ws, settings, self.prompter, recovery,
                                        parent=self.ws)


@pytest.fixture
def recovery(tmp_path: Path) -> Path:
    return tmp_path / "recovery"


@pytest.fixture
def sessions(qtbot: QtBot, tmp_path: Path, mini: Scenario, recovery: Path
             ) -> Iterator[list[Session]]:
    opened: list[Session] = []
    yield opened
    for s in opened:
        s.ws.undo_stack.setClean()
        s.files.close()


def start(sessions: list[Session], tmp_path: Path, scenario: Scenario, recovery: Path
          ) -> Session:
    session = Session(tmp_path, f"s{len(sessions)}", scenario, recovery)
    sessions.append(session)
    return session


def test_a_running_sessions_recovery_file_is_never_offered(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    first = start(sessions, tmp_path, mini, recovery)
    first.editor.add_clause("intl-monitoring")
    assert first.files.autosave()
    assert first.files.recovery_file.exists()
    assert lock_path(first.files.recovery_file).exists()  # held from the first autosave

    second = start(sessions, tmp_path, mini, recovery)
    assert second.files.orphaned_recoveries() == []
    assert not second.files.offer_recovery()
    assert second.prompter.asked == []
    assert first.files.recovery_file.exists()  # left alone

    first.files.close()  # a clean exit: no recovery file, no lock file
    assert list(recovery.iterdir()) == []


def test_a_session_that_died_without_closing_is_offered(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    crashed = start(sessions, tmp_path, mini, recovery)
    crashed.editor.add_clause("intl-monitoring")
    assert crashed.files.autosave()
    lost = crashed.ws.scenario
    lock = crashed.files._recovery_lock
    assert lock is not None
    fd = lock._fd
    assert fd is not None
    os.close(fd)  # what the OS does when the process ends: the lock goes, its file stays
    lock._fd = None
    assert lock_path(crashed.files.recovery_file).exists()

    restarted = start(sessions, tmp_path, mini, recovery)
    restarted.prompter.restore_answer = True
    assert restarted.files.orphaned_recoveries() == [crashed.files.recovery_file]
    assert restarted.files.offer_recovery()
    assert restarted.ws.scenario == lost
    assert restarted.ws.modified
    assert list(recovery.iterdir()) == []  # the recovery file, its notes and its lock file


def test_a_recovery_file_named_with_a_live_process_id_is_still_offered(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    """Process ids are reused: a crashed session's file may carry the id of a process that
    runs now (ours, here). Nobody holds its lock, so it is offered."""
    recovery.mkdir()
    stale = recovery / f"recovery-{os.getpid()}.accord"
    save_document(mini, stale)
    session = start(sessions, tmp_path, mini, recovery)
    assert session.files.recovery_file != stale  # every session's name is its own
    assert session.files.orphaned_recoveries() == [stale]
    assert not session.files.offer_recovery()  # declined: the file is removed
    assert session.prompter.asked == ["Unsaved changes to an unsaved document, "
                                      "autosaved at an unknown time."]
    assert not stale.exists()


def test_a_recovery_file_is_offered_to_one_window_at_a_time(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    recovery.mkdir()
    save_document(mini, recovery / "recovery-1-dead.accord")
    first = start(sessions, tmp_path, mini, recovery)
    second = start(sessions, tmp_path, mini, recovery)
    seen_by_second: list[list[Path]] = []

    def ask_restore(description: str) -> bool:
        seen_by_second.append(second.files.orphaned_recoveries())
        return False

    first.prompter.ask_restore = ask_restore  # type: ignore[method-assign]
    assert not first.files.offer_recovery()
    assert seen_by_second == [[]]  # while the first window asks, the file is its own


def test_the_newest_crashed_session_is_offered_first(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    recovery.mkdir()
    newer, older = recovery / "recovery-1-aaaa.accord", recovery / "recovery-9-zzzz.accord"
    save_document(mini, newer)
    save_document(mini.model_copy(update={"title": "Older"}), older)
    os.utime(older, (1_000_000_000, 1_000_000_000))
    session = start(sessions, tmp_path, mini, recovery)
    assert session.files.orphaned_recoveries() == [older, newer]
    session.prompter.restore_answer = True
    assert session.files.offer_recovery()
    assert session.ws.scenario.title == mini.title
    assert older.exists()
    assert not newer.exists()


def test_links_in_the_recovery_folder_are_never_followed(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    save_document(mini, elsewhere / "recovery-1-dead.accord")
    recovery.symlink_to(elsewhere)
    session = start(sessions, tmp_path, mini, recovery)
    assert session.files.orphaned_recoveries() == []  # a linked folder is not Accord's own
    messages: list[str] = []
    session.files.status.connect(messages.append)
    session.editor.add_clause("intl-monitoring")
    assert not session.files.autosave()
    assert messages[-1].startswith("Autosave failed:")
    assert "link" in messages[-1]
    assert sorted(p.name for p in elsewhere.iterdir()) == ["recovery-1-dead.accord"]

    recovery.unlink()
    recovery.mkdir()
    (recovery / "recovery-2-dead.accord").symlink_to(elsewhere / "recovery-1-dead.accord")
    assert session.files.orphaned_recoveries() == []  # a linked file is not one either


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="folder modes are POSIX")
def test_the_recovery_folder_is_private(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path
) -> None:
    session = start(sessions, tmp_path, mini, recovery)
    session.editor.add_clause("intl-monitoring")
    assert session.files.autosave()
    assert recovery.stat().st_mode & 0o777 == 0o700


# --------------------------------------------------------------------------- another process

CHILD = """
    import os, sys
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from desktop.domain import parse_scenario
    from desktop.ui.commands import Editor
    from desktop.ui.files import DocumentController
    from desktop.ui.workspace import Workspace
    from tests.test_ui_mainwindow import FakePrompter

    app = QApplication([])
    recovery, settings, ending = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    ws = Workspace(parse_scenario(Path({mini!r}).read_bytes()))
    Editor(ws).add_clause("intl-monitoring")
    files = DocumentController(ws, QSettings(settings, QSettings.Format.IniFormat),
                               FakePrompter(), recovery)
    assert files.autosave()
    print(files.recovery_file.name, flush=True)
    sys.stdin.readline()
    if ending == "exits":
        os._exit(3)  # gone without closing its window
"""


@pytest.mark.parametrize("ending", ["killed", "exits"])
def test_a_session_in_another_process_is_offered_once_that_process_is_gone(
    sessions: list[Session], tmp_path: Path, mini: Scenario, recovery: Path, ending: str
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(CHILD.format(mini=str(DATA / "mini.json"))),
         str(recovery), str(tmp_path / "child.ini"), ending],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        name = child.stdout.readline().strip()
        assert name.startswith("recovery-")
        written = recovery / name
        assert written.exists()

        here = start(sessions, tmp_path, mini, recovery)
        assert here.files.orphaned_recoveries() == []  # the child runs and holds its lock
        assert not here.files.offer_recovery()
        assert here.prompter.asked == []
    finally:
        if ending == "killed":
            child.kill()
            child.communicate(timeout=30)
        else:
            child.communicate("\n", timeout=30)
    assert child.returncode != 0
    assert written.exists()

    expected = open_document(written)
    assert here.files.orphaned_recoveries() == [written]
    here.prompter.restore_answer = True
    assert here.files.offer_recovery()
    assert here.ws.scenario == expected
    assert "intl-monitoring" in {c.provision for c in here.ws.scenario.drafts[0].clauses}
    assert list(recovery.iterdir()) == []

"""F5: a stale ``-journal`` or ``-wal`` beside a document is detected, never applied, and the
original is kept.

Accord never edits a document in place, so such files come from another program or a sync
tool (a journal copied from another moment is the classic way synced databases get
corrupted). Opening ignores them and tells the user; saving renames them aside, so that no
SQLite tool pairs them with the new file; nothing is deleted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario, parse_scenario
from desktop.resources import default_scenario_path
from desktop.store import DocumentError, open_document, save_document, stale_sidecars
from desktop.ui.commands import Editor
from desktop.ui.files import DocumentController
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter


@pytest.fixture(scope="module")
def big() -> Scenario:
    return parse_scenario(default_scenario_path().read_bytes())


def titled(scenario: Scenario, title: str) -> Scenario:
    return scenario.model_copy(update={"title": title})


def crash_mid_transaction(path: Path) -> None:
    """Edit ``path`` in place with plain SQLite, as another program would, and die before
    committing: SQLite leaves a hot ``-journal`` and a half-written database."""
    code = textwrap.dedent(f"""
        import os, signal, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file early
        conn.execute("BEGIN")
        conn.execute("UPDATE provision SET text = text || ?", ("x" * 3000,))
        conn.execute("UPDATE clause SET note = ?", ("changed " * 200,))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert done.returncode == -signal.SIGKILL
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()
    assert journal.stat().st_size > 0


def is_hot(db: Path, journal: Path, scratch: Path) -> bool:
    """Would a plain SQLite connection roll ``journal`` back into ``db``? (On copies.)"""
    scratch.mkdir()
    db_copy = scratch / db.name
    shutil.copy(db, db_copy)
    shutil.copy(journal, scratch / (db.name + "-journal"))
    with contextlib.closing(sqlite3.connect(db_copy)) as conn:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return not (scratch / (db.name + "-journal")).exists()


def state(*paths: Path) -> list[bytes | None]:
    return [p.read_bytes() if p.exists() else None for p in paths]


@pytest.fixture
def foreign_journal(tmp_path: Path, big: Scenario) -> tuple[Path, Path]:
    """A document with the hot journal of *another* document copied beside it."""
    other = tmp_path / "other" / "deal.accord"
    other.parent.mkdir()
    save_document(titled(big, "Another moment"), other)
    crash_mid_transaction(other)
    doc = tmp_path / "deal.accord"
    save_document(big, doc)
    journal = doc.with_name("deal.accord-journal")
    shutil.copy(other.with_name("deal.accord-journal"), journal)
    assert is_hot(doc, journal, tmp_path / "scratch")  # the danger is real
    return doc, journal


def test_a_foreign_journal_is_ignored_and_kept(
    foreign_journal: tuple[Path, Path], big: Scenario
) -> None:
    doc, journal = foreign_journal
    before = state(doc, journal)
    assert stale_sidecars(doc) == [journal]
    for _ in range(2):
        assert open_document(doc) == big
    assert state(doc, journal) == before


def test_a_document_half_written_by_another_program_is_never_misread(
    tmp_path: Path, big: Scenario
) -> None:
    doc = tmp_path / "deal.accord"
    save_document(big, doc)
    crash_mid_transaction(doc)
    journal = doc.with_name("deal.accord-journal")
    before = state(doc, journal)
    try:
        got: Scenario | str = open_document(doc)
    except DocumentError as err:
        got = err.reason
    # The half-written file is refused as damaged (or, if no page reached it yet, reads as
    # saved); the journal that could repair it is left for the other program or a person.
    assert got == big or (isinstance(got, str) and got.startswith("the file is damaged")
                          and got.endswith("“deal.accord-journal” beside it may hold changes "
                                           "another program did not finish (it was left as "
                                           "it is)")), got
    assert state(doc, journal) == before


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_stray_write_ahead_log_is_ignored_and_kept(
    tmp_path: Path, big: Scenario, suffix: str
) -> None:
    doc = tmp_path / "deal.accord"
    save_document(big, doc)
    stray = doc.with_name(doc.name + suffix)
    stray.write_bytes(os.urandom(5000))
    before = state(doc, stray)
    assert stale_sidecars(doc) == [stray]
    assert open_document(doc) == big
    assert state(doc, stray) == before


def test_saving_sets_stale_files_aside_without_deleting_them(
    foreign_journal: tuple[Path, Path], big: Scenario
) -> None:
    doc, journal = foreign_journal
    wal = doc.with_name(doc.name + "-wal")
    wal.write_bytes(b"stray log")
    kept = {journal.name: journal.read_bytes(), wal.name: wal.read_bytes()}
    new = titled(big, "Saved after the leftovers")
    save_document(new, doc)
    assert stale_sidecars(doc) == []
    aside = sorted(p for p in doc.parent.iterdir() if ".stale-" in p.name)
    assert len(aside) == 2
    for p in aside:
        assert kept.pop(p.name.split(".stale-")[0]) == p.read_bytes()
    assert kept == {}
    # A plain read-write SQLite connection now sees exactly the new document.
    with contextlib.closing(sqlite3.connect(doc)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert open_document(doc) == new


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path, big: Scenario) -> Iterator[DocumentController]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ws = Workspace(big)
    files = DocumentController(ws, settings, FakePrompter(), tmp_path / "recovery", parent=ws)
    yield files
    ws.undo_stack.setClean()
    files.close()


def test_the_window_says_so_and_the_next_save_sets_them_aside(
    controller: DocumentController, foreign_journal: tuple[Path, Path], big: Scenario
) -> None:
    doc, journal = foreign_journal
    prompter = controller.prompter
    assert isinstance(prompter, FakePrompter)
    assert controller.open(doc)
    assert controller.ws.scenario == big
    [(caption, message)] = prompter.infos
    assert caption == "Leftover files beside the document"
    assert message == (
        f"{doc}: the file “deal.accord-journal” beside it was left by another program or a "
        "sync tool. Accord ignored it and opened the document as it was last saved; it will be "
        "set aside (renamed, not deleted) when you next save.")
    assert journal.exists()
    Editor(controller.ws).add_clause("army-cap")
    assert controller.save()
    assert not journal.exists()
    assert open_document(doc) == controller.ws.scenario
    assert controller.open(doc)
    assert len(prompter.infos) == 1  # nothing left to warn about

"""F3: a full disk (``RLIMIT_FSIZE``) while saving a document, exporting JSON and exporting a
PDF: a clear error, an unchanged file, and the open document still editable.

(The document, JSON and raw writers at many offsets are in tests/test_store.py.)
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario, dump_scenario
from desktop.report import full_sheet
from desktop.report.render import write_pdf
from desktop.resources import default_scenario_path
from desktop.store import open_document, read_scenario_file
from desktop.ui.commands import Editor
from desktop.ui.files import DocumentController
from desktop.ui.workspace import Workspace
from tests.test_ui_briefing import Scripted
from tests.test_ui_mainwindow import FakePrompter

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")

ROOT = Path(__file__).resolve().parents[1]
HELPER = ROOT / "tests" / "helpers" / "limited_save.py"
DISK_FULL = "not enough disk space to save"
LIMIT = 16 * 1024  # far below every file written here, far above anything else a test writes


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return read_scenario_file(default_scenario_path())


@contextlib.contextmanager
def disk_full(limit: int = LIMIT) -> Iterator[None]:
    """Writes past ``limit`` bytes fail with EFBIG, as on a full disk, until the block ends."""
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


def folder_state(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_full_disk_during_save_and_both_exports_keeps_the_document_editable(
    qtbot: QtBot, tmp_path: Path, scenario: Scenario
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ws = Workspace(scenario, window)
    ws.switch_draft("us-28")
    prompter = FakePrompter()
    files = DocumentController(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                               prompter, tmp_path / "recovery", parent=window)
    briefing = Scripted(ws, window)
    editor = Editor(ws)
    folder = tmp_path / "work"
    folder.mkdir()
    doc, exported, pdf = folder / "deal.accord", folder / "deal.json", folder / "brief.pdf"
    assert files.save_as(doc)
    assert files.export_json(exported)
    briefing.path = pdf
    assert briefing.export_pdf() == pdf
    draft = ws.draft
    assert draft is not None
    unused = [p.id for p in scenario.provisions
              if p.id not in {c.provision for c in draft.clauses}]
    assert editor.add_clause(unused[0])
    edited = ws.scenario
    steps = ws.undo_stack.count()
    before = folder_state(folder)
    assert {name: len(data) > LIMIT for name, data in before.items() if name[0] != "."} == {
        "deal.accord": True, "deal.json": True, "brief.pdf": True}

    with disk_full():
        assert not files.save()
        assert not files.export_json(exported)
        assert briefing.export_pdf() is None

    assert prompter.errors == [
        # SQLite reports a full disk as an I/O error, so the message cannot be more certain.
        ("Could not save", f"{doc}: {DISK_FULL}, or the disk failed while writing"),
        ("Could not export", f"{exported}: {DISK_FULL}"),
    ]
    assert briefing.errors == [f"{pdf}: {DISK_FULL}"]
    assert folder_state(folder) == before  # no file changed, no temp file left
    # The open document is as it was, and still editable, undoable and savable.
    assert ws.scenario == edited
    assert ws.modified
    assert ws.undo_stack.count() == steps
    assert editor.add_clause(unused[1])
    ws.undo_stack.undo()
    assert ws.scenario == edited
    assert files.save()
    assert open_document(doc) == edited
    assert files.export_json(exported)
    assert briefing.export_pdf() == pdf


def test_a_full_disk_at_many_offsets_of_a_pdf_export(tmp_path: Path, scenario: Scenario) -> None:
    sheet = full_sheet(scenario, scenario.drafts[0], date="2025-12-01")
    folder = tmp_path / "targets"
    folder.mkdir()
    write_pdf(sheet, folder / "brief.pdf")
    size = (folder / "brief.pdf").stat().st_size
    limits = sorted({0, 1, 100, 4095, 4096, 4097, size // 2, size - 1,
                     *range(0, size, size // 24)})
    assert limits[-1] < size
    (tmp_path / "scenario.json").write_text(dump_scenario(scenario), encoding="utf-8")
    before = folder_state(folder)

    result = subprocess.run(
        [sys.executable, str(HELPER), "fsize_pdf", str(tmp_path / "scenario.json"),
         str(folder), *map(str, limits)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    outcomes = json.loads(result.stdout)

    assert sorted(outcomes, key=int) == [str(n) for n in limits]
    assert {o["pdf"] for o in outcomes.values()} == {DISK_FULL}
    assert folder_state(folder) == before

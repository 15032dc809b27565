"""The main window as a user meets it: files, prompts, recovery, status, settings, charts."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario, parse_scenario
from desktop.resources import default_scenario_path
from desktop.store import open_document, save_document
from desktop.ui.files import Answer, DocumentController
from desktop.ui.mainwindow import MainWindow, open_startup
from desktop.ui.workspace import Workspace

DATA = Path(__file__).parent / "data"


@dataclass
class FakePrompter:
    """Answers every dialog from a script and records what the user would have seen."""

    save_answer: Answer = "cancel"
    open_answer: Path | None = None
    save_as_answer: Path | None = None
    restore_answer: bool = False
    save_as_instead: bool = False
    backup_choice: int | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)  # each "Save As instead?" question
    asked: list[str] = field(default_factory=list)
    # the library editors' questions
    confirm_answer: bool = False
    choice: str | None = None  # the key a chooser answers with
    color_answer: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)
    offered: list[list[str]] = field(default_factory=list)  # each chooser's options, as shown

    def ask_save_changes(self, name: str) -> Answer:
        self.asked.append(f"save changes to {name}")
        return self.save_answer

    def open_path(self, caption: str, file_filter: str) -> Path | None:
        self.asked.append(caption)
        return self.open_answer

    def save_path(self, caption: str, file_filter: str, suggested: str) -> Path | None:
        self.asked.append(caption)
        return self.save_as_answer

    def error(self, caption: str, message: str) -> None:
        self.errors.append((caption, message))

    def inform(self, caption: str, message: str) -> None:
        self.infos.append((caption, message))

    def offer_save_as(self, message: str) -> bool:
        self.errors.append(("Could not save", message))
        self.offers.append(message)
        return self.save_as_instead

    def ask_restore(self, description: str) -> bool:
        self.asked.append(description)
        return self.restore_answer

    def choose_backup(self, options: list[str]) -> int | None:
        self.asked.append("choose a backup: " + ", ".join(options))
        return self.backup_choice

    def confirm(self, caption: str, message: str, action: str) -> bool:
        self.asked.append(message)
        return self.confirm_answer

    def warn(self, caption: str, message: str) -> None:
        self.warnings.append((caption, message))

    def choose(self, caption: str, label: str,
               options: Sequence[tuple[str, str]]) -> str | None:
        self.offered.append([text for _key, text in options])
        return self.choice

    def pick_color(self, caption: str, initial: str) -> str | None:
        self.asked.append(f"{caption} (now {initial})")
        return self.color_answer


# The fixtures settings, prompter and window (the main window on mini) are in conftest.py.


def files(win: MainWindow) -> DocumentController:
    return win.files


# --------------------------------------------------------------------------- status and title


def test_status_bar_and_title(window: MainWindow) -> None:
    assert window.status_label.text() == "Not viable: 1 of 2 parties accept, 1 conflict"
    assert window.windowTitle() == "Untitled[*] — Accord"
    assert not window.isWindowModified()
    window.editor.add_clause("intl-monitoring")
    assert window.isWindowModified()
    assert window.status_label.text() == "Not viable: 1 of 2 parties accept, 1 conflict"
    window.editor.remove_clause(3)  # the neutrality clause: the conflict goes away
    assert window.status_label.text() == "Not viable: 1 of 2 parties accept"


def test_edit_menu_names_what_will_be_undone(window: MainWindow) -> None:
    window.editor.add_clause("intl-monitoring")
    assert window.undo_action.text() == "&Undo Add “International monitoring”"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo Add “International monitoring”"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_clicking_a_violation_selects_its_culprits(window: MainWindow, qtbot: QtBot) -> None:
    card = window.redlines.card("ukraine")
    qtbot.mouseClick(card.violations, Qt.MouseButton.LeftButton,  # ua-monitor: the withdrawal
                     pos=card.violations.item_rect(1).center())
    selected = [i.row() for i in window.draft.view.selectionModel().selectedRows()]
    assert selected == [1]
    assert window.inspector.heading.text() == "2. Withdrawal from Donbas"


def test_charts_follow_every_edit(window: MainWindow) -> None:
    chart = window.charts.satisfaction
    assert chart.values == [25.0, 0.0]
    assert chart.acceptable == [False, True]
    assert [label.toPlainText() for label in chart.labels] == ["✗ 25%", "✓ n/a"]
    window.editor.add_clause("intl-monitoring")
    window.editor.set_value(0, "personnel", 800_000)
    # Ukraine's lines now hold, Russia's cap line is crossed.
    assert chart.acceptable == [True, False]
    matrix = window.charts.matrix
    assert matrix.grid.tolist() == [[1, 1], [-1, 0]]
    assert matrix.cell_text(1, 0) == "Russia: Army at most 600k: crossed"


def test_an_empty_scenario_shows_an_empty_window(window: MainWindow,
                                                 prompter: FakePrompter) -> None:
    """File → New → Empty scenario: no parties, no drafts; every panel copes."""
    assert files(window).new(template=False)
    assert window.ws.draft is None
    assert window.status_label.text() == "No draft"
    assert window.redlines.summary.text() == "No draft: create one to check it."
    assert window.charts.satisfaction.values == []
    assert window.draft.model.rowCount() == 0
    assert window.editor.new_draft("First") == "first"
    assert window.status_label.text() == "Viable: 0 of 0 parties accept"


# --------------------------------------------------------------------------- files


def test_save_then_reopen_gives_the_same_document(window: MainWindow, tmp_path: Path,
                                                  prompter: FakePrompter) -> None:
    window.editor.add_clause("intl-monitoring", 0)
    window.editor.set_value(1, "personnel", 750_000)
    target = tmp_path / "work.accord"
    prompter.save_as_answer = target
    assert files(window).save()
    assert not window.isWindowModified()
    assert window.windowTitle() == "work.accord[*] — Accord"
    edited = window.ws.scenario
    assert open_document(target) == edited
    window.editor.remove_clause(0)
    prompter.save_answer = "discard"
    assert files(window).open(target)
    assert window.ws.scenario == edited
    assert prompter.asked[-1] == "save changes to work.accord"
    assert files(window).recent_files() == [str(target.resolve())]


def test_unsaved_changes_prompt(window: MainWindow, tmp_path: Path, prompter: FakePrompter,
                                qtbot: QtBot) -> None:
    window.editor.add_clause("intl-monitoring")
    before = window.ws.scenario
    prompter.save_answer = "cancel"
    assert not files(window).new(template=True)
    assert window.ws.scenario is before  # cancel keeps everything
    assert not window.close()
    assert window.isVisible()
    prompter.save_answer = "save"
    prompter.save_as_answer = tmp_path / "kept.accord"
    assert window.close()
    assert open_document(tmp_path / "kept.accord") == before


def test_discard_replaces_the_document(window: MainWindow, prompter: FakePrompter) -> None:
    window.editor.add_clause("intl-monitoring")
    prompter.save_answer = "discard"
    assert files(window).new(template=True)
    assert window.ws.scenario.title.startswith("Ending the war in Ukraine")
    assert not window.ws.modified
    assert not window.ws.undo_stack.canUndo()


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "the file is empty"),
        (b'{"format": "accord.scenario", "version": 1, "title": "x"}', "JSON"),
        (b"\x00" * 200, "not an Accord document"),
    ],
)
def test_a_bad_file_leaves_the_open_document_intact(
    window: MainWindow, tmp_path: Path, prompter: FakePrompter, content: bytes, fragment: str
) -> None:
    window.editor.add_clause("intl-monitoring")
    before = window.ws.scenario
    bad = tmp_path / "bad.accord"
    bad.write_bytes(content)
    prompter.save_answer = "discard"
    assert not files(window).open(bad)
    assert len(prompter.errors) == 1
    caption, message = prompter.errors[0]
    assert caption == "Could not open the document"
    assert str(bad) in message
    assert fragment in message
    assert window.ws.scenario is before
    assert window.ws.modified  # still the user's unsaved work


def test_a_newer_document_is_refused_by_name(window: MainWindow, tmp_path: Path,
                                             prompter: FakePrompter, mini: Scenario) -> None:
    import sqlite3

    path = tmp_path / "future.accord"
    save_document(mini, path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert not files(window).open(path)
    assert "made by a newer version of Accord" in prompter.errors[0][1]


def test_failed_save_offers_save_as_and_keeps_the_document(
    window: MainWindow, tmp_path: Path, prompter: FakePrompter
) -> None:
    window.editor.add_clause("intl-monitoring")
    before = window.ws.scenario
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be")
    prompter.save_as_answer = blocked / "work.accord"
    prompter.save_as_instead = False
    assert not files(window).save()
    assert len(prompter.errors) == 1
    assert str(blocked / "work.accord") in prompter.errors[0][1]
    assert window.ws.scenario is before
    assert window.ws.modified
    # Accepting the offer saves elsewhere.
    prompter.errors.clear()
    good = tmp_path / "elsewhere.accord"
    answers = iter([blocked / "work.accord", good])
    prompter.save_as_instead = True
    prompter.save_path = lambda *_a: next(answers)  # type: ignore[method-assign]
    assert files(window).save_as()
    assert open_document(good) == before
    assert not window.ws.modified


def test_import_and_export_json(window: MainWindow, tmp_path: Path,
                                prompter: FakePrompter) -> None:
    out = tmp_path / "out.json"
    assert files(window).export_json(out)
    assert parse_scenario(out.read_bytes()) == window.ws.scenario
    data = json.loads(out.read_text(encoding="utf-8"))
    data["title"] = "Imported"
    src = tmp_path / "in.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    assert files(window).import_json(src)
    assert window.ws.scenario.title == "Imported"
    assert window.ws.modified  # imported work is not saved anywhere yet
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    prompter.save_answer = "discard"
    assert not files(window).import_json(bad)
    assert "not valid JSON" in prompter.errors[-1][1]
    assert window.ws.scenario.title == "Imported"


# --------------------------------------------------------------------------- recovery


def test_recovery_after_a_crash(qtbot: QtBot, tmp_path: Path, settings: QSettings,
                                mini: Scenario) -> None:
    recovery = tmp_path / "recovery"
    # A session that crashed: its autosave is on disk under a process id that no longer runs.
    crashed = FakePrompter()
    ws = Workspace(mini)
    win = MainWindow(ws, settings, recovery, crashed)
    qtbot.addWidget(win)
    win.editor.add_clause("intl-monitoring")
    win.files.autosave()
    dead_pid = 2**22 + 12345
    for suffix in (".accord", ".json"):
        win.files.recovery_file.with_suffix(suffix).rename(
            recovery / f"recovery-{dead_pid}{suffix}")
    lost = ws.scenario
    ws.undo_stack.setClean()

    # The next start offers it; accepting restores the work as unsaved.
    prompter = FakePrompter(restore_answer=True)
    ws2 = Workspace(mini)
    win2 = MainWindow(ws2, settings, recovery, prompter)
    qtbot.addWidget(win2)
    open_startup(win2, None)
    assert prompter.asked
    assert "autosaved at" in prompter.asked[0]
    assert ws2.scenario == lost
    assert ws2.modified
    assert not list(recovery.glob(f"recovery-{dead_pid}*"))
    ws2.undo_stack.setClean()


def test_autosave_writes_only_when_modified_and_a_clean_exit_removes_it(
    window: MainWindow
) -> None:
    ctl = files(window)
    ctl.autosave()
    assert not ctl.recovery_file.exists()
    window.editor.add_clause("intl-monitoring")
    ctl.autosave()
    assert open_document(ctl.recovery_file) == window.ws.scenario
    assert ctl.orphaned_recoveries() == []  # ours, and we are alive
    ctl.close()
    assert not ctl.recovery_file.exists()


def test_autosave_interval_is_a_setting(window: MainWindow, settings: QSettings) -> None:
    ctl = files(window)
    assert ctl.autosave_timer.interval() == 3 * 60_000
    ctl.set_autosave_minutes(10)
    assert ctl.autosave_timer.interval() == 10 * 60_000
    assert settings.value("autosave/minutes") == 10
    ctl.set_autosave_minutes(0)
    assert not ctl.autosave_timer.isActive()


# --------------------------------------------------------------------------- settings


def test_geometry_splitters_and_recent_files_persist(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, mini: Scenario
) -> None:
    doc = tmp_path / "a.accord"
    save_document(mini, doc)
    first = MainWindow(Workspace(mini), settings, tmp_path / "r", FakePrompter())
    qtbot.addWidget(first)
    first.resize(760, 560)  # inside the offscreen platform's 800x600 screen
    first.show()
    qtbot.waitExposed(first)
    first.main.setSizes([150, 330, 280])
    first.files.open(doc)
    sizes = first.main.sizes()
    assert first.close()

    second = MainWindow(Workspace(mini), settings, tmp_path / "r", FakePrompter())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.size().width(), second.size().height()) == (760, 560)
    assert second.main.sizes() == sizes
    assert second.files.recent_files() == [str(doc.resolve())]
    actions = second.recent_menu.actions()
    assert [a.text() for a in actions] == ["a.accord"]


def test_startup_opens_the_template_or_the_given_file(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, mini: Scenario
) -> None:
    win = MainWindow(Workspace(mini), settings, tmp_path / "r", FakePrompter())
    qtbot.addWidget(win)
    open_startup(win, None)
    assert win.ws.scenario == parse_scenario(default_scenario_path().read_bytes())
    assert win.ws.draft_id == "us-28"
    doc = tmp_path / "mine.accord"
    save_document(mini, doc)
    open_startup(win, doc)
    assert win.ws.path == doc
    assert win.ws.scenario == mini
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_the_app_starts_as_make_run_starts_it(qtbot: QtBot, tmp_path: Path,
                                              settings: QSettings) -> None:
    """`make run`, `accord` and `python -m desktop` build the window this way."""
    from desktop.ui.app import build_window

    win = build_window(None, settings, tmp_path / "recovery")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.ws.scenario.title.startswith("Ending the war in Ukraine")
    assert win.windowTitle() == "Untitled[*] — Accord"
    assert win.status_label.text().startswith("Not viable")


def test_file_menu_offers_briefing_sheets(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    names = {a.objectName() for a in file_menu.actions()}
    assert {"actionPrint", "actionPrintPreview", "actionExportPdf"} <= names


def test_library_menu_questions_go_through_the_windows_prompter(
        window: MainWindow, prompter: FakePrompter) -> None:
    """The Library menu asks and warns through the window's prompter, never a message box of
    its own: a provision no rule mentions is confirmed first (and "no" keeps it), one a red
    line mentions is refused with a warning."""
    before = window.ws.scenario
    prompter.confirm_answer = False
    assert not window.editing.delete_provision("neutral")
    assert len(prompter.asked) == 1
    assert "neutral" in prompter.asked[0]
    assert not window.editing.delete_provision("intl-monitoring")
    [(caption, _)] = prompter.warnings
    assert caption == "Cannot delete the provision"
    assert window.ws.scenario is before

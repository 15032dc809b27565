"""File → Briefing settings (the memo header saved with the document) and the full briefing's
bridge solved in a worker thread, behind a progress dialog with Cancel (issue 14)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.model import BriefingSettings
from desktop.resources import default_scenario_path
from desktop.store import open_document, read_scenario_file, save_document
from desktop.ui.briefing import BriefingActions, BriefingOptions
from desktop.ui.commands import Editor
from desktop.ui.editors import LibraryEditing
from desktop.ui.editors.briefing_settings import BriefingSettingsDialog
from desktop.ui.workspace import Workspace
from desktop.wording import DEFAULT_MARKING
from tests.test_ui_mainwindow import FakePrompter


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def editing(ws: Workspace, editor: Editor, window: QWidget) -> LibraryEditing:
    return LibraryEditing(ws, editor, window, prompter=FakePrompter())


def fill(qtbot: QtBot, dialog: BriefingSettingsDialog) -> None:
    for edit, text in ((dialog.to_edit, "The Minister"), (dialog.from_edit, "Policy Unit"),
                       (dialog.subject_edit, "Where the talks stand"),
                       (dialog.marking_edit, "EYES ONLY")):
        edit.clear()
        qtbot.keyClicks(edit, text)


def saved_settings(ws: Workspace) -> BriefingSettings | None:
    return ws.scenario.briefing


EXPECTED = BriefingSettings(to="The Minister", from_="Policy Unit",
                            subject="Where the talks stand", marking="EYES ONLY")


def test_the_file_menu_action_opens_the_dialog(editing: LibraryEditing,
                                               window: QWidget) -> None:
    menu = QMenu(window)
    action = editing.add_briefing_settings_action(menu)
    assert action.objectName() == "actionBriefingSettings"
    assert action in menu.actions()
    action.trigger()
    assert isinstance(editing.last_dialog, BriefingSettingsDialog)
    assert editing.last_dialog.isVisible()
    editing.last_dialog.reject()


def test_typed_settings_land_in_the_scenario_as_one_undo_step(
        qtbot: QtBot, ws: Workspace, editing: LibraryEditing, tmp_path: Path) -> None:
    before = ws.scenario.briefing
    dialog = editing.edit_briefing_settings()
    fill(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ws.scenario.briefing == EXPECTED
    assert ws.undo_stack.count() == 1

    # Saved with the document ("from" in JSON) and read back.
    path = tmp_path / "briefed.accord"
    save_document(ws.scenario, path)
    assert open_document(path).briefing == EXPECTED

    # The dialog opens on the saved settings; OK unchanged pushes nothing.
    again = editing.edit_briefing_settings()
    assert again.to_edit.text() == "The Minister"
    assert again.marking_edit.text() == "EYES ONLY"
    again.ok_button.click()
    assert ws.undo_stack.count() == 1

    ws.undo_stack.undo()
    assert ws.scenario.briefing == before
    ws.undo_stack.redo()
    assert ws.scenario.briefing == EXPECTED

    # Clearing every field clears the settings.
    cleared = editing.edit_briefing_settings()
    for edit in (cleared.to_edit, cleared.from_edit, cleared.subject_edit, cleared.marking_edit):
        edit.clear()
    cleared.ok_button.click()
    assert saved_settings(ws) is None
    assert ws.undo_stack.count() == 2


def test_user_text_is_kept_as_typed_and_never_read_as_html(
        qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    dialog = editing.edit_briefing_settings()
    qtbot.keyClicks(dialog.to_edit, "<b>Chief</b> & co")
    dialog.ok_button.click()
    assert ws.scenario.briefing is not None
    assert ws.scenario.briefing.to == "<b>Chief</b> & co"


# --------------------------------------------------------------------------- the briefing


@pytest.fixture(scope="module")
def default() -> Scenario:
    return read_scenario_file(default_scenario_path())


class Scripted(BriefingActions):
    def __init__(self, ws: Workspace, parent: QWidget) -> None:
        super().__init__(ws, parent)
        self.answer: BriefingOptions | None = BriefingOptions(kind="full")
        self.path: Path | None = None
        self.errors: list[str] = []

    def choose_options(self, title: str) -> BriefingOptions | None:
        return self.answer

    def choose_path(self, suggested: Path) -> Path | None:
        return self.path

    def show_error(self, message: str) -> None:
        self.errors.append(message)


def test_the_print_dialog_marking_follows_the_settings(qtbot: QtBot, default: Scenario,
                                                        window: QWidget) -> None:
    ws = Workspace(default, window)
    ws.switch_draft("us-28")
    editor = Editor(ws)
    actions = BriefingActions(ws, window)
    assert actions.dialog_options().marking == DEFAULT_MARKING
    editor.put_briefing_settings(EXPECTED)
    assert actions.dialog_options().marking == "EYES ONLY"
    ws.undo_stack.undo()
    assert actions.dialog_options().marking == DEFAULT_MARKING
    # A marking the user typed in the print dialog is kept for the next print.
    actions.options = BriefingOptions(marking="SECRET")
    editor.put_briefing_settings(EXPECTED)
    assert actions.dialog_options().marking == "SECRET"


def test_the_export_holds_the_memo_and_its_recommendation(
        qtbot: QtBot, default: Scenario, window: QWidget, tmp_path: Path) -> None:
    from desktop.report.memo import solve_bridge
    from desktop.wording.memo import recommendation

    ws = Workspace(default, window)
    ws.switch_draft("us-28")
    Editor(ws).put_briefing_settings(EXPECTED)
    actions = Scripted(ws, window)
    actions.answer = BriefingOptions(kind="full", marking="EYES ONLY")
    actions.path = tmp_path / "brief.md"
    assert actions.export_pdf() == actions.path
    assert actions.progress_dialog is None  # closed once solved
    text = actions.path.read_text(encoding="utf-8")
    assert "Recommendation" in text
    for typed in ("The Minister", "Policy Unit", "Where the talks stand"):
        assert typed in text
    draft = ws.scenario.draft("us-28")
    bridge = solve_bridge(ws.scenario, draft)
    lead, _points, _notes = recommendation(bridge.result, ws.scenario, draft,
                                          computed=bridge.computed,
                                          time_limit=bridge.time_limit, error=bridge.error)
    assert "not computed" not in lead
    first_words = " ".join(lead.split()[:4])
    assert first_words in " ".join(text.split())


def test_the_bridge_is_solved_off_the_gui_thread_and_can_be_cancelled(
        qtbot: QtBot, default: Scenario, window: QWidget, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.domain.solver as solver

    threads: list[threading.Thread] = []

    def slow(*_args: object, cancel: solver.CancelToken, **_kw: object) -> object:
        threads.append(threading.current_thread())
        while not cancel.cancelled:  # a solve that only ends when cancelled
            threading.Event().wait(0.01)
        raise AssertionError("not reached when cancelled")

    monkeypatch.setattr(solver, "find_bridge", slow)
    ws = Workspace(default, window)
    ws.switch_draft("us-28")
    actions = Scripted(ws, window)
    actions.path = tmp_path / "brief.pdf"
    ticks: list[int] = []

    def press_cancel() -> None:  # runs only if the window's event loop turns meanwhile
        ticks.append(1)
        assert actions.progress_dialog is not None
        assert actions.progress_dialog.isVisible()
        button = actions.progress_dialog.findChild(QPushButton)
        assert button is not None
        assert button.text() == "Cancel"
        button.click()

    QTimer.singleShot(200, press_cancel)
    assert actions.export_pdf() is None
    assert ticks == [1]
    assert threads
    assert threads[0] is not threading.main_thread()
    assert not actions.path.exists()
    assert not actions.errors
    QApplication.processEvents()


def test_the_window_and_the_sheets_give_the_memo_the_same_time_limit() -> None:
    """The window names the limit itself (so it starts without the report code): it must
    stay the sheets' limit."""
    from desktop.report.sheets import BRIDGE_TIME_LIMIT as SHEETS_LIMIT
    from desktop.ui.briefing import BRIDGE_TIME_LIMIT as WINDOW_LIMIT

    assert WINDOW_LIMIT == SHEETS_LIMIT

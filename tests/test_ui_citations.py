"""Citations picked from the register by title (issue 14): in the provision editor, on red lines
and preferences (with the "inferred" mark) and in Draft → Properties (date, status in words,
proposers by name, cited sources); each dialog's save is one undo step."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain import edit as ops
from desktop.domain.model import Source
from desktop.ui.commands import Editor
from desktop.ui.editors import LibraryEditing
from desktop.ui.editors.draft_properties import DraftPropertiesDialog
from desktop.ui.editors.party import PartyDialog
from desktop.ui.editors.provision import ProvisionDialog
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter

SOURCES = (
    Source(id="S01", title="The 28-point plan", publisher="The Straits Times",
           date=dt.date(2025, 11, 21), url="straitstimes.com/x"),
    Source(id="S02", title="Zelensky's 20 points", publisher="Hindustan Times"),
    Source(id="S03", title="Kremlin read-out"),
)


@pytest.fixture
def cited(mini: Scenario) -> Scenario:
    scenario = mini
    for source in SOURCES:
        scenario = ops.put_source(scenario, source)
    army = scenario.provision("army-cap").model_copy(update={"sources": ("S02", "S01")})
    return ops.put_provision(scenario, army, "army-cap")


@pytest.fixture
def cws(cited: Scenario, qtbot: QtBot) -> Workspace:
    return Workspace(cited)


@pytest.fixture
def editing(cws: Workspace, qtbot: QtBot) -> LibraryEditing:
    window = QWidget()
    qtbot.addWidget(window)
    return LibraryEditing(cws, Editor(cws), window, prompter=FakePrompter())


def shown(picker_list: object) -> list[tuple[str, bool]]:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(picker_list, QListWidget)
    return [(picker_list.item(i).text(), picker_list.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(picker_list.count())]


# --------------------------------------------------------------------------- provisions


def test_the_provision_editor_picks_sources_by_title(qtbot: QtBot, cws: Workspace,
                                                     editing: LibraryEditing) -> None:
    dialog = editing.edit_provision("army-cap")
    assert isinstance(dialog, ProvisionDialog)
    assert shown(dialog.citations.list) == [
        ("The 28-point plan — The Straits Times, 2025-11-21 [S01]", True),
        ("Zelensky's 20 points — Hindustan Times [S02]", True),
        ("Kremlin read-out [S03]", False),
    ]
    # What is ticked is said under the list, so none is out of sight.
    assert dialog.citations.summary.text() == "Cites S02 and S01."
    # Saved unchanged: the citations keep their order and nothing is pushed.
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert cws.undo_stack.count() == 0

    dialog = editing.edit_provision("army-cap")
    assert isinstance(dialog, ProvisionDialog)
    dialog.citations.set_checked_title("The 28-point plan", False)
    dialog.citations.set_checked_title("Kremlin read-out", True)
    assert dialog.citations.summary.text() == "Cites S02 and S03."
    dialog.ok_button.click()
    assert cws.scenario.provision("army-cap").sources == ("S02", "S03")
    assert cws.undo_stack.count() == 1
    cws.undo_stack.undo()
    assert cws.scenario.provision("army-cap").sources == ("S02", "S01")


def test_an_empty_register_says_where_sources_come_from(ws: Workspace, editor: Editor,
                                                        qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    editing = LibraryEditing(ws, editor, window, prompter=FakePrompter())
    dialog = editing.edit_provision("army-cap")
    assert isinstance(dialog, ProvisionDialog)
    assert dialog.citations.list.count() == 0
    assert "Library → Sources…" in dialog.citations.empty_label.text()
    assert dialog.citations.empty_label.isVisibleTo(dialog.citations)


# --------------------------------------------------------------------------- red lines


def test_red_lines_and_preferences_cite_and_are_marked_inferred(
        qtbot: QtBot, cws: Workspace, editing: LibraryEditing) -> None:
    dialog = editing.edit_party("ukraine")
    assert isinstance(dialog, PartyDialog)
    red = dialog.red_lines
    red.select(0)
    assert red.citations.cited() == ()
    assert red.citations.summary.text() == "Cites no source."
    assert not red.inferred_check.isChecked()
    assert red.inferred_check.text().replace("&", "") == "Inferred (no source supports it)"
    red.citations.set_checked_title("Zelensky's 20 points", True)
    red.select(1)
    red.inferred_check.click()
    assert red.inferred_check.isChecked()
    red.select(0)  # each red line shows its own
    assert red.citations.cited() == ("S02",)
    assert not red.inferred_check.isChecked()

    prefs = dialog.preferences
    prefs.select(0)
    prefs.citations.set_checked_title("Kremlin read-out", True)
    prefs.citations.set_checked_title("The 28-point plan", True)
    dialog.ok_button.click()
    assert not dialog.isVisible()

    party = cws.scenario.party("ukraine")
    assert [(r.id, r.sources, r.inferred) for r in party.red_lines] == [
        ("ua-army", ("S02",), False), ("ua-monitor", (), True)]
    assert party.preferences[0].sources == ("S01", "S03")  # register order
    assert cws.undo_stack.count() == 1
    assert cws.undo_stack.undoText() == "Edit party “Ukraine”"

    again = editing.edit_party("ukraine")
    assert isinstance(again, PartyDialog)
    again.red_lines.select(1)
    assert again.red_lines.inferred_check.isChecked()
    again.ok_button.click()
    assert cws.undo_stack.count() == 1  # unchanged: nothing pushed

    cws.undo_stack.undo()
    assert [(r.sources, r.inferred) for r in cws.scenario.party("ukraine").red_lines] == [
        ((), False), ((), False)]


# --------------------------------------------------------------------------- drafts


def test_draft_properties_in_words_as_one_undo_step(qtbot: QtBot, cws: Workspace,
                                                    editing: LibraryEditing) -> None:
    dialog = editing.edit_draft_properties()
    assert isinstance(dialog, DraftPropertiesDialog)
    assert dialog.isVisible()
    statuses = [dialog.status_combo.itemText(i) for i in range(dialog.status_combo.count())]
    assert statuses == ["Not stated", "Proposed", "Leaked", "Agreed", "Working draft"]
    assert shown(dialog.proposers) == [("Ukraine", False), ("Russia", False)]

    qtbot.keyClicks(dialog.date_edit, "19 Nov")
    assert not dialog.ok_button.isEnabled()
    assert "year-month-day" in dialog.problems_label.text()
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "2025-11-19")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("Leaked"))
    dialog.proposers.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.citations.set_checked_title("The 28-point plan", True)
    dialog.title_edit.setText("Leaked plan")
    assert dialog.ok_button.isEnabled()
    before = cws.draft
    assert before is not None
    dialog.ok_button.click()
    assert not dialog.isVisible()

    draft = cws.draft
    assert draft is not None
    assert (draft.id, draft.title, draft.date, draft.status, draft.proposed_by,
            draft.sources) == (before.id, "Leaked plan", dt.date(2025, 11, 19), "leaked",
                               ("russia",), ("S01",))
    assert draft.clauses == before.clauses
    assert cws.undo_stack.count() == 1
    assert cws.undo_stack.undoText() == f"Edit properties of draft “{before.title}”"

    again = editing.edit_draft_properties()
    assert isinstance(again, DraftPropertiesDialog)
    assert again.status_combo.currentText() == "Leaked"
    assert again.date_edit.text() == "2025-11-19"
    again.ok_button.click()
    assert cws.undo_stack.count() == 1

    cws.undo_stack.undo()
    assert cws.draft == before


def test_draft_properties_refuses_a_blank_title(qtbot: QtBot, editing: LibraryEditing) -> None:
    dialog = editing.edit_draft_properties()
    assert dialog is not None
    dialog.title_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems_label.text() == "Cannot save yet: Give the draft a title."


def test_the_draft_menu_has_properties(window: object) -> None:
    from desktop.ui.mainwindow import MainWindow

    assert isinstance(window, MainWindow)
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, "actionDraftProperties")
    assert action is not None
    assert action.text().replace("&", "") == "Properties…"
    action.trigger()
    dialog = window.editing.last_dialog
    assert isinstance(dialog, DraftPropertiesDialog)
    dialog.title_edit.setText("Renamed in its properties")
    dialog.ok_button.click()
    # The draft switcher follows, and Edit → Undo names the step.
    switcher = window.draft.switcher
    assert switcher.itemText(switcher.currentIndex()) == "Renamed in its properties"
    assert window.undo_action.text().startswith("&Undo Edit properties of draft")
    window.ws.undo_stack.undo()
    assert switcher.itemText(switcher.currentIndex()) != "Renamed in its properties"


def test_properties_of_a_draft_deleted_meanwhile_are_refused_in_the_dialog(
        qtbot: QtBot, cws: Workspace, editing: LibraryEditing) -> None:
    dialog = editing.edit_draft_properties()
    assert dialog is not None
    qtbot.keyClicks(dialog.date_edit, "2025-11-19")
    assert Editor(cws).remove_draft()  # the draft goes while the dialog is open
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.text() == ("Not saved: The draft is no longer in the scenario "
                                         "(it was deleted or undone).")

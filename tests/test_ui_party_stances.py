"""The party editor edits what format version 2 added to parties and red lines (a red line's
stance and confidence, the party's no-deal level) and keeps what it does not show (a red
line's relaxation cost; a confidence or level its spin boxes would round)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.interchange import scenario_from_dict, scenario_to_dict
from desktop.ui.commands import Editor
from desktop.ui.editors import LibraryEditing, PartyDialog
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter


def with_odd_values(ukraine: Scenario) -> Scenario:
    """The default scenario with a confidence and a no-deal level no spin box shows exactly,
    and a relaxation cost the dialog has no field for."""
    raw = scenario_to_dict(ukraine)
    party = next(p for p in raw["parties"] if p["id"] == "ukraine")
    party["no_deal"] = 0.333
    party["red_lines"][0]["confidence"] = 0.875
    party["red_lines"][0]["relax_cost"] = 7
    return scenario_from_dict(raw)


def open_dialog(scenario: Scenario, qtbot: QtBot) -> tuple[Workspace, PartyDialog]:
    ws = Workspace(scenario)
    host = QWidget()
    qtbot.addWidget(host)
    editing = LibraryEditing(ws, Editor(ws), host, prompter=FakePrompter())
    dialog = editing.edit_party("ukraine")
    assert isinstance(dialog, PartyDialog)
    return ws, dialog


def test_saving_unchanged_keeps_every_value(ukraine: Scenario, qtbot: QtBot) -> None:
    scenario = with_odd_values(ukraine)
    ws, dialog = open_dialog(scenario, qtbot)
    assert dialog.no_deal_spin.value() == 33
    dialog.red_lines.select(0)
    assert dialog.red_lines.confidence_spin.value() == 88
    dialog.ok_button.click()
    assert ws.undo_stack.count() == 0
    assert ws.scenario.party("ukraine") == scenario.party("ukraine")


def test_stance_confidence_and_no_deal_are_edited_in_one_undo_step(
        ukraine: Scenario, qtbot: QtBot) -> None:
    scenario = with_odd_values(ukraine)
    ws, dialog = open_dialog(scenario, qtbot)
    lines = dialog.red_lines
    lines.select(0)
    stated = lines.stance_combo.findData("stated")
    assert stated >= 0
    lines.stance_combo.setCurrentIndex(stated)
    lines.confidence_spin.setValue(40)
    dialog.no_deal_spin.setValue(20)
    dialog.ok_button.click()
    party = ws.scenario.party("ukraine")
    first = party.red_lines[0]
    assert (first.stance, first.confidence, first.relax_cost) == ("stated", 0.4, 7)
    assert party.no_deal == pytest.approx(0.2)
    # The other red lines are untouched.
    assert party.red_lines[1:] == scenario.party("ukraine").red_lines[1:]
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert ws.scenario.party("ukraine") == scenario.party("ukraine")


def test_no_deal_can_be_cleared(ukraine: Scenario, qtbot: QtBot) -> None:
    ws, dialog = open_dialog(with_odd_values(ukraine), qtbot)
    dialog.no_deal_spin.setValue(dialog.no_deal_spin.minimum())
    assert dialog.no_deal_spin.text() == "Not set"
    dialog.ok_button.click()
    assert ws.scenario.party("ukraine").no_deal is None


def test_preferences_have_no_stance(ukraine: Scenario, qtbot: QtBot) -> None:
    _, dialog = open_dialog(ukraine, qtbot)
    dialog.tabs.setCurrentWidget(dialog.preferences)
    assert not dialog.preferences.stance_combo.isVisibleTo(dialog)
    assert not dialog.preferences.confidence_spin.isVisibleTo(dialog)
    dialog.tabs.setCurrentWidget(dialog.red_lines)
    dialog.red_lines.select(0)
    assert dialog.red_lines.stance_combo.isVisibleTo(dialog)

"""The library, party and scenario editors with pytest-qt: live rule validation, the dialogs
driven like a user would (typing, clicking OK), every change landing in the workspace as one
undo step, domain refusals shown to the user, and user text never read as HTML.

Dialogs are opened with ``open()`` (non-blocking); every question and warning goes through a
``FakePrompter``, so no test waits on a modal loop. The real prompter's boxes are checked once,
closed by a timer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain import BoolParam, ChoiceParam, IntParam, Provision, Scenario
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.params import Choice
from desktop.domain.rules import check_rule
from desktop.ui.commands import Editor
from desktop.ui.editors import (
    LibraryEditing,
    PartyDialog,
    ProvisionDialog,
    RuleEdit,
    ScenarioInfoDialog,
    parse_int,
    parse_number,
)
from desktop.ui.files import QtPrompter
from desktop.ui.inspector import ClauseInspector, NumberBox
from desktop.ui.workspace import Workspace
from desktop.wording import clause_text, rule_error_text
from tests.test_ui_mainwindow import FakePrompter

# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def scenario(mini: Scenario) -> Scenario:
    """The mini scenario under the name these tests use (``ws`` and ``editor`` are on it)."""
    return mini


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def prompter() -> FakePrompter:
    """Answers "no" to every "are you sure?" and cancels every chooser, unless told otherwise."""
    return FakePrompter()


@pytest.fixture
def editing(ws: Workspace, editor: Editor, window: QWidget,
            prompter: FakePrompter) -> LibraryEditing:
    return LibraryEditing(ws, editor, window, prompter=prompter)


def rule_edit(qtbot: QtBot, scenario: Scenario) -> RuleEdit:
    widget = RuleEdit(None, scenario.provision_index)
    qtbot.addWidget(widget)
    return widget


# --------------------------------------------------------------------------- RuleEdit


def test_a_valid_rule_shows_no_error(qtbot: QtBot, scenario: Scenario) -> None:
    edit = rule_edit(qtbot, scenario)
    edit.setText("army-cap -> army-cap.personnel >= 800000")
    assert edit.is_valid()
    assert edit.error() is None
    assert edit.error_text() == ""
    assert edit.error_label.text() == "✓ Valid rule"
    assert edit.edit.property("invalid") is False
    assert edit.text() == "army-cap -> army-cap.personnel >= 800000"


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("army-capp", 1, "'army-capp' is not a provision; did you mean 'Army ceiling' "
                         "(army-cap)?"),
        ("army-cap -> ceiling", 13, "'ceiling' is not a provision; did you mean 'Army ceiling' "
                                    "(army-cap)?"),
        ("army-cap adn neutral", 10, "'adn' is not a word of the rule language; did you mean "
                                     "'and'?"),
        ("army-cap and", 13, "expected a provision id, 'not', 'at_least', 'at_most' or '(', "
                             "found the end of the rule"),
        ('army-cap.personnel >= "many"', 23,
         'type mismatch: army-cap.personnel is a number but "many" is a string'),
        ("army-cap.size > 1", 10, "'army-cap' has no 'size'; it has personnel and phase"),
        ("army-cap.personel > 1", 10, "'army-cap' has no 'personel'; did you mean 'personnel'?"),
        ("", 1, "the rule is empty"),
    ],
)
def test_an_invalid_rule_shows_the_message_with_its_column(
        qtbot: QtBot, scenario: Scenario, text: str, column: int, message: str) -> None:
    edit = rule_edit(qtbot, scenario)
    edit.setText("neutral")
    assert edit.is_valid()
    edit.setText(text)
    assert not edit.is_valid()
    err = edit.error()
    assert err is not None
    assert err.column == column
    assert edit.error_label.text() == f"Column {column}: {message}"
    assert edit.error_label.textFormat() == Qt.TextFormat.PlainText
    assert edit.edit.property("invalid") is True  # the red frame
    assert edit.edit.accessibleDescription() == f"Column {column}: {message}"


def test_typing_emits_validity_changed_only_on_transitions(qtbot: QtBot,
                                                           scenario: Scenario) -> None:
    edit = rule_edit(qtbot, scenario)
    seen: list[bool] = []
    edit.validity_changed.connect(seen.append)
    qtbot.keyClicks(edit.edit, "army-ca")  # each prefix is invalid: no transitions
    assert seen == []
    with qtbot.waitSignal(edit.validity_changed, timeout=1000,
                          check_params_cb=lambda valid: valid is True):
        qtbot.keyClicks(edit.edit, "p")
    assert edit.is_valid()
    with qtbot.waitSignal(edit.validity_changed, timeout=1000,
                          check_params_cb=lambda valid: valid is False):
        qtbot.keyClicks(edit.edit, "p")  # army-capp
    assert edit.error_text().startswith("Column 1: 'army-capp' is not a provision; did you mean")
    qtbot.keyClick(edit.edit, Qt.Key.Key_Backspace)
    assert seen == [True, False, True]
    assert edit.text() == "army-cap"


def test_typing_does_not_move_the_cursor(qtbot: QtBot, scenario: Scenario) -> None:
    edit = rule_edit(qtbot, scenario)
    qtbot.keyClicks(edit.edit, "army-cap and nope")
    assert not edit.is_valid()
    assert edit.edit.textCursor().position() == len("army-cap and nope")


def test_clicking_the_error_puts_the_cursor_at_it(qtbot: QtBot, scenario: Scenario) -> None:
    edit = rule_edit(qtbot, scenario)
    edit.setText("army-cap and army-capp")
    qtbot.mouseClick(edit.error_label, Qt.MouseButton.LeftButton)
    assert edit.edit.textCursor().position() == 13


def test_set_provisions_revalidates(qtbot: QtBot, scenario: Scenario) -> None:
    edit = rule_edit(qtbot, scenario)
    edit.setText("neutral")
    assert edit.is_valid()
    with qtbot.waitSignal(edit.validity_changed, timeout=1000):
        edit.set_provisions({})
    assert edit.error_text() == "Column 1: 'neutral' is not a provision in this library"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="army-cp.ersonl >=<8()\"ntdguae", max_size=30))
def test_rule_edit_agrees_with_the_domain(qtbot: QtBot, scenario: Scenario, text: str) -> None:
    edit = RuleEdit(None, scenario.provision_index)
    try:
        edit.setText(text)
        err = check_rule(text, scenario.provision_index)
        assert edit.is_valid() == (err is None)
        if err is not None:
            words = rule_error_text(err, scenario.provision_index)
            assert edit.error_label.text() == f"Column {err.column}: {words}"
    finally:
        edit.deleteLater()


@given(n=st.integers(min_value=-(10**15), max_value=10**15))
def test_numbers_typed_with_or_without_grouping(n: int) -> None:
    assert parse_int(str(n)) == n
    assert parse_int(f"{n:,}") == n
    assert parse_number(f"{n:_}") == n
    assert parse_int(f"{n}.5") is None


def test_parse_number_keeps_decimals_and_refuses_junk() -> None:
    assert parse_number("2.5") == 2.5
    assert isinstance(parse_number("5"), int)
    assert parse_number("nan") is None
    assert parse_number("inf") is None
    assert parse_number("many") is None
    assert parse_int("") is None


# --------------------------------------------------------------------------- PartyDialog


def open_party(editing: LibraryEditing, party_id: str | None) -> PartyDialog:
    dialog = editing.edit_party(party_id) if party_id else editing.new_party()
    assert isinstance(dialog, PartyDialog)
    assert dialog.isVisible()  # opened with open(): no modal loop
    return dialog


def test_ok_is_disabled_while_a_red_line_rule_is_invalid(qtbot: QtBot,
                                                         editing: LibraryEditing) -> None:
    dialog = open_party(editing, "ukraine")
    assert dialog.ok_button.isEnabled()
    red = dialog.red_lines
    red.add_item()
    qtbot.keyClicks(red.title_edit, "No long withdrawal")
    assert red.id_edit.text() == "no-long-withdrawal"  # follows the title
    qtbot.keyClicks(red.rule_edit.edit, "withdrawal.kms <= 5")
    assert not dialog.ok_button.isEnabled()
    reason = dialog.problems_label.text()
    assert reason.startswith("Cannot save yet: red line 3 (no-long-withdrawal): rule: ")
    assert reason.endswith("Column 12: 'withdrawal' has no 'kms'; did you mean 'km'?")
    assert red.list.item(2).text() == "⚠ No long withdrawal"
    assert dialog.tabs.tabText(0) == "&Red lines (3, 1 to fix)"

    red.rule_edit.edit.clear()
    qtbot.keyClicks(red.rule_edit.edit, "withdrawal -> withdrawal.km <= 5")
    assert dialog.ok_button.isEnabled()
    assert dialog.problems_label.text() == ""
    assert red.list.item(2).text() == "No long withdrawal"
    assert dialog.tabs.tabText(0) == "&Red lines (3)"


def test_fixing_a_rule_in_another_row_reenables_ok(qtbot: QtBot,
                                                   editing: LibraryEditing) -> None:
    dialog = open_party(editing, "ukraine")
    red = dialog.red_lines
    red.select(0)
    red.rule_edit.setText("army-cap -> army-cap.personel >= 800000")
    assert not dialog.ok_button.isEnabled()
    red.select(1)  # the invalid rule is not on screen: OK stays disabled
    assert red.rule_edit.is_valid()
    assert not dialog.ok_button.isEnabled()
    red.select(0)
    assert red.rule_edit.error_text() == (
        "Column 22: 'army-cap' has no 'personel'; did you mean 'personnel'?")
    red.rule_edit.setText("army-cap -> army-cap.personnel >= 800000")
    assert dialog.ok_button.isEnabled()


def test_adding_a_red_line_is_one_undo_step(qtbot: QtBot, ws: Workspace,
                                            editing: LibraryEditing) -> None:
    before = ws.scenario
    dialog = open_party(editing, "ukraine")
    red = dialog.red_lines
    red.add_item()
    qtbot.keyClicks(red.title_edit, "Monitoring for any withdrawal")
    red.id_edit.clear()
    qtbot.keyClicks(red.id_edit, "ua-monitored")
    qtbot.keyClicks(red.title_edit, "!")  # the id no longer follows the title once edited
    assert red.id_edit.text() == "ua-monitored"
    red.rule_edit.setText("withdrawal -> intl-monitoring and intl-monitoring.phase <= 1")
    qtbot.keyClicks(red.rationale_edit, "Kyiv insists on verification.")
    qtbot.keyClicks(red.source_edit, "S40")
    dialog.ok_button.click()

    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    party = dialog.result_party()
    assert party is not None
    assert ws.scenario.party("ukraine") == party
    added = ws.scenario.party("ukraine").red_lines[-1]
    assert (added.id, added.title) == ("ua-monitored", "Monitoring for any withdrawal!")
    assert added.rule == "withdrawal -> intl-monitoring and intl-monitoring.phase <= 1"
    assert (added.rationale, added.source) == ("Kyiv insists on verification.", "S40")
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert ws.scenario == before


def test_red_line_ids_must_be_unique_in_the_scenario(qtbot: QtBot,
                                                     editing: LibraryEditing) -> None:
    dialog = open_party(editing, "ukraine")
    red = dialog.red_lines
    red.add_item()
    red.title_edit.setText("Copy")
    red.rule_edit.setText("neutral")
    red.id_edit.setText("ru-army")  # Russia's
    assert not dialog.ok_button.isEnabled()
    assert red.id_status.text() == "Another red line already has the id 'ru-army'."
    assert red.id_edit.property("invalid") is True
    red.id_edit.setText("ua-army")  # the same party's other red line
    assert red.id_status.text() == "Another red line already has the id 'ua-army'."
    red.id_edit.setText("ua-neutral")
    assert dialog.ok_button.isEnabled()


def test_removing_a_preference(qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    dialog = open_party(editing, "ukraine")
    prefs = dialog.preferences
    prefs.select(1)
    assert prefs.title_edit.text() == "Any guarantee"
    prefs.remove_button.click()
    assert [i.id for i in prefs.items] == ["ua-long"]
    assert dialog.tabs.tabText(1) == "&Preferences (1)"
    dialog.ok_button.click()
    assert [p.id for p in ws.scenario.party("ukraine").preferences] == ["ua-long"]
    assert ws.scenario.party("ukraine").preferences[0].weight == 3  # still an int


def test_a_new_party_with_colour_and_preference(qtbot: QtBot, ws: Workspace,
                                                editing: LibraryEditing,
                                                prompter: FakePrompter) -> None:
    dialog = open_party(editing, None)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems_label.text() == "Cannot save yet: Give the party a name. (and 1 more)"
    qtbot.keyClicks(dialog.name_edit, "Turkey")
    assert dialog.id_edit.text() == "turkey"
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("guarantor"))
    prompter.color_answer = "#E30A17"
    dialog.color_button.click()
    assert prompter.asked == ["Party colour (now #808080)"]
    assert dialog.color_text.text() == "#E30A17"
    prefs = dialog.preferences
    prefs.add_item()
    qtbot.keyClicks(prefs.title_edit, "Black Sea role")
    prefs.rule_edit.setText('guarantee.form == "binding"')
    prefs.weight_spin.setValue(2)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()

    party = ws.scenario.party("turkey")
    assert (party.name, party.role, party.color) == ("Turkey", "guarantor", "#E30A17")
    assert [(p.id, p.weight) for p in party.preferences] == [("black-sea-role", 2)]
    assert isinstance(party.preferences[0].weight, int)
    assert editing.actions == {}  # no menu was populated, the actions still worked


def test_saving_an_unchanged_party_pushes_nothing(editing: LibraryEditing, ws: Workspace) -> None:
    dialog = open_party(editing, "russia")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ws.undo_stack.count() == 0


def test_a_party_can_be_renamed_and_provisions_follow(qtbot: QtBot, ws: Workspace,
                                                      editing: LibraryEditing) -> None:
    dialog = open_party(editing, "russia")
    dialog.id_edit.setText("ukraine")
    assert dialog.id_status.text() == "Another party already has the id 'ukraine'."
    assert not dialog.ok_button.isEnabled()
    dialog.id_edit.setText("ru")
    dialog.ok_button.click()
    assert ws.scenario.provision("army-cap").to == ("ru",)


# --------------------------------------------------------------------------- ProvisionDialog


def open_provision(editing: LibraryEditing, provision_id: str | None) -> ProvisionDialog:
    dialog = editing.edit_provision(provision_id) if provision_id else editing.new_provision()
    assert isinstance(dialog, ProvisionDialog)
    assert dialog.isVisible()
    return dialog


def fill_new_provision(qtbot: QtBot, dialog: ProvisionDialog) -> None:
    qtbot.keyClicks(dialog.title_edit, "Demilitarised zone")
    dialog.category_combo.setEditText("territory")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("mechanism"))
    dialog.by_list.item(0).setCheckState(Qt.CheckState.Checked)  # Ukraine
    dialog.to_list.item(1).setCheckState(Qt.CheckState.Checked)  # Russia
    dialog.text_edit.setPlainText("A zone {width} km wide, policed by {police}.")
    row = dialog.add_param()
    dialog.set_param_cell(row, dialog.COL_NAME, "width")
    dialog.set_param_cell(row, dialog.COL_DEFAULT, "10")
    dialog.set_param_cell(row, dialog.COL_MIN, "0")
    dialog.set_param_cell(row, dialog.COL_MAX, "100")
    dialog.set_param_cell(row, dialog.COL_UNIT, "km")
    row = dialog.add_param()
    dialog.set_param_cell(row, dialog.COL_NAME, "police")
    dialog.set_param_type(row, "choice")
    for choice in ("international", "ukrainian", "joint"):
        type_choice(dialog, choice)
    dialog.set_param_cell(row, dialog.COL_DEFAULT, "joint")


def type_choice(dialog: ProvisionDialog, choice_id: str, label: str = "") -> None:
    """Type a choice into the empty last line of the selected param's choices, as a user
    would (each cell committed on its own)."""
    last = dialog.choices_table.rowCount() - 1
    assert dialog.choice_item(last, dialog.CHOICE_ID).text() == ""
    dialog.choice_item(last, dialog.CHOICE_ID).setText(choice_id)
    if label:
        dialog.choice_item(last, dialog.CHOICE_LABEL).setText(label)


def shown_choices(dialog: ProvisionDialog) -> list[tuple[str, str]]:
    table = dialog.choices_table
    return [(dialog.choice_item(r, dialog.CHOICE_ID).text(),
             dialog.choice_item(r, dialog.CHOICE_LABEL).text()) for r in range(table.rowCount())]


def test_create_a_provision_with_int_and_choice_params(qtbot: QtBot, ws: Workspace,
                                                       editing: LibraryEditing) -> None:
    dialog = open_provision(editing, None)
    fill_new_provision(qtbot, dialog)
    assert dialog.id_edit.text() == "demilitarised-zone"
    set_checked_exclusion = dialog.excludes_list.findItems("Neutrality (neutral)",
                                                           Qt.MatchFlag.MatchExactly)
    set_checked_exclusion[0].setCheckState(Qt.CheckState.Checked)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()

    assert not dialog.isVisible()
    prov = ws.scenario.provision("demilitarised-zone")
    assert prov == dialog.result_provision()
    assert [p.id for p in ws.scenario.provisions][-1] == "demilitarised-zone"
    assert (prov.category, prov.kind, prov.by, prov.to) == (
        "territory", "mechanism", ("ukraine",), ("russia",))
    assert prov.params == (
        IntParam(name="width", type="int", default=10, min=0, max=100, unit="km"),
        ChoiceParam(name="police", type="choice", default="joint",
                    choices=tuple(Choice(id=c) for c in ("international", "ukrainian", "joint"))),
    )
    assert prov.excludes == ("neutral",)
    assert clause_text(prov) == "A zone 10 km wide, policed by joint."
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert "demilitarised-zone" not in ws.scenario.provision_index


def test_a_default_outside_min_max_keeps_the_dialog_open(qtbot: QtBot, ws: Workspace,
                                                         editing: LibraryEditing) -> None:
    dialog = open_provision(editing, None)
    fill_new_provision(qtbot, dialog)
    dialog.set_param_cell(0, dialog.COL_DEFAULT, "150")
    dialog.tabs.setCurrentIndex(0)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == (
        "Not saved: param 'width': default 150 is above max 100")
    assert dialog.tabs.currentIndex() == 1  # the params' tab is brought forward
    assert dialog.result_provision() is None
    assert ws.undo_stack.count() == 0

    dialog.set_param_cell(0, dialog.COL_DEFAULT, "abc")
    dialog.ok_button.click()
    assert dialog.error_label.text() == (
        "Not saved: param 1 (width): the default must be a whole number, not “abc”.")

    dialog.set_param_cell(0, dialog.COL_DEFAULT, "50")
    dialog.set_param_cell(1, dialog.COL_NAME, "phase")
    dialog.ok_button.click()
    assert dialog.error_label.text() == (
        "Not saved: param 2, name: 'phase' is reserved: X.phase always means the clause's phase")
    dialog.set_param_cell(1, dialog.COL_NAME, "2nd")
    dialog.ok_button.click()
    assert dialog.error_label.text() == (
        "Not saved: param 2 (2nd): a name is letters, digits and _, and does not start with a "
        "digit.")
    dialog.set_param_cell(1, dialog.COL_NAME, "police")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ws.scenario.provision("demilitarised-zone").defaults() == {"width": 50,
                                                                      "police": "joint"}


def test_a_placeholder_without_a_param_is_explained(qtbot: QtBot,
                                                    editing: LibraryEditing) -> None:
    dialog = open_provision(editing, None)
    fill_new_provision(qtbot, dialog)
    dialog.text_edit.setPlainText("A zone {width} km wide, {policed}.")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert "text placeholder {policed} is not one of its params" in dialog.error_label.text()


def test_changing_a_param_type_resets_cells_that_no_longer_apply(
        qtbot: QtBot, editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "guarantee")
    assert dialog.params_table.rowCount() == 2
    dialog.set_param_type(0, "bool")
    assert dialog.param_item(0, dialog.COL_MIN).text() == ""
    assert not dialog.param_item(0, dialog.COL_MIN).flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.param_item(0, dialog.COL_DEFAULT).text() == "false"
    dialog.params_table.setCurrentCell(1, 0)
    dialog.remove_param_button.click()
    assert dialog.params_table.rowCount() == 1


def test_labels_steps_and_choice_labels_land_in_the_scenario(
        qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    before = ws.scenario
    dialog = open_provision(editing, "guarantee")
    dialog.tabs.setCurrentIndex(dialog.PARAMS_TAB)
    dialog.set_param_cell(0, dialog.COL_LABEL, "Duration")
    dialog.set_param_cell(0, dialog.COL_STEP, "5")
    dialog.set_param_cell(0, dialog.COL_UNIT, "years")
    dialog.select_param(1)
    assert dialog.details.currentIndex() == dialog.DETAILS_CHOICES
    assert dialog.details_title.text() == "Choices of “form”"
    assert shown_choices(dialog) == [("political", ""), ("binding", ""), ("", "")]
    dialog.choice_item(1, dialog.CHOICE_LABEL).setText("a binding treaty")
    type_choice(dialog, "informal", "an informal understanding")
    assert shown_choices(dialog)[-2:] == [("informal", "an informal understanding"), ("", "")]
    dialog.set_param_cell(1, dialog.COL_LABEL, "Form of the guarantee")
    dialog.ok_button.click()

    assert not dialog.isVisible()
    guarantee = ws.scenario.provision("guarantee")
    assert guarantee.params == (
        IntParam(name="years", type="int", label="Duration", default=15, min=1, max=100,
                 step=5, unit="years"),
        ChoiceParam(name="form", type="choice", label="Form of the guarantee", default="binding",
                    choices=(Choice(id="political"), Choice(id="binding",
                                                             label="a binding treaty"),
                             Choice(id="informal", label="an informal understanding"))),
    )
    assert clause_text(guarantee) == "A guarantee for 15 years, form a binding treaty."
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert ws.scenario == before
    ws.undo_stack.redo()
    assert ws.scenario.provision("guarantee") == guarantee

    # The dialog shows what it saved.
    again = open_provision(editing, "guarantee")
    assert again.param_item(0, again.COL_LABEL).text() == "Duration"
    assert again.param_item(0, again.COL_STEP).text() == "5"
    again.select_param(1)
    assert shown_choices(again) == [("political", ""), ("binding", "a binding treaty"),
                                    ("informal", "an informal understanding"), ("", "")]


def test_a_bool_param_gets_its_words(qtbot: QtBot, ws: Workspace,
                                     editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "neutral")
    dialog.tabs.setCurrentIndex(dialog.PARAMS_TAB)
    dialog.text_edit.setPlainText("Ukraine {neutral}.")
    row = dialog.add_param()
    dialog.set_param_cell(row, dialog.COL_NAME, "neutral")
    dialog.set_param_type(row, "bool")
    assert dialog.details.currentIndex() == dialog.DETAILS_WORDS
    assert dialog.details_title.text() == "Words for “neutral”"
    qtbot.keyClicks(dialog.true_edit, "is neutral")
    qtbot.keyClicks(dialog.false_edit, "may join alliances")
    dialog.set_param_cell(row, dialog.COL_DEFAULT, "true")
    dialog.ok_button.click()
    assert not dialog.isVisible(), dialog.error_label.text()
    neutral = ws.scenario.provision("neutral")
    assert neutral.params == (BoolParam(name="neutral", type="bool", default=True,
                                        true_label="is neutral",
                                        false_label="may join alliances"),)
    assert clause_text(neutral) == "Ukraine is neutral."
    assert clause_text(neutral, {"neutral": False}) == "Ukraine may join alliances."


def test_each_param_keeps_its_own_details(qtbot: QtBot, editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "guarantee")
    dialog.tabs.setCurrentIndex(dialog.PARAMS_TAB)
    row = dialog.add_param()
    dialog.set_param_cell(row, dialog.COL_NAME, "monitor")
    dialog.set_param_type(row, "choice")
    assert shown_choices(dialog) == [("", "")]
    type_choice(dialog, "osce", "the OSCE")
    dialog.select_param(1)
    assert shown_choices(dialog) == [("political", ""), ("binding", ""), ("", "")]
    dialog.select_param(0)
    assert dialog.details.currentIndex() == dialog.DETAILS_NONE
    dialog.select_param(row)
    assert shown_choices(dialog) == [("osce", "the OSCE"), ("", "")]
    # Another type drops the choices, as it empties the cells that no longer apply.
    dialog.set_param_type(row, "bool")
    dialog.set_param_type(row, "choice")
    assert shown_choices(dialog) == [("", "")]
    assert dialog.param_details(row).choices == []


def test_choices_are_added_and_removed_from_the_keyboard(
        qtbot: QtBot, editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "guarantee")
    dialog.tabs.setCurrentIndex(dialog.PARAMS_TAB)
    dialog.select_param(1)
    table = dialog.choices_table
    assert not dialog.remove_choice_button.isEnabled()
    dialog.add_choice_button.click()
    assert (table.currentRow(), table.currentColumn()) == (2, dialog.CHOICE_ID)
    assert table.state() == table.State.EditingState

    def keys(text: str, key: Qt.Key) -> None:
        editor = table.focusWidget()
        assert isinstance(editor, QLineEdit)  # the cell's editor
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, key)

    keys("informal", Qt.Key.Key_Tab)  # on to its label, still typing
    assert (table.currentRow(), table.currentColumn()) == (2, dialog.CHOICE_LABEL)
    keys("Informal", Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # Qt commits queued
    assert shown_choices(dialog) == [("political", ""), ("binding", ""),
                                     ("informal", "Informal"), ("", "")]
    table.setCurrentCell(0, dialog.CHOICE_ID)
    assert dialog.remove_choice_button.isEnabled()
    dialog.remove_choice_button.click()
    assert dialog.param_details(1).choices == [("binding", ""), ("informal", "Informal")]
    table.setCurrentCell(2, dialog.CHOICE_ID)  # the empty last line is no choice to remove
    assert not dialog.remove_choice_button.isEnabled()


def test_choices_without_labels_give_a_note_not_a_refusal(
        qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "guarantee")
    dialog.tabs.setCurrentIndex(dialog.PARAMS_TAB)
    assert dialog.params_status.isVisibleTo(dialog)
    assert dialog.params_status.text() == (
        "⚠ param 2 (form): 2 choices have no label; readers will see “political” and "
        "“binding”.")
    assert dialog.ok_button.isEnabled()
    dialog.select_param(1)
    assert dialog.choice_item(0, dialog.CHOICE_LABEL).toolTip() == (
        "Readers will see “political”")
    dialog.choice_item(0, dialog.CHOICE_LABEL).setText("Political assurances")
    assert dialog.params_status.text() == (
        "⚠ param 2 (form): 1 choice has no label; readers will see “binding”.")
    assert dialog.choice_item(0, dialog.CHOICE_LABEL).toolTip() == ""
    dialog.choice_item(1, dialog.CHOICE_LABEL).setText("A binding treaty")
    assert not dialog.params_status.isVisibleTo(dialog)
    dialog.ok_button.click()
    assert not dialog.isVisible()
    form = ws.scenario.provision("guarantee").param("form")
    assert isinstance(form, ChoiceParam)
    assert [c.label for c in form.choices] == ["Political assurances", "A binding treaty"]


def test_a_bad_step_keeps_the_dialog_open(qtbot: QtBot, ws: Workspace,
                                          editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "guarantee")
    dialog.set_param_cell(0, dialog.COL_STEP, "0")
    dialog.tabs.setCurrentIndex(0)
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "Not saved: param 1 (years): the step must be a whole number above 0 or left empty, "
        "not “0”.")
    assert dialog.tabs.currentIndex() == dialog.PARAMS_TAB
    assert ws.undo_stack.count() == 0


@pytest.mark.parametrize(
    ("new_id", "problem"),
    [
        ("", "Give the provision an id."),
        ("9-lives", "An id starts with a letter."),
        ("bad--id", "Dashes join words: no double dash and no dash at the end."),
        ("has space", "An id is letters, digits and _ in words joined by single dashes "
                      "(e.g. army-cap)."),
        ("and", "'and' is a word of the rule language and cannot be an id."),
        ("army-cap", "Another provision already has the id 'army-cap'."),
        ("ok_id-2", None),
    ],
)
def test_the_id_is_validated_as_the_user_types(qtbot: QtBot, editing: LibraryEditing,
                                               new_id: str, problem: str | None) -> None:
    dialog = open_provision(editing, None)
    fill_new_provision(qtbot, dialog)
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, new_id)
    assert dialog.ok_button.isEnabled() is (problem is None)
    if problem is None:
        assert dialog.problems_label.text() == ""
        assert dialog.id_edit.property("invalid") is False
    else:
        assert dialog.problems_label.text() == f"Cannot save yet: {problem}"
        if new_id:
            assert dialog.id_status.text() == problem
            assert dialog.id_edit.property("invalid") is True


def test_a_category_must_be_id_shaped(qtbot: QtBot, editing: LibraryEditing) -> None:
    dialog = open_provision(editing, None)
    fill_new_provision(qtbot, dialog)
    dialog.category_combo.setEditText("Buffer zones")
    assert not dialog.ok_button.isEnabled()
    assert dialog.category_status.text() == "A category is id-shaped: try “buffer-zones”."
    dialog.category_combo.setEditText("buffer-zones")
    assert dialog.ok_button.isEnabled()


def test_edit_an_existing_provision_title(qtbot: QtBot, ws: Workspace,
                                          editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "guarantee")
    assert dialog.id_edit.text() == "guarantee"
    assert dialog.category_combo.currentText() == "security-guarantees"
    assert dialog.ok_button.isEnabled()
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Binding security guarantee")
    assert dialog.id_edit.text() == "guarantee"  # an existing id never follows the title
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ws.scenario.provision("guarantee").title == "Binding security guarantee"
    assert ws.scenario.provision("guarantee").params == (
        IntParam(name="years", type="int", default=15, min=1, max=100),
        ChoiceParam(name="form", type="choice", default="binding",
                    choices=(Choice(id="political"), Choice(id="binding"))),
    )
    assert ws.undo_stack.undoText() == "Edit provision “Binding security guarantee”"
    ws.undo_stack.undo()
    assert ws.scenario.provision("guarantee").title == "Security guarantee"


def test_renaming_a_provision_named_by_rules_is_refused_in_the_dialog(
        qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    before = ws.scenario
    dialog = open_provision(editing, "army-cap")
    dialog.id_edit.setText("army-ceiling")
    assert dialog.id_status.text() == (
        "⚠ Rules name this provision by its id “army-cap” (Ukraine's red line ‘Army of at least "
        "800k’; Russia's red line ‘Army at most 600k’): renaming is refused until those rules "
        "are changed.")
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text() == (
        "Not saved: “Army ceiling” is named by Ukraine's red line ‘Army of at least 800k’ and "
        "Russia's red line ‘Army at most 600k’: change those rules before renaming it")
    assert ws.scenario == before
    assert ws.undo_stack.count() == 0
    assert dialog.result_provision() is None


def test_renaming_a_free_provision_updates_drafts_and_exclusions(
        qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "neutral")
    dialog.id_edit.setText("neutrality")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert "neutral" not in ws.scenario.provision_index
    assert ws.scenario.provision("guarantee").excludes == ("neutrality",)
    assert ws.draft is not None
    assert ws.draft.index_of("neutrality") == 3


def test_an_exclusion_set_on_the_other_provision_is_shown_read_only(
        editing: LibraryEditing) -> None:
    dialog = open_provision(editing, "neutral")
    items = dialog.excludes_list.findItems("Security guarantee (guarantee)",
                                           Qt.MatchFlag.MatchStartsWith)
    assert len(items) == 1
    assert items[0].checkState() == Qt.CheckState.Checked
    assert not items[0].flags() & Qt.ItemFlag.ItemIsEnabled


# --------------------------------------------------------------------------- deleting


def test_deleting_a_provision_named_by_rules_is_refused_with_the_domain_message(
        ws: Workspace, editing: LibraryEditing, prompter: FakePrompter) -> None:
    before = ws.scenario
    assert editing.delete_provision("army-cap") is False
    assert prompter.asked == []  # no "are you sure?" first: it could not be done anyway
    assert prompter.warnings == [(
        "Cannot delete the provision",
        "“Army ceiling” is named by Ukraine's red line ‘Army of at least 800k’ and Russia's red "
        "line ‘Army at most 600k’: change those rules first")]
    assert ws.scenario == before
    assert ws.undo_stack.count() == 0


def test_deleting_a_free_provision_and_undoing(ws: Workspace, editing: LibraryEditing,
                                               prompter: FakePrompter) -> None:
    before = ws.scenario
    prompter.confirm_answer = True
    assert editing.delete_provision("neutral") is True
    assert prompter.asked == ["Delete the provision “Neutrality” (neutral)?\n\nIt is in 1 draft "
                     "(Draft one); its clauses there are removed too.\n\nYou can undo this."]
    assert "neutral" not in ws.scenario.provision_index
    assert ws.scenario.provision("guarantee").excludes == ()
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert ws.scenario == before


def test_declining_the_confirmation_deletes_nothing(ws: Workspace, editing: LibraryEditing,
                                                    prompter: FakePrompter) -> None:
    assert editing.delete_provision("neutral") is False  # answered without "Delete"
    assert len(prompter.asked) == 1
    assert prompter.asked[0].startswith("Delete the provision “Neutrality” (neutral)?")
    assert prompter.warnings == []
    assert "neutral" in ws.scenario.provision_index
    assert ws.undo_stack.count() == 0


def test_delete_uses_the_current_provision_or_asks(ws: Workspace, editor: Editor,
                                                   window: QWidget) -> None:
    current: list[str | None] = ["neutral"]
    prompter = FakePrompter(confirm_answer=True, choice="withdrawal")
    editing = LibraryEditing(ws, editor, window, current_provision=lambda: current[0],
                             prompter=prompter)
    assert editing.delete_provision() is True
    assert "neutral" not in ws.scenario.provision_index
    assert prompter.offered == []
    current[0] = None
    assert editing.delete_provision() is False  # withdrawal is named by ua-monitor
    assert prompter.offered[0][0] == "Army ceiling"
    assert [caption for caption, _text in prompter.warnings] == ["Cannot delete the provision"]
    assert ("“Withdrawal from Donbas” is named by Ukraine's red line ‘Monitoring with "
            "withdrawal’") in prompter.warnings[0][1]


def test_deleting_a_party(ws: Workspace, editing: LibraryEditing,
                          prompter: FakePrompter) -> None:
    prompter.choice = "russia"
    prompter.confirm_answer = True
    assert editing.delete_party() is True
    assert prompter.offered == [["Ukraine", "Russia"]]
    assert prompter.asked == [
        "Delete the party “Russia” (russia) with its 1 red line and 0 preferences?\n\n"
        "Provisions given by or to it stop naming it. You can undo this."]
    assert [p.id for p in ws.scenario.parties] == ["ukraine"]
    assert ws.scenario.provision("army-cap").to == ()
    ws.undo_stack.undo()
    assert [p.id for p in ws.scenario.parties] == ["ukraine", "russia"]


# --------------------------------------------------------------------------- scenario details


def test_scenario_details(qtbot: QtBot, ws: Workspace, editing: LibraryEditing) -> None:
    dialog = editing.edit_scenario_info()
    assert isinstance(dialog, ScenarioInfoDialog)
    dialog.title_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems_label.text() == "Cannot save yet: Give the scenario a title."
    qtbot.keyClicks(dialog.title_edit, "Mini, revised")
    dialog.summary_edit.setPlainText("Five provisions.")
    dialog.ok_button.click()
    assert (ws.scenario.title, ws.scenario.summary) == ("Mini, revised", "Five provisions.")
    assert ws.undo_stack.count() == 1

    unchanged = editing.edit_scenario_info()
    unchanged.ok_button.click()
    assert not unchanged.isVisible()
    assert ws.undo_stack.count() == 1


# --------------------------------------------------------------------------- the menu


def test_the_menu_actions(qtbot: QtBot, ws: Workspace, editor: Editor, window: QWidget) -> None:
    prompter = FakePrompter(choice="ukraine")
    editing = LibraryEditing(ws, editor, window, current_provision=lambda: "withdrawal",
                             prompter=prompter)
    menu = QMenu(window)
    editing.populate_menu(menu)
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names == ["actionNewProvision", "actionEditProvision", "actionDeleteProvision",
                     "actionNewParty", "actionEditParty", "actionDeleteParty",
                     "actionScenarioInfo", "actionSources"]
    texts = {a.objectName(): a.text().replace("&", "") for a in menu.actions()}
    assert texts["actionNewProvision"] == "New provision…"
    assert texts["actionDeleteParty"] == "Delete party…"

    editing.actions["actionEditProvision"].trigger()
    dialog = editing.last_dialog
    assert isinstance(dialog, ProvisionDialog)
    assert dialog.isVisible()
    assert dialog.id_edit.text() == "withdrawal"
    dialog.reject()

    editing.actions["actionEditParty"].trigger()
    party_dialog = editing.last_dialog
    assert isinstance(party_dialog, PartyDialog)
    assert party_dialog.name_edit.text() == "Ukraine"
    party_dialog.reject()

    editing.actions["actionNewParty"].trigger()
    new_party = editing.last_dialog
    assert isinstance(new_party, PartyDialog)
    assert new_party.heading.text() == "A new party"
    new_party.reject()
    editing.actions["actionScenarioInfo"].trigger()
    info = editing.last_dialog
    assert isinstance(info, ScenarioInfoDialog)
    assert info.isVisible()
    info.reject()

    for party in ("ukraine", "russia"):
        assert editor.remove_party(party)
    assert not editing.actions["actionEditParty"].isEnabled()
    assert not editing.actions["actionDeleteParty"].isEnabled()
    assert editing.actions["actionEditProvision"].isEnabled()


def test_cancelling_the_chooser_opens_nothing(editing: LibraryEditing,
                                              prompter: FakePrompter) -> None:
    assert prompter.choice is None  # as if the chooser was cancelled
    assert editing.edit_provision() is None
    assert editing.edit_party() is None
    assert len(prompter.offered) == 2
    assert editing.last_dialog is None


# --------------------------------------------------------------------------- escaping


HOSTILE = '<img src="file:///etc/hostname"><b>x</b>'


def test_user_text_is_shown_literally(qtbot: QtBot, ws: Workspace, editor: Editor,
                                      editing: LibraryEditing, prompter: FakePrompter) -> None:
    hostile = Provision(id="x", title=HOSTILE, category="misc", kind="commitment",
                        text="Plain.")
    assert editor.put_provision(hostile)
    assert editor.put_party(ws.scenario.party("russia").model_copy(update={"name": HOSTILE}),
                            replaces="russia")

    dialog = open_provision(editing, "x")
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert dialog.heading.text() == f"Editing “{HOSTILE}”"
    dialog.reject()

    other = open_provision(editing, "neutral")
    assert other.excludes_list.findItems(f"{HOSTILE} (x)", Qt.MatchFlag.MatchExactly)
    other.reject()

    party = open_party(editing, "russia")
    assert party.heading.textFormat() == Qt.TextFormat.PlainText
    assert party.heading.text() == f"Editing “{HOSTILE}”"
    party.reject()

    editing.delete_provision("x")  # the confirmation is answered "no" by the fixture
    assert HOSTILE in prompter.asked[-1]  # the real prompter shows it as plain text (below)
    for label in (dialog.problems_label, dialog.error_label, dialog.id_status):
        assert label.textFormat() == Qt.TextFormat.PlainText


def answer_next_box(click: str | None, seen: list[QMessageBox]) -> None:
    """When the next message box is up, note it and close it: click the button labelled
    ``click``, or close it like Escape does (None). Nothing here can fail and leave it open."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, close)  # not up yet
            return
        seen.append(box)
        wanted = [b for b in box.findChildren(QPushButton) if b.text() == click]
        if wanted:
            wanted[0].click()
        else:
            box.reject()

    QTimer.singleShot(0, close)


def test_the_real_prompter_shows_user_text_literally_and_defaults_to_no(window: QWidget) -> None:
    prompter = QtPrompter(window)
    seen: list[QMessageBox] = []
    answer_next_box(None, seen)
    assert prompter.confirm("Delete provision", f"Delete “{HOSTILE}”?", "Delete") is False
    answer_next_box("Delete", seen)
    assert prompter.confirm("Delete provision", f"Delete “{HOSTILE}”?", "Delete") is True
    answer_next_box(None, seen)
    prompter.warn("Cannot delete the provision", HOSTILE)
    assert [b.windowTitle() for b in seen] == ["Delete provision", "Delete provision",
                                               "Cannot delete the provision"]
    for box in seen:
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert HOSTILE in box.text()
    assert seen[0].defaultButton() is seen[0].button(QMessageBox.StandardButton.Cancel)
    assert seen[2].icon() == QMessageBox.Icon.Warning


def test_without_a_prompter_the_editors_ask_with_real_boxes(ws: Workspace, editor: Editor,
                                                           window: QWidget) -> None:
    editing = LibraryEditing(ws, editor, window)
    assert isinstance(editing.prompter, QtPrompter)
    dialog = editing.new_party()
    assert dialog.prompter is editing.prompter  # the dialogs ask through the menu's prompter
    dialog.reject()
    alone = ProvisionDialog(ws.scenario)
    assert isinstance(alone.prompter, QtPrompter)
    assert alone.prompter.parent is alone
    alone.deleteLater()


def test_an_exclusion_set_on_both_sides_survives_an_edit(ws: Workspace, editor: Editor,
                                                         editing: LibraryEditing) -> None:
    neutral = ws.scenario.provision("neutral")
    assert editor.put_provision(neutral.model_copy(update={"excludes": ("guarantee",)}),
                                replaces="neutral")
    dialog = open_provision(editing, "neutral")
    dialog.title_edit.setText("Permanent neutrality")
    dialog.ok_button.click()
    assert ws.scenario.provision("neutral").excludes == ("guarantee",)


# --------------------------------------------------------------------------- keyboard


def focus_chain(start: QWidget, dialog: QDialog) -> list[QWidget]:
    """Widgets Tab visits from ``start``, in order, once round the dialog."""
    out: list[QWidget] = []
    widget = start
    while True:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog)
                and widget.isEnabled()):
            out.append(widget)
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget is start:
            return out


def test_tab_order_follows_the_forms(editing: LibraryEditing) -> None:
    prov = open_provision(editing, "guarantee")
    chain = focus_chain(prov.title_edit, prov)
    order: list[QWidget | None] = [
        prov.title_edit, prov.id_edit, prov.category_combo.lineEdit(), prov.kind_combo,
        prov.by_list, prov.to_list, prov.source_edit, prov.ok_button]
    positions = [chain.index(w) for w in order if w is not None]
    assert positions == sorted(positions)
    prov.reject()

    party = open_party(editing, "ukraine")
    red = party.red_lines
    chain = focus_chain(party.name_edit, party)
    widgets: list[QWidget] = [
        party.name_edit, party.id_edit, party.role_combo, party.color_button, red.list,
        red.add_button, red.remove_button, red.title_edit, red.id_edit, red.rule_edit.tab_first(),
        red.rationale_edit, red.source_edit, party.ok_button]
    positions = [chain.index(w) for w in widgets]
    assert positions == sorted(positions)


def mnemonic(text: str) -> str:
    return text[text.index("&") + 1].lower()


@pytest.mark.parametrize("kind", ["party", "provision"])
def test_visible_mnemonics_are_unique_and_labels_have_buddies(editing: LibraryEditing,
                                                              kind: str) -> None:
    dialog: QDialog
    if kind == "party":
        dialog = open_party(editing, "ukraine")
    else:
        dialog = open_provision(editing, "guarantee")
    labels = [label for label in dialog.findChildren(QLabel)
              if "&" in label.text() and label.isVisibleTo(dialog)]
    assert len(labels) >= 6
    for label in labels:
        assert label.buddy() is not None, label.text()
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None
    keys = [mnemonic(label.text()) for label in labels]
    keys += [mnemonic(tabs.tabText(i)) for i in range(tabs.count())]
    assert len(keys) == len(set(keys)), keys
    if isinstance(dialog, PartyDialog):
        buddies = {label.text(): label.buddy() for label in labels}
        assert buddies["&Name:"] is dialog.name_edit
        assert buddies["R&ule:"] is dialog.red_lines.rule_edit


def test_problem_tooltips_are_escaped(editing: LibraryEditing) -> None:
    dialog = open_party(editing, "ukraine")
    red = dialog.red_lines
    red.select(0)
    red.rule_edit.setText('guarantee.form == "<b>x</b>"')
    assert red.rule_edit.error_label.text() == (
        'Column 19: "<b>x</b>" is not a choice of guarantee.form; the choices are "binding" '
        'and "political"')
    tip = dialog.ok_button.toolTip()
    assert tip.startswith("<qt>")
    assert "&quot;&lt;b&gt;x&lt;/b&gt;&quot; is not a choice" in tip
    assert "&lt;b&gt;x" in red.list.item(0).toolTip()


def test_a_title_its_rule_no_longer_agrees_with_is_warned_not_refused(
        qtbot: QtBot, editing: LibraryEditing) -> None:
    dialog = open_party(editing, "ukraine")
    red = dialog.red_lines
    red.select(0)  # "Army of at least 800k": army-cap -> army-cap.personnel >= 800000
    assert red.title_status.isHidden()
    red.rule_edit.setText("army-cap -> army-cap.personnel >= 600000")
    assert not red.title_status.isHidden()
    assert red.title_status.text().startswith("⚠ The title says “800k” but the rule does not")
    assert red.title_status.property("state") == "note"
    assert red.title_edit.property("invalid") is False
    assert dialog.ok_button.isEnabled()  # a warning: the user may save
    assert red.list.item(0).text() == "Army of at least 800k"  # not marked to fix
    red.select(1)  # another red line: its own (empty) note
    assert red.title_status.isHidden()
    red.select(0)
    assert not red.title_status.isHidden()
    red.title_edit.setText("Army of at least 600,000")  # the title follows the rule
    assert red.title_status.isHidden()
    assert dialog.ok_button.isEnabled()


# --------------------------------------------------------------------------- the step in use


def test_the_clause_inspector_steps_by_a_params_step(mini: Scenario, qtbot: QtBot) -> None:
    data = mini.model_dump(mode="json")
    data["provisions"][1]["params"][0]["step"] = 5  # withdrawal.km
    data["provisions"][1]["params"].append(
        {"name": "ratio", "type": "number", "min": 0, "max": 1, "default": 0.5, "step": 0.1})
    ws = Workspace(scenario_from_dict(data))
    inspector = ClauseInspector(ws, Editor(ws))
    qtbot.addWidget(inspector)
    inspector.show_clause("withdrawal")
    km = inspector.editor_for("km")
    assert isinstance(km, QSpinBox)
    assert km.singleStep() == 5
    start = km.value()
    qtbot.keyClick(km, Qt.Key.Key_Up)
    assert ws.draft is not None
    assert ws.draft.clauses[1].values["km"] == start + 5
    ratio = inspector.editor_for("ratio")
    assert isinstance(ratio, NumberBox)
    ratio.stepBy(1)
    assert ws.draft.clauses[1].values["ratio"] == 0.6  # decimal steps: not 0.6000000000000001
    ratio.stepBy(-3)
    assert ws.draft.clauses[1].values["ratio"] == 0.3
    ratio.stepBy(10)
    assert ws.draft.clauses[1].values["ratio"] == 1  # within the bounds
    inspector.show_clause("army-cap")  # no step: by one, as before
    personnel = inspector.editor_for("personnel")
    assert isinstance(personnel, QSpinBox)
    assert personnel.singleStep() == 1

"""The red-line builder with pytest-qt: a rule built by choosing labels in lists and typing a
number, the constructs added and removed with the buttons, the text view and back, rules the
rows cannot show kept as text, and the party editor on the default scenario showing every red
line and preference as rows and saving them unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QListWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.params import BoolParam, ChoiceParam, IntParam
from desktop.domain.rules import mentioned, parse
from desktop.ui.commands import Editor
from desktop.ui.editors import LibraryEditing, PartyDialog, RuleEdit
from desktop.ui.editors.rule_builder import RuleBuilder
from desktop.ui.workspace import Workspace
from desktop.wording.values import choice_label, param_label, value_text
from tests.test_ui_mainwindow import FakePrompter

# --------------------------------------------------------------------------- helpers


@pytest.fixture
def builder(qtbot: QtBot, ukraine: Scenario) -> RuleBuilder:
    widget = RuleBuilder(ukraine.provision_index)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


@pytest.fixture
def rule_edit(qtbot: QtBot, ukraine: Scenario) -> RuleEdit:
    widget = RuleEdit(None, ukraine.provision_index, builder=True)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def control(builder: RuleBuilder, key: str) -> QWidget:
    widget = builder.control(key)
    assert widget is not None, (key, [w.property("builderKey") for w in builder.focus_widgets()])
    return widget


def combo(builder: RuleBuilder, key: str) -> QComboBox:
    widget = control(builder, key)
    assert isinstance(widget, QComboBox)
    return widget


def items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def pick(builder: RuleBuilder, key: str, label: str) -> None:
    """Choose ``label`` in a list, as a user reads it (never by id)."""
    box = combo(builder, key)
    index = box.findText(label)
    assert index >= 0, (label, items(box))
    box.setCurrentIndex(index)


def click(builder: RuleBuilder, key: str) -> None:
    button = control(builder, key)
    assert isinstance(button, QAbstractButton)
    button.click()


def tab_order(start: QWidget, among: list[QWidget]) -> list[QWidget]:
    """The widgets of ``among`` in the order Tab visits them from ``start``, once round."""
    out: list[QWidget] = []
    widget = start
    while True:
        if widget in among and widget not in out:
            out.append(widget)
        following = widget.nextInFocusChain()
        assert following is not None
        widget = following
        if widget is start:
            return out


def add_from_menu(builder: RuleBuilder, key: str, action: str) -> None:
    button = control(builder, key)
    assert isinstance(button, QToolButton)
    menu = button.menu()
    assert menu is not None
    found = menu.findChild(QAction, action)
    assert found is not None
    found.trigger()


# --------------------------------------------------------------------------- building a rule


def test_build_army_personnel_at_least_800000(qtbot: QtBot, builder: RuleBuilder,
                                              ukraine: Scenario) -> None:
    seen: list[str] = []
    builder.changed.connect(seen.append)
    assert builder.problem() == "The rule has no conditions yet: press Add condition."
    click(builder, "0:add")
    assert seen[-1]  # a condition that the first provision is in the draft
    army = ukraine.provision("army-cap")
    personnel = army.param("personnel")
    assert isinstance(personnel, IntParam)

    pick(builder, "0.0:provision", army.title)
    assert seen[-1] == "army-cap"
    pick(builder, "0.0:what", param_label(personnel))
    pick(builder, "0.0:condition", "is at least")
    spin = control(builder, "0.0:value")
    assert isinstance(spin, QDoubleSpinBox)
    assert (spin.minimum(), spin.maximum()) == (personnel.min, personnel.max)
    assert spin.singleStep() == (personnel.step or 1)
    assert spin.decimals() == 0
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "800000")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert seen[-1] == "army-cap.personnel >= 800000"
    assert builder.text() == "army-cap.personnel >= 800000"
    assert builder.problem() is None
    assert "800,000" in spin.text()  # grouped, as people write it


def test_lists_show_labels_not_ids(builder: RuleBuilder, ukraine: Scenario) -> None:
    provisions = ukraine.provision_index
    assert builder.load('donbas-zone.policing == "ukrainian-police" and '
                        "donbas-zone.russia_mirrors == true") is None
    prov_items = items(combo(builder, "0.0:provision"))
    assert provisions["donbas-zone"].title in prov_items
    assert not set(prov_items) & set(provisions)  # titles, never ids
    zone = provisions["donbas-zone"]
    what = items(combo(builder, "0.0:what"))
    assert what[:2] == ["is in the draft", "is not in the draft"]
    assert what[2:] == [param_label(s) for s in zone.params] + ["Phase"]
    policing = zone.param("policing")
    assert isinstance(policing, ChoiceParam)
    values = combo(builder, "0.0:value")
    assert values.currentText() == choice_label(policing, "ukrainian-police")
    assert items(values) == [choice_label(policing, c) for c in policing.ids]
    mirrors = zone.param("russia_mirrors")
    assert isinstance(mirrors, BoolParam)
    words = combo(builder, "0.1:value")
    assert items(words) == [value_text(mirrors, True), value_text(mirrors, False)]
    assert words.currentText() == value_text(mirrors, True)
    pick(builder, "0.1:value", value_text(mirrors, False))
    assert builder.text() == ('donbas-zone.policing == "ukrainian-police" and '
                              "donbas-zone.russia_mirrors == false")


def test_one_of_and_none_of_tick_choices_by_label(builder: RuleBuilder,
                                                  ukraine: Scenario) -> None:
    rule = 'not (terr-recognition.level in ["de-facto-sovereignty", "de-jure"])'
    assert builder.load(rule) is None
    assert builder.text() == rule
    assert combo(builder, "0.0:condition").currentText() == "is none of"
    ticks = control(builder, "0.0:values")
    assert isinstance(ticks, QListWidget)
    level = ukraine.provision("terr-recognition").param("level")
    assert isinstance(level, ChoiceParam)
    ticked = [ticks.item(i).text() for i in range(ticks.count())
              if ticks.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == [choice_label(level, "de-facto-sovereignty"), choice_label(level, "de-jure")]
    line = next(i for i in range(ticks.count())
                if ticks.item(i).text() == choice_label(level, "de-facto-line"))
    ticks.item(line).setCheckState(Qt.CheckState.Checked)
    assert builder.text() == ('not (terr-recognition.level in ["de-facto-sovereignty", '
                              '"de-jure", "de-facto-line"])')
    pick(builder, "0.0:condition", "is one of")
    assert builder.text().startswith("terr-recognition.level in [")


def test_groups_if_then_and_at_least_from_the_buttons(builder: RuleBuilder,
                                                      ukraine: Scenario) -> None:
    provisions = ukraine.provision_index
    click(builder, "0:add")
    pick(builder, "0.0:provision", provisions["ceasefire"].title)
    add_from_menu(builder, "0:more", "AddIfThen")
    pick(builder, "0.1.if.0:provision", provisions["donbas-zone"].title)
    pick(builder, "0.1.then.0:provision", provisions["us-guarantee"].title)
    pick(builder, "0.1.then.0:what", "Phase")
    pick(builder, "0.1.then.0:condition", "is at most")
    pick(builder, "0.1.then.0:source", "that of")
    pick(builder, "0.1.then.0:other-provision", provisions["donbas-zone"].title)
    assert builder.text() == ("ceasefire and (donbas-zone -> us-guarantee.phase <= "
                              "donbas-zone.phase)")
    add_from_menu(builder, "0:more", "AddCount")
    pick(builder, "0.2.0:provision", provisions["g8-return"].title)
    click(builder, "0.2:add")
    pick(builder, "0.2.1:provision", provisions["arms-control"].title)
    k = control(builder, "0.2:k")
    k.setProperty("value", 2)
    assert builder.text().endswith(" and at_least(2, g8-return, arms-control)")
    pick(builder, "0.2:count-kind", "at most")
    assert builder.text().endswith(" and at_most(2, g8-return, arms-control)")
    add_from_menu(builder, "0:more", "AddGroup")
    pick(builder, "0.3.0:provision", provisions["elections"].title)
    click(builder, "0.3:add")
    pick(builder, "0.3.1:provision", provisions["ratification"].title)
    assert builder.text().endswith(" and (elections or ratification)")
    pick(builder, "0.3:kind", "none of")
    assert builder.text().endswith(" and not (elections or ratification)")
    pick(builder, "0:kind", "any of")
    assert builder.text().startswith("ceasefire or (donbas-zone -> ")
    # Removing rows: the count, then the if ... then ..., then the group.
    click(builder, "0.2:remove")
    click(builder, "0.1.if:remove")
    click(builder, "0.1:remove")
    assert builder.text() == "ceasefire"
    parse(builder.text())


def test_a_lone_row_of_an_if_cannot_be_removed(builder: RuleBuilder) -> None:
    assert builder.load("army-cap -> army-cap.personnel >= 800000") is None
    assert not control(builder, "0.0.if.0:remove").isEnabled()
    assert not control(builder, "0.0.then.0:remove").isEnabled()
    click(builder, "0.0.then:add")
    assert control(builder, "0.0.then.0:remove").isEnabled()


def test_rows_that_make_no_rule_emit_nothing_to_save(builder: RuleBuilder) -> None:
    seen: list[str] = []
    builder.changed.connect(seen.append)
    ticks_rule = 'terr-recognition.level in ["de-jure"]'
    assert builder.load(ticks_rule) is None
    ticks = control(builder, "0.0:values")
    assert isinstance(ticks, QListWidget)
    for i in range(ticks.count()):
        ticks.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert seen[-1] == ""
    problem = builder.problem()
    assert problem is not None
    assert problem.startswith("Not a rule yet: ")


def test_the_focus_follows_the_rows_and_tab_goes_top_to_bottom(builder: RuleBuilder) -> None:
    assert builder.load("army-cap -> army-cap.personnel >= 800000") is None
    widgets = builder.focus_widgets()
    assert all(w.accessibleName() for w in widgets)
    assert tab_order(widgets[0], widgets) == widgets
    click(builder, "0.0.then:add")  # the new row's provision list takes the focus
    assert builder.window().focusWidget() is control(builder, "0.0.then.1:provision")


def test_a_change_far_down_keeps_the_rows_in_view(qtbot: QtBot, builder: RuleBuilder,
                                                  ukraine: Scenario) -> None:
    rule = next(r.rule for r in ukraine.party("ukraine").red_lines
                if r.id == "ua-donbas-conditions")
    assert builder.load(rule) is None
    builder.resize(700, 220)
    bar = builder.rows_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    pick(builder, "0.0.then.3:condition", "is not")
    assert builder.text().endswith("donbas-zone.referendum_required != true)")
    qtbot.waitUntil(lambda: bar.value() > 0)
    target = control(builder, "0.0.then.3:condition")
    assert builder.window().focusWidget() is target
    top = target.mapTo(builder.rows_area.viewport(), target.rect().topLeft()).y()
    assert 0 <= top < builder.rows_area.viewport().height()


# --------------------------------------------------------------------------- the text view


def test_switching_to_text_and_back(qtbot: QtBot, rule_edit: RuleEdit) -> None:
    builder = rule_edit.builder
    toggle = rule_edit.toggle
    assert builder is not None
    assert toggle is not None
    texts: list[str] = []
    rule_edit.text_changed.connect(texts.append)
    rule_edit.setText("army-cap -> army-cap.personnel >= 800000")
    assert not rule_edit.in_text_view()
    assert rule_edit.edit.isHidden()
    assert builder.text() == rule_edit.text()
    assert rule_edit.error_label.text() == "✓ Valid rule"

    # An edit in the rows is an edit of the text.
    pick(builder, "0.0.then.0:condition", "is more than")
    assert rule_edit.text() == "army-cap -> army-cap.personnel > 800000"
    assert texts[-1] == rule_edit.text()

    toggle.click()
    assert rule_edit.in_text_view()
    assert not rule_edit.edit.isHidden()
    assert rule_edit.edit.toPlainText() == "army-cap -> army-cap.personnel > 800000"
    rule_edit.edit.selectAll()
    qtbot.keyClicks(rule_edit.edit, "army-cap and ceasefire")
    assert texts[-1] == "army-cap and ceasefire"
    toggle.click()
    assert not rule_edit.in_text_view()
    assert builder.text() == "army-cap and ceasefire"
    assert combo(builder, "0:kind").currentText() == "all of"

    # Back and forth without an edit keeps the rows as they were.
    click(builder, "0:add")
    toggle.click()
    toggle.click()
    assert combo(builder, "0.2:provision") is not None


def test_a_text_that_does_not_parse_stays_in_the_text_view(qtbot: QtBot,
                                                           rule_edit: RuleEdit) -> None:
    toggle = rule_edit.toggle
    assert toggle is not None
    rule_edit.setText("army-cap")
    toggle.click()
    rule_edit.edit.selectAll()
    qtbot.keyClicks(rule_edit.edit, "army-cap adn ceasefire")
    message = rule_edit.error_label.text()
    assert message.startswith("Column 10: 'adn' is not a word of the rule language")
    toggle.click()  # refused: the text stays, with its error
    assert rule_edit.in_text_view()
    assert toggle.isChecked()
    assert rule_edit.error_label.text() == message
    assert rule_edit.note.text() == "Fix the rule to build it from rows."
    assert rule_edit.text() == "army-cap adn ceasefire"


def test_an_invalid_rule_set_from_outside_is_shown_as_text(rule_edit: RuleEdit) -> None:
    rule_edit.setText("army-cap.personel >= 1")
    assert rule_edit.in_text_view()
    assert rule_edit.note.text() == "Shown as text until the rule is valid."
    assert rule_edit.error_text().startswith("Column 10: 'army-cap' has no 'personel'")
    rule_edit.setText("army-cap.personnel >= 1")  # another rule: rows again
    assert not rule_edit.in_text_view()
    assert rule_edit.note.isHidden()


def test_a_rule_the_rows_cannot_show_is_kept_as_text_with_a_note(rule_edit: RuleEdit) -> None:
    rule = "army-cap.personnel in [600000, 800000]"
    rule_edit.setText(rule)
    assert rule_edit.in_text_view()
    assert rule_edit.is_valid()
    assert rule_edit.note.text().startswith("The builder cannot show this rule: it lists "
                                            "numbers")
    assert rule_edit.text() == rule  # never changed to fit


def test_the_text_view_is_remembered_across_rules(rule_edit: RuleEdit) -> None:
    toggle = rule_edit.toggle
    assert toggle is not None
    rule_edit.setText("army-cap")
    toggle.click()
    rule_edit.setText("ceasefire")
    assert rule_edit.in_text_view()
    toggle.click()
    rule_edit.setText("army-cap")
    assert not rule_edit.in_text_view()


def test_a_hand_written_rule_keeps_its_text_until_the_rows_change_it(
        rule_edit: RuleEdit) -> None:
    builder = rule_edit.builder
    assert builder is not None
    rule_edit.setText("army-cap  ->  (army-cap.personnel>=800000)")
    assert builder.text() == "army-cap  ->  (army-cap.personnel>=800000)"
    pick(builder, "0.0.then.0:condition", "is at most")
    pick(builder, "0.0.then.0:condition", "is at least")  # the same rule again
    assert rule_edit.text() == "army-cap  ->  (army-cap.personnel>=800000)"
    pick(builder, "0.0.then.0:condition", "is less than")
    assert rule_edit.text() == "army-cap -> army-cap.personnel < 800000"


# --------------------------------------------------------------------------- the party editor


@pytest.fixture
def ukraine_editing(qtbot: QtBot, ukraine: Scenario) -> tuple[Workspace, LibraryEditing]:
    ws = Workspace(ukraine)
    window = QWidget()
    qtbot.addWidget(window)
    return ws, LibraryEditing(ws, Editor(ws), window, prompter=FakePrompter())


def open_ukraine(editing: LibraryEditing) -> PartyDialog:
    dialog = editing.edit_party("ukraine")
    assert isinstance(dialog, PartyDialog)
    return dialog


def shown_titles(builder: RuleBuilder) -> set[str]:
    return {w.currentText() for w in builder.focus_widgets()
            if isinstance(w, QComboBox) and "rovision" in w.accessibleName()}


def test_the_party_editor_shows_every_rule_as_rows_and_saves_them_unchanged(
        ukraine_editing: tuple[Workspace, LibraryEditing], ukraine: Scenario) -> None:
    ws, editing = ukraine_editing
    dialog = open_ukraine(editing)
    party = ukraine.party("ukraine")
    for editor, rules in ((dialog.red_lines, [(r.id, r.rule) for r in party.red_lines]),
                          (dialog.preferences, [(p.id, p.rule) for p in party.preferences])):
        dialog.tabs.setCurrentWidget(editor)
        assert len(editor.items) == len(rules)
        for row, (rule_id, rule) in enumerate(rules):
            editor.select(row)
            field = editor.rule_edit
            assert field.builder is not None
            assert not field.in_text_view(), rule_id
            assert field.builder.isVisibleTo(dialog)
            assert field.builder.text() == rule
            assert field.text() == rule
            titles = {ukraine.provision(pid).title for pid in mentioned(parse(rule))}
            assert titles <= shown_titles(field.builder), rule_id
            assert editor.items[row].rule == rule
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ws.undo_stack.count() == 0
    assert ws.scenario == ukraine


def test_an_edit_in_the_rows_is_saved_as_one_undo_step(
        ukraine_editing: tuple[Workspace, LibraryEditing], ukraine: Scenario) -> None:
    ws, editing = ukraine_editing
    dialog = open_ukraine(editing)
    red = dialog.red_lines
    row = next(i for i, item in enumerate(red.items) if item.id == "ua-army-800k")
    red.select(row)
    builder = red.rule_edit.builder
    assert builder is not None
    spin = control(builder, "0.0.then.0:value")
    assert isinstance(spin, QDoubleSpinBox)
    spin.setValue(850_000)
    assert red.items[row].rule == "army-cap -> army-cap.personnel >= 850000"
    assert "800,000" in red.title_status.text()  # the title no longer agrees: a warning
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ws.undo_stack.count() == 1
    saved = {r.id: r.rule for r in ws.scenario.party("ukraine").red_lines}
    assert saved["ua-army-800k"] == "army-cap -> army-cap.personnel >= 850000"
    ws.undo_stack.undo()
    assert ws.scenario == ukraine


def test_emptying_the_rows_disables_ok(ukraine_editing: tuple[Workspace, LibraryEditing]
                                       ) -> None:
    _, editing = ukraine_editing
    dialog = open_ukraine(editing)
    red = dialog.red_lines
    red.select(0)
    builder = red.rule_edit.builder
    assert builder is not None
    click(builder, "0.0:remove")
    assert builder.text() == ""
    assert not dialog.ok_button.isEnabled()
    assert red.rule_edit.error_label.text() == ("The rule has no conditions yet: press "
                                                "Add condition.")
    click(builder, "0:add")
    assert dialog.ok_button.isEnabled()


def test_the_rule_field_is_reached_by_tab_and_its_mnemonic(
        ukraine_editing: tuple[Workspace, LibraryEditing]) -> None:
    _, editing = ukraine_editing
    dialog = open_ukraine(editing)
    red = dialog.red_lines
    builder = red.rule_edit.builder
    toggle = red.rule_edit.toggle
    assert builder is not None
    assert toggle is not None
    assert "&" in toggle.text()
    order = [red.id_edit, toggle, *builder.focus_widgets(), red.rationale_edit]
    assert tab_order(red.id_edit, order) == order
    assert red.rule_edit.focusProxy() is builder

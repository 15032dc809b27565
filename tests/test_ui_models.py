"""Item models and panels with pytest-qt: model tests, drops through the model and through view
events, undo/redo, the inspector and the red-line panel."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QSpinBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.interchange import scenario_from_dict
from desktop.ui.commands import Editor
from desktop.ui.draft import DraftPanel
from desktop.ui.inspector import ClauseInspector
from desktop.ui.models import (
    CLAUSE_MIME,
    PROVISION_MIME,
    DraftModel,
    LibraryFilter,
    LibraryModel,
    ProvisionIdRole,
    ViolationsRole,
)
from desktop.ui.redlines import RedLinePanel
from desktop.ui.workspace import Change, What, Workspace

# The fixtures ws (a workspace on mini) and editor are in conftest.py.


def clause_ids(ws: Workspace) -> list[str]:
    assert ws.draft is not None
    return [c.provision for c in ws.draft.clauses]


def provision_mime(*ids: str) -> QMimeData:
    data = QMimeData()
    data.setData(PROVISION_MIME, json.dumps(list(ids)).encode())
    data.setText("clause text")
    return data


# --------------------------------------------------------------------------- model testers


def test_library_model_passes_the_model_tester(
    ws: Workspace, editor: Editor, qtmodeltester: ModelTester
) -> None:
    model = LibraryModel(ws)
    qtmodeltester.check(model)
    editor.add_clause("intl-monitoring")  # in-draft marks change while the tester watches
    editor.remove_clause(0)
    ws.undo_stack.undo()


def test_library_filter_passes_the_model_tester(ws: Workspace, qtmodeltester: ModelTester
                                                ) -> None:
    proxy = LibraryFilter()
    proxy.setSourceModel(LibraryModel(ws))
    qtmodeltester.check(proxy)
    proxy.set_needle("monitor")


def test_draft_model_passes_the_model_tester(
    ws: Workspace, editor: Editor, qtmodeltester: ModelTester
) -> None:
    model = DraftModel(ws, editor)
    qtmodeltester.check(model)
    # Every kind of change while the tester checks the signals' consistency.
    editor.add_clause("intl-monitoring", 1)
    editor.move_clause(0, 3)
    editor.move_clause(3, 0)
    editor.set_value(0, "personnel", 700_000)
    editor.remove_clause(2)
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    editor.new_draft("Empty")
    ws.undo_stack.undo()


# --------------------------------------------------------------------------- library


def test_library_groups_by_category_and_filters(ws: Workspace) -> None:
    model = LibraryModel(ws)
    cats = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert cats == ["Military limits (1)", "Territory (1)", "Monitoring (1)",
                    "Security guarantees (1)", "Alliances (1)"]
    proxy = LibraryFilter()
    proxy.setSourceModel(model)

    def visible() -> list[str]:
        out = []
        for r in range(proxy.rowCount()):
            cat = proxy.index(r, 0)
            out += [proxy.index(i, 0, cat).data(ProvisionIdRole)
                    for i in range(proxy.rowCount(cat))]
        return out

    proxy.set_needle("guarantee")  # title
    assert visible() == ["guarantee"]
    proxy.set_needle("intl-mon")  # id
    assert visible() == ["intl-monitoring"]
    proxy.set_needle("peacetime")  # text
    assert visible() == ["army-cap"]
    proxy.set_needle("")
    assert len(visible()) == 5


def test_library_mime_carries_ids_and_clause_text(ws: Workspace) -> None:
    model = LibraryModel(ws)
    index = model.index_of("army-cap")
    data = model.mimeData([index])
    assert json.loads(bytes(data.data(PROVISION_MIME).data())) == ["army-cap"]
    assert data.text() == (
        "Ukraine's armed forces will not exceed 800,000 personnel in peacetime.")
    assert set(model.mimeTypes()) == {PROVISION_MIME, "text/plain"}
    assert model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_library_marks_provisions_in_the_draft(ws: Workspace, editor: Editor) -> None:
    model = LibraryModel(ws)
    assert model.index_of("army-cap").data() == "✓ Army ceiling"
    assert model.index_of("intl-monitoring").data() == "International monitoring"
    editor.add_clause("intl-monitoring")
    assert model.index_of("intl-monitoring").data() == "✓ International monitoring"


# --------------------------------------------------------------------------- drops via the model


def test_drop_provision_inserts_at_the_drop_row(ws: Workspace, editor: Editor) -> None:
    model = DraftModel(ws, editor)
    assert model.canDropMimeData(provision_mime("intl-monitoring"), Qt.DropAction.CopyAction,
                                 1, 0, QModelIndex())
    assert model.dropMimeData(provision_mime("intl-monitoring"), Qt.DropAction.CopyAction,
                              1, 0, QModelIndex())
    assert clause_ids(ws) == ["army-cap", "intl-monitoring", "withdrawal", "guarantee",
                              "neutral"]
    assert model.index(1).data(ProvisionIdRole) == "intl-monitoring"
    clause = ws.draft.clauses[1] if ws.draft else None
    assert clause is not None
    assert (clause.values, clause.phase) == ({}, 1)  # defaults
    assert ws.undo_stack.undoText() == "Add “International monitoring”"


def test_drop_at_end_and_onto_an_item(ws: Workspace, editor: Editor) -> None:
    model = DraftModel(ws, editor)
    model.dropMimeData(provision_mime("intl-monitoring"), Qt.DropAction.CopyAction, -1, -1,
                       QModelIndex())
    assert clause_ids(ws)[-1] == "intl-monitoring"
    ws.undo_stack.undo()
    model.dropMimeData(provision_mime("intl-monitoring"), Qt.DropAction.CopyAction, -1, -1,
                       model.index(2))
    assert clause_ids(ws)[2] == "intl-monitoring"


def test_dropping_a_present_provision_selects_it(ws: Workspace, editor: Editor,
                                                 qtbot: QtBot) -> None:
    model = DraftModel(ws, editor)
    depth = ws.undo_stack.count()
    with qtbot.waitSignal(model.already_present) as blocker:
        assert model.dropMimeData(provision_mime("guarantee"), Qt.DropAction.CopyAction, 0, 0,
                                  QModelIndex())
    assert blocker.args == [2]
    assert ws.undo_stack.count() == depth
    assert clause_ids(ws) == ["army-cap", "withdrawal", "guarantee", "neutral"]


def test_drop_clause_reorders(ws: Workspace, editor: Editor) -> None:
    model = DraftModel(ws, editor)
    data = model.mimeData([model.index(0)])
    assert data.hasFormat(CLAUSE_MIME)
    # Dropping row 0 between rows 2 and 3 puts it at index 2.
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert clause_ids(ws) == ["withdrawal", "guarantee", "army-cap", "neutral"]
    # And back to the top.
    model.dropMimeData(model.mimeData([model.index(2)]), Qt.DropAction.MoveAction, 0, 0,
                       QModelIndex())
    assert clause_ids(ws) == ["army-cap", "withdrawal", "guarantee", "neutral"]


def test_foreign_or_malformed_drops_are_refused(ws: Workspace, editor: Editor) -> None:
    model = DraftModel(ws, editor)
    for payload in (b"not json", b'{"a": 1}', b'["ghost"]'):
        data = QMimeData()
        data.setData(PROVISION_MIME, payload)
        assert not model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    text_only = QMimeData()
    text_only.setText("army-cap")
    assert not model.canDropMimeData(text_only, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert clause_ids(ws) == ["army-cap", "withdrawal", "guarantee", "neutral"]


# --------------------------------------------------------------------------- drops via view events


def _drop_on_view(panel: DraftPanel, data: QMimeData, row: int, below: bool) -> bool:
    view = panel.view
    rect = view.visualRect(view.model().index(row, 0))
    y = rect.bottom() - 2 if below else rect.top() + 2
    pos = QPointF(rect.center().x(), y)
    viewport = view.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(pos.toPoint(), actions, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos.toPoint(), actions, data, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(pos, actions, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_drop_events_on_the_view_insert_a_clause(ws: Workspace, editor: Editor,
                                                 qtbot: QtBot) -> None:
    panel = DraftPanel(ws, editor)
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    qtbot.waitExposed(panel)
    assert _drop_on_view(panel, provision_mime("intl-monitoring"), 1, below=False)
    assert clause_ids(ws) == ["army-cap", "intl-monitoring", "withdrawal", "guarantee",
                              "neutral"]
    assert panel.view.currentIndex().row() == 1  # the new clause is selected


def test_drag_events_reorder_clauses_in_the_view(ws: Workspace, editor: Editor,
                                                 qtbot: QtBot) -> None:
    panel = DraftPanel(ws, editor)
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    qtbot.waitExposed(panel)
    data = panel.model.mimeData([panel.model.index(0)])
    assert _drop_on_view(panel, data, 2, below=True)
    assert clause_ids(ws) == ["withdrawal", "guarantee", "army-cap", "neutral"]


# --------------------------------------------------------------------------- keyboard twins


def test_keyboard_equivalents(ws: Workspace, editor: Editor, qtbot: QtBot) -> None:
    panel = DraftPanel(ws, editor)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.select_row(0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert clause_ids(ws) == ["withdrawal", "army-cap", "guarantee", "neutral"]
    assert panel.view.current_row() == 1
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert clause_ids(ws) == ["army-cap", "withdrawal", "guarantee", "neutral"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert clause_ids(ws) == ["withdrawal", "guarantee", "neutral"]


def test_enter_in_the_library_adds_to_the_draft(ws: Workspace, editor: Editor,
                                                qtbot: QtBot) -> None:
    from desktop.ui.library import LibraryPanel

    panel = LibraryPanel(ws, editor)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_provision("intl-monitoring")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert clause_ids(ws)[-1] == "intl-monitoring"
    assert "International monitoring" in panel.details.toPlainText()
    panel.search.setText("guarantee")
    panel.select_provision("guarantee")
    panel.add_button.click()  # already present: nothing changes
    assert clause_ids(ws).count("guarantee") == 1


# --------------------------------------------------------------------------- undo/redo


def test_undo_redo_sequence(ws: Workspace, editor: Editor) -> None:
    original = ws.scenario
    states = [clause_ids(ws)]
    editor.add_clause("intl-monitoring", 0)
    states.append(clause_ids(ws))
    editor.move_clause(0, 4)
    states.append(clause_ids(ws))
    editor.set_value(0, "personnel", 900_000)
    editor.set_value(0, "personnel", 950_000)  # merges with the previous step
    editor.set_phase(1, 3)
    editor.remove_clause(2)
    states.append(clause_ids(ws))
    assert ws.undo_stack.count() == 5
    assert ws.undo_stack.undoText() == "Remove “Security guarantee”"
    while ws.undo_stack.canUndo():
        ws.undo_stack.undo()
    assert ws.scenario == original
    assert ws.scenario is original  # undo restores the very same immutable scenario
    while ws.undo_stack.canRedo():
        ws.undo_stack.redo()
    assert clause_ids(ws) == states[-1]
    assert ws.draft is not None
    assert ws.draft.clauses[0].values == {"personnel": 950_000}
    assert ws.modified


def test_undo_switches_back_to_the_edited_draft(ws: Workspace, editor: Editor) -> None:
    new_id = editor.new_draft("Second")
    assert ws.draft_id == new_id
    editor.add_clause("army-cap")
    ws.switch_draft("d1")
    ws.undo_stack.undo()  # undoes the add in "second": the view follows
    assert ws.draft_id == new_id
    assert clause_ids(ws) == []


def test_every_edit_rechecks_and_notifies_once(ws: Workspace, editor: Editor,
                                               qtbot: QtBot) -> None:
    seen = []
    ws.changed.connect(lambda change: seen.append((change, ws.report)))
    editor.add_clause("intl-monitoring")
    assert len(seen) == 1
    report = seen[0][1]
    assert report is not None
    assert [v.red_line for v in report.verdict("ukraine").violations] == ["ua-army"]


def test_the_changes_views_hear_are_the_rows_the_edit_touched(ws: Workspace,
                                                               editor: Editor) -> None:
    seen: list[Change] = []
    ws.changed.connect(seen.append)
    assert editor.add_clause("intl-monitoring", 99)  # past the end: the domain puts it last
    editor.move_clause(4, 1)
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    assert seen == [Change(What.CLAUSE_INSERTED, "d1", (4,)),
                    Change(What.CLAUSE_MOVED, "d1", (4, 1)),
                    Change(What.CLAUSE_MOVED, "d1", (1, 4)),
                    Change(What.CLAUSE_REMOVED, "d1", (4,))]
    assert not editor.add_clauses(["army-cap", "neutral"])  # all present: no undo step
    assert ws.undo_stack.index() == 0
    assert editor.add_clauses(["intl-monitoring", "army-cap", "withdrawal"], 0)
    assert ws.undo_stack.undoText() == "Add 1 clause"
    assert clause_ids(ws)[0] == "intl-monitoring"


def test_refusals_come_back_as_values_and_on_the_signal(ws: Workspace, editor: Editor,
                                                        qtbot: QtBot) -> None:
    heard: list[str] = []
    editor.refused.connect(heard.append)
    assert editor.attempt(lambda: editor.add_clause("army-cap")) == (
        "“Army ceiling” is already in the draft: a provision appears once per draft")
    assert editor.attempt(lambda: editor.remove_provision("army-cap")) == (
        "“Army ceiling” is named by Ukraine's red line ‘Army of at least 800k’ and Russia's red "
        "line ‘Army at most 600k’: change those rules first")
    assert editor.attempt(lambda: editor.add_clause("intl-monitoring")) is None  # made
    assert editor.attempt(lambda: editor.rename_draft(ws.draft.title if ws.draft else "")
                          ) is None  # nothing to change is no refusal
    assert heard == ["“Army ceiling” is already in the draft: a provision appears once per draft",
                     "“Army ceiling” is named by Ukraine's red line ‘Army of at least 800k’ "
                     "and Russia's red line ‘Army at most 600k’: change those rules first"]
    assert ws.undo_stack.count() == 1


# --------------------------------------------------------------------------- inspector


def test_inspector_edits_go_through_commands(ws: Workspace, editor: Editor,
                                             qtbot: QtBot) -> None:
    inspector = ClauseInspector(ws, editor)
    qtbot.addWidget(inspector)
    inspector.show_row(0)  # army-cap
    spin = inspector.editor_for("personnel")
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (0, 2_000_000, 600_000)
    spin.setValue(820_000)
    assert ws.draft is not None
    assert ws.draft.clauses[0].values == {"personnel": 820_000}
    assert ws.report is not None
    assert ws.report.verdict("ukraine").violations[0].red_line == "ua-monitor"
    inspector.show_row(2)  # guarantee: an int and a choice
    combo = inspector.editor_for("form")
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["political", "binding"]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert ws.draft.clauses[2].values == {"form": "political"}
    inspector.phase.setValue(3)
    assert ws.draft.clauses[2].phase == 3
    ws.undo_stack.undo()
    assert ws.draft.clauses[2].phase == 1
    assert inspector.phase.value() == 1  # the editor follows undo


def test_inspector_bool_editor(mini: Scenario, qtbot: QtBot) -> None:
    data = mini.model_dump(mode="json")
    data["provisions"][2]["params"] = [{"name": "remote", "type": "bool", "default": True}]
    data["drafts"][0]["clauses"].append({"provision": "intl-monitoring"})
    ws = Workspace(scenario_from_dict(data))
    editor = Editor(ws)
    inspector = ClauseInspector(ws, editor)
    qtbot.addWidget(inspector)
    inspector.show_row(4)
    check = inspector.editor_for("remote")
    assert isinstance(check, QCheckBox)
    assert check.isChecked()
    check.setChecked(False)
    assert ws.draft is not None
    assert ws.draft.clauses[4].values == {"remote": False}


# --------------------------------------------------------------------------- red lines


def test_red_line_cards_and_culprit_selection(ws: Workspace, editor: Editor,
                                              qtbot: QtBot) -> None:
    panel = RedLinePanel(ws)
    qtbot.addWidget(panel)
    card = panel.card("ukraine")
    assert card.verdict.text() == "✗ Rejects: 2 red lines crossed"
    assert card.satisfaction.text() == "Satisfaction 25%"
    shown = card.violations.violations
    assert len(shown) == 2
    assert card.violations.text_of(0) == (
        "✗ Army of at least 800k\n"
        "Personnel in “Army ceiling” is 600,000 personnel; "
        "Ukraine requires at least 800,000 personnel.")
    assert panel.card("russia").verdict.text() == "✓ Accepts"
    assert panel.card("russia").satisfaction.text() == "No preferences stated"
    assert panel.summary.text() == "✗ Not viable: 1 of 2 parties accept, 1 conflict"
    panel.resize(400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.violation_clicked) as blocker:
        qtbot.mouseClick(card.violations, Qt.MouseButton.LeftButton,
                         pos=card.violations.item_rect(1).center())
    assert blocker.args == [["withdrawal"]]
    card.violations.setFocus()
    qtbot.keyClick(card.violations, Qt.Key.Key_Up)
    with qtbot.waitSignal(panel.violation_clicked) as blocker:
        qtbot.keyClick(card.violations, Qt.Key.Key_Return)
    assert blocker.args == [["army-cap"]]
    editor.add_clause("intl-monitoring")
    assert card.verdict.text() == "✗ Rejects: 1 red line crossed"


def test_draft_rows_mark_culprits_and_conflicts(ws: Workspace, editor: Editor) -> None:
    model = DraftModel(ws, editor)
    assert model.index(0).data(ViolationsRole) == [("Ukraine", "ua-army",
                                                     "Army of at least 800k")]
    tooltip = model.index(3).data(Qt.ItemDataRole.ToolTipRole)
    assert "⚠ excludes “Security guarantee”: the draft cannot hold both" in tooltip
    tooltip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "✗ crosses Ukraine's red line ‘Army of at least 800k’" in tooltip
    assert "ua-army" not in tooltip
    first, conflicted = model.row_info(0), model.row_info(3)
    assert first is not None
    assert conflicted is not None
    assert first.status == (("✗ Crosses ‘Army of at least 800k’ (Ukraine)", True),)
    assert conflicted.status == (("⚠ Excludes “Security guarantee”", False),)
    assert model.index(2).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Clause 3, phase 1: Security guarantee. In conflict.")

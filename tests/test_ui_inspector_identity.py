"""The inspector follows the selected clause by identity (its provision id), never by row.

After every kind of edit (delete, insert, move, drop, undo, redo, a draft switch, a compound
change such as applying a bridge proposal) the draft view's highlight, its selection and the
inspector name the same clause, and what the user does next (type a note, press Delete) acts on
that clause. Also: passing through a note is no edit, and the inspector's number box shows and
writes a number exactly as it is.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.params import BoolParam, ChoiceParam, IntParam
from desktop.ui.commands import Editor
from desktop.ui.inspector import (
    ClauseInspector,
    NumberBox,
    editor_type,
    format_number,
    parse_number,
)
from desktop.ui.mainwindow import MainWindow
from desktop.ui.models import CLAUSE_MIME, PROVISION_MIME, encode_ids
from desktop.ui.workspace import Workspace
from desktop.wording.values import param_label


@pytest.fixture
def window(main_window: Callable[..., MainWindow], ukraine: Scenario) -> MainWindow:
    """The main window on the default scenario, on the US 28-point plan, active (so that
    focus moves as it does for a user)."""
    win = main_window(ukraine, active=True)
    assert win.ws.draft_id == "us-28"
    return win


def ids(win: MainWindow) -> list[str]:
    draft = win.ws.draft
    assert draft is not None
    return [c.provision for c in draft.clauses]


def title(win: MainWindow, provision_id: str) -> str:
    return win.ws.scenario.provision_index[provision_id].title


def highlighted(win: MainWindow) -> list[str]:
    rows = sorted(i.row() for i in win.draft.view.selectionModel().selectedRows())
    return [ids(win)[r] for r in rows]


def assert_agree(win: MainWindow, provision_id: str | None) -> None:
    """Highlight, current row, panel and inspector all name ``provision_id`` (or nothing)."""
    view = win.draft.view
    assert win.draft.selected_provision() == provision_id
    assert win.inspector.provision_id == provision_id
    if provision_id is None:
        assert highlighted(win) == []
        assert win.draft.selected_row() == -1
        assert win.inspector.heading.text() == "No clause selected"
        return
    row = ids(win).index(provision_id)
    assert view.current_row() == row
    assert win.draft.selected_row() == row
    assert provision_id in highlighted(win)
    assert win.inspector.heading.text() == f"{row + 1}. {title(win, provision_id)}"
    draft = win.ws.draft
    assert draft is not None
    assert win.inspector.phase.value() == draft.clauses[row].phase


def trigger(win: MainWindow, name: str) -> None:
    """Choose a menu action, as the user would."""
    action = win.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


def click_clause(win: MainWindow, qtbot: QtBot, row: int) -> None:
    view = win.draft.view
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def type_note(win: MainWindow, qtbot: QtBot, text: str) -> None:
    """Click into the note, type over it, and leave it (the note is saved when focus
    leaves)."""
    note = win.inspector.note
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(note.hasFocus)
    note.selectAll()
    qtbot.keyClicks(note, text)
    win.draft.view.setFocus()
    qtbot.waitUntil(lambda: not note.hasFocus())


def note_of(win: MainWindow, provision_id: str) -> str:
    draft = win.ws.draft
    assert draft is not None
    return draft.clauses[ids(win).index(provision_id)].note


# --------------------------------------------------------------------------- delete


def test_issue_delete_then_note_and_delete_act_on_the_highlighted_clause(
        window: MainWindow, qtbot: QtBot) -> None:
    """The reported bug, step by step: click clause 6 'Ukraine outside NATO', press Delete."""
    jets_note = note_of(window, "jets-poland")
    click_clause(window, qtbot, 5)
    assert_agree(window, "nato-ban")
    assert window.inspector.heading.text() == "6. Ukraine outside NATO"
    qtbot.keyClick(window.draft.view, Qt.Key.Key_Delete)
    assert "nato-ban" not in ids(window)
    # The new clause 6 is highlighted AND inspected (the bug showed clause 7, the jets).
    assert highlighted(window) == ["foreign-troops-limit"]
    assert_agree(window, "foreign-troops-limit")
    assert window.inspector.heading.text() == "6. Limit on foreign troops in Ukraine"
    type_note(window, qtbot, "Typed after Delete")
    assert note_of(window, "foreign-troops-limit") == "Typed after Delete"
    assert note_of(window, "jets-poland") == jets_note
    # Delete again removes the highlighted clause, which is also the inspected one.
    qtbot.keyClick(window.draft.view, Qt.Key.Key_Delete)
    assert ids(window)[5:7] == ["jets-poland", "us-guarantee"]
    assert "foreign-troops-limit" not in ids(window)
    assert_agree(window, "jets-poland")
    assert window.inspector.heading.text() == "6. European fighter jets based in Poland"


def test_delete_of_the_last_clause_selects_the_one_before(window: MainWindow,
                                                          qtbot: QtBot) -> None:
    click_clause(window, qtbot, 32)
    assert_agree(window, "ceasefire")
    trigger(window, "actionRemoveClause")
    assert ids(window)[-1] == "peace-council"
    assert_agree(window, "peace-council")


def test_deleting_another_clause_keeps_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    click_clause(window, qtbot, 7)  # jets-poland
    window.editor.remove_clause(2)  # a clause above it, as a script or another panel would
    assert_agree(window, "jets-poland")
    assert window.inspector.heading.text() == "7. European fighter jets based in Poland"
    window.inspector.phase.setValue(4)  # an edit from the inspector lands on the same clause
    draft = window.ws.draft
    assert draft is not None
    assert draft.clauses[6].provision == "jets-poland"
    assert draft.clauses[6].phase == 4


def test_deleting_every_clause_leaves_nothing_inspected(qtbot: QtBot, window: MainWindow
                                                       ) -> None:
    window.editor.new_draft("Short")
    window.editor.add_clause("nato-ban")
    assert_agree(window, "nato-ban")
    qtbot.keyClick(window.draft.view, Qt.Key.Key_Delete)
    assert ids(window) == []
    assert_agree(window, None)


# --------------------------------------------------------------------------- insert


def test_insert_selects_and_inspects_the_new_clause(window: MainWindow, qtbot: QtBot) -> None:
    click_clause(window, qtbot, 5)
    window.library.select_provision("eu-guarantee")
    window.library.add_button.click()
    assert ids(window)[-1] == "eu-guarantee"
    assert_agree(window, "eu-guarantee")
    window.editor.add_clause("mnf-ukraine", 0)  # above everything: every row shifts
    assert_agree(window, "mnf-ukraine")
    click_clause(window, qtbot, 6)
    assert_agree(window, "nato-ban")
    window.editor.add_clause("monitoring", 2)  # above the selection: it moves down one row
    assert_agree(window, "monitoring")
    type_note(window, qtbot, "Who monitors?")
    assert note_of(window, "monitoring") == "Who monitors?"


# --------------------------------------------------------------------------- move


def test_move_keeps_the_moved_clause_selected_and_inspected(window: MainWindow,
                                                           qtbot: QtBot) -> None:
    click_clause(window, qtbot, 5)
    view = window.draft.view
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert ids(window)[5:7] == ["foreign-troops-limit", "nato-ban"]
    assert_agree(window, "nato-ban")
    assert window.inspector.heading.text() == "7. Ukraine outside NATO"
    trigger(window, "actionMoveUp")
    trigger(window, "actionMoveUp")
    assert ids(window)[4] == "nato-ban"
    assert_agree(window, "nato-ban")
    type_note(window, qtbot, "moved twice")
    assert note_of(window, "nato-ban") == "moved twice"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "nato-ban" not in ids(window)


# --------------------------------------------------------------------------- drop


def drop(win: MainWindow, data: QMimeData, row: int, action: Qt.DropAction) -> bool:
    return win.draft.model.dropMimeData(data, action, row, 0, win.draft.model.index(-1))


def test_drop_of_a_clause_and_of_provisions(window: MainWindow, qtbot: QtBot) -> None:
    click_clause(window, qtbot, 5)  # nato-ban
    # Drag the selected clause to the top: it stays selected and inspected there.
    assert drop(window, encode_ids(CLAUSE_MIME, ["nato-ban"], ""), 0, Qt.DropAction.MoveAction)
    assert ids(window)[0] == "nato-ban"
    assert_agree(window, "nato-ban")
    assert window.inspector.heading.text() == "1. Ukraine outside NATO"
    # Drag another clause past it: the dragged one is selected.
    assert drop(window, encode_ids(CLAUSE_MIME, ["ceasefire"], ""), 0, Qt.DropAction.MoveAction)
    assert ids(window)[:2] == ["ceasefire", "nato-ban"]
    assert_agree(window, "ceasefire")
    # Two provisions dropped from the library at once (one undo step, rows reset): the
    # selected clause is still the selected and inspected one, one row further down.
    click_clause(window, qtbot, 1)
    assert_agree(window, "nato-ban")
    data = encode_ids(PROVISION_MIME, ["eu-guarantee", "mnf-ukraine"], "")
    assert drop(window, data, 0, Qt.DropAction.CopyAction)
    assert ids(window)[:4] == ["eu-guarantee", "mnf-ukraine", "ceasefire", "nato-ban"]
    assert_agree(window, "nato-ban")
    assert window.inspector.heading.text() == "4. Ukraine outside NATO"
    # One provision already in the draft: it is selected where it is.
    assert drop(window, encode_ids(PROVISION_MIME, ["jets-poland"], ""), 0,
                Qt.DropAction.CopyAction)
    assert_agree(window, "jets-poland")


# --------------------------------------------------------------------------- undo, redo


def test_undo_and_redo_of_a_delete(window: MainWindow, qtbot: QtBot) -> None:
    click_clause(window, qtbot, 5)
    qtbot.keyClick(window.draft.view, Qt.Key.Key_Delete)
    assert_agree(window, "foreign-troops-limit")
    window.undo_action.trigger()  # the clause comes back, selected and inspected
    assert ids(window)[5] == "nato-ban"
    assert_agree(window, "nato-ban")
    window.redo_action.trigger()  # the delete again: the neighbour, as after the delete
    assert "nato-ban" not in ids(window)
    assert_agree(window, "foreign-troops-limit")
    window.undo_action.trigger()
    assert_agree(window, "nato-ban")
    type_note(window, qtbot, "restored")
    assert note_of(window, "nato-ban") == "restored"
    qtbot.keyClick(window.draft.view, Qt.Key.Key_Delete)
    assert "nato-ban" not in ids(window)


def test_undo_of_an_add_and_of_a_move(window: MainWindow, qtbot: QtBot) -> None:
    window.editor.add_clause("eu-guarantee", 3)
    assert_agree(window, "eu-guarantee")
    window.undo_action.trigger()  # the selected clause is gone: the next one is selected
    assert ids(window)[3] == "nato-russia-dialogue"
    assert_agree(window, "nato-russia-dialogue")
    window.editor.move_clause(10, 0)
    assert_agree(window, "eu-accession")
    click_clause(window, qtbot, 20)
    window.undo_action.trigger()  # the move is undone: the moved clause, back in place
    assert ids(window)[10] == "eu-accession"
    assert_agree(window, "eu-accession")
    window.redo_action.trigger()
    assert_agree(window, "eu-accession")
    assert window.inspector.heading.text() == "1. Ukraine's EU membership path"


def test_undo_of_a_value_edit_keeps_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    znpp_note = note_of(window, "znpp")
    click_clause(window, qtbot, 4)  # army-cap
    window.editor.set_note(20, "on another clause")
    click_clause(window, qtbot, 5)
    window.undo_action.trigger()
    assert note_of(window, "znpp") == znpp_note
    assert_agree(window, "nato-ban")
    window.redo_action.trigger()
    assert_agree(window, "nato-ban")


# --------------------------------------------------------------------------- drafts


def test_draft_switch(window: MainWindow, qtbot: QtBot) -> None:
    us_note = note_of(window, "nato-ban")
    click_clause(window, qtbot, 5)
    switcher = window.draft.switcher
    switcher.setCurrentIndex(switcher.findData("e3-counter"))
    switcher.activated.emit(switcher.currentIndex())
    assert window.ws.draft_id == "e3-counter"
    # The same provision is in the other draft, at another row: still the selected one.
    assert_agree(window, "nato-ban")
    assert window.inspector.heading.text() == "5. Ukraine outside NATO"
    type_note(window, qtbot, "E3 keeps it")
    assert note_of(window, "nato-ban") == "E3 keeps it"
    window.ws.switch_draft("us-28")
    assert note_of(window, "nato-ban") == us_note  # the US plan's clause was not touched
    click_clause(window, qtbot, 13)  # g8-return: not in the E3 text
    window.ws.switch_draft("e3-counter")
    assert_agree(window, None)
    window.undo_action.trigger()  # the note: the view goes back to its draft
    assert window.ws.draft_id == "e3-counter"
    assert note_of(window, "nato-ban") != "E3 keeps it"
    assert_agree(window, None)


def test_new_and_deleted_drafts(window: MainWindow, qtbot: QtBot) -> None:
    click_clause(window, qtbot, 5)
    window.editor.duplicate_draft()  # a copy holds the same clause: it stays selected
    assert window.ws.draft_id != "us-28"
    assert_agree(window, "nato-ban")
    window.editor.new_draft("Empty")
    assert_agree(window, None)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.ws.draft_id == "us-28"
    assert_agree(window, None)  # nothing was selected in the draft that was current


def test_opening_another_document_clears_the_selection(window: MainWindow, qtbot: QtBot,
                                                       mini: Scenario) -> None:
    click_clause(window, qtbot, 4)  # army-cap, which the mini scenario also has
    window.ws.reset(mini)
    assert_agree(window, None)


# --------------------------------------------------------------------------- compound changes


def test_bridge_apply_keeps_or_hands_on_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    """Applying a proposal replaces the clauses in one undo step (the command the bridge panel
    pushes); the selected clause is followed wherever the proposal puts it."""
    draft = window.ws.draft
    assert draft is not None
    click_clause(window, qtbot, 5)  # nato-ban
    reordered = (draft.clauses[5], *draft.clauses[:5], *draft.clauses[6:])
    assert window.editor.replace_clauses(reordered, "Apply bridge proposal")
    assert ids(window)[0] == "nato-ban"
    assert_agree(window, "nato-ban")
    type_note(window, qtbot, "still me")
    assert note_of(window, "nato-ban") == "still me"
    # A proposal that drops the selected clause and the one after it: the next survivor.
    current = window.ws.draft
    assert current is not None
    kept = tuple(c for c in current.clauses
                 if c.provision not in ("nato-ban", "sov-reaffirm"))
    assert window.editor.replace_clauses(kept, "Apply bridge proposal")
    assert_agree(window, "nonaggression-pact")
    window.undo_action.trigger()
    assert "nato-ban" in ids(window)
    assert_agree(window, "nonaggression-pact")  # the selection is where the user left it
    window.undo_action.trigger()  # the note
    window.undo_action.trigger()  # the first proposal
    assert ids(window)[5] == "nato-ban"
    assert_agree(window, "nonaggression-pact")


def test_a_renamed_provision_stays_selected(window: MainWindow, qtbot: QtBot) -> None:
    """Library → edit provision with a new id: the clause's identity changes, not its place."""
    click_clause(window, qtbot, 7)
    jets = window.ws.scenario.provision_index["jets-poland"]
    assert window.editor.put_provision(jets.model_copy(update={"id": "jets-in-poland"}),
                                       replaces="jets-poland")
    assert ids(window)[7] == "jets-in-poland"
    assert_agree(window, "jets-in-poland")
    window.undo_action.trigger()
    assert_agree(window, "jets-poland")
    window.editor.remove_provision("jets-poland")  # gone from the draft: the next clause
    assert_agree(window, "us-guarantee")


def test_culprits_from_a_red_line_are_what_the_inspector_shows(window: MainWindow) -> None:
    window.draft.view.select_rows([20, 25])
    assert highlighted(window) == ["znpp", "donbas-zone"]
    assert_agree(window, "znpp")
    window.editor.remove_clause(0)  # an edit elsewhere leaves the highlight as it was
    assert highlighted(window) == ["znpp", "donbas-zone"]
    assert_agree(window, "znpp")


# --------------------------------------------------------------------------- notes


def test_a_note_being_typed_stays_with_its_clause(window: MainWindow, qtbot: QtBot) -> None:
    """The selection moves while the note still has the focus (e.g. a red line chosen by
    keyboard): what was typed is saved on the clause it was typed for."""
    jets_note = note_of(window, "jets-poland")
    click_clause(window, qtbot, 5)
    note = window.inspector.note
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(note.hasFocus)
    note.selectAll()
    qtbot.keyClicks(note, "for NATO")
    window.draft.select_provision("jets-poland")
    assert note_of(window, "nato-ban") == "for NATO"
    assert_agree(window, "jets-poland")
    note = window.inspector.note  # a form for the other provision's params
    assert note.toPlainText() == jets_note
    QApplication.sendEvent(note, QFocusEvent(QEvent.Type.FocusOut))
    assert note_of(window, "jets-poland") == jets_note


def test_a_note_being_typed_when_an_edit_moves_the_selection(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    """An edit made while the note still has the focus (a shortcut) selects another clause:
    the note is saved on its own clause just after that edit, as a step of its own."""
    click_clause(window, qtbot, 5)
    note = window.inspector.note
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(note.hasFocus)
    note.selectAll()
    qtbot.keyClicks(note, "pending")
    start = window.ws.scenario
    window.editor.add_clause("eu-guarantee", 0)
    assert_agree(window, "eu-guarantee")
    qtbot.waitUntil(lambda: note_of(window, "nato-ban") == "pending")
    stack = window.ws.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add “European binding commitments”", "Edit note of “Ukraine outside NATO”"]
    stack.undo()
    stack.undo()
    assert window.ws.scenario == start


def test_passing_through_a_note_is_no_edit(window: MainWindow, qtbot: QtBot) -> None:
    """A note with characters the box shows differently (no-break spaces, CR LF) is not
    rewritten when focus merely passes through the box."""
    window.editor.set_note(5, "Art.\u00a05\r\nsecond line")
    window.ws.undo_stack.setClean()
    click_clause(window, qtbot, 5)
    note = window.inspector.note
    qtbot.mouseClick(note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(note.hasFocus)
    window.draft.view.setFocus()
    qtbot.waitUntil(lambda: not note.hasFocus())
    assert note_of(window, "nato-ban") == "Art.\u00a05\r\nsecond line"
    assert window.ws.undo_stack.isClean()
    type_note(window, qtbot, "Art.\u00a06")  # typed text keeps its no-break space
    assert note_of(window, "nato-ban") == "Art.\u00a06"


# --------------------------------------------------------------------------- exact numbers


@pytest.fixture
def number_ws(mini: Scenario) -> Workspace:
    """The mini scenario with a bounded number param on the withdrawal, set to 0.12345."""
    data = mini.model_dump(mode="json")
    data["provisions"][1]["params"].append(
        {"name": "ratio", "type": "number", "min": -5, "max": 10, "default": 0.5})
    data["drafts"][0]["clauses"][1]["values"] = {"ratio": 0.12345}
    return Workspace(scenario_from_dict(data))


def values(ws: Workspace) -> dict[str, object]:
    assert ws.draft is not None
    return dict(ws.draft.clauses[1].values)


def test_number_box_shows_and_keeps_the_exact_value(number_ws: Workspace, qtbot: QtBot) -> None:
    inspector = ClauseInspector(number_ws, Editor(number_ws))
    qtbot.addWidget(inspector)
    inspector.show()
    qtbot.waitExposed(inspector)
    inspector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is inspector)
    inspector.show_clause("withdrawal")
    box = inspector.editor_for("ratio")
    assert isinstance(box, NumberBox)
    assert box.text() == "0.12345"
    assert (box.minimum(), box.maximum()) == (-5, 10)
    # Another field changes; then the number box is committed again without a change.
    km = inspector.editor_for("km")
    assert km is not None
    km.setFocus()
    qtbot.keyClick(km, Qt.Key.Key_Up)
    qtbot.keyClick(km, Qt.Key.Key_Return)
    assert values(number_ws) == {"km": 11, "ratio": 0.12345}
    steps = number_ws.undo_stack.count()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    km.setFocus()  # focus leaves the number box: it commits again, with nothing changed
    assert values(number_ws)["ratio"] == 0.12345
    assert number_ws.undo_stack.count() == steps
    assert box.text() == "0.12345"
    # Typed digits are written exactly as typed.
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "1.234567")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert values(number_ws)["ratio"] == 1.234567
    assert box.text() == "1.234567"
    # Out of bounds or unreadable: the box goes back to the value, nothing is written.
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "12")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert values(number_ws)["ratio"] == 1.234567
    assert box.text() == "1.234567"
    # A step is decimal: no binary noise is written.
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert values(number_ws)["ratio"] == 0.234567
    number_ws.undo_stack.undo()  # both edits of the ratio were one undo step
    assert box.text() == "0.12345"


@pytest.mark.parametrize(("value", "text"), [
    (0.12345, "0.12345"), (1.234567, "1.234567"), (1e-05, "0.00001"), (800000, "800000"),
    (2.5e16, "25000000000000000"), (0.1 + 0.2, "0.30000000000000004"), (-3.0, "-3.0"),
])
def test_number_text_round_trips(value: float, text: str) -> None:
    assert format_number(value) == text
    back = parse_number(text)
    assert back == value
    assert isinstance(back, int) == (float(value).is_integer() and abs(value) <= 2**53)


@pytest.mark.parametrize("text", ["", "-", "1.", "e5", "abc", "1,5", "nan", "inf", "1e400"])
def test_number_text_that_is_no_number(text: str) -> None:
    expected = {"1.": 1}.get(text)
    assert parse_number(text) == expected


# --------------------------------------------------------------------------- the form


def focus_order(win: MainWindow) -> list[QWidget]:
    """The inspector's rows in the order Tab reaches them: each value editor (or the field
    holding it), the phase, the open-point button, the note."""
    inspector = win.inspector
    rows: list[QWidget] = [*inspector._editors.values(), inspector.phase,
                           inspector.open_button, inspector.note]
    order: list[QWidget] = []
    widget = win.nextInFocusChain()
    for _ in range(20_000):
        if widget is None or widget is win:
            break
        for row in rows:
            if row not in order and (widget is row or row.isAncestorOf(widget)):
                order.append(row)
        widget = widget.nextInFocusChain()
    return order


def test_the_form_keeps_its_rows_and_tab_order_from_clause_to_clause(window: MainWindow,
                                                                     qtbot: QtBot) -> None:
    """Another clause with the same values keeps the value editors (an edit of a long draft
    builds no widget it does not need); a clause with other values gets editors set up for
    them (reused where the kind fits, see below); either way
    Tab goes through the values in order, then the phase, the open-point button, the note,
    and the phase and note are the same widgets throughout."""
    draft = window.ws.draft
    assert draft is not None
    provisions = window.ws.scenario.provision_index
    phase, note = window.inspector.phase, window.inspector.note
    seen: dict[tuple[object, ...], list[QWidget]] = {}
    rows = range(len(draft.clauses))
    kept = rebuilt = 0
    for row in [*rows, *reversed(rows)]:
        click_clause(window, qtbot, row)
        prov = provisions[draft.clauses[row].provision]
        editors = list(window.inspector._editors.values())
        assert [s.name for s in prov.params] == list(window.inspector._editors)
        assert focus_order(window) == [*editors, phase, window.inspector.open_button, note]
        assert (window.inspector.phase, window.inspector.note) == (phase, note)
        signature = tuple(prov.params)
        if seen.get(signature) == editors:
            kept += 1
        elif editors:
            rebuilt += 1
        seen = {signature: editors}  # only the clause just before can lend its editors
    assert kept
    assert rebuilt


def test_editors_set_up_again_for_another_clause_edit_that_clause(window: MainWindow,
                                                                  qtbot: QtBot) -> None:
    """An editor reused for another clause's value (a spin box for another number, a combo
    box for other choices) shows that value's bounds, choices, label and value, and an edit
    made with it changes that clause's value, named as that clause's provision names it, and
    nothing else: never the clause or the value the editor was first made for."""
    draft = window.ws.draft
    assert draft is not None
    provisions = window.ws.scenario.provision_index
    reused_edits = 0
    shown: list[QWidget] = []  # the editors of the clause shown before
    for row, clause in enumerate(draft.clauses):
        prov = provisions[clause.provision]
        if not prov.params:
            continue
        click_clause(window, qtbot, row)
        assert window.inspector.provision_id == clause.provision
        values = {**prov.defaults(), **clause.values}
        editors: list[QWidget] = []
        for spec in prov.params:
            widget = window.inspector.editor_for(spec.name)
            assert widget is not None
            editors.append(widget)
            assert widget.objectName() == f"param-{spec.name}"
            assert widget.accessibleName() == param_label(spec)  # words, not the param's id
            assert isinstance(widget, editor_type(spec))
            if isinstance(spec, IntParam):
                assert isinstance(widget, QSpinBox)
                assert widget.value() == values[spec.name]
                assert widget.minimum() == (spec.min if spec.min is not None else -2**31 + 1)
                assert widget.singleStep() == (spec.step or 1)
            elif isinstance(spec, ChoiceParam):
                assert isinstance(widget, QComboBox)
                assert [widget.itemData(i) for i in range(widget.count())] == \
                    [c.id for c in spec.choices]
                assert widget.currentData() == values[spec.name]
            elif isinstance(spec, BoolParam):
                assert isinstance(widget, QCheckBox)
                assert widget.isChecked() == values[spec.name]
        first, spec = editors[0], prov.params[0]
        if any(first is old for old in shown) and first.property("param") == spec.name:
            # Made for another clause's value: edit with it the way a user would.
            before = window.ws.draft
            assert before is not None
            if isinstance(first, QSpinBox):
                first.stepUp()
            elif isinstance(first, QComboBox):
                first.activated.emit((first.currentIndex() + 1) % first.count())
            elif isinstance(first, QCheckBox):
                first.click()
            after = window.ws.draft
            assert after is not None
            assert after is not before
            changed = [i for i, (a, b) in
                       enumerate(zip(before.clauses, after.clauses, strict=True)) if a != b]
            assert changed == [row]
            assert after.clauses[row].values.get(spec.name) != values[spec.name]
            assert {k: v for k, v in after.clauses[row].values.items() if k != spec.name} == \
                {k: v for k, v in clause.values.items() if k != spec.name}
            window.ws.undo_stack.undo()
            reused_edits += 1
            click_clause(window, qtbot, row)
            editors = [w for s in prov.params if (w := window.inspector.editor_for(s.name))]
        shown = editors
    assert reused_edits >= 2, "too few editors were set up again for another clause's value"


def test_a_click_announces_the_clicked_clause_and_nothing_in_between(window: MainWindow,
                                                                     qtbot: QtBot) -> None:
    """Qt moves the current row before the highlight when a clause is clicked; the moment in
    between is not announced: the inspector goes from one clause to the next without showing
    "No clause selected" (and making its editors again) on the way."""
    heard: list[str | None] = []
    window.draft.clause_selected.connect(heard.append)
    for row in (3, 5, 6, 4):
        click_clause(window, qtbot, row)
    assert heard == [ids(window)[r] for r in (3, 5, 6, 4)]
    assert_agree(window, ids(window)[4])
    # Ctrl+click on the highlighted clause takes the highlight away: that is announced.
    view = window.draft.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     view.visualRect(view.model().index(4, 0)).center())
    assert heard[-1] is None
    assert_agree(window, None)

"""Open points in the window: the inspector makes a clause an open point, lists its
alternatives in words, adds, renames, changes, removes one and closes the point; each edit is one
undo step named in words, the draft list says which clauses are open, the verdicts follow, and
every action lands on the clause the user selected."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Clause, Provision, Scenario, Value
from desktop.ui.alternatives import AlternativeValuesDialog, OpenPointDialog
from desktop.ui.mainwindow import MainWindow
from desktop.ui.models import RowInfoRole

ARMY = "army-cap"
PLANT = "znpp"


@dataclass
class FakeAsker:
    """Answers the open point section's questions; ``during`` runs while a dialog is open."""

    labels: tuple[str, str] | None = ("US formula", "Ukrainian formula")
    name: str | None = "IAEA formula"
    changes: dict[str, Value] = field(default_factory=dict)
    during: Callable[[], object] | None = None
    asked: list[str] = field(default_factory=list)

    def _meanwhile(self) -> None:
        if self.during is not None:
            self.during()

    def open_labels(self, title: str) -> tuple[str, str] | None:
        self.asked.append(f"open {title}")
        self._meanwhile()
        return self.labels

    def label(self, caption: str, prompt: str, initial: str) -> str | None:
        self.asked.append(f"{caption}: {initial}")
        self._meanwhile()
        return self.name

    def values(self, caption: str, prov: Provision, values: dict[str, Value]
               ) -> dict[str, Value] | None:
        self.asked.append(caption)
        self._meanwhile()
        return {**values, **self.changes}


@pytest.fixture
def win(main_window: Callable[..., MainWindow], ukraine: Scenario) -> MainWindow:
    return main_window(ukraine, active=True)


def asker(win: MainWindow, **kwargs: object) -> FakeAsker:
    fake = FakeAsker(**kwargs)  # type: ignore[arg-type]
    win.inspector.open_point.asker = fake
    return fake


def select(win: MainWindow, draft_id: str, provision: str) -> None:
    win.ws.switch_draft(draft_id)
    assert win.draft.select_provision(provision)
    assert win.inspector.provision_id == provision


def clause(win: MainWindow, provision: str) -> Clause:
    draft = win.ws.draft
    assert draft is not None
    found = draft.clause_for(provision)
    assert found is not None
    return found


def row_of(win: MainWindow, provision: str) -> int:
    draft = win.ws.draft
    assert draft is not None
    row = draft.index_of(provision)
    assert row is not None
    return row


def items(win: MainWindow) -> list[str]:
    alts = win.inspector.open_point.list
    return [alts.item(i).text() for i in range(alts.count())]


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_line(win: MainWindow, provision: str) -> str:
    model = win.draft.view.model()
    info = model.index(row_of(win, provision), 0).data(RowInfoRole)
    return str(info.open_point)


def card(win: MainWindow, party: str) -> str:
    return win.redlines.card(party).verdict.text()


def test_make_a_clause_an_open_point_then_undo_and_redo(win: MainWindow, qtbot: QtBot) -> None:
    select(win, "us-28", ARMY)
    section = win.inspector.open_point
    fake = asker(win)
    before = clause(win, ARMY)
    assert not before.is_open
    assert not section.isVisibleTo(win)  # a settled clause: only the button beside the phase
    qtbot.waitUntil(win.inspector.open_button.isVisible)
    assert not section.list.isVisibleTo(win)
    assert open_line(win, ARMY) == ""

    click(qtbot, win.inspector.open_button)
    title = "Ceiling on Ukraine's armed forces"
    assert fake.asked == [f"open {title}"]
    now = clause(win, ARMY)
    assert [a.label for a in now.alternatives] == ["US formula", "Ukrainian formula"]
    assert all(a.values == before.values for a in now.alternatives)
    assert win.ws.undo_stack.undoText() == f"Make “{title}” an open point"
    assert [t.split(" — ")[0] for t in items(win)] == ["US formula", "Ukrainian formula"]
    assert "Army personnel: 600,000" in items(win)[0]
    assert section.list.currentRow() == 1  # the copy, to be changed
    assert open_line(win, ARMY) == \
        "Open point: 2 alternatives, “US formula” or “Ukrainian formula”"
    # The value each alternative sets is edited there, not in the clause's form.
    personnel = win.inspector.editor_for("personnel")
    assert personnel is not None
    assert not personnel.isVisibleTo(win.inspector)

    win.ws.undo_stack.undo()
    assert clause(win, ARMY) == before
    assert not win.inspector.open_button.isHidden()
    assert open_line(win, ARMY) == ""
    assert personnel.isVisibleTo(win.inspector)
    win.ws.undo_stack.redo()
    assert clause(win, ARMY).is_open
    assert len(items(win)) == 2


def test_edit_an_alternatives_values_in_one_step(win: MainWindow, qtbot: QtBot) -> None:
    select(win, "us-28", ARMY)
    section = win.inspector.open_point
    asker(win, changes={"personnel": 800000})
    click(qtbot, win.inspector.open_button)
    section.list.setCurrentRow(1)
    count = win.ws.undo_stack.count()
    click(qtbot, section.values_button)
    alts = clause(win, ARMY).alternatives
    assert alts[1].values["personnel"] == 800000
    assert alts[0].values["personnel"] == 600000
    assert win.ws.undo_stack.count() == count + 1
    assert win.ws.undo_stack.undoText() == \
        "Set values of “Ukrainian formula” of “Ceiling on Ukraine's armed forces”"
    assert "Army personnel: 800,000" in items(win)[1]
    win.ws.undo_stack.undo()
    assert clause(win, ARMY).alternatives[1].values["personnel"] == 600000
    win.ws.undo_stack.redo()
    assert clause(win, ARMY).alternatives[1].values["personnel"] == 800000


def test_add_rename_and_remove_an_alternative_with_undo(win: MainWindow, qtbot: QtBot) -> None:
    select(win, "twenty-point", PLANT)
    section = win.inspector.open_point
    fake = asker(win, name="IAEA formula")
    title = "Zaporizhzhia nuclear plant"
    assert title in win.ws.scenario.provision_index[PLANT].title
    title = win.ws.scenario.provision_index[PLANT].title
    original = clause(win, PLANT)
    assert section.state.text().startswith("Open: 2 alternatives")
    assert [t.split(" — ")[0] for t in items(win)] == ["US formula", "Ukrainian formula"]
    # Only the values in brackets are listed, in words.
    assert items(win)[0] == ("US formula — Operating formula: a three-way arrangement with the "
                             "United States as lead operator; Demilitarisation of Enerhodar: "
                             "is not demilitarised")

    click(qtbot, section.add_button)
    assert [a.label for a in clause(win, PLANT).alternatives][-1] == "IAEA formula"
    assert win.ws.undo_stack.undoText() == f"Add “IAEA formula” to “{title}”"
    assert section.list.currentRow() == 2
    assert open_line(win, PLANT).startswith("Open point: 3 alternatives")

    fake.name = "Interim IAEA formula"
    click(qtbot, section.rename_button)
    assert fake.asked[-1] == "Rename alternative: IAEA formula"
    assert clause(win, PLANT).alternatives[2].label == "Interim IAEA formula"
    assert win.ws.undo_stack.undoText() == \
        f"Rename “IAEA formula” of “{title}” to “Interim IAEA formula”"

    click(qtbot, section.remove_button)
    assert clause(win, PLANT) == original
    assert win.ws.undo_stack.undoText() == f"Remove “Interim IAEA formula” of “{title}”"

    win.ws.undo_stack.undo()  # the removal
    assert clause(win, PLANT).alternatives[2].label == "Interim IAEA formula"
    win.ws.undo_stack.undo()  # the rename
    assert clause(win, PLANT).alternatives[2].label == "IAEA formula"
    win.ws.undo_stack.undo()  # the addition
    assert clause(win, PLANT) == original
    win.ws.undo_stack.redo()
    win.ws.undo_stack.redo()
    assert clause(win, PLANT).alternatives[2].label == "Interim IAEA formula"


def test_a_duplicate_name_is_refused_in_words(win: MainWindow, qtbot: QtBot) -> None:
    select(win, "twenty-point", PLANT)
    asker(win, name="us formula")
    refusals: list[str] = []
    win.editor.refused.connect(refusals.append)
    count = win.ws.undo_stack.count()
    click(qtbot, win.inspector.open_point.add_button)
    assert win.ws.undo_stack.count() == count
    assert refusals
    assert "both be called “US formula”" in refusals[0]


def test_removing_down_to_one_settles_the_clause_and_says_so(win: MainWindow,
                                                             qtbot: QtBot) -> None:
    select(win, "twenty-point", PLANT)
    section = win.inspector.open_point
    original = clause(win, PLANT)
    section.list.setCurrentRow(0)
    click(qtbot, section.remove_button)
    assert clause(win, PLANT) == original.settled(1)
    assert win.inspector.notice.text().startswith("Settled on “Ukrainian formula”, the one "
                                            "alternative left")
    assert not win.inspector.open_button.isHidden()
    assert win.ws.undo_stack.undoText().endswith(", settled on “Ukrainian formula”")
    win.ws.undo_stack.undo()
    assert clause(win, PLANT) == original


def test_closing_the_open_points_changes_ukraines_verdict(win: MainWindow, qtbot: QtBot
                                                          ) -> None:
    """On the 20-point framework Ukraine accepts if the plant's point is closed its way;
    closed on that alternative, it accepts outright, and undo brings the condition back."""
    win.ws.switch_draft("twenty-point")
    report = win.ws.report
    assert report is not None
    ukraine = report.verdict("ukraine")
    assert ukraine.verdict == "accepts-if"
    assert card(win, "ukraine").startswith("◐ Accepts if §")
    section = win.inspector.open_point
    wanted = {pid: label for pid, _, label in ukraine.accepts_if}
    assert PLANT in wanted
    for pid, label in wanted.items():
        select(win, "twenty-point", pid)
        k = [a.label for a in clause(win, pid).alternatives].index(label)
        section.list.setCurrentRow(k)
        click(qtbot, section.close_button)
        assert not clause(win, pid).is_open
        title = win.ws.scenario.provision_index[pid].title
        assert win.ws.undo_stack.undoText() == f"Close “{title}” on “{label}”"
        assert win.inspector.notice.text().startswith(f"Closed on “{label}”")
        assert open_line(win, pid) == ""
    assert card(win, "ukraine").startswith("✓ Accepts")
    win.ws.undo_stack.undo()
    assert card(win, "ukraine").startswith("◐ Accepts if §")
    win.ws.undo_stack.redo()
    assert card(win, "ukraine").startswith("✓ Accepts")


def test_the_dialogs_use_the_inspectors_editors(qtbot: QtBot, ukraine: Scenario) -> None:
    prov = ukraine.provision_index[PLANT]
    values = {**prov.defaults(), "operator": "us-lead-three-way"}
    dialog = AlternativeValuesDialog("Values", prov, values)
    qtbot.addWidget(dialog)
    combo = dialog.editors["operator"]
    assert isinstance(combo, QComboBox)
    k = combo.findData("us-ukraine-50-50")
    combo.activated.emit(k)
    assert dialog.values() == {**values, "operator": "us-ukraine-50-50"}
    names = OpenPointDialog("Zaporizhzhia")
    qtbot.addWidget(names)
    qtbot.keyClicks(names.first, " US formula ")
    qtbot.keyClicks(names.second, "Ukrainian formula")
    assert names.labels() == ("US formula", "Ukrainian formula")


# --------------------------------------------------------------------------- identity


def others(win: MainWindow, provision: str) -> dict[str, Clause]:
    draft = win.ws.draft
    assert draft is not None
    return {c.provision: c for c in draft.clauses if c.provision != provision}


def test_a_rename_lands_on_the_selected_clause_when_rows_shift_meanwhile(
        win: MainWindow, qtbot: QtBot) -> None:
    """While the name is being typed, a clause above is removed: every row below shifts. The
    new name still goes to the clause the user selected, not to the one now at its old row."""
    select(win, "twenty-point", PLANT)
    section = win.inspector.open_point
    old_row = row_of(win, PLANT)
    asker(win, name="American formula", during=lambda: win.editor.remove_clause(0))
    section.list.setCurrentRow(0)
    click(qtbot, section.rename_button)
    assert row_of(win, PLANT) == old_row - 1
    assert clause(win, PLANT).alternatives[0].label == "American formula"
    assert win.inspector.provision_id == PLANT
    assert items(win)[0].startswith("American formula — ")


def test_values_land_on_the_selected_clause_when_it_moves_meanwhile(
        win: MainWindow, qtbot: QtBot) -> None:
    select(win, "twenty-point", PLANT)
    section = win.inspector.open_point
    untouched = others(win, PLANT)
    asker(win, changes={"iaea_supervision": False},
          during=lambda: win.editor.move_clause(row_of(win, PLANT), 0))
    section.list.setCurrentRow(1)
    click(qtbot, section.values_button)
    assert row_of(win, PLANT) == 0
    assert clause(win, PLANT).alternatives[1].values["iaea_supervision"] is False
    assert others(win, PLANT) == untouched


def test_nothing_is_written_when_the_point_or_the_selection_changed_meanwhile(
        win: MainWindow, qtbot: QtBot) -> None:
    select(win, "twenty-point", PLANT)
    section = win.inspector.open_point
    row = row_of(win, PLANT)
    # The alternatives changed under the dialog (an undo, a script): its answer is stale.
    asker(win, changes={"iaea_supervision": False},
          during=lambda: win.editor.rename_alternative(row, 1, "Kyiv formula"))
    section.list.setCurrentRow(1)
    count = win.ws.undo_stack.count()
    click(qtbot, section.values_button)
    assert win.ws.undo_stack.count() == count + 1  # the rename only
    assert "iaea_supervision" not in clause(win, PLANT).alternatives[1].values
    assert win.inspector.notice.text().startswith(
        "The open point changed while the dialog was open")
    # Another clause selected while the name was typed: no alternative is added to it.
    draft = win.ws.draft
    count = win.ws.undo_stack.count()
    asker(win, name="Third way", during=lambda: win.draft.select_provision("donbas-zone"))
    click(qtbot, section.add_button)
    assert win.ws.draft is draft
    assert win.ws.undo_stack.count() == count
    assert win.inspector.notice.text().startswith("Another clause was chosen while the dialog")


def test_after_a_delete_the_buttons_act_on_the_highlighted_clause(
        win: MainWindow, qtbot: QtBot) -> None:
    """Select the clause above the plant, press Delete: the plant's neighbour is highlighted
    and inspected; choose the plant, close its point: the plant is closed, nothing else."""
    win.ws.switch_draft("twenty-point")
    above = row_of(win, PLANT) - 1
    win.draft.select_row(above)
    qtbot.keyClick(win.draft.view, Qt.Key.Key_Delete)
    assert win.inspector.provision_id == PLANT  # the next clause moved up into the row
    untouched = others(win, PLANT)
    section = win.inspector.open_point
    section.list.setCurrentRow(0)
    click(qtbot, section.close_button)
    assert not clause(win, PLANT).is_open
    assert others(win, PLANT) == untouched


def test_the_draft_list_says_which_clauses_are_open_in_words(win: MainWindow) -> None:
    """Not by colour alone: the row's line, its tooltip and what assistive tools read."""
    win.ws.switch_draft("twenty-point")
    model = win.draft.view.model()
    index = model.index(row_of(win, PLANT), 0)
    line = "Open point: 2 alternatives, “US formula” or “Ukrainian formula”"
    assert open_line(win, PLANT) == line
    assert line in str(index.data(Qt.ItemDataRole.AccessibleTextRole))
    assert "Open point: 2 alternatives" in str(index.data(Qt.ItemDataRole.ToolTipRole))
    settled = model.index(0, 0)
    assert "Open point" not in str(settled.data(Qt.ItemDataRole.AccessibleTextRole))

"""Random edits through the real main window, then undo all and redo all (hypothesis).

A state machine drives a :class:`MainWindow` on the default scenario as a user would: it selects
clauses (or nothing), adds clauses from the library, removes the selected clause with Delete or
another one through the editor, moves clauses with Ctrl+Up/Down, the Edit menu and drops, sets
values, phases and notes in the inspector's own widgets (a number typed into the number box, a
choice picked in a combo box), applies a bridge-style proposal (the whole draft replaced in one
step), switches drafts, undoes, redoes and saves.

After every step:

* the draft view's highlight, its current row, the draft panel and the inspector name the same
  clause, by provision id, or nothing at all (:func:`assert_agree`);
* the scenario is the one the undo stack's position stands for (the history is recorded as the
  machine goes: a new step, a merged step, or a refusal that leaves everything as it was);
* the stack is clean exactly at the position of the last save (or the start, before any).

An edit made in the inspector must land on the selected clause. At the end of each sequence
every step is undone, which must give back the scenario the window opened with, and redone,
which must give back the final one; the selection and the inspector agree at each of those
steps too.

Per run: ``max_examples`` sequences of up to ``stateful_step_count`` steps (see SETTINGS).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.domain import (
    Clause,
    Scenario,
    parse_scenario,
)
from desktop.resources import default_scenario_path
from desktop.ui.inspector import NumberBox, format_number, parse_number
from desktop.ui.mainwindow import MainWindow
from desktop.ui.models import CLAUSE_MIME, encode_ids
from desktop.ui.workspace import Workspace
from tests.strategies import entered_value
from tests.test_ui_inspector_identity import assert_agree
from tests.test_ui_mainwindow import FakePrompter

#: 25 sequences of up to 15 steps: about 10-25 s on a 2-core machine.
SETTINGS = settings(max_examples=25, stateful_step_count=15, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

SCENARIO = parse_scenario(default_scenario_path().read_bytes())
DRAFTS = [d.id for d in SCENARIO.drafts]
PROVISIONS = [p.id for p in SCENARIO.provisions]
#: Notes as typed: any text, line breaks and no-break spaces included.
NOTES = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"],
                              include_characters="\n\u00a0"), max_size=30)

RUN: Counter[str] = Counter()


class UndoEdits(RuleBasedStateMachine):
    """One main window per sequence; see the module docstring for what is checked."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="accord-undo-"))
        settings_file = QSettings(str(self.tmp / "settings.ini"), QSettings.Format.IniFormat)
        self.win = MainWindow(Workspace(SCENARIO), settings_file, self.tmp / "recovery",
                              FakePrompter())
        self.win.resize(1280, 800)
        self.win.show()
        self.ws = self.win.ws
        self.original = self.ws.scenario
        self.history: list[Scenario] = [self.original]  # the scenario at each stack index
        self.saved: int | None = 0  # the stack index of the last save (the start counts)
        RUN["sequences"] += 1

    def teardown(self) -> None:
        try:
            self._undo_all_redo_all()
        finally:
            self.ws.undo_stack.setClean()  # closes without asking
            self.win.close()
            self.win.deleteLater()
            QApplication.processEvents()
            shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers

    def _clauses(self) -> tuple[Clause, ...]:
        draft = self.ws.draft
        return draft.clauses if draft is not None else ()

    def _selected(self) -> tuple[int, Clause] | None:
        row = self.win.draft.selected_row()
        clauses = self._clauses()
        return (row, clauses[row]) if 0 <= row < len(clauses) else None

    def _edit(self, action: str, do: object) -> None:
        """Run one edit (``do``, a callable) and record what it did to the undo stack."""
        assert callable(do)
        stack = self.ws.undo_stack
        before, at = self.ws.scenario, stack.index()
        do()
        if self.ws.scenario is before:  # refused, or nothing to do: no step was pushed
            assert stack.index() == at
            RUN["refused or no-op"] += 1
            return
        RUN[action] += 1
        if self.saved is not None and self.saved > at:
            self.saved = None  # the saved state was on the redo side: it is gone
        del self.history[at + 1:]
        if stack.index() == at + 1:
            self.history.append(self.ws.scenario)
        else:  # merged into the step before (typing in one field twice)
            assert stack.index() == at
            self.history[at] = self.ws.scenario

    def _undo_all_redo_all(self) -> None:
        stack = self.ws.undo_stack
        final = self.history[-1]  # the newest step (redo steps left over count too)
        while stack.canUndo():
            self.win.undo_action.trigger()
            self.agree()
        assert self.ws.scenario == self.original
        assert stack.isClean() == (self.saved == 0)
        while stack.canRedo():
            self.win.redo_action.trigger()
            self.agree()
        assert self.ws.scenario == final
        RUN["undo all, redo all"] += 1

    # -- navigation (not edits)

    @rule(data=st.data())
    def select(self, data: st.DataObject) -> None:
        n = len(self._clauses())
        row = data.draw(st.integers(-1, n - 1), label="row") if n else -1
        self.win.draft.view.select_row(row)

    @rule(draft=st.sampled_from(DRAFTS))
    def switch_draft(self, draft: str) -> None:
        if any(d.id == draft for d in self.ws.scenario.drafts):
            self.ws.switch_draft(draft)

    # -- clause edits

    @rule(provision=st.sampled_from(PROVISIONS), data=st.data())
    def add(self, provision: str, data: st.DataObject) -> None:
        at = data.draw(st.integers(0, len(self._clauses())), label="at")
        self._edit("add", lambda: self.win.editor.add_clause(provision, at))

    @precondition(lambda self: self.win.draft.selected_row() >= 0)
    @rule()
    def delete_selected(self) -> None:
        self._edit("delete", lambda: QTest.keyClick(self.win.draft.view, Qt.Key.Key_Delete))

    @precondition(lambda self: len(self._clauses()) > 0)
    @rule(data=st.data())
    def remove_any(self, data: st.DataObject) -> None:
        row = data.draw(st.integers(0, len(self._clauses()) - 1), label="row")
        self._edit("remove", lambda: self.win.editor.remove_clause(row))

    @precondition(lambda self: self.win.draft.selected_row() >= 0)
    @rule(down=st.booleans(), by_menu=st.booleans())
    def move_selected(self, down: bool, by_menu: bool) -> None:
        if by_menu:
            name = "actionMoveDown" if down else "actionMoveUp"
            action = self.win.findChild(QAction, name)
            assert action is not None
            self._edit("move", action.trigger)
        else:
            key = Qt.Key.Key_Down if down else Qt.Key.Key_Up
            self._edit("move", lambda: QTest.keyClick(
                self.win.draft.view, key, Qt.KeyboardModifier.ControlModifier))

    @precondition(lambda self: len(self._clauses()) > 1)
    @rule(data=st.data())
    def drop_clause(self, data: st.DataObject) -> None:
        clauses = self._clauses()
        source = data.draw(st.sampled_from(clauses), label="dragged").provision
        row = data.draw(st.integers(0, len(clauses)), label="dropped at")
        model = self.win.draft.model
        mime = encode_ids(CLAUSE_MIME, [source], "")
        self._edit("drop", lambda: model.dropMimeData(mime, Qt.DropAction.MoveAction, row, 0,
                                                      model.index(-1)))

    @precondition(lambda self: len(self._clauses()) > 0)
    @rule(data=st.data())
    def apply_proposal(self, data: st.DataObject) -> None:
        """What the bridge panel's Apply pushes: the whole draft replaced in one step."""
        clauses = self._clauses()
        kept = data.draw(st.lists(st.sampled_from(clauses), unique_by=lambda c: c.provision,
                                  max_size=len(clauses)), label="proposal")
        self._edit("proposal", lambda: self.win.editor.replace_clauses(
            tuple(kept), "Apply bridge proposal"))

    # -- inspector edits: they must land on the selected clause

    def _with_params(self) -> list[int]:
        index = self.ws.scenario.provision_index
        return [i for i, c in enumerate(self._clauses()) if index[c.provision].params]

    @precondition(lambda self: bool(self._with_params()))
    @rule(data=st.data(), click_first=st.booleans())
    def set_value(self, data: st.DataObject, click_first: bool) -> None:
        """Set a value in the inspector: on the selected clause if it has params (and
        ``click_first`` is false), else on a clause that has, selected first."""
        selected = self._selected()
        if click_first or selected is None or selected[0] not in self._with_params():
            self.win.draft.view.select_row(
                data.draw(st.sampled_from(self._with_params()), label="clause"))
            selected = self._selected()
            assert selected is not None
        row, clause = selected
        prov = self.ws.scenario.provision_index[clause.provision]
        spec = data.draw(st.sampled_from(prov.params), label="param")
        value = data.draw(entered_value(spec), label="value")
        widget = self.win.inspector.editor_for(spec.name)
        expected: object = value
        if isinstance(widget, NumberBox):
            text = format(value, "f")
            expected = parse_number(text)

            def enter() -> None:
                widget.lineEdit().setText(text)
                QTest.keyClick(widget, Qt.Key.Key_Return)

            self._edit("value", enter)
        elif isinstance(widget, QSpinBox):
            assert isinstance(value, int)
            self._edit("value", lambda: widget.setValue(value))
        elif isinstance(widget, QComboBox):
            i = widget.findData(value)

            def pick() -> None:
                widget.setCurrentIndex(i)
                widget.activated.emit(i)

            self._edit("value", pick)
        else:
            assert isinstance(widget, QCheckBox)
            self._edit("value", lambda: widget.setChecked(bool(value)))
        now = self._clauses()[row]
        assert now.provision == clause.provision
        shown = {**prov.defaults(), **now.values}[spec.name]
        assert shown == expected
        assert type(shown) is type(expected)  # an int stays an int, a float a float
        if isinstance(widget, NumberBox):
            assert isinstance(shown, int | float)
            assert widget.text() == format_number(shown)

    def _select_some(self, data: st.DataObject) -> tuple[int, Clause]:
        """The selected clause; when there is none, a clause is clicked first."""
        selected = self._selected()
        if selected is None:
            n = len(self._clauses())
            self.win.draft.view.select_row(data.draw(st.integers(0, n - 1), label="clause"))
            selected = self._selected()
        assert selected is not None
        return selected

    @precondition(lambda self: len(self._clauses()) > 0)
    @rule(phase=st.integers(1, 6), data=st.data())
    def set_phase(self, phase: int, data: st.DataObject) -> None:
        row, _ = self._select_some(data)
        self._edit("phase", lambda: self.win.inspector.phase.setValue(phase))
        assert self._clauses()[row].phase == phase

    @precondition(lambda self: len(self._clauses()) > 0)
    @rule(note=NOTES | st.none(), data=st.data())
    def set_note(self, note: str | None, data: st.DataObject) -> None:
        """Type a note and leave the box; None: only pass through it, which is no edit."""
        row, clause = self._select_some(data)
        before = clause.note
        box = self.win.inspector.note
        assert box.note_text() == before

        def type_and_leave() -> None:
            if note is not None:
                box.selectAll()
                box.insertPlainText(note)
            QApplication.sendEvent(box, QFocusEvent(QEvent.Type.FocusOut))

        self._edit("note", type_and_leave)
        assert self._clauses()[row].note == (before if note is None else note)

    # -- the stack

    @precondition(lambda self: self.ws.undo_stack.canUndo())
    @rule()
    def undo(self) -> None:
        self.win.undo_action.trigger()
        RUN["undo"] += 1

    @precondition(lambda self: self.ws.undo_stack.canRedo())
    @rule()
    def redo(self) -> None:
        self.win.redo_action.trigger()
        RUN["redo"] += 1

    @precondition(lambda self: not self.ws.undo_stack.isClean())
    @rule()
    def save(self) -> None:
        assert self.win.files.save_as(self.tmp / "work.accord")
        self.saved = self.ws.undo_stack.index()
        RUN["save"] += 1

    # -- after every step

    @invariant()
    def agree(self) -> None:
        assert_agree(self.win, self.win.draft.selected_provision())
        selected = self._selected()
        assert (selected[1].provision if selected else None) == self.win.inspector.provision_id

    @invariant()
    def stack_matches_history(self) -> None:
        stack = self.ws.undo_stack
        assert stack.count() == len(self.history) - 1
        assert self.ws.scenario == self.history[stack.index()]
        assert stack.isClean() == (self.saved == stack.index())
        assert self.win.isWindowModified() == (not stack.isClean())


def test_random_edits_undo_and_redo_through_the_window(qtbot: QtBot) -> None:
    RUN.clear()
    started = time.perf_counter()
    run_state_machine_as_test(UndoEdits, settings=SETTINGS)
    seconds = time.perf_counter() - started
    # A run that stopped early would pass without proving anything.
    assert RUN["sequences"] >= SETTINGS.max_examples
    assert RUN["undo all, redo all"] >= SETTINGS.max_examples // 2
    edits = sum(RUN[k] for k in ("add", "delete", "remove", "move", "drop", "proposal",
                                 "value", "phase", "note"))
    assert edits >= SETTINGS.max_examples * 3
    print(f"\n{dict(RUN)}; {seconds:.1f} s")  # noqa: T201  # shown with -s


def test_a_value_edit_is_named_by_the_params_label_in_the_undo_text(qtbot: QtBot) -> None:
    """Edit → Undo names a value edit in words ("Set army personnel of …"), not by the param's
    id ("Set personnel of …"); consecutive edits of it stay one step with those words."""
    from desktop.ui.commands import Editor

    ws = Workspace(SCENARIO)
    editor = Editor(ws)
    assert ws.draft is not None
    assert ws.draft.id == "us-28"
    row = [c.provision for c in ws.draft.clauses].index("army-cap")
    assert editor.set_value(row, "personnel", 700000)
    assert editor.set_value(row, "personnel", 750000)  # merges into the same step
    text = "Set army personnel of “Ceiling on Ukraine's armed forces”"
    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == text
    ws.undo_stack.undo()
    assert ws.undo_stack.redoText() == text

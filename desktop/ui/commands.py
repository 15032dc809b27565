"""Undo commands, and the :class:`Editor` that builds them from what the user asked for.

Every edit is a :class:`ScenarioCommand` on the workspace's QUndoStack. Because the domain model
is immutable, a command keeps the scenario before and after and only swaps them; the edit itself
is a pure function in :mod:`desktop.domain.edit`. Widgets and item models never build scenarios:
they call the Editor, which pushes the command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from desktop.domain import Clause, Party, Provision, Scenario, Value
from desktop.domain import edit as ops
from desktop.domain.edit import EditError
from desktop.ui.workspace import Change, What, Workspace

_MERGE_CLAUSE_EDIT = 1001


class ScenarioCommand(QUndoCommand):
    """Swap the scenario before and after an edit, each with the change views need to hear."""

    def __init__(
        self,
        workspace: Workspace,
        text: str,
        before: Scenario,
        after: Scenario,
        redo_change: Change,
        undo_change: Change,
        merge_key: tuple[object, ...] | None = None,
    ) -> None:
        super().__init__(text)
        self._ws = workspace
        self.before = before
        self.after = after
        self._redo_change = redo_change
        self._undo_change = undo_change
        self._merge_key = merge_key

    def redo(self) -> None:
        self._ws.apply(self.after, self._redo_change)

    def undo(self) -> None:
        self._ws.apply(self.before, self._undo_change)

    def id(self) -> int:
        return _MERGE_CLAUSE_EDIT if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Typing in a spin box gives one undo step per field, not one per keystroke.
        if not isinstance(other, ScenarioCommand) or other._merge_key != self._merge_key:
            return False
        self.after = other.after
        self._redo_change = other._redo_change
        return True


class Editor(QObject):
    """Turns user intents into commands. Refusals are reported, never raised into Qt."""

    refused = Signal(str)  # a message for the user: why an edit was not made

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace

    # -- plumbing

    def _push(
        self,
        text: str,
        build: Callable[[Scenario], Scenario],
        redo: Change,
        undo: Change,
        merge_key: tuple[object, ...] | None = None,
    ) -> bool:
        before = self.ws.scenario
        try:
            after = build(before)
        except EditError as err:
            self.refused.emit(str(err))
            return False
        self.ws.undo_stack.push(
            ScenarioCommand(self.ws, text, before, after, redo, undo, merge_key)
        )
        return True

    def _draft(self) -> str | None:
        return self.ws.draft_id

    def _title(self, provision_id: str) -> str:
        prov = self.ws.scenario.provision_index.get(provision_id)
        return prov.title if prov else provision_id

    # -- clauses

    def add_clause(self, provision_id: str, row: int | None = None) -> bool:
        draft = self.ws.draft
        if draft is None:
            self.refused.emit("Create a draft first: there is no draft to add to.")
            return False
        at = len(draft.clauses) if row is None else max(0, min(row, len(draft.clauses)))
        return self._push(
            f"Add “{self._title(provision_id)}”",
            lambda s: ops.add_clause(s, draft.id, provision_id, at),
            Change(What.CLAUSE_INSERTED, draft.id, (at,)),
            Change(What.CLAUSE_REMOVED, draft.id, (at,)),
        )

    def add_clauses(self, provision_ids: list[str], row: int | None = None) -> bool:
        """Several provisions in one step (a multi-selection dropped at once)."""
        draft = self.ws.draft
        if draft is None:
            self.refused.emit("Create a draft first: there is no draft to add to.")
            return False
        if len(provision_ids) == 1:
            return self.add_clause(provision_ids[0], row)
        at = len(draft.clauses) if row is None else max(0, min(row, len(draft.clauses)))
        fresh = [p for p in provision_ids if draft.index_of(p) is None]
        if not fresh:
            return False

        def build(s: Scenario) -> Scenario:
            for offset, pid in enumerate(fresh):
                s = ops.add_clause(s, draft.id, pid, at + offset)
            return s

        change = Change(What.CLAUSES, draft.id)
        return self._push(f"Add {len(fresh)} clauses", build, change, change)

    def remove_clause(self, row: int) -> bool:
        draft = self.ws.draft
        if draft is None or not 0 <= row < len(draft.clauses):
            return False
        pid = draft.clauses[row].provision
        return self._push(
            f"Remove “{self._title(pid)}”",
            lambda s: ops.remove_clause(s, draft.id, row),
            Change(What.CLAUSE_REMOVED, draft.id, (row,)),
            Change(What.CLAUSE_INSERTED, draft.id, (row,)),
        )

    def move_clause(self, source: int, target: int) -> bool:
        draft = self.ws.draft
        if draft is None or source == target:
            return False
        if not (0 <= source < len(draft.clauses) and 0 <= target < len(draft.clauses)):
            return False
        pid = draft.clauses[source].provision
        return self._push(
            f"Move “{self._title(pid)}”",
            lambda s: ops.move_clause(s, draft.id, source, target),
            Change(What.CLAUSE_MOVED, draft.id, (source, target)),
            Change(What.CLAUSE_MOVED, draft.id, (target, source)),
        )

    def _edit_clause(self, row: int, verb: str, field: tuple[str, ...],
                     unchanged: Callable[[Clause], bool], **update: Any) -> bool:
        """One change to one clause; consecutive changes to the same field merge into one
        undo step (typing in a spin box is one step, not one per keystroke)."""
        draft = self.ws.draft
        if draft is None or not 0 <= row < len(draft.clauses):
            return False
        clause = draft.clauses[row]
        if unchanged(clause):
            return False
        change = Change(What.CLAUSE_CHANGED, draft.id, (row,))
        # Merged by the clause's identity: only edits of one field of one clause merge.
        return self._push(
            f"{verb} “{self._title(clause.provision)}”",
            lambda s: ops.update_clause(s, draft.id, row, **update),
            change, change, merge_key=(*field, draft.id, clause.provision),
        )

    def set_value(self, row: int, param: str, value: Value) -> bool:
        def same(c: Clause) -> bool:
            old = c.values.get(param)
            return old == value and type(old) is type(value)

        return self._edit_clause(row, f"Set {param} of", ("value", param), same,
                                 values={param: value})

    def set_phase(self, row: int, phase: int) -> bool:
        return self._edit_clause(row, "Set phase of", ("phase",),
                                 lambda c: c.phase == phase, phase=phase)

    def set_note(self, row: int, note: str) -> bool:
        return self._edit_clause(row, "Edit note of", ("note",),
                                 lambda c: c.note == note, note=note)

    def replace_clauses(self, clauses: tuple[Clause, ...], text: str) -> bool:
        """Replace the current draft's clauses in one step (e.g. applying a proposal)."""
        draft = self.ws.draft
        if draft is None:
            return False
        new = draft.model_copy(update={"clauses": clauses})
        change = Change(What.CLAUSES, draft.id)
        return self._push(text, lambda s: ops.replace_draft(s, new), change, change)

    # -- drafts

    def new_draft(self, title: str) -> str | None:
        return self._add_draft(f"New draft “{title}”", lambda s: ops.add_draft(s, title))

    def new_draft_from(self, title: str, clauses: tuple[Clause, ...], note: str = ""
                       ) -> str | None:
        """A new draft holding ``clauses`` (e.g. a proposal saved as a draft), made current."""
        return self._add_draft(f"New draft “{title}”",
                               lambda s: ops.add_draft(s, title, clauses, note))

    def duplicate_draft(self, title: str | None = None) -> str | None:
        draft = self.ws.draft
        if draft is None:
            return None
        return self._add_draft(f"Duplicate “{draft.title}”",
                               lambda s: ops.duplicate_draft(s, draft.id, title))

    def _add_draft(self, text: str, build: Callable[[Scenario], tuple[Scenario, str]]
                   ) -> str | None:
        before = self.ws.scenario
        try:
            after, new_id = build(before)
        except EditError as err:
            self.refused.emit(str(err))
            return None
        self.ws.undo_stack.push(ScenarioCommand(
            self.ws, text, before, after,
            Change(What.DRAFTS, new_id), Change(What.DRAFTS, self.ws.draft_id),
        ))
        return new_id

    def rename_draft(self, title: str) -> bool:
        draft = self.ws.draft
        if draft is None or title == draft.title:
            return False
        change = Change(What.DRAFTS, draft.id)
        return self._push(f"Rename draft to “{title}”",
                          lambda s: ops.rename_draft(s, draft.id, title), change, change)

    def remove_draft(self) -> bool:
        draft = self.ws.draft
        if draft is None:
            return False
        index = [d.id for d in self.ws.scenario.drafts].index(draft.id)
        remaining = [d.id for d in self.ws.scenario.drafts if d.id != draft.id]
        next_id = remaining[min(index, len(remaining) - 1)] if remaining else None
        return self._push(
            f"Delete draft “{draft.title}”",
            lambda s: ops.remove_draft(s, draft.id),
            Change(What.DRAFTS, next_id), Change(What.DRAFTS, draft.id),
        )

    # -- library and parties

    def put_provision(self, provision: Provision, replaces: str | None = None) -> bool:
        verb = "Edit" if replaces else "Add"
        change = Change(What.LIBRARY)
        return self._push(f"{verb} provision “{provision.title}”",
                          lambda s: ops.put_provision(s, provision, replaces), change, change)

    def remove_provision(self, provision_id: str) -> bool:
        change = Change(What.LIBRARY)
        return self._push(f"Delete provision “{self._title(provision_id)}”",
                          lambda s: ops.remove_provision(s, provision_id), change, change)

    def put_party(self, party: Party, replaces: str | None = None) -> bool:
        verb = "Edit" if replaces else "Add"
        change = Change(What.PARTIES)
        return self._push(f"{verb} party “{party.name}”",
                          lambda s: ops.put_party(s, party, replaces), change, change)

    def remove_party(self, party_id: str) -> bool:
        name = self.ws.scenario.party_index[party_id].name
        change = Change(What.PARTIES)
        return self._push(f"Delete party “{name}”",
                          lambda s: ops.remove_party(s, party_id), change, change)

    def set_info(self, title: str | None = None, summary: str | None = None) -> bool:
        change = Change(What.INFO)
        return self._push("Edit scenario details",
                          lambda s: ops.set_scenario_info(s, title=title, summary=summary),
                          change, change)


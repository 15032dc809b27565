"""Undo commands, and the :class:`Editor` that builds them from what the user asked for.

Every edit is a :class:`ScenarioCommand` on the workspace's QUndoStack. Because the domain model
is immutable, a command keeps the scenario before and after and only swaps them; the edit itself
is a pure function in :mod:`desktop.domain.edit`. Widgets and item models never build scenarios:
they call the Editor, which pushes the command.

What an edit touched (the row a clause went to, a new draft's id) is what the domain edit
returned (:class:`~desktop.domain.edit.EditResult`); the Editor never works it out again. A
refused edit is reported twice: on :attr:`Editor.refused` (the status bar shows it) and as a
value, for the caller that asked (:meth:`Editor.attempt`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from desktop.domain import Clause, Party, Provision, Scenario, Value
from desktop.domain import edit as ops
from desktop.domain.edit import EditError, EditResult
from desktop.domain.model import Alternative, BriefingSettings, Source
from desktop.ui.i18n import InheritedTr
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording.prose import in_sentence
from desktop.wording.values import param_label

_MERGE_CLAUSE_EDIT = 1001

#: An edit of the scenario as the Editor runs it: from the scenario before, what it made.
Build = Callable[[Scenario], EditResult]
#: The changes views hear when an edit is redone and when it is undone, from what it made.
Changes = Callable[[EditResult], tuple[Change, Change]]


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


class Editor(InheritedTr, QObject):
    """Turns user intents into commands. Refusals are reported, never raised into Qt.

    Every method returns whether it made an edit (or the new draft's id). Why an edit was
    refused goes to :attr:`refused`, and comes back as a value from :meth:`attempt`.

    Each command's text (what Edit → Undo names) is a whole sentence through ``self.tr``,
    the titles and labels formatted in after the translation.
    """

    refused = Signal(str)  # a message for the user: why an edit was not made

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._refusal: str | None = None

    def attempt(self, change: Callable[[], object]) -> str | None:
        """Run one Editor call (``lambda: editor.put_party(p)``): why it was refused, for the
        user, or None when it was not (it was made, or there was nothing to change)."""
        outer, self._refusal = self._refusal, None
        try:
            change()
            return self._refusal
        finally:
            self._refusal = outer

    # -- plumbing

    def _refuse(self, reason: str) -> None:
        self._refusal = reason
        self.refused.emit(reason)

    def _push(
        self,
        text: str | Callable[[EditResult], str],
        build: Build,
        changes: Changes,
        merge_key: tuple[object, ...] | None = None,
    ) -> EditResult | None:
        """Run ``build`` on the current scenario and push its command; what it made, or None
        when it was refused (reported) or changed nothing (no undo step)."""
        before = self.ws.scenario
        try:
            result = build(before)
        except EditError as err:
            self._refuse(str(err))
            return None
        if result.scenario is before:
            return None
        redo, undo = changes(result)
        label = text if isinstance(text, str) else text(result)
        self.ws.undo_stack.push(
            ScenarioCommand(self.ws, label, before, result.scenario, redo, undo, merge_key)
        )
        return result

    @staticmethod
    def _both(change: Change) -> Changes:
        """The same change heard on redo and on undo."""
        return lambda _result: (change, change)

    def _draft(self) -> str | None:
        return self.ws.draft_id

    def _title(self, provision_id: str) -> str:
        prov = self.ws.scenario.provision_index.get(provision_id)
        return prov.title if prov else provision_id

    # -- clauses

    def add_clause(self, provision_id: str, row: int | None = None) -> bool:
        draft = self.ws.draft
        if draft is None:
            self._refuse(self.tr("Create a draft first: there is no draft to add to."))
            return False
        return self._push(
            self.tr("Add “{title}”").format(title=self._title(provision_id)),
            lambda s: ops.add_clause_edit(s, draft.id, provision_id, row),
            lambda r: (Change(What.CLAUSE_INSERTED, r.draft_id, r.rows),
                       Change(What.CLAUSE_REMOVED, r.draft_id, r.rows)),
        ) is not None

    def add_clauses(self, provision_ids: list[str], row: int | None = None) -> bool:
        """Several provisions in one step (a multi-selection dropped at once); those already
        in the draft are skipped (when all are, nothing happens)."""
        draft = self.ws.draft
        if draft is None:
            self._refuse(self.tr("Create a draft first: there is no draft to add to."))
            return False
        if len(provision_ids) == 1:
            return self.add_clause(provision_ids[0], row)
        return self._push(
            lambda r: self.tr("Add %n clause(s)", "", len(r.rows)),
            lambda s: ops.add_clauses_edit(s, draft.id, provision_ids, row),
            self._both(Change(What.CLAUSES, draft.id)),
        ) is not None

    def remove_clause(self, row: int) -> bool:
        draft = self.ws.draft
        if draft is None or not 0 <= row < len(draft.clauses):
            return False
        pid = draft.clauses[row].provision
        return self._push(
            self.tr("Remove “{title}”").format(title=self._title(pid)),
            lambda s: ops.remove_clause_edit(s, draft.id, row),
            lambda r: (Change(What.CLAUSE_REMOVED, r.draft_id, r.rows),
                       Change(What.CLAUSE_INSERTED, r.draft_id, r.rows)),
        ) is not None

    def move_clause(self, source: int, target: int) -> bool:
        draft = self.ws.draft
        if draft is None or source == target:
            return False
        if not (0 <= source < len(draft.clauses) and 0 <= target < len(draft.clauses)):
            return False
        pid = draft.clauses[source].provision
        return self._push(
            self.tr("Move “{title}”").format(title=self._title(pid)),
            lambda s: ops.move_clause_edit(s, draft.id, source, target),
            lambda r: (Change(What.CLAUSE_MOVED, r.draft_id, r.rows),
                       Change(What.CLAUSE_MOVED, r.draft_id, r.rows[::-1])),
        ) is not None

    def _edit_clause(self, row: int, text: Callable[[str], str], field: tuple[str, ...],
                     unchanged: Callable[[Clause], bool], **update: Any) -> bool:
        """One change to one clause, named by ``text`` from the clause's title; consecutive
        changes to the same field merge into one undo step (typing in a spin box is one step,
        not one per keystroke)."""
        draft = self.ws.draft
        if draft is None or not 0 <= row < len(draft.clauses):
            return False
        clause = draft.clauses[row]
        if unchanged(clause):
            return False

        def changes(r: EditResult) -> tuple[Change, Change]:
            change = Change(What.CLAUSE_CHANGED, r.draft_id, r.rows)
            return change, change

        # Merged by the clause's identity: only edits of one field of one clause merge.
        return self._push(
            text(self._title(clause.provision)),
            lambda s: ops.update_clause_edit(s, draft.id, row, **update),
            changes, merge_key=(*field, draft.id, clause.provision),
        ) is not None

    def set_value(self, row: int, param: str, value: Value) -> bool:
        def same(c: Clause) -> bool:
            old = c.values.get(param)
            return old == value and type(old) is type(value)

        words = self._param_words(row, param)
        return self._edit_clause(
            row, lambda title: self.tr("Set {param} of “{title}”").format(param=words,
                                                                          title=title),
            ("value", param), same, values={param: value})

    def _param_words(self, row: int, param: str) -> str:
        """The param as a person calls it inside a sentence: "army personnel" (its label), not
        its id; the id only when the provision does not know the param."""
        draft = self.ws.draft
        clause = draft.clauses[row] if draft is not None and 0 <= row < len(draft.clauses) \
            else None
        prov = self.ws.scenario.provision_index.get(clause.provision) if clause else None
        spec = prov.param(param) if prov is not None else None
        if spec is None:
            return param
        return in_sentence(param_label(spec), self.ws.scenario)

    def set_phase(self, row: int, phase: int) -> bool:
        return self._edit_clause(row, lambda title: self.tr("Set phase of “{title}”").format(
                                     title=title), ("phase",),
                                 lambda c: c.phase == phase, phase=phase)

    def set_note(self, row: int, note: str) -> bool:
        return self._edit_clause(row, lambda title: self.tr("Edit note of “{title}”").format(
                                     title=title), ("note",),
                                 lambda c: c.note == note, note=note)

    # -- open points: each edit one undo step, named by the clause's and alternatives' words

    def _open_edit(self, row: int, text: Callable[[Clause, str], str],
                   build: Callable[[Scenario, str, Clause], EditResult]) -> bool:
        """One edit of the open point of the clause at ``row``; ``text`` names it from the
        clause and its title, ``build`` makes it from the scenario, the draft and the clause."""
        draft = self.ws.draft
        if draft is None or not 0 <= row < len(draft.clauses):
            return False
        clause = draft.clauses[row]

        def changes(r: EditResult) -> tuple[Change, Change]:
            change = Change(What.CLAUSE_CHANGED, r.draft_id, r.rows)
            return change, change

        return self._push(text(clause, self._title(clause.provision)),
                          lambda s: build(s, draft.id, clause), changes) is not None

    def _alternative_words(self, clause: Clause, k: int) -> str:
        """An alternative in an undo text: “US formula”, or "alternative 2" without a label."""
        label = clause.alternatives[k].label if 0 <= k < len(clause.alternatives) else ""
        return self.tr("“{label}”").format(label=label) if label else \
            self.tr("alternative {number}").format(number=k + 1)

    def open_point(self, row: int, first: str, second: str) -> bool:
        """Make the clause at ``row`` an open point: ``first`` names its values as they are,
        ``second`` a copy of them to change."""
        return self._open_edit(row, lambda _c, t: self.tr("Make “{title}” an open point").format(
                                   title=t),
                               lambda s, d, _c: ops.open_clause_edit(s, d, row, first, second))

    def add_alternative(self, row: int, label: str) -> bool:
        """One more alternative for the open point at ``row``, holding the clause's values."""
        def build(s: Scenario, d: str, c: Clause) -> EditResult:
            new = Alternative.model_construct(label=label.strip(), values=dict(c.values))
            return ops.set_alternatives_edit(s, d, row, (*c.alternatives, new))

        def text(_c: Clause, t: str) -> str:
            if label.strip():
                return self.tr("Add “{label}” to “{title}”").format(label=label.strip(), title=t)
            return self.tr("Add an alternative to “{title}”").format(title=t)

        return self._open_edit(row, text, build)

    def rename_alternative(self, row: int, k: int, label: str) -> bool:
        def build(s: Scenario, d: str, c: Clause) -> EditResult:
            alts = _replaced(c, k, label=label.strip())
            return ops.set_alternatives_edit(s, d, row, alts)

        return self._open_edit(
            row, lambda c, t: self.tr("Rename {alternative} of “{title}” to “{label}”").format(
                alternative=self._alternative_words(c, k), title=t, label=label.strip()), build)

    def set_alternative_values(self, row: int, k: int, values: dict[str, Value]) -> bool:
        """The values of the ``k``-th alternative of the open point at ``row``, all at once."""
        def build(s: Scenario, d: str, c: Clause) -> EditResult:
            return ops.set_alternatives_edit(s, d, row, _replaced(c, k, values=dict(values)))

        return self._open_edit(
            row, lambda c, t: self.tr("Set values of {alternative} of “{title}”").format(
                alternative=self._alternative_words(c, k), title=t), build)

    def remove_alternative(self, row: int, k: int) -> bool:
        """Remove the ``k``-th alternative; with one left, the clause is settled on it."""
        def text(c: Clause, t: str) -> str:
            removed = self._alternative_words(c, k)
            if len(c.alternatives) == 2 and 0 <= k < 2:
                return self.tr("Remove {alternative} of “{title}”, settled on {other}").format(
                    alternative=removed, title=t, other=self._alternative_words(c, 1 - k))
            return self.tr("Remove {alternative} of “{title}”").format(alternative=removed,
                                                                       title=t)

        def build(s: Scenario, d: str, c: Clause) -> EditResult:
            if not 0 <= k < len(c.alternatives):
                raise EditError(self.tr("the open point has no alternative {number}").format(
                    number=k + 1))
            return ops.set_alternatives_edit(
                s, d, row, c.alternatives[:k] + c.alternatives[k + 1:])

        return self._open_edit(row, text, build)

    def close_point(self, row: int, k: int) -> bool:
        """Close the open point at ``row`` on its ``k``-th alternative."""
        return self._open_edit(
            row, lambda c, t: self.tr("Close “{title}” on {alternative}").format(
                title=t, alternative=self._alternative_words(c, k)),
            lambda s, d, _c: ops.close_clause_edit(s, d, row, k))

    def replace_clauses(self, clauses: tuple[Clause, ...], text: str) -> bool:
        """Replace the current draft's clauses in one step (e.g. applying a proposal)."""
        draft = self.ws.draft
        if draft is None:
            return False
        return self._push(text, lambda s: ops.replace_clauses_edit(s, draft.id, clauses),
                          self._both(Change(What.CLAUSES, draft.id))) is not None

    # -- drafts

    def new_draft(self, title: str) -> str | None:
        return self._add_draft(self.tr("New draft “{title}”").format(title=title),
                               lambda s: ops.add_draft_edit(s, title))

    def new_draft_from(self, title: str, clauses: tuple[Clause, ...], note: str = ""
                       ) -> str | None:
        """A new draft holding ``clauses`` (e.g. a proposal saved as a draft), made current."""
        return self._add_draft(self.tr("New draft “{title}”").format(title=title),
                               lambda s: ops.add_draft_edit(s, title, clauses, note))

    def duplicate_draft(self, title: str | None = None) -> str | None:
        draft = self.ws.draft
        if draft is None:
            return None
        return self._add_draft(self.tr("Duplicate “{title}”").format(title=draft.title),
                               lambda s: ops.duplicate_draft_edit(s, draft.id, title))

    def _add_draft(self, text: str, build: Build) -> str | None:
        """A new draft, made current; undoing it goes back to the draft current now."""
        current = self.ws.draft_id
        result = self._push(text, build, lambda r: (Change(What.DRAFTS, r.draft_id),
                                                    Change(What.DRAFTS, current)))
        return result.draft_id if result is not None else None

    def rename_draft(self, title: str) -> bool:
        draft = self.ws.draft
        if draft is None or title == draft.title:
            return False
        return self._push(self.tr("Rename draft to “{title}”").format(title=title),
                          lambda s: EditResult(ops.rename_draft(s, draft.id, title), draft.id),
                          self._both(Change(What.DRAFTS, draft.id))) is not None

    def remove_draft(self) -> bool:
        draft = self.ws.draft
        if draft is None:
            return False
        # The draft shown next: its neighbour in the switcher (the next one, else the last).
        index = [d.id for d in self.ws.scenario.drafts].index(draft.id)
        remaining = [d.id for d in self.ws.scenario.drafts if d.id != draft.id]
        next_id = remaining[min(index, len(remaining) - 1)] if remaining else None
        return self._push(
            self.tr("Delete draft “{title}”").format(title=draft.title),
            lambda s: EditResult(ops.remove_draft(s, draft.id), draft.id),
            lambda _r: (Change(What.DRAFTS, next_id), Change(What.DRAFTS, draft.id)),
        ) is not None

    # -- library and parties

    def put_provision(self, provision: Provision, replaces: str | None = None) -> bool:
        text = self.tr("Edit provision “{title}”") if replaces else \
            self.tr("Add provision “{title}”")
        return self._push(text.format(title=provision.title),
                          lambda s: EditResult(ops.put_provision(s, provision, replaces)),
                          self._both(Change(What.LIBRARY))) is not None

    def remove_provision(self, provision_id: str) -> bool:
        return self._push(self.tr("Delete provision “{title}”").format(
                              title=self._title(provision_id)),
                          lambda s: EditResult(ops.remove_provision(s, provision_id)),
                          self._both(Change(What.LIBRARY))) is not None

    def put_party(self, party: Party, replaces: str | None = None) -> bool:
        text = self.tr("Edit party “{name}”") if replaces else self.tr("Add party “{name}”")
        return self._push(text.format(name=party.name),
                          lambda s: EditResult(ops.put_party(s, party, replaces)),
                          self._both(Change(What.PARTIES))) is not None

    def remove_party(self, party_id: str) -> bool:
        name = self.ws.scenario.party_index[party_id].name
        return self._push(self.tr("Delete party “{name}”").format(name=name),
                          lambda s: EditResult(ops.remove_party(s, party_id)),
                          self._both(Change(What.PARTIES))) is not None

    def set_info(self, title: str | None = None, summary: str | None = None) -> bool:
        return self._push(
            self.tr("Edit scenario details"),
            lambda s: EditResult(ops.set_scenario_info(s, title=title, summary=summary)),
            self._both(Change(What.INFO)),
        ) is not None

    def set_draft_properties(self, draft_id: str, **update: Any) -> bool:
        """A draft's title, note, date, status, proposers or cited sources, in one step."""
        draft = next((d for d in self.ws.scenario.drafts if d.id == draft_id), None)
        if draft is None:
            self._refuse(self.tr("The draft is no longer in the scenario (it was deleted or "
                                 "undone)."))
            return False
        return self._push(
            self.tr("Edit properties of draft “{title}”").format(title=draft.title),
            lambda s: EditResult(ops.set_draft_properties(s, draft_id, **update), draft_id),
            self._both(Change(What.DRAFTS, draft_id)),
        ) is not None

    # -- the source register

    def put_source(self, source: Source, replaces: str | None = None) -> bool:
        text = self.tr("Edit source “{title}”") if replaces else \
            self.tr("Add source “{title}”")
        return self._push(text.format(title=source.title),
                          lambda s: EditResult(ops.put_source(s, source, replaces)),
                          self._both(Change(What.INFO))) is not None

    def remove_source(self, source_id: str, uncite: bool = False) -> bool:
        """Remove a register entry; with ``uncite``, the citations of it go in the same step
        (else a cited source is refused, saying what cites it)."""
        source = next((s for s in self.ws.scenario.sources if s.id == source_id), None)
        title = source.title if source is not None else source_id
        # No view shows citations: the editors read them afresh whenever they open.
        return self._push(self.tr("Delete source “{title}”").format(title=title),
                          lambda s: EditResult(ops.remove_source(s, source_id, uncite=uncite)),
                          self._both(Change(What.INFO))) is not None

    def put_briefing_settings(self, settings: BriefingSettings | None) -> bool:
        """The document's briefing settings (the memo's TO, FROM, SUBJECT and marking)."""
        return self._push(
            self.tr("Edit briefing settings"),
            lambda s: EditResult(ops.set_briefing_settings(s, settings)),
            self._both(Change(What.INFO)),
        ) is not None


def _replaced(clause: Clause, k: int, **update: Any) -> tuple[Alternative, ...]:
    """The clause's alternatives with the ``k``-th one's fields updated."""
    if not 0 <= k < len(clause.alternatives):
        raise EditError(QCoreApplication.translate(
            "Editor", "the open point has no alternative {number}").format(number=k + 1))
    alts = list(clause.alternatives)
    alts[k] = alts[k].model_copy(update=update)
    return tuple(alts)

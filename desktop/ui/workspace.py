"""The open document as the GUI sees it: one scenario, the current draft, its report, and the
undo stack. Everything that changes goes through :meth:`Workspace.apply` (called only by undo
commands, or when a file is opened), which re-checks the draft and then emits the one change
notification, :attr:`Workspace.changed`, that every panel and chart listens to.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from desktop.domain import Draft, Report, Scenario, check
from desktop.domain.model import Stance


class What(Enum):
    """What an edit changed, so views can update finely instead of resetting."""

    RESET = auto()  # a new scenario (open, new, revert): everything
    DRAFT_SWITCHED = auto()  # another draft became current
    CLAUSE_INSERTED = auto()  # rows = (index,)
    CLAUSE_REMOVED = auto()  # rows = (index,)
    CLAUSE_MOVED = auto()  # rows = (source, target)
    CLAUSE_CHANGED = auto()  # rows = (index,)
    CLAUSES = auto()  # the current draft's clauses changed in several places
    DRAFTS = auto()  # drafts added, removed or renamed
    LIBRARY = auto()  # provisions changed
    PARTIES = auto()  # parties, red lines or preferences changed
    INFO = auto()  # title or summary
    STANCE = auto()  # the view of the red lines (stated / assessed): only the report changed


@dataclass(frozen=True, slots=True)
class Change:
    what: What
    draft_id: str | None = None
    rows: tuple[int, ...] = ()


class Workspace(QObject):
    """The document model. Holds no widgets and knows nothing of files."""

    changed = Signal(object)  # Change: emitted once per edit, after the re-check

    def __init__(self, scenario: Scenario, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._scenario = scenario
        self._draft_id: str | None = scenario.drafts[0].id if scenario.drafts else None
        self._report: Report | None = None
        #: Which red lines count: "assessed" floors (stated demands negotiable) or "stated".
        self._stance: Stance = "assessed"
        self.path: Path | None = None
        self._notifying = False
        self._recheck()

    # -- state

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def draft_id(self) -> str | None:
        return self._draft_id

    @property
    def draft(self) -> Draft | None:
        if self._draft_id is None:
            return None
        for d in self._scenario.drafts:
            if d.id == self._draft_id:
                return d
        return None

    @property
    def report(self) -> Report | None:
        return self._report

    @property
    def stance(self) -> Stance:
        return self._stance

    def set_stance(self, stance: Stance) -> None:
        """Check under stated positions or assessed floors. A view, not an edit: it is not on
        the undo stack and the document stays as it is."""
        if stance == self._stance:
            return
        self._stance = stance
        self._recheck()
        self._notify(Change(What.STANCE, self._draft_id))

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def notifying(self) -> bool:
        """True while :attr:`changed` is being delivered. Listeners must not push undo commands
        then: an edit pushed from inside another command's redo or undo would land on the
        stack in the wrong order (or delete the command being undone)."""
        return self._notifying

    # -- changes

    def apply(self, scenario: Scenario, change: Change) -> None:
        """Install ``scenario`` (called by undo commands), re-check, notify once."""
        self._scenario = scenario
        if change.draft_id is not None:
            self._draft_id = change.draft_id
        if self.draft is None:  # the current draft was removed
            self._draft_id = scenario.drafts[0].id if scenario.drafts else None
        self._recheck()
        self._notify(change)

    def reset(self, scenario: Scenario, path: Path | None = None) -> None:
        """A different document: clears undo history and marks it unmodified."""
        self.undo_stack.clear()
        self.path = path
        self._draft_id = None
        self.apply(scenario, Change(What.RESET))
        self.undo_stack.setClean()

    def switch_draft(self, draft_id: str) -> None:
        """Navigation, not an edit: it is not on the undo stack."""
        if draft_id == self._draft_id:
            return
        self._draft_id = draft_id
        self._recheck()
        self._notify(Change(What.DRAFT_SWITCHED, draft_id))

    def _notify(self, change: Change) -> None:
        outer = self._notifying
        self._notifying = True
        try:
            self.changed.emit(change)
        finally:
            self._notifying = outer

    def _recheck(self) -> None:
        draft = self.draft
        # After a small edit only the rules that mention the edited clauses are evaluated again.
        self._report = None if draft is None else check(self._scenario, draft, self._report,
                                                        stance=self._stance)

"""Coming back: reopening a document returns to the draft and clause the user was on.

The place is this computer's business, not the document's: it is kept in the settings, keyed
by the document's path (a hash of it), and never written into the file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer

from desktop.ui.draft import DraftPanel
from desktop.ui.workspace import Change, What, Workspace


def place_key(path: Path) -> str:
    try:
        name = str(path.resolve())
    except OSError:
        name = str(path)
    return "places/" + hashlib.sha1(name.encode("utf-8"), usedforsecurity=False).hexdigest()


class Places(QObject):
    """Remembers the current draft and selected clause of a saved document, and goes back to
    them when the document is opened again."""

    def __init__(self, workspace: Workspace, draft: DraftPanel, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._draft = draft
        self._settings = settings
        self._returning = False  # a document was just opened: its old place is not lost yet
        draft.clause_selected.connect(lambda _pid: self._later(self.remember))
        workspace.changed.connect(self._on_changed)

    def _later(self, call: object) -> None:
        # Inside a change notification the panels are still catching up: settle first.
        if self._ws.notifying:
            QTimer.singleShot(0, self, call)  # type: ignore[call-overload]
        else:
            call()  # type: ignore[operator]

    def _on_changed(self, change: Change) -> None:
        if change.what == What.RESET:
            self._returning = self._ws.path is not None
            if self._returning:
                QTimer.singleShot(0, self, self.go_back)
        elif change.what == What.DRAFT_SWITCHED:
            self._later(self.remember)

    def remember(self) -> None:
        path = self._ws.path
        if path is None or self._returning or self._ws.draft_id is None:
            return
        place = {"draft": self._ws.draft_id, "clause": self._draft.selected_provision()}
        self._settings.setValue(place_key(path), json.dumps(place))

    def saved_place(self, path: Path) -> tuple[str, str | None] | None:
        raw = self._settings.value(place_key(path))
        try:
            place = json.loads(raw) if isinstance(raw, str) else None
        except ValueError:
            return None
        if not isinstance(place, dict) or not isinstance(place.get("draft"), str):
            return None
        clause = place.get("clause")
        return place["draft"], clause if isinstance(clause, str) else None

    def go_back(self) -> None:
        """Return to the saved place of the open document (a draft or clause that is gone is
        simply not returned to)."""
        self._returning = False
        path = self._ws.path
        place = None if path is None else self.saved_place(path)
        if place is None:
            return
        draft_id, clause = place
        if any(d.id == draft_id for d in self._ws.scenario.drafts):
            self._ws.switch_draft(draft_id)
            if clause is not None:
                self._draft.select_provision(clause)
        self.remember()

""":class:`LibraryEditing`: the Library menu.

Every change goes through the :class:`Editor` (one undo step each); a refusal from the domain is
shown to the user, inside the dialog when a dialog is open. Dialogs are opened with ``open()``
(window-modal, non-blocking); every question (which one? are you sure?) and warning goes through
the :class:`~desktop.ui.files.Prompter`, so tests answer them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from desktop.domain import Party, Provision
from desktop.domain.edit import rules_mentioning
from desktop.domain.model import BriefingSettings
from desktop.ui.commands import Editor
from desktop.ui.editors.briefing_settings import BriefingSettingsDialog
from desktop.ui.editors.draft_properties import DraftProperties, DraftPropertiesDialog
from desktop.ui.editors.forms import (
    ScenarioInfo,
    party_deletion_question,
    provision_deletion_question,
)
from desktop.ui.editors.party import PartyDialog
from desktop.ui.editors.provision import ProvisionDialog
from desktop.ui.editors.scenario_info import ScenarioInfoDialog
from desktop.ui.editors.sources import SourcesDialog
from desktop.ui.files import Prompter, QtPrompter
from desktop.ui.i18n import InheritedTr
from desktop.ui.models import category_label
from desktop.ui.workspace import Workspace


class LibraryEditing(InheritedTr, QObject):
    """The Library menu: new / edit / delete provisions and parties, and scenario details.

    ``prompter`` asks the questions (the editor dialogs it opens use it too); by default the
    real message boxes over ``parent``."""

    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget,
                 current_provision: Callable[[], str | None] = lambda: None,
                 prompter: Prompter | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._editor = editor
        self._parent = parent
        self._current_provision = current_provision
        self.prompter: Prompter = prompter if prompter is not None else QtPrompter(parent)
        self.actions: dict[str, QAction] = {}
        self.last_dialog: QDialog | None = None
        workspace.changed.connect(lambda _c: self._update_actions())

    # -- menu

    def populate_menu(self, menu: QMenu) -> None:
        entries: list[tuple[str, str, Callable[[], object], str] | None] = [
            ("actionNewProvision", self.tr("&New provision…"), self.new_provision,
             self.tr("Add a provision to the library")),
            ("actionEditProvision", self.tr("&Edit provision…"), self.edit_provision,
             self.tr("Edit the selected provision")),
            ("actionDeleteProvision", self.tr("&Delete provision"), self.delete_provision,
             self.tr("Delete the selected provision from the library and from every draft")),
            None,
            ("actionNewParty", self.tr("New &party…"), self.new_party, self.tr("Add a party")),
            ("actionEditParty", self.tr("Edit p&arty…"), self.edit_party,
             self.tr("Edit a party, its red lines and preferences")),
            ("actionDeleteParty", self.tr("Delete part&y…"), self.delete_party,
             self.tr("Delete a party")),
            None,
            ("actionScenarioInfo", self.tr("&Scenario details…"), self.edit_scenario_info,
             self.tr("Edit the scenario's title and summary")),
            ("actionSources", self.tr("S&ources…"), self.edit_sources,
             self.tr("The source register: what provisions, positions and drafts cite")),
        ]
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            name, text, slot, tip = entry
            action = QAction(text, self._parent)
            action.setObjectName(name)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.actions[name] = action
        self._update_actions()

    def add_briefing_settings_action(self, menu: QMenu) -> QAction:
        """File → Briefing settings… (the memo header saved with the document)."""
        tip = self.tr("Edit the memo header (to, from, subject) and marking of this document's "
                      "briefings")
        action = QAction(self.tr("Briefing se&ttings…"), self._parent)
        action.setObjectName("actionBriefingSettings")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: self.edit_briefing_settings())
        menu.addAction(action)
        self.actions["actionBriefingSettings"] = action
        return action

    def _update_actions(self) -> None:
        scenario = self._ws.scenario
        for name, on in (("actionEditProvision", bool(scenario.provisions)),
                         ("actionDeleteProvision", bool(scenario.provisions)),
                         ("actionEditParty", bool(scenario.parties)),
                         ("actionDeleteParty", bool(scenario.parties))):
            if name in self.actions:
                self.actions[name].setEnabled(on)

    def show_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modally without blocking; it commits its own changes."""
        if self.last_dialog is not None and not self.last_dialog.isVisible():
            self.last_dialog.deleteLater()
        self.last_dialog = dialog
        dialog.open()

    # -- applying through the Editor

    def _attempt(self, change: Callable[[], object]) -> str | None:
        """Run an Editor call; the refusal message, or None when it was not refused."""
        return self._editor.attempt(change)

    # -- choosers

    def _choose_provision(self, title: str) -> str | None:
        provisions = sorted(self._ws.scenario.provisions, key=lambda p: p.title.casefold())
        if not provisions:
            return None
        titles = [p.title for p in provisions]
        return self.prompter.choose(title, self.tr("Provision:"), [
            (p.id, p.title if titles.count(p.title) == 1
             else f"{p.title} ({category_label(p.category)})")
            for p in provisions])

    def _choose_party(self, title: str) -> str | None:
        parties = self._ws.scenario.parties
        if not parties:
            return None
        names = [p.name for p in parties]
        options = [(p.id, p.name if names.count(p.name) == 1 else f"{p.name} ({p.id})")
                   for p in parties]
        return self.prompter.choose(title, self.tr("Party:"), options)

    def _provision_to_use(self, provision_id: str | None, title: str) -> str | None:
        index = self._ws.scenario.provision_index
        pid = provision_id if provision_id is not None else self._current_provision()
        if pid is None or pid not in index:
            pid = self._choose_provision(title)
        return pid if pid in index else None

    # -- dialog factories

    def make_provision_dialog(self, provision: Provision | None) -> ProvisionDialog:
        replaces = provision.id if provision is not None else None

        def commit(built: Provision) -> str | None:
            return self._attempt(lambda: self._editor.put_provision(built, replaces))

        return ProvisionDialog(self._ws.scenario, provision, self._parent, commit, self.prompter)

    def make_party_dialog(self, party: Party | None) -> PartyDialog:
        replaces = party.id if party is not None else None

        def commit(built: Party) -> str | None:
            return self._attempt(lambda: self._editor.put_party(built, replaces))

        return PartyDialog(self._ws.scenario, party, self._parent, commit, self.prompter)

    def make_info_dialog(self) -> ScenarioInfoDialog:
        def commit(built: ScenarioInfo) -> str | None:
            return self._attempt(lambda: self._editor.set_info(built.title, built.summary))

        return ScenarioInfoDialog(self._ws.scenario, self._parent, commit, self.prompter)

    def make_briefing_settings_dialog(self) -> BriefingSettingsDialog:
        def commit(built: BriefingSettings) -> str | None:
            return self._attempt(lambda: self._editor.put_briefing_settings(built))

        return BriefingSettingsDialog(self._ws.scenario, self._parent, commit, self.prompter)

    # -- actions

    def new_provision(self) -> ProvisionDialog:
        dialog = self.make_provision_dialog(None)
        self.show_dialog(dialog)
        return dialog

    def edit_provision(self, provision_id: str | None = None) -> ProvisionDialog | None:
        pid = self._provision_to_use(provision_id, self.tr("Edit provision"))
        if pid is None:
            return None
        dialog = self.make_provision_dialog(self._ws.scenario.provision(pid))
        self.show_dialog(dialog)
        return dialog

    def delete_provision(self, provision_id: str | None = None) -> bool:
        pid = self._provision_to_use(provision_id, self.tr("Delete provision"))
        if pid is None:
            return False
        scenario = self._ws.scenario
        prov = scenario.provision(pid)
        if not rules_mentioning(scenario, pid):  # a refusal needs no confirmation first
            drafts = [d.title for d in scenario.drafts if d.index_of(pid) is not None]
            if not self.prompter.confirm(self.tr("Delete provision"),
                                         provision_deletion_question(prov.title, pid, drafts),
                                         self.tr("Delete")):
                return False
        refusal = self._attempt(lambda: self._editor.remove_provision(pid))
        if refusal:
            self.prompter.warn(self.tr("Cannot delete the provision"), refusal)
            return False
        return True

    def new_party(self) -> PartyDialog:
        dialog = self.make_party_dialog(None)
        self.show_dialog(dialog)
        return dialog

    def edit_party(self, party_id: str | None = None) -> PartyDialog | None:
        pid = party_id if party_id is not None else self._choose_party(self.tr("Edit party"))
        if pid is None or pid not in self._ws.scenario.party_index:
            return None
        dialog = self.make_party_dialog(self._ws.scenario.party(pid))
        self.show_dialog(dialog)
        return dialog

    def delete_party(self, party_id: str | None = None) -> bool:
        pid = party_id if party_id is not None else self._choose_party(self.tr("Delete party"))
        if pid is None or pid not in self._ws.scenario.party_index:
            return False
        party = self._ws.scenario.party(pid)
        if not self.prompter.confirm(self.tr("Delete party"), party_deletion_question(party),
                                     self.tr("Delete")):
            return False
        refusal = self._attempt(lambda: self._editor.remove_party(pid))
        if refusal:
            self.prompter.warn(self.tr("Cannot delete the party"), refusal)
            return False
        return True

    def edit_scenario_info(self) -> ScenarioInfoDialog:
        dialog = self.make_info_dialog()
        self.show_dialog(dialog)
        return dialog

    def edit_sources(self) -> SourcesDialog:
        """The source register (add, edit, remove; each one undo step)."""
        dialog = SourcesDialog(self._ws, self._editor, self._parent, self.prompter)
        self.show_dialog(dialog)
        return dialog

    def edit_draft_properties(self) -> DraftPropertiesDialog | None:
        """Draft → Properties… on the current draft: title, date, status, proposers, cited
        sources and note, saved as one undo step."""
        draft = self._ws.draft
        if draft is None:
            return None
        draft_id = draft.id

        def commit(built: DraftProperties) -> str | None:
            return self._attempt(
                lambda: self._editor.set_draft_properties(draft_id, **built.as_update()))

        dialog = DraftPropertiesDialog(self._ws.scenario, draft, self._parent, commit,
                                       self.prompter)
        self.show_dialog(dialog)
        return dialog

    def edit_briefing_settings(self) -> BriefingSettingsDialog:
        dialog = self.make_briefing_settings_dialog()
        self.show_dialog(dialog)
        return dialog

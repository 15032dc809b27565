"""The panels and dialogs show the model's labels through the wording's translating accessors
(issue 17), not the English constants those only mark for the catalogue: under the
pseudo-translation (tests/wording_pseudo.py) each label shown reads ``⟦…⟧``.

The default briefing marking is translated where it is offered and printed, never saved: a
document without a marking of its own keeps none, and one with its own keeps it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.model import BriefingSettings
from desktop.ui.briefing import BriefingDialog, BriefingOptions, saved_marking
from desktop.ui.editors.briefing_settings import BriefingSettingsDialog
from desktop.ui.help import getting_started, shortcuts_html
from desktop.ui.models import provision_tooltip
from desktop.ui.redlines import PartyCard, RedLinePanel
from desktop.ui.verdicts import StripWords
from desktop.ui.workspace import Workspace
from desktop.wording import DEFAULT_MARKING, KIND_LABELS, ROLE_LABELS
from tests.wording_pseudo import CLOSE, OPEN, pseudo_translation


def _marked(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_labels_shown_go_through_the_hook(qtbot: QtBot, mini: Scenario, ws: Workspace) -> None:
    with pseudo_translation():
        prov = mini.provisions[0]
        assert _marked(KIND_LABELS[prov.kind]) in provision_tooltip(mini, prov)

        party = mini.parties[0]
        card = PartyCard(party)
        qtbot.addWidget(card)
        assert card.role.text() == _marked(ROLE_LABELS[party.role])

        panel = RedLinePanel(ws)
        qtbot.addWidget(panel)
        assert _items(panel.stance)
        assert all(t.startswith(OPEN) and t.endswith(CLOSE) for t in _items(panel.stance))

        dialog = BriefingDialog(mini, mini.drafts[0].id, BriefingOptions())
        qtbot.addWidget(dialog)
        for combo in (dialog.kind, dialog.paper):
            assert all(t.startswith(OPEN) and t.endswith(CLOSE) for t in _items(combo))
        assert dialog.marking.text() == _marked(DEFAULT_MARKING)

        assert ws.report is not None
        settled = [v for v in ws.report.parties if getattr(v, "verdict", None) != "accepts-if"]
        assert settled
        for verdict in settled:  # the mark from the verdict, the verb from verdict_verb()
            entry = StripWords().entry(verdict, mini, False, ws.draft)
            mark, verb = ("✓", "Accepts") if verdict.acceptable else ("✗", "Rejects")
            assert entry.name.startswith(f"{mark} ")
            assert _marked(verb) in entry.text

        parent = QWidget()
        qtbot.addWidget(parent)
        guide = getting_started(parent)
        assert guide.browser.toPlainText().lstrip().startswith(OPEN)
        shortcuts = shortcuts_html(QMenuBar(parent))
        assert _marked("The keys of every menu command, and the keys the panels "
                       "understand.") in shortcuts
        assert _marked("Library") in shortcuts


def test_the_default_marking_is_shown_translated_and_never_saved(
        qtbot: QtBot, mini: Scenario) -> None:
    plain = mini.model_copy(update={"briefing": None})
    own = mini.model_copy(update={"briefing": BriefingSettings(marking="EYES ONLY")})
    with pseudo_translation():
        assert BriefingOptions().marking == _marked(DEFAULT_MARKING)
        assert saved_marking(plain) == _marked(DEFAULT_MARKING)
        assert saved_marking(own) == "EYES ONLY"  # the document's own, as saved
        dialog = BriefingSettingsDialog(plain)
        qtbot.addWidget(dialog)
        assert _marked(DEFAULT_MARKING) in dialog.marking_edit.placeholderText()
        assert dialog.fields().marking == ""  # still "the default", in whatever language
    # Back in English, the default reads as written.
    assert BriefingOptions().marking == DEFAULT_MARKING
    assert saved_marking(plain) == DEFAULT_MARKING

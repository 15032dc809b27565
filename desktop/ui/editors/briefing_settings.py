""":class:`BriefingSettingsDialog`: the memo header saved with the document (File → Briefing
settings): TO, FROM, SUBJECT and the marking that the full briefing prints by default."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop.domain import Scenario
from desktop.domain.model import MAX_TITLE, BriefingSettings
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import FormCheck
from desktop.ui.files import Prompter
from desktop.ui.i18n import InheritedTr
from desktop.wording.labels import default_marking


class BriefingSettingsDialog(InheritedTr, EditorDialog[BriefingSettings]):
    def __init__(self, scenario: Scenario, parent: QWidget | None = None,
                 commit: Commit[BriefingSettings] | None = None,
                 prompter: Prompter | None = None) -> None:
        saved = scenario.briefing if scenario.briefing is not None else BriefingSettings()
        super().__init__(parent, self.tr("Briefing settings"), self.tr("Save"), commit, saved,
                         prompter)
        self.setObjectName("BriefingSettingsDialog")
        self.heading.setText(self.tr("The memo header of this document's full briefings"))
        body = QWidget(self)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def line(name: str, text: str, placeholder: str) -> QLineEdit:
            edit = QLineEdit(text, body)
            edit.setObjectName(name)
            edit.setMaxLength(MAX_TITLE)
            edit.setPlaceholderText(placeholder)
            return edit

        self.to_edit = line("BriefingTo", saved.to, self.tr("the addressee, e.g. the Minister"))
        self.from_edit = line("BriefingFrom", saved.from_,
                              self.tr("the sender, e.g. the negotiation support unit"))
        self.subject_edit = line("BriefingSubject", saved.subject,
                                 self.tr("default: Assessment of <the draft's title>"))
        self.marking_edit = line("BriefingMarking", saved.marking,
                                 self.tr("default: {marking}").format(marking=default_marking()))
        form.addRow(self.tr("&To:"), self.to_edit)
        form.addRow(self.tr("&From:"), self.from_edit)
        form.addRow(self.tr("&Subject:"), self.subject_edit)
        form.addRow(self.tr("&Marking:"), self.marking_edit)
        self.layout_.addWidget(body, 1)
        self.finish_layout()
        self.setMinimumSize(480, 220)
        self.revalidate()

    def fields(self) -> BriefingSettings:
        return BriefingSettings(to=self.to_edit.text().strip(),
                                from_=self.from_edit.text().strip(),
                                subject=self.subject_edit.text().strip(),
                                marking=self.marking_edit.text().strip())

    def check(self) -> FormCheck:
        return FormCheck((), {})

    def build(self) -> BriefingSettings:
        return self.fields()

    def result_settings(self) -> BriefingSettings | None:
        return self.result_value()

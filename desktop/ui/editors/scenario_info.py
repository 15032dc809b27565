""":class:`ScenarioInfoDialog`: the scenario's title and summary."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop.domain import Scenario
from desktop.domain.model import MAX_TITLE
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import FormCheck, ScenarioInfo, check_info
from desktop.ui.editors.widgets import text_edit
from desktop.ui.files import Prompter
from desktop.ui.i18n import InheritedTr


class ScenarioInfoDialog(InheritedTr, EditorDialog[ScenarioInfo]):
    def __init__(self, scenario: Scenario, parent: QWidget | None = None,
                 commit: Commit[ScenarioInfo] | None = None,
                 prompter: Prompter | None = None) -> None:
        super().__init__(parent, self.tr("Scenario details"), self.tr("Save"), commit,
                         ScenarioInfo(scenario.title, scenario.summary), prompter)
        self.setObjectName("ScenarioInfoDialog")
        self.heading.setText(self.tr("The scenario's title and summary"))
        body = QWidget(self)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit(scenario.title, body)
        self.title_edit.setObjectName("ScenarioTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.summary_edit = text_edit(body, 8, self.tr("what the scenario covers, its sources "
                                                       "and caveats"))
        self.summary_edit.setObjectName("ScenarioSummary")
        self.summary_edit.setPlainText(scenario.summary)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Summary:"), self.summary_edit)
        self.layout_.addWidget(body, 1)
        self.finish_layout()
        self.setMinimumSize(480, 320)
        self.resize(600, 420)
        self.note_field("title", self.title_edit)
        self.title_edit.textChanged.connect(self.revalidate)
        self.revalidate()

    def fields(self) -> ScenarioInfo:
        return ScenarioInfo(self.title_edit.text(), self.summary_edit.toPlainText())

    def check(self) -> FormCheck:
        return check_info(self.fields())

    def build(self) -> ScenarioInfo:
        return self.fields()

    def result_info(self) -> ScenarioInfo | None:
        return self.result_value()

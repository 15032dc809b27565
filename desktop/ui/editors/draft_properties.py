""":class:`DraftPropertiesDialog` (Draft → Properties…): a draft's title, date, status, the
parties that put it forward, the sources that report it and its note, saved as one undo step.

Statuses read in words ("Leaked", "Working draft"), parties by name, sources by title; the
date is typed year-month-day and may be left empty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from desktop.domain import Draft, Scenario
from desktop.domain.model import DRAFT_STATUSES, MAX_TITLE
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import FieldNote, FormCheck, Refused
from desktop.ui.editors.sources import CitationPicker, parse_date
from desktop.ui.editors.widgets import (
    add_check_item,
    check_list,
    checked_keys,
    plain_label,
    text_edit,
    with_status,
)
from desktop.ui.files import Prompter
from desktop.ui.i18n import InheritedTr
from desktop.wording.labels import draft_status_label


@dataclass(frozen=True)
class DraftProperties:
    """The properties the dialog edits, as the draft holds them."""

    title: str
    note: str = ""
    date: dt.date | None = None
    status: str | None = None
    proposed_by: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @classmethod
    def of(cls, draft: Draft) -> DraftProperties:
        return cls(draft.title, draft.note, draft.date, draft.status, draft.proposed_by,
                   draft.sources)

    def as_update(self) -> dict[str, Any]:
        """The keywords of :meth:`desktop.ui.commands.Editor.set_draft_properties`."""
        return asdict(self)


class DraftPropertiesDialog(InheritedTr, EditorDialog[DraftProperties]):
    def __init__(self, scenario: Scenario, draft: Draft, parent: QWidget | None = None,
                 commit: Commit[DraftProperties] | None = None,
                 prompter: Prompter | None = None) -> None:
        original = DraftProperties.of(draft)
        super().__init__(parent, self.tr("Draft properties"), self.tr("Save"), commit, original,
                         prompter)
        self.setObjectName("DraftPropertiesDialog")
        self.heading.setText(self.tr("Properties of “{title}”").format(title=draft.title))
        body = QWidget(self)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.title_edit = QLineEdit(draft.title, body)
        self.title_edit.setObjectName("DraftTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.date_edit = QLineEdit(draft.date.isoformat() if draft.date else "", body)
        self.date_edit.setObjectName("DraftDate")
        self.date_edit.setMaxLength(10)
        self.date_edit.setPlaceholderText(self.tr("when it was put forward, leaked or agreed, "
                                                  "e.g. 2025-11-19"))
        self.date_status = plain_label("", body, name="DraftDateStatus")
        date_box = with_status(self.date_edit, self.date_status, body)

        self.status_combo = QComboBox(body)
        self.status_combo.setObjectName("DraftStatus")
        for status in (None, *DRAFT_STATUSES):
            self.status_combo.addItem(draft_status_label(status), status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(draft.status)))
        self.status_combo.setToolTip(self.tr("What kind of text it is"))

        self.proposers = check_list(body, "DraftProposedBy")
        self.proposers.setAccessibleName(self.tr("Proposed by"))
        for party in scenario.parties:
            add_check_item(self.proposers, party.name, party.id, party.id in draft.proposed_by)
        lines = max(1, min(len(scenario.parties), 6))
        row = max(self.proposers.sizeHintForRow(0), self.proposers.fontMetrics().lineSpacing())
        self.proposers.setFixedHeight(row * lines + 2 * self.proposers.frameWidth() + 4)
        self._proposed_order = draft.proposed_by

        self.citations = CitationPicker(scenario.sources, body, "DraftCitations")
        self.citations.set_cited(draft.sources)
        self.note_edit = text_edit(body, 3, self.tr("provenance and caveats"))
        self.note_edit.setObjectName("DraftNote")
        self.note_edit.setPlainText(draft.note)

        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Date:"), date_box)
        form.addRow(self.tr("Stat&us:"), self.status_combo)
        form.addRow(self.tr("&Proposed by:"), self.proposers if scenario.parties else plain_label(
            self.tr("The scenario has no parties yet."), body))
        form.addRow(self.tr("Cited &sources:"), self.citations)
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.layout_.addWidget(body, 1)
        self.finish_layout()
        self.setMinimumSize(560, 480)
        self.note_field("title", self.title_edit)
        self.note_field("date", self.date_edit, self.date_status)
        for edit in (self.title_edit, self.date_edit):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()
        self.title_edit.setFocus()

    def proposed_by(self) -> tuple[str, ...]:
        ticked = checked_keys(self.proposers)
        kept = [p for p in self._proposed_order if p in ticked]
        return (*kept, *(p for p in ticked if p not in kept))

    def check(self) -> FormCheck:
        problems: list[str] = []
        blank = not self.title_edit.text().strip()
        if blank:
            problems.append(self.tr("Give the draft a title."))
        date = parse_date(self.date_edit.text())
        if isinstance(date, Refused):
            problems.append(date.message)
            date_note = FieldNote("error", date.message, invalid=True)
        else:
            date_note = FieldNote("note", self.tr("year-month-day; may be left empty"))
        return FormCheck(tuple(problems), {
            "title": FieldNote("error" if blank else "ok", "", invalid=blank, shown=False),
            "date": date_note})

    def build(self) -> DraftProperties | Refused:
        date = parse_date(self.date_edit.text())
        if isinstance(date, Refused):
            return date
        status = self.status_combo.currentData()
        return DraftProperties(
            title=self.title_edit.text().strip(),
            note=self.note_edit.toPlainText(),
            date=date,
            status=status if isinstance(status, str) else None,
            proposed_by=self.proposed_by(),
            sources=self.citations.cited(),
        )

    def result_properties(self) -> DraftProperties | None:
        return self.result_value()

"""The source register (Library → Sources…) and the citations picked from it.

:class:`SourcesDialog` lists the register (reference, title, publisher, date, address) with
Add, Edit and Remove; each change is one undo step through the :class:`Editor`. References
(``S01``, ``S02``, ...) are given by Accord, never typed. Removing a source that something
cites says in words what cites it and offers to remove those citations too (one undo step).

:class:`SourceDialog` edits one entry; :class:`CitationPicker` is the checkable list of the
register, by title, that the provision, party and draft editors use to cite sources.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.edit import next_source_id, source_citers
from desktop.domain.interchange import describe_validation_error
from desktop.domain.model import MAX_TITLE, Source
from desktop.ui.commands import Editor
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import FieldNote, FormCheck, Refused
from desktop.ui.editors.widgets import (
    STYLE,
    add_check_item,
    check_list,
    checked_keys,
    plain_label,
    plain_tooltip,
    set_state,
    with_status,
)
from desktop.ui.files import Prompter, QtPrompter
from desktop.ui.i18n import InheritedTr
from desktop.ui.workspace import Workspace
from desktop.wording.numbers import count
from desktop.wording.translate import QT_TRANSLATE_NOOP

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_URL = 2000


# --------------------------------------------------------------------------- as data


@dataclass(frozen=True)
class SourceFields:
    """One register entry as typed (the reference is Accord's, not typed)."""

    id: str
    title: str = ""
    publisher: str = ""
    date: str = ""
    url: str = ""

    @classmethod
    def of(cls, source: Source) -> SourceFields:
        return cls(source.id, source.title, source.publisher,
                   source.date.isoformat() if source.date else "", source.url)


def parse_date(text: str) -> dt.date | Refused | None:
    """A date typed YYYY-MM-DD; None for a blank one; :class:`Refused` saying why not."""
    text = text.strip()
    if not text:
        return None
    if not _DATE.fullmatch(text):
        return Refused(QCoreApplication.translate(
            "SourceDialog", "Write the date as year-month-day, e.g. 2025-11-21, not “{text}”."
        ).format(text=text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return Refused(QCoreApplication.translate(
            "SourceDialog", "“{text}” is not a day of the calendar.").format(text=text))


def check_source(fields: SourceFields) -> FormCheck:
    problems: list[str] = []
    title_blank = not fields.title.strip()
    if title_blank:
        problems.append(QCoreApplication.translate("SourceDialog", "Give the source a title."))
    date = parse_date(fields.date)
    date_bad = isinstance(date, Refused)
    if isinstance(date, Refused):
        problems.append(date.message)
    return FormCheck(tuple(problems), {
        "title": FieldNote("error" if title_blank else "ok", "", invalid=title_blank,
                           shown=False),
        "date": (FieldNote("error", date.message, invalid=True) if isinstance(date, Refused)
                 else FieldNote("note", QCoreApplication.translate(
                     "SourceDialog", "year-month-day, e.g. 2025-11-21; may be left empty"),
                                shown=not date_bad)),
    })


def build_source(fields: SourceFields) -> Source | Refused:
    date = parse_date(fields.date)
    if isinstance(date, Refused):
        return date
    data: dict[str, Any] = {"id": fields.id, "title": fields.title.strip(),
                            "publisher": fields.publisher.strip(), "date": date,
                            "url": fields.url.strip()}
    try:
        return Source.model_validate(data)
    except ValidationError as err:
        return Refused(describe_validation_error(err))


def source_label(source: Source) -> str:
    """How a source reads in a list: “Title — Publisher, 2025-11-21 [S01]”."""
    details = ", ".join(part for part in (
        source.publisher, source.date.isoformat() if source.date else "") if part)
    if details:
        return QCoreApplication.translate("SourceDialog", "{title} — {details} [{id}]").format(
            title=source.title, details=details, id=source.id)
    return QCoreApplication.translate("SourceDialog", "{title} [{id}]").format(
        title=source.title, id=source.id)


def removal_question(source: Source, citers: Sequence[str]) -> str:
    """Asked before removing a cited source: what cites it, in words."""
    shown = list(citers[:8])
    lines = "\n".join(f"  • {c[0].upper()}{c[1:]}" for c in shown)
    if len(citers) > 8:
        lines += "\n" + QCoreApplication.translate("SourcesDialog", "  … and {count} more").format(
            count=len(citers) - 8)
    return QCoreApplication.translate(
        "SourcesDialog",
        "“{title}” [{id}] is cited in {places}:\n{lines}\n\nRemove the source and those "
        "citations? You can undo this.").format(
            title=source.title, id=source.id, places=count(len(citers), "place"), lines=lines)


# --------------------------------------------------------------------------- one entry


class SourceDialog(InheritedTr, EditorDialog[Source]):
    """Edit a register entry (``source`` given) or add one with the reference ``new_id``."""

    def __init__(self, source: Source | None, new_id: str, parent: QWidget | None = None,
                 commit: Commit[Source] | None = None,
                 prompter: Prompter | None = None) -> None:
        editing = source is not None
        super().__init__(parent, self.tr("Edit source") if editing else self.tr("New source"),
                         self.tr("Save changes") if editing else self.tr("Add source"), commit,
                         source, prompter)
        self.setObjectName("SourceDialog")
        fields = SourceFields.of(source) if source is not None else SourceFields(new_id)
        self._id = fields.id
        self.heading.setText(
            self.tr("Source [{id}]").format(id=self._id) if editing
            else self.tr("A new source for the register [{id}]").format(id=self._id))
        body = QWidget(self)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        def line(name: str, text: str, placeholder: str, limit: int = MAX_TITLE) -> QLineEdit:
            edit = QLineEdit(text, body)
            edit.setObjectName(name)
            edit.setMaxLength(limit)
            edit.setPlaceholderText(placeholder)
            return edit

        self.reference_label = plain_label(self._id, body, name="SourceReference")
        self.reference_label.setToolTip(self.tr("Accord gives each source its reference; "
                                                "briefings print it beside what the source "
                                                "supports."))
        self.title_edit = line("SourceTitle", fields.title,
                               self.tr("e.g. Trump's 28-point Ukraine plan"))
        self.publisher_edit = line("SourcePublisher", fields.publisher,
                                   self.tr("the outlet or author, e.g. The Straits Times"))
        self.date_edit = line("SourceDate", fields.date, self.tr("e.g. 2025-11-21"), 10)
        self.date_status = plain_label("", body, name="SourceDateStatus")
        date_box = with_status(self.date_edit, self.date_status, body)
        self.url_edit = line("SourceUrl", fields.url, self.tr("where to find it (printed as "
                                                              "text, never opened)"), MAX_URL)
        form.addRow(self.tr("Reference:"), self.reference_label)
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Publisher:"), self.publisher_edit)
        form.addRow(self.tr("&Date:"), date_box)
        form.addRow(self.tr("&Address:"), self.url_edit)
        self.layout_.addWidget(body, 1)
        self.finish_layout()
        self.setMinimumSize(520, 260)
        self.note_field("title", self.title_edit)
        self.note_field("date", self.date_edit, self.date_status)
        for edit in (self.title_edit, self.date_edit):
            edit.textChanged.connect(self.revalidate)
        self.revalidate()
        self.title_edit.setFocus()

    def fields(self) -> SourceFields:
        return SourceFields(self._id, self.title_edit.text(), self.publisher_edit.text(),
                            self.date_edit.text(), self.url_edit.text())

    def check(self) -> FormCheck:
        return check_source(self.fields())

    def build(self) -> Source | Refused:
        return build_source(self.fields())

    def result_source(self) -> Source | None:
        return self.result_value()


# --------------------------------------------------------------------------- the register


class SourcesDialog(InheritedTr, QDialog):
    """The register as a table, with Add, Edit and Remove (each one undo step)."""

    #: The columns' headers (translated where the table is made).
    COLUMNS = (QT_TRANSLATE_NOOP("SourcesDialog", "Reference"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Title"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Publisher"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Date"),
               QT_TRANSLATE_NOOP("SourcesDialog", "Address"))

    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget | None = None,
                 prompter: Prompter | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SourcesDialog")
        self.setWindowTitle(self.tr("Sources"))
        self.setStyleSheet(STYLE)
        self._ws = workspace
        self._editor = editor
        self.prompter: Prompter = prompter if prompter is not None else QtPrompter(self)
        self.entry_dialog: SourceDialog | None = None

        heading = plain_label(self.tr("The source register: what provisions, red lines, "
                                      "preferences and drafts cite. Briefings print each "
                                      "reference beside what it supports and list the sources "
                                      "cited at the end."), self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("SourcesTable")
        self.table.setAccessibleName(self.tr("Sources"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("SourcesDialog", c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 80), (2, 150), (3, 90), (4, 200)):
            header.resizeSection(col, width)
        self.empty_label = plain_label(
            self.tr("The register is empty. Press Add to enter a source."), self,
            name="SourcesEmpty")
        self.status_label = plain_label("", self, name="SourcesStatus")

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setObjectName("AddSource")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("EditSource")
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("RemoveSource")
        self.remove_button.setToolTip(self.tr("Remove the selected source from the register"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.resize(820, 440)

        self.add_button.clicked.connect(lambda: self.add_source())
        self.edit_button.clicked.connect(lambda: self.edit_source())
        self.remove_button.clicked.connect(lambda: self.remove_source())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_source())
        workspace.changed.connect(lambda _change: self.refresh())
        self.refresh()

    # -- the table

    def refresh(self) -> None:
        """Show the register as it is now, keeping the selected source selected."""
        selected = self.current_id()
        sources = self._ws.scenario.sources
        self.table.setRowCount(len(sources))
        for row, source in enumerate(sources):
            cells = (source.id, source.title, source.publisher,
                     source.date.isoformat() if source.date else "", source.url)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, source.id)
                item.setToolTip(plain_tooltip(text))
                self.table.setItem(row, col, item)
        self.empty_label.setVisible(not sources)
        ids = [s.id for s in sources]
        if selected in ids:
            self.table.selectRow(ids.index(selected))
        self._update_buttons()

    def current_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, source_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == source_id:
                self.table.selectRow(row)
                return
        raise KeyError(source_id)

    def _source(self, source_id: str | None) -> Source | None:
        return next((s for s in self._ws.scenario.sources if s.id == source_id), None)

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    # -- actions

    def _open(self, source: Source | None) -> SourceDialog:
        replaces = source.id if source is not None else None

        def commit(built: Source) -> str | None:
            refusal = self._editor.attempt(lambda: self._editor.put_source(built, replaces))
            if refusal is None:
                self.refresh()
                self.select(built.id)
            return refusal

        dialog = SourceDialog(source, next_source_id(self._ws.scenario), self, commit,
                              self.prompter)
        if self.entry_dialog is not None and not self.entry_dialog.isVisible():
            self.entry_dialog.deleteLater()
        self.entry_dialog = dialog
        dialog.open()
        return dialog

    def add_source(self) -> SourceDialog:
        return self._open(None)

    def edit_source(self) -> SourceDialog | None:
        source = self._source(self.current_id())
        return None if source is None else self._open(source)

    def remove_source(self) -> bool:
        """Remove the selected source; one that something cites only when the user agrees
        to remove its citations too."""
        source = self._source(self.current_id())
        if source is None:
            return False
        citers = source_citers(self._ws.scenario, source.id)
        if citers and not self.prompter.confirm(self.tr("Remove source"),
                                                removal_question(source, citers),
                                                self.tr("Remove with citations")):
            self.status_label.setText(
                self.tr("“{title}” was kept: it is still cited.").format(title=source.title))
            return False
        refusal = self._editor.attempt(
            lambda: self._editor.remove_source(source.id, uncite=bool(citers)))
        if refusal:
            self.prompter.warn(self.tr("Cannot remove the source"), refusal)
            return False
        if citers:
            removed = self.tr("Removed “{title}” and its {citations}. Edit → Undo brings it "
                              "back.").format(title=source.title,
                                              citations=count(len(citers), "citation"))
        else:
            removed = self.tr("Removed “{title}”. Edit → Undo brings it back.").format(
                title=source.title)
        self.status_label.setText(removed)
        return True


# --------------------------------------------------------------------------- citations


class CitationPicker(InheritedTr, QWidget):
    """The register as a checkable list, by title: the sources something cites.

    :meth:`set_cited` loads the ids cited now; :meth:`cited` gives the ticked ones;
    :attr:`changed` fires when the user ticks or unticks one. A line under the list says what
    is ticked ("Cites S23 and S28" or "Cites no source"), so nothing ticked is out of sight,
    and loading scrolls to the first ticked one."""

    changed = Signal()

    def __init__(self, sources: Sequence[Source], parent: QWidget | None = None,
                 name: str = "CitationPicker") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._sources = tuple(sources)
        self._loading = False
        self._loaded: tuple[str, ...] = ()
        self.list: QListWidget = check_list(self, f"{name}List")
        self.list.setAccessibleName(self.tr("Sources cited"))
        self.list.setToolTip(self.tr("Tick the sources of the register that support it "
                                     "(Library → Sources… edits the register)."))
        for source in self._sources:
            add_check_item(self.list, source_label(source), source.id, False,
                           tooltip=plain_tooltip(source.url or source.title))
        # Long titles wrap rather than run off under a horizontal scroll bar.
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.empty_label = plain_label(self.tr("The register is empty: add sources with "
                                               "Library → Sources…."), self)
        self.summary = plain_label("", self, name=f"{name}Summary")
        set_state(self.summary, "note", "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_label)
        self.list.setVisible(bool(self._sources))
        self.summary.setVisible(bool(self._sources))
        self.empty_label.setVisible(not self._sources)
        line = self.list.fontMetrics().lineSpacing()
        self.list.setMinimumHeight(line * max(1, min(len(self._sources), 3)) + 16)
        self.list.setMaximumHeight(line * 5 + 16)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.list.itemChanged.connect(self._item_changed)
        self.setFocusProxy(self.list)
        self._summarise()

    def set_cited(self, ids: Sequence[str]) -> None:
        self._loaded = tuple(ids)
        chosen = set(ids)
        self._loading = True
        try:
            for i in range(self.list.count()):
                item = self.list.item(i)
                item.setCheckState(Qt.CheckState.Checked
                                   if item.data(Qt.ItemDataRole.UserRole) in chosen
                                   else Qt.CheckState.Unchecked)
        finally:
            self._loading = False
        self._summarise()
        first = next((self.list.item(i) for i in range(self.list.count())
                      if self.list.item(i).checkState() == Qt.CheckState.Checked), None)
        if first is not None:
            self.list.scrollToItem(first)
        else:
            self.list.scrollToTop()

    def _summarise(self) -> None:
        ids = self.cited()
        if not ids:
            text = self.tr("Cites no source.")
        elif len(ids) == 1:
            text = self.tr("Cites {source}.").format(source=ids[0])
        else:
            text = self.tr("Cites {sources} and {last}.").format(sources=", ".join(ids[:-1]),
                                                                 last=ids[-1])
        set_state(self.summary, "note", text)
        titles = {s.id: s.title for s in self._sources}
        self.summary.setToolTip(plain_tooltip("\n".join(f"[{i}] {titles.get(i, '')}"
                                                         for i in ids)))

    def cited(self) -> tuple[str, ...]:
        """The ticked sources: those loaded in their own order (so saving unchanged changes
        nothing), then the newly ticked in register order."""
        ticked = checked_keys(self.list)
        kept = [i for i in self._loaded if i in ticked]
        return (*kept, *(i for i in ticked if i not in kept))

    def set_checked_title(self, title: str, checked: bool) -> None:
        """Tick (or untick) the source whose title is ``title``, as a user would."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.text().startswith(title):
                item.setCheckState(Qt.CheckState.Checked if checked
                                   else Qt.CheckState.Unchecked)
                return
        raise KeyError(title)

    def _item_changed(self) -> None:
        if not self._loading:
            self._summarise()
            self.changed.emit()


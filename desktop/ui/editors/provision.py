""":class:`ProvisionDialog`: edit a library provision or write a new one.

Its title, id, category and text are checked as the user types (:func:`forms.check_provision`);
the params table and the rest are checked on OK (:func:`forms.build_provision`), and the dialog
stays open showing what is wrong, with the params' tab brought forward when that is where.

The params table holds what every param has (name, type, label, default, bounds, step, unit);
below it, the details of the selected param's type: a choice param's choices as a two-column
table (id, label) that always ends in an empty line to type a new choice into, a bool param's
words for yes and no. Choices without labels get a warning note (readers see words made from
their ids), never a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import BoolParam, ChoiceParam, Provision, Scenario
from desktop.domain.model import KINDS, MAX_TITLE, ParamSpec
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import (
    PARAM_TYPES,
    ChoiceRow,
    FormCheck,
    ParamRow,
    ProvisionFields,
    Refused,
    build_provision,
    check_provision,
    id_help,
)
from desktop.ui.editors.sources import CitationPicker
from desktop.ui.editors.widgets import (
    add_check_item,
    check_list,
    checked_keys,
    plain_label,
    set_checked,
    set_state,
    text_edit,
    with_status,
)
from desktop.ui.files import Prompter
from desktop.ui.i18n import InheritedTr
from desktop.wording.labels import kind_label, param_type_label
from desktop.wording.values import derived_label

#: The longest label, choice label or word a param may have (the domain's limit).
MAX_LABEL = 200


@dataclass
class ParamDetails:
    """What a param row holds beyond its cells: a choice param's choices (id, label; "" for
    none) and a bool param's words, as typed."""

    choices: list[ChoiceRow] = field(default_factory=list)
    true_label: str = ""
    false_label: str = ""

    @classmethod
    def of(cls, spec: ParamSpec | None) -> ParamDetails:
        if isinstance(spec, ChoiceParam):
            return cls(choices=[(c.id, c.label or "") for c in spec.choices])
        if isinstance(spec, BoolParam):
            return cls(true_label=spec.true_label or "", false_label=spec.false_label or "")
        return cls()


class ProvisionDialog(InheritedTr, EditorDialog[Provision]):
    """Edit a provision (``provision`` given) or create one (``provision=None``)."""

    (COL_NAME, COL_TYPE, COL_LABEL, COL_DEFAULT, COL_MIN, COL_MAX, COL_STEP,
     COL_UNIT) = range(8)
    CHOICE_ID, CHOICE_LABEL = range(2)
    #: The pages of the details under the params table.
    DETAILS_NONE, DETAILS_CHOICES, DETAILS_WORDS = range(3)
    PARAMS_TAB = 1

    def __init__(self, scenario: Scenario, provision: Provision | None = None,
                 parent: QWidget | None = None, commit: Commit[Provision] | None = None,
                 prompter: Prompter | None = None) -> None:
        editing = provision is not None
        super().__init__(parent,
                         self.tr("Edit provision") if editing else self.tr("New provision"),
                         self.tr("Save changes") if editing else self.tr("Add provision"),
                         commit, provision, prompter)
        self.setObjectName("ProvisionDialog")
        self._scenario = scenario
        self._details: list[ParamDetails] = []  # one per row of the params table
        self._shown_row = -1  # the row whose details are shown
        self._taken = {p.id for p in scenario.provisions
                       if provision is None or p.id != provision.id}
        if provision is not None:
            self.heading.setText(self.tr("Editing “{title}”").format(title=provision.title))
        else:
            self.heading.setText(self.tr("A new provision for the library"))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ProvisionTabs")
        self.tabs.addTab(self._general_tab(), self.tr("&General"))
        self.tabs.addTab(self._text_tab(), self.tr("Text and &params"))
        self.tabs.addTab(self._exclusions_tab(), self.tr("&Exclusions"))
        from desktop.ui.precedents import PaxPicker  # reads the PA-X index: on first use

        self.pax_picker = PaxPicker(self)
        self.tabs.addTab(self.pax_picker, self.tr("P&recedents (PA-X)"))
        self.layout_.addWidget(self.tabs, 1)
        self.finish_layout()
        self.setMinimumSize(680, 560)
        self.resize(780, 660)
        self.note_field("id", self.id_edit, self.id_status)
        self.note_field("category", self.category_combo, self.category_status)
        self.note_field("params", self.params_table, self.params_status)

        if provision is not None:
            self._load(provision)
        else:
            self.kind_combo.setCurrentIndex(0)
        self._show_details(self.params_table.currentRow())
        self.follow_with_id(self.title_edit, self.id_edit, self._taken)
        for signal in (self.id_edit.textChanged, self.title_edit.textChanged,
                       self.category_combo.editTextChanged, self.text_edit.textChanged):
            signal.connect(self.revalidate)
        self.params_table.itemChanged.connect(self._param_cell_edited)
        self.revalidate()
        self.title_edit.setFocus()

    # -- construction

    # Widget layout: one statement per control, read top to bottom.
    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.title_edit = QLineEdit(page)
        self.title_edit.setObjectName("ProvisionTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("e.g. Ceiling on Ukraine's armed forces"))

        self.id_edit = QLineEdit(page)
        self.id_edit.setObjectName("ProvisionId")
        self.id_edit.setPlaceholderText(self.tr("e.g. army-cap"))
        self.id_edit.setToolTip(self.tr("{id_help} Rules name provisions by their id.")
                                .format(id_help=id_help()))
        self.id_status = plain_label("", page, name="ProvisionIdStatus")
        id_box = with_status(self.id_edit, self.id_status, page)

        self.category_combo = QComboBox(page)
        self.category_combo.setObjectName("ProvisionCategory")
        self.category_combo.setEditable(True)
        self.category_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category_combo.addItems(sorted({p.category for p in self._scenario.provisions}))
        self.category_combo.setCurrentIndex(-1)
        self.category_combo.setEditText("")
        line = self.category_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("pick one or type a new one, e.g. military-limits"))
        self.category_combo.setToolTip(self.tr(
            "Groups the library. Categories are id-shaped: lower-case words joined by dashes."))
        self.category_status = plain_label("", page, name="ProvisionCategoryStatus")
        cat_box = with_status(self.category_combo, self.category_status, page)

        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("ProvisionKind")
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)

        parties = QWidget(page)
        grid = QHBoxLayout(parties)
        grid.setContentsMargins(0, 0, 0, 0)
        self.by_list = check_list(parties, "ProvisionBy")
        self.to_list = check_list(parties, "ProvisionTo")
        for party in self._scenario.parties:
            add_check_item(self.by_list, party.name, party.id, False, tooltip=party.id)
            add_check_item(self.to_list, party.name, party.id, False, tooltip=party.id)
        for title, widget, name in ((self.tr("Given &by"), self.by_list, self.tr("Given by")),
                                    (self.tr("Given t&o"), self.to_list, self.tr("Given to"))):
            col = QVBoxLayout()
            label = QLabel(title, parties)
            label.setBuddy(widget)
            col.addWidget(label)
            col.addWidget(widget, 1)
            widget.setAccessibleName(name)
            widget.setMinimumHeight(80)
            grid.addLayout(col)
        if not self._scenario.parties:
            hint = plain_label(self.tr("The scenario has no parties yet."), parties)
            grid.addWidget(hint)

        self.source_edit = QLineEdit(page)
        self.source_edit.setObjectName("ProvisionSource")
        self.source_edit.setMaxLength(MAX_TITLE)
        self.source_edit.setPlaceholderText(self.tr("a note on where it comes from, e.g. p. 3"))
        self.citations = CitationPicker(self._scenario.sources, page, "ProvisionCitations")

        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Id:"), id_box)
        form.addRow(self.tr("&Category:"), cat_box)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("Parties:"), parties)
        form.addRow(self.tr("Cite&d sources:"), self.citations)
        form.addRow(self.tr("Source &note:"), self.source_edit)
        return page

    def _text_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        text_label = QLabel(self.tr("Clause &text:"), page)
        self.text_edit = text_edit(page, 4, self.tr("e.g. Ukraine's armed forces will not "
                                                    "exceed {personnel} personnel in "
                                                    "peacetime."))
        self.text_edit.setObjectName("ProvisionText")
        text_label.setBuddy(self.text_edit)
        hint = plain_label(self.tr("Write {name} where a param's value goes; every {…} must "
                                   "name one of the params below."), page)
        set_state(hint, "note", hint.text())

        params_label = QLabel(self.tr("P&arams:"), page)
        self.params_table = QTableWidget(0, 8, page)
        self.params_table.setObjectName("ProvisionParams")
        params_label.setBuddy(self.params_table)
        self.params_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Type"), self.tr("Label"), self.tr("Default"),
             self.tr("Min"), self.tr("Max"), self.tr("Step"), self.tr("Unit")])
        for col, tip in (
                (self.COL_NAME, self.tr("What rules and the text's {placeholders} call it: "
                                        "letters, digits and _ (not 'phase')")),
                (self.COL_LABEL, self.tr("What a person calls it, e.g. Army personnel; left "
                                         "empty, words made from its name")),
                (self.COL_MIN, self.tr("Optional lowest value (integers and numbers)")),
                (self.COL_MAX, self.tr("Optional highest value (integers and numbers)")),
                (self.COL_STEP, self.tr("Optional spacing of its salient values, e.g. 50,000: "
                                        "the clause inspector's arrows step by it (integers "
                                        "and numbers)")),
                (self.COL_UNIT, self.tr("e.g. personnel, years, %, USD; written beside the "
                                        "value"))):
            header_item = self.params_table.horizontalHeaderItem(col)
            assert header_item is not None
            header_item.setToolTip(tip)
        self.params_table.verticalHeader().setVisible(False)
        self.params_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.params_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.params_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_LABEL, QHeaderView.ResizeMode.Stretch)
        for col, width in ((self.COL_NAME, 110), (self.COL_TYPE, 96), (self.COL_DEFAULT, 80),
                           (self.COL_MIN, 60), (self.COL_MAX, 70), (self.COL_STEP, 60),
                           (self.COL_UNIT, 70)):
            header.resizeSection(col, width)
        self.params_table.setToolTip(self.tr(
            "Params are the values a draft can set for this provision. Min, max and step are "
            "optional, for integers and numbers. A choice param's choices and a yes/no param's "
            "words are edited below the table."))
        self.params_table.currentCellChanged.connect(
            lambda row, _col, _prev_row, _prev_col: self._show_details(row))
        self.params_status = plain_label("", page, name="ProvisionParamsStatus")

        self.add_param_button = QPushButton(self.tr("Add param"), page)
        self.add_param_button.setObjectName("AddParam")
        self.remove_param_button = QPushButton(self.tr("Remove param"), page)
        self.remove_param_button.setObjectName("RemoveParam")
        self.add_param_button.clicked.connect(lambda: self.add_param())
        self.remove_param_button.clicked.connect(self.remove_param)
        self.params_table.itemSelectionChanged.connect(self._update_param_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_param_button)
        buttons.addWidget(self.remove_param_button)
        buttons.addStretch(1)
        details = self._details_panel(page)
        rows = self.params_table.verticalHeader().defaultSectionSize()
        self.params_table.setMinimumHeight(self.params_table.horizontalHeader().sizeHint()
                                           .height() + 4 * rows + 4)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(params_label)
        layout.addWidget(self.params_table, 3)
        layout.addWidget(self.params_status)
        layout.addLayout(buttons)
        layout.addWidget(details, 2)
        self._update_param_buttons()
        return page

    def _details_panel(self, page: QWidget) -> QWidget:
        """Under the params table: the selected param's choices, or its words for yes/no."""
        panel = QWidget(page)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 4, 0, 0)
        self.details_title = plain_label("", panel, name="ParamDetailsTitle")
        font = self.details_title.font()
        font.setBold(True)
        self.details_title.setFont(font)
        self.details = QStackedWidget(panel)
        self.details.setObjectName("ParamDetails")

        self.details_hint = plain_label("", self.details, name="ParamDetailsHint")
        self.details_hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        set_state(self.details_hint, "note", "")
        self.details.insertWidget(self.DETAILS_NONE, self.details_hint)
        self.details.insertWidget(self.DETAILS_CHOICES, self._choices_page())
        self.details.insertWidget(self.DETAILS_WORDS, self._words_page())
        box.addWidget(self.details_title)
        box.addWidget(self.details, 1)
        return panel

    def _choices_page(self) -> QWidget:
        choices_page = QWidget(self.details)
        choices_box = QVBoxLayout(choices_page)
        choices_box.setContentsMargins(0, 0, 0, 0)
        choices_label = QLabel(self.tr("C&hoices (the last line adds one):"), choices_page)
        self.choices_table = QTableWidget(0, 2, choices_page)
        self.choices_table.setObjectName("ParamChoices")
        self.choices_table.setAccessibleName(self.tr("Choices"))
        choices_label.setBuddy(self.choices_table)
        self.choices_table.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Label")])
        for col, tip in (
                (self.CHOICE_ID, self.tr("What rules and drafts use, e.g. "
                                         "russian-national-guard")),
                (self.CHOICE_LABEL, self.tr("What readers see, e.g. Russian National Guard; "
                                            "left empty, words made from the id"))):
            header_item = self.choices_table.horizontalHeaderItem(col)
            assert header_item is not None
            header_item.setToolTip(tip)
        self.choices_table.verticalHeader().setVisible(False)
        self.choices_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.choices_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.choices_table.itemChanged.connect(self._choices_edited)
        self.choices_table.itemSelectionChanged.connect(self._update_choice_buttons)
        self.add_choice_button = QPushButton(self.tr("Add choice"), choices_page)
        self.add_choice_button.setObjectName("AddChoice")
        self.remove_choice_button = QPushButton(self.tr("Remove choice"), choices_page)
        self.remove_choice_button.setObjectName("RemoveChoice")
        self.add_choice_button.clicked.connect(self.add_choice)
        self.remove_choice_button.clicked.connect(self.remove_choice)
        choice_buttons = QHBoxLayout()
        choice_buttons.addWidget(self.add_choice_button)
        choice_buttons.addWidget(self.remove_choice_button)
        choice_buttons.addStretch(1)
        choices_box.addWidget(choices_label)
        choices_box.addWidget(self.choices_table, 1)
        choices_box.addLayout(choice_buttons)
        return choices_page

    def _words_page(self) -> QWidget:
        words_page = QWidget(self.details)
        words = QFormLayout(words_page)
        words.setContentsMargins(0, 0, 0, 0)
        words.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.true_edit = QLineEdit(words_page)
        self.true_edit.setObjectName("ParamTrueLabel")
        self.true_edit.setPlaceholderText(
            self.tr("yes — e.g. is tied to the monitoring mechanism"))
        self.false_edit = QLineEdit(words_page)
        self.false_edit.setObjectName("ParamFalseLabel")
        self.false_edit.setPlaceholderText(
            self.tr("no — e.g. is not tied to the monitoring mechanism"))
        for edit in (self.true_edit, self.false_edit):
            edit.setMaxLength(MAX_LABEL)
            edit.textChanged.connect(self._words_edited)
        words_intro = plain_label(self.tr("How each value reads in the clause text and "
                                          "briefings; left empty, “yes” and “no”."),
                                  words_page)
        set_state(words_intro, "note", words_intro.text())
        words.addRow(words_intro)
        words.addRow(self.tr("Words for &yes:"), self.true_edit)
        words.addRow(self.tr("Words for &no:"), self.false_edit)
        return words_page

    def _exclusions_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = plain_label(self.tr("Check the provisions that cannot stand in the same draft "
                                    "as this one. Exclusion works both ways; an exclusion set "
                                    "on the other provision is shown checked and greyed out."),
                            page)
        self.excludes_list = check_list(page, "ProvisionExcludes")
        self.excludes_list.setAccessibleName(self.tr("Excludes"))
        own = self._original.id if self._original else None
        others = sorted((p for p in self._scenario.provisions if p.id != own),
                        key=lambda p: p.title.casefold())
        own_excludes = self._original.excludes if self._original else ()
        for p in others:
            set_there = own is not None and own in p.excludes and p.id not in own_excludes
            if set_there:
                add_check_item(self.excludes_list,
                               self.tr("{title} ({id}) — set on that provision").format(
                                   title=p.title, id=p.id),
                               p.id, True, enabled=False,
                               tooltip=self.tr("'{id}' excludes this provision; edit it "
                                               "there.").format(id=p.id))
            else:
                add_check_item(self.excludes_list, f"{p.title} ({p.id})", p.id, False,
                                tooltip=p.id)
        layout.addWidget(intro)
        layout.addWidget(self.excludes_list, 1)
        return page

    def _load(self, p: Provision) -> None:
        self.id_edit.setText(p.id)
        self.title_edit.setText(p.title)
        self.category_combo.setEditText(p.category)
        self.kind_combo.setCurrentIndex(KINDS.index(p.kind))
        for key in p.by:
            set_checked(self.by_list, key, True)
        for key in p.to:
            set_checked(self.to_list, key, True)
        self.text_edit.setPlainText(p.text)
        for spec in p.params:
            self.add_param(spec)
        for key in p.excludes:
            set_checked(self.excludes_list, key, True)
        self.source_edit.setText(p.source)
        self.citations.set_cited(p.sources)
        self.pax_picker.set_tags(p.pax)
        self.params_table.clearSelection()
        self.params_table.setCurrentCell(-1, -1)
        self._update_param_buttons()

    # -- params table

    def add_param(self, spec: ParamSpec | None = None) -> int:
        """Append a param row (filled from ``spec``, or a new integer param) and return it."""
        table = self.params_table
        row = table.rowCount()
        self._details.append(ParamDetails.of(spec))
        table.blockSignals(True)  # the row is read (revalidated) only once it is complete
        try:
            table.insertRow(row)

            def cell(col: int, text: str) -> None:
                table.setItem(row, col, QTableWidgetItem(text))

            kind = spec.type if spec is not None else "int"
            cell(self.COL_NAME, spec.name if spec is not None else "")
            cell(self.COL_LABEL, (spec.label or "") if spec is not None else "")
            if spec is None:
                default = "0"
            elif isinstance(spec.default, bool):
                default = "true" if spec.default else "false"
            else:
                default = str(spec.default)
            cell(self.COL_DEFAULT, default)
            for col, key in ((self.COL_MIN, "min"), (self.COL_MAX, "max"),
                             (self.COL_STEP, "step")):
                value = getattr(spec, key, None)
                cell(col, "" if value is None else str(value))
            cell(self.COL_UNIT, (spec.unit or "") if spec is not None else "")

            combo = QComboBox(table)
            for t in PARAM_TYPES:
                combo.addItem(param_type_label(t), t)
            combo.setCurrentIndex(PARAM_TYPES.index(kind))
            combo.setAccessibleName(self.tr("Param type"))
            table.setCellWidget(row, self.COL_TYPE, combo)
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._type_changed(c))
            self._apply_type(row, kind, clear=False)
        finally:
            table.blockSignals(False)
        if spec is None:
            table.setCurrentCell(row, self.COL_NAME)
            table.editItem(self.param_item(row, self.COL_NAME))
        self._update_param_buttons()
        self.revalidate()
        return row

    def remove_param(self) -> None:
        row = self.params_table.currentRow()
        if row >= 0:
            self._shown_row = -1
            del self._details[row]
            self.params_table.removeRow(row)
            self._show_details(self.params_table.currentRow())
        self._update_param_buttons()
        self.revalidate()

    def param_type(self, row: int) -> str:
        combo = self.params_table.cellWidget(row, self.COL_TYPE)
        assert isinstance(combo, QComboBox)
        return str(combo.currentData())

    def set_param_type(self, row: int, kind: str) -> None:
        combo = self.params_table.cellWidget(row, self.COL_TYPE)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(PARAM_TYPES.index(kind))

    def param_item(self, row: int, col: int) -> QTableWidgetItem:
        item = self.params_table.item(row, col)
        assert item is not None
        return item

    def set_param_cell(self, row: int, col: int, text: str) -> None:
        self.param_item(row, col).setText(text)

    def _type_changed(self, combo: QComboBox) -> None:
        for row in range(self.params_table.rowCount()):
            if self.params_table.cellWidget(row, self.COL_TYPE) is combo:
                kind = str(combo.currentData())
                self._apply_type(row, kind, clear=True)
                details = self._details[row]
                if kind != "choice":
                    details.choices = []
                if kind != "bool":
                    details.true_label = details.false_label = ""
                # The details of the row whose type was just chosen are what the user needs.
                self.params_table.setCurrentCell(row, self.COL_TYPE)
                self._show_details(row)
                self.revalidate()
                return

    def _apply_type(self, row: int, kind: str, *, clear: bool) -> None:
        """Only the cells that mean something for the type are editable."""
        numeric = kind in ("int", "number")
        usable = {self.COL_MIN: numeric, self.COL_MAX: numeric, self.COL_STEP: numeric}
        for col, on in usable.items():
            item = self.param_item(row, col)
            if on:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip("")
            else:
                if clear:
                    item.setText("")
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(self.tr("Not used by this type of param"))
        default = self.param_item(row, self.COL_DEFAULT)
        if clear:
            default.setText({"int": "0", "number": "0", "bool": "false"}.get(kind, ""))
        if kind == "int":
            default.setToolTip(self.tr("A whole number inside min … max"))
        elif kind == "number":
            default.setToolTip(self.tr("A number inside min … max, e.g. 2.5"))
        elif kind == "choice":
            default.setToolTip(self.tr("The id of one of the choices (listed below the table)"))
        elif kind == "bool":
            default.setToolTip(self.tr("true or false"))
        else:
            raise KeyError(kind)

    def _update_param_buttons(self) -> None:
        self.remove_param_button.setEnabled(self.params_table.currentRow() >= 0)

    def param_rows(self) -> tuple[ParamRow, ...]:
        """The params table as typed, with each row's details."""
        rows: list[ParamRow] = []
        for row, details in enumerate(self._details):

            def text(col: int, r: int = row) -> str:
                return self.param_item(r, col).text()

            rows.append(ParamRow(
                name=text(self.COL_NAME), type=self.param_type(row), label=text(self.COL_LABEL),
                default=text(self.COL_DEFAULT), min=text(self.COL_MIN), max=text(self.COL_MAX),
                step=text(self.COL_STEP), unit=text(self.COL_UNIT),
                choices=tuple(details.choices), true_label=details.true_label,
                false_label=details.false_label))
        return tuple(rows)

    # -- the selected param's details

    def select_param(self, row: int) -> None:
        """Make ``row`` the current param, whose details are shown."""
        self.params_table.setCurrentCell(row, self.COL_NAME)

    def param_details(self, row: int) -> ParamDetails:
        return self._details[row]

    def set_choices(self, row: int, choices: list[ChoiceRow]) -> None:
        """Give the choice param at ``row`` these choices (id, label), as if typed."""
        self._details[row].choices = list(choices)
        if row == self._shown_row:
            self._show_details(row)
        self.revalidate()

    def _param_cell_edited(self, item: QTableWidgetItem) -> None:
        if item.row() == self._shown_row and item.column() == self.COL_NAME:
            self._title_details(item.row())
        self.revalidate()

    def _title_details(self, row: int) -> None:
        name = self.param_item(row, self.COL_NAME).text().strip()
        kind = self.param_type(row)
        if kind == "choice":
            title = (self.tr("Choices of “{name}”") if name
                     else self.tr("Choices of param {number}"))
        elif kind == "bool":
            title = (self.tr("Words for “{name}”") if name
                     else self.tr("Words for param {number}"))
        else:
            title = (self.tr("Details of “{name}”") if name
                     else self.tr("Details of param {number}"))
        self.details_title.setText(title.format(name=name, number=row + 1))

    def _show_details(self, row: int) -> None:
        """Show the details of the param at ``row`` (none: -1) under the table."""
        self._shown_row = row
        if not 0 <= row < len(self._details):
            self.details_title.setText("")
            self.details_hint.setText(self.tr("Select a param to see its details."))
            self.details.setCurrentIndex(self.DETAILS_NONE)
            return
        kind = self.param_type(row)
        self._title_details(row)
        details = self._details[row]
        if kind == "choice":
            self._fill_choices(details.choices)
            self.details.setCurrentIndex(self.DETAILS_CHOICES)
        elif kind == "bool":
            for edit, text in ((self.true_edit, details.true_label),
                               (self.false_edit, details.false_label)):
                edit.blockSignals(True)
                edit.setText(text)
                edit.blockSignals(False)
            self.details.setCurrentIndex(self.DETAILS_WORDS)
        else:
            self.details_hint.setText(self.tr("Its label, bounds, step and unit are in the "
                                              "table."))
            self.details.setCurrentIndex(self.DETAILS_NONE)

    def _fill_choices(self, choices: list[ChoiceRow]) -> None:
        table = self.choices_table
        table.blockSignals(True)
        try:
            table.setRowCount(0)
            for cid, label in (*choices, ("", "")):
                self._append_choice_row(cid, label)
        finally:
            table.blockSignals(False)
        self._update_choice_buttons()

    def _append_choice_row(self, cid: str, label: str) -> None:
        table = self.choices_table
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, self.CHOICE_ID, QTableWidgetItem(cid))
        table.setItem(row, self.CHOICE_LABEL, QTableWidgetItem(label))
        self._label_tip(row)

    def _label_tip(self, row: int) -> None:
        """A choice without a label says what readers will see instead."""
        cid = self.choice_item(row, self.CHOICE_ID).text().strip()
        label = self.choice_item(row, self.CHOICE_LABEL)
        label.setToolTip(self.tr("Readers will see “{label}”").format(label=derived_label(cid))
                         if cid and not label.text().strip() else "")

    def choice_item(self, row: int, col: int) -> QTableWidgetItem:
        item = self.choices_table.item(row, col)
        assert item is not None
        return item

    def _choices_edited(self, item: QTableWidgetItem) -> None:
        table = self.choices_table
        last = table.rowCount() - 1
        table.blockSignals(True)
        try:
            self._label_tip(item.row())
            if item.row() == last and item.text().strip():
                self._append_choice_row("", "")  # the empty line to type the next one into
        finally:
            table.blockSignals(False)
        self._store_choices()

    def _store_choices(self) -> None:
        if 0 <= self._shown_row < len(self._details):
            rows = [(self.choice_item(r, self.CHOICE_ID).text(),
                     self.choice_item(r, self.CHOICE_LABEL).text())
                    for r in range(self.choices_table.rowCount())]
            while rows and not any(text.strip() for text in rows[-1]):
                rows.pop()  # the empty line(s) at the end are no choices
            self._details[self._shown_row].choices = rows
        self._update_choice_buttons()
        self.revalidate()

    def add_choice(self) -> None:
        """Go to the empty last line of the choices and start typing an id there."""
        last = self.choices_table.rowCount() - 1
        self.choices_table.setFocus()
        self.choices_table.setCurrentCell(last, self.CHOICE_ID)
        self.choices_table.editItem(self.choice_item(last, self.CHOICE_ID))

    def remove_choice(self) -> None:
        row = self.choices_table.currentRow()
        if 0 <= row < self.choices_table.rowCount() - 1:
            self.choices_table.removeRow(row)
            self._store_choices()

    def _update_choice_buttons(self) -> None:
        row = self.choices_table.currentRow()
        self.remove_choice_button.setEnabled(0 <= row < self.choices_table.rowCount() - 1)

    def _words_edited(self) -> None:
        if 0 <= self._shown_row < len(self._details):
            details = self._details[self._shown_row]
            details.true_label = self.true_edit.text()
            details.false_label = self.false_edit.text()

    # -- the form as data

    def fields(self) -> ProvisionFields:
        return ProvisionFields(
            id=self.id_edit.text(),
            title=self.title_edit.text(),
            category=self.category_combo.currentText(),
            kind=str(self.kind_combo.currentData()),
            by=tuple(checked_keys(self.by_list)),
            to=tuple(checked_keys(self.to_list)),
            text=self.text_edit.toPlainText(),
            params=self.param_rows(),
            excludes=tuple(checked_keys(self.excludes_list)),
            source=self.source_edit.text(),
            sources=self.citations.cited(),
            pax=self.pax_picker.tags(),
        )

    def check(self) -> FormCheck:
        original = self._original.id if self._original is not None else None
        return check_provision(self.fields(), self._taken, self._scenario, original)

    def build(self) -> Provision | Refused:
        return build_provision(self.fields())

    def on_refused(self, refused: Refused) -> None:
        if refused.about_params:
            self.tabs.setCurrentIndex(self.PARAMS_TAB)

    def result_provision(self) -> Provision | None:
        return self.result_value()

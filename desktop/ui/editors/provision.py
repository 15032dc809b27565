""":class:`ProvisionDialog`: edit a library provision or write a new one.

Its title, id, category and text are checked as the user types (:func:`forms.check_provision`);
the params table and the rest are checked on OK (:func:`forms.build_provision`), and the dialog
stays open showing what is wrong, with the params' tab brought forward when that is where.
"""

from __future__ import annotations

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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Provision, Scenario
from desktop.domain.model import KINDS, MAX_TITLE, ParamSpec
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import (
    ID_HELP,
    PARAM_TYPES,
    FormCheck,
    ParamRow,
    ProvisionFields,
    Refused,
    build_provision,
    check_provision,
)
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
from desktop.wording.labels import KIND_LABELS, PARAM_TYPE_LABELS


class ProvisionDialog(EditorDialog[Provision]):
    """Edit a provision (``provision`` given) or create one (``provision=None``)."""

    COL_NAME, COL_TYPE, COL_DEFAULT, COL_MIN, COL_MAX, COL_CHOICES, COL_UNIT = range(7)
    PARAMS_TAB = 1

    def __init__(self, scenario: Scenario, provision: Provision | None = None,
                 parent: QWidget | None = None, commit: Commit[Provision] | None = None,
                 prompter: Prompter | None = None) -> None:
        editing = provision is not None
        super().__init__(parent, "Edit provision" if editing else "New provision",
                         "Save changes" if editing else "Add provision", commit, provision,
                         prompter)
        self.setObjectName("ProvisionDialog")
        self._scenario = scenario
        self._taken = {p.id for p in scenario.provisions
                       if provision is None or p.id != provision.id}
        if provision is not None:
            self.heading.setText(f"Editing “{provision.title}” ({provision.id})")
        else:
            self.heading.setText("A new provision for the library")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("ProvisionTabs")
        self.tabs.addTab(self._general_tab(), "&General")
        self.tabs.addTab(self._text_tab(), "Text and &params")
        self.tabs.addTab(self._exclusions_tab(), "&Exclusions")
        self.layout_.addWidget(self.tabs, 1)
        self.finish_layout()
        self.setMinimumSize(640, 500)
        self.resize(720, 560)
        self.note_field("id", self.id_edit, self.id_status)
        self.note_field("category", self.category_combo, self.category_status)

        if provision is not None:
            self._load(provision)
        else:
            self.kind_combo.setCurrentIndex(0)
        self.follow_with_id(self.title_edit, self.id_edit, self._taken)
        for signal in (self.id_edit.textChanged, self.title_edit.textChanged,
                       self.category_combo.editTextChanged, self.text_edit.textChanged):
            signal.connect(self.revalidate)
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
        self.title_edit.setPlaceholderText("e.g. Ceiling on Ukraine's armed forces")

        self.id_edit = QLineEdit(page)
        self.id_edit.setObjectName("ProvisionId")
        self.id_edit.setPlaceholderText("e.g. army-cap")
        self.id_edit.setToolTip(ID_HELP + " Rules name provisions by their id.")
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
        line.setPlaceholderText("pick one or type a new one, e.g. military-limits")
        self.category_combo.setToolTip(
            "Groups the library. Categories are id-shaped: lower-case words joined by dashes.")
        self.category_status = plain_label("", page, name="ProvisionCategoryStatus")
        cat_box = with_status(self.category_combo, self.category_status, page)

        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("ProvisionKind")
        for kind in KINDS:
            self.kind_combo.addItem(KIND_LABELS[kind], kind)

        parties = QWidget(page)
        grid = QHBoxLayout(parties)
        grid.setContentsMargins(0, 0, 0, 0)
        self.by_list = check_list(parties, "ProvisionBy")
        self.to_list = check_list(parties, "ProvisionTo")
        for party in self._scenario.parties:
            add_check_item(self.by_list, party.name, party.id, False, tooltip=party.id)
            add_check_item(self.to_list, party.name, party.id, False, tooltip=party.id)
        for title, widget, mnemonic in (("Given &by", self.by_list, "by"),
                                        ("Given t&o", self.to_list, "to")):
            col = QVBoxLayout()
            label = QLabel(title, parties)
            label.setBuddy(widget)
            col.addWidget(label)
            col.addWidget(widget, 1)
            widget.setAccessibleName(f"Given {mnemonic}")
            widget.setMinimumHeight(80)
            grid.addLayout(col)
        if not self._scenario.parties:
            hint = plain_label("The scenario has no parties yet.", parties)
            grid.addWidget(hint)

        self.source_edit = QLineEdit(page)
        self.source_edit.setObjectName("ProvisionSource")
        self.source_edit.setMaxLength(MAX_TITLE)
        self.source_edit.setPlaceholderText("source keys, e.g. S01, S27")

        form.addRow("&Title:", self.title_edit)
        form.addRow("&Id:", id_box)
        form.addRow("&Category:", cat_box)
        form.addRow("&Kind:", self.kind_combo)
        form.addRow("Parties:", parties)
        form.addRow("&Source:", self.source_edit)
        return page

    def _text_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        text_label = QLabel("Clause &text:", page)
        self.text_edit = text_edit(page, 4, "e.g. Ukraine's armed forces will not exceed "
                                    "{personnel} personnel in peacetime.")
        self.text_edit.setObjectName("ProvisionText")
        text_label.setBuddy(self.text_edit)
        hint = plain_label("Write {name} where a param's value goes; every {…} must name one of "
                           "the params below.", page)
        set_state(hint, "note", hint.text())

        params_label = QLabel("P&arams:", page)
        self.params_table = QTableWidget(0, 7, page)
        self.params_table.setObjectName("ProvisionParams")
        params_label.setBuddy(self.params_table)
        self.params_table.setHorizontalHeaderLabels(
            ["Name", "Type", "Default", "Min", "Max", "Choices", "Unit"])
        choices_header = self.params_table.horizontalHeaderItem(self.COL_CHOICES)
        assert choices_header is not None
        choices_header.setToolTip("For a choice param: its choices, separated by commas")
        self.params_table.verticalHeader().setVisible(False)
        self.params_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.params_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.params_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.COL_CHOICES, QHeaderView.ResizeMode.Stretch)
        for col, width in ((self.COL_NAME, 110), (self.COL_TYPE, 96), (self.COL_DEFAULT, 90),
                           (self.COL_MIN, 70), (self.COL_MAX, 80), (self.COL_UNIT, 80)):
            header.resizeSection(col, width)
        self.params_table.setToolTip(
            "Params are the values a draft can set for this provision. Name: letters, digits "
            "and _ (not 'phase'). Min and max are optional bounds for integers and numbers; "
            "choices are required for a choice param and are separated by commas.")

        self.add_param_button = QPushButton("Add param", page)
        self.add_param_button.setObjectName("AddParam")
        self.remove_param_button = QPushButton("Remove param", page)
        self.remove_param_button.setObjectName("RemoveParam")
        self.add_param_button.clicked.connect(lambda: self.add_param())
        self.remove_param_button.clicked.connect(self.remove_param)
        self.params_table.itemSelectionChanged.connect(self._update_param_buttons)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_param_button)
        buttons.addWidget(self.remove_param_button)
        buttons.addStretch(1)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 2)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(params_label)
        layout.addWidget(self.params_table, 3)
        layout.addLayout(buttons)
        self._update_param_buttons()
        return page

    def _exclusions_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = plain_label("Check the provisions that cannot stand in the same draft as this "
                            "one. Exclusion works both ways; an exclusion set on the other "
                            "provision is shown checked and greyed out.", page)
        self.excludes_list = check_list(page, "ProvisionExcludes")
        self.excludes_list.setAccessibleName("Excludes")
        own = self._original.id if self._original else None
        others = sorted((p for p in self._scenario.provisions if p.id != own),
                        key=lambda p: p.title.casefold())
        own_excludes = self._original.excludes if self._original else ()
        for p in others:
            set_there = own is not None and own in p.excludes and p.id not in own_excludes
            if set_there:
                add_check_item(self.excludes_list, f"{p.title} ({p.id}) — set on that provision",
                                p.id, True, enabled=False,
                                tooltip=f"'{p.id}' excludes this provision; edit it there.")
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
        self.params_table.clearSelection()
        self.params_table.setCurrentCell(-1, -1)
        self._update_param_buttons()

    # -- params table

    def add_param(self, spec: ParamSpec | None = None) -> int:
        """Append a param row (filled from ``spec``, or a new integer param) and return it."""
        table = self.params_table
        row = table.rowCount()
        table.insertRow(row)

        def cell(col: int, text: str) -> None:
            table.setItem(row, col, QTableWidgetItem(text))

        kind = spec.type if spec is not None else "int"
        cell(self.COL_NAME, spec.name if spec is not None else "")
        if spec is None:
            default = "0"
        elif isinstance(spec.default, bool):
            default = "true" if spec.default else "false"
        else:
            default = str(spec.default)
        cell(self.COL_DEFAULT, default)
        lo = getattr(spec, "min", None)
        hi = getattr(spec, "max", None)
        cell(self.COL_MIN, "" if lo is None else str(lo))
        cell(self.COL_MAX, "" if hi is None else str(hi))
        choices = getattr(spec, "choices", ())
        cell(self.COL_CHOICES, ", ".join(choices))
        cell(self.COL_UNIT, (spec.unit or "") if spec is not None else "")

        combo = QComboBox(table)
        for t in PARAM_TYPES:
            combo.addItem(PARAM_TYPE_LABELS[t], t)
        combo.setCurrentIndex(PARAM_TYPES.index(kind))
        combo.setAccessibleName("Param type")
        table.setCellWidget(row, self.COL_TYPE, combo)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._type_changed(c))
        self._apply_type(row, kind, clear=False)
        if spec is None:
            table.setCurrentCell(row, self.COL_NAME)
            table.editItem(self.param_item(row, self.COL_NAME))
        self._update_param_buttons()
        return row

    def remove_param(self) -> None:
        row = self.params_table.currentRow()
        if row >= 0:
            self.params_table.removeRow(row)
        self._update_param_buttons()

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
                self._apply_type(row, str(combo.currentData()), clear=True)
                return

    def _apply_type(self, row: int, kind: str, *, clear: bool) -> None:
        """Only the cells that mean something for the type are editable."""
        numeric = kind in ("int", "number")
        usable = {self.COL_MIN: numeric, self.COL_MAX: numeric, self.COL_CHOICES: kind == "choice"}
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
                item.setToolTip("Not used by this type of param")
        default = self.param_item(row, self.COL_DEFAULT)
        if clear:
            default.setText({"int": "0", "number": "0", "bool": "false"}.get(kind, ""))
        default.setToolTip({
            "int": "A whole number inside min … max",
            "number": "A number inside min … max, e.g. 2.5",
            "choice": "One of the choices",
            "bool": "true or false",
        }[kind])

    def _update_param_buttons(self) -> None:
        self.remove_param_button.setEnabled(self.params_table.currentRow() >= 0)

    def param_rows(self) -> tuple[ParamRow, ...]:
        """The params table as typed."""
        rows: list[ParamRow] = []
        for row in range(self.params_table.rowCount()):

            def text(col: int, r: int = row) -> str:
                return self.param_item(r, col).text()

            rows.append(ParamRow(
                name=text(self.COL_NAME), type=self.param_type(row),
                default=text(self.COL_DEFAULT), min=text(self.COL_MIN), max=text(self.COL_MAX),
                choices=text(self.COL_CHOICES), unit=text(self.COL_UNIT)))
        return tuple(rows)

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

""":class:`PartyDialog`: edit a party or add one, with its red lines and preferences, each
written in a :class:`RuleListEditor` (a list beside a form, every rule checked as it is typed).

A rule is built from rows (:class:`~desktop.ui.editors.rule_builder.RuleBuilder`) by default;
"Edit as text" shows the rule language. Both write the same field, so every edit goes through
the same check and the dialog's OK.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Party, Provision, Scenario
from desktop.domain.model import MAX_TITLE, ROLES, Source
from desktop.domain.rules import RuleError, check_rule
from desktop.ui.editors.base import Commit, EditorDialog
from desktop.ui.editors.forms import (
    FormCheck,
    PartyFields,
    Refused,
    RuleItem,
    build_party,
    check_party,
    id_help,
    id_note,
    id_problem,
    rule_item_label,
    rule_item_problems,
    rule_list_problems,
    rule_tab_title,
    suggested_id,
    title_rule_note,
)
from desktop.ui.editors.rule_edit import RuleEdit
from desktop.ui.editors.sources import CitationPicker
from desktop.ui.editors.widgets import (
    paint_note,
    plain_label,
    plain_tooltip,
    text_edit,
    with_status,
)
from desktop.ui.files import Prompter
from desktop.ui.i18n import InheritedTr
from desktop.wording.labels import role_label


class RuleListEditor(InheritedTr, QWidget):
    """A list of red lines (or preferences) on the left and a form for the current one.

    ``noun`` ("red line" or "preference") says which to the form checks; the texts that name
    it are whole sentences for each (word order differs between languages)."""

    changed = Signal()

    # Widget layout: one statement per control, read top to bottom.
    def __init__(self, noun: str, weighted: bool, provisions: Mapping[str, Provision],  # noqa: PLR0915
                 taken_elsewhere: Collection[str], parent: QWidget | None = None,
                 sources: Sequence[Source] = ()) -> None:
        super().__init__(parent)
        self.noun = noun  # "red line" or "preference"
        self.weighted = weighted
        preferences = noun == "preference"
        self._taken = frozenset(taken_elsewhere)
        self._provisions = provisions
        self.items: list[RuleItem] = []
        self._checked: dict[str, RuleError | None] = {}
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("RuleList")
        self.list.setAccessibleName(self.tr("Preferences") if preferences
                                    else self.tr("Red lines"))
        self.list.setSpacing(1)
        # Long titles wrap rather than run off under a scroll bar (the rows take the width).
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("AddRule")
        self.add_button.setToolTip(self.tr("Add a preference") if preferences
                                   else self.tr("Add a red line"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("RemoveRule")
        self.remove_button.setToolTip(self.tr("Remove the selected preference") if preferences
                                      else self.tr("Remove the selected red line"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left_layout.addLayout(row)

        self.form_host = QWidget(self)
        form = QFormLayout(self.form_host)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(6, 0, 0, 0)
        self.title_edit = QLineEdit(self.form_host)
        self.title_edit.setObjectName("RuleTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        # A warning, not a problem: "Army of at least 800,000" over a rule that says 600000.
        self.title_status = plain_label("", self.form_host, name="RuleTitleStatus")
        self.title_status.hide()
        title_box = QWidget(self.form_host)
        title_layout = QVBoxLayout(title_box)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.setSpacing(2)
        title_layout.addWidget(self.title_edit)
        title_layout.addWidget(self.title_status)
        title_box.setFocusProxy(self.title_edit)
        self.id_edit = QLineEdit(self.form_host)
        self.id_edit.setObjectName("RuleId")
        self.id_edit.setToolTip(
            (self.tr("{id_help} Every preference id is unique in the scenario.") if preferences
             else self.tr("{id_help} Every red line id is unique in the scenario."))
            .format(id_help=id_help()))
        self.id_status = plain_label("", self.form_host, name="RuleIdStatus")
        id_box = with_status(self.id_edit, self.id_status, self.form_host)
        self.rule_edit = RuleEdit(self.form_host, provisions, builder=True)
        self.weight_spin = QDoubleSpinBox(self.form_host)
        self.weight_spin.setObjectName("RuleWeight")
        self.weight_spin.setDecimals(3)
        self.weight_spin.setRange(0.001, 1_000_000)
        self.weight_spin.setValue(1)
        self.weight_spin.setToolTip(self.tr("How much meeting this preference counts, relative "
                                            "to the party's other preferences (greater than "
                                            "0)."))
        self.rationale_edit = text_edit(self.form_host, 2, self.tr(
            "why the party holds it; where the uncertainty lies"))
        self.rationale_edit.setObjectName("RuleRationale")
        # The rule's rows take the height; the rationale scrolls past four lines.
        self.rationale_edit.setMaximumHeight(self.rationale_edit.fontMetrics().lineSpacing() * 4
                                             + 14)
        self.source_edit = QLineEdit(self.form_host)
        self.source_edit.setObjectName("RuleSource")
        self.source_edit.setMaxLength(MAX_TITLE)
        self.source_edit.setPlaceholderText(self.tr("a note on where it comes from, e.g. "
                                                    "(inferred from S23)"))
        self.citations = CitationPicker(sources, self.form_host, "RuleCitations")
        self.stance_combo = QComboBox(self.form_host)
        self.stance_combo.setObjectName("RuleStance")
        self.stance_combo.addItem(self.tr("Assessed floor (the analyst's judgement)"),
                                  "assessed")
        self.stance_combo.addItem(self.tr("Stated position (a public demand)"), "stated")
        self.stance_combo.setToolTip(self.tr(
            "A stated position counts when drafts are checked under stated positions; an "
            "assessed floor counts under both views."))
        self.confidence_spin = QSpinBox(self.form_host)
        self.confidence_spin.setObjectName("RuleConfidence")
        self.confidence_spin.setRange(0, 100)
        self.confidence_spin.setSuffix(self.tr(" %"))
        self.confidence_spin.setToolTip(self.tr(
            "How likely it is that the party truly holds this line: a draft that crosses it "
            "is accepted with the chance that it does not."))
        self.inferred_check = QCheckBox(self.tr("In&ferred (no source supports it)"),
                                        self.form_host)
        self.inferred_check.setObjectName("RuleInferred")
        self.inferred_check.setToolTip(
            self.tr("Tick when no source states this preference: it is a reading of what the "
                    "party said or did. Briefings print it as inferred.") if preferences
            else self.tr("Tick when no source states this red line: it is a reading of what "
                         "the party said or did. Briefings print it as inferred."))
        form.addRow(self.tr("&Title:"), title_box)
        form.addRow(self.tr("I&d:"), id_box)
        form.addRow(self.tr("R&ule:"), self.rule_edit)
        if weighted:
            form.addRow(self.tr("&Weight:"), self.weight_spin)
            self.stance_combo.hide()
            self.confidence_spin.hide()
        else:
            self.weight_spin.hide()
            form.addRow(self.tr("St&ance:"), self.stance_combo)
            form.addRow(self.tr("Confidence it &binds:"), self.confidence_spin)
        form.addRow(self.tr("Rati&onale:"), self.rationale_edit)
        form.addRow(self.tr("Cited &sources:"), self.citations)
        form.addRow("", self.inferred_check)
        form.addRow(self.tr("Sour&ce note:"), self.source_edit)

        self.empty_label = plain_label(
            self.tr("No preferences yet. Press Add to write one.") if preferences
            else self.tr("No red lines yet. Press Add to write one."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_host)
        right_layout.addWidget(self.empty_label, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([200, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.setTabOrder(self.list, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.title_edit)
        self.setTabOrder(self.title_edit, self.id_edit)
        self.setTabOrder(self.id_edit, self.rule_edit.tab_first())
        after_rule: QWidget = self.weight_spin if weighted else self.stance_combo
        self.setTabOrder(self.rule_edit.tab_last(), after_rule)
        if weighted:
            self.setTabOrder(self.weight_spin, self.rationale_edit)
        else:
            self.setTabOrder(self.stance_combo, self.confidence_spin)
            self.setTabOrder(self.confidence_spin, self.rationale_edit)
        self.setTabOrder(self.rationale_edit, self.citations)
        self.setTabOrder(self.citations, self.inferred_check)
        self.setTabOrder(self.inferred_check, self.source_edit)

        self.list.currentRowChanged.connect(self._show_row)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button.clicked.connect(self.remove_current)
        self.title_edit.textChanged.connect(self._title_changed)
        self.id_edit.textEdited.connect(self._id_edited)
        self.id_edit.textChanged.connect(lambda t: self._set_field("id", t))
        self.rule_edit.text_changed.connect(lambda t: self._set_field("rule", t))
        self.weight_spin.valueChanged.connect(lambda v: self._set_field("weight", v))
        self.rationale_edit.textChanged.connect(
            lambda: self._set_field("rationale", self.rationale_edit.toPlainText()))
        self.source_edit.textChanged.connect(lambda t: self._set_field("source", t))
        self.citations.changed.connect(
            lambda: self._set_field("sources", self.citations.cited()))
        self.inferred_check.toggled.connect(lambda on: self._set_field("inferred", on))
        self.stance_combo.currentIndexChanged.connect(
            lambda _: self._set_field("stance", str(self.stance_combo.currentData())))
        self.confidence_spin.valueChanged.connect(
            lambda v: self._set_field("confidence", 1 if v == 100 else v / 100))
        self._show_row(-1)

    # -- items

    def set_items(self, items: Sequence[RuleItem]) -> None:
        self.items = list(items)
        self.list.clear()
        for _ in self.items:
            QListWidgetItem(self.list)
        self._refresh_labels()
        self.list.setCurrentRow(0 if self.items else -1)
        self._show_row(self.list.currentRow())

    def add_item(self, item: RuleItem | None = None) -> int:
        self.items.append(item or RuleItem())
        QListWidgetItem(self.list)
        row = len(self.items) - 1
        self._refresh_labels()
        self.list.setCurrentRow(row)
        self.title_edit.setFocus()
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.items[row]
        self.list.takeItem(row)
        self._refresh_labels()
        self._show_row(self.list.currentRow())
        self.changed.emit()

    def select(self, row: int) -> None:
        self.list.setCurrentRow(row)

    def current(self) -> RuleItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- validation

    def item_problems(self) -> list[list[str]]:
        """For each item, what is wrong with it (an empty list when nothing is)."""
        return [rule_item_problems(item, self._taken_for(item), self.noun,
                                   self._check(item.rule), self._provisions)
                for item in self.items]

    def _check(self, rule: str) -> RuleError | None:
        # Every keystroke re-checks all items; unchanged rules come from the cache.
        if rule not in self._checked:
            if len(self._checked) > 500:
                self._checked.clear()
            self._checked[rule] = check_rule(rule, self._provisions)
        return self._checked[rule]

    def _taken_for(self, item: RuleItem) -> set[str]:
        """Ids ``item`` may not take: other parties' and this list's other items'."""
        return set(self._taken) | {i.id for i in self.items if i is not item}

    def problems(self) -> list[str]:
        return rule_list_problems(self.noun, self.items, self.item_problems())

    def _refresh_labels(self) -> None:
        for n, problems in enumerate(self.item_problems()):
            item = self.items[n]
            widget_item = self.list.item(n)
            widget_item.setText(rule_item_label(item, self.noun, problems))
            widget_item.setToolTip(plain_tooltip("\n".join([item.id, *problems])))
        current = self.current()
        if current is not None:
            id_err = id_problem(current.id, self._taken_for(current), self.noun)
            paint_note(self.id_edit, self.id_status, id_note(
                current.id, id_err, filled_from="title",
                ok=self.tr("Unique among the scenario's preferences.")
                if self.noun == "preference"
                else self.tr("Unique among the scenario's red lines.")))
            paint_note(self.title_edit, self.title_status,
                       title_rule_note(current.title, current.rule))
        self.remove_button.setEnabled(current is not None)

    # -- form

    def _show_row(self, row: int) -> None:
        has = 0 <= row < len(self.items)
        self.form_host.setVisible(has)
        self.empty_label.setVisible(not has)
        if not has:
            self.remove_button.setEnabled(False)
            return
        item = self.items[row]
        self._loading = True
        try:
            self.title_edit.setText(item.title)
            self.id_edit.setText(item.id)
            self.rule_edit.setText(item.rule)
            self.weight_spin.setValue(item.weight)
            self.rationale_edit.setPlainText(item.rationale)
            self.source_edit.setText(item.source)
            self.citations.set_cited(item.sources)
            self.inferred_check.setChecked(item.inferred)
            self.stance_combo.setCurrentIndex(max(0, self.stance_combo.findData(item.stance)))
            self.confidence_spin.setValue(round(float(item.confidence) * 100))
        finally:
            self._loading = False
        self._refresh_labels()

    def _set_field(self, name: str, value: object) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        setattr(item, name, value)
        self._refresh_labels()
        self.changed.emit()

    def _id_edited(self) -> None:
        item = self.current()
        if item is not None and not self._loading:
            item.auto_id = False

    def _title_changed(self, title: str) -> None:
        item = self.current()
        if self._loading or item is None:
            return
        item.title = title
        if item.auto_id:
            self.id_edit.setText(suggested_id(title, self._taken_for(item)))
        self._refresh_labels()
        self.changed.emit()




class PartyDialog(InheritedTr, EditorDialog[Party]):
    """Edit a party (``party`` given) or create one, with its red lines and preferences."""

    # Widget layout: one statement per control, read top to bottom.
    def __init__(self, scenario: Scenario, party: Party | None = None,  # noqa: PLR0915
                 parent: QWidget | None = None, commit: Commit[Party] | None = None,
                 prompter: Prompter | None = None) -> None:
        editing = party is not None
        super().__init__(parent, self.tr("Edit party") if editing else self.tr("New party"),
                         self.tr("Save changes") if editing else self.tr("Add party"), commit,
                         party, prompter)
        self.setObjectName("PartyDialog")
        self._scenario = scenario
        others = [p for p in scenario.parties if party is None or p.id != party.id]
        self._taken = {p.id for p in others}
        self.color: str | None = None
        self.heading.setText(self.tr("Editing “{name}”").format(name=party.name)
                             if party is not None else self.tr("A new party"))
        top = QWidget(self)
        form = QFormLayout(top)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(top)
        self.name_edit.setObjectName("PartyName")
        self.name_edit.setMaxLength(MAX_TITLE)
        self.name_edit.setPlaceholderText(self.tr("e.g. Ukraine"))
        self.id_edit = QLineEdit(top)
        self.id_edit.setObjectName("PartyId")
        self.id_edit.setToolTip(self.tr("{id_help} Provisions name their parties by id.")
                                .format(id_help=id_help()))
        self.id_status = plain_label("", top, name="PartyIdStatus")
        id_row = with_status(self.id_edit, self.id_status, top, beside=True)
        self.role_combo = QComboBox(top)
        self.role_combo.setObjectName("PartyRole")
        for role in ROLES:
            self.role_combo.addItem(role_label(role), role)

        color_row = QWidget(top)
        color_layout = QHBoxLayout(color_row)
        color_layout.setContentsMargins(0, 0, 0, 0)
        self.color_swatch = QLabel(color_row)
        self.color_swatch.setObjectName("PartyColorSwatch")
        self.color_swatch.setFixedSize(22, 22)
        self.color_text = plain_label("", color_row, name="PartyColorText", wrap=False)
        self.color_button = QPushButton(self.tr("Choose…"), color_row)
        self.color_button.setObjectName("PartyColorButton")
        self.color_button.setToolTip(self.tr("The party's colour in charts"))
        self.clear_color_button = QPushButton(self.tr("No colour"), color_row)
        self.clear_color_button.setObjectName("PartyColorClear")
        color_layout.addWidget(self.color_swatch)
        color_layout.addWidget(self.color_text)
        color_layout.addWidget(self.color_button)
        color_layout.addWidget(self.clear_color_button)
        color_layout.addStretch(1)
        color_row.setFocusProxy(self.color_button)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Id:"), id_row)
        form.addRow(self.tr("Rol&e:"), self.role_combo)
        form.addRow(self.tr("Co&lour:"), color_row)
        self.no_deal_spin = QSpinBox(top)
        self.no_deal_spin.setObjectName("PartyNoDeal")
        self.no_deal_spin.setRange(-1, 100)
        self.no_deal_spin.setSuffix(self.tr(" %"))
        self.no_deal_spin.setSpecialValueText(self.tr("Not set"))
        self.no_deal_spin.setToolTip(self.tr(
            "The party's satisfaction without any agreement: its walk-away point. The bridge "
            "finder says when a package leaves a party below it."))
        self._no_deal: float | int | None = party.no_deal if party is not None else None
        form.addRow(self.tr("No-deal le&vel:"), self.no_deal_spin)

        provisions = scenario.provision_index
        self.red_lines = RuleListEditor(
            "red line", False, provisions, {r.id for p in others for r in p.red_lines}, self,
            scenario.sources)
        self.red_lines.setObjectName("RedLineEditor")
        self.preferences = RuleListEditor(
            "preference", True, provisions, {r.id for p in others for r in p.preferences}, self,
            scenario.sources)
        self.preferences.setObjectName("PreferenceEditor")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("PartyTabs")
        self.tabs.addTab(self.red_lines, "")
        self.tabs.addTab(self.preferences, "")
        self.tabs.setTabToolTip(0, self.tr("Hard rules: the party rejects any draft in which "
                                           "one is false."))
        self.tabs.setTabToolTip(1, self.tr("Soft rules: met preferences add their weight to the "
                                           "party's satisfaction."))

        self.layout_.addWidget(top)
        self.layout_.addWidget(self.tabs, 1)
        self.finish_layout()
        self.setMinimumSize(680, 540)
        self.resize(980, 760)  # room for a rule's rows

        if party is not None:
            self.name_edit.setText(party.name)
            self.id_edit.setText(party.id)
            self.role_combo.setCurrentIndex(ROLES.index(party.role))
            self.red_lines.set_items([RuleItem.of(r) for r in party.red_lines])
            self.preferences.set_items([RuleItem.of(r) for r in party.preferences])
        no_deal = self._no_deal
        self.no_deal_spin.setValue(-1 if no_deal is None else round(float(no_deal) * 100))
        # Connected after loading: the value shown is a rounding, kept only once edited.
        self.no_deal_spin.valueChanged.connect(self._no_deal_edited)
        self.set_color(party.color if party is not None else None)

        self.note_field("id", self.id_edit, self.id_status)
        self.follow_with_id(self.name_edit, self.id_edit, self._taken)
        for signal in (self.name_edit.textChanged, self.id_edit.textChanged):
            signal.connect(self.revalidate)
        self.red_lines.changed.connect(self.revalidate)
        self.preferences.changed.connect(self.revalidate)
        self.color_button.clicked.connect(self._choose_color)
        self.clear_color_button.clicked.connect(lambda: self.set_color(None))
        self.setTabOrder(self.name_edit, self.id_edit)
        self.setTabOrder(self.id_edit, self.role_combo)
        self.setTabOrder(self.role_combo, self.color_button)
        self.setTabOrder(self.color_button, self.clear_color_button)
        self.setTabOrder(self.clear_color_button, self.no_deal_spin)
        self.setTabOrder(self.no_deal_spin, self.tabs)
        self.revalidate()
        self.name_edit.setFocus()

    # -- colour

    def set_color(self, color: str | None) -> None:
        self.color = color or None
        if self.color is None:
            self.color_swatch.setStyleSheet(
                "border: 1px dashed palette(mid); border-radius: 4px;")
            self.color_text.setText(self.tr("none (a neutral grey in charts)"))
        else:
            self.color_swatch.setStyleSheet(
                f"background: {self.color}; border: 1px solid palette(dark); border-radius: 4px;")
            self.color_text.setText(self.color)
        self.clear_color_button.setEnabled(self.color is not None)

    def _choose_color(self) -> None:
        picked = self.prompter.pick_color(self.tr("Party colour"), self.color or "#808080")
        if picked is not None:
            self.set_color(picked)

    # -- the form as data

    def fields(self) -> PartyFields:
        return PartyFields(
            id=self.id_edit.text(),
            name=self.name_edit.text(),
            role=str(self.role_combo.currentData()),
            color=self.color,
            red_lines=tuple(self.red_lines.items),
            preferences=tuple(self.preferences.items),
            no_deal=self._no_deal,
        )

    def _no_deal_edited(self, value: int) -> None:
        self._no_deal = None if value < 0 else (1 if value == 100 else value / 100)
        self.revalidate()

    def check(self) -> FormCheck:
        return check_party(self.fields(), self._taken).plus(
            [*self.red_lines.problems(), *self.preferences.problems()])

    def paint(self, check: FormCheck) -> None:
        super().paint(check)
        self._label_tab(0, self.tr("&Red lines"), self.red_lines)
        self._label_tab(1, self.tr("&Preferences"), self.preferences)

    def _label_tab(self, index: int, title: str, editor: RuleListEditor) -> None:
        bad = sum(1 for p in editor.item_problems() if p)
        self.tabs.setTabText(index, rule_tab_title(title, len(editor.items), bad))

    def build(self) -> Party | Refused:
        return build_party(self.fields())

    def result_party(self) -> Party | None:
        return self.result_value()

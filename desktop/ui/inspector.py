"""The clause inspector: proper editors for the selected clause's params, phase and note.

Spin boxes are bounded by the param's min and max, choices are combo boxes, bools check boxes.
Every change goes through the Editor as an undo command (consecutive changes to one field merge
into one undo step).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import BoolParam, ChoiceParam, Clause, IntParam, NumberParam, Provision
from desktop.domain.model import ParamSpec
from desktop.ui.commands import Editor
from desktop.ui.workspace import Change, What, Workspace

INT32_MAX = 2_147_483_647


class NoteEdit(QPlainTextEdit):
    """Commits the note when focus leaves, not on every keystroke."""

    def __init__(self, commit: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commit = commit

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._commit()
        super().focusOutEvent(event)


class ClauseInspector(QWidget):
    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("ClauseInspector")
        self._ws = workspace
        self._editor = editor
        self._row = -1
        self._provision_id: str | None = None
        self._editors: dict[str, QWidget] = {}

        self.heading = QLabel("No clause selected", self)
        self.heading.setObjectName("InspectorHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel("Select a clause in the draft to edit its values.", self)
        self.text.setObjectName("InspectorText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.phase: QSpinBox
        self.note: NoteEdit
        self._build_form(None)

        inner = QWidget(self)
        box = QVBoxLayout(inner)
        box.addWidget(self.heading)
        box.addWidget(self.text)
        box.addWidget(self.form_host)
        box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(scroll)
        self._set_enabled(False)
        workspace.changed.connect(self._on_changed)

    # -- selection

    def show_row(self, row: int) -> None:
        self._row = row
        self._refresh(rebuild=True)

    def _on_changed(self, change: Change) -> None:
        if change.what in (What.RESET, What.DRAFT_SWITCHED, What.LIBRARY, What.CLAUSES):
            self._row = -1 if change.what != What.LIBRARY else self._row
            self._refresh(rebuild=True)
        else:
            self._refresh(rebuild=False)

    def _current(self) -> tuple[Clause, Provision] | None:
        draft = self._ws.draft
        if draft is None or not 0 <= self._row < len(draft.clauses):
            return None
        clause = draft.clauses[self._row]
        prov = self._ws.scenario.provision_index.get(clause.provision)
        return None if prov is None else (clause, prov)

    def _set_enabled(self, on: bool) -> None:
        self.phase.setEnabled(on)
        self.note.setEnabled(on)

    def _refresh(self, rebuild: bool) -> None:
        current = self._current()
        if current is None:
            if self._provision_id is not None or self._editors:
                self._build_form(None)
            self._provision_id = None
            self.heading.setText("No clause selected")
            self.text.setText("Select a clause in the draft to edit its values.")
            self._set_enabled(False)
            return
        clause, prov = current
        if rebuild or prov.id != self._provision_id:
            self._build_form(prov)
        self._provision_id = prov.id
        self.heading.setText(f"{self._row + 1}. {prov.title}")
        self.text.setText(prov.render(clause.values))
        self._set_enabled(True)
        self._load(clause, prov)

    # -- form

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._editors = {}

    def _build_form(self, prov: Provision | None) -> None:
        self._clear_form()
        self.phase = QSpinBox(self.form_host)
        self.phase.setObjectName("PhaseEdit")
        self.phase.setRange(1, 1000)
        self.phase.setAccessibleName("Phase")
        self.phase.valueChanged.connect(self._phase_changed)
        for spec in prov.params if prov else ():
            widget = self._make_editor(spec)
            label = spec.name.replace("_", " ")
            if spec.unit and spec.unit.lower() not in label.lower():
                label += f" ({spec.unit})"
            self.form.addRow(label + ":", widget)
            self._editors[spec.name] = widget
        self.form.addRow("Phase:", self.phase)
        self.note = NoteEdit(self._note_changed, self.form_host)
        self.note.setObjectName("NoteEdit")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("A note on this clause (source, caveats)")
        self.note.setFixedHeight(70)
        self.form.addRow("Note:", self.note)

    def _make_editor(self, spec: ParamSpec) -> QWidget:
        name = spec.name
        if isinstance(spec, IntParam):
            box = QSpinBox(self.form_host)
            box.setRange(spec.min if spec.min is not None else -INT32_MAX,
                         spec.max if spec.max is not None else INT32_MAX)
            box.setGroupSeparatorShown(True)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v, n=name: self._editor.set_value(self._row, n, int(v)))
            widget: QWidget = box
        elif isinstance(spec, NumberParam):
            dbox = QDoubleSpinBox(self.form_host)
            dbox.setDecimals(3)
            dbox.setRange(float(spec.min) if spec.min is not None else -1e12,
                          float(spec.max) if spec.max is not None else 1e12)
            dbox.setGroupSeparatorShown(True)
            dbox.setKeyboardTracking(False)
            dbox.valueChanged.connect(
                lambda v, n=name: self._editor.set_value(self._row, n, _number(v)))
            widget = dbox
        elif isinstance(spec, ChoiceParam):
            combo = QComboBox(self.form_host)
            for choice in spec.choices:
                combo.addItem(choice.replace("-", " "), choice)
            combo.activated.connect(
                lambda i, n=name, c=combo: self._editor.set_value(self._row, n, c.itemData(i)))
            widget = combo
        else:
            assert isinstance(spec, BoolParam)
            check = QCheckBox(self.form_host)
            check.toggled.connect(lambda on, n=name: self._editor.set_value(self._row, n, on))
            widget = check
        widget.setObjectName(f"param-{name}")
        widget.setAccessibleName(name)
        return widget

    def _load(self, clause: Clause, prov: Provision) -> None:
        values = {**prov.defaults(), **clause.values}
        for name, widget in self._editors.items():
            widget.blockSignals(True)
            value = values[name]
            if isinstance(widget, QSpinBox) and isinstance(value, int):
                widget.setValue(value)
            elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
                widget.setValue(float(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            widget.blockSignals(False)
        self.phase.blockSignals(True)
        self.phase.setValue(clause.phase)
        self.phase.blockSignals(False)
        if not self.note.hasFocus():
            self.note.setPlainText(clause.note)

    def _phase_changed(self, value: int) -> None:
        if self._row >= 0:
            self._editor.set_phase(self._row, value)

    def _note_changed(self) -> None:
        current = self._current()
        if current is not None and self.note.toPlainText() != current[0].note:
            self._editor.set_note(self._row, self.note.toPlainText())

    def editor_for(self, param: str) -> QWidget | None:
        return self._editors.get(param)


def _number(value: float) -> int | float:
    """A number param keeps integers as integers (800000, not 800000.0)."""
    return int(value) if float(value).is_integer() else float(value)

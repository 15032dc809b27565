"""The clause inspector: proper editors for the selected clause's params, phase and note.

Spin boxes are bounded by the param's min and max and step by its step (format version 2),
choices are combo boxes, bools check boxes; number params get a :class:`NumberBox`, which never
rounds. Every change goes through the Editor as an undo command (consecutive changes to one
field merge into one undo step).

The inspector follows a clause by identity (its provision id in the current draft), never by
row: rows shift under every insert, removal and move, and a row read at the wrong moment names
a neighbour. It shows what the draft panel announces as selected; every edit it makes finds
the clause's row at that moment.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import (
    ChoiceParam,
    Clause,
    IntParam,
    NumberParam,
    Provision,
    Value,
)
from desktop.domain.model import ParamSpec
from desktop.ui.commands import Editor
from desktop.ui.i18n import InheritedTr
from desktop.ui.startup import after_first_paint
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording import clause_text
from desktop.wording.values import choice_label, param_label, value_text

INT32_MAX = 2_147_483_647
#: Integers beyond this are not exact as floats; typed ones stay floats (1e300 is no int).
EXACT_INT = 2**53
#: What a number may look like while it is being typed ("", "-", "1.", "2e" are on the way).
_PARTIAL_NUMBER = re.compile(r"[+-]?(\d*\.?\d*)([eE][+-]?\d*)?")


def format_number(value: int | float) -> str:
    """The shortest text that reads back as exactly ``value``, without an exponent:
    ``0.12345``, ``1e-05`` as ``0.00001``, ``800000`` (an int) and ``2.0`` (a float)."""
    if isinstance(value, int):
        return str(value)
    return format(Decimal(repr(value)), "f")


def parse_number(text: str) -> int | float | None:
    """The number ``text`` spells, exactly as typed, or None. A whole number stays (or
    becomes) an int (800000, not 800000.0); infinities and NaN are no numbers."""
    text = text.strip()
    if not text or _PARTIAL_NUMBER.fullmatch(text) is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return _number(value)


class NumberBox(QAbstractSpinBox):
    """A spin box for a number param that never rounds.

    QDoubleSpinBox rounds every value to its ``decimals`` (``0.12345`` shows and writes
    ``0.123``). This box keeps the value it is given, shows :func:`format_number` of it and
    commits exactly what was typed (``1.234567`` is written as ``1.234567``). Like the other
    editors it commits on Enter or when focus leaves, not on every keystroke; text it cannot
    read, or a number outside the bounds, goes back to the current value. Arrows and the wheel
    step by ``step`` (the param's step; 1 without one) in decimal arithmetic (``0.12345`` steps
    to ``1.12345``, and by a step of 0.1 to ``0.22345``), within the bounds.
    """

    committed = Signal(object)  # int | float: a new value the user chose

    def __init__(self, minimum: int | float | None, maximum: int | float | None,
                 parent: QWidget | None = None, step: int | float | None = None) -> None:
        super().__init__(parent)
        self._min = minimum
        self._max = maximum
        self._step = Decimal(1)
        self._value: int | float = 0
        self.set_bounds(minimum, maximum, step)
        self.setKeyboardTracking(False)
        self.lineEdit().setText(format_number(self._value))
        self.editingFinished.connect(self._commit_text)

    def set_bounds(self, minimum: int | float | None, maximum: int | float | None,
                   step: int | float | None = None) -> None:
        """Another param's bounds and step; the value shown moves inside them (no edit)."""
        self._min = minimum
        self._max = maximum
        self._step = Decimal(1) if step is None else Decimal(format_number(step))
        if not self._fits(self._value):
            self.set_value(0 if minimum is None or minimum <= 0 else minimum)

    def value(self) -> int | float:
        return self._value

    def minimum(self) -> int | float | None:
        return self._min

    def maximum(self) -> int | float | None:
        return self._max

    def set_value(self, value: int | float) -> None:
        """Show ``value`` exactly; this is not an edit, so nothing is committed."""
        self._value = value
        self.lineEdit().setText(format_number(value))

    def _fits(self, value: int | float) -> bool:
        return ((self._min is None or value >= self._min)
                and (self._max is None or value <= self._max))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if _PARTIAL_NUMBER.fullmatch(text.strip()) is None:
            return QValidator.State.Invalid, text, pos
        value = parse_number(text)
        if value is None or not self._fits(value):
            return QValidator.State.Intermediate, text, pos  # still being typed
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return format_number(self._value)

    def _commit_text(self) -> None:
        text = self.text().strip()
        if text == format_number(self._value):
            return  # Enter or focus-out on an unchanged value: nothing to write
        value = parse_number(text)
        if value is None or not self._fits(value):
            self.set_value(self._value)
            return
        self._choose(value)

    def _choose(self, value: int | float) -> None:
        self.set_value(value)
        self.committed.emit(value)

    def single_step(self) -> Decimal:
        """What one arrow press or wheel notch adds, exactly."""
        return self._step

    def stepBy(self, steps: int) -> None:
        stepped = parse_number(str(Decimal(format_number(self._value)) + steps * self._step))
        if stepped is None:
            return
        if self._max is not None and stepped > self._max:
            stepped = self._max
        if self._min is not None and stepped < self._min:
            stepped = self._min
        if stepped != self._value:
            self._choose(stepped)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.isReadOnly():
            return flags
        if self._max is None or self._value < self._max:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._min is None or self._value > self._min:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


#: The Qt property naming the param an editor edits (it changes when an editor is reused).
PARAM_PROPERTY = "param"


def editor_type(spec: ParamSpec) -> type[QWidget]:
    """The kind of editor ``spec``'s values are edited with."""
    if isinstance(spec, IntParam):
        return QSpinBox
    if isinstance(spec, NumberParam):
        return NumberBox
    if isinstance(spec, ChoiceParam):
        return QComboBox
    return QCheckBox


def param_of(widget: QWidget) -> str:
    """The name of the param ``widget`` (made by :func:`make_value_editor`) edits now."""
    return str(widget.property(PARAM_PROPERTY))


def make_value_editor(spec: ParamSpec, parent: QWidget,
                      on_value: Callable[[str, Value], None]) -> QWidget:
    """The editor of one param's value: a spin box bounded and stepped by the param, a
    :class:`NumberBox`, a combo box of the choices' labels or a check box. ``on_value(name,
    value)`` hears each value the user chooses, named by the param the editor edits when it
    is chosen (:func:`configure_value_editor` may turn it to another param of its kind). The
    inspector's form and the open point's alternatives use the very same editors."""
    kind = editor_type(spec)
    widget: QWidget
    if kind is QSpinBox:
        box = QSpinBox(parent)
        box.setGroupSeparatorShown(True)
        box.setKeyboardTracking(False)
        box.valueChanged.connect(lambda v, w=box: on_value(param_of(w), int(v)))
        widget = box
    elif kind is NumberBox:
        number = NumberBox(None, None, parent)
        number.committed.connect(lambda v, w=number: on_value(param_of(w), v))
        widget = number
    elif kind is QComboBox:
        combo = QComboBox(parent)
        # A long choice ("a three-way arrangement with ...") may not widen the inspector past
        # its panel: the box takes the width it is given, its list shows every word.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.activated.connect(lambda i, w=combo: on_value(param_of(w), w.itemData(i)))
        widget = combo
    else:
        check = QCheckBox(parent)
        check.toggled.connect(lambda on, w=check: on_value(param_of(w), on))
        widget = check
    configure_value_editor(widget, spec)
    return widget


def configure_value_editor(widget: QWidget, spec: ParamSpec) -> bool:
    """Set an editor's bounds, step or choices, and its names, for ``spec``; False (nothing
    done) when ``widget`` is not the kind of editor ``spec`` needs. Nothing is committed: the
    value shown is set after, with :func:`show_value`."""
    if type(widget) is not editor_type(spec):
        return False
    widget.blockSignals(True)
    try:
        if isinstance(spec, IntParam) and isinstance(widget, QSpinBox):
            widget.setRange(spec.min if spec.min is not None else -INT32_MAX,
                            spec.max if spec.max is not None else INT32_MAX)
            # Arrows and the wheel step by the param's step.
            widget.setSingleStep(1 if spec.step is None else min(spec.step, INT32_MAX))
        elif isinstance(spec, NumberParam) and isinstance(widget, NumberBox):
            widget.set_bounds(spec.min, spec.max, spec.step)
        elif isinstance(spec, ChoiceParam) and isinstance(widget, QComboBox):
            widget.clear()
            for choice in spec.choices:
                widget.addItem(choice_label(spec, choice.id), choice.id)
    finally:
        widget.blockSignals(False)
    widget.setObjectName(f"param-{spec.name}")
    widget.setProperty(PARAM_PROPERTY, spec.name)
    widget.setAccessibleName(param_label(spec))
    return True


def editor_label(spec: ParamSpec) -> str:
    """A value editor's label: the param's label, with its unit where the label lacks it."""
    label = param_label(spec)
    if spec.unit and spec.unit.lower() not in label.lower():
        return QCoreApplication.translate("ClauseInspector", "{label} ({unit}):").format(
            label=label, unit=spec.unit)
    return QCoreApplication.translate("ClauseInspector", "{label}:").format(label=label)


def show_value(widget: QWidget, value: Value) -> None:
    """Show ``value`` in an editor made by :func:`make_value_editor`; this is no edit."""
    widget.blockSignals(True)
    if isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, NumberBox) and isinstance(value, int | float):
        widget.set_value(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(widget.findData(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    widget.blockSignals(False)


class NoteEdit(QPlainTextEdit):
    """Commits the note when focus leaves, not on every keystroke, and only when the user
    changed it.

    ``toPlainText()`` turns no-break spaces into spaces and CR LF into LF; compared with the
    stored note, merely visiting the box would rewrite such a note. :meth:`note_text` keeps
    every character, and :meth:`edited` compares with what the box was given.
    """

    def __init__(self, commit: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._shown = ""
        # Tab moves on to the next field, as everywhere else; Ctrl+Tab types a tab character.
        self.setTabChangesFocus(True)

    def show_note(self, note: str) -> None:
        self.setPlainText(note)
        self._shown = self.note_text()

    def note_text(self) -> str:
        """The text as typed: paragraphs end in LF, no other character is changed."""
        return self.document().toRawText().replace("\u2029", "\n")

    def edited(self) -> bool:
        return self.note_text() != self._shown

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Tab and \
                event.modifiers() == Qt.KeyboardModifier.ControlModifier:
            self.insertPlainText("\t")
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._commit()
        super().focusOutEvent(event)


class Asker(Protocol):
    """The questions the open point section asks (real dialogs: desktop.ui.alternatives)."""

    def open_labels(self, title: str) -> tuple[str, str] | None:
        """The names of the two alternatives of a new open point, or None (cancelled)."""
        ...

    def label(self, caption: str, prompt: str, initial: str) -> str | None: ...

    def values(self, caption: str, prov: Provision, values: dict[str, Value]
               ) -> dict[str, Value] | None:
        """Every param's value, edited with the inspector's editors, or None (cancelled)."""
        ...


def alternative_title(clause: Clause, k: int) -> str:
    """An alternative's name as a list shows it: its label, or "Alternative 2"."""
    label = clause.alternatives[k].label.strip()
    if label:
        return label
    return QCoreApplication.translate("OpenPointSection", "Alternative {number}").format(
        number=k + 1)


def bracketed(clause: Clause, prov: Provision) -> list[ParamSpec]:
    """The params some alternative of ``clause`` sets, in the provision's order."""
    names = {name for a in clause.alternatives for name in a.values}
    return [spec for spec in prov.params if spec.name in names]


def alternative_values(clause: Clause, prov: Provision, k: int) -> dict[str, Value]:
    """Every param's value under the ``k``-th alternative."""
    return {**prov.defaults(), **clause.values, **clause.alternatives[k].values}


def alternative_words(clause: Clause, prov: Provision, k: int) -> str:
    """What the ``k``-th alternative says, in words: "Operator: US-led three-way;
    Enerhodar demilitarised: no" (the values in brackets)."""
    values = alternative_values(clause, prov, k)
    specs = bracketed(clause, prov)
    if not specs:
        return QCoreApplication.translate("OpenPointSection", "the clause's values as they stand")
    setting = QCoreApplication.translate("OpenPointSection", "{param}: {value}")
    return QCoreApplication.translate("OpenPointSection", "; ").join(
        setting.format(param=param_label(spec), value=value_text(spec, values[spec.name]))
        for spec in specs)


class OpenPointSection(InheritedTr, QWidget):
    """The selected clause's open point: make it one; its alternatives, each with its values
    in words; add, rename, change the values of, remove an alternative, or close the point on
    one. Every action is one undo step through the Editor, on the clause the inspector shows
    (found by identity at that moment)."""

    def __init__(self, inspector: ClauseInspector) -> None:
        super().__init__(inspector)
        self.setObjectName("OpenPointSection")
        self._inspector = inspector
        self._shown: str | None = None  # the provision whose point is shown
        self.heading = QLabel(self.tr("Open point"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.state = QLabel(self)
        self.state.setObjectName("OpenPointState")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setObjectName("AlternativesList")
        self.list.setAccessibleName(self.tr("Alternatives"))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.action_row = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.list)
        layout.addWidget(self.action_row)
        self.list.currentRowChanged.connect(self._enable)
        self.asker: Asker | None = None  # the real dialogs unless a test gives its own

    def _build_actions(self) -> QWidget:
        """The buttons that act on the alternative chosen in the list (or add one)."""
        self.add_button = QPushButton(self.tr("Add alternative…"), self)
        self.rename_button = QPushButton(self.tr("Rename…"), self)
        self.values_button = QPushButton(self.tr("Edit values…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.close_button = QPushButton(self.tr("Close on this alternative"), self)
        self.close_button.setToolTip(self.tr("Settle the clause on the chosen alternative's "
                                             "values"))
        for name, button in (("AddAlternative", self.add_button),
                             ("RenameAlternative", self.rename_button),
                             ("EditAlternativeValues", self.values_button),
                             ("RemoveAlternative", self.remove_button),
                             ("ClosePoint", self.close_button)):
            button.setObjectName(name)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for button in (self.values_button, self.rename_button, self.add_button):
            top.addWidget(button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.values_button.clicked.connect(self.edit_values)
        self.remove_button.clicked.connect(self.remove)
        self.close_button.clicked.connect(self.close_point)
        row = QWidget(self)
        rows = QVBoxLayout(row)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(3)
        rows.addLayout(top)
        rows.addLayout(bottom)
        return row

    def _ask(self) -> Asker:
        if self.asker is None:
            from desktop.ui.alternatives import QtAsker  # its dialogs import this module

            self.asker = QtAsker(self)
        return self.asker

    # -- showing

    def show_point(self, clause: Clause | None, prov: Provision | None) -> None:
        """Show ``clause``'s open point (None: no clause)."""
        self._shown = clause.provision if clause is not None else None
        # A settled clause shows only the inspector's "Make this an open point…" button.
        self.setVisible(clause is not None and prov is not None and clause.is_open)
        if clause is None or prov is None or not clause.is_open:
            # Hidden: nothing to lay out. Every edit refreshes the inspector, and nearly every
            # clause is settled, so this costs nothing on the re-check after an edit.
            if self.list.count():
                self.list.clear()
                self._enable()
            return
        keep = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        n = len(clause.alternatives)
        self.state.setText(self.tr("Open: %n alternative(s), each checked against every red "
                                   "line. Choose one to change it or close the point on it.",
                                   "", n))
        entry = self.tr("{alternative} — {values}")
        for k in range(n):
            item = QListWidgetItem(entry.format(alternative=alternative_title(clause, k),
                                                values=alternative_words(clause, prov, k)))
            item.setToolTip(clause_text(prov, alternative_values(clause, prov, k)))
            self.list.addItem(item)
        self.list.setCurrentRow(min(max(keep, 0), n - 1))
        self.list.blockSignals(False)
        self._fit_list()
        self._enable()

    def _fit_list(self) -> None:
        """The list as tall as its wrapped items, and the section as tall as it needs at its
        width: the inspector scrolls, nothing is clipped or drawn over."""
        frame = self.list.frameWidth()
        width = max(80, self.width() - 2 * frame - 8)
        metrics = self.list.fontMetrics()
        total = 0
        for i in range(self.list.count()):
            item = self.list.item(i)
            height = metrics.boundingRect(QRect(0, 0, width, 100_000),
                                          Qt.TextFlag.TextWordWrap, item.text()).height() + 6
            item.setSizeHint(QSize(width, height))
            total += height
        self.list.setFixedHeight(total + 2 * frame + 2)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            self.setMinimumHeight(layout.totalHeightForWidth(self.width()))
        else:
            self.setMinimumHeight(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_list()  # wrapped lines take other heights at another width

    def _enable(self) -> None:
        chosen = self.list.currentRow() >= 0
        for button in (self.rename_button, self.values_button, self.remove_button,
                       self.close_button):
            button.setEnabled(chosen)

    def _say(self, text: str) -> None:
        self._inspector.say(text)

    # -- actions, each on the clause the inspector shows, found now

    def _target(self) -> tuple[int, Clause, Provision] | None:
        current = self._inspector.current_clause()
        if current is None or current[1].provision != self._shown:
            return None
        return current

    def _again(self, asked: tuple[int, Clause, Provision]) -> tuple[int, Clause, Provision] | None:
        """The clause asked about, found again after a dialog: None, saying so, when the
        inspector has moved on to another clause meanwhile."""
        target = self._target()
        if target is None or target[1].provision != asked[1].provision:
            self._say(self.tr("Another clause was chosen while the dialog was open: nothing "
                              "was changed."))
            return None
        return target

    def _chosen(self) -> tuple[int, Clause, Provision, int] | None:
        target = self._target()
        k = self.list.currentRow()
        if target is None or not 0 <= k < len(target[1].alternatives):
            return None
        return (*target, k)

    def make_open(self) -> None:
        target = self._inspector.current_clause()
        if target is None or target[1].is_open:
            return
        labels = self._ask().open_labels(target[2].title)
        self._shown = target[1].provision  # the point asked about, hidden while settled
        target = self._again(target)  # found again: the dialog was open a while
        if labels is None or target is None or target[1].is_open:
            return
        editor = self._inspector.editor
        if editor.open_point(target[0], *labels):
            self.list.setCurrentRow(1)  # the copy, to be changed
            self._say(self.tr("Both alternatives start with the clause's values: choose one "
                              "and edit its values."))

    def add(self) -> None:
        target = self._target()
        if target is None:
            return
        label = self._ask().label(self.tr("Add alternative"),
                                  self.tr("Name of the new alternative (it starts with the "
                                          "clause's own values):"), "")
        target = self._again(target)
        if label is None or target is None:
            return
        if self._inspector.editor.add_alternative(target[0], label):
            self.list.setCurrentRow(self.list.count() - 1)

    def rename(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        _, clause, _, k = chosen
        label = self._ask().label(self.tr("Rename alternative"), self.tr("New name:"),
                                  clause.alternatives[k].label)
        again = self._same(chosen)
        if label is not None and again is not None:
            self._inspector.editor.rename_alternative(again, k, label)

    def edit_values(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        _, clause, prov, k = chosen
        caption = self.tr("Values of “{alternative}”: {title}").format(
            alternative=alternative_title(clause, k), title=prov.title)
        values = self._ask().values(caption, prov, alternative_values(clause, prov, k))
        again = self._same(chosen)
        if values is None or again is None:
            return
        shared = {**prov.defaults(), **clause.values}
        old = clause.alternatives[k].values
        keep = {name: value for name, value in values.items()
                if name in old or value != shared.get(name)
                or type(value) is not type(shared.get(name))}
        self._inspector.editor.set_alternative_values(again, k, keep)

    def _same(self, chosen: tuple[int, Clause, Provision, int]) -> int | None:
        """The clause's row now, when the alternative asked about is still where it was
        (nothing changed it while the dialog was open); else None, saying so."""
        target = self._target()
        clause = chosen[1]
        if target is None or target[1].provision != clause.provision \
                or target[1].alternatives != clause.alternatives:
            self._say(self.tr("The open point changed while the dialog was open: nothing was "
                              "changed."))
            return None
        return target[0]

    def remove(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        row, clause, _, k = chosen
        last = alternative_title(clause, 1 - k) if len(clause.alternatives) == 2 else None
        if self._inspector.editor.remove_alternative(row, k) and last is not None:
            self._say(self.tr("Settled on “{alternative}”, the one alternative left: the "
                              "clause is no longer an open point.").format(alternative=last))

    def close_point(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        row, clause, _, k = chosen
        if self._inspector.editor.close_point(row, k):
            self._say(self.tr("Closed on “{alternative}”: the clause now has its values.")
                      .format(alternative=alternative_title(clause, k)))


class ClauseInspector(InheritedTr, QWidget):
    """The values, phase and note of one clause of the current draft, found by provision id."""

    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("ClauseInspector")
        self._ws = workspace
        self._editor = editor
        self._selected: str | None = None  # the clause asked for (a provision id)
        self._provision_id: str | None = None  # the clause shown, whose form is built
        self._note_of: tuple[str, str] | None = None  # (draft, provision) the note text is of
        self._editors: dict[str, QWidget] = {}
        self._params: tuple[ParamSpec, ...] = ()  # the values the editors are built for
        self._loaded: tuple[Clause, Provision] | None = None  # what the editors show

        self.heading = QLabel(self.tr("No clause selected"), self)
        self.heading.setObjectName("InspectorHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel(self.tr("Select a clause in the draft to edit its values."), self)
        self.text.setObjectName("InspectorText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.precedents = QLabel(self)  # "Ceasefire: 1,038 agreements" (PA-X)
        self.precedents.setObjectName("InspectorPrecedents")
        self.precedents.setWordWrap(True)
        self.precedents.setTextFormat(Qt.TextFormat.PlainText)
        self.precedents.hide()
        self.notice = _words(self, "InspectorNotice")  # what an open point action did

        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.setVerticalSpacing(3)  # an ordinary clause's fields fit at 1280×800

        self.phase: QSpinBox
        self.note: NoteEdit
        self.open_button: QPushButton
        self.open_point = OpenPointSection(self)
        self.open_point.hide()
        self._build_form(None)

        inner = QWidget(self)
        box = QVBoxLayout(inner)
        box.setContentsMargins(2, 0, 2, 0)
        box.setSpacing(4)
        box.addWidget(self.heading)
        box.addWidget(self.text)
        box.addWidget(self.precedents)
        box.addWidget(self.notice)
        box.addWidget(self.form_host)
        box.addWidget(self.open_point)
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

    @property
    def provision_id(self) -> str | None:
        """The provision id of the clause shown, or None when none is."""
        return self._provision_id

    def show_clause(self, provision_id: str | None) -> None:
        """Show the clause of ``provision_id`` in the current draft (None: no clause), and
        follow it through every edit until told otherwise."""
        if provision_id != self._selected:
            self._keep_note()
        self._selected = provision_id
        self._refresh(rebuild=False)

    def show_row(self, row: int) -> None:
        """Show the clause at ``row`` now; from then on it is followed by identity."""
        draft = self._ws.draft
        inside = draft is not None and 0 <= row < len(draft.clauses)
        self.show_clause(draft.clauses[row].provision if draft is not None and inside else None)

    def _on_changed(self, change: Change) -> None:
        if change.what == What.RESET:
            self._selected = None  # another document
        # Provisions may have new params: the form is built again for the same clause.
        self._refresh(rebuild=change.what in (What.RESET, What.LIBRARY))

    def _row(self) -> int:
        """The row of the clause shown, looked up now (-1 when it is not in the draft)."""
        draft = self._ws.draft
        if draft is None or self._provision_id is None:
            return -1
        row = draft.index_of(self._provision_id)
        return -1 if row is None else row

    def _current(self) -> tuple[int, Clause, Provision] | None:
        draft = self._ws.draft
        if draft is None or self._selected is None:
            return None
        row = draft.index_of(self._selected)
        if row is None:
            return None
        clause = draft.clauses[row]
        prov = self._ws.scenario.provision_index.get(clause.provision)
        return None if prov is None else (row, clause, prov)

    @property
    def editor(self) -> Editor:
        return self._editor

    def current_clause(self) -> tuple[int, Clause, Provision] | None:
        """The row, clause and provision of the clause shown, looked up now."""
        return self._current()

    def say(self, text: str) -> None:
        """A notice under the clause's text ("Settled on “US formula”, …"), kept until
        another clause is shown."""
        self.notice.setText(text)
        self.notice.show()

    def _set_enabled(self, on: bool) -> None:
        self.phase.setEnabled(on)
        self.note.setEnabled(on)

    def _refresh(self, rebuild: bool) -> None:
        current = self._current()
        key = None if current is None else (self._ws.draft_id or "", current[1].provision)
        if key != self._note_of and self._ws.notifying:
            self._keep_note()  # an edit took the clause away while its note was being typed
        if current is None:
            if self._provision_id is not None or self._editors:
                self._build_form(None)
            self._provision_id = None
            self._note_of = None
            self._loaded = None
            self.heading.setText(self.tr("No clause selected"))
            self.precedents.hide()
            self.text.setText(self.tr("Select a clause in the draft to edit its values."))
            self._set_enabled(False)
            self.notice.hide()
            self.open_button.hide()
            self.open_point.show_point(None, None)
            return
        row, clause, prov = current
        if prov.id != self._provision_id:
            self.notice.hide()
        if rebuild or prov.id != self._provision_id:
            self._build_form(prov)
        self._provision_id = prov.id
        self.heading.setText(self.tr("{number}. {title}").format(number=row + 1, title=prov.title))
        self.text.setText(clause_text(prov, clause.values))
        self._show_precedents()
        self._set_enabled(True)
        fresh = key != self._note_of
        if fresh or self._loaded is None or self._loaded[0] is not clause \
                or self._loaded[1] is not prov:
            # Clauses are immutable: the same clause object shows the same values, phase and
            # note, so an edit elsewhere in the draft leaves the editors as they are.
            self._load(clause, prov, fresh=fresh)
            self._loaded = (clause, prov)
        self._note_of = key
        self.open_button.setVisible(not clause.is_open)
        self.open_point.show_point(clause, prov)

    def _show_precedents(self) -> None:
        """The shown clause's PA-X counts. The index is read on first use but never before
        the window's first paint: until then the line waits for it."""
        from desktop.domain.precedents import index_loaded  # not on the way to the first paint
        from desktop.wording.precedents import credit_short, precedent_lines

        current = self._current()
        if current is None or not current[2].pax:
            self.precedents.hide()
            return
        self.precedents.setToolTip(credit_short())
        self.precedents.show()
        if not index_loaded() and not self.window().isVisible():
            self.precedents.setText(self.tr("Precedents: …"))
            after_first_paint(self.precedents, self._show_precedents)
            return
        self.precedents.setText(self.tr("Precedents (PA-X): {counts}").format(
            counts=self.tr("; ").join(precedent_lines(current[2].pax))))

    # -- form

    def _build_form(self, prov: Provision | None) -> None:
        """One row per value of ``prov`` above the phase and note rows (made once). Another
        clause whose provision has the same values keeps its editors, and a row whose editor
        is of the kind the new value needs is set up again rather than made anew: showing
        another clause after an edit of a long draft makes no widget it does not need."""
        if not hasattr(self, "note"):
            self._build_fixed_rows()
        params = tuple(prov.params) if prov is not None else ()
        if params == self._params and len(self._editors) == len(params):
            return
        self._params = params
        self._loaded = None
        rows = list(self._editors.values())  # in the form's order
        self._editors = {}
        made = False
        for at, spec in enumerate(params):
            widget = rows[at] if at < len(rows) else None
            if widget is not None and configure_value_editor(widget, spec):
                label = self.form.labelForField(widget)
                if isinstance(label, QLabel):
                    label.setText(editor_label(spec))
            else:
                if widget is not None:
                    self.form.removeRow(widget)
                widget = make_value_editor(spec, self.form_host, self._set_value)
                self.form.insertRow(at, editor_label(spec), widget)
                made = True
            self._editors[spec.name] = widget
        for widget in rows[len(params):]:
            self.form.removeRow(widget)
        if made:
            self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab goes down the inspector as it reads: the values, the phase, the open-point
        button, the note, then the open point's list and buttons. New editors join the end of
        the window's focus chain, so the whole run is put back after the widget Tab reached
        before the inspector."""
        run: list[QWidget] = [*self._editors.values(), self.phase, self.open_button, self.note]
        widget = self.open_point.nextInFocusChain()
        while widget is not None and self.open_point.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
                run.append(widget)
            widget = widget.nextInFocusChain()
        before = self.previousInFocusChain()
        while before is not None and before is not self and (
                self.isAncestorOf(before) or not before.focusPolicy() & Qt.FocusPolicy.TabFocus):
            before = before.previousInFocusChain()
        anchor = [before] if before is not None and before is not self else []
        for first, second in zip([*anchor, *run], run[len(anchor) == 0:], strict=False):
            QWidget.setTabOrder(first, second)

    def _build_fixed_rows(self) -> None:
        self.phase = QSpinBox(self.form_host)
        self.phase.setObjectName("PhaseEdit")
        self.phase.setRange(1, 1000)
        self.phase.setAccessibleName(self.tr("Phase"))
        self.phase.valueChanged.connect(self._phase_changed)
        # Beside the phase, the button that makes the clause an open point: no extra line.
        phase_row = QWidget(self.form_host)
        row = QHBoxLayout(phase_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.phase, 1)
        self.open_button = QPushButton(self.tr("Make this an open point…"), phase_row)
        self.open_button.setObjectName("OpenPointButton")
        self.open_button.setToolTip(self.tr("Bracket this clause: keep two or more value sets "
                                            "on the table, each checked against every red line"))
        self.open_button.clicked.connect(self.open_point.make_open)
        self.open_button.hide()
        # No taller than the spin box: the row, and the inspector, stay as they were.
        self.open_button.setMaximumHeight(self.phase.sizeHint().height())
        row.addWidget(self.open_button)
        self.form.addRow(self.tr("Phase:"), phase_row)
        self.note = NoteEdit(self._note_changed, self.form_host)
        self.note.setObjectName("NoteEdit")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("A note on this clause (source, caveats)"))
        self.note.setFixedHeight(54)  # three lines: the inspector fits without scrolling
        self.form.addRow(self.tr("Note:"), self.note)

    def _load(self, clause: Clause, prov: Provision, fresh: bool) -> None:
        """Show ``clause``; ``fresh`` when it is another clause than the one shown so far
        (a note being typed is then replaced, else it is kept while it has the focus)."""
        values = {**prov.defaults(), **clause.values}
        bracketed = {name for a in clause.alternatives for name in a.values}
        for name, widget in self._editors.items():
            show_value(widget, values[name])
            # A value each alternative sets is edited there (below), not here. (Asked first:
            # setting it re-lays out the form even when nothing changes.)
            visible = name not in bracketed
            if self.form.isRowVisible(widget) != visible:
                self.form.setRowVisible(widget, visible)
        self.phase.blockSignals(True)
        self.phase.setValue(clause.phase)
        self.phase.blockSignals(False)
        if fresh or not self.note.hasFocus():
            self.note.show_note(clause.note)

    # -- edits, each on the clause shown, wherever it is now

    def _set_value(self, param: str, value: Value) -> None:
        row = self._row()
        if row >= 0:
            self._editor.set_value(row, param, value)

    def _phase_changed(self, value: int) -> None:
        row = self._row()
        if row >= 0:
            self._editor.set_phase(row, value)

    def _note_changed(self) -> None:
        """The note box lost the focus: its text goes to the clause it was typed for."""
        if self._note_of is not None and self.note.edited():
            self._write_note(self._note_of, self.note.note_text())

    def _keep_note(self) -> None:
        """Another clause is about to be shown: a note typed for the old one is still saved on
        the old one. Inside a change notification it is saved just after it (an edit pushed
        from inside another edit would corrupt the undo stack)."""
        if self._note_of is None or not self.note.hasFocus() or not self.note.edited():
            return
        key, text = self._note_of, self.note.note_text()
        if self._ws.notifying:
            QTimer.singleShot(0, self, partial(self._write_note, key, text))
        else:
            self._write_note(key, text)

    def _write_note(self, key: tuple[str, str], text: str) -> None:
        draft_id, provision_id = key
        draft = self._ws.draft
        if draft is None or draft.id != draft_id:
            return  # the user has gone to another draft; its clauses are not edited from here
        row = draft.index_of(provision_id)
        if row is not None and draft.clauses[row].note != text:
            self._editor.set_note(row, text)

    def editor_for(self, param: str) -> QWidget | None:
        return self._editors.get(param)


def _words(parent: QWidget, name: str) -> QLabel:
    """A hidden label of plain words that wraps."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _number(value: float) -> int | float:
    """A number param keeps integers as integers (800000, not 800000.0)."""
    return int(value) if float(value).is_integer() and abs(value) <= EXACT_INT else float(value)

"""Small Qt pieces the editors share: plain-text labels and tooltips, the red frame and status
lines (painting a :class:`~desktop.ui.editors.forms.FieldNote`), text boxes and check lists."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.editors.forms import FieldNote, State
from desktop.wording import palette

ERROR_COLOR = palette.ERROR
STYLE = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 2px solid {ERROR_COLOR}; border-radius: 3px; padding: 1px;
}}
QLabel[state="error"] {{ color: {ERROR_COLOR}; }}
QLabel[state="note"], QLabel[state="ok"] {{ color: palette(placeholder-text); }}
"""


def plain_label(text: str = "", parent: QWidget | None = None, *, name: str = "",
                wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


def with_status(field: QWidget, status: QLabel, parent: QWidget, *, beside: bool = False
                ) -> QWidget:
    """A field and its status line in one form cell (below it, or ``beside`` it), which hands
    focus to the field (so the form's mnemonic reaches it)."""
    cell = QWidget(parent)
    box: QBoxLayout = QHBoxLayout(cell) if beside else QVBoxLayout(cell)
    box.setContentsMargins(0, 0, 0, 0)
    if beside:
        box.addWidget(field, 1)
        box.addWidget(status, 2)
    else:
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(status)
    cell.setFocusProxy(field)
    return cell


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (Qt guesses rich text in tooltips)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field invalid (a red frame through the dialog's style sheet)."""
    if widget.property("invalid") != invalid:
        widget.setProperty("invalid", invalid)
        _repolish(widget)


def set_state(label: QLabel, state: State, text: str) -> None:
    """Show ``text`` in a status line; ``state`` is "error", "note" or "ok"."""
    label.setText(text)
    if label.property("state") != state:
        label.setProperty("state", state)
        _repolish(label)


def paint_note(field: QWidget, status: QLabel | None, note: FieldNote) -> None:
    """Show what a check says about one field: its frame and its status line."""
    set_invalid(field, note.invalid)
    if status is not None:
        set_state(status, note.state, note.text)
        if status.isHidden() == note.shown:
            status.setVisible(note.shown)


def text_edit(parent: QWidget, lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A plain-text box ``lines`` high in which Tab moves on."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 14)
    return edit


def check_list(parent: QWidget, name: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName(name)
    widget.setUniformItemSizes(True)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return widget


def add_check_item(widget: QListWidget, text: str, key: str, checked: bool,
                   enabled: bool = True, tooltip: str = "") -> QListWidgetItem:
    item = QListWidgetItem(text, widget)
    item.setData(Qt.ItemDataRole.UserRole, key)
    flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
    if enabled:
        flags |= Qt.ItemFlag.ItemIsEnabled
    item.setFlags(flags)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def checked_keys(widget: QListWidget) -> list[str]:
    out: list[str] = []
    for i in range(widget.count()):
        item = widget.item(i)
        if (item.checkState() == Qt.CheckState.Checked
                and item.flags() & Qt.ItemFlag.ItemIsEnabled):
            out.append(str(item.data(Qt.ItemDataRole.UserRole)))
    return out


def set_checked(widget: QListWidget, key: str, checked: bool) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == key:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            return
    raise KeyError(key)

"""Editors for the library, the parties and the scenario details.

* :class:`RuleEdit`: a rule field that parses and type-checks as the user types, and says where
  the error is ("Column 12: unknown provision 'army-capp'") in words, not only in red.
* :class:`ProvisionDialog`, :class:`PartyDialog`, :class:`ScenarioInfoDialog`: forms that build
  domain objects through pydantic. Fields that can be checked on their own (ids, rules, titles)
  are checked live and keep the OK button disabled, with the reason shown; everything else is
  checked on OK, and the dialog stays open showing what is wrong.
* :class:`LibraryEditing`: the Library menu. Every change goes through the :class:`Editor` (one
  undo step each); a refusal from the domain is shown to the user, inside the dialog when a
  dialog is open.

All user text is shown as plain text: a title like ``<img src=...>`` is displayed literally.
Dialogs are opened with ``open()`` (window-modal, non-blocking), and the choosers and message
boxes are small overridable methods, so tests drive every path without a modal loop.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFontDatabase, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Party, Preference, Provision, RedLine, Scenario
from desktop.domain.edit import rules_mentioning, unique_id
from desktop.domain.interchange import describe_validation_error
from desktop.domain.model import (
    ID_PATTERN,
    KINDS,
    MAX_TITLE,
    PARAM_PATTERN,
    RESERVED_WORDS,
    ROLES,
    ParamSpec,
)
from desktop.domain.rules import RuleError, check_rule
from desktop.ui.commands import Editor
from desktop.ui.workspace import Workspace

#: A commit hook: applies the built object (through the Editor) and returns the refusal message,
#: or None when the change was made. A dialog with a hook stays open on refusal.
Commit = Callable[[Any], str | None]

ID_HELP = (
    "An id is how rules and files refer to this item. It is letters, digits and _ in words "
    "joined by single dashes, starting with a letter: for example army-cap or ua_red-1."
)
RULE_HELP = (
    "A rule in the red-line language:\n"
    "  X                          provision X is in the draft\n"
    "  X.param >= 5               compare a param (==, !=, <, <=, >, >=)\n"
    '  X.param in ["a", "b"]      one of several values\n'
    "  X.phase <= Y.phase         compare phases\n"
    "  at_least(1, X, Y)          count provisions (also at_most)\n"
    "Combine with not, and, or, -> (if … then) and parentheses.\n"
    "Example: army-cap -> army-cap.personnel >= 800000"
)
KIND_LABELS = {
    "concession": "Concession",
    "guarantee": "Guarantee",
    "incentive": "Incentive",
    "mechanism": "Mechanism",
    "commitment": "Commitment",
}
ROLE_LABELS = {
    "party": "Party to the conflict",
    "mediator": "Mediator",
    "guarantor": "Guarantor",
    "observer": "Observer",
}
PARAM_TYPES = ("int", "number", "choice", "bool")
PARAM_TYPE_LABELS = {"int": "Integer", "number": "Number", "choice": "Choice", "bool": "Yes / no"}

ERROR_COLOR = "#c62828"
STYLE = f"""
QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"], QComboBox[invalid="true"] {{
    border: 2px solid {ERROR_COLOR}; border-radius: 3px; padding: 1px;
}}
QLabel[state="error"] {{ color: {ERROR_COLOR}; }}
QLabel[state="note"], QLabel[state="ok"] {{ color: palette(placeholder-text); }}
"""

_ID_RE = re.compile(ID_PATTERN)
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_INT = re.compile(r"[+-]?\d+")
_PARAM_RE = re.compile(PARAM_PATTERN)
_PARAM_LOC = re.compile(r"^params\[(\d+)\](?:\.(\w+))?: ")


def readable(message: str) -> str:
    """pydantic's ``params[0].default: ...`` as ``param 1, default: ...``."""

    def one(line: str) -> str:
        match = _PARAM_LOC.match(line)
        if match is None:
            return line
        rest = line[match.end():]
        if rest.startswith("param '"):  # the message already names the param
            return rest
        field = f", {match.group(2)}" if match.group(2) else ""
        return f"param {int(match.group(1)) + 1}{field}: {rest}"

    return "\n".join(one(line) for line in message.splitlines())


# --------------------------------------------------------------------------- small helpers


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


def set_state(label: QLabel, state: str, text: str) -> None:
    """Show ``text`` in a status line; ``state`` is "error", "note" or "ok"."""
    label.setText(text)
    if label.property("state") != state:
        label.setProperty("state", state)
        _repolish(label)


def id_problem(text: str, taken: Collection[str], what: str, *, keyword_free: bool = False
               ) -> str | None:
    """Why ``text`` cannot be the id of a ``what``, or None."""
    if not text:
        return f"Give the {what} an id."
    if len(text) > 200:
        return "An id is at most 200 characters long."
    if not _ID_RE.fullmatch(text):
        if text[0].isdigit() or text[0] in "-_":
            return "An id starts with a letter."
        if "--" in text or text.endswith("-"):
            return "Dashes join words: no double dash and no dash at the end."
        return "An id is letters, digits and _ in words joined by single dashes (e.g. army-cap)."
    if keyword_free and text in RESERVED_WORDS:
        return f"'{text}' is a word of the rule language and cannot be an id."
    if text in taken:
        return f"Another {what} already has the id '{text}'."
    return None


def _utf16_offset(text: str, position: int) -> int:
    """A Python string index as a Qt (UTF-16) text position."""
    return len(text[:position].encode("utf-16-le")) // 2


def _ungroup(text: str) -> str:
    t = text.strip().replace("_", "").replace(" ", "")
    if _GROUPED.fullmatch(t):
        t = t.replace(",", "")
    return t


def parse_int(text: str) -> int | None:
    t = _ungroup(text)
    if not _INT.fullmatch(t):
        return None
    try:
        return int(t)
    except ValueError:  # more digits than Python converts
        return None


def parse_number(text: str) -> int | float | None:
    t = _ungroup(text)
    as_int = parse_int(t)
    if as_int is not None:
        return as_int
    try:
        value = float(t)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_bool(text: str) -> bool | None:
    t = text.strip().lower()
    if t in ("true", "yes", "on", "1"):
        return True
    if t in ("false", "no", "off", "0"):
        return False
    return None


def _plain_number(value: float) -> int | float:
    """3.0 from a spin box stays 3 in the file."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _text_edit(parent: QWidget, lines: int, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    line = edit.fontMetrics().lineSpacing()
    edit.setMinimumHeight(line * lines + 14)
    return edit


# --------------------------------------------------------------------------- RuleEdit


class ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class _RuleText(QPlainTextEdit):
    """Three lines of monospaced text; Tab moves on rather than inserting a tab."""

    LINES = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        margins = self.contentsMargins()
        doc_margin = int(self.document().documentMargin())
        height = (self.fontMetrics().lineSpacing() * self.LINES + 2 * doc_margin
                  + margins.top() + margins.bottom() + 4)
        self.setFixedHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(360, self.height())


class RuleEdit(QWidget):
    """A rule field with a live error line under it.

    The rule is parsed and type-checked against the provisions given with
    :meth:`set_provisions` on every keystroke. An invalid rule gets a red frame, a wavy underline
    at the error and an error line such as ``Column 12: unknown provision 'army-capp'``; clicking
    the error line puts the cursor at the error. Nothing moves while typing: the error line is
    always there ("✓ Valid rule" when all is well) and reserves two lines.
    """

    validity_changed = Signal(bool)
    text_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None,
                 provisions: Mapping[str, Provision] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RuleEdit")
        self._provisions: Mapping[str, Provision] = provisions or {}
        self._error: RuleError | None = None
        self._valid = False

        self.edit = _RuleText(self)
        self.edit.setObjectName("RuleText")
        self.edit.setPlaceholderText("e.g. army-cap -> army-cap.personnel >= 800000")
        self.edit.setToolTip(RULE_HELP)
        self.edit.setAccessibleName("Rule")
        self.error_label = ClickableLabel(self)
        self.error_label.setObjectName("RuleError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setMinimumHeight(self.error_label.fontMetrics().lineSpacing() * 2)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.edit)
        self.setStyleSheet(STYLE)

        self.edit.textChanged.connect(self._revalidate)
        self.error_label.clicked.connect(self.place_cursor_at_error)
        self._revalidate()

    # -- API

    def set_provisions(self, provisions: Mapping[str, Provision]) -> None:
        self._provisions = provisions
        self._revalidate()

    def text(self) -> str:
        return self.edit.toPlainText()

    def setText(self, text: str) -> None:
        if text != self.text():
            self.edit.setPlainText(text)

    def is_valid(self) -> bool:
        return self._error is None

    def error(self) -> RuleError | None:
        return self._error

    def error_text(self) -> str:
        """``Column N: message`` for an invalid rule, "" for a valid one."""
        err = self._error
        return "" if err is None else f"Column {err.column}: {err.message}"

    def place_cursor_at_error(self) -> None:
        if self._error is None:
            return
        position = min(self._error.position, len(self.text()))
        cursor = self.edit.textCursor()
        cursor.setPosition(_utf16_offset(self.text(), position))
        self.edit.setTextCursor(cursor)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- internals

    def _revalidate(self) -> None:
        text = self.text()
        err = check_rule(text, self._provisions)
        self._error = err
        if err is None:
            set_state(self.error_label, "ok", "✓ Valid rule")
            self.error_label.setToolTip("")
            self.error_label.setCursor(Qt.CursorShape.ArrowCursor)
        else:
            set_state(self.error_label, "error", self.error_text())
            self.error_label.setToolTip("Click to put the cursor at the error")
            self.error_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.edit.setAccessibleDescription(self.error_label.text())
        set_invalid(self.edit, err is not None)
        self._underline(text, err)
        self.text_changed.emit(text)
        valid = err is None
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _underline(self, text: str, err: RuleError | None) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if err is not None and err.position < len(text):
            end = err.position + 1
            while end < len(text) and not text[end].isspace() and not text[end - 1].isspace():
                end += 1
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(ERROR_COLOR))
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(_utf16_offset(text, err.position))
            cursor.setPosition(_utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.edit.setExtraSelections(selections)


# --------------------------------------------------------------------------- dialog base


class EditDialog(QDialog):
    """Heading, body, a live problems line (why OK is disabled) and an error line (why the
    last OK did not go through), then the buttons."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str,
                 commit: Commit | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(STYLE)
        self._commit = commit
        self.heading = plain_label("", self, name="DialogHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)

        self.problems_label = plain_label("", self, name="DialogProblems")
        self.error_label = plain_label("", self, name="DialogError")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_state(self.error_label, "error", "")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)

        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)

    def finish_layout(self) -> None:
        """Called by subclasses after adding their body."""
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(line)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems_label, 1)
        bottom.addWidget(self.buttons, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_.addLayout(bottom)

    def set_problems(self, problems: Sequence[str]) -> None:
        """Problems found live: OK is disabled while there are any, and the first is shown."""
        self.ok_button.setEnabled(not problems)
        if not problems:
            set_state(self.problems_label, "ok", "")
            self.ok_button.setToolTip("")
            return
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        text = f"Cannot save yet: {problems[0]}{more}"
        set_state(self.problems_label, "error", text)
        self.ok_button.setToolTip(plain_tooltip("\n".join(problems)))

    def problems(self) -> list[str]:
        return []

    def show_error(self, text: str) -> None:
        self.error_label.setText(f"Not saved: {text}" if text else "")
        self.error_label.setVisible(bool(text))

    def commit_or_show(self, built: object) -> bool:
        """Apply ``built`` through the commit hook; on refusal show why and stay open."""
        if self._commit is not None:
            refusal = self._commit(built)
            if refusal:
                self.show_error(refusal)
                return False
        self.show_error("")
        return True

    def try_accept(self) -> None:
        raise NotImplementedError


# --------------------------------------------------------------------------- provisions


def _check_list(parent: QWidget, name: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName(name)
    widget.setUniformItemSizes(True)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return widget


def _add_check_item(widget: QListWidget, text: str, key: str, checked: bool,
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


class ProvisionDialog(EditDialog):
    """Edit a provision (``provision`` given) or create one (``provision=None``)."""

    COL_NAME, COL_TYPE, COL_DEFAULT, COL_MIN, COL_MAX, COL_CHOICES, COL_UNIT = range(7)

    def __init__(self, scenario: Scenario, provision: Provision | None = None,
                 parent: QWidget | None = None, commit: Commit | None = None) -> None:
        editing = provision is not None
        super().__init__(parent, "Edit provision" if editing else "New provision",
                         "Save changes" if editing else "Add provision", commit)
        self.setObjectName("ProvisionDialog")
        self._scenario = scenario
        self._original = provision
        self._taken = {p.id for p in scenario.provisions
                       if provision is None or p.id != provision.id}
        self._id_touched = editing
        self._result: Provision | None = None
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

        if provision is not None:
            self._load(provision)
        else:
            self.kind_combo.setCurrentIndex(0)
        for signal in (self.id_edit.textChanged, self.title_edit.textChanged,
                       self.category_combo.editTextChanged, self.text_edit.textChanged):
            signal.connect(self._revalidate)
        self.title_edit.textChanged.connect(self._suggest_id)
        self.id_edit.textEdited.connect(self._id_edited)
        self._revalidate()
        self.title_edit.setFocus()

    # -- construction

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
        id_box = QWidget(page)
        box = QVBoxLayout(id_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.id_edit)
        box.addWidget(self.id_status)
        id_box.setFocusProxy(self.id_edit)

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
        cat_box = QWidget(page)
        box = QVBoxLayout(cat_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.category_combo)
        box.addWidget(self.category_status)
        cat_box.setFocusProxy(self.category_combo)

        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("ProvisionKind")
        for kind in KINDS:
            self.kind_combo.addItem(KIND_LABELS[kind], kind)

        parties = QWidget(page)
        grid = QHBoxLayout(parties)
        grid.setContentsMargins(0, 0, 0, 0)
        self.by_list = _check_list(parties, "ProvisionBy")
        self.to_list = _check_list(parties, "ProvisionTo")
        for party in self._scenario.parties:
            _add_check_item(self.by_list, party.name, party.id, False, tooltip=party.id)
            _add_check_item(self.to_list, party.name, party.id, False, tooltip=party.id)
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
        self.text_edit = _text_edit(page, 4, "e.g. Ukraine's armed forces will not exceed "
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
        self.excludes_list = _check_list(page, "ProvisionExcludes")
        self.excludes_list.setAccessibleName("Excludes")
        own = self._original.id if self._original else None
        others = sorted((p for p in self._scenario.provisions if p.id != own),
                        key=lambda p: p.title.casefold())
        own_excludes = self._original.excludes if self._original else ()
        for p in others:
            set_there = own is not None and own in p.excludes and p.id not in own_excludes
            if set_there:
                _add_check_item(self.excludes_list, f"{p.title} ({p.id}) — set on that provision",
                                p.id, True, enabled=False,
                                tooltip=f"'{p.id}' excludes this provision; edit it there.")
            else:
                _add_check_item(self.excludes_list, f"{p.title} ({p.id})", p.id, False,
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

    def _collect_params(self) -> tuple[list[dict[str, Any]], list[str]]:
        params: list[dict[str, Any]] = []
        errors: list[str] = []
        table = self.params_table
        for row in range(table.rowCount()):

            def text(col: int, r: int = row) -> str:
                return self.param_item(r, col).text().strip()

            name = text(self.COL_NAME)
            kind = self.param_type(row)
            where = f"param {row + 1}" + (f" ({name})" if name else "")
            data: dict[str, Any] = {"name": name, "type": kind}
            if not name:
                errors.append(f"{where}: give it a name.")
            elif not _PARAM_RE.fullmatch(name):
                errors.append(f"{where}: a name is letters, digits and _, and does not start "
                              "with a digit.")
            default_text = text(self.COL_DEFAULT)
            if kind in ("int", "number"):
                parse = parse_int if kind == "int" else parse_number
                what = "a whole number" if kind == "int" else "a number"
                value = parse(default_text)
                if value is None:
                    errors.append(f"{where}: the default must be {what}, not “{default_text}”.")
                data["default"] = value
                for col, key in ((self.COL_MIN, "min"), (self.COL_MAX, "max")):
                    bound_text = text(col)
                    if bound_text:
                        bound = parse(bound_text)
                        if bound is None:
                            errors.append(f"{where}: {key} must be {what} or left empty, "
                                          f"not “{bound_text}”.")
                        data[key] = bound
            elif kind == "bool":
                flag = parse_bool(default_text)
                if flag is None:
                    errors.append(f"{where}: the default must be true or false, "
                                  f"not “{default_text}”.")
                data["default"] = flag
            else:
                data["choices"] = [c.strip() for c in text(self.COL_CHOICES).split(",")
                                   if c.strip()]
                if not data["choices"]:
                    errors.append(f"{where}: list its choices, separated by commas.")
                data["default"] = default_text
            unit = text(self.COL_UNIT)
            if unit:
                data["unit"] = unit
            params.append(data)
        return params, errors

    # -- validation

    def _id_edited(self) -> None:
        self._id_touched = True

    def _suggest_id(self, title: str) -> None:
        if not self._id_touched:
            self.id_edit.setText(unique_id(title, self._taken) if title.strip() else "")

    def problems(self) -> list[str]:
        out: list[str] = []
        if not self.title_edit.text().strip():
            out.append("Give the provision a title.")
        pid = self.id_edit.text()
        id_err = id_problem(pid, self._taken, "provision", keyword_free=True)
        set_invalid(self.id_edit, id_err is not None and bool(pid))  # blank is not yet wrong
        if id_err is not None:
            out.append(id_err)
            if pid:
                set_state(self.id_status, "error", id_err)
            else:
                set_state(self.id_status, "note", "Filled in from the title; you can change it.")
        elif self._original is not None and pid != self._original.id and (
                users := rules_mentioning(self._scenario, self._original.id)):
            set_state(self.id_status, "note",
                      f"⚠ Rules name '{self._original.id}' ({', '.join(users)}): renaming "
                      "is refused until those rules are changed.")
        else:
            set_state(self.id_status, "note", "Rules name the provision by this id.")
        category = self.category_combo.currentText()
        cat_err = None
        if not category:
            out.append("Pick or type a category.")
        elif not _ID_RE.fullmatch(category):
            suggestion = unique_id(category, ())
            cat_err = f"A category is id-shaped: try “{suggestion}”."
            out.append(cat_err)
        set_invalid(self.category_combo, cat_err is not None)
        set_state(self.category_status, "error" if cat_err else "ok", cat_err or "")
        self.category_status.setVisible(cat_err is not None)
        if not self.text_edit.toPlainText().strip():
            out.append("Write the clause text (on the Text and params tab).")
        return out

    def _revalidate(self) -> None:
        self.set_problems(self.problems())

    # -- result

    def build(self) -> Provision | None:
        """The provision the form describes, or None with the reasons shown."""
        params, errors = self._collect_params()
        if errors:
            self.show_error("\n".join(errors))
            self.tabs.setCurrentIndex(1)
            return None
        data: dict[str, Any] = {
            "id": self.id_edit.text(),
            "title": self.title_edit.text(),
            "category": self.category_combo.currentText(),
            "kind": self.kind_combo.currentData(),
            "by": checked_keys(self.by_list),
            "to": checked_keys(self.to_list),
            "text": self.text_edit.toPlainText(),
            "params": params,
            "excludes": checked_keys(self.excludes_list),
            "source": self.source_edit.text(),
        }
        try:
            return Provision.model_validate(data)
        except ValidationError as err:
            message = readable(describe_validation_error(err))
            self.show_error(message)
            if "param" in message or message.startswith("text"):
                self.tabs.setCurrentIndex(1)
            return None

    def try_accept(self) -> None:
        if self.problems():
            return
        provision = self.build()
        if provision is None:
            return
        if self._original is not None and provision == self._original:
            self._result = provision  # nothing changed: no undo step
            self.accept()
            return
        if self.commit_or_show(provision):
            self._result = provision
            self.accept()

    def result_provision(self) -> Provision | None:
        return self._result


# --------------------------------------------------------------------------- parties


@dataclass
class RuleItem:
    """A red line or preference being edited (mutable until the dialog builds the Party)."""

    id: str = ""
    title: str = ""
    rule: str = ""
    rationale: str = ""
    source: str = ""
    weight: float = 1.0
    auto_id: bool = True  # the id follows the title until the user edits it

    @classmethod
    def of(cls, item: RedLine | Preference) -> RuleItem:
        weight = float(item.weight) if isinstance(item, Preference) else 1.0
        return cls(item.id, item.title, item.rule, item.rationale, item.source, weight, False)

    def as_dict(self, weighted: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title, "rule": self.rule,
                                "rationale": self.rationale, "source": self.source}
        if weighted:
            data["weight"] = _plain_number(self.weight)
        return data


class RuleListEditor(QWidget):
    """A list of red lines (or preferences) on the left and a form for the current one."""

    changed = Signal()

    def __init__(self, noun: str, weighted: bool, provisions: Mapping[str, Provision],
                 taken_elsewhere: Collection[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun  # "red line" or "preference"
        self.weighted = weighted
        self._taken = frozenset(taken_elsewhere)
        self._provisions = provisions
        self.items: list[RuleItem] = []
        self._checked: dict[str, RuleError | None] = {}
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("RuleList")
        self.list.setAccessibleName(f"{noun.capitalize()}s")
        self.list.setSpacing(1)
        self.add_button = QPushButton("Add", self)
        self.add_button.setObjectName("AddRule")
        self.add_button.setToolTip(f"Add a {noun}")
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName("RemoveRule")
        self.remove_button.setToolTip(f"Remove the selected {noun}")
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
        self.id_edit = QLineEdit(self.form_host)
        self.id_edit.setObjectName("RuleId")
        self.id_edit.setToolTip(ID_HELP + f" Every {noun} id is unique in the scenario.")
        self.id_status = plain_label("", self.form_host, name="RuleIdStatus")
        id_box = QWidget(self.form_host)
        box = QVBoxLayout(id_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.id_edit)
        box.addWidget(self.id_status)
        id_box.setFocusProxy(self.id_edit)
        self.rule_edit = RuleEdit(self.form_host, provisions)
        self.weight_spin = QDoubleSpinBox(self.form_host)
        self.weight_spin.setObjectName("RuleWeight")
        self.weight_spin.setDecimals(3)
        self.weight_spin.setRange(0.001, 1_000_000)
        self.weight_spin.setValue(1)
        self.weight_spin.setToolTip("How much meeting this preference counts, relative to the "
                                    "party's other preferences (greater than 0).")
        self.rationale_edit = _text_edit(self.form_host, 2, "why the party holds it; where the "
                                         "uncertainty lies")
        self.rationale_edit.setObjectName("RuleRationale")
        self.source_edit = QLineEdit(self.form_host)
        self.source_edit.setObjectName("RuleSource")
        self.source_edit.setMaxLength(MAX_TITLE)
        self.source_edit.setPlaceholderText("source keys, e.g. S27, S40")
        form.addRow("&Title:", self.title_edit)
        form.addRow("I&d:", id_box)
        form.addRow("R&ule:", self.rule_edit)
        if weighted:
            form.addRow("&Weight:", self.weight_spin)
        else:
            self.weight_spin.hide()
        form.addRow("Rati&onale:", self.rationale_edit)
        form.addRow("Sour&ce:", self.source_edit)

        self.empty_label = plain_label(f"No {noun}s yet. Press Add to write one.", self)
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
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([190, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.setTabOrder(self.list, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.title_edit)
        self.setTabOrder(self.title_edit, self.id_edit)
        self.setTabOrder(self.id_edit, self.rule_edit.edit)
        after_rule: QWidget = self.weight_spin if weighted else self.rationale_edit
        self.setTabOrder(self.rule_edit.edit, after_rule)
        if weighted:
            self.setTabOrder(self.weight_spin, self.rationale_edit)
        self.setTabOrder(self.rationale_edit, self.source_edit)

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
        out: list[list[str]] = []
        for item in self.items:
            problems: list[str] = []
            if not item.title.strip():
                problems.append("Give it a title.")
            id_err = id_problem(item.id, self._taken_for(item), self.noun)
            if id_err:
                problems.append(id_err)
            err = self._check(item.rule)
            if err is not None:
                problems.append(f"rule: Column {err.column}: {err.message}")
            out.append(problems)
        return out

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
        out: list[str] = []
        for n, problems in enumerate(self.item_problems()):
            item = self.items[n]
            name = f"{self.noun} {n + 1}" + (f" ({item.id})" if item.id else "")
            out.extend(f"{name}: {p}" for p in problems)
        return out

    def _refresh_labels(self) -> None:
        for n, problems in enumerate(self.item_problems()):
            item = self.items[n]
            label = item.title.strip() or item.id or f"(new {self.noun})"
            widget_item = self.list.item(n)
            widget_item.setText(f"⚠ {label}" if problems else label)
            widget_item.setToolTip(plain_tooltip("\n".join([item.id, *problems])))
        current = self.current()
        if current is not None:
            id_err = id_problem(current.id, self._taken_for(current), self.noun)
            set_invalid(self.id_edit, id_err is not None and bool(current.id))
            if id_err and current.id:
                set_state(self.id_status, "error", id_err)
            elif id_err:
                set_state(self.id_status, "note", "Filled in from the title; you can change it.")
            else:
                set_state(self.id_status, "note", f"Unique among the scenario's {self.noun}s.")
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
            self.id_edit.setText(unique_id(title, self._taken_for(item)) if title.strip() else "")
        self._refresh_labels()
        self.changed.emit()


class PartyDialog(EditDialog):
    """Edit a party (``party`` given) or create one, with its red lines and preferences."""

    def __init__(self, scenario: Scenario, party: Party | None = None,
                 parent: QWidget | None = None, commit: Commit | None = None) -> None:
        editing = party is not None
        super().__init__(parent, "Edit party" if editing else "New party",
                         "Save changes" if editing else "Add party", commit)
        self.setObjectName("PartyDialog")
        self._scenario = scenario
        self._original = party
        others = [p for p in scenario.parties if party is None or p.id != party.id]
        self._taken = {p.id for p in others}
        self._id_touched = editing
        self._result: Party | None = None
        self.color: str | None = None
        self.heading.setText(f"Editing “{party.name}” ({party.id})" if party is not None
                             else "A new party")

        top = QWidget(self)
        form = QFormLayout(top)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(top)
        self.name_edit.setObjectName("PartyName")
        self.name_edit.setMaxLength(MAX_TITLE)
        self.name_edit.setPlaceholderText("e.g. Ukraine")
        self.id_edit = QLineEdit(top)
        self.id_edit.setObjectName("PartyId")
        self.id_edit.setToolTip(ID_HELP + " Provisions name their parties by id.")
        self.id_status = plain_label("", top, name="PartyIdStatus")
        id_row = QWidget(top)
        id_layout = QHBoxLayout(id_row)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.id_edit, 1)
        id_layout.addWidget(self.id_status, 2)
        id_row.setFocusProxy(self.id_edit)
        self.role_combo = QComboBox(top)
        self.role_combo.setObjectName("PartyRole")
        for role in ROLES:
            self.role_combo.addItem(ROLE_LABELS[role], role)

        color_row = QWidget(top)
        color_layout = QHBoxLayout(color_row)
        color_layout.setContentsMargins(0, 0, 0, 0)
        self.color_swatch = QLabel(color_row)
        self.color_swatch.setObjectName("PartyColorSwatch")
        self.color_swatch.setFixedSize(22, 22)
        self.color_text = plain_label("", color_row, name="PartyColorText", wrap=False)
        self.color_button = QPushButton("Choose…", color_row)
        self.color_button.setObjectName("PartyColorButton")
        self.color_button.setToolTip("The party's colour in charts")
        self.clear_color_button = QPushButton("No colour", color_row)
        self.clear_color_button.setObjectName("PartyColorClear")
        color_layout.addWidget(self.color_swatch)
        color_layout.addWidget(self.color_text)
        color_layout.addWidget(self.color_button)
        color_layout.addWidget(self.clear_color_button)
        color_layout.addStretch(1)
        color_row.setFocusProxy(self.color_button)
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Id:", id_row)
        form.addRow("Rol&e:", self.role_combo)
        form.addRow("Co&lour:", color_row)

        provisions = scenario.provision_index
        self.red_lines = RuleListEditor(
            "red line", False, provisions, {r.id for p in others for r in p.red_lines}, self)
        self.red_lines.setObjectName("RedLineEditor")
        self.preferences = RuleListEditor(
            "preference", True, provisions, {r.id for p in others for r in p.preferences}, self)
        self.preferences.setObjectName("PreferenceEditor")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("PartyTabs")
        self.tabs.addTab(self.red_lines, "")
        self.tabs.addTab(self.preferences, "")
        self.tabs.setTabToolTip(0, "Hard rules: the party rejects any draft in which one is "
                                   "false.")
        self.tabs.setTabToolTip(1, "Soft rules: met preferences add their weight to the party's "
                                   "satisfaction.")

        self.layout_.addWidget(top)
        self.layout_.addWidget(self.tabs, 1)
        self.finish_layout()
        self.setMinimumSize(680, 540)
        self.resize(760, 600)

        if party is not None:
            self.name_edit.setText(party.name)
            self.id_edit.setText(party.id)
            self.role_combo.setCurrentIndex(ROLES.index(party.role))
            self.red_lines.set_items([RuleItem.of(r) for r in party.red_lines])
            self.preferences.set_items([RuleItem.of(r) for r in party.preferences])
        self.set_color(party.color if party is not None else None)

        self.name_edit.textChanged.connect(self._name_changed)
        self.id_edit.textEdited.connect(self._id_edited)
        self.id_edit.textChanged.connect(lambda _t: self._revalidate())
        self.red_lines.changed.connect(self._revalidate)
        self.preferences.changed.connect(self._revalidate)
        self.color_button.clicked.connect(self._choose_color)
        self.clear_color_button.clicked.connect(lambda: self.set_color(None))
        self.setTabOrder(self.name_edit, self.id_edit)
        self.setTabOrder(self.id_edit, self.role_combo)
        self.setTabOrder(self.role_combo, self.color_button)
        self.setTabOrder(self.color_button, self.clear_color_button)
        self.setTabOrder(self.clear_color_button, self.tabs)
        self._revalidate()
        self.name_edit.setFocus()

    # -- colour

    def set_color(self, color: str | None) -> None:
        self.color = color or None
        if self.color is None:
            self.color_swatch.setStyleSheet(
                "border: 1px dashed palette(mid); border-radius: 4px;")
            self.color_text.setText("none (a neutral grey in charts)")
        else:
            self.color_swatch.setStyleSheet(
                f"background: {self.color}; border: 1px solid palette(dark); border-radius: 4px;")
            self.color_text.setText(self.color)
        self.clear_color_button.setEnabled(self.color is not None)

    def pick_color(self, initial: QColor) -> QColor | None:
        """Ask for a colour (overridden in tests: QColorDialog is modal)."""
        color = QColorDialog.getColor(initial, self, "Party colour")
        return color if color.isValid() else None

    def _choose_color(self) -> None:
        picked = self.pick_color(QColor(self.color or "#808080"))
        if picked is not None:
            self.set_color(picked.name(QColor.NameFormat.HexRgb).upper())

    # -- validation

    def _id_edited(self) -> None:
        self._id_touched = True

    def _name_changed(self, name: str) -> None:
        if not self._id_touched:
            self.id_edit.setText(unique_id(name, self._taken) if name.strip() else "")
        self._revalidate()

    def problems(self) -> list[str]:
        out: list[str] = []
        if not self.name_edit.text().strip():
            out.append("Give the party a name.")
        pid = self.id_edit.text()
        id_err = id_problem(pid, self._taken, "party")
        set_invalid(self.id_edit, id_err is not None and bool(pid))  # blank is not yet wrong
        if id_err and pid:
            set_state(self.id_status, "error", id_err)
        elif id_err:
            set_state(self.id_status, "note", "Filled in from the name; you can change it.")
        else:
            set_state(self.id_status, "note", "Provisions name the party by this id.")
        if id_err:
            out.append(id_err)
        red, pref = self.red_lines.problems(), self.preferences.problems()
        out.extend(red)
        out.extend(pref)
        self._label_tab(0, "&Red lines", self.red_lines)
        self._label_tab(1, "&Preferences", self.preferences)
        return out

    def _label_tab(self, index: int, title: str, editor: RuleListEditor) -> None:
        bad = sum(1 for p in editor.item_problems() if p)
        note = f", {bad} to fix" if bad else ""
        self.tabs.setTabText(index, f"{title} ({len(editor.items)}{note})")

    def _revalidate(self) -> None:
        self.set_problems(self.problems())

    # -- result

    def build(self) -> Party | None:
        data: dict[str, Any] = {
            "id": self.id_edit.text(),
            "name": self.name_edit.text(),
            "role": self.role_combo.currentData(),
            "color": self.color,
            "red_lines": [i.as_dict(False) for i in self.red_lines.items],
            "preferences": [i.as_dict(True) for i in self.preferences.items],
        }
        try:
            return Party.model_validate(data)
        except ValidationError as err:
            self.show_error(describe_validation_error(err))
            return None

    def try_accept(self) -> None:
        if self.problems():
            return
        party = self.build()
        if party is None:
            return
        if self._original is not None and party == self._original:
            self._result = party
            self.accept()
            return
        if self.commit_or_show(party):
            self._result = party
            self.accept()

    def result_party(self) -> Party | None:
        return self._result


# --------------------------------------------------------------------------- scenario info


@dataclass(frozen=True)
class ScenarioInfo:
    title: str
    summary: str


class ScenarioInfoDialog(EditDialog):
    def __init__(self, scenario: Scenario, parent: QWidget | None = None,
                 commit: Commit | None = None) -> None:
        super().__init__(parent, "Scenario details", "Save", commit)
        self.setObjectName("ScenarioInfoDialog")
        self._original = ScenarioInfo(scenario.title, scenario.summary)
        self._result: ScenarioInfo | None = None
        self.heading.setText("The scenario's title and summary")
        body = QWidget(self)
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.title_edit = QLineEdit(scenario.title, body)
        self.title_edit.setObjectName("ScenarioTitle")
        self.title_edit.setMaxLength(MAX_TITLE)
        self.summary_edit = _text_edit(body, 8, "what the scenario covers, its sources and "
                                       "caveats")
        self.summary_edit.setObjectName("ScenarioSummary")
        self.summary_edit.setPlainText(scenario.summary)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Summary:", self.summary_edit)
        self.layout_.addWidget(body, 1)
        self.finish_layout()
        self.setMinimumSize(480, 320)
        self.resize(600, 420)
        self.title_edit.textChanged.connect(lambda _t: self.set_problems(self.problems()))
        self.set_problems(self.problems())

    def problems(self) -> list[str]:
        blank = not self.title_edit.text().strip()
        set_invalid(self.title_edit, blank)
        return ["Give the scenario a title."] if blank else []

    def try_accept(self) -> None:
        if self.problems():
            return
        info = ScenarioInfo(self.title_edit.text(), self.summary_edit.toPlainText())
        if info == self._original or self.commit_or_show(info):
            self._result = info
            self.accept()

    def result_info(self) -> ScenarioInfo | None:
        return self._result


# --------------------------------------------------------------------------- the menu


class LibraryEditing(QObject):
    """The Library menu: new / edit / delete provisions and parties, and scenario details."""

    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget,
                 current_provision: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._editor = editor
        self._parent = parent
        self._current_provision = current_provision
        self.actions: dict[str, QAction] = {}
        self.last_dialog: QDialog | None = None
        self.last_message_box: QMessageBox | None = None
        workspace.changed.connect(lambda _c: self._update_actions())

    # -- menu

    def populate_menu(self, menu: QMenu) -> None:
        entries: list[tuple[str, str, Callable[[], object], str] | None] = [
            ("actionNewProvision", "&New provision…", self.new_provision,
             "Add a provision to the library"),
            ("actionEditProvision", "&Edit provision…", self.edit_provision,
             "Edit the selected provision"),
            ("actionDeleteProvision", "&Delete provision", self.delete_provision,
             "Delete the selected provision from the library and from every draft"),
            None,
            ("actionNewParty", "New &party…", self.new_party, "Add a party"),
            ("actionEditParty", "Edit p&arty…", self.edit_party,
             "Edit a party, its red lines and preferences"),
            ("actionDeleteParty", "Delete part&y…", self.delete_party, "Delete a party"),
            None,
            ("actionScenarioInfo", "&Scenario details…", self.edit_scenario_info,
             "Edit the scenario's title and summary"),
        ]
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            name, text, slot, tip = entry
            action = QAction(text, self._parent)
            action.setObjectName(name)
            action.setStatusTip(tip)
            action.setToolTip(tip)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            self.actions[name] = action
        self._update_actions()

    def _update_actions(self) -> None:
        scenario = self._ws.scenario
        for name, on in (("actionEditProvision", bool(scenario.provisions)),
                         ("actionDeleteProvision", bool(scenario.provisions)),
                         ("actionEditParty", bool(scenario.parties)),
                         ("actionDeleteParty", bool(scenario.parties))):
            if name in self.actions:
                self.actions[name].setEnabled(on)

    # -- overridable interaction (tests replace these; they are the only blocking calls)

    def show_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modally without blocking; it commits its own changes."""
        if self.last_dialog is not None and not self.last_dialog.isVisible():
            self.last_dialog.deleteLater()
        self.last_dialog = dialog
        dialog.open()

    def choose(self, title: str, label: str, options: Sequence[tuple[str, str]]) -> str | None:
        """Ask the user to pick one of ``options`` (key, shown text); the key, or None."""
        if not options:
            return None
        texts = [text for _key, text in options]
        text, ok = QInputDialog.getItem(self._parent, title, label, texts, 0, False)
        if not ok:
            return None
        return next((key for key, shown in options if shown == text), None)

    def _message_box(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(self._parent)
        box.setIcon(icon)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        self.last_message_box = box
        return box

    def confirm(self, title: str, text: str, action: str) -> bool:
        box = self._message_box(QMessageBox.Icon.Question, title, text)
        yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, title: str, text: str) -> None:
        box = self._message_box(QMessageBox.Icon.Warning, title, text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    # -- applying through the Editor

    def _attempt(self, change: Callable[[], bool]) -> str | None:
        """Run an Editor call; the refusal message, or None when the change was made."""
        heard: list[str] = []

        def hear(message: str) -> None:
            heard.append(message)

        self._editor.refused.connect(hear)
        try:
            made = change()
        finally:
            self._editor.refused.disconnect(hear)
        if made:
            return None
        return heard[-1] if heard else "The change could not be made."

    # -- choosers

    def _choose_provision(self, title: str) -> str | None:
        provisions = sorted(self._ws.scenario.provisions, key=lambda p: p.title.casefold())
        return self.choose(title, "Provision:", [(p.id, f"{p.title} ({p.id})")
                                                 for p in provisions])

    def _choose_party(self, title: str) -> str | None:
        parties = self._ws.scenario.parties
        names = [p.name for p in parties]
        options = [(p.id, p.name if names.count(p.name) == 1 else f"{p.name} ({p.id})")
                   for p in parties]
        return self.choose(title, "Party:", options)

    def _provision_to_use(self, provision_id: str | None, title: str) -> str | None:
        index = self._ws.scenario.provision_index
        pid = provision_id if provision_id is not None else self._current_provision()
        if pid is None or pid not in index:
            pid = self._choose_provision(title)
        return pid if pid in index else None

    # -- dialog factories

    def make_provision_dialog(self, provision: Provision | None) -> ProvisionDialog:
        replaces = provision.id if provision is not None else None

        def commit(built: object) -> str | None:
            assert isinstance(built, Provision)
            return self._attempt(lambda: self._editor.put_provision(built, replaces))

        return ProvisionDialog(self._ws.scenario, provision, self._parent, commit)

    def make_party_dialog(self, party: Party | None) -> PartyDialog:
        replaces = party.id if party is not None else None

        def commit(built: object) -> str | None:
            assert isinstance(built, Party)
            return self._attempt(lambda: self._editor.put_party(built, replaces))

        return PartyDialog(self._ws.scenario, party, self._parent, commit)

    def make_info_dialog(self) -> ScenarioInfoDialog:
        def commit(built: object) -> str | None:
            assert isinstance(built, ScenarioInfo)
            return self._attempt(lambda: self._editor.set_info(built.title, built.summary))

        return ScenarioInfoDialog(self._ws.scenario, self._parent, commit)

    # -- actions

    def new_provision(self) -> ProvisionDialog:
        dialog = self.make_provision_dialog(None)
        self.show_dialog(dialog)
        return dialog

    def edit_provision(self, provision_id: str | None = None) -> ProvisionDialog | None:
        pid = self._provision_to_use(provision_id, "Edit provision")
        if pid is None:
            return None
        dialog = self.make_provision_dialog(self._ws.scenario.provision(pid))
        self.show_dialog(dialog)
        return dialog

    def delete_provision(self, provision_id: str | None = None) -> bool:
        pid = self._provision_to_use(provision_id, "Delete provision")
        if pid is None:
            return False
        scenario = self._ws.scenario
        prov = scenario.provision(pid)
        if not rules_mentioning(scenario, pid):  # a refusal needs no confirmation first
            drafts = [d.title for d in scenario.drafts if d.index_of(pid) is not None]
            where = (f"\n\nIt is in {len(drafts)} draft{'s' if len(drafts) != 1 else ''} "
                     f"({', '.join(drafts)}); its clauses there are removed too." if drafts
                     else "")
            if not self.confirm("Delete provision",
                                f"Delete the provision “{prov.title}” ({pid})?{where}\n\n"
                                "You can undo this.", "Delete"):
                return False
        refusal = self._attempt(lambda: self._editor.remove_provision(pid))
        if refusal:
            self.inform("Cannot delete the provision", refusal)
            return False
        return True

    def new_party(self) -> PartyDialog:
        dialog = self.make_party_dialog(None)
        self.show_dialog(dialog)
        return dialog

    def edit_party(self, party_id: str | None = None) -> PartyDialog | None:
        pid = party_id if party_id is not None else self._choose_party("Edit party")
        if pid is None or pid not in self._ws.scenario.party_index:
            return None
        dialog = self.make_party_dialog(self._ws.scenario.party(pid))
        self.show_dialog(dialog)
        return dialog

    def delete_party(self, party_id: str | None = None) -> bool:
        pid = party_id if party_id is not None else self._choose_party("Delete party")
        if pid is None or pid not in self._ws.scenario.party_index:
            return False
        party = self._ws.scenario.party(pid)
        counts = (f"{len(party.red_lines)} red line{'s' if len(party.red_lines) != 1 else ''} "
                  f"and {len(party.preferences)} "
                  f"preference{'s' if len(party.preferences) != 1 else ''}")
        if not self.confirm("Delete party",
                            f"Delete the party “{party.name}” ({pid}) with its {counts}?\n\n"
                            "Provisions given by or to it stop naming it. You can undo this.",
                            "Delete"):
            return False
        refusal = self._attempt(lambda: self._editor.remove_party(pid))
        if refusal:
            self.inform("Cannot delete the party", refusal)
            return False
        return True

    def edit_scenario_info(self) -> ScenarioInfoDialog:
        dialog = self.make_info_dialog()
        self.show_dialog(dialog)
        return dialog

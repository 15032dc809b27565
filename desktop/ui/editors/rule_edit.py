""":class:`RuleEdit`: a rule field that parses and type-checks as the user types, and says where
the error is ("Column 12: 'army-capp' is not a provision; did you mean 'Ceiling on Ukraine's
armed forces' (army-cap)?") in words, not only in red."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from desktop.domain import Provision
from desktop.domain.rules import RuleError, check_rule
from desktop.ui.editors.forms import utf16_offset
from desktop.ui.editors.widgets import ERROR_COLOR, STYLE, set_invalid, set_state
from desktop.wording.rules import rule_error_text

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
    at the error and an error line such as ``Column 12: 'army-capp' is not a provision; did you
    mean ...?`` (the likeliest fix, in :func:`~desktop.wording.rules.rule_error_text`); clicking
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
        if err is None:
            return ""
        return f"Column {err.column}: {rule_error_text(err, self._provisions)}"

    def place_cursor_at_error(self) -> None:
        if self._error is None:
            return
        position = min(self._error.position, len(self.text()))
        cursor = self.edit.textCursor()
        cursor.setPosition(utf16_offset(self.text(), position))
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
            cursor.setPosition(utf16_offset(text, err.position))
            cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.edit.setExtraSelections(selections)

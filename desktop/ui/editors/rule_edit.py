""":class:`RuleEdit`: a rule field that parses and type-checks as the user types, and says where
the error is ("Column 12: 'army-capp' is not a provision; did you mean 'Ceiling on Ukraine's
armed forces' (army-cap)?") in words, not only in red.

With ``builder=True`` (the party dialog) the rule is built from rows by default
(:class:`~desktop.ui.editors.rule_builder.RuleBuilder`), and "Edit as text" shows the text.
Both edit the same rule: the builder writes the text, and every change of the text -- from the
rows or typed -- goes through the same check and the same :attr:`RuleEdit.text_changed`. A rule
that does not check, or that the rows cannot show, is shown as text with a note saying why."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Provision
from desktop.domain.rules import RuleError, check_rule
from desktop.ui.editors.forms import utf16_offset
from desktop.ui.editors.rule_builder import RuleBuilder
from desktop.ui.editors.widgets import ERROR_COLOR, STYLE, plain_label, set_invalid, set_state
from desktop.ui.i18n import InheritedTr
from desktop.wording.rules import rule_error_text
from desktop.wording.translate import QT_TRANSLATE_NOOP

#: The rule field's tooltip (translated where it is shown: ``RuleEdit``'s context).
RULE_HELP = QT_TRANSLATE_NOOP(
    "RuleEdit",
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


class RuleEdit(InheritedTr, QWidget):
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
                 provisions: Mapping[str, Provision] | None = None, *,
                 builder: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("RuleEdit")
        self._provisions: Mapping[str, Provision] = provisions or {}
        self._error: RuleError | None = None
        self._valid = False
        self.builder: RuleBuilder | None = None
        self.toggle: QCheckBox | None = None
        self._prefer_text = False  # the user ticked "Edit as text"
        self._from_builder = False  # the text is being written by the rows
        self._setting = False  # setText is loading a rule

        self.edit = _RuleText(self)
        self.edit.setObjectName("RuleText")
        self.edit.setPlaceholderText(self.tr("e.g. army-cap -> army-cap.personnel >= 800000"))
        self.edit.setToolTip(self.tr(RULE_HELP))
        self.edit.setAccessibleName(self.tr("Rule"))
        self.error_label = ClickableLabel(self)
        self.error_label.setObjectName("RuleError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setMinimumHeight(self.error_label.fontMetrics().lineSpacing() * 2)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if builder:
            self._add_builder(layout)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.edit)
        self.setStyleSheet(STYLE)

        self.edit.textChanged.connect(self._text_edited)
        self.error_label.clicked.connect(self.place_cursor_at_error)
        self._revalidate()
        if builder:
            self._show_builder()

    def _add_builder(self, layout: QVBoxLayout) -> None:
        self.note = plain_label("", self, name="RuleViewNote")
        self.note.hide()
        self.toggle = QCheckBox(self.tr("Edit as te&xt"), self)
        self.toggle.setObjectName("RuleAsText")
        self.toggle.setToolTip(self.tr("Advanced: write the rule in the red-line language. "
                                       "Untick to build it from rows again."))
        self.builder = RuleBuilder(self._provisions, self)
        self.builder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.builder.set_tab_neighbours(self.toggle, self.edit)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.note, 1)
        header.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        layout.addWidget(self.builder, 1)
        self.toggle.toggled.connect(self._toggled)
        self.builder.changed.connect(self._built)

    # -- API

    def set_provisions(self, provisions: Mapping[str, Provision]) -> None:
        self._provisions = provisions
        if self.builder is not None:
            self.builder.set_provisions(provisions)
        self._revalidate()
        if self.builder is not None and not self.in_text_view():
            self._choose_view()

    def text(self) -> str:
        return self.edit.toPlainText()

    def setText(self, text: str) -> None:
        """Show a rule: with the builder, as rows unless the user chose the text or the rows
        cannot show it."""
        if text != self.text():
            self._setting = True
            try:
                self.edit.setPlainText(text)
            finally:
                self._setting = False
        if self.builder is not None:
            self._choose_view()

    def in_text_view(self) -> bool:
        """Whether the text is shown (always, without the builder)."""
        return self.builder is None or self.builder.isHidden()

    def tab_first(self) -> QWidget:
        """Where Tab enters the field (the "Edit as text" box before the rows)."""
        return self.toggle if self.toggle is not None else self.edit

    def tab_last(self) -> QWidget:
        """Where Tab leaves it (the text, which follows the rows)."""
        return self.edit

    def is_valid(self) -> bool:
        return self._error is None

    def error(self) -> RuleError | None:
        return self._error

    def error_text(self) -> str:
        """``Column N: message`` for an invalid rule, "" for a valid one."""
        err = self._error
        if err is None:
            return ""
        return self.tr("Column {column}: {message}").format(
            column=err.column, message=rule_error_text(err, self._provisions))

    def place_cursor_at_error(self) -> None:
        if self._error is None:
            return
        position = min(self._error.position, len(self.text()))
        cursor = self.edit.textCursor()
        cursor.setPosition(utf16_offset(self.text(), position))
        self.edit.setTextCursor(cursor)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the rows and the text

    def _text_edited(self) -> None:
        self._revalidate()
        if (self.builder is not None and not self._from_builder and not self._setting
                and not self.in_text_view()):
            self._choose_view()  # set from outside while the rows are shown

    def _built(self, text: str) -> None:
        """The rows changed: write their rule into the text (checked as if typed)."""
        self._from_builder = True
        try:
            if text != self.text():
                self.edit.setPlainText(text)
        finally:
            self._from_builder = False
        self._paint_builder_status()

    def _choose_view(self) -> None:
        assert self.builder is not None
        if self._prefer_text:
            self._show_text("")
            return
        reason = self.builder.load(self.text())
        if reason is None:
            self._show_builder()
        elif self._error is not None:
            self._show_text(self.tr("Shown as text until the rule is valid."))
        else:
            self._show_text(self.tr("{reason} Edit it here as text.").format(reason=reason))

    def _toggled(self, as_text: bool) -> None:
        assert self.builder is not None
        self._prefer_text = as_text
        if as_text:
            self._show_text("")
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.text() != self.builder.text():  # the rows keep their shape when unchanged
            reason = self.builder.load(self.text())
            if reason is not None:
                self._prefer_text = True
                note = (self.tr("Fix the rule to build it from rows.") if self._error is not None
                        else self.tr("{reason} Edit it here as text.").format(reason=reason))
                self._show_text(note)
                return
        self._show_builder()
        self.builder.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_text(self, note: str) -> None:
        assert self.builder is not None
        assert self.toggle is not None
        self.builder.hide()
        self.edit.show()
        self.toggle.blockSignals(True)
        self.toggle.setChecked(True)
        self.toggle.blockSignals(False)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.setFocusProxy(self.edit)
        self._paint_error(self._error)  # the rows' note may stand there

    def _show_builder(self) -> None:
        assert self.builder is not None
        assert self.toggle is not None
        self.edit.hide()
        self.builder.show()
        self.toggle.blockSignals(True)
        self.toggle.setChecked(False)
        self.toggle.blockSignals(False)
        self.note.hide()
        self.setFocusProxy(self.builder)
        self._paint_builder_status()

    def _paint_builder_status(self) -> None:
        """Under the rows: why they make no rule yet, or the check's verdict."""
        if self.builder is None or self.in_text_view():
            return
        problem = self.builder.problem()
        if problem is None:
            self._paint_error(self._error)
        else:
            set_state(self.error_label, "note", problem)
            self.error_label.setCursor(Qt.CursorShape.ArrowCursor)
        self.builder.setAccessibleDescription(self.error_label.text())

    # -- internals

    def _revalidate(self) -> None:
        text = self.text()
        err = check_rule(text, self._provisions)
        self._error = err
        self._paint_error(err)
        set_invalid(self.edit, err is not None)
        self._underline(text, err)
        self._paint_builder_status()
        self.text_changed.emit(text)
        valid = err is None
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def _paint_error(self, err: RuleError | None) -> None:
        if err is None:
            set_state(self.error_label, "ok", self.tr("✓ Valid rule"))
            self.error_label.setToolTip("")
            self.error_label.setCursor(Qt.CursorShape.ArrowCursor)
        else:
            set_state(self.error_label, "error", self.error_text())
            self.error_label.setToolTip(self.tr("Click to put the cursor at the error"))
            self.error_label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.edit.setAccessibleDescription(self.error_label.text())

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

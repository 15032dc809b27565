"""The editor dialogs' shared frame: :class:`EditorDialog`, generic over what it builds.

A dialog reads its fields, :meth:`~EditorDialog.check` says (as data) what is wrong with them,
and :meth:`~EditorDialog.revalidate` paints that: the red frames and status lines by the fields,
and the line beside the buttons that says why OK is disabled. OK builds the object; a refusal
(from building, or from the commit hook that applies it through the Editor) is shown inside the
dialog, which stays open. An unchanged object closes the dialog without a commit (no undo step).

A dialog with an id field can let it follow another field (a title, a name) until the user
edits the id: :meth:`~EditorDialog.follow_with_id`.

The frame's own text is translated under the context "EditorDialog" with
``QCoreApplication.translate``: each dialog puts :class:`~desktop.ui.i18n.InheritedTr` first
among its bases and calls ``self.tr`` (were it among this class's bases too, a dialog's bases
could not be put in order).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.editors.forms import FormCheck, Refused, cannot_save, suggested_id
from desktop.ui.editors.widgets import STYLE, paint_note, plain_label, plain_tooltip, set_state
from desktop.ui.files import Prompter, QtPrompter

T = TypeVar("T")

#: A commit hook: applies the built object (through the Editor) and returns the refusal message,
#: or None when the change was made. A dialog with a hook stays open on refusal.
Commit = Callable[[T], str | None]


class EditorDialog(QDialog, Generic[T]):
    """Heading, body, a live problems line (why OK is disabled) and an error line (why the
    last OK did not go through), then the buttons.

    Subclasses add their body, call :meth:`finish_layout`, name the fields a check has notes
    for (:meth:`note_field`) and implement :meth:`check` and :meth:`build`."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str,
                 commit: Commit[T] | None, original: T | None,
                 prompter: Prompter | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(STYLE)
        self._commit = commit
        self._original = original
        self._result: T | None = None
        self.prompter: Prompter = prompter if prompter is not None else QtPrompter(self)
        self._note_fields: dict[str, tuple[QWidget, QLabel | None]] = {}
        self._id_touched = original is not None  # an existing id never follows the title
        self._id_edit: QLineEdit | None = None
        self._id_taken: Collection[str] = ()

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

    # -- to implement

    def check(self) -> FormCheck:
        """What is wrong with the fields as they are (computed; nothing is painted)."""
        raise NotImplementedError

    def build(self) -> T | Refused:
        """The object the fields describe, or why there is none."""
        raise NotImplementedError

    def on_refused(self, refused: Refused) -> None:
        """Bring forward what a refusal is about (after it is shown); nothing by default."""

    # -- checking as the user types

    def note_field(self, name: str, field: QWidget, status: QLabel | None = None) -> None:
        """Where a check's note called ``name`` is painted: the field's frame, its status line."""
        self._note_fields[name] = (field, status)

    def problems(self) -> list[str]:
        """What keeps OK disabled now."""
        return list(self.check().problems)

    def revalidate(self) -> FormCheck:
        """Check the fields and show the result."""
        check = self.check()
        self.paint(check)
        return check

    def paint(self, check: FormCheck) -> None:
        for name, note in check.notes.items():
            field, status = self._note_fields[name]
            paint_note(field, status, note)
        self.set_problems(check.problems)

    def set_problems(self, problems: Sequence[str]) -> None:
        """Problems found live: OK is disabled while there are any, and the first is shown."""
        self.ok_button.setEnabled(not problems)
        set_state(self.problems_label, "error" if problems else "ok", cannot_save(problems))
        self.ok_button.setToolTip(plain_tooltip("\n".join(problems)))

    # -- an id that follows the title

    def follow_with_id(self, source: QLineEdit, id_edit: QLineEdit,
                       taken: Collection[str]) -> None:
        """Fill ``id_edit`` from ``source`` (made unique among ``taken``) until the user types
        in it; call after loading the fields."""
        self._id_edit = id_edit
        self._id_taken = taken
        source.textChanged.connect(self._suggest_id)
        id_edit.textEdited.connect(self._id_edited)

    def _id_edited(self) -> None:
        self._id_touched = True

    def _suggest_id(self, text: str) -> None:
        if not self._id_touched and self._id_edit is not None:
            self._id_edit.setText(suggested_id(text, self._id_taken))

    # -- OK

    def show_error(self, text: str) -> None:
        self.error_label.setText(
            QCoreApplication.translate("EditorDialog", "Not saved: {error}").format(error=text)
            if text else "")
        self.error_label.setVisible(bool(text))

    def commit_or_show(self, built: T) -> bool:
        """Apply ``built`` through the commit hook; on refusal show why and stay open."""
        if self._commit is not None:
            refusal = self._commit(built)
            if refusal:
                self.show_error(refusal)
                return False
        self.show_error("")
        return True

    def try_accept(self) -> None:
        if self.revalidate().problems:
            return
        built = self.build()
        if isinstance(built, Refused):
            self.show_error(built.message)
            self.on_refused(built)
            return
        # Nothing changed: close without a commit, so no undo step.
        if built == self._original or self.commit_or_show(built):
            self._result = built
            self.accept()

    def result_value(self) -> T | None:
        """What the dialog made (or kept), once accepted; None before or when cancelled."""
        return self._result

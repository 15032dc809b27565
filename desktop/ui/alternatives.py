"""The dialogs of an open point: name its two alternatives, name one, edit one's values.

The values dialog uses the inspector's own value editors (:func:`make_value_editor`), so an
alternative's values are chosen exactly as a clause's are; nothing is written until OK, and
then as one undo step (by the inspector, through the Editor).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Provision, Value
from desktop.ui.i18n import InheritedTr
from desktop.ui.inspector import editor_label, make_value_editor, show_value


class OpenPointDialog(InheritedTr, QDialog):
    """Asks what the two alternatives of a new open point are called."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make an open point"))
        intro = QLabel(self.tr("“{title}” will list alternatives instead of one set of values. "
                               "Both start with the clause's values as they are; change the "
                               "second after.").format(title=title), self)
        intro.setWordWrap(True)
        self.first = QLineEdit(self)
        self.first.setObjectName("FirstAlternative")
        self.first.setPlaceholderText(self.tr("e.g. US formula"))
        self.second = QLineEdit(self)
        self.second.setObjectName("SecondAlternative")
        self.second.setPlaceholderText(self.tr("e.g. Ukrainian formula"))
        form = QFormLayout()
        form.addRow(self.tr("What the clause says now is called:"), self.first)
        form.addRow(self.tr("The other alternative is called:"), self.second)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make open point"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def labels(self) -> tuple[str, str]:
        return self.first.text().strip(), self.second.text().strip()


class AlternativeValuesDialog(QDialog):
    """Every param of the provision, with the inspector's editors, for one alternative."""

    def __init__(self, caption: str, prov: Provision, values: dict[str, Value],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption)
        self._values = dict(values)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in prov.params:
            widget = make_value_editor(spec, self, self._choose)
            show_value(widget, values[spec.name])
            form.addRow(editor_label(spec), widget)
            self.editors[spec.name] = widget
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def _choose(self, name: str, value: Value) -> None:
        self._values[name] = value

    def values(self) -> dict[str, Value]:
        """Every param's value as chosen."""
        return dict(self._values)


class QtAsker:
    """The open point section's questions, as real dialogs."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def open_labels(self, title: str) -> tuple[str, str] | None:
        dialog = OpenPointDialog(title, self.parent)
        return dialog.labels() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def label(self, caption: str, prompt: str, initial: str) -> str | None:
        text, ok = QInputDialog.getText(self.parent, caption, prompt, QLineEdit.EchoMode.Normal,
                                        initial)
        return text.strip() if ok else None

    def values(self, caption: str, prov: Provision, values: dict[str, Value]
               ) -> dict[str, Value] | None:
        dialog = AlternativeValuesDialog(caption, prov, values, self.parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

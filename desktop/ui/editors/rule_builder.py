""":class:`RuleBuilder`: a red line or preference built from rows chosen from lists, not typed.

The rows are those of :mod:`desktop.ui.editors.builder_rows` (which does all the thinking,
without Qt): groups with an "all of / any of / none of" list, "if … then …", "at least N of",
and conditions "provision → parameter → condition → value". Every list shows labels, never ids:
provisions by title, params by label, choices by label, yes/no by the param's words, numbers in
a spin box bounded by the param's min and max and stepping by its step.

Each edit changes the rows (the model) and the builder emits :attr:`RuleBuilder.changed` with
the rule text; adding or removing a row, or choosing another provision, parameter or condition,
rebuilds the views from the rows and puts the focus back where it was. Every control has an
accessible name, and Tab visits them top to bottom.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Provision
from desktop.domain.rules import RuleError
from desktop.domain.syntax import Node, Ref
from desktop.ui.editors.builder_rows import (
    COUNT_WORDS,
    GROUP_WORDS,
    PHASE,
    Condition,
    CountRow,
    Group,
    IfThen,
    Incomplete,
    Leaf,
    Option,
    Row,
    Unsupported,
    condition_options,
    count_words,
    describe_leaf,
    group_words,
    kind_of,
    new_leaf,
    number_range,
    option_value,
    other_param_options,
    other_provision_options,
    provision_options,
    read_rule,
    rule_text,
    set_condition,
    set_other,
    set_param,
    set_provision,
    spec_of,
    to_node,
    toggle_value,
    value_key,
    value_options,
    what_key,
    what_options,
)
from desktop.ui.editors.forms import plain_number
from desktop.ui.editors.widgets import plain_label
from desktop.ui.i18n import InheritedTr
from desktop.wording.rules import rule_error_text
from desktop.wording.translate import QT_TRANSLATE_NOOP

KEY = "builderKey"  # the property that finds a control again after the rows are rebuilt
STYLE = """
QFrame[builder="group"] { border: 1px solid palette(mid); border-radius: 4px; }
QToolButton[builder="menu"]::menu-indicator { image: none; width: 0px; }
"""
#: What a condition compares with (labels in English, translated where the list is made).
SOURCES = (Option("value", QT_TRANSLATE_NOOP("RuleBuilder", "a value")),
           Option("other", QT_TRANSLATE_NOOP("RuleBuilder", "that of")))
#: A choice goes on the condition's line when the longest labels of the parameter list and
#: of the choices are this short together; otherwise on a line of its own, where a long label
#: is not cut.
INLINE_CHARS = 58


class _Context:
    """What every row's view shares: the provisions, and how to say that the rows changed
    (``edited``: a value, the views stay) or changed shape (``restructure``: rebuild the views
    and focus the control with the given key)."""

    def __init__(self, provisions: Mapping[str, Provision], edited: Callable[[], None],
                 restructure: Callable[[str], None]) -> None:
        self.provisions = provisions
        self.edited = edited
        self.restructure = restructure


# --------------------------------------------------------------------------- small controls


def _keyed(widget: QWidget, key: str, name: str) -> None:
    widget.setProperty(KEY, key)
    widget.setAccessibleName(name)


def _combo(parent: QWidget, key: str, name: str, options: Sequence[Option], current: str,
           on_pick: Callable[[str], None], *, width: int = 10, fit: bool = False) -> QComboBox:
    """A list of labels standing for keys, ``current`` chosen; ``on_pick(key)`` on a change.
    ``fit``: as wide as its longest label (short lists); otherwise it shrinks to ``width``
    characters and grows with its line."""
    combo = QComboBox(parent)
    _keyed(combo, key, name)
    if fit:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    else:
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(width)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    for option in options:
        combo.addItem(option.label, option.key)
        if option.tip:
            combo.setItemData(combo.count() - 1, option.tip, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(current)
    if index < 0:  # never show another value than the rule's
        combo.addItem(current, current)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    combo.setToolTip(combo.currentText())
    combo.currentIndexChanged.connect(lambda _i: on_pick(str(combo.currentData())))
    return combo


def _tool(parent: QWidget, text: str, key: str, name: str, on_click: Callable[[], None]
          ) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    _keyed(button, key, name)
    button.clicked.connect(lambda: on_click())
    return button


def _remove_button(parent: QWidget, key: str, name: str, remove: Callable[[], None] | None
                   ) -> QToolButton:
    """A "×" button whose tooltip and accessible name is ``name`` ("Remove condition")."""
    button = _tool(parent, "×", f"{key}:remove", name, remove or (lambda: None))
    button.setEnabled(remove is not None)
    return button


def _row_layout(margin_left: int = 0) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(margin_left, 0, 0, 0)
    row.setSpacing(4)
    return row


# --------------------------------------------------------------------------- values


class _ValueList(InheritedTr, QListWidget):
    """"One of" / "none of": the param's values with a tick each (Space ticks)."""

    def __init__(self, leaf: Leaf, options: Sequence[Option], ctx: _Context, key: str,
                 parent: QWidget) -> None:
        super().__init__(parent)
        _keyed(self, f"{key}:values", self.tr("Values"))
        self._leaf = leaf
        self._ctx = ctx
        spec = spec_of(ctx.provisions, leaf.provision, leaf.param)
        ticked = {value_key(v) for v in leaf.values}
        for option in options:
            item = QListWidgetItem(option.label, self)
            item.setData(Qt.ItemDataRole.UserRole, option_value(spec, option.key))
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if option.key in ticked
                               else Qt.CheckState.Unchecked)
        rows = min(max(self.count(), 1), 5)
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The ticks say what is chosen; a highlighted row would look chosen too.
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setCurrentRow(0)
        self.itemChanged.connect(self._ticked)

    def _ticked(self, item: QListWidgetItem) -> None:
        toggle_value(self._leaf, item.data(Qt.ItemDataRole.UserRole),
                     item.checkState() == Qt.CheckState.Checked)
        self._ctx.edited()


def _number_box(leaf: Leaf, ctx: _Context, key: str, parent: QWidget) -> QDoubleSpinBox:
    """A spin box bounded by the param's min and max, stepping by its step, in its unit."""
    box = QDoubleSpinBox(parent)
    _keyed(box, f"{key}:value", QCoreApplication.translate("RuleBuilder", "Value"))
    rng = number_range(ctx.provisions, leaf)
    box.setDecimals(rng.decimals)
    box.setRange(rng.minimum, rng.maximum)
    box.setSingleStep(rng.step)
    box.setPrefix(rng.prefix)
    box.setSuffix(rng.suffix)
    box.setGroupSeparatorShown(True)
    box.setKeyboardTracking(True)
    box.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    value = leaf.value if isinstance(leaf.value, int | float) else rng.minimum
    box.setValue(float(value))

    def changed(v: float) -> None:
        leaf.value = round(v) if rng.whole else plain_number(v)
        ctx.edited()

    box.valueChanged.connect(changed)
    return box


def _value_combo(leaf: Leaf, ctx: _Context, key: str, parent: QWidget) -> QComboBox:
    spec = spec_of(ctx.provisions, leaf.provision, leaf.param)
    current = value_key(leaf.value) if leaf.value is not None else ""

    def picked(k: str) -> None:
        leaf.value = option_value(spec, k)
        ctx.edited()

    return _combo(parent, f"{key}:value", QCoreApplication.translate("RuleBuilder", "Value"),
                  value_options(spec), current, picked)


def _other_combos(leaf: Leaf, ctx: _Context, key: str, parent: QWidget) -> list[QWidget]:
    """The provision and the param a condition compares with."""
    other = leaf.other
    assert other is not None
    kind = kind_of(spec_of(ctx.provisions, leaf.provision, leaf.param))

    def pick_provision(pid: str) -> None:
        params = other_param_options(ctx.provisions.get(pid), kind)
        keep = any(o.key == other.param for o in params)
        leaf.other = Ref(pid, other.param if keep else params[0].key)
        ctx.restructure(f"{key}:other-provision")

    def pick_param(name: str) -> None:
        leaf.other = Ref(other.provision, name)
        ctx.edited()

    return [
        _combo(parent, f"{key}:other-provision",
               QCoreApplication.translate("RuleBuilder", "Compared provision"),
               other_provision_options(ctx.provisions, kind), other.provision, pick_provision,
               width=14),
        _combo(parent, f"{key}:other-param",
               QCoreApplication.translate("RuleBuilder", "Compared parameter"),
               other_param_options(ctx.provisions.get(other.provision), kind), other.param,
               pick_param),
    ]


def _source_combo(leaf: Leaf, ctx: _Context, key: str, parent: QWidget) -> QComboBox:
    """A value, or that of another provision (offered for the phase, where it orders two
    clauses; kept for any condition a rule already writes so)."""

    def pick_source(source: str) -> None:
        set_other(leaf, source == "other", ctx.provisions)
        ctx.restructure(f"{key}:source")

    sources = [Option(o.key, QCoreApplication.translate("RuleBuilder", o.label)) for o in SOURCES]
    source = _combo(parent, f"{key}:source",
                    QCoreApplication.translate("RuleBuilder", "Compare with"), sources,
                    "other" if leaf.other is not None else "value", pick_source, fit=True)
    source.setToolTip(QCoreApplication.translate(
        "RuleBuilder", "Compare with a value, or with that of another provision (for example "
        "its phase)"))
    return source


def _value_widgets(leaf: Leaf, ctx: _Context, key: str, parent: QWidget
                   ) -> tuple[list[QWidget], list[QWidget]]:
    """What a condition compares with -- a number, a choice, another provision's param or a
    list -- as the controls on the condition's line and those on a line below it (where a long
    label has room)."""
    spec = spec_of(ctx.provisions, leaf.provision, leaf.param)
    if leaf.condition in ("one_of", "none_of"):
        return [], [_ValueList(leaf, value_options(spec), ctx, key, parent)]
    inline: list[QWidget] = []
    if leaf.param == PHASE or leaf.other is not None:
        inline.append(_source_combo(leaf, ctx, key, parent))
    if leaf.other is not None:
        return inline, _other_combos(leaf, ctx, key, parent)
    if kind_of(spec) == "number":
        return [*inline, _number_box(leaf, ctx, key, parent)], []
    combo = _value_combo(leaf, ctx, key, parent)
    longest = max((len(o.label) for o in value_options(spec)), default=0)
    what = max(len(o.label) for o in what_options(ctx.provisions.get(leaf.provision)))
    if what + longest <= INLINE_CHARS:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return [*inline, combo], []
    return inline, [combo]


# --------------------------------------------------------------------------- rows


class LeafView(InheritedTr, QFrame):
    """A condition: the provision (and a remove button) on the first line, then what it looks
    at, the condition and the value."""

    def __init__(self, leaf: Leaf, ctx: _Context, key: str, parent: QWidget,
                 remove: Callable[[], None] | None) -> None:
        super().__init__(parent)
        self.setObjectName("BuilderCondition")
        self.leaf = leaf
        self._ctx = ctx
        self._key = key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.setSpacing(2)
        top = _row_layout()
        self.provision = _combo(self, f"{key}:provision", self.tr("Provision"),
                                provision_options(ctx.provisions), leaf.provision,
                                self._pick_provision, width=16)
        top.addWidget(self.provision, 1)
        top.addWidget(_remove_button(self, key, self.tr("Remove condition"), remove))
        layout.addLayout(top)
        detail = _row_layout(18)
        prov = ctx.provisions.get(leaf.provision)
        self.what = _combo(self, f"{key}:what", self.tr("Parameter"), what_options(prov),
                           what_key(leaf), self._pick_what, fit=True)
        detail.addWidget(self.what)
        below = self._detail(detail)
        detail.addStretch(1)
        layout.addLayout(detail)
        if below:
            line = _row_layout(18)
            for widget in below:
                line.addWidget(widget, 1 if widget is below[0] else 0)
            layout.addLayout(line)
        self.setAccessibleDescription(describe_leaf(leaf, ctx.provisions))

    def _detail(self, detail: QHBoxLayout) -> list[QWidget]:
        """Add the condition and value controls; returns those that go on a line of their own."""
        leaf = self.leaf
        if leaf.param is None:
            return []
        kind = kind_of(spec_of(self._ctx.provisions, leaf.provision, leaf.param))
        self.condition = _combo(self, f"{self._key}:condition", self.tr("Condition"),
                                condition_options(kind, leaf.condition), leaf.condition,
                                self._pick_condition, fit=True)
        detail.addWidget(self.condition)
        inline, below = _value_widgets(leaf, self._ctx, self._key, self)
        for widget in inline:
            detail.addWidget(widget)
        return below

    def _pick_provision(self, pid: str) -> None:
        set_provision(self.leaf, pid, self._ctx.provisions)
        self._ctx.restructure(f"{self._key}:provision")

    def _pick_what(self, key: str) -> None:
        set_param(self.leaf, key, self._ctx.provisions)
        self._ctx.restructure(f"{self._key}:what")

    def _pick_condition(self, cond: str) -> None:
        set_condition(self.leaf, cast(Condition, cond), self._ctx.provisions)
        self._ctx.restructure(f"{self._key}:condition")


class CountView(InheritedTr, QFrame):
    """"At least / at most N of" a list of provisions."""

    def __init__(self, row: CountRow, ctx: _Context, key: str, parent: QWidget,
                 remove: Callable[[], None] | None) -> None:
        super().__init__(parent)
        self.setProperty("builder", "group")
        self.setObjectName("BuilderCount")
        self.row = row
        self._ctx = ctx
        self._key = key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        header = _row_layout()
        options = [Option(k, count_words(k)) for k in COUNT_WORDS]
        header.addWidget(_combo(self, f"{key}:count-kind", self.tr("At least or at most"),
                                options, row.kind, self._pick_kind, fit=True))
        self.k_spin = QSpinBox(self)
        _keyed(self.k_spin, f"{key}:k", self.tr("How many"))
        self.k_spin.setRange(0, max(999, row.k))
        self.k_spin.setValue(row.k)
        self.k_spin.valueChanged.connect(self._set_k)
        header.addWidget(self.k_spin)
        header.addWidget(plain_label(self.tr("of these provisions are in the draft:"), self,
                                     wrap=False))
        header.addStretch(1)
        header.addWidget(_remove_button(
            self, key, self.tr("Remove “{count} N of”").format(count=count_words(row.kind)),
            remove))
        layout.addLayout(header)
        for j, pid in enumerate(row.provisions):
            line = _row_layout(18)
            line.addWidget(_combo(self, f"{key}.{j}:provision",
                                  self.tr("Provision {number}").format(number=j + 1),
                                  provision_options(ctx.provisions), pid,
                                  partial(self._pick, j), width=16), 1)
            line.addWidget(_remove_button(
                self, f"{key}.{j}", self.tr("Remove provision"),
                partial(self._remove, j) if len(row.provisions) > 1 else None))
            layout.addLayout(line)
        footer = _row_layout(18)
        footer.addWidget(_tool(self, self.tr("Add provision"), f"{key}:add",
                               self.tr("Add a provision to count"), self._add))
        footer.addStretch(1)
        layout.addLayout(footer)

    def _pick_kind(self, kind: str) -> None:
        self.row.kind = "at_most" if kind == "at_most" else "at_least"
        self._ctx.edited()

    def _set_k(self, k: int) -> None:
        self.row.k = k
        self._ctx.edited()

    def _pick(self, j: int, pid: str) -> None:
        self.row.provisions[j] = pid
        self._ctx.edited()

    def _remove(self, j: int) -> None:
        del self.row.provisions[j]
        self._ctx.restructure(f"{self._key}:add")

    def _add(self) -> None:
        options = provision_options(self._ctx.provisions)
        fresh = [o.key for o in options if o.key not in self.row.provisions]
        self.row.provisions.append((fresh or [o.key for o in options] or [""])[0])
        self._ctx.restructure(f"{self._key}.{len(self.row.provisions) - 1}:provision")


class GroupView(InheritedTr, QFrame):
    """"All of / any of / none of" its rows, with buttons to add a condition or a group."""

    def __init__(self, group: Group, ctx: _Context, key: str, parent: QWidget, *,
                 prefix: str = "", remove: Callable[[], None] | None = None,
                 removable: bool = True, slot: bool = False, root: bool = False) -> None:
        """``removable``: the header has a remove button (``remove`` None: disabled); ``slot``:
        a part of "if … then …", whose last row stays."""
        super().__init__(parent)
        self.setProperty("builder", "root" if root else "group")
        self.setObjectName("BuilderGroup")
        self.group = group
        self._ctx = ctx
        self._key = key
        self._root = root
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        header = _row_layout()
        if prefix:
            header.addWidget(plain_label(prefix, self, wrap=False))
        options = [Option(k, group_words(k)) for k in GROUP_WORDS]
        self.kind = _combo(self, f"{key}:kind", self.tr("Group: all of, any of or none of"),
                           options, group.kind, self._pick_kind, fit=True)
        header.addWidget(self.kind)
        header.addWidget(plain_label(self.tr("these hold:") if not root
                                     else self.tr("these hold for the rule to be met:"), self,
                                     wrap=False))
        header.addStretch(1)
        if removable and not root:
            header.addWidget(_remove_button(self, key, self.tr("Remove group"), remove))
        layout.addLayout(header)
        last = slot and len(group.children) == 1
        for i, child in enumerate(group.children):
            view = row_view(child, ctx, f"{key}.{i}", self,
                            None if last else partial(self._remove, i))
            box = _row_layout(14)
            box.addWidget(view)
            layout.addLayout(box)
        layout.addLayout(self._footer())

    def _footer(self) -> QHBoxLayout:
        footer = _row_layout(14)
        add = _tool(self, self.tr("&Add condition") if self._root else self.tr("Add condition"),
                    f"{self._key}:add", self.tr("Add a condition"), self._add_condition)
        more = QToolButton(self)
        more.setProperty("builder", "menu")
        more.setText(self.tr("Add &group ▾") if self._root else self.tr("Add group ▾"))
        _keyed(more, f"{self._key}:more", self.tr("Add a group, an if … then …, or at least N of"))
        more.setToolTip(self.tr("Add a group (all of, any of, none of), an “if … then …” or "
                                "an “at least N of”"))
        more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        for text, name, slot in (
                (self.tr("A group: all of, any of or none of"), "AddGroup", self._add_group),
                (self.tr("If … then …"), "AddIfThen", self._add_if),
                (self.tr("At least or at most N of these provisions"), "AddCount",
                 self._add_count)):
            action = QAction(text, menu)
            action.setObjectName(name)
            action.triggered.connect(slot)
            menu.addAction(action)
        more.setMenu(menu)
        footer.addWidget(add)
        footer.addWidget(more)
        footer.addStretch(1)
        return footer

    # -- edits

    def _pick_kind(self, kind: str) -> None:
        self.group.kind = "any" if kind == "any" else "none" if kind == "none" else "all"
        self._ctx.edited()

    def _remove(self, i: int) -> None:
        del self.group.children[i]
        self._ctx.restructure(f"{self._key}:add")

    def _near(self) -> str | None:
        leaves = [c for c in self.group.children if isinstance(c, Leaf)]
        return leaves[-1].provision if leaves else None

    def _append(self, row: Row, focus: str) -> None:
        self.group.children.append(row)
        self._ctx.restructure(f"{self._key}.{len(self.group.children) - 1}{focus}")

    def _add_condition(self) -> None:
        self._append(new_leaf(self._ctx.provisions, self._near()), ":provision")

    def _add_group(self) -> None:
        self._append(Group("any", [new_leaf(self._ctx.provisions, self._near())]), ":kind")

    def _add_if(self) -> None:
        near = self._near()
        self._append(IfThen(Group("all", [new_leaf(self._ctx.provisions, near)]),
                            Group("all", [new_leaf(self._ctx.provisions, near)])),
                     ".if.0:provision")

    def _add_count(self) -> None:
        first = new_leaf(self._ctx.provisions, self._near()).provision
        self._append(CountRow("at_least", 1, [first]), ":count-kind")


class IfThenView(InheritedTr, QFrame):
    """"If" a group "then" a group."""

    def __init__(self, row: IfThen, ctx: _Context, key: str, parent: QWidget,
                 remove: Callable[[], None] | None) -> None:
        super().__init__(parent)
        self.setObjectName("BuilderIfThen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # The "If" group's remove button removes the whole "if … then …".
        layout.addWidget(GroupView(row.premise, ctx, f"{key}.if", self, prefix=self.tr("If"),
                                   remove=remove, slot=True))
        layout.addWidget(GroupView(row.conclusion, ctx, f"{key}.then", self,
                                   prefix=self.tr("then"),
                                   removable=False, slot=True))


def row_view(row: Row, ctx: _Context, key: str, parent: QWidget,
             remove: Callable[[], None] | None) -> QWidget:
    """The view of one row."""
    match row:
        case Leaf():
            return LeafView(row, ctx, key, parent, remove)
        case Group():
            return GroupView(row, ctx, key, parent, remove=remove)
        case IfThen():
            return IfThenView(row, ctx, key, parent, remove)
        case CountRow():
            return CountView(row, ctx, key, parent, remove)


# --------------------------------------------------------------------------- the builder


class RuleBuilder(InheritedTr, QWidget):
    """The rows of one rule, in a scroll area; :attr:`changed` carries the rule text after
    every edit ("" while the rows do not make a rule: see :meth:`problem`).

    :meth:`load` shows a rule (nothing is emitted); a rule that does not check, or that the
    rows cannot show, is refused with the reason. A rule shown and not changed keeps its exact
    text, even one written with other spacing or parentheses."""

    changed = Signal(str)

    def __init__(self, provisions: Mapping[str, Provision] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RuleBuilder")
        self.setStyleSheet(STYLE)
        self._ctx = _Context(provisions or {}, self._edited, self._restructure)
        self.tree = Group()
        self._original: tuple[str, Node] | None = None
        self._content: QWidget | None = None
        self._tab_before: QWidget | None = None
        self._tab_after: QWidget | None = None
        self.rows_area = QScrollArea(self)
        self.rows_area.setObjectName("RuleBuilderRows")
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rows_area)
        self._rebuild()

    # -- API

    def set_provisions(self, provisions: Mapping[str, Provision]) -> None:
        self._ctx.provisions = provisions

    def load(self, text: str) -> str | None:
        """Show ``text`` as rows; None when shown, otherwise why not (the rows stay)."""
        try:
            tree = read_rule(text, self._ctx.provisions)
        except RuleError as err:
            return self.tr("Column {column}: {message}").format(
                column=err.column, message=rule_error_text(err, self._ctx.provisions))
        except Unsupported as err:
            return self.tr("The builder cannot show this rule: {reason}.").format(
                reason=err.reason)
        self.tree = tree
        self._original = (text, to_node(tree)) if tree.children else None
        self._rebuild()
        return None

    def text(self) -> str:
        """The rule the rows make; the text shown last when they still make the same rule;
        "" while they make none."""
        try:
            node = to_node(self.tree)
        except Incomplete:
            return ""
        if self._original is not None and self._original[1] == node:
            return self._original[0]
        return rule_text(node)

    def problem(self) -> str | None:
        """Why the rows make no rule yet, in words; None when they do."""
        if not self.tree.children:
            return self.tr("The rule has no conditions yet: press Add condition.")
        try:
            to_node(self.tree)
        except Incomplete as err:
            return self.tr("Not a rule yet: {problem}.").format(problem=err.message)
        return None

    def focus_widgets(self) -> list[QWidget]:
        """The controls Tab visits, top to bottom."""
        if self._content is None:
            return []
        return [w for w in self._content.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.property(KEY)]

    def control(self, key: str) -> QWidget | None:
        """The control with a key ("0.1:provision": the second row of the first group's ...)."""
        for widget in self.focus_widgets():
            if widget.property(KEY) == key:
                return widget
        return None

    def set_tab_neighbours(self, before: QWidget | None, after: QWidget | None) -> None:
        """Tab comes to the rows from ``before`` and leaves them for ``after``."""
        self._tab_before, self._tab_after = before, after
        self._chain_tabs()

    # -- internals

    def _edited(self) -> None:
        self.changed.emit(self.text())

    def _restructure(self, focus: str) -> None:
        self._rebuild(focus)
        self._edited()

    def _rebuild(self, focus: str | None = None) -> None:
        scrolled = self.rows_area.verticalScrollBar().value() if focus else 0
        old = self.rows_area.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        content = QWidget()
        content.setObjectName("RuleBuilderContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(GroupView(self.tree, self._ctx, "0", content, removable=False,
                                   root=True))
        layout.addStretch(1)
        self.rows_area.setWidget(content)
        self._content = content
        self._chain_tabs()
        widgets = self.focus_widgets()
        if widgets:
            self.setFocusProxy(widgets[0])
        target = self.control(focus) if focus else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            # Once laid out: back where the user was, with the control in view.
            QTimer.singleShot(0, content, partial(self._settle, content, scrolled, focus))

    def _settle(self, content: QWidget, scrolled: int, focus: str | None) -> None:
        if self._content is not content:  # rebuilt again meanwhile
            return
        self.rows_area.verticalScrollBar().setValue(scrolled)
        target = self.control(focus) if focus else None
        if target is not None:
            self.rows_area.ensureWidgetVisible(target)

    def _chain_tabs(self) -> None:
        chain = [w for w in (self._tab_before, *self.focus_widgets(), self._tab_after)
                 if w is not None]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


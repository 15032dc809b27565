"""The red-line builder's rows, without Qt: a rule as a tree a person edits, and back.

A rule of the red-line language (:mod:`desktop.domain.rules`) is shown by the builder
(:mod:`desktop.ui.editors.rule_builder`) as a tree of

* groups -- "all of", "any of", "none of" a list of rows (:class:`Group`);
* "if ... then ..." -- two groups (:class:`IfThen`);
* "at least N of" / "at most N of" a list of provisions (:class:`CountRow`);
* conditions -- "provision → parameter → condition → value", with the parameter possibly
  the clause's phase and the value possibly another provision's param, or "the draft includes
  X" / "the draft does not include X" (:class:`Leaf`).

:func:`to_tree` turns a syntax tree into rows and :func:`to_node` turns rows back into a syntax
tree; for every syntax tree the builder can show, ``to_node(to_tree(node)) == node``, and
:func:`rule_text` writes it in the style the default scenario is written in (a negated
comparison in parentheses, the parts of an implication in parentheses when they are ``and`` or
``or``), so each of its rules reads back as the same text. A rule the builder cannot show
raises :class:`Unsupported` (the editor then shows the text, with the reason); rows that do not
make a rule yet raise :class:`Incomplete`. Never is a rule changed to fit the rows.

The lists the rows are chosen from (:func:`provision_options`, :func:`what_options`,
:func:`condition_options`, :func:`value_options`) show labels, never ids: provisions by title,
params by :func:`~desktop.wording.values.param_label`, choices by
:func:`~desktop.wording.values.choice_label`, yes and no by the param's words.

Every word a person reads goes through the wording's Qt-free translation hook
(:func:`desktop.wording.translate.translate`, context "RuleBuilder"), which the window binds to
Qt's translators: the rows still load without Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias, assert_never

from desktop.domain import Provision
from desktop.domain.params import BoolParam, ChoiceParam, IntParam, NumberParam, ParamSpec, Value
from desktop.domain.rules import parse, typecheck
from desktop.domain.syntax import (
    And,
    Compare,
    Count,
    Implies,
    InList,
    Lit,
    Node,
    Not,
    Op,
    Or,
    Present,
    Ref,
    format_rule,
    precedence,
)
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate
from desktop.wording.values import CURRENCIES, choice_label, param_label, value_text

__all__ = [
    "CONDITION_WORDS",
    "COUNT_WORDS",
    "EXCLUDES",
    "GROUP_WORDS",
    "INCLUDES",
    "MAX_NESTING",
    "MAX_ROWS",
    "PHASE",
    "Condition",
    "CountRow",
    "Group",
    "IfThen",
    "Incomplete",
    "Leaf",
    "NumberRange",
    "Option",
    "Row",
    "Unsupported",
    "condition_options",
    "condition_words",
    "count_words",
    "describe_leaf",
    "group_words",
    "kind_of",
    "new_leaf",
    "number_range",
    "option_value",
    "other_param_options",
    "other_provision_options",
    "provision_options",
    "read_rule",
    "rule_text",
    "set_condition",
    "set_other",
    "set_param",
    "set_provision",
    "spec_of",
    "to_node",
    "to_tree",
    "toggle_value",
    "tree_text",
    "value_key",
    "value_options",
    "what_key",
    "what_options",
]

GroupKind = Literal["all", "any", "none"]
CountKind = Literal["at_least", "at_most"]
Condition = Literal["includes", "excludes", "is", "is_not", "at_least", "at_most", "more_than",
                    "less_than", "one_of", "none_of"]
ValueKind = Literal["number", "choice", "bool"]

# The words of the lists, in English (marked for the catalogue): :func:`group_words`,
# :func:`count_words` and :func:`condition_words` give them translated.
GROUP_WORDS: dict[GroupKind, str] = {"all": QT_TRANSLATE_NOOP("RuleBuilder", "all of"),
                                     "any": QT_TRANSLATE_NOOP("RuleBuilder", "any of"),
                                     "none": QT_TRANSLATE_NOOP("RuleBuilder", "none of")}
COUNT_WORDS: dict[CountKind, str] = {"at_least": QT_TRANSLATE_NOOP("RuleBuilder", "at least"),
                                     "at_most": QT_TRANSLATE_NOOP("RuleBuilder", "at most")}
CONDITION_WORDS: dict[Condition, str] = {
    "includes": QT_TRANSLATE_NOOP("RuleBuilder", "is in the draft"),
    "excludes": QT_TRANSLATE_NOOP("RuleBuilder", "is not in the draft"),
    "is": QT_TRANSLATE_NOOP("RuleBuilder", "is"),
    "is_not": QT_TRANSLATE_NOOP("RuleBuilder", "is not"),
    "at_least": QT_TRANSLATE_NOOP("RuleBuilder", "is at least"),
    "at_most": QT_TRANSLATE_NOOP("RuleBuilder", "is at most"),
    "more_than": QT_TRANSLATE_NOOP("RuleBuilder", "is more than"),
    "less_than": QT_TRANSLATE_NOOP("RuleBuilder", "is less than"),
    "one_of": QT_TRANSLATE_NOOP("RuleBuilder", "is one of"),
    "none_of": QT_TRANSLATE_NOOP("RuleBuilder", "is none of"),
}


def group_words(kind: GroupKind) -> str:
    """"all of", "any of" or "none of", in the user's language."""
    return translate("RuleBuilder", GROUP_WORDS[kind])


def count_words(kind: CountKind) -> str:
    """"at least" or "at most", in the user's language."""
    return translate("RuleBuilder", COUNT_WORDS[kind])


def condition_words(condition: Condition) -> str:
    """A condition in words ("is at least"), in the user's language."""
    return translate("RuleBuilder", CONDITION_WORDS[condition])
_OP: dict[Condition, Op] = {"is": "==", "is_not": "!=", "at_least": ">=", "at_most": "<=",
                            "more_than": ">", "less_than": "<"}
_CONDITION: dict[Op, Condition] = {op: cond for cond, op in _OP.items()}
_LISTS: tuple[Condition, ...] = ("one_of", "none_of")
_PRESENCE: tuple[Condition, ...] = ("includes", "excludes")
_BY_KIND: dict[ValueKind, tuple[Condition, ...]] = {
    "number": ("is", "is_not", "at_least", "at_most", "more_than", "less_than"),
    "choice": ("is", "is_not", "one_of", "none_of"),
    "bool": ("is", "is_not"),
}

#: The "parameter" that is the clause's phase (an integer from 1 up).
PHASE = "phase"
PHASE_RANGE = (1, 1000)
#: Keys of the "parameter" list for the provision itself: in the draft, or not.
INCLUDES = "@includes"
EXCLUDES = "@excludes"
#: More nested groups or more rows than this are not shown as rows (the text is).
MAX_NESTING = 12
MAX_ROWS = 150


class Unsupported(ValueError):
    """A rule the builder cannot show as rows; ``reason`` says why, in words."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class Incomplete(ValueError):
    """Rows that do not make a rule yet ("the 'any of' group has no rows yet")."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


# --------------------------------------------------------------------------- rows


@dataclass
class Leaf:
    """One condition. ``param`` None: the provision itself ("includes" / "excludes"). A
    comparison holds ``value`` or, compared with another provision's param, ``other``; "one of"
    and "none of" hold ``values`` (in the order the rule lists them)."""

    provision: str
    param: str | None = None
    condition: Condition = "includes"
    value: Value | None = None
    other: Ref | None = None
    values: list[Value] = field(default_factory=list)


@dataclass
class Group:
    kind: GroupKind = "all"
    children: list[Row] = field(default_factory=list)


@dataclass
class IfThen:
    premise: Group
    conclusion: Group


@dataclass
class CountRow:
    kind: CountKind = "at_least"
    k: int = 1
    provisions: list[str] = field(default_factory=list)


Row: TypeAlias = Leaf | Group | IfThen | CountRow


# --------------------------------------------------------------------------- text -> rows


def read_rule(text: str, provisions: Mapping[str, Provision]) -> Group:
    """The rows of a rule's text: an empty group for an empty text. Raises
    :class:`~desktop.domain.rules.RuleError` for a rule that does not check and
    :class:`Unsupported` for one the rows cannot show."""
    if not text.strip():
        return Group()
    node = parse(text)
    typecheck(node, provisions, text)
    return to_tree(node)


def to_tree(node: Node) -> Group:
    """The rows of a syntax tree, under a group (a lone condition: "all of" it)."""
    root = _slot(node)
    depth, rows = _size(root)
    if depth > MAX_NESTING:
        raise Unsupported(translate(
            "RuleBuilder", "the rule nests {depth} groups deep; the builder shows at most "
            "{most}").format(depth=depth, most=MAX_NESTING))
    if rows > MAX_ROWS:
        raise Unsupported(translate(
            "RuleBuilder", "the rule has {rows} rows; the builder shows at most {most}"
        ).format(rows=f"{rows:,}", most=MAX_ROWS))
    return root


def _slot(node: Node) -> Group:
    row = _row(node)
    return row if isinstance(row, Group) else Group("all", [row])


# One case per rule node type (match over the syntax tree).
def _row(node: Node) -> Row:  # noqa: PLR0911
    match node:
        case Present():
            return Leaf(node.provision)
        case Compare():
            return _compare_leaf(node)
        case InList():
            return _list_leaf(node, "one_of")
        case Count():
            return CountRow(node.kind, node.k, list(node.provisions))
        case Not(operand=Present() as inner):
            return Leaf(inner.provision, condition="excludes")
        case Not(operand=InList() as inner):
            return _list_leaf(inner, "none_of")
        case Not(operand=Or() as inner):
            return Group("none", [_row(x) for x in inner.operands])
        case Not():
            return Group("none", [_row(node.operand)])
        case And():
            return Group("all", [_row(x) for x in node.operands])
        case Or():
            return Group("any", [_row(x) for x in node.operands])
        case Implies():
            return IfThen(_slot(node.premise), _slot(node.conclusion))
        case _:
            assert_never(node)


def _compare_leaf(node: Compare) -> Leaf:
    ref = node.left
    cond = _CONDITION[node.op]
    if isinstance(node.right, Ref):
        return Leaf(ref.provision, ref.param, cond, other=Ref(node.right.provision,
                                                                node.right.param))
    return Leaf(ref.provision, ref.param, cond, value=node.right.value)


def _list_leaf(node: InList, cond: Condition) -> Leaf:
    values = [item.value for item in node.items]
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        raise Unsupported(translate(
            "RuleBuilder", "it lists numbers ({rule}); the builder picks only choices or yes/no "
            "from a list").format(rule=format_rule(node)))
    return Leaf(node.ref.provision, node.ref.param, cond, values=values)


def _size(row: Row) -> tuple[int, int]:
    """How deep groups nest under ``row`` and how many rows it has (itself included)."""
    match row:
        case Leaf():
            return 0, 1
        case CountRow():
            return 1, 1 + len(row.provisions)
        case Group():
            parts = [_size(child) for child in row.children]
        case IfThen():
            parts = [_size(row.premise), _size(row.conclusion)]
        case _:
            assert_never(row)
    return 1 + max((d for d, _ in parts), default=0), 1 + sum(n for _, n in parts)


# --------------------------------------------------------------------------- rows -> text


def to_node(row: Row) -> Node:
    """The syntax tree of rows; a group of one row is that row. Raises :class:`Incomplete`."""
    match row:
        case Leaf():
            return _leaf_node(row)
        case CountRow():
            if not row.provisions:
                raise Incomplete(
                    translate("RuleBuilder", "“at most {k} of” lists no provisions").format(
                        k=row.k) if row.kind == "at_most"
                    else translate("RuleBuilder", "“at least {k} of” lists no provisions").format(
                        k=row.k))
            return Count(row.kind, row.k, tuple(row.provisions))
        case IfThen():
            return Implies(to_node(row.premise), to_node(row.conclusion))
        case Group():
            return _group_node(row)
        case _:
            assert_never(row)


def _group_node(group: Group) -> Node:
    if not group.children:
        raise Incomplete(translate("RuleBuilder", "a group “{kind}” has no conditions").format(
            kind=group_words(group.kind)))
    parts = tuple(to_node(child) for child in group.children)
    if group.kind == "none":
        return Not(parts[0] if len(parts) == 1 else Or(parts))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if group.kind == "all" else Or(parts)


def _leaf_node(leaf: Leaf) -> Node:
    if leaf.condition in _PRESENCE or leaf.param is None:
        present = Present(leaf.provision)
        return Not(present) if leaf.condition == "excludes" else present
    ref = Ref(leaf.provision, leaf.param)
    if leaf.condition in _LISTS:
        if not leaf.values:
            raise Incomplete(translate(
                "RuleBuilder", "“{param} {condition}” has no values ticked").format(
                    param=leaf.param, condition=condition_words(leaf.condition)))
        in_list = InList(ref, tuple(Lit(v) for v in leaf.values))
        return Not(in_list) if leaf.condition == "none_of" else in_list
    if leaf.other is not None:
        return Compare(ref, _OP[leaf.condition], Ref(leaf.other.provision, leaf.other.param))
    if leaf.value is None:
        raise Incomplete(translate("RuleBuilder", "“{param} {condition}” has no value").format(
            param=leaf.param, condition=condition_words(leaf.condition)))
    return Compare(ref, _OP[leaf.condition], Lit(leaf.value))


def tree_text(row: Row) -> str:
    """The rule text of rows (:func:`rule_text`). Raises :class:`Incomplete`."""
    return rule_text(to_node(row))


def _wrap(node: Node) -> str:
    """A part of ``not``, ``and``, ``or`` or ``->``: in parentheses when it is a connective."""
    text = rule_text(node)
    return f"({text})" if precedence(node) < 4 else text


def rule_text(node: Node) -> str:
    """A rule's text as people write it: :func:`~desktop.domain.syntax.format_rule`, with a
    negated comparison in parentheses (``not (x.level == "de-jure")``) and every connective
    inside another one parenthesised (``a -> (b and c)``, ``(a and b) or c``). It reads back
    as the same tree."""
    match node:
        case Present() | Compare() | InList() | Count():
            return format_rule(node)
        case Not(operand=Compare() | InList() as inner):
            return f"not ({format_rule(inner)})"
        case Not():
            return f"not {_wrap(node.operand)}"
        case And():
            return " and ".join(_wrap(x) for x in node.operands)
        case Or():
            return " or ".join(_wrap(x) for x in node.operands)
        case Implies():
            return f"{_wrap(node.premise)} -> {_wrap(node.conclusion)}"
        case _:
            assert_never(node)


# --------------------------------------------------------------------------- lists to pick from


@dataclass(frozen=True)
class Option:
    """One entry of a list: what it stands for (``key``) and what a person reads."""

    key: str
    label: str
    tip: str = ""


def provision_options(provisions: Mapping[str, Provision]) -> list[Option]:
    """Every provision by its title, alphabetically; a title two provisions share gets the id."""
    titles = [p.title.strip() or pid for pid, p in provisions.items()]
    shared = {t for t in titles if titles.count(t) > 1}
    options = [Option(pid, f"{title} ({pid})" if title in shared else title, pid)
               for (pid, _), title in zip(provisions.items(), titles, strict=True)]
    return sorted(options, key=lambda o: o.label.casefold())


def what_options(provision: Provision | None) -> list[Option]:
    """What a condition looks at: the provision itself (in the draft or not), one of its
    params (by label), or its phase."""
    options = [Option(INCLUDES, condition_words("includes")),
               Option(EXCLUDES, condition_words("excludes"))]
    if provision is not None:
        options += [Option(spec.name, param_label(spec), spec.name) for spec in provision.params]
    options.append(Option(PHASE, translate("RuleBuilder", "Phase"),
                          translate("RuleBuilder", "The clause's phase: 1 comes into force "
                                    "first")))
    return options


def what_key(leaf: Leaf) -> str:
    if leaf.param is None:
        return EXCLUDES if leaf.condition == "excludes" else INCLUDES
    return leaf.param


def spec_of(provisions: Mapping[str, Provision], pid: str, param: str | None
            ) -> ParamSpec | None:
    """The param a condition looks at; None for the phase and the provision itself."""
    prov = provisions.get(pid)
    if prov is None or param is None or param == PHASE:
        return None
    return prov.param(param)


def kind_of(spec: ParamSpec | None) -> ValueKind:
    """What a param holds (the phase is a number)."""
    if isinstance(spec, ChoiceParam):
        return "choice"
    if isinstance(spec, BoolParam):
        return "bool"
    return "number"


def condition_options(kind: ValueKind, current: Condition | None = None) -> list[Option]:
    """The conditions that apply to a kind of value, in words; the current one is kept even
    when it is not among them (a bool "is one of" from a hand-written rule)."""
    conds = list(_BY_KIND[kind])
    if current is not None and current not in conds and current not in _PRESENCE:
        conds.append(current)
    return [Option(c, condition_words(c)) for c in conds]


def value_options(spec: ParamSpec | None) -> list[Option]:
    """The values of a choice (by label) or bool param (by its words)."""
    if isinstance(spec, ChoiceParam):
        return [Option(cid, choice_label(spec, cid), cid) for cid in spec.ids]
    if isinstance(spec, BoolParam):
        return [Option("true", value_text(spec, True)), Option("false", value_text(spec, False))]
    return []


def value_key(value: Value) -> str:
    """The key of a value in :func:`value_options`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def option_value(spec: ParamSpec | None, key: str) -> Value:
    """The value an entry of :func:`value_options` stands for."""
    if isinstance(spec, BoolParam):
        return key == "true"
    return key


def _compatible(spec: ParamSpec, kind: ValueKind) -> bool:
    return kind_of(spec) == kind


def other_provision_options(provisions: Mapping[str, Provision], kind: ValueKind
                            ) -> list[Option]:
    """The provisions with a param a condition on a ``kind`` value can be compared with (every
    provision has a phase)."""
    return [o for o in provision_options(provisions)
            if kind == "number" or any(_compatible(s, kind) for s in provisions[o.key].params)]


def other_param_options(provision: Provision | None, kind: ValueKind) -> list[Option]:
    """A provision's params of the same kind as ``kind`` (by label), and its phase for numbers."""
    specs = provision.params if provision is not None else ()
    options = [Option(s.name, param_label(s), s.name) for s in specs if _compatible(s, kind)]
    if kind == "number":
        options.append(Option(PHASE, translate("RuleBuilder", "Phase")))
    return options


@dataclass(frozen=True)
class NumberRange:
    """How a spin box enters a condition's number: its bounds, step, decimals and unit."""

    minimum: float
    maximum: float
    step: float
    decimals: int
    prefix: str = ""
    suffix: str = ""
    whole: bool = True


_UNBOUNDED = 1e15


def _decimals(value: object) -> int:
    if isinstance(value, float) and not value.is_integer():
        text = repr(value)
        return len(text.split(".")[1]) if "." in text and "e" not in text else 6
    return 0


def number_range(provisions: Mapping[str, Provision], leaf: Leaf) -> NumberRange:
    """The spin box for a numeric condition: the param's min and max (widened to hold the
    rule's own value, which is never clamped), its step, and its unit."""
    spec = spec_of(provisions, leaf.provision, leaf.param)
    value = leaf.value if isinstance(leaf.value, int | float) else None
    if isinstance(spec, IntParam | NumberParam):
        lo = float(spec.min) if spec.min is not None else -_UNBOUNDED
        hi = float(spec.max) if spec.max is not None else _UNBOUNDED
        step = float(spec.step) if spec.step is not None else 1.0
        whole = isinstance(spec, IntParam)
        decimals = max(_decimals(value), _decimals(spec.step), 0 if whole else 2)
        prefix, suffix = _unit_affixes(spec.unit)
    else:  # the phase
        lo, hi, step, whole, decimals, prefix, suffix = (*map(float, PHASE_RANGE), 1.0, True,
                                                         _decimals(value), "", "")
    if value is not None:
        lo, hi = min(lo, float(value)), max(hi, float(value))
    return NumberRange(lo, hi, step, decimals, prefix, suffix, whole and decimals == 0)


def _unit_affixes(unit: str | None) -> tuple[str, str]:
    if not unit:
        return "", ""
    if unit in CURRENCIES:
        return f"{unit} ", ""
    return ("", "%") if unit == "%" else ("", f" {unit}")


# --------------------------------------------------------------------------- editing a row


def _default(spec: ParamSpec | None) -> Value:
    return spec.default if spec is not None else PHASE_RANGE[0]


def new_leaf(provisions: Mapping[str, Provision], near: str | None = None) -> Leaf:
    """A fresh condition: ``near`` (or the first provision by title) is in the draft."""
    if near is not None and near in provisions:
        return Leaf(near)
    options = provision_options(provisions)
    return Leaf(options[0].key if options else "")


def set_provision(leaf: Leaf, pid: str, provisions: Mapping[str, Provision]) -> None:
    """Look at another provision: the same param when it has one of the same kind (the phase
    always), otherwise the provision itself."""
    old = spec_of(provisions, leaf.provision, leaf.param)
    leaf.provision = pid
    if leaf.param is None or leaf.param == PHASE:
        return
    new = spec_of(provisions, pid, leaf.param)
    if new is None or type(new) is not type(old) or (
            isinstance(new, ChoiceParam) and not _values_fit(leaf, new)):
        set_param(leaf, INCLUDES, provisions)


def _values_fit(leaf: Leaf, spec: ChoiceParam) -> bool:
    values = [leaf.value, *leaf.values] if leaf.other is None else leaf.values
    return all(v is None or v in spec.ids for v in values)


def set_param(leaf: Leaf, key: str, provisions: Mapping[str, Provision]) -> None:
    """Look at another param (a key of :func:`what_options`); the condition stays when it
    applies, the value starts at the param's default."""
    leaf.other = None
    if key in (INCLUDES, EXCLUDES):
        leaf.param, leaf.value, leaf.values = None, None, []
        leaf.condition = "includes" if key == INCLUDES else "excludes"
        return
    leaf.param = key
    spec = spec_of(provisions, leaf.provision, key)
    if leaf.condition not in _BY_KIND[kind_of(spec)]:
        leaf.condition = "is"
    leaf.value = _default(spec)
    leaf.values = [leaf.value] if leaf.condition in _LISTS else []


def set_condition(leaf: Leaf, cond: Condition, provisions: Mapping[str, Provision]) -> None:
    """Change the condition, carrying the value over between one value and a list."""
    spec = spec_of(provisions, leaf.provision, leaf.param)
    if cond in _LISTS and leaf.condition not in _LISTS:
        first = leaf.value if leaf.other is None and leaf.value is not None else _default(spec)
        leaf.values, leaf.other = [first], None
    elif cond not in _LISTS and leaf.condition in _LISTS:
        leaf.value = leaf.values[0] if leaf.values else _default(spec)
        leaf.values = []
    leaf.condition = cond


def set_other(leaf: Leaf, compare_with_other: bool, provisions: Mapping[str, Provision]
              ) -> None:
    """Compare with another provision's param (the first that fits) or with a value."""
    if not compare_with_other:
        if leaf.other is not None:
            leaf.other = None
            if leaf.value is None:
                leaf.value = _default(spec_of(provisions, leaf.provision, leaf.param))
        return
    if leaf.other is not None:
        return
    kind = kind_of(spec_of(provisions, leaf.provision, leaf.param))
    for option in other_provision_options(provisions, kind):
        if option.key != leaf.provision or kind != "number":
            params = other_param_options(provisions[option.key], kind)
            leaf.other = Ref(option.key, params[0].key)
            return
    leaf.other = Ref(leaf.provision, PHASE)


def toggle_value(leaf: Leaf, value: Value, ticked: bool) -> None:
    """Tick or untick one value of "one of" / "none of", keeping the order of the rest."""
    if ticked and value not in leaf.values:
        leaf.values.append(value)
    elif not ticked:
        leaf.values = [v for v in leaf.values if v != value or type(v) is not type(value)]


# --------------------------------------------------------------------------- in words


def describe_leaf(leaf: Leaf, provisions: Mapping[str, Provision]) -> str:
    """A condition as a sentence-like line, for screen readers and tooltips:
    "Ceiling on Ukraine's armed forces: Army personnel is at least 800,000 personnel"."""
    prov = provisions.get(leaf.provision)
    title = prov.title if prov is not None else leaf.provision
    words = condition_words(leaf.condition)
    if leaf.param is None:
        return translate("RuleBuilder", "{provision} {condition}").format(provision=title,
                                                                          condition=words)
    spec = spec_of(provisions, leaf.provision, leaf.param)
    what = (translate("RuleBuilder", "Phase") if leaf.param == PHASE
            else param_label(spec) if spec else leaf.param)
    if leaf.condition in _LISTS:
        shown = _series([value_text(spec, v) for v in leaf.values])
    elif leaf.other is not None:
        other = provisions.get(leaf.other.provision)
        other_spec = spec_of(provisions, leaf.other.provision, leaf.other.param)
        other_title = other.title if other else leaf.other.provision
        if leaf.other.param == PHASE:
            shown = translate("RuleBuilder", "the phase of {provision}").format(
                provision=other_title)
        else:
            shown = translate("RuleBuilder", "the {parameter} of {provision}").format(
                parameter=param_label(other_spec) if other_spec else leaf.other.param,
                provision=other_title)
    else:
        shown = value_text(spec, leaf.value) if leaf.value is not None else "…"
    return translate("RuleBuilder", "{provision}: {parameter} {condition} {value}").format(
        provision=title, parameter=what, condition=words, value=shown)


def _series(items: Sequence[str]) -> str:
    """"a", "a or b", "a, b or c"."""
    if len(items) < 2:
        return "".join(items)
    return translate("RuleBuilder", "{items} or {last}").format(
        items=translate("RuleBuilder", ", ").join(items[:-1]), last=items[-1])

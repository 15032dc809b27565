"""The red-line language's syntax tree, and its canonical text.

A rule parsed by :mod:`desktop.domain.rules` is a tree of the frozen nodes below;
:func:`format_rule` writes one back with the fewest parentheses that keep its meaning. Every
function that takes a node apart dispatches with ``match`` and ends in
:func:`typing.assert_never`, so a new kind of node is a type error wherever it is not handled.

Pure data and pure functions: imports nothing of Accord but :mod:`desktop.domain.params`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, TypeAlias, assert_never

from desktop.domain.params import Value

Op = Literal["==", "!=", "<", "<=", ">", ">="]
OPS: tuple[Op, ...] = ("==", "!=", "<", "<=", ">", ">=")
NEGATED: dict[Op, Op] = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}


# --------------------------------------------------------------------------- AST


@dataclass(frozen=True, slots=True)
class Ref:
    """``X.param``; ``param == "phase"`` is the clause's phase."""

    provision: str
    param: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Lit:
    value: Value
    pos: int = field(default=0, compare=False)

    def __eq__(self, other: object) -> bool:
        # 1 == 1.0 == True in Python; the language keeps them apart.
        return (
            isinstance(other, Lit)
            and type(self.value) is type(other.value)
            and self.value == other.value
        )

    def __hash__(self) -> int:
        return hash((type(self.value), self.value))


@dataclass(frozen=True, slots=True)
class Present:
    provision: str
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Compare:
    left: Ref
    op: Op
    right: Ref | Lit
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class InList:
    ref: Ref
    items: tuple[Lit, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Count:
    kind: Literal["at_least", "at_most"]
    k: int
    provisions: tuple[str, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Not:
    operand: Node
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class And:
    operands: tuple[Node, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Or:
    operands: tuple[Node, ...]
    pos: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Implies:
    premise: Node
    conclusion: Node
    pos: int = field(default=0, compare=False)


Node: TypeAlias = Present | Compare | InList | Count | Not | And | Or | Implies



# --------------------------------------------------------------------------- formatter


def format_rule(node: Node) -> str:
    """The canonical text of a rule, with the fewest parentheses that keep its meaning."""
    match node:
        case Present(provision=pid):
            return pid
        case Compare():
            return f"{format_operand(node.left)} {node.op} {format_operand(node.right)}"
        case InList():
            items = ", ".join(format_literal(i.value) for i in node.items)
            return f"{format_operand(node.ref)} in [{items}]"
        case Count():
            return f"{node.kind}({node.k}, {', '.join(node.provisions)})"
        case Not():
            return f"not {_wrap(node.operand, 4)}"
        case And():
            return " and ".join(_wrap(x, 4) for x in node.operands)
        case Or():
            return " or ".join(_wrap(x, 3) for x in node.operands)
        case Implies():
            # Right-associative: the premise needs parentheses if it is an implication.
            return f"{_wrap(node.premise, 2)} -> {_wrap(node.conclusion, 1)}"
        case _:
            assert_never(node)


def precedence(node: Node) -> int:
    """How tightly a node binds: 1 (``->``) to 5 (a term); the formatter wraps a weaker part."""
    match node:
        case Implies():
            return 1
        case Or():
            return 2
        case And():
            return 3
        case Not():
            return 4
        case Present() | Compare() | InList() | Count():
            return 5
        case _:
            assert_never(node)


def _wrap(node: Node, min_prec: int) -> str:
    text = format_rule(node)
    return f"({text})" if precedence(node) < min_prec else text


def format_literal(value: Value) -> str:
    """A value as a literal of the rule language: ``true``, ``"text"``, ``0.5``, ``800000``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        # The shortest digits that read back as the same float, written without an exponent
        # (the language has none): repr gives the digits, Decimal lays them out positionally.
        text = format(Decimal(repr(value)), "f")
        return text if "." in text else text + ".0"
    return str(value)


def format_operand(x: Ref | Lit) -> str:
    """``X.param`` or a literal, as written in a rule."""
    return f"{x.provision}.{x.param}" if isinstance(x, Ref) else format_literal(x.value)


# --------------------------------------------------------------------------- traversal


def children(node: Node) -> tuple[Node, ...]:
    """A node's operands, in the order they are written."""
    match node:
        case Present() | Compare() | InList() | Count():
            return ()
        case Not():
            return (node.operand,)
        case And() | Or():
            return node.operands
        case Implies():
            return (node.premise, node.conclusion)
        case _:
            assert_never(node)


def walk(node: Node) -> Sequence[Node]:
    """Every node of a tree, parents first."""
    out: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(children(n)))
    return out


def mentioned(node: Node) -> frozenset[str]:
    """Every provision a rule mentions."""
    out: set[str] = set()
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        match n:
            case Present():
                out.add(n.provision)
            case Compare():
                out.add(n.left.provision)
                if isinstance(n.right, Ref):
                    out.add(n.right.provision)
            case InList():
                out.add(n.ref.provision)
            case Count():
                out.update(n.provisions)
            case Not() | And() | Or() | Implies():
                stack.extend(children(n))
            case _:
                assert_never(n)
    return frozenset(out)

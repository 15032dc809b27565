"""Hypothesis strategies shared by the domain tests: a small provision library, well-typed rule
trees over it, and random draft states."""

from __future__ import annotations

from typing import Any, Literal

from hypothesis import strategies as st

from desktop.domain.model import Provision
from desktop.domain.rules import (
    OPS,
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
)

PROVISIONS: tuple[Provision, ...] = (
    Provision.model_validate(
        {
            "id": "cap", "title": "Army cap", "category": "military-limits", "kind": "concession",
            "text": "At most {personnel}.",
            "params": [{"name": "personnel", "type": "int", "min": 0, "max": 2_000_000,
                        "default": 800_000}],
        }
    ),
    Provision.model_validate(
        {
            "id": "zone", "title": "Zone", "category": "territory", "kind": "concession",
            "text": "A {kind} zone.",
            "params": [
                {"name": "kind", "type": "choice",
                 "choices": ["dmz", "free-economic", "russian-controlled"], "default": "dmz"},
                {"name": "policed", "type": "bool", "default": False},
            ],
        }
    ),
    Provision.model_validate(
        {
            "id": "fund", "title": "Fund", "category": "economy", "kind": "incentive",
            "text": "USD {usd_bn} bn.",
            "params": [{"name": "usd_bn", "type": "number", "min": 0, "max": 1000,
                        "default": 100}],
        }
    ),
    *(
        Provision.model_validate(
            {"id": pid, "title": pid, "category": "misc", "kind": "commitment", "text": pid}
        )
        for pid in ("a", "b", "c", "d-e")
    ),
)

NUMERIC_REFS = (("cap", "personnel"), ("fund", "usd_bn"), ("cap", "phase"), ("zone", "phase"),
                ("fund", "phase"), ("a", "phase"))
CHOICES = ("dmz", "free-economic", "russian-controlled")
IDS = tuple(p.id for p in PROVISIONS)

numbers = st.one_of(
    st.integers(min_value=-5, max_value=2_000_000),
    st.floats(min_value=-10, max_value=1e6, allow_nan=False, allow_infinity=False),
)


def _ref(pair: tuple[str, str]) -> Ref:
    return Ref(pair[0], pair[1])


@st.composite
def _numeric_compare(draw: st.DrawFn) -> Node:
    left = _ref(draw(st.sampled_from(NUMERIC_REFS)))
    op: Op = draw(st.sampled_from(OPS))
    if draw(st.booleans()):
        return Compare(left, op, _ref(draw(st.sampled_from(NUMERIC_REFS))))
    return Compare(left, op, Lit(draw(numbers)))


@st.composite
def _choice_compare(draw: st.DrawFn) -> Node:
    left = Ref("zone", "kind")
    if draw(st.booleans()):
        items = draw(st.lists(st.sampled_from(CHOICES), min_size=1, max_size=3))
        return InList(left, tuple(Lit(i) for i in items))
    op: Op = draw(st.sampled_from(("==", "!=")))
    return Compare(left, op, Lit(draw(st.sampled_from(CHOICES))))


@st.composite
def _bool_compare(draw: st.DrawFn) -> Node:
    op: Op = draw(st.sampled_from(("==", "!=")))
    return Compare(Ref("zone", "policed"), op, Lit(draw(st.booleans())))


@st.composite
def _count(draw: st.DrawFn) -> Node:
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4))
    kind: Literal["at_least", "at_most"] = draw(st.sampled_from(("at_least", "at_most")))
    return Count(kind, draw(st.integers(0, 4)), tuple(ids))


leaves: st.SearchStrategy[Node] = st.one_of(
    st.sampled_from(IDS).map(Present),
    _numeric_compare(),
    _choice_compare(),
    _bool_compare(),
    _count(),
)


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        children.map(Not),
        st.lists(children, min_size=2, max_size=4).map(lambda xs: And(tuple(xs))),
        st.lists(children, min_size=2, max_size=4).map(lambda xs: Or(tuple(xs))),
        st.tuples(children, children).map(lambda ab: Implies(ab[0], ab[1])),
    )


def rule_trees() -> st.SearchStrategy[Node]:
    """Well-typed rule trees over :data:`PROVISIONS`."""
    return st.recursive(leaves, _extend, max_leaves=12)


@st.composite
def states(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """A random draft as the rules see it: present provisions with in-domain values and phases."""
    state: dict[str, dict[str, Any]] = {}
    for prov in PROVISIONS:
        if not draw(st.booleans()):
            continue
        values: dict[str, Any] = {"phase": draw(st.integers(1, 4))}
        for param in prov.params:
            if param.type == "int":
                values[param.name] = draw(st.integers(0, 2_000_000))
            elif param.type == "number":
                values[param.name] = draw(
                    st.one_of(st.integers(0, 1000), st.floats(0, 1000, allow_nan=False))
                )
            elif param.type == "choice":
                values[param.name] = draw(st.sampled_from(param.choices))
            else:
                values[param.name] = draw(st.booleans())
        state[prov.id] = values
    return state

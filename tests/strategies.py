"""Hypothesis strategies shared by the tests: a small provision library, well-typed rule trees
over it, random draft states, and the values of a param (in its domain, refused by it, or as
the inspector's widgets enter them): the one place param values are generated."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

from hypothesis import strategies as st

from desktop.domain.model import (
    BoolParam,
    ChoiceParam,
    IntParam,
    NumberParam,
    ParamSpec,
    Provision,
    Value,
)
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
            values[param.name] = draw(value_of(param))
        state[prov.id] = values
    return state


# --------------------------------------------------------------------------- param values

#: Values that have broken number handling before: beyond 64 bits, beyond exact floats, the
#: smallest and largest floats, -0.0 and decimals with no exact binary form.
SPECIAL_INTS = (0, 1, -1, 800_000, 2**31, 2**53 + 1, 2**63, -(2**63) - 1, 10**30)  # beyond float
SPECIAL_FLOATS = (0.1, 1e-7, -1e-7, 0.5, 1.0, -0.0, 2.5, 1e15, 5e-324, 1.7976931348623157e308)


def value_of(spec: ParamSpec) -> st.SearchStrategy[Value]:
    """Values inside the param's domain, of every type the domain admits."""
    if isinstance(spec, BoolParam):
        return st.booleans()
    if isinstance(spec, ChoiceParam):
        return st.sampled_from(spec.ids)
    special = [v for v in (*SPECIAL_INTS, *SPECIAL_FLOATS) if spec.fits(v)]
    lo = None if spec.min is None else math.ceil(spec.min)
    hi = None if spec.max is None else math.floor(spec.max)
    options: list[st.SearchStrategy[Value]] = []
    if special:  # first: the branch a state machine draws most
        options.append(st.sampled_from(special))
    options.append(st.just(spec.default))
    if lo is None or hi is None or lo <= hi:
        options.append(st.integers(lo, hi))
    if isinstance(spec, NumberParam):
        if spec.min is not None and spec.min == spec.max:
            options.append(st.just(float(spec.min)))  # st.floats(0, -0.0) would be refused
        else:
            unbounded = spec.min is None and spec.max is None
            options.append(st.floats(spec.min, spec.max, allow_nan=False,
                                     allow_infinity=unbounded))
    return st.one_of(options)


def wrong_values(spec: ParamSpec) -> st.SearchStrategy[Value]:
    """Values the param must refuse: wrong types (1.0 for an int, True for a number) and values
    outside its range or choices."""
    wrong: list[Value] = [True, False, 1, 0, 1.0, -0.0, 0.5, "1", "true", "", float("nan")]
    if isinstance(spec, ChoiceParam):
        first = spec.ids[0]
        wrong += [first + "\u200b", first + " ", first.upper()]
    if isinstance(spec, IntParam | NumberParam):
        if spec.min is not None:
            wrong += [spec.min - 1, spec.min - 0.5]
        if spec.max is not None:
            wrong += [spec.max + 1, spec.max + 0.5]
    return st.sampled_from([v for v in wrong if not spec.fits(v)])


def entered_value(spec: ParamSpec) -> st.SearchStrategy[object]:
    """Values the param accepts, as the inspector's widgets can enter them: ints within a
    spin box's range, numbers as typed decimals (five places), choices and booleans."""
    if isinstance(spec, IntParam):
        low = max(spec.min if spec.min is not None else -10**6, -(2**31 - 1))
        high = min(spec.max if spec.max is not None else 10**6, 2**31 - 1)
        return st.integers(low, high)
    if isinstance(spec, NumberParam):
        lowest = Decimal(repr(spec.min)) if spec.min is not None else Decimal(-10**6)
        highest = Decimal(repr(spec.max)) if spec.max is not None else Decimal(10**6)
        return st.decimals(lowest, highest, places=5, allow_nan=False, allow_infinity=False)
    if isinstance(spec, ChoiceParam):
        return st.sampled_from(spec.ids)
    assert isinstance(spec, BoolParam)
    return st.booleans()

"""The bridge finder: the smallest change to a draft that every party's red lines accept.

The scenario is compiled straight into an OR-Tools CP-SAT model (no enumeration of packages):

* one BoolVar per library provision (is it in the draft?);
* one IntVar per param that some encoded rule reads (int: its value; number: its value on a
  decimal grid, see below; choice: the index of the choice; bool: 0/1), and per clause phase a
  rule reads. A param no rule reads can never need a change, so it is left as it is;
* one reified BoolVar per rule node, equivalent to the node's truth value, so ``not`` is just
  the negated literal. A comparison is the conjunction of the presence of every provision it
  reads and the value relation, so "a comparison touching a missing provision is false" holds.

Exactness. Numbers are grouped into *components*: params compared with each other (``X.a <
Y.b``) share one; every other numeric param has its own. Each component has a decimal scale,
10^(d + e): d = the most decimal places of any bound, default, current value or literal that
touches it, e = enough extra digits to place every member strictly between two neighbouring
values of the coarser grid (so ``0.1 < x < 0.2`` has solutions on the grid whenever it has
real ones). Int and phase variables keep their own values and are multiplied by the scale
only inside a comparison with another param. Before a model is built every variable's domain
and every linear term is checked against 64-bit limits, and every grid value of a number param
against the 15 significant digits a float reads back exactly; when something does not fit,
:class:`BeyondExactSolver` says so instead of an answer.

Certificates. Every answer is re-verified by an independent path before it is returned: a
proposal must pass :func:`~desktop.domain.checker.check` for the chosen parties; a draft that
``check()`` finds viable must come back with 0 changes; each clash set is re-proven on fresh
models, infeasible as a whole and feasible (with a witness the checker's own compiled rules
accept) with any one member dropped; the red lines to relax leave a witness the checker
accepts. A failed certificate raises :class:`CertificateError`: a bug report, never a result.

Hard constraints: every red line of the chosen parties, and every ``excludes`` pair. The objective
is lexicographic and solved in stages, each stage's optimum fixed before the next: (1) fewest
changes, (2) highest minimum satisfaction over the chosen parties that state preferences,
(3) highest sum of those parties' satisfactions. See docs/bridge.md for the exact definitions.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias

from ortools.sat.python import cp_model

from desktop.domain.checker import CompiledScenario, check, compiled
from desktop.domain.model import (
    BoolParam,
    ChoiceParam,
    Clause,
    Draft,
    IntParam,
    NumberParam,
    Scenario,
    Value,
)
from desktop.domain.rules import (
    And,
    Compare,
    CompiledRule,
    Count,
    Implies,
    InList,
    Lit,
    Node,
    Not,
    Or,
    Present,
    Ref,
    walk,
)

#: Weights are scaled to integers with at most this many decimal places.
WEIGHT_DECIMALS = 6
#: Resolution of the min-satisfaction objective when the exact common denominator is too big.
SAT_RESOLUTION = 1_000_000
#: Largest product of any coefficient and any variable bound within one linear constraint:
#: CP-SAT works in 64-bit integers and silently mis-solves (declares infeasible) constraints
#: where such a product overflows, so every model is checked against this, with a margin.
TERM_LIMIT = 2**60
#: A number param's grid values must read back exactly as floats: at most 15 significant digits.
FLOAT_EXACT = 10**15
#: The checker's phases run 1 … 1000 (``Clause.phase``).
PHASE_MAX = 1000

ChangeOp = Literal["add", "remove", "set", "phase"]

# CP-SAT's Python types are overloaded unions (literals, linear expressions, numpy scalars);
# this module passes them around opaquely.
_Var: TypeAlias = Any
_Expr: TypeAlias = Any


# --------------------------------------------------------------------------- API


class BeyondExactSolver(ValueError):
    """The scenario's magnitudes or decimals cannot be encoded exactly in 64-bit integers.

    ``str(err)`` is one sentence for a person, naming the provision and param."""


class CertificateError(RuntimeError):
    """An answer failed its independent re-check. This is a bug in Accord, never a result:
    callers report it as an internal error and show no answer."""


@dataclass(frozen=True, slots=True)
class Change:
    op: ChangeOp
    provision: str
    reason: str
    param: str | None = None
    value: Value | None = None
    phase: int | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    changes: tuple[Change, ...]
    clauses: tuple[Clause, ...]
    satisfaction: dict[str, float | None]
    cost: int


@dataclass(frozen=True, slots=True)
class ClashItem:
    party: str
    red_line: str
    title: str
    rule: str


@dataclass(frozen=True, slots=True)
class BridgeResult:
    """What the bridge finder found.

    ``feasible``: a proposal every chosen party accepts exists (and is ``proposal``).
    ``optimal``: everything reported was proven (fewest changes, or no agreement and minimal
    clashes and the fewest red lines to relax); false when a time limit cut the search short.
    ``proven_infeasible``: no agreement is possible, proven; false when there is a proposal or
    when the time ran out before either was known. ``clashes``: distinct minimal clash sets,
    each re-verified (``clash`` is the first). ``notes``: what is partial, in words.
    """

    feasible: bool
    optimal: bool
    status: str
    proposal: Proposal | None
    alternatives: tuple[Proposal, ...]
    clashes: tuple[tuple[ClashItem, ...], ...] = ()
    relax: tuple[ClashItem, ...] = ()
    proven_infeasible: bool = False
    notes: tuple[str, ...] = ()

    @property
    def clash(self) -> tuple[ClashItem, ...]:
        return self.clashes[0] if self.clashes else ()


@dataclass(frozen=True, slots=True)
class FrontierPoint:
    satisfaction: tuple[float, float]
    clauses: tuple[Clause, ...]
    nash: bool
    egalitarian: bool


class CancelToken:
    """Thread-safe: :meth:`cancel` stops the running solve (CP-SAT ``StopSearch``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._solver: Any | None = None

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._solver is not None:
                self._solver.stop_search()

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def _attach(self, solver: Any | None) -> None:
        with self._lock:
            self._solver = solver
            if solver is not None and self._cancelled:
                solver.stop_search()


class _Cancelled(Exception):
    pass


class _OutOfTime(Exception):
    """The call's deadline passed while a model was being built."""


# --------------------------------------------------------------------------- helpers


def _decimals(x: int | float) -> int:
    if isinstance(x, int):
        return 0
    exp = Decimal(repr(x)).normalize().as_tuple().exponent
    assert isinstance(exp, int)
    return max(0, -exp)


def _exact(x: int | float) -> Fraction:
    """A number as the decimal a person wrote (0.1 is exactly 1/10), as the checker reads it."""
    if isinstance(x, int):
        return Fraction(x)
    return Fraction(Decimal(repr(x)))


def _finite(x: int | float) -> bool:
    return isinstance(x, int) or math.isfinite(x)


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


@dataclass(frozen=True, slots=True)
class _RedLine:
    party: str
    party_name: str
    id: str
    title: str
    rule: CompiledRule


@dataclass(frozen=True, slots=True)
class _Solution:
    present: dict[str, bool]
    values: dict[str, dict[str, int]]  # raw solver values of modelled params ("phase" too)


_Key: TypeAlias = tuple[str, str]  # (provision, param or "phase")


@dataclass(frozen=True, slots=True)
class _Numeric:
    """How one numeric param (or phase) is encoded: its variable holds ``value * scale / k``
    (numbers: k = 1, the grid value; ints and phases: k = scale, the value itself)."""

    scale: int
    k: int
    lo: int
    hi: int


class _Components:
    """Union-find over numeric params: params compared with each other share a scale."""

    def __init__(self) -> None:
        self.parent: dict[_Key, _Key] = {}

    def add(self, key: _Key) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: _Key) -> _Key:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: _Key, b: _Key) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[_Key]]:
        out: dict[_Key, list[_Key]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return list(out.values())


class _Compiler:
    """The CP-SAT model of one scenario, one current draft and a set of parties.

    ``red_lines`` overrides which red lines are encoded (default: every red line of
    ``parties``); preferences are those of ``parties`` when ``satisfaction`` is on."""

    def __init__(self, scenario: Scenario, draft: Draft, parties: Sequence[str], *,
                 satisfaction: bool = True,
                 red_lines: Sequence[_RedLine] | None = None,
                 run: _Run | None = None) -> None:
        self.run = run
        self.scenario = scenario
        self.draft = draft
        self.checker: CompiledScenario = compiled(scenario)
        rules = {p.id: p for p in self.checker.parties}
        self.parties = [scenario.party(p) for p in parties]
        if red_lines is None:
            red_lines = [_RedLine(p.id, p.name, rid, title, rule)
                         for p in self.parties for rid, title, rule in rules[p.id].red_lines]
        self.red_lines: list[_RedLine] = list(red_lines)
        self.preferences: dict[str, list[tuple[float, CompiledRule]]] = {}
        if satisfaction:
            for p in self.parties:
                if rules[p.id].preferences:
                    self.preferences[p.id] = [(w, r) for _, w, r in rules[p.id].preferences]
        self.m: Any = cp_model.CpModel()
        self.current = {c.provision: c for c in draft.clauses}
        self._true = self.m.new_bool_var("true")
        self.m.add(self._true == 1)
        self._cache: dict[Node, _Var] = {}
        self._eq_cache: dict[tuple[str, str, int], _Var] = {}
        self._le_cache: dict[tuple[tuple[int, ...], int], _Var] = {}
        nodes = [n for rl in self.red_lines for n in walk(rl.rule.node)]
        nodes += [n for prefs in self.preferences.values() for _, r in prefs
                  for n in walk(r.node)]
        self._setup_numbers(nodes)
        self.pres: dict[str, _Var] = {}
        self.vars: dict[str, dict[str, _Var]] = {}
        self.cur_raw: dict[str, dict[str, int]] = {}
        self.change_terms: list[_Var] = []
        for i, prov in enumerate(scenario.provisions):
            self._tick(i)
            self._declare(prov.id)
        for prov in scenario.provisions:
            for other in prov.excludes:
                self.m.add_bool_or([self.pres[prov.id].Not(), self.pres[other].Not()])
        self.cost = sum(self.change_terms)
        self.red_lits: list[_Var] = []
        for i, rl in enumerate(self.red_lines):
            self._tick(i)
            self.red_lits.append(self.lit(rl.rule.node))
        self._setup_satisfaction()

    def _tick(self, i: int) -> None:
        """Building a model for a huge scenario takes seconds: it too keeps the deadline."""
        if self.run is not None and i % 256 == 0:
            if self.run.cancel is not None and self.run.cancel.cancelled:
                raise _Cancelled
            if self.run.expired():
                raise _OutOfTime

    # -- domains

    def _kind(self, ref: Ref) -> str:
        if ref.param == "phase":
            return "phase"
        spec = self.scenario.provision(ref.provision).param(ref.param)
        assert spec is not None
        return spec.type

    def _setup_numbers(self, nodes: Iterable[Node]) -> None:
        """Which params are modelled, and the scale and domain of each numeric one."""
        self.used: set[_Key] = set()
        comps = _Components()
        literals: dict[_Key, list[int | float]] = {}
        for n in nodes:
            refs: list[Ref] = []
            lits: list[Value] = []
            if isinstance(n, Compare):
                refs.append(n.left)
                if isinstance(n.right, Ref):
                    refs.append(n.right)
                else:
                    lits.append(n.right.value)
            elif isinstance(n, InList):
                refs.append(n.ref)
                lits.extend(i.value for i in n.items)
            for ref in refs:
                key = (ref.provision, ref.param)
                self.used.add(key)
                if self._kind(ref) in ("int", "number", "phase"):
                    comps.add(key)
                    literals.setdefault(key, []).extend(
                        v for v in lits if isinstance(v, int | float) and _is_number(v))
            if len(refs) == 2 and self._kind(refs[0]) in ("int", "number", "phase"):
                comps.union((refs[0].provision, refs[0].param),
                            (refs[1].provision, refs[1].param))
        self.numeric: dict[_Key, _Numeric] = {}
        for group in comps.groups():
            self._setup_component(group, literals)

    def _numbers_of(self, key: _Key) -> list[tuple[int | float, str]]:
        """Every number that bounds or is a value of one param: (number, what it is)."""
        pid, name = key
        clause = self.current.get(pid)
        if name == "phase":
            phases: list[tuple[int | float, str]] = [(1, "the first phase")]
            if clause is not None:
                phases.append((clause.phase, "its phase in the draft"))
            return phases
        spec = self.scenario.provision(pid).param(name)
        assert isinstance(spec, IntParam | NumberParam)
        out: list[tuple[int | float, str]] = [(spec.default, "its default")]
        out += [(x, what) for x, what in ((spec.min, "its minimum"), (spec.max, "its maximum"))
                if x is not None]
        if clause is not None and name in clause.values:
            v = clause.values[name]
            assert _is_number(v)
            assert isinstance(v, int | float)
            out.append((v, "its value in the draft"))
        return out

    def _describe(self, key: _Key) -> str:
        pid, name = key
        title = self.scenario.provision(pid).title
        return f"'{title}' ({'its phase' if name == 'phase' else name})"

    def _setup_component(self, group: list[_Key], literals: dict[_Key, list[int | float]]
                         ) -> None:
        numbers: list[int | float] = []
        for key in group:
            for x, what in self._numbers_of(key):
                if not _finite(x):
                    raise BeyondExactSolver(
                        f"{self._describe(key)} has an infinite value ({what}), which the "
                        "exact solver cannot work with")
                numbers.append(x)
            numbers.extend(literals.get(key, ()))
        has_number = any(self._kind(Ref(p, n)) == "number" for p, n in group)
        scale = 1
        if has_number:
            extra = len(str(len(group)))  # 10**extra - 1 >= members: room for strict chains
            scale = 10 ** (max(_decimals(x) for x in numbers) + extra)
        lo, hi = min(numbers), max(numbers)
        slack = len(group) + 2
        free_lo, free_hi = math.floor(lo) - slack, math.ceil(hi) + slack
        for key in group:
            pid, name = key
            kind = self._kind(Ref(pid, name))
            if kind == "phase":
                vlo, vhi, k = 1, max(1, min(PHASE_MAX, free_hi)), scale
            elif kind == "int":
                spec = self.scenario.provision(pid).param(name)
                assert isinstance(spec, IntParam)
                vlo = spec.min if spec.min is not None else free_lo
                vhi = spec.max if spec.max is not None else free_hi
                k = scale
            else:
                spec = self.scenario.provision(pid).param(name)
                assert isinstance(spec, NumberParam)
                vlo = math.ceil(_exact(spec.min) * scale) if spec.min is not None \
                    else free_lo * scale
                vhi = math.floor(_exact(spec.max) * scale) if spec.max is not None \
                    else free_hi * scale
                k = 1
                if max(abs(vlo), abs(vhi)) >= FLOAT_EXACT:
                    raise BeyondExactSolver(
                        f"{self._describe(key)} needs {len(str(max(abs(vlo), abs(vhi))))} "
                        "significant digits on the exact solver's grid "
                        f"({_decimal_places(scale)} decimal places); values it could propose "
                        "would not be exact")
            self.numeric[key] = _Numeric(scale, k, vlo, vhi)
        # A comparison of two members is one linear constraint over both; CP-SAT 9.15 needs
        # every coefficient times every variable bound in it to fit in 64 bits (measured:
        # 10^5·x − y with y down to −9.3·10^13 is declared infeasible). Keep a margin.
        biggest = max(max(abs(n.lo), abs(n.hi)) for n in (self.numeric[k] for k in group))
        coef = max(self.numeric[k].k for k in group) if len(group) > 1 else 1
        worst = max(group, key=lambda k: max(abs(self.numeric[k].lo), abs(self.numeric[k].hi)))
        if biggest * max(coef, self.numeric[worst].k) > TERM_LIMIT:
            raise BeyondExactSolver(
                f"{self._describe(worst)} reaches {max(abs(lo), abs(hi)):,}"
                + (f" and is compared with values of {_decimal_places(scale)} decimal "
                   "places" if scale > 1 else "")
                + ", beyond what the exact solver can represent")

    def _declare(self, pid: str) -> None:
        prov = self.scenario.provision(pid)
        m: Any = self.m
        present = m.new_bool_var(f"in:{pid}")
        self.pres[pid] = present
        clause = self.current.get(pid)
        values: dict[str, Value] = dict(prov.defaults())
        if clause is not None:
            values.update(clause.values)
            values["phase"] = clause.phase
        else:
            values["phase"] = 1
        vars_: dict[str, _Var] = {}
        raw: dict[str, int] = {}
        for name in [p.name for p in prov.params] + ["phase"]:
            if (pid, name) not in self.used:
                continue
            cur = values[name]
            spec = prov.param(name) if name != "phase" else None
            if isinstance(spec, BoolParam):
                var = m.new_int_var(0, 1, f"{pid}.{name}")
                raw[name] = int(bool(cur))
            elif isinstance(spec, ChoiceParam):
                var = m.new_int_var(0, len(spec.choices) - 1, f"{pid}.{name}")
                assert isinstance(cur, str)
                raw[name] = spec.choices.index(cur)
            else:
                num = self.numeric[(pid, name)]
                var = m.new_int_var(num.lo, num.hi, f"{pid}.{name}")
                assert isinstance(cur, int | float)
                scaled = _exact(cur) * num.scale / num.k
                assert scaled.denominator == 1, "a current value lies off its grid"
                raw[name] = int(scaled)
            vars_[name] = var
        self.vars[pid] = vars_
        self.cur_raw[pid] = raw
        # An absent provision's values are pinned to the current (or default) ones: no symmetry.
        for name, var in vars_.items():
            m.add(var == raw[name]).only_enforce_if(present.Not())
        if clause is None:
            self.change_terms.append(present)
        else:
            self.change_terms.append(present.Not())
            for name, var in vars_.items():
                diff = m.new_bool_var(f"diff:{pid}.{name}")
                m.add(var != raw[name]).only_enforce_if(diff)
                m.add(var == raw[name]).only_enforce_if(diff.Not())
                self.change_terms.append(diff)

    # -- rules

    def _new(self) -> _Var:
        return self.m.new_bool_var("")

    def _and(self, lits: Sequence[_Var]) -> _Var:
        if len(lits) == 1:
            return lits[0]
        b = self._new()
        self.m.add_bool_and(list(lits)).only_enforce_if(b)
        self.m.add_bool_or([x.Not() for x in lits]).only_enforce_if(b.Not())
        return b

    def _or(self, lits: Sequence[_Var]) -> _Var:
        if len(lits) == 1:
            return lits[0]
        b = self._new()
        self.m.add_bool_or(list(lits)).only_enforce_if(b)
        self.m.add_bool_and([x.Not() for x in lits]).only_enforce_if(b.Not())
        return b

    def _literal_relation(self, ref: Ref, op: str, value: int | float) -> _Var:
        """``ref op value`` on the param's own variable, with the bound clamped to its domain
        (beyond the domain the relation is constant, so the clamped bound is equivalent)."""
        num = self.numeric[(ref.provision, ref.param)]
        var = self.vars[ref.provision][ref.param]
        q = _exact(value) * num.scale / num.k
        if q.denominator != 1:
            if op == "==":
                return self._true.Not()
            if op == "!=":
                return self._true
            op = {"<": "<=", ">": ">="}.get(op, op)
            bound = math.floor(q) if op == "<=" else math.ceil(q)
        else:
            bound = int(q)
        bound = min(max(bound, num.lo - 1), num.hi + 1)
        return self._reify((var.Index(),), var, op, bound)

    def _reify(self, key: tuple[int, ...], expr: _Expr, op: str, bound: int) -> _Var:
        """A literal equivalent to ``expr op bound``, built from reified ``expr <= c`` literals
        only (single intervals, no complex domains), shared by every relation on the same
        expression: ``x < 5`` and ``x >= 5`` are one literal and its negation."""
        if op == "<=":
            return self._le(key, expr, bound)
        if op == "<":
            return self._le(key, expr, bound - 1)
        if op == ">":
            return self._le(key, expr, bound).Not()
        if op == ">=":
            return self._le(key, expr, bound - 1).Not()
        eq = self._and([self._le(key, expr, bound), self._le(key, expr, bound - 1).Not()])
        return eq if op == "==" else eq.Not()

    def _le(self, key: tuple[int, ...], expr: _Expr, c: int) -> _Var:
        lit = self._le_cache.get((key, c))
        if lit is None:
            lit = self._le_cache[(key, c)] = self._new()
            self.m.add(expr <= c).only_enforce_if(lit)
            self.m.add(expr >= c + 1).only_enforce_if(lit.Not())
        return lit

    def _eq_value(self, ref: Ref, value: Value) -> _Var:
        """The literal ``ref == value`` on values (presence not included)."""
        kind = self._kind(ref)
        var = self.vars[ref.provision][ref.param]
        if kind == "choice":
            spec = self.scenario.provision(ref.provision).param(ref.param)
            assert isinstance(spec, ChoiceParam)
            assert isinstance(value, str)
            return self._eq_int(ref, var, spec.choices.index(value))
        if kind == "bool":
            return self._eq_int(ref, var, int(bool(value)))
        assert isinstance(value, int | float)
        return self._literal_relation(ref, "==", value)

    def _eq_int(self, ref: Ref, var: _Var, k: int) -> _Var:
        key = (ref.provision, ref.param, k)
        lit = self._eq_cache.get(key)
        if lit is None:
            lit = self._eq_cache[key] = self._new()
            self.m.add(var == k).only_enforce_if(lit)
            self.m.add(var != k).only_enforce_if(lit.Not())
        return lit

    def lit(self, node: Node) -> _Var:
        cached = self._cache.get(node)
        if cached is None:
            cached = self._cache[node] = self._lit(node)
        return cached

    def _lit(self, node: Node) -> _Var:
        if isinstance(node, Present):
            return self.pres[node.provision]
        if isinstance(node, Not):
            return self.lit(node.operand).Not()
        if isinstance(node, And):
            return self._and([self.lit(x) for x in node.operands])
        if isinstance(node, Or):
            return self._or([self.lit(x) for x in node.operands])
        if isinstance(node, Implies):
            return self._or([self.lit(node.premise).Not(), self.lit(node.conclusion)])
        if isinstance(node, Count):
            b = self._new()
            total = sum(self.pres[p] for p in node.provisions)
            if node.kind == "at_least":
                self.m.add(total >= node.k).only_enforce_if(b)
                self.m.add(total <= node.k - 1).only_enforce_if(b.Not())
            else:
                self.m.add(total <= node.k).only_enforce_if(b)
                self.m.add(total >= node.k + 1).only_enforce_if(b.Not())
            return b
        if isinstance(node, InList):
            ref = node.ref
            rel = self._or([self._eq_value(ref, i.value) for i in node.items])
            return self._and([self.pres[ref.provision], rel])
        assert isinstance(node, Compare)
        left = node.left
        pres = [self.pres[left.provision]]
        kind = self._kind(left)
        if isinstance(node.right, Lit):
            value = node.right.value
            if kind in ("choice", "bool"):
                rel = self._eq_value(left, value)
                rel = rel if node.op == "==" else rel.Not()
            else:
                assert isinstance(value, int | float)
                rel = self._literal_relation(left, node.op, value)
        else:
            right = node.right
            pres.append(self.pres[right.provision])
            if kind in ("choice", "bool"):
                rel = self._same(left, right)
                rel = rel if node.op == "==" else rel.Not()
            else:
                a = self.numeric[(left.provision, left.param)]
                b = self.numeric[(right.provision, right.param)]
                assert a.scale == b.scale, "compared params share a component"
                va = self.vars[left.provision][left.param]
                vb = self.vars[right.provision][right.param]
                rel = self._reify((va.Index(), a.k, vb.Index(), b.k), va * a.k - vb * b.k,
                                  node.op, 0)
        return self._and([*dict.fromkeys(pres), rel])

    def _same(self, a: Ref, b: Ref) -> _Var:
        if self._kind(a) == "bool":
            va, vb = self.vars[a.provision][a.param], self.vars[b.provision][b.param]
            lit = self._new()
            self.m.add(va == vb).only_enforce_if(lit)
            self.m.add(va != vb).only_enforce_if(lit.Not())
            return lit
        sa = self.scenario.provision(a.provision).param(a.param)
        sb = self.scenario.provision(b.provision).param(b.param)
        assert isinstance(sa, ChoiceParam)
        assert isinstance(sb, ChoiceParam)
        common = [c for c in sa.choices if c in sb.choices]
        if not common:
            return self._true.Not()
        return self._or([self._and([self._eq_value(a, c), self._eq_value(b, c)])
                         for c in common])

    # -- satisfaction

    def _setup_satisfaction(self) -> None:
        """Each party's satisfaction as an integer expression over one common denominator:
        exact when the denominator stays small enough that no constraint can overflow (see
        TERM_LIMIT), else each weight rounded to millionths of its party's total."""
        self.nums: dict[str, _Expr] = {}
        self.totals: dict[str, int] = {}
        weights: dict[str, list[int]] = {}
        for pid, prefs in self.preferences.items():
            ws = [round(_exact(w) * 10 ** WEIGHT_DECIMALS) for w, _ in prefs]
            g = math.gcd(*ws)
            weights[pid] = [w // g for w in ws]
            self.nums[pid] = sum(w * self.lit(r.node)
                                 for w, (_, r) in zip(weights[pid], prefs, strict=True))
            self.totals[pid] = sum(weights[pid])
        denom = math.lcm(*self.totals.values()) if self.totals else 1
        # min_sat <= a party's sum: a coefficient up to denom next to a variable up to denom.
        self.exact_sat = denom * denom <= TERM_LIMIT
        self.denom = denom if self.exact_sat else SAT_RESOLUTION
        self.sat_scaled: dict[str, _Expr] = {}
        top = 0
        for pid, prefs in self.preferences.items():
            total = self.totals[pid]
            if self.exact_sat:
                coefs = [w * (denom // total) for w in weights[pid]]
            else:
                coefs = [round(Fraction(w * SAT_RESOLUTION, total)) for w in weights[pid]]
            top = max(top, sum(coefs))
            self.sat_scaled[pid] = sum(c * self.lit(r.node)
                                       for c, (_, r) in zip(coefs, prefs, strict=True))
        self.min_sat = self.m.new_int_var(0, max(top, 1), "min_sat")
        for expr in self.sat_scaled.values():
            self.m.add(self.min_sat <= expr)
        if not self.sat_scaled:
            self.m.add(self.min_sat == 0)
        self.sum_sat = sum(self.sat_scaled.values())

    # -- reading a solution

    def read(self, solver: Any) -> _Solution:
        present = {pid: bool(solver.value(v)) for pid, v in self.pres.items()}
        values = {pid: {n: int(solver.value(v)) for n, v in vs.items()}
                  for pid, vs in self.vars.items() if present[pid]}
        return _Solution(present, values)

    def hint(self, sol: _Solution) -> None:
        self.m.clear_hints()
        for pid, var in self.pres.items():
            self.m.add_hint(var, sol.present[pid])
            raw = sol.values.get(pid, self.cur_raw[pid])
            for name, v in self.vars[pid].items():
                self.m.add_hint(v, raw[name])

    def nogood(self, sol: _Solution) -> None:
        """At least one change differs from those of ``sol``: a provision added or removed
        there is not here, or a kept clause gets a different value or phase. (The values of an
        added clause are not changes, so differing only in them does not count.)"""
        diffs: list[_Var] = []
        for pid, var in self.pres.items():
            if not sol.present[pid]:
                diffs.append(var)
                continue
            diffs.append(var.Not())
            if pid not in self.current:
                continue
            for name, v in self.vars[pid].items():
                d = self._new()
                self.m.add(v != sol.values[pid][name]).only_enforce_if(d)
                self.m.add(v == sol.values[pid][name]).only_enforce_if(d.Not())
                diffs.append(d)
        self.m.add_bool_or(diffs)

    def value_of(self, pid: str, name: str, raw: int) -> Value:
        if name == "phase":
            return raw
        spec = self.scenario.provision(pid).param(name)
        if isinstance(spec, BoolParam):
            return bool(raw)
        if isinstance(spec, ChoiceParam):
            return spec.choices[raw]
        if isinstance(spec, IntParam):
            return raw
        assert isinstance(spec, NumberParam)
        exact = Fraction(raw, self.numeric[(pid, name)].scale)
        value = float(exact)
        if _exact(value) != exact:
            raise CertificateError(f"{pid}.{name}: grid value {exact} does not read back "
                                   "exactly as a float")
        return value

    def clauses(self, sol: _Solution) -> tuple[Clause, ...]:
        out: list[Clause] = []
        for clause in self.draft.clauses:
            pid = clause.provision
            if not sol.present[pid]:
                continue
            raw = sol.values[pid]
            cur = self.cur_raw[pid]
            if raw == cur:
                out.append(clause)
                continue
            values = dict(clause.values)
            for name in self.vars[pid]:
                if name != "phase" and raw[name] != cur[name]:
                    values[name] = self.value_of(pid, name, raw[name])
            out.append(clause.model_copy(update={"values": values,
                                                 "phase": raw.get("phase", clause.phase)}))
        for prov in self.scenario.provisions:
            pid = prov.id
            if pid in self.current or not sol.present[pid]:
                continue
            raw = sol.values[pid]
            defaults = prov.defaults()
            values = {}
            for name in self.vars[pid]:
                if name == "phase":
                    continue
                v = self.value_of(pid, name, raw[name])
                if not (type(v) is type(defaults[name]) and v == defaults[name]):
                    values[name] = v
            out.append(Clause(provision=pid, values=values, phase=raw.get("phase", 1)))
        return tuple(out)

    def holds(self, clauses: tuple[Clause, ...], red_lines: Iterable[_RedLine]) -> bool:
        """The checker's own compiled rules (not this model) on a package: every given red
        line holds and no two clauses exclude each other."""
        draft = self.draft.model_copy(update={"clauses": clauses})
        state = self.checker.state(draft)
        if any(other in state for pid in state
               for other in self.checker.excludes.get(pid, ())):
            return False
        return all(rl.rule.predicate(state) for rl in red_lines)


def _decimal_places(scale: int) -> int:
    return len(str(scale)) - 1


# --------------------------------------------------------------------------- solving


class _Run:
    """One call's time budget, workers, cancel token and progress reports. Every solve of the
    call draws on the same deadline; once it has passed, a solve answers "unknown" at once."""

    def __init__(self, time_limit: float, workers: int, cancel: CancelToken | None,
                 progress: Callable[[str], None] | None) -> None:
        self.deadline = time.monotonic() + time_limit
        self.workers = workers
        self.cancel = cancel
        self.progress = progress
        self.hit_limit = False

    def say(self, text: str) -> None:
        if self.progress is not None:
            self.progress(text)

    def expired(self) -> bool:
        if time.monotonic() >= self.deadline:
            self.hit_limit = True
            return True
        return False

    def solve(self, model: cp_model.CpModel) -> tuple[Any, Any]:
        """(status, solver); the solver is None when the deadline had already passed."""
        if self.cancel is not None and self.cancel.cancelled:
            raise _Cancelled
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            self.hit_limit = True
            return cp_model.UNKNOWN, None
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = max(1, self.workers)
        solver.parameters.max_time_in_seconds = remaining
        if self.cancel is not None:
            self.cancel._attach(solver)
        try:
            status = solver.solve(model)
        finally:
            if self.cancel is not None:
                self.cancel._attach(None)
        if self.cancel is not None and self.cancel.cancelled:
            raise _Cancelled
        if status == cp_model.MODEL_INVALID:
            raise CertificateError(f"the solver refused the model: {model.validate()}")
        if status == cp_model.FEASIBLE or status == cp_model.UNKNOWN:
            self.hit_limit = True
        return status, solver


_FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)


def _changes(comp: _Compiler, sol: _Solution) -> list[Change]:
    out: list[Change] = []
    for clause in comp.draft.clauses:
        pid = clause.provision
        if not sol.present[pid]:
            out.append(Change("remove", pid, ""))
            continue
        raw, cur = sol.values[pid], comp.cur_raw[pid]
        for name in comp.vars[pid]:
            if name != "phase" and raw[name] != cur[name]:
                out.append(Change("set", pid, "", param=name,
                                  value=comp.value_of(pid, name, raw[name])))
        if "phase" in raw and raw["phase"] != cur["phase"]:
            out.append(Change("phase", pid, "", phase=raw["phase"]))
    for prov in comp.scenario.provisions:
        if prov.id not in comp.current and sol.present[prov.id]:
            out.append(Change("add", prov.id, ""))
    return out


def _revert(comp: _Compiler, clauses: tuple[Clause, ...], change: Change) -> tuple[Clause, ...]:
    pid = change.provision
    if change.op == "add":
        return tuple(c for c in clauses if c.provision != pid)
    if change.op == "remove":
        return (*clauses, comp.current[pid])
    original = comp.current[pid]
    out = []
    for c in clauses:
        if c.provision == pid:
            if change.op == "phase":
                c = c.model_copy(update={"phase": original.phase})
            else:
                assert change.param is not None
                values = dict(c.values)
                spec = comp.scenario.provision(pid).param(change.param)
                assert spec is not None
                values[change.param] = original.values.get(change.param, spec.default)
                c = c.model_copy(update={"values": values})
        out.append(c)
    return tuple(out)


class _Reasons:
    """Why each change of a proposal is there: revert it alone and see which red lines of the
    chosen parties fail. Only the rules that mention the changed provision can change their
    verdict, so only those are evaluated (the same answer as a full check, at a fraction of
    its cost on large scenarios)."""

    def __init__(self, comp: _Compiler) -> None:
        self.comp = comp
        self.red_lines: dict[str, list[_RedLine]] = {}
        for rl in comp.red_lines:
            for pid in rl.rule.provisions:
                self.red_lines.setdefault(pid, []).append(rl)
        self.preferences: dict[str, list[tuple[float, CompiledRule]]] = {}
        for p in comp.checker.parties:
            if p.id in comp.preferences:
                self.preferences[p.id] = [(w, r) for _, w, r in p.preferences]

    def reason(self, clauses: tuple[Clause, ...], change: Change,
               sat: dict[str, float | None]) -> str:
        comp = self.comp
        pid = change.provision
        reverted = _revert(comp, clauses, change)
        state = comp.checker.state(comp.draft.model_copy(update={"clauses": reverted}))
        needs = [f"{rl.party_name}'s red line {rl.id} needs it ({rl.title})"
                 for rl in self.red_lines.get(pid, ()) if not rl.rule.predicate(state)]
        if change.op == "remove":
            order = {c.provision: i for i, c in enumerate(reverted)}
            for other in comp.checker.excludes.get(pid, ()):
                if other in order:
                    a, b = sorted((pid, other), key=order.__getitem__)
                    needs.append(f"{a} and {b} exclude each other")
        if needs:
            return "; ".join(needs)
        gains = []
        for p in comp.parties:
            prefs = self.preferences.get(p.id)
            after = sat.get(p.id)
            if not prefs or after is None or not any(pid in r.provisions for _, r in prefs):
                continue
            total = sum(w for w, _ in prefs)
            before = sum(w for w, r in prefs if r.predicate(state)) / total
            if after > before + 1e-12:
                gains.append(f"{p.name} {before:.0%} → {after:.0%}")
        if gains:
            return "raises satisfaction: " + ", ".join(gains)
        return "needed together with the other changes for every red line to hold"


def _certify_proposal(scenario: Scenario, draft: Draft, parties: Iterable[str],
                      clauses: tuple[Clause, ...]) -> dict[str, float | None]:
    """The proposal's satisfactions, once ``check()`` has accepted it for the chosen parties."""
    report = check(scenario, draft.model_copy(update={"clauses": clauses}))
    chosen = set(parties)
    failing = [f"{v.party}: {x.red_line}" for v in report.parties if v.party in chosen
               for x in v.violations]
    failing += [c.explanation for c in report.conflicts]
    if failing:
        raise CertificateError("a proposal failed the checker: " + "; ".join(failing))
    return {v.party: v.satisfaction for v in report.parties if v.party in chosen}


def _proposal(comp: _Compiler, sol: _Solution, run: _Run, reasons: _Reasons | None,
              notes: list[str]) -> Proposal:
    clauses = comp.clauses(sol)
    sat = _certify_proposal(comp.scenario, comp.draft, [p.id for p in comp.parties], clauses)
    changes: list[Change] = []
    skipped = False
    for c in _changes(comp, sol):
        if reasons is not None and not run.expired():
            c = Change(c.op, c.provision, reasons.reason(clauses, c, sat), c.param, c.value,
                       c.phase)
        else:
            skipped = True
        changes.append(c)
    if skipped and reasons is not None:
        notes.append("the reasons for some changes were not worked out within the time limit")
    return Proposal(tuple(changes), clauses, sat, len(changes))


def _item(rl: _RedLine) -> ClashItem:
    return ClashItem(rl.party, rl.id, rl.title, rl.rule.text)


def _chosen(scenario: Scenario, parties: Sequence[str] | None) -> list[str]:
    if parties is None:
        return [p.id for p in scenario.parties]
    for pid in parties:
        if pid not in scenario.party_index:
            raise ValueError(f"no party '{pid}'")
    return list(dict.fromkeys(parties))


def _viable_for(scenario: Scenario, draft: Draft, chosen: Sequence[str]) -> bool:
    report = check(scenario, draft)
    return not report.conflicts and all(report.verdict(p).acceptable for p in chosen)


def find_bridge(scenario: Scenario, draft: Draft, *, parties: Sequence[str] | None = None,
                alternatives: int = 3, clashes: int = 1, time_limit: float = 20.0,
                workers: int = 2, cancel: CancelToken | None = None,
                progress: Callable[[str], None] | None = None) -> BridgeResult:
    """The fewest changes to ``draft`` that pass every red line of ``parties`` (default: all),
    with up to ``alternatives`` other proposals; or, when none exists, up to ``clashes``
    distinct minimal clash sets and the fewest red lines to relax.

    The whole call respects ``time_limit``; a partial answer says so (``optimal`` false,
    ``notes``). Raises ValueError for a party id the scenario does not have,
    :class:`BeyondExactSolver` when the scenario's numbers cannot be encoded exactly, and
    :class:`CertificateError` when an answer fails its re-check (a bug)."""
    run = _Run(time_limit, workers, cancel, progress)
    chosen = _chosen(scenario, parties)
    viable = _viable_for(scenario, draft, chosen)
    found: list[_Solution] = []
    notes: list[str] = []

    def fresh() -> _Compiler:
        # A fresh model per search, with red lines, stage bounds and no-goods as plain
        # constraints: CP-SAT's presolve is far stronger without assumption literals.
        comp = _Compiler(scenario, draft, chosen, run=run)
        for r in comp.red_lits:
            comp.m.add_bool_or([r])
        for sol in found:
            comp.nogood(sol)
        return comp

    try:
        run.say("Building the model…")
        try:
            comp: _Compiler | None = fresh()
        except _OutOfTime:
            comp = None
        sol, cost = _lexicographic(comp, run, "") if comp is not None else (None, None)
        if sol is None and viable:
            if cost is not None:  # proven infeasible, yet the checker accepts the draft
                raise CertificateError("the solver found no agreement on a draft the checker "
                                       "finds viable")
            # Out of time before the solver answered. The checker has proven the draft
            # acceptable, and with 0 changes it is the only (so the optimal) proposal.
            sat = _certify_proposal(scenario, draft, chosen, draft.clauses)
            if alternatives:
                notes.append("no alternatives were searched within the time limit")
            return BridgeResult(True, True, "optimal", Proposal((), draft.clauses, sat, 0), (),
                                notes=tuple(notes))
        if sol is None or comp is None:
            if cost is None:
                return BridgeResult(False, False, "no proposal found (time limit hit)",
                                    None, (), notes=("the time limit was hit before a proposal "
                                                     "or a proof of no agreement was found",))
            return _no_agreement(scenario, draft, chosen, run, clashes, notes)
        main = _proposal(comp, sol, run, _Reasons(comp), notes)
        if viable and main.cost != 0:
            raise CertificateError(f"the solver proposed {main.cost} changes to a draft the "
                                   "checker finds viable")
        found.append(sol)
        alts: list[Proposal] = []
        for k in range(alternatives):
            if run.expired():
                break
            try:
                comp = fresh()
            except _OutOfTime:
                break
            alt, _ = _lexicographic(comp, run, f" alternative {k + 1}")
            if alt is None:
                break
            found.append(alt)
            alts.append(_proposal(comp, alt, run, _Reasons(comp), notes))
        optimal = not run.hit_limit
        if run.hit_limit and len(alts) < alternatives:
            notes.append("fewer alternatives than asked for were searched within the time "
                         "limit")
        status = "optimal" if optimal else "best found (time limit hit)"
        return BridgeResult(True, optimal, status, main, tuple(alts),
                            notes=tuple(dict.fromkeys(notes)))
    except _Cancelled:
        return BridgeResult(False, False, "cancelled", None, ())


def _lexicographic(comp: _Compiler, run: _Run, label: str
                   ) -> tuple[_Solution | None, int | None]:
    """Fewest changes, then highest minimum satisfaction, then highest total: each stage's
    optimum is fixed as a constraint before the next. Returns (solution, cost): (None, cost)
    with a cost of -1 when infeasibility is proven; (None, None) when nothing was found in
    time."""
    m: Any = comp.m
    m.minimize(comp.cost)
    run.say(f"Solving{label}: fewest changes…")
    status, solver = run.solve(m)
    if status == cp_model.INFEASIBLE:
        return None, -1
    if status not in _FOUND:
        return None, None
    best = comp.read(solver)
    cost = round(solver.objective_value)
    if status != cp_model.OPTIMAL:
        return best, cost
    m.add(comp.cost <= cost)
    for name, expr in (("fairest", comp.min_sat), ("most satisfying", comp.sum_sat)):
        if not comp.sat_scaled:
            break
        run.say(f"Solving{label}: cost ≤ {cost}, {name}…")
        m.maximize(expr)
        comp.hint(best)
        status, solver = run.solve(m)
        if status not in _FOUND:
            break
        best = comp.read(solver)
        if status != cp_model.OPTIMAL:
            break
        m.add(expr >= round(solver.objective_value))
    return best, cost


# --------------------------------------------------------------------------- no agreement


class _Clashes:
    """Minimal clash sets over the chosen red lines, on one model with a guard per red line."""

    def __init__(self, scenario: Scenario, draft: Draft, chosen: Sequence[str], run: _Run
                 ) -> None:
        self.scenario, self.draft, self.chosen, self.run = scenario, draft, chosen, run
        self.comp = _Compiler(scenario, draft, chosen, satisfaction=False, run=run)
        m: Any = self.comp.m
        self.guards = [m.new_bool_var(f"guard:{i}") for i in range(len(self.comp.red_lits))]
        for g, r in zip(self.guards, self.comp.red_lits, strict=True):
            m.add_implication(g, r)
        self.index = {g.Index(): i for i, g in enumerate(self.guards)}
        self.unproven = False  # a time limit left some answer unproven

    def feasible(self, idx: Sequence[int]) -> tuple[bool | None, list[int]]:
        """Whether these red lines can hold together; when not, a subset that cannot."""
        m: Any = self.comp.m
        m.clear_objective()
        m.clear_assumptions()
        m.add_assumptions([self.guards[i] for i in idx])
        status, solver = self.run.solve(m)
        m.clear_assumptions()
        if status in _FOUND:
            return True, []
        if status == cp_model.INFEASIBLE:
            found = {self.index[v] for v in solver.sufficient_assumptions_for_infeasibility()
                     if v in self.index}
            return False, sorted(found & set(idx)) or list(idx)
        return None, list(idx)

    def shrink(self, core: list[int]) -> list[int]:
        """Deletion-based shrinking: a member is necessary when the rest without it is
        satisfiable; when the rest is not, continue from the solver's core of the rest."""
        necessary: set[int] = set()
        while True:
            candidate = next((x for x in core if x not in necessary), None)
            if candidate is None:
                return core
            rest = [x for x in core if x != candidate]
            answer, smaller = self.feasible(rest)
            if answer is False:
                core = smaller
            else:
                if answer is None:
                    self.unproven = True
                necessary.add(candidate)

    def enumerate(self, wanted: int) -> list[list[int]]:
        """Up to ``wanted`` distinct minimal clash sets, by a hitting-set tree: each node drops
        a set of red lines; a node whose remaining red lines still clash yields a minimal clash
        (a known one when it avoids the dropped lines, else a new one found by shrinking), and
        one child per member of that clash drops it too."""
        everything = list(range(len(self.guards)))
        found: list[list[int]] = []
        satisfiable: list[frozenset[int]] = []
        queue: deque[frozenset[int]] = deque([frozenset()])
        seen: set[frozenset[int]] = set()
        while queue and len(found) < wanted:
            dropped = queue.popleft()
            if dropped in seen or any(s <= dropped for s in satisfiable):
                continue
            seen.add(dropped)
            known = next((c for c in found if not dropped & set(c)), None)
            if known is None:
                if self.run.expired():
                    self.unproven = True
                    break
                answer, core = self.feasible([i for i in everything if i not in dropped])
                if answer is None:
                    self.unproven = True
                    break
                if answer:
                    satisfiable.append(dropped)
                    continue
                known = self.shrink(core)
                if known in found:
                    continue
                found.append(known)
            queue.extend(dropped | {i} for i in known)
        return found

    def relax(self) -> tuple[list[int], bool]:
        """The fewest red lines to drop (a minimum hitting set of all clashes) and whether
        that minimum is proven; the rest's witness is checked by the checker."""
        m: Any = self.comp.m
        m.clear_assumptions()
        m.minimize(sum(g.Not() for g in self.guards))
        status, solver = self.run.solve(m)
        if status not in _FOUND:
            return [], False
        dropped = [i for i, g in enumerate(self.guards) if not solver.boolean_value(g)]
        kept = [rl for i, rl in enumerate(self.comp.red_lines) if i not in set(dropped)]
        if not self.comp.holds(self.comp.clauses(self.comp.read(solver)), kept):
            raise CertificateError("relaxing the proposed red lines leaves a package the "
                                   "checker refuses")
        return dropped, status == cp_model.OPTIMAL

    def certify(self, clash: list[int]) -> bool:
        """Re-prove a clash on fresh models (only its own red lines encoded): infeasible as a
        whole, and feasible without any one member, with a witness the checker accepts. True
        when proven; False when the time ran out first. Raises CertificateError when wrong."""
        members = [self.comp.red_lines[i] for i in clash]
        status, _ = self._solve_only(members)
        if status is None:
            return False
        if status:
            raise CertificateError("a reported clash of red lines can all hold together")
        for drop in members:
            rest = [rl for rl in members if rl is not drop]
            status, witness = self._solve_only(rest)
            if status is None:
                return False
            if not status:
                raise CertificateError(f"a reported clash is not minimal: it clashes without "
                                       f"{drop.party}: {drop.id}")
            assert witness is not None
            comp, sol = witness
            if not comp.holds(comp.clauses(sol), rest):
                raise CertificateError("the checker refuses the witness that a clash is "
                                       "minimal")
        return True

    def _solve_only(self, red_lines: list[_RedLine]
                    ) -> tuple[bool | None, tuple[_Compiler, _Solution] | None]:
        try:
            comp = _Compiler(self.scenario, self.draft, self.chosen, satisfaction=False,
                             red_lines=red_lines, run=self.run)
        except _OutOfTime:
            return None, None
        for r in comp.red_lits:
            comp.m.add_bool_or([r])
        status, solver = self.run.solve(comp.m)
        if status in _FOUND:
            return True, (comp, comp.read(solver))
        if status == cp_model.INFEASIBLE:
            return False, None
        return None, None


def _no_agreement(scenario: Scenario, draft: Draft, chosen: Sequence[str], run: _Run,
                  wanted: int, notes: list[str]) -> BridgeResult:
    """No package passes every chosen red line (proven by the main solve): why, verified."""
    run.say("No agreement: finding the clashing red lines…")
    try:
        finder = _Clashes(scenario, draft, chosen, run)
    except _OutOfTime:
        notes.append("the clashing red lines were not found within the time limit")
        return BridgeResult(False, False, "no agreement possible", None, (),
                            proven_infeasible=True, notes=tuple(notes))
    found = finder.enumerate(max(1, wanted))
    proven = [c for c in found if finder.certify(c)]
    if len(proven) < len(found) or finder.unproven:
        finder.unproven = True
        notes.append("the time limit was hit before every clash was proven minimal; only "
                     "proven ones are shown")
    elif len(found) < wanted:
        notes.append(f"only {len(found)} distinct "
                     f"{'clash exists' if len(found) == 1 else 'clashes exist'}")
    run.say("No agreement: the fewest red lines to relax…")
    dropped, relax_proven = finder.relax()
    if not dropped:
        notes.append("the fewest red lines to relax were not found within the time limit")
    elif not relax_proven:
        notes.append("the red lines to relax are the fewest found, not proven the fewest "
                     "(time limit)")
    red = finder.comp.red_lines
    optimal = not finder.unproven and relax_proven and bool(dropped)
    return BridgeResult(
        False, optimal, "no agreement possible", None, (),
        clashes=tuple(tuple(_item(red[i]) for i in c) for c in proven),
        relax=tuple(_item(red[i]) for i in dropped),
        proven_infeasible=True,
        notes=tuple(dict.fromkeys(notes)),
    )


# --------------------------------------------------------------------------- frontier


def frontier(scenario: Scenario, draft: Draft, party_a: str, party_b: str, *,
             parties: Sequence[str] | None = None, time_limit: float = 20.0,
             cancel: CancelToken | None = None) -> tuple[FrontierPoint, ...]:
    """The Pareto frontier of two parties' satisfactions over packages that pass every red line
    of ``parties`` (default: all). Each point's package is the one closest to ``draft``.
    Empty when no package passes, or when either party states no preferences."""
    chosen = _chosen(scenario, parties)
    for pid in (party_a, party_b):
        if pid not in scenario.party_index:
            raise ValueError(f"no party '{pid}'")
    comp = _Compiler(scenario, draft, list(dict.fromkeys([*chosen, party_a, party_b])))
    chosen_set = set(chosen)
    for rl, r in zip(comp.red_lines, comp.red_lits, strict=True):
        if rl.party in chosen_set:
            comp.m.add(r == 1)
    if party_a not in comp.nums or party_b not in comp.nums:
        return ()
    na, nb = comp.nums[party_a], comp.nums[party_b]
    ta, tb = comp.totals[party_a], comp.totals[party_b]
    run = _Run(time_limit, 2, cancel, None)
    m: Any = comp.m
    points: list[tuple[int, int, tuple[Clause, ...]]] = []
    upper_b: int | None = None
    try:
        while True:
            lits: list[_Var] = []
            if upper_b is not None:
                lb = m.new_bool_var("")
                m.add(nb <= upper_b - 1).only_enforce_if(lb)
                lits.append(lb)
            m.clear_assumptions()
            m.add_assumptions(lits)
            m.maximize(nb)
            status, solver = run.solve(m)
            if status != cp_model.OPTIMAL:
                break
            b = round(solver.objective_value)
            fb = m.new_bool_var("")
            m.add(nb == b).only_enforce_if(fb)
            lits.append(fb)
            m.clear_assumptions()
            m.add_assumptions(lits)
            m.maximize(na)
            status, solver = run.solve(m)
            if status != cp_model.OPTIMAL:
                break
            a = round(solver.objective_value)
            fa = m.new_bool_var("")
            m.add(na == a).only_enforce_if(fa)
            m.clear_assumptions()
            m.add_assumptions([*lits, fa])
            m.minimize(comp.cost)
            status, solver = run.solve(m)
            if status not in _FOUND:
                break
            if not points or a > points[-1][0]:
                points.append((a, b, comp.clauses(comp.read(solver))))
            upper_b = b
    except _Cancelled:
        return ()
    if not points:
        return ()
    sats = [(a / ta, b / tb) for a, b, _ in points]
    nash = max(range(len(points)), key=lambda i: (Fraction(points[i][0], ta)
                                                  * Fraction(points[i][1], tb),
                                                  sats[i][0] + sats[i][1]))
    egal = max(range(len(points)), key=lambda i: (min(Fraction(points[i][0], ta),
                                                      Fraction(points[i][1], tb)),
                                                  sats[i][0] + sats[i][1]))
    return tuple(FrontierPoint(sats[i], points[i][2], i == nash, i == egal)
                 for i in range(len(points)))


__all__ = [
    "BeyondExactSolver",
    "BridgeResult",
    "CancelToken",
    "CertificateError",
    "Change",
    "ClashItem",
    "FrontierPoint",
    "Proposal",
    "find_bridge",
    "frontier",
]

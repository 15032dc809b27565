"""The bridge finder: the smallest change to a draft that every party's red lines accept.

The scenario is compiled straight into an OR-Tools CP-SAT model (no enumeration of packages):

* one BoolVar per library provision (is it in the draft?);
* one IntVar per param (int: its value; number: its value on a decimal grid, see below;
  choice: the index of the choice; bool: 0/1) and one per clause phase, 1..(highest phase in
  use + 1);
* one reified BoolVar per rule node, equivalent to the node's truth value, so ``not`` is just
  the negated literal. A comparison is the conjunction of the presence of every provision it
  reads and the value relation, so "a comparison touching a missing provision is false" holds.

Hard constraints: every red line of the chosen parties, and every ``excludes`` pair. The objective
is lexicographic and solved in stages, each stage's optimum fixed before the next: (1) fewest
changes, (2) highest minimum satisfaction over the chosen parties that state preferences,
(3) highest sum of those parties' satisfactions. See docs/bridge.md for the exact definitions.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias

from ortools.sat.python import cp_model

from desktop.domain.checker import check
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
    Count,
    Implies,
    InList,
    Lit,
    Node,
    Not,
    Or,
    Present,
    Ref,
    parse,
)

#: At most this many decimal places for number params (the grid is 10**-MAX_DECIMALS).
MAX_DECIMALS = 6
#: Weights are scaled to integers with at most this many decimal places.
WEIGHT_DECIMALS = 6
#: Resolution of the min-satisfaction objective when the exact common denominator is too big.
SAT_RESOLUTION = 1_000_000

ChangeOp = Literal["add", "remove", "set", "phase"]

# CP-SAT's Python types are overloaded unions (literals, linear expressions, numpy scalars);
# this module passes them around opaquely.
_Var: TypeAlias = Any
_Expr: TypeAlias = Any


# --------------------------------------------------------------------------- API


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
    feasible: bool
    optimal: bool
    status: str
    proposal: Proposal | None
    alternatives: tuple[Proposal, ...]
    clash: tuple[ClashItem, ...]
    relax: tuple[ClashItem, ...]


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


# --------------------------------------------------------------------------- helpers


def _decimals(x: float) -> int:
    exp = Decimal(repr(x)).normalize().as_tuple().exponent
    assert isinstance(exp, int)
    return max(0, -exp)


def _exact(x: int | float) -> Fraction:
    """A number as the decimal a person wrote (0.1 is exactly 1/10), as the checker reads it."""
    if isinstance(x, int):
        return Fraction(x)
    return Fraction(Decimal(repr(x)))


def _walk(node: Node) -> list[Node]:
    out: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        if isinstance(n, Not):
            stack.append(n.operand)
        elif isinstance(n, And | Or):
            stack.extend(n.operands)
        elif isinstance(n, Implies):
            stack.extend((n.premise, n.conclusion))
    return out


@dataclass(frozen=True, slots=True)
class _RedLine:
    party: str
    party_name: str
    id: str
    title: str
    rule: str


@dataclass(frozen=True, slots=True)
class _Solution:
    present: dict[str, bool]
    values: dict[str, dict[str, int]]  # raw solver values, phase under "phase"


class _Compiler:
    """The CP-SAT model of one scenario, one current draft and a set of parties."""

    def __init__(self, scenario: Scenario, draft: Draft, parties: Sequence[str], *,
                 satisfaction: bool = True) -> None:
        self.scenario = scenario
        self.draft = draft
        self.parties = [scenario.party(p) for p in parties]
        self.m: Any = cp_model.CpModel()
        self.current = {c.provision: c for c in draft.clauses}
        self._true = self.m.new_bool_var("true")
        self.m.add(self._true == 1)
        self._cache: dict[Node, _Var] = {}
        self._eq_cache: dict[tuple[str, str, int], _Var] = {}
        self._setup_scale()
        self.max_phase = max((c.phase for c in draft.clauses), default=1) + 1
        self.pres: dict[str, _Var] = {}
        self.vars: dict[str, dict[str, _Var]] = {}
        self.cur_raw: dict[str, dict[str, int]] = {}
        self.change_terms: list[_Var] = []
        for prov in scenario.provisions:
            self._declare(prov.id)
        for prov in scenario.provisions:
            for other in prov.excludes:
                self.m.add_bool_or([self.pres[prov.id].Not(), self.pres[other].Not()])
        self.cost = sum(self.change_terms)
        self.red_lines: list[_RedLine] = []
        self.red_lits: list[_Var] = []
        for party in self.parties:
            for rl in party.red_lines:
                self.red_lines.append(_RedLine(party.id, party.name, rl.id, rl.title, rl.rule))
                self.red_lits.append(self.lit(parse(rl.rule)))
        self._setup_satisfaction(satisfaction)

    # -- domains

    def _setup_scale(self) -> None:
        numbers: list[int | float] = []
        for prov in self.scenario.provisions:
            for p in prov.params:
                if isinstance(p, IntParam | NumberParam):
                    numbers.extend(x for x in (p.default, p.min, p.max) if x is not None)
        for clause in self.draft.clauses:
            numbers.extend(v for v in clause.values.values()
                           if isinstance(v, int | float) and not isinstance(v, bool))
            numbers.append(clause.phase)
        self.literals: list[int | float] = []
        for party in self.parties:
            for text in [r.rule for r in party.red_lines] + [r.rule for r in party.preferences]:
                for n in _walk(parse(text)):
                    items = n.items if isinstance(n, InList) else (
                        (n.right,) if isinstance(n, Compare) and isinstance(n.right, Lit) else ())
                    for lit in items:
                        v = lit.value
                        if isinstance(v, int | float) and not isinstance(v, bool):
                            self.literals.append(v)
        numbers.extend(self.literals)
        decimals = max((_decimals(x) for x in numbers if isinstance(x, float)), default=0)
        self.scale = 10 ** min(decimals, MAX_DECIMALS)
        lo = min(numbers, default=0)
        hi = max(numbers, default=0)
        slack = 2 + sum(1 for prov in self.scenario.provisions for p in prov.params
                        if isinstance(p, IntParam | NumberParam))
        self.free_lo = math.floor(lo) - slack
        self.free_hi = math.ceil(hi) + slack

    def _declare(self, pid: str) -> None:
        prov = self.scenario.provision(pid)
        m: Any = self.m
        present = m.new_bool_var(f"in:{pid}")
        self.pres[pid] = present
        clause = self.current.get(pid)
        values: dict[str, Value] = dict(prov.defaults())
        if clause is not None:
            values.update(clause.values)
        vars_: dict[str, _Var] = {}
        raw: dict[str, int] = {}
        for p in prov.params:
            cur = values[p.name]
            if isinstance(p, BoolParam):
                var = m.new_int_var(0, 1, f"{pid}.{p.name}")
                raw[p.name] = int(bool(cur))
            elif isinstance(p, ChoiceParam):
                var = m.new_int_var(0, len(p.choices) - 1, f"{pid}.{p.name}")
                assert isinstance(cur, str)
                raw[p.name] = p.choices.index(cur)
            elif isinstance(p, IntParam):
                lo = p.min if p.min is not None else self.free_lo
                hi = p.max if p.max is not None else self.free_hi
                var = m.new_int_var(lo, hi, f"{pid}.{p.name}")
                assert isinstance(cur, int)
                raw[p.name] = cur
            else:
                s = self.scale
                lo_n = math.ceil(_exact(p.min) * s) if p.min is not None else self.free_lo * s
                hi_n = math.floor(_exact(p.max) * s) if p.max is not None else self.free_hi * s
                var = m.new_int_var(lo_n, hi_n, f"{pid}.{p.name}")
                assert isinstance(cur, int | float)
                raw[p.name] = min(max(round(_exact(cur) * s), lo_n), hi_n)
            vars_[p.name] = var
        phase = m.new_int_var(1, self.max_phase, f"{pid}.phase")
        vars_["phase"] = phase
        raw["phase"] = clause.phase if clause is not None else 1
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

    def _kind(self, ref: Ref) -> str:
        if ref.param == "phase":
            return "int"
        spec = self.scenario.provision(ref.provision).param(ref.param)
        assert spec is not None
        return spec.type

    def _numeric(self, ref: Ref) -> _Expr:
        var = self.vars[ref.provision][ref.param]
        return var if self._kind(ref) == "number" else var * self.scale

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
        return self._relation(self._numeric(ref), "==", _exact(value) * self.scale)

    def _eq_int(self, ref: Ref, var: _Var, k: int) -> _Var:
        key = (ref.provision, ref.param, k)
        lit = self._eq_cache.get(key)
        if lit is None:
            lit = self._eq_cache[key] = self._new()
            self.m.add(var == k).only_enforce_if(lit)
            self.m.add(var != k).only_enforce_if(lit.Not())
        return lit

    def _relation(self, expr: _Expr, op: str, q: Fraction) -> _Var:
        if q.denominator != 1:
            if op == "==":
                return self._true.Not()
            if op == "!=":
                return self._true
            op = {"<": "<=", ">": ">="}.get(op, op)
            bound = math.floor(q) if op == "<=" else math.ceil(q)
        else:
            bound = int(q)
        neg: dict[str, str] = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=",
                               ">=": "<"}
        b = self._new()
        self.m.add(_rel(expr, op, bound)).only_enforce_if(b)
        self.m.add(_rel(expr, neg[op], bound)).only_enforce_if(b.Not())
        return b

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
                rel = self._relation(self._numeric(left), node.op, _exact(value) * self.scale)
        else:
            right = node.right
            pres.append(self.pres[right.provision])
            if kind in ("choice", "bool"):
                rel = self._same(left, right)
                rel = rel if node.op == "==" else rel.Not()
            else:
                rel = self._relation(self._numeric(left) - self._numeric(right), node.op,
                                     Fraction(0))
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

    def _setup_satisfaction(self, wanted: bool) -> None:
        self.nums: dict[str, _Expr] = {}
        self.totals: dict[str, int] = {}
        for party in self.parties:
            if not party.preferences or not wanted:
                continue
            weights = [round(_exact(p.weight) * 10 ** WEIGHT_DECIMALS) for p in party.preferences]
            g = math.gcd(*weights)
            weights = [w // g for w in weights]
            self.nums[party.id] = sum(w * self.lit(parse(p.rule))
                                      for w, p in zip(weights, party.preferences, strict=True))
            self.totals[party.id] = sum(weights)
        denom = math.lcm(*self.totals.values()) if self.totals else 1
        self.exact_sat = denom <= 10**12
        self.denom = denom if self.exact_sat else SAT_RESOLUTION
        self.sat_scaled: dict[str, _Expr] = {}
        for pid, num in self.nums.items():
            total = self.totals[pid]
            if self.exact_sat:
                self.sat_scaled[pid] = num * (self.denom // total)
            else:
                v = self.m.new_int_var(0, SAT_RESOLUTION, f"sat:{pid}")
                n = self.m.new_int_var(0, total * SAT_RESOLUTION, "")
                self.m.add(n == num * SAT_RESOLUTION)
                self.m.add_division_equality(v, n, total)
                self.sat_scaled[pid] = v
        self.min_sat = self.m.new_int_var(0, self.denom, "min_sat")
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
        spec = self.scenario.provision(pid).param(name)
        if isinstance(spec, BoolParam):
            return bool(raw)
        if isinstance(spec, ChoiceParam):
            return spec.choices[raw]
        if isinstance(spec, IntParam):
            return raw
        assert isinstance(spec, NumberParam)
        return float(raw / self.scale)

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
            out.append(clause.model_copy(update={"values": values, "phase": raw["phase"]}))
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
            out.append(Clause(provision=pid, values=values, phase=raw["phase"]))
        return tuple(out)


def _rel(expr: _Expr, op: str, bound: int) -> Any:
    if op == "==":
        return expr == bound
    if op == "!=":
        return expr != bound
    if op == "<":
        return expr < bound
    if op == "<=":
        return expr <= bound
    if op == ">":
        return expr > bound
    return expr >= bound


# --------------------------------------------------------------------------- solving


class _Run:
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

    def solve(self, model: cp_model.CpModel) -> tuple[Any, Any]:
        if self.cancel is not None and self.cancel.cancelled:
            raise _Cancelled
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = max(1, self.workers)
        solver.parameters.max_time_in_seconds = max(0.01, self.deadline - time.monotonic())
        if self.cancel is not None:
            self.cancel._attach(solver)
        try:
            status = solver.solve(model)
        finally:
            if self.cancel is not None:
                self.cancel._attach(None)
        if self.cancel is not None and self.cancel.cancelled:
            raise _Cancelled
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
        if raw["phase"] != cur["phase"]:
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


def _reason(comp: _Compiler, clauses: tuple[Clause, ...], change: Change,
            sat: dict[str, float | None]) -> str:
    draft = comp.draft.model_copy(update={"clauses": _revert(comp, clauses, change)})
    report = check(comp.scenario, draft)
    chosen = {p.id for p in comp.parties}
    needs = [f"{v.name}'s red line {x.red_line} needs it ({x.title})"
             for v in report.parties if v.party in chosen for x in v.violations]
    needs += [c.explanation for c in report.conflicts]
    if needs:
        return "; ".join(needs)
    gains = [f"{v.name} {v.satisfaction:.0%} → {sat[v.party]:.0%}"
             for v in report.parties
             if v.party in chosen and v.satisfaction is not None
             and (sat.get(v.party) or 0.0) > v.satisfaction + 1e-12]
    if gains:
        return "raises satisfaction: " + ", ".join(gains)
    return "needed together with the other changes for every red line to hold"


def _proposal(comp: _Compiler, sol: _Solution) -> Proposal:
    clauses = comp.clauses(sol)
    draft = comp.draft.model_copy(update={"clauses": clauses})
    report = check(comp.scenario, draft)
    chosen = {p.id for p in comp.parties}
    sat = {v.party: v.satisfaction for v in report.parties if v.party in chosen}
    changes = tuple(
        Change(c.op, c.provision, _reason(comp, clauses, c, sat), c.param, c.value, c.phase)
        for c in _changes(comp, sol)
    )
    return Proposal(changes, clauses, sat, len(changes))


def _item(rl: _RedLine) -> ClashItem:
    return ClashItem(rl.party, rl.id, rl.title, rl.rule)


def _clash(comp: _Compiler, run: _Run) -> tuple[tuple[ClashItem, ...], tuple[ClashItem, ...]]:
    m: Any = comp.m
    guards = [m.new_bool_var(f"guard:{i}") for i in range(len(comp.red_lits))]
    for g, r in zip(guards, comp.red_lits, strict=True):
        m.add_implication(g, r)
    m.clear_objective()
    m.clear_assumptions()
    run.say("No agreement: finding the clashing red lines…")

    index = {g.Index(): i for i, g in enumerate(guards)}

    def feasible(idx: Sequence[int]) -> tuple[bool | None, list[int]]:
        """Whether these red lines can hold together; when not, a subset that cannot."""
        m.clear_assumptions()
        m.add_assumptions([guards[i] for i in idx])
        status, solver = run.solve(m)
        if status in _FOUND:
            return True, []
        if status == cp_model.INFEASIBLE:
            found = {index[v] for v in solver.sufficient_assumptions_for_infeasibility()
                     if v in index}
            return False, sorted(found & set(idx)) or list(idx)
        return None, list(idx)

    _, core = feasible(range(len(guards)))
    # Deletion-based shrinking: a member is necessary when the rest without it is satisfiable;
    # when the rest is not, continue from the solver's core of the rest (a subset of it).
    necessary: set[int] = set()
    while True:
        candidate = next((x for x in core if x not in necessary), None)
        if candidate is None:
            break
        rest = [x for x in core if x != candidate]
        answer, smaller = feasible(rest)
        if answer is False:
            core = smaller
        else:  # satisfiable, or unknown when time ran out (then the result is not optimal)
            necessary.add(candidate)
    m.clear_assumptions()
    clash = tuple(_item(comp.red_lines[i]) for i in core)
    # The fewest red lines to drop: minimise the number of guards switched off.
    run.say("No agreement: the fewest red lines to relax…")
    m.minimize(sum(g.Not() for g in guards))
    status, solver = run.solve(m)
    relax: tuple[ClashItem, ...] = ()
    if status in _FOUND:
        relax = tuple(_item(rl) for g, rl in zip(guards, comp.red_lines, strict=True)
                      if not solver.boolean_value(g))
    return clash, relax


def _chosen(scenario: Scenario, parties: Sequence[str] | None) -> list[str]:
    if parties is None:
        return [p.id for p in scenario.parties]
    for pid in parties:
        if pid not in scenario.party_index:
            raise ValueError(f"no party '{pid}'")
    return list(dict.fromkeys(parties))


def find_bridge(scenario: Scenario, draft: Draft, *, parties: Sequence[str] | None = None,
                alternatives: int = 3, time_limit: float = 20.0, workers: int = 2,
                cancel: CancelToken | None = None,
                progress: Callable[[str], None] | None = None) -> BridgeResult:
    """The fewest changes to ``draft`` that pass every red line of ``parties`` (default: all),
    with up to ``alternatives`` other proposals; or, when none exists, why.

    Raises ValueError for a party id the scenario does not have. Never raises for a
    cancellation or a time limit: see ``BridgeResult.status`` and ``optimal``."""
    run = _Run(time_limit, workers, cancel, progress)
    chosen = _chosen(scenario, parties)
    found: list[_Solution] = []

    def fresh() -> _Compiler:
        # A fresh model per search, with red lines, stage bounds and no-goods as plain
        # constraints: CP-SAT's presolve is far stronger without assumption literals.
        comp = _Compiler(scenario, draft, chosen)
        for r in comp.red_lits:
            comp.m.add_bool_or([r])
        for sol in found:
            comp.nogood(sol)
        return comp

    try:
        run.say("Building the model…")
        comp = fresh()
        sol = _lexicographic(comp, run, "")
        if sol is None:
            if run.hit_limit:
                return BridgeResult(False, False, "no proposal found (time limit hit)",
                                    None, (), (), ())
            clash, relax = _clash(_Compiler(scenario, draft, chosen, satisfaction=False), run)
            return BridgeResult(False, not run.hit_limit, "no agreement possible", None, (),
                                clash, relax)
        main = _proposal(comp, sol)
        found.append(sol)
        alts: list[Proposal] = []
        for k in range(alternatives):
            comp = fresh()
            alt = _lexicographic(comp, run, f" alternative {k + 1}")
            if alt is None:
                break
            found.append(alt)
            alts.append(_proposal(comp, alt))
        optimal = not run.hit_limit
        status = "optimal" if optimal else "best found (time limit hit)"
        return BridgeResult(True, optimal, status, main, tuple(alts), (), ())
    except _Cancelled:
        return BridgeResult(False, False, "cancelled", None, (), (), ())


def _lexicographic(comp: _Compiler, run: _Run, label: str) -> _Solution | None:
    """Fewest changes, then highest minimum satisfaction, then highest total: each stage's
    optimum is fixed as a constraint before the next. None when infeasible or nothing was
    found in time."""
    m: Any = comp.m
    m.minimize(comp.cost)
    run.say(f"Solving{label}: fewest changes…")
    status, solver = run.solve(m)
    if status not in _FOUND:
        return None
    best = comp.read(solver)
    cost = round(solver.objective_value)
    if status != cp_model.OPTIMAL:
        return best
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
    return best


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

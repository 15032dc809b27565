"""The CP-SAT model of a scenario, a draft and the chosen parties, and how it is solved.

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
"""

from __future__ import annotations

import itertools
import math
import time
from collections import ChainMap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeAlias, assert_never

from ortools.sat.python import cp_model

from desktop.domain.checker import CompiledScenario, compiled
from desktop.domain.model import (
    BoolParam,
    ChoiceParam,
    Clause,
    Costs,
    Draft,
    IntParam,
    NumberParam,
    Scenario,
    Stance,
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
from desktop.domain.solver.types import (
    BeyondExactSolver,
    Cancelled,
    CancelToken,
    CertificateError,
    OutOfTime,
    Progress,
    Stage,
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
#: Open points a proposal may keep open: at most this many combinations of their alternatives
#: (each red line reading them is encoded once per combination); beyond, every open point that
#: a rule reads must be closed.
OPEN_COMBINATIONS = 64
#: Costs (of changes, of relaxing red lines) are exact while their common denominator stays
#: at most this; beyond, they are rounded to millionths.
COST_RESOLUTION = 1_000_000

# CP-SAT's Python types are overloaded unions (literals, linear expressions, numpy scalars);
# this module passes them around opaquely.
Var: TypeAlias = Any
Expr: TypeAlias = Any


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
class RedLine:
    party: str
    party_name: str
    id: str
    title: str
    rule: CompiledRule


@dataclass(frozen=True, slots=True)
class Solution:
    present: dict[str, bool]
    values: dict[str, dict[str, int]]  # raw solver values of modelled params ("phase" too)
    #: Open clauses of the draft that the solution closes: provision -> alternative (0-based).
    closed: dict[str, int] = field(default_factory=dict)


def integer_costs(costs: Sequence[Fraction]) -> tuple[list[int], int]:
    """Costs as integers over one common denominator (returned second): exact while it stays
    at most :data:`COST_RESOLUTION`, else rounded to millionths."""
    scale = math.lcm(*(c.denominator for c in costs)) if costs else 1
    if scale > COST_RESOLUTION:
        scale = COST_RESOLUTION
        return [round(c * scale) for c in costs], scale
    return [int(c * scale) for c in costs], scale


def change_costs(scenario: Scenario) -> dict[str, Fraction]:
    """What each kind of change costs (the scenario's ``costs`` or the defaults), exactly."""
    costs = scenario.costs or Costs()
    return {"set": _exact(costs.change), "phase": _exact(costs.change),
            "close": _exact(costs.close), "add": _exact(costs.add),
            "remove": _exact(costs.remove)}


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


class Compiler:
    """The CP-SAT model of one scenario, one current draft and a set of parties.

    ``red_lines`` overrides which red lines are encoded (default: every red line of
    ``parties`` that counts under ``stance``, as the checker's view of that name: under
    ``"stated"`` every red line, under ``"assessed"`` only the assessed ones); preferences are
    those of ``parties`` when ``satisfaction`` is on."""

    def __init__(self, scenario: Scenario, draft: Draft, parties: Sequence[str], *,
                 satisfaction: bool = True,
                 red_lines: Sequence[RedLine] | None = None,
                 run: Run | None = None, stance: Stance = "stated") -> None:
        self.run = run
        self.scenario = scenario
        self.draft = draft
        self.checker: CompiledScenario = compiled(scenario)
        self.stance: Stance = stance
        rules = {p.id: p for p in self.checker.parties}
        counting = {p.id: p for p in self.checker.views[stance]}
        self.parties = [scenario.party(p) for p in parties]
        if red_lines is None:
            red_lines = [RedLine(p.id, p.name, rid, title, rule)
                         for p in self.parties
                         for rid, title, rule in counting[p.id].red_lines]
        self.red_lines: list[RedLine] = list(red_lines)
        self.preferences: dict[str, list[tuple[float, CompiledRule]]] = {}
        if satisfaction:
            for p in self.parties:
                if rules[p.id].preferences:
                    self.preferences[p.id] = [(w, r) for _, w, r in rules[p.id].preferences]
        self.m: Any = cp_model.CpModel()
        self.current = {c.provision: c for c in draft.clauses}
        ops = ("set", "phase", "close", "add", "remove")
        self.change_costs = change_costs(scenario)
        units, self.cost_scale = integer_costs([self.change_costs[o] for o in ops])
        self.unit = dict(zip(ops, units, strict=True))
        self._true = self.m.new_bool_var("true")
        self.m.add(self._true == 1)
        # Rule literals are cached per view: the main one (()) and, for a rule reading open
        # clauses, one per combination of their alternatives.
        self._ctx: tuple[tuple[str, int], ...] = ()
        self._view: Any = None
        self._cache: dict[tuple[tuple[tuple[str, int], ...], Node], Var] = {}
        self._eq_cache: dict[tuple[int, int], Var] = {}
        self._le_cache: dict[tuple[tuple[int, ...], int], Var] = {}
        nodes = [n for rl in self.red_lines for n in walk(rl.rule.node)]
        nodes += [n for prefs in self.preferences.values() for _, r in prefs
                  for n in walk(r.node)]
        self._setup_numbers(nodes)
        self.pres: dict[str, Var] = {}
        self.vars: dict[str, dict[str, Var]] = {}
        self._view = self.vars
        self.cur_raw: dict[str, dict[str, int]] = {}
        self.domains: dict[_Key, tuple[int, int]] = {}
        self.change_terms: list[tuple[int, Var]] = []
        # Open clauses of the draft: kept open (a literal), closed on alternative i (one
        # literal each), and the raw values of each alternative.
        self.open: dict[str, Var] = {}
        self.sel: dict[str, list[Var]] = {}
        self.alt_raw: dict[str, list[dict[str, int]]] = {}
        for i, prov in enumerate(scenario.provisions):
            self._tick(i)
            self._declare(prov.id)
        for prov in scenario.provisions:
            for other in prov.excludes:
                self.m.add_bool_or([self.pres[prov.id].Not(), self.pres[other].Not()])
        self.cost = sum(c * v for c, v in self.change_terms)
        self._setup_open()
        self.red_lits: list[Var] = []
        for i, rl in enumerate(self.red_lines):
            self._tick(i)
            self.red_lits.append(self._rule_lit(rl.rule))
        self._setup_satisfaction()
        self._setup_no_deal()

    def _tick(self, i: int) -> None:
        """Building a model for a huge scenario takes seconds: it too keeps the deadline."""
        if self.run is not None and i % 256 == 0:
            if self.run.cancel is not None and self.run.cancel.cancelled:
                raise Cancelled
            if self.run.expired():
                raise OutOfTime

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
        for alt in clause.alternatives if clause is not None else ():
            if name in alt.values:
                v = alt.values[name]
                assert isinstance(v, int | float)
                out.append((v, "a value of its open point"))
        return out

    def _describe(self, key: _Key) -> str:
        """The param for a person: "“Title” (its label)" (this error is raised as a sentence;
        the domain cannot ask the wording, so the label is taken as the scenario gives it)."""
        pid, name = key
        prov = self.scenario.provision(pid)
        spec = prov.param(name)
        words = "its phase" if spec is None else (spec.label or name.replace("_", " "))
        return f"“{prov.title}” ({words})"

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

    def _raw(self, pid: str, name: str, value: Value) -> int:
        """A value as the solver holds it: a choice's index, a bool as 0/1, a number on its
        component's grid."""
        spec = self.scenario.provision(pid).param(name) if name != "phase" else None
        if isinstance(spec, BoolParam):
            return int(bool(value))
        if isinstance(spec, ChoiceParam):
            assert isinstance(value, str)
            return spec.ids.index(value)
        num = self.numeric[(pid, name)]
        assert isinstance(value, int | float)
        scaled = _exact(value) * num.scale / num.k
        assert scaled.denominator == 1, "a current value lies off its grid"
        return int(scaled)

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
        vars_: dict[str, Var] = {}
        raw: dict[str, int] = {}
        for name in [p.name for p in prov.params] + ["phase"]:
            if (pid, name) not in self.used:
                continue
            spec = prov.param(name) if name != "phase" else None
            if isinstance(spec, BoolParam):
                lo, hi = 0, 1
            elif isinstance(spec, ChoiceParam):
                lo, hi = 0, len(spec.ids) - 1
            else:
                num = self.numeric[(pid, name)]
                lo, hi = num.lo, num.hi
            vars_[name] = m.new_int_var(lo, hi, f"{pid}.{name}")
            self.domains[(pid, name)] = (lo, hi)
            raw[name] = self._raw(pid, name, values[name])
        self.vars[pid] = vars_
        self.cur_raw[pid] = raw
        # An absent provision's values are pinned to the current (or default) ones: no symmetry.
        for name, var in vars_.items():
            m.add(var == raw[name]).only_enforce_if(present.Not())
        unit = self.unit
        if clause is None:
            self.change_terms.append((unit["add"], present))
            return
        self.change_terms.append((unit["remove"], present.Not()))
        if not clause.is_open:
            for name, var in vars_.items():
                self.change_terms.append((unit["phase" if name == "phase" else "set"],
                                          self._differs(pid, name, var, raw[name])))
            return
        self._declare_open(pid, clause, values)

    def _declare_open(self, pid: str, clause: Clause, values: dict[str, Value]) -> None:
        m: Any = self.m
        unit, present, vars_, raw = self.unit, self.pres[pid], self.vars[pid], self.cur_raw[pid]
        # An open clause: kept open (its values pinned to the clause's own; the rules read
        # each alternative), or closed on one alternative (cost ``close``) and then changed
        # relative to that alternative.
        kept = m.new_bool_var(f"open:{pid}")
        sel = [m.new_bool_var(f"close:{pid}:{i}") for i in range(len(clause.alternatives))]
        m.add(sum(sel) + kept == present)
        self.open[pid], self.sel[pid] = kept, sel
        self.alt_raw[pid] = [{name: raw[name] if name == "phase" else
                              self._raw(pid, name, {**values, **alt.values}[name])
                              for name in vars_} for alt in clause.alternatives]
        self.change_terms.extend((unit["close"], s) for s in sel)
        for name, var in vars_.items():
            if name == "phase":
                self.change_terms.append((unit["phase"],
                                          self._differs(pid, name, var, raw[name])))
                continue
            m.add(var == raw[name]).only_enforce_if(kept)
            diff = m.new_bool_var(f"diff:{pid}.{name}")
            for s, alt_raw in zip(sel, self.alt_raw[pid], strict=True):
                m.add(var == alt_raw[name]).only_enforce_if([s, diff.Not()])
            self.change_terms.append((unit["set"], diff))

    def _differs(self, pid: str, name: str, var: Var, value: int) -> Var:
        diff = self.m.new_bool_var(f"diff:{pid}.{name}")
        self.m.add(var != value).only_enforce_if(diff)
        self.m.add(var == value).only_enforce_if(diff.Not())
        return diff

    def _setup_open(self) -> None:
        """For each open clause whose alternatives a rule reads, a view per distinct
        alternative: shadow variables equal to the alternative's values while the clause is
        kept open, and to the clause's own variables once it is closed. Beyond
        :data:`OPEN_COMBINATIONS` combinations, those clauses must be closed."""
        self.views: dict[str, list[dict[str, Var]]] = {}
        self.open_bound_hit = False
        distinct: dict[str, list[dict[str, int]]] = {}
        for pid, alts in self.alt_raw.items():
            names = [n for n in self.vars[pid] if n != "phase"]
            if not names:
                continue
            distinct[pid] = [dict(zip(names, r, strict=True)) for r in
                             dict.fromkeys(tuple(a[n] for n in names) for a in alts)]
        if math.prod(len(d) for d in distinct.values()) > OPEN_COMBINATIONS:
            self.open_bound_hit = True
            for pid in distinct:
                self.m.add(self.open[pid] == 0)
            return
        for pid, rows in distinct.items():
            views = []
            for row in rows:
                view = {}
                for name, value in row.items():
                    lo, hi = self.domains[(pid, name)]
                    shadow = self.m.new_int_var(lo, hi, f"{pid}.{name}~")
                    self.m.add(shadow == value).only_enforce_if(self.open[pid])
                    self.m.add(shadow == self.vars[pid][name]).only_enforce_if(
                        self.open[pid].Not())
                    view[name] = shadow
                views.append(view)
            self.views[pid] = views

    def _rule_lit(self, rule: CompiledRule) -> Var:
        """A rule's literal (a red line's, a preference's): it holds under every combination of
        the alternatives of the open clauses it reads (while they are kept open), as the
        checker judges an open draft."""
        opens = sorted(p for p in rule.provisions if p in self.views)
        if not opens:
            return self.lit(rule.node)
        lits = []
        for combo in itertools.product(*(range(len(self.views[p])) for p in opens)):
            overrides = {p: {**self.vars[p], **self.views[p][j]}
                         for p, j in zip(opens, combo, strict=True)}
            self._ctx = tuple(zip(opens, combo, strict=True))
            self._view = ChainMap(overrides, self.vars)
            try:
                lits.append(self.lit(rule.node))
            finally:
                self._ctx, self._view = (), self.vars
        return self._and(lits)

    # -- rules

    def _new(self) -> Var:
        return self.m.new_bool_var("")

    def _and(self, lits: Sequence[Var]) -> Var:
        if len(lits) == 1:
            return lits[0]
        b = self._new()
        self.m.add_bool_and(list(lits)).only_enforce_if(b)
        self.m.add_bool_or([x.Not() for x in lits]).only_enforce_if(b.Not())
        return b

    def _or(self, lits: Sequence[Var]) -> Var:
        if len(lits) == 1:
            return lits[0]
        b = self._new()
        self.m.add_bool_or(list(lits)).only_enforce_if(b)
        self.m.add_bool_and([x.Not() for x in lits]).only_enforce_if(b.Not())
        return b

    def _literal_relation(self, ref: Ref, op: str, value: int | float) -> Var:
        """``ref op value`` on the param's own variable, with the bound clamped to its domain
        (beyond the domain the relation is constant, so the clamped bound is equivalent)."""
        num = self.numeric[(ref.provision, ref.param)]
        var = self._view[ref.provision][ref.param]
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

    def _reify(self, key: tuple[int, ...], expr: Expr, op: str, bound: int) -> Var:
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

    def _le(self, key: tuple[int, ...], expr: Expr, c: int) -> Var:
        lit = self._le_cache.get((key, c))
        if lit is None:
            lit = self._le_cache[(key, c)] = self._new()
            self.m.add(expr <= c).only_enforce_if(lit)
            self.m.add(expr >= c + 1).only_enforce_if(lit.Not())
        return lit

    def _eq_value(self, ref: Ref, value: Value) -> Var:
        """The literal ``ref == value`` on values (presence not included)."""
        kind = self._kind(ref)
        var = self._view[ref.provision][ref.param]
        if kind == "choice":
            spec = self.scenario.provision(ref.provision).param(ref.param)
            assert isinstance(spec, ChoiceParam)
            assert isinstance(value, str)
            return self._eq_int(ref, var, spec.ids.index(value))
        if kind == "bool":
            return self._eq_int(ref, var, int(bool(value)))
        assert isinstance(value, int | float)
        return self._literal_relation(ref, "==", value)

    def _eq_int(self, ref: Ref, var: Var, k: int) -> Var:
        key = (var.Index(), k)
        lit = self._eq_cache.get(key)
        if lit is None:
            lit = self._eq_cache[key] = self._new()
            self.m.add(var == k).only_enforce_if(lit)
            self.m.add(var != k).only_enforce_if(lit.Not())
        return lit

    def lit(self, node: Node) -> Var:
        cached = self._cache.get((self._ctx, node))
        if cached is None:
            cached = self._cache[(self._ctx, node)] = self._lit(node)
        return cached

    def _lit(self, node: Node) -> Var:
        match node:
            case Present():
                return self.pres[node.provision]
            case Not():
                return self.lit(node.operand).Not()
            case And():
                return self._and([self.lit(x) for x in node.operands])
            case Or():
                return self._or([self.lit(x) for x in node.operands])
            case Implies():
                return self._or([self.lit(node.premise).Not(), self.lit(node.conclusion)])
            case Count():
                return self._count(node)
            case InList():
                ref = node.ref
                rel = self._or([self._eq_value(ref, i.value) for i in node.items])
                return self._and([self.pres[ref.provision], rel])
            case Compare():
                return self._compare(node)
            case _:
                assert_never(node)

    def _count(self, node: Count) -> Var:
        b = self._new()
        total = sum(self.pres[p] for p in node.provisions)
        if node.kind == "at_least":
            self.m.add(total >= node.k).only_enforce_if(b)
            self.m.add(total <= node.k - 1).only_enforce_if(b.Not())
        else:
            self.m.add(total <= node.k).only_enforce_if(b)
            self.m.add(total >= node.k + 1).only_enforce_if(b.Not())
        return b

    def _compare(self, node: Compare) -> Var:
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
                va = self._view[left.provision][left.param]
                vb = self._view[right.provision][right.param]
                rel = self._reify((va.Index(), a.k, vb.Index(), b.k), va * a.k - vb * b.k,
                                  node.op, 0)
        return self._and([*dict.fromkeys(pres), rel])

    def _same(self, a: Ref, b: Ref) -> Var:
        if self._kind(a) == "bool":
            va, vb = self._view[a.provision][a.param], self._view[b.provision][b.param]
            lit = self._new()
            self.m.add(va == vb).only_enforce_if(lit)
            self.m.add(va != vb).only_enforce_if(lit.Not())
            return lit
        sa = self.scenario.provision(a.provision).param(a.param)
        sb = self.scenario.provision(b.provision).param(b.param)
        assert isinstance(sa, ChoiceParam)
        assert isinstance(sb, ChoiceParam)
        common = [c for c in sa.ids if c in sb.ids]
        if not common:
            return self._true.Not()
        return self._or([self._and([self._eq_value(a, c), self._eq_value(b, c)])
                         for c in common])

    # -- satisfaction

    def _setup_satisfaction(self) -> None:
        """Each party's satisfaction as an integer expression over one common denominator:
        exact when the denominator stays small enough that no constraint can overflow (see
        TERM_LIMIT), else each weight rounded to millionths of its party's total."""
        self.nums: dict[str, Expr] = {}
        self.totals: dict[str, int] = {}
        weights: dict[str, list[int]] = {}
        for pid, prefs in self.preferences.items():
            ws = [round(_exact(w) * 10 ** WEIGHT_DECIMALS) for w, _ in prefs]
            g = math.gcd(*ws)
            weights[pid] = [w // g for w in ws]
            self.nums[pid] = sum(w * self._rule_lit(r)
                                 for w, (_, r) in zip(weights[pid], prefs, strict=True))
            self.totals[pid] = sum(weights[pid])
        self.weights = weights
        denom = math.lcm(*self.totals.values()) if self.totals else 1
        # min_sat <= a party's sum: a coefficient up to denom next to a variable up to denom.
        self.exact_sat = denom * denom <= TERM_LIMIT
        self.denom = denom if self.exact_sat else SAT_RESOLUTION
        self.sat_scaled: dict[str, Expr] = {}
        top = 0
        for pid, prefs in self.preferences.items():
            total = self.totals[pid]
            if self.exact_sat:
                coefs = [w * (denom // total) for w in weights[pid]]
            else:
                coefs = [round(Fraction(w * SAT_RESOLUTION, total)) for w in weights[pid]]
            top = max(top, sum(coefs))
            self.sat_scaled[pid] = sum(c * self._rule_lit(r)
                                       for c, (_, r) in zip(coefs, prefs, strict=True))
        self.min_sat = self.m.new_int_var(0, max(top, 1), "min_sat")
        for expr in self.sat_scaled.values():
            self.m.add(self.min_sat <= expr)
        if not self.sat_scaled:
            self.m.add(self.min_sat == 0)
        self.sum_sat = sum(self.sat_scaled.values())

    def _setup_no_deal(self) -> None:
        """Per chosen party with preferences and a no-deal level: a literal that is true when
        the package may leave it below that level (the first objective stage minimises them).

        The level is measured as a person reads satisfaction, over what the draft addresses
        (the checker's ``addressed_satisfaction``): met weight ≥ no_deal × addressed weight,
        where a met preference is addressed and an unmet one is when the package holds a
        provision its rule names (a rule naming none always is). Both sides are linear in the
        rule and presence literals; nothing addressed (0 ≥ 0) is never below."""
        self.below: dict[str, Var] = {}
        for p in self.parties:
            if p.no_deal is None or p.id not in self.preferences:
                continue
            level = _exact(p.no_deal)
            if level <= 0:
                continue
            prefs, ws = self.preferences[p.id], self.weights[p.id]
            if max(level.numerator, level.denominator) * sum(ws) > TERM_LIMIT:
                # Rounded up: a package that reaches the rounded level reaches the real one.
                level = Fraction(math.ceil(level * SAT_RESOLUTION), SAT_RESOLUTION)
            met, addressed = [], []
            for w, (_, rule) in zip(ws, prefs, strict=True):
                lit = self._rule_lit(rule)
                met.append(w * lit)
                named = [self.pres[x] for x in sorted(rule.provisions) if x in self.pres]
                addressed.append(w * (self._or([lit, *named]) if rule.provisions else 1))
            b = self.m.new_bool_var(f"below:{p.id}")
            self.m.add(level.denominator * sum(met) >= level.numerator * sum(addressed)
                       ).only_enforce_if(b.Not())
            self.below[p.id] = b

    # -- salient values

    def reference(self, sol: Solution, pid: str) -> dict[str, int]:
        """What a clause's values move from: the draft's (an added clause: the defaults,
        phase 1), or the alternative an open clause is closed on."""
        if pid in sol.closed:
            return self.alt_raw[pid][sol.closed[pid]]
        return self.cur_raw[pid]

    def _grid(self, pid: str, name: str, ref: int) -> tuple[int, int] | None:
        """The salient grid of a numeric param in raw units, (anchor, spacing): its ``step``
        from its minimum (or 0); without a step, two significant digits of the value it
        moves from, from 0. None when the step does not fall on the exact grid."""
        spec = self.scenario.provision(pid).param(name)
        assert isinstance(spec, IntParam | NumberParam)
        num = self.numeric[(pid, name)]
        per = Fraction(num.scale, num.k)
        if spec.step is None:
            return 0, 10 ** max(0, len(str(max(abs(ref), 1))) - 2)
        anchor = (_exact(spec.min) if spec.min is not None else Fraction(0)) * per
        step = _exact(spec.step) * per
        if anchor.denominator != 1 or step.denominator != 1:
            return None
        return int(anchor), int(step)

    def salience(self, sol: Solution) -> tuple[Expr, Expr] | None:
        """Fix every choice of ``sol`` except the values it changes, and return (the number
        of changed numbers off their salient grid, the total distance of changed values from
        where they move from), for the last two objective stages; None when no number or phase
        changes."""
        m: Any = self.m
        off: list[Var] = []
        dist: list[Var] = []
        for pid, present in self.pres.items():
            m.add(present == int(sol.present[pid]))
            if pid in self.open and sol.present[pid]:
                m.add(self.open[pid] == int(pid not in sol.closed))
                for i, s in enumerate(self.sel[pid]):
                    m.add(s == int(sol.closed.get(pid) == i))
            if not sol.present[pid]:
                continue
            ref = self.reference(sol, pid)
            for name, var in self.vars[pid].items():
                value = sol.values[pid][name]
                kind = self._kind(Ref(pid, name))
                if value == ref[name] or kind not in ("int", "number", "phase"):
                    if value == ref[name]:
                        m.add(var == value)
                    continue
                lo, hi = self.domains[(pid, name)]
                d = m.new_int_var(0, max(abs(hi - ref[name]), abs(ref[name] - lo)), "")
                m.add_abs_equality(d, var - ref[name])
                dist.append(d)
                grid = None if kind == "phase" else self._grid(pid, name, ref[name])
                if grid is None:
                    continue
                anchor, step = grid
                q = m.new_int_var((lo - anchor) // step - 1, (hi - anchor) // step + 1, "")
                on = m.new_bool_var("")
                m.add(var == anchor + step * q).only_enforce_if(on)
                off.append(on.Not())
        if not dist:
            return None
        return sum(off), sum(dist)

    # -- reading a solution

    def read(self, solver: Any) -> Solution:
        present = {pid: bool(solver.value(v)) for pid, v in self.pres.items()}
        values = {pid: {n: int(solver.value(v)) for n, v in vs.items()}
                  for pid, vs in self.vars.items() if present[pid]}
        closed = {pid: i for pid, sel in self.sel.items() if present[pid]
                  for i, s in enumerate(sel) if solver.boolean_value(s)}
        return Solution(present, values, closed)

    def hint(self, sol: Solution) -> None:
        self.m.clear_hints()
        for pid, var in self.pres.items():
            self.m.add_hint(var, sol.present[pid])
            raw = sol.values.get(pid, self.cur_raw[pid])
            for name, v in self.vars[pid].items():
                self.m.add_hint(v, raw[name])

    def nogood(self, sol: Solution) -> None:
        """At least one change differs from those of ``sol``: a provision added or removed
        there is not here, a kept clause gets a different value or phase, or an open clause
        kept open there is closed here (or the other way round): the package differs, not only
        its description. (The values of an added clause are not changes, so differing only in
        them does not count.)"""
        diffs: list[Var] = []
        for pid, var in self.pres.items():
            if not sol.present[pid]:
                diffs.append(var)
                continue
            diffs.append(var.Not())
            if pid not in self.current:
                continue
            if pid in self.open:  # kept open there, closed here, or the other way round
                kept = self.open[pid]
                diffs.append(kept.Not() if pid not in sol.closed else kept)
            for name, v in self.vars[pid].items():
                d = self._new()
                self.m.add(v != sol.values[pid][name]).only_enforce_if(d)
                self.m.add(v == sol.values[pid][name]).only_enforce_if(d.Not())
                diffs.append(d)
        self.m.add_bool_or(diffs)

    def no_superset(self, sol: Solution) -> None:
        """Not every change of ``sol`` is made again: a package that makes all of them and more
        pads ``sol`` (which already passes every red line) with changes no party requires. Each
        change of ``sol`` contributes "this change is not made"; at least one must hold. (No
        cut when ``sol`` makes no change: then every other package would be a superset.)"""
        undone: list[Var] = []
        for pid, var in self.pres.items():
            if pid not in self.current:
                if sol.present[pid]:
                    undone.append(var.Not())  # added there
                continue
            if not sol.present[pid]:
                undone.append(var)  # removed there
                continue
            if pid in sol.closed:
                undone.append(self.sel[pid][sol.closed[pid]].Not())
            ref = self.reference(sol, pid)
            for name, v in self.vars[pid].items():
                if sol.values[pid][name] == ref[name]:
                    continue
                d = self._new()
                self.m.add(v != sol.values[pid][name]).only_enforce_if(d)
                undone += [d, var.Not()]
        if undone:
            self.m.add_bool_or(undone)

    def value_of(self, pid: str, name: str, raw: int) -> Value:
        if name == "phase":
            return raw
        spec = self.scenario.provision(pid).param(name)
        if isinstance(spec, BoolParam):
            return bool(raw)
        if isinstance(spec, ChoiceParam):
            return spec.ids[raw]
        if isinstance(spec, IntParam):
            return raw
        assert isinstance(spec, NumberParam)
        exact = Fraction(raw, self.numeric[(pid, name)].scale)
        value = float(exact)
        if _exact(value) != exact:
            raise CertificateError(f"{pid}.{name}: grid value {exact} does not read back "
                                   "exactly as a float")
        return value

    def clauses(self, sol: Solution) -> tuple[Clause, ...]:
        out: list[Clause] = []
        for clause in self.draft.clauses:
            pid = clause.provision
            if not sol.present[pid]:
                continue
            raw = sol.values[pid]
            cur = self.reference(sol, pid)
            if pid in sol.closed:
                clause = clause.settled(sol.closed[pid])
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

    def holds(self, clauses: tuple[Clause, ...], red_lines: Iterable[RedLine]) -> bool:
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


class Run:
    """One call's time budget, workers, cancel token and progress reports. Every solve of the
    call draws on the same deadline; once it has passed, a solve answers "unknown" at once."""

    def __init__(self, time_limit: float, workers: int, cancel: CancelToken | None,
                 progress: Callable[[Progress], None] | None) -> None:
        self.deadline = time.monotonic() + time_limit
        self.workers = workers
        self.cancel = cancel
        self.progress = progress
        self.hit_limit = False

    def say(self, stage: Stage, alternative: int = 0, cost: int | None = None) -> None:
        if self.progress is not None:
            self.progress(Progress(stage, alternative, cost))

    def expired(self) -> bool:
        if time.monotonic() >= self.deadline:
            self.hit_limit = True
            return True
        return False

    def solve(self, model: cp_model.CpModel) -> tuple[Any, Any]:
        """(status, solver); the solver is None when the deadline had already passed."""
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled
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
            raise Cancelled
        if status == cp_model.MODEL_INVALID:
            raise CertificateError(f"the solver refused the model: {model.validate()}")
        if status == cp_model.FEASIBLE or status == cp_model.UNKNOWN:
            self.hit_limit = True
        return status, solver


FOUND = (cp_model.OPTIMAL, cp_model.FEASIBLE)



def chosen_parties(scenario: Scenario, parties: Sequence[str] | None) -> list[str]:
    if parties is None:
        return [p.id for p in scenario.parties]
    for pid in parties:
        if pid not in scenario.party_index:
            raise ValueError(f"no party '{pid}'")
    return list(dict.fromkeys(parties))

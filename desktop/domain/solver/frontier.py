"""The Pareto frontier of two parties' satisfactions over every package the chosen parties
accept, with the Nash and egalitarian points."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from ortools.sat.python import cp_model

from desktop.domain.model import (
    Clause,
    Draft,
    Scenario,
)
from desktop.domain.solver.encoding import (
    FOUND,
    Compiler,
    Run,
    Var,
    chosen_parties,
)
from desktop.domain.solver.types import (
    Cancelled,
    CancelToken,
    FrontierPoint,
)

# --------------------------------------------------------------------------- frontier


def frontier(scenario: Scenario, draft: Draft, party_a: str, party_b: str, *,
             parties: Sequence[str] | None = None, time_limit: float = 20.0,
             cancel: CancelToken | None = None) -> tuple[FrontierPoint, ...]:
    """The Pareto frontier of two parties' satisfactions over packages that pass every red line
    of ``parties`` (default: all). Each point's package is the one closest to ``draft``.
    Empty when no package passes, or when either party states no preferences."""
    chosen = chosen_parties(scenario, parties)
    for pid in (party_a, party_b):
        if pid not in scenario.party_index:
            raise ValueError(f"no party '{pid}'")
    comp = Compiler(scenario, draft, list(dict.fromkeys([*chosen, party_a, party_b])))
    chosen_set = set(chosen)
    for rl, r in zip(comp.red_lines, comp.red_lits, strict=True):
        if rl.party in chosen_set:
            comp.m.add(r == 1)
    if party_a not in comp.nums or party_b not in comp.nums:
        return ()
    run = Run(time_limit, 2, cancel, None)
    points: list[tuple[int, int, tuple[Clause, ...]]] = []
    upper_b: int | None = None
    try:
        while (point := _next_point(comp, run, party_a, party_b, upper_b)) is not None:
            if not points or point[0] > points[-1][0]:
                points.append(point)
            upper_b = point[1]
    except Cancelled:
        return ()
    return _marked(points, comp.totals[party_a], comp.totals[party_b])


def _next_point(comp: Compiler, run: Run, party_a: str, party_b: str, upper_b: int | None
                ) -> tuple[int, int, tuple[Clause, ...]] | None:
    """One step of the sweep: the best B below ``upper_b``, then the best A at that B, then the
    package closest to the draft with both; None when the sweep is over (or out of time)."""
    m: Any = comp.m
    na, nb = comp.nums[party_a], comp.nums[party_b]
    lits: list[Var] = []
    if upper_b is not None:
        lb = m.new_bool_var("")
        m.add(nb <= upper_b - 1).only_enforce_if(lb)
        lits.append(lb)
    found: list[int] = []
    for objective in (nb, na):
        m.clear_assumptions()
        m.add_assumptions(lits)
        m.maximize(objective)
        status, solver = run.solve(m)
        if status != cp_model.OPTIMAL:
            return None
        best = round(solver.objective_value)
        fixed = m.new_bool_var("")
        m.add(objective == best).only_enforce_if(fixed)
        lits.append(fixed)
        found.append(best)
    m.clear_assumptions()
    m.add_assumptions(lits)
    m.minimize(comp.cost)
    status, solver = run.solve(m)
    if status not in FOUND:
        return None
    b, a = found
    return a, b, comp.clauses(comp.read(solver))


def _marked(points: list[tuple[int, int, tuple[Clause, ...]]], ta: int, tb: int
            ) -> tuple[FrontierPoint, ...]:
    """The frontier's points as satisfactions, with the Nash point (largest product) and the
    egalitarian point (largest minimum) marked; ties go to the larger sum."""
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

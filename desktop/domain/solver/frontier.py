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
    na, nb = comp.nums[party_a], comp.nums[party_b]
    ta, tb = comp.totals[party_a], comp.totals[party_b]
    run = Run(time_limit, 2, cancel, None)
    m: Any = comp.m
    points: list[tuple[int, int, tuple[Clause, ...]]] = []
    upper_b: int | None = None
    try:
        while True:
            lits: list[Var] = []
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
            if status not in FOUND:
                break
            if not points or a > points[-1][0]:
                points.append((a, b, comp.clauses(comp.read(solver))))
            upper_b = b
    except Cancelled:
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


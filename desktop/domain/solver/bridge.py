"""The bridge: the fewest changes every chosen party accepts, or why none exists.

Certificates. Every answer is re-verified by an independent path before it is returned: a
proposal must pass :func:`~desktop.domain.checker.check` for the chosen parties; a draft that
``check()`` finds viable must come back with 0 changes; each clash set is re-proven on fresh
models, infeasible as a whole and feasible (with a witness the checker's own compiled rules
accept) with any one member dropped; the red lines to relax leave a witness the checker
accepts. A failed certificate raises :class:`CertificateError`: a bug report, never a result.

The objective is lexicographic and solved in stages, each stage's optimum fixed before the
next: (1) fewest changes, (2) highest minimum satisfaction over the chosen parties that state
preferences, (3) highest sum of those parties' satisfactions. See docs/bridge.md.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ortools.sat.python import cp_model

from desktop.domain.checker import check
from desktop.domain.model import (
    Clause,
    Draft,
    Scenario,
)
from desktop.domain.rules import (
    CompiledRule,
)
from desktop.domain.solver.encoding import (
    FOUND,
    Compiler,
    RedLine,
    Run,
    Solution,
    chosen_parties,
)
from desktop.domain.solver.types import (
    BridgeResult,
    Cancelled,
    CancelToken,
    CertificateError,
    Change,
    ClashItem,
    Gain,
    Need,
    Note,
    OutOfTime,
    Progress,
    Proposal,
    Stage,
    Status,
    Why,
)


def _changes(comp: Compiler, sol: Solution) -> list[Change]:
    out: list[Change] = []
    for clause in comp.draft.clauses:
        pid = clause.provision
        if not sol.present[pid]:
            out.append(Change("remove", pid))
            continue
        raw, cur = sol.values[pid], comp.cur_raw[pid]
        for name in comp.vars[pid]:
            if name != "phase" and raw[name] != cur[name]:
                out.append(Change("set", pid, param=name,
                                  value=comp.value_of(pid, name, raw[name])))
        if "phase" in raw and raw["phase"] != cur["phase"]:
            out.append(Change("phase", pid, phase=raw["phase"]))
    for prov in comp.scenario.provisions:
        if prov.id not in comp.current and sol.present[prov.id]:
            out.append(Change("add", prov.id))
    return out


def _revert(comp: Compiler, clauses: tuple[Clause, ...], change: Change) -> tuple[Clause, ...]:
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

    def __init__(self, comp: Compiler) -> None:
        self.comp = comp
        self.red_lines: dict[str, list[RedLine]] = {}
        for rl in comp.red_lines:
            for pid in rl.rule.provisions:
                self.red_lines.setdefault(pid, []).append(rl)
        self.preferences: dict[str, list[tuple[float, CompiledRule]]] = {}
        for p in comp.checker.parties:
            if p.id in comp.preferences:
                self.preferences[p.id] = [(w, r) for _, w, r in p.preferences]

    def why(self, clauses: tuple[Clause, ...], change: Change,
            sat: dict[str, float | None]) -> Why:
        comp = self.comp
        pid = change.provision
        reverted = _revert(comp, clauses, change)
        state = comp.checker.state(comp.draft.model_copy(update={"clauses": reverted}))
        needs = tuple(Need(rl.party, rl.party_name, rl.id, rl.title)
                      for rl in self.red_lines.get(pid, ()) if not rl.rule.predicate(state))
        conflicts: list[tuple[str, str]] = []
        if change.op == "remove":
            order = {c.provision: i for i, c in enumerate(reverted)}
            for other in comp.checker.excludes.get(pid, ()):
                if other in order:
                    a, b = sorted((pid, other), key=order.__getitem__)
                    conflicts.append((a, b))
        if needs or conflicts:
            return Why(needs, tuple(conflicts))
        gains = []
        for p in comp.parties:
            prefs = self.preferences.get(p.id)
            after = sat.get(p.id)
            if not prefs or after is None or not any(pid in r.provisions for _, r in prefs):
                continue
            total = sum(w for w, _ in prefs)
            before = sum(w for w, r in prefs if r.predicate(state)) / total
            if after > before + 1e-12:
                gains.append(Gain(p.id, p.name, before, after))
        return Why(gains=tuple(gains))


def _certify_proposal(scenario: Scenario, draft: Draft, parties: Iterable[str],
                      clauses: tuple[Clause, ...]) -> dict[str, float | None]:
    """The proposal's satisfactions, once ``check()`` has accepted it for the chosen parties."""
    report = check(scenario, draft.model_copy(update={"clauses": clauses}))
    chosen = set(parties)
    failing = [f"{v.party}: {x.red_line}" for v in report.parties if v.party in chosen
               for x in v.violations]
    failing += [" excludes ".join(c.provisions) for c in report.conflicts]
    if failing:
        raise CertificateError("a proposal failed the checker: " + "; ".join(failing))
    return {v.party: v.satisfaction for v in report.parties if v.party in chosen}


def _proposal(comp: Compiler, sol: Solution, run: Run, reasons: _Reasons | None,
              notes: list[Note]) -> Proposal:
    clauses = comp.clauses(sol)
    sat = _certify_proposal(comp.scenario, comp.draft, [p.id for p in comp.parties], clauses)
    changes: list[Change] = []
    skipped = False
    for c in _changes(comp, sol):
        if reasons is not None and not run.expired():
            c = Change(c.op, c.provision, reasons.why(clauses, c, sat), c.param, c.value,
                       c.phase)
        else:
            skipped = True
        changes.append(c)
    if skipped and reasons is not None:
        notes.append(Note("reasons-not-worked-out"))
    return Proposal(tuple(changes), clauses, sat, len(changes))


def _item(rl: RedLine) -> ClashItem:
    return ClashItem(rl.party, rl.id, rl.title, rl.rule.text)


def _viable_for(scenario: Scenario, draft: Draft, chosen: Sequence[str]) -> bool:
    report = check(scenario, draft)
    return not report.conflicts and all(report.verdict(p).acceptable for p in chosen)


def find_bridge(scenario: Scenario, draft: Draft, *, parties: Sequence[str] | None = None,
                alternatives: int = 3, clashes: int = 1, time_limit: float = 20.0,
                workers: int = 2, cancel: CancelToken | None = None,
                progress: Callable[[Progress], None] | None = None) -> BridgeResult:
    """The fewest changes to ``draft`` that pass every red line of ``parties`` (default: all),
    with up to ``alternatives`` other proposals; or, when none exists, up to ``clashes``
    distinct minimal clash sets and the fewest red lines to relax.

    The whole call respects ``time_limit``; a partial answer says so (``optimal`` false,
    ``notes``). Raises ValueError for a party id the scenario does not have,
    :class:`BeyondExactSolver` when the scenario's numbers cannot be encoded exactly, and
    :class:`CertificateError` when an answer fails its re-check (a bug)."""
    search = _Search(scenario, draft, chosen_parties(scenario, parties),
                     Run(time_limit, workers, cancel, progress))
    try:
        return search.answer(alternatives, clashes)
    except Cancelled:
        return BridgeResult(False, False, "cancelled", None, ())


class _Search:
    """One call of :func:`find_bridge`: its deadline, the proposals found so far (each later
    search must differ from them) and the notes on what is partial."""

    def __init__(self, scenario: Scenario, draft: Draft, chosen: list[str], run: Run) -> None:
        self.scenario, self.draft, self.chosen, self.run = scenario, draft, chosen, run
        self.viable = _viable_for(scenario, draft, chosen)
        self.found: list[Solution] = []
        self.notes: list[Note] = []

    def fresh(self) -> Compiler | None:
        """A fresh model per search, with red lines, stage bounds and no-goods as plain
        constraints (CP-SAT's presolve is far stronger without assumption literals); None
        when the deadline passed while building it."""
        try:
            comp = Compiler(self.scenario, self.draft, self.chosen, run=self.run)
        except OutOfTime:
            return None
        for r in comp.red_lits:
            comp.m.add_bool_or([r])
        for sol in self.found:
            comp.nogood(sol)
        return comp

    def answer(self, alternatives: int, clashes: int) -> BridgeResult:
        self.run.say("building")
        comp = self.fresh()
        sol, cost = _lexicographic(comp, self.run, 0) if comp is not None else (None, None)
        if sol is None and self.viable:
            return self._viable_draft(cost, alternatives)
        if sol is None or comp is None:
            if cost is None:
                return BridgeResult(False, False, "no-proposal", None, (),
                                    notes=(Note("no-answer-in-time"),))
            return _no_agreement(self.scenario, self.draft, self.chosen, self.run, clashes,
                                 self.notes)
        main = _proposal(comp, sol, self.run, _Reasons(comp), self.notes)
        if self.viable and main.cost != 0:
            raise CertificateError(f"the solver proposed {main.cost} changes to a draft the "
                                   "checker finds viable")
        self.found.append(sol)
        alts = self._alternatives(alternatives)
        optimal = not self.run.hit_limit
        if self.run.hit_limit and len(alts) < alternatives:
            self.notes.append(Note("fewer-alternatives"))
        status: Status = "optimal" if optimal else "best-found"
        return BridgeResult(True, optimal, status, main, tuple(alts),
                            notes=tuple(dict.fromkeys(self.notes)))

    def _viable_draft(self, cost: int | None, alternatives: int) -> BridgeResult:
        """The solver has no proposal, yet the checker accepts the draft: either a false proof
        (a bug) or the time ran out first, and then the draft is the answer: with 0 changes it
        is the only, so the optimal, proposal."""
        if cost is not None:
            raise CertificateError("the solver found no agreement on a draft the checker "
                                   "finds viable")
        sat = _certify_proposal(self.scenario, self.draft, self.chosen, self.draft.clauses)
        if alternatives:
            self.notes.append(Note("no-alternatives-in-time"))
        return BridgeResult(True, True, "optimal", Proposal((), self.draft.clauses, sat, 0), (),
                            notes=tuple(self.notes))

    def _alternatives(self, wanted: int) -> list[Proposal]:
        alts: list[Proposal] = []
        for k in range(wanted):
            comp = None if self.run.expired() else self.fresh()
            if comp is None:
                break
            alt, _ = _lexicographic(comp, self.run, k + 1)
            if alt is None:
                break
            self.found.append(alt)
            alts.append(_proposal(comp, alt, self.run, _Reasons(comp), self.notes))
        return alts


def _lexicographic(comp: Compiler, run: Run, alternative: int
                   ) -> tuple[Solution | None, int | None]:
    """Fewest changes, then highest minimum satisfaction, then highest total: each stage's
    optimum is fixed as a constraint before the next. Returns (solution, cost): (None, cost)
    with a cost of -1 when infeasibility is proven; (None, None) when nothing was found in
    time."""
    m: Any = comp.m
    m.minimize(comp.cost)
    run.say("fewest-changes", alternative)
    status, solver = run.solve(m)
    if status == cp_model.INFEASIBLE:
        return None, -1
    if status not in FOUND:
        return None, None
    best = comp.read(solver)
    cost = round(solver.objective_value)
    if status != cp_model.OPTIMAL:
        return best, cost
    m.add(comp.cost <= cost)
    stages: tuple[tuple[Stage, Any], ...] = (("fairest", comp.min_sat),
                                             ("most-satisfying", comp.sum_sat))
    for stage, expr in stages:
        if not comp.sat_scaled:
            break
        run.say(stage, alternative, cost)
        m.maximize(expr)
        comp.hint(best)
        status, solver = run.solve(m)
        if status not in FOUND:
            break
        best = comp.read(solver)
        if status != cp_model.OPTIMAL:
            break
        m.add(expr >= round(solver.objective_value))
    return best, cost


# --------------------------------------------------------------------------- no agreement


class _Clashes:
    """Minimal clash sets over the chosen red lines, on one model with a guard per red line."""

    def __init__(self, scenario: Scenario, draft: Draft, chosen: Sequence[str], run: Run
                 ) -> None:
        self.scenario, self.draft, self.chosen, self.run = scenario, draft, chosen, run
        self.comp = Compiler(scenario, draft, chosen, satisfaction=False, run=run)
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
        if status in FOUND:
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
        if status not in FOUND:
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

    def _solve_only(self, red_lines: list[RedLine]
                    ) -> tuple[bool | None, tuple[Compiler, Solution] | None]:
        try:
            comp = Compiler(self.scenario, self.draft, self.chosen, satisfaction=False,
                             red_lines=red_lines, run=self.run)
        except OutOfTime:
            return None, None
        for r in comp.red_lits:
            comp.m.add_bool_or([r])
        status, solver = self.run.solve(comp.m)
        if status in FOUND:
            return True, (comp, comp.read(solver))
        if status == cp_model.INFEASIBLE:
            return False, None
        return None, None


def _no_agreement(scenario: Scenario, draft: Draft, chosen: Sequence[str], run: Run,
                  wanted: int, notes: list[Note]) -> BridgeResult:
    """No package passes every chosen red line (proven by the main solve): why, verified."""
    run.say("clashes")
    try:
        finder = _Clashes(scenario, draft, chosen, run)
    except OutOfTime:
        notes.append(Note("clashes-not-found"))
        return BridgeResult(False, False, "no-agreement", None, (),
                            proven_infeasible=True, notes=tuple(notes))
    found = finder.enumerate(max(1, wanted))
    proven = [c for c in found if finder.certify(c)]
    if len(proven) < len(found) or finder.unproven:
        finder.unproven = True
        notes.append(Note("clashes-not-proven"))
    elif len(found) < wanted:
        notes.append(Note("all-clashes-found", len(found)))
    run.say("relax")
    dropped, relax_proven = finder.relax()
    if not dropped:
        notes.append(Note("relax-not-found"))
    elif not relax_proven:
        notes.append(Note("relax-not-proven"))
    red = finder.comp.red_lines
    optimal = not finder.unproven and relax_proven and bool(dropped)
    return BridgeResult(
        False, optimal, "no-agreement", None, (),
        clashes=tuple(tuple(_item(red[i]) for i in c) for c in proven),
        relax=tuple(_item(red[i]) for i in dropped),
        proven_infeasible=True,
        notes=tuple(dict.fromkeys(notes)),
    )


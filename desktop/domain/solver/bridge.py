"""The bridge: the cheapest changes every chosen party accepts, or why none exists.

Certificates. Every answer is re-verified by an independent path before it is returned: a
proposal must pass :func:`~desktop.domain.checker.check` under the call's ``stance`` (the red
lines that count in that view, the same ones the model encodes) for the chosen parties, under
every alternative of the open points it keeps open; a draft that
``check()`` finds viable must come back with 0 changes (unless it leaves a party below its
no-deal level); each clash set is re-proven on fresh models, infeasible as a whole and
feasible (with a witness the checker's own compiled rules accept) with any one member
dropped; the red lines to relax leave a witness ``check()`` accepts for every other red line.
A failed certificate raises :class:`CertificateError`: a bug report, never a result.

The objective is lexicographic and solved in stages, each stage's optimum fixed before the
next: (0) fewest chosen parties below their no-deal level, (1) lowest total cost of the
changes (the scenario's ``costs``), (2) highest minimum satisfaction over the chosen parties
that state preferences, (3) highest sum of those parties' satisfactions, (4, 5) the changed
numbers on their salient grid, then closest to where they move from. The cheapest relaxation
(when no agreement exists) does not depend on the draft. See docs/bridge.md.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from fractions import Fraction
from typing import Any

from ortools.sat.python import cp_model

from desktop.domain.checker import Report, check, compiled
from desktop.domain.model import (
    Clause,
    Draft,
    Scenario,
    Stance,
)
from desktop.domain.model import RedLine as ModelRedLine
from desktop.domain.rules import (
    CompiledRule,
)
from desktop.domain.solver.encoding import (
    FOUND,
    Compiler,
    RedLine,
    Run,
    Solution,
    _exact,
    chosen_parties,
    integer_costs,
)
from desktop.domain.solver.types import (
    BelowNoDeal,
    BridgeResult,
    Cancelled,
    CancelToken,
    CertificateError,
    Change,
    ClashItem,
    Gain,
    Link,
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
    unit = {op: float(c) for op, c in comp.change_costs.items()}
    out: list[Change] = []
    for clause in comp.draft.clauses:
        pid = clause.provision
        if not sol.present[pid]:
            out.append(Change("remove", pid, cost=unit["remove"]))
            continue
        if pid in sol.closed:
            out.append(Change("close", pid, alternative=sol.closed[pid], cost=unit["close"]))
        raw, cur = sol.values[pid], comp.reference(sol, pid)
        for name in comp.vars[pid]:
            if name != "phase" and raw[name] != cur[name]:
                out.append(Change("set", pid, param=name,
                                  value=comp.value_of(pid, name, raw[name]),
                                  cost=unit["set"]))
        if "phase" in raw and raw["phase"] != cur["phase"]:
            out.append(Change("phase", pid, phase=raw["phase"], cost=unit["phase"]))
    for prov in comp.scenario.provisions:
        if prov.id not in comp.current and sol.present[prov.id]:
            out.append(Change("add", prov.id, cost=unit["add"]))
    return out


def _revert(comp: Compiler, clauses: tuple[Clause, ...], change: Change,
            closed: dict[str, int]) -> tuple[Clause, ...]:
    """The proposal with ``change`` undone alone. Undoing a ``close`` leaves the clause as
    drafted (open, with its own values); undoing a value of a closed clause returns it to the
    alternative's value."""
    pid = change.provision
    if change.op == "add":
        return tuple(c for c in clauses if c.provision != pid)
    if change.op == "remove":
        return (*clauses, comp.current[pid])
    if change.op == "close":
        return tuple(comp.current[pid] if c.provision == pid else c for c in clauses)
    original = comp.current[pid]
    if pid in closed:
        original = original.settled(closed[pid])
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
            sat: dict[str, float | None], closed: dict[str, int]) -> Why:
        comp = self.comp
        pid = change.provision
        reverted = _revert(comp, clauses, change, closed)
        state = comp.checker.state(comp.draft.model_copy(update={"clauses": reverted}))
        states = [state]
        if change.op == "close":  # left open, every alternative is on the table
            original = comp.current[pid]
            states = [comp.checker.state(comp.draft.model_copy(update={"clauses": tuple(
                original.settled(i) if c.provision == pid else c for c in reverted)}))
                for i in range(len(original.alternatives))]
        needs = tuple(Need(rl.party, rl.party_name, rl.id, rl.title)
                      for rl in self.red_lines.get(pid, ())
                      if not all(rl.rule.predicate(st) for st in states))
        conflicts: list[tuple[str, str]] = []
        if change.op == "remove":
            order = {c.provision: i for i, c in enumerate(reverted)}
            for other in comp.checker.excludes.get(pid, ()):
                if other in order:
                    a, b = sorted((pid, other), key=order.__getitem__)
                    conflicts.append((a, b))
        gains, losses = [], []
        for p in comp.parties:
            prefs = self.preferences.get(p.id)
            after = sat.get(p.id)
            if not prefs or after is None or not any(pid in r.provisions for _, r in prefs):
                continue
            total = sum(w for w, _ in prefs)
            before = sum(w for w, r in prefs if r.predicate(state)) / total
            if after > before + 1e-12:
                gains.append(Gain(p.id, p.name, before, after))
            elif after < before - 1e-12:
                losses.append(Gain(p.id, p.name, before, after))
        if needs or conflicts:
            return Why(needs, tuple(conflicts), losses=tuple(losses))
        return Why(gains=tuple(gains), losses=tuple(losses))


#: The certificates check an open draft under at most this many combinations of alternatives.
SETTLEMENTS = 4096


def _check_all(scenario: Scenario, draft: Draft, stance: Stance) -> Report:
    """``check()`` under the finder's view: the red lines that count under ``stance`` are
    exactly those the model encodes."""
    return check(scenario, draft, stance=stance)


def _settlements(scenario: Scenario, parties: Iterable[str], clauses: tuple[Clause, ...],
                 stance: Stance) -> list[tuple[Clause, ...]] | None:
    """Every way to close the open clauses that a chosen party's counting red line reads (each
    combination of their alternatives; just ``clauses`` when there are none); None beyond
    :data:`SETTLEMENTS`."""
    chosen = set(parties)
    read = {pid for p in compiled(scenario).views[stance] if p.id in chosen
            for _, _, rule in p.red_lines for pid in rule.provisions}
    opens = [i for i, c in enumerate(clauses) if c.is_open and c.provision in read]
    if math.prod(len(clauses[i].alternatives) for i in opens) > SETTLEMENTS:
        return None
    out = []
    for combo in itertools.product(*(range(len(clauses[i].alternatives)) for i in opens)):
        settled = list(clauses)
        for i, j in zip(opens, combo, strict=True):
            settled[i] = clauses[i].settled(j)
        out.append(tuple(settled))
    return out


def _certify_proposal(scenario: Scenario, draft: Draft, parties: Iterable[str],
                      clauses: tuple[Clause, ...], stance: Stance
                      ) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """The proposal's satisfactions (over every preference; over what it addresses, the
    measure a person reads and the no-deal level is held against), once ``check()`` has
    accepted it for the chosen parties (an open clause it keeps open, under each of its
    alternatives)."""
    chosen = set(parties)
    settlements = _settlements(scenario, chosen, clauses, stance)
    if settlements is None:
        raise CertificateError("a proposal keeps open more combinations of alternatives than "
                               "can be checked")
    for settled in settlements:
        report = _check_all(scenario, draft.model_copy(update={"clauses": settled}), stance)
        failing = [f"{v.party}: {x.red_line}" for v in report.parties if v.party in chosen
                   for x in v.violations]
        failing += [" excludes ".join(c.provisions) for c in report.conflicts]
        if failing:
            raise CertificateError("a proposal failed the checker: " + "; ".join(failing))
    report = _check_all(scenario, draft.model_copy(update={"clauses": clauses}), stance)
    # And the checker's own verdict on the proposal as drafted, open points and all.
    if not getattr(report, "bound_reached", False):
        refusing = [v.party for v in report.parties if v.party in chosen and not v.acceptable]
        if refusing or report.conflicts:
            raise CertificateError("the checker does not accept the proposal as drafted: "
                                   + ", ".join(refusing or ["a conflict"]))
    return ({v.party: v.satisfaction for v in report.parties if v.party in chosen},
            {v.party: v.addressed_satisfaction for v in report.parties if v.party in chosen})


def _below_no_deal(scenario: Scenario, sat: dict[str, float | None]) -> tuple[BelowNoDeal, ...]:
    """The parties whose satisfaction over what the package addresses (the checker's
    ``addressed_satisfaction``, given as ``sat``) is below their no-deal level."""
    out = []
    for pid, value in sat.items():
        party = scenario.party(pid)
        if value is not None and party.no_deal is not None and value < party.no_deal - 1e-9:
            out.append(BelowNoDeal(pid, party.name, value, float(party.no_deal)))
    return tuple(out)


def _proposal(comp: Compiler, sol: Solution, run: Run, reasons: _Reasons | None,
              notes: list[Note]) -> Proposal:
    clauses = comp.clauses(sol)
    sat, addressed = _certify_proposal(comp.scenario, comp.draft,
                                       [p.id for p in comp.parties], clauses, comp.stance)
    changes: list[Change] = []
    skipped = False
    for c in _changes(comp, sol):
        if reasons is not None and not run.expired():
            c = replace(c, why=reasons.why(clauses, c, sat, sol.closed))
        else:
            skipped = True
        changes.append(c)
    if skipped and reasons is not None:
        notes.append(Note("reasons-not-worked-out"))
    total = float(sum(comp.change_costs[c.op] for c in changes))
    return Proposal(tuple(changes), clauses, sat, len(changes), total,
                    _below_no_deal(comp.scenario, addressed), _links(comp, changes), addressed)


def _links(comp: Compiler, changes: Sequence[Change]) -> tuple[Link, ...]:
    """Give and take: for each pair of chosen parties, the changes one wants (its red lines
    need them or they raise its satisfaction) that lower the other's satisfaction, both ways."""
    wants: dict[str, set[int]] = {}
    gives: dict[str, set[int]] = {}
    for i, c in enumerate(changes):
        if c.why is None:
            continue
        for party in [n.party for n in c.why.needs] + [g.party for g in c.why.gains]:
            wants.setdefault(party, set()).add(i)
        for loss in c.why.losses:
            gives.setdefault(loss.party, set()).add(i)
    out = []
    for a, b in itertools.combinations(comp.parties, 2):
        a_gives = sorted(gives.get(a.id, set()) & wants.get(b.id, set()))
        b_gives = sorted(gives.get(b.id, set()) & wants.get(a.id, set()))
        if a_gives and b_gives:
            out.append(Link(a.id, a.name, tuple(a_gives), b.id, b.name, tuple(b_gives)))
    return tuple(out)


def _item(rl: RedLine, cost: float | None = None) -> ClashItem:
    return ClashItem(rl.party, rl.id, rl.title, rl.rule.text, cost)


def relax_cost(red_line: ModelRedLine) -> Fraction:
    """What relaxing a red line costs: its ``relax_cost``; else, from its stance and
    confidence c, 1 + c for a stated line (a public demand: cheap to move from) and 1 + 9c for
    an assessed one (the real floor: dear, the more so the surer the analyst is)."""
    if red_line.relax_cost is not None:
        return _exact(red_line.relax_cost)
    c = _exact(red_line.confidence)
    return 1 + c if red_line.stance == "stated" else 1 + 9 * c


class _Relaxation:
    """The cheapest set of red lines whose relaxation makes some agreement possible.

    The question does not involve the draft, so neither does the model: it is built on an
    empty draft. Among the cheapest sets the answer is canonical: going through the red lines
    in the scenario's order, each is kept whenever some cheapest relaxation keeps it together
    with the choices already made. So every draft gets the same set."""

    def __init__(self, scenario: Scenario, draft: Draft, chosen: Sequence[str], run: Run,
                 stance: Stance) -> None:
        self.scenario, self.chosen, self.run, self.stance = scenario, chosen, run, stance
        empty = draft.model_copy(update={"clauses": ()})
        self.comp = Compiler(scenario, empty, chosen, satisfaction=False, run=run,
                             stance=stance)
        lines = {(p.id, r.id): r for p in scenario.parties for r in p.red_lines}
        rank = {key: i for i, key in enumerate(lines)}
        red = self.comp.red_lines
        self.costs = [relax_cost(lines[(rl.party, rl.id)]) for rl in red]
        self.order = sorted(range(len(red)), key=lambda i: rank[(red[i].party, red[i].id)])

    def solve(self) -> tuple[list[int], bool, bool]:
        """(the red lines to relax, whether they are proven the cheapest, whether the set is
        the canonical one); the rest's witness is checked by ``check()``."""
        comp, run = self.comp, self.run
        m: Any = comp.m
        guards = [m.new_bool_var(f"keep:{i}") for i in range(len(comp.red_lits))]
        for g, r in zip(guards, comp.red_lits, strict=True):
            m.add_implication(g, r)
        units, _ = integer_costs(self.costs)
        total = sum(u * g.Not() for u, g in zip(units, guards, strict=True))
        m.minimize(total)
        status, solver = run.solve(m)
        if status not in FOUND:
            return [], False, False
        witness = comp.read(solver)
        keep = [solver.boolean_value(g) for g in guards]
        proven = status == cp_model.OPTIMAL
        canonical = proven
        if proven:
            m.add(total <= round(solver.objective_value))
            m.clear_objective()
            for i in self.order:
                if keep[i]:
                    m.add(guards[i] == 1)
                    continue
                m.add_assumptions([guards[i]])
                status, solver = run.solve(m)
                m.clear_assumptions()
                if status in FOUND:
                    witness = comp.read(solver)
                    keep = [solver.boolean_value(g) for g in guards]
                    m.add(guards[i] == 1)
                elif status == cp_model.INFEASIBLE:
                    m.add(guards[i] == 0)
                else:
                    canonical = False
                    break
        dropped = [i for i in range(len(guards)) if not keep[i]]
        self._certify(comp.clauses(witness), dropped)
        return dropped, proven, canonical

    def _certify(self, clauses: tuple[Clause, ...], dropped: list[int]) -> None:
        """After relaxing, a package exists that ``check()`` accepts for every other red line
        of the chosen parties."""
        relaxed = {(self.comp.red_lines[i].party, self.comp.red_lines[i].id) for i in dropped}
        draft = self.comp.draft.model_copy(update={"clauses": clauses})
        report = _check_all(self.scenario, draft, self.stance)
        chosen = set(self.chosen)
        failing = [x.red_line for v in report.parties if v.party in chosen
                   for x in v.violations if (v.party, x.red_line) not in relaxed]
        if failing or report.conflicts:
            raise CertificateError("relaxing the proposed red lines leaves a package the "
                                   "checker refuses")


def _viable_for(scenario: Scenario, draft: Draft, chosen: Sequence[str], stance: Stance
                ) -> bool:
    """The checker accepts the draft as drafted for the chosen parties under ``stance``: under
    every combination of the alternatives of its open points (False when too many to check)."""
    settlements = _settlements(scenario, chosen, draft.clauses, stance)
    if settlements is None:
        return False
    for settled in settlements:
        report = _check_all(scenario, draft.model_copy(update={"clauses": settled}), stance)
        if report.conflicts or not all(report.verdict(p).acceptable for p in chosen):
            return False
    return True


def find_bridge(scenario: Scenario, draft: Draft, *, parties: Sequence[str] | None = None,
                alternatives: int = 3, clashes: int = 1, time_limit: float = 20.0,
                workers: int = 2, cancel: CancelToken | None = None,
                progress: Callable[[Progress], None] | None = None,
                stance: Stance = "assessed") -> BridgeResult:
    """The cheapest changes to ``draft`` that pass every red line of ``parties`` (default:
    all) that counts under ``stance`` (as in :func:`~desktop.domain.checker.check`:
    ``"assessed"``, the default, counts only the assessed floors, a stated demand being
    negotiable; ``"stated"`` counts every red line), with up to ``alternatives`` other
    proposals; or, when none exists, up to ``clashes`` distinct minimal clash sets and the
    cheapest of those red lines to relax (the same for every draft, per stance). Every answer
    is certified with ``check(..., stance=stance)``.

    The whole call respects ``time_limit``; a partial answer says so (``optimal`` false,
    ``notes``). Raises ValueError for a party id the scenario does not have,
    :class:`BeyondExactSolver` when the scenario's numbers cannot be encoded exactly, and
    :class:`CertificateError` when an answer fails its re-check (a bug)."""
    search = _Search(scenario, draft, chosen_parties(scenario, parties),
                     Run(time_limit, workers, cancel, progress), stance)
    try:
        return replace(search.answer(alternatives, clashes), stance=stance)
    except Cancelled:
        return BridgeResult(False, False, "cancelled", None, (), stance=stance)


class _Search:
    """One call of :func:`find_bridge`: its deadline, the proposals found so far (each later
    search must differ from them) and the notes on what is partial."""

    def __init__(self, scenario: Scenario, draft: Draft, chosen: list[str], run: Run,
                 stance: Stance) -> None:
        self.scenario, self.draft, self.chosen, self.run = scenario, draft, chosen, run
        self.stance = stance
        self.viable = _viable_for(scenario, draft, chosen, stance)
        self.found: list[Solution] = []
        self.notes: list[Note] = []

    def fresh(self) -> Compiler | None:
        """A fresh model per search, with red lines, stage bounds and no-goods as plain
        constraints (CP-SAT's presolve is far stronger without assumption literals); None
        when the deadline passed while building it."""
        try:
            comp = Compiler(self.scenario, self.draft, self.chosen, run=self.run,
                            stance=self.stance)
        except OutOfTime:
            return None
        for r in comp.red_lits:
            comp.m.add_bool_or([r])
        for sol in self.found:
            comp.nogood(sol)
            comp.no_superset(sol)
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
                                 self.notes, self.stance)
        if comp.open_bound_hit:
            self.notes.append(Note("open-bound"))
        main = _proposal(comp, sol, self.run, _Reasons(comp), self.notes)
        # A viable draft comes back unchanged, unless it leaves a party below its no-deal
        # level and the proposal leaves fewer there.
        if self.viable and main.cost != 0 and not comp.open_bound_hit:
            _, addressed = _certify_proposal(self.scenario, self.draft, self.chosen,
                                             self.draft.clauses, self.stance)
            if len(_below_no_deal(self.scenario, addressed)) <= len(main.below_no_deal):
                raise CertificateError(f"the solver proposed {main.cost} changes to a draft "
                                       "the checker finds viable")
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
        sat, addressed = _certify_proposal(self.scenario, self.draft, self.chosen,
                                           self.draft.clauses, self.stance)
        if alternatives:
            self.notes.append(Note("no-alternatives-in-time"))
        proposal = Proposal((), self.draft.clauses, sat, 0, 0.0,
                            _below_no_deal(self.scenario, addressed), addressed=addressed)
        return BridgeResult(True, True, "optimal", proposal, (), notes=tuple(self.notes))

    def _alternatives(self, wanted: int) -> list[Proposal]:
        """Up to ``wanted`` other proposals. Never one that makes every change of an earlier
        one and more (:meth:`Compiler.no_superset`), and never one with a change that no
        chosen party requires (no red line fails and no exclusion returns when it is undone
        alone: the rest passes without it); such a package is skipped, at most
        :data:`PADDED_TRIES` times, and the search goes on from the next."""
        alts: list[Proposal] = []
        skipped = 0
        while len(alts) < wanted:
            comp = None if self.run.expired() else self.fresh()
            if comp is None:
                break
            alt, _ = _lexicographic(comp, self.run, len(alts) + 1)
            if alt is None:
                break
            self.found.append(alt)
            proposal = _proposal(comp, alt, self.run, _Reasons(comp), self.notes)
            if _padded(comp, proposal, alt.closed):
                skipped += 1
                if skipped > PADDED_TRIES:
                    break
                continue
            alts.append(proposal)
        return alts


#: How many alternatives padded with an unrequired change are skipped before the search for
#: alternatives gives up.
PADDED_TRIES = 6


def _padded(comp: Compiler, proposal: Proposal, closed: dict[str, int]) -> bool:
    """Some change of ``proposal`` is required by no chosen party: undone alone, no red line
    fails, no exclusion comes back and no chosen party falls below its no-deal level (its
    reason was worked out: an unknown reason is not held against it)."""
    below = {b.party for b in proposal.below_no_deal}
    for c in proposal.changes:
        if c.why is None or c.why.needs or c.why.conflicts:
            continue
        if c.why.gains and comp.below and _keeps_above_no_deal(comp, proposal, c, closed,
                                                               below):
            continue
        return True
    return False


def _keeps_above_no_deal(comp: Compiler, proposal: Proposal, change: Change,
                         closed: dict[str, int], below: set[str]) -> bool:
    """Undoing ``change`` alone leaves a chosen party below its no-deal level that the
    proposal keeps at or above it (the checker's measure, as :func:`_below_no_deal`)."""
    reverted = _revert(comp, proposal.clauses, change, closed)
    chosen = {p.id for p in comp.parties}
    report = _check_all(comp.scenario, comp.draft.model_copy(update={"clauses": reverted}),
                        comp.stance)
    measure = {v.party: v.addressed_satisfaction for v in report.parties if v.party in chosen}
    return any(b.party not in below for b in _below_no_deal(comp.scenario, measure))


def _lexicographic(comp: Compiler, run: Run, alternative: int
                   ) -> tuple[Solution | None, int | None]:
    """Fewest parties below their no-deal level, then the lowest total cost of the changes,
    then highest minimum satisfaction, then highest total, then the changed numbers on their
    salient grid, then closest to where they move from: each stage's optimum is fixed as a
    constraint before the next. Returns (solution, cost): (None, -1) when infeasibility is
    proven; (None, None) when nothing was found in time."""
    m: Any = comp.m
    best: Solution | None = None
    if comp.below:
        best, done = _no_deal_stage(comp, run, alternative)
        if done is not None:
            return best, done
    m.minimize(comp.cost)
    run.say("fewest-changes", alternative)
    status, solver = run.solve(m)
    if status == cp_model.INFEASIBLE:
        return None, -1
    if status not in FOUND:
        return best, None if best is None else 0
    best = comp.read(solver)
    cost = round(solver.objective_value)
    if status != cp_model.OPTIMAL:
        return best, cost
    m.add(comp.cost <= cost)
    count = len(_changes(comp, best))
    if comp.sat_scaled:
        best, proven = _stage(comp, run, best, "fairest", alternative, count, comp.min_sat,
                              sense=-1)
        if proven:
            best, proven = _stage(comp, run, best, "most-satisfying", alternative, count,
                                  comp.sum_sat, sense=-1)
        if not proven:
            return best, cost
    for expr in comp.salience(best) or ():
        best, proven = _stage(comp, run, best, "salient", alternative, count, expr, sense=1)
        if not proven:
            break
    return best, cost


def _no_deal_stage(comp: Compiler, run: Run, alternative: int
                   ) -> tuple[Solution | None, int | None]:
    """The first stage: fewest chosen parties below their no-deal level. (best, None) to go
    on; otherwise what :func:`_lexicographic` returns."""
    m: Any = comp.m
    run.say("no-deal", alternative)
    below = sum(comp.below.values())
    m.minimize(below)
    status, solver = run.solve(m)
    if status == cp_model.INFEASIBLE:
        return None, -1
    if status not in FOUND:
        return None, None
    best = comp.read(solver)
    if status != cp_model.OPTIMAL:
        return best, 0
    m.add(below <= round(solver.objective_value))
    comp.hint(best)
    return best, None


def _stage(comp: Compiler, run: Run, best: Solution, stage: Stage, alternative: int,
           count: int, expr: Any, *, sense: int) -> tuple[Solution, bool]:
    """One later stage: optimise ``expr`` (``sense`` 1: minimise, -1: maximise) from ``best``
    and fix its optimum. (the best solution, whether the stage was proven optimal)."""
    m: Any = comp.m
    run.say(stage, alternative, count)
    m.minimize(expr) if sense > 0 else m.maximize(expr)
    comp.hint(best)
    status, solver = run.solve(m)
    if status not in FOUND:
        return best, False
    best = comp.read(solver)
    if status != cp_model.OPTIMAL:
        return best, False
    bound = round(solver.objective_value)
    m.add(expr <= bound) if sense > 0 else m.add(expr >= bound)
    return best, True


# --------------------------------------------------------------------------- no agreement


class _Clashes:
    """Minimal clash sets over the chosen red lines, on one model with a guard per red line."""

    def __init__(self, scenario: Scenario, draft: Draft, chosen: Sequence[str], run: Run,
                 stance: Stance) -> None:
        self.scenario, self.draft, self.chosen, self.run = scenario, draft, chosen, run
        self.stance = stance
        self.comp = Compiler(scenario, draft, chosen, satisfaction=False, run=run,
                             stance=stance)
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
        satisfiable; when the rest is not, continue from the solver's core of the rest. Stops
        (unproven) when the time runs out."""
        necessary: set[int] = set()
        while True:
            candidate = next((x for x in core if x not in necessary), None)
            if candidate is None:
                return core
            rest = [x for x in core if x != candidate]
            answer, smaller = self.feasible(rest)
            if answer is None:  # out of time: every further solve would answer the same
                self.unproven = True
                return core
            if answer is False:
                core = smaller
            else:
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
                            red_lines=red_lines, run=self.run, stance=self.stance)
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
                  wanted: int, notes: list[Note], stance: Stance) -> BridgeResult:
    """No package passes every chosen red line (proven by the main solve): why, verified."""
    run.say("clashes")
    try:
        finder = _Clashes(scenario, draft, chosen, run, stance)
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
    red = finder.comp.red_lines
    clash_items = tuple(tuple(_item(red[i]) for i in c) for c in proven)
    try:
        relaxation = _Relaxation(scenario, draft, chosen, run, stance)
    except OutOfTime:
        notes.append(Note("relax-not-found"))
        return BridgeResult(False, False, "no-agreement", None, (), clashes=clash_items,
                            proven_infeasible=True, notes=tuple(dict.fromkeys(notes)))
    dropped, relax_proven, canonical = relaxation.solve()
    if not dropped:
        notes.append(Note("relax-not-found"))
    elif not relax_proven:
        notes.append(Note("relax-not-proven"))
    elif not canonical:
        notes.append(Note("relax-not-canonical"))
    costs = [float(relaxation.costs[i]) for i in dropped]
    optimal = not finder.unproven and relax_proven and canonical and bool(dropped)
    return BridgeResult(
        False, optimal, "no-agreement", None, (),
        clashes=clash_items,
        relax=tuple(_item(relaxation.comp.red_lines[i], c)
                    for i, c in zip(dropped, costs, strict=True)),
        proven_infeasible=True,
        notes=tuple(dict.fromkeys(notes)),
        relax_cost=float(sum(relaxation.costs[i] for i in dropped)) if dropped else None,
        relax_independent=bool(dropped) and canonical,
    )


"""The checker: a draft against every party's red lines and preferences.

Rules are compiled once per scenario (:class:`CompiledScenario`, kept with the frozen scenario
through :meth:`Scenario.derived <desktop.domain.model.Scenario.derived>`), so a re-check only
builds the draft's state and calls a closure per rule. Reasons are found only for rules that
fail, as data (:mod:`desktop.domain.reasons`). The checker words nothing: violations carry their
reasons, conflicts their provisions, and :mod:`desktop.wording.reasons` turns them into text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.domain.model import Draft, Scenario, Value
from desktop.domain.reasons import Reason
from desktop.domain.rules import CompiledRule, State


@dataclass(frozen=True, slots=True)
class Violation:
    red_line: str
    title: str
    clauses: tuple[str, ...]  # culprit clauses, by provision id, in draft order
    reasons: tuple[Reason, ...]  # why the red line fails, as data


@dataclass(frozen=True, slots=True)
class PartyVerdict:
    party: str
    name: str
    acceptable: bool
    satisfaction: float | None  # None when the party states no preferences
    violations: tuple[Violation, ...]
    met: tuple[str, ...] = ()  # preference ids met
    missed: tuple[str, ...] = ()  # preference ids missed


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two clauses of the draft whose provisions exclude each other."""

    provisions: tuple[str, str]  # in draft order


@dataclass(frozen=True, slots=True)
class Report:
    draft: str
    viable: bool
    parties: tuple[PartyVerdict, ...]
    conflicts: tuple[Conflict, ...]
    _by_party: dict[str, PartyVerdict] = field(default_factory=dict, compare=False, repr=False)
    # What produced this report, so the next check after a small edit can be incremental.
    _source: object = field(default=None, compare=False, repr=False)
    _checked: Draft | None = field(default=None, compare=False, repr=False)

    def verdict(self, party_id: str) -> PartyVerdict:
        if not self._by_party:
            self._by_party.update((v.party, v) for v in self.parties)
        return self._by_party[party_id]

    @property
    def accepting(self) -> int:
        return sum(1 for v in self.parties if v.acceptable)

    def culprits(self) -> set[str]:
        """Provisions that cause at least one violation."""
        return {c for v in self.parties for x in v.violations for c in x.clauses}

    def conflicted(self) -> set[str]:
        return {p for c in self.conflicts for p in c.provisions}


@dataclass(frozen=True, slots=True)
class _PartyRules:
    id: str
    name: str
    red_lines: tuple[tuple[str, str, CompiledRule], ...]  # (id, title, rule)
    preferences: tuple[tuple[str, float, CompiledRule], ...]  # (id, weight, rule)
    total_weight: float


class CompiledScenario:
    """Everything about a scenario that does not depend on the draft, computed once."""

    def __init__(self, scenario: Scenario) -> None:
        compile_once = scenario.compiled_rule
        self.defaults: dict[str, dict[str, Value]] = {
            p.id: p.defaults() for p in scenario.provisions
        }
        self.parties: tuple[_PartyRules, ...] = tuple(
            _PartyRules(
                id=party.id,
                name=party.name,
                red_lines=tuple(
                    (r.id, r.title, compile_once(r.rule)) for r in party.red_lines
                ),
                preferences=tuple(
                    (p.id, float(p.weight), compile_once(p.rule))
                    for p in party.preferences
                ),
                total_weight=float(sum(p.weight for p in party.preferences)),
            )
            for party in scenario.parties
        )
        excl: dict[str, set[str]] = {}
        for prov in scenario.provisions:
            for other in prov.excludes:
                excl.setdefault(prov.id, set()).add(other)
                excl.setdefault(other, set()).add(prov.id)
        self.excludes: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in excl.items()}

    def state(self, draft: Draft) -> dict[str, dict[str, Value]]:
        defaults = self.defaults
        state: dict[str, dict[str, Value]] = {}
        for clause in draft.clauses:
            values = dict(defaults[clause.provision])
            if clause.values:
                values.update(clause.values)
            values["phase"] = clause.phase
            state[clause.provision] = values
        return state

    def check(self, draft: Draft, previous: Report | None = None) -> Report:
        """Check ``draft``; with the ``previous`` report of an earlier version of the same draft,
        only the rules that mention a changed clause are evaluated again."""
        if (previous is not None and previous._source is self
                and previous._checked is not None and previous.draft == draft.id):
            changed = _changed_provisions(previous._checked, draft)
            if changed is not None:
                return self._recheck(draft, previous, changed)
        state = self.state(draft)
        order = {c.provision: i for i, c in enumerate(draft.clauses)}
        verdicts = tuple(self._judge(party, state, order) for party in self.parties)
        return self._report(draft, verdicts, order)

    def _report(self, draft: Draft, verdicts: tuple[PartyVerdict, ...],
                order: Mapping[str, int]) -> Report:
        conflicts = self._conflicts(draft, order)
        viable = not conflicts and all(v.acceptable for v in verdicts)
        return Report(draft.id, viable, verdicts, conflicts, _source=self, _checked=draft)

    def _recheck(self, draft: Draft, previous: Report, changed: frozenset[str]) -> Report:
        if not changed:
            return self._report(draft, previous.parties, _order(draft))
        state = self.state(draft)
        order = _order(draft)
        verdicts = []
        for party, before in zip(self.parties, previous.parties, strict=True):
            if not any(rule.provisions & changed
                       for rules in (party.red_lines, party.preferences)
                       for *_, rule in rules):
                verdicts.append(before)
                continue
            kept = {v.red_line: v for v in before.violations}
            violations: list[Violation] = []
            for rid, title, rule in party.red_lines:
                if rule.provisions & changed:
                    if not rule.predicate(state):
                        violations.append(_violation(rid, title, rule, state, order))
                elif rid in kept:
                    # Nothing this rule mentions changed, nor their relative order: same verdict.
                    violations.append(kept[rid])
            was_met = set(before.met)
            verdicts.append(self._verdict(party, violations, [
                pid for pid, _, rule in party.preferences
                if (rule.predicate(state) if rule.provisions & changed else pid in was_met)
            ]))
        return self._report(draft, tuple(verdicts), order)

    def _judge(
        self, party: _PartyRules, state: State, order: Mapping[str, int]
    ) -> PartyVerdict:
        violations = [
            _violation(rid, title, rule, state, order)
            for rid, title, rule in party.red_lines
            if not rule.predicate(state)
        ]
        met = [pid for pid, _, rule in party.preferences if rule.predicate(state)]
        return self._verdict(party, violations, met)

    @staticmethod
    def _verdict(party: _PartyRules, violations: list[Violation], met: list[str]
                 ) -> PartyVerdict:
        met_set = set(met)
        got = sum(w for pid, w, _ in party.preferences if pid in met_set)
        missed = tuple(pid for pid, _, _ in party.preferences if pid not in met_set)
        satisfaction = got / party.total_weight if party.total_weight > 0 else None
        return PartyVerdict(
            party.id, party.name, not violations, satisfaction, tuple(violations),
            tuple(met), missed,
        )

    def _conflicts(self, draft: Draft, order: Mapping[str, int]) -> tuple[Conflict, ...]:
        if not self.excludes:
            return ()
        out: list[Conflict] = []
        for clause in draft.clauses:
            a = clause.provision
            for b in self.excludes.get(a, ()):
                if b in order and order[a] < order[b]:
                    out.append(Conflict((a, b)))
        out.sort(key=lambda c: (order[c.provisions[0]], order[c.provisions[1]]))
        return tuple(out)


def _order(draft: Draft) -> dict[str, int]:
    return {c.provision: i for i, c in enumerate(draft.clauses)}


def _violation(rid: str, title: str, rule: CompiledRule, state: State,
               order: Mapping[str, int]) -> Violation:
    reasons = rule.explain(state)
    culprits = sorted({c for r in reasons for c in r.culprits if c in order},
                      key=order.__getitem__)
    return Violation(rid, title, tuple(culprits), tuple(reasons))


def _changed_provisions(old: Draft, new: Draft) -> frozenset[str] | None:
    """Provisions added, removed or edited between two versions of a draft; None when clauses
    kept in both changed their relative order (culprit lists are in draft order)."""
    before = {c.provision: c for c in old.clauses}
    after = {c.provision: c for c in new.clauses}
    if [p for p in before if p in after] != [p for p in after if p in before]:
        return None
    changed = set(before.keys() ^ after.keys())
    for pid, clause in after.items():
        prior = before.get(pid)
        if prior is not None and prior is not clause and prior != clause:
            changed.add(pid)
    return frozenset(changed)


def compiled(scenario: Scenario) -> CompiledScenario:
    """The scenario's compiled rules, built on first use and kept with the (frozen) scenario."""
    return scenario.derived(CompiledScenario)


def check(scenario: Scenario, draft: Draft, previous: Report | None = None) -> Report:
    """Check ``draft`` against every party of ``scenario``.

    The draft must belong to the scenario's provisions (every clause names a known provision
    with values in its domain); drafts inside a validated scenario always do. Passing the
    ``previous`` report of the same draft before an edit makes the check incremental: only rules
    that mention an added, removed or edited clause are evaluated; the result is the same.
    """
    return compiled(scenario).check(draft, previous)

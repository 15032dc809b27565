"""The checker: a draft against every party's red lines and preferences.

Rules are compiled once per scenario (:class:`CompiledScenario`, cached on the frozen scenario),
so a re-check only builds the draft's state and calls a closure per rule. Explanations are built
only for rules that fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.domain.model import Draft, Scenario, Value
from desktop.domain.rules import CompiledRule, State, compile_rule


@dataclass(frozen=True, slots=True)
class Violation:
    red_line: str
    title: str
    clauses: tuple[str, ...]  # culprit clauses, by provision id, in draft order
    explanation: str


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
    provisions: tuple[str, str]  # in draft order
    explanation: str


@dataclass(frozen=True, slots=True)
class Report:
    draft: str
    viable: bool
    parties: tuple[PartyVerdict, ...]
    conflicts: tuple[Conflict, ...]
    _by_party: dict[str, PartyVerdict] = field(default_factory=dict, compare=False, repr=False)

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

    def summary(self) -> str:
        """One line for a status bar: "Not viable: 2 of 4 parties accept, 1 conflict"."""
        n = len(self.parties)
        head = "Viable" if self.viable else "Not viable"
        text = f"{head}: {self.accepting} of {n} {'party' if n == 1 else 'parties'} accept"
        if self.conflicts:
            k = len(self.conflicts)
            text += f", {k} {'conflict' if k == 1 else 'conflicts'}"
        return text


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
        provisions = scenario.provision_index
        cache: dict[str, CompiledRule] = scenario._rule_cache

        def compile_once(text: str) -> CompiledRule:
            rule = cache.get(text)
            if rule is None:
                rule = cache[text] = compile_rule(text, provisions)
            return rule

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

    def check(self, draft: Draft) -> Report:
        state = self.state(draft)
        order = {c.provision: i for i, c in enumerate(draft.clauses)}
        verdicts = tuple(self._judge(party, state, order) for party in self.parties)
        conflicts = self._conflicts(draft, order)
        viable = not conflicts and all(v.acceptable for v in verdicts)
        return Report(draft.id, viable, verdicts, conflicts)

    def _judge(
        self, party: _PartyRules, state: State, order: Mapping[str, int]
    ) -> PartyVerdict:
        violations: list[Violation] = []
        for rid, title, rule in party.red_lines:
            if not rule.predicate(state):
                reasons = rule.explain(state)
                culprits = sorted(
                    {c for r in reasons for c in r.culprits if c in order}, key=order.__getitem__
                )
                violations.append(
                    Violation(rid, title, tuple(culprits), "; ".join(r.text for r in reasons))
                )
        met: list[str] = []
        missed: list[str] = []
        got = 0.0
        for pid, weight, rule in party.preferences:
            if rule.predicate(state):
                met.append(pid)
                got += weight
            else:
                missed.append(pid)
        satisfaction = got / party.total_weight if party.total_weight > 0 else None
        return PartyVerdict(
            party.id, party.name, not violations, satisfaction, tuple(violations),
            tuple(met), tuple(missed),
        )

    def _conflicts(self, draft: Draft, order: Mapping[str, int]) -> tuple[Conflict, ...]:
        if not self.excludes:
            return ()
        out: list[Conflict] = []
        for clause in draft.clauses:
            a = clause.provision
            for b in self.excludes.get(a, ()):
                if b in order and order[a] < order[b]:
                    out.append(Conflict((a, b), f"{a} and {b} exclude each other"))
        out.sort(key=lambda c: (order[c.provisions[0]], order[c.provisions[1]]))
        return tuple(out)


def compiled(scenario: Scenario) -> CompiledScenario:
    """The scenario's compiled rules, built on first use and kept with the (frozen) scenario."""
    cached = scenario._compiled
    if cached is None:
        cached = CompiledScenario(scenario)
        scenario._compiled = cached
    assert isinstance(cached, CompiledScenario)
    return cached


def check(scenario: Scenario, draft: Draft) -> Report:
    """Check ``draft`` against every party of ``scenario``.

    The draft must belong to the scenario's provisions (every clause names a known provision
    with values in its domain); drafts inside a validated scenario always do.
    """
    return compiled(scenario).check(draft)

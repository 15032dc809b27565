"""The checker: a draft against every party's red lines and preferences.

Rules are compiled once per scenario (:class:`CompiledScenario`, kept with the frozen scenario
through :meth:`Scenario.derived <desktop.domain.model.Scenario.derived>`), so a re-check only
builds the draft's state and calls a closure per rule. Reasons are found only for rules that
fail, as data (:mod:`desktop.domain.reasons`). The checker words nothing: violations carry their
reasons, conflicts their provisions, and :mod:`desktop.wording.reasons` turns them into text.

Two views of the red lines (``stance``): under ``"stated"`` every red line counts; under
``"assessed"`` (the default) only the assessed ones do, and a stated line is negotiable.

Open (bracketed) clauses are checked under every combination of their alternatives that can
matter: a party is judged only on the open clauses its counting red lines mention, so a draft
with two open points costs a few extra rule calls; a settled draft costs nothing extra. At most
:data:`COMBINATION_BOUND` combinations are looked at per question; a report that stopped there
says so (:attr:`Report.bound_reached`) and then claims nothing it did not see. Every "accepts
if" and "viable if" is re-checked before it is returned: the draft with those open points
closed that way must pass (:class:`CheckerBug` otherwise).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from desktop.domain.model import Clause, Draft, Scenario, Stance, Value
from desktop.domain.reasons import Reason
from desktop.domain.rules import CompiledRule, State

#: What a party does with a draft: accepts it whatever its open points say, accepts it when
#: some of them are closed a certain way, or rejects it however they are closed.
VerdictWord: TypeAlias = Literal["accepts", "accepts-if", "rejects"]
#: An open point closed on one alternative: (provision id, alternative index from 0, label).
Setting: TypeAlias = tuple[str, int, str]
#: At most this many combinations of open points' alternatives are looked at per question.
COMBINATION_BOUND = 4096

_Combo: TypeAlias = tuple[int, ...]


class CheckerBug(AssertionError):
    """An "accepts if" or "viable if" the checker was about to report failed its re-check."""


@dataclass(frozen=True, slots=True)
class Violation:
    red_line: str
    title: str
    clauses: tuple[str, ...]  # culprit clauses, by provision id, in draft order
    reasons: tuple[Reason, ...]  # why the red line fails, as data
    #: The open points' alternatives the reasons were found under (empty when the line reads
    #: no open clause).
    under: tuple[Setting, ...] = ()
    #: True: crossed under some alternatives of the open points it reads, not under all.
    conditional: bool = False


@dataclass(frozen=True, slots=True)
class PartyVerdict:
    party: str
    name: str
    #: Accepts as drafted: for an open draft, under every combination of alternatives.
    acceptable: bool
    #: Met preferences' weight over all preferences' weight (the solver's scale, the scale of
    #: ``no_deal``); None when the party states no preferences.
    satisfaction: float | None
    violations: tuple[Violation, ...]  # the red lines that count under the stance and fail
    met: tuple[str, ...] = ()  # preference ids met (for an open draft: under every alternative)
    missed: tuple[str, ...] = ()  # preference ids not met (addressed or not)
    verdict: VerdictWord = "accepts"
    #: The open points' alternatives under which it accepts (empty unless ``accepts-if``):
    #: alternatives of one clause are either-or, different clauses all apply.
    accepts_if: tuple[Setting, ...] = ()
    #: The chance none of the crossed lines truly binds (product of 1 - confidence, lines
    #: treated as independent); for an open draft under the least favourable combination.
    acceptance_chance: float = 1.0
    #: (addressed, total) preferences: a met preference is addressed; an unmet one is
    #: addressed when the draft holds a clause of a provision its rule names (a rule that
    #: names none is always addressed).
    coverage: tuple[int, int] = (0, 0)
    #: Met weight over the weight of the addressed preferences; None when none is addressed.
    addressed_satisfaction: float | None = None
    not_addressed: tuple[str, ...] = ()  # preference ids the draft does not address
    #: Preferences met under some alternatives of the open points, not all (among ``missed``).
    undecided: tuple[str, ...] = ()
    #: For each of ``undecided``, in its order: alternatives of the open points under which it
    #: is met (alternatives of one clause either-or).
    met_if: tuple[tuple[Setting, ...], ...] = ()

    def __post_init__(self) -> None:
        if not self.acceptable and self.verdict == "accepts":
            object.__setattr__(self, "verdict", "rejects")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two clauses of the draft whose provisions exclude each other."""

    provisions: tuple[str, str]  # in draft order


@dataclass(frozen=True, slots=True)
class Report:
    draft: str
    #: No conflict and every party accepts as drafted (for an open draft: under every
    #: combination of alternatives).
    viable: bool
    parties: tuple[PartyVerdict, ...]
    conflicts: tuple[Conflict, ...]
    stance: Stance = "assessed"
    #: When the draft is not viable but closing open points passes for every party: how
    #: (alternatives of one clause either-or); None otherwise.
    viable_if: tuple[Setting, ...] | None = None
    #: Some question stopped at :data:`COMBINATION_BOUND` combinations: "accepts" and "viable"
    #: are then never claimed, "rejects" means "under none of those looked at".
    bound_reached: bool = False
    open_points: tuple[str, ...] = ()  # provisions of the open clauses, in draft order
    _by_party: dict[str, PartyVerdict] = field(default_factory=dict, compare=False, repr=False)
    # What produced this report, so the next check after a small edit can be incremental.
    _source: object = field(default=None, compare=False, repr=False)
    _checked: Draft | None = field(default=None, compare=False, repr=False)
    # The values every clause of _checked was judged on (CompiledScenario.state): the next
    # incremental check copies it and re-reads only the clauses that changed. Never mutated.
    _state: State | None = field(default=None, compare=False, repr=False)

    def verdict(self, party_id: str) -> PartyVerdict:
        if not self._by_party:
            self._by_party.update((v.party, v) for v in self.parties)
        return self._by_party[party_id]

    @property
    def accepting(self) -> int:
        return sum(1 for v in self.parties if v.acceptable)

    @property
    def status(self) -> Literal["viable", "viable-if", "not-viable"]:
        if self.viable:
            return "viable"
        return "not-viable" if self.viable_if is None else "viable-if"

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
    #: Every provision a red line or preference of the party mentions: an edit of none of
    #: them leaves the party's verdict as it was.
    mentions: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "mentions", frozenset().union(
            *(rule.provisions for *_, rule in self.red_lines),
            *(rule.provisions for *_, rule in self.preferences)))


class CompiledScenario:
    """Everything about a scenario that does not depend on the draft, computed once."""

    def __init__(self, scenario: Scenario) -> None:
        compile_once = scenario.compiled_rule
        self.defaults: dict[str, dict[str, Value]] = {
            p.id: p.defaults() for p in scenario.provisions
        }
        #: Every party with every red line (the stated view).
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
        #: Each red line's chance of not binding (1 - confidence), by id.
        self.give: dict[str, float] = {r.id: 1.0 - float(r.confidence)
                                       for party in scenario.parties for r in party.red_lines}
        stated = {r.id for party in scenario.parties for r in party.red_lines
                  if r.stance == "stated"}
        assessed = tuple(
            p if not any(rid in stated for rid, _, _ in p.red_lines) else _PartyRules(
                p.id, p.name, tuple(x for x in p.red_lines if x[0] not in stated),
                p.preferences, p.total_weight)
            for p in self.parties)
        self.views: dict[Stance, tuple[_PartyRules, ...]] = {
            "stated": self.parties, "assessed": assessed}
        excl: dict[str, set[str]] = {}
        for prov in scenario.provisions:
            for other in prov.excludes:
                excl.setdefault(prov.id, set()).add(other)
                excl.setdefault(other, set()).add(prov.id)
        self.excludes: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in excl.items()}

    def state(self, draft: Draft) -> dict[str, dict[str, Value]]:
        """Every clause's values with defaults filled in, and its phase. An open clause holds
        its own values here; its alternatives are applied by the check."""
        return {clause.provision: self._clause_state(clause) for clause in draft.clauses}

    def _clause_state(self, clause: Clause) -> dict[str, Value]:
        values = dict(self.defaults[clause.provision])
        if clause.values:
            values.update(clause.values)
        values["phase"] = clause.phase
        return values

    def _state_after(self, previous: Report, draft: Draft,
                     changed: frozenset[str]) -> State:
        """:meth:`state` of ``draft``, from the state ``previous`` was judged on when it kept
        it: only the clauses of ``changed`` provisions are read again (one, after most
        edits, where a 500-clause draft has 500)."""
        before = previous._state
        if before is None:
            return self.state(draft)
        state: dict[str, Mapping[str, Value]] = dict(before)  # shared, never written to
        now = {c.provision: c for c in draft.clauses if c.provision in changed}
        for pid in changed:
            clause = now.get(pid)
            if clause is None:
                state.pop(pid, None)
            else:
                state[pid] = self._clause_state(clause)
        return state

    def check(self, draft: Draft, previous: Report | None = None,
              stance: Stance = "assessed") -> Report:
        """Check ``draft``; with the ``previous`` report of an earlier version of the same draft,
        only the rules that mention a changed clause are evaluated again."""
        if any(c.alternatives for c in draft.clauses):
            return _Open(self, draft, stance).report(certify=True)
        parties = self.views[stance]
        if (previous is not None and previous._source is self and previous.stance == stance
                and not previous.open_points
                and previous._checked is not None and previous.draft == draft.id):
            changed = _changed_provisions(previous._checked, draft)
            if changed is not None:
                return self._recheck(draft, previous, changed, parties, stance)
        state = self.state(draft)
        order = _order(draft)
        verdicts = tuple(self._judge(party, state, order) for party in parties)
        return self._report(draft, verdicts, order, stance, state)

    def _report(self, draft: Draft, verdicts: tuple[PartyVerdict, ...],
                order: Mapping[str, int], stance: Stance, state: State | None) -> Report:
        conflicts = self._conflicts(draft, order)
        viable = not conflicts and all(v.acceptable for v in verdicts)
        return Report(draft.id, viable, verdicts, conflicts, stance,
                      _source=self, _checked=draft, _state=state)

    def _recheck(self, draft: Draft, previous: Report, changed: frozenset[str],
                 parties: tuple[_PartyRules, ...], stance: Stance) -> Report:
        if not changed:
            return self._report(draft, previous.parties, _order(draft), stance,
                                previous._state)
        state = self._state_after(previous, draft, changed)
        order = _order(draft)
        verdicts = []
        for party, before in zip(parties, previous.parties, strict=True):
            if party.mentions.isdisjoint(changed):
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
            ], order))
        return self._report(draft, tuple(verdicts), order, stance, state)

    def _judge(
        self, party: _PartyRules, state: State, order: Mapping[str, int]
    ) -> PartyVerdict:
        violations = [
            _violation(rid, title, rule, state, order)
            for rid, title, rule in party.red_lines
            if not rule.predicate(state)
        ]
        met = [pid for pid, _, rule in party.preferences if rule.predicate(state)]
        return self._verdict(party, violations, met, order)

    def _verdict(self, party: _PartyRules, violations: list[Violation], met: list[str],
                 order: Mapping[str, int], *, verdict: VerdictWord | None = None,
                 accepts_if: tuple[Setting, ...] = (), chance: float | None = None,
                 undecided: tuple[str, ...] = (),
                 met_if: tuple[tuple[Setting, ...], ...] = ()) -> PartyVerdict:
        met_set = set(met)
        got = sum(w for pid, w, _ in party.preferences if pid in met_set)
        missed = tuple(pid for pid, _, _ in party.preferences if pid not in met_set)
        satisfaction = got / party.total_weight if party.total_weight > 0 else None
        addressed_weight = addressed_got = 0.0
        addressed = 0
        not_addressed: list[str] = []
        for pid, w, rule in party.preferences:
            # A met preference is addressed (met by an absence too); an unmet one is not
            # addressed only when none of the provisions its rule names is in the draft.
            if (pid not in met_set and rule.provisions
                    and not any(p in order for p in rule.provisions)):
                not_addressed.append(pid)
                continue
            addressed += 1
            addressed_weight += w
            if pid in met_set:
                addressed_got += w
        if chance is None:
            give = self.give
            chance = float(math.prod(give[v.red_line] for v in violations))
        return PartyVerdict(
            party.id, party.name, not violations if verdict is None else verdict == "accepts",
            satisfaction, tuple(violations),
            tuple(met), missed,
            verdict=verdict if verdict is not None else (
                "rejects" if violations else "accepts"),
            accepts_if=accepts_if,
            acceptance_chance=chance,
            coverage=(addressed, len(party.preferences)),
            addressed_satisfaction=(addressed_got / addressed_weight
                                    if addressed_weight > 0 else None),
            not_addressed=tuple(not_addressed),
            undecided=undecided,
            met_if=met_if,
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


# --------------------------------------------------------------------------- open points


def _combos(sizes: Sequence[int]) -> tuple[Iterator[_Combo], bool]:
    """The first :data:`COMBINATION_BOUND` combinations of ``sizes`` alternatives, in order,
    and whether there are more."""
    total = math.prod(sizes)
    return (itertools.islice(itertools.product(*(range(n) for n in sizes)), COMBINATION_BOUND),
            total > COMBINATION_BOUND)


class _Line:
    """A rule that reads open clauses, with whether it holds under each combination of their
    alternatives it was asked about."""

    __slots__ = ("memo", "opens", "rule", "state", "variants")

    def __init__(self, rule: CompiledRule, opens: tuple[str, ...], state: State,
                 variants: Mapping[str, list[dict[str, Value]]]) -> None:
        self.rule = rule
        self.opens = opens
        self.state = state
        self.variants = variants
        self.memo: dict[_Combo, bool] = {}

    def under(self, combo: _Combo) -> State:
        st = dict(self.state)
        for pid, k in zip(self.opens, combo, strict=True):
            st[pid] = self.variants[pid][k]
        return st

    def holds(self, combo: _Combo) -> bool:
        held = self.memo.get(combo)
        if held is None:
            held = self.memo[combo] = self.rule.predicate(self.under(combo))
        return held

    def sizes(self) -> list[int]:
        return [len(self.variants[p]) for p in self.opens]


class _Open:
    """One check of a draft with open clauses."""

    def __init__(self, comp: CompiledScenario, draft: Draft, stance: Stance) -> None:
        self.comp = comp
        self.draft = draft
        self.stance = stance
        self.state = comp.state(draft)
        self.order = _order(draft)
        opened = [c for c in draft.clauses if c.alternatives]
        self.opens = tuple(c.provision for c in opened)
        self.clauses = {c.provision: c for c in opened}
        self.variants: dict[str, list[dict[str, Value]]] = {
            c.provision: [{**self.state[c.provision], **alt.values} for alt in c.alternatives]
            for c in opened}
        self.truncated = False
        # Per party: the open clauses its verdict depends on and the combinations it accepts.
        self.accepted: dict[str, tuple[tuple[str, ...], set[_Combo]]] = {}

    def setting(self, pid: str, k: int) -> Setting:
        return (pid, k, self.clauses[pid].alternatives[k].label)

    def line(self, rule: CompiledRule) -> _Line | None:
        opens = tuple(p for p in self.opens if p in rule.provisions)
        return _Line(rule, opens, self.state, self.variants) if opens else None

    def report(self, *, certify: bool) -> Report:
        comp = self.comp
        verdicts = tuple(self.judge(p) for p in comp.views[self.stance])
        conflicts = comp._conflicts(self.draft, self.order)
        viable = not conflicts and all(v.acceptable for v in verdicts) and not self.truncated
        viable_if = None if viable or conflicts else self.together(verdicts)
        report = Report(self.draft.id, viable, verdicts, conflicts, self.stance, viable_if,
                        self.truncated, self.opens, _source=comp, _checked=self.draft)
        if certify and not self.truncated:
            self.certify(report)
        return report

    def judge(self, party: _PartyRules) -> PartyVerdict:
        comp, state, order = self.comp, self.state, self.order
        violations: list[Violation] = []
        varying: list[tuple[str, _Line]] = []
        for rid, title, rule in party.red_lines:
            line = self.line(rule)
            if line is None:
                if not rule.predicate(state):
                    violations.append(_violation(rid, title, rule, state, order))
                continue
            varying.append((rid, line))
            combos, more = _combos(line.sizes())
            self.truncated |= more
            failing = [c for c in combos if not line.holds(c)]
            if failing:
                first = failing[0]
                v = _violation(rid, title, rule, line.under(first), order)
                under = tuple(self.setting(p, k) for p, k in zip(line.opens, first, strict=True))
                violations.append(Violation(v.red_line, v.title, v.clauses, v.reasons, under,
                                            len(failing) < len(line.memo) or more))
        fixed = [v for v in violations if not v.under]
        word, accepts_if, chance = self.decide(party.id, fixed, varying)
        met, undecided, met_if = self.preferences(party)
        return comp._verdict(party, violations, met, order, verdict=word,
                             accepts_if=accepts_if, chance=chance, undecided=undecided,
                             met_if=met_if)

    def decide(self, party_id: str, fixed: list[Violation], varying: list[tuple[str, _Line]]
               ) -> tuple[VerdictWord, tuple[Setting, ...], float]:
        """The verdict, its condition and the worst chance, over the combinations of the open
        clauses the party's lines read."""
        give = self.comp.give
        base = float(math.prod(give[v.red_line] for v in fixed))
        depends = tuple(p for p in self.opens if any(p in ln.opens for _, ln in varying))
        at = {p: i for i, p in enumerate(depends)}
        where = [(give[rid], ln, tuple(at[p] for p in ln.opens)) for rid, ln in varying]
        combos, more = _combos([len(self.variants[p]) for p in depends])
        self.truncated |= more
        accepted: set[_Combo] = set()
        first: _Combo | None = None
        worst = 1.0
        seen = 0
        for combo in combos:
            seen += 1
            chance = base
            ok = not fixed
            for g, ln, idx in where:
                if not ln.holds(tuple(combo[i] for i in idx)):
                    ok = False
                    chance *= g
            if ok:
                accepted.add(combo)
                if first is None:
                    first = combo
            worst = min(worst, chance)
        self.accepted[party_id] = (depends, accepted)
        if first is None:
            return "rejects", (), worst
        if len(accepted) == seen and not more:
            return "accepts", (), worst
        return "accepts-if", self.box(depends, first, accepted.__contains__), worst

    def box(self, depends: tuple[str, ...], start: _Combo,
            ok: Callable[[_Combo], bool]) -> tuple[Setting, ...]:
        """A condition that suffices: from the accepted ``start``, each open clause in turn
        takes every further alternative under which all combinations still pass."""
        allowed: list[list[int]] = [[k] for k in start]
        for i, pid in enumerate(depends):
            for k in range(len(self.variants[pid])):
                if k in allowed[i]:
                    continue
                trial = [*allowed[:i], [k], *allowed[i + 1:]]
                if math.prod(map(len, trial)) <= COMBINATION_BOUND and all(
                        ok(c) for c in itertools.product(*trial)):
                    allowed[i] = sorted([*allowed[i], k])
        return tuple(self.setting(pid, k) for pid, ks in zip(depends, allowed, strict=True)
                     if len(ks) < len(self.variants[pid]) for k in ks)

    def preferences(self, party: _PartyRules
                    ) -> tuple[list[str], tuple[str, ...], tuple[tuple[Setting, ...], ...]]:
        """Preferences met under every combination, those met under some only, and for each
        of those a condition under which it is met."""
        met: list[str] = []
        undecided: list[str] = []
        met_if: list[tuple[Setting, ...]] = []
        for pid, _, rule in party.preferences:
            line = self.line(rule)
            if line is None:
                if rule.predicate(self.state):
                    met.append(pid)
                continue
            combos, more = _combos(line.sizes())
            self.truncated |= more
            seen = list(combos)
            held = [line.holds(c) for c in seen]
            if all(held) and not more:
                met.append(pid)
            elif any(held):
                undecided.append(pid)
                start = next(c for c, h in zip(seen, held, strict=True) if h)
                met_if.append(self.box(line.opens, start, line.holds))
        return met, tuple(undecided), tuple(met_if)

    def together(self, verdicts: Sequence[PartyVerdict]) -> tuple[Setting, ...] | None:
        """A condition on the open points under which every party accepts, or None."""
        if any(v.verdict == "rejects" for v in verdicts):
            return None
        parts = [self.accepted[v.party] for v in verdicts]
        depends = tuple(p for p in self.opens if any(p in d for d, _ in parts))
        at = {p: i for i, p in enumerate(depends)}
        views = [(tuple(at[p] for p in d), acc) for d, acc in parts]

        def ok(combo: _Combo) -> bool:
            return all(tuple(combo[i] for i in idx) in acc for idx, acc in views)

        combos, more = _combos([len(self.variants[p]) for p in depends])
        self.truncated |= more
        start = next((c for c in combos if ok(c)), None)
        return None if start is None else self.box(depends, start, ok)

    def closed(self, settings: Iterable[Setting]) -> Draft:
        """The draft with the open points of ``settings`` narrowed to those alternatives."""
        keep: dict[str, list[int]] = {}
        for pid, k, _ in settings:
            keep.setdefault(pid, []).append(k)
        clauses: list[Clause] = []
        for clause in self.draft.clauses:
            ks = keep.get(clause.provision)
            if ks is None:
                clauses.append(clause)
            elif len(ks) == 1:
                clauses.append(clause.settled(ks[0]))
            else:
                clauses.append(clause.model_copy(update={
                    "alternatives": tuple(clause.alternatives[k] for k in ks)}))
        return self.draft.model_copy(update={"clauses": tuple(clauses)})

    def again(self, draft: Draft) -> Report:
        if any(c.alternatives for c in draft.clauses):
            return _Open(self.comp, draft, self.stance).report(certify=False)
        return self.comp.check(draft, None, self.stance)

    def certify(self, report: Report) -> None:
        """Re-check every condition the report states on the draft closed that way."""
        for v in report.parties:
            if v.verdict == "accepts-if":
                again = self.again(self.closed(v.accepts_if)).verdict(v.party)
                if again.verdict != "accepts":
                    raise CheckerBug(f"{v.party} accepts-if {v.accepts_if} failed: "
                                     f"{again.verdict} when closed so")
        if report.viable_if is not None and not self.again(self.closed(report.viable_if)).viable:
            raise CheckerBug(f"viable-if {report.viable_if} failed when closed so")


# --------------------------------------------------------------------------- helpers


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


def check(scenario: Scenario, draft: Draft, previous: Report | None = None, *,
          stance: Stance = "assessed") -> Report:
    """Check ``draft`` against every party of ``scenario``.

    ``stance`` picks the view: ``"stated"`` counts every red line, ``"assessed"`` only the
    assessed ones (a stated line is then negotiable). The draft must belong to the scenario's
    provisions (every clause names a known provision with values in its domain); drafts inside
    a validated scenario always do. Passing the ``previous`` report of the same draft before an
    edit makes the check incremental: only rules that mention an added, removed or edited
    clause are evaluated; the result is the same.
    """
    return compiled(scenario).check(draft, previous, stance)

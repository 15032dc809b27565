"""The bridge finder's cost model (#15) against brute force on small scenarios: costs of
change, salient values, the cheapest relaxation (the same for every draft), no-deal levels and
open points. Every brute force enumerates packages itself and judges them with ``check()``;
none uses CP-SAT."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

import pytest

from desktop.domain import Clause, Draft, Scenario, check, scenario_from_dict
from desktop.domain.model import STANCES, Costs, Stance, Value
from desktop.domain.solver import find_bridge
from desktop.domain.solver.bridge import relax_cost
from desktop.wording.bridge import (
    change_text,
    link_text,
    no_deal_text,
    relax_cost_text,
    relax_text,
)

# --------------------------------------------------------------------------- helpers


def _scenario(provisions: list[dict[str, Any]], parties: list[dict[str, Any]],
              clauses: list[dict[str, Any]], costs: dict[str, Any] | None = None,
              drafts: list[list[dict[str, Any]]] | None = None) -> Scenario:
    data: dict[str, Any] = {
        "format": "accord.scenario", "version": 2, "title": "t",
        "parties": parties, "provisions": provisions,
        "drafts": [{"id": "d", "title": "D", "clauses": clauses}]
        + [{"id": f"d{i}", "title": f"D{i}", "clauses": c}
           for i, c in enumerate(drafts or [])],
    }
    if costs is not None:
        data["costs"] = costs
    return scenario_from_dict(data)


def _prov(pid: str, *params: dict[str, Any], excludes: Sequence[str] = ()) -> dict[str, Any]:
    return {"id": pid, "title": pid.upper(), "category": "c", "kind": "mechanism", "text": "t",
            "params": list(params), "excludes": list(excludes)}


def _domain(p: Any) -> list[Value]:
    if p.type == "int":
        return list(range(p.min, p.max + 1))
    if p.type == "choice":
        return list(p.ids)
    return [False, True]


def _options(scenario: Scenario, draft: Draft) -> list[list[Clause | None]]:
    """Per provision: absent; its open clause kept open; or every settled value combination
    (phase 1 and 2)."""
    out: list[list[Clause | None]] = []
    for prov in scenario.provisions:
        opts: list[Clause | None] = [None]
        current = draft.clause_for(prov.id)
        if current is not None and current.is_open:
            opts += [current.model_copy(update={"phase": ph}) for ph in (1, 2)]
        for combo in itertools.product(*([(p.name, v) for v in _domain(p)]
                                         for p in prov.params)):
            opts += [Clause(provision=prov.id, values=dict(combo), phase=ph) for ph in (1, 2)]
        out.append(opts)
    return out


def _packages(scenario: Scenario, draft: Draft) -> Iterator[tuple[Clause, ...]]:
    for combo in itertools.product(*_options(scenario, draft)):
        yield tuple(c for c in combo if c is not None)


def _settlements(clauses: tuple[Clause, ...]) -> Iterator[tuple[Clause, ...]]:
    opens = [i for i, c in enumerate(clauses) if c.is_open]
    for combo in itertools.product(*(range(len(clauses[i].alternatives)) for i in opens)):
        settled = list(clauses)
        for i, j in zip(opens, combo, strict=True):
            settled[i] = clauses[i].settled(j)
        yield tuple(settled)


def _viable(scenario: Scenario, draft: Draft, clauses: tuple[Clause, ...],
            red_lines: set[tuple[str, str]] | None = None, stance: Stance = "stated") -> bool:
    """Every (given) red line that counts under ``stance`` holds and nothing conflicts, under
    every alternative of each open clause."""
    for settled in _settlements(clauses):
        report = check(scenario, draft.model_copy(update={"clauses": settled}),
                       stance=stance)
        if report.conflicts:
            return False
        for v in report.parties:
            if any(red_lines is None or (v.party, x.red_line) in red_lines
                   for x in v.violations):
                return False
    return True


def _values(scenario: Scenario, clause: Clause) -> dict[str, Value]:
    return {**scenario.provision(clause.provision).defaults(), **clause.values}


def _cost(scenario: Scenario, draft: Draft, clauses: Sequence[Clause]) -> Fraction:
    """What going from ``draft`` to ``clauses`` costs: adding, removing; per changed value or
    phase ``change``; closing an open clause ``close`` plus its values changed from the
    cheapest alternative to start from."""
    costs = scenario.costs or Costs()
    ch, cl = Fraction(str(costs.change)), Fraction(str(costs.close))
    before = {c.provision: c for c in draft.clauses}
    after = {c.provision: c for c in clauses}
    total = Fraction(str(costs.add)) * len(after.keys() - before.keys())
    total += Fraction(str(costs.remove)) * len(before.keys() - after.keys())
    for pid in before.keys() & after.keys():
        old, new = before[pid], after[pid]
        total += ch * (old.phase != new.phase)
        b = _values(scenario, new)
        if old.is_open and new.is_open:
            continue
        starts = [old.settled(i) for i in range(len(old.alternatives))] if old.is_open \
            else [old]
        diffs = [sum(1 for k, v in _values(scenario, s).items() if b[k] != v) for s in starts]
        total += (cl if old.is_open else 0) + ch * min(diffs)
    return total


def _sat(scenario: Scenario, draft: Draft, clauses: tuple[Clause, ...]
         ) -> dict[str, float | None]:
    report = check(scenario, draft.model_copy(update={"clauses": clauses}), stance="stated")
    return {v.party: v.satisfaction for v in report.parties}


def _addressed(scenario: Scenario, draft: Draft, clauses: tuple[Clause, ...]
               ) -> dict[str, float | None]:
    """Satisfaction over what the package addresses: the measure the words use, and the one
    held against the no-deal level."""
    report = check(scenario, draft.model_copy(update={"clauses": clauses}), stance="stated")
    return {v.party: v.addressed_satisfaction for v in report.parties}


def _below(scenario: Scenario, sat: dict[str, float | None]) -> int:
    return len(_below_ids(scenario, sat))


def _below_ids(scenario: Scenario, sat: dict[str, float | None]) -> set[str]:
    out = set()
    for p in scenario.parties:
        value = sat[p.id]
        if p.no_deal is not None and value is not None and value < p.no_deal - 1e-9:
            out.add(p.id)
    return out


# --------------------------------------------------------------------------- random scenarios

_PARAMS: tuple[dict[str, Any], ...] = (
    {"name": "n", "type": "int", "default": 1, "min": 0, "max": 2},
    {"name": "c", "type": "choice", "choices": ["x", "y", "z"], "default": "x"},
    {"name": "b", "type": "bool", "default": False},
)


def _atom(rng: random.Random, provs: list[dict[str, Any]]) -> str:
    prov = rng.choice(provs)
    pid = str(prov["id"])
    if not prov["params"] or rng.random() < 0.25:
        return pid
    p = prov["params"][0]
    if p["type"] == "int":
        return f"{pid}.n {rng.choice(['==', '!=', '<', '>='])} {rng.randint(0, 2)}"
    if p["type"] == "choice":
        return f'{pid}.c {rng.choice(["==", "!="])} "{rng.choice("xyz")}"'
    return f"{pid}.b == {rng.choice(['true', 'false'])}"


def _rule(rng: random.Random, provs: list[dict[str, Any]]) -> str:
    r = rng.random()
    if r < 0.4:
        return _atom(rng, provs)
    if r < 0.6:
        return f"not {_atom(rng, provs)}"
    op = rng.choice(["and", "or", "->"])
    return f"({_atom(rng, provs)}) {op} ({_atom(rng, provs)})"


def random_scenario(seed: int, *, open_points: bool = False, no_deal: bool = False
                    ) -> Scenario:
    rng = random.Random(seed)
    provs = [_prov(f"p{i}", *([dict(rng.choice(_PARAMS))] if rng.random() < 0.85 else []))
             for i in range(rng.randint(2, 3))]
    parties = []
    for j in range(rng.randint(2, 3)):
        party: dict[str, Any] = {
            "id": f"q{j}", "name": f"Q{j}",
            "red_lines": [{"id": f"q{j}-r{k}", "title": f"R{k}", "rule": _rule(rng, provs),
                           "stance": rng.choice(["stated", "assessed"]),
                           "confidence": rng.choice([0, 0.25, 0.5, 1])}
                          for k in range(rng.randint(1, 3))],
            "preferences": [{"id": f"q{j}-f{k}", "title": f"F{k}", "rule": _rule(rng, provs),
                             "weight": rng.randint(1, 3)} for k in range(rng.randint(1, 2))],
        }
        for rl in party["red_lines"]:
            if rng.random() < 0.25:
                rl["relax_cost"] = rng.choice([0, 0.5, 3, 7])
        if no_deal and rng.random() < 0.7:
            party["no_deal"] = rng.choice([0.3, 0.5, 0.75, 1])
        parties.append(party)
    clauses = []
    for prov in provs:
        if rng.random() < 0.6:
            clause: dict[str, Any] = {"provision": prov["id"]}
            if prov["params"]:
                p = prov["params"][0]
                domains: dict[str, list[Value]] = {"int": [0, 1, 2], "choice": ["x", "y", "z"],
                                                   "bool": [False, True]}
                values = domains[p["type"]]
                clause["values"] = {p["name"]: rng.choice(values)}
                if open_points and rng.random() < 0.6:
                    picks: list[Value] = rng.sample(values, 2)
                    clause["alternatives"] = [
                        {"label": f"option {v}", "values": {p["name"]: v}} for v in picks]
            clauses.append(clause)
    costs = {"change": rng.choice([1, 1.5, 2]), "close": rng.choice([0.5, 1, 3]),
             "add": rng.choice([1, 2, 4]), "remove": rng.choice([1, 2, 3.5])}
    return _scenario(provs, parties, clauses, costs)


def _brute(scenario: Scenario, draft: Draft, stance: Stance
           ) -> tuple[tuple[int, Fraction] | None, float]:
    """The best (parties below no deal, cost) of any viable package, and the best minimum
    satisfaction among the packages with that key."""
    best: tuple[int, Fraction] | None = None
    fair = -1.0
    for clauses in _packages(scenario, draft):
        if not _viable(scenario, draft, clauses, stance=stance):
            continue
        sat = _sat(scenario, draft, clauses)
        key = (_below(scenario, _addressed(scenario, draft, clauses)),
               _cost(scenario, draft, clauses))
        values = [x for x in sat.values() if x is not None]
        low = min(values) if values else 0.0
        if best is None or key < best:
            best, fair = key, low
        elif key == best:
            fair = max(fair, low)
    return best, fair


@pytest.mark.parametrize("stance", STANCES)
@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("kind", ["costs", "open", "no-deal", "all"])
def test_cheapest_proposal_matches_brute_force(seed: int, kind: str, stance: Stance) -> None:
    """Under each view, against every package judged by check() under that view (the random
    scenarios mix stated and assessed red lines, so the views differ)."""
    scenario = random_scenario(seed, open_points=kind in ("open", "all"),
                               no_deal=kind in ("no-deal", "all"))
    draft = scenario.drafts[0]
    best, fair = _brute(scenario, draft, stance)
    result = find_bridge(scenario, draft, alternatives=1, time_limit=10, stance=stance)
    assert result.stance == stance
    assert result.optimal
    if best is None:
        assert result.status == "no-agreement"
        return
    proposal = result.proposal
    assert proposal is not None
    below, cost = best
    # check() accepts it, under every alternative of what it keeps open.
    assert _viable(scenario, draft, proposal.clauses, stance=stance)
    assert Fraction(str(proposal.total_cost)) == cost == _cost(scenario, draft,
                                                                 proposal.clauses)
    assert proposal.total_cost == pytest.approx(sum(c.cost for c in proposal.changes))
    costs = scenario.costs or Costs()
    unit = {"set": costs.change, "phase": costs.change, "close": costs.close,
            "add": costs.add, "remove": costs.remove}
    assert all(c.cost == unit[c.op] for c in proposal.changes)
    assert len(proposal.below_no_deal) == below
    addressed = _addressed(scenario, draft, proposal.clauses)
    assert {b.party for b in proposal.below_no_deal} == _below_ids(scenario, addressed)
    assert all(b.satisfaction == addressed[b.party] for b in proposal.below_no_deal)
    values = [x for x in proposal.satisfaction.values() if x is not None]
    assert (min(values) if values else 0.0) == pytest.approx(fair)
    for alt in result.alternatives:
        assert _viable(scenario, draft, alt.clauses, stance=stance)
        assert Fraction(str(alt.total_cost)) == _cost(scenario, draft, alt.clauses)
        assert (len(alt.below_no_deal), Fraction(str(alt.total_cost))) >= best


# --------------------------------------------------------------------------- costs


def _army(step: int | None = 50_000, **extra: Any) -> dict[str, Any]:
    param: dict[str, Any] = {"name": "personnel", "type": "int", "default": 800_000,
                             "min": 0, "max": 2_000_000, **extra}
    if step is not None:
        param["step"] = step
    return _prov("army", param)


def _party(pid: str, *rules: str, **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": pid.capitalize(),
            "red_lines": [{"id": f"{pid}-{i}", "title": f"{pid} line {i}", "rule": r}
                          for i, r in enumerate(rules)], **extra}


def test_costs_choose_between_reshaping_and_removing() -> None:
    """Removing the clause (one change) against changing two of its values: the default costs
    (remove 2, change 1) tie them; a dearer removal reshapes, a cheaper one removes."""
    provs = [_prov("x", {"name": "a", "type": "bool", "default": True},
                   {"name": "b", "type": "bool", "default": True})]
    parties = [_party("u", "not x or (x.a == false and x.b == false)")]
    clauses = [{"provision": "x"}]
    for remove, expect in ((3, {"set"}), (1.5, {"remove"})):
        scenario = _scenario(provs, parties, clauses, {"remove": remove})
        result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
        assert result.proposal is not None
        assert {c.op for c in result.proposal.changes} == expect
        assert result.proposal.total_cost == min(remove, 2)


# --------------------------------------------------------------------------- salient values


def _salient_brute(lo: int, hi: int, step: int | None, anchor: int, ref: int,
                   ok: Any) -> int:
    """The value a changed number moves to: on the grid if any feasible value is, then the
    closest to where it moves from (the rule of docs/bridge.md, enumerated)."""
    if step is None:
        step = 10 ** max(0, len(str(max(abs(ref), 1))) - 2)
        anchor = 0
    feasible = [v for v in range(lo, hi + 1) if ok(v)]
    return min(feasible, key=lambda v: ((v - anchor) % step != 0, abs(v - ref)))


@pytest.mark.parametrize(("rule", "current", "step", "minimum"), [
    ("army.personnel <= 600000", 800_000, 50_000, 0),
    ("army.personnel < 600000", 800_000, 50_000, 0),
    ("army.personnel >= 800000", 600_000, 50_000, 0),
    ("army.personnel > 800000", 600_000, 50_000, 0),
    ("army.personnel > 800000", 600_000, 50_000, 10_000),
    ("army.personnel >= 812345 and army.personnel <= 812399", 600_000, 50_000, 0),
    ("army.personnel < 600000", 800_000, None, 0),
    ("army.personnel > 800000", 600_000, None, 0),
    ("army.personnel != 600000", 600_000, 50_000, 0),
    ("army.personnel != 600000", 600_000, None, 0),
])
def test_numbers_move_to_salient_values(rule: str, current: int, step: int | None,
                                        minimum: int) -> None:
    lo, hi = minimum, 1_000_000
    scenario = _scenario([_army(step, min=lo, max=hi)], [_party("u", rule)],
                         [{"provision": "army", "values": {"personnel": current}}])
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.proposal is not None
    (change,) = result.proposal.changes
    rules = scenario.compiled_rule(rule)

    def ok(v: int) -> bool:
        return bool(rules({"army": {"personnel": v, "phase": 1}}))

    assert change.value == _salient_brute(lo, hi, step, minimum, current, ok)


def test_an_added_clause_takes_a_salient_value_near_its_default() -> None:
    """An added clause's values are free (they cost nothing), but they still move from the
    provision's defaults to the nearest salient value: never an army of 0."""
    scenario = _scenario([_army()], [_party("u", "army and army.personnel <= 700000")], [])
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.proposal is not None
    assert [c.op for c in result.proposal.changes] == ["add"]
    (clause,) = result.proposal.clauses
    assert clause.values == {"personnel": 700_000}


def test_numbers_with_decimals_move_in_their_step() -> None:
    provs = [_prov("fund", {"name": "share", "type": "number", "default": 0.5, "min": 0,
                            "max": 1, "step": 0.05})]
    scenario = _scenario(provs, [_party("u", "fund.share > 0.62")], [{"provision": "fund"}])
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.proposal is not None
    assert [c.value for c in result.proposal.changes] == [0.65]


# --------------------------------------------------------------------------- relaxation


def test_relax_cost_formula() -> None:
    from desktop.domain.model import RedLine

    def line(**kw: Any) -> RedLine:
        return RedLine(id="r", title="R", rule="x", **kw)

    assert relax_cost(line()) == 10
    assert relax_cost(line(stance="stated")) == 2
    assert relax_cost(line(stance="stated", confidence=0.5)) == Fraction(3, 2)
    assert relax_cost(line(confidence=0.5)) == Fraction(11, 2)
    assert relax_cost(line(confidence=0)) == 1
    assert relax_cost(line(stance="stated", relax_cost=7)) == 7


def _canonical_relax(scenario: Scenario, draft: Draft, stance: Stance
                     ) -> tuple[set[tuple[str, str]], Fraction]:
    """By enumeration: the cheapest sets of red lines whose relaxation lets some package pass,
    and among them the one that keeps the earliest red lines (scenario order)."""
    lines = [(p.id, r.id, relax_cost(r)) for p in scenario.parties for r in p.red_lines
             if stance == "stated" or r.stance == "assessed"]
    packages = [c for c in _packages(scenario, draft.model_copy(update={"clauses": ()}))]
    best: tuple[Fraction, tuple[bool, ...]] | None = None
    for keep in itertools.product([True, False], repeat=len(lines)):
        cost = sum((c for (_, _, c), k in zip(lines, keep, strict=True) if not k), Fraction())
        if best is not None and (cost, tuple(not k for k in keep)) >= (
                best[0], tuple(not k for k in best[1])):
            continue
        kept = {(p, r) for (p, r, _), k in zip(lines, keep, strict=True) if k}
        if any(_viable(scenario, draft, c, kept, stance) for c in packages):
            best = (cost, keep)
    assert best is not None
    cost, keep = best
    return {(p, r) for (p, r, _), k in zip(lines, keep, strict=True) if not k}, cost


@pytest.mark.parametrize("stance", STANCES)
@pytest.mark.parametrize("seed", range(40))
def test_cheapest_relaxation_matches_brute_force_and_ignores_the_draft(seed: int,
                                                                       stance: Stance) -> None:
    """Per view: only the red lines that count under it are relaxed, and any draft gets the
    same set under that view."""
    scenario = random_scenario(seed)
    draft = scenario.drafts[0]
    result = find_bridge(scenario, draft, alternatives=0, time_limit=10, stance=stance)
    if result.feasible:
        return
    assert result.optimal
    assert result.relax_independent
    expected, cost = _canonical_relax(scenario, draft, stance)
    assert {(x.party, x.red_line) for x in result.relax} == expected
    assert result.relax_cost is not None
    assert Fraction(str(result.relax_cost)) == cost
    # The same question asked of other drafts: the same answer.
    for clauses in ((), tuple(Clause(provision=p.id) for p in scenario.provisions)):
        other = draft.model_copy(update={"clauses": clauses})
        again = find_bridge(scenario, other, alternatives=0, time_limit=10, stance=stance)
        assert again.relax == result.relax
        assert again.relax_cost == result.relax_cost


def test_stated_lines_are_relaxed_before_assessed_ones() -> None:
    """Two contradicting lines: the stated one (a public demand) is the cheap one to relax."""
    provs = [_prov("x")]
    parties = [{"id": "a", "name": "A", "red_lines": [
                   {"id": "a-x", "title": "Needs X", "rule": "x", "confidence": 0.9}]},
               {"id": "b", "name": "B", "red_lines": [
                   {"id": "b-x", "title": "No X", "rule": "not x", "stance": "stated"}]}]
    scenario = _scenario(provs, parties, [])
    # Under stated positions both lines count: they clash, and the stated one is relaxed.
    result = find_bridge(scenario, scenario.drafts[0], stance="stated")
    assert [(x.party, x.red_line, x.cost) for x in result.relax] == [("b", "b-x", 2.0)]
    assert result.relax_cost == 2.0
    assert relax_text(scenario, result.relax, cost=result.relax_cost,
                      independent=result.relax_independent) == (
        "Relaxing B's red line ‘No X’ would allow an agreement. This is the least costly set "
        "of red lines to relax (cost 2 on the relaxation scale); any draft gets the same "
        "answer.")
    assert relax_cost_text(2.5, False) == (
        "This is the least costly set of red lines to relax (cost 2.5 on the relaxation "
        "scale).")
    # Under assessed floors (the default) B's stated demand is negotiable: no clash at all,
    # and the proposal adds X for A.
    assessed = find_bridge(scenario, scenario.drafts[0])
    assert assessed.stance == "assessed"
    assert assessed.feasible
    assert assessed.proposal is not None
    assert [(c.op, c.provision) for c in assessed.proposal.changes] == [("add", "x")]
    assert assessed.relax == ()


# --------------------------------------------------------------------------- no deal


def test_a_party_below_its_no_deal_level_is_flagged() -> None:
    provs = [_prov("x"), _prov("y")]
    russia = {"id": "russia", "name": "Russia", "no_deal": 0.6,
              "red_lines": [{"id": "r", "title": "R", "rule": "x"}],
              "preferences": [{"id": "rp", "title": "P", "rule": "y", "weight": 1},
                              {"id": "rq", "title": "Q", "rule": "not x", "weight": 1}]}
    ukraine = {"id": "ukraine", "name": "Ukraine",
               "red_lines": [{"id": "u", "title": "U", "rule": "not y"}]}
    scenario = _scenario(provs, [russia, ukraine], [{"provision": "x"}])
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.proposal is not None
    (below,) = result.proposal.below_no_deal
    assert (below.party, below.satisfaction, below.no_deal) == ("russia", 0.0, 0.6)
    assert no_deal_text(below, scenario) == (
        "Russia would be better off without this deal (satisfaction 0%; 60% without a deal).")


def test_a_dearer_package_that_keeps_every_party_above_no_deal_is_preferred() -> None:
    """No deal is measured over what the package addresses: with X alone, A's preference for
    X and Y together is addressed (X is there) and unmet, 0% against 50%; adding Y meets it.
    (A preference for Y alone would not be addressed by X alone: nothing A cares about would
    be on the table, and A would not be below its no-deal level.)"""
    provs = [_prov("x"), _prov("y")]
    a = {"id": "a", "name": "A", "no_deal": 0.5,
         "red_lines": [{"id": "a1", "title": "A1", "rule": "x"}],
         "preferences": [{"id": "ap", "title": "AP", "rule": "x and y"}]}
    scenario = _scenario(provs, [a], [])
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.proposal is not None
    assert {c.provision for c in result.proposal.changes} == {"x", "y"}
    assert result.proposal.below_no_deal == ()


def test_no_deal_is_measured_over_what_the_package_addresses() -> None:
    """The words read satisfaction over what the draft addresses, and "better off without
    this deal" is certified on that measure: a preference the package does not touch (Y
    absent, unmet) is not addressed, so X alone leaves A at no measure at all, not at 0% of
    everything, and no dearer package is sought on its account."""
    provs = [_prov("x"), _prov("y")]
    a = {"id": "a", "name": "A", "no_deal": 0.5,
         "red_lines": [{"id": "a1", "title": "A1", "rule": "x"}],
         "preferences": [{"id": "ap", "title": "AP", "rule": "y"}]}
    scenario = _scenario(provs, [a], [])
    draft = scenario.drafts[0]
    result = find_bridge(scenario, draft, alternatives=0)
    assert result.proposal is not None
    assert [(c.op, c.provision) for c in result.proposal.changes] == [("add", "x")]
    assert result.proposal.below_no_deal == ()
    verdict = check(scenario, draft.model_copy(update={"clauses": result.proposal.clauses})
                    ).verdict("a")
    assert verdict.satisfaction == 0.0
    assert verdict.addressed_satisfaction is None


# --------------------------------------------------------------------------- open points


def test_an_open_point_is_closed_on_the_alternative_every_party_accepts() -> None:
    provs = [_prov("plant", {"name": "op", "type": "choice", "choices": ["us", "ua", "ru"],
                             "default": "us"})]
    clauses = [{"provision": "plant", "values": {"op": "us"},
                "alternatives": [{"label": "US formula", "values": {"op": "ru"}},
                                 {"label": "Ukrainian formula", "values": {"op": "ua"}}]}]
    scenario = _scenario(provs, [_party("u", 'plant.op != "ru"')], clauses)
    draft = scenario.drafts[0]
    result = find_bridge(scenario, draft, alternatives=0)
    assert result.proposal is not None
    (change,) = result.proposal.changes
    assert (change.op, change.alternative, change.cost) == ("close", 1, 1.0)
    assert change_text(change, "panel", scenario, draft) == (
        "Close the open point “PLANT” on “Ukrainian formula”")
    assert change_text(change, "terminal", scenario, draft).endswith(" [plant]")
    (clause,) = result.proposal.clauses
    assert not clause.is_open
    assert clause.values == {"op": "ua"}


def test_an_open_point_every_party_accepts_stays_open() -> None:
    provs = [_prov("plant", {"name": "op", "type": "choice", "choices": ["us", "ua", "ru"],
                             "default": "us"})]
    clauses = [{"provision": "plant", "values": {"op": "ru"},
                "alternatives": [{"label": "A", "values": {"op": "us"}},
                                 {"label": "B", "values": {"op": "ua"}}]}]
    scenario = _scenario(provs, [_party("u", 'plant.op != "ru"')], clauses)
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.proposal is not None
    assert result.proposal.changes == ()
    assert result.proposal.clauses == scenario.drafts[0].clauses


# --------------------------------------------------------------------------- give and take


def test_give_and_take_links_the_changes_each_party_concedes() -> None:
    """A needs X, which B would rather not have; B needs Y, which A would rather not have: A
    accepts Y if B accepts X. Who wants and who gives each change is checked against check()'s
    satisfaction with the change undone."""
    provs = [_prov("x"), _prov("y"), _prov("z")]
    a = {"id": "a", "name": "A", "red_lines": [{"id": "a1", "title": "A1", "rule": "x"}],
         "preferences": [{"id": "ap", "title": "AP", "rule": "not y"},
                         {"id": "aq", "title": "AQ", "rule": "z"}]}
    b = {"id": "b", "name": "B", "red_lines": [{"id": "b1", "title": "B1", "rule": "y"}],
         "preferences": [{"id": "bp", "title": "BP", "rule": "not x"},
                         {"id": "bq", "title": "BQ", "rule": "z"}]}
    scenario = _scenario(provs, [a, b], [{"provision": "z"}])
    draft = scenario.drafts[0]
    result = find_bridge(scenario, draft, alternatives=0)
    proposal = result.proposal
    assert proposal is not None
    (link,) = proposal.links
    added = {c.provision: i for i, c in enumerate(proposal.changes)}
    assert (link.a, link.a_gives, link.b, link.b_gives) == ("a", (added["y"],), "b",
                                                            (added["x"],))
    # Independently: undoing each change raises the giver's satisfaction.
    for i, giver in ((added["y"], "a"), (added["x"], "b")):
        undone = tuple(c for c in proposal.clauses
                       if c.provision != proposal.changes[i].provision)
        before = _sat(scenario, draft, undone)[giver]
        after = proposal.satisfaction[giver]
        assert before is not None
        assert after is not None
        assert before > after
    assert link_text(link, proposal.changes, scenario, draft) == (
        "A accepts what B wants (Add “Y”) if B accepts what A wants (Add “X”).")


# --------------------------------------------------------------------------- alternatives


def test_alternatives_are_never_padded_with_a_change_nobody_requires() -> None:
    """The cheapest package adds X. "Add X and flip Y's value" (or move Y, or remove it) is
    not an alternative: no party requires the extra change. "Add Z" is one: it is another way
    to pass the red line, and each of its changes is required."""
    provs = [_prov("x"), _prov("z"),
             _prov("y", {"name": "b", "type": "bool", "default": False})]
    only_x = _scenario(provs, [_party("a", "x")], [{"provision": "y"}])
    result = find_bridge(only_x, only_x.drafts[0], alternatives=3)
    assert result.proposal is not None
    assert [(c.op, c.provision) for c in result.proposal.changes] == [("add", "x")]
    assert result.alternatives == ()
    either = _scenario(provs, [_party("a", "x or z")], [{"provision": "y"}])
    result = find_bridge(either, either.drafts[0], alternatives=3)
    assert result.proposal is not None
    offered = [result.proposal, *result.alternatives]
    assert sorted(tuple((c.op, c.provision) for c in p.changes) for p in offered) == [
        (("add", "x"),), (("add", "z"),)]
    for alt in result.alternatives:
        assert all(c.why is not None and c.why.needs for c in alt.changes)

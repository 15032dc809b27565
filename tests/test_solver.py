"""The bridge finder against brute force, the default scenario, and the ``suggest`` command."""

from __future__ import annotations

import itertools
import json
import random
import threading
import time
from collections.abc import Iterator, Sequence
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain import (
    Clause,
    Draft,
    Scenario,
    check,
    scenario_from_dict,
    scenario_to_dict,
)
from desktop.domain.checker import compiled
from desktop.domain.model import STANCES, Costs, Stance, Value
from desktop.domain.solver import (
    BridgeResult,
    CancelToken,
    Change,
    ClashItem,
    Progress,
    Proposal,
    find_bridge,
    frontier,
)
from desktop.wording import change_reason, progress_text

ROOT = Path(__file__).parent.parent
UKRAINE = ROOT / "resources" / "scenarios" / "ukraine-2025.json"


# --------------------------------------------------------------------------- random scenarios

_PARAMS: tuple[dict[str, Any], ...] = (
    {"name": "n", "type": "int", "default": 1, "min": 0, "max": 2},
    {"name": "c", "type": "choice", "choices": ["x", "y", "z"], "default": "x"},
    {"name": "b", "type": "bool", "default": False},
)


def _atom(rng: random.Random, provs: list[dict[str, Any]]) -> str:
    prov = rng.choice(provs)
    pid = prov["id"]
    kind = rng.randrange(6)
    if kind == 0 or not prov["params"]:
        return pid if rng.random() < 0.7 else f"at_least({rng.randint(1, 2)}, {pid}, " \
            f"{rng.choice(provs)['id']})"
    if kind == 1:
        return f"{pid}.phase {rng.choice(['==', '>=', '<'])} {rng.randint(1, 2)}"
    param = prov["params"][0]
    name = param["name"]
    if param["type"] == "int":
        other = [p for p in provs if p["params"] and p["params"][0]["type"] == "int"
                 and p["id"] != pid]
        if kind == 2 and other:
            return f"{pid}.n {rng.choice(['<', '==', '>='])} {rng.choice(other)['id']}.n"
        op = rng.choice(["==", "!=", "<", "<=", ">", ">="])
        return f"{pid}.n {op} {rng.randint(0, 2)}"
    if param["type"] == "choice":
        if kind == 3:
            return f'{pid}.c in ["{rng.choice("xyz")}", "{rng.choice("xyz")}"]'
        return f'{pid}.c {rng.choice(["==", "!="])} "{rng.choice("xyz")}"'
    return f"{pid}.{name} == {rng.choice(['true', 'false'])}"


def _rule(rng: random.Random, provs: list[dict[str, Any]], depth: int = 0) -> str:
    r = rng.random()
    if depth >= 2 or r < 0.35:
        return _atom(rng, provs)
    if r < 0.45:
        return f"not ({_rule(rng, provs, depth + 1)})"
    op = rng.choice(["and", "or", "->"])
    return f"({_rule(rng, provs, depth + 1)}) {op} ({_rule(rng, provs, depth + 1)})"


def random_scenario(seed: int) -> Scenario:
    rng = random.Random(seed)
    n = rng.randint(2, 4)
    provs: list[dict[str, Any]] = []
    for i in range(n):
        params = [dict(rng.choice(_PARAMS))] if rng.random() < 0.8 else []
        provs.append({"id": f"p{i}", "title": f"P{i}", "category": "c", "kind": "mechanism",
                      "text": "t", "params": params})
    if n >= 3 and rng.random() < 0.3:
        provs[0]["excludes"] = ["p1"]
    parties = []
    for j in range(rng.randint(2, 3)):
        parties.append({
            "id": f"q{j}", "name": f"Q{j}",
            "red_lines": [{"id": f"q{j}-r{k}", "title": f"R{k}", "rule": _rule(rng, provs)}
                          for k in range(rng.randint(1, 3))],
            "preferences": [{"id": f"q{j}-f{k}", "title": f"F{k}", "rule": _rule(rng, provs),
                             "weight": rng.randint(1, 3)}
                            for k in range(rng.randint(0, 2))],
        })
    clauses = []
    for prov in provs:
        if rng.random() < 0.5:
            clause: dict[str, Any] = {"provision": prov["id"]}
            if prov["params"] and rng.random() < 0.5:
                p = prov["params"][0]
                clause["values"] = {p["name"]: {"int": 2, "choice": "y", "bool": True}[p["type"]]}
            if rng.random() < 0.3:
                clause["phase"] = 2
            clauses.append(clause)
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "random",
        "parties": parties, "provisions": provs,
        "drafts": [{"id": "d", "title": "D", "clauses": clauses}],
    })


def _options(scenario: Scenario, draft: Draft) -> list[list[Clause | None]]:
    """Per provision: absent, or every value x phase combination (phases 1..max+1)."""
    top = max((c.phase for c in draft.clauses), default=1) + 1
    out: list[list[Clause | None]] = []
    for prov in scenario.provisions:
        opts: list[Clause | None] = [None]
        domains: list[list[tuple[str, Value]]] = []
        for p in prov.params:
            if p.type == "int":
                assert p.min is not None
                assert p.max is not None
                domains.append([(p.name, v) for v in range(p.min, p.max + 1)])
            elif p.type == "choice":
                domains.append([(p.name, v) for v in p.ids])
            elif p.type == "bool":
                domains.append([(p.name, False), (p.name, True)])
        for combo in itertools.product(*domains):
            for phase in range(1, top + 1):
                opts.append(Clause(provision=prov.id, values=dict(combo), phase=phase))
        out.append(opts)
    return out


def _cost(scenario: Scenario, draft: Draft, clauses: Sequence[Clause]) -> float:
    """What the changes from ``draft`` to ``clauses`` cost (the scenario's costs or the
    defaults: a value or a phase 1, adding or removing a clause 2); settled drafts only."""
    costs = scenario.costs or Costs()
    before = {c.provision: c for c in draft.clauses}
    after = {c.provision: c for c in clauses}
    cost = float(len(after.keys() - before.keys()) * costs.add
                 + len(before.keys() - after.keys()) * costs.remove)
    for pid in before.keys() & after.keys():
        defaults = scenario.provision(pid).defaults()
        a = {**defaults, **before[pid].values}
        b = {**defaults, **after[pid].values}
        cost += costs.change * sum(1 for k in defaults if a[k] != b[k])
        cost += costs.change * (before[pid].phase != after[pid].phase)
    return cost


def _all_drafts(scenario: Scenario, draft: Draft) -> Iterator[tuple[Clause, ...]]:
    for combo in itertools.product(*_options(scenario, draft)):
        yield tuple(c for c in combo if c is not None)


def _state(scenario: Scenario, clauses: Sequence[Clause]) -> dict[str, dict[str, Value]]:
    return compiled(scenario).state(Draft(id="x", title="x", clauses=tuple(clauses)))


def _satisfiable(scenario: Scenario, draft: Draft, items: Sequence[ClashItem]) -> bool:
    """Some draft (excludes respected) passes every one of these red lines."""
    rules = [scenario._rule_cache[i.rule] for i in items]
    pairs = scenario.exclusion_pairs()
    for clauses in _all_drafts(scenario, draft):
        ids = {c.provision for c in clauses}
        if any(pair <= ids for pair in pairs):
            continue
        state = _state(scenario, clauses)
        if all(r(state) for r in rules):
            return True
    return False


def _passes(scenario: Scenario, draft: Draft, clauses: Sequence[Clause],
            parties: Sequence[str], stance: Stance = "assessed") -> bool:
    report = check(scenario, draft.model_copy(update={"clauses": tuple(clauses)}),
                   stance=stance)
    return not report.conflicts and all(report.verdict(p).acceptable for p in parties)


def _min_sat(sat: dict[str, float | None]) -> float:
    values = [x for x in sat.values() if x is not None]
    return min(values) if values else 0.0


@pytest.mark.parametrize("seed", range(60))
def test_random_scenarios_match_brute_force(seed: int) -> None:
    scenario = random_scenario(seed)
    draft = scenario.drafts[0]
    parties = [p.id for p in scenario.parties]
    best: float | None = None
    best_fair = -1.0
    for clauses in _all_drafts(scenario, draft):
        report = check(scenario, draft.model_copy(update={"clauses": clauses}))
        if not report.viable:
            continue
        cost = _cost(scenario, draft, clauses)
        fair = _min_sat({v.party: v.satisfaction for v in report.parties})
        if best is None or cost < best:
            best, best_fair = cost, fair
        elif cost == best:
            best_fair = max(best_fair, fair)
    result = find_bridge(scenario, draft, alternatives=2, time_limit=10)
    assert result.optimal
    if best is None:
        assert not result.feasible
        assert result.proposal is None
        assert result.status == "no-agreement"
        clash = list(result.clash)
        assert clash
        assert not _satisfiable(scenario, draft, clash)
        for i in range(len(clash)):
            assert _satisfiable(scenario, draft, clash[:i] + clash[i + 1:])
        everything = [ClashItem(p.id, r.id, r.title, r.rule)
                      for p in scenario.parties for r in p.red_lines]
        kept = [x for x in everything if x not in result.relax]
        assert result.relax
        assert _satisfiable(scenario, draft, kept)
        for drop in itertools.combinations(everything, len(result.relax) - 1):
            assert not _satisfiable(scenario, draft, [x for x in everything if x not in drop])
        return
    assert result.feasible
    assert result.proposal is not None
    proposal = result.proposal
    assert proposal.total_cost == best == sum(c.cost for c in proposal.changes)
    assert proposal.cost == len(proposal.changes)
    assert _cost(scenario, draft, proposal.clauses) == best
    assert _passes(scenario, draft, proposal.clauses, parties)
    assert _min_sat(proposal.satisfaction) == pytest.approx(best_fair)
    def key(changes: Sequence[Change]) -> set[tuple[object, ...]]:
        return {(c.op, c.provision, c.param, c.value, c.phase) for c in changes}

    seen = [key(proposal.changes)]
    for alt in result.alternatives:
        assert _passes(scenario, draft, alt.clauses, parties)
        assert alt.total_cost >= best
        assert alt.total_cost == _cost(scenario, draft, alt.clauses)
        assert all(key(alt.changes) != s for s in seen)
        seen.append(key(alt.changes))
    for change in proposal.changes:
        assert change_reason(change.why)


def test_chosen_parties_only() -> None:
    scenario = _ukraine()
    with pytest.raises(ValueError, match="no party"):
        find_bridge(scenario, scenario.drafts[0], parties=["nobody"])


# --------------------------------------------------------------------------- default scenario


def _ukraine() -> Scenario:
    from desktop.store import read_scenario_file

    return read_scenario_file(UKRAINE)


WEST = ("ukraine", "europe", "united-states", "turkey")


def _only(scenario: Scenario, keep: Sequence[ClashItem]) -> Scenario:
    """The scenario with only these red lines (and no preferences)."""
    wanted = {(c.party, c.red_line) for c in keep}
    parties = tuple(
        p.model_copy(update={"preferences": (), "red_lines": tuple(
            r for r in p.red_lines if (p.id, r.id) in wanted)})
        for p in scenario.parties
    )
    # Through the dict form: a model copy would keep the scenario's cached indexes and rules.
    data = scenario_to_dict(scenario.model_copy(update={"parties": parties}))
    return scenario_from_dict(data)


def _stance(scenario: Scenario, item: ClashItem | dict[str, Any]) -> str:
    """The stance of a relaxed red line, given as a ClashItem or a --json entry."""
    party, red_line = ((item.party, item.red_line) if isinstance(item, ClashItem)
                       else (item["party"], item["red_line"]))
    return next(r.stance for p in scenario.parties if p.id == party
                for r in p.red_lines if r.id == red_line)


def _agreeable(scenario: Scenario, keep: Sequence[ClashItem]) -> bool:
    result = find_bridge(_only(scenario, keep), scenario.drafts[0], alternatives=0)
    assert result.optimal
    return result.feasible


def _assert_minimal_clash(scenario: Scenario, result: BridgeResult) -> None:
    clash = list(result.clash)
    assert clash
    assert not _agreeable(scenario, clash)
    for i in range(len(clash)):
        assert _agreeable(scenario, clash[:i] + clash[i + 1:])
    everything = [ClashItem(p.id, r.id, r.title, r.rule)
                  for p in scenario.parties for r in p.red_lines]
    assert _agreeable(scenario, [x for x in everything if x not in result.relax])


#: Pairs of red lines that cannot hold together in the default scenario.
KNOWN_CLASHES = (
    {("ukraine", "ua-no-recognition"), ("russia", "ru-recognition")},
    {("europe", "eur-no-border-change-by-force"), ("russia", "ru-recognition")},
    {("russia", "ru-army-cap"), ("europe", "eur-army-800k")},
    {("russia", "ru-army-cap"), ("ukraine", "ua-army-800k")},
    {("ukraine", "ua-vote-after-ceasefire"), ("russia", "ru-final-settlement")},
)


def _assert_cheapest_relaxation(scenario: Scenario, result: BridgeResult) -> None:
    """The relaxation's cost is its red lines' (from stance and confidence), and each of its
    red lines is needed: relaxing all the others but that one leaves no agreement."""
    from desktop.domain.solver.bridge import relax_cost

    lines = {(p.id, r.id): r for p in scenario.parties for r in p.red_lines}
    assert result.relax
    assert result.relax_independent
    costs = [float(relax_cost(lines[(x.party, x.red_line)])) for x in result.relax]
    assert [x.cost for x in result.relax] == costs
    assert result.relax_cost == pytest.approx(sum(costs))
    parties = {x.party for x in result.clash} | {x.party for x in result.relax}
    chosen = [ClashItem(p.id, r.id, r.title, r.rule) for p in scenario.parties
              if p.id in parties for r in p.red_lines]
    for x in result.relax:
        assert not _agreeable(scenario, [y for y in chosen
                                         if y not in result.relax or y == x])


def test_ukraine_all_parties_have_no_agreement() -> None:
    scenario = _ukraine()
    answers = []
    for draft in scenario.drafts:
        result = find_bridge(scenario, draft, alternatives=0)
        assert not result.feasible
        assert result.optimal
        assert result.proposal is None
        assert {(c.party, c.red_line) for c in result.clash} in KNOWN_CLASHES
        # Five assessed floors must go: one of each clash over recognition, the army cap, the
        # Donbas zone, foreign forces and the order of ceasefire and vote; the stated demands
        # behind them (#15: Russia's maximum, Europe's reassurance force) go too.
        assert len([c for c in result.relax if _stance(scenario, c) == "assessed"]) == 5
        _assert_minimal_clash(scenario, result)
        answers.append((result.relax, result.relax_cost))
    # The cheapest relaxation does not depend on the draft: every draft gets the same one.
    assert all(a == answers[0] for a in answers)
    _assert_cheapest_relaxation(scenario, result)


def test_ukraine_and_russia_alone_have_no_agreement() -> None:
    scenario = _ukraine()
    result = find_bridge(scenario, scenario.draft("twenty-point"),
                         parties=["ukraine", "russia"], alternatives=0)
    assert not result.feasible
    assert {(c.party, c.red_line) for c in result.clash} in KNOWN_CLASHES
    assert len([c for c in result.relax if _stance(scenario, c) == "assessed"]) == 4
    _assert_cheapest_relaxation(scenario, result)


def _keeps_a_party_above_no_deal(scenario: Scenario, draft: Draft, alt: Proposal,
                                  change: Change, stance: Stance) -> bool:
    """Without ``change`` (an added clause left out, a kept one as drafted), some chosen party
    falls below its no-deal level (over what the package addresses)."""
    if change.op == "add":
        clauses = tuple(c for c in alt.clauses if c.provision != change.provision)
    else:
        clauses = tuple(draft.clause_for(c.provision) or c if c.provision == change.provision
                        else c for c in alt.clauses)
    report = check(scenario, draft.model_copy(update={"clauses": clauses}), stance=stance)
    return any((x := report.verdict(p).addressed_satisfaction) is not None
               and x < (scenario.party(p).no_deal or 0) for p in WEST)


#: Changes (number, total cost) for the four without Russia, per view. Under stated positions
#: Europe's stated demand for a reassurance force on the ground (#15) adds the force (cost 2)
#: to the 28 points and the E3 text, neither of which has it; under assessed floors (the
#: default) that demand is negotiable, so the 28 points need one change fewer and the E3
#: text a cheaper one.
WEST_BRIDGES = {
    "stated": {"us-28": (11, 14), "e3-counter": (1, 2), "berlin": (0, 0),
               "twenty-point": (1, 1)},
    "assessed": {"us-28": (10, 12), "e3-counter": (1, 1), "berlin": (0, 0),
                 "twenty-point": (1, 1)},
}


@pytest.mark.parametrize("stance", STANCES)
def test_ukraine_bridges_without_russia(stance: Stance) -> None:
    scenario = _ukraine()
    costs = {}
    for draft in scenario.drafts:
        result = find_bridge(scenario, draft, parties=WEST, stance=stance)
        assert result.feasible
        assert result.optimal
        assert result.status == "optimal"
        assert result.stance == stance
        assert result.proposal is not None
        costs[draft.id] = (result.proposal.cost, result.proposal.total_cost)
        for p in (result.proposal, *result.alternatives):
            assert _passes(scenario, draft, p.clauses, WEST, stance)
        # Alternatives are never padded: each change is required by a chosen party's red
        # line (or resolves an exclusion, or keeps a party at its no-deal level), so a draft
        # that needs nothing gets none.
        assert len(result.alternatives) <= 3
        for alt in result.alternatives:
            for c in alt.changes:
                assert c.why is not None
                assert c.why.needs or c.why.conflicts or _keeps_a_party_above_no_deal(
                    scenario, draft, alt, c, stance)
        # A draft every counting red line of the four accepts, leaving none of them below
        # its no-deal level, needs no change.
        report = check(scenario, draft, stance=stance)
        # (The no-deal level is held against satisfaction over what the draft addresses.)
        below = [p for p in WEST
                 if (x := report.verdict(p).addressed_satisfaction) is not None
                 and x < (scenario.party(p).no_deal or 0)]
        if report.viable and not below:
            assert costs[draft.id] == (0, 0)
    assert costs == WEST_BRIDGES[stance]


def test_stated_demands_add_to_the_bridge_only_under_stated_positions() -> None:
    """The two views answer differently, and each answer is right for its own view: the
    stated-view proposal for the 28 points adds Europe's reassurance force (its stated line);
    the assessed-view proposal does not, and the checker's stated view rejects it for Europe
    while its assessed view accepts it."""
    scenario = _ukraine()
    draft = scenario.draft("us-28")
    stated = find_bridge(scenario, draft, parties=WEST, alternatives=0, stance="stated")
    assessed = find_bridge(scenario, draft, parties=WEST, alternatives=0)
    assert stated.proposal is not None
    assert assessed.proposal is not None
    added = {c.provision for c in stated.proposal.changes if c.op == "add"}
    assert added
    assert not {c.provision for c in assessed.proposal.changes if c.op == "add"}
    needs = {n.red_line for c in assessed.proposal.changes if c.why is not None
             for n in c.why.needs}
    stated_ids = {r.id for p in scenario.parties for r in p.red_lines if r.stance == "stated"}
    assert not needs & stated_ids  # no change is "Required by" a negotiable demand
    clauses = assessed.proposal.clauses
    assert _passes(scenario, draft, clauses, WEST, "assessed")
    assert not _passes(scenario, draft, clauses, WEST, "stated")
    # The relaxation, per view: only counting red lines are relaxed, and under the assessed
    # view no stated demand is among them.
    for stance in STANCES:
        result = find_bridge(scenario, draft, alternatives=0, stance=stance)
        relaxed = {x.red_line for x in result.relax}
        assert bool(relaxed & stated_ids) == (stance == "stated")
        assert result.relax_independent


def test_twenty_point_bridge_replaces_the_znpp_operator() -> None:
    scenario = _ukraine()
    result = find_bridge(scenario, scenario.draft("twenty-point"), parties=WEST)
    assert result.proposal is not None
    (change,) = result.proposal.changes
    # 20-pt #12 is an open point (#15): closing it on the Ukrainian formula is one change; a
    # finder that does not close open points sets the operator instead. Ties (equal
    # satisfaction for every party) may be broken either way.
    assert (change.op, change.provision, change.param, change.value) in {
        ("close", "znpp", None, None),
        ("set", "znpp", "operator", "us-ukraine-50-50"),
        ("set", "znpp", "operator", "iaea-interim"),
        ("set", "znpp", "operator", "not-set"),
        ("remove", "znpp", None, None),
    }
    if change.op == "close":
        assert change.alternative == 1  # "Ukrainian formula"
    assert change.why is not None
    assert [(n.party, n.red_line) for n in change.why.needs] == [("ukraine", "ua-znpp-no-russia")]
    assert change_reason(change.why, scenario) == (
        "Required by Ukraine's red line ‘No Russian role at the Zaporizhzhia plant’.")
    assert result.proposal.cost == 1
    assert result.proposal.total_cost == change.cost == 1
    # The other proposals also settle the plant for Ukraine (and may change more).
    assert all(any(c.provision == "znpp" for c in p.changes) for p in result.alternatives)


def test_cancel_before_solving() -> None:
    scenario = _ukraine()
    token = CancelToken()
    token.cancel()
    assert token.cancelled
    result = find_bridge(scenario, scenario.drafts[0], cancel=token)
    assert result.status == "cancelled"
    assert result.proposal is None


def test_cancel_stops_a_running_search() -> None:
    from benchmarks.synthetic import synthetic_scenario

    scenario = synthetic_scenario()  # no agreement; the relax search runs to its time limit
    token = CancelToken()
    said: list[str] = []

    def progress(where: Progress) -> None:
        said.append(progress_text(where))
        if where.stage == "relax":
            threading.Timer(0.3, token.cancel).start()

    start = time.perf_counter()
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0, time_limit=60,
                         cancel=token, progress=progress)
    assert result.status == "cancelled"
    assert not result.optimal
    assert any("relax" in s for s in said)
    assert time.perf_counter() - start < 15


def test_time_limit_is_reported() -> None:
    from benchmarks.synthetic import synthetic_scenario

    scenario = synthetic_scenario(n_provisions=5000, n_parties=1, draft_clauses=1250, seed=1)
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0, time_limit=0.05)
    assert not result.optimal
    assert result.status in ("best-found", "no-proposal")
    if result.proposal is not None:
        assert _passes(scenario, scenario.drafts[0], result.proposal.clauses, ["party-01"])


def test_progress_is_reported() -> None:
    scenario = _ukraine()
    said: list[Progress] = []
    find_bridge(scenario, scenario.draft("berlin"), parties=WEST, alternatives=1,
                progress=said.append)
    # The default scenario gives every party a no-deal level (#15), so the finder first
    # looks for proposals that leave no party below it.
    assert said[:3] == [Progress("building"), Progress("no-deal"), Progress("fewest-changes")]
    assert Progress("fewest-changes", alternative=1) in said
    assert [progress_text(p) for p in said[:3]] == [
        "Building the model…",
        "Looking for proposals that leave no party worse off than no deal…",
        "Looking for the cheapest changes…"]
    assert progress_text(Progress("fairest", 2, 3)) == (
        "Alternative 2: looking for the fairest proposal with 3 changes…")


def test_frontier_is_pareto_and_marks_nash_and_egalitarian() -> None:
    scenario = _ukraine()
    draft = scenario.draft("twenty-point")
    points = frontier(scenario, draft, "ukraine", "united-states", parties=WEST)
    assert points
    sats = [p.satisfaction for p in points]
    for i, a in enumerate(sats):
        for j, b in enumerate(sats):
            if i != j:
                assert not (b[0] >= a[0] and b[1] >= a[1])
    assert sum(p.nash for p in points) == 1
    assert sum(p.egalitarian for p in points) == 1
    nash = next(p for p in points if p.nash)
    assert nash.satisfaction[0] * nash.satisfaction[1] == pytest.approx(
        max(a * b for a, b in sats))
    for p in points:
        assert _passes(scenario, draft, p.clauses, WEST)


def test_frontier_matches_brute_force_on_small_scenarios() -> None:
    for seed in range(12):
        scenario = random_scenario(seed)
        draft = scenario.drafts[0]
        a, b = scenario.parties[0].id, scenario.parties[1].id
        if not scenario.parties[0].preferences or not scenario.parties[1].preferences:
            assert frontier(scenario, draft, a, b) == ()
            continue
        achievable: set[tuple[float, float]] = set()
        for clauses in _all_drafts(scenario, draft):
            report = check(scenario, draft.model_copy(update={"clauses": clauses}))
            if report.viable:
                sa, sb = report.verdict(a).satisfaction, report.verdict(b).satisfaction
                assert sa is not None
                assert sb is not None
                achievable.add((round(sa, 9), round(sb, 9)))
        pareto = {x for x in achievable
                  if not any(y != x and y[0] >= x[0] and y[1] >= x[1] for y in achievable)}
        got = {(round(p.satisfaction[0], 9), round(p.satisfaction[1], 9))
               for p in frontier(scenario, draft, a, b)}
        assert got == pareto, seed


# --------------------------------------------------------------------------- CLI


def _run(*args: str) -> tuple[int, str]:
    out = StringIO()
    code = main(["suggest", *args], out)
    return code, out.getvalue()


def test_cli_json_feasible() -> None:
    code, text = _run(str(UKRAINE), "--draft", "twenty-point",
                      "--parties", "ukraine,europe,united-states", "--alternatives", "2",
                      "--json")
    assert code == 0
    data = json.loads(text)
    assert set(data) == {"feasible", "optimal", "status", "stance", "stance_text", "changes",
                         "cost", "draft", "satisfaction", "addressed_satisfaction",
                         "below_no_deal", "no_deal_texts",
                         "links", "link_texts", "alternatives", "notes"}
    assert data["stance"] == "assessed"  # like check, by default
    assert data["stance_text"].startswith("Under assessed floors: ")
    assert data["cost"] == 1
    assert data["below_no_deal"] == data["no_deal_texts"] == []
    assert data["feasible"] is True
    assert data["notes"] == []
    assert data["optimal"] is True
    (change,) = data["changes"]
    assert change["provision"] == "znpp"
    assert change["cost"] == 1
    assert set(change) in ({"op", "provision", "param", "value", "cost", "reason", "text"},
                           {"op", "provision", "alternative", "cost", "reason", "text"})
    # The ids and values are for scripts; "text" and "reason" are the sentences.
    assert change["reason"] == (
        "Required by Ukraine's red line ‘No Russian role at the Zaporizhzhia plant’.")
    assert change["text"] in {
        "Close the open point “Zaporizhzhia nuclear plant” on “Ukrainian formula”",
        *(f"Change {label} in “Zaporizhzhia nuclear plant” from {old} to {new}"
          for label, old, new in _znpp_operator_words())}
    assert set(data["satisfaction"]) == {"ukraine", "europe", "united-states"}
    assert len(data["alternatives"]) == 2
    assert set(data["alternatives"][0]) == {"changes", "cost", "draft", "below_no_deal"}
    clauses = data["draft"]["clauses"]
    # Canonical: a default phase and empty values are left out.
    assert clauses[0] == {"provision": "sov-reaffirm", "note": "20-pt #1"}
    rebuilt = Draft.model_validate({"id": "x", "title": "x", "clauses": clauses})
    scenario = _ukraine()
    assert _passes(scenario, scenario.draft("twenty-point"), rebuilt.clauses,
                   ["ukraine", "europe", "united-states"])


def test_cli_json_infeasible() -> None:
    code, text = _run(str(UKRAINE), "--draft", "berlin", "--json")
    assert code == 1
    data = json.loads(text)
    assert set(data) == {"feasible", "optimal", "status", "stance", "stance_text", "clash",
                         "clashes", "relax", "relax_cost", "relax_independent", "clash_texts",
                         "relax_text", "notes"}
    assert data["feasible"] is False
    assert data["optimal"] is True
    assert data["clashes"] == [data["clash"]]
    assert data["notes"] == []
    assert {(x["party"], x["red_line"]) for x in data["clash"]} in KNOWN_CLASHES
    scenario = _ukraine()
    # Under assessed floors (the default) only the five assessed floors are relaxed.
    assert [_stance(scenario, x) for x in data["relax"]] == ["assessed"] * 5
    assert all(set(x) == {"party", "red_line", "cost"} for x in data["relax"])
    # Costs from the scenario's confidences (#15) are decimals: summed in another order, they
    # may differ in the last digit.
    assert data["relax_cost"] == pytest.approx(sum(x["cost"] for x in data["relax"]))
    assert data["relax_independent"] is True
    assert data["relax_text"].endswith("; any draft gets the same answer.")
    assert len(data["clash_texts"]) == 1
    assert data["clash_texts"][0].endswith("cannot both hold.")
    assert data["relax_text"].startswith(
        f"Relaxing these {len(data['relax'])} red lines would allow an agreement: ")


def _znpp_operator_words() -> list[tuple[str, str, str]]:
    """How the 20-point draft's change of the plant's operator reads, for each one-change fix."""
    from desktop.domain.params import ChoiceParam
    from desktop.wording.bridge import in_sentence
    from desktop.wording.values import choice_label, param_label

    scenario = _ukraine()
    spec = scenario.provision("znpp").param("operator")
    assert isinstance(spec, ChoiceParam)
    old = choice_label(spec, "us-lead-three-way")
    return [(in_sentence(param_label(spec), scenario), f"“{old}”", f"“{choice_label(spec, c)}”")
            for c in ("us-ukraine-50-50", "iaea-interim")]


def test_cli_text() -> None:
    code, text = _run(str(UKRAINE), "--draft", "us-28", "--parties", ",".join(WEST),
                      "--stance", "stated")
    assert code == 0
    assert "\nUnder stated positions: every red line counts" in text
    # Ten changes for Ukraine's and Europe's floors, and the force Europe's stated line asks
    # for (#15: adding a clause costs 2).
    assert "OPTIMAL: 11 changes, cost 14" in text
    # Narrowing the amnesty (cost 1) is cheaper than removing it (cost 2).
    assert "  Change amnesty in “Amnesty for wartime acts” from " in text
    assert "[amnesty] (cost 1)\n" in text
    assert "      Required by Ukraine's red line ‘No blanket amnesty’ [ua-no-blanket-amnesty].\n" \
        in text
    # Under assessed floors (the default) the stated line does not count: ten changes.
    code, text = _run(str(UKRAINE), "--draft", "us-28", "--parties", ",".join(WEST))
    assert code == 0
    assert "\nUnder assessed floors: only the assessed red lines count" in text
    assert "OPTIMAL: 10 changes, cost 12" in text
    assert "eur-stated-" not in text
    code, text = _run(str(UKRAINE), "--stance", "stated")
    assert code == 1
    assert "  These red lines clash (drop any one and the rest can all hold):\n" in text
    assert " cannot both hold.\n" in text
    # Five assessed floors and four stated demands (#15).
    assert "  Relaxing these 9 red lines would allow an agreement:\n" in text
    assert ("  This is the least costly set of red lines to relax (cost 43.45 on the "
            "relaxation scale); any draft gets the same answer.\n") in text
    # Under assessed floors: the five floors alone, none of the stated demands.
    code, text = _run(str(UKRAINE))
    assert code == 1
    assert "  Relaxing these 5 red lines would allow an agreement:\n" in text
    assert "-stated-" not in text
    # A draft that needs nothing says so in words, with one blank line before the rest.
    code, text = _run(str(UKRAINE), "--draft", "berlin", "--parties", ",".join(WEST))
    assert code == 0
    assert ("\nNo change needed: every chosen party accepts this draft.\n\n"
            "  Satisfaction (of what the proposal addresses):\n"
            "    Ukraine: 75% of what it addresses\n") in text
    assert "0 changes" not in text
    assert "Alternative" not in text


@pytest.mark.parametrize("args", [
    ["--draft", "nope"],
    ["--parties", "ukraine,nobody"],
    ["--parties", ","],
    ["--alternatives", "-1"],
])
def test_cli_bad_input(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(str(UKRAINE), *args)
    assert code == 2
    assert text == ""
    err = capsys.readouterr().err
    assert err.startswith("accord: error: ")
    assert err.count("\n") == 1


def test_cli_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert _run(str(bad))[0] == 2
    assert _run(str(tmp_path / "missing.accord"))[0] == 2
    capsys.readouterr()


def test_result_type() -> None:
    scenario = _ukraine()
    result = find_bridge(scenario, scenario.draft("berlin"), parties=WEST, alternatives=1)
    assert isinstance(result, BridgeResult)
    assert result.proposal is not None
    assert result.proposal.cost == 0
    assert result.proposal.clauses == scenario.draft("berlin").clauses

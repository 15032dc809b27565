"""What a mediator asks next when no agreement of every party exists (#16): the largest
coalitions that can agree and what each takes, and the package once the red lines to relax are
set aside. Real solves on the mini and the default scenario; fakes for the search's order,
pruning, time limit and certificates."""

from __future__ import annotations

import time
from typing import Any

import pytest

from desktop.domain import Clause, Scenario, check
from desktop.domain.model import Stance
from desktop.domain.solver import (
    BridgeResult,
    CancelToken,
    CertificateError,
    ClashItem,
    Proposal,
    find_bridge,
)
from desktop.domain.solver.coalition import mediator_options, relaxed_scenario

PARTIES = ("ukraine", "russia", "united-states", "europe", "turkey")


def test_mini_each_party_alone(mini: Scenario) -> None:
    """Ukraine's army floor and Russia's ceiling clash: the largest coalition is one party, and
    each party gets the proposal it can accept on its own."""
    draft = mini.drafts[0]
    options = mediator_options(mini, draft, time_limit=20)
    assert options.largest == 1
    assert options.complete
    assert [o.parties for o in options.coalitions] == [("ukraine",), ("russia",)]
    ukraine, russia = options.coalitions
    assert ukraine.left_out == ("russia",)
    assert ukraine.accepts_before == {"ukraine": False, "russia": True}
    assert ukraine.accepts_after["ukraine"]
    assert not ukraine.accepts_after["russia"]
    # Russia accepts the draft's values; only the clash of guarantee and neutrality goes.
    assert russia.proposal.cost == 1
    assert russia.after["russia"] == russia.before["russia"]
    for option in options.coalitions:  # certified: the checker agrees
        candidate = draft.model_copy(update={"clauses": option.proposal.clauses})
        report = check(mini, candidate)
        assert all(report.verdict(p).acceptable for p in option.parties)


def test_mini_relaxation(mini: Scenario) -> None:
    draft = mini.drafts[0]
    result = find_bridge(mini, draft, alternatives=0)
    assert result.proven_infeasible
    options = mediator_options(mini, draft, relax=result.relax, time_limit=20)
    relaxation = options.relaxation
    assert relaxation is not None
    assert relaxation.kind == "relaxation"
    assert relaxation.parties == ("ukraine", "russia")
    assert relaxation.relaxed == result.relax
    relaxed = relaxed_scenario(mini, result.relax)
    candidate = draft.model_copy(update={"clauses": relaxation.proposal.clauses})
    assert check(relaxed, candidate).viable  # everyone accepts once the lines are relaxed
    owners = {item.party for item in result.relax}
    for party in PARTIES[:2]:  # on the real red lines only a relaxing party may still reject
        assert relaxation.accepts_after[party] or party in owners


def test_relaxed_scenario_drops_only_those_red_lines(ukraine: Scenario) -> None:
    item = ClashItem("russia", "ru-army-cap", "", "")
    relaxed = relaxed_scenario(ukraine, (item,))
    assert "ru-army-cap" not in {r.id for r in relaxed.party("russia").red_lines}
    assert len(relaxed.party("russia").red_lines) == len(ukraine.party("russia").red_lines) - 1
    assert relaxed.party("ukraine") == ukraine.party("ukraine")
    assert relaxed.party_index["russia"] is relaxed.parties[1]  # its own indexes


@pytest.mark.slow
def test_default_scenario_without_russia(ukraine: Scenario) -> None:
    """On the 28-point plan four of five parties can agree (everyone but Russia), and Russia's
    own largest coalition is listed after them."""
    draft = next(d for d in ukraine.drafts if d.id == "us-28")
    options = mediator_options(ukraine, draft, time_limit=60)
    assert options.largest == 4
    assert options.complete
    first = options.coalitions[0]
    assert first.parties == ("ukraine", "united-states", "europe", "turkey")
    assert first.left_out == ("russia",)
    assert first.accepts_after == {"ukraine": True, "russia": False, "united-states": True,
                                   "europe": True, "turkey": True}
    assert first.after["ukraine"] is not None
    assert first.before["ukraine"] is not None
    assert first.after["ukraine"] > first.before["ukraine"]
    assert any("russia" in o.parties for o in options.coalitions[1:])


@pytest.mark.parametrize("stance", ["stated", "assessed"])
def test_options_are_found_and_certified_under_the_stance(ukraine: Scenario,
                                                          stance: Stance) -> None:
    """Coalitions and the relaxation follow the view: under assessed floors (the default) no
    change is required by a stated demand and no stated demand is relaxed; under stated
    positions the coalition proposal for the 28 points adds Europe's stated force. Each option
    carries the checker's own verdicts under that view (an "accepts if" stays one)."""
    draft = ukraine.draft("us-28")
    result = find_bridge(ukraine, draft, alternatives=0, stance=stance)
    options = mediator_options(ukraine, draft, relax=result.relax, time_limit=60,
                               stance=stance)
    assert options.stance == stance
    stated_ids = {r.id for p in ukraine.parties for r in p.red_lines if r.stance == "stated"}
    first = options.coalitions[0]
    adds = {c.provision for c in first.proposal.changes if c.op == "add"}
    assert bool(adds) == (stance == "stated")
    for option in (*options.coalitions, options.relaxation):
        assert option is not None
        needs = {n.red_line for c in option.proposal.changes if c.why is not None
                 for n in c.why.needs}
        if stance == "assessed":
            assert not needs & stated_ids
            assert not {x.red_line for x in option.relaxed} & stated_ids
        candidate = draft.model_copy(update={"clauses": option.proposal.clauses})
        report = check(ukraine, candidate, stance=stance)
        assert {p: v.verdict for p, v in option.verdicts_after.items()} == {
            v.party: v.verdict for v in report.parties}
        assert option.accepts_after == {p: v.acceptable
                                        for p, v in option.verdicts_after.items()}


# --------------------------------------------------------------------------- with fakes


def proposal(clauses: tuple[Clause, ...] = ()) -> Proposal:
    return Proposal((), clauses, {}, 0)


def feasible(clauses: tuple[Clause, ...]) -> BridgeResult:
    return BridgeResult(True, True, "optimal", proposal(clauses), ())


def clash(*parties: str) -> BridgeResult:
    items = tuple(ClashItem(p, f"{p}-line", "", "") for p in parties)
    return BridgeResult(False, True, "no-agreement", None, (), clashes=(items,),
                        proven_infeasible=True)


def test_search_goes_largest_first_and_skips_proven_clashes(mini: Scenario) -> None:
    calls: list[tuple[str, ...]] = []
    draft = mini.drafts[0]
    russia_ok = tuple(c for c in draft.clauses if c.provision != "neutral")

    def fake(scenario: Scenario, d: Any, **kw: Any) -> BridgeResult:
        calls.append(tuple(kw["parties"]))
        assert kw["alternatives"] == 0
        if set(kw["parties"]) == {"ukraine", "russia"}:
            return clash("ukraine", "russia")
        if kw["parties"] == ["russia"]:
            return feasible(russia_ok)
        return clash(*kw["parties"])

    options = mediator_options(mini, draft, parties=["ukraine", "russia"], find_bridge=fake)
    # The pair was the whole question; its subsets are tried one size down.
    assert calls == [("ukraine",), ("russia",)]
    assert [o.parties for o in options.coalitions] == [("russia",)]
    assert options.largest == 1


def test_a_clash_prunes_every_coalition_containing_it(ukraine: Scenario) -> None:
    calls: list[frozenset[str]] = []
    draft = ukraine.drafts[0]

    def fake(scenario: Scenario, d: Any, **kw: Any) -> BridgeResult:
        calls.append(frozenset(kw["parties"]))
        return clash("ukraine", "russia")

    mediator_options(ukraine, draft, find_bridge=fake)
    assert calls[0] == frozenset(PARTIES[:4])  # largest first, in the scenario's order
    assert all(not {"ukraine", "russia"} <= c for c in calls[1:])  # never tried again


def test_a_proposal_the_checker_refuses_is_a_bug(ukraine: Scenario) -> None:
    draft = next(d for d in ukraine.drafts if d.id == "us-28")

    def lying(scenario: Scenario, d: Any, **kw: Any) -> BridgeResult:
        return feasible(draft.clauses)  # Ukraine and Europe reject the 28 points as they are

    with pytest.raises(CertificateError):
        mediator_options(ukraine, draft, find_bridge=lying)


def test_time_limit_and_cancel_cut_the_search_short(ukraine: Scenario) -> None:
    draft = ukraine.drafts[0]

    def slow(scenario: Scenario, d: Any, **kw: Any) -> BridgeResult:
        time.sleep(0.05)
        return BridgeResult(False, False, "no-proposal", None, ())

    options = mediator_options(ukraine, draft, find_bridge=slow, time_limit=0.12)
    assert not options.complete
    assert options.coalitions == ()
    token = CancelToken()
    token.cancel()
    options = mediator_options(ukraine, draft, find_bridge=slow, cancel=token,
                               relax=(ClashItem("russia", "ru-army-cap", "", ""),))
    assert options.cancelled
    assert options.relaxation is None

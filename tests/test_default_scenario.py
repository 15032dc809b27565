"""The default Ukraine scenario agrees with public reporting (docs/scenario-ukraine-2025.md)."""

from __future__ import annotations

import pytest

from desktop.domain import Preference, RedLine, Report, Scenario, check, parse_scenario
from desktop.resources import default_scenario_path
from desktop.wording import explanation


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return parse_scenario(default_scenario_path().read_bytes())


def crossed(report: Report, party: str) -> set[str]:
    return {v.red_line for v in report.verdict(party).violations}


def culprits(report: Report, party: str) -> set[str]:
    return {c for v in report.verdict(party).violations for c in v.clauses}


def test_it_has_what_the_product_promises(scenario: Scenario) -> None:
    parties = {p.id: p for p in scenario.parties}
    assert {"ukraine", "russia", "united-states", "europe"} <= set(parties)
    assert parties["united-states"].role in ("mediator", "guarantor")
    assert len(scenario.provisions) >= 30
    assert len({p.category for p in scenario.provisions}) >= 12
    assert [d.title for d in scenario.drafts] == [
        "US 28-point plan (Nov 2025)",
        "E3 counter-proposal (Nov 2025)",
        "Berlin framework (mid-Dec 2025)",
        "20-point framework (late Dec 2025)",
    ]
    for party in scenario.parties:
        rules: list[RedLine | Preference] = [*party.red_lines, *party.preferences]
        for rule in rules:
            assert rule.rationale, f"{party.id}/{rule.id} has no rationale"
            assert rule.sources, f"{party.id}/{rule.id} cites no source"
    # Real parameters on the provisions the talks turn on.
    assert scenario.provision("army-cap").param("personnel") is not None
    recognition = scenario.provision("terr-recognition").param("level")
    assert recognition is not None
    assert recognition.type == "choice"
    assert set(recognition.ids) == {"none", "de-facto-line", "de-facto-sovereignty",
                                        "de-jure"}
    assert scenario.provision("us-guarantee").param("years") is not None
    assert scenario.provision("znpp").param("operator") is not None


def test_the_28_point_plan_crosses_ukraine_and_europe(scenario: Scenario) -> None:
    draft = scenario.draft("us-28")
    report = check(scenario, draft)
    assert not report.verdict("ukraine").acceptable
    assert not report.verdict("europe").acceptable
    # The reported reasons: a 600k ceiling, de facto recognition, a constitutional NATO ban.
    assert draft.clause_for("army-cap") is not None
    assert draft.clause_for("army-cap").values["personnel"] == 600_000  # type: ignore[union-attr]
    assert {"army-cap", "terr-recognition", "nato-ban"} <= culprits(report, "ukraine")
    assert "army-cap" in culprits(report, "europe")
    assert report.verdict("russia").acceptable


def test_the_20_point_framework_crosses_russia(scenario: Scenario) -> None:
    draft = scenario.draft("twenty-point")
    report = check(scenario, draft)
    assert not report.verdict("russia").acceptable
    # Foreign troops, no withdrawal from Donbas, an 800k ceiling.
    assert draft.clause_for("army-cap").values["personnel"] == 800_000  # type: ignore[union-attr]
    assert {"army-cap", "mnf-ukraine", "donbas-zone"} <= culprits(report, "russia")
    assert report.verdict("europe").acceptable
    assert report.verdict("united-states").acceptable


@pytest.mark.parametrize("draft_id", ["us-28", "e3-counter", "berlin", "twenty-point"])
def test_no_draft_is_viable(scenario: Scenario, draft_id: str) -> None:
    report = check(scenario, scenario.draft(draft_id))
    assert not report.viable
    for verdict in report.parties:
        for v in verdict.violations:
            assert explanation(v.reasons)


def test_each_partys_red_lines_can_be_met_on_their_own(scenario: Scenario) -> None:
    """The clash is between parties, never inside one party's own lines."""
    met_somewhere = {
        p.id for p in scenario.parties
        if any(check(scenario, d).verdict(p.id).acceptable for d in scenario.drafts)
    }
    assert met_somewhere == {p.id for p in scenario.parties}

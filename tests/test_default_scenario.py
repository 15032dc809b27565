"""The default Ukraine scenario agrees with public reporting (docs/scenario-ukraine-2025.md)."""

from __future__ import annotations

import itertools
from typing import Literal

import pytest

from desktop.domain import (
    Draft,
    Preference,
    RedLine,
    Report,
    Scenario,
    check,
    parse_scenario,
    scenario_from_dict,
    scenario_to_dict,
)
from desktop.domain.model import Value
from desktop.domain.params import ChoiceParam
from desktop.resources import default_scenario_path
from desktop.wording import explanation

Stance = Literal["stated", "assessed"]
STANCES: tuple[Stance, ...] = ("stated", "assessed")


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


# ------------------------------------------------------------------ the negotiation model (#15)


def test_every_party_has_a_no_deal_level(scenario: Scenario) -> None:
    levels = {p.id: p.no_deal for p in scenario.parties}
    assert levels == {"ukraine": 0.25, "russia": 0.15, "united-states": 0.3, "europe": 0.25,
                      "turkey": 0.2}


def test_stances_stated_demands_beside_assessed_floors(scenario: Scenario) -> None:
    stated = {p.id: {r.id for r in p.red_lines if r.stance == "stated"}
              for p in scenario.parties}
    # Russia's maximal public demands (the June 2025 memorandum, Ushakov, Ryabkov, Putin).
    assert stated["russia"] == {
        "ru-donbas-russian-control", "ru-stated-de-jure-four-regions",
        "ru-stated-withdrawal-before-ceasefire", "ru-stated-neutrality",
        "ru-stated-weapons-caps", "ru-stated-official-language", "ru-stated-sanctions-lifted",
        "ru-stated-claims-waived", "ru-stated-elections-first"}
    # Where Ukraine's and Europe's sources differ from the floor.
    assert stated["ukraine"] == {"ua-stated-no-claims-waiver"}
    assert stated["europe"] == {"eur-stated-reassurance-force"}
    assert stated["united-states"] == stated["turkey"] == set()
    for party in scenario.parties:
        for r in party.red_lines:
            assert 0 < r.confidence < 1, f"{r.id}: no confidence given"
            # A public maximum binds less surely than the floor the model assesses.
            if r.stance == "stated":
                assert r.confidence <= 0.6, r.id
    # Russia's floors as the model used them before #15 stay assessed.
    floors = {r.id for r in scenario.party("russia").red_lines if r.stance == "assessed"}
    assert {"ru-donbas-withdrawal-first", "ru-recognition", "ru-nato-ban-binding",
            "ru-no-foreign-troops", "ru-army-cap", "ru-language-church",
            "ru-sanctions-no-confiscation", "ru-final-settlement",
            "ru-donbas-russian-admin"} == floors


def test_the_20_point_framework_leaves_12_and_14_open(scenario: Scenario) -> None:
    draft = scenario.draft("twenty-point")
    znpp = draft.clause_for("znpp")
    zone = draft.clause_for("donbas-zone")
    assert znpp is not None
    assert zone is not None
    assert [a.label for a in znpp.alternatives] == ["US formula", "Ukrainian formula"]
    assert [a.values["operator"] for a in znpp.alternatives] == ["us-lead-three-way",
                                                                 "us-ukraine-50-50"]
    assert [a.label for a in zone.alternatives] == ["Free economic zone", "Demilitarised zone"]
    assert [c.provision for c in draft.clauses if c.alternatives] == ["znpp", "donbas-zone"]
    for other in scenario.drafts[:3]:
        assert not any(c.alternatives for c in other.clauses)


def test_the_review_corrections_hold(scenario: Scenario) -> None:
    us28 = scenario.draft("us-28")
    twenty = scenario.draft("twenty-point")
    # 28-pt #19: the electricity is split 50:50; the operator is a separate, unset question.
    plant = us28.clause_for("znpp")
    assert plant is not None
    assert plant.values["electricity"] == "russia-ukraine-50-50"
    assert plant.values["operator"] == "not-set"
    # 20-pt #13: EU rules on religious tolerance and minority languages.
    rights = twenty.clause_for("tolerance-minorities")
    assert rights is not None
    assert rights.values["model"] == "eu-minority-rules"
    # 20-pt #5: NATO is a guarantor; the guarantee says who assesses a breach and who decides.
    assert twenty.clause_for("nato-guarantee") is not None
    guarantee = scenario.provision("us-guarantee")
    assert guarantee.param("breach_assessment") is not None
    assert guarantee.param("response_decision") is not None
    # Missing provisions, now in the library.
    for pid in ("neutral-status", "war-claims", "limited-ceasefire"):
        scenario.provision(pid)
    trigger = scenario.provision("ceasefire").param("trigger")
    assert isinstance(trigger, ChoiceParam)
    assert "start-of-ua-withdrawal" in trigger.ids
    holder = scenario.provision("frozen-assets").param("holder")
    assert holder is not None
    assert holder.default == "eu-institutions"
    # Unsupported claims: the 28 points name no police force for the zone.
    zone = us28.clause_for("donbas-zone")
    assert zone is not None
    assert zone.values["policing"] == "not-set"
    withdrawal = scenario.draft("berlin").clause_for("ru-withdraw-other")
    assert withdrawal is not None
    assert withdrawal.note.startswith("(inferred)")


# ------------------------------------------------------------------ verdicts under both stances

A = "accepts"
R = "rejects"
IF = "accepts-if"
PARTIES = ("ukraine", "russia", "united-states", "europe", "turkey")

#: Each draft's verdicts, read from the rules (docs/scenario-ukraine-2025.md has the table and
#: its sources). Why each holds:
#: - us-28: Ukraine crosses nine assessed floors (de facto recognition, the zone's handover and
#:   conditions, 600k, no timing for the other oblasts, the 50:50 electricity, the vote after a
#:   ceasefire on pullbacks, the constitutional NATO ban, the full amnesty) and Europe six (border
#:   change, territory before guarantees, 600k, no NATO troops, the asset profit scheme, the
#:   non-expansion clause); Europe's stated reassurance force is missing too. Russia's floors hold
#:   (de facto sovereignty, full withdrawal with a ceasefire after pullbacks, a zone under
#:   Russian administration without a referendum, 600k, phased relief), but none of its nine
#:   stated demands does (de jure over four regions, Rosgvardia, neutrality, weapons caps, ...).
#: - e3-counter: Russia crosses all eight floors it reads (no Donbas withdrawal, de facto line
#:   only, NATO by allied consensus, no ban on the coalition, 800k, no language clause, frozen
#:   assets, ceasefire on agreement) and, stated, its maximum. Europe's own text has no
#:   reassurance force, so Europe rejects it only under its stated line.
#: - berlin: Ukraine's and Europe's positions hold under both stances; Russia crosses every
#:   floor (nine: a Ukrainian-administered zone with a referendum as well).
#: - twenty-point: Ukraine accepts if §12 is closed on the Ukrainian formula (the US three-way
#:   formula gives Russia a role); §14 does not matter to anyone's red lines. Russia crosses
#:   eight floors (the EU minority rules of #13 now meet its language floor).
VERDICTS: dict[tuple[str, Stance], tuple[str, str, str, str, str]] = {
    ("us-28", "stated"): (R, R, A, R, A),
    ("us-28", "assessed"): (R, A, A, R, A),
    ("e3-counter", "stated"): (A, R, A, R, A),
    ("e3-counter", "assessed"): (A, R, A, A, A),
    ("berlin", "stated"): (A, R, A, A, A),
    ("berlin", "assessed"): (A, R, A, A, A),
    ("twenty-point", "stated"): (IF, R, A, A, A),
    ("twenty-point", "assessed"): (IF, R, A, A, A),
}

#: The red lines each rejecting party crosses (under some alternative of an open point).
RU_FLOORS = {"ru-army-cap", "ru-donbas-withdrawal-first", "ru-final-settlement",
             "ru-language-church", "ru-nato-ban-binding", "ru-no-foreign-troops",
             "ru-recognition", "ru-sanctions-no-confiscation"}
RU_STATED = {"ru-stated-claims-waived", "ru-stated-de-jure-four-regions",
             "ru-stated-elections-first", "ru-stated-neutrality", "ru-stated-official-language",
             "ru-stated-sanctions-lifted", "ru-stated-weapons-caps",
             "ru-stated-withdrawal-before-ceasefire"}
UA_US28 = {"ua-army-800k", "ua-donbas-conditions", "ua-no-blanket-amnesty",
           "ua-no-constitutional-nato-ban", "ua-no-handover", "ua-no-recognition",
           "ua-russia-leaves-other-oblasts", "ua-vote-after-ceasefire", "ua-znpp-no-russia"}
EUR_US28 = {"eur-army-800k", "eur-assets-immobilised", "eur-force-inside-ukraine",
            "eur-nato-consensus", "eur-no-border-change-by-force",
            "eur-territory-after-guarantees"}
CROSSED: dict[tuple[str, Stance], dict[str, set[str]]] = {
    ("us-28", "stated"): {"ukraine": UA_US28,
                          "russia": RU_STATED | {"ru-donbas-russian-control"},
                          "europe": EUR_US28 | {"eur-stated-reassurance-force"}},
    ("us-28", "assessed"): {"ukraine": UA_US28, "europe": EUR_US28},
    ("e3-counter", "stated"): {"russia": RU_FLOORS | RU_STATED,
                               "europe": {"eur-stated-reassurance-force"}},
    ("e3-counter", "assessed"): {"russia": RU_FLOORS},
    ("berlin", "stated"): {"russia": RU_FLOORS | RU_STATED | {"ru-donbas-russian-admin",
                                                              "ru-donbas-russian-control"}},
    ("berlin", "assessed"): {"russia": RU_FLOORS | {"ru-donbas-russian-admin"}},
    ("twenty-point", "stated"): {
        "ukraine": {"ua-znpp-no-russia"},
        "russia": (RU_FLOORS - {"ru-language-church"}) | RU_STATED
        | {"ru-donbas-russian-admin", "ru-donbas-russian-control"}},
    ("twenty-point", "assessed"): {
        "ukraine": {"ua-znpp-no-russia"},
        "russia": (RU_FLOORS - {"ru-language-church"}) | {"ru-donbas-russian-admin"}},
}


@pytest.mark.parametrize(("draft_id", "stance"), list(VERDICTS))
def test_each_drafts_verdicts_under_both_stances(scenario: Scenario, draft_id: str,
                                                 stance: Stance) -> None:
    report = check(scenario, scenario.draft(draft_id), stance=stance)
    assert tuple(report.verdict(p).verdict for p in PARTIES) == VERDICTS[draft_id, stance]
    assert {p: crossed(report, p) for p in PARTIES if crossed(report, p)} == \
        CROSSED[draft_id, stance]
    # Russia rejects every draft, so none is viable, nor viable if its open points close.
    assert not report.viable
    assert report.viable_if is None
    for verdict in report.parties:
        for v in verdict.violations:
            assert explanation(v.reasons)


@pytest.mark.parametrize("stance", STANCES)
def test_ukraine_accepts_the_20_points_on_the_ukrainian_plant_formula(
        scenario: Scenario, stance: Stance) -> None:
    report = check(scenario, scenario.draft("twenty-point"), stance=stance)
    ukraine = report.verdict("ukraine")
    assert ukraine.accepts_if == (("znpp", 1, "Ukrainian formula"),)
    assert ukraine.acceptance_chance == pytest.approx(0.5)  # ua-znpp-no-russia: confidence 0.5


def _view(scenario: Scenario, stance: Stance) -> Scenario:
    """The scenario with only the red lines that count under ``stance``, all marked assessed,
    so that any checker counts exactly them."""
    parties = tuple(
        p.model_copy(update={"red_lines": tuple(
            r.model_copy(update={"stance": "assessed"}) for r in p.red_lines
            if stance == "stated" or r.stance == "assessed")})
        for p in scenario.parties)
    return scenario_from_dict(scenario_to_dict(scenario.model_copy(update={"parties": parties})))


def _settlements(draft: Draft) -> list[Draft]:
    """The draft with its open points closed every possible way."""
    open_at = [i for i, c in enumerate(draft.clauses) if c.alternatives]
    out = []
    for combo in itertools.product(*(range(len(draft.clauses[i].alternatives))
                                     for i in open_at)):
        clauses = list(draft.clauses)
        for i, a in zip(open_at, combo, strict=True):
            clauses[i] = clauses[i].settled(a)
        out.append(draft.model_copy(update={"clauses": tuple(clauses)}))
    return out


@pytest.mark.parametrize(("draft_id", "stance"), list(VERDICTS))
def test_the_pinned_verdicts_follow_from_filtering_the_red_lines(
        scenario: Scenario, draft_id: str, stance: Stance) -> None:
    """The table again, by the definition: keep the lines the stance counts, close the open
    points every way, and read acceptance off each settled draft."""
    view = _view(scenario, stance)
    settled = [check(view, d) for d in _settlements(view.draft(draft_id))]
    words = []
    for p in PARTIES:
        ok = [r.verdict(p).acceptable for r in settled]
        words.append(A if all(ok) else IF if any(ok) else R)
    assert tuple(words) == VERDICTS[draft_id, stance]


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
    # Russia's floors hold (Putin: "a possible basis"); its public maximum does not.
    assert report.verdict("russia").acceptable
    assert not check(scenario, draft, stance="stated").verdict("russia").acceptable


def test_the_20_point_framework_crosses_russia(scenario: Scenario) -> None:
    draft = scenario.draft("twenty-point")
    report = check(scenario, draft)
    assert not report.verdict("russia").acceptable
    # Foreign troops, no withdrawal from Donbas, an 800k ceiling.
    assert draft.clause_for("army-cap").values["personnel"] == 800_000  # type: ignore[union-attr]
    assert {"army-cap", "mnf-ukraine", "donbas-zone"} <= culprits(report, "russia")
    assert report.verdict("europe").acceptable
    assert report.verdict("united-states").acceptable


def _russias_maximum(scenario: Scenario) -> Draft:
    """The 28 points pushed to every public demand of Russia's."""
    draft = scenario.draft("us-28")
    changed: dict[str, dict[str, Value]] = {
        "terr-recognition": {"level": "de-jure", "scope": "crimea-and-four-regions"},
        "donbas-zone": {"policing": "russian-national-guard"},
        "ceasefire": {"trigger": "after-ua-donbas-withdrawal"},
        "foreign-troops-limit": {"scope": "no-foreign-forces"},
        "army-cap": {"weapons_limits": True},
        "sanctions-relief": {"stage": "full-lifting", "no_new_sanctions": True},
        "elections": {"sequence": "before-final-treaty"},
    }
    clauses = [c.model_copy(update={"values": {**c.values, **changed.get(c.provision, {})}})
               for c in draft.clauses if c.provision != "south-freeze"]
    added: dict[str, dict[str, Value]] = {"neutral-status": {}, "russian-language-church": {},
             "war-claims": {"settlement": "mutual-waiver"}}
    clauses += [clauses[0].model_copy(update={"provision": pid, "values": values, "note": ""})
                for pid, values in added.items()]
    return draft.model_copy(update={"id": "maximum", "clauses": tuple(clauses)})


@pytest.mark.parametrize("stance", STANCES)
def test_each_partys_red_lines_can_be_met_on_their_own(scenario: Scenario,
                                                       stance: Stance) -> None:
    """The clash is between parties, never inside one party's own lines: under each stance,
    every party accepts some draft; for Russia's stated demands, which no draft meets, the 28
    points pushed to its maximum."""
    drafts = [*scenario.drafts, _russias_maximum(scenario)]
    met_somewhere = {
        p.id for p in scenario.parties
        if any(check(scenario, d, stance=stance).verdict(p.id).acceptable for d in drafts)
    }
    assert met_somewhere == {p.id for p in scenario.parties}
    if stance == "stated":
        assert not any(check(scenario, d, stance="stated").verdict("russia").acceptable
                       for d in scenario.drafts)

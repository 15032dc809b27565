"""Every sentence of desktop.wording.reasons and desktop.wording.changes goes through the
translation hook: under the pseudo-translation each one reads "⟦…⟧" around all its words but
those the scenario brings (titles, names, labels, units), for every reason and condition shape,
every change kind and every verdict move; and the English they read is unchanged (the exact
sentences are pinned in tests/test_explanations.py, test_bridge_wording.py, test_wording.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain import Report, Scenario, check
from desktop.domain.checker import Conflict
from desktop.domain.reasons import InDraft, Missing, PremiseFails, Reason
from desktop.domain.rules import parse
from desktop.domain.syntax import Compare, Lit, Present, Ref
from desktop.wording.reasons import (
    condition_text,
    conflict_text,
    detail,
    explanation,
    reason_text,
    report_counts,
    report_summary,
)
from tests.test_explanations import Clauses
from tests.test_explanations import scenario as shapes
from tests.wording_pseudo import data_words, leftover_words, pseudo_translation


def bare(text: str, scenario: Scenario) -> list[str]:
    """The words of ``text`` that skipped the hook, besides the scenario's (but for the words of
    its rules: "and", "or", "not" are the wording's to translate)."""
    return leftover_words(text, allowed(scenario))


def allowed(scenario: Scenario) -> set[str]:
    dump = scenario.model_dump()
    for party in dump["parties"]:
        for line in party["red_lines"]:
            line["rule"] = ""
    return data_words(dump)


# --------------------------------------------------------------------------- reasons

LATE: Clauses = [("ceasefire", 2), ("amnesty", 1)]  # the ceasefire after the amnesty
EARLY: Clauses = [("ceasefire", 1), ("amnesty", 2)]
SAME: Clauses = [("ceasefire", 1), ("amnesty", 1)]
ARMY: Clauses = ["army-cap"]
SECOND: Clauses = [("ceasefire", 2)]

#: Each shape of red line (tests/test_explanations.py's scenario), crossed by a draft.
CROSSED: list[tuple[str, Clauses]] = [
    ("guarantee", ["army-cap"]),
    ("not amnesty", ["amnesty"]),
    *[(f"army-cap.personnel {op} 600000", ARMY) for op in (">", "<", "!=")],
    *[(f"army-cap.personnel {op} 800000", ARMY) for op in (">=", "==")],
    ("army-cap.personnel <= 500000", ["army-cap"]),
    ('zone.policing == "ukrainian-police"', ["zone"]),
    ('zone.policing != "russian-national-guard"', ["zone"]),
    ("zone.mirrored == true", ["zone"]),
    ("zone.mirrored != false", ["zone"]),
    ("guarantee.armed == true", ["guarantee"]),
    ('zone.policing in ["ukrainian-police", "joint-patrols"]', ["zone"]),
    ('not (zone.policing in ["russian-national-guard", "joint-patrols"])', ["zone"]),
    *[(f"ceasefire.phase {op} 1", SECOND) for op in ("<=", "<", "==")],
    *[(f"ceasefire.phase {op} 3", SECOND) for op in (">=", ">")],
    ("ceasefire.phase != 2", [("ceasefire", 2)]),
    *[(f"ceasefire.phase {op} amnesty.phase", LATE) for op in ("<", "<=", "==")],
    *[(f"ceasefire.phase {op} amnesty.phase", EARLY) for op in (">", ">=")],
    ("ceasefire.phase != amnesty.phase", SAME),
    ("guarantee.years >= army-cap.personnel", ["army-cap", "guarantee"]),
    ("guarantee.years == army-cap.personnel", ["army-cap", "guarantee"]),
    ("guarantee.years >= 20", ["army-cap"]),
    ("guarantee.years != 15", ["army-cap"]),
    ('zone.policing in ["ukrainian-police", "joint-patrols"]', ["army-cap"]),
    ("at_least(2, guarantee, monitoring, ceasefire)", ["ceasefire"]),
    ("at_least(2, guarantee, monitoring, ceasefire)", ["army-cap"]),
    ("at_least(1, guarantee, monitoring)", ["army-cap"]),
    ("at_most(1, guarantee, monitoring, ceasefire)", ["guarantee", "monitoring"]),
    ("not at_most(1, guarantee, monitoring)", ["army-cap"]),
    ("guarantee and monitoring", ["army-cap"]),
    ("guarantee or army-cap.personnel >= 800000", ["army-cap"]),
    ("guarantee or not amnesty or army-cap.personnel != 600000 or zone.mirrored == true",
     ["army-cap", "amnesty", "zone"]),
    ('monitoring or not (zone.policing in ["russian-national-guard"])', ["zone"]),
    ("monitoring or (zone.policing == \"ukrainian-police\" or ceasefire)", ["zone"]),
    ("at_least(2, guarantee, monitoring, ceasefire) or guarantee.armed == true", ["army-cap"]),
    ("at_most(0, guarantee, monitoring) or guarantee", ["monitoring"]),
    ("monitoring or not (zone -> amnesty)", ["army-cap"]),
    ("army-cap -> army-cap.personnel >= 800000", ["army-cap"]),
    ("zone -> monitoring", ["zone"]),
    ("zone -> guarantee.years >= 20", ["zone"]),
    ("zone -> (army-cap -> monitoring)", ["zone", "army-cap"]),
    ('zone -> (zone.policing == "ukrainian-police" and zone.mirrored == true)', ["zone"]),
    ("zone -> ceasefire.phase <= 1", ["zone", ("ceasefire", 2)]),
    ("zone -> not amnesty", ["zone", "amnesty"]),
    ("zone -> (monitoring or guarantee)", ["zone"]),
    ("zone -> at_least(1, guarantee, monitoring)", ["zone"]),
    ("not (zone -> amnesty)", ["army-cap"]),
    ("not (guarantee and army-cap)", ["guarantee", "army-cap"]),
]


@pytest.mark.parametrize("party", ["Ukraine", "European states"])
@pytest.mark.parametrize(("rule", "clauses"), CROSSED)
def test_every_explanation_goes_through_the_hook(rule: str, clauses: Clauses,
                                                  party: str) -> None:
    s = shapes(rule, clauses, party)
    report = check(s, s.drafts[0])
    (violation,) = report.parties[0].violations
    english = explanation(violation.reasons, s, party)  # kept with the scenario...
    with pseudo_translation():
        text = explanation(violation.reasons, s, party)  # ... and worded again here
        one_by_one = [reason_text(r, s, party) for r in violation.reasons]
        unnamed = explanation(violation.reasons)  # no scenario: words from the ids
    assert text != english
    assert bare(text, s) == []
    for sentence in one_by_one:
        assert bare(sentence, s) == []
    assert bare(unnamed, s) == []
    assert explanation(violation.reasons, s, party) == english  # English again afterwards


def test_reasons_built_by_hand_go_through_the_hook() -> None:
    """Shapes no rule of the test scenario produces: two provisions missing at once (with and
    without a setting), a red line nobody holds, a plural subject that fails a premise."""
    s = shapes("amnesty", [])
    years = Compare(Ref("guarantee", "years"), ">=", Lit(20))
    reasons: list[Reason] = [
        Missing(("guarantee", "monitoring")),
        Missing(("guarantee", "monitoring"), needed_for=years),
        Missing(("guarantee",), needed_for=years),
        InDraft("amnesty"),
        PremiseFails(Present("zone")),
    ]
    with pseudo_translation():
        texts = [reason_text(r, s, party) for r in reasons
                 for party in ("Ukraine", "European states", None)]
        texts += [reason_text(r) for r in reasons]
    assert len(texts) == 20
    for text in texts:
        assert bare(text, s) == [], text


@pytest.mark.parametrize("rule", [
    "zone", "not zone", "army-cap.personnel >= 800000", "army-cap.personnel > 800000",
    "army-cap.personnel <= 800000", "army-cap.personnel < 800000",
    "army-cap.personnel == 800000", "army-cap.personnel != 800000",
    "army-cap.personnel >= guarantee.years", "ceasefire.phase == amnesty.phase",
    'zone.policing in ["ukrainian-police", "joint-patrols"]',
    'not (zone.policing in ["ukrainian-police"])', "zone.mirrored == true",
    *[f"ceasefire.phase {op} 2" for op in (">=", ">", "<=", "<", "==", "!=")],
    "at_least(2, guarantee, monitoring, ceasefire)", "at_most(1, guarantee, monitoring)",
    "guarantee or monitoring", "guarantee and monitoring and ceasefire", "zone -> monitoring",
    "not (guarantee and monitoring)", "not (zone -> (guarantee or not monitoring))",
])
def test_every_condition_goes_through_the_hook(rule: str) -> None:
    s = shapes("amnesty", [])
    with pseudo_translation():
        text = condition_text(parse(rule), s)
        unnamed = condition_text(parse(rule))
    assert bare(text, s) == []
    assert bare(unnamed, s) == []


def test_conflicts_and_summaries_go_through_the_hook() -> None:
    s = shapes("guarantee", ["amnesty", "monitoring"])
    report = check(s, s.drafts[0])
    (conflict,) = report.conflicts
    reports = [report, replace(report, conflicts=()), replace(report, viable=True, conflicts=()),
               replace(report, conflicts=(conflict, Conflict(("guarantee", "zone")))),
               replace(report, viable_if=())]
    with pseudo_translation():
        texts = [conflict_text(conflict, s), conflict_text(conflict)]
        texts += [report_summary(r) for r in reports] + [report_counts(r) for r in reports]
    for text in texts:
        assert bare(text, s) == [], text
    assert [report_summary(r) for r in reports] == [
        "Not viable: 0 of 1 party accept, 1 conflict",
        "Not viable: 0 of 1 party accept",
        "Viable: 0 of 1 party accept",
        "Not viable: 0 of 1 party accept, 2 conflicts",
        "Viable if its open points are closed a certain way: 0 of 1 party accept, 1 conflict",
    ]


def test_the_default_scenario_explains_every_violation_through_the_hook(
        ukraine: Scenario) -> None:
    words = allowed(ukraine)
    seen = 0
    with pseudo_translation():
        for draft in ukraine.drafts:
            report: Report = check(ukraine, draft)
            assert leftover_words(report_summary(report), words) == []
            for verdict in report.parties:
                for violation in verdict.violations:
                    text = explanation(violation.reasons, ukraine, verdict.name)
                    assert leftover_words(text, words) == [], text
                    seen += 1
            for conflict in report.conflicts:
                assert leftover_words(conflict_text(conflict, ukraine), words) == []
    assert seen > 10


def test_the_machine_form_is_not_translated() -> None:
    """``check --json``'s ``detail`` stays as the rule language writes it, for scripts."""
    with pseudo_translation():
        assert detail([InDraft("amnesty")]) == "amnesty is in the draft"

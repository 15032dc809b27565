"""Every sentence of desktop.wording.reasons and desktop.wording.changes goes through the
translation hook: under the pseudo-translation each one reads "⟦…⟧" around all its words but
those the scenario brings (titles, names, labels, units), for every reason and condition shape,
every change kind and every verdict move; and the English they read is unchanged (the exact
sentences are pinned in tests/test_explanations.py, test_bridge_wording.py, test_wording.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

import pytest

from desktop.domain import Report, Scenario, check
from desktop.domain.checker import Conflict
from desktop.domain.reasons import InDraft, Missing, PremiseFails, Reason
from desktop.domain.rules import parse
from desktop.domain.solver import Change, ClashItem, Proposal
from desktop.domain.solver.coalition import Option, Options
from desktop.domain.syntax import Compare, Lit, Present, Ref
from desktop.wording.changes import (
    coalition_progress,
    describe_change,
    draft_notice,
    notice_entry,
    option_label,
    options_summary,
    satisfaction_move,
    satisfaction_words,
    verdict_changes,
    verdict_move_word,
    verdict_word,
)
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


# --------------------------------------------------------------------------- changes


def _set(provision: str, param: str | None, value: Any) -> Change:
    return Change("set", provision, param=param, value=value)


CHANGES = [
    _set("army-cap", "personnel", 800000), _set("army-cap", "personnel", 500000),
    _set("army-cap", "personnel", None), _set("army-cap", "unknown_param", 3),
    _set("army-cap", None, 3), _set("zone", "policing", "ukrainian-police"),
    _set("zone", "mirrored", True), _set("guarantee", "armed", True),
    _set("guarantee", "years", 20), _set("monitoring", "joint_patrols", "ukrainian-police"),
    Change("add", "guarantee"), Change("remove", "amnesty"), Change("phase", "ceasefire", phase=2),
]


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_goes_through_the_hook(change: Change) -> None:
    s = shapes("amnesty", ["army-cap", "zone", "guarantee", "amnesty", "ceasefire"])
    draft = s.drafts[0]
    english = describe_change(change, "panel", s, draft)
    with pseudo_translation():
        texts = [describe_change(change, style, s, d) for style in ("panel", "terminal")
                 for d in (draft, None)]
        texts.append(describe_change(change))
    assert english != texts[0]
    for text in texts:
        assert bare(text, s) == [], text
    assert describe_change(change, "terminal", s, draft) == f"{english} [{change.provision}]"


def _reports(scenario: Scenario) -> dict[str, Report]:
    return {d.id: check(scenario, d) for d in scenario.drafts}


def test_verdict_changes_and_notices_go_through_the_hook(ukraine: Scenario) -> None:
    """Between each two drafts of the default scenario: parties that now accept, now reject
    (with the other red lines counted), now accept if an open point is closed a certain way,
    and those whose crossed red lines or satisfaction moved."""
    reports = _reports(ukraine)
    drafts = {d.id: d for d in ukraine.drafts}
    pairs = [(a, b) for a in reports for b in reports]
    english = [s for a, b in pairs for s in verdict_changes(reports[a], reports[b], ukraine,
                                                             draft=drafts[b])]
    for branch in ("now accepts.", "now rejects: ", "other red lines", "now accepts if",
                   "Also: ", "red lines crossed (was", "satisfaction ", "No verdict changed."):
        assert any(branch in s for s in english), branch
    words = allowed(ukraine)
    with pseudo_translation():
        for a, b in pairs:
            for why in (True, False):
                for text in verdict_changes(reports[a], reports[b], ukraine, why, drafts[b]):
                    assert leftover_words(text, words) == [], text
            changes = verdict_changes(reports[a], reports[b], None, False)
            assert leftover_words(" ".join(changes), words) == []
            for undone in (False, True):
                entry = notice_entry(changes, describe_change(Change("add", "ceasefire"),
                                                               "panel", ukraine), undone, "19:04")
                assert leftover_words(entry, words) == [], entry
            assert leftover_words(draft_notice(drafts[b].title, reports[b]), words) == []
        assert leftover_words(draft_notice("Berlin framework", None), words) == []
        assert verdict_changes(None, reports["berlin"]) == ()
    assert notice_entry(("Russia now accepts.",), "Add “X”", True, "19:05") == (
        "19:05 · Undo: Add “X” · Russia now accepts.")


def test_verdicts_and_satisfaction_go_through_the_hook(ukraine: Scenario) -> None:
    reports = _reports(ukraine)
    drafts = {d.id: d for d in ukraine.drafts}
    words = allowed(ukraine)
    ukraine_party = ukraine.party_index["ukraine"]
    before = reports["us-28"].verdict("ukraine")  # rejects
    after = reports["twenty-point"].verdict("ukraine")  # accepts if
    accepts = reports["berlin"].verdict("ukraine")
    unaddressed = replace(accepts, coverage=(0, 0))
    none_addressed = replace(accepts, addressed_satisfaction=None)
    above = replace(accepts, addressed_satisfaction=0.9)
    pairs = [(before, after), (after, accepts), (accepts, accepts), (before, unaddressed),
             (before, none_addressed), (before, above), (none_addressed, before)]
    with pseudo_translation():
        texts = [verdict_word(True), verdict_word(False), satisfaction_words(None),
                 satisfaction_words(0.5), satisfaction_words(0.1, ukraine_party),
                 satisfaction_words(0.5, ukraine_party)]
        for old, new in pairs:
            for party in (ukraine_party, None):
                texts.append(satisfaction_move(
                    "Ukraine", 0.2, 0.6, False, True, party, verdicts=(old, new),
                    drafts=(drafts["us-28"], drafts["twenty-point"]), scenario=ukraine))
        for b, a in ((0.2, 0.6), (None, 0.6), (0.2, None), (None, None), (0.1, 0.1)):
            for accepted, accepts_now in ((False, True), (True, True), (True, False)):
                texts.append(satisfaction_move("Ukraine", b, a, accepted, accepts_now,
                                               ukraine_party))
        for report in reports.values():
            texts += [verdict_move_word(v, drafts[report.draft], ukraine)
                      for v in report.parties]
    for text in texts:
        assert leftover_words(text, words) == [], text


def _option(kind: Literal["coalition", "relaxation"], parties: tuple[str, ...],
            left_out: tuple[str, ...], relaxed: int, cost: int) -> Option:
    items = tuple(ClashItem("russia", f"line-{i}", "", "") for i in range(relaxed))
    return Option(kind, parties, left_out, items, Proposal((), (), {}, cost), {}, {}, {}, {},
                  True)


def test_mediator_options_go_through_the_hook(ukraine: Scenario) -> None:
    four = _option("coalition", ("ukraine", "europe", "united-states", "turkey"), ("russia",),
                   0, 12)
    three = _option("coalition", ("ukraine", "europe", "turkey"), ("russia", "united-states"),
                    0, 1)
    relax = _option("relaxation", ("ukraine", "russia"), (), 9, 17)
    one = _option("relaxation", ("ukraine", "russia"), (), 1, 1)
    summaries = [Options((four, three), 4, True, relax), Options((four,), 4, False, None),
                 Options((), None, True, None), Options((), None, False, one),
                 Options((), None, True, one)]
    words = allowed(ukraine)
    with pseudo_translation():
        texts = [option_label(o, s) for o in (four, three, relax, one) for s in (ukraine, None)]
        texts += [options_summary(o, 5, ukraine) for o in summaries]
        texts += [coalition_progress(size) for size in (0, 1, 4)]
    for text in texts:
        assert leftover_words(text, words) == [], text
    assert option_label(four, ukraine) == "4 of 5 agree (12 changes), without Russia"
    assert option_label(one, ukraine) == "Relax 1 red line (1 change)"
    assert options_summary(summaries[0], 5, ukraine) == (
        "The largest group that can agree is 4 of 5 parties (without Russia). Relaxing 9 red "
        "lines would let all 5 agree. Choose a proposal below to see what it takes.")
    assert coalition_progress(4) == "No agreement of all: trying groups of 4 parties…"

"""desktop.wording, the one home for the words and colours a person sees: values, counts,
labels, change descriptions in both styles, why a draft fails (reasons, conflicts, a report's
summary), the palette; Qt-free and above the domain only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest

from desktop.domain import Provision, Scenario, Value
from desktop.domain.checker import Conflict, PartyVerdict, Report
from desktop.domain.reasons import (
    Comparison,
    Fact,
    InDraft,
    Membership,
    Missing,
    NoneHolds,
    PremiseFails,
    Reason,
    Required,
    Tally,
)
from desktop.domain.rules import Compare, Lit, Ref, check_rule, parse
from desktop.domain.solver import Change, Gain, Need, Note, NoteKind, Why
from desktop.wording import (
    BRIEFING_KIND_LABELS,
    KIND_LABELS,
    KIND_LETTERS,
    ROLE_LABELS,
    change_reason,
    clause_text,
    conflict_text,
    count,
    describe_change,
    detail,
    explanation,
    format_value,
    literal,
    note_text,
    palette,
    percent,
    plain_value,
    plural,
    provision_name,
    reason_text,
    report_summary,
    rule_error_text,
    short_name,
    status_words,
)

ROOT = Path(__file__).parent.parent
WORDING = ROOT / "desktop" / "wording"
HEX = re.compile(r"#[0-9A-F]{6}")

# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(("value", "text"), [
    (True, "yes"),
    (False, "no"),
    (0, "0"),
    (7, "7"),
    (800000, "800,000"),
    (-1500, "-1,500"),
    (10**30, "1,000,000,000,000,000,000,000,000,000,000"),
    (0.5, "0.5"),
    (-2.25, "-2.25"),
    (1234567.5, "1,234,567.5"),
    (1e15, "1000000000000000.0"),  # beyond 15 digits: exactly as Python writes it
    (-3e20, "-3e+20"),
    ("Kyiv", "Kyiv"),
])
def test_format_value(value: Value, text: str) -> None:
    assert format_value(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (True, "yes"), (False, "no"), (800000, "800000"), (-3, "-3"), (0.5, "0.5"), ("UN", "UN"),
])
def test_plain_value(value: Value, text: str) -> None:
    assert plain_value(value) == text


@pytest.mark.parametrize(("value", "text"), [
    (True, "true"), (False, "false"), (800000, "800000"), (-3, "-3"), (0.5, "0.5"),
    (1e20, "100000000000000000000.0"), ("a \"b\"", '"a \\"b\\""'),
])
def test_literal_is_the_rule_language_notation(value: Value, text: str) -> None:
    assert literal(value) == text


def test_clause_text_fills_values_then_defaults() -> None:
    prov = Provision.model_validate({
        "id": "cap", "title": "Cap", "kind": "concession", "category": "security",
        "text": "An army of at most {personnel} for {years} years; monitored: {monitored}.",
        "params": [
            {"name": "personnel", "type": "int", "default": 600000},
            {"name": "years", "type": "int", "default": 10},
            {"name": "monitored", "type": "bool", "default": False},
        ]})
    assert clause_text(prov) == "An army of at most 600,000 for 10 years; monitored: no."
    assert clause_text(prov, {"personnel": 850000, "monitored": True}) == (
        "An army of at most 850,000 for 10 years; monitored: yes.")
    assert not hasattr(prov, "render")  # the model words nothing; clause text is worded here


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(("n", "noun", "text"), [
    (0, "change", "0 changes"),
    (1, "change", "1 change"),
    (3, "change", "3 changes"),
    (2, "red line", "2 red lines"),
    (1, "red line", "1 red line"),
    (2, "party", "2 parties"),
    (2, "day", "2 days"),
    (2, "clash", "2 clashes"),
    (2, "box", "2 boxes"),
    (2, "person", "2 people"),
    (2, "criterion", "2 criteria"),
    (5, "analysis", "5 analyses"),
    (1000, "page", "1000 pages"),
])
def test_count(n: int, noun: str, text: str) -> None:
    assert count(n, noun) == text


def test_count_takes_a_collection_and_an_explicit_plural() -> None:
    assert count(["a"], "draft") == "1 draft"
    assert count(("a", "b"), "draft") == "2 drafts"
    assert count(2, "sheep", many="sheep") == "2 sheep"
    assert plural(1, "states", many="state") == "states"  # also for verbs that agree
    assert plural(2, "states", many="state") == "state"
    assert plural(2, "Person") == "People"


def test_percent() -> None:
    assert percent(0.25) == "25%"
    assert percent(1.0) == "100%"
    assert percent(0.0) == "0%"
    assert percent(None) == "n/a"
    assert percent(None, missing="no preferences stated") == "no preferences stated"


# --------------------------------------------------------------------------- labels


def test_labels() -> None:
    kinds = {"concession", "guarantee", "incentive", "mechanism", "commitment"}
    assert set(KIND_LABELS) == set(KIND_LETTERS) == set(palette.KIND_COLORS) == kinds
    assert len(set(KIND_LETTERS.values())) == len(KIND_LETTERS)
    assert ROLE_LABELS["party"] == "Party to the conflict"
    assert set(BRIEFING_KIND_LABELS) == {"full", "party", "compare"}
    assert short_name("United States (mediator)") == "United States"
    assert short_name(" (x)") == " (x)"


# --------------------------------------------------------------------------- changes
# Every change kind, clash and relaxation in exact words: tests/test_bridge_wording.py.

UA_ARMY = Need("ukraine", "Ukraine", "ua-army", "Army of at least 800k")
SET = Change("set", "army-cap", Why(needs=(UA_ARMY,)), param="personnel", value=800000)
SET_BOOL = Change("set", "monitor", None, param="armed", value=True)
SET_TEXT = Change("set", "zone", None, param="body", value="un-led")
SET_NONE = Change("set", "zone", None, param="body")
ADD = Change("add", "intl-monitoring", Why(conflicts=(("neutral", "guarantee"),)))
REMOVE = Change("remove", "neutral", None)
PHASE = Change("phase", "withdrawal", Why(), phase=3)


@pytest.mark.parametrize(("change", "text"), [
    # Without a scenario, provisions and params are named by words made from their ids.
    (SET, "Set personnel in “army cap” to 800,000 [army-cap]"),
    (SET_BOOL, "Set armed in “monitor” to “yes” [monitor]"),
    (SET_TEXT, "Set body in “zone” to “un led” [zone]"),
    (SET_NONE, "Change body in “zone” [zone]"),
    (ADD, "Add “intl monitoring” [intl-monitoring]"),
    (REMOVE, "Remove “neutral” [neutral]"),
    (PHASE, "Move “withdrawal” to phase 3 [withdrawal]"),
])
def test_terminal_style(change: Change, text: str) -> None:
    assert describe_change(change, "terminal") == text
    assert describe_change(change) == text  # the default


def test_panel_style(mini_json: bytes) -> None:
    from desktop.domain import parse_scenario

    s = parse_scenario(mini_json)
    assert provision_name(s, "army-cap") == "“Army ceiling”"
    assert describe_change(SET, "panel", s, s.drafts[0]) == (
        "Raise personnel in “Army ceiling” from 600,000 to 800,000 personnel")
    assert describe_change(SET, "panel", s) == (
        "Set personnel in “Army ceiling” to 800,000 personnel")  # no draft: no old value
    assert describe_change(ADD, "panel", s) == "Add “International monitoring”"
    assert describe_change(REMOVE, "panel", s) == "Remove “Neutrality”"
    assert describe_change(PHASE, "panel", s) == "Move “Withdrawal from Donbas” to phase 3"


def test_change_reasons_statuses_and_notes(mini_json: bytes) -> None:
    from desktop.domain import parse_scenario

    s = parse_scenario(mini_json)
    both = Why(needs=(UA_ARMY,), conflicts=(("neutral", "guarantee"),))
    assert change_reason(both, s) == (
        "Required by Ukraine's red line ‘Army of at least 800k’; “Neutrality” and “Security "
        "guarantee” exclude each other.")
    assert change_reason(both, s, refs=True).startswith(
        "Required by Ukraine's red line ‘Army of at least 800k’ [ua-army]; ")
    gains = Why(gains=(Gain("ukraine", "Ukraine", 0.5, 0.625), Gain("us", "US", 0, 1)))
    assert change_reason(gains) == (
        "Raises satisfaction: Ukraine from 50% to 62%, US from 0% to 100%.")
    assert change_reason(None) == ""
    assert status_words("no-agreement") == "no agreement possible"
    assert status_words("best-found") == "best found (time limit hit)"
    assert note_text(Note("relax-not-proven")) == (
        "the red lines to relax are the cheapest found, not proven the cheapest (time limit)")
    assert "fewest" not in note_text(Note("relax-not-found"))  # relaxing is priced, not counted
    assert note_text(Note("all-clashes-found", 2)) == "only 2 distinct clashes exist"
    kinds = get_args(NoteKind)
    assert all(note_text(Note(k, 1)) for k in kinds)  # every kind has words


# --------------------------------------------------------------------------- reasons

CAP_AT_LEAST = Compare(Ref("cap", "personnel"), ">=", Lit(800000))
CAP_TOO_SMALL = Comparison((Fact(Ref("cap", "personnel"), 600000),), ">=", Lit(800000))


@pytest.mark.parametrize(("reason", "text"), [
    (Missing(("army-cap",)), "missing: army-cap"),
    (Missing(("cap", "fund")), "missing: cap, fund"),
    (Missing(("cap",), needed_for=CAP_AT_LEAST),
     "missing: cap (needed for cap.personnel >= 800000)"),
    (InDraft("cap"), "cap is in the draft"),
    (CAP_TOO_SMALL, "cap.personnel is 600000; needs >= 800000"),
    (Comparison((Fact(Ref("zone", "phase"), 1), Fact(Ref("cap", "phase"), 2)), ">",
                Ref("cap", "phase")),
     "zone.phase is 1; cap.phase is 2; needs > cap.phase"),
    (Membership(Fact(Ref("zone", "kind"), "russian-controlled"), ("dmz",), member=True),
     'zone.kind is "russian-controlled"; needs one of ["dmz"]'),
    (Membership(Fact(Ref("zone", "kind"), "russian-controlled"), ("russian-controlled", 3),
                member=False),
     'zone.kind is "russian-controlled"; must not be one of ["russian-controlled", 3]'),
    (Tally(("cap", "fund"), ("cap",), "at_least", 2),
     "1 of [cap, fund] present (cap); needs at least 2"),
    (Tally(("fund",), (), "at_least", 1), "0 of [fund] present (none); needs at least 1"),
    (Tally(("a", "b", "c"), ("a", "b"), "at_most", 1),
     "2 of [a, b, c] present (a, b); allows at most 1"),
    (NoneHolds((CAP_TOO_SMALL, Missing(("fund",)))),
     "none of these holds: cap.personnel is 600000; needs >= 800000 / missing: fund"),
    (Required(InDraft("cap"), parse("zone"), parse("not cap"), ()),
     "cap is in the draft (required when zone)"),
    (Required(CAP_TOO_SMALL, parse("cap"), CAP_AT_LEAST, ()),  # the premise is obvious
     "cap.personnel is 600000; needs >= 800000"),
    (Required(Missing(("fund",)), parse("cap.personnel > 5"), parse("fund"), ()),
     "missing: fund (required when cap.personnel > 5)"),
    (PremiseFails(parse("fund")), "fund does not hold"),
])
def test_every_kind_of_reason_in_the_machine_form(reason: Reason, text: str) -> None:
    """``detail``: what ``check --json`` gives scripts beside the sentence."""
    assert detail([reason]) == text


def test_the_machine_form_joins_its_reasons() -> None:
    assert detail([InDraft("cap"), Missing(("fund",))]) == "cap is in the draft; missing: fund"
    assert detail(()) == ""


def test_without_a_scenario_sentences_name_provisions_by_words_from_their_ids() -> None:
    assert explanation([InDraft("us-guarantee"), Missing(("fund",))], party="Ukraine") == (
        "The draft includes “us guarantee”; Ukraine rejects it. "
        "The draft has no “fund”; Ukraine requires it.")
    assert reason_text(InDraft("cap")) == "The draft includes “cap”; This red line rejects it."
    assert explanation(()) == ""


def test_conflict_text() -> None:
    assert conflict_text(Conflict(("guarantee", "neutral"))) == (
        "“guarantee” and “neutral” exclude each other: the draft cannot hold both.")


def _report(accepting: int, parties: int, conflicts: int) -> Report:
    verdicts = tuple(PartyVerdict(f"p{i}", f"P{i}", i < accepting, None, ())
                     for i in range(parties))
    clashes = tuple(Conflict((f"a{i}", f"b{i}")) for i in range(conflicts))
    return Report("d", accepting == parties and not conflicts, verdicts, clashes)


@pytest.mark.parametrize(("accepting", "parties", "conflicts", "text"), [
    (2, 2, 0, "Viable: 2 of 2 parties accept"),
    (1, 1, 0, "Viable: 1 of 1 party accept"),
    (0, 0, 0, "Viable: 0 of 0 parties accept"),
    (0, 1, 0, "Not viable: 0 of 1 party accept"),
    (1, 2, 1, "Not viable: 1 of 2 parties accept, 1 conflict"),
    (4, 4, 3, "Not viable: 4 of 4 parties accept, 3 conflicts"),
])
def test_report_summary(accepting: int, parties: int, conflicts: int, text: str) -> None:
    assert report_summary(_report(accepting, parties, conflicts)) == text


def test_the_checker_words_nothing(mini_json: bytes) -> None:
    """Violations carry reasons, conflicts their provisions; every sentence is made here."""
    from desktop.domain import check, parse_scenario

    s = parse_scenario(mini_json)
    report = check(s, s.drafts[0])
    violation = report.verdict("ukraine").violations[0]
    assert not hasattr(violation, "explanation")
    assert not hasattr(report.conflicts[0], "explanation")
    assert not hasattr(report, "summary")
    assert explanation(violation.reasons, s, "Ukraine") == (
        "Personnel in “Army ceiling” is 600,000 personnel; "
        "Ukraine requires at least 800,000 personnel.")
    assert detail(violation.reasons) == "army-cap.personnel is 600000; needs >= 800000"
    assert [conflict_text(c, s) for c in report.conflicts] == [
        "“Security guarantee” and “Neutrality” exclude each other: the draft cannot hold both."]
    assert report_summary(report) == "Not viable: 1 of 2 parties accept, 1 conflict"


# --------------------------------------------------------------------------- palette


def _colours() -> dict[str, str]:
    found = {name: value for name, value in vars(palette).items()
             if name.isupper() and isinstance(value, str)}
    found.update({f"KIND_COLORS[{k}]": v for k, v in palette.KIND_COLORS.items()})
    return found


def test_palette_is_hex() -> None:
    colours = _colours()
    assert len(colours) > 20
    for name, value in colours.items():
        assert HEX.fullmatch(value), f"{name} = {value!r} is not #RRGGBB"
    assert palette.ACCEPT != palette.REJECT
    assert palette.VIOLATION == palette.REJECT


def test_rgb() -> None:
    assert palette.rgb(palette.ACCEPT) == (46, 125, 50)
    assert palette.rgb("#C62828") == (198, 40, 40)
    with pytest.raises(ValueError, match="not a #RRGGBB colour"):
        palette.rgb("#fff")


# --------------------------------------------------------------------------- layering


# Which modules the wording may import: tests/test_architecture.py.


def test_wording_loads_without_qt() -> None:
    script = ("import sys\n"
              "import desktop.wording\n"
              "heavy = {'PySide6', 'shiboken6', 'pyqtgraph', 'sqlalchemy', 'ortools'}\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("armycap", "'armycap' is not a provision; did you mean 'Ceiling on Ukraine's armed "
                    "forces' (army-cap)?"),
        ("armed-forces", "'armed-forces' is not a provision; did you mean 'Ceiling on Ukraine's "
                         "armed forces' (army-cap)?"),
        ("qqq", "'qqq' is not a provision in this library"),
        ("army-cap.personel > 1", "'army-cap' has no 'personel'; did you mean 'personnel'?"),
        ("army-cap.size > 1", "'army-cap' has no 'size'; it has personnel, applies, "
                              "weapons_limits and phase"),
        ('donbas-zone.zone_type == "demilitarized"', '"demilitarized" is not a choice of '
         'donbas-zone.zone_type; did you mean "demilitarised"?'),
        ('donbas-zone.zone_type in ["xyzzy"]', '"xyzzy" is not a choice of donbas-zone.zone_type; '
         'the choices are "demilitarised", "free-economic-zone" and "russian-controlled"'),
        ("army-cap adn neutral", "'adn' is not a word of the rule language; did you mean 'and'?"),
        ("nto army-cap", "'nto' is not a word of the rule language; did you mean 'not'?"),
        ("a and", "expected a provision id, 'not', 'at_least', 'at_most' or '(', found the end "
                  "of the rule"),
    ],
)
def test_rule_errors_in_a_negotiators_words(ukraine: Scenario, rule: str, text: str) -> None:
    err = check_rule(rule, ukraine.provision_index)
    assert err is not None
    assert rule_error_text(err, ukraine.provision_index) == text


def test_weights_read_as_short_as_they_are() -> None:
    from desktop.wording.values import weight

    assert [weight(x) for x in (3.0, 0.5, 12.25, 1_000_000.0)] == ["3", "0.5", "12.25", "1e+06"]

"""Stated positions and assessed floors: which red lines count under each view, the chance of
acceptance, and satisfaction over what the draft addresses (with its coverage)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from desktop.domain import Clause, Draft, Scenario, check
from desktop.domain.interchange import scenario_from_dict
from tests.strategies import PROVISIONS
from tests.test_checker import drafts
from tests.test_open_points import compare, lines_st, prefs_st, scenario_of


def _scenario(lines: list[dict[str, Any]], prefs: list[dict[str, Any]] | None = None
              ) -> Scenario:
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "Stances",
        "parties": [{"id": "ru", "name": "Russia", "red_lines": lines,
                     "preferences": prefs or [], "no_deal": 0.3}],
        "provisions": [p.model_dump(mode="json", exclude_defaults=True) for p in PROVISIONS],
    })


_LINES: list[dict[str, Any]] = [
    {"id": "all-donbas", "title": "All of Donbas", "rule": "zone.kind == \"russian-controlled\"",
     "stance": "stated", "confidence": 0.4},
    {"id": "cap", "title": "Cap at most 600k", "rule": "cap and cap.personnel <= 600000",
     "confidence": 0.5},
    {"id": "no-fund", "title": "No fund", "rule": "not fund"},
]


def test_stated_counts_every_line_assessed_only_the_assessed() -> None:
    s = _scenario(_LINES)
    draft = Draft(id="d", title="D", clauses=(
        Clause(provision="zone", values={"kind": "dmz"}),
        Clause(provision="cap", values={"personnel": 800_000})))
    stated = check(s, draft, stance="stated").verdict("ru")
    assessed = check(s, draft, stance="assessed").verdict("ru")
    assert [x.red_line for x in stated.violations] == ["all-donbas", "cap"]
    assert [x.red_line for x in assessed.violations] == ["cap"]
    # Independent lines: (1 - 0.4) * (1 - 0.5) under stated, 1 - 0.5 under assessed.
    assert stated.acceptance_chance == pytest.approx(0.3)
    assert assessed.acceptance_chance == pytest.approx(0.5)
    assert check(s, draft).stance == "assessed"  # the default view


def test_a_stated_line_alone_is_negotiable_under_assessed_floors() -> None:
    s = _scenario(_LINES)
    draft = Draft(id="d", title="D", clauses=(Clause(provision="zone", values={"kind": "dmz"}),
                                              Clause(provision="cap",
                                                     values={"personnel": 500_000})))
    assert not check(s, draft, stance="stated").viable
    report = check(s, draft)
    assert report.viable
    assert report.verdict("ru").acceptance_chance == 1.0


def test_a_certain_line_crossed_means_no_chance() -> None:
    s = _scenario(_LINES)
    draft = Draft(id="d", title="D", clauses=(Clause(provision="fund"),))
    v = check(s, draft).verdict("ru")
    assert [x.red_line for x in v.violations] == ["cap", "no-fund"]
    assert v.acceptance_chance == 0.0


def test_incremental_checks_keep_their_view() -> None:
    s = _scenario(_LINES)
    draft = Draft(id="d", title="D", clauses=(Clause(provision="zone", values={"kind": "dmz"}),))
    stated = check(s, draft, stance="stated")
    edited = draft.model_copy(update={"clauses": (*draft.clauses, Clause(provision="a"))})
    assert check(s, edited, stated, stance="assessed") == check(s, edited, stance="assessed")
    assert check(s, edited, stated, stance="stated") == check(s, edited, stance="stated")


def test_satisfaction_over_what_the_draft_addresses() -> None:
    prefs = [
        {"id": "big-cap", "title": "Small army", "rule": "cap.personnel <= 600000", "weight": 3},
        {"id": "fund", "title": "A fund", "rule": "fund", "weight": 1},
        {"id": "no-zone", "title": "No zone", "rule": "not zone", "weight": 2},
        {"id": "pol", "title": "Policed", "rule": "zone.policed == true", "weight": 4},
    ]
    s = _scenario([], prefs)
    draft = Draft(id="d", title="D", clauses=(Clause(provision="cap",
                                                     values={"personnel": 500_000}),))
    v = check(s, draft).verdict("ru")
    # The army preference names a clause the draft holds; "no zone" is met by the absence,
    # so it is addressed too; "fund" and "pol" are unmet and name nothing in the draft.
    assert v.coverage == (2, 4)
    assert v.not_addressed == ("fund", "pol")
    assert v.addressed_satisfaction == 1.0
    assert v.satisfaction == pytest.approx((3 + 2) / 10)
    assert (v.met, v.missed) == (("big-cap", "no-zone"), ("fund", "pol"))
    # Over what it addresses is never below the full scale.
    assert v.satisfaction is not None
    assert v.addressed_satisfaction >= v.satisfaction
    empty = check(s, Draft(id="e", title="E")).verdict("ru")
    assert empty.coverage == (1, 4)
    assert empty.not_addressed == ("big-cap", "fund", "pol")
    assert empty.addressed_satisfaction == 1.0
    # An unmet preference naming a clause the draft holds is addressed (and missed).
    big = Draft(id="b", title="B", clauses=(Clause(provision="cap",
                                                   values={"personnel": 900_000}),
                                            Clause(provision="zone")))
    w = check(s, big).verdict("ru")
    assert w.not_addressed == ("fund",)
    assert w.coverage == (3, 4)
    assert w.addressed_satisfaction == pytest.approx(0 / 9)


@settings(max_examples=100, deadline=None)
@given(parties=st.lists(st.tuples(lines_st, prefs_st), min_size=1, max_size=2),
       draft=drafts(), stance=st.sampled_from(["stated", "assessed"]))
def test_settled_drafts_agree_with_brute_force_under_both_views(
    parties: Any, draft: Draft, stance: str,
) -> None:
    s = scenario_of(parties)
    compare(s, parties, draft, stance, check(s, draft, stance=stance))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- words


def test_verdicts_in_words() -> None:
    from desktop.domain.model import Alternative
    from desktop.wording.verdicts import (
        chance_words,
        condition_words,
        coverage_words,
        no_deal_words,
        open_points,
        satisfaction_sentence,
        verdict_phrase,
        viability_words,
    )

    s = _scenario(_LINES, [
        {"id": "small", "title": "Small army", "rule": "cap.personnel <= 600000", "weight": 3},
        {"id": "fund", "title": "A fund", "rule": "fund"}])
    zone = Clause(provision="zone", alternatives=(
        Alternative(label="Russian formula", values={"kind": "russian-controlled"}),
        Alternative(label="The Free economic zone", values={"kind": "free-economic"}),
        Alternative(values={"kind": "dmz"})))
    draft = Draft(id="d", title="D", clauses=(Clause(provision="a"), zone,
                                              Clause(provision="cap",
                                                     values={"personnel": 500_000})))
    v = check(s, draft, stance="stated").verdict("ru")
    assert v.verdict == "accepts-if"
    assert verdict_phrase(v, draft) == "accepts if §2 is the Russian formula"
    assert condition_words((("zone", 1, "The Free economic zone"), ("zone", 2, "")), draft, s,
                           titled=True) == (
        "§2 (“Zone”) is the free economic zone or its third alternative")
    # Crossing "all-donbas" (confidence 0.4) unless the zone is Russian: 60% at worst.
    assert chance_words(v, open_draft=True) == (
        "at worst about a 60% chance Russia accepts, treating its red lines as independent")
    assert coverage_words(v) == "100% of what it addresses; addresses 1 of 2 preferences"
    # One measure, over what the draft addresses, in the words and against the no-deal level
    # (the full scale, 75%, is never shown beside it).
    assert no_deal_words(v, s.party("ru")) == "100%, above its no-deal level of 30%"
    assert satisfaction_sentence(v, s.party("ru")) == (
        "Satisfaction 100% of what it addresses; addresses 1 of 2 preferences, above its "
        "no-deal level of 30%.")
    big = Clause(provision="cap", values={"personnel": 900_000})
    below = check(s, draft.model_copy(update={"clauses": (*draft.clauses[:2], big)}),
                  stance="stated").verdict("ru")
    assert no_deal_words(below, s.party("ru")) == (
        "0%, below its no-deal level of 30%: Russia would be better off without this deal")
    none = check(s, draft.model_copy(update={"clauses": draft.clauses[:2]}),
                 stance="stated").verdict("ru")
    assert satisfaction_sentence(none, s.party("ru")) == (
        "Satisfaction: it addresses none of its 2 preferences.")
    assert open_points(draft, s) == [
        "§2 (“Zone”) is open: the Russian formula, the free economic zone or its third "
        "alternative"]
    assert viability_words(check(s, draft, stance="stated"), draft) == (
        "Viable if §2 is the Russian formula")


def test_chance_words_read_as_spoken() -> None:
    from desktop.domain.checker import PartyVerdict, Violation
    from desktop.wording.verdicts import chance_words

    crossed = (Violation("x", "X", (), ()),)
    for chance, words in ((0.8, "about an 80% chance"), (0.11, "about an 11% chance"),
                          (0.4, "about a 40% chance"), (0.001, "less than 1% chance"),
                          (0.0, "no chance")):
        v = PartyVerdict("ru", "Russia", False, None, crossed, acceptance_chance=chance)
        assert chance_words(v).startswith(words)


# --------------------------------------------------------------------------- the window


def test_red_line_panel_shows_accepts_if_the_chance_and_switches_stance(qtbot: Any) -> None:
    from desktop.domain.model import Alternative
    from desktop.ui.redlines import RedLinePanel
    from desktop.ui.workspace import Change, What, Workspace

    s = _scenario(_LINES, [{"id": "small", "title": "Small army",
                            "rule": "cap.personnel <= 600000"},
                           {"id": "fund", "title": "A fund", "rule": "fund"}])
    zone = Clause(provision="zone", alternatives=(
        Alternative(label="Russian formula", values={"kind": "russian-controlled"}),
        Alternative(label="Demilitarised formula", values={"kind": "dmz"})))
    draft = Draft(id="d", title="D", clauses=(
        Clause(provision="cap", values={"personnel": 500_000}), zone))
    ws = Workspace(s.model_copy(update={"drafts": (draft,)}))
    panel = RedLinePanel(ws)
    qtbot.addWidget(panel)
    card = panel.card("ru")
    # Assessed floors (the default): Russia's stated demand for the zone is negotiable.
    assert panel.stance.currentData() == "assessed"
    assert card.verdict.text() == "✓ Accepts"
    assert card.chance.isHidden()
    # Over what the draft addresses, as its coverage line says (one measure on the card).
    assert card.satisfaction_text.text() == "Satisfaction 100%"
    assert card.coverage.text() == "100% of what it addresses; addresses 1 of 2 preferences."
    changes: list[Change] = []
    ws.changed.connect(changes.append)
    panel.stance.setCurrentIndex(panel.stance.findData("stated"))
    assert ws.stance == "stated"
    assert [c.what for c in changes] == [What.STANCE]
    assert not ws.modified  # a view, not an edit
    assert card.verdict.text() == "◐ Accepts if §2 is the Russian formula"
    assert card.chance.text() == (
        "At worst about a 60% chance Russia accepts, treating its red lines as independent.")
    assert card.violations.text_of(0).startswith(
        "✗ All of Donbas\nIf §2 is the demilitarised formula: ")
    assert panel.summary.text() == "◐ Viable if §2 is the Russian formula: 0 of 1 party accept"
    # The workspace's stance survives edits: the re-check keeps the view.
    ws.set_stance("assessed")
    assert panel.stance.currentData() == "assessed"
    assert card.verdict.text() == "✓ Accepts"


def test_the_satisfaction_chart_marks_conditional_acceptance(
        ukraine: Scenario, qtbot: QtBot) -> None:
    """A party that accepts only if an open point is closed a certain way is neither ✓ nor ✗
    on the chart beside the draft (the 20 points leave §12 and §14 open)."""
    from desktop.ui.plots import SatisfactionChart

    chart = SatisfactionChart()
    qtbot.addWidget(chart)
    report = check(ukraine, ukraine.draft("twenty-point"))
    chart.show_report(ukraine, report)
    marks = {v.party: label.toPlainText().split()[0]
             for v, label in zip(report.parties, chart.labels, strict=True)}
    assert marks["ukraine"] == "◐"
    assert marks["russia"] == "✗"
    assert marks["united-states"] == "✓"
    assert "ukraine: accepts on conditions" in chart.accessibleDescription().lower()


def test_the_printed_chart_marks_conditional_acceptance(ukraine: Scenario) -> None:
    """The briefing's satisfaction bars say ◐ for a party that accepts only on conditions."""
    from desktop.report import party_sheet
    from desktop.report.sheets import Chart

    sheet = party_sheet(ukraine, ukraine.draft("twenty-point"), "ukraine", date="2025-12-24")
    charts = [item for item in sheet.items if isinstance(item, Chart)]
    assert charts
    bars = {bar.label: bar for bar in charts[0].bars}
    assert bars["Ukraine"].conditional
    assert not bars["Ukraine"].acceptable
    assert not bars["Russia"].conditional


def test_charts_set_each_party_against_its_own_no_deal_level(
        ukraine: Scenario, qtbot: QtBot) -> None:
    """Satisfaction is not comparable across parties: every chart marks each party's no-deal
    level on its own bar (on screen, on paper and in the text formats' chart tables)."""
    from desktop.report import party_sheet
    from desktop.report.formats.model import chart_rows
    from desktop.report.sheets import Chart
    from desktop.ui.plots import SatisfactionChart

    draft = ukraine.draft("twenty-point")
    levels = {p.name: p.no_deal for p in ukraine.parties}
    assert all(level is not None for level in levels.values())
    chart = SatisfactionChart()
    qtbot.addWidget(chart)
    report = check(ukraine, draft)
    chart.show_report(ukraine, report)
    # The bars are the satisfaction the words use: over what the draft addresses.
    from desktop.wording.verdicts import shown_satisfaction
    assert chart.values == [100 * (shown_satisfaction(v) or 0) for v in report.parties]
    assert chart.values != [100 * (v.satisfaction or 0) for v in report.parties]
    xs, ys = chart.no_deal_marks.getData()
    assert xs is not None
    assert ys is not None
    assert len(xs) == 2 * len(ukraine.parties)
    assert [round(y) for y in ys[::2]] == [round(100 * float(p.no_deal or 0))
                                           for p in ukraine.parties]
    assert "no-deal level 25%" in chart.accessibleDescription()

    sheet = party_sheet(ukraine, draft, "ukraine", date="2025-12-24")
    bars = next(item for item in sheet.items if isinstance(item, Chart)).bars
    assert [bar.no_deal for bar in bars] == [float(p.no_deal or 0) for p in ukraine.parties]
    rows = {row[0]: row for row in chart_rows(bars)}
    assert rows["Russia"][1].endswith("(no deal 15%)")
    assert rows["Ukraine"][2] == "◐ accepts on conditions"


def test_card_says_when_a_preference_is_met_under_some_alternatives(qtbot: Any) -> None:
    from desktop.resources import default_scenario_path
    from desktop.store import read_scenario_file
    from desktop.ui.redlines import RedLinePanel
    from desktop.ui.workspace import Workspace

    loaded = read_scenario_file(default_scenario_path())
    ukraine = getattr(loaded, "scenario", loaded)
    draft = ukraine.draft("twenty-point")
    ws = Workspace(ukraine.model_copy(update={"drafts": (draft,)}))
    panel = RedLinePanel(ws)
    qtbot.addWidget(panel)
    text = panel.card("united-states").coverage.text()
    assert text.endswith(
        "◐ met if §16 is the US formula: ‘US-led three-way operation of the plant’.")
    assert "◐" not in panel.card("europe").coverage.text()

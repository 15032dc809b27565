"""The red-line panel after an edit (issue 16): a card skips the work only when nothing it shows
can have changed, and still follows every edit that changes what it reads, the clause numbers
it names included (an insert above renumbers them)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from pytestqt.qtbot import QtBot

from desktop.domain import Draft, PartyVerdict, Scenario, Violation, check
from desktop.ui.look import dark_palette
from desktop.ui.mainwindow import MainWindow
from desktop.ui.redlines import PartyCard
from tests.wording_pseudo import OPEN, pseudo_translation

TWENTY = "twenty-point"
PLANT = "znpp"
ZONE = "donbas-zone"


def _inserted_on_top(scenario: Scenario, draft: Draft) -> Draft:
    """``draft`` with a clause of a provision it lacks put first: every clause moves down."""
    present = {c.provision for c in draft.clauses}
    other = next(p for p in scenario.provisions if p.id not in present)
    return draft.model_copy(update={"clauses": (draft.clauses[0].model_copy(
        update={"provision": other.id, "values": {}, "alternatives": ()}), *draft.clauses)})


def _conditional_rejection(scenario: Scenario) -> PartyVerdict:
    """Russia rejects for one red line, and crosses another only if the plant's open point
    goes the US way: neither an "accepts if" nor a preference names the plant's clause."""
    russia = scenario.party("russia")
    settled, conditional = russia.red_lines[0], russia.red_lines[1]
    return PartyVerdict(
        "russia", russia.name, False, 0.5,
        (Violation(settled.id, settled.title, (), ()),
         Violation(conditional.id, conditional.title, (), (),
                   ((PLANT, 0, "US formula"),), True)),
        verdict="rejects", acceptance_chance=0.0, coverage=(2, 4),
        addressed_satisfaction=0.5)


def test_a_conditional_crossing_is_renumbered_when_a_clause_goes_in_above(
        qtbot: QtBot, ukraine: Scenario) -> None:
    draft = ukraine.draft(TWENTY)
    verdict = _conditional_rejection(ukraine)
    card = PartyCard(ukraine.party("russia"))
    qtbot.addWidget(card)
    card.show_verdict(verdict, ukraine, draft)
    at = draft.index_of(PLANT)
    assert at is not None
    assert card.violations.text_of(1).split("\n")[1].startswith(f"If §{at + 1} is ")
    # The very same verdict (the checker hands it back for a party an edit did not touch),
    # but the plant's clause is now one further down: the card says so.
    card.show_verdict(verdict, ukraine, _inserted_on_top(ukraine, draft))
    assert card.violations.text_of(1).split("\n")[1].startswith(f"If §{at + 2} is ")
    assert f"§{at + 2}" in card.violations.accessibleDescription()


def test_the_chance_says_at_worst_only_while_the_draft_has_open_points(
        qtbot: QtBot, ukraine: Scenario) -> None:
    """A party that accepts if an open point goes its way reads its chance "at worst" while
    any clause is open: closing another clause (the plant's number unchanged) drops it."""
    draft = ukraine.draft(TWENTY)
    verdict = check(ukraine, draft).verdict("ukraine")
    assert verdict.verdict == "accepts-if"
    assert verdict.violations
    card = PartyCard(ukraine.party("ukraine"))
    qtbot.addWidget(card)
    card.show_verdict(verdict, ukraine, draft)
    assert card.chance.text().startswith("At worst ")
    # Close every open clause but the plant's: its number stays, the draft is still open.
    zone = draft.index_of(ZONE)
    assert zone is not None
    still_open = draft.model_copy(update={"clauses": tuple(
        c.settled(0) if c.provision == ZONE else c for c in draft.clauses)})
    card.show_verdict(verdict, ukraine, still_open)
    assert card.chance.text().startswith("At worst ")
    # No clause open at all (the plant's kept in place, its alternatives gone): no "at worst".
    closed = still_open.model_copy(update={"clauses": tuple(
        c.model_copy(update={"alternatives": ()}) for c in still_open.clauses)})
    assert closed.index_of(PLANT) == draft.index_of(PLANT)
    card.show_verdict(verdict, ukraine, closed)
    assert card.chance.text()
    assert not card.chance.text().startswith("At worst ")


def test_an_accepts_if_card_is_renumbered_by_a_real_insert_above(
        main_window: Callable[..., MainWindow], ukraine: Scenario) -> None:
    win = main_window(ukraine)
    win.ws.switch_draft(TWENTY)
    assert win.ws.draft is not None
    at = win.ws.draft.index_of(PLANT)
    assert at is not None
    card = win.redlines.card("ukraine")
    assert card.verdict.text().startswith(f"◐ Accepts if §{at + 1} is ")
    present = {c.provision for c in win.ws.draft.clauses}
    other = next(p.id for p in ukraine.provisions if p.id not in present)
    assert win.editor.add_clause(other, 0)
    assert card.verdict.text().startswith(f"◐ Accepts if §{at + 2} is ")
    assert card.verdict.accessibleName() == card.verdict.text()
    win.ws.undo_stack.undo()
    assert card.verdict.text().startswith(f"◐ Accepts if §{at + 1} is ")


def test_a_settled_card_is_left_alone_by_an_edit_elsewhere_and_follows_its_own(
        main_window: Callable[..., MainWindow], ukraine: Scenario) -> None:
    """Russia's card on the US draft reads nothing of the draft: an edit that leaves its
    verdict as it was does not touch the card; removing the army ceiling rejects it, and the
    card, its colour, its bar and its list of crossed lines say so; undo brings it back."""
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    card = win.redlines.card("russia")
    shown = win.ws.report.verdict("russia") if win.ws.report else None
    assert shown is not None
    assert card.verdict.text() == "✓ Accepts"
    accepted_style = card.verdict.styleSheet()
    accepted_value = card.satisfaction.value()
    texts: list[str] = []
    card.verdict.setText = lambda text: texts.append(text)  # type: ignore[method-assign]
    assert win.ws.draft is not None
    present = {c.provision for c in win.ws.draft.clauses}
    for other in (p.id for p in ukraine.provisions if p.id not in present):
        assert win.editor.add_clause(other, 0)
        assert win.ws.report is not None
        if win.ws.report.verdict("russia") is shown:
            break  # an edit the checker says leaves Russia's verdict as it was
        win.ws.undo_stack.undo()
    else:
        raise AssertionError("no insert leaves Russia's verdict as it was")
    assert texts == []  # the same verdict: the card did nothing
    del card.verdict.setText
    win.ws.undo_stack.undo()
    assert win.ws.draft is not None
    row = [c.provision for c in win.ws.draft.clauses].index("army-cap")
    assert win.editor.remove_clause(row)
    assert card.verdict.text().startswith("✗ Rejects: 1 red line crossed")
    assert card.verdict.styleSheet() != accepted_style
    assert card.violations.isVisibleTo(card)
    assert card.violations.texts
    assert card.satisfaction.value() != accepted_value
    assert card.satisfaction_text.text() == card.satisfaction.format()
    win.ws.undo_stack.undo()
    assert card.verdict.text() == "✓ Accepts"
    assert card.verdict.styleSheet() == accepted_style
    assert card.satisfaction.value() == accepted_value


def test_the_summary_style_is_set_only_when_its_colour_changes(
        main_window: Callable[..., MainWindow], ukraine: Scenario) -> None:
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    panel = win.redlines
    before = panel.summary.styleSheet()
    assert before
    sets: list[str] = []
    real = panel.summary.setStyleSheet

    def spy(style: str) -> None:
        sets.append(style)
        real(style)

    panel.summary.setStyleSheet = spy  # type: ignore[method-assign]
    assert win.ws.draft is not None
    row = [c.provision for c in win.ws.draft.clauses].index("army-cap")
    assert win.editor.remove_clause(row)  # still not viable: the same colour
    assert sets == []
    assert panel.summary.styleSheet() == before
    # In a dark palette the same verdict colour reads otherwise: the style is set again.
    light = panel.palette()
    panel.setPalette(dark_palette())
    assert len(sets) == 1
    assert panel.summary.styleSheet() != before
    panel.setPalette(light)
    assert panel.summary.styleSheet() == before


def test_the_conflicts_follow_the_draft_the_titles_and_the_language(
        main_window: Callable[..., MainWindow], mini: Scenario) -> None:
    """The guarantee excludes neutrality and d1 holds both: the panel says so, and says it
    again only when the conflicts, the provisions' titles or the words change."""
    win = main_window(mini)
    conflicts = win.redlines.conflicts
    said = conflicts.text()
    assert said.startswith("⚠ ")
    assert "exclude each other" in said
    assert conflicts.isVisibleTo(win.redlines)
    row = [c.provision for c in win.ws.draft.clauses].index("neutral") if win.ws.draft else -1
    assert win.editor.remove_clause(row)
    assert not conflicts.isVisibleTo(win.redlines)
    win.ws.undo_stack.undo()
    assert conflicts.isVisibleTo(win.redlines)
    assert conflicts.text() == said
    guarantee = win.ws.scenario.provision("guarantee")
    assert win.editor.put_provision(guarantee.model_copy(update={"title": "Pledge of help"}),
                                    "guarantee")
    assert "Pledge of help" in conflicts.text()
    with pseudo_translation():
        assert win.editor.set_note(0, "Words only.")
        assert OPEN in conflicts.text()
    win.ws.undo_stack.undo()
    assert OPEN not in conflicts.text()
    assert "Pledge of help" in conflicts.text()


def test_a_card_list_measured_at_widths_in_turn_matches_a_fresh_measure(
        qtbot: QtBot, ukraine: Scenario) -> None:
    """Qt asks a card's list for its height at two or three widths in turn; the kept layouts
    answer each width exactly as measuring from nothing does, and a larger font or other
    lines are measured again (the list grows, the card never clips a line)."""
    from PySide6.QtGui import QFont

    from desktop.ui.redlines import ViolationList

    report = check(ukraine, ukraine.draft(TWENTY))
    verdict = max(report.parties, key=lambda v: len(v.violations))
    assert len(verdict.violations) >= 2

    def fresh(width: int, font: QFont | None = None) -> int:
        other = ViolationList()
        qtbot.addWidget(other)
        if font is not None:
            other.setFont(font)
        other.set_violations(verdict.violations, ukraine, verdict.name)
        return other.heightForWidth(width)

    shown = ViolationList()
    qtbot.addWidget(shown)
    shown.set_violations(verdict.violations, ukraine, verdict.name)
    widths = (390, 443, 390, 240, 443, 240)
    assert [shown.heightForWidth(w) for w in widths] == [fresh(w) for w in widths]
    assert shown.heightForWidth(240) > shown.heightForWidth(443)  # narrower wraps more
    rects = [shown.item_rect(i) for i in range(len(verdict.violations))]
    assert all(a.bottom() < b.top() for a, b in pairwise(rects))

    big = QFont(shown.font())
    big.setPointSizeF(shown.font().pointSizeF() * 2)
    before = shown.heightForWidth(390)
    shown.setFont(big)
    assert shown.heightForWidth(390) == fresh(390, big) > before

    fewer = verdict.violations[:1]
    shown.set_violations(fewer, ukraine, verdict.name)
    assert shown.heightForWidth(390) < fresh(390, big)

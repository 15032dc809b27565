"""Seeing what changed (#16): the verdict strip above the panels shows every party, and each
edit, undo and redo leaves a notice in words in the window and in the Changes history."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario, check
from desktop.ui.mainwindow import MainWindow
from desktop.ui.verdicts import VerdictStrip, strip_entry
from desktop.wording import percent
from desktop.wording.changes import no_deal, satisfaction_words, verdict_changes

ARMY_CEILING = "army-cap"


def on_us28(main_window: Callable[..., MainWindow], ukraine: Scenario) -> MainWindow:
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    return win


def nd(scenario: Scenario, party_id: str) -> str:
    """What the strip adds after a satisfaction: the party's no-deal level, once the scenario
    states one, and whether the draft leaves it below."""
    level = no_deal(scenario.party(party_id))
    if level is None:
        return ""
    verdict = check(scenario, scenario.draft("us-28")).verdict(party_id)
    below = "below " if (verdict.addressed_satisfaction or 0) < level else ""
    return f" ({below}no deal {percent(level)})"


def army_row(win: MainWindow) -> int:
    assert win.ws.draft is not None
    return [c.provision for c in win.ws.draft.clauses].index(ARMY_CEILING)


def test_strip_shows_every_party_in_words(main_window: Callable[..., MainWindow],
                                          ukraine: Scenario) -> None:
    win = on_us28(main_window, ukraine)
    strip = win.verdicts.strip
    assert strip.texts() == [
        # Satisfaction over what the draft addresses, as every word of Accord shows it.
        f"✗ Ukraine: Rejects · 17%{nd(ukraine, 'ukraine')}",
        f"✓ Russia: Accepts · 21%{nd(ukraine, 'russia')}",
        f"✓ United States: Accepts · 70%{nd(ukraine, 'united-states')}",
        f"✗ European states: Rejects · 80%{nd(ukraine, 'europe')}",
        f"✓ Turkey: Accepts · 64%{nd(ukraine, 'turkey')}",
    ]
    # Every party is in view at 1280×800, above the panels, whatever the cards' scrolling.
    assert strip.isVisible()
    for i in range(len(strip.entries)):
        rect = strip.cell_rect(i)
        assert strip.rect().contains(rect)
    top = strip.mapTo(win, QPoint(0, 0)).y()
    assert top < win.redlines.mapTo(win, QPoint(0, 0)).y()
    assert top < win.draft.mapTo(win, QPoint(0, 0)).y()


def test_deleting_the_army_ceiling_flips_russia_in_words(
        main_window: Callable[..., MainWindow], ukraine: Scenario, qtbot: QtBot) -> None:
    win = on_us28(main_window, ukraine)
    assert win.editor.remove_clause(army_row(win))
    strip, notice = win.verdicts.strip, win.verdicts.notice
    russia, ukraine_nd = nd(ukraine, "russia"), nd(ukraine, "ukraine")
    # Without the ceiling Russia's army preference is no longer addressed: 24% of the rest.
    assert f"✗ Russia: now rejects · 24%{russia}" in strip.texts()
    assert f"✗ Ukraine: Rejects · 17%{ukraine_nd}" in strip.texts()  # unchanged: its word
    assert strip.flipped == {"russia"}
    assert notice.text() == (
        "Last edit: Remove “Ceiling on Ukraine's armed forces” → Russia now rejects: "
        "‘Ukraine's army capped at 600,000 or less’. Also: Ukraine: 8 red lines crossed "
        "(was 9); European states: 5 red lines crossed (was 6).")
    assert notice.label.isVisible()
    (entry,) = win.changes.entries()
    assert "Remove “Ceiling on Ukraine's armed forces” · Russia now rejects: ‘Ukraine's army " \
           "capped at 600,000 or less’. The draft has no “Ceiling on Ukraine's armed forces”; " \
           "Russia requires it, with army personnel set to at most 600,000 personnel." in entry
    for text in (notice.text(), entry, *strip.texts()):
        assert ARMY_CEILING not in text  # no ids on screen
        assert "ru-army-cap" not in text

    win.ws.undo_stack.undo()
    assert f"✓ Russia: now accepts · 21%{russia}" in strip.texts()
    assert notice.text().startswith(
        "Last edit: Undo: Remove “Ceiling on Ukraine's armed forces” → Russia now accepts.")
    win.ws.undo_stack.redo()
    assert f"✗ Russia: now rejects · 24%{russia}" in strip.texts()
    history = win.changes.entries()
    assert len(history) == 3
    assert "· Undo: Remove “Ceiling on Ukraine's armed forces” · Russia now accepts." in \
        history[1]
    assert "· Remove “Ceiling on Ukraine's armed forces” · Russia now rejects" in history[2]
    assert win.changes.list.count() == 0  # listed when shown: no layout cost per edit

    # The notice line's button opens the history, the newest line selected and in view.
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert win.analysis.currentWidget() is win.changes
    assert win.changes.list.count() == 3
    assert win.changes.list.currentRow() == 2
    assert win.changes.entries() == history
    assert win.editor.set_note(0, "seen")  # with the history in view, a new line is listed
    assert win.changes.list.count() == 4
    assert win.changes.list.currentRow() == 3


def test_an_edit_that_flips_nobody_says_so(main_window: Callable[..., MainWindow],
                                          ukraine: Scenario) -> None:
    win = on_us28(main_window, ukraine)
    assert win.editor.set_note(0, "checked")
    assert win.verdicts.notice.text().endswith("→ No verdict changed.")
    assert win.verdicts.strip.flipped == frozenset()


def test_switching_drafts_is_noted_not_flipped(main_window: Callable[..., MainWindow],
                                              ukraine: Scenario) -> None:
    win = on_us28(main_window, ukraine)
    win.ws.switch_draft("berlin")
    assert win.verdicts.strip.flipped == frozenset()
    assert all("now" not in t for t in win.verdicts.strip.texts())
    assert win.changes.entries()[-1].endswith(
        "Now on “Berlin framework (mid-Dec 2025)”. Not viable: 4 of 5 parties accept.")


def test_opening_another_document_clears_the_history(
        main_window: Callable[..., MainWindow], ukraine: Scenario, mini: Scenario) -> None:
    win = on_us28(main_window, ukraine)
    assert win.editor.remove_clause(army_row(win))
    assert win.changes.entries()
    win.ws.reset(mini)
    assert win.changes.entries() == []
    assert not win.changes.empty.isHidden()
    assert [t.split(":")[0] for t in win.verdicts.strip.texts()] == ["✗ Ukraine", "✓ Russia"]


def test_clicking_a_party_shows_its_card(main_window: Callable[..., MainWindow],
                                         ukraine: Scenario, qtbot: QtBot) -> None:
    win = on_us28(main_window, ukraine)
    strip = win.verdicts.strip
    turkey = [e.party for e in strip.entries].index("turkey")
    bar = win.redlines.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=strip.cell_rect(turkey).center())
    card = win.redlines.card("turkey")
    viewport = win.redlines.viewport()
    top = card.mapTo(viewport, QPoint(0, 0)).y()
    assert bar.value() > 0
    assert 0 <= top < viewport.height()


def test_satisfaction_against_no_deal(ukraine: Scenario) -> None:
    """With a no-deal level (the model's ``no_deal``, where the scenario has one) the strip
    measures satisfaction against it; without one it shows the satisfaction alone."""
    party = ukraine.parties[0]
    assert satisfaction_words(0.42, None) == "42%"
    assert satisfaction_words(None, party) == "no preferences"
    if "no_deal" in type(party).model_fields:
        with_level = party.model_copy(update={"no_deal": 0.3})
        assert satisfaction_words(0.42, with_level) == "42% (no deal 30%)"
        assert satisfaction_words(0.15, with_level) == "15% (below no deal 30%)"
        data = ukraine.model_dump()
        data["parties"] = [with_level.model_dump(), *data["parties"][1:]]
        scenario = Scenario.model_validate(data)
        verdict = check(scenario, scenario.drafts[0]).verdict(party.id)
        # Over what the draft addresses (7 of 8 preferences): the measure set against no deal.
        assert verdict.addressed_satisfaction is not None
        assert percent(verdict.addressed_satisfaction) == "17%"
        assert strip_entry(verdict, scenario, False).text.endswith("17% (below no deal 30%)")


def test_wording_of_flips_without_a_window(ukraine: Scenario) -> None:
    draft = next(d for d in ukraine.drafts if d.id == "us-28")
    without = draft.model_copy(update={"clauses": tuple(
        c for c in draft.clauses if c.provision != ARMY_CEILING)})
    before, after = check(ukraine, draft), check(ukraine, without)
    assert verdict_changes(after, before, ukraine)[0] == "Russia now accepts."
    assert verdict_changes(None, after, ukraine) == ()
    assert verdict_changes(after, after, ukraine) == ("No verdict changed.",)


def test_strip_lays_out_in_columns_when_wide(main_window: Callable[..., MainWindow],
                                             ukraine: Scenario, qtbot: QtBot) -> None:
    win = on_us28(main_window, ukraine)
    strip: VerdictStrip = win.verdicts.strip
    narrow = strip.heightForWidth(300)
    wide = strip.heightForWidth(2400)
    assert wide < narrow  # one row when everything fits, one party a row when nothing does
    assert strip.heightForWidth(2400) == strip.heightForWidth(2500)


def test_an_open_point_reads_as_accepts_if(main_window: Callable[..., MainWindow],
                                           ukraine: Scenario) -> None:
    """A party that accepts only if an open point is closed a certain way reads so in the strip,
    as on its card (◐, not ✓ or ✗)."""
    win = main_window(ukraine)
    win.ws.switch_draft("twenty-point")
    report = win.ws.report
    assert report is not None
    # The default scenario pins it (tests/test_default_scenario.py): Ukraine accepts the 20
    # points if §16 is the Ukrainian formula.
    opened = [v for v in report.parties if v.verdict == "accepts-if"]
    assert [v.party for v in opened] == ["ukraine"]
    entry = next(e for e in win.verdicts.strip.entries if e.party == opened[0].party)
    assert entry.text.startswith(f"◐ {opened[0].name.split(' (')[0]}: Accepts if §")
    assert win.redlines.card(opened[0].party).verdict.text().startswith("◐ Accepts if §")


def test_the_strip_answers_the_keyboard(main_window: Callable[..., MainWindow],
                                        ukraine: Scenario, qtbot: QtBot) -> None:
    win = main_window(ukraine, active=True)
    win.ws.switch_draft("us-28")
    strip = win.verdicts.strip
    strip.setFocus()
    qtbot.waitUntil(strip.hasFocus)
    assert strip.current == 0
    for _ in range(len(strip.entries) - 1):
        qtbot.keyClick(strip, Qt.Key.Key_Right)
    assert strip.entries[strip.current].party == "turkey"
    with qtbot.waitSignal(strip.party_clicked) as clicked:
        qtbot.keyClick(strip, Qt.Key.Key_Return)
    assert clicked.args == ["turkey"]
    assert win.redlines.verticalScrollBar().value() > 0  # its card scrolled into view
    qtbot.keyClick(strip, Qt.Key.Key_Tab)
    assert not strip.hasFocus()  # Tab moves on: the strip never traps it


@pytest.mark.parametrize("tone", ["light", "dark"])
def test_the_strip_paints_its_verdicts_in_readable_ink(
        main_window: Callable[..., MainWindow], ukraine: Scenario, qtbot: QtBot,
        tone: str) -> None:
    """Each party's words are painted in its verdict colour made readable on the palette
    (``look.ink``): at least 4.5:1 against the window, measured on the painted pixels, in the
    light palette and the dark one, where the raw verdict colours would not all pass."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleFactory

    from desktop.ui.look import dark_palette, hex_of, ink, readable
    from desktop.wording import palette
    from desktop.wording.palette import contrast

    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    pal = dark_palette() if tone == "dark" else readable(fusion.standardPalette())
    win = main_window(ukraine)
    win.ws.switch_draft("twenty-point")  # accepts, rejects and accepts-if: three colours
    win.setPalette(pal)
    qtbot.wait(10)
    strip = win.verdicts.strip
    ground = hex_of(pal.color(QPalette.ColorRole.Window))
    if tone == "dark":
        assert min(contrast(c, ground) for c in (palette.ACCEPT, palette.REJECT)) < 4.5
    image = strip.grab().toImage()
    assert len({e.colour for e in strip.entries}) >= 2
    for i, entry in enumerate(strip.entries):
        want = ink(entry.colour, strip)
        assert contrast(hex_of(want), ground) >= 4.5, entry.text
        rect = strip.cell_rect(i)
        painted = {hex_of(image.pixelColor(x, y)).lower()
                   for x in range(rect.left(), rect.right())
                   for y in range(rect.top(), rect.bottom())}
        assert hex_of(want).lower() in painted, entry.text  # its words are in that ink
        best = max(contrast(c, ground) for c in painted)
        assert best >= 4.5, entry.text


def test_the_strip_keeps_every_party_on_one_line_at_1280(
        main_window: Callable[..., MainWindow], ukraine: Scenario) -> None:
    """At 1280×800 every party shares one line, whatever the draft: mark, name and verdict
    whole; a line that does not fit gives up the end of its satisfaction (elided, with the
    whole line in its tooltip), never a party."""
    from PySide6.QtGui import QFontMetrics

    win = main_window(ukraine)
    strip: VerdictStrip = win.verdicts.strip
    for draft in ("us-28", "e3-counter", "berlin", "twenty-point"):
        win.ws.switch_draft(draft)
        tops = {strip.cell_rect(i).top() for i in range(len(strip.entries))}
        assert len(tops) == 1, draft
        line = QFontMetrics(strip.font()).height()
        assert strip.height() < 2 * line, draft
        bold = QFontMetrics(strip._bold)  # the names are painted bold
        plain = QFontMetrics(strip.font())
        for i, entry in enumerate(strip.entries):
            rect = strip.cell_rect(i)
            assert strip.rect().contains(rect)
            least = bold.horizontalAdvance(entry.name) + plain.horizontalAdvance(entry.brief)
            assert rect.width() >= least, (draft, entry.text)
    assert strip.heightForWidth(300) > strip.heightForWidth(1280)  # narrow: columns

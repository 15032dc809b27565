"""The verdict strip and the change notices after an edit (issue 16): a party's line is made
again only when what it reads can have changed, and the notices compare only the parties whose
verdict the edit touched, yet both say exactly what they said when every party was worded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from desktop.domain import Scenario
from desktop.ui.mainwindow import MainWindow
from desktop.ui.verdicts import Entry, StripWords, strip_entry
from desktop.wording.changes import verdict_changes
from tests.wording_pseudo import CLOSE, OPEN, pseudo_translation

ARMY = "army-cap"
PLANT = "znpp"


@pytest.fixture
def win(main_window: Callable[..., MainWindow], ukraine: Scenario) -> MainWindow:
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    return win


def _row(win: MainWindow, provision: str) -> int:
    assert win.ws.draft is not None
    return [c.provision for c in win.ws.draft.clauses].index(provision)


def _absent(win: MainWindow) -> list[str]:
    assert win.ws.draft is not None
    present = {c.provision for c in win.ws.draft.clauses}
    return [p.id for p in win.ws.scenario.provisions if p.id not in present]


def _fresh(win: MainWindow) -> list[str]:
    """Every party's line as made from nothing, flips as the strip has them."""
    report = win.ws.report
    assert report is not None
    return [strip_entry(v, win.ws.scenario, v.party in win.verdicts.strip.flipped,
                        win.ws.draft).text for v in report.parties]


def test_the_strip_reads_as_if_every_line_were_made_again(win: MainWindow) -> None:
    """A flip says "now", the next edit drops it for the party it leaves alone, and every line
    after every edit is the one made from nothing."""
    strip = win.verdicts.strip
    made: list[object] = []
    real = strip._words.entry
    def counted(*a: Any) -> Entry:
        made.append(a)
        return real(*a)

    strip._words.entry = counted  # type: ignore[method-assign,assignment]
    assert win.editor.remove_clause(_row(win, ARMY))
    assert strip.flipped == {"russia"}
    assert any(t.startswith("✗ Russia: now rejects") for t in strip.texts())
    assert strip.texts() == _fresh(win)
    assert 0 < len(made) < len(strip.entries)  # the parties the edit touched, not all five
    made.clear()
    for pid in _absent(win)[:6]:
        assert win.editor.add_clause(pid, 0)
        assert strip.texts() == _fresh(win)
    assert not any("now" in t for t in strip.texts() if t.startswith("✗ Russia"))
    win.ws.undo_stack.setIndex(0)
    assert strip.texts() == _fresh(win)


def test_an_accepts_if_line_is_renumbered_by_an_insert_above(win: MainWindow) -> None:
    win.ws.switch_draft("twenty-point")
    assert win.ws.draft is not None
    at = win.ws.draft.index_of(PLANT)
    assert at is not None
    strip = win.verdicts.strip
    line = next(t for t in strip.texts() if t.startswith("◐ Ukraine"))
    assert f"Accepts if §{at + 1} is " in line
    assert win.editor.add_clause(_absent(win)[0], 0)
    line = next(t for t in strip.texts() if t.startswith("◐ Ukraine"))
    assert f"Accepts if §{at + 2} is " in line
    assert strip.texts() == _fresh(win)


def test_the_strip_follows_the_wordings_language(win: MainWindow) -> None:
    strip = win.verdicts.strip
    english = strip.texts()
    with pseudo_translation():
        strip.show_report(win.ws.scenario, win.ws.report)  # no edit: only the words differ
        assert all(OPEN in t and CLOSE in t for t in strip.texts())
    strip.show_report(win.ws.scenario, win.ws.report)
    assert strip.texts() == english


def test_the_strip_rewords_every_line_when_the_language_changes(
        win: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's translators changing (a LanguageChange) words every line again, those of parties
    no edit touched included."""
    strip = win.verdicts.strip
    real = StripWords.tr

    def marked(self: StripWords, text: str, disambiguation: str | None = None,
               n: int = -1) -> str:
        return f"«{real(self, text, disambiguation, n)}»"

    monkeypatch.setattr(StripWords, "tr", marked)
    QCoreApplication.sendEvent(strip, QEvent(QEvent.Type.LanguageChange))
    assert strip.texts()
    assert all("«" in t for t in strip.texts())


def test_each_notice_says_what_comparing_every_party_says(win: MainWindow) -> None:
    notices = win.verdicts.notices
    edits: list[Callable[[], bool]] = [
        lambda: win.editor.remove_clause(_row(win, ARMY)),
        *[(lambda pid=pid: win.editor.add_clause(pid, 0)) for pid in _absent(win)[:5]],
        lambda: win.editor.remove_clause(0),
    ]
    for edit in edits:
        before = win.ws.report
        assert edit()
        after = win.ws.report
        assert before is not None
        assert after is not None
        QCoreApplication.processEvents()
        notice = notices.latest
        assert notice is not None
        scenario, draft = win.ws.scenario, win.ws.draft
        assert notice.sentences == verdict_changes(before, after, scenario, draft=draft)
        assert notice.short == verdict_changes(before, after, scenario, why=False,
                                               draft=draft)
    # Undo the lot: each notice still the whole comparison.
    while win.ws.undo_stack.canUndo():
        before = win.ws.report
        win.ws.undo_stack.undo()
        assert before is not None
        assert win.ws.report is not None
        notice = notices.latest
        assert notice is not None
        assert notice.undone
        assert notice.sentences == verdict_changes(before, win.ws.report, win.ws.scenario,
                                                   draft=win.ws.draft)

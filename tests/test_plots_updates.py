"""The charts after an edit (issue 16): the red-line matrix keeps each cell's words and each
party's crossed cells, the satisfaction chart its description and labels, and both still follow
every edit that changes what they show, in the words of the language shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.ui.mainwindow import MainWindow
from desktop.ui.plots import RedLineMatrix, SatisfactionChart

ARMY = "army-cap"


@pytest.fixture
def win(main_window: Callable[..., MainWindow], ukraine: Scenario) -> MainWindow:
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    win.charts.build()
    return win


def _row(win: MainWindow, provision: str) -> int:
    assert win.ws.draft is not None
    return [c.provision for c in win.ws.draft.clauses].index(provision)


def _cell(matrix: RedLineMatrix, scenario: Scenario, party: str, red_line: str
          ) -> tuple[int, int]:
    i = [p.id for p in scenario.parties].index(party)
    j = [r.id for r in scenario.party(party).red_lines].index(red_line)
    return i, j


def _spy(widget: object, name: str) -> list[str]:
    """Every text the widget's ``name`` setter is given, still set."""
    calls: list[str] = []
    real = getattr(widget, name)

    def spy(text: str) -> None:
        calls.append(text)
        real(text)

    setattr(widget, name, spy)
    return calls


def test_the_matrix_follows_a_flip_in_its_cells_and_its_words(
        win: MainWindow, ukraine: Scenario) -> None:
    """Removing the army ceiling crosses Russia's army line and lifts one line each of Ukraine
    and Europe: the grid, the cell's words and the description all say so, and undo puts
    every one back (the same cells' words made earlier, the description as it was)."""
    matrix = win.charts.matrix
    assert win.ws.report is not None
    before = win.ws.report
    described, grid = matrix.accessibleDescription(), matrix.grid.copy()
    assert win.editor.remove_clause(_row(win, ARMY))
    after = win.ws.report
    assert after is not None
    flipped = {(v.party, x.red_line) for v in after.parties for x in v.violations} ^ \
        {(v.party, x.red_line) for v in before.parties for x in v.violations}
    assert ("russia", after.verdict("russia").violations[0].red_line) in flipped
    for party, line in flipped:
        i, j = _cell(matrix, ukraine, party, line)
        crossed = any(x.red_line == line for x in after.verdict(party).violations)
        assert matrix.grid[i, j] == (-1 if crossed else 1)
        title = next(r.title for r in ukraine.party(party).red_lines if r.id == line)
        words = f"{ukraine.party(party).name}: {title}: {'crossed' if crossed else 'holds'}"
        assert matrix.cell_text(i, j) == words
        assert (words in matrix.accessibleDescription()) == crossed
    assert matrix.accessibleDescription() != described
    win.ws.undo_stack.undo()
    assert (matrix.grid == grid).all()
    assert matrix.accessibleDescription() == described


def test_an_edit_that_crosses_nothing_new_leaves_the_matrix_alone(win: MainWindow) -> None:
    matrix = win.charts.matrix
    sets = _spy(matrix, "setAccessibleDescription")
    painted: list[object] = []
    matrix.image.setImage = lambda *a, **k: painted.append(a)
    report = win.ws.report
    assert win.editor.set_note(0, "A note changes no verdict.")
    assert win.ws.report is not report
    assert sets == []
    assert painted == []


def test_the_matrix_words_follow_the_language(win: MainWindow, ukraine: Scenario,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The cells' words are kept only while their templates read the same: under another
    translation every cell, the hovered one and those in the description, reads anew."""
    matrix = win.charts.matrix
    i, j = _cell(matrix, ukraine, "russia", ukraine.party("russia").red_lines[0].id)
    english = matrix.cell_text(i, j)
    real = RedLineMatrix.tr

    def marked(self: RedLineMatrix, text: str, disambiguation: str | None = None,
               n: int = -1) -> str:
        return f"«{real(self, text, disambiguation, n)}»"

    monkeypatch.setattr(RedLineMatrix, "tr", marked)
    assert matrix.cell_text(i, j) == f"«{english}»"
    assert win.editor.remove_clause(_row(win, ARMY))  # a flip: the description is made again
    described = matrix.accessibleDescription()
    crossed = int((matrix.grid == -1).sum())
    assert crossed
    assert described.count(": crossed»") == described.count(": crossed") == crossed
    assert described.endswith("other red lines hold.»")


def test_the_matrix_words_follow_renamed_parties(win: MainWindow, ukraine: Scenario,
                                                 qtbot: QtBot) -> None:
    matrix = RedLineMatrix()
    qtbot.addWidget(matrix)
    report = win.ws.report
    matrix.show_report(ukraine, report)
    i, j = _cell(matrix, ukraine, "ukraine", ukraine.party("ukraine").red_lines[0].id)
    assert matrix.cell_text(i, j).startswith("Ukraine: ")
    renamed = ukraine.model_copy(update={"parties": tuple(
        p.model_copy(update={"name": "Ukraina"}) if p.id == "ukraine" else p
        for p in ukraine.parties)})
    matrix.show_report(renamed, report)
    assert matrix.cell_text(i, j).startswith("Ukraina: ")
    items = matrix.accessibleDescription().split("; ")
    assert any(item.startswith("Ukraina: ") for item in items)
    assert not any(item.startswith("Ukraine: ") for item in items)


def test_the_satisfaction_chart_follows_an_edit_and_sets_only_what_moved(
        win: MainWindow) -> None:
    chart = win.charts.satisfaction
    described = chart.accessibleDescription()
    labels = [label.toPlainText() for label in chart.labels]
    sets = _spy(chart, "setAccessibleDescription")
    assert win.editor.remove_clause(_row(win, ARMY))  # Russia now rejects
    assert len(sets) == 1
    assert "Russia: rejects, satisfaction" in chart.accessibleDescription()
    russia = [p.id for p in win.ws.scenario.parties].index("russia")
    assert chart.labels[russia].toPlainText().startswith("✗ ")
    assert chart.labels[russia].toPlainText() != labels[russia]
    win.ws.undo_stack.undo()
    assert chart.accessibleDescription() == described
    assert [label.toPlainText() for label in chart.labels] == labels
    assert len(sets) == 2
    # Shown again unchanged: nothing set.
    chart.show_report(win.ws.scenario, win.ws.report)
    assert len(sets) == 2


def test_the_satisfaction_description_follows_the_language(
        win: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    chart = win.charts.satisfaction
    real = SatisfactionChart.tr

    def marked(self: SatisfactionChart, text: str, disambiguation: str | None = None,
               n: int = -1) -> str:
        return f"«{real(self, text, disambiguation, n)}»"

    monkeypatch.setattr(SatisfactionChart, "tr", marked)
    chart.show_report(win.ws.scenario, win.ws.report)  # nothing moved but the words
    assert chart.accessibleDescription().startswith("«")


def test_the_satisfaction_chart_follows_the_parties_not_only_the_verdicts(
        win: MainWindow, ukraine: Scenario) -> None:
    """A note changes no verdict: the chart sets nothing. A party's new no-deal level (its
    verdict the same) moves its dashed mark, its label and its words."""
    chart = win.charts.satisfaction
    sets = _spy(chart, "setAccessibleDescription")
    assert win.editor.set_note(0, "A note changes no verdict.")
    assert sets == []
    turkey = win.ws.scenario.party("turkey")
    assert turkey.no_deal is not None
    assert win.editor.put_party(turkey.model_copy(update={"no_deal": 0.9}), "turkey")
    assert len(sets) == 1
    assert "Turkey: accepts, satisfaction 64% (no-deal level 90%)" in \
        chart.accessibleDescription()
    at = [p.id for p in win.ws.scenario.parties].index("turkey")
    assert chart.no_deal[at] == pytest.approx(90.0)
    assert chart.labels[at].pos().y() == pytest.approx(91.0)

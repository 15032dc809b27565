"""Library → Sources… (issue 14): the source register edited in the GUI, each change one undo
step; references given by Accord; a cited source is removed only with its citations, after a
question that says in words what cites it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain import edit as ops
from desktop.domain.edit import EditError, next_source_id, source_citers
from desktop.domain.model import Source
from desktop.ui.commands import Editor
from desktop.ui.editors import LibraryEditing
from desktop.ui.editors.sources import SourceDialog, SourcesDialog, parse_date
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    w = QWidget()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def prompter() -> FakePrompter:
    return FakePrompter()


@pytest.fixture
def uk_ws(ukraine: Scenario, qtbot: QtBot) -> Workspace:
    return Workspace(ukraine)


@pytest.fixture
def cited(mini: Scenario) -> Scenario:
    """``mini`` with a register of three; S01 is cited by a provision, a red line and a
    draft, S02 by the provision, S03 by nothing."""
    scenario = mini
    for n, title in enumerate(("The 28-point plan", "Kremlin read-out", "Unused note"), 1):
        scenario = ops.put_source(scenario, Source(id=f"S{n:02d}", title=title))
    army = scenario.provision("army-cap").model_copy(update={"sources": ("S01", "S02")})
    scenario = ops.put_provision(scenario, army, "army-cap")
    ukraine = scenario.party("ukraine")
    red = ukraine.red_lines[0].model_copy(update={"sources": ("S01",)})
    scenario = ops.put_party(scenario, ukraine.model_copy(
        update={"red_lines": (red, *ukraine.red_lines[1:])}), "ukraine")
    return ops.set_draft_properties(scenario, scenario.drafts[0].id, sources=("S01",))


def register(ws: Workspace) -> list[tuple[str, str]]:
    return [(s.id, s.title) for s in ws.scenario.sources]


# --------------------------------------------------------------------------- the domain


def test_next_reference_is_one_above_the_highest(mini: Scenario, cited: Scenario,
                                                  ukraine: Scenario) -> None:
    assert next_source_id(mini) == "S01"
    assert next_source_id(cited) == "S04"
    assert next_source_id(ops.remove_source(cited, "S03")) == "S03"  # the highest went
    assert next_source_id(ops.remove_source(cited, "S02", uncite=True)) == "S04"  # not reused
    highest = max(int(s.id[1:]) for s in ukraine.sources)
    assert next_source_id(ukraine) == f"S{highest + 1:02d}"


def test_a_cited_source_is_refused_in_words(cited: Scenario) -> None:
    draft = cited.drafts[0].title
    assert source_citers(cited, "S01") == [
        "the provision “Army ceiling”", "Ukraine's red line ‘Army of at least 800k’",
        f"the draft “{draft}”"]
    assert source_citers(cited, "S03") == []
    with pytest.raises(EditError) as err:
        ops.remove_source(cited, "S01")
    assert str(err.value) == (
        "“The 28-point plan” [S01] is cited by the provision “Army ceiling”, Ukraine's red "
        f"line ‘Army of at least 800k’ and the draft “{draft}”: remove those citations first")
    with pytest.raises(EditError):
        ops.remove_source(cited, "S09")


def test_removing_with_citations_drops_every_citation(cited: Scenario) -> None:
    after = ops.remove_source(cited, "S01", uncite=True)
    assert [s.id for s in after.sources] == ["S02", "S03"]
    assert source_citers(after, "S01") == []
    assert after.provision("army-cap").sources == ("S02",)
    assert after.party("ukraine").red_lines[0].sources == ()
    assert after.drafts[0].sources == ()
    assert after.drafts[0].clauses == cited.drafts[0].clauses


def test_put_source_keeps_the_reference(mini: Scenario) -> None:
    one = ops.put_source(mini, Source(id="S01", title="A report"))
    assert [s.title for s in one.sources] == ["A report"]
    with pytest.raises(EditError):
        ops.put_source(one, Source(id="S01", title="Again"))
    with pytest.raises(EditError):
        ops.put_source(one, Source(id="S02", title="Renamed"), replaces="S01")
    same = ops.put_source(one, Source(id="S01", title="A report"), replaces="S01")
    assert same is one


def test_dates_are_typed_year_month_day() -> None:
    assert parse_date(" 2025-11-21 ") == dt.date(2025, 11, 21)
    assert parse_date("") is None
    assert "year-month-day" in getattr(parse_date("21/11/2025"), "message", "")
    assert "not a day" in getattr(parse_date("2025-02-30"), "message", "")


# --------------------------------------------------------------------------- the dialogs


def test_the_library_menu_opens_the_register(ws: Workspace, editor: Editor,
                                             window: QWidget) -> None:
    editing = LibraryEditing(ws, editor, window, prompter=FakePrompter())
    menu = QMenu(window)
    editing.populate_menu(menu)
    action = editing.actions["actionSources"]
    assert action in menu.actions()
    assert action.text().replace("&", "") == "Sources…"
    action.trigger()
    assert isinstance(editing.last_dialog, SourcesDialog)
    assert editing.last_dialog.isVisible()
    editing.last_dialog.reject()


def test_add_edit_and_undo_sources(qtbot: QtBot, ws: Workspace, editor: Editor,
                                   window: QWidget, prompter: FakePrompter) -> None:
    dialog = SourcesDialog(ws, editor, window, prompter)
    qtbot.addWidget(dialog)
    assert dialog.empty_label.isVisibleTo(dialog)
    assert not dialog.edit_button.isEnabled()

    entry = dialog.add_source()
    assert isinstance(entry, SourceDialog)
    assert entry.reference_label.text() == "S01"  # given, not typed
    assert not entry.ok_button.isEnabled()  # no title yet
    qtbot.keyClicks(entry.title_edit, "Kyiv Independent <b>report</b>")
    qtbot.keyClicks(entry.publisher_edit, "Kyiv Independent")
    qtbot.keyClicks(entry.date_edit, "2025-31-12")
    assert not entry.ok_button.isEnabled()
    assert "year-month-day" in entry.date_status.text() or "calendar" in entry.date_status.text()
    entry.date_edit.clear()
    qtbot.keyClicks(entry.date_edit, "2025-12-01")
    qtbot.keyClicks(entry.url_edit, "kyivindependent.com/x")
    assert entry.ok_button.isEnabled()
    entry.ok_button.click()
    assert not entry.isVisible()
    assert ws.scenario.sources == (Source(id="S01", title="Kyiv Independent <b>report</b>",
                                          publisher="Kyiv Independent",
                                          date=dt.date(2025, 12, 1),
                                          url="kyivindependent.com/x"),)
    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == "Add source “Kyiv Independent <b>report</b>”"
    # The table shows the register, the new one selected; user text is shown literally.
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in range(5)]  # type: ignore[union-attr]
    assert cells == ["S01", "Kyiv Independent <b>report</b>", "Kyiv Independent",
                     "2025-12-01", "kyivindependent.com/x"]
    assert dialog.current_id() == "S01"

    second = dialog.add_source()
    assert second.reference_label.text() == "S02"
    qtbot.keyClicks(second.title_edit, "Reuters wire")
    second.ok_button.click()
    assert register(ws) == [("S01", "Kyiv Independent <b>report</b>"), ("S02", "Reuters wire")]

    dialog.select("S01")
    edit = dialog.edit_source()
    assert edit is not None
    assert edit.title_edit.text() == "Kyiv Independent <b>report</b>"
    edit.title_edit.clear()
    qtbot.keyClicks(edit.title_edit, "Kyiv Independent report")
    edit.ok_button.click()
    assert register(ws)[0] == ("S01", "Kyiv Independent report")
    assert ws.undo_stack.count() == 3

    ws.undo_stack.undo()
    assert register(ws)[0] == ("S01", "Kyiv Independent <b>report</b>")
    assert dialog.table.item(0, 1).text() == "Kyiv Independent <b>report</b>"  # type: ignore[union-attr]
    ws.undo_stack.undo()
    ws.undo_stack.undo()
    assert register(ws) == []
    assert dialog.table.rowCount() == 0


def test_an_unchanged_edit_pushes_nothing(qtbot: QtBot, uk_ws: Workspace, window: QWidget,
                                          prompter: FakePrompter) -> None:
    dialog = SourcesDialog(uk_ws, Editor(uk_ws), window, prompter)
    qtbot.addWidget(dialog)
    dialog.select("S03")
    edit = dialog.edit_source()
    assert edit is not None
    edit.ok_button.click()
    assert not edit.isVisible()
    assert uk_ws.undo_stack.count() == 0


def test_removing_an_uncited_source_is_one_step(qtbot: QtBot, ws: Workspace, editor: Editor,
                                                window: QWidget,
                                                prompter: FakePrompter) -> None:
    editor.put_source(Source(id="S01", title="Unused"))
    dialog = SourcesDialog(ws, editor, window, prompter)
    qtbot.addWidget(dialog)
    dialog.select("S01")
    assert dialog.remove_source()
    assert prompter.asked == []  # nothing cites it: no question
    assert ws.scenario.sources == ()
    ws.undo_stack.undo()
    assert register(ws) == [("S01", "Unused")]


def test_removing_a_cited_source_asks_in_words(qtbot: QtBot, cited: Scenario,
                                               window: QWidget,
                                               prompter: FakePrompter) -> None:
    ws = Workspace(cited)
    dialog = SourcesDialog(ws, Editor(ws), window, prompter)
    qtbot.addWidget(dialog)
    dialog.select("S01")

    prompter.confirm_answer = False
    assert not dialog.remove_source()
    assert prompter.asked[-1] == (
        "“The 28-point plan” [S01] is cited in 3 places:\n"
        "  • The provision “Army ceiling”\n"
        "  • Ukraine's red line ‘Army of at least 800k’\n"
        f"  • The draft “{cited.drafts[0].title}”\n\n"
        "Remove the source and those citations? You can undo this.")
    assert ws.scenario is cited
    assert dialog.status_label.text() == "“The 28-point plan” was kept: it is still cited."

    prompter.confirm_answer = True
    assert dialog.remove_source()
    assert register(ws) == [("S02", "Kremlin read-out"), ("S03", "Unused note")]
    assert source_citers(ws.scenario, "S01") == []
    assert dialog.status_label.text() == ("Removed “The 28-point plan” and its 3 citations. "
                                          "Edit → Undo brings it back.")
    assert dialog.table.rowCount() == 2
    assert ws.undo_stack.count() == 1
    assert ws.undo_stack.undoText() == "Delete source “The 28-point plan”"
    ws.undo_stack.undo()
    assert ws.scenario.sources == cited.sources
    assert source_citers(ws.scenario, "S01") == source_citers(cited, "S01")
    assert dialog.table.rowCount() == 3


def test_a_long_list_of_citers_is_cut_short(ukraine: Scenario) -> None:
    from desktop.ui.editors.sources import removal_question

    source, citers = max(((s, source_citers(ukraine, s.id)) for s in ukraine.sources),
                         key=lambda pair: len(pair[1]))
    assert len(citers) > 8
    question = removal_question(source, citers)
    assert question.count("  • ") == 8
    assert f"… and {len(citers) - 8} more" in question

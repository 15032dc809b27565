"""The provision editor's PA-X issues (issue 18): codes offered by name under their categories,
a minimum strength for graded issues, the count together; saving is one undo step, and an
unchanged dialog keeps the provision's tags as they were (no edit)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.model import PaxTag
from desktop.domain.precedents import CODE_NAMES
from desktop.ui.commands import Editor
from desktop.ui.editors import LibraryEditing
from desktop.ui.editors.provision import ProvisionDialog
from desktop.ui.workspace import Workspace


@pytest.fixture
def editing(qtbot: QtBot, ukraine: Scenario) -> tuple[Workspace, LibraryEditing]:
    from tests.test_ui_mainwindow import FakePrompter

    window = QWidget()
    qtbot.addWidget(window)
    ws = Workspace(ukraine)
    return ws, LibraryEditing(ws, Editor(ws, window), window, prompter=FakePrompter())


def _open(editing: LibraryEditing, pid: str) -> ProvisionDialog:
    dialog = editing.edit_provision(pid)
    assert isinstance(dialog, ProvisionDialog)
    return dialog


def test_codes_by_name_and_category(editing: tuple[Workspace, LibraryEditing]) -> None:
    _, lib = editing
    dialog = _open(lib, "monitoring")
    tree = dialog.pax_picker.tree
    categories = []
    names = set()
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        assert top is not None
        categories.append(top.text(0))
        for j in range(top.childCount()):
            child = top.child(j)
            assert child is not None
            names.add(child.text(0))
    assert categories[0] == "Groups"
    assert "Security sector" in categories
    assert names == set(CODE_NAMES.values())  # every issue by its name, never a bare code
    assert dialog.pax_picker.tags() == (("Ce", None), ("ImPK", None))
    assert dialog.pax_picker.together.text() == (
        "Ceasefire + International mission/force: 378 agreements together.")
    dialog.reject()


def test_saving_new_tags_is_one_undo_step(editing: tuple[Workspace, LibraryEditing]) -> None:
    ws, lib = editing
    dialog = _open(lib, "monitoring")
    picker = dialog.pax_picker
    picker.set_checked("SsrFf", True)
    picker.set_min_strength("Ce", 3)
    assert picker.tags() == (("Ce", 3), ("ImPK", None), ("SsrFf", None))
    assert "Ceasefire, strength 3 or more" in picker.together.text()
    dialog.ok_button.click()
    assert ws.scenario.provision("monitoring").pax == (
        PaxTag(code="Ce", min_strength=3), PaxTag(code="ImPK"), PaxTag(code="SsrFf"))
    assert ws.undo_stack.count() == 1
    ws.undo_stack.undo()
    assert ws.scenario.provision("monitoring").pax == (PaxTag(code="Ce"), PaxTag(code="ImPK"))
    ws.undo_stack.redo()
    assert ws.scenario.provision("monitoring").pax[0] == PaxTag(code="Ce", min_strength=3)


def test_unchecking_and_flag_issues(editing: tuple[Workspace, LibraryEditing]) -> None:
    ws, lib = editing
    dialog = _open(lib, "no-force-change")  # Border delimitation + Security guarantees
    picker = dialog.pax_picker
    assert [c for c, _ in picker.tags()] == ["StBor", "SsrGua"]  # the provision's own order
    picker.tree.setCurrentItem(picker._items["SsrGua"])
    assert not picker.strength.isEnabled()  # PA-X records it as present or not
    picker.tree.setCurrentItem(picker._items["Ce"])
    assert picker.strength.isEnabled()  # graded 1 to 3
    picker.set_checked("SsrGua", False)
    dialog.ok_button.click()
    assert ws.scenario.provision("no-force-change").pax == (PaxTag(code="StBor"),)


def test_an_unchanged_dialog_pushes_nothing(editing: tuple[Workspace, LibraryEditing]) -> None:
    ws, lib = editing
    for pid in ("army-cap", "donbas-zone", "ceasefire"):
        dialog = _open(lib, pid)
        dialog.ok_button.click()
    assert ws.undo_stack.count() == 0
    assert ws.scenario.provision("army-cap").pax == (PaxTag(code="SsrArm", min_strength=2),)

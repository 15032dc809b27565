"""Precedents in the window (issue 18): the Precedents tab lists the agreements carrying the
checked clauses' PA-X issues together, filtered and grouped by peace process, the scenario's
own conflict first; the library and the inspector give the counts; About credits PA-X; and
the index is not read on the way to the window's first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.domain.precedents import Tag, load_index
from desktop.ui.mainwindow import MainWindow
from desktop.ui.precedents import PrecedentsPanel, combined_tags

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from desktop.ui.app import build_window, make_application
from desktop.ui.startup import after_first_paint

app = make_application()
tmp = Path(tempfile.mkdtemp())
window = build_window(None, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat),
                      tmp / "recovery")
seen = {}
def shown():
    seen["at_first_paint"] = sorted(m for m in sys.modules if "precedents" in m)
    QTimer.singleShot(300, app.quit)
after_first_paint(window, shown)
window.show()
QTimer.singleShot(20_000, app.quit)
app.exec()
print(json.dumps(seen))
"""


def test_the_precedent_code_waits_for_the_first_paint(tmp_path: Path) -> None:
    """Neither the index nor the code that reads it is loaded on the way to the first paint
    (the Precedents tab's panel is built when it is first shown)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"at_first_paint": []}


def _groups(panel: PrecedentsPanel) -> list[tuple[str, list[str]]]:
    """(peace process heading, agreement names) as the tree shows them."""
    out = []
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        assert top is not None
        names = []
        for j in range(top.childCount()):
            child = top.child(j)
            assert child is not None
            names.append(child.text(0))
        out.append((top.text(0), names))
    return out


def _panel(win: MainWindow, qtbot: QtBot) -> PrecedentsPanel:
    win.analysis.setCurrentWidget(win.precedents_page)
    qtbot.waitUntil(win.precedents.isVisible)
    return win.precedents


def test_the_panel_lists_a_clause_s_precedents(main_window: Callable[..., MainWindow],
                                               ukraine: Scenario, qtbot: QtBot) -> None:
    win = main_window(ukraine)
    win.ws.switch_draft("berlin")
    panel = _panel(win, qtbot)
    assert win.draft.select_provision("monitoring")
    assert panel.checked_ids() == ["monitoring"]
    want = load_index().count_all([Tag("Ce"), Tag("ImPK")])
    assert panel.summary.text().startswith(
        f"Ceasefire + International mission/force: {want:,} agreements contain all of these issues "
        "together")
    assert len(panel.found) == want
    # Grouped by peace process, the Ukraine processes (Minsk, 2022, 2025) first.
    groups = _groups(panel)
    assert groups[0][0].startswith("Same conflict: ")
    same = [names for head, names in groups if head.startswith("Same conflict: ")]
    assert any("Minsk" in n for names in same for n in names)
    assert sum(len(names) for _, names in groups) == want
    assert "PA-X" in panel.credit.text()


def test_combinations_and_filters(main_window: Callable[..., MainWindow], ukraine: Scenario,
                                  qtbot: QtBot) -> None:
    win = main_window(ukraine)
    win.ws.switch_draft("berlin")
    panel = _panel(win, qtbot)
    panel.set_checked(["ceasefire", "monitoring", "ru-withdraw-other"])
    index = load_index()
    tags = [Tag("Ce"), Tag("ImPK"), Tag("SsrFf"), Tag("StBor")]
    assert len(panel.found) == index.count_all(tags)
    assert f"{index.count_all(tags):,}" in panel.summary.text() or "no agreement" in \
        panel.summary.text()
    panel.set_checked(["ceasefire"])
    everything = len(panel.found)
    assert everything == 1038
    panel.region.setCurrentIndex(panel.region.findData("Europe and Eurasia"))
    assert panel.found
    assert all(p.agreement.region == "Europe and Eurasia" for p in panel.found)
    panel.strength.setCurrentIndex(panel.strength.findData(3))
    assert all(p.strength == 3 for p in panel.found)
    panel.since.setValue(2010)
    panel.until.setValue(2020)
    assert all(2010 <= p.agreement.date.year <= 2020 for p in panel.found)
    panel.stage.setCurrentIndex(panel.stage.findData("Cea"))
    assert all(p.agreement.stage == "Cea" for p in panel.found)
    assert len(panel.found) < everything
    panel.set_checked([])
    assert panel.found == []
    assert "Check one or more clauses" in panel.summary.text()


def test_combined_tags_keep_the_strongest_minimum() -> None:
    assert combined_tags([[Tag("Ce")], [Tag("Ce", 2), Tag("ImPK")], [Tag("ImPK")]]) == [
        Tag("Ce", 2), Tag("ImPK")]


def test_library_and_inspector_show_the_counts(main_window: Callable[..., MainWindow],
                                               ukraine: Scenario, qtbot: QtBot) -> None:
    win = main_window(ukraine)
    ceasefire = ukraine.provision_index["ceasefire"]
    assert "Ceasefire: 1,038 agreements" in win.library.describe(ceasefire)
    assert "PA-X" in win.library.describe(ceasefire)
    assert win.draft.select_provision("ceasefire")
    qtbot.waitUntil(lambda: "1,038" in win.inspector.precedents.text())
    assert win.inspector.precedents.text() == "Precedents (PA-X): Ceasefire: 1,038 agreements"
    win.draft.select_provision("no-force-change")
    qtbot.waitUntil(lambda: "Border delimitation" in win.inspector.precedents.text())
    assert "All 2 together: 85 agreements" in win.inspector.precedents.text()


def test_about_credits_pa_x(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: said.append(text))
    window._about()
    assert "PA-X Peace Agreements Database" in said[0]
    assert "Bell and Badanjak" in said[0]


def test_a_code_pa_x_does_not_have_is_said_not_crashed_on(
        main_window: Callable[..., MainWindow], ukraine: Scenario, qtbot: QtBot) -> None:
    from desktop.domain.interchange import scenario_from_dict, scenario_to_dict

    data = scenario_to_dict(ukraine)
    for prov in data["provisions"]:
        if prov["id"] == "ceasefire":
            prov["pax"] = ["Ce", "Zzz"]  # a well-formed code PA-X does not have
    win = main_window(scenario_from_dict(data))
    panel = _panel(win, qtbot)
    panel.set_checked(["ceasefire"])
    assert panel.found == []
    assert panel.summary.text().startswith("Not PA-X issue codes: Zzz.")
    prov = win.ws.scenario.provision_index["ceasefire"]
    assert "Ceasefire: 1,038 agreements" in win.library.describe(prov)
    assert "not in PA-X" in win.library.describe(prov)


def test_the_whole_draft_as_one_package(main_window: Callable[..., MainWindow],
                                        ukraine: Scenario, qtbot: QtBot) -> None:
    win = main_window(ukraine)
    win.ws.switch_draft("e3-counter")
    panel = _panel(win, qtbot)
    panel.all_button.click()
    draft = win.ws.scenario.draft("e3-counter")
    assert panel.checked_ids() == [c.provision for c in draft.clauses]
    tags = combined_tags([[Tag(t.code, t.min_strength) for t in
                           win.ws.scenario.provision(c.provision).pax] for c in draft.clauses])
    assert len(panel.found) == load_index().count_all(tags)
    assert "contain all of these issues together" in panel.summary.text()
    panel.none_button.click()
    assert panel.checked_ids() == []

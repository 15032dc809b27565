"""The bridge finder speaks the negotiator's words: every change kind, every reason, clash sets
of two and three red lines and the red lines to relax, in exact sentences; then a walk over
everything ``accord suggest`` prints and the bridge panel shows for the default scenario and
each of its drafts, which fails on operators, ``provision.param`` paths, raw choice ids, Python
reprs and True/False (ids may appear in the terminal only, as bracketed references)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import bridge_to_json, format_bridge, main
from desktop.domain import Scenario, scenario_from_dict
from desktop.domain.params import ChoiceParam
from desktop.domain.solver import (
    BridgeResult,
    Change,
    ClashItem,
    Gain,
    Need,
    Progress,
    Why,
    find_bridge,
    frontier,
)
from desktop.resources import default_scenario_path
from desktop.wording.bridge import (
    BEST_COMPROMISE,
    MOST_EQUAL,
    change_reason,
    clash_text,
    frontier_mark_text,
    in_sentence,
    possessive,
    progress_text,
    red_line_name,
    relax_text,
)
from desktop.wording.changes import describe_change

WEST = ["ukraine", "europe", "united-states", "turkey"]

# --------------------------------------------------------------------------- a small scenario


def _party(pid: str, name: str, *lines: tuple[str, str, str]) -> dict[str, Any]:
    return {"id": pid, "name": name,
            "red_lines": [{"id": i, "title": t, "rule": r} for i, t, r in lines]}


SMALL: dict[str, Any] = {
    "format": "accord.scenario", "version": 2, "title": "Small", "as_of": "2025-12-15",
    "parties": [
        _party("ukraine", "Ukraine",
               ("ua-army", "Army of at least 800,000", "army-cap -> army-cap.personnel >= 800000"),
               ("ua-no-recognition", "No recognition of occupied land", "not recognition"),
               ("ua-police", "Ukrainian police in any Donbas zone",
                'donbas -> donbas.policing == "ukrainian-police"')),
        _party("russia", "Russia",
               ("ru-recognition", "Recognition of Crimea and Donbas", "recognition"),
               ("ru-army", "Army capped at 600,000", "army-cap.personnel <= 600000")),
        _party("europe", "European states (E3, coalition of the willing)",
               ("eur-army", "Army of at least 800,000",
                "army-cap -> army-cap.personnel >= 800000")),
        _party("united-states", "United States (mediator)"),
    ],
    "provisions": [
        {"id": "army-cap", "title": "Ceiling on Ukraine's armed forces", "category": "military",
         "kind": "concession", "text": "At most {personnel}.",
         "params": [{"name": "personnel", "label": "Army personnel", "type": "int",
                     "default": 600000, "unit": "personnel", "step": 50000}]},
        {"id": "donbas", "title": "Donbas arrangement", "category": "territory",
         "kind": "concession", "text": "Policed by {policing}.",
         "params": [
             {"name": "policing", "label": "Policing", "type": "choice",
              "choices": [{"id": "ukrainian-police", "label": "Ukrainian police"},
                          {"id": "russian-national-guard", "label": "Russian National Guard"}],
              "default": "russian-national-guard"},
             {"name": "ua_withdrawal", "type": "choice",
              "choices": ["full-withdrawal", "no-withdrawal"], "default": "full-withdrawal"},
             {"name": "international_presence", "label": "International presence on the line",
              "type": "bool", "default": False, "true_label": "has an international presence",
              "false_label": "has no international presence"},
             {"name": "russia_mirrors", "type": "bool", "default": False}]},
        {"id": "fund", "title": "Reconstruction fund", "category": "economy",
         "kind": "incentive", "text": "A fund.",
         "params": [{"name": "size", "label": "Target", "type": "number",
                     "default": 50_000_000_000, "unit": "USD"},
                    {"name": "share", "label": "US share of the profits", "type": "int",
                     "default": 50, "unit": "%"},
                    {"name": "years", "label": "Duration", "type": "int", "default": 10,
                     "unit": "years"}]},
        {"id": "recognition", "title": "Recognition of annexed land", "category": "territory",
         "kind": "concession", "text": "Recognised, with Enerhodar."},
        {"id": "us-guarantee", "title": "US security guarantee", "category": "security",
         "kind": "guarantee", "text": "A guarantee.", "excludes": ["neutral"]},
        {"id": "neutral", "title": "Neutrality", "category": "alliances", "kind": "commitment",
         "text": "Neutral."},
        {"id": "elections", "title": "Elections in Ukraine", "category": "politics",
         "kind": "commitment", "text": "Elections after a national referendum."},
    ],
    "drafts": [{"id": "d1", "title": "Draft one", "clauses": [
        {"provision": "army-cap", "values": {"personnel": 600000}},
        {"provision": "donbas", "values": {"policing": "russian-national-guard"}},
        {"provision": "fund", "values": {"years": 1}},
        {"provision": "neutral"},
        {"provision": "elections"},
    ]}],
}


@pytest.fixture(scope="module")
def small() -> Scenario:
    return scenario_from_dict(SMALL)


def _set(provision: str, param: str, value: Any) -> Change:
    return Change("set", provision, param=param, value=value)


ARMY = "“Ceiling on Ukraine's armed forces”"


@pytest.mark.parametrize(("change", "text"), [
    (_set("army-cap", "personnel", 800000),
     f"Raise army personnel in {ARMY} from 600,000 to 800,000 personnel"),
    (_set("army-cap", "personnel", 550000),
     f"Lower army personnel in {ARMY} from 600,000 to 550,000 personnel"),
    (_set("fund", "size", 100_000_000_000),  # a default: the clause leaves it out
     "Raise target in “Reconstruction fund” from USD 50 billion to USD 100 billion"),
    (_set("fund", "share", 35),
     "Lower US share of the profits in “Reconstruction fund” from 50% to 35%"),
    (_set("fund", "years", 5), "Raise duration in “Reconstruction fund” from 1 to 5 years"),
    (_set("donbas", "policing", "ukrainian-police"),
     "Change policing in “Donbas arrangement” from “Russian National Guard” to “Ukrainian "
     "police”"),
    (_set("donbas", "ua_withdrawal", "no-withdrawal"),  # unlabelled: words from the ids
     "Change ua withdrawal in “Donbas arrangement” from “full withdrawal” to “no withdrawal”"),
    (_set("donbas", "international_presence", True),
     "Change international presence on the line in “Donbas arrangement” from “has no "
     "international presence” to “has an international presence”"),
    (_set("donbas", "russia_mirrors", True),  # no words for yes and no: "yes", "no"
     "Change Russia mirrors in “Donbas arrangement” from “no” to “yes”"),
    (Change("add", "us-guarantee"), "Add “US security guarantee”"),
    (Change("remove", "neutral"), "Remove “Neutrality”"),
    (Change("phase", "elections", phase=2), "Move “Elections in Ukraine” to phase 2"),
])
def test_each_change_kind_in_words(small: Scenario, change: Change, text: str) -> None:
    draft = small.drafts[0]
    assert describe_change(change, "panel", small, draft) == text
    assert describe_change(change, "terminal", small, draft) == f"{text} [{change.provision}]"


def test_a_change_without_the_draft_says_only_where_it_goes(small: Scenario) -> None:
    assert describe_change(_set("army-cap", "personnel", 800000), "panel", small) == (
        f"Set army personnel in {ARMY} to 800,000 personnel")
    assert describe_change(_set("donbas", "policing", "ukrainian-police"), "panel", small) == (
        "Set policing in “Donbas arrangement” to “Ukrainian police”")


def test_labels_keep_the_capitals_of_names(small: Scenario) -> None:
    assert in_sentence("Army personnel", small) == "army personnel"
    assert in_sentence("US role", small) == "US role"
    assert in_sentence("Russia mirrors", small) == "Russia mirrors"
    assert in_sentence("Ukrainian withdrawal", small) == "Ukrainian withdrawal"
    # A word the scenario capitalises inside a sentence is a name ...
    assert in_sentence("Enerhodar demilitarised", small) == "Enerhodar demilitarised"
    assert in_sentence("Enerhodar demilitarised") == "enerhodar demilitarised"
    # ... unless it also writes it in lower case ("Russian National Guard", "national").
    assert in_sentence("National referendum", small) == "national referendum"
    assert in_sentence("Donbas arrangement") == "Donbas arrangement"
    assert in_sentence("IAEA supervision") == "IAEA supervision"
    assert possessive("United States (mediator)") == "United States'"
    assert possessive("Ukraine") == "Ukraine's"


# --------------------------------------------------------------------------- reasons

UA_ARMY = Need("ukraine", "Ukraine", "ua-army", "Army of at least 800,000")
UA_POLICE = Need("ukraine", "Ukraine", "ua-police", "Ukrainian police in any Donbas zone")
EUR_ARMY = Need("europe", "European states (E3, coalition of the willing)", "eur-army",
                "Army of at least 800,000")


@pytest.mark.parametrize(("why", "text"), [
    (Why(needs=(UA_ARMY,)), "Required by Ukraine's red line ‘Army of at least 800,000’."),
    (Why(needs=(UA_ARMY, EUR_ARMY)),
     "Required by Ukraine's red line ‘Army of at least 800,000’ and European states' red line "
     "‘Army of at least 800,000’."),
    (Why(needs=(UA_ARMY, UA_POLICE, EUR_ARMY)),
     "Required by Ukraine's red lines ‘Army of at least 800,000’ and ‘Ukrainian police in any "
     "Donbas zone’, and European states' red line ‘Army of at least 800,000’."),
    (Why(conflicts=(("us-guarantee", "neutral"),)),
     "“US security guarantee” and “Neutrality” exclude each other."),
    (Why(needs=(UA_ARMY,), conflicts=(("us-guarantee", "neutral"),)),
     "Required by Ukraine's red line ‘Army of at least 800,000’; “US security guarantee” and "
     "“Neutrality” exclude each other."),
    (Why(gains=(Gain("ukraine", "Ukraine", 0.5, 0.625),
                Gain("united-states", "United States (mediator)", 0, 1))),
     "Raises satisfaction: Ukraine from 50% to 62%, United States from 0% to 100%."),
    (Why(), "Needed together with the other changes for every red line to hold."),
    (None, ""),
])
def test_each_reason_in_words(small: Scenario, why: Why | None, text: str) -> None:
    assert change_reason(why, small) == text


def test_the_terminal_adds_ids_as_bracketed_references(small: Scenario) -> None:
    assert change_reason(Why(needs=(UA_ARMY, EUR_ARMY)), small, refs=True) == (
        "Required by Ukraine's red line ‘Army of at least 800,000’ [ua-army] and European "
        "states' red line ‘Army of at least 800,000’ [eur-army].")


# --------------------------------------------------------------------------- clashes


def _item(scenario: Scenario, party: str, red_line: str) -> ClashItem:
    line = next(r for r in scenario.party(party).red_lines if r.id == red_line)
    return ClashItem(party, line.id, line.title, line.rule)


def test_a_clash_of_two(small: Scenario) -> None:
    clash = (_item(small, "ukraine", "ua-no-recognition"),
             _item(small, "russia", "ru-recognition"))
    assert clash_text(small, clash) == (
        "Ukraine's red line ‘No recognition of occupied land’ and Russia's ‘Recognition of "
        "Crimea and Donbas’ cannot both hold.")
    assert clash_text(small, clash, refs=True) == (
        "Ukraine's red line ‘No recognition of occupied land’ [ua-no-recognition] and Russia's "
        "‘Recognition of Crimea and Donbas’ [ru-recognition] cannot both hold.")
    one_party = (_item(small, "ukraine", "ua-army"), _item(small, "ukraine", "ua-police"))
    assert clash_text(small, one_party) == (
        "Ukraine's red lines ‘Army of at least 800,000’ and ‘Ukrainian police in any Donbas "
        "zone’ cannot both hold.")


def test_a_clash_of_three_is_a_list(small: Scenario) -> None:
    clash = (_item(small, "ukraine", "ua-army"), _item(small, "russia", "ru-army"),
             _item(small, "europe", "eur-army"))
    assert clash_text(small, clash) == (
        "These red lines cannot all hold: Ukraine's ‘Army of at least 800,000’, Russia's ‘Army "
        "capped at 600,000’ and European states' ‘Army of at least 800,000’.")
    assert clash_text(small, clash[:1]) == (
        "Ukraine's red line ‘Army of at least 800,000’ cannot hold in any agreement.")


def test_relaxations(small: Scenario) -> None:
    recognition = _item(small, "russia", "ru-recognition")
    assert relax_text(small, (recognition,)) == (
        "Relaxing Russia's red line ‘Recognition of Crimea and Donbas’ would allow an "
        "agreement.")
    both = (recognition, _item(small, "russia", "ru-army"))
    assert relax_text(small, both) == (
        "Relaxing Russia's red lines ‘Recognition of Crimea and Donbas’ and ‘Army capped at "
        "600,000’ would allow an agreement.")
    three = (_item(small, "ukraine", "ua-army"), *both)
    assert relax_text(small, three) == (
        "Relaxing these 3 red lines would allow an agreement: Ukraine's ‘Army of at least "
        "800,000’, and Russia's ‘Recognition of Crimea and Donbas’ and ‘Army capped at "
        "600,000’.")
    assert relax_text(small, ()) == ""
    assert red_line_name(small, recognition, refs=True) == (
        "Russia's red line ‘Recognition of Crimea and Donbas’ [ru-recognition]")


def test_progress_and_frontier_words() -> None:
    assert progress_text(Progress("fewest-changes")) == "Looking for the cheapest changes…"
    assert progress_text(Progress("most-satisfying", 1, 4)) == (
        "Alternative 1: looking for the most satisfying proposal with 4 changes…")
    assert progress_text(Progress("relax")) == (
        "No agreement: finding the cheapest red lines to relax…")
    names = ("Ukraine", "United States (mediator)")
    assert frontier_mark_text(BEST_COMPROMISE, names, (0.8, 0.5)) == (
        "Best compromise: Ukraine 80%, United States 50% (the two satisfactions multiplied are "
        "highest)")
    assert frontier_mark_text(MOST_EQUAL, names, (0.6, 0.6)) == (
        "Most equal: Ukraine 60%, United States 60% (the less satisfied party does best)")


# --------------------------------------------------------------------------- the walk

_OPERATORS = (">=", "<=", "==", "!=", "->", "=>", "≤", "≥", "⟂", " < ", " > ", " = ")
_PATH = re.compile(r"\b[a-z][a-z0-9_-]*\.[a-z_][a-z0-9_]*\b")
_REPR = re.compile(r"\b(True|False|None)\b|\w+\(\w+=|missing:|\{'|\['")


def _offences(text: str, scenario: Scenario, *, refs: bool) -> list[str]:
    """What a person must never read in ``text``. With ``refs`` (the terminal), bracketed
    references are allowed and must name an id of the scenario; without, no id at all."""
    ids = {p.id for p in scenario.provisions} | {d.id for d in scenario.drafts}
    ids |= {r.id for p in scenario.parties for r in p.red_lines}
    found: list[str] = []
    outside = text
    if refs:
        for ref in re.findall(r"\[([^\]]*)\]", text):
            if ref not in ids:
                found.append(f"[{ref}] is not an id of the scenario")
        outside = re.sub(r"\[[^\]]*\]", "", text)
    else:
        found += [f"reference [{r}]" for r in re.findall(r"\[([^\]]*)\]", text) if r in ids]
    found += [f"operator {op!r}" for op in _OPERATORS if op in outside]
    found += [f"path {p!r}" for p in _PATH.findall(outside)]
    found += [f"repr {m.group(0)!r}" for m in _REPR.finditer(outside)]
    choices = {c for p in scenario.provisions for spec in p.params
               if isinstance(spec, ChoiceParam) for c in spec.ids if "-" in c or "_" in c}
    named = choices if refs else choices | {i for i in ids if "-" in i or "_" in i}
    for code in sorted(named):
        if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", outside):
            found.append(f"raw id {code!r}")
    return found


def _assert_plain(texts: list[str], scenario: Scenario, *, refs: bool) -> None:
    bad = {t: o for t in texts if (o := _offences(t, scenario, refs=refs))}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)


def test_the_walk_catches_what_it_must() -> None:
    s = scenario_from_dict(SMALL)
    assert _offences("set army-cap.personnel = 800000", s, refs=True)
    assert _offences("policing is russian-national-guard", s, refs=True)
    assert _offences("needs >= 800000", s, refs=False)
    assert _offences("armed: True", s, refs=False)
    assert _offences("Remove “Neutrality” [neutral]", s, refs=False)
    assert _offences("Remove “Neutrality” [nonsense]", s, refs=True)
    assert not _offences("Remove “Neutrality” [neutral]", s, refs=True)


@pytest.fixture(scope="module")
def ukraine_results(ukraine: Scenario) -> dict[tuple[str, str], BridgeResult]:
    """The default scenario's answers, once: every draft with every party (no agreement) and
    without Russia (a proposal, or none needed)."""
    out = {}
    for draft in ukraine.drafts:
        out[draft.id, "all"] = find_bridge(ukraine, draft, clashes=3)
        out[draft.id, "west"] = find_bridge(ukraine, draft, parties=WEST)
    return out


def test_suggest_speaks_in_sentences_for_every_draft(
        ukraine: Scenario, ukraine_results: dict[tuple[str, str], BridgeResult]) -> None:
    for (draft_id, _), result in ukraine_results.items():
        draft = ukraine.draft(draft_id)
        text = format_bridge(result, ukraine, draft)
        _assert_plain(text.splitlines(), ukraine, refs=True)
        data = bridge_to_json(result, ukraine, draft)
        texts = [*data.get("clash_texts", ()), data.get("relax_text", ""), *data["notes"]]
        for changes in [data.get("changes", []), *(a["changes"] for a in
                                                   data.get("alternatives", []))]:
            texts += [c["text"] for c in changes] + [c["reason"] for c in changes]
        _assert_plain(texts, ukraine, refs=False)
    us28 = format_bridge(ukraine_results["us-28", "west"], ukraine, ukraine.draft("us-28"))
    assert re.search(r"^OPTIMAL: \d+ changes, cost \d+$", us28, re.MULTILINE)
    assert "      Required by Ukraine's red line ‘No blanket amnesty’ [ua-no-blanket-amnesty]." \
        in us28


def test_the_suggest_command_end_to_end(ukraine: Scenario) -> None:
    out = StringIO()
    assert main(["suggest", str(default_scenario_path()), "--clashes", "2"], out) == 1
    text = out.getvalue()
    assert "cannot both hold." in text
    _assert_plain(text.splitlines(), ukraine, refs=True)
    out = StringIO()
    assert main(["suggest", str(default_scenario_path()), "--draft", "twenty-point",
                 "--parties", ",".join(WEST), "--json"], out) == 0
    (change,) = json.loads(out.getvalue())["changes"]
    assert change["provision"] == "znpp"  # the machine fields stay
    _assert_plain([change["text"], change["reason"]], ukraine, refs=False)


# --------------------------------------------------------------------------- the panel


def _panel_texts(panel: Any) -> Iterator[str]:
    """Every text the bridge panel shows: labels, buttons, list and combo items, tabs,
    tooltips, the plot's axis labels, legend and point tips."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QListWidget,
        QTabWidget,
        QWidget,
    )

    for w in [panel, *panel.findChildren(QWidget)]:
        if w.toolTip():
            yield w.toolTip()
        if not w.isVisibleTo(panel):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            yield w.text()
        elif isinstance(w, QListWidget):
            yield from (w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QComboBox):
            yield from (w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            yield from (w.tabText(i) for i in range(w.count()))
    yield from (panel.plot.getAxis(a).labelText for a in ("bottom", "left"))
    yield from (label.text for _, label in panel.legend.items)
    yield from (panel.point_tip(data=i) for i in range(len(panel.points)))


def test_the_bridge_panel_speaks_in_sentences_for_every_draft(
        ukraine: Scenario, ukraine_results: dict[tuple[str, str], BridgeResult],
        qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.bridge import BridgePanel
    from desktop.ui.commands import Editor
    from desktop.ui.workspace import Workspace

    ws = Workspace(ukraine)
    key: list[str] = ["all"]

    def cached(scenario: Scenario, draft: Any, **kw: Any) -> BridgeResult:
        return ukraine_results[draft.id, key[0]]

    panel = BridgePanel(ws, Editor(ws), find_bridge=cached)
    qtbot.addWidget(panel)
    panel.resize(460, 760)
    panel.show()
    try:
        shown: list[str] = []
        for draft in ukraine.drafts:
            ws.switch_draft(draft.id)
            for which in ("all", "west"):
                key[0] = which
                for i in range(panel.parties.count()):
                    item = panel.parties.item(i)
                    on = which == "all" or item.data(Qt.ItemDataRole.UserRole) in WEST
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                with qtbot.waitSignal(panel.finished, timeout=10_000):
                    panel.find_bridge()
                for i in range(max(1, panel.choice.count())):
                    panel.choice.setCurrentIndex(i)
                    qtbot.wait(1)  # rows added to a shown layout are shown on the next event
                    shown += list(_panel_texts(panel))
        draft = ukraine.draft("twenty-point")
        points = frontier(ukraine, draft, "ukraine", "united-states", parties=WEST)
        assert points
        panel.show_points(ukraine, ("ukraine", "united-states"), points)
        shown += list(_panel_texts(panel))
        assert any("cannot both hold." in t for t in shown)
        assert any(t.startswith("Remove “") for t in shown)
        assert any(t.startswith("Required by Ukraine's red line ‘") for t in shown)
        assert any(t.startswith(f"★ {BEST_COMPROMISE}: Ukraine ") for t in
                   panel.frontier_note.text().splitlines())
        _assert_plain(shown, ukraine, refs=False)
    finally:
        panel.shutdown()


def test_the_default_scenario_file_is_the_one_walked(ukraine: Scenario) -> None:
    assert Path(default_scenario_path()).name == "ukraine-2025.json"
    assert len(ukraine.drafts) == 4

"""Every text a person reads about the default scenario is in a negotiator's words.

For the default scenario and each of its drafts this walks the terminal's ``check`` report,
``check --json``'s sentences, every briefing (full, each party's, each comparison) and every red
line card, and fails on what only the engine speaks: operators, ``provision.param`` paths, raw
choice ids, red line or provision ids outside a bracketed reference, ``missing:``, and Python's
``True``/``False``. The bridge finder's texts are walked in
tests/test_bridge_wording.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import format_report, report_to_json
from desktop.domain import ChoiceParam, Scenario, check
from desktop.report import comparison_sheet, full_sheet, party_sheet
from desktop.report.sheets import Block, Chart, Sheet
from desktop.ui.redlines import RedLinePanel
from desktop.ui.workspace import Workspace
from desktop.wording import clause_text
from desktop.wording.values import param_label

OPERATORS = re.compile(r"(>=|<=|==|!=|->|=>|\bin \[)")
PATH = re.compile(r"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z_][a-z0-9_]*\b")
PYTHON = re.compile(r"\b(True|False)\b|missing:")
BRACKETED = re.compile(r"\[[^\[\]\n]*\]")


def codes(scenario: Scenario) -> set[str]:
    """Every id and choice id a person must never read bare: those with a hyphen or an
    underscore (a plain word like "ceasefire" may be English as well as an id)."""
    found = {c.id for p in scenario.provisions for spec in p.params
             if isinstance(spec, ChoiceParam) for c in spec.choices}
    found |= {p.id for p in scenario.provisions}
    found |= {r.id for party in scenario.parties for r in party.red_lines}
    found |= {r.id for party in scenario.parties for r in party.preferences}
    found |= {spec.name for p in scenario.provisions for spec in p.params}
    return {c for c in found if "-" in c or "_" in c}


def human_texts(scenario: Scenario) -> set[str]:
    """What the scenario's authors wrote for people (titles, rationales, notes, sources, the
    register's entries): quoted as written, so a code-like word inside them is not the
    wording's doing."""
    texts = {scenario.title, scenario.summary}
    for party in scenario.parties:
        texts.add(party.name)
        for r in party.red_lines:
            texts |= {r.title, r.rationale, r.source}
        for p in party.preferences:
            texts |= {p.title, p.rationale, p.source}
    for prov in scenario.provisions:
        texts |= {prov.title, prov.source}
    for draft in scenario.drafts:
        texts |= {draft.title, draft.note, *(c.note for c in draft.clauses)}
    for source in scenario.sources:  # the register the briefings print at the end
        texts |= {source.title, source.publisher, source.url}
    return {t for t in texts if t}


def problems(text: str, scenario: Scenario, *, brackets: bool = False) -> list[str]:
    """What in ``text`` is engine speech. ``brackets``: ids in [brackets] are references."""
    for quoted in sorted(human_texts(scenario), key=len, reverse=True):
        text = text.replace(quoted, " ")
    if brackets:
        text = BRACKETED.sub(" ", text)
    found = [m.group() for pattern in (OPERATORS, PATH, PYTHON) for m in pattern.finditer(text)]
    words = set(re.findall(r"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*", text))
    found += sorted(words & codes(scenario))
    return found


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def sheet_text(sheet: Sheet) -> str:
    parts = [sheet.title, sheet.running_head, sheet.marking]
    for item in sheet.items:
        if isinstance(item, Chart):
            parts += [item.title, *(bar.label for bar in item.bars)]
        else:
            blocks: list[Block] = [item] + ([item.header] if item.header else [])
            for block in blocks:
                parser = _Text()
                parser.feed(block.html)
                parts.append(" ".join(parser.parts))
    return "\n".join(parts)


def sheets(scenario: Scenario) -> Iterator[tuple[str, Sheet]]:
    for draft in scenario.drafts:
        yield f"full {draft.id}", full_sheet(scenario, draft)
        for party in scenario.parties:
            yield f"party {party.id} {draft.id}", party_sheet(scenario, draft, party.id)
        for other in scenario.drafts:
            if other.id != draft.id:
                yield (f"compare {draft.id} {other.id}",
                       comparison_sheet(scenario, draft, other))


def test_the_checker_finds_engine_speech() -> None:
    """The walk below can fail: each kind of engine speech is caught."""
    from desktop.resources import default_scenario_path
    from desktop.store import read_scenario_file

    s = read_scenario_file(default_scenario_path())
    assert problems("army-cap.personnel is 600000; needs >= 800000", s) == [
        ">=", "army-cap.personnel", "army-cap"]
    assert problems("Policing is russian-national-guard", s) == ["russian-national-guard"]
    assert problems("missing: x; True", s) == ["missing:", "True"]
    assert problems("“Army of at least 800,000” [ua-army-800k]", s, brackets=True) == []
    assert problems("crosses ua-army-800k", s, brackets=True) == ["ua-army-800k"]


def test_the_terminal_report_speaks_plainly(ukraine: Scenario) -> None:
    for draft in ukraine.drafts:
        text = format_report(check(ukraine, draft), ukraine, draft)
        assert problems(text, ukraine, brackets=True) == [], draft.id


def test_json_sentences_speak_plainly(ukraine: Scenario) -> None:
    seen = 0
    for draft in ukraine.drafts:
        data = report_to_json(check(ukraine, draft), ukraine)
        for party in data["parties"]:
            for v in party["violations"]:
                assert problems(v["explanation"], ukraine) == [], (draft.id, v["red_line"])
                assert v["explanation"].endswith(".")
                assert v["detail"]  # the machine form stays for scripts
                seen += 1
        for c in data["conflicts"]:
            assert problems(c["explanation"], ukraine) == [], draft.id
    assert seen > 30  # the drafts cross many red lines: the walk covers real sentences


def test_clause_texts_speak_plainly(ukraine: Scenario) -> None:
    for prov in ukraine.provisions:
        assert problems(clause_text(prov), ukraine) == [], prov.id
    for draft in ukraine.drafts:
        for clause in draft.clauses:
            prov = ukraine.provision(clause.provision)
            text = clause_text(prov, clause.values)
            assert problems(text, ukraine) == [], (draft.id, prov.id)
            assert "{" not in text


@pytest.mark.parametrize("which", ["full", "party", "compare"])
def test_briefings_speak_plainly(ukraine: Scenario, which: str) -> None:
    walked = 0
    for name, sheet in sheets(ukraine):
        if name.startswith(which):
            assert problems(sheet_text(sheet), ukraine) == [], name
            walked += 1
    assert walked >= len(ukraine.drafts)


def test_cards_speak_plainly(ukraine: Scenario, qtbot: QtBot) -> None:
    ws = Workspace(ukraine)
    panel = RedLinePanel(ws)
    qtbot.addWidget(panel)
    lines = 0
    for draft in ukraine.drafts:
        ws.switch_draft(draft.id)
        for party in ukraine.parties:
            card = panel.card(party.id)
            shown = [card.name.text(), card.role.text(), card.verdict.text(),
                     card.satisfaction.text(), *card.violations.texts,
                     card.violations.accessibleDescription()]
            for text in shown:
                assert problems(text, ukraine) == [], (draft.id, party.id, text)
            lines += len(card.violations.texts)
        assert problems(panel.summary.text(), ukraine) == []
        assert problems(panel.conflicts.text(), ukraine) == []
    assert lines > 30


def test_the_library_details_describe_params_in_words(ukraine: Scenario) -> None:
    """The library's details pane lists what a clause sets by label, with the choices' and
    bools' words and numbers with their units, never param names, choice ids or True/False;
    and what a provision cannot stand with by title, not by id."""
    from desktop.wording.values import param_line

    army = ukraine.provision("army-cap")
    lines = [param_line(p) for p in army.params]
    assert lines == [
        "Army personnel: 800,000 personnel (0 to 2 million, in steps of 50,000)",
        "When the ceiling applies: in peacetime (or at any time)",
        "Caps on weapon categories: are not capped (or are capped as well)"]
    monitoring = ukraine.provision("monitoring").params[0]
    assert param_line(monitoring) == "Monitoring body: a US-led mechanism (or 3 others)"
    for provision in ukraine.provisions:
        for spec in provision.params:
            line = param_line(spec)
            assert line.startswith(f"{param_label(spec)}: ")
            assert "True" not in line
            assert "False" not in line
            for choice in getattr(spec, "choices", ()):
                if choice.label is not None and choice.id not in choice.label:
                    assert choice.id not in line, (provision.id, choice.id)


def test_the_library_names_what_a_provision_cannot_stand_with(
        main_window: Any, mini: Scenario) -> None:
    win = main_window(mini)
    excluding = next(p for p in mini.provisions if p.excludes)
    text = win.library.describe(excluding)
    other = mini.provision(excluding.excludes[0])
    assert f"“{other.title}”" in text
    assert "Parameters" not in text

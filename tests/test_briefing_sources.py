"""Issue 14, sources: briefings print citations next to what they support and the register.

In the full briefing's annexes (and the single-party sheet) every red line crossed, preference
and clause title is followed by its register ids ("[S23, S28]"), or by "(inferred)" when no
source states the position; the draft-text heading carries the draft's own citations; the
last annex lists exactly the register entries the sheet cites, with the legend of the inferred
mark. A scenario that cites nothing and infers nothing prints no such annex.
"""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.domain import Scenario, check
from desktop.domain.interchange import scenario_from_dict
from desktop.report import full_sheet, party_sheet
from desktop.report.render import pdf_bytes
from desktop.report.sheets import Block, Sheet
from desktop.wording.sources import INFERRED, LEGEND, citation

pytestmark = pytest.mark.usefixtures("qapp")

DATA = Path(__file__).parent / "data"
CITED = re.compile(r"\[(S\d+(?:, S\d+)*)\]")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def texts(sheet: Sheet) -> list[str]:
    """Every block's text, whitespace flattened."""
    out = []
    for item in sheet.items:
        if isinstance(item, Block):
            parser = _Text()
            parser.feed(item.html)
            out.append(" ".join(" ".join(parser.parts).split()))
    return out


def split_register(lines: list[str], heading: str) -> tuple[list[str], list[str]]:
    """(the blocks before the register's heading, the register's blocks)."""
    at = lines.index(heading)
    return lines[:at], lines[at + 1:]


def register_ids(register: list[str]) -> list[str]:
    return [line.split(" ", 1)[0] for line in register if re.match(r"S\d+ ", line)]


def cited_ids(lines: list[str]) -> set[str]:
    return {i for line in lines for m in CITED.finditer(line) for i in m.group(1).split(", ")}


@pytest.fixture(scope="module")
def us28(ukraine: Scenario) -> Sheet:
    return full_sheet(ukraine, ukraine.draft("us-28"), date="2025-12-20", time_limit=None)


def test_a_crossed_red_line_cites_its_sources(ukraine: Scenario, us28: Sheet) -> None:
    draft = ukraine.draft("us-28")
    report = check(ukraine, draft)
    lines = texts(us28)
    seen = 0
    for party in ukraine.parties:
        rules = {r.id: r for r in party.red_lines}
        for x in report.verdict(party.id).violations:
            rl = rules[x.red_line]
            if rl.inferred or not rl.sources:
                continue
            mark = f"{rl.title} {citation(rl.sources)}"
            assert any(line.startswith(mark) for line in lines), mark
            seen += 1
    assert seen >= 10
    # e.g. Ukraine's "no recognition" red line: the ids the scenario gives it
    rl = ukraine.party("ukraine").red_lines[0]
    assert rl.sources == ("S23", "S28")
    assert any(f"{rl.title} [S23, S28]" in line for line in lines)


def test_clauses_and_the_draft_heading_cite_their_sources(ukraine: Scenario,
                                                          us28: Sheet) -> None:
    draft = ukraine.draft("us-28")
    lines = texts(us28)
    heading = f"Annex C. Draft text: {draft.title} {citation(draft.sources)}"
    assert heading in lines
    for n, clause in enumerate(draft.clauses, start=1):
        prov = ukraine.provision(clause.provision)
        if prov.sources:
            assert any(line.startswith(f"{n}. {prov.title} {citation(prov.sources)} (Phase")
                       for line in lines), prov.id


def test_the_register_lists_exactly_the_sources_cited(ukraine: Scenario, us28: Sheet) -> None:
    before, register = split_register(texts(us28), "Annex D. Sources")
    listed = register_ids(register)
    assert listed  # the us-28 briefing cites sources
    assert set(listed) == cited_ids(before)
    order = [s.id for s in ukraine.sources]
    assert listed == sorted(listed, key=order.index)  # in the register's order
    # ... which are those of what the sheet prints: crossed red lines, preferences, clauses
    draft = ukraine.draft("us-28")
    report = check(ukraine, draft)
    expected = set(draft.sources)
    for party in ukraine.parties:
        crossed = {x.red_line for x in report.verdict(party.id).violations}
        expected |= {i for r in party.red_lines if r.id in crossed and not r.inferred
                     for i in r.sources}
        expected |= {i for p in party.preferences if not p.inferred for i in p.sources}
    expected |= {i for c in draft.clauses for i in ukraine.provision(c.provision).sources}
    assert set(listed) == expected
    # each entry: id, title, publisher, date, the url as text
    s01 = next(s for s in ukraine.sources if s.id == "S01")
    entry = next(line for line in register if line.startswith("S01 "))
    assert s01.title in entry
    assert s01.publisher in entry
    assert s01.url in entry
    assert s01.date is not None
    assert s01.date.isoformat() in entry
    assert register[-1] == LEGEND  # us-28 crosses inferred red lines


def test_an_inferred_red_line_is_marked_with_the_legend(ukraine: Scenario,
                                                        us28: Sheet) -> None:
    rl = next(r for r in ukraine.party("ukraine").red_lines
              if r.id == "ua-no-constitutional-nato-ban")
    assert rl.inferred
    lines = texts(us28)
    row = next(line for line in lines if line.startswith(rl.title + " "))
    assert row.startswith(f"{rl.title} {INFERRED}")
    assert not CITED.search(row.split(INFERRED, 1)[0])  # the mark, not a citation
    assert LEGEND in lines
    html = "".join(i.html for i in us28.items if isinstance(i, Block) and INFERRED in i.html)
    assert f"<i>{INFERRED}</i>" in html  # in italics


def test_the_party_sheet_cites_and_lists_its_sources(ukraine: Scenario) -> None:
    draft = ukraine.draft("us-28")
    sheet = party_sheet(ukraine, draft, "ukraine", date="2025-12-20")
    before, register = split_register(texts(sheet), "Sources")
    listed = register_ids(register)
    assert listed
    assert set(listed) == cited_ids(before)
    assert f"Draft text: {draft.title} {citation(draft.sources)}" in before
    assert any(f" {INFERRED}" in line for line in before)  # Ukraine's inferred red lines
    assert register[-1] == LEGEND


def _mini(raw_edit: Any = None) -> Scenario:
    raw = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    if raw_edit:
        raw_edit(raw)
    return scenario_from_dict(raw)


def test_without_sources_there_is_no_register() -> None:
    mini = _mini()
    sheet = full_sheet(mini, mini.drafts[0], date="2025-12-20", time_limit=None)
    lines = texts(sheet)
    assert not any(line.startswith("Annex D") for line in lines)
    assert not any(INFERRED in line or CITED.search(line) for line in lines)
    assert any(line.endswith("C. the draft text.") for line in lines)  # the memo's list


def test_an_inferred_position_without_any_register() -> None:
    def infer(raw: dict[str, Any]) -> None:
        raw["version"] = 2
        raw["parties"][0]["red_lines"][0]["inferred"] = True  # ua-army, crossed in d1

    mini = _mini(infer)
    sheet = full_sheet(mini, mini.drafts[0], date="2025-12-20", time_limit=None)
    lines = texts(sheet)
    assert any(line.startswith(f"Army of at least 800k {INFERRED}") for line in lines)
    _, register = split_register(lines, "Annex D. Sources")
    assert register == ["None cited.", LEGEND]
    assert any(line.endswith("D. the sources cited.") for line in lines)


def test_page_targets_hold_with_the_sources(ukraine: Scenario) -> None:
    sheet = full_sheet(ukraine, ukraine.draft("twenty-point"), date="2025-12-20",
                       time_limit=None)
    data, pages = pdf_bytes(sheet)
    assert pages <= 10
    reader = PdfReader(io.BytesIO(data))
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert LEGEND in last
    first = "".join((reader.pages[0].extract_text() or "").split())
    assert "Memorandum" in first
    assert "AnnexA" not in first

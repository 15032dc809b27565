"""The full briefing's "Precedents for the key clauses" (issue 18): for each clause behind a
crossed red line, the PA-X count of its issues together and the three closest precedents;
PA-X credited; the register of sources stays the last annex."""

from __future__ import annotations

from html.parser import HTMLParser

from desktop.domain import Scenario, check
from desktop.domain.precedents import closest, load_index
from desktop.report.precedents import (
    HEADING,
    key_clauses,
    precedent_annex,
    short_agreement_name,
)
from desktop.report.sheets import Block, full_sheet


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _texts(blocks: list[str]) -> list[str]:
    out = []
    for html in blocks:
        parser = _Text()
        parser.feed(html)
        out.append(" ".join(" ".join(parser.parts).split()))
    return out


def test_the_twenty_point_annex(ukraine: Scenario) -> None:
    draft = ukraine.draft("twenty-point")
    report = check(ukraine, draft)
    sheet = full_sheet(ukraine, draft, date="2025-12-20", time_limit=None)
    lines = _texts([i.html for i in sheet.items if isinstance(i, Block)])
    start = lines.index(HEADING)
    draft_text = next(i for i, line in enumerate(lines) if line.startswith("Annex C. Draft"))
    assert draft_text < start  # it closes the draft text's annex
    sources = next(i for i, line in enumerate(lines) if line.startswith("Annex D. Sources"))
    assert start < sources  # the register stays last
    annex = " ".join(lines[start:sources])
    keys = key_clauses(report, draft)
    assert set(keys) == {pid for v in report.parties for x in v.violations
                         for pid in x.clauses}
    assert "znpp" in keys
    index = load_index()
    conflict = index.conflict_of(ukraine.title)
    numbers = {c.provision: n for n, c in enumerate(draft.clauses, start=1)}
    for pid in keys:
        prov = ukraine.provision(pid)
        found = index.query(list(prov.pax), conflict=conflict)
        assert f"{numbers[pid]}. {prov.title}" in annex
        assert f"{len(found):,} agreement" in annex
        for p in closest(found, conflict.region):
            assert short_agreement_name(p.agreement.name) in annex, (pid, p.agreement.name)
    assert "Ceasefire: 1,038 agreements" in annex
    assert "PA-X Peace Agreements Database" in annex
    assert "Ce" not in annex.split()  # codes by their names, never bare


def test_no_clause_behind_a_crossed_line_no_annex(ukraine: Scenario) -> None:
    draft = ukraine.draft("twenty-point").model_copy(update={"clauses": ()})
    assert key_clauses(check(ukraine, draft), draft) == []
    assert precedent_annex(ukraine, draft, check(ukraine, draft)) == []


def test_short_names() -> None:
    assert short_agreement_name(
        "Package of Measures for the Implementation of the Minsk Agreements (Minsk II)") == \
        "Minsk II"
    long = "Agreement on a Ceasefire, the Cessation of Military Activities, and on Measures"
    short = short_agreement_name(long)
    assert short.endswith("…")
    assert len(short) <= 45
    assert long.startswith(short[:-1])


def test_markdown_keeps_two_clauses_a_row_as_a_table(ukraine: Scenario) -> None:
    from desktop.report.formats.markdown import markdown_document

    draft = ukraine.draft("twenty-point")
    text = markdown_document(full_sheet(ukraine, draft, date="2025-12-20", time_limit=None))
    section = text.split(f"## {HEADING}", 1)[1].split("\n# ", 1)[0].strip().splitlines()
    assert section[0].startswith("| Key clause:")
    assert "PA-X Peace Agreements Database" in section[0]
    assert section[1] == "| --- | --- |"
    rows = section[2:]
    assert len(rows) == 3  # six key clauses, two a row
    assert all(row.count("**") >= 4 and row.startswith("| **") for row in rows)

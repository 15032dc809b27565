"""Briefing sheets: content (read back from the PDF), pagination, page numbers, escaping."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.domain import Scenario, check
from desktop.domain.interchange import scenario_from_dict
from desktop.report import comparison_sheet, full_sheet, party_sheet
from desktop.report.render import page_layout, paginate, pdf_bytes, write_pdf
from desktop.report.sheets import Block, Sheet, compare
from desktop.resources import default_scenario_path
from desktop.store import read_scenario_file
from desktop.wording import clause_text, explanation, format_value, short_name

DATA = Path(__file__).parent / "data"
HOSTILE = '<img src="file:///etc/hostname">'

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def ukraine() -> Scenario:
    return read_scenario_file(default_scenario_path())


def flat(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    """Text without any white space: line breaks (and hyphenation points) do not matter."""
    return "".join(text.split())


def pages_text(data: bytes) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


def hostile_scenario() -> Scenario:
    raw: dict[str, Any] = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    raw["title"] = '<a href="https://example.com">Mini</a>'
    raw["parties"][0]["name"] = "<b>Ukraine</b> & co"
    raw["parties"][0]["red_lines"][0]["title"] = '<img src="x.png"> army'
    for prov in raw["provisions"]:
        if prov["id"] == "army-cap":
            prov["title"] = HOSTILE
    raw["drafts"][0]["note"] = "<script>alert(1)</script>"
    return scenario_from_dict(raw)


# --------------------------------------------------------------------------- content


def test_full_briefing_has_every_party_page_numbers_and_embedded_fonts(ukraine: Scenario) -> None:
    draft = ukraine.draft("us-28")
    report = check(ukraine, draft)
    data, count = pdf_bytes(full_sheet(ukraine, draft, date="2025-12-20"))
    texts = pages_text(data)
    assert len(texts) == count > 5
    for n, text in enumerate(texts, start=1):
        assert f"Page {n} of {count}" in text
        assert "DRAFT - NOT FOR DISTRIBUTION" in text
    whole = " ".join(texts)
    assert "NOT VIABLE" in whole
    assert "3 of 5 parties accept" in whole
    for party in ukraine.parties:
        assert f"Party briefing: {party.name}" in whole
    for v in report.parties:
        for x in v.violations:
            assert flat(x.title) in whole
    assert "Prepared 2025-12-20" in whole
    reader = PdfReader(io.BytesIO(data))
    fonts = [f for page in reader.pages
             for f in page["/Resources"]["/Font"].values()]  # type: ignore[index]
    assert fonts
    for ref in fonts:
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, "fonts must be embedded"


def test_party_briefing_content(ukraine: Scenario) -> None:
    draft = ukraine.draft("us-28")
    report = check(ukraine, draft)
    verdict = report.verdict("ukraine")
    data, count = pdf_bytes(party_sheet(ukraine, draft, "ukraine", marking="EYES ONLY"))
    whole = " ".join(pages_text(data))
    assert "EYES ONLY" in whole
    assert "DRAFT - NOT FOR DISTRIBUTION" not in whole
    assert "✗ Rejects" in whole  # the register of "◐ Accepts if"
    party = ukraine.party("ukraine")
    # Of the red lines that count under the sheet's view (assessed floors).
    counting = len([r for r in party.red_lines if r.stance != "stated"])
    assert counting < len(party.red_lines)
    assert f"{len(verdict.violations)} of {counting} assessed red lines crossed" in whole
    # One measure: over what the draft addresses (the one compared with no deal).
    assert verdict.addressed_satisfaction is not None
    assert f"Satisfaction: {verdict.addressed_satisfaction:.0%} of what it addresses" in whole
    for pref in party.preferences:
        assert flat(pref.title) in whole
    assert "What Ukraine gives" in whole
    assert "What Ukraine receives" in whole
    # the full numbered draft text, values filled in, with phase headings
    for n, clause in enumerate(draft.clauses, start=1):
        prov = ukraine.provision(clause.provision)
        assert f"{n}. {flat(prov.title)}" in whole
        assert squash(clause_text(prov, clause.values)) in squash(whole)
    assert "Phase 1" in whole
    assert "Phase 2" in whole
    assert "{" not in " ".join(clause_text(ukraine.provision(c.provision), c.values)
                               for c in draft.clauses)
    assert count >= 3


def test_gives_and_receives_list_only_clauses_in_the_draft(ukraine: Scenario) -> None:
    draft = ukraine.draft("berlin")
    sheet = party_sheet(ukraine, draft, "russia")
    in_draft = {c.provision for c in draft.clauses}
    gives = [p for p in ukraine.provisions if "russia" in p.by]
    html = "".join(i.html for i in sheet.items if isinstance(i, Block))
    for prov in gives:
        if prov.id not in in_draft:
            assert f"[{prov.id}]" not in html
    n = sum(1 for p in gives if p.id in in_draft)
    assert f"What Russia gives ({n})" in html


def test_comparison_sheet(ukraine: Scenario) -> None:
    a, b = ukraine.draft("us-28"), ukraine.draft("berlin")
    cmp = compare(ukraine, a, b, check(ukraine, a), check(ukraine, b))
    assert cmp.added
    assert cmp.removed
    assert cmp.flips
    data, _ = pdf_bytes(comparison_sheet(ukraine, a, b))
    whole = " ".join(pages_text(data))
    assert f"Added in the later draft ({len(cmp.added)})" in whole
    assert f"Removed from the earlier draft ({len(cmp.removed)})" in whole
    assert f"Red lines that flip ({len(cmp.flips)})" in whole
    for pid in cmp.added + cmp.removed:
        assert squash(ukraine.provision(pid).title) in squash(whole)
    assert "resolved" in whole
    assert "newly crossed" in whole


def test_a_draft_compared_with_itself_has_no_differences(ukraine: Scenario) -> None:
    a = ukraine.draft("us-28")
    r = check(ukraine, a)
    cmp = compare(ukraine, a, a, r, r)
    assert cmp.added == cmp.removed == cmp.changed == ()
    assert cmp.flips == ()


def test_paper_sizes(ukraine: Scenario, tmp_path: Path) -> None:
    sheet = party_sheet(ukraine, ukraine.draft("berlin"), "turkey")
    sizes = {}
    for paper in ("a4", "letter"):
        out = tmp_path / f"{paper}.pdf"
        assert write_pdf(sheet, out, paper) >= 1
        box = PdfReader(out).pages[0].mediabox
        sizes[paper] = (round(float(box.width)), round(float(box.height)))
    assert sizes == {"a4": (595, 842), "letter": (612, 792)}


def test_the_chart_is_vector_text(ukraine: Scenario) -> None:
    data, _ = pdf_bytes(full_sheet(ukraine, ukraine.draft("us-28"), time_limit=None))
    annex = PdfReader(io.BytesIO(data)).pages[1]  # page 1 is the memo; annex A has the chart
    xobjects = annex["/Resources"].get("/XObject", {})  # type: ignore[attr-defined]
    assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    text = flat(annex.extract_text() or "")
    assert "Satisfaction by party" in text
    assert "100%" in text
    assert "Turkey" in text


# --------------------------------------------------------------------------- escaping


def test_user_text_prints_literally_and_loads_nothing() -> None:
    scenario = hostile_scenario()
    draft = scenario.drafts[0]
    for sheet in (full_sheet(scenario, draft), party_sheet(scenario, draft, "ukraine")):
        html = "".join(i.html for i in sheet.items if isinstance(i, Block))
        assert "<img" not in html
        assert "<script" not in html
        assert "<a " not in html
        assert "&lt;img src=&quot;file:///etc/hostname&quot;&gt;" in html
        data, _ = pdf_bytes(sheet)
        whole = " ".join(pages_text(data))
        assert HOSTILE in whole
        assert "<b>Ukraine</b> & co" in whole
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            annots = page.get("/Annots")
            assert not (annots.get_object() if annots is not None else []), "no links"
            xobjects = page["/Resources"].get("/XObject", {})  # type: ignore[attr-defined]
            assert not xobjects
        assert b"/Subtype /Image" not in data
        assert b"/URI" not in data


# --------------------------------------------------------------------------- pagination


def _rows_sheet(n: int, text: str) -> Sheet:
    header = Block("<table width='100%'><tr><td>HEADER</td></tr></table>", keep_with_next=True)
    rows = tuple(Block(f"<table width='100%'><tr><td>ROW{i:03d} {text} END{i:03d}</td>"
                       "</tr></table>", header=header) for i in range(n))
    return Sheet("t", "head", "", "2025-01-01", (header, *rows))


def test_no_row_is_split_and_the_header_repeats() -> None:
    sheet = _rows_sheet(120, "word " * 60)
    pages = paginate(sheet, page_layout("a4"))
    assert len(pages) > 3
    for page in pages.pages[1:]:
        assert isinstance(page[0].item, Block)
        assert "HEADER" in page[0].item.html
    for page in pages.pages:
        for piece in page:
            assert piece.top == 0  # every block whole on its page
    data, count = pdf_bytes(sheet)
    texts = pages_text(data)
    assert count == len(pages)
    for i in range(120):
        on = [n for n, t in enumerate(texts) if f"ROW{i:03d}" in t]
        assert on, f"row {i} missing"
        assert all(f"END{i:03d}" in texts[n] for n in on), f"row {i} split"
    for n, text in enumerate(texts, start=1):
        assert text.count("HEADER") == 1
        assert f"Page {n} of {count}" in text


def test_violation_rows_are_whole_on_one_page(ukraine: Scenario) -> None:
    draft = ukraine.draft("us-28")
    report = check(ukraine, draft)
    data, _ = pdf_bytes(full_sheet(ukraine, draft))
    texts = pages_text(data)
    whole = " ".join(texts)
    for v in report.parties:
        for x in v.violations:
            # title, start and end of the explanation, all on one page; never the id
            why = squash(explanation(x.reasons, ukraine, short_name(v.name)))
            ends = (squash(x.title), why[:25], why[-25:])
            assert any(all(e in squash(t) for e in ends) for t in texts), x.red_line
            assert x.red_line not in whole


def test_a_block_taller_than_a_page_is_cut_between_lines(tmp_path: Path) -> None:
    words = " ".join(f"w{i:04d}" for i in range(4000))
    sheet = Sheet("t", "head", "M", "2025-01-01", (Block(f"<p>{words}</p>"),))
    pages = paginate(sheet, page_layout("letter"))
    assert len(pages) >= 2
    data, count = pdf_bytes(sheet, "letter")
    texts = pages_text(data)
    assert count == len(texts) == len(pages)
    found = [w for t in texts for w in re.findall(r"w\d{4}", t)]
    # nothing cut in half at a page edge, and no clipped (hidden) copies of lines
    assert len(found) == len(set(found))
    assert len(set(found)) >= 3990  # pypdf drops the odd word; pdftotext finds all 4000
    if shutil.which("pdftotext"):
        out = tmp_path / "cut.pdf"
        out.write_bytes(data)
        extracted = subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout
        got = re.findall(r"w\d{4}", extracted)
        assert sorted(got) == [f"w{i:04d}" for i in range(4000)]


def test_empty_draft_and_party_without_preferences(ukraine: Scenario) -> None:
    raw = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    raw["drafts"].append({"id": "empty", "title": "Empty"})
    scenario = scenario_from_dict(raw)
    draft = scenario.draft("empty")
    data, count = pdf_bytes(full_sheet(scenario, draft))
    whole = " ".join(pages_text(data))
    assert "The draft has no clauses." in whole
    assert "This party states no preferences." in whole  # russia in mini.json
    assert count >= 2


def test_values_are_formatted(ukraine: Scenario) -> None:
    scenario = hostile_scenario()
    draft = scenario.drafts[0]
    clause = next(c for c in draft.clauses if c.provision == "army-cap")
    value = clause.values.get("personnel", 800000)
    data, _ = pdf_bytes(party_sheet(scenario, draft, "russia"))
    assert format_value(value) in " ".join(pages_text(data))

"""The briefings (desktop.report) are ready for translation: under pseudo-translation every
word a principal reads on paper (headings, table heads, labels, captions, notes, the page
furniture) comes out of the translation hook, and only the scenario's own words (names,
titles, values) and PA-X's agreement lines stand outside its marks.

Every sheet of the default scenario and of the mini scenario is built (each draft: accepts,
rejects, accepts if, open points, both views of the red lines; the comparisons both ways
round; a conflict, an empty draft, a party without preferences, many parties), then read back
as the plain text of its outline, as Markdown and as the page furniture of the PDF, DOCX and
ODT writers."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from benchmarks.synthetic import synthetic_scenario
from desktop.domain import Scenario, check
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.model import Draft
from desktop.report import comparison_sheet, full_sheet, party_sheet
from desktop.report.chart import paint_chart
from desktop.report.formats import UnknownFormat, format_name, format_of
from desktop.report.formats.docx import docx_bytes
from desktop.report.formats.html import html_document
from desktop.report.formats.markdown import markdown_document
from desktop.report.formats.model import (
    Paragraph,
    Table,
    chart_head,
    chart_rows,
    outline,
    page_parts,
)
from desktop.report.formats.odt import styles_xml
from desktop.report.memo import solve_bridge
from desktop.report.render import Pages, _paint_page, page_layout, paginate
from desktop.report.sheets import Bar, Chart, Sheet, page_of, prepared
from desktop.wording.translate import set_translator
from tests.wording_pseudo import data_words, leftover_words, pseudo_translation

DATA = Path(__file__).parent / "data"
DATE = "2025-12-24"
# An agreement PA-X lists as a precedent: "2014 · Minsk Protocol (Ukraine)": its data.
_PRECEDENT = re.compile(r"^\d{4} · ")


@pytest.fixture(autouse=True)
def _english_hook() -> Iterator[None]:
    """The hook unbound (a Qt test before may have bound Qt's translators): the pseudo
    translation is bound over it, and put back after."""
    before = set_translator(None)
    try:
        yield
    finally:
        set_translator(before)


def _texts(sheet: Sheet) -> Iterator[str]:
    """What a reader of the sheet reads, as plain text: the title, every paragraph and table
    cell, each chart's title and its bars as a table."""
    yield sheet.title
    for element in outline(sheet):
        if isinstance(element, Paragraph):
            yield element.text
        elif isinstance(element, Table):
            rows = ([element.header] if element.header is not None else []) + element.rows
            yield from (cell.text for row in rows for cell in row)
        else:
            yield element.chart.title
            yield from (" ".join(row[1:]) for row in chart_rows(element.chart.bars))


def _leftovers(texts: Iterable[str], allowed: set[str]) -> list[tuple[list[str], str]]:
    """The texts with words outside the marks (PA-X's agreement lines left out: data)."""
    found = []
    for text in texts:
        lines = [line for line in text.split("\n") if not _PRECEDENT.match(line)]
        left = leftover_words("\n".join(lines), allowed)
        if left:
            found.append((left, text[:200]))
    return found


def _sheets_marked(scenario: Scenario, sheets: Iterable[Sheet]) -> None:
    """Each sheet's text, and its Markdown, has no word outside the marks but the data's;
    read under the pseudo-translation too (a chart's table and the footer are made then)."""
    allowed = data_words(scenario.model_dump())
    with pseudo_translation():
        for sheet in sheets:
            assert _leftovers(_texts(sheet), allowed) == [], sheet.title
            markdown = markdown_document(sheet).replace("<br>", "\n").replace("\\", "")
            assert _leftovers([markdown], allowed) == [], sheet.title


def _mini(extra_drafts: list[dict[str, Any]] | None = None) -> Scenario:
    raw = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    raw["drafts"].extend(extra_drafts or [])
    return scenario_from_dict(raw)


def test_the_default_scenarios_party_sheets_are_marked(ukraine: Scenario) -> None:
    """Every party on every draft: accepts, rejects, accepts if; red lines crossed (assessed
    or all), none crossed, none stated; preferences met, met if, missed, not addressed; gives
    and receives; conflicts; the draft text with open points, notes and citations."""
    verdicts = set()
    with pseudo_translation():
        sheets = []
        for draft in ukraine.drafts:
            report = check(ukraine, draft)
            verdicts |= {v.verdict for v in report.parties}
            sheets += [party_sheet(ukraine, draft, p.id, date=DATE) for p in ukraine.parties]
    assert verdicts == {"accepts", "rejects", "accepts-if"}
    _sheets_marked(ukraine, sheets)


def test_the_default_scenarios_full_briefings_are_marked(ukraine: Scenario) -> None:
    """The memo (without a bridge) and every annex, under both views of the red lines."""
    with pseudo_translation():
        sheets = [full_sheet(ukraine, draft, date=DATE, time_limit=None,
                             report=check(ukraine, draft, stance=stance))
                  for draft in ukraine.drafts for stance in ("assessed", "stated")]
    texts = [t for sheet in sheets for t in _texts(sheet)]
    assert any(t.startswith("⟦Open points.⟧") for t in texts)
    assert any("⟦Precedents for the key clauses⟧" in t for t in texts)
    _sheets_marked(ukraine, sheets)


def test_a_memo_with_the_bridge_finders_answer_is_marked(ukraine: Scenario) -> None:
    with pseudo_translation():
        sheets = [full_sheet(ukraine, ukraine.draft(d), date=DATE,
                             bridge=solve_bridge(ukraine, ukraine.draft(d), 3.0))
                  for d in ("us-28", "twenty-point")]
    _sheets_marked(ukraine, sheets)


def test_the_comparison_sheets_are_marked(ukraine: Scenario) -> None:
    """Both ways round (the sheet says when the drafts were given later first): verdicts,
    flips (resolved, newly crossed, crossed under an alternative), differences, notes."""
    drafts = ukraine.drafts
    with pseudo_translation():
        sheets = [comparison_sheet(ukraine, a, b, date=DATE)
                  for a in drafts for b in drafts if a.id != b.id]
    _sheets_marked(ukraine, sheets)


def test_a_conflict_an_empty_draft_and_no_preferences_are_marked() -> None:
    scenario = _mini([{"id": "empty", "title": "Empty"}])
    assert check(scenario, scenario.draft("d1")).conflicts
    with pseudo_translation():
        sheets = []
        for draft in scenario.drafts:
            sheets.append(full_sheet(scenario, draft, date=DATE, time_limit=None))
            sheets += [party_sheet(scenario, draft, p.id, date=DATE) for p in scenario.parties]
        sheets.append(comparison_sheet(scenario, scenario.draft("empty"),
                                       scenario.draft("d1"), date=DATE))
    texts = [t for sheet in sheets for t in _texts(sheet)]
    assert "⟦The draft has no clauses.⟧" in texts
    assert "⟦This party states no preferences.⟧" in texts
    _sheets_marked(scenario, sheets)


def test_viable_and_open_drafts_without_a_date_are_marked() -> None:
    """A viable draft; one viable if its open points are closed a certain way (one
    alternative with the same values as the first); a party without red lines; a scenario
    without a situation date; stances that differ under the two views."""
    raw = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    raw["parties"][1]["red_lines"] = []
    raw.pop("as_of")
    raw["drafts"] += [
        {"id": "ok", "title": "Fine", "clauses": [{"provision": "guarantee"}]},
        {"id": "open", "title": "Open", "clauses": [
            {"provision": "army-cap", "alternatives": [
                {"label": "High", "values": {"personnel": 900000}},
                {"label": "Low", "values": {"personnel": 500000}}]},
            {"provision": "guarantee", "alternatives": [
                {"label": "Long", "values": {"years": 30}},
                {"label": "Same", "values": {"years": 30}}]}]}]
    scenario = scenario_from_dict(raw)
    assert {check(scenario, d).status for d in scenario.drafts} == {
        "not-viable", "viable", "viable-if"}
    stances = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    for party in stances["parties"]:
        for line in party["red_lines"]:
            line.update(stance="stated", confidence=0.5)
    stated = scenario_from_dict(stances)
    with pseudo_translation():
        sheets = [full_sheet(scenario, d, date=DATE, time_limit=None) for d in scenario.drafts]
        sheets += [party_sheet(scenario, d, p.id, date=DATE) for d in scenario.drafts
                   for p in scenario.parties]
        sheets.append(comparison_sheet(scenario, scenario.draft("open"),
                                       scenario.draft("ok"), date=DATE))
        sheets += [full_sheet(stated, stated.drafts[0], date=DATE, time_limit=None),
                   party_sheet(stated, stated.drafts[0], "ukraine", date=DATE)]
    texts = [t for sheet in sheets for t in _texts(sheet)]
    assert any("⟦VIABLE⟧" in t for t in texts)
    assert any("⟦the same values⟧" in t for t in texts)
    _sheets_marked(scenario, sheets[:-2])
    _sheets_marked(stated, sheets[-2:])


def test_a_bridge_that_fails_its_check_is_said_in_words(
        ukraine: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.domain import solver

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise solver.CertificateError("bad")

    monkeypatch.setattr(solver, "find_bridge", failing)
    with pseudo_translation():
        bridge = solve_bridge(ukraine, ukraine.draft("us-28"), 1.0)
        sheet = full_sheet(ukraine, ukraine.draft("us-28"), date=DATE, bridge=bridge)
    assert leftover_words(bridge.error) == []
    _sheets_marked(ukraine, [sheet])


def test_many_parties_split_the_charts_and_are_marked() -> None:
    scenario = synthetic_scenario(n_provisions=30, n_parties=25, red_lines_per_party=2,
                                  preferences_per_party=2, draft_clauses=10, seed=1)
    with pseudo_translation():
        sheet = full_sheet(scenario, scenario.drafts[0], date=DATE, time_limit=None)
    charts = [i.title for i in sheet.items if isinstance(i, Chart)]
    assert "⟦Satisfaction by party (1–20 of 25)⟧" in charts
    assert any(t.startswith("⟦Satisfaction of ") for t in charts)
    _sheets_marked(scenario, [sheet])


def test_the_page_furniture_is_marked(qapp: QApplication) -> None:
    """The footer of the PDF, the DOCX and the ODT; the chart's legend; the chart tables;
    the format names and the unknown-format message."""
    scenario = _mini()
    allowed = data_words(scenario.model_dump())
    with pseudo_translation():
        sheet = party_sheet(scenario, scenario.draft("d1"), "ukraine", marking="", date=DATE)
        assert prepared(DATE) == f"⟦Prepared {DATE}⟧"
        assert page_of() == "⟦Page {page} of {pages}⟧"
        assert page_parts() == ["⟦Page ", "{page}", " of ", "{pages}", "⟧"]
        texts = [*chart_head(), *(format_name(f) for f in (".pdf", ".docx", ".odt", ".html",
                                                           ".md"))]
        for name in ("briefing.txt", "briefing"):
            with pytest.raises(UnknownFormat) as err:
                format_of(name)
            texts.append(str(err.value))
        texts += [" ".join(row) for row in chart_rows([
            Bar("Ukraine", 0.5, True, no_deal=0.2), Bar("Russia", None, False),
            Bar("Russia", 0.4, False, conditional=True)])]

        painter = MagicMock()  # what the PDF's footer and the chart draw, as text
        _paint_page(Pages(sheet, page_layout("a4"), 700.0, 1000.0, [[]]), 0, painter)
        paint_chart(painter, QRectF(0, 0, 600, 230), "",
                    [Bar("Ukraine", 0.5, True, no_deal=0.2)])
        texts += [c.args[-1] for c in painter.drawText.call_args_list]

        styles = ElementTree.fromstring(styles_xml(sheet))
        texts.append(" ".join(styles.itertext()))
        with zipfile.ZipFile(io.BytesIO(docx_bytes(sheet))) as docx:
            footer = next(n for n in docx.namelist() if "footer" in n)
            word_footer = " ".join(ElementTree.fromstring(docx.read(footer)).itertext())
        texts.append(word_footer)
        assert len(paginate(sheet, page_layout("a4"))) >= 1
        page = html_document(Sheet("", "", "", DATE))
        assert '<html lang="⟦en⟧">' in page
        texts.append(re.sub(r"<style>.*</style>|<[^>]*>", " ", page, flags=re.S))
    assert "⟦Page " in word_footer
    assert any("each party's no-deal level" in t for t in texts)
    assert _leftovers(texts, allowed | {"pdf", "docx", "odt", "html", "md", "txt"}) == []


def test_english_is_unchanged_outside_the_pseudo_translation(ukraine: Scenario) -> None:
    """The hook answers English by default: the footer and a party sheet read as before."""
    assert prepared(DATE) == f"Prepared {DATE}"
    assert page_of().format(page=2, pages=7) == "Page 2 of 7"
    assert page_parts() == ["Page ", "{page}", " of ", "{pages}"]
    draft: Draft = ukraine.draft("berlin")
    sheet = party_sheet(ukraine, draft, "turkey", date=DATE)
    text = "\n".join(_texts(sheet))
    assert f"Party briefing: {ukraine.party('turkey').name}" in text
    assert "states no red lines." in text

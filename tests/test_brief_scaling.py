"""The full briefing grows linearly with the number of parties.

Every party section used to repaint a chart of all parties, so the work and the PDF grew with
the square of the parties (1,000 parties: 50 s, 50 MB). Growth is measured here, not time: the
chart bars painted and the PDF's size for 50 and for 200 parties. Four times the parties must
cost about four times as much (quadratic growth would be sixteen). Speed figures are in
``benchmarks/bench_report.py``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from benchmarks.synthetic import synthetic_scenario
from desktop.domain import Scenario, check
from desktop.report import full_sheet
from desktop.report import render as render_module
from desktop.report.chart import paint_chart
from desktop.report.render import pdf_bytes
from desktop.report.sheets import CHART_MAX_BARS, Bar, Chart

pytestmark = pytest.mark.usefixtures("qapp")

SMALL, LARGE = 50, 200
#: Linear growth gives a ratio of about LARGE / SMALL = 4 (a little more: the page numbers and
#: the cover table's text grow); quadratic growth gives about 16 (before the fix: 15.8 in bars
#: painted, 8.0 in size, which the per-party text dilutes).
LIMIT = 5.0


def scenario(parties: int) -> Scenario:
    return synthetic_scenario(n_provisions=60, n_parties=parties, red_lines_per_party=3,
                              preferences_per_party=2, draft_clauses=20, seed=1)


def measure(parties: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Bars painted, charts, pages and PDF bytes of the full briefing."""
    painted: list[int] = []
    real = paint_chart

    def counting(painter: QPainter, rect: QRectF, title: str, bars: Sequence[Bar]) -> None:
        painted.append(len(bars))
        real(painter, rect, title, bars)

    monkeypatch.setattr(render_module, "paint_chart", counting)
    s = scenario(parties)
    draft = s.drafts[0]
    sheet = full_sheet(s, draft, report=check(s, draft), date="2026-01-01")
    data, pages = pdf_bytes(sheet)
    charts = [item for item in sheet.items if isinstance(item, Chart)]
    return {"bars": sum(painted), "charts": charts, "pages": pages, "bytes": len(data),
            "data": data, "scenario": s}


@pytest.fixture(scope="module")
def both() -> dict[int, dict[str, Any]]:
    with pytest.MonkeyPatch.context() as mp:
        return {n: measure(n, mp) for n in (SMALL, LARGE)}


def test_bars_painted_and_pdf_size_grow_linearly(both: dict[int, dict[str, Any]]) -> None:
    small, large = both[SMALL], both[LARGE]
    bar_ratio = large["bars"] / small["bars"]
    size_ratio = large["bytes"] / small["bytes"]
    print(f"\nbars painted {small['bars']} -> {large['bars']} (x{bar_ratio:.2f}); "  # noqa: T201
          f"PDF {small['bytes']:,} -> {large['bytes']:,} bytes (x{size_ratio:.2f}); "
          f"pages {small['pages']} -> {large['pages']}")  # the figures, shown with -s
    assert bar_ratio <= LIMIT
    assert size_ratio <= LIMIT
    assert large["pages"] / small["pages"] <= LIMIT
    # each party's bar is drawn about twice: once on the cover, once in its own section
    assert large["bars"] <= 2 * LARGE + 2


def test_every_chart_stays_readable(both: dict[int, dict[str, Any]]) -> None:
    for n, run in both.items():
        charts: list[Chart] = run["charts"]
        assert all(len(c.bars) <= CHART_MAX_BARS for c in charts)
        cover = [c for c in charts if c.title.startswith("Satisfaction by party (")]
        assert [b.label for c in cover for b in c.bars] == [p.name for p in run["scenario"].parties]
        assert cover[0].title == f"Satisfaction by party (1–{CHART_MAX_BARS} of {n})"
        own = [c for c in charts if c.title.startswith("Satisfaction of ")]
        assert len(own) == n
        assert all(len(c.bars) == 1 and c.bars[0].highlight for c in own)


def test_the_briefing_still_names_every_party_and_its_verdict(
        both: dict[int, dict[str, Any]]) -> None:
    run = both[SMALL]
    text = " ".join(" ".join((p.extract_text() or "").split())
                    for p in PdfReader(io.BytesIO(run["data"])).pages)
    s: Scenario = run["scenario"]
    for party in s.parties:
        assert f"Party briefing: {party.name}" in text
        assert f"Satisfaction of {party.name} (all parties: see the summary)" in text
    assert f"Satisfaction by party (41–50 of {SMALL})" in text


def test_a_few_parties_keep_the_all_party_chart_in_each_section() -> None:
    s = scenario(5)
    draft = s.drafts[0]
    sheet = full_sheet(s, draft)
    charts = [item for item in sheet.items if isinstance(item, Chart)]
    assert [c.title for c in charts] == ["Satisfaction by party"] + [
        "Satisfaction by party (this party outlined)"] * 5
    for chart, party in zip(charts[1:], s.parties, strict=True):
        assert [b.highlight for b in chart.bars] == [p.id == party.id for p in s.parties]

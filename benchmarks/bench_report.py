"""Briefing sheets: the full briefing (cover, every party, the draft text) written as PDF.

Timed from the scenario to the PDF's bytes: check, sheet content, layout, pagination, painting.
"""

from __future__ import annotations

import os

from benchmarks import Result, median, time_calls
from benchmarks.synthetic import synthetic_scenario

NAME = "report"
TITLE = "Briefing sheets: full briefing to PDF"

TARGET_DEFAULT_S = 2.0
TARGET_SYNTHETIC_S = 15.0


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.domain import check
    from desktop.report import full_sheet, party_sheet
    from desktop.report.render import ensure_app, pdf_bytes
    from desktop.resources import default_scenario_path
    from desktop.store import read_scenario_file

    ensure_app()
    results: list[Result] = []
    pages: dict[str, int] = {}

    ukraine = read_scenario_file(default_scenario_path())
    draft = ukraine.drafts[0]

    def default_full() -> None:
        pages["default"] = pdf_bytes(full_sheet(ukraine, draft, report=check(ukraine, draft)))[1]

    times = time_calls(default_full, runs=5, warmup=1)
    results.append(Result.measured("full briefing, default scenario (median of 5)",
                                   median(times), "s", TARGET_DEFAULT_S))
    results.append(Result.info("… its pages", pages["default"], "pages"))

    synthetic = synthetic_scenario()
    big = synthetic.drafts[0]

    def synthetic_full() -> None:
        pages["synthetic"] = pdf_bytes(full_sheet(synthetic, big))[1]

    times = time_calls(synthetic_full, runs=3, warmup=0)
    results.append(Result.measured(
        f"full briefing, {len(big.clauses)}-clause draft, {len(synthetic.parties)} parties "
        "(worst of 3)", max(times), "s", TARGET_SYNTHETIC_S))
    results.append(Result.info("… its pages", pages["synthetic"], "pages"))

    party = synthetic.parties[0].id
    times = time_calls(lambda: pdf_bytes(party_sheet(synthetic, big, party)), runs=3)
    results.append(Result.info(f"party briefing, {len(big.clauses)}-clause draft (median)",
                               median(times), "s"))
    return results

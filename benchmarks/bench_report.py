"""Briefing sheets: the full briefing (the memo, every party, the draft text) written as PDF.

Timed from the scenario to the PDF's bytes: check, the bridge finder's solve for the memo's
recommendation (time-limited: :data:`BRIDGE_LIMIT_S`; the first run imports OR-Tools), sheet
content, layout, pagination, painting. The default scenario's case is its twenty-point draft;
the synthetic 500-clause draft hits the 5 s solver limit (its memo says the answer is not
proven) and still fits its target.

The parties-scaling case briefs scenarios with 100 and 1,000 parties (each with 3 red lines and 2
preferences, a 20-clause draft): the full briefing must grow linearly with the parties. (Each
party section used to repaint an all-party chart: 1,000 parties took 50 s and 50 MB.) The
scaling runs skip the bridge finder (``time_limit=None``): they measure the layout's growth, and
a capped solve would only flatten the ratio.
"""


from __future__ import annotations

import os

from benchmarks import Result, median, time_calls
from benchmarks.synthetic import synthetic_scenario
from desktop.domain import Draft, Scenario

NAME = "report"
TITLE = "Briefing sheets: full briefing to PDF"

TARGET_DEFAULT_S = 3.0
BRIDGE_LIMIT_S = 5.0
TARGET_SYNTHETIC_S = 15.0
TARGET_1000_PARTIES_S = 15.0
#: 10x the parties may cost at most this many times as much (quadratic growth would be ~100).
TARGET_PARTIES_GROWTH = 15.0
SCALING_PARTIES = (100, 1000)


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
    draft = ukraine.draft("twenty-point")

    def default_full() -> None:
        pages["default"] = pdf_bytes(full_sheet(ukraine, draft, report=check(ukraine, draft),
                                                time_limit=BRIDGE_LIMIT_S))[1]

    times = time_calls(default_full, runs=5, warmup=0)
    results.append(Result.measured(
        "full briefing with memo and bridge, default scenario's twenty-point draft "
        "(worst of 5, the first imports OR-Tools)", max(times), "s", TARGET_DEFAULT_S))
    results.append(Result.info("… its median", median(times), "s"))
    results.append(Result.info("… its pages", pages["default"], "pages"))

    synthetic = synthetic_scenario()
    big = synthetic.drafts[0]

    def synthetic_full() -> None:
        pages["synthetic"] = pdf_bytes(full_sheet(synthetic, big,
                                                  time_limit=BRIDGE_LIMIT_S))[1]

    times = time_calls(synthetic_full, runs=3, warmup=0)
    results.append(Result.measured(
        f"full briefing with memo and bridge, {len(big.clauses)}-clause draft, "
        f"{len(synthetic.parties)} parties (worst of 3)", max(times), "s", TARGET_SYNTHETIC_S))
    results.append(Result.info("… its pages", pages["synthetic"], "pages"))

    party = synthetic.parties[0].id
    times = time_calls(lambda: pdf_bytes(party_sheet(synthetic, big, party)), runs=3)
    results.append(Result.info(f"party briefing, {len(big.clauses)}-clause draft (median)",
                               median(times), "s"))
    results.extend(_parties_scaling())
    return results


def _parties_scaling() -> list[Result]:
    """Full briefings of many small parties: time and size at 100 and 1,000 parties."""
    from desktop.report import full_sheet
    from desktop.report.render import pdf_bytes

    results: list[Result] = []
    seconds: dict[int, float] = {}
    for n in SCALING_PARTIES:
        scenario = synthetic_scenario(n_provisions=60, n_parties=n, red_lines_per_party=3,
                                      preferences_per_party=2, draft_clauses=20, seed=1)
        draft = scenario.drafts[0]
        out: dict[str, int] = {}

        def brief(scenario: Scenario = scenario, draft: Draft = draft,
                  out: dict[str, int] = out) -> None:
            data, out["pages"] = pdf_bytes(full_sheet(scenario, draft, time_limit=None))
            out["bytes"] = len(data)

        runs = 3 if n <= 100 else 1
        seconds[n] = median(time_calls(brief, runs=runs, warmup=0))
        target = TARGET_1000_PARTIES_S if n == 1000 else None
        results.append(Result.measured(f"full briefing, {n:,} parties (median of {runs})",
                                       seconds[n], "s", target))
        results.append(Result.info(f"… its PDF ({out['pages']:,} pages)",
                                   out["bytes"] / 1e6, "MB"))
    small, large = SCALING_PARTIES
    results.append(Result.measured(f"… time at {large:,} parties / at {small:,}",
                                   seconds[large] / seconds[small], "x", TARGET_PARTIES_GROWTH))
    return results

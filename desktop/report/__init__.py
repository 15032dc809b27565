"""Briefing sheets: party briefings, full briefings and comparison sheets, on paper or as PDF.

:mod:`desktop.report.sheets` builds a sheet's content from domain objects (pure, no Qt; every
user string escaped there); :mod:`desktop.report.render` paginates and paints it onto a PDF or a
printer; :mod:`desktop.report.chart` draws the satisfaction chart as vectors.
"""

from desktop.report.sheets import (
    DEFAULT_MARKING,
    Sheet,
    comparison_sheet,
    full_sheet,
    party_sheet,
)

__all__ = ["DEFAULT_MARKING", "Sheet", "comparison_sheet", "full_sheet", "party_sheet"]

"""A briefing never claims a situation older than the draft it briefs without saying so."""

from __future__ import annotations

import pytest

from desktop.domain import Scenario
from desktop.report import comparison_sheet, full_sheet, party_sheet
from desktop.report.sheets import Sheet
from tests.test_plain_words import sheet_text

NOTE = "situation as of 2025-12-19, before the draft's date (2025-12-23)"
BOTH = ("situation as of 2025-12-19, before “20-point framework (late Dec 2025)” "
        "(2025-12-23)")


@pytest.mark.parametrize(("make", "note"), [
    (lambda s: full_sheet(s, s.draft("twenty-point"), time_limit=None), NOTE),
    (lambda s: party_sheet(s, s.draft("twenty-point"), "ukraine"), NOTE),
    (lambda s: comparison_sheet(s, s.draft("berlin"), s.draft("twenty-point")), BOTH),
])
def test_a_draft_dated_after_the_situation_is_named(ukraine: Scenario, make: object,
                                                     note: str) -> None:
    assert ukraine.as_of is not None
    twenty = ukraine.draft("twenty-point")
    assert twenty.date is not None
    assert twenty.date > ukraine.as_of  # the default scenario has such a draft
    sheet: Sheet = make(ukraine)  # type: ignore[operator]
    assert note in " ".join(sheet_text(sheet).split())


def test_a_draft_dated_before_the_situation_reads_plainly(ukraine: Scenario) -> None:
    text = " ".join(sheet_text(party_sheet(ukraine, ukraine.draft("us-28"), "ukraine")).split())
    assert "situation as of 2025-12-19" in text
    assert "before the draft's date" not in text

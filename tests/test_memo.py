"""The memo on page 1 of every full briefing, and the comparison sheet's order and labels.

Text-level: the memo's bottom line (at most three sentences), its recommendation (the same
number of changes, or the same clash and red lines to relax, as ``find_bridge`` answers), one
row of talking points per party; the page targets (the default scenario's twenty-point
briefing in at most 10 pages, the memo all on page 1); the comparison reads from the earlier
to the later draft whatever order the drafts are given in.
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

from desktop.cli import main
from desktop.domain import Draft, Scenario, check
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.solver import BelowNoDeal, BridgeResult, Change, Proposal, find_bridge
from desktop.report import comparison_sheet, full_sheet
from desktop.report.memo import Bridge
from desktop.report.render import pdf_bytes
from desktop.report.sheets import Block, Sheet, compare
from desktop.resources import default_scenario_path
from desktop.store import read_scenario_file
from desktop.wording import count, describe_change, short_name
from desktop.wording.bridge import (
    change_text,
    clash_text,
    cost_words,
    no_deal_text,
    red_line_name,
)
from desktop.wording.memo import bottom_line, named

pytestmark = pytest.mark.usefixtures("qapp")

DRAFTS = ("us-28", "e3-counter", "berlin", "twenty-point")
LIMIT = 20.0  # generous: the default scenario's drafts are proven in about a second


@pytest.fixture(scope="module")
def ukraine() -> Scenario:
    return read_scenario_file(default_scenario_path())


@pytest.fixture(scope="module")
def bridges(ukraine: Scenario) -> dict[str, BridgeResult]:
    return {d: find_bridge(ukraine, ukraine.draft(d), alternatives=0, time_limit=LIMIT)
            for d in DRAFTS}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def flat(text: str) -> str:
    return " ".join(text.split())


def block_text(block: Block) -> str:
    parser = _Text()
    parser.feed(block.html)
    return flat(" ".join(parser.parts))


def memo_blocks(sheet: Sheet) -> list[str]:
    """The memo's blocks as text: everything before annex A."""
    out: list[str] = []
    for item in sheet.items:
        if isinstance(item, Block):
            text = block_text(item)
            if text.startswith("Annex A"):
                return out
            out.append(text)
    raise AssertionError("no annex A")


def memo_of(ukraine: Scenario, draft: str, result: BridgeResult) -> str:
    sheet = full_sheet(ukraine, ukraine.draft(draft), date="2025-12-20",
                       bridge=Bridge(result, LIMIT))
    return " ".join(memo_blocks(sheet))


def section(memo: str, start: str, end: str) -> str:
    return memo[memo.index(start) + len(start):memo.index(end)].strip()


# --------------------------------------------------------------------------- the memo


@pytest.mark.parametrize("draft", DRAFTS)
def test_bottom_line_is_at_most_three_sentences(ukraine: Scenario,
                                                bridges: dict[str, BridgeResult],
                                                draft: str) -> None:
    result = bridges[draft]
    report = check(ukraine, ukraine.draft(draft))
    sentences = bottom_line(report, result, True, ukraine, ukraine.draft(draft))
    assert 1 <= len(sentences) <= 3
    assert all(s.endswith(".") for s in sentences)
    memo = memo_of(ukraine, draft, result)
    line = section(memo, "Bottom line", "Recommendation")
    assert line == flat(" ".join(sentences))
    assert line.startswith("The draft is not viable" if not report.viable
                           else "The draft is viable")
    for v in report.parties:
        if not v.acceptable:  # who rejects, and on what (at most two titles named)
            assert short_name(v.name) in line
            assert flat(named([x.title for x in v.violations])) in line


def test_recommendation_is_under_the_reports_stance(ukraine: Scenario) -> None:
    """The briefing's verdicts default to assessed floors, and so does its recommendation: it
    never asks to relax (or satisfy) a stated demand those verdicts treat as negotiable. Under
    stated positions the same question names stated demands too."""
    from desktop.report.memo import solve_bridge

    stated_ids = {r.id for p in ukraine.parties for r in p.red_lines if r.stance == "stated"}
    draft = ukraine.draft("berlin")
    assessed = solve_bridge(ukraine, draft, LIMIT).result
    stated = solve_bridge(ukraine, draft, LIMIT, stance="stated").result
    assert assessed is not None
    assert stated is not None
    assert assessed.stance == "assessed"
    assert stated.stance == "stated"
    assert assessed.relax
    assert not {x.red_line for x in assessed.relax} & stated_ids
    assert {x.red_line for x in stated.relax} & stated_ids
    rec = section(memo_of(ukraine, "berlin", assessed), "Recommendation", "Talking points")
    for pid, rid in ((p.id, r.id) for p in ukraine.parties for r in p.red_lines
                     if r.id in stated_ids):
        title = next(r.title for r in ukraine.party(pid).red_lines if r.id == rid)
        assert flat(title) not in rec


@pytest.mark.parametrize("draft", DRAFTS)
def test_recommendation_agrees_with_the_bridge_finder(ukraine: Scenario,
                                                      bridges: dict[str, BridgeResult],
                                                      draft: str) -> None:
    result = bridges[draft]
    memo = memo_of(ukraine, draft, result)
    rec = section(memo, "Recommendation", "Talking points")
    if result.proposal is not None:
        n = len(result.proposal.changes)
        assert count(n, "change") in memo or n == 0
        for c in result.proposal.changes:
            assert flat(change_text(c, "panel", ukraine, ukraine.draft(draft))) in rec
    else:
        assert result.proven_infeasible
        assert flat(clash_text(ukraine, result.clash)) in rec
        assert flat(clash_text(ukraine, result.clash)) in section(memo, "Bottom line",
                                                                   "Recommendation")
        for item in result.relax:
            assert flat(red_line_name(ukraine, item)) in rec
        assert f"Relaxing these {len(result.relax)} red lines" in rec
        # What relaxing them costs, and that the answer is the same from any draft.
        assert result.relax_cost is not None
        assert result.relax_independent
        assert ("This is the least costly set of red lines to relax (cost "
                f"{cost_words(result.relax_cost)} on the relaxation scale); any draft gets the "
                "same answer.") in rec
    assert "[" not in rec  # no ids as references: this is for a principal


@pytest.mark.parametrize("draft", DRAFTS)
def test_talking_points_per_party(ukraine: Scenario, bridges: dict[str, BridgeResult],
                                  draft: str) -> None:
    sheet = full_sheet(ukraine, ukraine.draft(draft), bridge=Bridge(bridges[draft], LIMIT))
    blocks = memo_blocks(sheet)
    report = check(ukraine, ukraine.draft(draft))
    head = blocks.index("Talking points")
    assert blocks[head + 1] == "Party Gains Gives Red lines at stake"
    rows = blocks[head + 2:head + 2 + len(ukraine.parties)]
    for party, row in zip(ukraine.parties, rows, strict=True):
        assert row.startswith(short_name(party.name))
        crossed = report.verdict(party.id).violations
        # Of the red lines that count under the report's view (assessed floors).
        counting = len([r for r in party.red_lines if r.stance != "stated"])
        if crossed:
            assert f"{len(crossed)} of {counting} crossed" in row
            assert flat(f"‘{crossed[0].title}’") in row
        elif party.red_lines:
            assert row.endswith(f"none crossed (of {counting})")
        else:
            assert row.endswith("states no red lines")


def test_the_header_and_the_proposal_case(ukraine: Scenario) -> None:
    """A draft with a bridge: its changes are listed; the header carries TO/FROM/SUBJECT."""
    raw: dict[str, Any] = json.loads(default_scenario_path().read_text(encoding="utf-8"))
    for party in raw["parties"]:
        if party["id"] == "russia":
            party["red_lines"] = []
    scenario = scenario_from_dict(raw)
    draft = scenario.draft("twenty-point")
    result = find_bridge(scenario, draft, alternatives=0, time_limit=LIMIT)
    assert result.proposal is not None
    n = len(result.proposal.changes)
    sheet = full_sheet(scenario, draft, to="The Minister", from_="Policy Planning",
                       date="2025-12-20")
    memo = " ".join(memo_blocks(sheet))
    assert "TO The Minister FROM Policy Planning SUBJECT Assessment of 20-point framework " \
           "(late Dec 2025) DATE 2025-12-20" in memo
    assert f"The cheapest bridge that every party accepts is {count(n, 'change')}." in memo
    for c in result.proposal.changes:
        assert change_text(c, "panel", scenario, draft) in memo
    # The open plant point is closed on the Ukrainian formula, said as such.
    assert ("Close the open point “Zaporizhzhia nuclear plant” on “Ukrainian formula”."
            in memo)
    assert "Change value in" not in memo
    assert "the cheapest possible" in memo


def test_a_party_left_below_its_no_deal_level_is_warned_about(ukraine: Scenario) -> None:
    draft = ukraine.draft("berlin")
    change = Change("remove", draft.clauses[0].provision, cost=2)
    below = BelowNoDeal("russia", "Russia", 0.2, 0.25)
    result = BridgeResult(True, True, "optimal",
                          Proposal((change,), draft.clauses[1:], {}, 1, 2.0, (below,)), ())
    rec = section(memo_of(ukraine, "berlin", result), "Recommendation", "Talking points")
    assert flat(describe_change(change, "panel", ukraine, draft)) + "." in rec
    assert ("Russia would be better off without this deal (satisfaction 20%; 25% without a "
            "deal).") in rec
    assert no_deal_text(below, ukraine) in rec


def test_a_time_limited_answer_says_it_is_not_proven(ukraine: Scenario) -> None:
    draft = ukraine.draft("berlin")
    change = Change("remove", draft.clauses[0].provision)
    partial = BridgeResult(True, False, "best-found",
                           Proposal((change,), draft.clauses[1:], {}, 1), ())
    memo = " ".join(memo_blocks(full_sheet(ukraine, draft, bridge=Bridge(partial, 5.0))))
    assert "the time limit was hit, so this is not proven" in memo
    assert "the cheapest found within 5 s, not proven the cheapest" in memo
    nothing = BridgeResult(False, False, "no-proposal", None, ())
    memo = " ".join(memo_blocks(full_sheet(ukraine, draft, bridge=Bridge(nothing, 5.0))))
    assert "Within 5 s the bridge finder found neither a bridge nor a proof" in memo


def test_no_bridge_says_the_recommendation_was_not_computed(ukraine: Scenario) -> None:
    memo = " ".join(memo_blocks(full_sheet(ukraine, ukraine.draft("berlin"), time_limit=None)))
    assert "The cheapest bridge was not computed for this briefing." in memo
    assert "The recommendation was not computed for this briefing" in memo


def test_cli_memo_options(tmp_path: Path) -> None:
    out = tmp_path / "memo.pdf"
    code = main(["brief", str(default_scenario_path()), "--draft", "berlin", "--to", "Minister",
                 "--from", "Desk", "--subject", "Berlin text", "--no-bridge", "-o", str(out)],
                out=io.StringIO())
    assert code == 1
    first = flat(PdfReader(out).pages[0].extract_text() or "")
    assert "TO Minister FROM Desk SUBJECT Berlin text" in first
    assert "not computed" in first
    code = main(["brief", str(default_scenario_path()), "--time-limit", "0", "-o",
                 str(tmp_path / "x.pdf")], out=io.StringIO())
    assert code == 2
    assert not (tmp_path / "x.pdf").exists()


# --------------------------------------------------------------------------- page targets


def test_twenty_point_fits_in_ten_pages_with_the_memo_on_page_1(
        ukraine: Scenario, bridges: dict[str, BridgeResult]) -> None:
    draft = ukraine.draft("twenty-point")
    sheet = full_sheet(ukraine, draft, bridge=Bridge(bridges["twenty-point"], LIMIT))
    data, pages = pdf_bytes(sheet)
    assert pages <= 10
    texts = ["".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]
    for text in memo_blocks(sheet):  # every memo block whole on page 1
        assert "".join(text.split()) in texts[0], text
    assert "AnnexA" not in texts[0]
    assert "AnnexA" in texts[1]


def test_each_clause_text_is_printed_once(ukraine: Scenario) -> None:
    from desktop.wording import clause_text

    draft = ukraine.draft("twenty-point")
    sheet = full_sheet(ukraine, draft, time_limit=None)
    html = "".join(i.html for i in sheet.items if isinstance(i, Block))
    for n, clause in enumerate(draft.clauses, start=1):
        text = clause_text(ukraine.provision(clause.provision), clause.values)
        assert html.count(_esc(text)) == 1, clause.provision
        assert f"<b>{n}.</b>" in html
    numbers = [int(m) for m in re.findall(r"<b>(\d+)\.</b>", html)]
    assert numbers == list(range(1, len(draft.clauses) + 1))  # the draft's own order


def _esc(text: str) -> str:
    from desktop.report.sheets import esc

    return esc(text)


# --------------------------------------------------------------------------- comparison


def comparison_text(scenario: Scenario, a: Draft, b: Draft) -> str:
    sheet = comparison_sheet(scenario, a, b, date="2025-12-20")
    return " ".join(block_text(i) for i in sheet.items if isinstance(i, Block))


def test_comparison_reads_from_earlier_to_later_in_either_order(ukraine: Scenario) -> None:
    us, berlin = ukraine.draft("us-28"), ukraine.draft("berlin")
    forward = comparison_text(ukraine, us, berlin)
    backward = comparison_text(ukraine, berlin, us)
    assert "Earlier: US 28-point plan (Nov 2025)" in forward
    assert "Later: Berlin framework (mid-Dec 2025)" in forward
    assert backward.replace(" The drafts were given later first; this sheet reads from the "
                            "earlier to the later.", "") == forward
    # Ukraine's red lines crossed in the US plan are resolved by the later Berlin text
    cmp = compare(ukraine, berlin, us, check(ukraine, berlin), check(ukraine, us))
    assert cmp.earlier is us
    assert cmp.later is berlin
    ukraine_flips = [f for f in cmp.flips if f.party == ukraine.party("ukraine").name]
    assert ukraine_flips
    assert all(f.crossed_earlier for f in ukraine_flips)


def test_comparison_puts_substance_first_and_notes_last(ukraine: Scenario) -> None:
    us, berlin = ukraine.draft("us-28"), ukraine.draft("berlin")
    text = comparison_text(ukraine, us, berlin)
    order = [text.index(h) for h in ("Red lines that flip", "Substantive differences",
                                     "Added in the later draft", "Removed from the earlier draft",
                                     "Changed (", "Note-only changes")]
    assert order == sorted(order)
    cmp = compare(ukraine, us, berlin, check(ukraine, us), check(ukraine, berlin))
    assert cmp.notes  # the note-only change is not counted among the substantive ones
    assert not set(cmp.notes) & set(cmp.changed)
    # values in words, before → after; clauses aligned by provision (§ earlier → § later)
    assert "Army personnel: 600,000 personnel → 800,000 personnel" in text
    assert "§5 → §6" in text
    assert "moved from phase 2 to phase 1" in text


def test_draft_dates_decide_earlier_and_later(ukraine: Scenario) -> None:
    """Dates win over the list's order: the Berlin text listed first is still the later."""
    raw: dict[str, Any] = json.loads(default_scenario_path().read_text(encoding="utf-8"))
    raw["drafts"].reverse()
    scenario = scenario_from_dict(raw)
    us, berlin = scenario.draft("us-28"), scenario.draft("berlin")
    assert us.date is not None
    assert berlin.date is not None
    assert us.date < berlin.date
    cmp = compare(scenario, berlin, us, check(scenario, berlin), check(scenario, us))
    assert (cmp.earlier, cmp.later, cmp.swapped) == (us, berlin, True)
    raw["drafts"] = [{k: v for k, v in d.items() if k != "date"} for d in raw["drafts"]]
    undated = scenario_from_dict(raw)  # no dates: the list's order (here reversed) decides
    cmp = compare(undated, undated.draft("berlin"), undated.draft("us-28"),
                  check(undated, undated.draft("berlin")), check(undated, undated.draft("us-28")))
    assert cmp.earlier.id == "berlin"
    assert not cmp.swapped


def test_the_documents_briefing_settings_fill_the_header(tmp_path: Path) -> None:
    raw: dict[str, Any] = json.loads(default_scenario_path().read_text(encoding="utf-8"))
    raw["briefing"] = {"to": "Saved minister", "from": "Saved desk", "subject": "Saved subject",
                       "marking": "SAVED MARKING"}
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    scenario = scenario_from_dict(raw)
    memo = " ".join(memo_blocks(full_sheet(scenario, scenario.drafts[0], time_limit=None,
                                           date="2025-12-20")))
    assert "TO Saved minister FROM Saved desk SUBJECT Saved subject DATE 2025-12-20" in memo
    out = tmp_path / "memo.pdf"
    main(["brief", str(path), "--no-bridge", "--to", "Given minister", "-o", str(out)],
         out=io.StringIO())
    first = flat(PdfReader(out).pages[0].extract_text() or "")
    assert "TO Given minister FROM Saved desk SUBJECT Saved subject" in first
    assert "SAVED MARKING" in first


# --------------------------------------------------------------------------- one measure


def sheet_text(sheet: Sheet) -> str:
    return flat(" ".join(block_text(i) for i in sheet.items if isinstance(i, Block)))


def test_own_counter_proposal_reads_on_the_measure_set_against_no_deal(ukraine: Scenario
                                                                      ) -> None:
    """The e3 counter-proposal: Ukraine accepts it; the words show one satisfaction, over what
    the draft addresses (20%), never the full scale (12%), and compare that with no deal."""
    draft = ukraine.draft("e3-counter")
    v = check(ukraine, draft).verdict("ukraine")
    assert v.verdict == "accepts"
    assert v.satisfaction is not None
    assert v.addressed_satisfaction is not None
    assert round(v.satisfaction * 100) == 12
    assert round(v.addressed_satisfaction * 100) == 20
    result = main_text("check", str(default_scenario_path()), "--draft", "e3-counter")
    assert "  ACCEPTS    Ukraine (20% of what it addresses)\n" in result
    assert "Satisfaction 20% of what it addresses; addresses 4 of 8 preferences, below its " \
           "no-deal level of 25%" in result
    assert "12%" not in result.split("Russia")[0]
    whole = sheet_text(full_sheet(ukraine, draft, time_limit=None))
    assert "Satisfaction: 20% of what it addresses (4 of 8; below no deal 25%" in whole
    assert "Satisfaction: 12%" not in whole


def main_text(*args: str) -> str:
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(list(args))
    return out.getvalue()


def test_preferences_met_under_some_alternatives_say_when(ukraine: Scenario) -> None:
    draft = ukraine.draft("twenty-point")
    v = check(ukraine, draft).verdict("united-states")
    assert v.undecided == ("us-znpp-three-way",)
    assert [[(p, label) for p, _, label in c] for c in v.met_if] == [[("znpp", "US formula")]]
    whole = sheet_text(full_sheet(ukraine, draft, time_limit=None))
    assert "◐ met if §16 is the US formula US-led three-way operation of the plant" in whole
    assert "✗ missed US-led three-way" not in whole
    text = main_text("check", str(default_scenario_path()), "--draft", "twenty-point")
    assert "◐ met if §16 is the US formula: ‘US-led three-way operation of the plant’." in text


def test_red_line_counts_are_those_of_the_reports_view(ukraine: Scenario) -> None:
    draft = ukraine.draft("us-28")
    whole = sheet_text(full_sheet(ukraine, draft, time_limit=None))
    russia = ukraine.party("russia")
    counting = len([r for r in russia.red_lines if r.stance != "stated"])
    assert counting < len(russia.red_lines)
    assert f"of {len(russia.red_lines)} red lines" not in whole
    assert "Turkey" in whole
    assert "✓ Accepts — states no red lines." in whole
    assert "none of 0 red lines" not in whole


def test_comparison_uses_the_conditional_verdict(ukraine: Scenario) -> None:
    text = comparison_text(ukraine, ukraine.draft("berlin"), ukraine.draft("twenty-point"))
    assert "◐ Accepts if §16 is the Ukrainian formula 1 crossed, 70% of what it addresses" in \
        text
    assert ("No Russian role at the Zaporizhzhia plant holds crossed if §16 is the US formula "
            "newly crossed") in text
    assert "NOT ACCEPTABLE" not in text


def test_annex_a_in_one_register_with_the_worst_chance_where_it_is(ukraine: Scenario) -> None:
    draft = ukraine.draft("twenty-point")
    whole = sheet_text(full_sheet(ukraine, draft, time_limit=None))
    annex = whole[whole.index("Annex A"):whole.index("Annex B")]
    assert ("◐ Accepts if §16 is the Ukrainian formula , at worst 50% (if §16 is the US "
            "formula)") in annex
    assert "✗ Rejects , chance under 1%" in annex
    assert "ACCEPTABLE" not in annex
    assert ("Chance: the probability that none of the crossed red lines is truly binding, "
            "treating them as independent.") in annex
    # Both views agree on every party of the 20 points; not so on the 28 points.
    assert "one verdict shown: both agree" in annex
    us28 = sheet_text(full_sheet(ukraine, ukraine.draft("us-28"), time_limit=None))
    annex = us28[us28.index("Annex A"):us28.index("Annex B")]
    assert "Assessed: " in annex
    assert "one verdict shown: both agree" not in annex
    assert "one verdict shown where both agree" in annex


def test_bottom_line_names_the_alternative_and_what_it_crosses_otherwise(ukraine: Scenario
                                                                        ) -> None:
    draft = ukraine.draft("twenty-point")
    _, second, _ = bottom_line(check(ukraine, draft), None, False, ukraine, draft)
    assert ("Ukraine accepts it only if §16 is the Ukrainian formula; under the US formula it "
            "crosses ‘No Russian role at the Zaporizhzhia plant’") in second
    assert "its open points go its way" not in second


def test_the_recommendation_follows_the_report_s_view(ukraine: Scenario,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A briefing of a report under stated positions solves its recommendation under stated
    positions too: the memo never recommends against its own verdicts' view."""
    import desktop.report.memo as memo_module
    from desktop.report.memo import NOT_COMPUTED

    seen: list[str] = []

    def spy(scenario: Scenario, draft: Draft, time_limit: float = 0.0, *,
            stance: str = "assessed", **search: object) -> object:
        seen.append(stance)
        return NOT_COMPUTED

    monkeypatch.setattr(memo_module, "solve_bridge", spy)
    draft = ukraine.draft("berlin")
    full_sheet(ukraine, draft, report=check(ukraine, draft, stance="stated"))
    full_sheet(ukraine, draft)
    assert seen == ["stated", "assessed"]

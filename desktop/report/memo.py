"""The memo: page 1 of every full briefing.

A header (TO, FROM, SUBJECT, DATE, the marking), the bottom line in at most three sentences,
the recommendation from the bridge finder (a time-limited solve, :func:`solve_bridge`) and one
row of talking points per party. The words come from :mod:`desktop.wording.memo`; this module
lays them out as :mod:`desktop.report.sheets` blocks. No Qt; OR-Tools is imported only when a
bridge is solved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.report.sheets import (
    BRIDGE_TIME_LIMIT,
    INK,
    MUTED,
    REJECT,
    Block,
    Item,
    _h,
    _p,
    _table,
    esc,
)
from desktop.wording import short_name
from desktop.wording.bridge import change_text, no_deal_text, relax_cost_text
from desktop.wording.memo import bottom_line, recommendation, talking_points
from desktop.wording.sources import annexes_line
from desktop.wording.translate import translate

if TYPE_CHECKING:
    from desktop.domain import Draft, Report, Scenario
    from desktop.domain.model import Stance
    from desktop.domain.solver import BridgeResult


@dataclass(frozen=True, slots=True)
class Bridge:
    """The bridge finder's answer for a memo. ``time_limit`` None: it was not run;
    ``error``: it could not answer (``result`` None), in words."""

    result: BridgeResult | None
    time_limit: float | None
    error: str = ""

    @property
    def computed(self) -> bool:
        return self.time_limit is not None


NOT_COMPUTED = Bridge(None, None)


def solve_bridge(scenario: Scenario, draft: Draft, time_limit: float = BRIDGE_TIME_LIMIT,
                 *, stance: Stance = "assessed", **search: Any) -> Bridge:
    """The cheapest changes every party accepts, or the clash; never longer than
    ``time_limit`` (plus building the model). ``stance``: the report's view of the red lines
    (``check()``'s, assessed floors by default, as the briefing's verdicts), so the
    recommendation never asks to satisfy a demand the verdicts treat as negotiable.
    ``search``: ``cancel`` and ``progress`` for :func:`~desktop.domain.solver.find_bridge`,
    when a worker thread runs it."""
    from desktop.domain.solver import BeyondExactSolver, CertificateError, find_bridge

    try:
        result = find_bridge(scenario, draft, alternatives=0, clashes=1, time_limit=time_limit,
                             stance=stance, **search)
    except BeyondExactSolver as err:
        return Bridge(None, time_limit, str(err))
    except CertificateError:
        return Bridge(None, time_limit, translate(
            "Report.memo", "its answer failed its own check, so none is shown (a bug in "
                           "Accord)"))
    return Bridge(result, time_limit)


@dataclass(frozen=True, slots=True)
class Header:
    to: str
    from_: str
    subject: str
    date: str
    marking: str


def memo_items(scenario: Scenario, draft: Draft, report: Report, bridge: Bridge,
               header: Header, *, with_sources: bool = False) -> list[Item]:
    """Page 1: header, bottom line, recommendation, talking points. ``with_sources``: the
    annexes end with the sources cited."""
    items: list[Item] = _header_blocks(header)
    items.append(_h(2, esc(translate("Report.memo", "Bottom line"))))
    sentences = bottom_line(report, bridge.result, bridge.computed, scenario, draft)
    items.append(_p(" ".join(esc(s) for s in sentences), space=8.0))

    items.append(_h(2, esc(translate("Report.memo", "Recommendation"))))
    lead, points, notes = recommendation(bridge.result, scenario, draft,
                                         computed=bridge.computed,
                                         time_limit=bridge.time_limit, error=bridge.error)
    points, after = _bridge_words(bridge.result, scenario, draft, points)
    items.append(_p(esc(lead), space=4.0, keep_with_next=bool(points)))
    for point in points:
        items.append(Block(
            '<table width="100%" cellspacing="0" cellpadding="1" border="0" '
            f'style="font-size:13px; color:{INK};"><tr><td width="4%" align="right">•</td>'
            f'<td width="96%">{esc(point)}</td></tr></table>', space_after=3.0))
    for sentence, warn in after:
        items.append(_p(f"<b>{esc(sentence)}</b>" if warn else esc(sentence),
                        color=REJECT if warn else INK, size=13, space=3.0))
    for note in notes:
        items.append(_p(f"<i>{esc(note)}</i>", color=MUTED, size=12, space=2.0))

    items.append(_h(2, esc(translate("Report.memo", "Talking points"))))
    rows = []
    for party in scenario.parties:
        verdict = report.verdict(party.id)
        gains, gives, stake = talking_points(scenario, draft, party, verdict, report.stance)
        rows.append((f"<b>{esc(short_name(party.name))}</b>", esc(gains), esc(gives),
                     esc(stake)))
    items.extend(_table((16, 30, 30, 24), (
        esc(translate("Report.memo", "Party")), esc(translate("Report.memo", "Gains")),
        esc(translate("Report.memo", "Gives")),
        esc(translate("Report.memo", "Red lines at stake"))), rows))
    items.append(_p(esc(annexes_line(with_sources)), color=MUTED, size=11))
    return items


def _bridge_words(result: BridgeResult | None, scenario: Scenario, draft: Draft,
                  points: list[str]) -> tuple[list[str], list[tuple[str, bool]]]:
    """The recommendation's items in the bridge finder's words (closing an open point reads as
    closing it on its alternative, as the panel and ``accord suggest`` say it), and what
    follows them as (sentence, warning): the parties the proposal leaves below their no-deal
    level (a warning), or what the red lines to relax cost and that this does not depend on
    the draft."""
    if result is None:
        return points, []
    proposal = result.proposal
    if proposal is not None:
        if proposal.changes:
            points = [change_text(c, "panel", scenario, draft) + "." for c in proposal.changes]
        return points, [(no_deal_text(b, scenario), True) for b in proposal.below_no_deal]
    cost = relax_cost_text(result.relax_cost, result.relax_independent) if result.relax else ""
    return points, [(cost, False)] if cost else []


def _header_blocks(h: Header) -> list[Item]:
    """Marking, kind, title, then TO / FROM / SUBJECT / DATE (the ones set) as a table."""
    out: list[Item] = []
    if h.marking:
        out.append(_p(f"<b>{esc(h.marking)}</b>", color=REJECT, size=12, space=2.0))
    out.append(_p(esc(translate("Report.memo", "FULL BRIEFING")), color=MUTED, size=12,
                  space=0.0))
    out.append(_h(1, esc(translate("Report.memo", "Memorandum"))))
    fields = ((translate("Report.memo", "TO", "a memo's header"), h.to),
              (translate("Report.memo", "FROM", "a memo's header"), h.from_),
              (translate("Report.memo", "SUBJECT", "a memo's header"), h.subject),
              (translate("Report.memo", "DATE", "a memo's header"), h.date))
    rows = "".join(
        f'<tr><td width="14%" style="color:{MUTED};"><b>{esc(label)}</b></td>'
        f"<td width=\"86%\">{esc(value)}</td></tr>"
        for label, value in fields if value)
    out.append(Block('<table width="100%" cellspacing="0" cellpadding="2" border="0" '
                     f'style="font-size:13px; color:{INK};">{rows}</table>', space_after=4.0))
    out.append(Block(f'<hr style="color:{MUTED};"/>', space_after=4.0))
    return out

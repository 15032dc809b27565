"""The briefing's annex "Precedents for the key clauses" (issue 18): content only, no Qt.

It closes Annex C, after the draft text, before the register of sources (which stays last).
The key clauses are those on which a party's verdict turns: the clauses behind every red line
the draft crosses, in the draft's order. For each, the number of PA-X agreements that carried
all its provision's issues together, and the three closest of them (same region as the
scenario's conflict first, then the most recent, then the highest strength). Two clauses to a
row, in small type, so that the full briefing stays within its page budget; PA-X is credited
under the table.
"""

from __future__ import annotations

import re

from desktop.domain import Draft, Report, Scenario
from desktop.domain.precedents import Precedent, UnknownCode, closest, load_index
from desktop.report.sheets import HEAD_FILL, HEAD_TEXT, INK, MUTED, Block, Item, _h, esc
from desktop.wording.precedents import agreements, credit, tags_label
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = ["HEADING", "key_clauses", "precedent_annex", "short_agreement_name"]

#: The annex's heading (English; in the user's language: translate it with "Report.precedents").
HEADING = QT_TRANSLATE_NOOP("Report.precedents", "Precedents for the key clauses")
_NICKNAME = re.compile(r"\(([^()]{3,40})\)\s*$")
_LONGEST = 44


def short_agreement_name(name: str) -> str:
    """An agreement's name as a line of a table cell: its nickname when PA-X gives one in
    brackets at the end ("Minsk II"), else the name cut at a word with an ellipsis."""
    nick = _NICKNAME.search(name)
    if nick:
        return nick.group(1)
    if len(name) <= _LONGEST:
        return name
    return name[:_LONGEST].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def key_clauses(report: Report, draft: Draft) -> list[str]:
    """Provision ids of the clauses behind a crossed red line, in the draft's order."""
    behind = {pid for v in report.parties for x in v.violations for pid in x.clauses}
    return [c.provision for c in draft.clauses if c.provision in behind]


def _cell(scenario: Scenario, number: int, pid: str) -> str:
    prov = scenario.provision_index[pid]
    head = f"<b>{number}. {esc(prov.title)}</b><br/>"
    if not prov.pax:
        none = esc(translate("Report.precedents", "No PA-X issue codes."))
        return head + f'<span style="color:{MUTED};">{none}</span>'
    index = load_index()
    conflict = index.conflict_of(scenario.title)
    try:
        found = index.query(list(prov.pax), conflict=conflict)
    except UnknownCode as err:
        return head + f'<span style="color:{MUTED};">{esc(err)}</span>'
    out = head + translate("Report.precedents", "{issues}: {agreements}").format(
        issues=esc(tags_label(prov.pax)), agreements=f"<b>{esc(agreements(len(found)))}</b>")
    if not found:
        new = esc(translate("Report.precedents", "No precedent: new in PA-X's record."))
        return out + f"<br/><i>{new}</i>"
    lines = [_precedent_line(p) for p in closest(found, conflict.region)]
    return out + "".join(f"<br/>{line}" for line in lines)


def _where(entities: tuple[str, ...]) -> str:
    """The first countries or entities that fit in a short line ("Armenia/Azerbaijan/…")."""
    shown: list[str] = []
    for e in entities:
        if shown and len("/".join([*shown, e])) > 26:
            return "/".join(shown) + "/…"
        shown.append(e)
    return "/".join(shown)


def _precedent_line(p: Precedent) -> str:
    a = p.agreement
    return (f"{a.date.year} · {esc(short_agreement_name(a.name))} "
            f'<span style="color:{MUTED};">({esc(_where(a.entities))})</span>')


def precedent_annex(scenario: Scenario, draft: Draft, report: Report) -> list[Item]:
    """The annex's items, a section closing Annex C (the draft text) so that the register of
    sources stays the last annex; nothing when no red line is crossed (no verdict turns on a
    clause)."""
    keys = key_clauses(report, draft)
    if not keys:
        return []
    numbers = {c.provision: i + 1 for i, c in enumerate(draft.clauses)}
    cells = [_cell(scenario, numbers[pid], pid) for pid in keys]
    # The table's header says what the cells hold and credits PA-X (repeated atop a new page).
    head = _row((esc(translate("Report.precedents",
                               "Key clause: the agreements (1990–2025) that contain all its "
                               "PA-X issues together; the closest: same region first, then "
                               "the most recent, then the strongest")), esc(credit())),
                f"background-color:{HEAD_FILL}; color:{HEAD_TEXT}; font-size:9px;")
    header = Block(head, keep_with_next=True)
    items: list[Item] = [_h(2, esc(translate("Report.precedents", HEADING))), header]
    for i in range(0, len(cells), 2):
        pair = cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2]))
        items.append(Block(_row(pair, f"font-size:10px; color:{INK};"), space_after=2.0,
                           header=header))
    return items


def _row(cells: tuple[str, ...] | list[str], style: str) -> str:
    tds = "".join(f'<td width="50%" valign="top" style="{style}">{c}</td>' for c in cells)
    return ('<table width="100%" cellspacing="0" cellpadding="3" border="0" '
            f'style="color:{INK};"><tr>{tds}</tr></table>')

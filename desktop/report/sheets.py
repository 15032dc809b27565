"""Briefing sheets as content: pure functions from domain objects to a :class:`Sheet`.

A sheet is a flat sequence of items that :mod:`desktop.report.render` stacks onto pages:

* :class:`Block`: an HTML fragment that is never split across a page break (unless it is taller
  than a whole page). Every table row is its own block (tables use fixed column widths, so the
  rows line up), and a row's table header is repeated when the row starts a page.
* :class:`Chart`: the satisfaction chart, drawn as vectors by :mod:`desktop.report.chart`.

Sheets grow linearly with the scenario. A chart holds at most :data:`CHART_MAX_BARS` bars (more
would be too narrow to label), so the cover of a scenario with many parties shows them in
several charts, and a party's section shows the all-party chart only while it fits in one;
beyond that, the section's chart shows that party alone. (Every section used to repaint every
party: a 1,000-party briefing took 50 s and 50 MB.)

Every user string (scenario, party, provision, red-line and preference text, notes, values) goes
through :func:`esc` here and nowhere else builds HTML: a provision titled
``<img src="file:///etc/hostname">`` prints literally and loads nothing. No links are created.
This module imports no Qt.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from desktop.domain import Draft, Report, Scenario, check
from desktop.domain.checker import PartyVerdict, Violation
from desktop.domain.model import Clause, Party, Provision, Source
from desktop.wording import (
    clause_text,
    explanation,
    palette,
    percent,
    report_summary,
)
from desktop.wording.changes import no_deal
from desktop.wording.labels import DEFAULT_MARKING as DEFAULT_MARKING  # (re-exported)
from desktop.wording.labels import default_marking, role_label
from desktop.wording.memo import (
    counting_red_lines,
    moved_text,
    situation,
    value_change,
)
from desktop.wording.memo import subject as memo_subject
from desktop.wording.prose import in_sentence, series
from desktop.wording.sources import (
    citation,
    inferred_mark,
    legend,
    none_cited,
    source_details,
    sources_heading,
)
from desktop.wording.translate import translate
from desktop.wording.values import param_label, value_text, weight
from desktop.wording.verdicts import (
    alternative_name,
    bound_words,
    chance_words,
    condition_words,
    coverage_words,
    shown_satisfaction,
    verdict_phrase,
    viability_words,
    violation_condition,
)

if TYPE_CHECKING:
    from desktop.report.memo import Bridge

#: The bridge finder's time limit for a full briefing's recommendation (seconds).
BRIDGE_TIME_LIMIT = 5.0

#: The most bars one chart holds; at A4 width each is still about 35 px wide, two lines of label.
CHART_MAX_BARS = 20

# Colours (desktop.wording.palette): dark enough on white (and white on the header fill) for
# WCAG AA contrast.
INK = palette.INK
MUTED = palette.MUTED
ACCEPT = palette.PRINT_ACCEPT
REJECT = palette.PRINT_REJECT
HEAD_FILL = palette.HEAD_FILL
HEAD_TEXT = palette.HEAD_TEXT
STRIPE = palette.STRIPE
ADDED = palette.PRINT_ACCEPT
REMOVED = palette.PRINT_REJECT


def esc(text: object) -> str:
    """User text as HTML text: markup characters escaped, line breaks kept."""
    return html.escape(str(text), quote=True).replace("\n", "<br/>")


@dataclass(frozen=True, slots=True)
class Block:
    """An HTML fragment laid out at the page width; kept whole on one page when it fits."""

    html: str
    space_after: float = 0.0  # px at 96 dpi
    keep_with_next: bool = False  # a heading: never the last thing on a page
    page_break_before: bool = False
    header: Block | None = None  # a table row: the table's header, repeated atop a new page


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    satisfaction: float | None  # 0..1; None when the party states no preferences
    acceptable: bool
    highlight: bool = False
    #: Accepts only if an open point is closed a certain way: neither ✓ nor ✗ but ◐.
    conditional: bool = False
    #: The party's satisfaction without any agreement (0..1), marked across its bar: each
    #: party is read against its own walk-away point, not against the others' bars.
    no_deal: float | None = None


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    height: float = 230.0
    space_after: float = 14.0
    keep_with_next: bool = False
    page_break_before: bool = False


Item = Block | Chart


@dataclass(frozen=True, slots=True)
class Sheet:
    """A document to print: running head and marking on every page, then the items."""

    title: str  # the PDF title (plain text)
    running_head: str  # plain text, top left of every page
    marking: str  # plain text, top right and bottom centre of every page
    date: str
    items: tuple[Item, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- building blocks


def _h(level: int, text_html: str, *, page_break: bool = False) -> Block:
    size, top = {1: (22, 0), 2: (17, 10), 3: (14, 6)}[level]
    return Block(
        f'<p style="font-size:{size}px; font-weight:bold; color:{INK}; margin-top:{top}px;">'
        f"{text_html}</p>",
        space_after=6.0, keep_with_next=True, page_break_before=page_break,
    )


def _p(text_html: str, *, color: str = INK, size: int = 13, space: float = 6.0,
       keep_with_next: bool = False) -> Block:
    return Block(f'<p style="font-size:{size}px; color:{color};">{text_html}</p>',
                 space_after=space, keep_with_next=keep_with_next)


def _table(widths: Sequence[int], head: Sequence[str], rows: Iterable[Sequence[str]],
           *, space_after: float = 12.0) -> list[Block]:
    """A header block then one block per row; cells are HTML (already escaped)."""

    def row_html(cells: Sequence[str], *, header: bool, shade: bool) -> str:
        style = (f"background-color:{HEAD_FILL}; color:{HEAD_TEXT}; font-weight:bold;"
                 if header else f"background-color:{STRIPE};" if shade else "")
        tds = "".join(
            f'<td width="{w}%" style="{style}">{c}</td>' for w, c in zip(widths, cells, strict=True)
        )
        return ('<table width="100%" cellspacing="0" cellpadding="4" border="0" '
                f'style="font-size:12px; color:{INK};"><tr>{tds}</tr></table>')

    header = Block(row_html(head, header=True, shade=False), keep_with_next=True)
    blocks = [header]
    for i, cells in enumerate(rows):
        blocks.append(Block(row_html(cells, header=False, shade=i % 2 == 1), header=header))
    if len(blocks) == 1:
        none = esc(translate("Report.sheets", "None."))
        blocks.append(_p(f"<i>{none}</i>", color=MUTED, size=12))
    last = blocks[-1]
    blocks[-1] = Block(last.html, space_after=space_after, header=last.header)
    return blocks


def _percent(x: float | None) -> str:
    return percent(x, missing=translate("Report.sheets", "no preferences stated"))


def _shown(v: PartyVerdict) -> str:
    """The satisfaction the words show: "62% of what it addresses"."""
    x = shown_satisfaction(v)
    if x is None:
        return (translate("Report.sheets", "no preferences stated") if v.coverage[1] == 0
                else translate("Report.sheets", "addresses none"))
    return translate("Report.sheets", "{satisfaction} of what it addresses").format(
        satisfaction=percent(x))


def _short(name: str) -> str:
    head = name.split(" (", 1)[0].strip()
    return head or name


def no_deal_level(scenario: Scenario, party_id: str) -> float | None:
    party = scenario.party_index.get(party_id)
    return None if party is None or party.no_deal is None else float(party.no_deal)


def _bars(scenario: Scenario, report: Report,
          highlight: str | None = None) -> tuple[Bar, ...]:
    return tuple(Bar(_short(v.name), shown_satisfaction(v), v.acceptable, v.party == highlight,
                     v.verdict == "accepts-if", no_deal_level(scenario, v.party))
                 for v in report.parties)


def _cover_charts(scenario: Scenario, report: Report) -> list[Item]:
    """Every party's satisfaction: one chart, or one per :data:`CHART_MAX_BARS` parties."""
    bars = _bars(scenario, report)
    if len(bars) <= CHART_MAX_BARS:
        return [Chart(translate("Report.sheets", "Satisfaction by party"), bars)]
    total = len(bars)
    return [Chart(translate("Report.sheets", "Satisfaction by party ({first}–{last} of {total})")
                  .format(first=start + 1, last=min(start + CHART_MAX_BARS, total), total=total),
                  bars[start:start + CHART_MAX_BARS])
            for start in range(0, total, CHART_MAX_BARS)]


def _party_chart(scenario: Scenario, report: Report, verdict: PartyVerdict,
                 height: float = 130.0) -> Chart:
    """A party section's chart: every party with this one outlined while they fit in one
    chart; otherwise this party alone (the cover compares them all), so each section costs the
    same however many parties there are."""
    if len(report.parties) <= CHART_MAX_BARS:
        return Chart(translate("Report.sheets", "Satisfaction by party (this party outlined)"),
                     _bars(scenario, report, verdict.party), height=height)
    return Chart(translate("Report.sheets", "Satisfaction of {party} (all parties: see the "
                                            "summary)").format(party=_short(verdict.name)),
                 (Bar(_short(verdict.name), shown_satisfaction(verdict), verdict.acceptable, True,
                      verdict.verdict == "accepts-if",
                      no_deal_level(scenario, verdict.party)),),
                 height=height)


class _Numbers:
    """Clause numbers (1-based, draft order) and their labels: "§3 Title"."""

    def __init__(self, scenario: Scenario, draft: Draft) -> None:
        self.scenario = scenario
        self.index = {c.provision: i for i, c in enumerate(draft.clauses, start=1)}

    def label(self, provision_id: str) -> str:
        n = self.index.get(provision_id)
        prov = self.scenario.provision_index.get(provision_id)
        title = esc(prov.title) if prov else esc(provision_id)
        return f"§{n} {title}" if n is not None else title

    def labels(self, ids: Iterable[str]) -> str:
        return "<br/>".join(self.label(i) for i in ids) or "—"


def _verdict_cell(v: PartyVerdict, draft: Draft, scenario: Scenario) -> str:
    """A verdict for a table cell: "✓ Accepts", "✗ Rejects" or "◐ Accepts if §16 is the
    Ukrainian formula"."""
    if v.verdict != "accepts-if":
        return _verdict_word(v.acceptable)
    words = verdict_phrase(v, draft, scenario)
    return (f'<span style="color:{INK}; font-weight:bold;">◐ '
            f"{esc(words[:1].upper() + words[1:])}</span>")


def _chance_cell(v: PartyVerdict, draft: Draft | None = None,
                 scenario: Scenario | None = None) -> str:
    """", chance 20%"; for a party that accepts if an open point goes its way, the worst case
    and where it is when one alternative decides it: ", at worst 50% (if §16 is the US
    formula)"."""
    if not v.violations:
        return ""
    x = v.acceptance_chance
    pct = translate("Report.sheets", "under 1%") if 0 < x < 0.005 else percent(x)
    if v.verdict != "accepts-if":
        return translate("Report.sheets", ", chance {chance}").format(chance=pct)
    unders = {x.under for x in v.violations}
    if len(unders) == 1 and draft is not None and next(iter(unders)):
        where = violation_condition(next(iter(unders)), True, draft, scenario)
        return translate("Report.sheets", ", at worst {chance} ({condition})").format(
            chance=pct, condition=esc(where))
    return translate("Report.sheets", ", at worst {chance}").format(chance=pct)


def _why(scenario: Scenario, draft: Draft, party: Party, x: Violation, rationale: str) -> str:
    """Why a red line is crossed; under which alternative when only some cross it; the
    party's rationale when given (the party sheet's detail)."""
    why = esc(explanation(x.reasons, scenario, _short(party.name)))
    if rationale:
        said = translate("Report.sheets", "Rationale: {rationale}").format(
            rationale=esc(rationale))
        why += f'<br/><span style="color:{MUTED};">{said}</span>'
    if x.conditional:  # crossed whatever the open points say: nothing to add
        when = violation_condition(x.under, x.conditional, draft, scenario)
        why = f"<i>{esc(when[:1].upper() + when[1:])}:</i> {why}"
    return why


def _satisfaction_line(verdict: PartyVerdict, party: Party, detail: str) -> Block:
    """"Satisfaction: 70% of what it addresses (7 of 8; no deal 25%)", with ``detail`` after
    it when given: one measure, the one compared with the no-deal level."""
    x = shown_satisfaction(verdict)
    if x is None:
        head = translate("Report.sheets", "Satisfaction: it {coverage}").format(
            coverage=esc(coverage_words(verdict)))
    else:
        addressed, of = verdict.coverage
        level = no_deal(party)
        shown = f"<b>{percent(x)}</b>"
        if level is None:
            head = translate("Report.sheets", "Satisfaction: {satisfaction} of what it addresses "
                                              "({addressed} of {total})")
        elif x >= level or percent(x) == percent(level):
            head = translate("Report.sheets", "Satisfaction: {satisfaction} of what it addresses "
                                              "({addressed} of {total}; no deal {no_deal})")
        else:
            head = translate("Report.sheets", "Satisfaction: {satisfaction} of what it addresses "
                                              "({addressed} of {total}; below no deal "
                                              "{no_deal}: better off without this deal)")
        head = head.format(satisfaction=shown, addressed=addressed, total=of,
                           no_deal=percent(level) if level is not None else "")
    if detail:
        return _p(translate("Report.sheets", "{satisfaction}; {detail}.").format(
            satisfaction=head, detail=detail), space=8.0)
    return _p(translate("Report.sheets", "{satisfaction}.").format(satisfaction=head), space=8.0)


def _preference_status(pid: str, met: set[str], unaddressed: set[str],
                       met_if: Mapping[str, str] | None = None) -> str:
    if pid in met:
        word = esc(translate("Report.sheets", "met", "a preference"))
        return f'<span style="color:{ACCEPT}; font-weight:bold;">✓ {word}</span>'
    if met_if and pid in met_if:  # met under some alternatives of the open points
        word = esc(translate("Report.sheets", "met if", "a preference"))
        return (f'<span style="color:{INK}; font-weight:bold;">◐ {word}</span><br/>'
                f'<span style="color:{INK}; font-size:11px;">{esc(met_if[pid])}</span>')
    if pid in unaddressed:
        word = esc(translate("Report.sheets", "not addressed", "a preference"))
        return f'<span style="color:{MUTED};">– {word}</span>'
    word = esc(translate("Report.sheets", "missed", "a preference"))
    return f'<span style="color:{REJECT}; font-weight:bold;">✗ {word}</span>'


def _views_sentence(scenario: Scenario, draft: Draft, report: Report, v: PartyVerdict
                    ) -> str:
    """The chance, and the verdict under the other view of the red lines."""
    other: Literal["stated", "assessed"] = "stated" if report.stance == "assessed" else "assessed"
    o = check(scenario, draft, stance=other).verdict(v.party)
    chance = chance_words(v, open_draft=bool(report.open_points))
    first = translate("Report.sheets", "Under {view}: {chance}.").format(
        view=_view_name(report.stance), chance=chance[:1].lower() + chance[1:])
    if o.violations:
        then = translate("Report.sheets", "Under {view} it {verdict} ({chance}).").format(
            view=_view_name(other), verdict=verdict_phrase(o, draft, scenario),
            chance=chance_words(o, open_draft=bool(report.open_points)))
    else:
        then = translate("Report.sheets", "Under {view} it {verdict}.").format(
            view=_view_name(other), verdict=verdict_phrase(o, draft, scenario))
    return f"{first} {then}"


def _view_name(stance: str) -> str:
    """A view of the red lines in a sentence: "stated positions", "assessed floors"."""
    if stance == "stated":
        return translate("Report.sheets", "stated positions")
    return translate("Report.sheets", "assessed floors")


def _verdict_word(acceptable: bool) -> str:
    color = ACCEPT if acceptable else REJECT
    word = esc(translate("Report.sheets", "Accepts") if acceptable  # as "◐ Accepts if …"
               else translate("Report.sheets", "Rejects"))
    mark = "✓" if acceptable else "✗"
    return f'<span style="color:{color}; font-weight:bold;">{mark} {word}</span>'


def _names(scenario: Scenario, ids: Iterable[str]) -> str:
    idx = scenario.party_index
    return translate("Report.sheets", ", ", "between the items of a list").join(
        esc(_short(idx[i].name)) if i in idx else esc(i) for i in ids)


class _Citations:
    """The citations a sheet prints, collected as it is built: the register ids next to what
    they support, or the inferred mark; the register annex then lists exactly those ids."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.inferred = False

    def mark(self, sources: Sequence[str], inferred: bool = False) -> str:
        """The citation to print after a title: " [S23, S28]", " (inferred)" (a position no
        source states: its ``sources`` are what it was read from, not cited) or ""."""
        if inferred:
            self.inferred = True
            return (f' <span style="font-size:10px; font-weight:normal; color:{MUTED};">'
                    f"<i>{esc(inferred_mark())}</i></span>")
        if not sources:
            return ""
        self.ids.update(sources)
        return (f' <span style="font-size:10px; font-weight:normal; color:{MUTED};">'
                f"{esc(citation(sources)).replace(', ', ',&nbsp;')}</span>")  # one piece

    @property
    def any(self) -> bool:
        return bool(self.ids) or self.inferred


def _register(scenario: Scenario, cited: _Citations, *, level: int,
              annex: bool = False) -> list[Item]:
    """The register entries the sheet cites, in the register's order (id, title, publisher,
    date; the url as plain text, never a link), then the legend of the inferred mark."""
    heading = (translate("Report.sheets", "Annex D. {sources}").format(
        sources=sources_heading()) if annex else sources_heading())
    items: list[Item] = [_h(level, esc(heading))]
    entries = [s for s in scenario.sources if s.id in cited.ids]
    for source in entries:
        items.append(_source_block(source))
    if not entries:
        none = esc(none_cited())
        items.append(_p(f"<i>{none}</i>", color=MUTED, size=12))
    if cited.inferred:
        items.append(_p(f"<i>{esc(legend())}</i>", color=MUTED, size=11, space=4.0))
    return items


def _source_block(source: Source) -> Block:
    details = source_details(source.publisher,
                             source.date.isoformat() if source.date else "")
    rest = "".join(f' <span style="color:{MUTED};">· {esc(part)}</span>'
                   for part in (details, source.url) if part)
    return Block(
        '<table width="100%" cellspacing="0" cellpadding="1" border="0" '
        f'style="font-size:11px; color:{INK};"><tr>'
        f'<td width="6%"><b>{esc(source.id)}</b></td>'
        f"<td width=\"94%\">{esc(source.title)}{rest}</td></tr></table>",
        space_after=0.0,
    )


# --------------------------------------------------------------------------- party section


def _party_items(scenario: Scenario, draft: Draft, report: Report, party: Party,
                 *, page_break: bool, with_text: bool, cited: _Citations,
                 annex: bool = False) -> list[Item]:
    verdict: PartyVerdict = report.verdict(party.id)
    nums = _Numbers(scenario, draft)
    items: list[Item] = []
    if annex:
        title = esc(translate("Report.sheets", "Annex B. Party sections"))
        items.append(Block(f'<p style="font-size:12px; color:{MUTED};"><b>{title}</b></p>',
                           space_after=2.0, keep_with_next=True, page_break_before=page_break))
    items.append(_h(1, translate("Report.sheets", "Party briefing: {party}").format(
        party=esc(party.name)), page_break=page_break and not annex))
    clauses = len(draft.clauses)  # (lupdate reads no call among a translate()'s arguments)
    items.append(_p(translate("Report.sheets", "Role: {role}. Draft: {draft}, %n clause(s).",
                              None, clauses).format(
        role=esc(role_label(party.role)), draft=esc(draft.title)), color=MUTED))

    # -- verdict
    items.append(_h(2, esc(translate("Report.sheets", "Verdict"))))
    items.append(_p(
        f'<span style="font-size:16px;">{_verdict_cell(verdict, draft, scenario)}</span>'
        f" — {esc(_red_lines_crossed(party, verdict, report))}",
        space=4.0 if with_text else 8.0))
    if with_text:  # the full briefing's Annex A has both views and the chances
        items.append(_p(esc(_views_sentence(scenario, draft, report, verdict)), space=8.0))
    if verdict.violations:
        red_lines = {r.id: r for r in party.red_lines}
        rows = []
        for x in verdict.violations:
            rl = red_lines.get(x.red_line)
            why = _why(scenario, draft, party, x, rl.rationale if with_text and rl else "")
            cite = cited.mark(rl.sources, rl.inferred) if rl is not None else ""
            rows.append((f"<b>{esc(x.title)}</b>{cite}", why, nums.labels(x.clauses)))
        items.extend(_table((28, 44, 28), (
            esc(translate("Report.sheets", "Red line crossed")),
            esc(translate("Report.sheets", "Why")),
            esc(translate("Report.sheets", "Culprit clauses"))), rows))

    # -- preferences
    items.append(_h(2, esc(translate("Report.sheets", "Preferences"))))
    met = set(verdict.met)
    if party.preferences:
        unaddressed = set(verdict.not_addressed)
        maybe = len(verdict.undecided)
        missed = len([p for p in verdict.missed if p not in unaddressed]) - maybe
        detail = (translate("Report.sheets", "{met} met, {maybe} met if, {missed} missed, "
                                             "{unaddressed} not addressed") if maybe else
                  translate("Report.sheets", "{met} met, {missed} missed, {unaddressed} not "
                                             "addressed")).format(
            met=len(verdict.met), maybe=maybe, missed=missed, unaddressed=len(unaddressed))
        items.append(_satisfaction_line(verdict, party, detail if with_text else ""))
    else:
        items.append(_p(esc(translate("Report.sheets", "This party states no preferences.")),
                        color=MUTED))
    if party.preferences:
        ordered = [p for p in party.preferences if p.id in met] + [
            p for p in party.preferences if p.id not in met and p.id not in unaddressed] + [
            p for p in party.preferences if p.id in unaddressed and p.id not in met]
        met_if = {pid: condition_words(cond, draft, scenario)
                  for pid, cond in zip(verdict.undecided, verdict.met_if, strict=False)
                  if cond}
        rows = [(_preference_status(p.id, met, unaddressed, met_if),
                 f"<b>{esc(p.title)}</b>{cited.mark(p.sources, p.inferred)}"
                 + (f'<br/><span style="color:{MUTED};">{esc(p.rationale)}</span>'
                    if with_text and p.rationale else ""),
                 weight(float(p.weight)))
                for p in ordered]
        items.extend(_table((22, 67, 11), (esc(translate("Report.sheets", "Status")),
                                           esc(translate("Report.sheets", "Preference")),
                                           esc(translate("Report.sheets", "Weight"))), rows))
    # In the full briefing Annex A already compares every party: a shorter chart here.
    items.append(_party_chart(scenario, report, verdict, 130.0 if with_text else 100.0))

    # -- gives and receives
    provisions = scenario.provision_index
    gives = [c for c in draft.clauses if party.id in provisions[c.provision].by]
    gets = [c for c in draft.clauses if party.id in provisions[c.provision].to]
    def entry(clause: Clause | None, other: str) -> str:
        if clause is None:
            return ""
        names = _names(scenario, getattr(provisions[clause.provision], other))
        if not names:
            return nums.label(clause.provision)
        words = (translate("Report.sheets", "to {parties}", "gives to") if other == "to" else
                 translate("Report.sheets", "from {parties}", "receives from"))
        return (nums.label(clause.provision)
                + f' <span style="color:{MUTED};">{words.format(parties=names)}</span>')

    short = esc(_short(party.name))
    pairs = [(entry(gives[i] if i < len(gives) else None, "to"),
             entry(gets[i] if i < len(gets) else None, "by"))
             for i in range(max(len(gives), len(gets)))]
    items.extend(_table((50, 50), (
        translate("Report.sheets", "What {party} gives ({count})").format(
            party=short, count=len(gives)),
        translate("Report.sheets", "What {party} receives ({count})").format(
            party=short, count=len(gets))), pairs))

    if with_text:  # a party sheet stands alone: its conflicts and the draft text
        if report.conflicts:
            items.extend(_conflicts(report, nums, level=2))
        items.extend(_draft_text(scenario, draft, heading_level=2, cited=cited))
    return items


def _red_lines_crossed(party: Party, verdict: PartyVerdict, report: Report) -> str:
    """"2 of 5 red lines crossed.", "none of 3 assessed red lines is crossed.", "states no
    red lines.": what follows a party's verdict."""
    crossed = len(verdict.violations)
    counting = counting_red_lines(party, report.stance)
    assessed = counting != len(party.red_lines)
    if not crossed and not party.red_lines:
        return translate("Report.sheets", "states no red lines.")
    if crossed and assessed:
        text = translate("Report.sheets", "{crossed} of %n assessed red lines crossed.", None,
                         counting)
    elif crossed:
        text = translate("Report.sheets", "{crossed} of %n red lines crossed.", None, counting)
    elif assessed:
        text = translate("Report.sheets", "none of %n assessed red lines is crossed.", None,
                         counting)
    else:
        text = translate("Report.sheets", "none of %n red lines is crossed.", None, counting)
    return text.format(crossed=crossed)


def _conflicts(report: Report, nums: _Numbers, *, level: int) -> list[Item]:
    """Open conflicts: pairs of clauses that exclude each other (only when there are any)."""
    items: list[Item] = [_h(level, translate("Report.sheets", "Open conflicts ({count})").format(
        count=len(report.conflicts)))]
    clause = esc(translate("Report.sheets", "Clause"))
    problem = esc(translate("Report.sheets", "They exclude each other: the draft cannot hold "
                                             "both."))
    items.extend(_table((40, 40, 20), (clause, clause,
                                       esc(translate("Report.sheets", "Problem"))), [
        (nums.label(c.provisions[0]), nums.label(c.provisions[1]), problem)
        for c in report.conflicts]))
    return items


def _open_alternatives(prov: Provision, clause: Clause) -> str:
    """What an open point's alternatives hold: "the US formula, as the draft text reads, or the
    Ukrainian formula (operating formula: joint operation ...)"."""
    alts = clause.alternatives
    names = [alternative_name(a.label, k) for k, a in enumerate(alts)]
    first = {**clause.values, **alts[0].values}
    others = []
    for name, alt in zip(names[1:], alts[1:], strict=True):
        changed = [(spec, v) for n, v in alt.values.items()
                   if (spec := prov.param(n)) is not None and first.get(n) != v]
        what = translate("Report.sheets", "; ", "between the values of an alternative").join(
            translate("Report.sheets", "{param}: {value}").format(
                param=in_sentence(param_label(spec)), value=value_text(spec, v))
            for spec, v in changed) or translate("Report.sheets", "the same values")
        others.append(translate("Report.sheets", "{alternative} ({values})").format(
            alternative=name, values=what))
    return translate("Report.sheets", "{first}, as the draft text reads, or {others}").format(
        first=names[0], others=series(others, "or"))


def _open_text(prov: Provision, clause: Clause) -> str:
    """An open point in the draft text: marked, with its text under the first alternative."""
    names = [alternative_name(a.label, k) for k, a in enumerate(clause.alternatives)]
    first = {**clause.values, **clause.alternatives[0].values}
    mark = translate("Report.sheets", "[Open: {alternatives}; see Annex A]").format(
        alternatives=series(names, "or"))
    return f"<b>{esc(mark)}</b> {esc(clause_text(prov, first))}"


def _clause_block(number: int, prov: Provision, clause: Clause, cite: str = "") -> Block:
    phase = translate("Report.sheets", "(Phase {phase})").format(phase=clause.phase)
    note = (f'<br/><span style="color:{MUTED}; font-size:11px;"><i>'
            + translate("Report.sheets", "Note: {note}").format(note=esc(clause.note))
            + "</i></span>" if clause.note else "")
    if clause.alternatives:  # an open point: each alternative's text, as still on the table
        text = _open_text(prov, clause)
    else:
        text = esc(clause_text(prov, clause.values))
    return Block(
        '<table width="100%" cellspacing="0" cellpadding="2" border="0" '
        f'style="font-size:12px; color:{INK};"><tr>'
        f'<td width="6%" align="right"><b>{number}.</b></td>'
        f'<td width="94%"><b>{esc(prov.title)}</b>{cite} '
        f'<span style="color:{MUTED};">{esc(phase)}</span> — '
        f"{text}{note}</td></tr></table>",
        space_after=3.0,
    )


def _draft_text(scenario: Scenario, draft: Draft, *, heading_level: int, cited: _Citations,
                page_break: bool = False, annex: bool = False) -> list[Item]:
    """Every clause's text once, in the draft's own order and numbering, with citations;
    ``annex``: headed as the full briefing's Annex C."""
    heading = (translate("Report.sheets", "Annex C. Draft text: {draft}") if annex else
               translate("Report.sheets", "Draft text: {draft}")).format(draft=esc(draft.title))
    items: list[Item] = [_h(heading_level, f"{heading}{cited.mark(draft.sources)}",
                            page_break=page_break)]
    if draft.note:
        items.append(_p(f"<i>{esc(draft.note)}</i>", color=MUTED))
    if not draft.clauses:
        items.append(_p(esc(translate("Report.sheets", "The draft has no clauses.")),
                        color=MUTED))
        return items
    provisions = scenario.provision_index
    for n, clause in enumerate(draft.clauses, start=1):
        prov = provisions[clause.provision]
        items.append(_clause_block(n, prov, clause, cited.mark(prov.sources)))
    return items


def _head_block(kind: str, scenario: Scenario, lines: Sequence[str], marking: str,
                date: str, drafts: Sequence[Draft] = ()) -> list[Item]:
    out: list[Item] = []
    if marking:
        out.append(_p(f"<b>{esc(marking)}</b>", color=REJECT, size=12, space=4.0))
    out.append(_p(esc(kind).upper(), color=MUTED, size=12, space=2.0))
    out.append(Block(f'<p style="font-size:24px; font-weight:bold; color:{INK};">'
                     f"{esc(scenario.title)}</p>", space_after=4.0))
    where = situation(scenario, drafts)
    meta = [*lines, (translate("Report.sheets", "Prepared {date}; {situation}") if where else
                     translate("Report.sheets", "Prepared {date}")).format(
        date=esc(date), situation=esc(where))]
    out.append(_p("<br/>".join(meta), color=MUTED, space=14.0))
    return out


def prepared(date: str) -> str:
    """"Prepared 2025-12-19": the date in every page's footer (plain text)."""
    return translate("Report.sheets", "Prepared {date}").format(date=date)


def page_of() -> str:
    """A footer's page number, its placeholders kept: "Page {page} of {pages}" (the PDF fills
    them in; a word processor puts its page fields there)."""
    return translate("Report.sheets", "Page {page} of {pages}")


def _today(date: dt.date | str | None) -> str:
    if date is None:
        return dt.date.today().isoformat()
    return date if isinstance(date, str) else date.isoformat()


def _running_head(scenario: Scenario, draft: Draft) -> str:
    return f"{scenario.title} — {draft.title}"


# --------------------------------------------------------------------------- the sheets


def _accepting(report: Report) -> str:
    """"2 of 4 parties accept, 1 conflict": a report's summary without its status."""
    n = len(report.parties)
    text = translate("Report.sheets", "{accepting} of %n part(y/ies) accept", None, n).format(
        accepting=report.accepting)
    conflicts = len(report.conflicts)
    if conflicts:
        text = translate("Report.sheets", "{parties}, %n conflict(s)", None, conflicts).format(
            parties=text)
    return text


def _viable_words(report: Report, draft: Draft, scenario: Scenario) -> str:
    if report.status == "viable":
        mark = ("✓ " + translate("Report.sheets", "VIABLE"), ACCEPT)
    elif report.status == "not-viable":
        mark = ("✗ " + translate("Report.sheets", "NOT VIABLE"), REJECT)
    else:
        mark = ("◐ " + viability_words(report, draft, scenario), INK)
    return (f'<span style="color:{mark[1]}; font-weight:bold; font-size:16px;">'
            f"{esc(mark[0])}</span>")


def _verdict_items(scenario: Scenario, draft: Draft, report: Report) -> list[Item]:
    """The verdicts under both views of the red lines (stated positions: every red line
    counts; assessed floors: stated demands are negotiable), each party's chance of accepting,
    and the open points with their alternatives."""
    views = {report.stance: report}
    other: Literal["stated", "assessed"] = "stated" if report.stance == "assessed" else "assessed"
    views[other] = check(scenario, draft, stance=other)
    assessed, stated = views["assessed"], views["stated"]
    lines = [(_viable_words(r, draft, scenario), _accepting(r)) for r in (assessed, stated)]
    if lines[0] == lines[1]:
        head = translate("Report.sheets", "{viable} — {summary}, under assessed floors and "
                                          "stated positions alike.").format(
            viable=lines[0][0], summary=esc(lines[0][1]))
    else:
        head = (translate("Report.sheets", "Assessed floors: {viable} — {summary}.").format(
                    viable=lines[0][0], summary=esc(lines[0][1])) + "<br/>"
                + translate("Report.sheets", "Stated positions: {viable} — {summary}.").format(
                    viable=lines[1][0], summary=esc(lines[1][1])))
    rows = []
    agree = []
    for a, st in zip(assessed.parties, stated.parties, strict=True):
        crossed = str(len(a.violations)) if len(st.violations) == len(a.violations) else (
            translate("Report.sheets", "{assessed} (stated: {stated})").format(
                assessed=len(a.violations), stated=len(st.violations)))
        ca, cs = _chance_cell(a, draft, scenario), _chance_cell(st, draft, scenario)
        same = (a.verdict, a.accepts_if, ca) == (st.verdict, st.accepts_if, cs)
        agree.append(same)
        cell = (f"{_verdict_cell(a, draft, scenario)}{ca}" if same else
                translate("Report.sheets", "Assessed: {verdict}").format(
                    verdict=f"{_verdict_cell(a, draft, scenario)}{ca}") + "<br/>"
                + translate("Report.sheets", "Stated: {verdict}").format(
                    verdict=f"{_verdict_cell(st, draft, scenario)}{cs}"))
        x = shown_satisfaction(a)
        rows.append((f"<b>{esc(a.name)}</b>", cell, crossed,
                     _shown(a) if x is None else percent(x)))
    if all(agree):
        stances = translate("Report.sheets", "Stated positions count every red line, assessed "
                                           "floors only assessed ones; one verdict shown: both "
                                           "agree.")
    elif any(agree):
        stances = translate("Report.sheets", "Stated positions count every red line, assessed "
                                           "floors only assessed ones; one verdict shown where "
                                           "both agree.")
    else:
        stances = translate("Report.sheets", "Stated positions count every red line, assessed "
                                             "floors only assessed ones.")
    chances = translate("Report.sheets", "Chance: the probability that none of the crossed red "
                                        "lines is truly binding, treating them as independent. "
                                        "Satisfaction: of what the draft addresses.")
    items: list[Item] = [_p(
        f"{head}<br/>"
        f'<span style="font-size:10px; color:{MUTED};">{esc(stances)} {esc(chances)}</span>',
        space=6.0)]
    items.extend(_table((28, 44, 14, 14), (
        esc(translate("Report.sheets", "Party")), esc(translate("Report.sheets", "Verdict")),
        esc(translate("Report.sheets", "Red lines crossed")),
        esc(translate("Report.sheets", "Satisfaction"))), rows))
    opened = [(n, c) for n, c in enumerate(draft.clauses, start=1) if c.alternatives]
    if opened:
        title = esc(translate("Report.sheets", "Open points."))
        items.append(_p(f"<b>{title}</b> " + " ".join(
            esc(translate("Report.sheets", "§{number} {title}: {alternatives}.").format(
                number=n, title=scenario.provision(c.provision).title,
                alternatives=_open_alternatives(scenario.provision(c.provision), c)))
            for n, c in opened), size=11, space=6.0))
    if report.bound_reached:
        items.append(_p(esc(translate("Report.sheets", "Note: {bound}.").format(
            bound=bound_words())), color=MUTED))
    return items


def party_sheet(scenario: Scenario, draft: Draft, party_id: str, *,
                marking: str | None = None, date: dt.date | str | None = None,
                report: Report | None = None) -> Sheet:
    """One party's briefing on one draft. ``KeyError`` for an unknown party. ``marking``:
    on every page; None: the default (:func:`~desktop.wording.labels.default_marking`)."""
    marking = default_marking() if marking is None else marking
    party = scenario.party(party_id)
    report = report if report is not None else check(scenario, draft)
    day = _today(date)
    items = _head_block(translate("Report.sheets", "Party briefing"), scenario, [
        translate("Report.sheets", "Party: {party}").format(party=f"<b>{esc(party.name)}</b>"),
        translate("Report.sheets", "Draft: {draft}").format(draft=f"<b>{esc(draft.title)}</b>"),
    ], marking, day, (draft,))
    cited = _Citations()
    items.extend(_party_items(scenario, draft, report, party, page_break=False, with_text=True,
                              cited=cited))
    if cited.any:
        items.extend(_register(scenario, cited, level=2))
    return Sheet(translate("Report.sheets", "Briefing for {party}: {draft}").format(
                     party=party.name, draft=draft.title), _running_head(scenario, draft),
                 marking, day, tuple(items))


def full_sheet(scenario: Scenario, draft: Draft, *, marking: str | None = None,
               date: dt.date | str | None = None, report: Report | None = None,
               to: str | None = None, from_: str | None = None, subject: str | None = None,
               bridge: Bridge | None = None,
               time_limit: float | None = BRIDGE_TIME_LIMIT) -> Sheet:
    """The memo on page 1, then the annexes: A. the verdicts (and open conflicts, when there
    are any); B. one section per party, each on a new page; C. the draft text, once; D. the
    sources cited (when anything is cited or inferred).

    ``to``, ``from_``, ``subject``: the memo header; None takes the scenario's briefing
    settings (the subject's default is "Assessment of <draft title>"). ``bridge``: the bridge
    finder's answer for the recommendation; without it, it is solved here within
    ``time_limit`` seconds (None: not computed, and the memo says so). ``marking`` None: the
    default marking, in the user's language."""
    marking = default_marking() if marking is None else marking
    from desktop.report.memo import NOT_COMPUTED, Header, memo_items, solve_bridge

    report = report if report is not None else check(scenario, draft)
    if bridge is None:
        bridge = (NOT_COMPUTED if time_limit is None
                  else solve_bridge(scenario, draft, time_limit, stance=report.stance))
    day = _today(date)
    nums = _Numbers(scenario, draft)
    saved = scenario.briefing
    header = Header(
        to if to is not None else saved.to if saved else "",
        from_ if from_ is not None else saved.from_ if saved else "",
        subject if subject is not None else (saved.subject if saved and saved.subject
                                             else memo_subject(draft.title)),
        day, marking)
    items: list[Item] = []
    items.append(_h(1, esc(translate("Report.sheets", "Annex A. Verdicts")), page_break=True))
    where = situation(scenario, (draft,))
    clauses = len(draft.clauses)
    items.append(_p((translate("Report.sheets", "{scenario}. Draft: {draft}, %n clause(s). "
                                                "Prepared {date}; {situation}.", None,
                               clauses) if where else
                     translate("Report.sheets", "{scenario}. Draft: {draft}, %n clause(s). "
                                                "Prepared {date}.", None, clauses))
                    .format(scenario=esc(scenario.title), draft=f"<b>{esc(draft.title)}</b>",
                            date=esc(day), situation=esc(where)), color=MUTED))
    items.extend(_verdict_items(scenario, draft, report))
    if report.conflicts:
        items.extend(_conflicts(report, nums, level=3))
    items.extend(_cover_charts(scenario, report))
    cited = _Citations()
    for i, party in enumerate(scenario.parties):
        items.extend(_party_items(scenario, draft, report, party, page_break=False,
                                  with_text=False, cited=cited,
                                  annex=i == 0))
    items.extend(_draft_text(scenario, draft, heading_level=1, page_break=True, annex=True,
                             cited=cited))
    from desktop.report.precedents import precedent_annex  # PA-X: read on first use

    items.extend(precedent_annex(scenario, draft, report))
    if cited.any:
        items.extend(_register(scenario, cited, level=1, annex=True))
    memo = memo_items(scenario, draft, report, bridge, header, with_sources=cited.any)
    return Sheet(translate("Report.sheets", "Full briefing: {draft}").format(draft=draft.title),
                 _running_head(scenario, draft), marking, day,
                 tuple(memo + items))


@dataclass(frozen=True, slots=True)
class Flip:
    party: str  # party name
    red_line: str  # red line title
    crossed_earlier: bool  # crossed in the earlier draft (so holds in the later), or the reverse
    #: When crossed under some alternatives of an open point only: "if §16 is the US formula".
    when: str = ""


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two drafts compared from the earlier to the later, clauses aligned by provision.

    ``changed``: in both, with other values or phase (substantive); ``notes``: in both and
    differing only in the note."""

    earlier: Draft
    later: Draft
    added: tuple[str, ...]  # provision ids in the later draft only, in its order
    removed: tuple[str, ...]  # in the earlier only, in its order
    changed: tuple[str, ...]
    notes: tuple[str, ...]
    flips: tuple[Flip, ...]
    swapped: bool = False  # the drafts were given later first


def in_order(scenario: Scenario, first: Draft, second: Draft) -> tuple[Draft, Draft, bool]:
    """(earlier, later, swapped): by the drafts' dates when both have one and they differ,
    else by their position in the scenario's draft list."""
    if first.date is not None and second.date is not None and first.date != second.date:
        later_first = first.date > second.date
    else:
        ids = [d.id for d in scenario.drafts]
        pa = ids.index(first.id) if first.id in ids else 0
        pb = ids.index(second.id) if second.id in ids else 0
        later_first = pa > pb
    return (second, first, True) if later_first else (first, second, False)


def compare(scenario: Scenario, first: Draft, second: Draft, report_a: Report,
            report_b: Report) -> Comparison:
    """``first`` and ``second`` in any order (``report_a`` is ``first``'s); the result reads
    from the earlier to the later draft."""
    earlier, later, swapped = in_order(scenario, first, second)
    if swapped:
        report_a, report_b = report_b, report_a
    a = {c.provision: c for c in earlier.clauses}
    b = {c.provision: c for c in later.clauses}
    flips: list[Flip] = []
    for party in scenario.parties:
        crossed_a = {x.red_line: x for x in report_a.verdict(party.id).violations}
        crossed_b = {x.red_line: x for x in report_b.verdict(party.id).violations}
        for rl in party.red_lines:
            if (rl.id in crossed_a) != (rl.id in crossed_b):
                x, where = ((crossed_a[rl.id], earlier) if rl.id in crossed_a
                            else (crossed_b[rl.id], later))
                when = (violation_condition(x.under, True, where, scenario)
                        if x.conditional else "")
                flips.append(Flip(party.name, rl.title, rl.id in crossed_a, when))
    both = [p for p in b if p in a]
    return Comparison(
        earlier=earlier, later=later,
        added=tuple(p for p in b if p not in a),
        removed=tuple(p for p in a if p not in b),
        changed=tuple(p for p in both if _substantive(scenario, a[p], b[p])),
        notes=tuple(p for p in both if not _substantive(scenario, a[p], b[p])
                    and a[p].note != b[p].note),
        flips=tuple(flips), swapped=swapped,
    )


def _substantive(scenario: Scenario, x: Clause, y: Clause) -> bool:
    prov = scenario.provision(x.provision)
    return clause_text(prov, x.values) != clause_text(prov, y.values) or x.phase != y.phase


def _what_changed(scenario: Scenario, x: Clause, y: Clause) -> list[str]:
    """The substantive changes of one clause in words: each value before → after, a move."""
    prov = scenario.provision(x.provision)
    out = []
    for spec in prov.params:
        before = x.values.get(spec.name, spec.default)
        after = y.values.get(spec.name, spec.default)
        if before != after:
            out.append(value_change(param_label(spec), spec, before, after))
    if not out and clause_text(prov, x.values) != clause_text(prov, y.values):
        out.append(translate("Report.sheets", "the wording's values differ"))
    if x.phase != y.phase:
        out.append(moved_text(x.phase, y.phase))
    return out


def comparison_sheet(scenario: Scenario, first: Draft, second: Draft, *,
                     marking: str | None = None,
                     date: dt.date | str | None = None) -> Sheet:
    """Two drafts compared, the earlier against the later (whatever the order given):
    verdicts, red lines that flip, substantive differences, then note-only changes.
    ``marking`` None: the default marking, in the user's language."""
    marking = default_marking() if marking is None else marking
    ra, rb = check(scenario, first), check(scenario, second)
    day = _today(date)
    cmp = compare(scenario, first, second, ra, rb)
    earlier, later = cmp.earlier, cmp.later
    if cmp.swapped:
        ra, rb = rb, ra
    te, tl = esc(earlier.title), esc(later.title)
    ne, nl = len(earlier.clauses), len(later.clauses)
    lines = [translate("Report.sheets", "Earlier: {draft}, %n clause(s)", None, ne).format(
                 draft=f"<b>{te}</b>"),
             translate("Report.sheets", "Later: {draft}, %n clause(s)", None, nl).format(
                 draft=f"<b>{tl}</b>")]
    if cmp.swapped:
        lines.append(esc(translate("Report.sheets", "The drafts were given later first; this "
                                                    "sheet reads from the earlier to the later.")))
    items = _head_block(translate("Report.sheets", "Comparison sheet"), scenario, lines, marking,
                        day, (earlier, later))
    items.extend(_cmp_verdicts(scenario, cmp, ra, rb))
    items.extend(_cmp_flips(cmp))
    items.extend(_cmp_differences(scenario, cmp))
    return Sheet(translate("Report.sheets", "Comparison: {earlier} / {later}").format(
                     earlier=earlier.title, later=later.title),
                 f"{scenario.title} — {earlier.title} → {later.title}", marking, day,
                 tuple(items))


def _cmp_verdicts(scenario: Scenario, cmp: Comparison, ra: Report, rb: Report
                  ) -> list[Item]:
    rows = []
    for va, vb in zip(ra.parties, rb.parties, strict=True):
        rows.append((f"<b>{esc(va.name)}</b>",
                     f"{_verdict_cell(va, cmp.earlier, scenario)}<br/>"
                     + esc(_crossed_shown(va)),
                     f"{_verdict_cell(vb, cmp.later, scenario)}<br/>"
                     + esc(_crossed_shown(vb))))
    whole = esc(translate("Report.sheets", "Whole draft"))
    rows.append((f"<b>{whole}</b>", f"<b>{esc(report_summary(ra))}</b>",
                 f"<b>{esc(report_summary(rb))}</b>"))
    return [_h(2, esc(translate("Report.sheets", "Verdicts"))), *_table(
        (30, 35, 35), (esc(translate("Report.sheets", "Party")),
                       translate("Report.sheets", "Earlier: {draft}").format(
                           draft=esc(cmp.earlier.title)),
                       translate("Report.sheets", "Later: {draft}").format(
                           draft=esc(cmp.later.title))), rows)]


def _crossed_shown(v: PartyVerdict) -> str:
    """"2 crossed, 62% of what it addresses"."""
    return translate("Report.sheets", "{crossed} crossed, {satisfaction}").format(
        crossed=len(v.violations), satisfaction=_shown(v))


def _cmp_flips(cmp: Comparison) -> list[Item]:
    crossed = esc(translate("Report.sheets", "crossed", "a red line"))
    crossed = f'<span style="color:{REJECT};">{crossed}</span>'
    holds = esc(translate("Report.sheets", "holds", "a red line"))
    holds = f'<span style="color:{ACCEPT};">{holds}</span>'
    resolved = esc(translate("Report.sheets", "resolved", "a red line"))
    newly = esc(translate("Report.sheets", "newly crossed", "a red line"))

    def crossed_when(f: Flip) -> str:
        if not f.when:
            return crossed
        return translate("Report.sheets", "{crossed} {condition}",
                         "crossed if §16 is the US formula").format(crossed=crossed,
                                                                      condition=esc(f.when))

    rows = [(esc(f.party), esc(f.red_line),
             crossed_when(f) if f.crossed_earlier else holds,
             holds if f.crossed_earlier else crossed_when(f),
             f'<span style="color:{ACCEPT};"><b>{resolved}</b></span>' if f.crossed_earlier
             else f'<span style="color:{REJECT};"><b>{newly}</b></span>')
            for f in cmp.flips]
    return [_h(2, translate("Report.sheets", "Red lines that flip ({count})").format(
                count=len(cmp.flips))),
            *_table((22, 38, 12, 12, 16),
                    (esc(translate("Report.sheets", "Party")),
                     esc(translate("Report.sheets", "Red line")),
                     esc(translate("Report.sheets", "Earlier")),
                     esc(translate("Report.sheets", "Later")),
                     esc(translate("Report.sheets", "Change"))),
                    rows)]


def _cmp_differences(scenario: Scenario, cmp: Comparison) -> list[Item]:
    na, nb = _Numbers(scenario, cmp.earlier), _Numbers(scenario, cmp.later)
    provisions = scenario.provision_index

    def text(draft: Draft, pid: str) -> str:
        clause = draft.clause_for(pid)
        assert clause is not None
        return esc(clause_text(provisions[pid], clause.values))

    def aligned(pid: str) -> str:
        prov = provisions[pid]
        return (f"<b>{esc(prov.title)}</b><br/>"
                f'<span style="color:{MUTED};">§{na.index[pid]} → §{nb.index[pid]}</span>')

    n = len(cmp.added) + len(cmp.removed) + len(cmp.changed)
    clause, text_head = (esc(translate("Report.sheets", "Clause")),
                         esc(translate("Report.sheets", "Text")))
    items: list[Item] = [_h(2, translate("Report.sheets", "Substantive differences ({count})")
                            .format(count=n))]
    items.append(_h(3, translate("Report.sheets", "Added in the later draft ({count})").format(
        count=len(cmp.added))))
    items.extend(_table((32, 68), (clause, text_head),
                        [(f"<b>{nb.label(p)}</b>", text(cmp.later, p)) for p in cmp.added]))
    items.append(_h(3, translate("Report.sheets", "Removed from the earlier draft ({count})")
                    .format(count=len(cmp.removed))))
    items.extend(_table((32, 68), (clause, text_head),
                        [(f"<b>{na.label(p)}</b>", text(cmp.earlier, p))
                         for p in cmp.removed]))
    items.append(_h(3, translate("Report.sheets", "Changed ({count})").format(
        count=len(cmp.changed))))
    items.extend(_table((32, 68), (clause, esc(translate("Report.sheets", "What changed"))), [
        (aligned(p), "<br/>".join(esc(w) for w in _what_changed(
            scenario, _clause(cmp.earlier, p), _clause(cmp.later, p))))
        for p in cmp.changed]))
    items.append(_h(2, translate("Report.sheets", "Note-only changes ({count})").format(
        count=len(cmp.notes))))
    items.extend(_table((32, 34, 34), (clause, esc(translate("Report.sheets", "Note, earlier")),
                                       esc(translate("Report.sheets", "Note, later"))), [
        (aligned(p), esc(_clause(cmp.earlier, p).note or "—"),
         esc(_clause(cmp.later, p).note or "—")) for p in cmp.notes]))
    return items


def _clause(draft: Draft, pid: str) -> Clause:
    clause = draft.clause_for(pid)
    assert clause is not None
    return clause

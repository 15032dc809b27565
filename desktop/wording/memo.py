"""The memo on page 1 of a full briefing, in a principal's words: the subject, the bottom line
(at most three sentences), the recommendation from the bridge finder and one line per party of
talking points; and the words of the comparison sheet (earlier / later, value changes).

Plain text only; :mod:`desktop.report.sheets` escapes it. Red lines are named by their titles
in quotation marks, provisions by their titles, parties by their short names -- never by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.wording.bridge import clash_text, note_text, red_line_name, relax_heading
from desktop.wording.changes import describe_change
from desktop.wording.labels import short_name
from desktop.wording.numbers import count
from desktop.wording.prose import series
from desktop.wording.values import value_text

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its data's shape is needed here
    from desktop.domain.checker import PartyVerdict, Report
    from desktop.domain.model import Draft, Party, Scenario, Stance
    from desktop.domain.params import ParamSpec, Value
    from desktop.domain.solver import BridgeResult

__all__ = [
    "EARLIER",
    "LATER",
    "bottom_line",
    "moved_text",
    "named",
    "recommendation",
    "situation",
    "subject",
    "talking_points",
    "value_change",
]

#: How the comparison sheet labels its two drafts (by their order in the scenario).
EARLIER, LATER = "earlier", "later"
#: Titles named in a sentence before "and N more".
NAMED = 2


def situation(scenario: Scenario, drafts: Sequence[Draft]) -> str:
    """ "situation as of 2025-12-19", and, when a briefed draft is dated later than that, says
    so ("..., before the draft's date (2025-12-23)") instead of claiming a situation older than
    the draft without a word ("" without an ``as_of``)."""
    if scenario.as_of is None:
        return ""
    text = f"situation as of {scenario.as_of.isoformat()}"
    later = [(d.title, d.date) for d in drafts if d.date is not None and d.date > scenario.as_of]
    if len(drafts) == 1 and later:
        text += f", before the draft's date ({later[0][1].isoformat()})"
    elif later:
        text += ", before " + series([f"“{title}” ({day.isoformat()})" for title, day in later])
    return text


def subject(draft_title: str) -> str:
    """The memo's default subject line."""
    return f"Assessment of {draft_title}"


def named(titles: Sequence[str], at_most: int = NAMED) -> str:
    """‘A’, ‘B’ and 3 more: quoted titles, at most ``at_most`` of them named."""
    quoted = [f"‘{t}’" for t in titles]
    if len(quoted) <= at_most:
        return series(quoted)
    return f"{', '.join(quoted[:at_most])} and {len(quoted) - at_most} more"


# --------------------------------------------------------------------------- bottom line


def bottom_line(report: Report, bridge: BridgeResult | None, computed: bool,
                scenario: Scenario | None = None, draft: Draft | None = None) -> list[str]:
    """At most three sentences: viable (if its open points are closed a certain way) or not;
    who rejects and on what; the cheapest bridge or the key clash."""
    n = len(report.parties)
    if report.viable:
        first = f"The draft is viable: all {count(n, 'party', 'parties')} accept it."
    elif report.viable_if is not None:
        from desktop.wording.verdicts import condition_words

        first = (f"The draft is viable if {condition_words(report.viable_if, draft, scenario)}"
                 f": {report.accepting} of {count(n, 'party', 'parties')} accept it as "
                 "drafted.")
    else:
        first = (f"The draft is not viable: {report.accepting} of "
                 f"{count(n, 'party', 'parties')} accept it.")
    return [first, _rejects(report, draft, scenario),
            _bridge_sentence(bridge, computed, scenario)]


def counting_red_lines(party: Party, stance: Stance) -> int:
    """How many of the party's red lines count under ``stance`` (assessed: the stated ones
    are negotiable)."""
    if stance == "stated":
        return len(party.red_lines)
    return sum(1 for r in party.red_lines if r.stance != "stated")


def _conditional(v: PartyVerdict, draft: Draft | None, scenario: Scenario | None) -> str:
    """"Ukraine accepts it only if §16 is the Ukrainian formula; under the US formula it
    crosses ‘No Russian role …’"."""
    from desktop.wording.verdicts import alternative_name, condition_words

    crossed: dict[str, list[str]] = {}
    for x in v.violations:
        if len({pid for pid, _, _ in x.under}) == 1:
            when = "under " + series([alternative_name(label, k, scenario)
                                      for _, k, label in x.under], "or")
        elif x.under:
            when = f"if {condition_words(x.under, draft, scenario)}"
        else:
            when = "otherwise"
        crossed.setdefault(when, []).append(x.title)
    otherwise = "; ".join(f"{when} it crosses {named(titles)}"
                          for when, titles in crossed.items())
    return (f"{short_name(v.name)} accepts it only if "
            f"{condition_words(v.accepts_if, draft, scenario)}"
            + (f"; {otherwise}" if otherwise else ""))


def _rejects(report: Report, draft: Draft | None = None,
             scenario: Scenario | None = None) -> str:
    rejecting = [v for v in report.parties if v.verdict == "rejects"]
    # Accepts only if an open point is closed its way: named with what it crosses otherwise.
    conditional = [_conditional(v, draft, scenario)
                   for v in report.parties if v.verdict == "accepts-if"]
    if not rejecting and not conditional:
        conflicts = len(report.conflicts)
        if conflicts:
            return (f"No party's red line is crossed, but {count(conflicts, 'pair')} of clauses "
                    "exclude each other.")
        return "No party's red line is crossed."
    parts = [f"{short_name(v.name)} over {named([x.title for x in v.violations])}"
             for v in rejecting[:NAMED]]
    if parts:
        parts[0] = parts[0].replace(" over ", " rejects it over ", 1)
    rest = len(rejecting) - NAMED
    tail = f"; {count(rest, 'other party', 'other parties')} also reject it" if rest > 0 else ""
    return f"{'; '.join(parts + conditional)}{tail}."


def _bridge_sentence(bridge: BridgeResult | None, computed: bool,
                     scenario: Scenario | None) -> str:
    if not computed:
        return "The cheapest bridge was not computed for this briefing."
    if bridge is None:
        return "The bridge finder gave no answer for this draft."
    proven = "" if bridge.optimal else " (the time limit was hit, so this is not proven)"
    if bridge.proposal is not None:
        k = len(bridge.proposal.changes)
        if k == 0:
            return "No change is needed for every party to accept it."
        return f"The cheapest bridge that every party accepts is {count(k, 'change')}{proven}."
    if bridge.clash:
        clash = clash_text(scenario, bridge.clash)
        clash = clash[:1].lower() + clash[1:] if clash.startswith("These") else clash
        lead = ("No change to the text can satisfy every party" if bridge.proven_infeasible
                else "No bridge was found in time")
        return f"{lead}: {clash}"
    if bridge.proven_infeasible:
        return "No change can satisfy every party."
    return "Neither a bridge nor a proof that none exists was found within the time limit."


# --------------------------------------------------------------------------- recommendation


def recommendation(bridge: BridgeResult | None, scenario: Scenario, draft: Draft, *,
                   computed: bool, time_limit: float | None, error: str = ""
                   ) -> tuple[str, list[str], list[str]]:
    """The recommendation as (lead sentence, items, notes): the changes of the smallest
    bridge, or the clash and the red lines to relax; notes say what is partial."""
    if not computed:
        return ("The recommendation was not computed for this briefing: the bridge finder "
                "was not run.", [], [])
    if bridge is None:
        return (f"The bridge finder could not answer for this draft: {error}", [], [])
    limit = f"{time_limit:g} s" if time_limit is not None else "the time limit"
    notes = [note_text(n)[:1].upper() + note_text(n)[1:] + "." for n in bridge.notes]
    if bridge.proposal is not None:
        changes = bridge.proposal.changes
        if not changes:
            return ("Sign as drafted: the draft already passes every party's red lines.",
                    [], notes)
        # The finder minimises the changes' total cost, not their number.
        how = ("the cheapest possible" if bridge.optimal
               else f"the cheapest found within {limit}, not proven the cheapest")
        lead = (f"Propose these {count(len(changes), 'change')} ({how}); every party's red "
                "lines then hold:" if len(changes) > 1 else
                f"Propose this change ({how}); every party's red lines then hold:")
        items = [describe_change(c, "panel", scenario, draft) + "." for c in changes]
        return (lead, items, notes)
    items = [red_line_name(scenario, c) for c in bridge.relax]
    if bridge.proven_infeasible:
        lead = ("No change to the text alone lets every party accept it (proven): "
                + (clash_text(scenario, bridge.clash) + " " if bridge.clash else ""))
        if items:
            lead += relax_heading(len(items))
        else:
            lead += "Seek movement on one of these red lines."
    else:
        lead = (f"Within {limit} the bridge finder found neither a bridge nor a proof that "
                "none exists; the answer is not proven.")
        if bridge.clash:
            lead += " " + clash_text(scenario, bridge.clash)
        if items:
            lead += " " + relax_heading(len(items))
    return (lead, items, notes)


# --------------------------------------------------------------------------- talking points


def talking_points(scenario: Scenario, draft: Draft, party: Party, verdict: PartyVerdict,
                   stance: Stance = "assessed") -> tuple[str, str, str]:
    """One line each: what the party gains (clauses to it), what it gives (clauses by it),
    which of its red lines are at stake (of those that count under ``stance``)."""
    provisions = scenario.provision_index
    gains = [provisions[c.provision].title for c in draft.clauses
             if party.id in provisions[c.provision].to]
    gives = [provisions[c.provision].title for c in draft.clauses
             if party.id in provisions[c.provision].by]
    crossed = [x.title for x in verdict.violations]
    counting = counting_red_lines(party, stance)
    if crossed:
        at_stake = f"{len(crossed)} of {counting} crossed: {named(crossed)}"
    elif counting:
        at_stake = f"none crossed (of {counting})"
    elif party.red_lines:
        at_stake = "none that counts under this view"
    else:
        at_stake = "states no red lines"
    return (_clauses(gains), _clauses(gives), at_stake)


def _clauses(titles: Sequence[str]) -> str:
    if not titles:
        return "nothing in this draft"
    if len(titles) <= NAMED:
        return named(titles)
    return f"{count(titles, 'clause')}: {named(titles)}"


# --------------------------------------------------------------------------- comparison


def value_change(label: str, spec: ParamSpec | None, before: Value | None,
                 after: Value | None) -> str:
    """"army personnel: 600,000 personnel → 800,000 personnel"."""
    def words(v: Value | None) -> str:
        return "not set" if v is None else value_text(spec, v)
    return f"{label}: {words(before)} → {words(after)}"


def moved_text(before: int, after: int) -> str:
    """A clause moved between phases."""
    return f"moved from phase {before} to phase {after}"

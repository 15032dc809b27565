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
from desktop.wording.prose import series
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate
from desktop.wording.values import value_text

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its data's shape is needed here
    from desktop.domain.checker import PartyVerdict, Report, Setting
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

#: How the comparison sheet labels its two drafts (by their order in the scenario); English,
#: marked for the catalogue: translate them where they are shown, with context "Wording.memo".
EARLIER = QT_TRANSLATE_NOOP("Wording.memo", "earlier")
LATER = QT_TRANSLATE_NOOP("Wording.memo", "later")
#: Titles named in a sentence before "and N more".
NAMED = 2


def _sentence(text: str) -> str:
    """A phrase as a sentence of its own: its first letter a capital, a full stop after it."""
    return translate("Wording.memo", "{sentence}.").format(sentence=text[:1].upper() + text[1:])


def situation(scenario: Scenario, drafts: Sequence[Draft]) -> str:
    """ "situation as of 2025-12-19", and, when a briefed draft is dated later than that, says
    so ("..., before the draft's date (2025-12-23)") instead of claiming a situation older than
    the draft without a word ("" without an ``as_of``)."""
    if scenario.as_of is None:
        return ""
    as_of = scenario.as_of.isoformat()
    later = [(d.title, d.date) for d in drafts if d.date is not None and d.date > scenario.as_of]
    if len(drafts) == 1 and later:
        return translate("Wording.memo", "situation as of {date}, before the draft's date "
                                         "({draft_date})").format(
            date=as_of, draft_date=later[0][1].isoformat())
    if later:
        return translate("Wording.memo", "situation as of {date}, before {drafts}").format(
            date=as_of, drafts=series([translate("Wording.memo", "“{title}” ({date})").format(
                title=title, date=day.isoformat()) for title, day in later]))
    return translate("Wording.memo", "situation as of {date}").format(date=as_of)


def subject(draft_title: str) -> str:
    """The memo's default subject line."""
    return translate("Wording.memo", "Assessment of {draft}").format(draft=draft_title)


def named(titles: Sequence[str], at_most: int = NAMED) -> str:
    """‘A’, ‘B’ and 3 more: quoted titles, at most ``at_most`` of them named."""
    quoted = [translate("Wording.memo", "‘{title}’").format(title=t) for t in titles]
    if len(quoted) <= at_most:
        return series(quoted)
    return translate("Wording.memo", "{titles} and {more} more").format(
        titles=translate("Wording.memo", ", ").join(quoted[:at_most]),
        more=len(quoted) - at_most)


# --------------------------------------------------------------------------- bottom line


def bottom_line(report: Report, bridge: BridgeResult | None, computed: bool,
                scenario: Scenario | None = None, draft: Draft | None = None) -> list[str]:
    """At most three sentences: viable (if its open points are closed a certain way) or not;
    who rejects and on what; the cheapest bridge or the key clash."""
    n = len(report.parties)
    if report.viable:
        first = translate("Wording.memo", "The draft is viable: all %n part(y/ies) accept it.",
                          None, n)
    elif report.viable_if is not None:
        from desktop.wording.verdicts import condition_words

        first = translate("Wording.memo", "The draft is viable if {condition}: {accepting} of %n "
                                          "part(y/ies) accept it as drafted.", None, n).format(
            condition=condition_words(report.viable_if, draft, scenario),
            accepting=report.accepting)
    else:
        first = translate("Wording.memo", "The draft is not viable: {accepting} of %n "
                                          "part(y/ies) accept it.", None, n).format(
            accepting=report.accepting)
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

    # The red lines crossed, grouped by the alternatives they are crossed under: those of one
    # open point ("under the US formula"), of several ("if §16 is ... and §12 is ..."), or none.
    crossed: dict[tuple[bool, tuple[Setting, ...]], list[str]] = {}
    for x in v.violations:
        one_point = len({pid for pid, _, _ in x.under}) == 1
        crossed.setdefault((one_point, tuple(x.under)), []).append(x.title)
    otherwise = []
    for (one_point, under), titles in crossed.items():
        if one_point:
            names = [alternative_name(label, k, scenario) for _, k, label in under]
            otherwise.append(translate("Wording.memo", "under {alternatives} it crosses {titles}")
                             .format(alternatives=series(names, "or"),
                                     titles=named(titles)))
        elif under:
            otherwise.append(translate("Wording.memo", "if {condition} it crosses {titles}")
                             .format(condition=condition_words(under, draft, scenario),
                                     titles=named(titles)))
        else:
            otherwise.append(translate("Wording.memo", "otherwise it crosses {titles}").format(
                titles=named(titles)))
    condition = condition_words(v.accepts_if, draft, scenario)
    if otherwise:
        return translate("Wording.memo", "{party} accepts it only if {condition}; {otherwise}"
                         ).format(party=short_name(v.name), condition=condition,
                                  otherwise=translate("Wording.memo", "; ").join(otherwise))
    return translate("Wording.memo", "{party} accepts it only if {condition}").format(
        party=short_name(v.name), condition=condition)


def _rejects(report: Report, draft: Draft | None = None,
             scenario: Scenario | None = None) -> str:
    rejecting = [v for v in report.parties if v.verdict == "rejects"]
    # Accepts only if an open point is closed its way: named with what it crosses otherwise.
    conditional = [_conditional(v, draft, scenario)
                   for v in report.parties if v.verdict == "accepts-if"]
    if not rejecting and not conditional:
        conflicts = len(report.conflicts)
        if conflicts:
            return translate("Wording.memo", "No party's red line is crossed, but %n pair(s) of "
                                             "clauses exclude each other.", None, conflicts)
        return translate("Wording.memo", "No party's red line is crossed.")
    parts = [(translate("Wording.memo", "{party} rejects it over {titles}") if i == 0 else
              translate("Wording.memo", "{party} over {titles}")).format(
                  party=short_name(v.name), titles=named([x.title for x in v.violations]))
             for i, v in enumerate(rejecting[:NAMED])]
    said = translate("Wording.memo", "; ").join(parts + conditional)
    rest = len(rejecting) - NAMED
    if rest > 0:
        return translate("Wording.memo", "{rejections}; %n other part(y/ies) also reject it.",
                         None, rest).format(rejections=said)
    return translate("Wording.memo", "{rejections}.").format(rejections=said)


def _bridge_sentence(bridge: BridgeResult | None, computed: bool,
                     scenario: Scenario | None) -> str:
    if not computed:
        return translate("Wording.memo", "The cheapest bridge was not computed for this briefing.")
    if bridge is None:
        return translate("Wording.memo", "The bridge finder gave no answer for this draft.")
    if bridge.proposal is not None:
        k = len(bridge.proposal.changes)
        if k == 0:
            return translate("Wording.memo", "No change is needed for every party to accept it.")
        if bridge.optimal:
            return translate("Wording.memo", "The cheapest bridge that every party accepts is "
                                             "%n change(s).", None, k)
        return translate("Wording.memo", "The cheapest bridge that every party accepts is %n "
                                         "change(s) (the time limit was hit, so this is not "
                                         "proven).", None, k)
    if bridge.clash:
        clash = clash_text(scenario, bridge.clash, inside=True)
        if bridge.proven_infeasible:
            return translate("Wording.memo", "No change to the text can satisfy every party: "
                                             "{clash}").format(clash=clash)
        return translate("Wording.memo", "No bridge was found in time: {clash}").format(
            clash=clash)
    if bridge.proven_infeasible:
        return translate("Wording.memo", "No change can satisfy every party.")
    return translate("Wording.memo", "Neither a bridge nor a proof that none exists was found "
                                     "within the time limit.")


# --------------------------------------------------------------------------- recommendation


def recommendation(bridge: BridgeResult | None, scenario: Scenario, draft: Draft, *,
                   computed: bool, time_limit: float | None, error: str = ""
                   ) -> tuple[str, list[str], list[str]]:
    """The recommendation as (lead sentence, items, notes): the changes of the smallest
    bridge, or the clash and the red lines to relax; notes say what is partial."""
    if not computed:
        return (translate("Wording.memo", "The recommendation was not computed for this "
                                          "briefing: the bridge finder was not run."), [], [])
    if bridge is None:
        return (translate("Wording.memo", "The bridge finder could not answer for this draft: "
                                          "{error}").format(error=error), [], [])
    seconds = f"{time_limit:g}" if time_limit is not None else ""
    notes = [_sentence(note_text(n)) for n in bridge.notes]
    if bridge.proposal is not None:
        changes = bridge.proposal.changes
        if not changes:
            return (translate("Wording.memo", "Sign as drafted: the draft already passes every "
                                              "party's red lines."), [], notes)
        # The finder minimises the changes' total cost, not their number.
        if bridge.optimal:
            how = translate("Wording.memo", "the cheapest possible")
        elif seconds:
            how = translate("Wording.memo", "the cheapest found within {seconds} s, not proven "
                                            "the cheapest").format(seconds=seconds)
        else:
            how = translate("Wording.memo", "the cheapest found within the time limit, not "
                                            "proven the cheapest")
        n = len(changes)  # a name: lupdate skips a call whose count is an expression
        if n > 1:
            lead = translate("Wording.memo", "Propose these %n change(s) ({how}); every party's "
                                             "red lines then hold:", None, n).format(how=how)
        else:
            lead = translate("Wording.memo", "Propose this change ({how}); every party's red "
                                             "lines then hold:").format(how=how)
        items = [translate("Wording.memo", "{sentence}.").format(
            sentence=describe_change(c, "panel", scenario, draft)) for c in changes]
        return (lead, items, notes)
    items = [red_line_name(scenario, c) for c in bridge.relax]
    said = []
    if bridge.proven_infeasible:
        said.append(translate("Wording.memo", "No change to the text alone lets every party "
                                              "accept it (proven):"))
        if bridge.clash:
            said.append(clash_text(scenario, bridge.clash))
        said.append(relax_heading(len(items)) if items else
                    translate("Wording.memo", "Seek movement on one of these red lines."))
    else:
        said.append(
            translate("Wording.memo", "Within {seconds} s the bridge finder found neither a "
                                      "bridge nor a proof that none exists; the answer is not "
                                      "proven.").format(seconds=seconds) if seconds else
            translate("Wording.memo", "Within the time limit the bridge finder found neither a "
                                      "bridge nor a proof that none exists; the answer is not "
                                      "proven."))
        if bridge.clash:
            said.append(clash_text(scenario, bridge.clash))
        if items:
            said.append(relax_heading(len(items)))
    return (" ".join(said), items, notes)


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
        at_stake = translate("Wording.memo", "{crossed} of {counting} crossed: {titles}").format(
            crossed=len(crossed), counting=counting, titles=named(crossed))
    elif counting:
        at_stake = translate("Wording.memo", "none crossed (of {counting})").format(
            counting=counting)
    elif party.red_lines:
        at_stake = translate("Wording.memo", "none that counts under this view")
    else:
        at_stake = translate("Wording.memo", "states no red lines")
    return (_clauses(gains), _clauses(gives), at_stake)


def _clauses(titles: Sequence[str]) -> str:
    if not titles:
        return translate("Wording.memo", "nothing in this draft")
    if len(titles) <= NAMED:
        return named(titles)
    n = len(titles)  # a name: lupdate skips a call whose count is an expression
    return translate("Wording.memo", "%n clause(s): {titles}", None, n).format(
        titles=named(titles))


# --------------------------------------------------------------------------- comparison


def value_change(label: str, spec: ParamSpec | None, before: Value | None,
                 after: Value | None) -> str:
    """"army personnel: 600,000 personnel → 800,000 personnel"."""
    def words(v: Value | None) -> str:
        return translate("Wording.memo", "not set") if v is None else value_text(spec, v)
    return translate("Wording.memo", "{label}: {before} → {after}").format(
        label=label, before=words(before), after=words(after))


def moved_text(before: int, after: int) -> str:
    """A clause moved between phases."""
    return translate("Wording.memo", "moved from phase {before} to phase {after}").format(
        before=before, after=after)

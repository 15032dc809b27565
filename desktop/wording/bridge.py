"""The bridge finder's answers in words: why a change is there, which red lines clash, which to
relax, how a search ended, where it is, what of an answer is partial, and the frontier's marks.
The solver reports all of it as data (``Why``, ``ClashItem``, ``Status``, ``Progress``,
``Note``); this module and :mod:`~desktop.wording.changes` are the only places that say it.

Red lines are named by their party and title -- "Ukraine's red line ‘No blanket amnesty’" --
and provisions by their title in quotation marks, never by id. ``refs=True`` (the terminal)
adds the id after each name as a bracketed reference, "‘No blanket amnesty’ [ua-no-amnesty]",
which a person can look up and a script can search for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.wording.changes import describe_change
from desktop.wording.labels import short_name
from desktop.wording.numbers import percent
from desktop.wording.prose import in_sentence, possessive, provision_title, series
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate
from desktop.wording.values import derived_label

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its data's shape is needed here
    from desktop.domain.model import Draft, Scenario, Stance
    from desktop.domain.solver import (
        BelowNoDeal,
        Change,
        ClashItem,
        Link,
        Need,
        Note,
        Progress,
        Status,
        Why,
    )

__all__ = [
    "BEST_COMPROMISE",
    "MOST_EQUAL",
    "change_reason",
    "change_text",
    "clash_text",
    "clashes_heading",
    "cost_words",
    "frontier_mark_text",
    "in_sentence",
    "link_text",
    "mark_label",
    "no_change_text",
    "no_deal_text",
    "note_text",
    "possessive",
    "progress_text",
    "provision_title",
    "red_line_name",
    "relax_cost_text",
    "relax_heading",
    "relax_text",
    "satisfactions",
    "series",
    "stance_text",
    "status_words",
]

#: desktop.domain.solver.encoding.OPEN_COMBINATIONS (not imported: it pulls in OR-Tools).
_OPEN_COMBINATIONS = 64

# Labels in constants are marked for the catalogue here and translated where they are read
# (status_words, note_text, mark_label, frontier_mark_text).
_STATUS = {
    "optimal": QT_TRANSLATE_NOOP("Wording.bridge", "optimal"),
    "best-found": QT_TRANSLATE_NOOP("Wording.bridge", "best found (time limit hit)"),
    "no-agreement": QT_TRANSLATE_NOOP("Wording.bridge", "no agreement possible"),
    "no-proposal": QT_TRANSLATE_NOOP("Wording.bridge", "no proposal found (time limit hit)"),
    "cancelled": QT_TRANSLATE_NOOP("Wording.bridge", "cancelled"),
}

_NOTES = {
    "no-answer-in-time": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the time limit was hit before a proposal or a proof of no agreement "
                          "was found"),
    "no-alternatives-in-time": QT_TRANSLATE_NOOP(
        "Wording.bridge", "no alternatives were searched within the time limit"),
    "reasons-not-worked-out": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the reasons for some changes were not worked out within the "
                          "time limit"),
    "fewer-alternatives": QT_TRANSLATE_NOOP(
        "Wording.bridge", "fewer alternatives than asked for were searched within the time "
                          "limit"),
    "clashes-not-found": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the clashing red lines were not found within the time limit"),
    "clashes-not-proven": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the time limit was hit before every clash was proven minimal; only "
                          "proven ones are shown"),
    "relax-not-found": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the cheapest red lines to relax were not found within the time limit"),
    "relax-not-proven": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the red lines to relax are the cheapest found, not proven the "
                          "cheapest (time limit)"),
    "relax-not-canonical": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the red lines to relax are among the cheapest, but the time limit "
                          "was hit before the one choice every draft gets was settled"),
    "open-bound": QT_TRANSLATE_NOOP(
        "Wording.bridge", "the draft's open points have too many combinations to keep open "
                          "(more than {limit}): the proposal closes each one a red line reads"),
}

#: The frontier's two marked packages, in a diplomat's words: the Nash point (the largest
#: product of the two satisfactions) and the egalitarian point (the best for the worse off).
#: English, as keys: show them with :func:`mark_label`.
BEST_COMPROMISE = QT_TRANSLATE_NOOP("Wording.bridge", "Best compromise")
MOST_EQUAL = QT_TRANSLATE_NOOP("Wording.bridge", "Most equal")
_MARK_MEANING = {
    BEST_COMPROMISE: QT_TRANSLATE_NOOP("Wording.bridge",
                                       "the two satisfactions multiplied are highest"),
    MOST_EQUAL: QT_TRANSLATE_NOOP("Wording.bridge", "the less satisfied party does best"),
}


# --------------------------------------------------------------------------- small words


def _party_name(scenario: Scenario | None, party_id: str, name: str = "") -> str:
    party = scenario.party_index.get(party_id) if scenario is not None else None
    if party is not None:
        return party.name
    return name or derived_label(party_id)


def _title(title: str, red_line: str, refs: bool) -> str:
    quoted = translate("Wording.bridge", "‘{title}’").format(title=title)
    return f"{quoted} [{red_line}]" if refs else quoted


def _comma() -> str:
    """The comma between the items of a list."""
    return translate("Wording.bridge", ", ")


def _one_red_line(party: str, title: str) -> str:
    return translate("Wording.bridge", "{owner} red line {title}").format(
        owner=possessive(party), title=title)


def _owned(lines: Sequence[tuple[str, str]], noun: bool) -> str:
    """Red lines as (party name, quoted title), grouped by party in order of appearance:
    "Ukraine's red lines ‘A’ and ‘B’, and Russia's red line ‘C’" (``noun``), or without the
    noun: "Ukraine's ‘A’, Russia's ‘B’ and ‘C’, and Europe's ‘D’"."""
    groups: dict[str, list[str]] = {}
    for party, title in lines:
        groups.setdefault(party, []).append(title)
    parts = []
    for party, titles in groups.items():
        if not noun:
            parts.append(translate("Wording.bridge", "{owner} {titles}").format(
                owner=possessive(party), titles=series(titles)))
        elif len(titles) == 1:
            parts.append(_one_red_line(party, titles[0]))
        else:
            parts.append(translate("Wording.bridge", "{owner} red lines {titles}").format(
                owner=possessive(party), titles=series(titles)))
    if len(parts) > 1 and any(len(t) > 1 for t in groups.values()):
        # a comma where an "and" is inside
        return translate("Wording.bridge", "{items}, and {last}").format(
            items=_comma().join(parts[:-1]), last=parts[-1])
    return series(parts)


def _pair(lines: Sequence[tuple[str, str]]) -> str:
    """Two red lines: "Ukraine's red line ‘A’ and Russia's ‘B’"; one party's: "Russia's red
    lines ‘A’ and ‘B’"."""
    (party_a, a), (party_b, b) = lines
    if party_a == party_b:
        return translate("Wording.bridge", "{owner} red lines {first} and {second}").format(
            owner=possessive(party_a), first=a, second=b)
    return translate("Wording.bridge", "{owner} red line {first} and {other_owner} {second}"
                     ).format(owner=possessive(party_a), first=a,
                              other_owner=possessive(party_b), second=b)


def _items(scenario: Scenario | None, items: Sequence[ClashItem], refs: bool
           ) -> list[tuple[str, str]]:
    return [(_party_name(scenario, c.party), _title(c.title, c.red_line, refs)) for c in items]


def red_line_name(scenario: Scenario | None, item: ClashItem, refs: bool = False) -> str:
    """One red line of a clash: "Ukraine's red line ‘No blanket amnesty’"."""
    ((party, title),) = _items(scenario, (item,), refs)
    return _one_red_line(party, title)


# --------------------------------------------------------------------------- answers


def change_reason(why: Why | None, scenario: Scenario | None = None, *,
                  refs: bool = False) -> str:
    """Why a change is in a proposal, as a sentence; empty when it was not worked out in time.
    ``scenario`` gives the provisions' titles (of exclusions)."""
    if why is None:
        return ""
    parts = []
    if why.needs:
        parts.append(translate("Wording.bridge", "Required by {red_lines}").format(
            red_lines=_needs(why.needs, refs)))
    for a, b in why.conflicts:
        parts.append(translate("Wording.bridge", "{first} and {second} exclude each other")
                     .format(first=provision_title(scenario, a),
                             second=provision_title(scenario, b)))
    if parts:
        return translate("Wording.bridge", "{reasons}.").format(
            reasons=translate("Wording.bridge", "; ").join(parts))
    if why.gains:
        gains = _comma().join(
            translate("Wording.bridge", "{party} from {before} to {after}").format(
                party=short_name(g.party_name), before=percent(g.before), after=percent(g.after))
            for g in why.gains)
        return translate("Wording.bridge", "Raises satisfaction: {gains}.").format(gains=gains)
    return translate("Wording.bridge",
                     "Needed together with the other changes for every red line to hold.")


def _needs(needs: Sequence[Need], refs: bool) -> str:
    return _owned([(n.party_name, _title(n.title, n.red_line, refs)) for n in needs], noun=True)


def clash_text(scenario: Scenario | None, clash: Sequence[ClashItem], refs: bool = False,
               *, inside: bool = False) -> str:
    """A minimal clash as a sentence: "Ukraine's red line ‘A’ and Russia's ‘B’ cannot both
    hold."; three or more: "These red lines cannot all hold: Ukraine's ‘A’, …" (``inside``
    a sentence, after a colon: "these red lines …")."""
    lines = _items(scenario, clash, refs)
    if len(lines) == 1:
        (party, title), = lines
        return translate("Wording.bridge", "{owner} red line {title} cannot hold in any "
                                           "agreement.").format(owner=possessive(party),
                                                                title=title)
    if len(lines) == 2:
        return translate("Wording.bridge", "{red_lines} cannot both hold.").format(
            red_lines=_pair(lines))
    if inside:
        return translate("Wording.bridge", "these red lines cannot all hold: {red_lines}."
                         ).format(red_lines=_owned(lines, noun=False))
    return translate("Wording.bridge", "These red lines cannot all hold: {red_lines}.").format(
        red_lines=_owned(lines, noun=False))


def clashes_heading(n: int) -> str:
    """Above the clashes: what a clash means for a mediator."""
    if n == 1:
        return translate("Wording.bridge", "Why no agreement is possible (drop any one of these "
                                           "red lines and the others can all hold)")
    return translate("Wording.bridge", "%n distinct (clash/clashes) of red lines: in each, drop "
                                       "any one and the others can all hold", None, n)


def relax_text(scenario: Scenario | None, relax: Sequence[ClashItem], refs: bool = False,
               *, cost: float | None = None, independent: bool = False) -> str:
    """The cheapest red lines to relax, as a sentence: "Relaxing Ukraine's red line ‘A’ would
    allow an agreement.", followed, given its ``cost``, by :func:`relax_cost_text`."""
    lines = _items(scenario, relax, refs)
    if not lines:
        return ""
    if len(lines) == 1:
        (party, title), = lines
        text = translate("Wording.bridge", "Relaxing {owner} red line {title} would allow an "
                                           "agreement.").format(owner=possessive(party),
                                                                title=title)
    elif len(lines) == 2:
        text = translate("Wording.bridge", "Relaxing {red_lines} would allow an agreement."
                         ).format(red_lines=_pair(lines))
    else:
        n = len(lines)  # a name: lupdate skips a call whose count is an expression
        text = translate("Wording.bridge", "Relaxing these %n red line(s) would allow an "
                                           "agreement: {red_lines}.", None, n
                         ).format(red_lines=_owned(lines, noun=False))
    tail = relax_cost_text(cost, independent)
    return f"{text} {tail}" if tail else text


def relax_cost_text(cost: float | None, independent: bool) -> str:
    """What the relaxation costs, on its own scale, and that it is the same for every draft:
    "This is the least costly set of red lines to relax (cost 3.5 on the relaxation scale);
    any draft gets the same answer."."""
    if cost is None:
        return ""
    if independent:
        return translate("Wording.bridge", "This is the least costly set of red lines to relax "
                                           "(cost {cost} on the relaxation scale); any draft "
                                           "gets the same answer.").format(cost=cost_words(cost))
    return translate("Wording.bridge", "This is the least costly set of red lines to relax "
                                       "(cost {cost} on the relaxation scale).").format(
        cost=cost_words(cost))


#: Which red lines the bridge finder counts, in each view (``check()``'s ``stance``).
_STANCE_TEXT = {
    "assessed": QT_TRANSLATE_NOOP("Wording.bridge", "Under assessed floors: only the assessed "
                                                    "red lines count; a stated demand is "
                                                    "treated as negotiable."),
    "stated": QT_TRANSLATE_NOOP("Wording.bridge", "Under stated positions: every red line "
                                                  "counts, stated demands included."),
}


def stance_text(stance: Stance) -> str:
    """Which red lines the finder's answer counts, as a sentence: "Under assessed floors: only
    the assessed red lines count; a stated demand is treated as negotiable."."""
    return translate("Wording.bridge", _STANCE_TEXT[stance])


def no_change_text() -> str:
    """A proposal of no change: the draft already passes every chosen party's red lines."""
    return translate("Wording.bridge", "No change needed: every chosen party accepts this draft.")


def cost_words(cost: float) -> str:
    """A cost as a person writes it: 2, 2.5 (never 2.0)."""
    return f"{cost:,.6f}".rstrip("0").rstrip(".")


def change_text(change: Change, style: str = "terminal", scenario: Scenario | None = None,
                draft: Draft | None = None) -> str:
    """A change as an instruction, without a full stop: closing an open point ("Close the
    open point “Zaporizhzhia nuclear plant” on “Ukrainian formula”"), or else as
    :func:`desktop.wording.changes.describe_change` says it."""
    if change.op != "close":
        return describe_change(change, "panel" if style == "panel" else "terminal",
                               scenario, draft)
    clause = draft.clause_for(change.provision) if draft is not None else None
    i = change.alternative or 0
    label = ""
    if clause is not None and i < len(clause.alternatives):
        label = clause.alternatives[i].label
    title = provision_title(scenario, change.provision)
    if label:
        text = translate("Wording.bridge", "Close the open point {provision} on “{alternative}”"
                         ).format(provision=title, alternative=label)
    else:
        text = translate("Wording.bridge", "Close the open point {provision} on its alternative "
                                           "{number}").format(provision=title, number=i + 1)
    return f"{text} [{change.provision}]" if style == "terminal" else text


def link_text(link: Link, changes: Sequence[Change], scenario: Scenario | None = None,
              draft: Draft | None = None) -> str:
    """Give and take between two parties: "Ukraine accepts what Russia wants (Add “X”) if
    Russia accepts what Ukraine wants (Remove “Y”; Raise …).", each change in the panel's
    words."""
    a = _party_name(scenario, link.a, link.a_name)
    b = _party_name(scenario, link.b, link.b_name)

    def said(indices: Sequence[int]) -> str:
        return translate("Wording.bridge", "; ").join(
            change_text(changes[i], "panel", scenario, draft) for i in indices)

    return translate("Wording.bridge", "{a} accepts what {b} wants ({a_gives}) if {b} accepts "
                                       "what {a} wants ({b_gives}).").format(
        a=a, b=b, a_gives=said(link.a_gives), b_gives=said(link.b_gives))


def no_deal_text(below: BelowNoDeal, scenario: Scenario | None = None) -> str:
    """A party the proposal leaves below its no-deal level: "Russia would be better off
    without this deal (satisfaction 40%; 55% without a deal)."."""
    name = _party_name(scenario, below.party, below.party_name)
    return translate("Wording.bridge", "{party} would be better off without this deal "
                                       "(satisfaction {satisfaction}; {no_deal} without a "
                                       "deal).").format(
        party=name, satisfaction=percent(below.satisfaction), no_deal=percent(below.no_deal))


def relax_heading(n: int) -> str:
    """Above a list of the red lines to relax: "Relaxing these 5 red lines would allow an
    agreement:" (the cost follows the list: :func:`relax_cost_text`)."""
    if n == 1:
        return translate("Wording.bridge", "Relaxing this red line would allow an agreement:")
    return translate("Wording.bridge", "Relaxing these %n red line(s) would allow an agreement:",
                     None, n)


def satisfactions(names: tuple[str, str], values: tuple[float, float]) -> str:
    """Two parties' satisfactions: "Ukraine 80%, Russia 50%"."""
    return _comma().join(
        translate("Wording.bridge", "{party} {satisfaction}").format(
            party=short_name(n), satisfaction=percent(x))
        for n, x in zip(names, values, strict=True))


def mark_label(mark: str) -> str:
    """A frontier mark (``BEST_COMPROMISE`` or ``MOST_EQUAL``, English keys) as it is shown."""
    return translate("Wording.bridge", mark)


def frontier_mark_text(mark: str, names: tuple[str, str], values: tuple[float, float]) -> str:
    """A marked frontier package (``BEST_COMPROMISE`` or ``MOST_EQUAL``) with what the mark
    means: "Best compromise: Ukraine 80%, Russia 50% (the two satisfactions multiplied are
    highest)"."""
    return translate("Wording.bridge", "{mark}: {satisfactions} ({meaning})").format(
        mark=mark_label(mark), satisfactions=satisfactions(names, values),
        meaning=translate("Wording.bridge", _MARK_MEANING[mark]))


def progress_text(progress: Progress) -> str:
    """Where a search is: "Alternative 1: looking for the fairest proposal with 3 changes…"."""
    cost = progress.cost
    match progress.stage:
        case "building":
            return translate("Wording.bridge", "Building the model…")
        case "clashes":
            return translate("Wording.bridge", "No agreement: finding the clashing red lines…")
        case "relax":
            return translate("Wording.bridge",
                             "No agreement: finding the cheapest red lines to relax…")
        case "no-deal":
            looking = translate("Wording.bridge", "looking for proposals that leave no party "
                                                  "worse off than no deal…")
        case "fewest-changes":
            looking = translate("Wording.bridge", "looking for the cheapest changes…")
        case "salient":
            looking = (translate("Wording.bridge", "moving the values of the proposal to round "
                                                   "figures…") if cost is None else
                       translate("Wording.bridge", "moving the values of the proposal with %n "
                                                   "change(s) to round figures…", None, cost))
        case "fairest":
            looking = (translate("Wording.bridge", "looking for the fairest proposal…")
                       if cost is None else
                       translate("Wording.bridge", "looking for the fairest proposal with %n "
                                                   "change(s)…", None, cost))
        case "most-satisfying":
            looking = (translate("Wording.bridge", "looking for the most satisfying proposal…")
                       if cost is None else
                       translate("Wording.bridge", "looking for the most satisfying proposal "
                                                   "with %n change(s)…", None, cost))
    if progress.alternative:
        return translate("Wording.bridge", "Alternative {number}: {search}").format(
            number=progress.alternative, search=looking)
    return looking[:1].upper() + looking[1:]  # at the start of the line


def status_words(status: Status) -> str:
    """How a search ended, lower case: "no agreement possible"."""
    return translate("Wording.bridge", _STATUS[status])


def note_text(note: Note) -> str:
    """What of an answer is partial, lower case and without a full stop."""
    if note.kind == "all-clashes-found":
        n = note.count  # a name: lupdate skips a call whose count is an expression
        return translate("Wording.bridge", "only %n distinct (clash/clashes) (exists/exist)",
                         None, n)
    return translate("Wording.bridge", _NOTES[note.kind]).format(limit=_OPEN_COMBINATIONS)

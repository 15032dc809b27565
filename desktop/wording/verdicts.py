"""A party's verdict in words: accepts, rejects or accepts if an open point is closed a certain
way; the chance it accepts; how much of what it wants the draft addresses; its satisfaction
against its no-deal level; a draft's open points and whether it is viable (if ...).

Clauses are named by their number in the draft ("§12"), with their title where asked; an open
point's alternatives by their labels ("the Ukrainian formula"), or by their place when they have
none ("its second alternative"). Ids never appear. Qt-free; imports only :mod:`desktop.domain`
and the rest of :mod:`desktop.wording`.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.checker import COMBINATION_BOUND, PartyVerdict, Report, Setting
from desktop.domain.model import Clause, Draft, Party, Scenario, Stance
from desktop.wording.labels import short_name
from desktop.wording.numbers import percent
from desktop.wording.prose import in_sentence, provision_title, series
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = [
    "STANCE_LABELS",
    "alternative_name",
    "bound_words",
    "chance_words",
    "condition_words",
    "coverage_words",
    "met_if_lines",
    "no_deal_words",
    "not_addressed_titles",
    "open_point_text",
    "open_points",
    "satisfaction_sentence",
    "shown_satisfaction",
    "stance_label",
    "verdict_phrase",
    "verdict_verb",
    "viability_words",
    "violation_condition",
]

#: The two views of the red lines, as a menu or heading reads them (English; translated:
#: :func:`stance_label`).
STANCE_LABELS: dict[Stance, str] = {
    "stated": QT_TRANSLATE_NOOP("Wording.verdicts", "Stated positions (every red line counts)"),
    "assessed": QT_TRANSLATE_NOOP("Wording.verdicts",
                                  "Assessed floors (stated demands are negotiable)"),
}

#: An unlabelled alternative by its place among the clause's alternatives.
_BY_PLACE = (
    QT_TRANSLATE_NOOP("Wording.verdicts", "its first alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its second alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its third alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its fourth alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its fifth alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its sixth alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its seventh alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its eighth alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its ninth alternative"),
    QT_TRANSLATE_NOOP("Wording.verdicts", "its tenth alternative"),
)


def stance_label(stance: Stance) -> str:
    """A view of the red lines as a menu or heading reads it, in the user's language."""
    return translate("Wording.verdicts", STANCE_LABELS[stance])


def verdict_verb(acceptable: bool) -> str:
    """A verdict's word without its mark, as a line starts with it: "Accepts", "Rejects"."""
    return (translate("Wording.verdicts", "Accepts") if acceptable
            else translate("Wording.verdicts", "Rejects"))


def alternative_name(label: str, k: int, scenario: Scenario | None = None) -> str:
    """An alternative as it reads after "is": "the Ukrainian formula", "the demilitarised
    zone"; "its second alternative" without a label."""
    label = " ".join(label.split())
    if not label:
        if k < len(_BY_PLACE):
            return translate("Wording.verdicts", _BY_PLACE[k])
        return translate("Wording.verdicts", "its number {number} alternative").format(
            number=k + 1)
    if label[:4].lower() == "the ":
        label = label[4:]
    return translate("Wording.verdicts", "the {alternative}").format(
        alternative=in_sentence(label, scenario))


def _number(draft: Draft | None, provision_id: str) -> str:
    i = draft.index_of(provision_id) if draft is not None else None
    return f"§{i + 1}" if i is not None else translate("Wording.verdicts", "a clause")


def _clause(draft: Draft | None, scenario: Scenario | None, provision_id: str,
            titled: bool) -> str:
    number = _number(draft, provision_id)
    if not titled or scenario is None:
        return number
    return translate("Wording.verdicts", "{clause} ({title})").format(
        clause=number, title=provision_title(scenario, provision_id))


def condition_words(settings: Sequence[Setting], draft: Draft | None,
                    scenario: Scenario | None = None, *, titled: bool = False) -> str:
    """Open points closed a certain way: "§12 is the Ukrainian formula and §14 is the US
    formula or the E3 formula" (alternatives of one clause are either-or)."""
    by_clause: dict[str, list[str]] = {}
    for pid, k, label in settings:
        by_clause.setdefault(pid, []).append(alternative_name(label, k, scenario))
    return series([translate("Wording.verdicts", "{clause} is {alternatives}").format(
                       clause=_clause(draft, scenario, pid, titled),
                       alternatives=series(names, "or"))
                   for pid, names in by_clause.items()])


def verdict_phrase(verdict: PartyVerdict, draft: Draft | None,
                   scenario: Scenario | None = None, *, titled: bool = False) -> str:
    """"accepts", "rejects" or "accepts if §12 is the Ukrainian formula"."""
    if verdict.verdict == "accepts-if":
        return translate("Wording.verdicts", "accepts if {condition}").format(
            condition=condition_words(verdict.accepts_if, draft, scenario, titled=titled))
    if verdict.verdict == "accepts":
        return translate("Wording.verdicts", "accepts")
    return translate("Wording.verdicts", "rejects")


def _article(pct: str) -> str:
    """"a" or "an" before a percentage as it is read aloud ("an 80%", "an 11%", "a 40%")."""
    digits = pct.rstrip("%")
    return "an" if digits.startswith("8") or digits in ("11", "18") else "a"


#: The chance a party accepts, by case: (as it reads, with "at worst" before it: while open
#: points may yet go the party's way).
_CHANCES: dict[str, tuple[str, str]] = {
    "none": (
        QT_TRANSLATE_NOOP("Wording.verdicts", "no chance {party} accepts: it crosses a red line "
                          "{party} holds for certain"),
        QT_TRANSLATE_NOOP("Wording.verdicts", "at worst no chance {party} accepts: it crosses "
                          "a red line {party} holds for certain")),
    "still": (
        QT_TRANSLATE_NOOP("Wording.verdicts", "{party} still accepts: every red line crossed is "
                          "one it is judged not to hold"),
        QT_TRANSLATE_NOOP("Wording.verdicts", "at worst {party} still accepts: every red line "
                          "crossed is one it is judged not to hold")),
    "over 99": (
        QT_TRANSLATE_NOOP("Wording.verdicts", "more than a 99% chance {party} accepts, treating "
                          "its red lines as independent"),
        QT_TRANSLATE_NOOP("Wording.verdicts", "at worst more than a 99% chance {party} accepts, "
                          "treating its red lines as independent")),
    "under 1": (
        QT_TRANSLATE_NOOP("Wording.verdicts", "less than 1% chance {party} accepts, treating "
                          "its red lines as independent"),
        QT_TRANSLATE_NOOP("Wording.verdicts", "at worst less than 1% chance {party} accepts, "
                          "treating its red lines as independent")),
    "an": (
        QT_TRANSLATE_NOOP("Wording.verdicts", "about an {percent} chance {party} accepts, "
                          "treating its red lines as independent"),
        QT_TRANSLATE_NOOP("Wording.verdicts", "at worst about an {percent} chance {party} "
                          "accepts, treating its red lines as independent")),
    "a": (
        QT_TRANSLATE_NOOP("Wording.verdicts", "about a {percent} chance {party} accepts, "
                          "treating its red lines as independent"),
        QT_TRANSLATE_NOOP("Wording.verdicts", "at worst about a {percent} chance {party} "
                          "accepts, treating its red lines as independent")),
}


def chance_words(verdict: PartyVerdict, *, open_draft: bool = False) -> str:
    """"about a 40% chance Russia accepts, treating its red lines as independent"; "certain to
    accept" when nothing that counts is crossed; "no chance ..." when a certain line is;
    "at worst ..." before it while open points may yet go the party's way."""
    name = short_name(verdict.name)
    if not verdict.violations:
        return translate("Wording.verdicts", "{party} accepts: no red line that counts is crossed"
                         ).format(party=name)
    x = verdict.acceptance_chance
    pct = percent(x)
    if x <= 0.0:
        case = "none"
    elif x >= 1.0:
        case = "still"
    elif pct == "100%":
        case = "over 99"
    elif pct == "0%":
        case = "under 1"
    else:
        case = _article(pct)
    worst = 1 if open_draft and verdict.verdict != "rejects" else 0
    return translate("Wording.verdicts", _CHANCES[case][worst]).format(party=name, percent=pct)


def coverage_words(verdict: PartyVerdict) -> str:
    """"62% of what it addresses; addresses 7 of 10 preferences"."""
    addressed, total = verdict.coverage
    if total == 0:
        return translate("Wording.verdicts", "no preferences stated")
    if addressed == 0:
        return translate("Wording.verdicts", "addresses none of its %n preference(s)", None,
                         total)
    return translate("Wording.verdicts", "{percent} of what it addresses; addresses "
                     "{addressed} of %n preference(s)", None, total).format(
        percent=percent(verdict.addressed_satisfaction), addressed=addressed)


def shown_satisfaction(verdict: PartyVerdict) -> float | None:
    """The satisfaction a person reads, everywhere words are produced and against the no-deal
    level: over what the draft addresses (:attr:`PartyVerdict.addressed_satisfaction`); None
    when the party states no preferences or the draft addresses none of them."""
    return verdict.addressed_satisfaction


def _against_no_deal(x: float, party: Party | None) -> tuple[str, float]:
    """Where satisfaction ``x`` stands against the party's no-deal level: ("none", 0) where it
    states none, else "at", "above" or "below" and the level."""
    level = getattr(party, "no_deal", None)
    if not isinstance(level, int | float):
        return "none", 0.0
    level = float(level)
    if percent(x) == percent(level):
        return "at", level
    return ("above" if x > level else "below"), level


def no_deal_words(verdict: PartyVerdict, party: Party | None) -> str:
    """Satisfaction over what the draft addresses against the no-deal level: "42%, above its
    no-deal level of 30%"; below it, that it would be better off without the deal."""
    x = shown_satisfaction(verdict)
    if x is None:
        return coverage_words(verdict)
    side, level = _against_no_deal(x, party)
    if side == "none":
        return percent(x)
    if side == "at":
        return translate("Wording.verdicts", "{satisfaction}, at its no-deal level").format(
            satisfaction=percent(x))
    if side == "above":
        return translate("Wording.verdicts", "{satisfaction}, above its no-deal level of "
                         "{level}").format(satisfaction=percent(x), level=percent(level))
    return translate("Wording.verdicts", "{satisfaction}, below its no-deal level of {level}: "
                     "{party} would be better off without this deal").format(
        satisfaction=percent(x), level=percent(level), party=short_name(verdict.name))


def satisfaction_sentence(verdict: PartyVerdict, party: Party | None) -> str:
    """"Satisfaction 62% of what it addresses; addresses 7 of 10 preferences, above its
    no-deal level of 30%." """
    addressed, total = verdict.coverage
    if total == 0:
        return translate("Wording.verdicts", "No preferences stated.")
    x = shown_satisfaction(verdict)
    if x is None:
        if addressed == 0:
            return translate("Wording.verdicts", "Satisfaction: it addresses none of its "
                             "%n preference(s).", None, total)
        return translate("Wording.verdicts", "Satisfaction: it {coverage}.").format(
            coverage=coverage_words(verdict))
    coverage = coverage_words(verdict)
    side, level = _against_no_deal(x, party)
    if side == "at":
        return translate("Wording.verdicts", "Satisfaction {coverage}, at its no-deal level."
                         ).format(coverage=coverage)
    if side == "above":
        return translate("Wording.verdicts", "Satisfaction {coverage}, above its no-deal level "
                         "of {level}.").format(coverage=coverage, level=percent(level))
    if side == "below":
        return translate("Wording.verdicts", "Satisfaction {coverage}, below its no-deal level "
                         "of {level}: {party} would be better off without this deal."
                         ).format(coverage=coverage, level=percent(level),
                                  party=short_name(verdict.name))
    return translate("Wording.verdicts", "Satisfaction {coverage}.").format(coverage=coverage)


def met_if_lines(verdict: PartyVerdict, draft: Draft | None, scenario: Scenario | None
                 ) -> list[str]:
    """Preferences met under some alternatives of the open points only: "◐ met if §16 is the
    US formula: ‘US-led three-way operation of the plant’", one per condition."""
    titles: dict[str, str] = {}
    if scenario is not None and verdict.party in scenario.party_index:
        titles = {p.id: p.title for p in scenario.party(verdict.party).preferences}
    by_condition: dict[str, list[str]] = {}
    for pid, cond in zip(verdict.undecided, verdict.met_if, strict=False):
        when = (condition_words(cond, draft, scenario) if cond
                else translate("Wording.verdicts", "an open point goes its way"))
        by_condition.setdefault(when, []).append(
            translate("Wording.verdicts", "‘{title}’").format(title=titles.get(pid, pid)))
    return [translate("Wording.verdicts", "◐ met if {condition}: {preferences}").format(
                condition=when, preferences=series(names))
            for when, names in by_condition.items()]


def not_addressed_titles(verdict: PartyVerdict, scenario: Scenario | None) -> list[str]:
    """The titles of the preferences the draft does not address, in the party's order."""
    titles: dict[str, str] = {}
    if scenario is not None and verdict.party in scenario.party_index:
        titles = {p.id: p.title for p in scenario.party(verdict.party).preferences}
    return [titles.get(pid, pid) for pid in verdict.not_addressed]


def violation_condition(under: Sequence[Setting], conditional: bool, draft: Draft | None,
                        scenario: Scenario | None = None) -> str:
    """When a crossed line reads open points: "if §12 is the US formula" (crossed under some
    alternatives), "whatever §12 says" (under all); empty for settled clauses."""
    if not under:
        return ""
    if conditional:
        return translate("Wording.verdicts", "if {condition}").format(
            condition=condition_words(under, draft, scenario))
    clauses = series([_number(draft, pid) for pid, _, _ in under])
    if len(under) == 1:
        return translate("Wording.verdicts", "whatever {clause} says").format(clause=clauses)
    return translate("Wording.verdicts", "whatever {clauses} say").format(clauses=clauses)


def open_point_text(clause: Clause, draft: Draft | None, scenario: Scenario | None) -> str:
    """"§12 (“Zaporizhzhia nuclear plant”) is open: the US formula or the Ukrainian
    formula"."""
    names = [alternative_name(a.label, k, scenario) for k, a in enumerate(clause.alternatives)]
    return translate("Wording.verdicts", "{clause} is open: {alternatives}").format(
        clause=_clause(draft, scenario, clause.provision, True), alternatives=series(names, "or"))


def open_points(draft: Draft, scenario: Scenario | None) -> list[str]:
    """Each open point of ``draft`` in draft order, as :func:`open_point_text`."""
    return [open_point_text(c, draft, scenario) for c in draft.clauses if c.alternatives]


def bound_words() -> str:
    """Why a verdict may miss a way out: the open points had too many combinations to try."""
    return translate("Wording.verdicts", "only the first {count} combinations of the open "
                     "points' alternatives were looked at").format(count=f"{COMBINATION_BOUND:,}")


def viability_words(report: Report, draft: Draft | None, scenario: Scenario | None = None,
                 *, titled: bool = False) -> str:
    """"Viable", "Viable if §12 is the Ukrainian formula" or "Not viable"."""
    if report.viable:
        return translate("Wording.verdicts", "Viable")
    if report.viable_if is not None:
        return translate("Wording.verdicts", "Viable if {condition}").format(
            condition=condition_words(report.viable_if, draft, scenario, titled=titled))
    return translate("Wording.verdicts", "Not viable")

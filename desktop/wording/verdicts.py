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
from desktop.wording.numbers import count, percent, plural
from desktop.wording.prose import in_sentence, provision_title, series

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
    "verdict_phrase",
    "viability_words",
    "violation_condition",
]

#: The two views of the red lines, as a menu or heading reads them.
STANCE_LABELS: dict[Stance, str] = {
    "stated": "Stated positions (every red line counts)",
    "assessed": "Assessed floors (stated demands are negotiable)",
}

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth")


def _ordinal(k: int) -> str:
    return _ORDINALS[k] if k < len(_ORDINALS) else f"number {k + 1}"


def alternative_name(label: str, k: int, scenario: Scenario | None = None) -> str:
    """An alternative as it reads after "is": "the Ukrainian formula", "the demilitarised
    zone"; "its second alternative" without a label."""
    label = " ".join(label.split())
    if not label:
        return f"its {_ordinal(k)} alternative"
    if label[:4].lower() == "the ":
        label = label[4:]
    return f"the {in_sentence(label, scenario)}"


def _number(draft: Draft | None, provision_id: str) -> str:
    i = draft.index_of(provision_id) if draft is not None else None
    return f"§{i + 1}" if i is not None else "a clause"


def _clause(draft: Draft | None, scenario: Scenario | None, provision_id: str,
            titled: bool) -> str:
    number = _number(draft, provision_id)
    if not titled or scenario is None:
        return number
    return f"{number} ({provision_title(scenario, provision_id)})"


def condition_words(settings: Sequence[Setting], draft: Draft | None,
                    scenario: Scenario | None = None, *, titled: bool = False) -> str:
    """Open points closed a certain way: "§12 is the Ukrainian formula and §14 is the US
    formula or the E3 formula" (alternatives of one clause are either-or)."""
    by_clause: dict[str, list[str]] = {}
    for pid, k, label in settings:
        by_clause.setdefault(pid, []).append(alternative_name(label, k, scenario))
    return series([f"{_clause(draft, scenario, pid, titled)} is {series(names, 'or')}"
                   for pid, names in by_clause.items()])


def verdict_phrase(verdict: PartyVerdict, draft: Draft | None,
                   scenario: Scenario | None = None, *, titled: bool = False) -> str:
    """"accepts", "rejects" or "accepts if §12 is the Ukrainian formula"."""
    if verdict.verdict == "accepts-if":
        return f"accepts if {condition_words(verdict.accepts_if, draft, scenario, titled=titled)}"
    return verdict.verdict


def _article(pct: str) -> str:
    """"a" or "an" before a percentage as it is read aloud ("an 80%", "an 11%", "a 40%")."""
    digits = pct.rstrip("%")
    return "an" if digits.startswith("8") or digits in ("11", "18") else "a"


def chance_words(verdict: PartyVerdict, *, open_draft: bool = False) -> str:
    """"about a 40% chance Russia accepts, treating its red lines as independent"; "certain to
    accept" when nothing that counts is crossed; "no chance ..." when a certain line is."""
    name = short_name(verdict.name)
    x = verdict.acceptance_chance
    worst = "at worst " if open_draft and verdict.verdict != "rejects" else ""
    if not verdict.violations:
        return f"{name} accepts: no red line that counts is crossed"
    if x <= 0.0:
        return (f"{worst}no chance {name} accepts: it crosses a red line {name} holds "
                "for certain")
    if x >= 1.0:
        return (f"{worst}{name} still accepts: every red line crossed is one it is "
                "judged not to hold")
    pct = percent(x)
    if pct == "100%":
        return (f"{worst}more than a 99% chance {name} accepts, treating its red lines as "
                "independent")
    if pct == "0%":
        pct = "less than 1%"
        return (f"{worst}{pct} chance {name} accepts, treating its red lines as independent")
    return (f"{worst}about {_article(pct)} {pct} chance {name} accepts, treating its red "
            "lines as independent")


def coverage_words(verdict: PartyVerdict) -> str:
    """"62% of what it addresses; addresses 7 of 10 preferences"."""
    addressed, total = verdict.coverage
    if total == 0:
        return "no preferences stated"
    if addressed == 0:
        return f"addresses none of its {count(total, 'preference')}"
    return (f"{percent(verdict.addressed_satisfaction)} of what it addresses; addresses "
            f"{addressed} of {total} {plural(total, 'preference')}")


def shown_satisfaction(verdict: PartyVerdict) -> float | None:
    """The satisfaction a person reads, everywhere words are produced and against the no-deal
    level: over what the draft addresses (:attr:`PartyVerdict.addressed_satisfaction`); None
    when the party states no preferences or the draft addresses none of them."""
    return verdict.addressed_satisfaction


def no_deal_words(verdict: PartyVerdict, party: Party | None) -> str:
    """Satisfaction over what the draft addresses against the no-deal level: "42%, above its
    no-deal level of 30%"; below it, that it would be better off without the deal."""
    x = shown_satisfaction(verdict)
    if x is None:
        return coverage_words(verdict)
    level = getattr(party, "no_deal", None)
    if not isinstance(level, int | float):
        return percent(x)
    level = float(level)
    if percent(x) == percent(level):
        return f"{percent(x)}, at its no-deal level"
    if x > level:
        return f"{percent(x)}, above its no-deal level of {percent(level)}"
    return (f"{percent(x)}, below its no-deal level of {percent(level)}: "
            f"{short_name(verdict.name)} would be better off without this deal")


def satisfaction_sentence(verdict: PartyVerdict, party: Party | None) -> str:
    """"Satisfaction 62% of what it addresses; addresses 7 of 10 preferences, above its
    no-deal level of 30%." """
    if verdict.coverage[1] == 0:
        return "No preferences stated."
    if shown_satisfaction(verdict) is None:
        return f"Satisfaction: it {coverage_words(verdict)}."
    _, _, tail = no_deal_words(verdict, party).partition(", ")
    return f"Satisfaction {coverage_words(verdict)}{', ' + tail if tail else ''}."


def met_if_lines(verdict: PartyVerdict, draft: Draft | None, scenario: Scenario | None
                 ) -> list[str]:
    """Preferences met under some alternatives of the open points only: "◐ met if §16 is the
    US formula: ‘US-led three-way operation of the plant’", one per condition."""
    titles: dict[str, str] = {}
    if scenario is not None and verdict.party in scenario.party_index:
        titles = {p.id: p.title for p in scenario.party(verdict.party).preferences}
    by_condition: dict[str, list[str]] = {}
    for pid, cond in zip(verdict.undecided, verdict.met_if, strict=False):
        when = condition_words(cond, draft, scenario) if cond else "an open point goes its way"
        by_condition.setdefault(when, []).append(f"‘{titles.get(pid, pid)}’")
    return [f"◐ met if {when}: {series(names)}" for when, names in by_condition.items()]


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
        return f"if {condition_words(under, draft, scenario)}"
    return f"whatever {series([_number(draft, pid) for pid, _, _ in under])} "\
           f"{'says' if len(under) == 1 else 'say'}"


def open_point_text(clause: Clause, draft: Draft | None, scenario: Scenario | None) -> str:
    """"§12 (“Zaporizhzhia nuclear plant”) is open: the US formula or the Ukrainian
    formula"."""
    names = [alternative_name(a.label, k, scenario) for k, a in enumerate(clause.alternatives)]
    return f"{_clause(draft, scenario, clause.provision, True)} is open: {series(names, 'or')}"


def open_points(draft: Draft, scenario: Scenario | None) -> list[str]:
    """Each open point of ``draft`` in draft order, as :func:`open_point_text`."""
    return [open_point_text(c, draft, scenario) for c in draft.clauses if c.alternatives]


def bound_words() -> str:
    return (f"only the first {COMBINATION_BOUND:,} combinations of the open points' "
            "alternatives were looked at")


def viability_words(report: Report, draft: Draft | None, scenario: Scenario | None = None,
                 *, titled: bool = False) -> str:
    """"Viable", "Viable if §12 is the Ukrainian formula" or "Not viable"."""
    if report.viable:
        return "Viable"
    if report.viable_if is not None:
        return f"Viable if {condition_words(report.viable_if, draft, scenario, titled=titled)}"
    return "Not viable"

"""One change the bridge finder proposes, as an instruction in the negotiator's words.

The verb says the direction: "Raise army personnel in “Ceiling on Ukraine's armed forces” from
600,000 to 800,000 personnel", "Lower …"; a choice or a yes/no param changes from one phrase to
another, in its own words: "Change policing in “Donbas arrangement” from “Russian National
Guard” to “Ukrainian police”", "Change IAEA supervision in “Zaporizhzhia nuclear plant” from
“without IAEA supervision” to “under IAEA supervision”"; "Add “US security guarantee”",
"Remove “Amnesty for wartime acts”", "Move “Elections in Ukraine” to phase 2". Labels, units
and choice labels come from the scenario (:mod:`desktop.wording.values`); the old value from
the draft the proposal was made for (the solver's change carries only the new one).

Two styles: ``"panel"`` is the sentence; ``"terminal"`` (``accord suggest``) adds the
provision's id as a bracketed reference, "… to 800,000 personnel [army-cap]". Why a change is
there is said by :func:`desktop.wording.bridge.change_reason`.

What an edit changed for the parties, for the window's verdict strip and change notices:
:func:`verdict_word` ("✓ Accepts"), :func:`satisfaction_words` ("42% (no deal 30%)"),
:func:`verdict_changes` ("Russia now rejects: ‘…’. The draft has no …"; "Europe now accepts")
and :func:`notice_entry` (the history's line, naming the edit or its undo).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from desktop.domain.checker import PartyVerdict, Report
from desktop.domain.params import BoolParam, ParamSpec, Value
from desktop.wording.labels import short_name
from desktop.wording.numbers import count, percent
from desktop.wording.prose import in_sentence, provision_title, series
from desktop.wording.reasons import explanation, report_summary
from desktop.wording.values import (
    CURRENCIES,
    derived_label,
    format_value,
    param_label,
    quantity,
    value_text,
)
from desktop.wording.verdicts import verdict_phrase

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its Change's shape is needed here
    from desktop.domain.model import Draft, Party, Scenario
    from desktop.domain.solver import Change
    from desktop.domain.solver.coalition import Option, Options

__all__ = [
    "ChangeStyle",
    "coalition_progress",
    "describe_change",
    "draft_notice",
    "no_deal",
    "notice_entry",
    "option_label",
    "options_summary",
    "provision_name",
    "satisfaction_move",
    "satisfaction_words",
    "verdict_changes",
    "verdict_move_word",
    "verdict_word",
]

ChangeStyle = Literal["terminal", "panel"]


def provision_name(scenario: Scenario | None, provision_id: str) -> str:
    """A provision by its title in quotation marks: “Ceiling on Ukraine's armed forces”."""
    return provision_title(scenario, provision_id)


def describe_change(change: Change, style: ChangeStyle = "terminal",
                    scenario: Scenario | None = None, draft: Draft | None = None) -> str:
    """The change as an instruction, without a full stop. ``scenario`` gives titles, labels,
    units and choice labels; ``draft`` (the draft the proposal was made for) the old value,
    and with it the verb ("Raise", "Lower", "Change … from … to …"); without it a value is
    "Set … to …"."""
    text = _sentence(change, scenario, draft)
    return f"{text} [{change.provision}]" if style == "terminal" else text


def _sentence(c: Change, scenario: Scenario | None, draft: Draft | None) -> str:
    title = provision_title(scenario, c.provision)
    match c.op:
        case "add":
            return f"Add {title}"
        case "remove":
            return f"Remove {title}"
        case "phase":
            return f"Move {title} to phase {c.phase}"
    prov = scenario.provision_index.get(c.provision) if scenario is not None else None
    spec = prov.param(c.param) if prov is not None and c.param is not None else None
    label = param_label(spec) if spec is not None else derived_label(c.param or "value")
    where = f"{in_sentence(label, scenario)} in {title}"
    if c.value is None:
        return f"Change {where}"
    old = _old_value(c, spec, draft)
    if isinstance(old, int | float) and _number(old) and _number(c.value):
        assert isinstance(c.value, int | float)
        verb = "Raise" if c.value > old else "Lower"
        return f"{verb} {where} from {_amount(old, spec, bare=True)} to {_amount(c.value, spec)}"
    if old is None:
        new = _amount(c.value, spec) if _number(c.value) else _words(spec, c.value)
        return f"Set {where} to {new}"
    return f"Change {where} from {_words(spec, old)} to {_words(spec, c.value)}"


def _old_value(c: Change, spec: ParamSpec | None, draft: Draft | None) -> Value | None:
    """The value the draft had: its clause's, or the param's default."""
    clause = draft.clause_for(c.provision) if draft is not None else None
    if clause is None or c.param is None:
        return None
    if c.param in clause.values:
        return clause.values[c.param]
    return spec.default if spec is not None else None


def _number(value: Value | None) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _amount(value: Value, spec: ParamSpec | None, bare: bool = False) -> str:
    """A number with the param's unit; ``bare`` (the "from" of "from 600,000 to 800,000
    personnel") leaves out a unit written after the number, which the "to" says."""
    unit = spec.unit if spec is not None else None
    if bare and unit and unit != "%" and unit not in CURRENCIES:
        unit = None
    assert isinstance(value, int | float)
    return quantity(value, unit)


def _words(spec: ParamSpec | None, value: Value) -> str:
    """A choice's label or a yes/no param's words, in quotation marks ("“Ukrainian police”",
    "“is not tied to the monitoring mechanism”"): they are phrases, and "from … to …" needs
    their ends marked."""
    if isinstance(value, bool) and not isinstance(spec, BoolParam):
        return f"“{format_value(value)}”"
    if isinstance(value, str) and spec is None:
        return f"“{derived_label(value)}”"
    return f"“{value_text(spec, value)}”"


# --------------------------------------------------------------------------- verdicts


def verdict_word(acceptable: bool) -> str:
    """A verdict as a mark and a word, readable without colour: "✓ Accepts", "✗ Rejects"."""
    return "✓ Accepts" if acceptable else "✗ Rejects"


def no_deal(party: Party | None) -> float | None:
    """The party's no-deal level (0..1), when the scenario states one."""
    value = getattr(party, "no_deal", None)
    return float(value) if isinstance(value, int | float) else None


def satisfaction_words(satisfaction: float | None, party: Party | None = None) -> str:
    """A party's satisfaction, against its no-deal level when it has one: "42%",
    "42% (no deal 30%)", "15% (below no deal 25%)"; "no preferences" for a party that states
    none."""
    if satisfaction is None:
        return "no preferences"
    level = no_deal(party)
    if level is None:
        return percent(satisfaction)
    below = "below " if satisfaction < level else ""
    return f"{percent(satisfaction)} ({below}no deal {percent(level)})"


def verdict_changes(before: Report | None, after: Report, scenario: Scenario | None = None,
                    why: bool = True, draft: Draft | None = None) -> tuple[str, ...]:
    """What an edit changed for the parties, most important first: each party whose verdict
    flipped ("Russia now rejects: ‘Ukraine's army capped at 600,000 or less’. The draft has no
    “Ceiling on Ukraine's armed forces”; …", "Europe now accepts."), then one sentence for the
    parties that kept their verdict but whose crossed red lines or satisfaction moved. Empty
    when ``before`` is None (nothing to compare with); "No verdict changed." when nothing
    moved. ``why=False`` leaves out the explanation after a red line's title (for one line)."""
    if before is None:
        return ()
    old = {v.party: v for v in before.parties}
    flips: list[str] = []
    moved: list[str] = []
    for verdict in after.parties:
        was = old.get(verdict.party)
        if was is None:
            continue
        party = scenario.party_index.get(verdict.party) if scenario is not None else None
        if _word(was) != _word(verdict):
            flips.append(_flip(was, verdict, scenario, why, draft))
        elif (text := _moved(was, verdict, party)) is not None:
            moved.append(text)
    if moved:
        flips.append(f"{'Also: ' if flips else ''}{'; '.join(moved)}.")
    return tuple(flips) or ("No verdict changed.",)


def _word(verdict: PartyVerdict) -> str:
    """"accepts", "accepts-if" or "rejects" (a report without open points: by acceptance)."""
    word = getattr(verdict, "verdict", None)
    if isinstance(word, str):
        return word
    return "accepts" if verdict.acceptable else "rejects"


def _flip(was: PartyVerdict, now: PartyVerdict, scenario: Scenario | None, why: bool,
          draft: Draft | None) -> str:
    name = short_name(now.name)
    if now.acceptable:
        return f"{name} now accepts."
    if _word(now) == "accepts-if":
        return f"{name} now {verdict_phrase(now, draft, scenario)}."
    known = {v.red_line for v in was.violations}
    new = [v for v in now.violations if v.red_line not in known] or list(now.violations)
    if not new:
        return f"{name} now rejects."
    first = new[0]
    more = f" (and {count(len(new) - 1, 'other red line')})" if len(new) > 1 else ""
    head = f"{name} now rejects: ‘{first.title}’{more}."
    return f"{head} {explanation(first.reasons, scenario, name)}" if why else head


def _moved(was: PartyVerdict, now: PartyVerdict, party: Party | None) -> str | None:
    """A party that kept its verdict: what moved, or None."""
    parts = []
    if len(was.violations) != len(now.violations):
        parts.append(f"{count(len(now.violations), 'red line')} crossed "
                     f"(was {len(was.violations)})")
    if (was.satisfaction is not None and now.satisfaction is not None
            and percent(was.satisfaction) != percent(now.satisfaction)):
        parts.append(f"satisfaction {percent(was.satisfaction)} → "
                     f"{satisfaction_words(now.satisfaction, party)}")
    if not parts:
        return None
    return f"{short_name(now.name)}: {', '.join(parts)}"


def draft_notice(title: str, report: Report | None) -> str:
    """After moving to another draft: "Now on “Berlin framework”. Not viable: 3 of 5 parties
    accept."."""
    if report is None:
        return f"Now on “{title}”."
    return f"Now on “{title}”. {report_summary(report)}."


def notice_entry(sentences: tuple[str, ...], action: str = "", undone: bool = False,
                 when: str = "") -> str:
    """One line of the change history: when, the edit (or its undo) and what it changed:
    "19:04 · Remove “Ceiling on Ukraine's armed forces” · Russia now rejects: …";
    "19:05 · Undo: Remove “…” · Russia now accepts."."""
    head = [when] if when else []
    if action:
        head.append(f"Undo: {action}" if undone else action)
    return " · ".join([*head, " ".join(sentences)])


# --------------------------------------------------------------------------- mediator options


def _names(scenario: Scenario | None, party_ids: tuple[str, ...]) -> list[str]:
    index = scenario.party_index if scenario is not None else {}
    return [short_name(index[p].name) if p in index else p for p in party_ids]


def option_label(option: Option, scenario: Scenario | None) -> str:
    """A coalition or relaxation as the choice list names it, what matters first: "4 of 5 agree
    (12 changes), without Russia"; "Relax 9 red lines (17 changes)"."""
    changes = count(option.proposal.cost, "change")
    if option.kind == "relaxation":
        return f"Relax {count(option.relaxed, 'red line')} ({changes})"
    total = len(option.parties) + len(option.left_out)
    out = series(_names(scenario, option.left_out))
    return f"{len(option.parties)} of {total} agree ({changes}), without {out}"


def options_summary(options: Options, total: int, scenario: Scenario | None) -> str:
    """Under "No agreement possible": what could work instead."""
    parts = []
    if options.largest is not None and options.coalitions:
        out = series(_names(scenario, options.coalitions[0].left_out))
        parts.append(f"The largest group that can agree is {options.largest} of {total} parties "
                      f"(without {out}).")
    elif options.complete:
        parts.append("No group of these parties can agree.")
    if not options.complete:
        parts.append("The time limit came before every group was tried: a larger one may exist.")
    if options.relaxation is not None:
        parts.append(f"Relaxing {count(options.relaxation.relaxed, 'red line')} would let all "
                     f"{total} agree.")
    if options.coalitions or options.relaxation is not None:
        parts.append("Choose a proposal below to see what it takes.")
    return " ".join(parts)


def coalition_progress(size: int) -> str:
    """Where the search for what could work instead is."""
    if size == 0:
        return "No agreement of all: working out the package once red lines are relaxed…"
    return f"No agreement of all: trying groups of {size} parties…"


_MARKS = {"accepts": "✓", "accepts-if": "◐", "rejects": "✗"}


def verdict_move_word(verdict: PartyVerdict, draft: Draft | None,
                      scenario: Scenario | None = None) -> str:
    """A checker's verdict with its mark, in the words of
    :func:`desktop.wording.verdicts.verdict_phrase`: "✓ accepts", "◐ accepts if §12 is the
    Ukrainian formula", "✗ rejects"."""
    return f"{_MARKS[verdict.verdict]} {verdict_phrase(verdict, draft, scenario)}"


def _addressed_move(old: PartyVerdict, new: PartyVerdict, party: Party | None) -> str:
    """Satisfaction over what the draft addresses (the one measure the words use, and the one
    set against the no-deal level), before → after: "satisfaction 20% → 62% of what it
    addresses (no deal 25%)"."""
    if new.coverage[1] == 0:
        return "no preferences"
    before, after = old.addressed_satisfaction, new.addressed_satisfaction
    if after is None:
        return f"satisfaction {percent(before, 'none addressed')} → addresses none of its " \
               "preferences"
    level = no_deal(party)
    tail = "" if level is None else (
        f" ({'below ' if after < level else ''}no deal {percent(level)})")
    return (f"satisfaction {percent(before, 'none addressed')} → {percent(after)} of what it "
            f"addresses{tail}")


def satisfaction_move(name: str, before: float | None, after: float | None,
                      accepted: bool, accepts: bool, party: Party | None = None, *,
                      verdicts: tuple[PartyVerdict | None, PartyVerdict | None] = (None, None),
                      drafts: tuple[Draft | None, Draft | None] = (None, None),
                      scenario: Scenario | None = None) -> str:
    """One party under a proposal, on two lines: its verdict, then its satisfaction, each
    before → after: "Ukraine: ✗ rejects → ✓ accepts" / "   satisfaction 15% → 62% (no deal
    25%)"; "Turkey: ✓ accepts" / "   satisfaction 64% → 64%". Given the checker's
    ``verdicts`` (before, after; with the ``drafts`` they judge, for an open point's words), an
    "accepts if" stays one: "Ukraine: ◐ accepts if §12 is the Ukrainian formula → ✓ accepts"."""
    old, new = verdicts
    if old is not None and new is not None:
        was = verdict_move_word(old, drafts[0], scenario)
        verdict = verdict_move_word(new, drafts[1], scenario)
        if was != verdict:
            verdict = f"{was} → {verdict}"
        return f"{name}: {verdict}\n   {_addressed_move(old, new, party)}"
    else:
        verdict = verdict_word(accepts).lower()
        if accepted != accepts:
            verdict = f"{verdict_word(accepted).lower()} → {verdict}"
    if before is None and after is None:
        return f"{name}: {verdict}\n   no preferences"
    return (f"{name}: {verdict}\n   satisfaction {percent(before)} → "
            f"{satisfaction_words(after, party)}")

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
from desktop.wording.numbers import percent
from desktop.wording.prose import in_sentence, provision_title, series
from desktop.wording.reasons import explanation, report_summary
from desktop.wording.translate import translate
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
            return translate("Wording.changes", "Add {title}").format(title=title)
        case "remove":
            return translate("Wording.changes", "Remove {title}").format(title=title)
        case "phase":
            return translate("Wording.changes", "Move {title} to phase {phase}").format(
                title=title, phase=c.phase)
    prov = scenario.provision_index.get(c.provision) if scenario is not None else None
    spec = prov.param(c.param) if prov is not None and c.param is not None else None
    if spec is not None:
        label = param_label(spec)
    elif c.param is not None:
        label = derived_label(c.param)
    else:
        label = translate("Wording.changes", "value")
    param = in_sentence(label, scenario)
    if c.value is None:
        return translate("Wording.changes", "Change {param} in {title}").format(
            param=param, title=title)
    old = _old_value(c, spec, draft)
    if isinstance(old, int | float) and _number(old) and _number(c.value):
        assert isinstance(c.value, int | float)
        text = (translate("Wording.changes", "Raise {param} in {title} from {old} to {new}")
                if c.value > old else
                translate("Wording.changes", "Lower {param} in {title} from {old} to {new}"))
        return text.format(param=param, title=title, old=_amount(old, spec, bare=True),
                           new=_amount(c.value, spec))
    if old is None:
        new = _amount(c.value, spec) if _number(c.value) else _words(spec, c.value)
        return translate("Wording.changes", "Set {param} in {title} to {new}").format(
            param=param, title=title, new=new)
    return translate("Wording.changes", "Change {param} in {title} from {old} to {new}").format(
        param=param, title=title, old=_words(spec, old), new=_words(spec, c.value))


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
    return (translate("Wording.changes", "✓ Accepts") if acceptable
            else translate("Wording.changes", "✗ Rejects"))


def _verdict_lower(acceptable: bool) -> str:
    """:func:`verdict_word` inside a line: "✓ accepts", "✗ rejects"."""
    return (translate("Wording.changes", "✓ accepts") if acceptable
            else translate("Wording.changes", "✗ rejects"))


def no_deal(party: Party | None) -> float | None:
    """The party's no-deal level (0..1), when the scenario states one."""
    value = getattr(party, "no_deal", None)
    return float(value) if isinstance(value, int | float) else None


def satisfaction_words(satisfaction: float | None, party: Party | None = None) -> str:
    """A party's satisfaction, against its no-deal level when it has one: "42%",
    "42% (no deal 30%)", "15% (below no deal 25%)"; "no preferences" for a party that states
    none."""
    if satisfaction is None:
        return translate("Wording.changes", "no preferences")
    level = no_deal(party)
    if level is None:
        return percent(satisfaction)
    text = (translate("Wording.changes", "{satisfaction} (below no deal {level})")
            if satisfaction < level else
            translate("Wording.changes", "{satisfaction} (no deal {level})"))
    return text.format(satisfaction=percent(satisfaction), level=percent(level))


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
        joined = translate("Wording.changes", "; ", "between the parties of a list").join(moved)
        flips.append(translate("Wording.changes", "Also: {moved}.").format(moved=joined) if flips
                     else translate("Wording.changes", "{moved}.").format(moved=joined))
    return tuple(flips) or (translate("Wording.changes", "No verdict changed."),)


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
        return translate("Wording.changes", "{party} now accepts.").format(party=name)
    if _word(now) == "accepts-if":
        return translate("Wording.changes", "{party} now {verdict}.").format(
            party=name, verdict=verdict_phrase(now, draft, scenario))
    known = {v.red_line for v in was.violations}
    new = [v for v in now.violations if v.red_line not in known] or list(now.violations)
    if not new:
        return translate("Wording.changes", "{party} now rejects.").format(party=name)
    first = new[0]
    if len(new) > 1:
        others = len(new) - 1  # a name: lupdate skips a call whose n is an expression
        head = translate("Wording.changes",
                         "{party} now rejects: ‘{red_line}’ (and %n other red line(s)).",
                         None, others).format(party=name, red_line=first.title)
    else:
        head = translate("Wording.changes", "{party} now rejects: ‘{red_line}’.").format(
            party=name, red_line=first.title)
    if not why:
        return head
    return translate("Wording.changes", "{sentence} {why}").format(
        sentence=head, why=explanation(first.reasons, scenario, name))


def _moved(was: PartyVerdict, now: PartyVerdict, party: Party | None) -> str | None:
    """A party that kept its verdict: what moved, or None."""
    parts = []
    if len(was.violations) != len(now.violations):
        crossed = len(now.violations)  # a name: lupdate skips a call whose n is an expression
        parts.append(translate("Wording.changes", "%n red line(s) crossed (was {before})", None,
                               crossed).format(before=len(was.violations)))
    if (was.satisfaction is not None and now.satisfaction is not None
            and percent(was.satisfaction) != percent(now.satisfaction)):
        parts.append(translate("Wording.changes", "satisfaction {before} → {after}").format(
            before=percent(was.satisfaction),
            after=satisfaction_words(now.satisfaction, party)))
    if not parts:
        return None
    return translate("Wording.changes", "{party}: {changes}").format(
        party=short_name(now.name),
        changes=translate("Wording.changes", ", ", "between the changes of a list").join(parts))


def draft_notice(title: str, report: Report | None) -> str:
    """After moving to another draft: "Now on “Berlin framework”. Not viable: 3 of 5 parties
    accept."."""
    if report is None:
        return translate("Wording.changes", "Now on “{title}”.").format(title=title)
    return translate("Wording.changes", "Now on “{title}”. {summary}.").format(
        title=title, summary=report_summary(report))


def notice_entry(sentences: tuple[str, ...], action: str = "", undone: bool = False,
                 when: str = "") -> str:
    """One line of the change history: when, the edit (or its undo) and what it changed:
    "19:04 · Remove “Ceiling on Ukraine's armed forces” · Russia now rejects: …";
    "19:05 · Undo: Remove “…” · Russia now accepts."."""
    head = [when] if when else []
    if action:
        head.append(translate("Wording.changes", "Undo: {action}").format(action=action)
                    if undone else action)
    return " · ".join([*head, " ".join(sentences)])


# --------------------------------------------------------------------------- mediator options


def _names(scenario: Scenario | None, party_ids: tuple[str, ...]) -> list[str]:
    index = scenario.party_index if scenario is not None else {}
    return [short_name(index[p].name) if p in index else p for p in party_ids]


def option_label(option: Option, scenario: Scenario | None) -> str:
    """A coalition or relaxation as the choice list names it, what matters first: "4 of 5 agree
    (12 changes), without Russia"; "Relax 9 red lines (17 changes)"."""
    cost = option.proposal.cost  # names: lupdate skips a call whose n is an expression
    changes = translate("Wording.changes", "%n change(s)", None, cost)
    if option.kind == "relaxation":
        relaxed = len(option.relaxed)
        return translate("Wording.changes", "Relax %n red line(s) ({changes})", None,
                         relaxed).format(changes=changes)
    total = len(option.parties) + len(option.left_out)
    return translate("Wording.changes", "{agree} of {total} agree ({changes}), without {out}"
                     ).format(agree=len(option.parties), total=total, changes=changes,
                              out=series(_names(scenario, option.left_out)))


def options_summary(options: Options, total: int, scenario: Scenario | None) -> str:
    """Under "No agreement possible": what could work instead."""
    parts = []
    if options.largest is not None and options.coalitions:
        out = series(_names(scenario, options.coalitions[0].left_out))
        parts.append(translate("Wording.changes", "The largest group that can agree is "
                               "{largest} of %n part(y/ies) (without {out}).", None, total
                               ).format(largest=options.largest, out=out))
    elif options.complete:
        parts.append(translate("Wording.changes", "No group of these parties can agree."))
    if not options.complete:
        parts.append(translate("Wording.changes", "The time limit came before every group was "
                               "tried: a larger one may exist."))
    if options.relaxation is not None:
        relaxed = len(options.relaxation.relaxed)  # a name, for lupdate
        parts.append(translate("Wording.changes", "Relaxing %n red line(s) would let all "
                               "{total} agree.", None, relaxed).format(total=total))
    if options.coalitions or options.relaxation is not None:
        parts.append(translate("Wording.changes", "Choose a proposal below to see what it "
                               "takes."))
    return " ".join(parts)


def coalition_progress(size: int) -> str:
    """Where the search for what could work instead is."""
    if size == 0:
        return translate("Wording.changes", "No agreement of all: working out the package once "
                         "red lines are relaxed…")
    return translate("Wording.changes", "No agreement of all: trying groups of %n part(y/ies)…",
                     None, size)


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
        return translate("Wording.changes", "no preferences")
    before, after = old.addressed_satisfaction, new.addressed_satisfaction
    was = percent(before, translate("Wording.changes", "none addressed"))
    if after is None:
        return translate("Wording.changes",
                         "satisfaction {before} → addresses none of its preferences").format(
            before=was)
    level = no_deal(party)
    if level is None:
        text = translate("Wording.changes", "satisfaction {before} → {after} of what it addresses")
    elif after < level:
        text = translate("Wording.changes", "satisfaction {before} → {after} of what it "
                         "addresses (below no deal {level})")
    else:
        text = translate("Wording.changes", "satisfaction {before} → {after} of what it "
                         "addresses (no deal {level})")
    return text.format(before=was, after=percent(after),
                       level=percent(level) if level is not None else "")


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
        verdict = _verdict_lower(accepts)
        if accepted != accepts:
            verdict = f"{_verdict_lower(accepted)} → {verdict}"
    if before is None and after is None:
        move = translate("Wording.changes", "no preferences")
    else:
        move = translate("Wording.changes", "satisfaction {before} → {after}").format(
            before=percent(before), after=satisfaction_words(after, party))
    return f"{name}: {verdict}\n   {move}"

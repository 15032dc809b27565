"""Why a draft fails, in the words of a negotiator: a violation's reasons, a conflict, a summary.

The checker reports as data -- each :class:`~desktop.domain.checker.Violation` carries its
reasons (:mod:`desktop.domain.reasons`), each :class:`~desktop.domain.checker.Conflict` its two
provisions -- and this is the only place that turns them into the sentences a person reads, in
the window, the terminal and the briefings:

* :func:`explanation` -- the sentences under a crossed red line, built from the rule's
  structure with titles, labels and formatted values: "Army personnel in “Ceiling on Ukraine's
  armed forces” is 600,000 personnel; Ukraine requires at least 800,000 personnel.";
* :func:`condition_text` -- a rule (or part of one) as a condition in words;
* :func:`detail` -- the machine form for scripts (``check --json``'s ``detail``):
  ``army-cap.personnel is 600000; needs >= 800000``;
* :func:`conflict_text` -- "“Neutrality” and “NATO membership” exclude each other.";
* :func:`report_summary` -- "Not viable: 2 of 4 parties accept, 1 conflict".

Without a scenario (a caller that has none) provisions and params are named by words made from
their ids; sentences stay sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import assert_never

from desktop.domain.checker import Conflict, Report
from desktop.domain.model import Provision, Scenario
from desktop.domain.params import ParamSpec, Value
from desktop.domain.reasons import (
    Comparison,
    Fact,
    InDraft,
    Membership,
    Missing,
    NoneHolds,
    PremiseFails,
    Reason,
    Required,
    Tally,
)
from desktop.domain.syntax import (
    And,
    Compare,
    Count,
    Implies,
    InList,
    Lit,
    Node,
    Not,
    Op,
    Or,
    Present,
    Ref,
    format_literal,
    format_operand,
    format_rule,
    mentioned,
)
from desktop.wording.prose import capitalised, in_sentence, series
from desktop.wording.translate import QT_TRANSLATE_NOOP, current_translator, translate
from desktop.wording.values import derived_label, param_label, value_text

__all__ = [
    "Speaker",
    "condition_text",
    "conflict_text",
    "detail",
    "explanation",
    "reason_text",
    "report_counts",
    "report_summary",
]

#: What a requirement says for each comparison but "==" (the value alone): "at least {value}".
_NEED: dict[Op, str] = {
    ">=": QT_TRANSLATE_NOOP("Wording.reasons", "at least {value}"),
    ">": QT_TRANSLATE_NOOP("Wording.reasons", "more than {value}"),
    "<=": QT_TRANSLATE_NOOP("Wording.reasons", "at most {value}"),
    "<": QT_TRANSLATE_NOOP("Wording.reasons", "less than {value}"),
    "!=": QT_TRANSLATE_NOOP("Wording.reasons", "anything but {value}"),
}
#: The same for a clause's phase.
_PHASE_NEED: dict[Op, str] = {
    ">=": QT_TRANSLATE_NOOP("Wording.reasons", "phase {phase} or later"),
    ">": QT_TRANSLATE_NOOP("Wording.reasons", "a phase after {phase}"),
    "<=": QT_TRANSLATE_NOOP("Wording.reasons", "phase {phase} or earlier"),
    "<": QT_TRANSLATE_NOOP("Wording.reasons", "a phase before {phase}"),
    "==": QT_TRANSLATE_NOOP("Wording.reasons", "phase {phase}"),
    "!=": QT_TRANSLATE_NOOP("Wording.reasons", "any phase but {phase}"),
}
#: What a requirement says for a phase compared with another clause's phase.
_PHASE_ORDER: dict[Op, str] = {
    "<": QT_TRANSLATE_NOOP("Wording.reasons", "an earlier phase than {title}"),
    "<=": QT_TRANSLATE_NOOP("Wording.reasons", "the phase of {title} or an earlier one"),
    ">": QT_TRANSLATE_NOOP("Wording.reasons", "a later phase than {title}"),
    ">=": QT_TRANSLATE_NOOP("Wording.reasons", "the phase of {title} or a later one"),
    "==": QT_TRANSLATE_NOOP("Wording.reasons", "the same phase as {title}"),
    "!=": QT_TRANSLATE_NOOP("Wording.reasons", "a different phase from {title}"),
}
#: Where a clause of a provision's text begins (the yes/no sentences quote that clause).
_CLAUSE_SEPARATORS = (". ", "; ", ", ", ": ", " and ", " but ")
#: A condition, as "X is ..." (for "if ..." and "when ...").
_IS: dict[Op, str] = {
    ">=": QT_TRANSLATE_NOOP("Wording.reasons", "{place} is at least {value}"),
    ">": QT_TRANSLATE_NOOP("Wording.reasons", "{place} is more than {value}"),
    "<=": QT_TRANSLATE_NOOP("Wording.reasons", "{place} is at most {value}"),
    "<": QT_TRANSLATE_NOOP("Wording.reasons", "{place} is less than {value}"),
    "==": QT_TRANSLATE_NOOP("Wording.reasons", "{place} is {value}"),
    "!=": QT_TRANSLATE_NOOP("Wording.reasons", "{place} is not {value}"),
}


def _need(op: Op, value: str) -> str:
    """A requirement on a value: "at least 800,000 personnel"; for "==" the value alone."""
    return value if op == "==" else translate("Wording.reasons", _NEED[op]).format(value=value)


@dataclass(frozen=True)
class Speaker:
    """Who holds the red line being explained, and the scenario its words come from."""

    scenario: Scenario | None = None
    party: str | None = None  # the party's name, the subject: "Ukraine requires ..."
    #: Provisions the sentence is already about: their params are named without "in “...”".
    here: frozenset[str] = frozenset()
    # Looked up once per speaker: a scenario's index is a property behind pydantic's attribute
    # hook, too slow to ask for each of a thousand titles.
    _index: dict[str, Provision] = field(init=False, repr=False, compare=False)
    _known: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        scenario = self.scenario
        index = scenario.provision_index if scenario is not None else {}
        known = scenario.derived(capitalised) if scenario is not None else frozenset()
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_known", known)

    @property
    def subject(self) -> str:
        return self.party or translate("Wording.reasons", "This red line")

    @property
    def plural(self) -> bool:
        """Whether the subject takes a plural verb: "European states require"."""
        return self.party is not None and _plural_name(self.party)

    def title(self, provision_id: str) -> str:
        """A provision by its title, in quotation marks: “Ceiling on Ukraine's armed forces”."""
        prov = self._index.get(provision_id)
        return f"“{prov.title if prov is not None else derived_label(provision_id)}”"

    def titles(self, provision_ids: Sequence[str], conjunction: str = "and") -> str:
        return series([self.title(p) for p in provision_ids], conjunction)

    def spec(self, ref: Ref) -> ParamSpec | None:
        prov = self._index.get(ref.provision)
        return prov.param(ref.param) if prov is not None else None

    def place(self, ref: Ref, inner: bool = False) -> str:
        """Where a value is, starting a sentence: "Army personnel in “Ceiling on ...”";
        ``inner``: inside a sentence, "army personnel in “...”"."""
        if ref.param == "phase":
            title = self.title(ref.provision)
            if inner:
                return translate("Wording.reasons", "the phase of {title}").format(title=title)
            return translate("Wording.reasons", "The phase of {title}").format(title=title)
        spec = self.spec(ref)
        label = param_label(spec) if spec is not None else _capital(derived_label(ref.param))
        if inner:
            label = self.lower_first(label)
        if ref.provision in self.here:
            return label
        return translate("Wording.reasons", "{param} in {title}").format(
            param=label, title=self.title(ref.provision))

    def inner_place(self, ref: Ref) -> str:
        """:meth:`place` inside a sentence: "army personnel in “...”"."""
        return self.place(ref, inner=True)

    def value(self, ref: Ref, value: Value) -> str:
        if ref.param == "phase":
            return translate("Wording.reasons", "phase {phase}").format(phase=value)
        spec = self.spec(ref)
        text = value_text(spec, value)
        if isinstance(value, bool):
            return f"“{text}”"  # the words for yes and no are quoted: "is “not tied”"
        return text

    def lower_first(self, text: str) -> str:
        """``text`` inside a sentence (:func:`~desktop.wording.prose.in_sentence`)."""
        return in_sentence(text, known=self._known)

    def said(self, ref: Ref, value: bool) -> str | None:
        """What the provision's own text says for a yes/no ``value`` of ``ref``: the clause of
        its text around the placeholder, filled with the param's words ("Russian forces do
        not pull back"). None when the text has no such clause with a subject of its own and
        no other placeholder (its value would be unknown here)."""
        prov = self._index.get(ref.provision)
        spec = self.spec(ref)
        if prov is None or spec is None:
            return None
        slot = "{" + ref.param + "}"
        at = prov.text.find(slot)
        if at < 0:
            return None
        start = max(prov.text.rfind(sep, 0, at) + len(sep) if prov.text.rfind(sep, 0, at) >= 0
                    else 0 for sep in _CLAUSE_SEPARATORS)
        ends = [i for i in (prov.text.find(c, at + len(slot)) for c in ".;,:") if i >= 0]
        clause = prov.text[start:min(ends, default=len(prov.text))].strip()
        subject = clause[:clause.find(slot)].strip()
        if len(subject) < 2 or "{" in clause.replace(slot, ""):
            return None
        return clause.replace(slot, value_text(spec, value))


#: Names ending in "s" that take a singular verb.
_SINGULAR_NAMES = ("United States", "Netherlands", "Philippines", "Bahamas", "Comoros",
                   "Seychelles", "Maldives", "Marshall Islands", "Solomon Islands", "Nations")


def _plural_name(name: str) -> bool:
    """Whether a party's name takes a plural verb: "European states require", but "the
    United States requires", "Russia requires"."""
    words = name.split()
    last = words[-1] if words else ""
    if not last.endswith("s") or last.endswith(("ss", "us", "is")):
        return False
    return not name.endswith(_SINGULAR_NAMES)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- explanations


def explanation(reasons: Sequence[Reason], scenario: Scenario | None = None,
                party: str | None = None) -> str:
    """Why a red line of ``party`` (its name) fails, in sentences, each ending in a full stop.

    ``scenario`` gives the titles, labels and units; without it, words are derived from ids.
    What a scenario's violation reads is kept with the scenario (its parties and provisions
    make the words; a draft edit keeps them), so an unchanged violation is worded once (in
    the language of the translator bound then: another one words it again).
    """
    if scenario is None:
        return _explain(Speaker(None, party), reasons)
    global _last  # the scenario asked about last: a card asks for each of its violations
    if _last is not None and _last[0] is scenario:
        said = _last[1]
    else:
        said = scenario.derived(_Said)
        _last = (scenario, said)
    if said.translator is not current_translator():  # the language changed: word them again
        said.texts.clear()
        said.translator = current_translator()
    key = (party, tuple(reasons))
    text = said.texts.get(key)
    if text is None:
        speaker = said.speakers.get(party)
        if speaker is None:
            speaker = said.speakers[party] = Speaker(scenario, party)
        if len(said.texts) >= _SAID_LIMIT:
            said.texts.clear()
        text = said.texts[key] = _explain(speaker, reasons)
    return text


def _explain(speaker: Speaker, reasons: Sequence[Reason]) -> str:
    return " ".join(_sentence(speaker, r) for r in reasons)


_last: tuple[Scenario, _Said] | None = None
#: How many worded violations a scenario keeps (a draft crossing every red line of the
#: 20-party benchmark has 400; a long session of edits may see many more).
_SAID_LIMIT = 20_000


class _Said:
    """What a scenario's violations read, and one speaker per party (built on first use)."""

    def __init__(self, scenario: Scenario) -> None:
        self.texts: dict[tuple[str | None, tuple[Reason, ...]], str] = {}
        self.speakers: dict[str | None, Speaker] = {}
        self.translator: object = current_translator()  # the texts' language


def reason_text(reason: Reason, scenario: Scenario | None = None,
                party: str | None = None) -> str:
    """One reason as a sentence (with its full stop)."""
    return _sentence(Speaker(scenario, party), reason)


def _sentence(s: Speaker, reason: Reason, when: str = "") -> str:
    """``reason`` as a sentence; ``when`` ("when the draft includes ...") qualifies the
    requirement for a reason found inside an implication."""
    match reason:
        case Missing(provisions=pids, needed_for=needed):
            return _missing(s, pids, needed, when)
        case InDraft(provision=pid):
            text = (translate("Wording.reasons",
                              "The draft includes {title}; {party} reject it{when}.")
                    if s.plural else
                    translate("Wording.reasons",
                              "The draft includes {title}; {party} rejects it{when}."))
            return text.format(title=s.title(pid), party=s.subject, when=_tail(when))
        case Comparison() | Membership() | Tally():
            return _requirement(s, *_have_need(s, reason), when)
        case NoneHolds(alternatives=alternatives):
            text = (translate("Wording.reasons", "{party} accept any one of several "
                              "alternatives{when}, and each fails: {failures}.")
                    if s.plural else
                    translate("Wording.reasons", "{party} accepts any one of several "
                              "alternatives{when}, and each fails: {failures}."))
            return text.format(party=s.subject, when=_tail(when),
                               failures=_clauses(_fragment(s, r) for r in alternatives))
        case Required(reason=inner, premise=premise, conclusion=conclusion):
            # "army-cap -> army-cap.personnel >= 800000" needs no "when the draft includes it".
            obvious = isinstance(premise, Present) and premise.provision in mentioned(conclusion)
            inner_when = when
            if not obvious:
                inner_when = translate("Wording.reasons", "when {condition}").format(
                    condition=condition_text(premise, s.scenario, s.party))
                if when:
                    inner_when = translate("Wording.reasons", "{when} and {also}").format(
                        when=when, also=inner_when)
            return _sentence(s, inner, inner_when)
        case PremiseFails(premise=premise):
            # "requires" whatever the subject, as the sentence always read
            return translate("Wording.reasons",
                             "{party} requires that {condition}{when}, and it does not.").format(
                party=s.subject, condition=condition_text(premise, s.scenario, s.party),
                when=_tail(when))
        case _:
            assert_never(reason)


def _tail(when: str, separator: str = " ") -> str:
    """The ``{when}`` of a sentence: empty, or the qualification after its separator."""
    return f"{separator}{when}" if when else ""


def _clauses(clauses: Iterable[str]) -> str:
    """Clauses in a row, each with its own subject: "a; b; c"."""
    return translate("Wording.reasons", "; ", "between the clauses of a list").join(clauses)


def _missing(s: Speaker, pids: Sequence[str], needed: Node | None, when: str) -> str:
    """The draft lacks ``pids``, which the party requires (``needed``: set a certain way)."""
    titles, party = s.titles(pids), s.subject
    if needed is None:
        if len(pids) == 1:
            text = (translate("Wording.reasons",
                              "The draft has no {titles}; {party} require it{when}.")
                    if s.plural else
                    translate("Wording.reasons",
                              "The draft has no {titles}; {party} requires it{when}."))
        else:
            text = (translate("Wording.reasons",
                              "The draft has no {titles}; {party} require them{when}.")
                    if s.plural else
                    translate("Wording.reasons",
                              "The draft has no {titles}; {party} requires them{when}."))
        return text.format(titles=titles, party=party, when=_tail(when))
    if len(pids) == 1:
        text = (translate("Wording.reasons",
                          "The draft has no {titles}; {party} require it, with {setting}{when}.")
                if s.plural else
                translate("Wording.reasons",
                          "The draft has no {titles}; {party} requires it, with {setting}{when}."))
    else:
        text = (translate("Wording.reasons", "The draft has no {titles}; {party} require them, "
                          "with {setting}{when}.")
                if s.plural else
                translate("Wording.reasons", "The draft has no {titles}; {party} requires them, "
                          "with {setting}{when}."))
    inside = Speaker(s.scenario, s.party, frozenset(pids))
    return text.format(titles=titles, party=party, setting=_setting(inside, needed),
                       when=_tail(when, ", "))


def _requirement(s: Speaker, have: str, verb: str, need: str, when: str) -> str:
    """What the draft has and what the party says of it: requires, rejects or accepts."""
    if verb == "rejects":
        text = (translate("Wording.reasons", "{have}; {party} reject {need}{when}.") if s.plural
                else translate("Wording.reasons", "{have}; {party} rejects {need}{when}."))
    elif verb == "accepts":
        text = (translate("Wording.reasons", "{have}; {party} accept {need}{when}.") if s.plural
                else translate("Wording.reasons", "{have}; {party} accepts {need}{when}."))
    else:
        text = (translate("Wording.reasons", "{have}; {party} require {need}{when}.") if s.plural
                else translate("Wording.reasons", "{have}; {party} requires {need}{when}."))
    return text.format(have=have, party=s.subject, need=need, when=_tail(when))


def _fragment(s: Speaker, reason: Reason) -> str:
    """A reason as a clause inside a list of alternatives that all fail, without a subject:
    "the draft has no “US security guarantee”", "policing in “...” is X, not Y"."""
    match reason:
        case Missing(provisions=pids):
            return translate("Wording.reasons", "the draft has no {titles}").format(
                titles=s.titles(pids))
        case InDraft(provision=pid):
            return translate("Wording.reasons", "the draft includes {title}").format(
                title=s.title(pid))
        case Comparison() | Membership() | Tally():
            have, verb, need = _have_need(s, reason, inner=True)
            if verb == "rejects":
                return translate("Wording.reasons", "{have}, which is ruled out").format(
                    have=have)
            return translate("Wording.reasons", "{have}, not {need}").format(have=have, need=need)
        case NoneHolds(alternatives=alternatives):
            return translate("Wording.reasons", "each of {clauses}").format(
                clauses=_clauses(_fragment(s, r) for r in alternatives))
        case Required(reason=inner):
            return _fragment(s, inner)
        case PremiseFails(premise=premise):
            return translate("Wording.reasons", "it is not the case that {condition}").format(
                condition=condition_text(premise, s.scenario, s.party))
        case _:
            assert_never(reason)


def _have_need(s: Speaker, reason: Comparison | Membership | Tally, inner: bool = False
               ) -> tuple[str, str, str]:
    """What the draft has (a sentence opening; ``inner``: inside a sentence), the party's verb
    ("requires", "rejects", "accepts": a key, not the text) and what follows it."""
    match reason:
        case Comparison():
            return _yes_no_in_words(s, reason, inner) or _compared(s, reason, inner)
        case Membership(fact=fact, items=items, member=member):
            have = translate("Wording.reasons", "{place} is {value}").format(
                place=s.place(fact.ref, inner), value=s.value(fact.ref, fact.value))
            values = [s.value(fact.ref, v) for v in items]
            if member:
                return have, "requires", series(values, "or")
            return have, "rejects", series(values, "and")
        case Tally(listed=listed, present=present, bound=bound, k=k):
            have = _tally(s, listed, present, bound == "at_least", inner)
            if bound == "at_least":
                return have, "requires", _need(">=", str(k))
            return have, "accepts", _need("<=", str(k))
        case _:
            assert_never(reason)


def _tally(s: Speaker, listed: Sequence[str], present: Sequence[str], at_least: bool,
           inner: bool) -> str:
    """Which of the listed provisions the draft has: "The draft has neither “A” nor “B”", "Of
    “A”, “B” and “C”, the draft has only “C”"."""
    if not present and len(listed) == 2:
        text = (translate("Wording.reasons", "the draft has neither {first} nor {second}")
                if inner else
                translate("Wording.reasons", "The draft has neither {first} nor {second}"))
        return text.format(first=s.title(listed[0]), second=s.title(listed[1]))
    if not present:
        text = (translate("Wording.reasons", "the draft has none of {titles}") if inner
                else translate("Wording.reasons", "The draft has none of {titles}"))
        return text.format(titles=s.titles(listed))
    if at_least:
        text = (translate("Wording.reasons", "of {listed}, the draft has only {present}")
                if inner else
                translate("Wording.reasons", "Of {listed}, the draft has only {present}"))
    else:
        text = (translate("Wording.reasons", "of {listed}, the draft has {present}") if inner
                else translate("Wording.reasons", "Of {listed}, the draft has {present}"))
    return text.format(listed=s.titles(listed), present=s.titles(present))


def _compared(s: Speaker, reason: Comparison, inner: bool) -> tuple[str, str, str]:
    facts, op, operand = reason.facts, reason.op, reason.operand
    left = facts[0]
    if left.ref.param == "phase":
        have = translate("Wording.reasons", "{title} comes in phase {phase}").format(
            title=s.title(left.ref.provision), phase=left.value)
    else:
        have = translate("Wording.reasons", "{place} is {value}").format(
            place=s.place(left.ref, inner), value=s.value(left.ref, left.value))
    if isinstance(operand, Ref):
        right = facts[1] if len(facts) > 1 else None
        shown = f" ({s.value(operand, right.value)})" if right is not None else ""
        if left.ref.param == operand.param == "phase":
            order = translate("Wording.reasons", _PHASE_ORDER[op]).format(
                title=s.title(operand.provision))
            return have, "requires", order + shown
        return have, "requires", _need(op, _the(s, operand)) + shown
    if left.ref.param == "phase":
        return have, "requires", translate("Wording.reasons", _PHASE_NEED[op]).format(
            phase=operand.value)
    if op == "!=":
        return have, "rejects", s.value(left.ref, operand.value)
    return have, "requires", _need(op, s.value(left.ref, operand.value))


def _yes_no_in_words(s: Speaker, reason: Comparison, inner: bool
                     ) -> tuple[str, str, str] | None:
    """A yes/no param compared with yes or no, in its provision's own words: "In “Donbas
    arrangement”, Russian forces do not pull back" / "requires" / "that Russian forces pull back
    by the same depth". None where the provision's text gives no such clause."""
    match reason:
        case Comparison(facts=(left,), op="==" | "!=" as op, operand=Lit(value=bool(want))):
            if not isinstance(left.value, bool):
                return None
            said = s.said(left.ref, left.value)
            needed = s.said(left.ref, want if op == "==" else not want)
            if said is None or needed is None:
                return None
            text = (translate("Wording.reasons", "in {title}, {clause}") if inner
                    else translate("Wording.reasons", "In {title}, {clause}"))
            have = text.format(title=s.title(left.ref.provision), clause=s.lower_first(said))
            return (have, "requires", translate("Wording.reasons", "that {clause}").format(
                clause=s.lower_first(needed)))
        case _:
            return None


def _the(s: Speaker, ref: Ref) -> str:
    """Another param as what a value is compared with: "the army personnel in “...”",
    "the phase of “...”"."""
    return translate("Wording.reasons", "the {place}").format(place=s.inner_place(ref))


# --------------------------------------------------------------------------- conditions


def condition_text(node: Node, scenario: Scenario | None = None,
                   party: str | None = None) -> str:
    """A rule, or part of one, as a condition in words (no capital, no full stop):
    "the draft includes “Donbas zone”", "army personnel in “...” is at least 800,000"."""
    return _condition(Speaker(scenario, party), node)


def _condition(s: Speaker, node: Node) -> str:  # one return per node kind
    match node:
        case Present(provision=pid):
            return translate("Wording.reasons", "the draft includes {title}").format(
                title=s.title(pid))
        case Compare():
            return _compare_condition(s, node)
        case InList(ref=ref, items=items):
            values = [s.value(ref, i.value) for i in items]
            return translate("Wording.reasons", "{place} is {value}").format(
                place=s.inner_place(ref), value=series(values, "or"))
        case Count(kind=kind, k=k, provisions=pids):
            text = (translate("Wording.reasons", "the draft includes at least {k} of {titles}")
                    if kind == "at_least" else
                    translate("Wording.reasons", "the draft includes at most {k} of {titles}"))
            return text.format(k=k, titles=s.titles(pids))
        case Not(operand=Present(provision=pid)):
            return translate("Wording.reasons", "the draft does not include {title}").format(
                title=s.title(pid))
        case Not(operand=InList(ref=ref, items=items)):
            values = [s.value(ref, i.value) for i in items]
            return translate("Wording.reasons", "{place} is not {value}").format(
                place=s.inner_place(ref), value=series(values, "or"))
        case Not(operand=inner):
            return translate("Wording.reasons", "it is not the case that {condition}").format(
                condition=_condition(s, inner))
        case And(operands=parts):
            return series([_condition(s, p) for p in parts], "and")
        case Or(operands=parts):
            return translate("Wording.reasons", "either {alternatives}").format(
                alternatives=series([_condition(s, p) for p in parts], "or"))
        case Implies(premise=premise, conclusion=conclusion):
            return translate("Wording.reasons", "if {premise}, then {conclusion}").format(
                premise=_condition(s, premise), conclusion=_condition(s, conclusion))
        case _:
            assert_never(node)


def _setting(s: Speaker, node: Node) -> str:
    """What a missing provision must say, after "with": "duration set to at least 20 years"
    (other conditions: the condition itself)."""
    match node:
        case Compare(left=left, op=op, right=Lit(value=value)) if left.param != "phase":
            return translate("Wording.reasons", "{place} set to {value}").format(
                place=s.inner_place(left), value=_need(op, s.value(left, value)))
        case InList(ref=ref, items=items):
            values = [s.value(ref, i.value) for i in items]
            return translate("Wording.reasons", "{place} set to {value}").format(
                place=s.inner_place(ref), value=series(values, "or"))
        case _:
            return _condition(s, node)


def _compare_condition(s: Speaker, node: Compare) -> str:
    left, op, right = node.left, node.op, node.right
    if left.param == "phase" and isinstance(right, Lit):
        return translate("Wording.reasons", "{title} is in {phase}").format(
            title=s.title(left.provision),
            phase=translate("Wording.reasons", _PHASE_NEED[op]).format(phase=right.value))
    value = _the(s, right) if isinstance(right, Ref) else s.value(left, right.value)
    return translate("Wording.reasons", _IS[op]).format(place=s.inner_place(left), value=value)


# --------------------------------------------------------------------------- machine form


def detail(reasons: Sequence[Reason]) -> str:
    """The machine form of an explanation, for scripts: ids, operators and literals as the rule
    language writes them (``army-cap.personnel is 600000; needs >= 800000``). Never shown to a
    person: ``check --json`` carries it as ``detail`` beside the sentence."""
    return "; ".join(_detail(r) for r in reasons)


def _detail(reason: Reason) -> str:
    match reason:
        case Missing(provisions=pids, needed_for=needed_for):
            if needed_for is None:
                return f"missing: {', '.join(pids)}"
            return f"missing: {', '.join(pids)} (needed for {format_rule(needed_for)})"
        case InDraft(provision=pid):
            return f"{pid} is in the draft"
        case Comparison(facts=facts, op=op, operand=operand):
            return f"{'; '.join(_fact(f) for f in facts)}; needs {op} {format_operand(operand)}"
        case Membership(fact=fact, items=items, member=member):
            verb = "needs one of" if member else "must not be one of"
            listed = ", ".join(format_literal(v) for v in items)
            return f"{_fact(fact)}; {verb} [{listed}]"
        case Tally(listed=listed, present=present, bound="at_least", k=k):
            have = ", ".join(present) if present else "none"
            return (f"{len(present)} of [{', '.join(listed)}] present ({have}); "
                    f"needs at least {k}")
        case Tally(listed=listed, present=present, k=k):
            return (f"{len(present)} of [{', '.join(listed)}] present ({', '.join(present)}); "
                    f"allows at most {k}")
        case NoneHolds(alternatives=alternatives):
            return "none of these holds: " + " / ".join(_detail(r) for r in alternatives)
        case Required(reason=inner, premise=premise, conclusion=conclusion):
            obvious = isinstance(premise, Present) and premise.provision in mentioned(conclusion)
            suffix = "" if obvious else f" (required when {format_rule(premise)})"
            return _detail(inner) + suffix
        case PremiseFails(premise=premise):
            return f"{format_rule(premise)} does not hold"
        case _:
            assert_never(reason)


def _fact(fact: Fact) -> str:
    return f"{fact.ref.provision}.{fact.ref.param} is {format_literal(fact.value)}"


# --------------------------------------------------------------------------- the rest


def conflict_text(conflict: Conflict, scenario: Scenario | None = None) -> str:
    """Two clauses of the draft that exclude each other, as a sentence."""
    s = Speaker(scenario)
    a, b = conflict.provisions
    return translate("Wording.reasons",
                     "{first} and {second} exclude each other: the draft cannot hold both."
                     ).format(first=s.title(a), second=s.title(b))


def report_counts(report: Report) -> str:
    """How many parties accept, and the conflicts: "2 of 4 parties accept, 1 conflict" (what
    :func:`report_summary` says after its verdict)."""
    n = len(report.parties)
    if not report.conflicts:
        return translate("Wording.reasons", "{accepting} of %n part(y/ies) accept", None,
                         n).format(accepting=report.accepting)
    clashes = len(report.conflicts)  # a name: lupdate skips a call whose n is an expression
    conflicts = translate("Wording.reasons", "%n conflict(s)", None, clashes)
    return translate("Wording.reasons", "{accepting} of %n part(y/ies) accept, {conflicts}",
                     None, n).format(accepting=report.accepting, conflicts=conflicts)


def report_summary(report: Report) -> str:
    """One line for a status bar: "Not viable: 2 of 4 parties accept, 1 conflict"."""
    if report.viable:
        head = translate("Wording.reasons", "Viable")
    elif report.viable_if is None:
        head = translate("Wording.reasons", "Not viable")
    else:
        head = translate("Wording.reasons", "Viable if its open points are closed a certain way")
    return translate("Wording.reasons", "{verdict}: {counts}").format(
        verdict=head, counts=report_counts(report))

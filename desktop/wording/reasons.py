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

from collections.abc import Sequence
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
from desktop.wording.numbers import count, plural
from desktop.wording.prose import capitalised, in_sentence, series
from desktop.wording.values import derived_label, param_label, value_text

__all__ = [
    "Speaker",
    "condition_text",
    "conflict_text",
    "detail",
    "explanation",
    "reason_text",
    "report_summary",
]

#: What a requirement says for each comparison, before the value.
_NEED: dict[Op, str] = {
    ">=": "at least ", ">": "more than ", "<=": "at most ", "<": "less than ",
    "==": "", "!=": "anything but ",
}
#: The same for a clause's phase.
_PHASE_NEED: dict[Op, str] = {
    ">=": "phase {} or later", ">": "a phase after {}", "<=": "phase {} or earlier",
    "<": "a phase before {}", "==": "phase {}", "!=": "any phase but {}",
}
#: What a requirement says for a phase compared with another clause's phase.
_PHASE_ORDER: dict[Op, str] = {
    "<": "an earlier phase than {}", "<=": "the phase of {} or an earlier one",
    ">": "a later phase than {}", ">=": "the phase of {} or a later one",
    "==": "the same phase as {}", "!=": "a different phase from {}",
}
#: Where a clause of a provision's text begins (the yes/no sentences quote that clause).
_CLAUSE_SEPARATORS = (". ", "; ", ", ", ": ", " and ", " but ")
#: A condition, as "X is ..." (for "if ..." and "when ...").
_IS: dict[Op, str] = {
    ">=": "is at least ", ">": "is more than ", "<=": "is at most ", "<": "is less than ",
    "==": "is ", "!=": "is not ",
}
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
        return self.party or "This red line"

    def verb(self, singular: str) -> str:
        """``singular`` ("requires") agreeing with the subject: "European states require"."""
        return singular.removesuffix("s") if _plural_name(self.subject) else singular

    def title(self, provision_id: str) -> str:
        """A provision by its title, in quotation marks: “Ceiling on Ukraine's armed forces”."""
        prov = self._index.get(provision_id)
        return f"“{prov.title if prov is not None else derived_label(provision_id)}”"

    def titles(self, provision_ids: Sequence[str], conjunction: str = "and") -> str:
        return series([self.title(p) for p in provision_ids], conjunction)

    def spec(self, ref: Ref) -> ParamSpec | None:
        prov = self._index.get(ref.provision)
        return prov.param(ref.param) if prov is not None else None

    def place(self, ref: Ref) -> str:
        """Where a value is, starting a sentence: "Army personnel in “Ceiling on ...”"."""
        if ref.param == "phase":
            return f"The phase of {self.title(ref.provision)}"
        spec = self.spec(ref)
        label = param_label(spec) if spec is not None else _capital(derived_label(ref.param))
        return label if ref.provision in self.here else f"{label} in {self.title(ref.provision)}"

    def inner_place(self, ref: Ref) -> str:
        """:meth:`place` inside a sentence: "army personnel in “...”"."""
        return self.lower_first(self.place(ref))

    def value(self, ref: Ref, value: Value) -> str:
        if ref.param == "phase":
            return f"phase {value}"
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
    return not name.endswith(_SINGULAR_NAMES) and name != "This red line"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------- explanations


def explanation(reasons: Sequence[Reason], scenario: Scenario | None = None,
                party: str | None = None) -> str:
    """Why a red line of ``party`` (its name) fails, in sentences, each ending in a full stop.

    ``scenario`` gives the titles, labels and units; without it, words are derived from ids.
    What a scenario's violation reads is kept with the scenario (its parties and provisions
    make the words; a draft edit keeps them), so an unchanged violation is worded once.
    """
    if scenario is None:
        return _explain(Speaker(None, party), reasons)
    global _last  # the scenario asked about last: a card asks for each of its violations
    if _last is not None and _last[0] is scenario:
        said = _last[1]
    else:
        said = scenario.derived(_Said)
        _last = (scenario, said)
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


def reason_text(reason: Reason, scenario: Scenario | None = None,
                party: str | None = None) -> str:
    """One reason as a sentence (with its full stop)."""
    return _sentence(Speaker(scenario, party), reason)


def _sentence(s: Speaker, reason: Reason, when: str = "") -> str:
    """``reason`` as a sentence; ``when`` ("when the draft includes ...") qualifies the
    requirement for a reason found inside an implication."""
    cond = f" {when}" if when else ""
    match reason:
        case Missing(provisions=pids, needed_for=needed):
            what = "it" if len(pids) == 1 else "them"
            if needed is None:
                return (f"The draft has no {s.titles(pids)}; "
                        f"{s.subject} {s.verb('requires')} {what}{cond}.")
            inside = Speaker(s.scenario, s.party, frozenset(pids))
            return (f"The draft has no {s.titles(pids)}; {s.subject} {s.verb('requires')} "
                    f"{what}, with {_setting(inside, needed)}{',' if cond else ''}{cond}.")
        case InDraft(provision=pid):
            return (f"The draft includes {s.title(pid)}; "
                    f"{s.subject} {s.verb('rejects')} it{cond}.")
        case Comparison() | Membership() | Tally():
            have, verb, need = _have_need(s, reason)
            return f"{have}; {s.subject} {s.verb(verb)} {need}{cond}."
        case NoneHolds(alternatives=alternatives):
            failures = "; ".join(_fragment(s, r) for r in alternatives)
            return (f"{s.subject} {s.verb('accepts')} any one of several alternatives{cond}, "
                    f"and each fails: {failures}.")
        case Required(reason=inner, premise=premise, conclusion=conclusion):
            # "army-cap -> army-cap.personnel >= 800000" needs no "when the draft includes it".
            obvious = isinstance(premise, Present) and premise.provision in mentioned(conclusion)
            inner_when = when
            if not obvious:
                inner_when = f"when {condition_text(premise, s.scenario, s.party)}"
                if when:
                    inner_when = f"{when} and {inner_when}"
            return _sentence(s, inner, inner_when)
        case PremiseFails(premise=premise):
            return (f"{s.subject} requires that "
                    f"{condition_text(premise, s.scenario, s.party)}{cond}, and it does not.")
        case _:
            assert_never(reason)


def _fragment(s: Speaker, reason: Reason) -> str:
    """A reason as a clause inside a list of alternatives that all fail, without a subject:
    "the draft has no “US security guarantee”", "policing in “...” is X, not Y"."""
    match reason:
        case Missing(provisions=pids):
            return f"the draft has no {s.titles(pids)}"
        case InDraft(provision=pid):
            return f"the draft includes {s.title(pid)}"
        case Comparison() | Membership() | Tally():
            have, verb, need = _have_need(s, reason)
            joint = ", which is ruled out" if verb == "rejects" else f", not {need}"
            return f"{s.lower_first(have)}{joint}"
        case NoneHolds(alternatives=alternatives):
            return "each of " + "; ".join(_fragment(s, r) for r in alternatives)
        case Required(reason=inner):
            return _fragment(s, inner)
        case PremiseFails(premise=premise):
            return f"it is not the case that {condition_text(premise, s.scenario, s.party)}"
        case _:
            assert_never(reason)


def _have_need(s: Speaker, reason: Comparison | Membership | Tally) -> tuple[str, str, str]:
    """What the draft has (a sentence opening), the party's verb ("requires", "rejects",
    "accepts") and what follows it."""
    match reason:
        case Comparison():
            return _yes_no_in_words(s, reason) or _compared(s, reason)
        case Membership(fact=fact, items=items, member=member):
            have = f"{s.place(fact.ref)} is {s.value(fact.ref, fact.value)}"
            values = [s.value(fact.ref, v) for v in items]
            if member:
                return have, "requires", series(values, "or")
            return have, "rejects", series(values, "and")
        case Tally(listed=listed, present=present, bound=bound, k=k):
            if not present:
                have = (f"The draft has neither {s.titles(listed, 'nor')}" if len(listed) == 2
                        else f"The draft has none of {s.titles(listed)}")
            else:
                only = "only " if bound == "at_least" else ""
                have = f"Of {s.titles(listed)}, the draft has {only}{s.titles(present)}"
            if bound == "at_least":
                return have, "requires", f"at least {k}"
            return have, "accepts", f"at most {k}"
        case _:
            assert_never(reason)


def _compared(s: Speaker, reason: Comparison) -> tuple[str, str, str]:
    facts, op, operand = reason.facts, reason.op, reason.operand
    left = facts[0]
    have = f"{s.place(left.ref)} is {s.value(left.ref, left.value)}"
    if left.ref.param == "phase":
        have = f"{s.title(left.ref.provision)} comes in phase {left.value}"
    if isinstance(operand, Ref):
        right = facts[1] if len(facts) > 1 else None
        shown = f" ({s.value(operand, right.value)})" if right is not None else ""
        if left.ref.param == operand.param == "phase":
            return have, "requires", _PHASE_ORDER[op].format(s.title(operand.provision)) + shown
        return have, "requires", f"{_NEED[op]}the {_of(s, operand)}{shown}"
    if left.ref.param == "phase":
        return have, "requires", _PHASE_NEED[op].format(operand.value)
    if op == "!=":
        return have, "rejects", s.value(left.ref, operand.value)
    return have, "requires", f"{_NEED[op]}{s.value(left.ref, operand.value)}"


def _yes_no_in_words(s: Speaker, reason: Comparison) -> tuple[str, str, str] | None:
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
            return (f"In {s.title(left.ref.provision)}, {s.lower_first(said)}", "requires",
                    f"that {s.lower_first(needed)}")
        case _:
            return None


def _of(s: Speaker, ref: Ref) -> str:
    """ "army personnel in “...”" after "the": "the phase of “...”"."""
    return s.inner_place(ref)


# --------------------------------------------------------------------------- conditions


def condition_text(node: Node, scenario: Scenario | None = None,
                   party: str | None = None) -> str:
    """A rule, or part of one, as a condition in words (no capital, no full stop):
    "the draft includes “Donbas zone”", "army personnel in “...” is at least 800,000"."""
    return _condition(Speaker(scenario, party), node)


def _condition(s: Speaker, node: Node) -> str:  # one return per node kind
    match node:
        case Present(provision=pid):
            return f"the draft includes {s.title(pid)}"
        case Compare():
            return _compare_condition(s, node)
        case InList(ref=ref, items=items):
            values = [s.value(ref, i.value) for i in items]
            return f"{s.inner_place(ref)} is {series(values, 'or')}"
        case Count(kind=kind, k=k, provisions=pids):
            bound = "at least" if kind == "at_least" else "at most"
            return f"the draft includes {bound} {k} of {s.titles(pids)}"
        case Not(operand=Present(provision=pid)):
            return f"the draft does not include {s.title(pid)}"
        case Not(operand=InList(ref=ref, items=items)):
            values = [s.value(ref, i.value) for i in items]
            return f"{s.inner_place(ref)} is not {series(values, 'or')}"
        case Not(operand=inner):
            return f"it is not the case that {_condition(s, inner)}"
        case And(operands=parts):
            return series([_condition(s, p) for p in parts], "and")
        case Or(operands=parts):
            return "either " + series([_condition(s, p) for p in parts], "or")
        case Implies(premise=premise, conclusion=conclusion):
            return f"if {_condition(s, premise)}, then {_condition(s, conclusion)}"
        case _:
            assert_never(node)


def _setting(s: Speaker, node: Node) -> str:
    """What a missing provision must say, after "with": "duration set to at least 20 years"
    (other conditions: "where" and the condition)."""
    match node:
        case Compare(left=left, op=op, right=Lit(value=value)) if left.param != "phase":
            if op == "!=":
                return f"{s.inner_place(left)} set to anything but {s.value(left, value)}"
            return f"{s.inner_place(left)} set to {_NEED[op]}{s.value(left, value)}"
        case InList(ref=ref, items=items):
            values = [s.value(ref, i.value) for i in items]
            return f"{s.inner_place(ref)} set to {series(values, 'or')}"
        case _:
            return f"{_condition(s, node)}"


def _compare_condition(s: Speaker, node: Compare) -> str:
    left, op, right = node.left, node.op, node.right
    if left.param == "phase" and isinstance(right, Lit):
        return f"{s.title(left.provision)} is in {_PHASE_NEED[op].format(right.value)}"
    if isinstance(right, Ref):
        return f"{s.inner_place(left)} {_IS[op]}the {_of(s, right)}"
    return f"{s.inner_place(left)} {_IS[op]}{s.value(left, right.value)}"


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
    return f"{s.title(a)} and {s.title(b)} exclude each other: the draft cannot hold both."


def report_summary(report: Report) -> str:
    """One line for a status bar: "Not viable: 2 of 4 parties accept, 1 conflict"."""
    n = len(report.parties)
    head = ("Viable" if report.viable else "Not viable" if report.viable_if is None
            else "Viable if its open points are closed a certain way")
    text = f"{head}: {report.accepting} of {n} {plural(n, 'party')} accept"
    if report.conflicts:
        text += f", {count(report.conflicts, 'conflict')}"
    return text


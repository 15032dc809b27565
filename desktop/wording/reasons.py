"""Why a draft fails, in words: a violation's reasons, a conflict, a report's one-line summary.

The checker reports as data -- each :class:`~desktop.domain.checker.Violation` carries its
reasons (:mod:`desktop.domain.reasons`), each :class:`~desktop.domain.checker.Conflict` its two
provisions -- and this is the only place that turns them into the sentences a person reads, in
the window, the terminal and the briefings:

* :func:`explanation` -- the line under a crossed red line
  ("army-cap.personnel is 600000; needs >= 800000"); :func:`reason_text` words one reason;
* :func:`conflict_text` -- "guarantee and neutral exclude each other";
* :func:`report_summary` -- "Not viable: 2 of 4 parties accept, 1 conflict".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from desktop.domain.checker import Conflict, Report
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
from desktop.domain.syntax import Present, format_literal, format_operand, format_rule, mentioned
from desktop.wording.numbers import count, plural

__all__ = ["conflict_text", "explanation", "reason_text", "report_summary"]


def explanation(reasons: Sequence[Reason]) -> str:
    """Why a rule fails, in one line: its reasons' sentences joined by "; "."""
    return "; ".join(reason_text(r) for r in reasons)


def reason_text(reason: Reason) -> str:
    """One reason as a sentence (without a full stop)."""
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
            return "none of these holds: " + " / ".join(reason_text(r) for r in alternatives)
        case Required(reason=inner, premise=premise, conclusion=conclusion):
            # "army-cap -> army-cap.personnel >= 800000" needs no "(required when army-cap)".
            obvious = isinstance(premise, Present) and premise.provision in mentioned(conclusion)
            suffix = "" if obvious else f" (required when {format_rule(premise)})"
            return reason_text(inner) + suffix
        case PremiseFails(premise=premise):
            return f"{format_rule(premise)} does not hold"
        case _:
            assert_never(reason)


def _fact(fact: Fact) -> str:
    return f"{fact.ref.provision}.{fact.ref.param} is {format_literal(fact.value)}"


def conflict_text(conflict: Conflict) -> str:
    """Two clauses of the draft that exclude each other: "a and b exclude each other"."""
    a, b = conflict.provisions
    return f"{a} and {b} exclude each other"


def report_summary(report: Report) -> str:
    """One line for a status bar: "Not viable: 2 of 4 parties accept, 1 conflict"."""
    n = len(report.parties)
    head = "Viable" if report.viable else "Not viable"
    text = f"{head}: {report.accepting} of {n} {plural(n, 'party')} accept"
    if report.conflicts:
        text += f", {count(report.conflicts, 'conflict')}"
    return text

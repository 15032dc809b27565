"""Reasons in words: the sentences of a violation's explanation, made from reason data.

The rule module explains in structure (:mod:`desktop.domain.reasons`); this is the only place
that turns those reasons into the sentences a person reads ("army-cap.personnel is 600000;
needs >= 800000"). Callers take it from :mod:`desktop.wording.reasons`, the words' public home.

Why it is in the domain: :attr:`desktop.domain.checker.Violation.explanation` is read, after a
plain :func:`desktop.domain.check`, by code that imports no wording (the CLI, the window, the
briefings, the solver, tests); keeping that string exact while the domain never imports
:mod:`desktop.wording` needs the sentences here. Once those callers word ``Violation.reasons``
themselves, this module moves to :mod:`desktop.wording.reasons` unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

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

"""Why a rule fails, as data: one frozen dataclass per kind of reason, and no sentences.

:func:`desktop.domain.rules.explain` returns these; the checker keeps them on each
:class:`~desktop.domain.checker.Violation`. Each reason says what the draft holds, what the rule
needed and which clauses are responsible (:attr:`culprits`); :attr:`missing` names provisions
whose absence it reports. The words a person reads are made from them by
:mod:`desktop.wording.reasons`.

Pure data: imports nothing of Accord but :mod:`desktop.domain.syntax` and
:mod:`desktop.domain.params`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from desktop.domain.params import Value
from desktop.domain.syntax import Compare, InList, Lit, Node, Op, Ref

_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Fact:
    """What the draft holds: ``ref`` (``X.param``, or ``X.phase``) has ``value``."""

    ref: Ref
    value: Value


@dataclass(frozen=True, slots=True)
class Missing:
    """The rule needs provisions the draft lacks: by name, or to read a param of in
    ``needed_for`` (a comparison, which is false without them)."""

    provisions: tuple[str, ...]
    needed_for: Compare | InList | None = None

    @property
    def culprits(self) -> frozenset[str]:
        return _NONE  # there is no clause to point at

    @property
    def missing(self) -> frozenset[str]:
        return frozenset(self.provisions)


@dataclass(frozen=True, slots=True)
class InDraft:
    """The rule needs ``provision`` absent, and the draft has it."""

    provision: str

    @property
    def culprits(self) -> frozenset[str]:
        return frozenset({self.provision})

    @property
    def missing(self) -> frozenset[str]:
        return _NONE


@dataclass(frozen=True, slots=True)
class Comparison:
    """A comparison fails: the draft holds ``facts`` (its left side, then a referenced right
    side), and the rule needs the left side ``op`` ``operand``."""

    facts: tuple[Fact, ...]
    op: Op
    operand: Ref | Lit

    @property
    def culprits(self) -> frozenset[str]:
        return frozenset(f.ref.provision for f in self.facts)

    @property
    def missing(self) -> frozenset[str]:
        return _NONE


@dataclass(frozen=True, slots=True)
class Membership:
    """An ``in [...]`` fails: the draft holds ``fact``, and the rule needs it to be one of
    ``items`` (``member``) or none of them (not ``member``)."""

    fact: Fact
    items: tuple[Value, ...]
    member: bool

    @property
    def culprits(self) -> frozenset[str]:
        return frozenset({self.fact.ref.provision})

    @property
    def missing(self) -> frozenset[str]:
        return _NONE


@dataclass(frozen=True, slots=True)
class Tally:
    """A count fails: of ``listed``, the draft has ``present``; the rule needs ``bound`` ``k``
    of them (a negated count already turned around: ``not at_most(2, ...)`` needs at least 3)."""

    listed: tuple[str, ...]
    present: tuple[str, ...]
    bound: Literal["at_least", "at_most"]
    k: int

    @property
    def culprits(self) -> frozenset[str]:
        # Too many: the present ones are to blame. Too few: there is no clause to point at.
        return frozenset(self.present) if self.bound == "at_most" else _NONE

    @property
    def missing(self) -> frozenset[str]:
        return _NONE


@dataclass(frozen=True, slots=True)
class NoneHolds:
    """A disjunction fails: every one of its ``alternatives`` fails, each for its reason."""

    alternatives: tuple[Reason, ...]

    @property
    def culprits(self) -> frozenset[str]:
        return _union(r.culprits for r in self.alternatives)

    @property
    def missing(self) -> frozenset[str]:
        return _NONE  # stated inside the alternatives, never deduplicated against others


@dataclass(frozen=True, slots=True)
class Required:
    """An implication fails: ``premise`` holds (because of ``premise_reasons``) and its
    ``conclusion`` fails because of ``reason``."""

    reason: Reason
    premise: Node
    conclusion: Node
    premise_reasons: tuple[Reason, ...]

    @property
    def culprits(self) -> frozenset[str]:
        return self.reason.culprits | _union(r.culprits for r in self.premise_reasons)

    @property
    def missing(self) -> frozenset[str]:
        return self.reason.missing


@dataclass(frozen=True, slots=True)
class PremiseFails:
    """An implication that must not hold holds because its ``premise`` fails."""

    premise: Node

    @property
    def culprits(self) -> frozenset[str]:
        return _NONE

    @property
    def missing(self) -> frozenset[str]:
        return _NONE


Reason: TypeAlias = (
    Missing | InDraft | Comparison | Membership | Tally | NoneHolds | Required | PremiseFails
)


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*sets)


def dedupe(reasons: Sequence[Reason]) -> list[Reason]:
    """Drop reasons that only repeat an absence already reported ("missing: x" twice)."""
    said: set[str] = set()
    out: list[Reason] = []
    for r in reasons:
        if r.missing and r.missing <= said:
            continue
        said |= r.missing
        out.append(r)
    return out

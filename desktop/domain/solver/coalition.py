"""What a mediator asks next when no agreement of every chosen party exists: which parties
can agree, and what would it take; and what the draft would need once the red lines to relax
are set aside.

* :func:`mediator_options` tries the chosen parties' subsets largest first with
  :func:`~desktop.domain.solver.find_bridge` (every red line of the subset that counts under
  the call's ``stance`` must hold, as for a full agreement). The first size at which some
  subsets can agree is the largest coalition;
  each such subset comes with its proposal. A party that none of them includes then gets the
  largest coalition that does include it, so nobody is left without an answer. A subset that
  contains the parties of a proven clash is skipped without a solve: its red lines cannot all
  hold. The time limit covers the whole search; an answer cut short says so
  (:attr:`Options.complete`).
* Given the red lines to relax (a :class:`~desktop.domain.solver.BridgeResult`'s ``relax``),
  the same question is asked of the scenario without them: the fewest changes after which
  every chosen party accepts, once those lines are relaxed.

Certificates: every proposal is re-checked with :func:`~desktop.domain.checker.check` under
the same ``stance``, like the rest of the solver's answers: each party it counts on must accept
it (on the scenario without the relaxed lines, for a relaxation) and no two clauses may
exclude each other;
otherwise :class:`~desktop.domain.solver.CertificateError`. Each option carries every party's
satisfaction and verdict (the checker's own, "accepts if" included) before and after, from the
checker on the real scenario under that stance.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Literal

from desktop.domain.checker import PartyVerdict, Report, check
from desktop.domain.model import Draft, Scenario, Stance
from desktop.domain.solver.types import (
    BridgeResult,
    CancelToken,
    CertificateError,
    ClashItem,
    Proposal,
)

__all__ = ["Option", "Options", "mediator_options"]

OptionKind = Literal["coalition", "relaxation"]
#: The bridge finder's signature (``find_bridge``), for a caller that runs another.
Finder = Callable[..., BridgeResult]


@dataclass(frozen=True, slots=True)
class Option:
    """One answer: ``parties`` whose red lines all hold (a coalition; for a relaxation, every
    chosen party, with the ``relaxed`` red lines set aside), ``left_out`` (the chosen parties a
    coalition does without), the proposal that does it, and every party's satisfaction and
    verdict on the draft (``before``) and with the proposal (``after``), on the real scenario.
    ``optimal``: the fewest changes for these parties are proven."""

    kind: OptionKind
    parties: tuple[str, ...]
    left_out: tuple[str, ...]
    relaxed: tuple[ClashItem, ...]
    proposal: Proposal
    before: dict[str, float | None]
    after: dict[str, float | None]
    accepts_before: dict[str, bool]
    accepts_after: dict[str, bool]
    optimal: bool
    #: Every party's verdict on the draft and with the proposal (the checker's, under the
    #: options' stance: "accepts", "accepts-if" with its condition, or "rejects").
    verdicts_before: dict[str, PartyVerdict] = field(default_factory=dict)
    verdicts_after: dict[str, PartyVerdict] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Options:
    """``coalitions``: the largest coalitions that can agree (``largest`` parties each), then for
    each chosen party left out of all of them the largest that includes it. ``complete``: every
    subset that had to be tried was tried in time (false: a larger coalition may exist among
    those not tried). ``relaxation``: the package once the red lines to relax are set aside."""

    coalitions: tuple[Option, ...] = ()
    largest: int | None = None
    complete: bool = True
    relaxation: Option | None = None
    cancelled: bool = False
    #: The view the red lines were taken under (``check()``'s ``stance``).
    stance: Stance = "assessed"


def mediator_options(scenario: Scenario, draft: Draft, *, parties: Sequence[str] | None = None,
                     relax: Sequence[ClashItem] = (), time_limit: float = 20.0,
                     workers: int = 2, cancel: CancelToken | None = None,
                     find_bridge: Finder | None = None,
                     progress: Callable[[int], None] | None = None,
                     stance: Stance = "assessed") -> Options:
    """The largest coalitions of ``parties`` (default: every party) that can agree on a change
    of ``draft``, and, with ``relax``, the package once those red lines are relaxed; within
    ``time_limit`` seconds in all, the red lines that count under ``stance`` (as
    :func:`~desktop.domain.checker.check`) holding. ``progress`` hears the size of the
    coalitions being tried (0: the relaxation). ``find_bridge`` is the finder to ask (the
    real one by default)."""
    if find_bridge is None:
        from desktop.domain.solver.bridge import find_bridge as real

        find_bridge = real
    chosen = list(parties) if parties is not None else [p.id for p in scenario.parties]
    search = _Search(scenario, draft, time_limit, workers, cancel, find_bridge, stance)
    coalitions, largest, complete = search.coalitions(chosen, progress)
    relaxation = None
    if relax and not search.stopped():
        if progress is not None:
            progress(0)
        relaxation = search.relaxation(chosen, relax)
    return Options(tuple(coalitions), largest, complete and not search.out_of_time,
                   relaxation, cancelled=cancel is not None and cancel.cancelled,
                   stance=stance)


class _Search:
    def __init__(self, scenario: Scenario, draft: Draft, time_limit: float, workers: int,
                 cancel: CancelToken | None, find: Finder, stance: Stance) -> None:
        self.scenario, self.draft, self.workers, self.cancel, self.find = (
            scenario, draft, workers, cancel, find)
        self.stance: Stance = stance
        self.deadline = time.monotonic() + time_limit
        self.out_of_time = False
        self.before = check(scenario, draft, stance=stance)

    def stopped(self) -> bool:
        if self.cancel is not None and self.cancel.cancelled:
            return True
        if time.monotonic() >= self.deadline:
            self.out_of_time = True
            return True
        return False

    def solve(self, scenario: Scenario, subset: Sequence[str]) -> BridgeResult | None:
        if self.stopped():
            return None
        kw: dict[str, Any] = {"parties": list(subset), "alternatives": 0, "clashes": 1,
                              "time_limit": max(0.1, self.deadline - time.monotonic()),
                              "workers": self.workers, "cancel": self.cancel,
                              "stance": self.stance}
        return self.find(scenario, self.draft, **kw)

    # -- coalitions

    def coalitions(self, chosen: list[str], progress: Callable[[int], None] | None
                   ) -> tuple[list[Option], int | None, bool]:
        clashing: list[frozenset[str]] = []  # party sets whose red lines cannot all hold
        found: list[Option] = []
        largest: int | None = None
        complete = True
        uncovered = set(chosen)
        for size in range(len(chosen) - 1, 0, -1):
            if not uncovered:
                break
            if progress is not None:
                progress(size)
            here, tried_all = self._size(chosen, size, uncovered, clashing)
            complete = complete and tried_all
            if here and largest is None:
                largest = size
            found.extend(here)
            for option in here:
                uncovered -= set(option.parties)
            if self.stopped():
                complete = False
                break
        return found, largest, complete

    def _size(self, chosen: list[str], size: int, uncovered: set[str],
              clashing: list[frozenset[str]]) -> tuple[list[Option], bool]:
        """The coalitions of ``size`` that can agree, among those including a party not yet
        covered; and whether every one of those was tried."""
        here: list[Option] = []
        for subset in combinations(chosen, size):
            members = frozenset(subset)
            if not members & uncovered or any(c <= members for c in clashing):
                continue
            result = self.solve(self.scenario, subset)
            if result is None:
                return here, False
            if result.feasible and result.proposal is not None:
                here.append(self._option("coalition", self.scenario, subset, chosen, (),
                                         result))
            elif result.proven_infeasible:
                sets = [frozenset(i.party for i in clash) for clash in result.clashes]
                clashing.extend(sets or [members])
        return here, True

    # -- relaxation

    def relaxation(self, chosen: list[str], relax: Sequence[ClashItem]) -> Option | None:
        relaxed = relaxed_scenario(self.scenario, relax)
        result = self.solve(relaxed, chosen)
        if result is None or not result.feasible or result.proposal is None:
            return None
        return self._option("relaxation", relaxed, chosen, chosen, tuple(relax), result)

    # -- certificate

    def _option(self, kind: OptionKind, scenario: Scenario, subset: Iterable[str],
                chosen: list[str], relaxed: tuple[ClashItem, ...], result: BridgeResult
                ) -> Option:
        proposal = result.proposal
        assert proposal is not None
        members = tuple(subset)
        candidate = self.draft.model_copy(update={"clauses": proposal.clauses})
        # The red lines that count under the stance, as in the finder's own certificate.
        certified = check(scenario, candidate, stance=self.stance)
        failing = [f"{v.party}: {x.red_line}" for v in certified.parties if v.party in members
                   for x in v.violations]
        failing += [" excludes ".join(c.provisions) for c in certified.conflicts]
        if failing:
            raise CertificateError(f"a {kind} proposal failed the checker: " + "; ".join(failing))
        # The real scenario under the same view, for before → after.
        after = check(self.scenario, candidate, stance=self.stance)
        return Option(kind, members, tuple(p for p in chosen if p not in members), relaxed,
                      proposal, _satisfaction(self.before), _satisfaction(after),
                      _accepts(self.before), _accepts(after), result.optimal,
                      _verdicts(self.before), _verdicts(after))


def _satisfaction(report: Report) -> dict[str, float | None]:
    return {v.party: v.satisfaction for v in report.parties}


def _accepts(report: Report) -> dict[str, bool]:
    return {v.party: v.acceptable for v in report.parties}


def _verdicts(report: Report) -> dict[str, PartyVerdict]:
    return {v.party: v for v in report.parties}


def relaxed_scenario(scenario: Scenario, relax: Sequence[ClashItem]) -> Scenario:
    """``scenario`` without the red lines in ``relax`` (validated anew, so its indexes and
    compiled rules are its own)."""
    dropped = {(item.party, item.red_line) for item in relax}
    parties = tuple(
        p.model_copy(update={"red_lines": tuple(r for r in p.red_lines
                                                if (p.id, r.id) not in dropped)})
        for p in scenario.parties)
    fields = {name: getattr(scenario, name) for name in Scenario.model_fields}
    fields["parties"] = parties
    return Scenario.model_validate(fields)

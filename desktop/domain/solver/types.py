"""What the bridge finder answers, and how a caller stops it: the public types."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Literal

from desktop.domain.model import Clause, Value

ChangeOp = Literal["add", "remove", "set", "phase"]


# --------------------------------------------------------------------------- API


class BeyondExactSolver(ValueError):
    """The scenario's magnitudes or decimals cannot be encoded exactly in 64-bit integers.

    ``str(err)`` is one sentence for a person, naming the provision and param."""


class CertificateError(RuntimeError):
    """An answer failed its independent re-check. This is a bug in Accord, never a result:
    callers report it as an internal error and show no answer."""


@dataclass(frozen=True, slots=True)
class Change:
    op: ChangeOp
    provision: str
    reason: str
    param: str | None = None
    value: Value | None = None
    phase: int | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    changes: tuple[Change, ...]
    clauses: tuple[Clause, ...]
    satisfaction: dict[str, float | None]
    cost: int


@dataclass(frozen=True, slots=True)
class ClashItem:
    party: str
    red_line: str
    title: str
    rule: str


@dataclass(frozen=True, slots=True)
class BridgeResult:
    """What the bridge finder found.

    ``feasible``: a proposal every chosen party accepts exists (and is ``proposal``).
    ``optimal``: everything reported was proven (fewest changes, or no agreement and minimal
    clashes and the fewest red lines to relax); false when a time limit cut the search short.
    ``proven_infeasible``: no agreement is possible, proven; false when there is a proposal or
    when the time ran out before either was known. ``clashes``: distinct minimal clash sets,
    each re-verified (``clash`` is the first). ``notes``: what is partial, in words.
    """

    feasible: bool
    optimal: bool
    status: str
    proposal: Proposal | None
    alternatives: tuple[Proposal, ...]
    clashes: tuple[tuple[ClashItem, ...], ...] = ()
    relax: tuple[ClashItem, ...] = ()
    proven_infeasible: bool = False
    notes: tuple[str, ...] = ()

    @property
    def clash(self) -> tuple[ClashItem, ...]:
        return self.clashes[0] if self.clashes else ()


@dataclass(frozen=True, slots=True)
class FrontierPoint:
    satisfaction: tuple[float, float]
    clauses: tuple[Clause, ...]
    nash: bool
    egalitarian: bool


class CancelToken:
    """Thread-safe: :meth:`cancel` stops the running solve (CP-SAT ``StopSearch``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._solver: Any | None = None

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._solver is not None:
                self._solver.stop_search()

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def _attach(self, solver: Any | None) -> None:
        with self._lock:
            self._solver = solver
            if solver is not None and self._cancelled:
                solver.stop_search()


class Cancelled(Exception):
    pass


class OutOfTime(Exception):
    """The call's deadline passed while a model was being built."""


"""What the bridge finder answers, and how a caller stops it: the public types."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Literal

from desktop.domain.model import Clause, Stance, Value

ChangeOp = Literal["add", "remove", "set", "phase", "close"]
#: How a call ended: a proven optimum, the best found in time, no agreement (proven), nothing
#: found in time, or cancelled. ``desktop.wording.bridge`` says each in words.
Status = Literal["optimal", "best-found", "no-agreement", "no-proposal", "cancelled"]
#: What of an answer is partial or worth knowing (``Note.count`` says how many, where it
#: matters). ``desktop.wording.bridge`` says each in words.
NoteKind = Literal[
    "no-answer-in-time",       # neither a proposal nor a proof of no agreement in time
    "no-alternatives-in-time",  # the draft is acceptable; no alternatives were searched
    "reasons-not-worked-out",  # some changes' reasons were not worked out in time
    "fewer-alternatives",      # fewer alternatives than asked for were searched in time
    "clashes-not-found",       # no agreement, but its clashes were not found in time
    "clashes-not-proven",      # only the clashes proven minimal in time are shown
    "all-clashes-found",       # only ``count`` distinct clashes exist
    "relax-not-found",         # the red lines to relax were not found in time
    "relax-not-proven",        # the red lines to relax are the cheapest found, not proven
    "relax-not-canonical",     # cheapest, but which ones may depend on the draft (time ran out)
    "open-bound",              # too many combinations of open points: the proposal closes them
]


# --------------------------------------------------------------------------- API


class BeyondExactSolver(ValueError):
    """The scenario's magnitudes or decimals cannot be encoded exactly in 64-bit integers.

    ``str(err)`` is one sentence for a person, naming the provision and param."""


class CertificateError(RuntimeError):
    """An answer failed its independent re-check. This is a bug in Accord, never a result:
    callers report it as an internal error and show no answer."""


@dataclass(frozen=True, slots=True)
class Need:
    """A red line of a chosen party that fails when the change is reverted on its own."""

    party: str
    party_name: str
    red_line: str
    title: str


@dataclass(frozen=True, slots=True)
class Gain:
    """A party whose satisfaction the change raises (and no red line needs it)."""

    party: str
    party_name: str
    before: float
    after: float


@dataclass(frozen=True, slots=True)
class Why:
    """Why a change is in a proposal, as data: the red lines that need it, the exclusions it
    resolves (pairs of provisions, in draft order), or else the satisfaction it adds. All empty:
    it is needed only together with the other changes. ``losses``: the chosen parties whose
    satisfaction it lowers (``before`` is with the change undone): what they give."""

    needs: tuple[Need, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()
    gains: tuple[Gain, ...] = ()
    losses: tuple[Gain, ...] = ()


@dataclass(frozen=True, slots=True)
class Link:
    """Give and take between two parties within one proposal: ``a`` accepts the changes
    ``a_gives`` (indices into the proposal's changes: changes ``b``'s red lines or satisfaction
    want, which lower ``a``'s satisfaction) if ``b`` accepts ``b_gives`` (the other way round).
    Each side's changes depend on the other's: drop one side and its party has no reason to
    accept the other."""

    a: str
    a_name: str
    a_gives: tuple[int, ...]
    b: str
    b_name: str
    b_gives: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a proposal. ``why`` is None when the time limit came before its reason
    was worked out. ``close``: the open clause is closed on its ``alternative``-th value set
    (0-based); ``set`` changes of that clause then count from that alternative's values.
    ``cost``: what the change counts as (the scenario's ``costs``)."""

    op: ChangeOp
    provision: str
    why: Why | None = None
    param: str | None = None
    value: Value | None = None
    phase: int | None = None
    alternative: int | None = None
    cost: float = 0.0


#: Where a search is: building the model, the three objective stages, then (no agreement) the
#: clashes and the red lines to relax.
Stage = Literal["building", "no-deal", "fewest-changes", "fairest", "most-satisfying",
                "salient", "clashes", "relax"]


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a search is, for a progress line (``desktop.wording.bridge`` says it):
    ``alternative`` 0 is the main proposal; ``cost`` is the number of changes of the cheapest
    proposal once known."""

    stage: Stage
    alternative: int = 0
    cost: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    kind: NoteKind
    count: int = 0


@dataclass(frozen=True, slots=True)
class BelowNoDeal:
    """A chosen party the proposal leaves below its no-deal level: it would be better off
    without this deal."""

    party: str
    party_name: str
    satisfaction: float
    no_deal: float


@dataclass(frozen=True, slots=True)
class Proposal:
    """``cost`` is the number of changes; ``total_cost`` what they count as together (each
    change's ``cost``), which the finder minimises. ``below_no_deal``: the chosen parties it
    leaves below their no-deal level (empty unless no package keeps every party at or above)."""

    changes: tuple[Change, ...]
    clauses: tuple[Clause, ...]
    satisfaction: dict[str, float | None]
    cost: int
    total_cost: float = 0.0
    below_no_deal: tuple[BelowNoDeal, ...] = ()
    #: Give and take between pairs of chosen parties (empty when no change lowers a party's
    #: satisfaction for another's sake).
    links: tuple[Link, ...] = ()
    #: Each chosen party's satisfaction over what the proposal addresses (the checker's
    #: ``addressed_satisfaction``: the measure the words use and no deal is held against;
    #: None when it addresses none of the party's preferences). ``satisfaction`` is over
    #: every preference, the scale the fairness stages optimise.
    addressed: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ClashItem:
    """A red line of a chosen party. ``cost``: what relaxing it costs (set on the red lines to
    relax; not part of equality)."""

    party: str
    red_line: str
    title: str
    rule: str
    cost: float | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class BridgeResult:
    """What the bridge finder found.

    ``feasible``: a proposal every chosen party accepts exists (and is ``proposal``).
    ``optimal``: everything reported was proven (the cheapest changes, or no agreement and
    minimal clashes and the cheapest red lines to relax, canonical); false when a time limit
    cut the search short.
    ``proven_infeasible``: no agreement is possible, proven; false when there is a proposal or
    when the time ran out before either was known. ``clashes``: distinct minimal clash sets,
    each re-verified (``clash`` is the first). ``relax``: the cheapest set of red lines whose
    relaxation makes some agreement possible, ``relax_cost`` what it costs; the question
    does not involve the draft, and ``relax_independent`` is true when the set itself is the
    one every draft gets (the canonical choice among the cheapest was completed in time).
    ``notes``: what is partial (data; the wording module says them).
    """

    feasible: bool
    optimal: bool
    status: Status
    proposal: Proposal | None
    alternatives: tuple[Proposal, ...]
    clashes: tuple[tuple[ClashItem, ...], ...] = ()
    relax: tuple[ClashItem, ...] = ()
    proven_infeasible: bool = False
    notes: tuple[Note, ...] = ()
    relax_cost: float | None = None
    relax_independent: bool = False
    #: The view the red lines were taken under (as ``check()``'s ``stance``): ``"assessed"``,
    #: only the assessed floors count; ``"stated"``, every red line counts.
    stance: Stance = "assessed"

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


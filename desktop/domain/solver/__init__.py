"""The bridge finder: the smallest change to a draft that every party's red lines accept, or
a proof that none exists and the red lines that clash; and the frontier of two parties.

* :mod:`~desktop.domain.solver.types` -- what a call answers (proposals, clashes, reasons,
  status, notes and progress, all as data; :mod:`desktop.wording` says them);
* :mod:`~desktop.domain.solver.encoding` -- the exact CP-SAT model of a scenario and a draft;
* :mod:`~desktop.domain.solver.bridge` -- :func:`find_bridge`, with the certificates that
  re-verify every answer before it is returned;
* :mod:`~desktop.domain.solver.frontier` -- :func:`frontier`, the Pareto frontier of two
  parties' satisfactions.

See docs/bridge.md for the exact definitions and limits.
"""

from desktop.domain.solver.bridge import find_bridge
from desktop.domain.solver.frontier import frontier
from desktop.domain.solver.types import (
    BeyondExactSolver,
    BridgeResult,
    CancelToken,
    CertificateError,
    Change,
    ChangeOp,
    ClashItem,
    FrontierPoint,
    Gain,
    Need,
    Note,
    NoteKind,
    Progress,
    Proposal,
    Stage,
    Status,
    Why,
)

__all__ = [
    "BeyondExactSolver",
    "BridgeResult",
    "CancelToken",
    "CertificateError",
    "Change",
    "ChangeOp",
    "ClashItem",
    "FrontierPoint",
    "Gain",
    "Need",
    "Note",
    "NoteKind",
    "Progress",
    "Proposal",
    "Stage",
    "Status",
    "Why",
    "find_bridge",
    "frontier",
]

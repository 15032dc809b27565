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

:func:`find_bridge` and :func:`frontier` are loaded when first used: the types import without
OR-Tools (and the pandas it imports), so a window can show a result's type before anything is
solved.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from desktop.domain.solver.types import (
    BelowNoDeal,
    BeyondExactSolver,
    BridgeResult,
    CancelToken,
    CertificateError,
    Change,
    ChangeOp,
    ClashItem,
    FrontierPoint,
    Gain,
    Link,
    Need,
    Note,
    NoteKind,
    Progress,
    Proposal,
    Stage,
    Status,
    Why,
)

if TYPE_CHECKING:
    from desktop.domain.solver.bridge import find_bridge
    from desktop.domain.solver.frontier import frontier

__all__ = [
    "BelowNoDeal",
    "BeyondExactSolver",
    "BridgeResult",
    "CancelToken",
    "CertificateError",
    "Change",
    "ChangeOp",
    "ClashItem",
    "FrontierPoint",
    "Gain",
    "Link",
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

# The solvers, by the module that defines each (importing it imports OR-Tools). Import them
# from here, not their modules: importing the module ``frontier`` first would bind the
# package's name ``frontier`` to the module instead of the function.
_SOLVERS = {"find_bridge": "bridge", "frontier": "frontier"}


def __getattr__(name: str) -> object:
    module = _SOLVERS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value

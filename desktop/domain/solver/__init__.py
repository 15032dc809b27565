"""The bridge finder: the smallest change to a draft that every party's red lines accept.

The scenario is compiled straight into an OR-Tools CP-SAT model (no enumeration of packages):

* one BoolVar per library provision (is it in the draft?);
* one IntVar per param that some encoded rule reads (int: its value; number: its value on a
  decimal grid, see below; choice: the index of the choice; bool: 0/1), and per clause phase a
  rule reads. A param no rule reads can never need a change, so it is left as it is;
* one reified BoolVar per rule node, equivalent to the node's truth value, so ``not`` is just
  the negated literal. A comparison is the conjunction of the presence of every provision it
  reads and the value relation, so "a comparison touching a missing provision is false" holds.

Exactness. Numbers are grouped into *components*: params compared with each other (``X.a <
Y.b``) share one; every other numeric param has its own. Each component has a decimal scale,
10^(d + e): d = the most decimal places of any bound, default, current value or literal that
touches it, e = enough extra digits to place every member strictly between two neighbouring
values of the coarser grid (so ``0.1 < x < 0.2`` has solutions on the grid whenever it has
real ones). Int and phase variables keep their own values and are multiplied by the scale
only inside a comparison with another param. Before a model is built every variable's domain
and every linear term is checked against 64-bit limits, and every grid value of a number param
against the 15 significant digits a float reads back exactly; when something does not fit,
:class:`BeyondExactSolver` says so instead of an answer.

Certificates. Every answer is re-verified by an independent path before it is returned: a
proposal must pass :func:`~desktop.domain.checker.check` for the chosen parties; a draft that
``check()`` finds viable must come back with 0 changes; each clash set is re-proven on fresh
models, infeasible as a whole and feasible (with a witness the checker's own compiled rules
accept) with any one member dropped; the red lines to relax leave a witness the checker
accepts. A failed certificate raises :class:`CertificateError`: a bug report, never a result.

Hard constraints: every red line of the chosen parties, and every ``excludes`` pair. The objective
is lexicographic and solved in stages, each stage's optimum fixed before the next: (1) fewest
changes, (2) highest minimum satisfaction over the chosen parties that state preferences,
(3) highest sum of those parties' satisfactions. See docs/bridge.md for the exact definitions.
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

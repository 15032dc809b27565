"""One change the bridge finder proposes, in words.

Two styles, one function:

* ``"terminal"`` (the ``accord suggest`` output): lower case, ids, values as the rule language
  writes them, no reason (the CLI prints it on its own ``why:`` line) --
  ``set army-cap.personnel = 800000``;
* ``"panel"`` (the bridge panel's list): a sentence with the provision's title, values in plain
  words, the reason after a colon -- ``Set personnel of “Army cap” [army-cap] to 800000: …``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from desktop.wording.bridge import change_reason
from desktop.wording.values import literal, plain_value

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its Change's shape is needed here
    from desktop.domain.model import Scenario
    from desktop.domain.solver import Change

__all__ = ["ChangeStyle", "describe_change", "provision_name"]

ChangeStyle = Literal["terminal", "panel"]


def provision_name(scenario: Scenario | None, provision_id: str) -> str:
    """``“Title” [id]``, or the bare id of a provision the scenario does not have."""
    prov = scenario.provision_index.get(provision_id) if scenario is not None else None
    return f"“{prov.title}” [{provision_id}]" if prov else provision_id


def describe_change(change: Change, style: ChangeStyle = "terminal",
                    scenario: Scenario | None = None) -> str:
    """The change in ``style``; ``scenario`` gives the panel style its provision titles."""
    if style == "terminal":
        return _terminal(change)
    return _panel(change, scenario)


def _terminal(c: Change) -> str:
    if c.op == "set":
        target = f"set {c.provision}.{c.param}"
        return target if c.value is None else f"{target} = {literal(c.value)}"
    if c.op == "phase":
        return f"move {c.provision} to phase {c.phase}"
    return f"{c.op} {c.provision}"


def _panel(c: Change, scenario: Scenario | None) -> str:
    what = provision_name(scenario, c.provision)
    if c.op == "add":
        head = f"Add {what}"
    elif c.op == "remove":
        head = f"Remove {what}"
    elif c.op == "set":
        head = f"Set {c.param} of {what} to {plain_value(c.value)}"
    else:
        head = f"Move {what} to phase {c.phase}"
    reason = change_reason(c.why)
    return f"{head}: {reason}" if reason else head

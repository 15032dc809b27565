"""One change the bridge finder proposes, as an instruction in the negotiator's words.

The verb says the direction: "Raise army personnel in “Ceiling on Ukraine's armed forces” from
600,000 to 800,000 personnel", "Lower …"; a choice or a yes/no param changes from one phrase to
another, in its own words: "Change policing in “Donbas arrangement” from “Russian National
Guard” to “Ukrainian police”", "Change IAEA supervision in “Zaporizhzhia nuclear plant” from
“without IAEA supervision” to “under IAEA supervision”"; "Add “US security guarantee”",
"Remove “Amnesty for wartime acts”", "Move “Elections in Ukraine” to phase 2". Labels, units
and choice labels come from the scenario (:mod:`desktop.wording.values`); the old value from
the draft the proposal was made for (the solver's change carries only the new one).

Two styles: ``"panel"`` is the sentence; ``"terminal"`` (``accord suggest``) adds the
provision's id as a bracketed reference, "… to 800,000 personnel [army-cap]". Why a change is
there is said by :func:`desktop.wording.bridge.change_reason`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from desktop.domain.params import BoolParam, ParamSpec, Value
from desktop.wording.prose import in_sentence, provision_title
from desktop.wording.values import (
    CURRENCIES,
    derived_label,
    format_value,
    param_label,
    quantity,
    value_text,
)

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its Change's shape is needed here
    from desktop.domain.model import Draft, Scenario
    from desktop.domain.solver import Change

__all__ = ["ChangeStyle", "describe_change", "provision_name"]

ChangeStyle = Literal["terminal", "panel"]


def provision_name(scenario: Scenario | None, provision_id: str) -> str:
    """A provision by its title in quotation marks: “Ceiling on Ukraine's armed forces”."""
    return provision_title(scenario, provision_id)


def describe_change(change: Change, style: ChangeStyle = "terminal",
                    scenario: Scenario | None = None, draft: Draft | None = None) -> str:
    """The change as an instruction, without a full stop. ``scenario`` gives titles, labels,
    units and choice labels; ``draft`` (the draft the proposal was made for) the old value,
    and with it the verb ("Raise", "Lower", "Change … from … to …"); without it a value is
    "Set … to …"."""
    text = _sentence(change, scenario, draft)
    return f"{text} [{change.provision}]" if style == "terminal" else text


def _sentence(c: Change, scenario: Scenario | None, draft: Draft | None) -> str:
    title = provision_title(scenario, c.provision)
    match c.op:
        case "add":
            return f"Add {title}"
        case "remove":
            return f"Remove {title}"
        case "phase":
            return f"Move {title} to phase {c.phase}"
    prov = scenario.provision_index.get(c.provision) if scenario is not None else None
    spec = prov.param(c.param) if prov is not None and c.param is not None else None
    label = param_label(spec) if spec is not None else derived_label(c.param or "value")
    where = f"{in_sentence(label, scenario)} in {title}"
    if c.value is None:
        return f"Change {where}"
    old = _old_value(c, spec, draft)
    if isinstance(old, int | float) and _number(old) and _number(c.value):
        assert isinstance(c.value, int | float)
        verb = "Raise" if c.value > old else "Lower"
        return f"{verb} {where} from {_amount(old, spec, bare=True)} to {_amount(c.value, spec)}"
    if old is None:
        new = _amount(c.value, spec) if _number(c.value) else _words(spec, c.value)
        return f"Set {where} to {new}"
    return f"Change {where} from {_words(spec, old)} to {_words(spec, c.value)}"


def _old_value(c: Change, spec: ParamSpec | None, draft: Draft | None) -> Value | None:
    """The value the draft had: its clause's, or the param's default."""
    clause = draft.clause_for(c.provision) if draft is not None else None
    if clause is None or c.param is None:
        return None
    if c.param in clause.values:
        return clause.values[c.param]
    return spec.default if spec is not None else None


def _number(value: Value | None) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _amount(value: Value, spec: ParamSpec | None, bare: bool = False) -> str:
    """A number with the param's unit; ``bare`` (the "from" of "from 600,000 to 800,000
    personnel") leaves out a unit written after the number, which the "to" says."""
    unit = spec.unit if spec is not None else None
    if bare and unit and unit != "%" and unit not in CURRENCIES:
        unit = None
    assert isinstance(value, int | float)
    return quantity(value, unit)


def _words(spec: ParamSpec | None, value: Value) -> str:
    """A choice's label or a yes/no param's words, in quotation marks ("“Ukrainian police”",
    "“is not tied to the monitoring mechanism”"): they are phrases, and "from … to …" needs
    their ends marked."""
    if isinstance(value, bool) and not isinstance(spec, BoolParam):
        return f"“{format_value(value)}”"
    if isinstance(value, str) and spec is None:
        return f"“{derived_label(value)}”"
    return f"“{value_text(spec, value)}”"

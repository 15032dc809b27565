"""The names people read for the model's codes: provision kinds, party roles, param types, and
the briefing dialog's choices."""

from __future__ import annotations

__all__ = [
    "BRIEFING_KIND_LABELS",
    "DEFAULT_MARKING",
    "DRAFT_STATUS_LABELS",
    "KIND_LABELS",
    "KIND_LETTERS",
    "PAPER_LABELS",
    "PARAM_TYPE_LABELS",
    "ROLE_LABELS",
    "short_name",
]

KIND_LABELS: dict[str, str] = {
    "concession": "Concession",
    "guarantee": "Guarantee",
    "incentive": "Incentive",
    "mechanism": "Mechanism",
    "commitment": "Commitment",
}
# The letter on each kind's round badge (K: commitment, as C is taken by concession).
KIND_LETTERS: dict[str, str] = {
    "concession": "C",
    "guarantee": "G",
    "incentive": "I",
    "mechanism": "M",
    "commitment": "K",
}
ROLE_LABELS: dict[str, str] = {
    "party": "Party to the conflict",
    "mediator": "Mediator",
    "guarantor": "Guarantor",
    "observer": "Observer",
}
PARAM_TYPE_LABELS: dict[str, str] = {
    "int": "Integer",
    "number": "Number",
    "choice": "Choice",
    "bool": "Yes / no",
}
BRIEFING_KIND_LABELS: dict[str, str] = {
    "full": "Full briefing (every party)",
    "party": "Party briefing",
    "compare": "Comparison with another draft",
}
PAPER_LABELS: dict[str, str] = {"a4": "A4", "letter": "US Letter"}
#: What each status of a draft (``Draft.status``) is called; ``None``: not stated.
DRAFT_STATUS_LABELS: dict[str | None, str] = {
    None: "Not stated",
    "proposed": "Proposed",
    "leaked": "Leaked",
    "agreed": "Agreed",
    "working": "Working draft",
}
#: The marking on every page of a briefing unless the user types another.
DEFAULT_MARKING = "DRAFT - NOT FOR DISTRIBUTION"


def short_name(name: str) -> str:
    """A party's name without its parenthetical: "United States (mediator)" -> "United States"."""
    head = name.split(" (", 1)[0].strip()
    return head or name

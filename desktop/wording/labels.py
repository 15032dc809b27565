"""The names people read for the model's codes: provision kinds, party roles, param types, and
the briefing dialog's choices.

The tables hold the English names, marked for the catalogue (``QT_TRANSLATE_NOOP``); read them
through the accessors (:func:`kind_label`, :func:`role_label`...), which translate."""

from __future__ import annotations

from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = [
    "BRIEFING_KIND_LABELS",
    "DEFAULT_MARKING",
    "DRAFT_STATUS_LABELS",
    "KIND_LABELS",
    "KIND_LETTERS",
    "PAPER_LABELS",
    "PARAM_TYPE_LABELS",
    "ROLE_LABELS",
    "briefing_kind_label",
    "default_marking",
    "draft_status_label",
    "kind_label",
    "kind_letter",
    "paper_label",
    "param_type_label",
    "role_label",
    "short_name",
]

KIND_LABELS: dict[str, str] = {
    "concession": QT_TRANSLATE_NOOP("Wording.labels", "Concession"),
    "guarantee": QT_TRANSLATE_NOOP("Wording.labels", "Guarantee"),
    "incentive": QT_TRANSLATE_NOOP("Wording.labels", "Incentive"),
    "mechanism": QT_TRANSLATE_NOOP("Wording.labels", "Mechanism"),
    "commitment": QT_TRANSLATE_NOOP("Wording.labels", "Commitment"),
}
# The letter on each kind's round badge (K: commitment, as C is taken by concession).
KIND_LETTERS: dict[str, str] = {
    "concession": QT_TRANSLATE_NOOP("Wording.labels", "C"),
    "guarantee": QT_TRANSLATE_NOOP("Wording.labels", "G"),
    "incentive": QT_TRANSLATE_NOOP("Wording.labels", "I"),
    "mechanism": QT_TRANSLATE_NOOP("Wording.labels", "M"),
    "commitment": QT_TRANSLATE_NOOP("Wording.labels", "K"),
}
ROLE_LABELS: dict[str, str] = {
    "party": QT_TRANSLATE_NOOP("Wording.labels", "Party to the conflict"),
    "mediator": QT_TRANSLATE_NOOP("Wording.labels", "Mediator"),
    "guarantor": QT_TRANSLATE_NOOP("Wording.labels", "Guarantor"),
    "observer": QT_TRANSLATE_NOOP("Wording.labels", "Observer"),
}
PARAM_TYPE_LABELS: dict[str, str] = {
    "int": QT_TRANSLATE_NOOP("Wording.labels", "Integer"),
    "number": QT_TRANSLATE_NOOP("Wording.labels", "Number"),
    "choice": QT_TRANSLATE_NOOP("Wording.labels", "Choice"),
    "bool": QT_TRANSLATE_NOOP("Wording.labels", "Yes / no"),
}
BRIEFING_KIND_LABELS: dict[str, str] = {
    "full": QT_TRANSLATE_NOOP("Wording.labels", "Full briefing (every party)"),
    "party": QT_TRANSLATE_NOOP("Wording.labels", "Party briefing"),
    "compare": QT_TRANSLATE_NOOP("Wording.labels", "Comparison with another draft"),
}
PAPER_LABELS: dict[str, str] = {
    "a4": QT_TRANSLATE_NOOP("Wording.labels", "A4"),
    "letter": QT_TRANSLATE_NOOP("Wording.labels", "US Letter"),
}
#: What each status of a draft (``Draft.status``) is called; ``None``: not stated.
DRAFT_STATUS_LABELS: dict[str | None, str] = {
    None: QT_TRANSLATE_NOOP("Wording.labels", "Not stated"),
    "proposed": QT_TRANSLATE_NOOP("Wording.labels", "Proposed"),
    "leaked": QT_TRANSLATE_NOOP("Wording.labels", "Leaked"),
    "agreed": QT_TRANSLATE_NOOP("Wording.labels", "Agreed"),
    "working": QT_TRANSLATE_NOOP("Wording.labels", "Working draft"),
}
#: The marking on every page of a briefing unless the user types another (English; in the
#: user's language: :func:`default_marking`).
DEFAULT_MARKING = QT_TRANSLATE_NOOP("Wording.labels", "DRAFT - NOT FOR DISTRIBUTION")


def kind_label(kind: str) -> str:
    """A provision kind's name: "Concession"."""
    return translate("Wording.labels", KIND_LABELS[kind])


def kind_letter(kind: str) -> str:
    """The letter on a provision kind's badge: "C" for a concession."""
    return translate("Wording.labels", KIND_LETTERS[kind])


def role_label(role: str) -> str:
    """A party role's name: "Party to the conflict"."""
    return translate("Wording.labels", ROLE_LABELS[role])


def param_type_label(param_type: str) -> str:
    """A param type's name: "Integer"."""
    return translate("Wording.labels", PARAM_TYPE_LABELS[param_type])


def briefing_kind_label(kind: str) -> str:
    """A kind of briefing, as the briefing dialog offers it: "Party briefing"."""
    return translate("Wording.labels", BRIEFING_KIND_LABELS[kind])


def paper_label(paper: str) -> str:
    """A paper size's name: "A4", "US Letter"."""
    return translate("Wording.labels", PAPER_LABELS[paper])


def draft_status_label(status: str | None) -> str:
    """A draft status's name: "Leaked"; "Not stated" for ``None``."""
    return translate("Wording.labels", DRAFT_STATUS_LABELS[status])


def default_marking() -> str:
    """The marking of a briefing's pages unless the user types another, in their language."""
    return translate("Wording.labels", DEFAULT_MARKING)


def short_name(name: str) -> str:
    """A party's name without its parenthetical: "United States (mediator)" -> "United States"."""
    head = name.split(" (", 1)[0].strip()
    return head or name

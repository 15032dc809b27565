"""The bridge finder's answers in words: why a change is there, how a search ended, and what of
an answer is partial. The solver reports all three as data (``Why``, ``Status``, ``Note``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.wording.numbers import count

if TYPE_CHECKING:  # the solver pulls in OR-Tools; only its data's shape is needed here
    from desktop.domain.solver import Note, Progress, Status, Why

__all__ = ["change_reason", "note_text", "progress_text", "status_words"]

_STATUS = {
    "optimal": "optimal",
    "best-found": "best found (time limit hit)",
    "no-agreement": "no agreement possible",
    "no-proposal": "no proposal found (time limit hit)",
    "cancelled": "cancelled",
}

_NOTES = {
    "no-answer-in-time": "the time limit was hit before a proposal or a proof of no agreement "
                         "was found",
    "no-alternatives-in-time": "no alternatives were searched within the time limit",
    "reasons-not-worked-out": "the reasons for some changes were not worked out within the "
                              "time limit",
    "fewer-alternatives": "fewer alternatives than asked for were searched within the time "
                          "limit",
    "clashes-not-found": "the clashing red lines were not found within the time limit",
    "clashes-not-proven": "the time limit was hit before every clash was proven minimal; only "
                          "proven ones are shown",
    "relax-not-found": "the fewest red lines to relax were not found within the time limit",
    "relax-not-proven": "the red lines to relax are the fewest found, not proven the fewest "
                        "(time limit)",
}


def change_reason(why: Why | None) -> str:
    """Why a change is in a proposal, in one line; empty when it was not worked out in time."""
    if why is None:
        return ""
    needs = [f"{n.party_name}'s red line {n.red_line} needs it ({n.title})" for n in why.needs]
    needs += [f"{a} and {b} exclude each other" for a, b in why.conflicts]
    if needs:
        return "; ".join(needs)
    if why.gains:
        return "raises satisfaction: " + ", ".join(
            f"{g.party_name} {g.before:.0%} → {g.after:.0%}" for g in why.gains)
    return "needed together with the other changes for every red line to hold"


def progress_text(progress: Progress) -> str:
    """Where a search is: "Solving alternative 1: cost ≤ 3, fairest…"."""
    solving = "Solving" + (f" alternative {progress.alternative}" if progress.alternative else "")
    match progress.stage:
        case "building":
            return "Building the model…"
        case "fewest-changes":
            return f"{solving}: fewest changes…"
        case "fairest":
            return f"{solving}: cost ≤ {progress.cost}, fairest…"
        case "most-satisfying":
            return f"{solving}: cost ≤ {progress.cost}, most satisfying…"
        case "clashes":
            return "No agreement: finding the clashing red lines…"
        case "relax":
            return "No agreement: the fewest red lines to relax…"


def status_words(status: Status) -> str:
    """How a search ended, lower case: "no agreement possible"."""
    return _STATUS[status]


def note_text(note: Note) -> str:
    """What of an answer is partial, lower case and without a full stop."""
    if note.kind == "all-clashes-found":
        exist = "exists" if note.count == 1 else "exist"
        return f"only {count(note.count, 'distinct clash', 'distinct clashes')} {exist}"
    return _NOTES[note.kind]

"""How briefings cite their sources: the ids next to what they support, the "inferred" mark
of a position no source states, the register's annex and its legend.

Plain text only; :mod:`desktop.report.sheets` escapes it and lays it out.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "INFERRED",
    "LEGEND",
    "NONE_CITED",
    "SOURCES",
    "annexes_line",
    "citation",
    "source_details",
]

#: The mark of a red line or preference no source states (``inferred`` in the model).
INFERRED = "(inferred)"
#: The one-line legend under the register.
LEGEND = "inferred: a position no public source states; derived by the analysts"
#: The register's annex when only inferred positions are marked.
NONE_CITED = "None cited."
#: The heading of the register's annex (and of a party sheet's last section).
SOURCES = "Sources"


def citation(ids: Sequence[str]) -> str:
    """"[S23, S28]": the register ids that support something; "" for none."""
    return f"[{', '.join(ids)}]" if ids else ""


def source_details(publisher: str, date: str) -> str:
    """"The Straits Times, 2025-11-21": who published a source and when (either may be
    missing; "" for neither)."""
    return ", ".join(part for part in (publisher.strip(), date) if part)


def annexes_line(with_sources: bool) -> str:
    """The memo's last line: what the annexes hold."""
    tail = "; D. the sources cited" if with_sources else ""
    return f"The annexes follow: A. verdicts; B. one section per party; C. the draft text{tail}."

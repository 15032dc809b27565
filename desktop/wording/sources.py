"""How briefings cite their sources: the ids next to what they support, the "inferred" mark
of a position no source states, the register's annex and its legend.

Plain text only; :mod:`desktop.report.sheets` escapes it and lays it out. The constants hold
the English, marked for the catalogue; :func:`inferred_mark`, :func:`legend`, :func:`none_cited`
and :func:`sources_heading` read them in the user's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = [
    "INFERRED",
    "LEGEND",
    "NONE_CITED",
    "SOURCES",
    "annexes_line",
    "citation",
    "inferred_mark",
    "legend",
    "none_cited",
    "source_details",
    "sources_heading",
]

#: The mark of a red line or preference no source states (``inferred`` in the model).
INFERRED = QT_TRANSLATE_NOOP("Wording.sources", "(inferred)")
#: The one-line legend under the register.
LEGEND = QT_TRANSLATE_NOOP(
    "Wording.sources", "inferred: a position no public source states; derived by the analysts")
#: The register's annex when only inferred positions are marked.
NONE_CITED = QT_TRANSLATE_NOOP("Wording.sources", "None cited.")
#: The heading of the register's annex (and of a party sheet's last section).
SOURCES = QT_TRANSLATE_NOOP("Wording.sources", "Sources")


def inferred_mark() -> str:
    """:data:`INFERRED` in the user's language: "(inferred)"."""
    return translate("Wording.sources", INFERRED)


def legend() -> str:
    """:data:`LEGEND` in the user's language."""
    return translate("Wording.sources", LEGEND)


def none_cited() -> str:
    """:data:`NONE_CITED` in the user's language: "None cited."."""
    return translate("Wording.sources", NONE_CITED)


def sources_heading() -> str:
    """:data:`SOURCES` in the user's language: "Sources"."""
    return translate("Wording.sources", SOURCES)


def citation(ids: Sequence[str]) -> str:
    """"[S23, S28]": the register ids that support something; "" for none."""
    return f"[{', '.join(ids)}]" if ids else ""


def source_details(publisher: str, date: str) -> str:
    """"The Straits Times, 2025-11-21": who published a source and when (either may be
    missing; "" for neither)."""
    return ", ".join(part for part in (publisher.strip(), date) if part)


def annexes_line(with_sources: bool) -> str:
    """The memo's last line: what the annexes hold."""
    if with_sources:
        return translate("Wording.sources", "The annexes follow: A. verdicts; B. one section per "
                         "party; C. the draft text; D. the sources cited.")
    return translate("Wording.sources", "The annexes follow: A. verdicts; B. one section per "
                     "party; C. the draft text.")

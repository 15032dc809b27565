"""Precedents in words: "Ceasefire: 1,038 agreements", the PA-X credit, strengths and stages.

Every issue is named by its PA-X name (never a bare code); counts carry thousands separators.
The CLI, the library, the inspector, the Precedents panel and the briefing annex share these.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.precedents import PrecedentIndex, TagLike, code_name
from desktop.wording.numbers import plural

__all__ = ["CREDIT", "CREDIT_SHORT", "STRENGTH_NAMES", "agreements", "count_line",
           "precedent_lines", "provision_counts", "tag_label", "tags_label"]

#: Where the precedents come from: shown wherever precedents are.
CREDIT = ("Precedents: PA-X Peace Agreements Database, version 10 (PeaceRep, University of "
          "Edinburgh; Bell and Badanjak 2019, Journal of Peace Research 56(3)).")
CREDIT_SHORT = "Source: PA-X Peace Agreements Database v10, PeaceRep, University of Edinburgh."

#: What a PA-X strength means (the codebook's scale; flags are 1 only).
STRENGTH_NAMES: dict[int, str] = {1: "rhetorical or minor", 2: "more than rhetorical",
                                  3: "detailed or substantive"}


def agreements(n: int) -> str:
    """ "1,038 agreements", "1 agreement", "no agreement"."""
    if n == 0:
        return "no agreement"
    return f"{n:,} {plural(n, 'agreement')}"


def tag_label(tag: TagLike) -> str:
    """ "Ceasefire", or "International mission/force, strength 2 or more"."""
    name = code_name(tag.code)
    if tag.min_strength is not None and tag.min_strength > 1:
        return f"{name}, strength {tag.min_strength} or more"
    return name


def tags_label(tags: Sequence[TagLike]) -> str:
    """ "Ceasefire + International mission/force"."""
    return " + ".join(tag_label(t) for t in tags) if tags else "no PA-X issue"


def count_line(tag: TagLike, index: PrecedentIndex) -> str:
    """ "Ceasefire: 1,038 agreements"."""
    if not index.knows(tag.code):
        return f"{code_name(tag.code)}: not in PA-X"
    return f"{tag_label(tag)}: {agreements(index.count(tag.code, tag.min_strength))}"


def provision_counts(tags: Sequence[TagLike], index: PrecedentIndex) -> list[str]:
    """One line per tag, then, for two or more, how many carried them all together."""
    lines = [count_line(t, index) for t in tags]
    if len(tags) > 1 and all(index.knows(t.code) for t in tags):
        together = index.count_all(tags)
        lines.append(f"All {len(tags)} together: {agreements(together)}")
    return lines


def precedent_lines(tags: Sequence[TagLike]) -> list[str]:
    """:func:`provision_counts` on the shipped index (read on first use)."""
    from desktop.domain.precedents import load_index

    return provision_counts(tags, load_index())

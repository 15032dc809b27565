"""Precedents in words: "Ceasefire: 1,038 agreements", the PA-X credit, strengths and stages.

Every issue is named by its PA-X name (never a bare code); counts carry thousands separators.
The CLI, the library, the inspector, the Precedents panel and the briefing annex share these.
The constants hold the English, marked for the catalogue; :func:`credit`,
:func:`credit_short` and :func:`strength_name` read them in the user's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.precedents import PrecedentIndex, TagLike, code_name
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = ["CREDIT", "CREDIT_SHORT", "STRENGTH_NAMES", "agreements", "count_line", "credit",
           "credit_short", "precedent_lines", "provision_counts", "strength_name", "tag_label",
           "tags_label"]

#: Where the precedents come from: shown wherever precedents are.
CREDIT = QT_TRANSLATE_NOOP(
    "Wording.precedents",
    "Precedents: PA-X Peace Agreements Database, version 10 (PeaceRep, University of "
    "Edinburgh; Bell and Badanjak 2019, Journal of Peace Research 56(3)).")
CREDIT_SHORT = QT_TRANSLATE_NOOP(
    "Wording.precedents",
    "Source: PA-X Peace Agreements Database v10, PeaceRep, University of Edinburgh.")

#: What a PA-X strength means (the codebook's scale; flags are 1 only).
STRENGTH_NAMES: dict[int, str] = {
    1: QT_TRANSLATE_NOOP("Wording.precedents", "rhetorical or minor"),
    2: QT_TRANSLATE_NOOP("Wording.precedents", "more than rhetorical"),
    3: QT_TRANSLATE_NOOP("Wording.precedents", "detailed or substantive"),
}


def credit() -> str:
    """:data:`CREDIT` in the user's language."""
    return translate("Wording.precedents", CREDIT)


def credit_short() -> str:
    """:data:`CREDIT_SHORT` in the user's language."""
    return translate("Wording.precedents", CREDIT_SHORT)


def strength_name(strength: int | None) -> str:
    """What a PA-X strength means ("more than rhetorical"); "" for one the scale lacks."""
    names = STRENGTH_NAMES.get(strength) if strength is not None else None
    return translate("Wording.precedents", names) if names else ""


def agreements(n: int) -> str:
    """ "1,038 agreements", "1 agreement", "no agreement"."""
    if n == 0:
        return translate("Wording.precedents", "no agreement")
    text = translate("Wording.precedents", "%n agreement(s)", None, n)
    if n >= 1000:  # %n has no thousands separator (the hook's english() reads no %Ln)
        text = text.replace(str(n), f"{n:,}", 1)
    return text


def tag_label(tag: TagLike) -> str:
    """ "Ceasefire", or "International mission/force, strength 2 or more"."""
    name = code_name(tag.code)
    if tag.min_strength is not None and tag.min_strength > 1:
        return translate("Wording.precedents", "{issue}, strength {strength} or more").format(
            issue=name, strength=tag.min_strength)
    return name


def tags_label(tags: Sequence[TagLike]) -> str:
    """ "Ceasefire + International mission/force"."""
    if not tags:
        return translate("Wording.precedents", "no PA-X issue")
    return " + ".join(tag_label(t) for t in tags)


def count_line(tag: TagLike, index: PrecedentIndex) -> str:
    """ "Ceasefire: 1,038 agreements"."""
    if not index.knows(tag.code):
        return translate("Wording.precedents", "{issue}: not in PA-X").format(
            issue=code_name(tag.code))
    return translate("Wording.precedents", "{issue}: {agreements}").format(
        issue=tag_label(tag), agreements=agreements(index.count(tag.code, tag.min_strength)))


def provision_counts(tags: Sequence[TagLike], index: PrecedentIndex) -> list[str]:
    """One line per tag, then, for two or more, how many carried them all together."""
    lines = [count_line(t, index) for t in tags]
    if len(tags) > 1 and all(index.knows(t.code) for t in tags):
        together = index.count_all(tags)
        lines.append(translate("Wording.precedents", "All {count} together: {agreements}").format(
            count=len(tags), agreements=agreements(together)))
    return lines


def precedent_lines(tags: Sequence[TagLike]) -> list[str]:
    """:func:`provision_counts` on the shipped index (read on first use)."""
    from desktop.domain.precedents import load_index

    return provision_counts(tags, load_index())

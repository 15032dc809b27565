"""Counts of things: ``count(1, "change")`` -> "1 change", ``count(3, "party")`` -> "3 parties".

:func:`count` and :func:`plural` are English only: they add an English plural ending to the
noun they are given, which no translator can reach. Text a user reads writes its counts as a
plural message of the translation hook instead, with the noun in the text:
``translate("Wording.x", "%n clause(s)", None, n)`` (see :mod:`desktop.wording.translate`).
They stay for what is not translated (logs, developers' messages) and for callers not yet
converted.
"""

from __future__ import annotations

from collections.abc import Sized

from desktop.wording.translate import translate

__all__ = ["count", "percent", "plural"]

# Nouns whose plural the spelling rules below would get wrong.
_IRREGULAR: dict[str, str] = {
    "person": "people",
    "child": "children",
    "criterion": "criteria",
    "analysis": "analyses",
    "basis": "bases",
    "crisis": "crises",
    "thesis": "theses",
    "datum": "data",
}


def _plural_of(noun: str) -> str:
    head, _, last = noun.rpartition(" ")  # "red line" -> only "line" changes
    prefix = f"{head} " if head else ""
    lower = last.lower()
    if lower in _IRREGULAR:
        word = _IRREGULAR[lower]
        return prefix + (word.capitalize() if last[:1].isupper() else word)
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return f"{prefix}{last}es"
    if len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        return f"{prefix}{last[:-1]}ies"
    return f"{prefix}{last}s"


def plural(n: int, noun: str, many: str | None = None) -> str:
    """The noun as it goes with ``n``: singular for exactly one, plural otherwise (0 included).
    ``many`` overrides the spelling rules for a noun they get wrong. English only (see above)."""
    if n == 1:
        return noun
    return many if many is not None else _plural_of(noun)


def count(n: int | Sized, noun: str, many: str | None = None) -> str:
    """How many and the noun: "1 change", "0 changes", "3 parties"; ``n`` is a number or a
    collection to count (``count(draft.clauses, "clause")``). English only (see above)."""
    k = n if isinstance(n, int) else len(n)
    return f"{k} {plural(k, noun, many)}"


def percent(x: float | None, missing: str | None = None) -> str:
    """A share 0..1 as a whole percentage ("25%"); ``missing`` where there is none to show
    (a party that states no preferences; "n/a", translated, by default)."""
    if x is not None:
        return f"{x:.0%}"
    return translate("Wording.numbers", "n/a") if missing is None else missing

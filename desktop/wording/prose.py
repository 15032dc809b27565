"""The small words every sentence of Accord is built with: lists, owners, titles in quotation
marks, and a label's capital inside a sentence. :mod:`~desktop.wording.reasons` (why a red line
is crossed) and :mod:`~desktop.wording.bridge` / :mod:`~desktop.wording.changes` (what the
bridge finder proposes) both speak with them, so a list or a title reads the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.wording.labels import short_name
from desktop.wording.translate import translate
from desktop.wording.values import derived_label

if TYPE_CHECKING:
    from desktop.domain.model import Scenario

__all__ = ["capitalised", "in_sentence", "possessive", "provision_title", "series"]

#: Words that keep their capital inside a sentence, besides those the scenario writes with one.
PROPER = frozenset({
    "American", "British", "Chinese", "Crimea", "Donbas", "Donetsk", "EU", "European", "French",
    "German", "Kherson", "Luhansk", "NATO", "OSCE", "Russia", "Russian", "Turkey", "Turkish",
    "UN", "US", "USA", "Ukraine", "Ukrainian", "Zaporizhzhia",
})
_WORD = re.compile(r"[A-Za-z][\w-]*")


def series(items: Sequence[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c"; ``conjunction`` is "and" or "or" (the untranslated
    word: the joiners are translated here), any other word is put in as given."""
    if len(items) <= 1:
        return "".join(items)
    head = translate("Wording.prose", ", ", "between the items of a list").join(items[:-1])
    if conjunction == "and":
        return translate("Wording.prose", "{items} and {last}").format(items=head, last=items[-1])
    if conjunction == "or":
        return translate("Wording.prose", "{items} or {last}").format(items=head, last=items[-1])
    return f"{head} {conjunction} {items[-1]}"


def possessive(name: str) -> str:
    """A party's short name as an owner: "Ukraine's", "United States'"."""
    name = short_name(name)
    if name.endswith("s"):
        return translate("Wording.prose", "{name}'", "owner ending in s").format(name=name)
    return translate("Wording.prose", "{name}'s").format(name=name)


def capitalised(scenario: Scenario) -> frozenset[str]:
    """The words the scenario writes with a capital where no sentence starts, and never in
    lower case: proper names ("Enerhodar", not the "National" of "Russian National Guard",
    which is "national" in "a national referendum"). Build it with ``scenario.derived``."""
    texts = [p.name for p in scenario.parties]
    texts += [r.title for p in scenario.parties for r in p.red_lines]
    for prov in scenario.provisions:
        texts += [prov.title, prov.text]
        texts += [c.label for spec in prov.params for c in getattr(spec, "choices", ())
                  if c.label]
    words: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        for sentence in re.split(r"[.:;!?]\s+|\(", text):
            found = [w.removesuffix("'s") for w in _WORD.findall(sentence)]
            words.update(w for w in found[1:] if w[:1].isupper())
            lower.update(w for w in found if w[:1].islower())
    return frozenset(w for w in words if w.lower() not in lower)


def in_sentence(text: str, scenario: Scenario | None = None,
                known: frozenset[str] | None = None) -> str:
    """A label or title as it reads inside a sentence: "Army personnel" -> "army personnel",
    but "US role", "Russia mirrors" and "Ukrainian police" keep their capital. ``known``:
    :func:`capitalised` of the scenario, for a caller that asks many times."""
    first = _WORD.match(text)
    if first is None:
        return text
    word = first.group(0).removesuffix("'s")
    if known is None:
        known = scenario.derived(capitalised) if scenario is not None else frozenset()
    if (word in PROPER or word in known or not word[:1].isupper()
            or any(ch.isupper() for ch in word[1:])):
        return text
    return text[:1].lower() + text[1:]


def provision_title(scenario: Scenario | None, provision_id: str) -> str:
    """A provision by its title in quotation marks ("“Ceiling on Ukraine's armed forces”");
    words made from its id where the scenario has no such provision."""
    prov = scenario.provision_index.get(provision_id) if scenario is not None else None
    title = prov.title if prov is not None else derived_label(provision_id)
    return translate("Wording.prose", "“{title}”").format(title=title)

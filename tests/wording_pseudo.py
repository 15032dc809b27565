"""Pseudo-translation: proves that the wording's text goes through its translation hook.

Under :func:`pseudo_translation` every :func:`desktop.wording.translate.translate` call
answers its English text wrapped in ``⟦…⟧``. A sentence the wording makes then reads
"⟦Russia rejects the draft.⟧" when its text went through the hook, and any word left outside
the marks after :func:`leftover_words` strips them was written into the code without it:
untranslatable. Words that come from the scenario (names, titles, labels a user typed) are
data, not text to translate, and are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.wording.translate import english, set_translator

OPEN, CLOSE = "⟦", "⟧"
_INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _pseudo(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return f"{OPEN}{english(text, n)}{CLOSE}"


@contextmanager
def pseudo_translation() -> Iterator[None]:
    """Every wording text marked while inside; the translator bound before is put back."""
    before = set_translator(_pseudo)
    try:
        yield
    finally:
        set_translator(before)


def data_words(*values: Any) -> set[str]:
    """Every word in the strings of ``values`` (a scenario's ``model_dump()``, a list of
    names...), lower-cased: words the user's data brings into a sentence."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.update(w.lower() for w in _WORD.findall(value))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, Iterable) and not isinstance(value, bytes):
            for v in value:
                walk(v)

    for value in values:
        walk(value)
    return found


def leftover_words(text: str, allowed: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """The words of ``text`` outside every ``⟦…⟧`` (nested ones too) that are not in
    ``allowed`` (lower-case, from :func:`data_words`): text that skipped the hook."""
    before = None
    while before != text:
        before, text = text, _INNERMOST.sub(" ", text)
    return [w for w in _WORD.findall(text) if w.lower() not in allowed]

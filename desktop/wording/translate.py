"""The translation hook of the wording: Qt-free, bound to Qt's translators by the window.

Every sentence, label and count the wording makes goes through :func:`translate` with a
literal context and text, so ``pyside6-lupdate`` (``make translations``) finds it, the
same way it finds ``QCoreApplication.translate`` in the window's code::

    translate("Wording.verdicts", "{party} accepts the draft.").format(party=name)
    translate("Wording.numbers", "%n part(y/ies)", None, n)

- **Values after the translation**, with ``.format()``: the catalogue holds one text whatever
  the values, and a translator can move the placeholder (word order differs).
- **Plurals** pass ``n`` and write ``%n`` where the number goes; the English forms are written
  in the source as "(s)" (``"%n clause(s)"``) or, for any other ending, "(one/other)"
  (``"%n part(y/ies)"``, ``"%n clause(s) (is/are) open"``). ``scripts/english_plurals.py``
  writes the same two forms into the English catalogue, and marks the wording's ``%n``
  messages as plural (lupdate marks only ``tr(text, "", n)`` calls).
- **Labels in constants** (a dict made at import, before any translator is bound) are marked
  with :func:`QT_TRANSLATE_NOOP`, which lupdate reads and which returns the text unchanged,
  and are translated where they are used: ``translate("Wording.labels", KIND_LABELS[kind])``.

Without a bound translator (an English locale, the pure-Python tests) :func:`english`
answers: the text as written, its plural forms resolved. ``desktop.ui.i18n`` binds Qt's
(:func:`set_translator`): ``install_translators`` for the window and what it prints,
``bind_standalone`` for the command line and the doctor (a translator of Accord's catalogue
that needs no application), so every one of them reads in the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["QT_TRANSLATE_NOOP", "Translator", "current_translator", "english", "english_forms",
           "set_translator", "translate"]

#: ``(context, text, disambiguation, n) -> text``: what :func:`set_translator` takes.
Translator = Callable[[str, str, "str | None", int], str]

# "(s)" or "(one/other)": a word's English forms in a plural message's source text.
_FORMS = re.compile(r"\(([^()/]*)/([^()/]*)\)|\(s\)")


def _form(text: str, one: bool) -> str:
    def word(match: re.Match[str]) -> str:
        if match.group(0) == "(s)":
            return "" if one else "s"
        return match.group(1) if one else match.group(2)

    return _FORMS.sub(word, text)


def english_forms(text: str) -> tuple[str, str]:
    """A plural message's two English forms, ``%n`` kept: ("%n clause", "%n clauses")."""
    return _form(text, True), _form(text, False)


def english(text: str, n: int = -1) -> str:
    """``text`` in English: as written, or for a plural message (``n`` >= 0) with ``%n``
    replaced by ``n`` and each "(s)" / "(one/other)" resolved for ``n``."""
    if n < 0:
        return text
    return _form(text, n == 1).replace("%n", str(n))


def _untranslated(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return english(text, n)


_translator: Translator = _untranslated


def set_translator(translator: Translator | None) -> Translator | None:
    """Send every :func:`translate` call to ``translator`` (``None``: back to English); the
    one bound before (``None`` for English), to put back."""
    global _translator
    before = None if _translator is _untranslated else _translator
    _translator = translator if translator is not None else _untranslated
    return before


def current_translator() -> Translator | None:
    """The translator bound now (``None``: English): what a cache of worded text keys on, so
    that a change of language words it again."""
    return None if _translator is _untranslated else _translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` (of ``context``) in the user's language; ``n`` >= 0 picks a plural form and
    fills in ``%n``. Write both as literals: ``make translations`` reads them from the code."""
    return _translator(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate reads this name
    """Mark ``text`` for the catalogue without translating it now (a constant made at import);
    translate it where it is shown, with :func:`translate` and the same context."""
    return text

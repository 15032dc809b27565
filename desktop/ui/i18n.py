"""Translations: Qt's own strings and Accord's, installed when the application is made.

Two translators go in at start-up (:func:`install_translators`, called by
``desktop.ui.app.make_application``):

- **Qt's** (``qtbase_<lang>.qm``, from Qt's translations folder): the standard buttons and
  dialogs (Cancel, Open, Save…) in the user's language;
- **Accord's** (``accord_<lang>.qm`` from ``resources/translations``, made by
  ``make translations``). Where there is no file for the user's language the English one is
  loaded: it carries the English plural forms, so ``tr("%n clause(s)", "", n)`` reads
  "1 clause" / "2 clauses".

``ACCORD_LANG`` (a locale name such as ``de`` or ``fr_FR``) overrides the system locale; the
tests use it. Both loads read one small file each, well inside the start-up budget.

The command line and the doctor print with no application made: :func:`bind_standalone`
binds the wording's hook to a ``QTranslator`` of Accord's catalogue asked directly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path
from desktop.wording.translate import Translator, english, set_translator

#: Names a locale that replaces the system's, for Accord's strings and Qt's.
LANG_VARIABLE = "ACCORD_LANG"
#: The language Accord is written in; its file holds the plural forms only.
SOURCE_LANGUAGE = "en"


def ui_locale() -> QLocale:
    """The locale whose translations are loaded: ``ACCORD_LANG`` if set, else the system's."""
    name = os.environ.get(LANG_VARIABLE, "").strip()
    return QLocale(name) if name else QLocale.system()


def qt_translations_dir() -> Path:
    """Qt's own .qm files: where Qt says they are, or in the bundle beside Qt's libraries."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    frozen_root = getattr(sys, "_MEIPASS", None)
    if not folder.is_dir() and frozen_root is not None:
        folder = Path(frozen_root, "PySide6", "Qt", "translations")
    return folder


def accord_translations_dir() -> Path:
    """Accord's .qm files (resources/translations, desktop/data/translations installed)."""
    return resource_path("translations")


def install_translators(app: QCoreApplication, locale: QLocale | None = None
                        ) -> list[QTranslator]:
    """Load and install Qt's and Accord's translators for ``locale`` (default
    :func:`ui_locale`); the ones installed, for :func:`remove_translators`. A missing file is
    no error: the text then stays as written in the source."""
    locale = locale if locale is not None else ui_locale()
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", str(qt_translations_dir())):
        installed.append(qt)
    own = QTranslator(app)
    folder = accord_translations_dir()
    if own.load(locale, "accord", "_", str(folder)) or own.load(
            str(folder / f"accord_{SOURCE_LANGUAGE}.qm")):
        installed.append(own)
    for translator in installed:
        app.installTranslator(translator)
    _FOUND.clear()
    set_translator(translate_wording)  # the wording (Qt-free) reads through these translators
    return installed


def bind_standalone(locale: QLocale | None = None) -> QTranslator | None:
    """Bind the wording's hook (:func:`desktop.wording.translate.set_translator`) to Accord's
    catalogue for ``locale`` (default :func:`ui_locale`), with no ``QCoreApplication``: the
    command line and the doctor. The translator is asked directly (:func:`standalone_wording`).

    The translator bound, or ``None`` with the hook left as it was: no ``accord_<lang>.qm``
    for the locale, a file Qt cannot read, or English (its catalogue holds only the plural
    forms, which the unbound hook writes the same)."""
    locale = locale if locale is not None else ui_locale()
    translator = QTranslator()
    if not translator.load(locale, "accord", "_", str(accord_translations_dir())):
        return None
    language = translator.language() or Path(translator.filePath()).stem.removeprefix("accord_")
    if QLocale(language).language() in (QLocale.Language.English, QLocale.Language.C):
        return None
    set_translator(standalone_wording(translator))
    return translator


def standalone_wording(translator: QTranslator) -> Translator:
    """The wording's hook read from ``translator`` alone (not installed in an application).
    A text the catalogue lacks (``translate`` answers "") reads in English, a plural one with
    its English form for ``n`` ("2 parties", never "2 part(y/ies)"); a found plural has its
    ``%n`` filled in here, which ``QCoreApplication.translate`` would do."""

    def translated(context: str, text: str, disambiguation: str | None, n: int) -> str:
        found = translator.translate(context, text, disambiguation, n)
        if not found:
            return english(text, n)
        return found.replace("%n", str(n)) if n >= 0 else found

    return translated


#: A context no catalogue has: what a text reads as untranslated (its %n filled in).
_NOWHERE = "accord-untranslated"


def translate_for(cls: type, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` as translated under the first class of ``cls``'s hierarchy whose context has it
    (lupdate names a ``self.tr`` text's context after the class whose code calls it)."""
    if n < 0:  # not a plural: the answer depends on the text alone, and is kept
        key = (cls, text, disambiguation)
        known = _FOUND.get(key)
        if known is None:
            known = _FOUND[key] = _translate_for(cls, text, disambiguation, n)
        return known
    return _translate_for(cls, text, disambiguation, n)


def _translate_for(cls: type, text: str, disambiguation: str | None, n: int) -> str:
    contexts = _CONTEXTS.get(cls)
    if contexts is None:
        contexts = _CONTEXTS[cls] = _contexts_of(cls)
    # What the text reads as when no catalogue has it: itself, or a plural with %n filled in.
    untranslated = text if n < 0 else QCoreApplication.translate(
        _NOWHERE, text, disambiguation, n)
    for context in contexts:
        found = QCoreApplication.translate(context, text, disambiguation, n)
        if found != untranslated:
            return found
    # A plural no catalogue has (a text added since make translations) still reads in
    # English ("2 changes", not "2 change(s)").
    return english(text, n) if n >= 0 else text


#: Per class, the contexts :func:`translate_for` looks in: its own classes, not Qt's.
_CONTEXTS: dict[type, tuple[str, ...]] = {}
#: What each (class, text, disambiguation) read under the translators installed now: a panel
#: asks for the same few texts on every edit. Emptied when translators come or go.
_FOUND: dict[tuple[type, str, str | None], str] = {}


def _contexts_of(cls: type) -> tuple[str, ...]:
    """The names of ``cls``'s classes that can hold Accord's texts: Qt's own classes
    (``QWidget``, ``QObject``…) and ``object`` have none, so they are not asked, which keeps a
    ``tr`` call to one or two lookups (a panel makes hundreds on an edit)."""
    return tuple(k.__name__ for k in cls.__mro__ if k is not InheritedTr
                 and not k.__module__.startswith(("PySide6", "shiboken6", "builtins"))
                 ) or (cls.__name__,)


def translate_wording(context: str, text: str, disambiguation: str | None, n: int) -> str:
    """The wording's hook (``desktop.wording.translate``) bound to the installed translators;
    a plural message no catalogue has reads in English ("%n part(y/ies)": "2 parties"), not
    with its "(y/ies)" left in."""
    found = QCoreApplication.translate(context, text, disambiguation, n)
    if n >= 0 and found == QCoreApplication.translate(_NOWHERE, text, disambiguation, n):
        return english(text, n)
    return found


class InheritedTr:
    """A mixin, first among the bases of a ``QObject`` subclass that calls ``self.tr``: a
    subclass (a test's scripted double, say) finds its base class's texts, plurals included.

    PySide6's own ``tr`` also walks the class hierarchy, but stops at the first answer that
    differs from the source text, and a plural found nowhere differs (its ``%n`` is filled
    in): in ``class Scripted(BriefingActions)``, "%n page(s)" read "2 page(s)". This one
    compares with the untranslated answer instead."""

    def tr(self, sourceText: str, /, disambiguation: str | None = None, n: int = -1) -> str:
        return translate_for(type(self), sourceText, disambiguation, n)


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch languages)."""
    for translator in translators:
        app.removeTranslator(translator)
    _FOUND.clear()

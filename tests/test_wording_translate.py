"""The wording's translation hook (desktop.wording.translate): English by default, plural
forms written "(s)" or "(one/other)", a bound translator takes every call, the window binds
Qt's, and the pseudo-translation the wording tests use tells marked text from bare text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.wording.translate import (
    QT_TRANSLATE_NOOP,
    english,
    english_forms,
    set_translator,
    translate,
)
from tests.wording_pseudo import data_words, leftover_words, pseudo_translation


@pytest.mark.parametrize(("text", "n", "expected"), [
    ("Rejects the draft.", -1, "Rejects the draft."),
    ("%n clause(s)", 1, "1 clause"),
    ("%n clause(s)", 0, "0 clauses"),
    ("%n clause(s)", 12, "12 clauses"),
    ("%n part(y/ies)", 1, "1 party"),
    ("%n part(y/ies)", 3, "3 parties"),
    ("%n clause(s) (is/are) open", 1, "1 clause is open"),
    ("%n clause(s) (is/are) open", 2, "2 clauses are open"),
])
def test_english_resolves_the_plural_forms(text: str, n: int, expected: str) -> None:
    assert english(text, n) == expected


def test_english_forms_keep_the_number_for_the_catalogue() -> None:
    assert english_forms("%n part(y/ies) (is/are) ready") == (
        "%n party is ready", "%n parties are ready")
    assert english_forms("%n set") == ("%n set", "%n set")  # nothing to resolve


def test_translate_is_english_until_a_translator_is_bound() -> None:
    before = set_translator(None)
    try:
        assert translate("Wording.test", "%n part(y/ies)", None, 2) == "2 parties"
        calls: list[tuple[str, str, str | None, int]] = []

        def spy(c: str, t: str, d: str | None, n: int) -> str:
            calls.append((c, t, d, n))
            return "X"

        assert set_translator(spy) is None
        assert translate("Wording.test", "Accepts.") == "X"
        assert calls == [("Wording.test", "Accepts.", None, -1)]
        assert set_translator(None) is spy
        assert translate("Wording.test", "Accepts.") == "Accepts."
    finally:
        set_translator(before)


def test_noop_marks_without_translating() -> None:
    assert QT_TRANSLATE_NOOP("Wording.labels", "Concession") == "Concession"


def test_the_window_binds_qt_translators(qapp: QApplication) -> None:
    """tests/conftest.py installs the app's translators for every Qt test, which binds the
    hook: a plural reads in English through Qt, and a text no catalogue has reads as written."""
    from desktop.ui.i18n import translate_wording
    from desktop.wording import translate as hook

    assert hook._translator is translate_wording
    assert translate("Wording.nowhere", "%n part(y/ies)", None, 1) == "1 party"
    assert translate("Wording.nowhere", "%n part(y/ies)", None, 4) == "4 parties"
    assert translate("Wording.nowhere", "Nothing to translate.") == "Nothing to translate."


def test_pseudo_translation_tells_marked_text_from_bare_text() -> None:
    with pseudo_translation():
        marked = translate("Wording.test", "{party} rejects {clause}.").format(
            party="Russia", clause=translate("Wording.test", "the ceasefire"))
        bare = f"Russia {translate('Wording.test', 'rejects')} because of the ceasefire."
    assert marked == "⟦Russia rejects ⟦the ceasefire⟧.⟧"
    allowed = data_words({"parties": ["Russia"]})
    assert leftover_words(marked, allowed) == []
    assert leftover_words(bare, allowed) == ["because", "of", "the", "ceasefire"]
    assert translate("Wording.test", "rejects") == "rejects"  # put back afterwards

"""Ready for translation (issue 17): Qt's and Accord's translators, the catalogue, the modules.

- The English catalogue gives the plural forms ("1 page", "2 pages") through the translator
  the app installs, and ``ACCORD_LANG=de`` loads Qt's own German strings (a Cancel button reads
  "Abbrechen"), so Qt's translations are found where Qt keeps them.
- ``resources/translations/accord_en.ts`` holds every string the code passes to ``tr()`` or
  ``QCoreApplication.translate()`` (lupdate run afresh into a temporary file must find the same
  ones), every plural message has its English forms, and ``accord_en.qm`` is what lrelease
  makes of the .ts: ``make translations`` was run after the last change of text.
- The converted modules (:data:`CONVERTED`) pass no bare string to the Qt calls that show
  text; docs/translation.md lists which modules are converted and which are not yet.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui.i18n import LANG_VARIABLE, install_translators, remove_translators, ui_locale

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "translations" / "accord_en.ts"
COMPILED = ROOT / "resources" / "translations" / "accord_en.qm"

#: The modules whose user-visible strings all go through Qt's translation functions.
CONVERTED = (
    "desktop/ui/mainwindow.py",
    "desktop/ui/help.py",
    "desktop/ui/crash.py",
    "desktop/ui/files.py",
    "desktop/ui/briefing.py",
    "desktop/ui/library.py",
    "desktop/ui/models.py",
    "desktop/ui/alternatives.py",
    "desktop/ui/redlines.py",
    "desktop/ui/bridge.py",
    "desktop/ui/editors/menu.py",
    "desktop/ui/editors/party.py",
    "desktop/ui/editors/provision.py",
    "desktop/ui/editors/forms.py",
    "desktop/ui/editors/base.py",
    "desktop/ui/editors/widgets.py",
    "desktop/ui/editors/__init__.py",
    "desktop/ui/editors/scenario_info.py",
    "desktop/ui/editors/briefing_settings.py",
    "desktop/ui/editors/rule_builder.py",
    "desktop/ui/editors/builder_rows.py",
    "desktop/ui/editors/rule_edit.py",
    "desktop/ui/editors/sources.py",
    "desktop/ui/editors/draft_properties.py",
    "desktop/ui/commands.py",
    "desktop/ui/verdicts.py",
    "desktop/ui/plots.py",
    "desktop/ui/precedents.py",
    "desktop/ui/inspector.py",
    "desktop/ui/draft.py",
)

#: Qt calls whose string arguments are shown to the user.
SHOWS_TEXT = frozenset({
    "setText", "setWindowTitle", "addAction", "QAction", "QLabel", "QPushButton", "setToolTip",
    "setStatusTip", "showMessage", "QMenu", "addMenu", "addTab", "addRow", "addButton",
    "setPlaceholderText", "setLabelText", "setInformativeText", "QProgressDialog",
    "QMessageBox", "warning", "information", "critical", "question", "about", "getInt",
    "getItem", "getText", "getSaveFileName", "getOpenFileName", "createUndoAction",
    "createRedoAction", "setAccessibleName", "setAccessibleDescription", "setWhatsThis",
})
#: Loggers: the log stays in English (it is for whoever reads the log, not the window).
LOGGERS = frozenset({"_log", "log", "logger", "logging"})
#: Calls that translate (what lupdate reads).
TRANSLATES = frozenset({"tr", "translate"})


@pytest.fixture
def translators(qapp: QApplication, monkeypatch: pytest.MonkeyPatch
                ) -> Iterator[list[QTranslator]]:
    """Install translators as the app does, under ``ACCORD_LANG`` as the test sets it; removed
    after the test."""
    installed: list[QTranslator] = []
    yield installed
    remove_translators(qapp, installed)


def _tool(name: str) -> Path:
    tool = Path(sys.executable).parent / name
    found = tool if tool.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (PySide6's Qt Linguist tools) is not installed")
    return Path(found)


# --------------------------------------------------------------------------- the translators


def test_english_catalogue_gives_the_plural_forms(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
        translators: list[QTranslator]) -> None:
    monkeypatch.setenv(LANG_VARIABLE, "en")
    assert ui_locale().language() == QLocale.Language.English
    translators.extend(install_translators(qapp))
    assert translators, "no translator was installed for English"

    def pages(n: int) -> str:
        return QCoreApplication.translate("BriefingActions", "%n page(s)", "", n)

    assert [pages(n) for n in (0, 1, 2, 12)] == ["0 pages", "1 page", "2 pages", "12 pages"]
    assert QCoreApplication.translate("BriefingActions", "Printed %n page(s)", "", 1) \
        == "Printed 1 page"
    # Everything else reads as written.
    assert QCoreApplication.translate("MainWindow", "&Save") == "&Save"


def test_a_plural_reads_right_through_a_widgets_tr(qapp: QApplication) -> None:
    """The tests' own translators (tests/conftest.py) are those of the app: ``self.tr`` in a
    converted class gives the English forms, in a subclass of it too (PySide6's own ``tr``
    gave "1 page(s)" there; desktop.ui.i18n.InheritedTr)."""
    from PySide6.QtWidgets import QWidget

    from desktop.ui.briefing import BriefingActions
    from desktop.ui.files import empty_scenario
    from desktop.ui.workspace import Workspace
    from tests.conftest import _INSTALLED

    class Scripted(BriefingActions):
        pass

    class Deeper(Scripted):
        pass

    assert _INSTALLED
    parent = QWidget()
    try:
        for cls in (BriefingActions, Scripted, Deeper):
            actions = cls(Workspace(empty_scenario()), parent)
            assert actions.tr("%n page(s)", "", 1) == "1 page", cls
            assert actions.tr("%n page(s)", "", 3) == "3 pages", cls
            assert actions.tr("&Print…") == "&Print…", cls
    finally:
        parent.deleteLater()


def test_every_converted_class_finds_its_texts_from_a_subclass() -> None:
    """Each class that calls ``self.tr`` puts InheritedTr first among its bases."""
    for module in CONVERTED:
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            calls = [c for c in ast.walk(cls) if isinstance(c, ast.Call)
                     and isinstance(c.func, ast.Attribute) and c.func.attr == "tr"
                     and isinstance(c.func.value, ast.Name) and c.func.value.id == "self"]
            if calls:
                first = cls.bases[0] if cls.bases else None
                assert isinstance(first, ast.Name), (module, cls.name)
                assert first.id == "InheritedTr", (module, cls.name)


def test_a_hand_written_plural_agrees_in_every_word(qapp: QApplication) -> None:
    """A plural whose sentence changes beyond the noun (was/were, it/them) is written out in
    full in the .ts: the leftover-files notice (desktop/ui/files.py)."""
    source = ("{path}: the file/files {names} beside it was/were left by another program or a "
              "sync tool. Accord ignored it/them and opened the document as it was last saved; "
              "it/they will be set aside (renamed, not deleted) when you next save.")
    one = QCoreApplication.translate("DocumentController", source, "", 1)
    two = QCoreApplication.translate("DocumentController", source, "", 2)
    assert one.startswith("{path}: the file {names} beside it was left")
    assert "Accord ignored it and" in one
    assert "; it will be set aside" in one
    assert two.startswith("{path}: the files {names} beside it were left")
    assert "Accord ignored them and" in two
    assert "; they will be set aside" in two


def test_german_loads_qts_own_translations(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
        translators: list[QTranslator]) -> None:
    monkeypatch.setenv(LANG_VARIABLE, "de")
    translators.extend(install_translators(qapp))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    try:
        cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        assert cancel.text().replace("&", "") == "Abbrechen"
        # Accord has no German catalogue yet: its text stays English, plurals included.
        assert QCoreApplication.translate("BriefingActions", "%n page(s)", "", 2) == "2 pages"
    finally:
        box.deleteLater()


def test_no_catalogue_for_a_language_is_no_error(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch,
        translators: list[QTranslator]) -> None:
    monkeypatch.setenv(LANG_VARIABLE, "xx_YY")  # no such language: Accord's English file only
    translators.extend(install_translators(qapp))
    assert len(translators) == 1
    assert QCoreApplication.translate("BriefingActions", "%n page(s)", "", 1) == "1 page"


# --------------------------------------------------------------------------- the catalogue


def _messages(ts: Path) -> set[tuple[str, str, bool]]:
    """(context, source text, plural?) of every message of a .ts file still in the code."""
    found: set[tuple[str, str, bool]] = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            found.add((name, message.findtext("source") or "",
                       message.get("numerus") == "yes"))
    return found


def test_catalogue_lists_every_translatable_string(tmp_path: Path) -> None:
    fresh = tmp_path / "accord_en.ts"
    done = subprocess.run(
        [str(_tool("pyside6-lupdate")), "-silent", "-extensions", "py", "-recursive",
         *(str(ROOT / "desktop" / part)
           for part in ("ui", "wording", "report", "cli.py", "doctor.py")),
         "-source-language", "en", "-target-language", "en", "-ts", str(fresh)],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    # make translations' own post-step: it marks the wording's %n messages as plural.
    marked = subprocess.run([sys.executable, str(ROOT / "scripts" / "english_plurals.py"),
                             str(fresh)], capture_output=True, text=True, timeout=120)
    assert marked.returncode == 0, marked.stdout + marked.stderr
    expected, committed = _messages(fresh), _messages(CATALOGUE)
    assert expected, "lupdate found no translatable string"
    assert not expected - committed, f"run make translations: {sorted(expected - committed)}"
    assert not committed - expected, f"run make translations: {sorted(committed - expected)}"


def test_every_plural_message_has_its_english_forms() -> None:
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        for message in context.iter("message"):
            if message.get("numerus") != "yes":
                continue
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            source = message.findtext("source")
            assert len(forms) == 2, (source, forms)  # English: one, other
            unwritten = (f"{source!r}: write its English forms in {CATALOGUE.name} (make "
                         "translations fills in those written with '(s)')")
            assert all(forms), unwritten
            assert translation.get("type") is None, unwritten


def test_compiled_catalogue_is_current(tmp_path: Path) -> None:
    out = tmp_path / "accord_en.qm"
    done = subprocess.run([str(_tool("pyside6-lrelease")), "-silent", str(CATALOGUE), "-qm",
                           str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes() == COMPILED.read_bytes(), "run make translations"


# --------------------------------------------------------------------------- the modules


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _bare_text(node: ast.expr) -> bool:
    """A string written into the call itself: a literal with a letter, or an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):  # "a" + b
        return _bare_text(node.left) or _bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    return False


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, call) for each string shown to the user without a translation call."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or _name(node.func) not in SHOWS_TEXT:
            continue
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in LOGGERS:
            continue
        args = [*node.args, *(k.value for k in node.keywords)]
        if any(_bare_text(a) for a in args):
            found.append((node.lineno, _name(node.func)))
    return found


def test_the_check_finds_bare_strings() -> None:
    assert untranslated('menu.addAction("&Open")\nlabel.setText(f"{n} pages")') == [
        (1, "addAction"), (2, "setText")]
    assert untranslated('menu.addAction(self.tr("&Open"))\n'
                        'QLabel(QCoreApplication.translate("X", "Hi"))\n'
                        'label.setText(text)\nlabel.setText("")\n'
                        '_log.warning("Could not open %s", name)') == []


@pytest.mark.parametrize("module", CONVERTED)
def test_converted_module_shows_no_untranslated_string(module: str) -> None:
    source = (ROOT / module).read_text(encoding="utf-8")
    assert untranslated(source) == []
    assert "tr(" in source or "translate(" in source


# --------------------------------------------------------------------------- every call found

#: Where make translations looks for text (the Makefile's lupdate paths).
SCANNED = ("desktop/ui", "desktop/wording", "desktop/report", "desktop/cli.py",
           "desktop/doctor.py")


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


def translation_calls(source: str) -> Iterator[
        tuple[int, str, str | None, str, ast.expr | None]]:
    """(line, call, context, text, count) for each ``tr`` / ``translate`` call with a literal
    text:
    ``self.tr`` takes its class's name as context, ``X.tr`` X's, ``translate(c, t)`` c."""

    def walk(node: ast.AST, klass: str | None) -> Iterator[
            tuple[int, str, str | None, str, ast.expr | None]]:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else klass
            if isinstance(child, ast.Call) and _name(child.func) in TRANSLATES:
                args = list(child.args)
                counts = {k.arg: k.value for k in child.keywords}
                if _name(child.func) == "tr":
                    receiver = child.func.value if isinstance(child.func, ast.Attribute) \
                        else None
                    context = (klass if isinstance(receiver, ast.Name)
                               and receiver.id == "self" else
                               receiver.id if isinstance(receiver, ast.Name) else None)
                    text = _literal(args[0]) if args else None
                    count = args[2] if len(args) > 2 else counts.get("n")
                else:
                    context = _literal(args[0]) if args else None
                    text = _literal(args[1]) if len(args) > 1 else None
                    count = args[3] if len(args) > 3 else counts.get("n")
                if text is not None:
                    yield child.lineno, _name(child.func), context, text, count
            yield from walk(child, inner)

    yield from walk(ast.parse(source), None)


def _scanned_files() -> list[Path]:
    files: list[Path] = []
    for part in SCANNED:
        path = ROOT / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return files


def test_every_plural_count_is_a_plain_name() -> None:
    """lupdate drops a ``translate(context, text, None, n)`` message without a word when its
    count is an expression (``len(x)``, ``o.n``, ``n + 1``): the count goes in a variable
    first. (``self.tr(text, "", len(x))`` it reads; the next test checks every message.)"""
    bad = [f"{path.relative_to(ROOT)}:{line}" for path in _scanned_files()
           for line, kind, _c, _t, count in translation_calls(path.read_text(encoding="utf-8"))
           if kind == "translate" and count is not None and not isinstance(count, ast.Name)
           and not (isinstance(count, ast.Constant) and count.value == -1)
           and not (isinstance(count, ast.UnaryOp) and isinstance(count.operand, ast.Constant))]
    assert bad == []


def test_every_translated_text_in_the_code_is_in_the_catalogue() -> None:
    """Each literal text the code translates is in the committed catalogue under its context:
    nothing lupdate skipped, nothing added since make translations."""
    catalogue = {(c, t) for c, t, _p in _messages(CATALOGUE)}
    texts = {t for _c, t in catalogue}
    missing = []
    for path in _scanned_files():
        for line, _k, context, text, _n in translation_calls(
                path.read_text(encoding="utf-8")):
            found = (context, text) in catalogue if context is not None else text in texts
            if not found:
                missing.append(f"{path.relative_to(ROOT)}:{line} {context}: {text!r}")
    assert missing == [], "run make translations"


def test_the_call_finder_reads_contexts_and_counts() -> None:
    source = ('class Panel:\n    def f(self, n):\n        self.tr("%n row(s)", "", len(n))\n'
              'translate("Wording.x", "Hi")\nQCoreApplication.translate("Cli", "%n file(s)", '
              'None, n)\n')
    found = [(line, kind, context, text, type(count).__name__)
             for line, kind, context, text, count in translation_calls(source)]
    assert found == [(3, "tr", "Panel", "%n row(s)", "Call"),
                     (4, "translate", "Wording.x", "Hi", "NoneType"),
                     (5, "translate", "Cli", "%n file(s)", "Name")]

"""The command line and the doctor read in the user's language (issue 17).

A small German catalogue is made here (a hand-written .ts compiled with ``pyside6-lrelease``)
and put where ``desktop.ui.i18n.accord_translations_dir`` points; with ``ACCORD_LANG=de`` the
``accord`` command's help, messages and report read German where the catalogue has the text,
English elsewhere (a plural it lacks with its English form, never "(s)"). English leaves the
wording's hook unbound without importing Qt; a catalogue Qt cannot read is English, with the
same exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import cli, doctor
from desktop.cli import english_for_sure, main, user_language
from desktop.ui import i18n
from desktop.wording.translate import current_translator, set_translator
from tests.test_translation import _tool

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "data" / "mini.json"

CHECK_HELP = ("check a draft against every party's red lines (exit 0 viable or viable if its "
              "open points are closed a certain way, 1 not viable)")
CHECK_HILFE = "einen Entwurf an den roten Linien jeder Partei messen"

#: context -> (source, German, or the German plural forms)
GERMAN: dict[str, list[tuple[str, str | tuple[str, str]]]] = {
    "Cli": [
        (CHECK_HELP, CHECK_HILFE),
        ("{prog}: error: {message}", "{prog}: Fehler: {message}"),
        ("Under assessed floors (stated demands are negotiable).",
         "Unter geschätzten Untergrenzen (erklärte Forderungen sind verhandelbar)."),
        ("%n provision(s)", ("%n Bestimmung", "%n Bestimmungen")),
    ],
    "Wording.verdicts": [("No preferences stated.", "Keine Präferenzen angegeben.")],
    "Wording.reasons": [("%n conflict(s)", ("%n Konflikt", "%n Konflikte"))],
    "Doctor": [("Accord doctor: what this computer has for running and testing Accord",
                "Accord-Doktor: was dieser Computer zum Ausführen und Testen hat")],
}


def _write_ts(path: Path) -> None:
    root = ET.Element("TS", version="2.1", language="de", sourcelanguage="en")
    for name, messages in GERMAN.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for source, german in messages:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if isinstance(german, tuple):
                message.set("numerus", "yes")
                for form in german:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = german
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``accord_de.qm``, compiled from the messages of :data:`GERMAN`."""
    folder = tmp_path_factory.mktemp("translations")
    _write_ts(folder / "accord_de.ts")
    subprocess.run([str(_tool("pyside6-lrelease")), "-silent", str(folder / "accord_de.ts"),
                    "-qm", str(folder / "accord_de.qm")], check=True, timeout=60)
    return folder


@pytest.fixture(autouse=True)
def english_hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts unbound, with no locale from the environment but its own, and puts
    back the translator bound before it."""
    for name in ("ACCORD_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    before = set_translator(None)
    yield
    set_translator(before)


@pytest.fixture
def german(catalogue: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(i18n, "accord_translations_dir", lambda: catalogue)
    monkeypatch.setenv("ACCORD_LANG", "de")
    return catalogue


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as done:  # argparse: --help, a usage error
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _flat(text: str) -> str:
    return " ".join(text.split())  # argparse wraps the help


# --------------------------------------------------------------------------- German


def test_the_report_reads_german_where_the_catalogue_has_it(
        german: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["check", str(MINI)], capsys)
    assert code == 1, err  # not viable, as in English
    assert "Unter geschätzten Untergrenzen (erklärte Forderungen sind verhandelbar)." in out
    assert "Keine Präferenzen angegeben." in out  # the wording's text (Wording.verdicts)
    # A plural found ("1 Konflikt") inside one the catalogue lacks, which reads English.
    assert "NOT VIABLE: 1 of 2 parties accept, 1 Konflikt" in out
    assert "Under stated positions: Not viable, 1 of 2 parties accept, 1 Konflikt." in out
    assert "(s)" not in out
    assert "(y/ies)" not in out
    assert current_translator() is None  # main() unbinds what it bound


def test_plurals_are_resolved_both_ways(
        german: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["import", str(MINI), "-o", str(tmp_path / "mini.accord")], capsys)
    assert code == 0, err
    assert "(5 Bestimmungen, 1 draft)" in out  # found and filled in; not found: English


def test_the_help_and_a_usage_error_read_german(
        german: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["--help"], capsys)
    assert code == 0
    assert CHECK_HILFE in _flat(out)
    assert "start the desktop app (the default)" in _flat(out)  # not in the catalogue
    code, _, err = _run(["check"], capsys)
    assert code == cli.EXIT_BAD_INPUT
    assert err.splitlines()[-1].startswith("accord check: Fehler: the following arguments")


def test_the_doctor_reads_german(german: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doctor.main()
    out = capsys.readouterr().out
    assert out.startswith("Accord-Doktor: was dieser Computer zum Ausführen und Testen hat\n")
    assert "Python packages:" in out  # not in the catalogue
    assert current_translator() is None


def test_a_translator_bound_already_is_kept(german: Path) -> None:
    def mine(context: str, text: str, disambiguation: str | None, n: int) -> str:
        return f"<{text}>"

    set_translator(mine)
    with user_language() as bound:
        assert not bound
        assert current_translator() is mine


# --------------------------------------------------------------------------- English


@pytest.mark.parametrize("lang", ["en", "en_GB", "C"])
def test_english_leaves_the_hook_unbound(german: Path, lang: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORD_LANG", lang)
    with user_language() as bound:
        assert not bound
        assert current_translator() is None


@pytest.mark.parametrize("lang", ["fr", "xx_!!", "zz"])
def test_no_catalogue_or_a_bad_name_is_english(german: Path, lang: str,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ACCORD_LANG", lang)
    with user_language() as bound:
        assert not bound
    code, out, _ = _run(["check", str(MINI)], capsys)
    assert code == 1
    assert "Under assessed floors (stated demands are negotiable)." in out


@pytest.mark.parametrize("damage", ["garbage", "truncated", "unreadable"])
def test_a_catalogue_qt_cannot_read_is_english(
        catalogue: Path, damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    qm = tmp_path / "accord_de.qm"
    if damage == "garbage":
        qm.write_bytes(b"not a catalogue\n" * 20)
    elif damage == "truncated":  # Qt's magic number, then the file stops
        qm.write_bytes((catalogue / "accord_de.qm").read_bytes()[:40])
    else:
        qm.mkdir()  # a name Qt finds but cannot read as a file
    monkeypatch.setattr(i18n, "accord_translations_dir", lambda: tmp_path)
    monkeypatch.setenv("ACCORD_LANG", "de")
    code, out, err = _run(["check", str(MINI)], capsys)
    monkeypatch.delenv("ACCORD_LANG")
    english = _run(["check", str(MINI)], capsys)
    assert (code, out, err) == english
    assert code == 1


def test_english_is_decided_without_qt() -> None:
    """``accord`` in English never imports QtCore (the command line's start-up)."""
    script = ("import sys; from desktop.cli import main; code = main(['schema']); "
              "print(code, 'PySide6.QtCore' in sys.modules, 'desktop.ui.i18n' in sys.modules)")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ACCORD_") and not k.startswith("LC_") and k != "LANGUAGE"}
    for lang in ({"ACCORD_LANG": "en"}, {"LANG": "en_US.UTF-8"}, {"LANG": "C.UTF-8"}):
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**env, **lang},
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1] == "0 False False", lang


@pytest.mark.parametrize(("environ", "platform", "english"), [
    ({}, "linux", True),
    ({"LANG": "C.UTF-8"}, "linux", True),
    ({"LANG": "POSIX"}, "linux", True),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "en_GB:en"}, "linux", True),
    ({"ACCORD_LANG": "en-US"}, "linux", True),
    ({"ACCORD_LANG": "en"}, "win32", True),
    ({"LANG": "de_DE.UTF-8"}, "linux", False),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "linux", False),
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:en"}, "linux", False),  # Qt reads LANGUAGE
    ({"LC_ALL": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"}, "freebsd14", False),
    ({"ACCORD_LANG": "de", "LANG": "en_US.UTF-8"}, "linux", False),
    ({"LANG": "en_US.UTF-8"}, "win32", False),  # Windows keeps it in its settings: ask Qt
    ({"LANG": "en_US.UTF-8"}, "darwin", False),
])
def test_english_is_known_from_the_environment_on_posix(
        environ: dict[str, str], platform: str, english: bool) -> None:
    assert english_for_sure(environ, platform) is english

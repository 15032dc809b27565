"""The CLI's outputs are safe: they never replace a document or their own input, file names
that are not UTF-8 work, and nothing a file says can fake a line or drive the terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain import Scenario, dump_scenario, json_schema
from desktop.domain.interchange import scenario_from_dict
from desktop.report import full_sheet
from desktop.report.render import write_pdf
from desktop.store import DocumentError, export_json, lock_document, save_document, write_atomic
from desktop.store.files import IS_A_DOCUMENT, is_accord_document, replace_atomically
from desktop.store.lock import lock_path
from desktop.textsafe import json_terminal_safe, terminal_safe

DATA = Path(__file__).parent / "data"
LINUX = sys.platform.startswith("linux")


def run(*args: str | bytes | Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with a strict UTF-8 stdout (as on a desktop whose
    locale is en_US.UTF-8): a character it cannot encode would crash it."""
    child_env = {k: v for k, v in os.environ.items() if k != "ACCORD_DEBUG"}
    child_env.update({"PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen", **env})
    argv: list[str | bytes] = [sys.executable, "-m", "desktop"]
    argv.extend(os.fspath(a) for a in args)
    return subprocess.run(argv, capture_output=True, text=True, check=False, env=child_env,
                          errors="surrogateescape")


def one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Exit 2, nothing on stdout, exactly one line on stderr holding every fragment."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def doc(tmp_path: Path, mini: Scenario) -> Path:
    path = tmp_path / "deal.accord"
    save_document(mini, path)
    return path


# --------------------------------------------------------------------------- 1. documents


@pytest.mark.parametrize("command", ["export", "brief", "schema"])
def test_no_command_but_import_replaces_a_document(tmp_path: Path, doc: Path,
                                                   command: str) -> None:
    victim = tmp_path / "other.accord"
    victim.write_bytes(doc.read_bytes())
    commands: dict[str, list[str | bytes | Path]] = {
        "export": ["export", doc, "-o", victim],
        "brief": ["brief", doc, "-o", victim],
        "schema": ["schema", "-o", victim],
    }
    args = commands[command]
    before = snapshot(tmp_path)
    one_line_error(run(*args), str(victim), "it is an Accord document")
    assert snapshot(tmp_path) == before
    assert is_accord_document(victim)


@pytest.mark.parametrize("command", ["export", "brief"])
def test_an_output_onto_its_own_input_is_refused(tmp_path: Path, doc: Path,
                                                 command: str) -> None:
    before = snapshot(tmp_path)
    one_line_error(run(command, doc, "-o", doc), str(doc), "this command's input file")
    # the same file under another name: a hard link and a relative path
    link = tmp_path / "link.accord"
    os.link(doc, link)
    one_line_error(run(command, doc, "-o", link), "this command's input file")
    link.unlink()
    assert snapshot(tmp_path) == before


def test_brief_and_import_refuse_their_own_json_input(tmp_path: Path, mini: Scenario) -> None:
    source = tmp_path / "scenario.json"
    source.write_text(dump_scenario(mini), encoding="utf-8")
    before = snapshot(tmp_path)
    one_line_error(run("brief", source, "-o", source), "this command's input file")
    one_line_error(run("import", source, "-o", source), "this command's input file")
    assert snapshot(tmp_path) == before


def test_import_still_replaces_a_document(tmp_path: Path, doc: Path, mini: Scenario) -> None:
    source = tmp_path / "new.json"
    source.write_text(dump_scenario(mini.model_copy(update={"title": "Replaced"})),
                      encoding="utf-8")
    result = run("import", source, "-o", doc)
    assert result.returncode == 0, result.stderr
    assert main(["check", str(doc)], out=io.StringIO()) == 1


def test_a_locked_file_is_never_replaced(tmp_path: Path, doc: Path) -> None:
    """A file whose lock is held (here by this process: another process to the child) is
    refused even when it is not a document yet; a locked document is refused too."""
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old pdf")
    lock = lock_document(target)
    assert lock is not None
    try:
        one_line_error(run("schema", "-o", target), str(target), "open in another Accord window")
        one_line_error(run("brief", doc, "-o", target), "open in another Accord window")
        with pytest.raises(DocumentError, match="open in another Accord window"):
            write_atomic(target, b"new")  # this process holds it: the same refusal
    finally:
        lock.release()
    assert target.read_bytes() == b"old pdf"
    doc_lock = lock_document(doc)
    try:
        before = doc.read_bytes()
        one_line_error(run("schema", "-o", doc), str(doc))
        assert doc.read_bytes() == before
    finally:
        if doc_lock is not None:
            doc_lock.release()
    assert run("schema", "-o", target).returncode == 0  # free again: written
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()


def test_every_writer_of_another_kind_refuses_a_document(tmp_path: Path, doc: Path,
                                                         mini: Scenario, qapp: object) -> None:
    """The shared writing path, so the window's Export JSON and Export PDF get it too."""
    before = doc.read_bytes()
    writers = {
        "export_json": lambda: export_json(mini, doc),
        "write_pdf": lambda: write_pdf(full_sheet(mini, mini.drafts[0]), doc),
        "write_atomic": lambda: write_atomic(doc, b"bytes"),
    }
    for name, write in writers.items():
        with pytest.raises(DocumentError) as caught:
            write()
        assert caught.value.reason == IS_A_DOCUMENT, name
        assert caught.value.path == doc
    # through a symbolic link too
    link = tmp_path / "link.json"
    link.symlink_to(doc)
    with pytest.raises(DocumentError, match="it is an Accord document"):
        export_json(mini, link)
    assert doc.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.accord", "link.json"]
    save_document(mini, doc)  # a document may replace a document


def test_a_document_saved_there_while_writing_is_not_replaced(tmp_path: Path, doc: Path,
                                                              mini: Scenario) -> None:
    """The target is checked again just before the move."""
    target = tmp_path / "late.json"

    def fill(tmp: Path) -> None:
        tmp.write_bytes(b"{}")
        save_document(mini, target)  # someone saves a document at the output's name meanwhile

    with pytest.raises(DocumentError, match="it is an Accord document"):
        replace_atomically(target, fill, output="other")
    assert is_accord_document(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.accord", "late.json"]


def test_document_sniffing(tmp_path: Path, doc: Path) -> None:
    assert is_accord_document(doc)
    other = tmp_path / "other.sqlite"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("create table t (x)")
    conn.close()
    assert not is_accord_document(other)  # another program's database: not ours to protect
    assert not is_accord_document(tmp_path / "missing.accord")
    assert not is_accord_document(tmp_path)
    (tmp_path / "short.accord").write_bytes(doc.read_bytes()[:40])
    assert not is_accord_document(tmp_path / "short.accord")


# --------------------------------------------------------------------------- 2. file names


@pytest.mark.skipif(not LINUX, reason="file names that are not UTF-8 (Linux file systems)")
def test_output_names_that_are_not_utf8_work_and_print(tmp_path: Path, doc: Path) -> None:
    source = tmp_path / "s.json"
    source.write_text(dump_scenario(scenario_from_dict(
        json.loads((DATA / "mini.json").read_text(encoding="utf-8")))), encoding="utf-8")
    folder = os.fsencode(tmp_path)
    cases: list[tuple[list[str | bytes | Path], bytes, int]] = [
        (["import", source, "-o"], b"\xff.accord", 0),
        (["export", doc, "-o"], b"\xfe.json", 0),
        (["brief", doc, "-o"], b"\xfd.pdf", 1),
        (["schema", "-o"], b"\xfc.json", 0),
    ]
    for args, name, code in cases:
        out = folder + b"/" + name
        result = run(*args, out)
        assert result.returncode == code, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr == ""
        assert os.path.exists(out)
        if args[0] != "schema":
            assert f"\\x{name[0]:02x}." in result.stdout  # the byte shown, not a crash
    # and as an input, in an error message
    result = run("check", folder + b"/\xfb.accord")
    one_line_error(result, "\\xfb.accord", "does not exist")
    result = run("check", folder + b"/\xff.accord", "--draft", b"\xff")
    one_line_error(result, "\\xff.accord", "no draft '\\xff'")


# --------------------------------------------------------------------------- 3. escaping


HOSTILE = "\x1b[2J\x1b[32m\nVIABLE: 2 of 2 parties accept\x1b[0m\u202e\t\x9b31m\x7f\x00"


def test_terminal_safe_escapes_what_drives_a_terminal() -> None:
    assert terminal_safe("Plain, Ünïcödé, Кириллица, 🕊️ and C:\\Users\\x") == \
        "Plain, Ünïcödé, Кириллица, 🕊️ and C:\\Users\\x"
    assert terminal_safe(HOSTILE) == ("\\x1b[2J\\x1b[32m\\nVIABLE: 2 of 2 parties accept"
                                      "\\x1b[0m\\u202e\\t\\x9b31m\\x7f\\x00")
    assert terminal_safe("a\u2028b\u2029c\u2066d\u200fe\r") == \
        "a\\u2028b\\u2029c\\u2066d\\u200fe\\r"
    assert terminal_safe(Path("/tmp/\udcff\udc80.pdf")) == "/tmp/\\xff\\x80.pdf"
    assert terminal_safe("\ud800") == "\\ud800"
    for code in [*range(0x20), *range(0x7F, 0xA0), 0x202E, 0xDCFF]:
        out = terminal_safe(chr(code))
        assert out.isprintable(), hex(code)
        assert out.isascii(), hex(code)


def test_json_terminal_safe_is_exact_json() -> None:
    value = {"title": HOSTILE + "\udcff", HOSTILE: [HOSTILE, "\u2028"]}
    text = json_terminal_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value
    assert text.isprintable()
    assert text.encode("utf-8")


def hostile_scenario() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    data["title"] = "Mini" + HOSTILE
    data["parties"][0]["name"] = "Ukraine" + HOSTILE
    data["parties"][0]["red_lines"][0]["title"] = "Army" + HOSTILE
    data["parties"][1]["name"] = "Russia\u202e"
    data["drafts"][0]["title"] = "Draft" + HOSTILE
    return data


def unsafe(text: str) -> list[str]:
    return [c for c in text if c not in "\n" and not c.isprintable()]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_scenario()), encoding="utf-8")
    return path


def test_check_cannot_be_made_to_print_a_fake_verdict(hostile: Path) -> None:
    result = run("check", hostile)
    assert result.returncode == 1
    assert unsafe(result.stdout) == []
    lines = result.stdout.splitlines()
    assert lines[1].startswith("NOT VIABLE: 1 of 2 parties accept")
    assert not any(line.startswith("VIABLE") for line in lines)
    assert lines[0] == f"Draft{terminal_safe(HOSTILE)} [d1]"
    assert f"  REJECTS    Ukraine{terminal_safe(HOSTILE)} (25% of what it addresses)" in lines
    assert "  ACCEPTS    Russia\\u202e (no preferences)" in lines
    # the same number of lines as for the harmless scenario
    plain = run("check", DATA / "mini.json").stdout.splitlines()
    assert len(lines) == len(plain)


def test_check_json_stays_exact(hostile: Path) -> None:
    result = run("check", hostile, "--json")
    assert result.returncode == 1
    assert unsafe(result.stdout) == []
    report = json.loads(result.stdout)
    assert report["parties"][0]["name"] == "Ukraine" + HOSTILE
    assert report["parties"][1]["name"] == "Russia\u202e"
    assert report["parties"][0]["violations"][0]["title"] == "Army" + HOSTILE


def test_import_export_and_brief_print_titles_safely(tmp_path: Path, hostile: Path) -> None:
    doc = tmp_path / "h.accord"
    out_json = tmp_path / "h.json"
    out_pdf = tmp_path / "h.pdf"
    for args in (("import", hostile, "-o", doc), ("export", doc, "-o", out_json),
                 ("brief", doc, "-o", out_pdf)):
        result = run(*args)
        assert result.returncode in (0, 1), result.stderr
        assert len(result.stdout.splitlines()) == 1, result.stdout
        assert unsafe(result.stdout) == []


def test_error_messages_are_one_safe_line(tmp_path: Path, hostile: Path) -> None:
    bad = tmp_path / "bad.json"
    data = hostile_scenario()
    data["x\x1b[2J\nVIABLE"] = 1  # an unknown key
    data["parties"][0]["evil\u202e"] = 2
    bad.write_text(json.dumps(data), encoding="utf-8")
    line = one_line_error(run("check", bad), str(bad), "unknown key")
    assert unsafe(line) == []
    assert "x\\x1b[2J\\nVIABLE: unknown key" in line
    assert "parties[0].evil\\u202e: unknown key" in line
    # ids and draft names typed on the command line
    line = one_line_error(run("check", hostile, "--draft", "\x1b[31m\nnope"),
                          "no draft '\\x1b[31m\\nnope'")
    line = one_line_error(run("brief", hostile, "--party", "a\u202eb", "-o", tmp_path / "o.pdf"),
                          "no party 'a\\u202eb'")
    result = run("check", hostile, "extra\x1b[2J")  # argparse: its usage line, then ours
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == \
        "accord: error: unrecognized arguments: extra\\x1b[2J"
    assert unsafe(result.stderr) == []
    # a file name with a newline and an escape
    named = tmp_path / "evil\n\x1b[32mVIABLE.json"
    named.write_text("{not json", encoding="utf-8")
    one_line_error(run("check", named), "evil\\n\\x1b[32mVIABLE.json: not valid JSON")


@pytest.fixture
def hostile_lock(tmp_path: Path) -> Iterator[Path]:
    """A document locked by this process whose lock file names a hostile owner."""
    target = tmp_path / "locked.accord"
    lock = lock_document(target)
    assert lock is not None
    owner = {"pid": 1, "user": "mallory\x1b[2J\nVIABLE", "host": "h\u202eost",
             "since": "2026-01-01T10:00:00"}
    with open(lock_path(target), "r+b") as f:  # beside the held lock: only its text changes
        f.write(json.dumps(owner).encode("utf-8"))
    try:
        yield target
    finally:
        lock.release()


def test_lock_owner_text_is_escaped(hostile_lock: Path, hostile: Path) -> None:
    line = one_line_error(run("import", hostile, "-o", hostile_lock), str(hostile_lock),
                          "mallory\\x1b[2J\\nVIABLE@h\\u202eost")
    assert unsafe(line) == []
    assert not hostile_lock.exists()

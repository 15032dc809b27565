"""``accord brief``: exit codes as for ``check``, headless, one line for bad input, nothing
written on failure."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.resources import default_scenario_path

DATA = Path(__file__).parent / "data"
UKRAINE = default_scenario_path()


def run(*args: str | Path, display: bool = False) -> subprocess.CompletedProcess[str]:
    """The real command in a child process with no display and no QT_QPA_PLATFORM: the CLI
    must choose the offscreen platform itself."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("ACCORD_DEBUG", "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, check=False, env=env)


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="headless Linux behaviour")
def test_headless_full_briefing_not_viable_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "full.pdf"
    result = run("brief", UKRAINE, "--draft", "us-28", "-o", out)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    assert "pages" in result.stdout
    assert "Not viable" in result.stdout
    text = text_of(out)
    assert "Full briefing" in text.replace("FULL BRIEFING", "Full briefing")
    assert "Page 1 of" in text


def test_viable_party_briefing_exits_0_on_letter(tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "p.pdf"
    # mini.json's first draft: check it with `check` first, and brief must agree
    check_rc = main(["check", str(DATA / "mini.json")], out=io.StringIO())
    rc = main(["brief", str(DATA / "mini.json"), "--party", "russia", "--paper", "letter",
               "--marking", "EYES ONLY", "-o", str(out)], out=io.StringIO())
    assert rc == check_rc
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "EYES ONLY" in text_of(out)


def test_brief_exit_code_matches_check_for_every_draft(tmp_path: Path, qapp: object) -> None:
    for draft in ("us-28", "e3-counter", "berlin", "twenty-point"):
        expected = main(["check", str(UKRAINE), "--draft", draft], out=io.StringIO())
        got = main(["brief", str(UKRAINE), "--draft", draft, "-o", str(tmp_path / "x.pdf")],
                   out=io.StringIO())
        assert got == expected, draft


def test_compare_uses_the_first_drafts_viability(tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "cmp.pdf"
    rc = main(["brief", str(UKRAINE), "--draft", "us-28", "--compare", "berlin", "-o",
               str(out)], out=io.StringIO())
    assert rc == main(["check", str(UKRAINE), "--draft", "us-28"], out=io.StringIO())
    assert "Red lines that flip" in text_of(out)


@pytest.mark.parametrize(("args", "culprit"), [
    (["--draft", "nope"], "no draft 'nope'"),
    (["--party", "nope"], "no party 'nope'"),
    (["--compare", "nope"], "no draft 'nope'"),
    (["--paper", "a3"], "invalid choice"),
    (["--party", "russia", "--compare", "berlin"], "not allowed with"),
])
def test_bad_usage_exits_2_with_one_line_and_writes_nothing(
        tmp_path: Path, args: list[str], culprit: str) -> None:
    out = tmp_path / "out.pdf"
    result = run("brief", UKRAINE, *args, "-o", out)
    assert result.returncode == 2
    assert culprit in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_bad_file_and_unwritable_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run("brief", bad, "-o", tmp_path / "o.pdf")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0]
    assert not (tmp_path / "o.pdf").exists()

    target = tmp_path / "missing-folder" / "o.pdf"
    result = run("brief", UKRAINE, "-o", target)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(target) in result.stderr
    assert "Traceback" not in result.stderr


def test_failed_write_keeps_the_old_file(tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    rc = main(["brief", str(UKRAINE), "--draft", "nope", "-o", str(out)], out=io.StringIO())
    assert rc == 2
    assert out.read_bytes() == b"old"

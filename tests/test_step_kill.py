"""F2: a deterministic kill at each step of Save, Save As, Export JSON and Export PDF.

tests/helpers/step_kill.py counts every file-system call and SQL statement a command makes,
then SIGKILLs a fresh child just before each one in turn. After every kill the folder must
hold the old state or the new one (never a mix, never a damaged file, never a half backup
that looks real), and the same command run again must succeed and clean up what the killed
one left behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.domain import Scenario, dump_scenario, parse_scenario

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill server forks"),
]

ROOT = Path(__file__).resolve().parents[1]
HELPER = ROOT / "tests" / "helpers" / "step_kill.py"
OPS = ("save", "save_as", "export_json", "export_pdf")
KILLED = f"killed by signal {9}"


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Run the four commands' kill servers side by side; their reports, by command."""
    old = parse_scenario((ROOT / "tests" / "data" / "mini.json").read_bytes())
    new: Scenario = old.model_copy(update={"title": "The state after the save",
                                           "summary": "Ω, 🕊️ and <b>markup</b>. " * 200})
    procs = {}
    for op in OPS:
        workdir = tmp_path_factory.mktemp(op)
        (workdir / "old.json").write_text(dump_scenario(old), encoding="utf-8")
        (workdir / "new.json").write_text(dump_scenario(new), encoding="utf-8")
        procs[op] = (workdir, subprocess.Popen(
            [sys.executable, str(HELPER), op, str(workdir)], cwd=ROOT,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}))
    reports = {}
    for op, (workdir, proc) in procs.items():
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        reports[op] = [json.loads(line) for line in out.splitlines()]
        shutil.rmtree(workdir)
    return reports


def steps_of(report: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    *kills, done = report
    assert "done" in done
    assert [k["k"] for k in kills] == list(range(1, done["done"] + 1))
    return kills, done


def test_every_step_of_save_leaves_the_old_or_the_new_document(
    runs: dict[str, list[dict[str, Any]]],
) -> None:
    kills, done = steps_of(runs["save"])
    assert done["done"] >= 40
    assert {"sql", "shutil.copy2", "os.sendfile", "os.fsync", "os.replace"} <= set(done["steps"])
    seen = set()
    for kill in kills:
        state, after = kill["state"], kill["after"]
        assert kill["ended"] == KILLED, kill
        assert state["deal.accord"] in ("old", "new"), kill
        assert set(state["backups"]) <= {"old"}, kill  # a half-copied backup is never listed
        assert state["visible"] == ["deal.accord"], kill
        assert kill["again"] == "exit 0", kill
        assert after["deal.accord"] == "new", kill
        assert set(after["backups"]) <= {"old", "new"}, kill
        assert after["leftovers"] == [], kill
        seen.add(state["deal.accord"])
    assert seen == {"old", "new"}  # the kills did reach both sides of the replace


def test_every_step_of_save_as_leaves_no_file_or_the_whole_new_one(
    runs: dict[str, list[dict[str, Any]]],
) -> None:
    kills, done = steps_of(runs["save_as"])
    assert done["done"] >= 40
    seen = set()
    for kill in kills:
        state, after = kill["state"], kill["after"]
        assert kill["ended"] == KILLED, kill
        assert state["deal.accord"] == "old", kill  # the document it came from is untouched
        assert state["copy.accord"] in ("absent", "new"), kill
        assert set(state["visible"]) <= {"deal.accord", "copy.accord"}, kill
        assert kill["again"] == "exit 0", kill
        assert (after["deal.accord"], after["copy.accord"]) == ("old", "new"), kill
        assert after["leftovers"] == [], kill
        seen.add(state["copy.accord"])
    assert seen == {"absent", "new"}


@pytest.mark.parametrize(("op", "name"), [("export_json", "deal.json"),
                                          ("export_pdf", "brief.pdf")])
def test_every_step_of_an_export_leaves_the_old_or_the_new_file(
    runs: dict[str, list[dict[str, Any]]], op: str, name: str,
) -> None:
    kills, done = steps_of(runs[op])
    assert done["done"] >= 10
    assert {"file.write", "os.fsync", "os.replace"} <= set(done["steps"])
    seen = set()
    for kill in kills:
        state, after = kill["state"], kill["after"]
        assert kill["ended"] == KILLED, kill
        assert state[name] in ("old", "new"), kill
        assert state["visible"] == [name], kill
        assert kill["again"] == "exit 0", kill
        assert after[name] == "new", kill
        assert after["leftovers"] == [], kill
        seen.add(state[name])
    assert seen == {"old", "new"}

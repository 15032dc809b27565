"""F4 through the app, as a user who is not root: a document in a read-only folder, and a
document file the user may not write in a folder they may. Each time the window opens it
read-only with a message naming the file and the cause, Save offers Save As, the work is
saved elsewhere, and the original is never replaced.

Root ignores permissions, so the app runs in a child process that switches to ``nobody``
after its imports (tests/helpers/limited_save.py ``nobody_gui``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop.domain import dump_scenario, parse_scenario
from desktop.store import save_document
from tests.helpers.system import needs_another_user

ROOT = Path(__file__).resolve().parents[1]
HELPER = ROOT / "tests" / "helpers" / "limited_save.py"

pytestmark = needs_another_user


def run_as_nobody(*args: str | Path) -> Any:
    result = subprocess.run(
        [sys.executable, str(HELPER), *map(str, args)], cwd=ROOT, capture_output=True,
        text=True, check=False, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_read_only_folder_and_file_as_another_user(
    shared_folders: tuple[Path, Path], mini_json: bytes
) -> None:
    read_only, writable = shared_folders
    mini = parse_scenario(mini_json)
    in_folder, owned = read_only / "doc.accord", writable / "root-owned.accord"
    save_document(mini, in_folder)
    save_document(mini, owned)
    owned.chmod(0o644)  # root's file: nobody may read it, not write it
    scenario_json = writable / "scenario.json"
    scenario_json.write_text(dump_scenario(mini), encoding="utf-8")
    before = {p: p.read_bytes() for p in (in_folder, owned)}

    results = run_as_nobody("nobody_gui", scenario_json, read_only, writable)

    for case, doc, reason, store_reason in (
        ("folder", in_folder, "its folder is read-only",
         "permission denied: the folder is read-only"),
        ("file", owned, "the file is read-only",
         "the file is read-only (its permissions do not allow changes)"),
    ):
        got = results[case]
        assert got["opened"] is True
        assert got["read_only"] == reason
        assert got["told"] == [f"{doc}: {reason}.\n\nIt was opened read-only: you can change it "
                               "and keep your work with File → Save As."]
        # Save said why and offered Save As; the edited work went to the new file.
        assert got["offered"][0] == f"{doc}: {reason}"
        assert got["saved"] is True
        assert got["now_editing"] == str(writable / f"rescued-{case}.accord")
        assert got["rescued_equal"] is True
        assert got["read_only_after"] is None
        # Even Save As onto the original is refused with the store's reason, and Save As
        # offered again.
        assert got["forced_offered"] == [f"{doc}: {store_reason}"]
        assert got["errors"] == []
    assert {p: p.read_bytes() for p in before} == before

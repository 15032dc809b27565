"""Saves under limits the test process must not put on itself, for tests/test_store.py.

    python tests/helpers/limited_save.py fsize SCENARIO.json FOLDER LIMIT [LIMIT ...]
        For each LIMIT: set RLIMIT_FSIZE (a full disk, as the kernel shows it to a writer), then
        save_document / export_json / write_atomic onto FOLDER/doc.accord, doc.json, data.bin.
    python tests/helpers/limited_save.py nobody SCENARIO.json READ_ONLY_FOLDER WRITABLE_FOLDER
        Warm up as root (every import a save needs), become ``nobody``, then write into a
        read-only folder, read root's private files, and save into a writable folder.

    python tests/helpers/limited_save.py nobody_gui SCENARIO.json READ_ONLY_FOLDER WRITABLE_FOLDER
        The same as ``nobody``, through the app's document controller (Qt offscreen): open
        ``doc.accord`` from the read-only folder and ``root-owned.accord`` (a file nobody may
        write) from the writable one, edit, save, and record what the user is told and offered.
    python tests/helpers/limited_save.py fsize_pdf SCENARIO.json FOLDER LIMIT [LIMIT ...]
        Like ``fsize``, for the full briefing PDF written onto FOLDER/brief.pdf.

Prints one JSON object: what each operation did (``"ok"`` or the DocumentError's reason).
"""

from __future__ import annotations

import json
import os
import pwd
import resource
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.domain.interchange import parse_scenario
from desktop.store import (
    DocumentError,
    export_json,
    import_json,
    lock_document,
    open_document,
    save_document,
    save_with_backup,
    write_atomic,
)


def outcome(action: Callable[[], object]) -> str:
    try:
        action()
    except DocumentError as err:
        return err.reason
    return "ok"


def fsize(scenario_json: Path, folder: Path, limits: list[int]) -> dict[str, object]:
    scenario = parse_scenario(scenario_json.read_bytes())
    save_document(scenario, folder / "warm-up.accord")  # imports Alembic before any limit
    (folder / "warm-up.accord").unlink()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    results: dict[str, object] = {}
    for limit in limits:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        try:
            results[str(limit)] = {
                "document": outcome(lambda: save_document(scenario, folder / "doc.accord")),
                "json": outcome(lambda: export_json(scenario, folder / "doc.json")),
                "bytes": outcome(lambda: write_atomic(folder / "data.bin", b"x" * 200_000)),
            }
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    return results


def nobody(scenario_json: Path, read_only: Path, writable: Path) -> dict[str, object]:
    scenario = parse_scenario(scenario_json.read_bytes())
    warm = writable / "warm-up.accord"
    save_document(scenario, warm)
    open_document(warm)
    export_json(scenario, writable / "warm-up.json")
    import_json(writable / "warm-up.json")
    for name in ("warm-up.accord", "warm-up.json"):
        (writable / name).unlink()

    become_nobody()

    results: dict[str, object] = {
        "save": outcome(lambda: save_document(scenario, read_only / "doc.accord")),
        "save_new": outcome(lambda: save_document(scenario, read_only / "new.accord")),
        "export": outcome(lambda: export_json(scenario, read_only / "doc.json")),
        "write_atomic": outcome(lambda: write_atomic(read_only / "data.bin", b"data")),
        "open_private": outcome(lambda: open_document(read_only / "private.accord")),
        "import_private": outcome(lambda: import_json(read_only / "private.json")),
        "open_public": outcome(lambda: open_document(read_only / "doc.accord")),
        "save_writable": outcome(lambda: save_document(scenario, writable / "mine.accord")),
    }
    results["reopen_writable_equal"] = open_document(writable / "mine.accord") == scenario
    return results


def become_nobody() -> None:
    user = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)


def fsize_pdf(scenario_json: Path, folder: Path, limits: list[int]) -> dict[str, object]:
    from desktop.report import full_sheet
    from desktop.report.render import ensure_app, write_pdf

    ensure_app()
    scenario = parse_scenario(scenario_json.read_bytes())
    sheet = full_sheet(scenario, scenario.drafts[0], date="2025-12-01")
    write_pdf(sheet, folder / "warm-up.pdf")  # loads fonts and the PDF engine before any limit
    (folder / "warm-up.pdf").unlink()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    results: dict[str, object] = {}
    for limit in limits:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
        try:
            results[str(limit)] = {"pdf": outcome(lambda: write_pdf(sheet, folder / "brief.pdf"))}
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
    return results


def nobody_gui(scenario_json: Path, read_only: Path, writable: Path) -> dict[str, object]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["HOME"] = str(writable)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.commands import Editor
    from desktop.ui.files import DocumentController
    from desktop.ui.workspace import Workspace
    from tests.test_ui_mainwindow import FakePrompter

    app = QApplication([])
    scenario = parse_scenario(scenario_json.read_bytes())
    # Python's own files under root's home are closed to nobody: import all a save needs now.
    warm = writable / "warm-up.accord"
    for _ in range(2):
        save_with_backup(scenario, warm)
    open_document(warm)
    lock = lock_document(warm)
    if lock is not None:
        lock.release()
    shutil.rmtree(writable / ".warm-up.accord.backups")
    warm.unlink()

    become_nobody()
    os.environ["XDG_RUNTIME_DIR"] = str(writable)
    results: dict[str, object] = {}
    for name, doc in (("folder", read_only / "doc.accord"),
                      ("file", writable / "root-owned.accord")):
        # A user who accepts Save As, into a new file in the writable folder.
        rescue = writable / f"rescued-{name}.accord"
        prompter = FakePrompter(save_answer="discard", save_as_instead=True,
                                save_as_answer=rescue)
        settings = QSettings(str(writable / f"settings-{name}.ini"), QSettings.Format.IniFormat)
        ws = Workspace(scenario)
        files = DocumentController(ws, settings, prompter, writable / "recovery", parent=ws)
        opened = files.open(doc)
        read_only_reason = files.read_only
        Editor(ws).add_clause(scenario.provisions[0].id)
        saved = files.save()
        results[name] = {
            "opened": opened,
            "read_only": read_only_reason,
            "told": [message for _, message in prompter.infos],
            "offered": list(prompter.offers),
            "errors": [m for c, m in prompter.errors if c != "Could not save"
                       or m not in prompter.offers],
            "saved": saved,
            "now_editing": str(ws.path),
            "rescued_equal": open_document(rescue) == ws.scenario,
            "read_only_after": files.read_only,
        }
        # Forcing a save over the original still cannot replace it.
        prompter.save_as_answer = writable / f"second-{name}.accord"
        results[name]["forced"] = files.save_as(doc)  # type: ignore[index]
        results[name]["forced_offered"] = prompter.offers[1:]  # type: ignore[index]
        ws.undo_stack.setClean()
        files.close()
    app.quit()
    return results


def main(argv: list[str]) -> int:
    mode, scenario_json, rest = argv[0], Path(argv[1]), argv[2:]
    if mode == "fsize":
        result = fsize(scenario_json, Path(rest[0]), [int(x) for x in rest[1:]])
    elif mode == "fsize_pdf":
        result = fsize_pdf(scenario_json, Path(rest[0]), [int(x) for x in rest[1:]])
    elif mode == "nobody":
        result = nobody(scenario_json, Path(rest[0]), Path(rest[1]))
    elif mode == "nobody_gui":
        result = nobody_gui(scenario_json, Path(rest[0]), Path(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Saves under limits the test process must not put on itself, for tests/test_store.py.

    python tests/helpers/limited_save.py fsize SCENARIO.json FOLDER LIMIT [LIMIT ...]
        For each LIMIT: set RLIMIT_FSIZE (a full disk, as the kernel shows it to a writer), then
        save_document / export_json / write_atomic onto FOLDER/doc.accord, doc.json, data.bin.
    python tests/helpers/limited_save.py nobody SCENARIO.json READ_ONLY_FOLDER WRITABLE_FOLDER
        Warm up as root (every import a save needs), become ``nobody``, then write into a
        read-only folder, read root's private files, and save into a writable folder.

Prints one JSON object: what each operation did (``"ok"`` or the DocumentError's reason).
"""

from __future__ import annotations

import json
import os
import pwd
import resource
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.domain.interchange import parse_scenario
from desktop.store import (
    DocumentError,
    export_json,
    import_json,
    open_document,
    save_document,
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

    user = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(user.pw_gid)
    os.setuid(user.pw_uid)

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


def main(argv: list[str]) -> int:
    mode, scenario_json, rest = argv[0], Path(argv[1]), argv[2:]
    if mode == "fsize":
        result = fsize(scenario_json, Path(rest[0]), [int(x) for x in rest[1:]])
    elif mode == "nobody":
        result = nobody(scenario_json, Path(rest[0]), Path(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

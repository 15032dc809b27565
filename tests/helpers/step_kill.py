"""A fork server for tests/test_step_kill.py: kill a writer at each of its steps, in turn.

    python tests/helpers/step_kill.py OP WORKDIR

``WORKDIR`` holds ``old.json`` and ``new.json`` (two scenarios) and an empty ``work/`` folder.
``OP`` is what File menu command to run, on disk exactly as the app does it:

``save``        the open document ``work/deal.accord`` (holding *old*) is saved as *new*:
                lock, back up, replace atomically (:func:`desktop.store.save_with_backup`).
``save_as``     *new* is saved under a new name, ``work/copy.accord``; ``deal.accord`` stays.
``export_json`` ``work/deal.json`` (holding *old*) is replaced by *new*'s JSON.
``export_pdf``  ``work/brief.pdf`` (*old*'s full briefing) is replaced by *new*'s briefing.

A *step* is every call the writer makes that touches the file system (``os.open``,
``os.write``, ``os.fsync``, ``os.replace``, ``os.unlink``, ``os.chmod``, ``os.mkdir``,
``os.sendfile``, ``shutil.copy2``, ``tempfile.mkstemp``, every ``open()`` and every write, flush
and close of a file it opened) and every SQL statement SQLite runs for it. A first run counts
the steps; then, for each k, the folder is reset, a child is forked that SIGKILLs itself just
before step k, and this process reports what is on disk. Then a child with no kill repeats the
command on what was left, and the folder is reported again: that proves the leftovers (temp
files, half backups) are cleaned up and do not stop the next save.

Prints one JSON line per k, then ``{"done": ...}``. States: ``old``, ``new``, ``absent``, or
``bad: <why>``.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.domain.interchange import parse_scenario
from desktop.domain.model import Scenario
from desktop.store import (
    DocumentError,
    export_json,
    list_backups,
    lock_document,
    open_document,
    save_document,
    save_with_backup,
)

DATE = dt.date(2025, 12, 1)


_write = os.write  # the real one: children count (and wrap) os.write as a step


def say(obj: object) -> None:
    _write(1, (json.dumps(obj) + "\n").encode())


# --------------------------------------------------------------------------- steps


class _Counted:
    """A file object whose writes, flushes and close are steps."""

    def __init__(self, f: Any, step: Callable[[str], None]) -> None:
        self._f = f
        self._step = step

    def write(self, data: Any) -> Any:
        self._step("file.write")
        return self._f.write(data)

    def flush(self) -> None:
        self._step("file.flush")
        self._f.flush()

    def close(self) -> None:
        self._step("file.close")
        self._f.close()

    def __enter__(self) -> _Counted:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._f, name)


def install_steps(kill_at: int | None, names: list[str]) -> None:
    """Count steps from now on (their names go into ``names``); SIGKILL before step ``kill_at``."""
    pid = os.getpid()
    real_kill = os.kill

    def step(name: str) -> None:
        names.append(name)
        if kill_at is not None and len(names) == kill_at:
            real_kill(pid, signal.SIGKILL)

    def wrap(module: Any, attr: str) -> None:
        real = getattr(module, attr)

        def counted(*args: Any, **kwargs: Any) -> Any:
            step(f"{module.__name__}.{attr}")
            return real(*args, **kwargs)

        setattr(module, attr, counted)

    for attr in ("open", "write", "fsync", "replace", "rename", "unlink", "chmod", "mkdir",
                 "ftruncate", "sendfile", "close"):
        wrap(os, attr)
    wrap(shutil, "copy2")
    wrap(tempfile, "mkstemp")

    real_open = builtins.open

    def counted_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        step("open")
        f = real_open(file, mode, *args, **kwargs)
        return _Counted(f, step) if any(c in mode for c in "wax+") else f

    builtins.open = counted_open

    real_connect = sqlite3.connect

    def counted_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        step("sqlite3.connect")
        conn: sqlite3.Connection = real_connect(*args, **kwargs)
        conn.set_trace_callback(lambda _sql: step("sql"))
        return conn

    sqlite3.connect = counted_connect  # type: ignore[assignment]


# --------------------------------------------------------------------------- the commands


def briefing_pdf(scenario: Scenario, path: Path) -> None:
    from desktop.report import full_sheet
    from desktop.report.render import ensure_app, write_pdf

    ensure_app()
    write_pdf(full_sheet(scenario, scenario.drafts[0], date=DATE), path, "a4")


def command(op: str, work: Path, new: Scenario) -> Callable[[], None]:
    def save() -> None:
        lock = lock_document(work / "deal.accord")
        save_with_backup(new, work / "deal.accord")
        if lock is not None:
            lock.release()

    def save_as() -> None:
        lock = lock_document(work / "copy.accord")
        save_with_backup(new, work / "copy.accord")
        if lock is not None:
            lock.release()

    return {
        "save": save,
        "save_as": save_as,
        "export_json": lambda: export_json(new, work / "deal.json"),
        "export_pdf": lambda: briefing_pdf(new, work / "brief.pdf"),
    }[op]


def prepare(op: str, work: Path, old: Scenario) -> None:
    """The folder before the command: only the file the command replaces (or keeps)."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    if op in ("save", "save_as"):
        save_document(old, work / "deal.accord")
    elif op == "export_json":
        export_json(old, work / "deal.json")


# --------------------------------------------------------------------------- what is on disk


def doc_state(path: Path, old: Scenario, new: Scenario) -> str:
    if not path.exists():
        return "absent"
    try:
        got = open_document(path)
    except DocumentError as err:
        return f"bad: {err.reason}"
    return "old" if got == old else "new" if got == new else "bad: another scenario"


def pdf_state(path: Path, old_pdf: bytes, new_pages: int, title: str) -> str:
    if not path.exists():
        return "absent"
    data = path.read_bytes()
    if data == old_pdf:
        return "old"
    try:
        from pypdf import PdfReader

        reader = PdfReader(path, strict=True)
        pages = len(reader.pages)
        text = reader.pages[0].extract_text()
    except Exception as err:  # any parse failure means a damaged PDF
        return f"bad: unreadable PDF ({type(err).__name__})"
    if pages != new_pages or title not in " ".join(text.split()):
        return f"bad: {pages} pages"
    return "new"


def observe(op: str, work: Path, old: Scenario, new: Scenario,
            ref: dict[str, Any]) -> dict[str, Any]:
    """What a person would find in the folder now."""
    seen: dict[str, Any] = {}
    if op in ("save", "save_as"):
        seen["deal.accord"] = doc_state(work / "deal.accord", old, new)
        if op == "save_as":
            seen["copy.accord"] = doc_state(work / "copy.accord", old, new)
        seen["backups"] = sorted({doc_state(b.path, old, new)
                                  for b in list_backups(work / "deal.accord")})
    elif op == "export_json":
        data = (work / "deal.json").read_bytes() if (work / "deal.json").exists() else None
        seen["deal.json"] = ("absent" if data is None else "old" if data == ref["old_json"]
                             else "new" if data == ref["new_json"] else "bad: other bytes")
    else:
        seen["brief.pdf"] = pdf_state(work / "brief.pdf", ref["old_pdf"], ref["new_pages"],
                                      new.title)
    seen["visible"] = sorted(p.name for p in work.iterdir() if not p.name.startswith("."))
    seen["leftovers"] = sorted(
        str(p.relative_to(work)) for p in work.rglob(".*")
        if ".tmp-" in p.name or ".part-" in p.name)
    return seen


# --------------------------------------------------------------------------- the server


def run_child(op: str, work: Path, new: Scenario, kill_at: int | None) -> tuple[str, list[str]]:
    """Fork a child that runs the command; how it ended and the steps it made."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        names: list[str] = []
        code = 0
        try:
            install_steps(kill_at, names)
            command(op, work, new)()
        except BaseException as err:  # reported to the parent, not raised
            names.append(f"raised {type(err).__name__}: {err}")
            code = 1
        finally:
            data = json.dumps(names).encode()
            while data:
                data = data[_write(write_fd, data):]
            os._exit(code)
    os.close(write_fd)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    names = json.loads(b"".join(chunks) or b"[]")
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}", names
    return f"exit {os.WEXITSTATUS(status)}", names


def main(op: str, workdir: Path) -> None:
    old = parse_scenario((workdir / "old.json").read_bytes())
    new = parse_scenario((workdir / "new.json").read_bytes())
    work = workdir / "work"
    ref: dict[str, Any] = {}
    if op == "export_json":
        export_json(old, workdir / "old-ref.json")
        export_json(new, workdir / "new-ref.json")
        ref["old_json"] = (workdir / "old-ref.json").read_bytes()
        ref["new_json"] = (workdir / "new-ref.json").read_bytes()
    if op == "export_pdf":
        for name, scenario in (("old-ref.pdf", old), ("new-ref.pdf", new)):
            ended = run_child_call(briefing_pdf, scenario, workdir / name)
            assert ended == "exit 0", ended
        ref["old_pdf"] = (workdir / "old-ref.pdf").read_bytes()
        from pypdf import PdfReader

        ref["new_pages"] = len(PdfReader(workdir / "new-ref.pdf").pages)

    prepare(op, work, old)
    if op == "export_pdf":
        shutil.copy(workdir / "old-ref.pdf", work / "brief.pdf")
    ended, steps = run_child(op, work, new, None)
    if ended != "exit 0":
        raise SystemExit(f"the command itself failed: {ended}: {steps[-1:]}")
    total = len(steps)
    for k in range(1, total + 1):
        prepare(op, work, old)
        if op == "export_pdf":
            shutil.copy(workdir / "old-ref.pdf", work / "brief.pdf")
        ended, _names = run_child(op, work, new, k)
        state = observe(op, work, old, new, ref)
        again, _ = run_child(op, work, new, None)
        say({"k": k, "step": steps[k - 1], "ended": ended, "state": state,
             "again": again, "after": observe(op, work, old, new, ref)})
    say({"done": total, "steps": sorted(set(steps))})


def run_child_call(action: Callable[[Scenario, Path], None], scenario: Scenario,
                   path: Path) -> str:
    """Run ``action`` in a forked child (Qt is only ever started in children)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            action(scenario, path)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return (f"exit {os.WEXITSTATUS(status)}" if os.WIFEXITED(status)
            else f"killed by signal {os.WTERMSIG(status)}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))

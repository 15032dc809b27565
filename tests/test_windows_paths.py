"""Accord's Windows-only paths, proven by simulation on Linux (issue 17).

The document and recovery lock (:mod:`desktop.store.lock`) uses ``msvcrt.locking`` on Windows.
Here its Windows branch is loaded as it is (``sys.platform`` says ``win32`` while the module
loads, under a private name, so the real module stays as it is for every other test), with a
fake ``msvcrt`` that locks the way Windows does: a byte range of one file, exclusive to the
handle that locked it (another handle of the same process is refused too), reads and writes of
a locked byte through any other handle refused, and the lock gone when its handle is closed (as
when the process dies). The recovery tests run the real window code with those Windows lock
functions in place of ``flock``.

What this cannot prove (the real C runtime, NTFS, mapped drives, junctions) is listed in
docs/reliability.md under Limits.
"""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.store import lock as posix_lock
from desktop.store.lock import lock_path
from desktop.ui import app, crash, system
from tests.test_recovery import Session

ROOT = Path(__file__).resolve().parents[1]
LOCK_SOURCE = ROOT / "desktop" / "store" / "lock.py"
EDEADLOCK = getattr(errno, "EDEADLOCK", errno.EDEADLK)


class FakeMsvcrt:
    """``msvcrt.locking`` as Windows answers it (``LockFile`` under the C runtime's
    ``_locking``): a lock covers bytes of one file and belongs to the handle (file
    descriptor) that took it. Any other handle, in this process or another, is refused the
    lock (``EACCES``, ``PermissionError`` in Python) and refused reads and writes of those
    bytes; closing the handle drops its locks. ``LK_LOCK`` gives up with ``EDEADLOCK`` (Windows
    retries 10 times first). A file open through ``os.open`` cannot be deleted (Windows' C
    runtime opens files without delete sharing). ``fail_with`` makes every call fail with that
    errno."""

    LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4  # Windows' values

    def __init__(self) -> None:
        #: (device, inode) of a file -> {locked byte: the descriptor holding it}
        self.locks: dict[tuple[int, int], dict[int, int]] = {}
        self.calls: list[tuple[int, int, int, int]] = []  # fd, mode, position, bytes
        self.fail_with: int | None = None
        #: descriptors open through ``os.open`` -> (device, inode) of their file
        self.handles: dict[int, tuple[int, int]] = {}
        self._open = os.open
        self._unlink = os.unlink
        self._close = os.close
        self._read = os.read
        self._write = os.write

    @staticmethod
    def _file(fd: int) -> tuple[int, int]:
        st = os.fstat(fd)
        return st.st_dev, st.st_ino

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        start = os.lseek(fd, 0, os.SEEK_CUR)  # msvcrt locks from the current position
        self.calls.append((fd, mode, start, nbytes))
        if self.fail_with is not None:
            raise OSError(self.fail_with, os.strerror(self.fail_with))
        held = self.locks.setdefault(self._file(fd), {})
        span = range(start, start + nbytes)
        if mode == self.LK_UNLCK:
            if any(held.get(byte) != fd for byte in span):
                raise OSError(errno.EACCES, "the range is not locked by this handle")
            for byte in span:
                del held[byte]
        elif any(byte in held for byte in span):  # even by this handle: not re-entrant
            if mode in (self.LK_LOCK, self.LK_RLCK):
                raise OSError(EDEADLOCK, "still locked after 10 attempts")
            raise OSError(errno.EACCES, "locking violation")
        else:
            for byte in span:
                held[byte] = fd

    def holder(self, path: Path, byte: int = 0) -> int | None:
        """The descriptor holding ``byte`` of the file at ``path``, if any."""
        st = os.stat(path)
        return self.locks.get((st.st_dev, st.st_ino), {}).get(byte)

    # Windows' I/O on a locked range, and the lock's end with its handle

    def _refused(self, fd: int, size: int) -> bool:
        if not any(self.locks.values()):
            return False
        try:
            held = self.locks.get(self._file(fd), {})
            start = os.lseek(fd, 0, os.SEEK_CUR)
        except OSError:
            return False  # not a file: the real call answers
        return any(held.get(byte, fd) != fd for byte in range(start, start + max(size, 1)))

    def read(self, fd: int, size: int, /) -> bytes:
        if self._refused(fd, size):
            raise OSError(errno.EACCES, "the process cannot access the file because another "
                          "process has locked a portion of the file")
        return self._read(fd, size)

    def write(self, fd: int, data: Any, /) -> int:
        if self._refused(fd, len(data)):
            raise OSError(errno.EACCES, "locked by another handle")
        return self._write(fd, data)

    def close(self, fd: int, /) -> None:
        for held in self.locks.values():
            for byte in [b for b, holder in held.items() if holder == fd]:
                del held[byte]
        self.handles.pop(fd, None)
        self._close(fd)

    def open(self, path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = self._open(path, flags, mode, **kwargs)
        self.handles[fd] = self._file(fd)
        return fd

    def unlink(self, path: Any, **kwargs: Any) -> None:
        """Windows' ``os.open`` shares a file for reading and writing, not for deleting: a
        file open through it cannot be deleted until every such handle is closed."""
        try:
            st = os.lstat(path, **kwargs)
        except OSError:
            pass
        else:
            if (st.st_dev, st.st_ino) in self.handles.values():
                raise OSError(errno.EACCES, "the process cannot access the file because it "
                              "is being used by another process")
        self._unlink(path, **kwargs)


@pytest.fixture
def fake_msvcrt(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    """The fake, with Windows' I/O on locked bytes and closing in place for this test."""
    fake = FakeMsvcrt()
    monkeypatch.setattr(os, "read", fake.read)
    monkeypatch.setattr(os, "write", fake.write)
    monkeypatch.setattr(os, "close", fake.close)
    monkeypatch.setattr(os, "open", fake.open)
    monkeypatch.setattr(os, "unlink", fake.unlink)
    return fake


@pytest.fixture
def win(monkeypatch: pytest.MonkeyPatch, fake_msvcrt: FakeMsvcrt) -> ModuleType:
    """desktop/store/lock.py as loaded on Windows: its ``win32`` branch, on the fake."""
    spec = importlib.util.spec_from_file_location("_accord_lock_on_windows", LOCK_SOURCE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    with monkeypatch.context() as loading:
        loading.setattr(sys, "platform", "win32")
        loading.setitem(sys.modules, "msvcrt", fake_msvcrt)
        spec.loader.exec_module(module)
    return module


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "talks.accord"
    path.write_bytes(b"")
    return path


# --------------------------------------------------------------------------- the lock


def test_the_windows_branch_locks_byte_0_through_msvcrt(
    win: ModuleType, fake_msvcrt: FakeMsvcrt, doc: Path
) -> None:
    assert win.msvcrt is fake_msvcrt
    assert win._OWNER_OFFSET == 1
    assert (1 if sys.platform == "win32" else 0) == posix_lock._OWNER_OFFSET  # left alone
    lock = win.lock_document(doc)
    assert lock is not None
    assert fake_msvcrt.calls == [(lock._fd, FakeMsvcrt.LK_NBLCK, 0, 1)]
    assert fake_msvcrt.holder(lock.lock_file) == lock._fd
    lock.release()
    assert fake_msvcrt.calls[-1][1:] == (FakeMsvcrt.LK_UNLCK, 0, 1)
    assert not any(fake_msvcrt.locks.values())


def test_a_second_lock_is_refused_while_the_first_is_held_and_named_by_its_owner(
    win: ModuleType, doc: Path
) -> None:
    """Another handle of the very same process is refused (Windows locks per handle), and
    reads the holder's name after the locked byte."""
    first = win.lock_document(doc)
    assert first is not None
    with pytest.raises(win.DocumentInUse) as refused:
        win.lock_document(doc)
    owner = refused.value.owner
    assert owner.pid == os.getpid()
    assert owner.user == win._user()
    assert owner.host
    assert owner.since
    assert win.lock_holder(doc) == owner
    assert first.held  # the refused attempts took nothing from the holder

    first.release()
    second = win.lock_document(doc)
    assert second is not None
    second.release()


def test_the_lock_goes_with_its_holders_handle(win: ModuleType, doc: Path,
                                               fake_msvcrt: FakeMsvcrt) -> None:
    """A process that dies closes its handles: Windows drops their locks, the file stays."""
    crashed = win.lock_document(doc)
    assert crashed is not None
    fd, crashed._fd = crashed._fd, None
    os.close(fd)
    assert crashed.lock_file.exists()
    assert fake_msvcrt.holder(crashed.lock_file) is None

    taken_over = win.lock_document(doc)
    assert taken_over is not None
    assert fake_msvcrt.holder(taken_over.lock_file) == taken_over._fd
    taken_over.release()


def test_a_released_lock_leaves_no_lock_file_though_windows_refuses_to_delete_it_open(
    win: ModuleType, doc: Path
) -> None:
    """Windows will not delete the lock file while the holder has it open: it is deleted
    once the holder has closed it, unless another handle has it open by then (that party may
    be taking the lock: the file is left to it)."""
    lock = win.lock_document(doc)
    assert lock is not None
    lock.release()
    assert not lock.lock_file.exists()

    lock = win.lock_document(doc)
    assert lock is not None
    other = os.open(lock.lock_file, os.O_RDWR)  # another window opening it to take it
    try:
        lock.release()
        assert lock.lock_file.exists()
        assert win._try_lock(other)
    finally:
        os.close(other)
    again = win.lock_document(doc)  # the file left behind is simply taken over
    assert again is not None
    again.release()
    assert not again.lock_file.exists()


def test_the_owner_text_is_after_the_locked_byte_so_the_other_party_can_read_it(
    win: ModuleType, doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = win.lock_document(doc)
    assert held is not None
    other = os.open(held.lock_file, os.O_RDONLY)
    try:
        with pytest.raises(PermissionError):  # byte 0 is locked: Windows refuses the read
            os.read(other, 100)
        os.lseek(other, 1, os.SEEK_SET)
        assert json.loads(os.read(other, 4096))["pid"] == os.getpid()
    finally:
        os.close(other)
    held.release()

    # Written from byte 0 (as flock allows), the holder would be refused but never named.
    monkeypatch.setattr(win, "_OWNER_OFFSET", 0)
    held = win.lock_document(doc)
    assert held is not None
    with pytest.raises(win.DocumentInUse) as refused:
        win.lock_document(doc)
    assert refused.value.owner == win.LockOwner()
    held.release()


@pytest.mark.parametrize("code", [errno.EACCES, EDEADLOCK], ids=["EACCES", "EDEADLOCK"])
def test_both_errnos_of_a_held_lock_mean_in_use(
    win: ModuleType, fake_msvcrt: FakeMsvcrt, doc: Path, code: int
) -> None:
    fake_msvcrt.fail_with = code
    fd = os.open(doc, os.O_RDWR)
    try:
        assert win._try_lock(fd) is False
        assert posix_lock._msvcrt_try_lock(fake_msvcrt, fd) is False
    finally:
        os.close(fd)
    with pytest.raises(win.DocumentInUse):  # before, EDEADLOCK let a second writer in
        win.lock_document(doc)


@pytest.mark.parametrize("code", [errno.EBADF, errno.EINVAL, errno.EIO],
                         ids=["EBADF", "EINVAL", "EIO"])
def test_any_other_errno_is_raised_not_taken_for_a_held_lock(
    win: ModuleType, fake_msvcrt: FakeMsvcrt, doc: Path, code: int
) -> None:
    fake_msvcrt.fail_with = code
    fd = os.open(doc, os.O_RDWR)
    try:
        for try_lock in (win._try_lock,
                         lambda fd: posix_lock._msvcrt_try_lock(fake_msvcrt, fd)):
            with pytest.raises(OSError, match=re.escape(os.strerror(code))) as raised:
                try_lock(fd)
            assert raised.value.errno == code
    finally:
        os.close(fd)
    # lock_document's contract on every platform: a lock the system cannot keep is no lock
    # (None), as for a file system without locks; never "in use" by nobody.
    assert win.lock_document(doc) is None


# --------------------------------------------------------------------------- recovery


@pytest.fixture
def windows_locks(monkeypatch: pytest.MonkeyPatch, win: ModuleType) -> FakeMsvcrt:
    """The store's lock takes, drops and cleans up its locks as on Windows (the window code
    is real): every name the ``win32`` branch defines."""
    assert set(vars(win)) - set(vars(posix_lock)) == {"msvcrt"}  # nothing else to carry over
    monkeypatch.setattr(posix_lock, "_try_lock", win._try_lock)
    monkeypatch.setattr(posix_lock, "_unlock", win._unlock)
    monkeypatch.setattr(posix_lock, "_OWNER_OFFSET", win._OWNER_OFFSET)
    monkeypatch.setattr(posix_lock, "_DELETE_ONCE_CLOSED", win._DELETE_ONCE_CLOSED)
    fake: FakeMsvcrt = win.msvcrt
    return fake


@pytest.fixture
def sessions(qtbot: QtBot, tmp_path: Path, mini: Scenario
             ) -> Iterator[Callable[[], Session]]:
    opened: list[Session] = []

    def start() -> Session:
        opened.append(Session(tmp_path, f"s{len(opened)}", mini, tmp_path / "recovery"))
        return opened[-1]

    yield start
    for s in opened:
        s.ws.undo_stack.setClean()
        s.files.close()


def test_recovery_on_windows_locks_judges_by_the_lock_never_the_process_id(
    windows_locks: FakeMsvcrt, sessions: Callable[[], Session]
) -> None:
    """The live session and the one looking have the same process id (as a reused id would):
    held, the file is not offered; its handle closed as by a crash, it is, though its lock
    file still names a live process."""
    running = sessions()
    running.editor.add_clause("intl-monitoring")
    assert running.files.autosave()
    recovery_file = running.files.recovery_file
    lock = running.files._recovery_lock
    assert lock is not None
    assert lock._fd is not None
    assert windows_locks.holder(lock_path(recovery_file)) == lock._fd  # msvcrt, not flock
    with open(lock_path(recovery_file), "rb") as text:  # after the locked byte
        text.seek(1)
        assert json.loads(text.read())["pid"] == os.getpid()

    looking = sessions()
    assert looking.files.orphaned_recoveries() == []
    assert not looking.files.offer_recovery()
    assert looking.prompter.asked == []
    assert windows_locks.holder(lock_path(recovery_file)) == lock._fd  # still the holder's

    fd, lock._fd = lock._fd, None
    os.close(fd)  # the process died: Windows drops the lock, the files stay
    running.files._recovery_lock = None
    assert lock_path(recovery_file).exists()

    assert looking.files.orphaned_recoveries() == [recovery_file]
    looking.prompter.restore_answer = True
    assert looking.files.offer_recovery()
    assert looking.ws.modified
    assert "intl-monitoring" in {c.provision for c in looking.ws.scenario.drafts[0].clauses}
    assert list(recovery_file.parent.iterdir()) == []  # the file, its notes, its lock file


def test_a_session_closed_on_windows_leaves_no_lock_file_behind(
    windows_locks: FakeMsvcrt, sessions: Callable[[], Session]
) -> None:
    """Each session's recovery file has a name of its own: a lock file Windows would not
    delete while open would stay in the recovery folder for good, one per session."""
    session = sessions()
    session.editor.add_clause("intl-monitoring")
    assert session.files.autosave()
    folder = session.files.recovery_file.parent
    assert lock_path(session.files.recovery_file).exists()
    session.ws.undo_stack.setClean()
    session.files.close()
    assert list(folder.iterdir()) == []


# --------------------------------------------------------------------------- app data


@pytest.fixture
def asked_qt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path
             ) -> list[QStandardPaths.StandardLocation]:
    """Which locations Accord asks Qt for; each answers ``<tmp>/<location name>``."""
    asked: list[QStandardPaths.StandardLocation] = []

    def writable_location(location: QStandardPaths.StandardLocation) -> str:
        asked.append(location)
        return str(tmp_path / location.name)

    monkeypatch.setattr(QStandardPaths, "writableLocation", writable_location)
    return asked


def test_recovery_files_and_logs_ask_qt_for_the_local_not_the_roaming_app_data(
    asked_qt: list[QStandardPaths.StandardLocation], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """On Windows ``AppDataLocation`` is the roaming profile (copied to every computer the
    user logs on to); ``AppLocalDataLocation`` stays on this one."""
    local = tmp_path / "AppLocalDataLocation"
    assert system.recovery_dir() == local / "recovery"
    assert system.log_dir() == local / "logs"

    windows: list[Path] = []  # the window the app builds gets the recovery folder
    monkeypatch.setattr(app, "MainWindow",
                        lambda _ws, _settings, recovery: windows.append(recovery))
    monkeypatch.setattr(app, "open_startup", lambda _window, _file: None)
    app.build_window(None, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert windows == [local / "recovery"]

    try:
        assert crash.start_logging() == local / "logs" / crash.LOG_NAME  # its default folder
    finally:
        crash.stop_logging()

    assert len(asked_qt) == 4
    assert set(asked_qt) == {QStandardPaths.StandardLocation.AppLocalDataLocation}


def test_no_code_asks_for_the_roaming_app_data_folder() -> None:
    roaming = re.compile(r"\bAppDataLocation\b")
    found = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "desktop").rglob("*.py"))
             if roaming.search(path.read_text(encoding="utf-8"))]
    assert found == []

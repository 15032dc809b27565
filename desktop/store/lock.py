"""One writer per document: a lock held while a document is open for editing.

A document is replaced by renaming a new file over it (see :mod:`desktop.store.files`), so the
lock cannot live on the document itself: it is a small hidden file beside it,
``.~lock.<name>#`` (the convention office suites use), locked with ``flock`` (``msvcrt`` on
Windows) for as long as the document is open. The operating system drops the lock when the
process ends, however it ends, so a crash never leaves a document locked: a lock file nobody
holds is simply taken over. The file's text says who holds it (process, user, host, since
when), so a second window can tell the person who has the document open.

Locks on network file systems are only as good as the server's; documents there are flagged
by :func:`desktop.store.backups.risky_location` anyway.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.store.files import DocumentError

LOCK_PREFIX = ".~lock."
_MAX_OWNER_BYTES = 4096


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds a document's lock, as written in the lock file."""

    pid: int | None = None
    user: str = ""
    host: str = ""
    since: str = ""  # ISO time, local

    def describe(self) -> str:
        parts = []
        who = "@".join(p for p in (self.user, self.host) if p)
        if who:
            parts.append(who)
        if self.pid is not None:
            parts.append(f"process {self.pid}")
        if self.since:
            with contextlib.suppress(ValueError):
                parts.append("since " + dt.datetime.fromisoformat(self.since)
                             .strftime("%Y-%m-%d %H:%M"))
        return "another Accord window" + (f" ({', '.join(parts)})" if parts else "")


class DocumentInUse(DocumentError):
    """The document is open for editing in another Accord window (or process)."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        self.owner = owner
        super().__init__(path, f"it is open in {owner.describe()}")


def lock_path(path: Path) -> Path:
    """The lock file of the document at ``path``."""
    path = Path(os.path.abspath(path))
    return path.with_name(f"{LOCK_PREFIX}{path.name}#")


class DocumentLock:
    """This process's lock on one document. Release it when the document is closed."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = Path(os.path.abspath(path))
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the document up. Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            lock_path(self.path).unlink()  # while still locked: nobody can be taking it over
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __repr__(self) -> str:
        return f"DocumentLock({str(self.path)!r}, held={self.held})"


def lock_document(path: Path) -> DocumentLock | None:
    """Lock ``path`` for editing by this process.

    Raises :class:`DocumentInUse` if another process (or another window of this one) holds
    it. Returns ``None`` when no lock can be kept: the folder is read-only (then nothing can be
    saved there anyway) or the file system does not support locks.
    """
    target = lock_path(path)
    for _ in range(5):  # retried only if a holder released the file while we were locking it
        try:
            fd = os.open(target, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError:
            return None
        try:
            acquired = _try_lock(fd)
        except OSError:
            os.close(fd)
            return None
        if not acquired:
            owner = _read_owner(fd)
            os.close(fd)
            raise DocumentInUse(Path(path), owner)
        if not _same_file(fd, target):  # released and removed between open and lock
            _unlock(fd)
            os.close(fd)
            continue
        _write_owner(fd)
        return DocumentLock(Path(path), fd)
    return None


def lock_holder(path: Path) -> LockOwner | None:
    """Who holds the lock of ``path``, or ``None`` if it is free (for writers that do not
    keep the document open, like ``accord import``)."""
    try:
        lock = lock_document(path)
    except DocumentInUse as err:
        return err.owner
    if lock is not None:
        lock.release()
    return None


def _same_file(fd: int, target: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(target)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _write_owner(fd: int) -> None:
    owner = {
        "pid": os.getpid(),
        "user": _user(),
        "host": socket.gethostname(),
        "since": dt.datetime.now().isoformat(timespec="seconds"),
    }
    data = json.dumps(owner).encode("utf-8")
    with contextlib.suppress(OSError):  # the lock itself is what matters
        os.ftruncate(fd, 0)
        os.lseek(fd, _OWNER_OFFSET, os.SEEK_SET)
        os.write(fd, data)


def _read_owner(fd: int) -> LockOwner:
    try:
        os.lseek(fd, _OWNER_OFFSET, os.SEEK_SET)
        data = json.loads(os.read(fd, _MAX_OWNER_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return LockOwner()
    if not isinstance(data, dict):
        return LockOwner()
    pid = data.get("pid")
    return LockOwner(
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
        user=str(data.get("user", ""))[:100],
        host=str(data.get("host", ""))[:100],
        since=str(data.get("since", ""))[:40],
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


if sys.platform == "win32":
    import msvcrt

    #: Windows locks a byte range and then refuses reads of it: the owner text goes after it.
    _OWNER_OFFSET = 1

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import errno
    import fcntl

    _OWNER_OFFSET = 0

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

"""One writer per document: a lock held while a document is open for editing.

A document is replaced by renaming a new file over it (see :mod:`desktop.store.files`), so the
lock cannot live on the document itself: it is a small hidden file beside it,
``.~lock.<name>#`` (the convention office suites use), locked with ``flock`` (``msvcrt`` on
Windows) for as long as the document is open. The operating system drops the lock when the
process ends, however it ends, so a crash never leaves a document locked: a lock file nobody
holds is simply taken over. The file's text says who holds it (process, user, host, since
when), so a second window can tell the person who has the document open.

Every way of reaching a document shares one lock, and the lock never fails silently:

- Symbolic links are resolved: the lock sits beside the real file, so a document opened
  through a link and by its own name is still locked once.
- A name too long for ``.~lock.<name>#`` (file names stop at 255 bytes) gets
  ``.~lock.<start of name>~<hash of the name>#``: still one lock per document.
- Another user's lock file is opened read-only to test it (``flock`` needs no write access), so
  a document open in someone else's window is reported as in use. One that cannot be read at
  all is reported the same way: Accord cannot tell, so it does not write.
- The lock path is never followed or truncated unless it is a plain file Accord could have made:
  a symbolic link, a folder, a device or a file with other names (hard links) there is left
  alone and the document is treated as in use (:class:`LockRefused`), naming the lock file.

Locks on network file systems are only as good as the server's; documents there are flagged
by :func:`desktop.store.backups.risky_location` anyway.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import hashlib
import json
import os
import socket
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.store.files import DocumentError

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
#: The mode of a lock file Accord creates: anybody who can see the document can test the lock.
LOCK_FILE_MODE = 0o644
_MAX_OWNER_BYTES = 4096
#: The longest file name (in bytes) on the file systems Accord is used on.
_NAME_MAX = 255
#: Hex digits of the SHA-256 of the document's name in a shortened lock name.
_HASH_DIGITS = 16
#: Never follow a symbolic link at the lock path; never block on a FIFO planted there.
_OPEN_FLAGS = (getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0))


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
    """The document is open for editing in another Accord window (or process).

    ``reason`` defaults to "it is open in <owner>"; subclasses give their own.
    """

    def __init__(self, path: Path, owner: LockOwner, reason: str | None = None) -> None:
        self.owner = owner
        super().__init__(path, reason if reason is not None else
                         f"it is open in {owner.describe()}")


class LockRefused(DocumentInUse):
    """The document's lock path holds something Accord will not open or replace (a symbolic
    link, a folder, a device, a file with other names) or another user's lock file it may not
    read. Nobody can tell whether the document is open elsewhere, so it is treated as in use:
    callers that open it read-only for :class:`DocumentInUse` do so here too."""

    def __init__(self, path: Path, lock_file: Path, problem: str) -> None:
        self.lock_file = lock_file
        super().__init__(path, LockOwner(), f"its lock file “{lock_file.name}” {problem}")


def lock_path(path: Path) -> Path:
    """The lock file of the document at ``path``: beside the real file (symbolic links
    resolved), named ``.~lock.<name>#``, or ``.~lock.<start of name>~<hash>#`` when that would
    pass 255 bytes."""
    real = Path(os.path.realpath(path))
    return real.with_name(_lock_name(real.name))


def _lock_name(name: str) -> str:
    full = f"{LOCK_PREFIX}{name}{LOCK_SUFFIX}"
    if _size(full) <= _NAME_MAX:
        return full
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()
    tail = f"~{digest[:_HASH_DIGITS]}{LOCK_SUFFIX}"
    room = _NAME_MAX - _size(LOCK_PREFIX) - _size(tail)
    start = name
    while _size(start) > room:  # whole characters only
        start = start[:-1]
    return f"{LOCK_PREFIX}{start}{tail}"


def _size(name: str) -> int:
    return len(name.encode("utf-8", "surrogateescape"))


class DocumentLock:
    """This process's lock on one document. Release it when the document is closed."""

    def __init__(self, path: Path, fd: int, lock_file: Path | None = None) -> None:
        #: The document as the caller named it (made absolute, links not resolved).
        self.path = Path(os.path.abspath(path))
        #: The lock file held.
        self.lock_file = lock_file if lock_file is not None else lock_path(path)
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def is_for(self, path: Path) -> bool:
        """Whether this lock covers the document at ``path`` (however it is reached)."""
        return lock_path(path) == self.lock_file

    def release(self) -> None:
        """Give the document up. Safe to call twice. The lock file is removed only while it is
        still the file this lock holds (never what someone put in its place); on Windows, which
        refuses to delete an open file, once it is closed, if nobody else has it open."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        ours = removed = _same_file(fd, self.lock_file)
        if ours:
            try:
                self.lock_file.unlink()  # while still locked: nobody can be taking it over
            except OSError:
                removed = False
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        if ours and not removed and _DELETE_ONCE_CLOSED:
            with contextlib.suppress(OSError):
                self.lock_file.unlink()

    def __repr__(self) -> str:
        return f"DocumentLock({str(self.path)!r}, held={self.held})"


def lock_document(path: Path) -> DocumentLock | None:
    """Lock ``path`` for editing by this process.

    Raises :class:`DocumentInUse` if another process (or another window of this one) holds
    it, or :class:`LockRefused` (a :class:`DocumentInUse`) if its lock path cannot be trusted
    or checked. Returns ``None`` when no lock can be kept: the folder is read-only or missing
    (then nothing can be saved there anyway) or the file system does not support locks.
    """
    document = Path(path)
    target = lock_path(document)
    for _ in range(5):  # retried only if a holder released the file while we were locking it
        opened = _open_lock_file(document, target)
        if opened is None:
            return None
        fd, writable = opened
        try:
            acquired = _try_lock(fd)
        except OSError:
            os.close(fd)
            return None
        if not acquired:
            owner = _read_owner(fd)
            os.close(fd)
            raise DocumentInUse(document, owner)
        if not _same_file(fd, target):  # released and removed between open and lock
            _unlock(fd)
            os.close(fd)
            continue
        if not writable:
            # Another user's lock file that nobody holds: a crashed window's. Holding its lock
            # we may remove it (as its holder would) and make our own; if the folder forbids
            # that, the lock we hold on it is still a lock, only its text names the old holder.
            try:
                target.unlink()
            except OSError:
                return DocumentLock(document, fd, target)
            _unlock(fd)
            os.close(fd)
            continue
        _write_owner(fd)
        return DocumentLock(document, fd, target)
    return None


def lock_holder(path: Path) -> LockOwner | None:
    """Who holds the lock of ``path``, or ``None`` if it is free (for writers that do not
    keep the document open, like ``accord import``). A lock path that cannot be trusted or
    checked (:class:`LockRefused`) gives an owner nobody is named in."""
    try:
        lock = lock_document(path)
    except DocumentInUse as err:
        return err.owner
    if lock is not None:
        lock.release()
    return None


def _open_lock_file(document: Path, target: Path) -> tuple[int, bool] | None:
    """Open the lock file ``target``, creating it if needed, without following a link: its
    descriptor and whether it is open for writing. ``None`` when no lock file can be made (the
    folder is read-only or missing, or the file system refuses the name)."""
    if not hasattr(os, "O_NOFOLLOW"):  # Windows: look first (the open would follow a link)
        problem = _path_problem(target)
        if problem is not None:
            raise LockRefused(document, target, problem)
    try:
        fd = os.open(target, os.O_RDWR | os.O_CREAT | _OPEN_FLAGS, LOCK_FILE_MODE)
    except OSError as err:
        problem = _path_problem(target)
        if problem is not None:
            raise LockRefused(document, target, problem) from None
        if err.errno not in (errno.EACCES, errno.EPERM) or not os.path.lexists(target):
            return None
        try:  # another user's lock file: flock needs no write access to test or take it
            fd = os.open(target, os.O_RDONLY | _OPEN_FLAGS)
        except OSError:
            raise LockRefused(document, target,
                              "belongs to another user and cannot be read, so Accord cannot "
                              "tell whether the document is open elsewhere") from None
        writable = False
    else:
        writable = True
    try:
        st = os.fstat(fd)
        problem = _file_problem(st)
        if problem is not None:
            raise LockRefused(document, target, problem)
        if writable:
            _share(fd, st)
    except BaseException:
        os.close(fd)
        raise
    return fd, writable


def _path_problem(target: Path) -> str | None:
    """What is at the lock path, if it is not a file a lock could be (or nothing)."""
    try:
        st = os.lstat(target)
    except OSError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return ("is a symbolic link, which Accord never makes; it was left as it is, so the "
                "document cannot be locked for editing")
    if stat.S_ISDIR(st.st_mode):
        return "is a folder, so the document cannot be locked for editing"
    return _file_problem(st)


def _file_problem(st: os.stat_result) -> str | None:
    """Why an opened lock file is not one Accord could have made, or ``None``."""
    if not stat.S_ISREG(st.st_mode):
        return "is not a regular file, so the document cannot be locked for editing"
    if st.st_nlink > 1:
        return ("is linked to another file, so Accord will not write it and the document "
                "cannot be locked for editing")
    if st.st_size > _OWNER_OFFSET + _MAX_OWNER_BYTES:
        return ("is not one Accord made (it is too large), so Accord will not write it and the "
                "document cannot be locked for editing")
    return None


def _share(fd: int, st: os.stat_result) -> None:
    """Give our lock file its mode whatever the umask, so other users can test the lock."""
    fchmod = getattr(os, "fchmod", None)
    if (fchmod is not None and hasattr(os, "geteuid") and st.st_uid == os.geteuid()
            and stat.S_IMODE(st.st_mode) != LOCK_FILE_MODE):
        with contextlib.suppress(OSError):
            fchmod(fd, LOCK_FILE_MODE)


def _same_file(fd: int, target: Path) -> bool:
    """Whether ``target`` itself (not what a link there points to) is the file open as ``fd``."""
    try:
        a, b = os.fstat(fd), os.lstat(target)
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


class _Msvcrt(Protocol):
    """What Accord uses of Windows' ``msvcrt`` module (a test passes a fake of its own)."""

    LK_NBLCK: int
    LK_UNLCK: int

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None: ...


#: What ``msvcrt.locking(fd, LK_NBLCK, 1)`` sets ``errno`` to when another handle holds the
#: byte: ``EACCES`` (Python raises ``PermissionError``), or ``EDEADLOCK`` as the C runtime's
#: documentation also lists. Anything else is a real failure and is raised.
_MSVCRT_HELD = frozenset({errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)})


def _msvcrt_try_lock(msvcrt: _Msvcrt, fd: int) -> bool:
    """Windows: lock byte 0 of ``fd`` without waiting. False if another handle holds it."""
    os.lseek(fd, 0, os.SEEK_SET)  # msvcrt locks from the current position
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as err:
        if err.errno in _MSVCRT_HELD:
            return False
        raise
    return True


def _msvcrt_unlock(msvcrt: _Msvcrt, fd: int) -> None:
    """Windows: unlock byte 0 of ``fd``."""
    os.lseek(fd, 0, os.SEEK_SET)
    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


if sys.platform == "win32":
    import msvcrt

    #: Windows locks a byte range and then refuses reads of it: the owner text goes after it.
    _OWNER_OFFSET = 1
    #: Windows refuses to delete a file while it is open (``os.open`` shares it for reading
    #: and writing, not deleting), so :meth:`DocumentLock.release` deletes the lock file once
    #: it has closed it. That is safe there: anybody who has opened it to take the lock over
    #: has it open, and the deletion is refused.
    _DELETE_ONCE_CLOSED = True

    def _try_lock(fd: int) -> bool:
        return _msvcrt_try_lock(msvcrt, fd)

    def _unlock(fd: int) -> None:
        _msvcrt_unlock(msvcrt, fd)

else:
    import fcntl

    _OWNER_OFFSET = 0
    #: Deleted after closing, the lock file might already be another process's.
    _DELETE_ONCE_CLOSED = False

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

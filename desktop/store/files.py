"""Files on disk: the one error type, atomic writing, file-kind sniffing, JSON import and export.

Every failure that reaches a caller is a :class:`DocumentError` naming the file and saying, in
one sentence a negotiator understands, what went wrong. ``OSError``, ``sqlite3`` and SQLAlchemy
errors never escape this package.

Atomic writes
    Content is written to a hidden temp file in the target's folder
    (``.<name>.tmp-<pid>-<random>``), flushed to disk, given the target's file mode, then moved
    over the target with :func:`os.replace` and the folder is flushed too. A crash at any
    instant leaves the old file or the new one. If anything fails the temp file is removed and
    the target is untouched.

Documents are never replaced by other files
    A writer says what it produces (``output``): a document (only Save and ``accord import``)
    or another file (JSON and PDF exports, the schema). Before anything is written, and again
    just before the move, a writer of another file refuses a target whose header says it is an
    Accord document (the SQLite magic and our ``application_id``), and any target whose lock
    file is held (an open document, see :mod:`desktop.store.lock`): a slip of the ``-o`` name
    or of a file dialog cannot turn weeks of work into a PDF.

Stale temp files
    A process killed while writing leaves its temp file (and, for documents, SQLite's
    ``-journal`` beside it). Such files are hidden, never named like a document, and the next
    write of the same target removes those whose process is gone (on POSIX systems: the pid in
    the name is no longer running). Temp files of a live process are left alone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from desktop.domain.interchange import MAX_JSON_BYTES, ScenarioError, dump_scenario, parse_scenario
from desktop.domain.model import Scenario

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_FILE_MODE = 0o644

FileKind = Literal["empty", "sqlite", "json", "other"]
#: What a writer produces: an ``.accord`` document, or any other file (JSON, PDF, schema).
OutputKind = Literal["document", "other"]

_MB = 1024 * 1024
_TEMP_MARK = ".tmp-"
_TEMP_NAME_BYTES = 120  # keep ".<name>.tmp-<pid>-<random>-journal" under 255 bytes


class DocumentError(Exception):
    """A document or scenario file that cannot be read or written.

    ``str(err)`` is ``"<path>: <reason>"``; ``reason`` is one sentence for a person.
    """

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


# --------------------------------------------------------------------------- reasons


DISK_FULL = "not enough disk space to save"
READ_ONLY_FOLDER = "permission denied: the folder is read-only"
READ_ONLY_FILE = "the file is read-only (its permissions do not allow changes)"
IS_A_FOLDER = "it is a folder, not a file"
NOT_A_FILE = "it is not a regular file"
EMPTY = "the file is empty"
BAD_UNICODE = "the scenario contains text that is not valid Unicode and cannot be saved"
IS_A_DOCUMENT = ("it is an Accord document; it was not replaced (choose another file name for "
                 "the output)")

_SPACE_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def read_reason(err: OSError) -> str:
    """Why a file could not be read, for a person."""
    code = err.errno
    if code == errno.ENOENT:
        return "the file does not exist"
    if code == errno.EISDIR:
        return IS_A_FOLDER
    if code == errno.ENOTDIR:
        return "a part of the path is not a folder"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied: you may not read this file"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    if code == errno.ELOOP:
        return "the path has too many symbolic links"
    if code == errno.EIO:
        return "the disk reported an error while reading the file"
    return f"the file could not be read ({_strerror(err)})"


def write_reason(err: OSError) -> str:
    """Why a file could not be written, for a person."""
    code = err.errno
    if code in _SPACE_ERRNOS:
        return DISK_FULL
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return READ_ONLY_FOLDER
    if code == errno.ENOENT:
        return "the folder does not exist"
    if code == errno.EISDIR:
        return IS_A_FOLDER
    if code == errno.ENOTDIR:
        return "a part of the path is not a folder"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long"
    if code == errno.ELOOP:
        return "the path has too many symbolic links"
    if code == errno.EIO:
        return "the disk reported an error while writing; the file was not saved"
    return f"the file could not be saved ({_strerror(err)})"


def sqlite_write_reason(err: sqlite3.Error) -> str:
    """Why SQLite could not write a new document, for a person."""
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(err).lower()
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        return DISK_FULL
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return DISK_FULL + ", or the disk failed while writing"
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN,
                   sqlite3.SQLITE_AUTH) or "readonly" in text or "unable to open" in text:
        return READ_ONLY_FOLDER
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "the file is in use by another program; try again"
    if primary == sqlite3.SQLITE_NOMEM:
        return "not enough memory to save"
    return "the document could not be written (the database engine reported an error)"


def _strerror(err: OSError) -> str:
    return (err.strerror or type(err).__name__).rstrip(".").lower()


# --------------------------------------------------------------------------- sniffing


def sniff_kind(head: bytes) -> FileKind:
    """What a file's first bytes say it is: an SQLite database, JSON text, or something else."""
    if not head:
        return "empty"
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if text.startswith(b"{"):
        return "json"
    return "other"


def regular_file_size(path: Path) -> int:
    """The size of ``path``, which must be a regular file. Raises :class:`DocumentError`."""
    try:
        st = os.stat(path)
    except OSError as err:
        raise DocumentError(path, read_reason(err)) from None
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(path, IS_A_FOLDER)
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(path, NOT_A_FILE)
    return st.st_size


def is_accord_document(path: Path) -> bool:
    """Whether ``path`` is a regular file whose header says it is an Accord document: the
    SQLite magic and Accord's ``application_id`` (damaged or newer documents included). A file
    that cannot be read answers False; whoever writes it will meet the same error."""
    from desktop.store.document import APPLICATION_ID  # the document module imports this one

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return False
        with open(path, "rb") as f:
            head = f.read(72)
    except OSError:
        return False
    return head.startswith(SQLITE_MAGIC) and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def read_head(path: Path, size: int = 100) -> bytes:
    """The first ``size`` bytes of a regular file (fewer if it is shorter)."""
    regular_file_size(path)
    try:
        with open(path, "rb") as f:
            return f.read(size)
    except OSError as err:
        raise DocumentError(path, read_reason(err)) from None


# --------------------------------------------------------------------------- atomic writing


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring). ``data`` is never
    a document, so an Accord document or a locked file is refused (:func:`check_replaceable`)."""
    path = Path(path)

    def fill(tmp: Path) -> None:
        with open(tmp, "wb") as f:
            f.write(data)

    try:
        replace_atomically(path, fill, output="other")
    except OSError as err:
        raise DocumentError(path, write_reason(err)) from None


def check_replaceable(path: Path, target: Path, output: OutputKind) -> None:
    """Refuse to replace ``target`` (what ``path`` names) with a file of kind ``output``.

    A writer of anything but a document may not replace an Accord document, nor a file whose
    lock is held (a document open in an Accord window, in this process or another). Writers of
    documents check locks themselves: the window that holds a document's lock saves it.
    """
    if output == "document":
        return
    if is_accord_document(target):
        raise DocumentError(path, IS_A_DOCUMENT)
    from desktop.store.lock import DocumentInUse, lock_document, lock_path  # (imports us)

    for name in dict.fromkeys((Path(path), target)):  # a symlink's lock, and its target's
        if not os.path.lexists(lock_path(name)):  # the usual case: probe without creating it
            continue
        try:
            lock = lock_document(name)
        except DocumentInUse as err:  # held, or a lock path that cannot be trusted
            raise DocumentError(path, f"{err.reason}; it was not replaced") from None
        if lock is not None:
            lock.release()


def replace_atomically(
    path: Path, fill: Callable[[Path], None],
    before_replace: Callable[[Path], object] | None = None,
    *, output: OutputKind = "document",
) -> None:
    """Have ``fill`` write a temp file beside ``path``, then move it over ``path``.

    ``output`` says what ``fill`` writes: an Accord ``"document"`` or an ``"other"`` file,
    which may not replace a document or a locked file (:func:`check_replaceable`, checked
    before anything is written and again just before the move). ``before_replace(target)``
    runs once the new content is safely on disk, just before the move. Raises
    :class:`DocumentError` for an unsuitable target (a folder, a device, a file whose
    permissions forbid changes, a document), and lets whatever ``fill`` or the file system
    raises pass through, after removing the temp file.
    """
    target = _target(path)
    check_replaceable(path, target, output)
    mode = _mode_for(path, target)
    remove_stale_temps(target)
    fd, name = tempfile.mkstemp(prefix=f"{temp_prefix(target)}{os.getpid()}-", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        if file_is_read_only(target):  # checked once the folder proved writable: that first
            raise DocumentError(path, READ_ONLY_FILE)
        fill(tmp)
        with contextlib.suppress(OSError):  # FAT, SMB and the like have no modes to set
            os.chmod(tmp, mode)
        _fsync_file(tmp)
        if before_replace is not None:
            before_replace(target)
        check_replaceable(path, target, output)  # it may have been saved there meanwhile
        os.replace(tmp, target)
    except BaseException:
        discard_temp(tmp)
        raise
    _fsync_dir(target.parent)


def temp_prefix(target: Path) -> str:
    """The start of every temp file name written for ``target``."""
    name = target.name
    while len(name.encode("utf-8", "surrogateescape")) > _TEMP_NAME_BYTES:
        name = name[:-1]
    return f".{name}{_TEMP_MARK}"


def temp_files(target: Path) -> list[Path]:
    """Temp files (and their SQLite journals) of ``target`` present in its folder."""
    prefix = temp_prefix(target)
    try:
        with os.scandir(target.parent) as entries:
            return sorted(target.parent / e.name for e in entries if e.name.startswith(prefix))
    except OSError:
        return []


def remove_stale_temps(target: Path) -> None:
    """Remove temp files left by writers of ``target`` that are no longer running."""
    if os.name != "posix":
        return
    pid_of = re.compile(re.escape(temp_prefix(target)) + r"(\d+)-")
    for tmp in temp_files(target):
        found = pid_of.match(tmp.name)
        if found is None:
            continue
        pid = int(found.group(1))
        if pid != os.getpid() and not is_running(pid):
            with contextlib.suppress(OSError):
                tmp.unlink()


def discard_temp(tmp: Path) -> None:
    """Remove a temp file and anything SQLite may have left beside it."""
    for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            leftover.unlink()


def is_running(pid: int) -> bool:
    """Whether process ``pid`` exists. Elsewhere than POSIX this answers True (there
    ``os.kill`` would end the process instead of probing it), so nothing is cleaned up."""
    if os.name != "posix":
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but belongs to someone else
    return True


def _target(path: Path) -> Path:
    """The file to replace: ``path``, or what it links to. Refuses folders and devices."""
    target = path
    try:
        if path.is_symlink():
            target = path.resolve(strict=False)
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except RuntimeError:  # a symlink loop, on older Pythons
        raise DocumentError(path, "the path has too many symbolic links") from None
    except OSError as err:
        if err.errno == errno.ENOENT:
            return target
        raise DocumentError(path, write_reason(err)) from None
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError(path, IS_A_FOLDER)
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError(path, NOT_A_FILE)
    return target


def file_is_read_only(target: Path) -> bool:
    """An existing file the user may not write, or that nobody may (root ignores permissions,
    but a file with no write bits at all was made read-only on purpose)."""
    try:
        st = os.stat(target)
    except OSError:
        return False
    return not os.access(target, os.W_OK) or not st.st_mode & 0o222


def folder_is_read_only(folder: Path) -> bool:
    """A folder in which the user may not create files (so nothing can be saved there)."""
    return not os.access(folder, os.W_OK | os.X_OK)


def _mode_for(path: Path, target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return DEFAULT_FILE_MODE
    except OSError as err:
        raise DocumentError(path, write_reason(err)) from None


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable. Best effort: the file is already in place, and some file
    systems (and Windows) cannot flush a folder."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- JSON


def import_json(path: Path) -> Scenario:
    """Read an ``accord.scenario`` JSON file. Its size is checked before it is read."""
    path = Path(path)
    size = regular_file_size(path)
    if size > MAX_JSON_BYTES:
        raise DocumentError(
            path,
            f"the file is {size / _MB:.0f} MB; scenarios larger than "
            f"{MAX_JSON_BYTES // _MB} MB are refused",
        )
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_JSON_BYTES + 1)  # the file may have grown since stat()
    except OSError as err:
        raise DocumentError(path, read_reason(err)) from None
    kind = sniff_kind(data[:100])
    if kind == "empty":
        raise DocumentError(path, EMPTY)
    if kind == "sqlite":
        raise DocumentError(path, "it is an Accord document, not a JSON scenario; open it instead")
    try:
        return parse_scenario(data)
    except ScenarioError as err:
        raise DocumentError(path, str(err)) from None


def export_json(scenario: Scenario, path: Path) -> None:
    """Write ``scenario`` as canonical ``accord.scenario`` JSON, atomically."""
    path = Path(path)
    try:
        data = dump_scenario(scenario).encode("utf-8")
    except UnicodeEncodeError:
        raise DocumentError(path, BAD_UNICODE) from None
    write_atomic(path, data)

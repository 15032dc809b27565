"""Rotated backups of a document, and warnings for risky folders.

Backups
    Before a save replaces an existing document, :func:`make_backup` copies the current file to
    ``.<name>.backups/<stem>.<UTC timestamp>.accord`` beside it, checks that the copy is an
    Accord document (SQLite header and ``application_id``), and keeps only the newest ``keep``
    copies. A backup that cannot be made never blocks the save: the ``OSError`` is caught and
    reported through ``on_error``. Restoring is :func:`desktop.store.open_document` on a backup.

    The backups folder is Accord's own: one that is a symbolic link is refused (reported, the
    save goes on), so a backup is never written, nor a file deleted, somewhere else. Rotation
    and clean-up delete only what Accord provably made there: regular files (not links) named
    exactly as a backup (or a half-made one) of this document, holding an Accord header.

    Timestamps come from clocks that can be wrong (a clock once set ahead, or backups synced
    from another computer). A stamp later than now cannot be when that backup was made, so such
    backups count as older than every plausibly stamped one, and the backup a save has just made
    is never rotated away: each save keeps the previous version whatever the stamps say.

Risky folders
    :func:`risky_location` says when a document sits in a cloud-sync folder (by the names of
    the folders on its path) or on a network file system, where a save may be overwritten by a
    sync or lost with the link. The store has no Qt: the window asks Qt's ``QStorageInfo`` for
    the file system's type and whether its root is remote (Linux, macOS and Windows alike) and
    passes both in; :func:`network_file_system` classifies the type.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.model import Scenario
from desktop.store.document import APPLICATION_ID, save_document
from desktop.store.files import SQLITE_MAGIC, is_running, write_reason

DEFAULT_KEEP = 10

#: Folder names (lower case) of cloud-sync services; a name may also start with them
#: ("OneDrive - Company").
_SYNC_FOLDERS = {
    "dropbox": "Dropbox", "onedrive": "OneDrive", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive", "mobile documents": "iCloud Drive",
    "nextcloud": "Nextcloud", "owncloud": "ownCloud", "box": "Box", "box sync": "Box",
    "sync": "Sync",
}
_PREFIX_FOLDERS = ("dropbox", "onedrive", "nextcloud", "owncloud", "google drive")
#: File system types (as Qt's ``QStorageInfo.fileSystemType`` names them, lower case) that
#: live on another computer: Linux (``nfs4``, ``cifs``, ``fuse.sshfs``…), macOS (``smbfs``,
#: ``afpfs``, ``webdav``, ``nfs``) and Windows's network redirectors.
_NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs",
    "fuse.davfs", "fuse.davfs2", "sshfs", "fuse.sshfs", "afs", "ncpfs", "9p", "ceph",
    "glusterfs", "fuse.glusterfs", "fuse.rclone", "lustre", "gpfs",
})
#: Prefixes of network file system types not listed one by one ("nfs3", "smb-…").
_NETWORK_FS_PREFIXES = ("nfs", "smb", "cifs", "fuse.sshfs", "fuse.davfs")
_STAMP = "%Y%m%dT%H%M%S.%fZ"
#: Exactly what ``_STAMP`` writes (``strptime`` alone also takes shorter fields).
_STAMP_SHAPE = re.compile(r"[0-9]{8}T[0-9]{6}\.[0-9]{6}Z")
_SUFFIX = ".accord"
_PART = ".part-"
_HEADER_SIZE = 100
#: How far ahead of the clock a stamp may be and still count as when its backup was made
#: (clocks are adjusted by small steps; backups made in one microsecond are stamped apart).
_CLOCK_SLACK = timedelta(minutes=1)
_NOT_A_FOLDER = "it is not a folder"
_LINKED_FOLDER = ("it is a symbolic link, which Accord never makes; it was left as it is and "
                  "nothing was written through it")


@dataclass(frozen=True)
class Backup:
    path: Path
    saved_at: datetime


class _Refused(Exception):
    """The backups folder is not one Accord may write into; ``reason`` is one sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def backup_dir(path: Path) -> Path:
    """The folder holding the backups of ``path``."""
    path = Path(path)
    return path.parent / f".{path.name}.backups"


def _parse(stem: str, name: str) -> datetime | None:
    """The time in a backup's name, if ``name`` is exactly ``<stem>.<stamp>.accord``."""
    prefix = f"{stem}."
    if not (name.startswith(prefix) and name.endswith(_SUFFIX)):
        return None
    stamp = name[len(prefix):-len(_SUFFIX)]
    if not _STAMP_SHAPE.fullmatch(stamp):
        return None
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _is_real_folder(folder: Path) -> bool:
    """Whether ``folder`` is a folder itself, not a symbolic link to one."""
    try:
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def list_backups(path: Path) -> list[Backup]:
    """The backups of ``path``, newest first.

    Only regular files named as backups count, and only in a real folder (not a link). A stamp
    more than a minute ahead of the clock is not when the backup was made (the clock was wrong,
    or it came from another computer): those come after every plausibly stamped backup, newest
    stamp first.
    """
    path = Path(path)
    folder = backup_dir(path)
    if not _is_real_folder(folder):
        return []
    try:
        with os.scandir(folder) as entries:
            found = [Backup(folder / entry.name, when) for entry in entries
                     if (when := _parse(path.stem, entry.name)) is not None
                     and entry.is_file(follow_symlinks=False)]
    except OSError:
        return []
    latest = datetime.now(UTC) + _CLOCK_SLACK
    found.sort(key=lambda b: (b.saved_at > latest, -b.saved_at.timestamp()))
    return found


def _read_head(path: Path) -> bytes | None:
    """The first bytes of ``path`` if it is a regular file (never through a link)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return os.read(fd, _HEADER_SIZE)
    except OSError:
        return None
    finally:
        os.close(fd)


def _is_document_header(head: bytes) -> bool:
    return (len(head) == _HEADER_SIZE and head.startswith(SQLITE_MAGIC)
            and int.from_bytes(head[68:72], "big") == APPLICATION_ID)


def _could_be_partial_document(head: bytes) -> bool:
    """Whether ``head`` can be the start of a copy of an Accord document cut short."""
    return (SQLITE_MAGIC.startswith(head[:len(SQLITE_MAGIC)])
            and (len(head) < 72 or int.from_bytes(head[68:72], "big") == APPLICATION_ID))


def _looks_like_document(path: Path) -> bool:
    head = _read_head(path)
    return head is not None and _is_document_header(head)


def make_backup(path: Path, keep: int = DEFAULT_KEEP,
                on_error: Callable[[str], None] | None = None) -> Path | None:
    """Copy the current ``path`` into its backup folder and keep the newest ``keep`` copies.

    Returns the new backup, or ``None`` when there is nothing to back up (no file yet) or the
    backup failed; a failure is reported to ``on_error`` as one sentence and never raised.
    """
    path = Path(path)
    if not path.is_file():
        return None
    folder = backup_dir(path)
    part: Path | None = None
    try:
        _make_folder(folder)
        _remove_stale_parts(folder, path.stem)
        copy = _new_name(folder, path.stem, datetime.now(UTC))
        # Copied under a hidden name and renamed once complete: a crash mid-copy never
        # leaves a half backup that looks like a real one. The part is created here first
        # (never through a link, never over an existing file), then filled.
        part = folder / f".{copy.name}{_PART}{os.getpid()}"
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600))
        shutil.copy2(path, part)
        if not _looks_like_document(part):
            part.unlink(missing_ok=True)
            if on_error is not None:
                on_error(f"{path}: the current file is not an Accord document; no backup kept")
            return None
        os.replace(part, copy)
        _rotate(path, copy, keep)
    except _Refused as err:
        if on_error is not None:
            on_error(f"{folder}: no backup was made ({err.reason})")
        return None
    except OSError as err:
        if part is not None:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        if on_error is not None:
            on_error(f"{folder}: no backup was made ({write_reason(err)})")
        return None
    return copy


def _make_folder(folder: Path) -> None:
    """Create the backups folder, or make sure the existing one is a real folder."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder)
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        raise _Refused("it disappeared while the backup was being made") from None
    if stat.S_ISLNK(mode):
        raise _Refused(_LINKED_FOLDER)
    if not stat.S_ISDIR(mode):
        raise _Refused(_NOT_A_FOLDER)


def _new_name(folder: Path, stem: str, now: datetime) -> Path:
    """The name of a new backup stamped ``now``; a microsecond later while that is taken."""
    while True:
        copy = folder / f"{stem}.{now.strftime(_STAMP)}{_SUFFIX}"
        if not os.path.lexists(copy):
            return copy
        now += timedelta(microseconds=1)


def _rotate(path: Path, newest: Path, keep: int) -> None:
    """Delete all but the newest ``keep`` backups of ``path``; ``newest`` (the backup just
    made) is always kept, and only files proven to be Accord's backups are deleted."""
    older = [b for b in list_backups(path) if b.path != newest]
    for old in older[max(keep, 1) - 1:]:
        if _looks_like_document(old.path):
            with contextlib.suppress(OSError):
                old.path.unlink()


def _remove_stale_parts(folder: Path, stem: str) -> None:
    """Remove half-made backups of this document left by processes that died while copying:
    regular files named ``.<stem>.<stamp>.accord.part-<pid>`` whose process is gone and whose
    bytes can be the start of an Accord document."""
    with os.scandir(folder) as entries:
        names = [entry.name for entry in entries]
    for name in names:
        head, sep, pid = name.rpartition(_PART)
        if not (sep and head.startswith(".") and pid.isdigit()
                and _parse(stem, head[1:]) is not None) or is_running(int(pid)):
            continue
        start = _read_head(folder / name)
        if start is not None and _could_be_partial_document(start):
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def save_with_backup(scenario: Scenario, path: Path, keep: int = DEFAULT_KEEP,
                     on_backup_error: Callable[[str], None] | None = None) -> None:
    """What File → Save does on disk: back up the current file, then replace it atomically.

    Raises :class:`DocumentError` if the save fails; a failed backup only calls
    ``on_backup_error``.
    """
    make_backup(path, keep=keep, on_error=on_backup_error)
    save_document(scenario, path)


def network_file_system(file_system: str) -> bool:
    """Whether a file system of type ``file_system`` (``QStorageInfo.fileSystemType``) is on
    another computer."""
    name = file_system.strip().lower()
    return name in _NETWORK_FS or name.startswith(_NETWORK_FS_PREFIXES)


def risky_location(path: Path, file_system: str = "", remote: bool = False) -> str | None:
    """Why ``path`` is a risky place for a document (cloud sync or network), or ``None``.

    ``file_system`` is the type of the file system ``path`` is on and ``remote`` whether its
    root is on another computer (a Windows share or a mapped network drive), both as Qt's
    storage info reports them; without them only the folder names are looked at.
    """
    path = Path(os.path.abspath(path))
    for part in path.parent.parts:
        name = part.lower()
        service = _SYNC_FOLDERS.get(name) or next(
            (_SYNC_FOLDERS[p] for p in _PREFIX_FOLDERS if name.startswith(p)), None)
        if service is not None:
            return (f"it is in a {service} folder; a sync can overwrite or duplicate it, "
                    "so close it on other computers while you work")
    if network_file_system(file_system):
        where = f"a network folder ({file_system.strip().lower()})"
    elif remote:
        where = "a network folder"
    else:
        return None
    return (f"it is on {where}; a lost connection during a save can lose work, "
            "so keep a local copy")

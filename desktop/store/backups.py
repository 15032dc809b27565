"""Rotated backups of a document, and warnings for risky folders.

Backups
    Before a save replaces an existing document, :func:`make_backup` copies the current file to
    ``.<name>.backups/<stem>.<UTC timestamp>.accord`` beside it, checks that the copy is an
    Accord document (SQLite header and ``application_id``), and keeps only the newest ``keep``
    copies. A backup that cannot be made never blocks the save: the ``OSError`` is caught and
    reported through ``on_error``. Restoring is :func:`desktop.store.open_document` on a backup.

Risky folders
    :func:`risky_location` says when a document sits in a cloud-sync folder (by the names of
    the folders on its path) or on a network file system (the longest matching mount point in
    ``/proc/mounts`` on Linux), where a save may be overwritten by a sync or lost with the link.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.model import Scenario
from desktop.store.document import APPLICATION_ID, save_document
from desktop.store.files import SQLITE_MAGIC, is_running, write_reason

DEFAULT_KEEP = 10
PROC_MOUNTS = Path("/proc/mounts")

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
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "davfs",
               "fuse.davfs", "fuse.davfs2", "afs", "9p"}
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_SUFFIX = ".accord"
_PART = ".part-"


@dataclass(frozen=True)
class Backup:
    path: Path
    saved_at: datetime


def backup_dir(path: Path) -> Path:
    """The folder holding the backups of ``path``."""
    path = Path(path)
    return path.parent / f".{path.name}.backups"


def _parse(stem: str, name: str) -> datetime | None:
    prefix = f"{stem}."
    if not (name.startswith(prefix) and name.endswith(_SUFFIX)):
        return None
    try:
        return datetime.strptime(name[len(prefix):-len(_SUFFIX)], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def list_backups(path: Path) -> list[Backup]:
    """The backups of ``path``, newest first."""
    path = Path(path)
    folder = backup_dir(path)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        when = _parse(path.stem, name)
        if when is not None:
            found.append(Backup(folder / name, when))
    found.sort(key=lambda b: b.saved_at, reverse=True)
    return found


def _looks_like_document(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(100)
    return (len(head) == 100 and head.startswith(SQLITE_MAGIC)
            and int.from_bytes(head[68:72], "big") == APPLICATION_ID)


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
        folder.mkdir(exist_ok=True)
        _remove_stale_parts(folder)
        stamp = datetime.now(UTC).strftime(_STAMP)
        copy = folder / f"{path.stem}.{stamp}{_SUFFIX}"
        # Copied under a hidden name and renamed once complete: a crash mid-copy never
        # leaves a half backup that looks like a real one.
        part = folder / f".{copy.name}{_PART}{os.getpid()}"
        shutil.copy2(path, part)
        if not _looks_like_document(part):
            part.unlink(missing_ok=True)
            if on_error is not None:
                on_error(f"{path}: the current file is not an Accord document; no backup kept")
            return None
        os.replace(part, copy)
        for old in list_backups(path)[max(keep, 1):]:
            with contextlib.suppress(OSError):
                old.path.unlink()
    except OSError as err:
        if part is not None:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
        if on_error is not None:
            on_error(f"{folder}: no backup was made ({write_reason(err)})")
        return None
    return copy


def _remove_stale_parts(folder: Path) -> None:
    """Remove half-made backups of processes that died while copying."""
    for name in os.listdir(folder):
        head, sep, pid = name.rpartition(_PART)
        if sep and head.startswith(".") and pid.isdigit() and not is_running(int(pid)):
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


def _unescape_mount(field: str) -> str:
    """``/proc/mounts`` writes spaces, tabs, newlines and backslashes as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"),
                       ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def _network_mount(path: Path, mounts: str) -> str | None:
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(_unescape_mount(fields[1]))
        if path == point or point in path.parents:
            depth = len(point.parts)
            if best is None or depth >= best[0]:
                best = (depth, fields[2].lower())
    if best is not None and best[1] in _NETWORK_FS:
        return best[1]
    return None


def risky_location(path: Path, mounts: str | None = None) -> str | None:
    """Why ``path`` is a risky place for a document (cloud sync or network), or ``None``.

    ``mounts`` is the text of ``/proc/mounts``; by default it is read when it exists.
    """
    path = Path(os.path.abspath(path))
    for part in path.parent.parts:
        name = part.lower()
        service = _SYNC_FOLDERS.get(name) or next(
            (_SYNC_FOLDERS[p] for p in _PREFIX_FOLDERS if name.startswith(p)), None)
        if service is not None:
            return (f"it is in a {service} folder; a sync can overwrite or duplicate it, "
                    "so close it on other computers while you work")
    if mounts is None:
        try:
            mounts = PROC_MOUNTS.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    fs = _network_mount(path, mounts)
    if fs is not None:
        return (f"it is on a network folder ({fs}); a lost connection during a save can "
                "lose work, so keep a local copy")
    return None

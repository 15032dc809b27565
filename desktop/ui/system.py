"""What Accord asks of the computer it runs on: its own folders, and where a document is stored.

Accord's own files (recovery files of unsaved work, its log) live in Qt's
``AppLocalDataLocation``: on Windows ``%LOCALAPPDATA%\\Accord\\Accord`` (the local, non-roaming
profile: they never travel to another computer with the user's roaming profile), on macOS
``~/Library/Application Support/Accord/Accord``, on Linux ``~/.local/share/Accord/Accord``.

The folders Accord makes there (``recovery``, ``logs``) are private: created with mode 0700
where the system has modes, tightened to it if they exist looser, and never followed when they
are a symbolic link (or a Windows junction) to somewhere else: :func:`private_folder` refuses.

Cheap to import: Qt's core module and the standard library only.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QStorageInfo

from desktop import __version__

#: The reverse-DNS application id (the .desktop file, AppStream and MIME files are named by it).
APP_ID = "org.accord.Accord"
#: The organization's domain: the app id's first parts, reversed (Qt names the macOS settings
#: file ``org.accord.Accord.plist`` from it).
ORGANIZATION_DOMAIN = "accord.org"
#: Open a folder only as itself: never through a symbolic link.
_FOLDER_FLAGS = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0))
PRIVATE_MODE = 0o700
#: Windows reparse points that make a folder lead somewhere else.
_LINK_TAGS = frozenset({getattr(stat, "IO_REPARSE_TAG_SYMLINK", 0xA000000C),
                        getattr(stat, "IO_REPARSE_TAG_MOUNT_POINT", 0xA0000003)})


class NotAPrivateFolder(OSError):
    """A folder of Accord's own is something Accord will not write into."""


def identify(app: QCoreApplication) -> None:
    """Name the application: Qt derives its settings and data folders from these names."""
    app.setOrganizationName("Accord")
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setApplicationName("Accord")
    app.setApplicationVersion(__version__)


def local_data_dir() -> Path:
    """Accord's folder in the local (non-roaming) application data of this user."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) if base else Path.home() / ".accord"


def recovery_dir() -> Path:
    """Where each session autosaves its unsaved work."""
    return local_data_dir() / "recovery"


def log_dir() -> Path:
    """Where Accord's log files are."""
    return local_data_dir() / "logs"


def private_folder(folder: Path) -> Path:
    """Make ``folder`` (and any missing parent) for this user only, or check the existing one.

    Returns ``folder``. Raises :class:`NotAPrivateFolder` when it is a symbolic link, a
    junction or not a folder (nothing is written through it), or ``OSError`` when it cannot be
    made.
    """
    folder = Path(os.path.abspath(folder))
    missing: list[Path] = []
    probe = folder
    while not os.path.lexists(probe) and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(part, PRIVATE_MODE)
    st = os.lstat(folder)
    if stat.S_ISLNK(st.st_mode) or getattr(st, "st_reparse_tag", 0) in _LINK_TAGS:
        raise NotAPrivateFolder(f"{folder}: it is a link to another place, which Accord never "
                                "makes; it was left as it is and nothing was written through it")
    if not stat.S_ISDIR(st.st_mode):
        raise NotAPrivateFolder(f"{folder}: it is not a folder")
    if hasattr(os, "fchmod") and hasattr(os, "geteuid"):
        _tighten(folder)
    return folder


def _tighten(folder: Path) -> None:
    """Give our own folder mode 0700 (opened as itself: a link swapped in is refused)."""
    try:
        fd = os.open(folder, _FOLDER_FLAGS)
    except OSError as err:
        raise NotAPrivateFolder(f"{folder}: it cannot be opened as a folder of its own "
                                f"({err.strerror})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISDIR(st.st_mode):
            raise NotAPrivateFolder(f"{folder}: it is not a folder")
        if st.st_uid == os.geteuid() and stat.S_IMODE(st.st_mode) != PRIVATE_MODE:
            with contextlib.suppress(OSError):
                os.fchmod(fd, PRIVATE_MODE)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- storage


def storage_of(path: Path) -> tuple[str, bool]:
    """The type of the file system ``path`` is on (as Qt names it: ``ext4``, ``nfs4``,
    ``smbfs``, ``NTFS``…; empty when unknown) and whether that storage is on another computer
    by its location (a Windows share ``\\\\server\\share`` or a mapped network drive)."""
    text = str(path)
    info = QStorageInfo(text)
    if not info.isValid():
        return "", is_unc(text)
    file_system = bytes(info.fileSystemType().data()).decode("utf-8", "replace")
    root = info.rootPath()
    return file_system, is_unc(text) or is_unc(root) or remote_drive(root)


def is_unc(text: str) -> bool:
    """Whether ``text`` is a Windows network path: ``\\\\server\\share…`` (either slash), or
    ``\\\\?\\UNC\\server\\share…``; not a local device path (``\\\\?\\C:\\``, ``\\\\.\\``)."""
    name = text.replace("/", "\\")
    if name.upper().startswith("\\\\?\\UNC\\"):
        return True
    return name.startswith("\\\\") and not name.startswith(("\\\\?\\", "\\\\.\\"))


if sys.platform == "win32":
    import ctypes

    def remote_drive(root: str) -> bool:
        """Whether the Windows drive ``root`` (``Z:/``) is a mapped network drive."""
        if len(root) < 2 or root[1] != ":":
            return False
        drive_remote = 4  # GetDriveTypeW's DRIVE_REMOTE
        return bool(ctypes.windll.kernel32.GetDriveTypeW(root[:2] + "\\") == drive_remote)

else:

    def remote_drive(root: str) -> bool:
        """Drives are Windows's: elsewhere a network folder is known by its file system."""
        return False

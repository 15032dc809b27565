"""What this machine lets a test do: run a child as another user, show a real X display.

Tests that cannot run here are skipped with the reason and what would let them run, never
failed for the machine's sake (``make test`` passes from a clone in any folder)."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Shared libraries Qt's xcb platform plugin loads (Debian: libxcb-cursor0, libxkbcommon-x11-0,
#: libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-randr0, libxcb-render-util0,
#: libxcb-shape0, libxcb-xkb1, libx11-xcb1, libegl1).
XCB_LIBRARIES = ("xcb-cursor", "xkbcommon-x11", "xcb-icccm", "xcb-keysyms", "xcb-image",
                 "xcb-randr", "xcb-render-util", "xcb-shape", "xcb-xkb", "X11-xcb", "EGL")


def _private_folder(path: Path) -> Path | None:
    """The first folder on the way to ``path`` that other users may not enter."""
    for folder in [path, *path.parents]:
        if folder.is_dir() and not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


def why_no_other_user() -> str | None:
    """Why a child process cannot run Accord as ``nobody`` here, or None when it can.

    Root ignores permissions, so permission tests drop to ``nobody`` in a child; that child
    must still read the checkout and its Python environment."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root to run a child as 'nobody' (root itself ignores permissions)"
    for what, path in (("the checkout", ROOT), ("the Python environment", Path(sys.prefix))):
        private = _private_folder(path)
        if private is not None:
            return (f"'nobody' cannot read {what}: {private} is private "
                    f"(mode {stat.S_IMODE(private.stat().st_mode):o}); clone into a folder "
                    "others may enter to run this test")
    return None


def why_no_x_display() -> str | None:
    """Why a real X display (xvfb) with Qt's xcb plugin cannot run here, or None."""
    if shutil.which("xvfb-run") is None:
        return "xvfb-run is missing (Debian: apt-get install xvfb xauth); CI installs it"
    missing = [name for name in XCB_LIBRARIES if ctypes.util.find_library(name) is None]
    if missing:
        return (f"Qt's xcb platform plugin needs libraries that are missing: "
                f"{', '.join('lib' + m for m in missing)} (see the README's system packages)")
    return None


needs_another_user = pytest.mark.skipif(why_no_other_user() is not None,
                                        reason=why_no_other_user() or "")
needs_x_display = pytest.mark.skipif(why_no_x_display() is not None,
                                     reason=why_no_x_display() or "")

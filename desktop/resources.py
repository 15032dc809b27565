"""One way to find the files Accord ships (scenarios, icons, styles), from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def bundle_root() -> Path:
    """Where shipped files live: the source tree's top folder, or the bundle when frozen.

    ``build.spec`` puts every data folder at the same relative place in the bundle as in the
    source tree, so one relative path finds a file both ways.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_root() -> Path:
    """The ``resources`` folder: beside the package from source, in the bundle when frozen."""
    return bundle_root() / "resources"


def migrations_dir() -> Path:
    """The Alembic scripts of the document format (shipped as data in the bundle)."""
    return bundle_root() / "desktop" / "store" / "migrations"


def resource_path(relative: str) -> Path:
    """A file under ``resources/``; absolute paths and ``..`` are refused."""
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        raise ValueError(f"not a resource path: {relative!r}")
    return resources_root().joinpath(*parts.parts)


def default_scenario_path() -> Path:
    """The scenario the app opens when started with no file."""
    return resource_path("scenarios/ukraine-2025.json")

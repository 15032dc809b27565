"""One way to find the files Accord ships (scenarios, icons, migrations), however it runs.

The files live in packages and are found with :mod:`importlib.resources`, so the same code
works from the checkout (an editable install), from an installed wheel and from the
PyInstaller bundle:

- ``desktop.data``: the top-level ``resources/`` folder of the source tree, mapped into the
  package by ``[tool.setuptools.package-dir]`` in pyproject.toml (and by ``build.spec``);
- ``desktop.store`` / ``migrations``: the Alembic scripts of the document format.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path, PurePosixPath

#: The package whose folder is the source tree's ``resources/``.
DATA_PACKAGE = "desktop.data"


def _folder(package: str, *parts: str) -> Path:
    """A package's folder on disk. Accord runs from real files (never from a zip), and
    Alembic and Qt need paths, so anything else is refused with the reason."""
    where = files(package).joinpath(*parts)
    if not isinstance(where, Path):
        raise RuntimeError(f"Accord's files in {package} are not on disk ({where!r}); "
                           "install Accord from a wheel or run it from its folder, not a zip")
    return where


def bundle_root() -> Path:
    """The folder holding the ``desktop`` package: the checkout, ``site-packages``, or the
    bundle's ``_internal`` when frozen. Shipped files are not found from here any more (see
    :func:`resources_root`); kept for callers that want to show where Accord runs from."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_root() -> Path:
    """The shipped files' folder: ``resources/`` in the checkout, ``desktop/data`` installed."""
    return _folder(DATA_PACKAGE)


def migrations_dir() -> Path:
    """The Alembic scripts of the document format."""
    return _folder("desktop.store", "migrations")


def resource_path(relative: str) -> Path:
    """A file under ``resources/``; absolute paths and ``..`` are refused."""
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        raise ValueError(f"not a resource path: {relative!r}")
    return resources_root().joinpath(*parts.parts)


def default_scenario_path() -> Path:
    """The scenario the app opens when started with no file."""
    return resource_path("scenarios/ukraine-2025.json")

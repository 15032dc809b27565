"""Shipped files are found through importlib.resources, the same way from the checkout, a wheel
and the bundle; the Linux desktop files are valid and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

from desktop import resources

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "resources" / "linux"
APP_ID = "org.accord.Accord"


def test_shipped_files_are_found() -> None:
    assert resources.default_scenario_path().is_file()
    assert (resources.migrations_dir() / "env.py").is_file()
    assert resources.resource_path("icons/accord.svg").is_file()
    assert (resources.resources_root() / "linux" / f"{APP_ID}.desktop").is_file()


def test_they_come_from_the_packages_not_a_path_relative_to_the_source() -> None:
    assert resources.resources_root() == Path(str(files("desktop.data")))
    assert resources.migrations_dir() == Path(str(files("desktop.store"))) / "migrations"


def test_from_the_checkout_desktop_data_is_the_resources_folder() -> None:
    """The editable install maps the package onto the top-level folder (pyproject.toml)."""
    if not (ROOT / "resources" / "__init__.py").samefile(resources.resources_root()
                                                         / "__init__.py"):
        pytest.skip("Accord is installed from a wheel here, not from this checkout")
    assert resources.resources_root() == (ROOT / "resources").resolve()


@pytest.mark.parametrize("bad", ["/etc/passwd", "../pyproject.toml", "icons/../../x", ""])
def test_paths_outside_resources_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a resource path"):
        resources.resource_path(bad)


def test_the_bundle_puts_files_where_the_packages_have_them() -> None:
    """build.spec's data destinations are the package folders importlib.resources looks in."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'shipped_files(ROOT / "resources", "desktop/data")' in spec
    assert ('shipped_files(ROOT / "desktop" / "store" / "migrations", '
            '"desktop/store/migrations")') in spec


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_mime_type_and_metainfo_agree() -> None:
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Categories"] == "Office;"  # one main category
    mime = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert entry["MimeType"] == f"{mime_type.get('type')};"
    icon = mime_type.find("m:icon", ns)
    assert icon is not None
    assert icon.get("name") == APP_ID

    info = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert info.findtext("id") == APP_ID
    assert info.findtext("launchable") == f"{APP_ID}.desktop"
    assert info.findtext("provides/mediatype") == mime_type.get("type")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    release = info.find("releases/release")
    assert release is not None
    assert release.get("version") == version, "add a <release> of this version to the metainfo"


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is missing (Debian: apt-get install appstream)")
def test_metainfo_passes_appstreamcli() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net",
                           str(LINUX / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is missing (Debian: desktop-file-utils)")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not done.stdout.strip(), done.stdout  # hints and warnings too

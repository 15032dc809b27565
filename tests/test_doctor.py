"""``make doctor`` says what is missing and how to install it, on a made-up computer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import doctor
from desktop.doctor import Environment, read_os_release, report

ROOT = Path(__file__).resolve().parents[1]
DEBIAN = {"ID": "debian", "VERSION_ID": "12"}
UBUNTU = {"ID": "ubuntu", "ID_LIKE": "debian"}
FEDORA = {"ID": "fedora", "VERSION_ID": "41"}


def computer(*, platform: str = "linux", python: tuple[int, int, int] = (3, 11, 7),
             venv: bool = True, os_release: dict[str, str] | None = None,
             libraries: set[str] | None = None, programs: set[str] | None = None,
             modules: set[str] | None = None, display: bool = True) -> Environment:
    """A made-up computer; by default it has everything."""
    all_libraries = {name for name, _, _ in doctor.QT_LIBRARIES}
    all_programs = {prog for prog, _, _ in doctor.TEST_PROGRAMS}
    all_modules = {module for module, _ in doctor.PYTHON_PACKAGES}
    have_libraries = all_libraries if libraries is None else libraries
    have_programs = all_programs if programs is None else programs
    have_modules = all_modules if modules is None else modules
    return Environment(
        platform=platform, python_version=python, executable="/home/u/accord/.venv/bin/python",
        prefix="/home/u/accord/.venv" if venv else "/usr", base_prefix="/usr",
        os_release=DEBIAN if os_release is None else os_release,
        find_library=lambda name: f"lib{name}.so" if name in have_libraries else None,
        which=lambda prog: f"/usr/bin/{prog}" if prog in have_programs else None,
        has_module=lambda module: module in have_modules,
        display=display,
    )


def test_a_complete_computer_can_run_accord() -> None:
    text, status = report(computer())
    assert status == 0
    assert "MISSING" not in text
    assert "To install" not in text
    assert text.endswith("Accord can run here.\n")
    assert "  ok       Python 3.11.7 (/home/u/accord/.venv/bin/python)" in text


def test_missing_qt_libraries_name_the_debian_packages() -> None:
    text, status = report(computer(libraries={"EGL", "GL", "fontconfig", "dbus-1", "X11-xcb",
                                              "xcb-icccm", "xcb-keysyms", "xcb-image",
                                              "xcb-randr", "xcb-render-util", "xcb-shape",
                                              "xcb-xkb"}))
    assert status == 1
    assert "  MISSING  system libraries Qt needs to show a window: libxcb-cursor, " \
           "libxkbcommon-x11" in text
    assert "  sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0\n" in text
    assert "dnf" not in text
    assert text.endswith("Accord cannot run here until the MISSING lines are fixed.\n")


def test_ubuntu_counts_as_debian_and_fedora_gets_dnf_names_once() -> None:
    text, _ = report(computer(os_release=UBUNTU, libraries=set()))
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4" in text
    text, _ = report(computer(os_release=FEDORA, libraries=set()))
    line = next(line for line in text.splitlines() if "dnf install" in line)
    assert line == ("  sudo dnf install xcb-util-cursor libxkbcommon-x11 xcb-util-wm "
                    "xcb-util-keysyms xcb-util-image libxcb xcb-util-renderutil libX11-xcb "
                    "mesa-libEGL mesa-libGL fontconfig dbus-libs")


def test_an_unknown_linux_gets_both_commands() -> None:
    text, _ = report(computer(os_release={"ID": "arch"}, libraries=set(), programs=set()))
    assert "  Debian/Ubuntu: sudo apt-get install libxcb-cursor0 " in text
    assert "  Fedora: sudo dnf install xcb-util-cursor " in text


def test_missing_test_tools_are_a_note_with_their_packages_not_a_failure() -> None:
    text, status = report(computer(programs={"xauth"}))
    assert status == 0
    assert "  note     for the tests (they skip without): xvfb-run, pdftoppm, pdftotext" in text
    assert "Optional:\n  sudo apt-get install xvfb poppler-utils desktop-file-utils\n" in text


def test_old_python_missing_packages_and_no_venv() -> None:
    text, status = report(computer(python=(3, 10, 12), venv=False, modules={"pydantic"}))
    assert status == 1
    assert "  MISSING  Python 3.10.12 is too old: Accord needs 3.11 or newer" in text
    assert "  note     not in a virtual environment" in text
    assert ("  MISSING  Python packages: PySide6-Essentials, pyqtgraph, ortools, SQLAlchemy, "
            "alembic") in text
    assert "  install Python 3.11+ and run make with PYTHON=python3.11" in text
    assert "  make (in the checkout), or pip install the accord wheel" in text


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_need_nothing_beyond_python(platform: str) -> None:
    text, status = report(computer(platform=platform, libraries=set(), programs=set(),
                                   os_release={}, display=False))
    assert status == 0
    assert "none needed on this system (Qt's wheels bring their own)" in text
    assert "apt-get" not in text
    assert "display" not in text


def test_no_display_is_a_note() -> None:
    text, status = report(computer(display=False))
    assert status == 0
    assert "  note     no display (DISPLAY/WAYLAND_DISPLAY unset)" in text


def test_report_lines_fit_the_width() -> None:
    text, _ = report(computer(os_release={}, libraries=set(), programs=set(), venv=False,
                              display=False))
    long = [line for line in text.splitlines() if len(line) > doctor.WIDTH
            and not line.lstrip().startswith(("Debian/Ubuntu:", "Fedora:"))]
    assert not long


def test_os_release_is_read_with_quotes_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "os-release"
    path.write_text('# comment\nID=fedora\nNAME="Fedora Linux"\nID_LIKE=\'rhel centos\'\n')
    assert read_os_release(path) == {"ID": "fedora", "NAME": "Fedora Linux",
                                     "ID_LIKE": "rhel centos"}
    assert read_os_release(tmp_path / "absent") == {}


def test_the_doctor_runs_from_the_checkout_on_this_computer() -> None:
    done = subprocess.run([sys.executable, "-m", "desktop.doctor"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("Accord doctor: ")
    assert not done.stderr

"""``python -m desktop.doctor`` (``make doctor``): what this computer lacks to run or test Accord.

Checks the Python version, the virtual environment, Accord's Python packages, on Linux the
system libraries Qt's X11 (xcb) platform plugin loads, and the programs some tests use
(xvfb-run, pdftoppm). Says what is missing and the command that installs it on this system
(Debian/Ubuntu apt-get, Fedora dnf). Exit status 0 when Accord can run here (missing test tools
are only noted), 1 when something it needs is missing.

Only the standard library is imported, so it works before anything is installed:
``python3 -m desktop.doctor`` from the checkout. Its text goes through the wording's
translation hook (:mod:`desktop.wording.translate`, itself standard library only; context
"Doctor"), read from its file when Accord's packages cannot be imported yet. :func:`main` binds
it to the user's language as the command line does (:func:`desktop.cli.user_language`) when
Accord and Qt can be imported; otherwise the report reads English.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib
import importlib.util
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType


def _translation_hook() -> ModuleType:
    """:mod:`desktop.wording.translate`; on a computer that cannot import Accord's packages
    (none installed, an old Python), the same file loaded on its own: it needs only the
    standard library, and with no translator bound it answers in English."""
    try:
        return importlib.import_module("desktop.wording.translate")
    except Exception:  # the doctor must run whatever is missing or broken
        path = Path(__file__).resolve().with_name("wording") / "translate.py"
        spec = importlib.util.spec_from_file_location("_accord_doctor_translate", path)
        assert spec is not None
        assert spec.loader is not None
        hook = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hook)
        return hook


_HOOK: Callable[[str, str, str | None, int], str] = _translation_hook().translate


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The wording's ``translate`` (or its stand-in's, above): ``make translations`` reads
    the doctor's calls of this name as it reads the wording's."""
    return _HOOK(context, text, disambiguation, n)


MIN_PYTHON = (3, 11)
WIDTH = 100  # the report's lines are wrapped to this many characters

#: The Python packages Accord imports (import name, distribution name).
PYTHON_PACKAGES = (("PySide6", "PySide6-Essentials"), ("pyqtgraph", "pyqtgraph"),
                   ("ortools", "ortools"), ("sqlalchemy", "SQLAlchemy"),
                   ("alembic", "alembic"), ("pydantic", "pydantic"))

#: Shared libraries Qt's xcb platform plugin loads (the names ctypes.util.find_library takes;
#: tests/helpers/system.py skips the X display tests on the first eleven), with the package
#: that installs each on Debian/Ubuntu and on Fedora.
QT_LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("xcb-cursor", "libxcb-cursor0", "xcb-util-cursor"),
    ("xkbcommon-x11", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("xcb-icccm", "libxcb-icccm4", "xcb-util-wm"),
    ("xcb-keysyms", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("xcb-image", "libxcb-image0", "xcb-util-image"),
    ("xcb-randr", "libxcb-randr0", "libxcb"),
    ("xcb-render-util", "libxcb-render-util0", "xcb-util-renderutil"),
    ("xcb-shape", "libxcb-shape0", "libxcb"),
    ("xcb-xkb", "libxcb-xkb1", "libxcb"),
    ("X11-xcb", "libx11-xcb1", "libX11-xcb"),
    ("EGL", "libegl1", "mesa-libEGL"),
    ("GL", "libgl1", "mesa-libGL"),
    ("fontconfig", "libfontconfig1", "fontconfig"),
    ("dbus-1", "libdbus-1-3", "dbus-libs"),
)

#: Programs some tests use (they skip without them): program, Debian package, Fedora package.
TEST_PROGRAMS: tuple[tuple[str, str, str], ...] = (
    ("xvfb-run", "xvfb", "xorg-x11-server-Xvfb"),
    ("xauth", "xauth", "xorg-x11-xauth"),
    ("pdftoppm", "poppler-utils", "poppler-utils"),
    ("pdftotext", "poppler-utils", "poppler-utils"),
    ("desktop-file-validate", "desktop-file-utils", "desktop-file-utils"),
)


@dataclass(frozen=True)
class Environment:
    """What the doctor looks at; tests pass a made-up one."""

    platform: str = sys.platform
    python_version: tuple[int, int, int] = sys.version_info[:3]
    executable: str = sys.executable
    prefix: str = sys.prefix
    base_prefix: str = sys.base_prefix
    os_release: Mapping[str, str] = field(default_factory=dict)
    find_library: Callable[[str], str | None] = ctypes.util.find_library
    which: Callable[[str], str | None] = shutil.which
    has_module: Callable[[str], bool] = lambda name: importlib.util.find_spec(name) is not None
    display: bool = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))

    @classmethod
    def current(cls) -> Environment:
        return cls(os_release=read_os_release())


def read_os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    """The KEY=value lines of os-release (empty where there is none)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and not key.startswith("#"):
            values[key.strip()] = value.strip().strip("\"'")
    return values


def package_manager(os_release: Mapping[str, str]) -> str | None:
    """``apt`` (Debian, Ubuntu and their derivatives), ``dnf`` (Fedora, RHEL), or None."""
    ids = {os_release.get("ID", ""), *os_release.get("ID_LIKE", "").split()}
    if ids & {"debian", "ubuntu"}:
        return "apt"
    if ids & {"fedora", "rhel", "centos"}:
        return "dnf"
    return None


@dataclass(frozen=True)
class Finding:
    """One line of the report. ``level``: ``ok``, ``note`` (worth knowing, not needed to run
    Accord) or ``missing`` (Accord cannot run as it is). ``packages``: (apt, dnf) names that
    install what is missing; ``fix``: a command to run when there are no packages."""

    level: str
    what: str
    packages: tuple[tuple[str, str], ...] = ()
    fix: str = ""


def _listed(names: Iterable[str]) -> str:
    return translate("Doctor", ", ", "the separator of a list").join(names)


def _python_findings(env: Environment) -> list[Finding]:
    findings: list[Finding] = []
    version = ".".join(map(str, env.python_version))
    if env.python_version[:2] >= MIN_PYTHON:
        findings.append(Finding("ok", translate("Doctor", "Python {version} ({executable})")
                                .format(version=version, executable=env.executable)))
    else:
        need = ".".join(map(str, MIN_PYTHON))
        findings.append(Finding(
            "missing", translate("Doctor", "Python {version} is too old: Accord needs {need} or "
                                 "newer ({executable})").format(
                version=version, need=need, executable=env.executable),
            fix=translate("Doctor", "install Python {need}+ and run make with "
                          "PYTHON=python{need}").format(need=need)))

    if env.prefix != env.base_prefix:
        findings.append(Finding("ok", translate("Doctor", "virtual environment: {prefix}")
                                .format(prefix=env.prefix)))
    else:
        findings.append(Finding("note", translate(
            "Doctor", "not in a virtual environment: make creates .venv and installs Accord "
            "there; otherwise python3 -m venv, then pip install the accord wheel")))

    absent = [dist for module, dist in PYTHON_PACKAGES if not env.has_module(module)]
    if absent:
        findings.append(Finding(
            "missing", translate("Doctor", "Python packages: {packages}").format(
                packages=_listed(absent)),
            fix=translate("Doctor", "make (in the checkout), or pip install the accord wheel")))
    else:
        findings.append(Finding("ok", translate("Doctor", "Python packages: {packages}").format(
            packages=_listed(dist for _, dist in PYTHON_PACKAGES))))
    return findings


def _system_findings(env: Environment) -> list[Finding]:
    findings: list[Finding] = []
    if env.platform.startswith("linux"):
        lost = [(name, deb, rpm) for name, deb, rpm in QT_LIBRARIES
                if env.find_library(name) is None]
        if lost:
            findings.append(Finding(
                "missing", translate("Doctor", "system libraries Qt needs to show a window: "
                                     "{libraries}").format(
                    libraries=_listed(f"lib{name}" for name, _, _ in lost)),
                packages=tuple((deb, rpm) for _, deb, rpm in lost)))
        else:
            findings.append(Finding("ok", translate(
                "Doctor", "Qt's system libraries ({count})").format(count=len(QT_LIBRARIES))))
        if not env.display:
            findings.append(Finding("note", translate(
                "Doctor", "no display (DISPLAY/WAYLAND_DISPLAY unset): the window needs a "
                "desktop session or xvfb-run; the accord commands and accord --smoke work "
                "without one")))
    else:
        findings.append(Finding("ok", translate(
            "Doctor", "system libraries: none needed on this system (Qt's wheels bring their "
            "own)")))

    if env.platform.startswith("linux"):
        lacking = [(prog, deb, rpm) for prog, deb, rpm in TEST_PROGRAMS if env.which(prog) is None]
        if lacking:
            findings.append(Finding(
                "note", translate("Doctor", "for the tests (they skip without): {programs}")
                .format(programs=_listed(prog for prog, _, _ in lacking)),
                packages=tuple((deb, rpm) for _, deb, rpm in lacking)))
        else:
            findings.append(Finding("ok", translate("Doctor", "test tools: {programs}").format(
                programs=_listed(prog for prog, _, _ in TEST_PROGRAMS))))
    return findings


def diagnose(env: Environment) -> list[Finding]:
    """What the computer has and lacks: Python, its packages, then the system's libraries
    and test tools; each finding's text in the user's language."""
    return _python_findings(env) + _system_findings(env)


def _unique(names: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(names))


def install_hint(findings: Sequence[Finding], os_release: Mapping[str, str]) -> list[str]:
    """The commands that install what the findings miss, for this system's package manager."""
    pairs = [pair for f in findings if f.level != "ok" for pair in f.packages]
    lines: list[str] = []
    if pairs:
        manager = package_manager(os_release)
        debian = " ".join(_unique([deb for deb, _ in pairs]))
        fedora = " ".join(_unique([rpm for _, rpm in pairs]))
        if manager == "apt":
            lines.append(f"sudo apt-get install {debian}")
        elif manager == "dnf":
            lines.append(f"sudo dnf install {fedora}")
        else:
            lines.append(translate("Doctor", "Debian/Ubuntu: {command}").format(
                command=f"sudo apt-get install {debian}"))
            lines.append(translate("Doctor", "Fedora: {command}").format(
                command=f"sudo dnf install {fedora}"))
    lines.extend(f.fix for f in findings if f.level == "missing" and f.fix)
    return lines


def report(env: Environment) -> tuple[str, int]:
    """The text to print and the exit status."""
    findings = diagnose(env)
    labels = {"ok": translate("Doctor", "ok"), "note": translate("Doctor", "note"),
              "missing": translate("Doctor", "MISSING")}
    width = max(map(len, labels.values()))  # the labels line up whatever the findings
    lines = [translate("Doctor", "Accord doctor: what this computer has for running and "
                       "testing Accord"), ""]
    for f in findings:
        label = labels[f.level]
        lines.extend(textwrap.wrap(f.what, WIDTH, initial_indent=f"  {label:<{width}}  ",
                                   subsequent_indent=" " * (width + 4),
                                   break_on_hyphens=False))
    hint = install_hint(findings, env.os_release)
    missing = any(f.level == "missing" for f in findings)
    lines.append("")
    if hint:
        lines.append(translate("Doctor", "To install what is missing:") if missing
                     else translate("Doctor", "Optional:"))
        lines.extend(f"  {line}" for line in hint)
        lines.append("")
    if missing:
        lines.append(translate("Doctor", "Accord cannot run here until the {missing} lines are "
                               "fixed.").format(missing=labels["missing"]))
    else:
        lines.append(translate("Doctor", "Accord can run here."))
    return "\n".join(lines) + "\n", 1 if missing else 0


def _user_language() -> AbstractContextManager[object]:
    """The command line's binding of the hook to the user's language; nothing (English) when
    Accord's packages cannot be imported, which is what the doctor may be run to find out."""
    try:
        from desktop.cli import user_language
    except Exception:  # the doctor must run whatever is missing or broken
        return contextlib.nullcontext()
    return user_language()


def main() -> int:
    with _user_language():
        text, status = report(Environment.current())
    sys.stdout.write(text)
    return status


if __name__ == "__main__":
    sys.exit(main())

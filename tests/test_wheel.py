"""An installed Accord starts: the wheel carries everything the app reads at run time.

Builds the wheel from the checkout, installs it with its dependencies into a new virtual
environment outside the checkout, and runs ``accord --smoke`` there from another folder, so
nothing can come from the source tree by accident. The first run downloads the dependencies
(about 400 MB, mostly Qt, OR-Tools and NumPy) into pip's cache; later runs install from the
cache (see docs/performance.md, Packaging, for the times).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(args: list[str | Path], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("DISPLAY", None)
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, ROOT],
                cwd=out, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("accord-*.whl")
    return built


def test_wheel_carries_the_files_read_at_run_time(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("desktop/data/__init__.py",
                   "desktop/data/scenarios/ukraine-2025.json",
                   "desktop/data/icons/accord.svg",
                   "desktop/data/linux/org.accord.Accord.desktop",
                   "desktop/data/translations/accord_en.qm",  # the English plural forms
                   "desktop/store/migrations/env.py",
                   "desktop/store/migrations/versions/0001_initial.py",
                   "desktop/py.typed"):
        assert needed in names, f"{needed} is not in {wheel.name}"
    assert not [n for n in names if n.startswith(("resources/", "tests/", "benchmarks/"))]
    assert not [n for n in names if "__pycache__" in n]
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    requires = [line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert any("pyside6-essentials" in line.lower() for line in requires), requires
    assert any("pyqtgraph" in line.lower() for line in requires), requires
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[console_scripts]\naccord = desktop.cli:main" in text
    assert "[gui_scripts]\naccord-gui = desktop.__main__:gui" in text


def test_installed_wheel_passes_the_smoke_run(wheel: Path,
                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("installed")
    env_dir = home / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    done = _run([bin_dir / "python", "-m", "pip", "install", "--quiet",
                 "--disable-pip-version-check", wheel], cwd=home, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr

    where = _run([bin_dir / "python", "-c", "import desktop; print(desktop.__file__)"],
                 cwd=home, timeout=60)
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout + where.stderr
    assert (bin_dir / "accord-gui").exists() or (bin_dir / "accord-gui.exe").exists()

    version = _run([bin_dir / "accord", "--version"], cwd=home, timeout=60)
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert version.stdout.strip() == f"accord {expected}", version.stdout + version.stderr
    smoke = _run([bin_dir / "accord", "--smoke"], cwd=home, timeout=300)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert smoke.stdout.splitlines()[-1] == "smoke: ok"

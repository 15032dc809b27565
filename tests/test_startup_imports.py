"""The window shows before the heavy packages are imported (issue 17, "Start in under a second").

A child process takes the app's start-up path (``desktop.cli``, then the window built by
``desktop.ui.app`` on the default scenario, shown offscreen) and lists ``sys.modules`` when the
window is first painted: OR-Tools (with the pandas it imports), pyqtgraph, NumPy, SQLAlchemy,
Alembic and the briefing code must not be among them. An eager import of any of them, anywhere
on that path, fails this test. Then the child lets the event loop run on and lists them again:
the charts are built just after the first paint, so pyqtgraph is there by then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Imported when first used, never to show the window.
LATER = ("ortools", "pandas", "pyqtgraph", "numpy", "sqlalchemy", "alembic", "desktop.report",
         "desktop.ui.plots", "desktop.domain.solver.bridge", "desktop.domain.solver.frontier",
         "desktop.domain.solver.encoding", "desktop.store.tables")

CHILD = """
import json, sys, tempfile
from pathlib import Path

import desktop.cli  # what `accord` and `python -m desktop` import first

from PySide6.QtCore import QSettings, QTimer

from desktop.ui.app import build_window, make_application
from desktop.ui.startup import after_first_paint

app = make_application()
tmp = Path(tempfile.mkdtemp())
window = build_window(None, QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat),
                      tmp / "recovery")
seen = {}

def shown():
    seen["shown"] = sorted(sys.modules)
    seen["title"] = window.windowTitle()
    QTimer.singleShot(500, app.quit)  # time for what waits for the first paint

after_first_paint(window, shown)
window.show()
QTimer.singleShot(20_000, app.quit)  # never hang the test
app.exec()
seen["later"] = sorted(sys.modules)
seen["charts_built"] = window.charts.built
print(json.dumps(seen))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Settings, recovery files and the recent-files list of a fresh user: no dialog on start.
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    return env


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if n in modules)


@pytest.fixture(scope="module")
def startup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("startup")
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=_env(tmp),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


def test_the_window_shows_without_the_heavy_packages(startup: dict[str, object]) -> None:
    shown = startup["shown"]
    assert isinstance(shown, list)
    assert "desktop.ui.mainwindow" in shown  # the start-up path was taken
    assert str(startup["title"]).endswith("— Accord")
    assert _loaded(shown, LATER) == []


def test_the_charts_are_built_just_after_the_first_paint(startup: dict[str, object]) -> None:
    later = startup["later"]
    assert isinstance(later, list)
    assert startup["charts_built"] is True
    assert "pyqtgraph" in later
    # Nothing else was needed: the solver, the database and the briefings wait for their use.
    assert _loaded(later, LATER) == ["desktop.ui.plots", "numpy", "pyqtgraph"]


def test_the_solver_loads_when_first_asked_for() -> None:
    """``find_bridge`` and ``frontier`` are there to import, and are the functions (not the
    modules of the same name) however they are reached."""
    script = """
import sys
import desktop.domain.solver as solver
assert "ortools" not in sys.modules
from desktop.domain.solver import BridgeResult, frontier, find_bridge
import desktop.domain.solver.frontier
from desktop.domain.solver import frontier as again
assert callable(find_bridge) and callable(frontier) and again is frontier, (frontier, again)
assert frontier.__name__ == "frontier" and solver.find_bridge is find_bridge
print("ortools" in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_the_startup_probe_reports_the_first_paint(tmp_path: Path) -> None:
    """``ACCORD_STARTUP_PROBE=1 accord`` prints when the window was shown, then quits (what
    ``benchmarks/bench_startup.py`` times)."""
    env = _env(tmp_path)
    env["ACCORD_STARTUP_PROBE"] = "1"
    done = subprocess.run([sys.executable, "-m", "desktop"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip().splitlines()[-1]
    assert line.startswith("accord: window shown after "), done.stdout
    seconds = float(line.split()[-2])
    assert 0 < seconds < 60

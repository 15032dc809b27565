"""Start-up: from launching Accord to its main window on the screen, against a bare Qt window.

Each sample starts a new process and times, from this process, the moment it was launched to the
moment the child says its window was first painted (a line on its stdout, timestamped by the
thread that reads it). Three programs, interleaved run by run so they share the machine's noise:

* **bare Qt**: ``QApplication`` and an empty 1,280×800 ``QMainWindow`` (Accord's default size),
  shown; it prints when its first paint is on the screen;
* **from source**: ``python -m desktop`` on the default scenario, with ``ACCORD_STARTUP_PROBE=1``
  (:mod:`desktop.ui.startup`: print at the first paint, then quit);
* **frozen**: the PyInstaller bundle's ``accord`` in ``dist/accord`` (``make dist``), likewise;
  not measured when there is no bundle.

Every child gets an empty home folder (no saved layout, no recovery files, no recent files),
keeps its compiled bytecode (in a temporary folder; a first, untimed run of each program writes
it) and runs on the one core ``benchmarks.run`` pinned. The window needs a real window system: the
current display, or, when there is none, a private ``Xvfb`` started for the suite; without
either the suite is not measured. The target (issue 17): Accord's window is shown within 0.8 s of
the bare window's time on the same machine.
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks import Result, median

NAME = "startup"
TITLE = "Start-up: window shown, from source and frozen, against a bare Qt window"

#: Accord's window may be shown at most this much later than a bare Qt window's.
TARGET_EXTRA_S = 0.8
RUNS = 7
TIMEOUT_S = 60.0
ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "accord" / ("accord.exe" if sys.platform == "win32" else "accord")
SHOWN = "window shown"

#: The platform the user asked Qt for, read before other suites set it (bench_gui and
#: bench_report set "offscreen" for themselves, in this process's environment).
_USER_PLATFORM = os.environ.get("QT_QPA_PLATFORM")

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False

def shown():
    print("bare: window shown", flush=True)
    app.quit()

watch = FirstPaint()
window.installEventFilter(watch)
window.show()
sys.exit(app.exec())
"""


class NotShown(Exception):
    """A child that did not show its window (the reason, with the end of its stderr)."""


@contextlib.contextmanager
def _display() -> Iterator[tuple[dict[str, str], str]]:
    """The environment that gives a child a window system, and what it is; raises
    :class:`NotShown` when there is none."""
    platform = _USER_PLATFORM if _USER_PLATFORM not in (None, "offscreen", "minimal") else None
    extra = {"QT_QPA_PLATFORM": platform} if platform else {}
    if not sys.platform.startswith("linux") or platform:
        yield extra, platform or "the desktop"
        return
    for name in ("WAYLAND_DISPLAY", "DISPLAY"):
        if os.environ.get(name):
            yield extra, f"{name}={os.environ[name]}"
            return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise NotShown("no display (DISPLAY is not set) and no Xvfb to start one; run "
                       "`xvfb-run -a make bench` or run it in a desktop session")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1920x1080x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read, encoding="ascii") as answer:
            number = answer.readline().strip()
        if not number.isdigit():
            raise NotShown("no display (DISPLAY is not set) and Xvfb did not start")
        yield {"DISPLAY": f":{number}"}, f"a private Xvfb (:{number})"
    finally:
        server.terminate()
        server.wait(10)


def _child_env(display: dict[str, str], home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ACCORD_") and k not in ("QT_QPA_PLATFORM", "PYTHONPATH",
                                                          "PYTHONDONTWRITEBYTECODE")}
    env.update(display)
    env["ACCORD_STARTUP_PROBE"] = "1"
    # Compiled bytecode is kept, as in any installed copy and in the bundle (the untimed first
    # run writes it), but in the temporary folder, never beside the sources.
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def time_to_shown(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from launching ``cmd`` to its "window shown" line, and the line."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(list(cmd), cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                 stderr=errors, text=True)
        lines: queue.Queue[tuple[float, str] | None] = queue.Queue()

        def read() -> None:
            assert child.stdout is not None
            for line in child.stdout:
                lines.put((time.perf_counter(), line))
            lines.put(None)

        threading.Thread(target=read, daemon=True).start()
        try:
            while True:
                got = lines.get(timeout=max(0.0, start + TIMEOUT_S - time.perf_counter()))
                if got is None:
                    break
                when, line = got
                if SHOWN in line:
                    child.wait(TIMEOUT_S)
                    return when - start, line.strip()
        except (queue.Empty, subprocess.TimeoutExpired):
            pass
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()
        errors.seek(0)
        tail = errors.read().decode(errors="replace").strip().splitlines()[-3:]
        raise NotShown(f"{cmd[-1]} showed no window (exit {child.returncode}): "
                       + " / ".join(tail))


def _inside(line: str) -> float:
    """The seconds in Accord's probe line, "accord: window shown after 0.412 s"."""
    return float(line.split()[-2])


def run() -> list[Result]:
    programs: dict[str, list[str]] = {
        "bare": [sys.executable, "-c", BARE],
        "source": [sys.executable, "-m", "desktop"],
    }
    frozen_why = None
    if not (FROZEN.is_file() and os.access(FROZEN, os.X_OK)):
        frozen_why = f"no PyInstaller bundle at {FROZEN.relative_to(ROOT)} (make dist builds it)"
    else:
        programs["frozen"] = [str(FROZEN)]
    try:
        with _display() as (display, where), tempfile.TemporaryDirectory() as home:
            env = _child_env(display, Path(home))
            for cmd in programs.values():  # warm the disk cache: untimed
                time_to_shown(cmd, env)
            samples: dict[str, list[tuple[float, str]]] = {name: [] for name in programs}
            for _ in range(RUNS):
                for name, cmd in programs.items():
                    samples[name].append(time_to_shown(cmd, env))
    except NotShown as err:
        return [Result.skipped("Accord window shown, from source", "s", None, str(err))]
    return _results(samples, where, frozen_why)


def _results(samples: dict[str, list[tuple[float, str]]], where: str,
             frozen_why: str | None) -> list[Result]:
    bare = median([s for s, _ in samples["bare"]])
    target = bare + TARGET_EXTRA_S
    out = [Result.info(f"bare Qt window shown (median of {RUNS})", bare, "s",
                       note=f"on {where}, one core")]
    for name, label in (("source", "from source (python -m desktop)"),
                        ("frozen", "frozen (dist/accord/accord)")):
        if name not in samples:
            out.append(Result.skipped(f"Accord window shown, {label}", "s", target,
                                      frozen_why or "not measured"))
            continue
        shown = median([s for s, _ in samples[name]])
        inside = median([_inside(line) for _, line in samples[name]])
        out += [
            Result.measured(f"Accord window shown, {label} (median of {RUNS})", shown, "s",
                            target, note=f"target: the bare window + {TARGET_EXTRA_S} s"),
            Result.info("… later than the bare window", shown - bare, "s"),
            Result.info("… as a ratio to the bare window", shown / bare, "×"),
            Result.info("… inside the process, from Accord's first line", inside, "s"),
        ]
    return out


if __name__ == "__main__":
    from benchmarks.run import format_table

    print(format_table(run()))

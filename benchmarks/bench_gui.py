"""GUI re-check latency: from an add-clause command to the red-line panel showing the result.

The whole main window is built (offscreen) on the benchmark scenario (2,000 provisions,
20 parties × 60 red lines, a 500-clause draft). Each sample pushes one "add clause" undo command;
the workspace re-checks and every panel (library marks, draft list, inspector, red-line cards,
charts, status bar) updates from the one change notification before the call returns. A second
figure adds the event-loop pass that lays out and paints the window. Each add is undone
(untimed) so the draft stays at 500 clauses.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

from benchmarks import Result, median, percentile
from benchmarks.synthetic import synthetic_scenario

NAME = "gui"
TITLE = "GUI: add-clause command to red-line panel updated"

TARGET_P95_MS = 16.0
RUNS = 200
WARMUP = 10


def run() -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import time

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import make_application
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.workspace import Workspace

    app = make_application()
    scenario = synthetic_scenario()
    draft = scenario.drafts[0]
    present = {c.provision for c in draft.clauses}
    candidates = [p.id for p in scenario.provisions if p.id not in present]
    rng = random.Random(1)

    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        ws = Workspace(scenario)
        window = MainWindow(ws, settings, Path(tmp) / "recovery")
        window.resize(1600, 1000)
        window.show()
        window.charts.build()  # the app builds them just after the first paint: time them too
        app.processEvents()
        editor = window.editor

        sync: list[float] = []
        painted: list[float] = []
        for i in range(WARMUP + RUNS):
            pid = rng.choice(candidates)
            row = rng.randrange(0, len(draft.clauses))
            start = time.perf_counter()
            editor.add_clause(pid, row)
            mid = time.perf_counter()
            QApplication.processEvents()
            end = time.perf_counter()
            assert ws.draft is not None
            assert len(ws.draft.clauses) == len(draft.clauses) + 1
            ws.undo_stack.undo()
            QApplication.processEvents()
            if i >= WARMUP:
                sync.append((mid - start) * 1000)
                painted.append((end - start) * 1000)
        window.close()
        del window

    return [
        Result.measured("add clause → panels updated, p95", percentile(sync, 95), "ms",
                        TARGET_P95_MS),
        Result.info("add clause → panels updated, median", median(sync), "ms"),
        Result.info("… plus layout and paint, p95", percentile(painted, 95), "ms"),
        Result.info("… plus layout and paint, median", median(painted), "ms"),
        Result.info("samples", float(len(sync)), "",
                    note=f"{len(draft.clauses)}-clause draft, "
                         f"{len(scenario.provisions)} provisions, "
                         f"{sum(len(p.red_lines) for p in scenario.parties)} red lines"),
    ]

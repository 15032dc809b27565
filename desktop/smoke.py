"""``accord --smoke``: prove an installed (or frozen) Accord works, end to end, then exit.

1. start the GUI offscreen on the default scenario and show the window;
2. check the current draft;
3. write a full briefing to a temporary PDF;
4. save a temporary document and reopen it, comparing what comes back.

CI runs it on the PyInstaller bundle and on a wheel installed outside the checkout
(tests/test_wheel.py); it prints one line per step and the time the window took to appear, and
exits 0 only when every step worked. It never waits for a person: a dialog that opens on the
way (a missing file, say) is closed and reported as the failure, and a run that hangs anyway is
ended after :data:`DEADLINE_S` seconds.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import tempfile
import time
from pathlib import Path

#: A smoke run that has not finished by then is stuck: its threads' tracebacks go to stderr
#: and the process exits (status 1).
DEADLINE_S = 300


def run_smoke(started: float) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke run never needs a display
    if sys.stderr is not None:
        faulthandler.dump_traceback_later(DEADLINE_S, exit=True)
    try:
        return _run_smoke(started)
    finally:
        if sys.stderr is not None:
            faulthandler.cancel_dump_traceback_later()


def _run_smoke(started: float) -> int:
    from desktop.resources import default_scenario_path

    scenario_path = default_scenario_path()
    if not scenario_path.is_file():
        print(f"smoke: FAILED: the default scenario is not installed ({scenario_path})",
              file=sys.stderr)
        return 1

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.app import build_window, make_application
    from desktop.ui.startup import after_first_paint

    app = make_application()
    dialogs: list[str] = []

    def close_dialogs() -> None:
        """A modal dialog waits for a person who is not there: note it and close it."""
        modal = app.activeModalWidget()
        if modal is not None:
            text = modal.text() if isinstance(modal, QMessageBox) else ""
            dialogs.append(" ".join(f"{modal.windowTitle()}: {text}".split()))
            modal.close()

    watch = QTimer()
    watch.setInterval(100)
    watch.timeout.connect(close_dialogs)
    watch.start()
    with tempfile.TemporaryDirectory(prefix="accord-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(None, settings, tmp / "recovery")
        painted: list[float] = []
        after_first_paint(window, lambda: painted.append(time.perf_counter()))
        window.show()
        app.processEvents()
        deadline = time.perf_counter() + 10
        while not painted and time.perf_counter() < deadline:  # offscreen paints a pass later
            app.processEvents()
        if dialogs:
            for dialog in dialogs:
                print(f"smoke: FAILED: a dialog opened on start: {dialog}", file=sys.stderr)
            return 1
        # To the first paint (the charts are built just after it, in the same pass).
        shown = (painted[0] if painted else time.perf_counter()) - started
        print(f"smoke: window shown after {shown:.2f} s: {window.windowTitle()}")
        # The charts load pyqtgraph after the first paint: a bundle without it fails here.
        print(f"smoke: charts drawn: {len(window.charts.satisfaction.values)} satisfaction bars")

        # What the window does not need to show, imported as the app does, when first used.
        from desktop.domain import check
        from desktop.report import full_sheet
        from desktop.report.render import write_pdf
        from desktop.store import open_document, save_document
        from desktop.wording import report_summary

        ws = window.ws
        draft = ws.draft
        if draft is None or not ws.scenario.title.startswith("Ending the war in Ukraine"):
            print("smoke: FAILED: the default scenario did not open", file=sys.stderr)
            return 1
        report = check(ws.scenario, draft)
        print(f"smoke: check of '{draft.id}': {report_summary(report)}")

        pdf = tmp / "briefing.pdf"
        pages = write_pdf(full_sheet(ws.scenario, draft, report=report), pdf, "a4")
        if not pdf.read_bytes().startswith(b"%PDF"):
            print("smoke: FAILED: the briefing is not a PDF", file=sys.stderr)
            return 1
        print(f"smoke: full briefing written: {pages} pages, {pdf.stat().st_size:,} bytes")

        doc = tmp / "smoke.accord"
        save_document(ws.scenario, doc)
        if open_document(doc) != ws.scenario:
            print("smoke: FAILED: the reopened document differs", file=sys.stderr)
            return 1
        print(f"smoke: saved and reopened {doc.name}: identical")
        window.close()
    print("smoke: ok")
    return 0

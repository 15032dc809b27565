"""``accord --smoke``: prove an installed (or frozen) Accord works, end to end, then exit.

1. start the GUI offscreen on the default scenario and show the window;
2. check the current draft;
3. write a full briefing to a temporary PDF;
4. save a temporary document and reopen it, comparing what comes back.

CI runs it on the PyInstaller bundle; it prints one line per step and the time the window took
to appear, and exits 0 only when every step worked.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def run_smoke(started: float) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a smoke run never needs a display
    from PySide6.QtCore import QSettings

    from desktop.domain import check
    from desktop.report import full_sheet
    from desktop.report.render import write_pdf
    from desktop.store import open_document, save_document
    from desktop.ui.app import build_window, make_application

    app = make_application()
    with tempfile.TemporaryDirectory(prefix="accord-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(None, settings, tmp / "recovery")
        window.show()
        app.processEvents()
        shown = time.perf_counter() - started
        print(f"smoke: window shown after {shown:.2f} s: {window.windowTitle()}")

        ws = window.ws
        draft = ws.draft
        if draft is None or not ws.scenario.title.startswith("Ending the war in Ukraine"):
            print("smoke: FAILED: the default scenario did not open", file=sys.stderr)
            return 1
        report = check(ws.scenario, draft)
        print(f"smoke: check of '{draft.id}': {report.summary()}")

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

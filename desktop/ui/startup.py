"""What waits for the window's first paint: the parts that need a heavy import, and the probe.

The window shows before pyqtgraph (half a second of imports on its own) is loaded: a panel
that needs it paints an empty placeholder first and builds its charts with
:func:`after_first_paint`, in the event loop's next pass after the placeholder was painted (or
at once when code asks for them). The solver, the briefing code and the document database are
imported where they are first used, so none of them is loaded before the window shows either;
``tests/test_startup_imports.py`` proves it.

``ACCORD_STARTUP_PROBE=1`` makes the app print ``accord: window shown after <s> s`` when the
main window's first paint is on the screen, then quit (``benchmarks/bench_startup.py`` times
the source and the frozen app with it).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

PROBE_VARIABLE = "ACCORD_STARTUP_PROBE"
PROBE_LINE = "accord: window shown after"


class _FirstPaint(QObject):
    """Watches one widget; after its first paint event, calls back once and goes away."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # Qt sends the painted frame to the window system as soon as the paint is done; the
            # callback runs after that, and never once the widget is gone. (Not through
            # QGuiApplication.sync(): it delivers posted events, other callbacks among them.)
            QTimer.singleShot(0, self._widget, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` once, just after ``widget`` is first painted (not at all if it never
    is: code that needs the result sooner builds it itself)."""
    _FirstPaint(widget, callback)


def probing() -> bool:
    return bool(os.environ.get(PROBE_VARIABLE))


def watch_startup(window: QWidget, started: float) -> None:
    """Under :data:`PROBE_VARIABLE`, print how long after ``started`` (a
    :func:`time.perf_counter` reading) ``window`` was first painted, then quit the app."""
    if not probing():
        return

    def shown() -> None:
        if sys.stdout is not None:  # a windowed program on Windows has nowhere to print
            sys.stdout.write(f"{PROBE_LINE} {time.perf_counter() - started:.3f} s\n")
            sys.stdout.flush()
        QCoreApplication.exit(0)

    after_first_paint(window, shown)

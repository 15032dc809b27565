"""Guards against a broken Qt binding.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a method that
returns nothing (``QLabel.setText``, ``setStyleSheet``, ...). None is immortal only from Python
3.12, so on 3.11 the count reaches zero after some tens of thousands of calls and the interpreter
aborts ("Fatal Python error: none_dealloc") in the middle of a user's session. pyproject.toml
excludes that release; this test fails if such a binding is ever installed again.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        label.setText("red line crossed")
        label.setStyleSheet("color: #C62828;")
    drift = sys.getrefcount(None) - before
    # A healthy binding leaves the count where it was, give or take a few transient references.
    assert abs(drift) < 100, f"None lost {-drift} references in 4,000 calls"

"""Shared fixtures. Qt runs offscreen in every test (pytest-qt also reads qt_log_level_fail)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def mini_json() -> bytes:
    return (DATA / "mini.json").read_bytes()

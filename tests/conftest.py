"""Shared fixtures. Qt runs offscreen in every test (pytest-qt also reads qt_log_level_fail)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.domain import Scenario, parse_scenario
from desktop.store import save_document

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture
def mini_json() -> bytes:
    return (DATA / "mini.json").read_bytes()


@pytest.fixture
def mini(mini_json: bytes) -> Scenario:
    """The small two-party scenario of tests/data/mini.json."""
    return parse_scenario(mini_json)


@pytest.fixture
def saved(tmp_path: Path, mini: Scenario) -> Path:
    """``mini`` saved as a document."""
    path = tmp_path / "mini.accord"
    save_document(mini, path)
    return path


@pytest.fixture
def shared_folders() -> Iterator[tuple[Path, Path]]:
    """Two folders another user can reach (pytest's tmp_path is private to root): one only
    root may write, one anybody may write."""
    base = Path(tempfile.mkdtemp(prefix="accord-perm-", dir="/tmp"))
    try:
        base.chmod(0o755)
        read_only, writable = base / "read-only", base / "writable"
        read_only.mkdir(mode=0o755)
        writable.mkdir()
        writable.chmod(0o777)
        yield read_only, writable
    finally:
        for p in sorted(base.rglob("*"), reverse=True):
            p.rmdir() if p.is_dir() and not p.is_symlink() else p.unlink()
        base.rmdir()

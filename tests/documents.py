"""Helpers for tests of documents: forging them as other programs or older versions would, and
comparing scenarios down to the types of their numbers."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any


def make_schema_1(path: Path) -> None:
    """Turn a saved document into what Accord's schema 1 wrote: no checksum column."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("ALTER TABLE scenario DROP COLUMN content_digest")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
        conn.execute("VACUUM")


def typed(value: Any) -> Any:
    """A structure in which 1, 1.0, True, -0.0 and 0.0 all differ, and key order counts."""
    if isinstance(value, dict):
        return [(k, typed(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    return (type(value).__name__, repr(value))

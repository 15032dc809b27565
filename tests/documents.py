"""Helpers for tests that forge documents the way other programs or older versions would."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def make_schema_1(path: Path) -> None:
    """Turn a saved document into what Accord's schema 1 wrote: no checksum column."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("ALTER TABLE scenario DROP COLUMN content_digest")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
        conn.execute("VACUUM")

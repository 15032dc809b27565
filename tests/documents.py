"""Helpers for tests of documents: forging them as other programs or older versions would, and
comparing scenarios down to the types of their numbers."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from desktop.domain.interchange import content_digest, scenario_from_dict, scenario_to_dict
from desktop.domain.model import Scenario
from desktop.store import open_document

#: The columns schema 3 added to ``param`` (a param's words of format version 2).
SCHEMA_3_PARAM_COLUMNS = ("label", "step_json", "true_label", "false_label")
#: The fields of a param (and a choice's ``label``) that format version 1 did not have.
VERSION_2_WORDS = ("label", "step", "true_label", "false_label")


def without_words(scenario: Scenario) -> Scenario:
    """``scenario`` as format version 1 (and documents of schema 1 and 2) could hold it: no
    param labels, steps or words for yes and no, every choice a bare id."""
    raw = scenario_to_dict(scenario)
    for provision in raw.get("provisions", ()):
        for param in provision.get("params", ()):
            for key in VERSION_2_WORDS:
                param.pop(key, None)
            if "choices" in param:
                param["choices"] = [c if isinstance(c, str) else c["id"]
                                    for c in param["choices"]]
    return scenario_from_dict(raw)


def make_schema_2(path: Path, digest: str | None = None) -> None:
    """Turn a saved document into what Accord's schema 2 wrote: no columns for a param's
    words, every choice a bare id, and the checksum of the version 1 form (``digest``, or the
    one :func:`content_digest` gives for it)."""
    if digest is None:
        digest = content_digest(without_words(open_document(path)), 1)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for column in reversed(SCHEMA_3_PARAM_COLUMNS):
            conn.execute(f"ALTER TABLE param DROP COLUMN {column}")
        rows = conn.execute("SELECT rowid, choices_json FROM param "
                            "WHERE choices_json IS NOT NULL").fetchall()
        for rowid, choices in rows:
            ids = [c if isinstance(c, str) else c["id"] for c in json.loads(choices)]
            conn.execute("UPDATE param SET choices_json = ? WHERE rowid = ?",
                         (json.dumps(ids, ensure_ascii=False), rowid))
        conn.execute("UPDATE scenario SET content_digest = ?", (digest,))
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
        conn.execute("PRAGMA user_version = 2")
        conn.commit()
        conn.execute("VACUUM")


def make_schema_1(path: Path) -> None:
    """Turn a saved document into what Accord's schema 1 wrote: that of schema 2 without the
    checksum column."""
    make_schema_2(path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("ALTER TABLE scenario DROP COLUMN content_digest")
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
        conn.execute("VACUUM")


def make_schema(path: Path, schema: int) -> None:
    """Turn a saved document (of the current schema) into one of document ``schema``."""
    if schema == 1:
        make_schema_1(path)
    elif schema == 2:
        make_schema_2(path)


def typed(value: Any) -> Any:
    """A structure in which 1, 1.0, True, -0.0 and 0.0 all differ, and key order counts."""
    if isinstance(value, dict):
        return [(k, typed(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    return (type(value).__name__, repr(value))

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

#: The columns schema 4 added (sources and briefings of format version 2), by table; schema 4
#: also added the table ``source``.
SCHEMA_4_COLUMNS = {
    "scenario": ("briefing_json",),
    "red_line": ("sources_json", "inferred"),
    "preference": ("sources_json", "inferred"),
    "provision": ("sources_json",),
    "draft": ("date", "status", "proposed_by_json", "sources_json"),
}
#: The fields of format version 2 that documents of schema 3 did not hold, by where they are.
VERSION_2_SOURCES = {
    "scenario": ("sources", "briefing"),
    "rule": ("sources", "inferred"),
    "provision": ("sources",),
    "draft": ("date", "status", "proposed_by", "sources"),
}
#: The columns schema 5 added (the negotiation model of format version 2), by table.
SCHEMA_5_COLUMNS = {
    "scenario": ("costs_json",),
    "party": ("no_deal_json",),
    "red_line": ("stance", "confidence_json", "relax_cost_json"),
    "provision": ("pax_json",),
    "clause": ("alternatives_json",),
}
#: The fields of format version 2 that documents of schema 4 did not hold, by where they are.
VERSION_2_NEGOTIATION = {
    "scenario": ("costs",),
    "party": ("no_deal",),
    "red_line": ("stance", "confidence", "relax_cost"),
    "provision": ("pax",),
    "clause": ("alternatives",),
}
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


def without_sources(scenario: Scenario) -> Scenario:
    """``scenario`` as documents of schema 3 (and older) could hold it: no source register,
    citations, inferred positions, draft dates, status or proposers, or briefing settings."""
    raw = scenario_to_dict(scenario)
    for key in VERSION_2_SOURCES["scenario"]:
        raw.pop(key, None)
    items = [(kind, item) for party in raw.get("parties", ())
             for kind in ("red_lines", "preferences") for item in party.get(kind, ())]
    items += [("provisions", p) for p in raw.get("provisions", ())]
    items += [("drafts", d) for d in raw.get("drafts", ())]
    where = {"red_lines": "rule", "preferences": "rule", "provisions": "provision",
             "drafts": "draft"}
    for kind, item in items:
        for key in VERSION_2_SOURCES[where[kind]]:
            item.pop(key, None)
    return scenario_from_dict(raw)


def without_negotiation(scenario: Scenario) -> Scenario:
    """``scenario`` as documents of schema 4 (and older) could hold it: no costs, no-deal
    levels, stances, confidence, relaxation costs, PA-X codes or open points."""
    raw = scenario_to_dict(scenario)
    items: list[tuple[str, dict[str, Any]]] = [("scenario", raw)]
    for party in raw.get("parties", ()):
        items.append(("party", party))
        items += [("red_line", r) for r in party.get("red_lines", ())]
    items += [("provision", p) for p in raw.get("provisions", ())]
    items += [("clause", c) for d in raw.get("drafts", ()) for c in d.get("clauses", ())]
    for kind, item in items:
        for key in VERSION_2_NEGOTIATION[kind]:
            item.pop(key, None)
    return scenario_from_dict(raw)


def as_held_by(scenario: Scenario, schema: int) -> Scenario:
    """What a document of ``schema`` holds of ``scenario``: schema 5 everything, schema 4 no
    negotiation model, schema 3 no sources or briefings either, schemas 1 and 2 no param words
    either."""
    if schema >= 5:
        return scenario
    scenario = without_negotiation(scenario)
    if schema == 4:
        return scenario
    if schema == 3:
        return without_sources(scenario)
    return without_words(without_sources(scenario))


def make_schema_4(path: Path, digest: str | None = None) -> None:
    """Turn a saved document into what Accord's schema 4 wrote: none of the columns schema 5
    added, and the checksum of the scenario without them."""
    if digest is None:
        digest = content_digest(without_negotiation(open_document(path)), 2)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for table, columns in SCHEMA_5_COLUMNS.items():
            for column in reversed(columns):
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("UPDATE scenario SET content_digest = ?", (digest,))
        conn.execute("UPDATE alembic_version SET version_num = '0004'")
        conn.execute("PRAGMA user_version = 4")
        conn.commit()
        conn.execute("VACUUM")


def make_schema_3(path: Path, digest: str | None = None) -> None:
    """Turn a saved document into what Accord's schema 3 wrote: no ``source`` table, none of
    the columns schema 4 added, and the checksum of the scenario without them (``digest``, or
    the one :func:`content_digest` gives for it)."""
    make_schema_4(path)
    if digest is None:
        digest = content_digest(without_sources(open_document(path)), 2)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TABLE source")
        for table, columns in SCHEMA_4_COLUMNS.items():
            for column in reversed(columns):
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("UPDATE scenario SET content_digest = ?", (digest,))
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
        conn.execute("PRAGMA user_version = 3")
        conn.commit()
        conn.execute("VACUUM")


def make_schema_2(path: Path, digest: str | None = None) -> None:
    """Turn a saved document into what Accord's schema 2 wrote: no columns for a param's
    words, every choice a bare id, and the checksum of the version 1 form (``digest``, or the
    one :func:`content_digest` gives for it)."""
    make_schema_3(path)
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
    elif schema == 3:
        make_schema_3(path)
    elif schema == 4:
        make_schema_4(path)


def typed(value: Any) -> Any:
    """A structure in which 1, 1.0, True, -0.0 and 0.0 all differ, and key order counts."""
    if isinstance(value, dict):
        return [(k, typed(v)) for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [typed(v) for v in value]
    return (type(value).__name__, repr(value))

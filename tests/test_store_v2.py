"""Documents keep every field of scenario format version 2 (schema 3), and the documents older
versions wrote still open: schema 2 with its checksum of the version 1 form, schema 1 without
one. The schema of each is checked as strictly as ever before any row is read."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.interchange import content_digest, scenario_from_dict
from desktop.domain.model import FORMAT_VERSION, Scenario
from desktop.store import (
    SCHEMA_REVISIONS,
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    save_document,
)
from desktop.store import document as document_module
from desktop.store.document import DIGEST_FORMAT, UNEXPECTED_SCHEMA
from tests.documents import make_schema, make_schema_2, typed, without_words

CHECKSUM = "the file is damaged (its contents do not match their checksum)"
UNREADABLE = "the file is damaged and cannot be read"

#: The checksum Accord at d04c615 (document schema 2, scenario format version 1) saved for
#: tests/data/mini.json: the digest of its version 1 canonical form, computed by that code.
MINI_SCHEMA_2_DIGEST = (
    "sha256:605bda619bf643ed3188b325b3789e31bac603e99fa91ac2690194731570896b")


def worded() -> Scenario:
    """Every word of format version 2, next to params that have none."""
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "Words",
        "provisions": [{
            "id": "army-cap", "title": "Army ceiling", "category": "military-limits",
            "kind": "concession",
            "text": "{personnel} {share} {guard} {bare} {linked} {plain} {rate}",
            "params": [
                {"name": "personnel", "label": "Army personnel", "type": "int",
                 "default": 600000, "min": 0, "max": 1000000, "step": 50000,
                 "unit": "personnel"},
                {"name": "share", "label": "Share of the budget", "type": "number",
                 "default": 2.5, "step": 0.25, "unit": "%"},
                {"name": "rate", "type": "number", "default": 1, "step": 1.0},
                {"name": "guard", "label": "Who guards it", "type": "choice",
                 "choices": [{"id": "russian-national-guard", "label": "Russian National Guard"},
                             "un-mission", {"id": "joint", "label": "Joint patrols"}],
                 "default": "joint"},
                {"name": "bare", "type": "choice", "choices": ["a", "b"], "default": "a"},
                {"name": "linked", "label": "Tied to monitoring", "type": "bool",
                 "default": False, "true_label": "is tied to the monitoring mechanism",
                 "false_label": "is not tied"},
                {"name": "plain", "type": "bool", "default": True, "true_label": "applies"},
            ],
        }],
    })


def param_rows(path: Path) -> list[tuple[Any, ...]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT name, label, step_json, choices_json, true_label, false_label FROM param "
            "ORDER BY position").fetchall()


def tamper(path: Path, *statements: str, params: tuple[Any, ...] = ()) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for sql in statements:
            conn.execute(sql, params)
        conn.commit()


def refused(path: Path) -> str:
    before = path.read_bytes()
    with pytest.raises(DocumentError) as info:
        open_document(path)
    assert path.read_bytes() == before
    return info.value.reason


# --------------------------------------------------------------------------- schema 3


def test_every_word_of_version_2_round_trips(tmp_path: Path) -> None:
    scenario = worded()
    path = tmp_path / "words.accord"
    save_document(scenario, path)
    got = open_document(path)
    assert got == scenario
    assert typed(got.model_dump()) == typed(scenario.model_dump())
    steps = {p.name: getattr(p, "step", None) for p in got.provisions[0].params}
    assert type(steps["rate"]) is float  # 1.0 stays a float, 50000 an int
    assert type(steps["personnel"]) is int


def test_the_words_have_columns_and_choices_are_written_as_the_json_form(
    tmp_path: Path,
) -> None:
    path = tmp_path / "words.accord"
    save_document(worded(), path)
    rows = {row[0]: row[1:] for row in param_rows(path)}
    assert rows["personnel"] == ("Army personnel", "50000", None, None, None)
    assert rows["share"] == ("Share of the budget", "0.25", None, None, None)
    assert rows["rate"] == (None, "1.0", None, None, None)
    assert json.loads(rows["guard"][2]) == [
        {"id": "russian-national-guard", "label": "Russian National Guard"}, "un-mission",
        {"id": "joint", "label": "Joint patrols"}]
    assert rows["bare"] == (None, None, '["a", "b"]', None, None)
    assert rows["linked"] == ("Tied to monitoring", None, None,
                              "is tied to the monitoring mechanism", "is not tied")
    assert rows["plain"] == (None, None, None, "applies", None)


def test_a_new_document_holds_the_checksum_of_the_version_2_form(tmp_path: Path) -> None:
    path = tmp_path / "words.accord"
    save_document(worded(), path)
    with contextlib.closing(sqlite3.connect(path)) as conn:
        digest = conn.execute("SELECT content_digest FROM scenario").fetchone()[0]
    assert digest == content_digest(worded(), 2) != content_digest(worded(), 1)
    assert DIGEST_FORMAT[SCHEMA_VERSION] == FORMAT_VERSION
    assert set(DIGEST_FORMAT) == set(SCHEMA_REVISIONS) - {1}  # schema 1 has no checksum


@pytest.mark.parametrize(("statement", "value"), [
    ("UPDATE param SET label = ? WHERE name = 'personnel'", "Navy personnel"),
    ("UPDATE param SET step_json = ? WHERE name = 'personnel'", "5000"),
    ("UPDATE param SET step_json = ? WHERE name = 'rate'", "1"),  # 1.0 became 1
    ("UPDATE param SET true_label = ? WHERE name = 'plain'", "apply"),
    ("UPDATE param SET false_label = ? WHERE name = 'plain'", "does not apply"),
    ("UPDATE param SET choices_json = ? WHERE name = 'bare'",
     '[{"id": "a", "label": "A"}, "b"]'),
], ids=["label", "step", "step-type", "true-label", "false-label", "choice-label"])
def test_a_changed_word_is_caught_by_the_checksum(
    tmp_path: Path, statement: str, value: str
) -> None:
    path = tmp_path / "words.accord"
    save_document(worded(), path)
    tamper(path, statement, params=(value,))
    assert refused(path) == CHECKSUM


@pytest.mark.parametrize("choices", [
    '{"a": "A"}',
    '[{"id": "a"}, "b"]',  # saving writes a choice without a label as its bare id
    '[{"id": "a", "label": "A", "note": "x"}, "b"]',
    '[{"id": "a", "label": 7}, "b"]',
    '[{"id": "a", "label": null}, "b"]',
    '[["a", "A"], "b"]',
    '[1, "b"]',
], ids=["object", "no-label", "extra-key", "number-label", "null-label", "pair", "number"])
def test_choices_that_saving_never_writes_are_refused(tmp_path: Path, choices: str) -> None:
    path = tmp_path / "words.accord"
    save_document(worded(), path)
    tamper(path, "UPDATE param SET choices_json = ? WHERE name = 'bare'", params=(choices,))
    assert refused(path) in (UNREADABLE, CHECKSUM)
    # Under the checksum or not, the shape alone is refused, before validation.
    tamper(path, "UPDATE scenario SET content_digest = NULL")
    assert refused(path) == UNREADABLE


@pytest.mark.parametrize(("old", "new"), [
    ("step_json TEXT,", "step_json TEXT DEFAULT '1',"),
    ("label TEXT,", "label TEXT GENERATED ALWAYS AS (name) VIRTUAL,"),
    ("false_label TEXT,", "false_label INTEGER,"),
], ids=["default", "generated", "type"])
def test_a_changed_definition_of_a_new_column_is_refused(
    saved: Path, old: str, new: str
) -> None:
    with contextlib.closing(sqlite3.connect(saved)) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'param'").fetchone()[0]
        assert old in sql
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'param'",
                     (sql.replace(old, new, 1),))
        conn.commit()
    assert refused(saved) == UNEXPECTED_SCHEMA


def test_a_schema_2_document_with_the_new_columns_is_refused(saved: Path) -> None:
    # The columns belong to schema 3: a file that says it is schema 2 may not have them.
    tamper(saved, "UPDATE alembic_version SET version_num = '0002'", "PRAGMA user_version = 2")
    assert refused(saved) == UNEXPECTED_SCHEMA


# --------------------------------------------------------------------------- schema 2


def test_the_old_checksum_is_the_digest_of_the_version_1_form(mini: Scenario) -> None:
    assert content_digest(mini, 1) == MINI_SCHEMA_2_DIGEST
    assert content_digest(mini) != MINI_SCHEMA_2_DIGEST


def test_a_schema_2_document_opens_without_a_checksum_error(
    saved: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_schema_2(saved, MINI_SCHEMA_2_DIGEST)  # rows and checksum as schema 2 wrote them
    assert saved.read_bytes()[60:64] == (2).to_bytes(4, "big")
    upgraded: list[object] = []
    real = document_module._upgraded_copy

    def spy(conn: sqlite3.Connection) -> sqlite3.Connection:
        upgraded.append(conn)
        return real(conn)

    monkeypatch.setattr(document_module, "_upgraded_copy", spy)
    before = saved.read_bytes()
    got = open_document(saved)
    assert got == mini
    assert typed(got.model_dump()) == typed(mini.model_dump())
    assert len(upgraded) == 1  # upgraded in memory ...
    assert saved.read_bytes() == before  # ... never on disk


def test_a_tampered_schema_2_document_still_fails(saved: Path, mini: Scenario) -> None:
    make_schema_2(saved, MINI_SCHEMA_2_DIGEST)
    name = mini.parties[0].name
    tamper(saved, "UPDATE party SET name = ? WHERE position = 0",
           params=(name[:-1] + ("X" if name[-1] != "X" else "Y"),))
    assert refused(saved) == CHECKSUM


def test_a_schema_2_document_is_checked_against_the_version_1_form(
    saved: Path, mini: Scenario
) -> None:
    # The digest of the version 2 form is not what schema 2 held: refused.
    make_schema_2(saved, content_digest(mini, 2))
    assert refused(saved) == CHECKSUM


def test_a_schema_2_document_holds_no_choice_labels(saved: Path) -> None:
    make_schema_2(saved, MINI_SCHEMA_2_DIGEST)
    tamper(saved, "UPDATE param SET choices_json = ? WHERE name = 'form'",
           params=('[{"id": "political", "label": "Political"}, "binding"]',))
    assert refused(saved) == UNREADABLE


@pytest.mark.parametrize("schema", sorted(SCHEMA_REVISIONS))
def test_a_worded_scenario_in_each_schema(tmp_path: Path, schema: int) -> None:
    """What an older schema can hold of a scenario reads back: everything but the words."""
    path = tmp_path / "words.accord"
    save_document(worded(), path)
    make_schema(path, schema)
    expected = worded() if schema >= 3 else without_words(worded())
    assert open_document(path) == expected
    if schema < 3:
        assert expected != worded()
        assert all(c.label is None for p in expected.provisions[0].params
                   for c in getattr(p, "choices", ()))

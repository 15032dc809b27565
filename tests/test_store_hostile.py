"""Hostile and damaged files: each one is refused with a clean DocumentError (or, for damage
SQLite cannot see, opens as a valid scenario); never another exception, never a hang, and the
file is never modified."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.model import Scenario
from desktop.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DocumentError,
    open_document,
    read_scenario_file,
    save_document,
)
from desktop.store import document as document_module
from tests.documents import make_schema_1

DAMAGED = "the file is damaged (integrity check failed)"
CHECKSUM = "the file is damaged (its contents do not match their checksum)"
INVALID = "the document's contents are invalid: "
UNREADABLE = "the file is damaged and cannot be read"
CUT_SHORT = "the file is damaged (it is cut short)"
VIEWS = "contains unexpected objects (views or triggers); refused for safety"
TABLES = "contains unexpected objects (tables Accord does not use); refused for safety"
NOT_SQLITE = "not an Accord document (not a SQLite file)"
FOREIGN = "not an Accord document (it is a SQLite database of another program)"


def refused(path: Path) -> str:
    """Open ``path``; it must fail with a DocumentError naming it, and stay unchanged."""
    before = path.read_bytes()
    with pytest.raises(DocumentError) as info:
        open_document(path)
    assert info.value.path == path
    assert str(info.value) == f"{path}: {info.value.reason}"
    assert path.read_bytes() == before
    return info.value.reason


def tamper(path: Path, *statements: str) -> None:
    """Change a document with raw SQLite, as another program could (our application_id and
    user_version stay)."""
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def outcome(path: Path) -> Scenario | str:
    """What opening gives: a scenario or a refusal. Anything else fails the test."""
    try:
        return open_document(path)
    except DocumentError as err:
        return err.reason


# --------------------------------------------------------------------------- not our file


def test_a_json_scenario_renamed_accord(tmp_path: Path, mini_json: bytes, mini: Scenario) -> None:
    path = tmp_path / "scenario.accord"
    path.write_bytes(mini_json)
    assert refused(path) == "not an Accord document (it looks like a JSON scenario; use Import)"
    assert read_scenario_file(path) == mini  # content decides, not the name


def test_a_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.accord"
    path.touch()
    assert refused(path) == "the file is empty"
    with pytest.raises(DocumentError, match=r"the file is empty$"):
        read_scenario_file(path)


@settings(max_examples=50, deadline=None)
@given(data=st.binary(min_size=1, max_size=5000))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("random") / "random.accord"
    path.write_bytes(data)
    reason = refused(path)
    if not data.startswith(b"SQLite format 3\x00"):
        assert reason in (NOT_SQLITE, "not an Accord document (it looks like a JSON scenario; "
                                      "use Import)")


@pytest.mark.parametrize("app_id", [None, 0x0F055112, APPLICATION_ID + 1, -1])
def test_a_sqlite_database_of_another_program(tmp_path: Path, app_id: int | None) -> None:
    path = tmp_path / "other.accord"
    statements = ["CREATE TABLE party (id TEXT)", "INSERT INTO party VALUES ('x')"]
    if app_id is not None:
        statements.append(f"PRAGMA application_id = {app_id}")
    tamper(path, *statements)
    assert refused(path) == FOREIGN


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99, 2**31 - 1])
def test_a_document_from_a_newer_version(saved: Path, version: int) -> None:
    tamper(saved, f"PRAGMA user_version = {version}")
    assert refused(saved) == (
        f"made by a newer version of Accord (document schema {version}; "
        f"this version reads up to {SCHEMA_VERSION})"
    )


@pytest.mark.parametrize("version", [0, -1, -(2**31)])
def test_a_document_without_a_known_schema(saved: Path, version: int) -> None:
    tamper(saved, f"PRAGMA user_version = {version}")
    assert refused(saved) == f"not a complete Accord document (unknown document schema {version})"


def test_a_document_switched_to_write_ahead_logging(saved: Path) -> None:
    tamper(saved, "PRAGMA journal_mode=WAL")
    for leftover in saved.parent.glob("*-wal"):
        leftover.unlink()
    assert refused(saved) == (
        "the file was changed by another program (it uses a write-ahead log); refused"
    )


# --------------------------------------------------------------------------- planted objects


@pytest.mark.parametrize("statements", [
    ["CREATE VIEW summary AS SELECT title FROM scenario"],
    ["CREATE TRIGGER log AFTER INSERT ON party BEGIN DELETE FROM clause; END"],
    ["CREATE TEMP VIEW harmless AS SELECT 1",  # temp objects are not stored in the file...
     "CREATE VIEW v AS SELECT 1", "CREATE TRIGGER t AFTER DELETE ON draft BEGIN SELECT 1; END"],
    # ...and a table replaced by a view that reads another one
    ["DROP TABLE party", "CREATE VIEW party AS SELECT id, position, title AS name, "
     "'party' AS role, NULL AS color FROM provision"],
], ids=["view", "trigger", "view-and-trigger", "table-replaced-by-view"])
def test_views_and_triggers_are_refused(saved: Path, statements: list[str]) -> None:
    tamper(saved, *statements)
    assert refused(saved) == VIEWS


@pytest.mark.parametrize("statement", [
    "CREATE TABLE extra (secret TEXT)",
    'CREATE TABLE "party " (id TEXT)',  # a look-alike name
    "CREATE INDEX ix_evil ON party (lower(name))",  # an index on our table is ours to make
    "CREATE VIRTUAL TABLE search USING fts5(body)",
], ids=["table", "look-alike-table", "index", "virtual-table"])
def test_unknown_schema_objects_are_refused(saved: Path, statement: str) -> None:
    try:
        tamper(saved, statement)
    except sqlite3.OperationalError as err:  # e.g. a SQLite built without FTS5
        pytest.skip(f"this SQLite cannot create the object: {err}")
    if statement.startswith("CREATE INDEX"):
        # Indexes on our own tables are tolerated (they cannot run code with
        # trusted_schema=OFF and they change nothing we read).
        assert open_document(saved).title == "Mini"
    else:
        assert refused(saved) == TABLES


def test_a_table_missing(saved: Path) -> None:
    tamper(saved, "DROP TABLE clause")
    assert refused(saved) == "the file is damaged (tables are missing)"


def test_attach_is_impossible_on_an_opened_document(saved: Path) -> None:
    conn = document_module._connect_read_only(saved)
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("ATTACH DATABASE ':memory:' AS other")
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("CREATE TEMP TABLE x (a)")  # query_only
        assert conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
        assert conn.execute("PRAGMA cell_size_check").fetchone() == (1,)
        assert conn.execute("PRAGMA mmap_size").fetchone() == (0,)
    finally:
        conn.close()


# --------------------------------------------------------------------------- forged rows


@pytest.mark.parametrize(("statement", "reason"), [
    ("UPDATE clause SET provision_id = 'nowhere' WHERE position = 0",
     "the document's contents are invalid: draft 'd1', clause 1: unknown provision 'nowhere'"),
    ("UPDATE scenario SET title = x'3432'", "the document's contents are invalid: title: "
                                       "Input should be a valid string"),
    ("UPDATE param SET default_json = '\"many\"' WHERE name = 'years'",
     "the document's contents are invalid: provisions[3].params[0].default: "
     "Input should be a valid integer"),
    ("UPDATE param SET choices_json = '[\"a\"]' WHERE name = 'years'",
     "the document's contents are invalid: provisions[3].params[0].choices: unknown key"),
    ("UPDATE clause SET values_json = '[1, 2' WHERE position = 0", UNREADABLE),
    ("UPDATE clause SET values_json = '" + "[" * 100_000 + "' WHERE position = 0", UNREADABLE),
    ("UPDATE red_line SET party_id = 'ghost' WHERE id = 'ua-army'", UNREADABLE),
    ("UPDATE provision_party SET direction = 'sideways' WHERE provision_id = 'army-cap' "
     "AND direction = 'by'", UNREADABLE),
    ("DELETE FROM scenario", UNREADABLE),
    ("INSERT INTO scenario (key, title, summary) VALUES (2, 'Second', '')", UNREADABLE),
    ("UPDATE party SET name = CAST(x'ff00fe' AS TEXT)", UNREADABLE),
    ("UPDATE alembic_version SET version_num = 'ffff'",
     "the file is damaged (its schema records do not agree)"),
], ids=["unknown-provision", "blob-title", "bad-default", "extra-key", "bad-json", "deep-json",
        "orphan-red-line", "bad-direction", "no-scenario-row", "two-scenario-rows",
        "invalid-utf8", "alembic-revision"])
@pytest.mark.parametrize("schema", [1, SCHEMA_VERSION])
def test_forged_rows_are_refused(saved: Path, statement: str, reason: str, schema: int) -> None:
    if schema == 1:
        make_schema_1(saved)  # no checksum: the validation error itself is reported
    elif reason.startswith(INVALID):
        reason = CHECKSUM  # what Accord saved was valid: invalid content under a checksum is damage
    tamper(saved, statement)
    got = refused(saved)
    assert got.startswith(reason), got


# --------------------------------------------------------------------------- damage


def test_truncated_files(saved: Path, tmp_path: Path) -> None:
    data = saved.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    cut = tmp_path / "cut.accord"
    for size in (1, 16, 50, 99, 100, 101, page - 1, page, page + 1, len(data) // 2,
                 len(data) - page, len(data) - 1):
        cut.write_bytes(data[:size])
        reason = refused(cut)
        assert reason in (CUT_SHORT, NOT_SQLITE), (size, reason)


def test_truncated_with_the_header_rewritten_to_match(saved: Path, tmp_path: Path) -> None:
    """Whole pages cut off and the page count fixed up: only SQLite's check can see it."""
    data = bytearray(saved.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    assert pages > 3
    cut = tmp_path / "cut.accord"
    for keep in range(2, pages):
        forged = bytearray(data[: keep * page])
        forged[28:32] = keep.to_bytes(4, "big")
        cut.write_bytes(bytes(forged))
        assert refused(cut) in (DAMAGED, UNREADABLE), keep


def _quick_check_fails(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True
    finally:
        conn.close()


def test_byte_flips_that_break_the_structure_are_reported_as_damaged(
    saved: Path, tmp_path: Path
) -> None:
    data = saved.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    flipped = tmp_path / "flipped.accord"
    damaged = 0
    # Each page's b-tree header: type, first freeblock, cell count, cell content start.
    for start in range(page, len(data), page):
        for offset, value in ((0, 0x00), (0, 0x07), (3, 0xFF), (5, 0x00), (1, 0xFF)):
            forged = bytearray(data)
            forged[start + offset] = value
            flipped.write_bytes(bytes(forged))
            if _quick_check_fails(flipped):
                damaged += 1
                assert refused(flipped) == DAMAGED, (start, offset, value)
            else:
                assert isinstance(outcome(flipped), Scenario | str)
    assert damaged >= 10


def test_a_stale_journal_beside_the_file_changes_nothing(saved: Path, mini: Scenario) -> None:
    journal = saved.with_name(saved.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(2000))
    before = (saved.read_bytes(), journal.read_bytes())
    got = outcome(saved)
    assert got == mini or isinstance(got, str)
    assert (saved.read_bytes(), journal.read_bytes()) == before


def test_saving_over_a_hostile_file_replaces_it(saved: Path, mini: Scenario) -> None:
    tamper(saved, "CREATE TRIGGER t AFTER INSERT ON party BEGIN DELETE FROM draft; END")
    save_document(mini, saved)  # a fresh file: nothing of the old one is reused
    assert open_document(saved) == mini


@pytest.mark.parametrize("make", [
    lambda p: p.mkdir(),
    lambda p: p.symlink_to(p.with_name("nowhere")),
    lambda p: p.symlink_to(p),
], ids=["folder", "dangling-symlink", "symlink-loop"])
def test_odd_paths(tmp_path: Path, make: Callable[[Path], object]) -> None:
    path = tmp_path / "odd.accord"
    make(path)
    with pytest.raises(DocumentError) as info:
        open_document(path)
    assert info.value.reason in ("it is a folder, not a file", "the file does not exist",
                                 "the path has too many symbolic links")
    shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()

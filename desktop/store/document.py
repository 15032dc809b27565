"""The ``.accord`` document: one SQLite file holding a whole scenario with all its drafts.

Saving builds a complete new database in a temp file beside the target (schema by the Alembic
migrations, content by bulk inserts, one transaction, ``journal_mode=DELETE``,
``synchronous=FULL``), flushes it and moves it over the target (:mod:`desktop.store.files`).
Opening treats the file as hostile until proven otherwise: the header is read without SQLite,
then the file is opened read-only with attachments off, untrusted schema off, cell size checks on
and no memory mapping; before any row is read, every table must be defined exactly as our
migrations define it for the file's schema number (so no generated column, CHECK constraint or
changed type of a forged file is ever evaluated), then the file must pass ``quick_check``. The
reading is bounded in time (:data:`OPEN_TIME_LIMIT_S`). An older schema is upgraded on an
in-memory copy; the user's file is never modified by opening it. The scenario is rebuilt
through the domain model, so everything is validated again, and its checksum (schema 2 on) must
equal the one saved with it, which catches damage inside a text that ``quick_check`` cannot see.

Schema 3 holds a param's words of scenario format version 2 (a param's label, step and words
for yes and no; choice labels in ``choices_json``); schema 4 the rest of version 2: the source
register, citations, inferred positions, a draft's date, status and proposers, and the briefing
settings. Documents of older schemas read as format version 2 without what they lack, as
version 1 JSON files do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import re
import sqlite3
import string
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.interchange import ScenarioError, content_digest, scenario_from_dict
from desktop.domain.model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    BoolParam,
    ChoiceParam,
    IntParam,
    NumberParam,
    ParamSpec,
    Scenario,
)
from desktop.resources import migrations_dir
from desktop.store.files import (
    BAD_UNICODE,
    EMPTY,
    SQLITE_MAGIC,
    DocumentError,
    import_json,
    read_head,
    regular_file_size,
    replace_atomically,
    sniff_kind,
    sqlite_write_reason,
    write_reason,
)

# SQLAlchemy (and the table classes, which need it) is imported by the functions that save or
# open an .accord document, never by importing this module: the app starts, and reads the JSON
# of its default scenario, without it.
if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlalchemy.engine import Engine
    from sqlalchemy.exc import SQLAlchemyError

    from desktop.store.tables import Base, SchemaRow

#: ``PRAGMA application_id`` of every ``.accord`` file: "ACCD".
APPLICATION_ID = 0x41434344
#: ``PRAGMA user_version`` written by this version: the number of the Alembic head.
SCHEMA_VERSION = 5
#: Document schema numbers and the Alembic revision each one is.
SCHEMA_REVISIONS: dict[int, str] = {1: "0001", 2: "0002", 3: "0003", 4: "0004",
                                     5: "0005"}
#: The scenario format version whose canonical form a document's checksum is taken of, by
#: document schema: schema 2 was written while the format was version 1 (schema 1 has none).
#: Schema 3 lacks version 2's sources and briefings, whose defaults the canonical form omits,
#: so its checksums are of the version 2 form too.
DIGEST_FORMAT: dict[int, int] = {2: 1, 3: 2, 4: 2, 5: 2}

HEADER_SIZE = 100

#: Alembic's ``context`` and ``op`` are process-wide proxies: one migration run at a time.
_MIGRATION_LOCK = threading.Lock()

DAMAGED = "the file is damaged (integrity check failed)"
UNREADABLE = "the file is damaged and cannot be read"
UNEXPECTED_OBJECTS = "contains unexpected objects (views or triggers); refused for safety"
UNEXPECTED_TABLES = "contains unexpected objects (tables Accord does not use); refused for safety"
UNEXPECTED_SCHEMA = ("its tables are not defined as Accord defines them (the file is damaged or "
                     "was changed by another program); refused for safety")
TABLES_MISSING = "the file is damaged (tables are missing)"
INVALID_CONTENTS = "the document's contents are invalid: "
CHECKSUM_MISMATCH = "the file is damaged (its contents do not match their checksum)"

#: How long opening one document may take until its last row is read, in seconds (read at each
#: open; past it the running SQLite statement is interrupted). The default scenario needs well
#: under 0.1 s; the limit is a backstop against files built to stall the reader.
OPEN_TIME_LIMIT_S = 10.0
#: How many SQLite virtual-machine steps run between two looks at the clock.
_PROGRESS_STEPS = 100


def run_migrations(connection: Connection, revision: str = "head") -> None:
    """Bring the database on ``connection`` to ``revision`` with Alembic, inside the caller's
    transaction (nothing is committed here)."""
    from alembic import command  # imported late: only saving and old documents need Alembic
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()).replace("%", "%%"))
    cfg.set_main_option("path_separator", "os")
    cfg.attributes["connection"] = connection
    with _MIGRATION_LOCK:
        command.upgrade(cfg, revision)


# --------------------------------------------------------------------------- saving


def save_document(scenario: Scenario, path: Path) -> None:
    """Write ``scenario`` to ``path`` as an ``.accord`` document, replacing it atomically.

    On failure :class:`DocumentError` is raised, the existing file is unchanged and no temp file
    is left behind.
    """
    from sqlalchemy.exc import SQLAlchemyError

    path = Path(path)
    try:
        replace_atomically(path, lambda tmp: _write_database(scenario, tmp),
                           before_replace=set_aside_sidecars)
    except DocumentError:
        raise
    except UnicodeEncodeError:
        raise DocumentError(path, BAD_UNICODE) from None
    except OSError as err:
        raise DocumentError(path, write_reason(err)) from None
    except sqlite3.Error as err:
        raise DocumentError(path, sqlite_write_reason(err)) from None
    except SQLAlchemyError as err:
        raise DocumentError(path, _sqlalchemy_write_reason(err)) from None


def _sqlalchemy_write_reason(err: SQLAlchemyError) -> str:
    orig = getattr(err, "orig", None)  # what the driver raised, for DBAPIError/StatementError
    if isinstance(orig, sqlite3.Error):
        return sqlite_write_reason(orig)
    if isinstance(orig, UnicodeEncodeError):
        return BAD_UNICODE
    return "the document could not be written (the database engine reported an error)"


def _sqlite_engine(raw: sqlite3.Connection) -> Engine:
    """An engine over one existing sqlite3 connection, with real transactions: BEGIN is sent
    by us (pysqlite's own transaction handling would commit each DDL statement separately).
    The caller closes ``raw``; dispose the engine with ``close=False``."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    raw.isolation_level = None
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _write_database(scenario: Scenario, tmp: Path) -> None:
    raw = sqlite3.connect(str(tmp))
    try:
        raw.execute("PRAGMA journal_mode=DELETE")
        raw.execute("PRAGMA synchronous=FULL")
        engine = _sqlite_engine(raw)
        try:
            with engine.begin() as conn:
                run_migrations(conn)
                _insert_scenario(conn, scenario)
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                check = conn.exec_driver_sql("PRAGMA quick_check").all()
                if [tuple(row) for row in check] != [("ok",)]:
                    raise sqlite3.DatabaseError("the new document failed its integrity check")
        finally:
            engine.dispose(close=False)
    finally:
        raw.close()


def _json(value: object) -> str:
    kind = type(value)
    if kind is int:  # the common cases, without json's machinery
        return repr(value)
    if kind is bool:
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _insert_scenario(conn: Connection, s: Scenario) -> None:
    from sqlalchemy import insert

    from desktop.store.tables import (
        ClauseRow,
        DraftRow,
        ParamRow,
        PartyRow,
        PreferenceRow,
        ProvisionExcludeRow,
        ProvisionPartyRow,
        ProvisionRow,
        RedLineRow,
        ScenarioRow,
        SourceRow,
    )

    tables: list[tuple[type[Base], list[dict[str, Any]]]] = [
        (ScenarioRow, [{
            "key": 1, "title": s.title, "summary": s.summary,
            "as_of": _date(s.as_of),
            "content_digest": content_digest(s, DIGEST_FORMAT[SCHEMA_VERSION]),
            "briefing_json": None if s.briefing is None else _json(
                s.briefing.model_dump(by_alias=True)),
            "costs_json": _canonical_json(s.costs),
        }]),
        (SourceRow, [
            {"id": r.id, "position": i, "title": r.title, "publisher": r.publisher,
             "date": _date(r.date), "url": r.url}
            for i, r in enumerate(s.sources)
        ]),
        (PartyRow, [
            {"id": p.id, "position": i, "name": p.name, "role": p.role, "color": p.color,
             "no_deal_json": None if p.no_deal is None else _json(p.no_deal)}
            for i, p in enumerate(s.parties)
        ]),
        (RedLineRow, [
            {"id": r.id, "party_id": p.id, "position": i, "title": r.title, "rule": r.rule,
             "rationale": r.rationale, "source": r.source, "sources_json": _ids(r.sources),
             "inferred": 1 if r.inferred else None,
             "stance": None if r.stance == "assessed" else r.stance,
             "confidence_json": None if _is_default(r.confidence, 1) else _json(r.confidence),
             "relax_cost_json": None if r.relax_cost is None else _json(r.relax_cost)}
            for p in s.parties for i, r in enumerate(p.red_lines)
        ]),
        (PreferenceRow, [
            {"id": r.id, "party_id": p.id, "position": i, "title": r.title, "rule": r.rule,
             "weight_json": _json(r.weight), "rationale": r.rationale, "source": r.source,
             "sources_json": _ids(r.sources), "inferred": 1 if r.inferred else None}
            for p in s.parties for i, r in enumerate(p.preferences)
        ]),
        (ProvisionRow, [
            {"id": v.id, "position": i, "title": v.title, "category": v.category,
             "kind": v.kind, "text": v.text, "source": v.source,
             "sources_json": _ids(v.sources), "pax_json": _canonical_json(v.pax or None)}
            for i, v in enumerate(s.provisions)
        ]),
        (ProvisionPartyRow, [
            {"provision_id": v.id, "direction": direction, "position": i, "party_id": party}
            for v in s.provisions
            for direction, parties in (("by", v.by), ("to", v.to))
            for i, party in enumerate(parties)
        ]),
        (ProvisionExcludeRow, [
            {"provision_id": v.id, "position": i, "other_id": other}
            for v in s.provisions for i, other in enumerate(v.excludes)
        ]),
        (ParamRow, [_param_row(v.id, i, p) for v in s.provisions for i, p in enumerate(v.params)]),
        (DraftRow, [
            {"id": d.id, "position": i, "title": d.title, "note": d.note,
             "date": _date(d.date), "status": d.status,
             "proposed_by_json": _ids(d.proposed_by), "sources_json": _ids(d.sources)}
            for i, d in enumerate(s.drafts)
        ]),
        (ClauseRow, [
            {"draft_id": d.id, "position": i, "provision_id": c.provision, "phase": c.phase,
             "note": c.note, "values_json": _json(c.values),
             "alternatives_json": _canonical_json(c.alternatives or None)}
            for d in s.drafts for i, c in enumerate(d.clauses)
        ]),
    ]
    for table, rows in tables:
        if rows:
            conn.execute(insert(table), rows)


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _is_default(value: object, default: object) -> bool:
    """Equal to the default with the same type (a confidence written 1.0 stays 1.0)."""
    return type(value) is type(default) and value == default


def _canonical_json(value: object) -> str | None:
    """A model value (costs, PA-X tags, alternatives) as the interchange format writes it;
    NULL for none."""
    if value is None:
        return None
    from desktop.domain.interchange import canonical_value

    return _json(canonical_value(value))


def _ids(ids: tuple[str, ...]) -> str | None:
    """A list of ids as a JSON list; NULL when there are none (the default)."""
    return _json(list(ids)) if ids else None


def _param_row(provision: str, position: int, p: ParamSpec) -> dict[str, Any]:
    """NULL where the param has no such field (or it is unset): JSON never holds ``null``.
    A choice is written as the canonical JSON form writes it: its bare id when it has no
    label, ``{"id", "label"}`` when it has one."""
    lo = hi = step = choices = yes = no = None
    if isinstance(p, IntParam | NumberParam):
        lo = None if p.min is None else _json(p.min)
        hi = None if p.max is None else _json(p.max)
        step = None if p.step is None else _json(p.step)
    elif isinstance(p, ChoiceParam):
        choices = _json([c.id if c.label is None else {"id": c.id, "label": c.label}
                         for c in p.choices])
    elif isinstance(p, BoolParam):
        yes, no = p.true_label, p.false_label
    return {
        "provision_id": provision, "position": position, "name": p.name, "type": p.type,
        "default_json": _json(p.default), "min_json": lo, "max_json": hi,
        "choices_json": choices, "unit": p.unit, "label": p.label, "step_json": step,
        "true_label": yes, "false_label": no,
    }


# --------------------------------------------------------------------------- opening


def read_scenario_file(path: Path) -> Scenario:
    """Read a scenario from an ``.accord`` document or an ``accord.scenario`` JSON file,
    whichever the content is (the name does not matter)."""
    path = Path(path)
    kind = sniff_kind(read_head(path, HEADER_SIZE))
    if kind == "empty":
        raise DocumentError(path, EMPTY)
    if kind == "sqlite":
        return open_document(path)
    return import_json(path)


def open_document(path: Path) -> Scenario:
    """Read the scenario of an ``.accord`` document. Never modifies the file.

    Raises :class:`DocumentError` for anything that is not an intact Accord document this
    version can read.
    """
    path = Path(path)
    version = _check_header(path)
    try:
        with _gc_paused():
            return _open_checked(path, version)
    except DocumentError as err:
        sidecars = stale_sidecars(path)
        if not sidecars or not err.reason.startswith("the file is damaged"):
            raise
        raise DocumentError(
            path, f"{err.reason}; “{sidecars[0].name}” beside it may hold changes another "
                  "program did not finish (it was left as it is)") from None


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a scenario's ~100,000 objects are built: it
    would otherwise walk the growing heap several times (tens of ms each). Nothing built here
    forms garbage cycles worth collecting early."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _open_checked(path: Path, version: int) -> Scenario:
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    deadline = time.monotonic() + OPEN_TIME_LIMIT_S
    try:
        conn = _connect_read_only(path, ignore_sidecars=bool(stale_sidecars(path)))
    except sqlite3.Error as err:
        raise DocumentError(path, _read_reason(err)) from None
    try:
        try:
            _limit_time(conn, deadline)
            _check_database(path, conn, version)
            if version < SCHEMA_VERSION:
                conn = _upgraded_copy(conn)  # migrating a proven older file adds columns
                _limit_time(conn, deadline)
            raw, digest = _read_scenario(conn, version)
        except sqlite3.Error as err:
            raise DocumentError(path, _read_reason(err)) from None
        except DBAPIError as err:
            orig = err.orig
            reason = _read_reason(orig) if isinstance(orig, sqlite3.Error) else UNREADABLE
            raise DocumentError(path, reason) from None
        except (SQLAlchemyError, _Inconsistent, ValueError, TypeError, RecursionError):
            raise DocumentError(path, UNREADABLE) from None
    finally:
        conn.close()
    try:
        scenario = scenario_from_dict(raw)
    except ScenarioError as err:
        # What Accord saves is valid, so invalid content under a checksum means damage.
        reason = CHECKSUM_MISMATCH if digest is not None else INVALID_CONTENTS + str(err)
        raise DocumentError(path, reason) from None
    # Schema 1 has no checksum (its column is NULL after the upgrade); schema 2 holds one of
    # the version 1 form, which the version 2 form of a scenario without its words gives back.
    if digest is not None and digest != content_digest(scenario, DIGEST_FORMAT[version]):
        raise DocumentError(path, CHECKSUM_MISMATCH)
    return scenario


class _Inconsistent(Exception):
    """Rows that do not fit together (a damaged or forged file)."""


#: Files SQLite may keep beside a database. Accord never edits a document in place, so any of
#: these beside a document was left by another program or copied there by a sync tool.
SIDECAR_SUFFIXES = ("-journal", "-wal", "-shm")


def stale_sidecars(path: Path) -> list[Path]:
    """SQLite journal or log files found beside the document at ``path``.

    Opening ignores them (applying a journal that belongs to another moment or another file is
    how synced databases get corrupted); the caller should tell the user. Saving moves them
    aside (:func:`set_aside_sidecars`) so no SQLite tool can apply them to the new file.
    """
    path = Path(path)
    return [p for p in (path.with_name(path.name + s) for s in SIDECAR_SUFFIXES)
            if os.path.lexists(p)]


def set_aside_sidecars(path: Path) -> list[Path]:
    """Rename stale sidecars of ``path`` to ``<name>-journal.stale-<UTC time>``: kept, in case
    someone needs them, but no longer paired with the document. Returns the new names."""
    moved = []
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for sidecar in stale_sidecars(path):
        aside = sidecar.with_name(f"{sidecar.name}.stale-{stamp}")
        os.replace(sidecar, aside)  # an OSError fails the save: better than pairing them
        moved.append(aside)
    return moved


def _check_header(path: Path) -> int:
    """Check the 100-byte SQLite header without SQLite; return the document schema number."""
    size = regular_file_size(path)
    head = read_head(path, HEADER_SIZE)
    kind = sniff_kind(head)
    if kind == "empty":
        raise DocumentError(path, EMPTY)
    if kind == "json":
        raise DocumentError(
            path, "not an Accord document (it looks like a JSON scenario; use Import)"
        )
    if kind != "sqlite":
        raise DocumentError(path, "not an Accord document (not a SQLite file)")
    if len(head) < HEADER_SIZE:
        raise DocumentError(path, "the file is damaged (it is cut short)")
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        raise DocumentError(
            path, "not an Accord document (it is a SQLite database of another program)"
        )
    version = int.from_bytes(head[60:64], "big", signed=True)
    if version > SCHEMA_VERSION:
        raise DocumentError(
            path,
            f"made by a newer version of Accord (document schema {version}; "
            f"this version reads up to {SCHEMA_VERSION})",
        )
    if head[18:20] != b"\x01\x01":  # we always write a rollback-journal file
        raise DocumentError(
            path, "the file was changed by another program (it uses a write-ahead log); refused"
        )
    if version not in SCHEMA_REVISIONS:
        raise DocumentError(
            path, f"not a complete Accord document (unknown document schema {version})"
        )
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DocumentError(path, DAMAGED)
    pages = int.from_bytes(head[28:32], "big")
    size_is_valid = head[24:28] == head[92:96]
    if size % page_size or (size_is_valid and size < pages * page_size):
        raise DocumentError(path, "the file is damaged (it is cut short)")
    return version


def _connect_read_only(path: Path, ignore_sidecars: bool = False) -> sqlite3.Connection:
    """A hardened read-only connection. With ``ignore_sidecars`` SQLite is told the file is
    immutable, so it neither reads nor replays a ``-journal`` or ``-wal`` beside it."""
    query = "?mode=ro&immutable=1" if ignore_sidecars else "?mode=ro"
    conn = sqlite3.connect(path.absolute().as_uri() + query, uri=True)
    try:
        _harden(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _harden(conn: sqlite3.Connection) -> None:
    """Settings that keep a hostile file from running code, reading other files or crashing us."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.execute("PRAGMA mmap_size=0")
    conn.execute("PRAGMA query_only=ON")


def _limit_time(conn: sqlite3.Connection, deadline: float) -> None:
    """Make every statement on ``conn`` fail with ``SQLITE_INTERRUPT`` once ``time.monotonic()``
    passes ``deadline`` (SQLite looks every :data:`_PROGRESS_STEPS` steps)."""
    conn.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)


def _too_slow() -> str:
    return (f"the file took too long to read (over {OPEN_TIME_LIMIT_S:g} seconds) and may be "
            "damaged or built to stall Accord; refused for safety")


def _sqlite_code(err: sqlite3.Error) -> int | None:
    code = getattr(err, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _read_reason(err: sqlite3.Error) -> str:
    primary = _sqlite_code(err)
    if primary == sqlite3.SQLITE_INTERRUPT:
        return _too_slow()
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DAMAGED
    if primary == sqlite3.SQLITE_CANTOPEN:
        return "the file could not be opened"
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "the file is locked by another program; try again"
    if primary == sqlite3.SQLITE_READONLY:
        return ("the file has unfinished changes recorded beside it (a '-journal' file); "
                "it was left as it is")
    if primary == sqlite3.SQLITE_NOMEM:
        return "not enough memory to open the file"
    if primary == sqlite3.SQLITE_IOERR:
        return "the disk reported an error while reading the file"
    return UNREADABLE


def _check_database(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Prove the file is an intact document of schema ``version`` before any row is read."""
    # The header was read before SQLite opened the file: look again through the connection.
    app_id = conn.execute("PRAGMA application_id").fetchone()
    user_version = conn.execute("PRAGMA user_version").fetchone()
    if app_id != (APPLICATION_ID,) or user_version != (version,):
        raise DocumentError(path, "the file changed while it was being opened; try again")
    # First the schema: quick_check computes generated columns, so a forged one must be
    # refused before quick_check runs.
    _check_schema(path, conn, version)
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as err:
        interrupted = _sqlite_code(err) == sqlite3.SQLITE_INTERRUPT
        raise DocumentError(path, _too_slow() if interrupted else DAMAGED) from None
    if result != [("ok",)]:
        raise DocumentError(path, DAMAGED)
    revisions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if revisions != [(SCHEMA_REVISIONS[version],)]:
        raise DocumentError(path, "the file is damaged (its schema records do not agree)")


def _check_schema(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Every row of ``sqlite_master`` must be what the migrations of schema ``version`` create
    (:data:`desktop.store.tables.DOCUMENT_SCHEMAS`), compared token by token. Indexes someone
    added on our tables are tolerated: SQLite never evaluates their expressions while reading."""
    expected = _expected_schema(version)
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    if any(kind in ("view", "trigger") for kind, *_ in rows):
        raise DocumentError(path, UNEXPECTED_OBJECTS)
    found = set()
    for kind, name, table, sql in rows:
        want = expected.get(name)
        if kind == "index" and want is None and isinstance(sql, str):
            if expected.get(table, ("",))[0] != "table":
                raise DocumentError(path, UNEXPECTED_TABLES)
            continue
        if kind not in ("table", "index") or want is None:
            raise DocumentError(path, UNEXPECTED_TABLES)
        want_kind, want_table, want_sql = want
        same_sql = sql is None if want_sql is None else sql_tokens(sql) == want_sql
        if (kind, table) != (want_kind, want_table) or not same_sql:
            raise DocumentError(path, UNEXPECTED_SCHEMA)
        found.add(name)
    missing = expected.keys() - found
    if any(expected[name][0] == "table" for name in missing):
        raise DocumentError(path, TABLES_MISSING)
    if missing:
        raise DocumentError(path, UNEXPECTED_SCHEMA)


_ExpectedRow = tuple[str, str, tuple[str, ...] | None]
_EXPECTED: dict[int, dict[str, _ExpectedRow]] = {}


def _expected_schema(version: int) -> dict[str, _ExpectedRow]:
    """:data:`DOCUMENT_SCHEMAS` of ``version`` with each statement as tokens (made once)."""
    if version not in _EXPECTED:
        from desktop.store.tables import DOCUMENT_SCHEMAS

        schema: dict[str, SchemaRow] = DOCUMENT_SCHEMAS[version]
        _EXPECTED[version] = {name: (kind, table, None if sql is None else sql_tokens(sql))
                              for name, (kind, table, sql) in schema.items()}
    return _EXPECTED[version]


#: SQL tokens: SQLite's white space; names (bare, or quoted with "", ``, []; SQLite takes every
#: non-ASCII character as part of a name); string literals; any other single character.
_SQL_TOKEN = re.compile(
    r"""(?P<space>[ \t\n\f\r]+)
      | (?P<quoted>"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\])
      | (?P<bare>[A-Za-z_\x80-\U0010ffff][A-Za-z0-9_$\x80-\U0010ffff]*)
      | (?P<other>'(?:[^']|'')*'|.)""",
    re.VERBOSE | re.DOTALL)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: Longer than any statement of ours, by far: longer text is not ours, and is not tokenised.
_MAX_SCHEMA_SQL = 4096


def sql_tokens(sql: object) -> tuple[str, ...] | None:
    """The tokens of a schema statement, so that statements SQLite reads alike compare equal:
    white space dropped, names unquoted and their ASCII letters in lower case (SQLite ignores
    that case in names and keywords), literals and punctuation as written. Each token says
    whether it is a name (``n:``) or not (``o:``), so a quoted ``"("`` never passes for a
    parenthesis. ``None`` for anything that is not text of a plausible length."""
    if not isinstance(sql, str) or len(sql) > _MAX_SCHEMA_SQL:
        return None
    tokens = []
    for match in _SQL_TOKEN.finditer(sql):
        text = match.group()
        if match.lastgroup == "space":
            continue
        if match.lastgroup == "quoted":
            quote = text[0]
            text = text[1:-1] if quote == "[" else text[1:-1].replace(quote * 2, quote)
        if match.lastgroup in ("quoted", "bare"):
            tokens.append("n:" + text.translate(_ASCII_LOWER))
        else:
            tokens.append("o:" + text)
    return tuple(tokens)


def _upgraded_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An in-memory copy of an older document brought to the current schema. Closes ``conn``."""
    memory = sqlite3.connect(":memory:")
    try:
        conn.backup(memory)
        conn.close()
        _harden(memory)
        memory.execute("PRAGMA query_only=OFF")
        engine = _sqlite_engine(memory)
        try:
            with engine.begin() as c:
                run_migrations(c)
        finally:
            engine.dispose(close=False)
    except BaseException:
        memory.close()
        raise
    return memory


def _grouped(rows: Iterable[Sequence[Any]], parents: Iterable[str]) -> dict[str, list[Any]]:
    """Rows (parent id first, already in order) grouped by parent; orphans mean damage."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    if not set(groups) <= set(parents):
        raise _Inconsistent("rows refer to a missing parent")
    return groups


def _read_scenario(raw: sqlite3.Connection, version: int) -> tuple[dict[str, Any], str | None]:
    """The scenario of a document of schema ``version`` (``raw`` is at the current schema) as
    a dict for validation, and the checksum saved with it (if any)."""
    engine = _sqlite_engine(raw)
    try:
        with engine.connect() as conn:
            return _read_rows(conn, labelled_choices=version >= 3)
    finally:
        engine.dispose(close=False)


def _choices(text: str, labelled: bool) -> list[Any]:
    """``choices_json`` read back: a list of bare ids and (``labelled``: schema 3 on)
    ``{"id", "label"}`` objects with text in both, exactly what saving writes."""
    items = json.loads(text)
    if not isinstance(items, list):
        raise _Inconsistent("a param's choices are not a list")
    for item in items:
        if isinstance(item, str):
            continue
        if (labelled and isinstance(item, dict) and item.keys() == {"id", "label"}
                and all(isinstance(v, str) for v in item.values())):
            continue
        raise _Inconsistent("a param's choice is neither an id nor an id with a label")
    return items


def _id_list(text: object) -> list[str]:
    """A ``*_json`` list of ids read back: NULL is none; else a JSON list of text."""
    if text is None:
        return []
    if not isinstance(text, str):
        raise _Inconsistent("a list of ids is not text")
    items = json.loads(text)
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise _Inconsistent("a list of ids is not a JSON list of text")
    return items


def _inferred(value: object) -> bool:
    """``inferred`` read back: saving writes 1 or NULL, nothing else."""
    if value is None:
        return False
    if type(value) is int and value == 1:
        return True
    raise _Inconsistent("'inferred' is neither 1 nor NULL")


def _optional(key: str, text: object) -> dict[str, Any]:
    """A schema 5 JSON column read back as ``{key: value}``; NULL: ``{}`` (the default). The
    model validates the value as it validates a file's."""
    if text is None:
        return {}
    if not isinstance(text, str):
        raise _Inconsistent(f"'{key}' is not JSON text")
    value = json.loads(text)
    if value is None:
        raise _Inconsistent(f"'{key}' is null: saving writes NULL for none")
    return {key: value}


def _stance(value: object) -> dict[str, Any]:
    """``stance`` read back: saving writes ``stated`` or NULL (assessed)."""
    if value is None:
        return {}
    if value == "stated":
        return {"stance": "stated"}
    raise _Inconsistent("'stance' is neither 'stated' nor NULL")


_BRIEFING_KEYS = frozenset({"to", "from", "subject", "marking"})


def _briefing(text: object) -> dict[str, Any] | None:
    """``briefing_json`` read back: NULL or exactly what saving writes (four keys of text)."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise _Inconsistent("the briefing settings are not text")
    item = json.loads(text)
    if not (isinstance(item, dict) and item.keys() == _BRIEFING_KEYS
            and all(isinstance(v, str) for v in item.values())):
        raise _Inconsistent("the briefing settings are not the four texts Accord saves")
    return item


def _param(row: Sequence[Any], labelled_choices: bool) -> dict[str, Any]:
    """One ``param`` row (after its provision's id) as the model reads a param; NULL: unset."""
    _, name, kind, default, lo, hi, choices, unit, label, step, yes, no = row
    out: dict[str, Any] = {"name": name, "type": kind, "default": json.loads(default)}
    for key, text in (("min", lo), ("max", hi), ("step", step)):
        if text is not None:
            out[key] = json.loads(text)
    if choices is not None:
        out["choices"] = _choices(choices, labelled_choices)
    for key, value in (("label", label), ("unit", unit), ("true_label", yes),
                       ("false_label", no)):
        if value is not None:
            out[key] = value
    return out


def _read_rows(conn: Connection, labelled_choices: bool) -> tuple[dict[str, Any], str | None]:
    from sqlalchemy import select

    from desktop.store.tables import (
        ClauseRow,
        DraftRow,
        ParamRow,
        PartyRow,
        PreferenceRow,
        ProvisionExcludeRow,
        ProvisionPartyRow,
        ProvisionRow,
        RedLineRow,
        ScenarioRow,
        SourceRow,
    )

    loads: Callable[[str], Any] = json.loads
    heads = conn.execute(
        select(ScenarioRow.key, ScenarioRow.title, ScenarioRow.summary, ScenarioRow.as_of,
               ScenarioRow.content_digest, ScenarioRow.briefing_json, ScenarioRow.costs_json)
    ).all()
    if len(heads) != 1 or heads[0][0] != 1:
        raise _Inconsistent("the scenario row is missing or repeated")
    _, title, summary, as_of, digest, briefing, costs = heads[0]
    if digest is not None and not isinstance(digest, str):
        raise _Inconsistent("the checksum is not text")

    parties = conn.execute(
        select(PartyRow.id, PartyRow.name, PartyRow.role, PartyRow.color,
               PartyRow.no_deal_json)
        .order_by(PartyRow.position)
    ).all()
    party_ids = [p[0] for p in parties]
    red_lines = _grouped(conn.execute(
        select(RedLineRow.party_id, RedLineRow.id, RedLineRow.title, RedLineRow.rule,
               RedLineRow.rationale, RedLineRow.source, RedLineRow.sources_json,
               RedLineRow.inferred, RedLineRow.stance, RedLineRow.confidence_json,
               RedLineRow.relax_cost_json)
        .order_by(RedLineRow.party_id, RedLineRow.position)
    ), party_ids)
    preferences = _grouped(conn.execute(
        select(PreferenceRow.party_id, PreferenceRow.id, PreferenceRow.title,
               PreferenceRow.rule, PreferenceRow.weight_json, PreferenceRow.rationale,
               PreferenceRow.source, PreferenceRow.sources_json, PreferenceRow.inferred)
        .order_by(PreferenceRow.party_id, PreferenceRow.position)
    ), party_ids)

    provisions = conn.execute(
        select(ProvisionRow.id, ProvisionRow.title, ProvisionRow.category, ProvisionRow.kind,
               ProvisionRow.text, ProvisionRow.source, ProvisionRow.sources_json,
               ProvisionRow.pax_json)
        .order_by(ProvisionRow.position)
    ).all()
    provision_ids = [p[0] for p in provisions]
    links = _grouped(conn.execute(
        select(ProvisionPartyRow.provision_id, ProvisionPartyRow.direction,
               ProvisionPartyRow.party_id)
        .order_by(ProvisionPartyRow.provision_id, ProvisionPartyRow.direction,
                  ProvisionPartyRow.position)
    ), provision_ids)
    excludes = _grouped(conn.execute(
        select(ProvisionExcludeRow.provision_id, ProvisionExcludeRow.other_id)
        .order_by(ProvisionExcludeRow.provision_id, ProvisionExcludeRow.position)
    ), provision_ids)
    params = _grouped(conn.execute(
        select(ParamRow.provision_id, ParamRow.name, ParamRow.type, ParamRow.default_json,
               ParamRow.min_json, ParamRow.max_json, ParamRow.choices_json, ParamRow.unit,
               ParamRow.label, ParamRow.step_json, ParamRow.true_label, ParamRow.false_label)
        .order_by(ParamRow.provision_id, ParamRow.position)
    ), provision_ids)

    drafts = conn.execute(
        select(DraftRow.id, DraftRow.title, DraftRow.note, DraftRow.date, DraftRow.status,
               DraftRow.proposed_by_json, DraftRow.sources_json).order_by(DraftRow.position)
    ).all()
    sources = conn.execute(
        select(SourceRow.id, SourceRow.title, SourceRow.publisher, SourceRow.date,
               SourceRow.url).order_by(SourceRow.position)
    ).all()
    clauses = _grouped(conn.execute(
        select(ClauseRow.draft_id, ClauseRow.provision_id, ClauseRow.phase, ClauseRow.note,
               ClauseRow.values_json, ClauseRow.alternatives_json)
        .order_by(ClauseRow.draft_id, ClauseRow.position)
    ), [d[0] for d in drafts])

    def provision(row: Sequence[Any]) -> dict[str, Any]:
        pid, ptitle, category, kind, text, source, cited, pax = row
        sides: dict[str, list[str]] = {"by": [], "to": []}
        for _, direction, party in links.get(pid, ()):
            if direction not in sides:
                raise _Inconsistent("a provision link has no direction")
            sides[direction].append(party)
        return {
            "id": pid, "title": ptitle, "category": category, "kind": kind,
            "by": sides["by"], "to": sides["to"], "text": text,
            "params": [_param(r, labelled_choices) for r in params.get(pid, ())],
            "excludes": [r[1] for r in excludes.get(pid, ())],
            "source": source, "sources": _id_list(cited), **_optional("pax", pax),
        }

    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": title,
        "summary": summary,
        "as_of": as_of,
        "briefing": _briefing(briefing),
        **_optional("costs", costs),
        "parties": [
            {
                "id": pid, "name": name, "role": role, "color": color,
                **_optional("no_deal", no_deal),
                "red_lines": [
                    {"id": r[1], "title": r[2], "rule": r[3], "rationale": r[4], "source": r[5],
                     "sources": _id_list(r[6]), "inferred": _inferred(r[7]),
                     **_stance(r[8]), **_optional("confidence", r[9]),
                     **_optional("relax_cost", r[10])}
                    for r in red_lines.get(pid, ())
                ],
                "preferences": [
                    {"id": r[1], "title": r[2], "rule": r[3], "weight": loads(r[4]),
                     "rationale": r[5], "source": r[6], "sources": _id_list(r[7]),
                     "inferred": _inferred(r[8])}
                    for r in preferences.get(pid, ())
                ],
            }
            for pid, name, role, color, no_deal in parties
        ],
        "provisions": [provision(r) for r in provisions],
        "drafts": [
            {
                "id": did, "title": dtitle, "note": note, "date": ddate, "status": status,
                "proposed_by": _id_list(proposers), "sources": _id_list(cited),
                "clauses": [
                    {"provision": c[1], "phase": c[2], "note": c[3], "values": loads(c[4]),
                     **_optional("alternatives", c[5])}
                    for c in clauses.get(did, ())
                ],
            }
            for did, dtitle, note, ddate, status, proposers, cited in drafts
        ],
        "sources": [
            {"id": sid, "title": stitle, "publisher": publisher, "date": sdate, "url": url}
            for sid, stitle, publisher, sdate, url in sources
        ],
    }, digest


__all__ = [
    "APPLICATION_ID",
    "SCHEMA_REVISIONS",
    "SCHEMA_VERSION",
    "SQLITE_MAGIC",
    "DocumentError",
    "migrations_dir",
    "open_document",
    "read_scenario_file",
    "run_migrations",
    "save_document",
    "set_aside_sidecars",
    "stale_sidecars",
]

"""The document store: exact round trips, the file format's marks, atomic saves, and every
failure reported as one DocumentError naming the file, with the target left as it was."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine

from desktop.domain.interchange import MAX_JSON_BYTES, dump_scenario, scenario_from_dict
from desktop.domain.model import DRAFT_STATUSES, KINDS, ROLES, NumberParam, Scenario
from desktop.store import (
    APPLICATION_ID,
    SCHEMA_REVISIONS,
    SCHEMA_VERSION,
    DocumentError,
    export_json,
    import_json,
    open_document,
    read_scenario_file,
    save_document,
    write_atomic,
)
from desktop.store import document as document_module
from desktop.store import files as files_module
from desktop.store.files import BAD_UNICODE, DISK_FULL, READ_ONLY_FOLDER, temp_files
from desktop.store.tables import Base
from tests.documents import make_schema_1, typed
from tests.helpers.system import needs_another_user

ROOT = Path(__file__).parent.parent
HELPER = Path(__file__).parent / "helpers" / "limited_save.py"


# --------------------------------------------------------------------------- helpers


def assert_identical(got: Scenario, expected: Scenario) -> None:
    assert got == expected
    assert dump_scenario(got) == dump_scenario(expected)
    assert typed(got.model_dump()) == typed(expected.model_dump())


def folder_state(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file in ``folder``: content, mtime and mode."""
    out: dict[str, tuple[bytes, int, int]] = {}
    for p in sorted(folder.iterdir()):
        if p.is_file():
            st_ = p.stat()
            out[p.name] = (p.read_bytes(), st_.st_mtime_ns, stat.S_IMODE(st_.st_mode))
    return out


def scenario_with(**changes: Any) -> Scenario:
    """mini.json with top-level fields replaced."""
    raw = json.loads((ROOT / "tests" / "data" / "mini.json").read_bytes())
    raw.update(changes)
    return scenario_from_dict(raw)


def tricky_scenario() -> Scenario:
    """Every value-typing trap of the format in one scenario."""
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2,
        "title": "Typing: ünïcödé, עברית, 日本語, emoji 🕊️", "summary": "",
        "parties": [
            {"id": "a", "name": "A", "color": None, "role": "mediator",
             "preferences": [
                 {"id": "w-int", "title": "int weight", "rule": "x", "weight": 3},
                 {"id": "w-float", "title": "float weight", "rule": "x", "weight": 3.0},
                 {"id": "w-one", "title": "float one", "rule": "x", "weight": 1.0},
                 {"id": "w-tiny", "title": "tiny", "rule": "x", "weight": 1e-300},
             ]},
            {"id": "b", "name": "B", "color": "#00aaFF",
             "red_lines": [{"id": "r", "title": "R", "rule": "x -> x.f == true",
                            "rationale": "", "source": "S1"}]},
        ],
        "provisions": [
            {"id": "x", "title": "X", "category": "c", "kind": "mechanism",
             "by": ["b", "a"], "to": ["a"],
             "text": "{i} {n} {m} {c} {f} \u0000 nul and\ttab",
             "params": [
                 {"name": "i", "type": "int", "default": 5, "min": -(2**62), "max": 2**62},
                 {"name": "n", "type": "number", "default": 5.0, "min": 0, "max": 10.5,
                  "unit": ""},
                 {"name": "m", "type": "number", "default": -0.0, "unit": None},
                 {"name": "c", "type": "choice", "choices": ["z", "a", "ß"], "default": "ß"},
                 {"name": "f", "type": "bool", "default": False, "unit": "flag"},
             ]},
            {"id": "y", "title": "Y", "category": "c", "kind": "concession", "text": "y",
             "excludes": ["x"], "source": ""},
        ],
        "drafts": [
            {"id": "d", "title": "D", "note": "line\nbreak",
             "clauses": [{"provision": "x", "values": {"n": 5, "m": 1e308, "f": True, "i": 0,
                                                       "c": "a"},
                          "phase": 1000},
                         {"provision": "y", "values": {}}]},
            {"id": "e", "title": "Empty draft"},
        ],
    })


# --------------------------------------------------------------------------- round trips


def test_mini_round_trips_exactly(saved: Path, mini: Scenario) -> None:
    assert_identical(open_document(saved), mini)


def test_types_and_empty_values_round_trip_exactly(tmp_path: Path) -> None:
    scenario = tricky_scenario()
    path = tmp_path / "tricky.accord"
    save_document(scenario, path)
    got = open_document(path)
    assert_identical(got, scenario)
    params = {p.name: p for p in got.provisions[0].params}
    number = params["n"]
    assert isinstance(number, NumberParam)
    assert type(number.default) is float
    assert number.default == 5.0
    assert type(number.min) is int
    assert type(params["i"].default) is int
    assert repr(params["m"].default) == "-0.0"
    assert number.unit == ""
    assert params["m"].unit is None
    weights = [p.weight for p in got.parties[0].preferences]
    assert [type(w) for w in weights] == [int, float, float, float]
    assert got.parties[0].color is None
    assert got.as_of is None
    values = got.drafts[0].clauses[0].values
    assert list(values) == ["n", "m", "f", "i", "c"]
    assert type(values["n"]) is int
    assert values["f"] is True
    assert values["i"] == 0
    assert got.provisions[0].by == ("b", "a")


_PARAM_NAMES = ("n", "size", "years", "mode", "flag_1", "Rate")
_text = st.text(max_size=12)
_title = st.text(min_size=1, max_size=12)
_ints = st.integers(min_value=-(10**12), max_value=10**12)
_floats = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
_numbers = st.one_of(_ints, _floats)


_words = st.one_of(st.none(), _title)  # a version 2 label: unset, or 1 character or more


def _maybe(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        out[key] = value


@st.composite
def _param(draw: st.DrawFn, name: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(("int", "number", "choice", "bool")))
    out: dict[str, Any] = {"name": name, "type": kind}
    _maybe(out, "label", draw(_words))
    if kind in ("int", "number"):
        lo, default, hi = sorted(draw(st.lists(_ints if kind == "int" else _numbers,
                                               min_size=3, max_size=3)))
        out["default"] = default
        if draw(st.booleans()):
            out["min"] = lo
        if draw(st.booleans()):
            out["max"] = hi
        steps = (st.integers(1, 10**9) if kind == "int" else st.one_of(
            st.integers(1, 10**9), st.floats(min_value=1e-9, max_value=1e9)))
        _maybe(out, "step", draw(st.one_of(st.none(), steps)))
    elif kind == "choice":
        ids = draw(st.lists(_title, min_size=1, max_size=4, unique=True))
        # A choice without a label is written as its bare id, so both forms are drawn.
        out["choices"] = [c if (label := draw(_words)) is None else {"id": c, "label": label}
                          for c in ids]
        out["default"] = draw(st.sampled_from(ids))
    else:
        out["default"] = draw(st.booleans())
        _maybe(out, "true_label", draw(_words))
        _maybe(out, "false_label", draw(_words))
    unit = draw(st.one_of(st.none(), _text))
    if unit is not None or draw(st.booleans()):
        out["unit"] = unit
    return out


def _value(draw: st.DrawFn, param: dict[str, Any]) -> Any:
    kind = param["type"]
    lo, hi = param.get("min"), param.get("max")
    if kind == "int":
        return draw(st.integers(min_value=lo, max_value=hi))
    if kind == "number":
        if draw(st.booleans()):
            return draw(st.integers(min_value=None if lo is None else int(-(-lo // 1)),
                                    max_value=None if hi is None else int(hi // 1)))
        return draw(st.floats(min_value=lo, max_value=hi, allow_nan=False,
                              allow_infinity=lo is None and hi is None))
    if kind == "choice":
        return draw(st.sampled_from([c if isinstance(c, str) else c["id"]
                                     for c in param["choices"]]))
    return draw(st.booleans())


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    """Small scenarios varying everything the store has to keep: value types, unicode text,
    empty and missing optional fields, order."""
    party_ids = [f"party-{i}" for i in range(draw(st.integers(0, 3)))]
    prov_ids = [f"p{i}" for i in range(draw(st.integers(1, 4)))]
    source_ids = [f"S{i:02}" for i in range(draw(st.integers(0, 3)))]
    # Format version 2's citations: none (the default, left out) or some of the register.
    cites = (st.lists(st.sampled_from(source_ids), unique=True, max_size=3) if source_ids
             else st.just([]))
    provisions: list[dict[str, Any]] = []
    for pid in prov_ids:
        names = draw(st.lists(st.sampled_from(_PARAM_NAMES), max_size=3, unique=True))
        params = [draw(_param(name)) for name in names]
        letters = st.characters(codec="utf-8", exclude_characters="{}")
        text = draw(st.text(alphabet=letters, min_size=1, max_size=20))
        provisions.append({
            "id": pid, "title": draw(_title), "category": draw(st.sampled_from(("c", "a-b"))),
            "kind": draw(st.sampled_from(KINDS)),
            "by": draw(st.lists(st.sampled_from(party_ids), unique=True)) if party_ids else [],
            "to": draw(st.lists(st.sampled_from(party_ids), unique=True)) if party_ids else [],
            "text": text + "".join(f" {{{p['name']}}}" for p in params),
            "params": params,
            "excludes": draw(st.lists(st.sampled_from([p for p in prov_ids if p != pid] or
                                                      ["p0"]), unique=True))
            if len(prov_ids) > 1 else [],
            "source": draw(_text),
            "sources": draw(cites),
        })
    by_id = {p["id"]: p for p in provisions}
    rule = st.sampled_from(prov_ids).flatmap(
        lambda p: st.sampled_from((p, f"not {p}", f"{p} -> not {p}")))
    parties = [
        {
            "id": pid, "name": draw(_title), "role": draw(st.sampled_from(ROLES)),
            "color": draw(st.one_of(st.none(), st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True))),
            "red_lines": [
                {"id": f"rl-{pid}-{k}", "title": draw(_title), "rule": draw(rule),
                 "rationale": draw(_text), "source": draw(_text), "sources": draw(cites),
                 "inferred": draw(st.booleans())}
                for k in range(draw(st.integers(0, 2)))
            ],
            "preferences": [
                {"id": f"pf-{pid}-{k}", "title": draw(_title), "rule": draw(rule),
                 "weight": draw(st.one_of(
                     st.integers(1, 1_000_000),
                     st.floats(min_value=0, max_value=1e6, exclude_min=True))),
                 "rationale": draw(_text), "sources": draw(cites),
                 "inferred": draw(st.booleans())}
                for k in range(draw(st.integers(0, 2)))
            ],
        }
        for pid in party_ids
    ]
    drafts = []
    for k in range(draw(st.integers(0, 2))):
        clauses = []
        for pid in draw(st.lists(st.sampled_from(prov_ids), unique=True)):
            specs: list[dict[str, Any]] = by_id[pid]["params"]
            chosen: list[dict[str, Any]] = (
                draw(st.lists(st.sampled_from(specs), unique_by=lambda p: str(p["name"])))
                if specs else []
            )
            clauses.append({"provision": pid, "phase": draw(st.integers(1, 1000)),
                            "note": draw(_text),
                            "values": {p["name"]: _value(draw, p) for p in chosen}})
        drafts.append({"id": f"d{k}", "title": draw(_title), "note": draw(_text),
                       "date": draw(st.one_of(st.none(), st.dates())),
                       "status": draw(st.one_of(st.none(), st.sampled_from(DRAFT_STATUSES))),
                       "proposed_by": draw(st.lists(st.sampled_from(party_ids), unique=True))
                       if party_ids else [],
                       "sources": draw(cites), "clauses": clauses})
    sources = [
        {"id": sid, "title": draw(_title), "publisher": draw(_text),
         "date": draw(st.one_of(st.none(), st.dates())), "url": draw(_text)}
        for sid in source_ids
    ]
    briefing = draw(st.one_of(st.none(), st.fixed_dictionaries(
        {}, optional={"to": _text, "from": _text, "subject": _text, "marking": _text})))
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": draw(_title),
        "summary": draw(_text), "as_of": draw(st.one_of(st.none(), st.dates())),
        "parties": parties, "provisions": provisions, "drafts": drafts,
        "sources": sources, "briefing": briefing,
    })


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios())
def test_generated_scenarios_round_trip_exactly(
    scenario: Scenario, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.getbasetemp() / "generated"
    folder.mkdir(exist_ok=True)
    path = folder / "doc.accord"
    save_document(scenario, path)  # over the previous example's document: a replace
    assert_identical(open_document(path), scenario)
    export_json(scenario, folder / "doc.json")
    assert_identical(import_json(folder / "doc.json"), scenario)
    assert temp_files(path) == []


def test_export_then_import_is_identical(tmp_path: Path, mini: Scenario) -> None:
    for scenario in (mini, tricky_scenario()):
        out = tmp_path / "out.json"
        export_json(scenario, out)
        assert out.read_bytes() == dump_scenario(scenario).encode("utf-8")
        back = import_json(out)
        assert back == scenario
        assert dump_scenario(back) == dump_scenario(scenario)
        export_json(back, tmp_path / "again.json")
        assert (tmp_path / "again.json").read_bytes() == out.read_bytes()


def test_saving_over_an_existing_document_replaces_it(tmp_path: Path, mini: Scenario) -> None:
    target = tmp_path / "doc.accord"
    save_document(tricky_scenario(), target)
    other = scenario_with(title="Replaced", drafts=[])
    export_json(other, tmp_path / "other.json")
    save_document(import_json(tmp_path / "other.json"), target)
    assert_identical(open_document(target), other)
    # and an export over an existing JSON file replaces it too
    export_json(mini, tmp_path / "other.json")
    assert_identical(import_json(tmp_path / "other.json"), mini)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.accord", "other.json"]


def test_read_scenario_file_goes_by_content_not_name(tmp_path: Path, mini: Scenario) -> None:
    doc_named_json = tmp_path / "really-a-document.json"
    save_document(mini, doc_named_json)
    json_named_accord = tmp_path / "really-json.accord"
    export_json(mini, json_named_accord)
    assert read_scenario_file(doc_named_json) == mini
    assert read_scenario_file(json_named_accord) == mini


# --------------------------------------------------------------------------- the file format


def test_header_marks_the_file_as_an_accord_document(saved: Path) -> None:
    head = saved.read_bytes()[:100]
    assert head.startswith(b"SQLite format 3\x00")
    assert APPLICATION_ID == 0x41434344
    assert head[68:72] == b"ACCD"
    assert head[60:64] == SCHEMA_VERSION.to_bytes(4, "big")
    assert head[18:20] == b"\x01\x01"  # rollback journal, not WAL: one self-contained file
    conn = sqlite3.connect(saved)
    try:
        assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (SCHEMA_REVISIONS[SCHEMA_VERSION],)
        ]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()


def test_schema_versions_match_the_alembic_scripts() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(document_module.migrations_dir()))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_heads() == [SCHEMA_REVISIONS[SCHEMA_VERSION]]
    assert max(SCHEMA_REVISIONS) == SCHEMA_VERSION
    chain = [rev.revision for rev in script.walk_revisions("base", "heads")][::-1]
    assert chain == [SCHEMA_REVISIONS[n] for n in sorted(SCHEMA_REVISIONS)]


def test_migrations_create_exactly_the_orm_schema(saved: Path) -> None:
    engine = create_engine(f"sqlite:///{saved}")
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diffs == []


def test_opening_does_not_modify_the_file(saved: Path, mini: Scenario) -> None:
    os.utime(saved, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = folder_state(saved.parent)
    for _ in range(3):
        assert open_document(saved) == mini
        assert read_scenario_file(saved) == mini
    assert folder_state(saved.parent) == before


def test_an_older_schema_is_upgraded_on_a_copy_in_memory(
    saved: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A schema-1 file must be copied into memory and upgraded there, never touched on disk.
    make_schema_1(saved)
    assert saved.read_bytes()[60:64] == (1).to_bytes(4, "big")
    copies: list[object] = []
    real = document_module._upgraded_copy

    def spy(conn: sqlite3.Connection) -> sqlite3.Connection:
        copies.append(conn)
        return real(conn)

    monkeypatch.setattr(document_module, "_upgraded_copy", spy)
    before = folder_state(saved.parent)
    assert_identical(open_document(saved), mini)
    assert len(copies) == 1
    assert folder_state(saved.parent) == before


def test_a_changed_text_is_caught_by_the_checksum(saved: Path, mini: Scenario) -> None:
    # Same length, valid UTF-8, structure intact: quick_check passes, the checksum does not.
    title = mini.parties[0].name
    changed = title[:-1] + ("X" if title[-1] != "X" else "Y")
    with contextlib.closing(sqlite3.connect(saved)) as conn:
        conn.execute("UPDATE party SET name = ? WHERE position = 0", (changed,))
        conn.commit()
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    with pytest.raises(DocumentError, match="do not match their checksum"):
        open_document(saved)


def test_a_schema_1_file_has_no_checksum_to_check(saved: Path, mini: Scenario) -> None:
    make_schema_1(saved)
    with contextlib.closing(sqlite3.connect(saved)) as conn:
        conn.execute("UPDATE party SET name = 'Edited by hand' WHERE position = 0")
        conn.commit()
    assert open_document(saved).parties[0].name == "Edited by hand"


# --------------------------------------------------------------------------- reading failures


def test_document_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.accord"
    with pytest.raises(DocumentError) as info:
        open_document(path)
    err = info.value
    assert err.path == path
    assert err.reason == "the file does not exist"
    assert str(err) == f"{path}: the file does not exist"
    assert "\n" not in str(err)
    assert "Traceback" not in str(err)


def _make(tmp_path: Path, case: str, mini_json: bytes) -> Path:
    path = tmp_path / f"{case}.accord"
    if case == "folder":
        path.mkdir()
    elif case == "fifo":
        os.mkfifo(path)
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "json":
        path.write_bytes(b"\n  " + mini_json)
    elif case == "text":
        path.write_bytes(b"Minutes of the meeting of 12 May\n")
    elif case in ("foreign", "newer", "zero"):
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE notes (body TEXT)")
        if case != "foreign":
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1 if case == 'newer' else 0}")
        conn.commit()
        conn.close()
    return path


@pytest.mark.parametrize(("case", "reason"), [
    ("missing", "the file does not exist"),
    ("folder", "it is a folder, not a file"),
    ("fifo", "it is not a regular file"),
    ("empty", "the file is empty"),
    ("json", "not an Accord document (it looks like a JSON scenario; use Import)"),
    ("text", "not an Accord document (not a SQLite file)"),
    ("foreign", "not an Accord document (it is a SQLite database of another program)"),
    ("newer", "made by a newer version of Accord (document schema 6; this version reads up to 5)"),
    ("zero", "not a complete Accord document (unknown document schema 0)"),
])
def test_opening_a_bad_file_names_the_reason(
    tmp_path: Path, mini_json: bytes, case: str, reason: str
) -> None:
    path = _make(tmp_path, case, mini_json)
    with pytest.raises(DocumentError) as info:
        open_document(path)
    assert info.value.path == path
    assert info.value.reason == reason
    assert str(info.value) == f"{path}: {reason}"


def test_a_damaged_document_is_reported_as_damaged(saved: Path) -> None:
    data = bytearray(saved.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size] = 0x00  # page 2's b-tree page type: no such type
    saved.write_bytes(bytes(data))
    with pytest.raises(DocumentError) as info:
        open_document(saved)
    assert info.value.reason == "the file is damaged (integrity check failed)"


@pytest.mark.parametrize(("case", "reason"), [
    ("missing", "the file does not exist"),
    ("folder", "it is a folder, not a file"),
    ("fifo", "it is not a regular file"),
    ("empty", "the file is empty"),
    ("text", "not valid JSON: Expecting value at line 1, column 1"),
    ("document", "it is an Accord document, not a JSON scenario; open it instead"),
    ("invalid", 'not an Accord scenario: "format" is "other", expected "accord.scenario"'),
    ("newer", "made by a newer version of Accord (scenario format version 3; "
              "this version reads versions 1 to 2)"),
])
def test_importing_a_bad_file_names_the_reason(
    tmp_path: Path, mini_json: bytes, mini: Scenario, case: str, reason: str
) -> None:
    path = tmp_path / f"{case}.json"
    if case == "document":
        save_document(mini, path)
    elif case == "invalid":
        path.write_bytes(mini_json.replace(b'"accord.scenario"', b'"other"'))
    elif case == "newer":
        path.write_bytes(mini_json.replace(b'"version": 1', b'"version": 3'))
    elif case != "missing":
        path = _make(tmp_path, case, mini_json)
    with pytest.raises(DocumentError) as info:
        import_json(path)
    assert info.value.path == path
    assert info.value.reason == reason


def test_invalid_scenario_content_is_reported_in_full(tmp_path: Path, mini_json: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(mini_json.replace(b'"ukraine"], "to"', b'"nobody"], "to"'))
    with pytest.raises(DocumentError) as info:
        import_json(path)
    assert "by names unknown party 'nobody'" in info.value.reason


@pytest.mark.parametrize(("size", "shown"), [(MAX_JSON_BYTES + 1, 50), (200 * 1024 * 1024, 200)])
def test_an_oversized_json_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int, shown: int
) -> None:
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.write(b'{"format": "accord.scenario", "title": "')
        f.truncate(size)  # sparse: no disk used

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(files_module, "open", no_reading, raising=False)
    with pytest.raises(DocumentError) as info:
        import_json(path)
    assert info.value.reason == (
        f"the file is {shown} MB; scenarios larger than 50 MB are refused")


# --------------------------------------------------------------------------- writing failures


Injector = Callable[[pytest.MonkeyPatch], None]


def _raise(exc: BaseException) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise exc

    return fail


def _fail_after_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The document is fully written to the temp file, then the commit hits a full disk."""
    real = document_module._insert_scenario

    def insert_then_fail(conn: Any, scenario: Scenario) -> None:
        real(conn, scenario)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(document_module, "_insert_scenario", insert_then_fail)


STEPS: dict[str, tuple[Injector, str]] = {
    "creating the temp file (read-only file system)": (
        lambda mp: mp.setattr(tempfile, "mkstemp", _raise(OSError(errno.EROFS, "ro"))),
        READ_ONLY_FOLDER),
    "creating the schema (I/O error)": (
        lambda mp: mp.setattr(document_module, "run_migrations",
                              _raise(sqlite3.OperationalError("disk I/O error"))),
        DISK_FULL + ", or the disk failed while writing"),
    "writing rows (disk full)": (_fail_after_writing, DISK_FULL),
    "flushing to disk (I/O error)": (
        lambda mp: mp.setattr(os, "fsync", _raise(OSError(errno.EIO, "io"))),
        "the disk reported an error while writing; the file was not saved"),
    "renaming over the target (disk full)": (
        lambda mp: mp.setattr(os, "replace", _raise(OSError(errno.ENOSPC, "full"))),
        DISK_FULL),
    "renaming over the target (quota)": (
        lambda mp: mp.setattr(os, "replace", _raise(OSError(errno.EDQUOT, "quota"))),
        DISK_FULL),
}


_DATABASE_STEPS = ("creating the schema (I/O error)", "writing rows (disk full)")


@pytest.mark.parametrize(("writer", "step"), [
    (writer, step) for writer in ("document", "json", "bytes") for step in STEPS
    if writer == "document" or step not in _DATABASE_STEPS
])
def test_a_failed_save_leaves_the_target_unchanged(
    tmp_path: Path, saved: Path, monkeypatch: pytest.MonkeyPatch, step: str, writer: str
) -> None:
    inject, reason = STEPS[step]
    target = {"document": saved, "json": tmp_path / "mini.json", "bytes": tmp_path / "b.bin"}
    export_json(open_document(saved), target["json"])
    write_atomic(target["bytes"], b"old bytes")
    before = folder_state(tmp_path)
    new = scenario_with(title="New content")
    write: Callable[[], None] = {
        "document": lambda: save_document(new, target[writer]),
        "json": lambda: export_json(new, target[writer]),
        "bytes": lambda: write_atomic(target[writer], b"new bytes"),
    }[writer]
    inject(monkeypatch)
    with pytest.raises(DocumentError) as info:
        write()
    monkeypatch.undo()
    assert info.value.path == target[writer]
    assert info.value.reason == reason
    assert folder_state(tmp_path) == before  # unchanged, and no temp file left


def test_an_interrupted_save_leaves_nothing_behind(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = folder_state(saved.parent)
    monkeypatch.setattr(document_module, "_insert_scenario", _raise(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        save_document(scenario_with(title="New"), saved)
    assert folder_state(saved.parent) == before


@pytest.mark.parametrize("case", ["missing folder", "target is a folder", "path through a file"])
def test_saving_to_an_impossible_place_names_the_reason(
    tmp_path: Path, mini: Scenario, case: str
) -> None:
    path, reason = {
        "missing folder": (tmp_path / "nope" / "doc.accord", "the folder does not exist"),
        "target is a folder": (tmp_path, "it is a folder, not a file"),
        "path through a file": (tmp_path / "file" / "doc.accord",
                                "a part of the path is not a folder"),
    }[case]
    (tmp_path / "file").write_bytes(b"x")
    for write in (lambda: save_document(mini, path), lambda: export_json(mini, path)):
        with pytest.raises(DocumentError) as info:
            write()
        assert info.value.reason == reason
        assert str(info.value) == f"{path}: {reason}"


def test_text_that_is_not_unicode_cannot_be_saved(
    tmp_path: Path, saved: Path, mini: Scenario
) -> None:
    # The model refuses half a surrogate pair, but an unvalidated copy can still carry one;
    # UTF-8 cannot store it, and the store says so instead of raising UnicodeEncodeError.
    broken = mini.model_copy(update={"title": "x\ud800"})
    before = folder_state(tmp_path)
    with pytest.raises(DocumentError) as info:
        save_document(broken, saved)
    assert info.value.reason == BAD_UNICODE
    with pytest.raises(DocumentError) as info:
        export_json(broken, tmp_path / "x.json")
    assert info.value.reason == BAD_UNICODE
    assert folder_state(tmp_path) == before


def _run_helper(*args: str | Path) -> Any:
    result = subprocess.run(
        [sys.executable, str(HELPER), *map(str, args)], cwd=ROOT, capture_output=True,
        text=True, check=False, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_leaves_every_target_unchanged(tmp_path: Path, mini: Scenario) -> None:
    """RLIMIT_FSIZE makes writes past a size fail as on a full disk, at many offsets."""
    old = scenario_with(title="Old")
    new = tricky_scenario().model_copy(update={"summary": "Ω, 🕊️ and text. " * 4000})
    save_document(old, tmp_path / "doc.accord")
    export_json(old, tmp_path / "doc.json")
    write_atomic(tmp_path / "data.bin", b"old")
    (tmp_path / "new.json").write_text(dump_scenario(new), encoding="utf-8")
    probe = tmp_path / "probe"
    probe.mkdir()
    save_document(new, probe / "size.accord")
    smallest = min((probe / "size.accord").stat().st_size, len(dump_scenario(new).encode()))
    limits = sorted({0, 1, 100, 512, 4095, 4096, 4097, 8192, 12288, smallest - 1,
                     *range(0, smallest, smallest // 16)})
    assert limits[-1] < smallest
    folder = tmp_path / "targets"
    folder.mkdir()
    for name in ("doc.accord", "doc.json", "data.bin"):
        (tmp_path / name).rename(folder / name)
    before = folder_state(folder)

    results = _run_helper("fsize", tmp_path / "new.json", folder, *map(str, limits))

    assert sorted(results, key=int) == [str(n) for n in limits]
    for limit, outcome in results.items():
        for writer, reason in outcome.items():
            assert reason.startswith(DISK_FULL), (limit, writer, reason)
    assert folder_state(folder) == before


@needs_another_user
def test_a_read_only_folder_and_private_files_as_another_user(
    tmp_path: Path, mini: Scenario, shared_folders: tuple[Path, Path]
) -> None:
    read_only, writable = shared_folders
    save_document(mini, read_only / "doc.accord")
    export_json(mini, read_only / "doc.json")
    write_atomic(read_only / "data.bin", b"old")
    save_document(mini, read_only / "private.accord")
    export_json(mini, read_only / "private.json")
    (read_only / "private.accord").chmod(0o600)
    (read_only / "private.json").chmod(0o600)
    scenario_json = writable / "new.json"
    scenario_json.write_text(dump_scenario(scenario_with(title="New")), encoding="utf-8")
    scenario_json.chmod(0o644)
    before = folder_state(read_only)

    results = _run_helper("nobody", scenario_json, read_only, writable)

    assert results == {
        "save": READ_ONLY_FOLDER,
        "save_new": READ_ONLY_FOLDER,
        "export": READ_ONLY_FOLDER,
        "write_atomic": READ_ONLY_FOLDER,
        "open_private": "permission denied: you may not read this file",
        "import_private": "permission denied: you may not read this file",
        "open_public": "ok",
        "save_writable": "ok",
        "reopen_writable_equal": True,
    }
    assert folder_state(read_only) == before


# --------------------------------------------------------------------------- file handling


def test_file_mode_is_kept_and_new_files_are_0644(tmp_path: Path, mini: Scenario) -> None:
    new = tmp_path / "new.accord"
    save_document(mini, new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    new.chmod(0o600)
    save_document(scenario_with(title="Again"), new)
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    data = tmp_path / "data.json"
    export_json(mini, data)
    assert stat.S_IMODE(data.stat().st_mode) == 0o644
    data.chmod(0o640)
    export_json(mini, data)
    assert stat.S_IMODE(data.stat().st_mode) == 0o640


def test_a_file_system_without_file_modes_still_saves(
    tmp_path: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FAT and SMB mounts refuse chmod; that must not stop a save.
    monkeypatch.setattr(os, "chmod", _raise(PermissionError(errno.EPERM, "no modes here")))
    save_document(mini, tmp_path / "doc.accord")
    export_json(mini, tmp_path / "doc.json")
    monkeypatch.undo()
    assert open_document(tmp_path / "doc.accord") == mini
    assert import_json(tmp_path / "doc.json") == mini


@pytest.mark.parametrize("name", [
    "with space.accord", "a #1?.accord", "100%.accord", "file:x.accord", "Переговоры.accord",
    "..accord", "-rf.accord", "x" * 200 + ".accord", "日本" * 40 + ".accord",
])
def test_unusual_file_names(tmp_path: Path, mini: Scenario, name: str) -> None:
    path = tmp_path / name
    save_document(mini, path)
    save_document(mini, path)
    assert open_document(path) == mini
    assert read_scenario_file(path) == mini
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_saving_through_a_symlink_replaces_the_linked_file(tmp_path: Path, mini: Scenario) -> None:
    real = tmp_path / "real" / "doc.accord"
    real.parent.mkdir()
    save_document(mini, real)
    link = tmp_path / "link.accord"
    link.symlink_to(real)
    changed = scenario_with(title="Through the link")
    save_document(changed, link)
    assert link.is_symlink()
    assert open_document(real) == changed


def test_stale_temp_files_are_removed_and_live_ones_kept(tmp_path: Path, mini: Scenario) -> None:
    target = tmp_path / "doc.accord"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)  # that process has exited
    stale = [tmp_path / f".doc.accord.tmp-{dead_pid}-abc",
             tmp_path / f".doc.accord.tmp-{dead_pid}-abc-journal"]
    live = [tmp_path / f".doc.accord.tmp-{os.getppid()}-def",  # a running process: kept
            tmp_path / f".doc.accord.tmp-{os.getpid()}-ghi"]  # this process: kept
    other = [tmp_path / f".other.accord.tmp-{dead_pid}-abc"]  # another document's: kept
    for p in stale + live + other:
        p.write_bytes(b"partial")
    save_document(mini, target)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in live + other)
    assert temp_files(target) == sorted(live)
    assert open_document(target) == mini


def test_saves_from_several_threads_at_once(tmp_path: Path, mini: Scenario) -> None:
    """A background autosave and a Save As may run together (Alembic's proxies are global)."""
    variants = [scenario_with(title=f"Thread {n}") for n in range(4)]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for _ in range(3):
                save_document(variants[n], tmp_path / f"doc{n}.accord")
                save_document(variants[n], tmp_path / "shared.accord")
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for n in range(4):
        assert open_document(tmp_path / f"doc{n}.accord") == variants[n]
    assert open_document(tmp_path / "shared.accord") in variants
    assert temp_files(tmp_path / "shared.accord") == []

"""Sources and briefings (format version 2, #14): the source register, citations by id,
inferred positions, a draft's date, status and proposers, and the briefing settings; in the
model, in canonical JSON, in the published schema and in documents (schema 4), with documents
of schema 3 still opening."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.interchange import (
    ScenarioError,
    content_digest,
    dump_scenario,
    json_schema,
    parse_scenario,
    scenario_from_dict,
    scenario_to_dict,
)
from desktop.domain.model import BriefingSettings, Preference, Provision, RedLine, Scenario
from desktop.resources import default_scenario_path
from desktop.store import DocumentError, import_json, open_document, save_document
from tests.documents import make_schema, make_schema_3, typed, without_sources

UNREADABLE = "the file is damaged and cannot be read"
CHECKSUM = "the file is damaged (its contents do not match their checksum)"

#: The checksum Accord at 3773e86 (document schema 3) saved for tests/data/mini.json: the
#: digest of its format version 2 canonical form, computed by that code.
MINI_SCHEMA_3_DIGEST = (
    "sha256:df48dd53ae2630ad0becfee89e70ee54987aec6984685b127023de04204708c0")


def sourced_dict() -> dict[str, Any]:
    """A scenario using every field of sources and briefings, next to items without them."""
    rule = {"title": "T", "rule": "a"}
    return {
        "format": "accord.scenario", "version": 2, "title": "Sourced",
        "briefing": {"to": "Minister", "from": "Policy unit", "subject": "The plan",
                     "marking": "RESTRICTED"},
        "parties": [
            {"id": "ua", "name": "Ukraine", "red_lines": [
                {"id": "r1", **rule, "source": "S01, p. 3", "sources": ["S01", "S02"]},
                {"id": "r2", **rule, "inferred": True},
                {"id": "r3", **rule}]},
            {"id": "us", "name": "United States", "preferences": [
                {"id": "p1", **rule, "weight": 2, "sources": ["S02"], "inferred": True},
                {"id": "p2", **rule}]},
        ],
        "provisions": [
            {"id": "a", "title": "A", "category": "c", "kind": "mechanism", "text": "A.",
             "sources": ["S02"]},
            {"id": "b", "title": "B", "category": "c", "kind": "mechanism", "text": "B.",
             "source": "free text only"},
        ],
        "drafts": [
            {"id": "d1", "title": "Leaked", "date": "2025-11-19", "status": "leaked",
             "proposed_by": ["us"], "sources": ["S01"], "clauses": [{"provision": "a"}]},
            {"id": "d2", "title": "Working", "status": "working"},
            {"id": "d3", "title": "Bare"},
        ],
        "sources": [
            {"id": "S01", "title": "The 28-point plan", "publisher": "A paper",
             "date": "2025-11-21", "url": "example.org/plan"},
            {"id": "S02", "title": "A report without a date or a link"},
        ],
    }


def sourced() -> Scenario:
    return scenario_from_dict(sourced_dict())


def problems_of(raw: dict[str, Any]) -> str:
    with pytest.raises(ScenarioError) as err:
        scenario_from_dict(raw)
    return str(err.value)


# --------------------------------------------------------------------------- the model


def test_the_fields_read_as_typed_values() -> None:
    s = sourced()
    assert s.sources[0].date == dt.date(2025, 11, 21)
    assert s.sources[1].publisher == ""
    assert s.sources[1].date is None
    assert s.sources[1].url == ""
    red_lines = s.party("ua").red_lines
    assert red_lines[0].sources == ("S01", "S02")
    assert red_lines[0].source == "S01, p. 3"
    assert [r.inferred for r in red_lines] == [False, True, False]
    draft = s.draft("d1")
    assert (draft.date, draft.status, draft.proposed_by) == (
        dt.date(2025, 11, 19), "leaked", ("us",))
    assert s.draft("d3").date is None
    assert s.draft("d3").status is None
    assert s.briefing == BriefingSettings(to="Minister", from_="Policy unit",
                                          subject="The plan", marking="RESTRICTED")
    assert s.briefing.from_ == "Policy unit"


@pytest.mark.parametrize(("where", "message"), [
    (lambda r: r["provisions"][0], "provision 'a': cites unknown source 'S99'"),
    (lambda r: r["parties"][0]["red_lines"][2], "party 'ua', red line 'r3': cites unknown "
                                                "source 'S99'"),
    (lambda r: r["parties"][1]["preferences"][1], "party 'us', preference 'p2': cites unknown "
                                                  "source 'S99'"),
    (lambda r: r["drafts"][2], "draft 'd3': cites unknown source 'S99'"),
])
def test_an_unknown_source_is_an_error_naming_where(where: Any, message: str) -> None:
    raw = sourced_dict()
    where(raw)["sources"] = ["S01", "S99"]
    assert message in problems_of(raw)


def test_source_ids_are_unique_and_proposers_are_parties() -> None:
    raw = sourced_dict()
    raw["sources"].append({"id": "S01", "title": "Again"})
    assert "source id 'S01' is used more than once" in problems_of(raw)
    raw = sourced_dict()
    raw["drafts"][1]["proposed_by"] = ["ua", "russia"]
    assert "draft 'd2': proposed_by names unknown party 'russia'" in problems_of(raw)


@pytest.mark.parametrize("bad", [20251121, "21 Nov 2025", "2025-11", "2025-13-01", True])
def test_dates_are_written_yyyy_mm_dd(bad: object) -> None:
    raw = sourced_dict()
    raw["drafts"][0]["date"] = bad
    assert "drafts[0].date" in problems_of(raw)
    raw = sourced_dict()
    raw["sources"][0]["date"] = bad
    assert "sources[0].date" in problems_of(raw)


@pytest.mark.parametrize(("path", "value"), [
    (("drafts", 0, "status"), "rumoured"),
    (("parties", 0, "red_lines", 0, "inferred"), "yes"),
    (("parties", 0, "red_lines", 0, "inferred"), 1),
    (("briefing", "from_x"), "x"),
    (("briefing", "to"), 5),
    (("sources", 1, "url"), None),
])
def test_wrong_values_are_refused(path: tuple[Any, ...], value: object) -> None:
    raw = sourced_dict()
    target: Any = raw
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    problems_of(raw)


# --------------------------------------------------------------------------- JSON


def test_canonical_json_writes_from_and_leaves_defaults_out() -> None:
    data = scenario_to_dict(sourced())
    assert list(data) == ["format", "version", "title", "briefing", "parties", "provisions",
                          "drafts", "sources"]
    assert data["briefing"] == sourced_dict()["briefing"]
    red_lines = data["parties"][0]["red_lines"]
    assert red_lines[1] == {"id": "r2", "title": "T", "rule": "a", "inferred": True}
    assert red_lines[2] == {"id": "r3", "title": "T", "rule": "a"}
    assert data["drafts"][2] == {"id": "d3", "title": "Bare"}
    assert data["drafts"][1] == {"id": "d2", "title": "Working", "status": "working"}
    assert data["sources"][1] == {"id": "S02", "title": "A report without a date or a link"}
    text = dump_scenario(sourced())
    assert dump_scenario(parse_scenario(text)) == text
    assert typed(json.loads(text)) == typed(scenario_to_dict(parse_scenario(text)))


def test_empty_briefing_settings_are_kept_apart_from_none() -> None:
    raw = sourced_dict()
    raw["briefing"] = {}
    s = scenario_from_dict(raw)
    assert s.briefing == BriefingSettings()
    assert scenario_to_dict(s)["briefing"] == {}
    del raw["briefing"]
    assert "briefing" not in scenario_to_dict(scenario_from_dict(raw))


def test_a_scenario_without_sources_has_the_same_canonical_form_as_before() -> None:
    """Nothing of #14 is written for a scenario that uses none of it: its version 1 form, and
    so the checksums older documents hold, stay what they were."""
    plain = without_sources(sourced())
    text = json.dumps(scenario_to_dict(plain))
    for key in ("sources", "inferred", "briefing", "status", "proposed_by", '"date"'):
        assert key not in text
    assert content_digest(plain, 1) != content_digest(sourced(), 1)


def test_version_1_files_still_read(mini_json: bytes) -> None:
    raw = json.loads(mini_json)
    raw["version"] = 1
    s = scenario_from_dict(raw)
    assert s.sources == ()
    assert s.briefing is None
    assert all(not d.sources and d.date is None for d in s.drafts)


def test_the_published_schema_takes_sourced_scenarios() -> None:
    jsonschema: Any = pytest.importorskip("jsonschema")
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(scenario_to_dict(sourced()), schema)
    jsonschema.validate(json.loads(default_scenario_path().read_bytes()), schema)
    raw = sourced_dict()
    raw["drafts"][0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, schema)
    assert "from" in schema["$defs"]["BriefingSettings"]["properties"]


# --------------------------------------------------------------------------- documents


def test_a_sourced_scenario_round_trips_through_a_document(tmp_path: Path) -> None:
    path = tmp_path / "sourced.accord"
    save_document(sourced(), path)
    got = open_document(path)
    assert got == sourced()
    assert typed(scenario_to_dict(got)) == typed(scenario_to_dict(sourced()))
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT id, inferred, sources_json FROM red_line "
                            "ORDER BY position").fetchall() == [
            ("r1", None, '["S01", "S02"]'), ("r2", 1, None), ("r3", None, None)]
        assert conn.execute("SELECT date, status, proposed_by_json FROM draft "
                            "ORDER BY position").fetchall() == [
            ("2025-11-19", "leaked", '["us"]'), (None, "working", None), (None, None, None)]


def test_the_default_scenario_round_trips_through_a_document(tmp_path: Path) -> None:
    scenario = import_json(default_scenario_path())
    path = tmp_path / "default.accord"
    save_document(scenario, path)
    assert open_document(path) == scenario


def _tamper(path: Path, sql: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()


@pytest.mark.parametrize(("sql", "reason"), [
    ("UPDATE red_line SET inferred = 2 WHERE id = 'r2'", UNREADABLE),
    ("UPDATE red_line SET inferred = 1 WHERE id = 'r1'", CHECKSUM),
    ("UPDATE red_line SET sources_json = '{\"S01\": 1}' WHERE id = 'r1'", UNREADABLE),
    ("UPDATE red_line SET sources_json = '[\"S02\"]' WHERE id = 'r1'", CHECKSUM),
    ("UPDATE draft SET sources_json = '[\"S77\"]' WHERE id = 'd1'", CHECKSUM),
    ("UPDATE draft SET status = 'agreed' WHERE id = 'd1'", CHECKSUM),
    ("UPDATE scenario SET briefing_json = '{\"to\": \"\"}'", UNREADABLE),
    ("UPDATE scenario SET briefing_json = '{\"to\": \"\", \"from_\": \"\", \"subject\": \"\", "
     "\"marking\": \"\"}'", UNREADABLE),
    ("UPDATE source SET url = 'example.org/other' WHERE id = 'S01'", CHECKSUM),
])
def test_changed_rows_are_caught(tmp_path: Path, sql: str, reason: str) -> None:
    path = tmp_path / "sourced.accord"
    save_document(sourced(), path)
    _tamper(path, sql)
    with pytest.raises(DocumentError) as err:
        open_document(path)
    assert err.value.reason == reason


def test_a_schema_3_document_still_opens(tmp_path: Path, mini: Scenario) -> None:
    """A document as Accord's schema 3 wrote it (its checksum computed by that code) opens,
    and still catches a changed text."""
    path = tmp_path / "mini.accord"
    save_document(mini, path)
    make_schema_3(path, MINI_SCHEMA_3_DIGEST)
    assert path.read_bytes()[60:64] == (3).to_bytes(4, "big")
    assert open_document(path) == mini
    _tamper(path, "UPDATE party SET name = 'Edited' WHERE position = 0")
    with pytest.raises(DocumentError, match="do not match their checksum"):
        open_document(path)


@pytest.mark.parametrize("schema", [1, 2, 3])
def test_older_documents_read_without_sources(tmp_path: Path, schema: int) -> None:
    path = tmp_path / "sourced.accord"
    save_document(sourced(), path)
    make_schema(path, schema)
    got = open_document(path)
    assert got == without_sources(sourced())
    assert got.sources == ()
    assert got.briefing is None


# --------------------------------------------------------------------------- the default scenario


def test_the_default_scenario_cites_its_register() -> None:
    s = import_json(default_scenario_path())
    # S01-S43 from the fact sheet; S44 the seed article (#15).
    assert [r.id for r in s.sources] == [f"S{i:02}" for i in range(1, 45)]
    assert all(r.title for r in s.sources)
    assert s.sources[0].date == dt.date(2025, 11, 21)
    key = re.compile(r"\bS\d\d\b")
    rules: list[RedLine | Preference] = []
    for party in s.parties:
        rules += [*party.red_lines, *party.preferences]
    cited: list[RedLine | Preference | Provision] = [*rules, *s.provisions]
    for item in cited:
        assert item.sources, f"{item.id} cites no source"
        assert not key.search(item.source), f"{item.id} keeps a key in its free text"
    for rule in rules:
        assert rule.inferred == ("(inferred" in rule.rationale), rule.id
    assert {r.id for r in rules if r.inferred} >= {
        "ua-no-constitutional-nato-ban", "ua-no-blanket-amnesty", "us-no-us-ground-troops",
        "ru-army-cap"}


def test_the_default_drafts_are_dated() -> None:
    s = import_json(default_scenario_path())
    shown = {d.id: (d.date, d.status, d.proposed_by) for d in s.drafts}
    assert shown == {
        "us-28": (dt.date(2025, 11, 19), "leaked", ("united-states",)),
        "e3-counter": (dt.date(2025, 11, 23), "proposed", ("europe",)),
        "berlin": (dt.date(2025, 12, 15), "working", ("united-states", "ukraine", "europe")),
        "twenty-point": (dt.date(2025, 12, 23), "proposed", ("united-states", "ukraine")),
    }
    assert all(d.sources for d in s.drafts)


def test_docs_format_md_shows_every_new_field() -> None:
    """docs/format.md's example uses the fields of #14, and its tables name each of them."""
    page = (Path(__file__).parent.parent / "docs" / "format.md").read_text(encoding="utf-8")
    match = re.search(r"## Example\n\n```json\n(.*?)```", page, re.DOTALL)
    assert match is not None
    s = scenario_from_dict(json.loads(match.group(1)))
    assert s.sources
    assert s.briefing is not None
    assert s.briefing.from_
    draft = s.drafts[0]
    assert (draft.date, draft.status, draft.proposed_by, draft.sources) != (None, None, (), ())
    assert any(r.inferred for p in s.parties for r in p.preferences)
    for row in ("| sources (v2) |", "| inferred (v2) |", "| date (draft, v2) |",
                "| status (draft, v2) |", "| proposed_by (draft, v2) |", "| briefing (v2) |",
                "### Source", "### BriefingSettings", "Schema 4"):
        assert row in page


def test_drafts_follow_a_party_renamed_or_removed() -> None:
    from desktop.domain import edit

    s = sourced()
    renamed = edit.put_party(s, s.party("us").model_copy(update={"id": "usa"}), replaces="us")
    assert renamed.draft("d1").proposed_by == ("usa",)
    assert edit.remove_party(s, "us").draft("d1").proposed_by == ()


def test_the_editors_forms_keep_citations_and_inferred_marks() -> None:
    from desktop.ui.editors.forms import RuleItem

    s = sourced()
    rules: list[RedLine | Preference] = [*s.party("ua").red_lines, *s.party("us").preferences]
    for rule in rules:
        weighted = not isinstance(rule, RedLine)
        data = RuleItem.of(rule).as_dict(weighted)
        assert (tuple(data["sources"]), data["inferred"]) == (rule.sources, rule.inferred)

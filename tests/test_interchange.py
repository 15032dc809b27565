"""Reading and writing accord.scenario JSON: canonical form, bounds, clear errors, the schema."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from desktop.domain import (
    MAX_JSON_BYTES,
    ScenarioError,
    dump_scenario,
    json_schema,
    parse_scenario,
)

SCHEMA_FILE = Path(__file__).parent.parent / "docs" / "accord.scenario.schema.json"


def test_dump_is_canonical_and_round_trips(mini_json: bytes) -> None:
    s = parse_scenario(mini_json)
    text = dump_scenario(s)
    again = parse_scenario(text.encode())
    assert again == s
    assert dump_scenario(again) == text
    data = json.loads(text)
    assert list(data)[:2] == ["format", "version"]
    # Defaults are left out: the clause without a phase does not grow one.
    assert "phase" not in data["drafts"][0]["clauses"][0]
    assert data["drafts"][0]["clauses"][1]["phase"] == 2


def test_numbers_keep_their_type(mini_json: bytes) -> None:
    data = json.loads(mini_json)
    data["parties"][0]["preferences"][0]["weight"] = 2.5
    data["provisions"].append({
        "id": "fund", "title": "Fund", "category": "economy", "kind": "incentive",
        "text": "{usd}", "params": [{"name": "usd", "type": "number", "default": 5.0}],
    })
    s = parse_scenario(json.dumps(data))
    out = json.loads(dump_scenario(s))
    assert out["parties"][0]["preferences"][0]["weight"] == 2.5
    default = out["provisions"][-1]["params"][0]["default"]
    assert default == 5.0
    assert isinstance(default, float)


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
        (b"[]", "the top level must be a JSON object"),
        (b'{"format": "other"}', '"format" is "other", expected "accord.scenario"'),
        (b'{"format": "accord.scenario", "version": 3, "title": "x"}',
         "made by a newer version of Accord"),
        (b'{"format": "accord.scenario", "version": 0, "title": "x"}',
         "scenario format versions are whole numbers from 1 to 2"),
        (b'{"format": "accord.scenario", "version": "1", "title": "x"}', "version"),
        (b'{"format": "accord.scenario", "version": 1}', "title: Field required"),
        (b'\xff\xfe{', "not UTF-8"),
    ],
)
def test_bad_json_gives_one_clear_error(payload: bytes, fragment: str) -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(payload)
    assert fragment in str(info.value)


def test_deep_nesting_is_refused_quickly() -> None:
    payload = b'{"format": "accord.scenario", "version": 1, "title": "x", "summary": ' + (
        b"[" * 100_000) + (b"]" * 100_000) + b"}"
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match="nests too deeply"):
        parse_scenario(payload)
    assert time.perf_counter() - start < 5.0  # guards against a hang, not a speed target


def test_oversize_input_is_refused_before_parsing() -> None:
    big = b" " * (MAX_JSON_BYTES + 1)
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match="refused"):
        parse_scenario(big)
    assert time.perf_counter() - start < 1.0  # refused by its size, never parsed


def test_huge_strings_are_refused(mini_json: bytes) -> None:
    data = json.loads(mini_json)
    data["title"] = "x" * 10_000_000
    with pytest.raises(ScenarioError, match="title: String should have at most 500 characters"):
        parse_scenario(json.dumps(data))


def test_wrong_types_are_named(mini_json: bytes) -> None:
    data = json.loads(mini_json)
    data["provisions"][0]["params"][0]["default"] = "800000"
    with pytest.raises(ScenarioError) as info:
        parse_scenario(json.dumps(data))
    assert "provisions[0].params[0].default: Input should be a valid integer" in str(info.value)


def test_published_schema_is_current() -> None:
    """docs/accord.scenario.schema.json is generated from the models (`make schema`)."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_schema_accepts_the_shape_of_a_valid_scenario(mini_json: bytes) -> None:
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"format", "version", "title"}
    provision = schema["$defs"]["Provision"]
    assert provision["additionalProperties"] is False
    assert provision["properties"]["id"]["pattern"] == "^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$"


@pytest.mark.parametrize(("data", "message"), [
    (b'{"version": ' + b"9" * 4301 + b"}", "the file holds a number too long to be read"),
    (b"[" + b"1" * 5000 + b"]", "the file holds a number too long to be read"),
    (b'{"format": "' + b"x" * 10_000_000 + b'"}',
     'not an Accord scenario: "format" is "' + "x" * 78 + '…, expected "accord.scenario"'),
])
def test_hostile_values_give_short_documented_errors(data: bytes, message: str) -> None:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data)
    assert str(info.value) == message


def test_a_huge_unknown_key_is_named_briefly(mini_json: bytes) -> None:
    raw = json.loads(mini_json)
    raw["k" * 10_000_000] = 1
    with pytest.raises(ScenarioError) as info:
        parse_scenario(json.dumps(raw))
    assert str(info.value) == "k" * 79 + "…: unknown key (the format allows no extra keys)"

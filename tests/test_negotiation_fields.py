"""The negotiation model's fields of format version 2 (open points, stances, confidence,
relaxation costs, no-deal levels, costs of change, PA-X codes): read, validated, written in
canonical form, saved to and read back from a document, and absent from older documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.interchange import (
    ScenarioError,
    dump_scenario,
    json_schema,
    parse_scenario,
    scenario_to_dict,
)
from desktop.domain.model import Costs, PaxTag, Scenario
from desktop.store import open_document, save_document
from tests.documents import as_held_by, make_schema, typed

MINI = Path(__file__).parent / "data" / "mini.json"


def negotiated() -> dict[str, Any]:
    """The mini scenario with every negotiation field set, some to values typed unlike their
    defaults (a confidence of 1.0, a cost of 2.5)."""
    data: dict[str, Any] = json.loads(MINI.read_bytes())
    ukraine, russia = data["parties"]
    ukraine["no_deal"] = 0.25
    russia["no_deal"] = 0
    ukraine["red_lines"][0].update(stance="stated", confidence=0.6, relax_cost=2.5)
    ukraine["red_lines"][1].update(confidence=1.0)
    russia["red_lines"][0].update(stance="assessed", relax_cost=4)
    data["provisions"][0]["pax"] = ["MiLim", {"code": "SsrArm", "min_strength": 2}]
    data["costs"] = {"add": 3, "remove": 2.5}
    clause = data["drafts"][0]["clauses"][0]
    clause["alternatives"] = [
        {"label": "US formula", "values": {"personnel": 600000}},
        {"label": "Ukrainian formula", "values": {"personnel": 800000}},
        {"values": {}},
    ]
    return data


def test_the_fields_read_as_the_model_holds_them() -> None:
    scenario = parse_scenario(json.dumps(negotiated()))
    ukraine, russia = scenario.parties
    assert (ukraine.no_deal, russia.no_deal) == (0.25, 0)
    first, second = ukraine.red_lines
    assert (first.stance, first.confidence, first.relax_cost) == ("stated", 0.6, 2.5)
    assert (second.stance, second.confidence, second.relax_cost) == ("assessed", 1.0, None)
    assert russia.red_lines[0].stance == "assessed"
    assert scenario.provisions[0].pax == (PaxTag(code="MiLim"),
                                          PaxTag(code="SsrArm", min_strength=2))
    assert scenario.costs == Costs(change=1, close=1, add=3, remove=2.5)
    clause = scenario.drafts[0].clauses[0]
    assert clause.is_open
    assert [a.label for a in clause.alternatives] == [
        "US formula", "Ukrainian formula", ""]
    # Closing the point on an alternative gives a settled clause with its values.
    settled = clause.settled(0)
    assert not settled.is_open
    assert settled.values["personnel"] == 600000


def test_defaults_are_left_out_and_bare_codes_stay_bare() -> None:
    out = scenario_to_dict(parse_scenario(json.dumps(negotiated())))
    ukraine, russia = out["parties"]
    assert "stance" not in russia["red_lines"][0]  # assessed is the default
    assert ukraine["red_lines"][1]["confidence"] == 1.0  # 1.0 is not the default 1
    assert isinstance(ukraine["red_lines"][1]["confidence"], float)
    assert out["provisions"][0]["pax"] == ["MiLim", {"code": "SsrArm", "min_strength": 2}]
    assert out["costs"] == {"add": 3, "remove": 2.5}
    assert out["drafts"][0]["clauses"][0]["alternatives"][2] == {}
    # A file without the fields writes none of them.
    plain = scenario_to_dict(parse_scenario(MINI.read_bytes()))
    text = json.dumps(plain)
    for key in ("no_deal", "stance", "confidence", "relax_cost", "pax", "costs",
                "alternatives"):
        assert f'"{key}"' not in text


def test_canonical_text_is_stable() -> None:
    text = dump_scenario(parse_scenario(json.dumps(negotiated())))
    assert dump_scenario(parse_scenario(text)) == text


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["parties"][0].update(no_deal=1.5), "no_deal"),
    (lambda d: d["parties"][0]["red_lines"][0].update(confidence=-0.1), "confidence"),
    (lambda d: d["parties"][0]["red_lines"][0].update(stance="public"), "stance"),
    (lambda d: d["parties"][0]["preferences"][0].update(stance="stated"), "unknown key"),
    (lambda d: d["provisions"][0].update(pax=["Ce", "Ce"]), "PA-X codes repeat"),
    (lambda d: d["provisions"][0].update(pax=["1x"]), "pax"),
    (lambda d: d["provisions"][0].update(pax=[{"code": "Ce", "min_strength": 4}]),
     "min_strength"),
    (lambda d: d["costs"].update(add=0), "costs.add"),
    (lambda d: d["drafts"][0]["clauses"][0].update(
        alternatives=[{"values": {"personnel": 1}}]), "at least two"),
    (lambda d: d["drafts"][0]["clauses"][0]["alternatives"][0]["values"].update(
        personnel=-5), "alternative 1"),
    (lambda d: d["drafts"][0]["clauses"][0]["alternatives"][1]["values"].update(
        width=5), "alternative 2"),
    (lambda d: d["drafts"][0]["clauses"][0]["alternatives"][1].update(
        label="US formula"), "labels repeat"),
], ids=["no-deal-over-1", "negative-confidence", "unknown-stance", "stance-on-preference",
        "repeated-code", "bad-code", "strength-4", "free-add", "one-alternative",
        "value-outside-domain", "unknown-param", "repeated-label"])
def test_bad_values_are_refused_naming_where(change: Any, message: str) -> None:
    data = negotiated()
    change(data)
    with pytest.raises(ScenarioError, match=message):
        parse_scenario(json.dumps(data))


def test_the_published_schema_takes_the_fields() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema())
    assert [e.message for e in validator.iter_errors(negotiated())] == []
    bad = negotiated()
    bad["provisions"][0]["pax"] = [7]
    assert list(validator.iter_errors(bad))


def test_a_document_keeps_every_field_with_its_type(tmp_path: Path) -> None:
    scenario = parse_scenario(json.dumps(negotiated()))
    path = tmp_path / "negotiated.accord"
    save_document(scenario, path)
    back = open_document(path)
    assert back == scenario
    assert typed(scenario_to_dict(back)) == typed(scenario_to_dict(scenario))


@pytest.mark.parametrize("schema", [1, 2, 3, 4])
def test_older_documents_read_without_the_fields(tmp_path: Path, schema: int) -> None:
    scenario = parse_scenario(json.dumps(negotiated()))
    path = tmp_path / f"schema-{schema}.accord"
    save_document(scenario, path)
    make_schema(path, schema)
    back: Scenario = open_document(path)
    assert back == as_held_by(scenario, schema)
    assert not back.drafts[0].clauses[0].is_open
    assert all(r.stance == "assessed" and r.confidence == 1
               for p in back.parties for r in p.red_lines)
    assert back.costs is None
    assert back.provisions[0].pax == ()

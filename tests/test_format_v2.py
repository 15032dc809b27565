"""Format version 2 as published: docs/format.md's example reads and says what the page says it
does, and the JSON Schema takes version 1 and 2 files, a choice as a bare id or as an object."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.interchange import ScenarioError, dump_scenario, json_schema, parse_scenario
from desktop.domain.model import Scenario
from desktop.resources import default_scenario_path
from desktop.wording import clause_text

ROOT = Path(__file__).parent.parent
FORMAT_MD = ROOT / "docs" / "format.md"
SCHEMA_FILE = ROOT / "docs" / "accord.scenario.schema.json"
MINI = ROOT / "tests" / "data" / "mini.json"


def doc_example() -> str:
    match = re.search(r"## Example\n\n```json\n(.*?)```", FORMAT_MD.read_text(encoding="utf-8"),
                      re.DOTALL)
    assert match is not None
    return match.group(1)


def test_the_documented_example_is_a_valid_version_2_scenario() -> None:
    scenario = parse_scenario(doc_example())
    army, monitoring = scenario.provisions
    personnel = army.params[0]
    assert (personnel.label, getattr(personnel, "step", None)) == ("Army personnel", 50000)
    # The page quotes the draft's clauses as they read.
    text = FORMAT_MD.read_text(encoding="utf-8")
    for clause in scenario.drafts[0].clauses:
        words = clause_text(scenario.provision(clause.provision), clause.values)
        assert words in " ".join(text.split())
    assert clause_text(monitoring) == (
        "A ceasefire monitoring mission led by the OSCE is deployed; its mandate is unarmed.")


def test_the_page_names_every_field_of_a_param() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    for field in ("label", "step", "true_label", "false_label", "choices", "unit"):
        assert re.search(rf"^\| {field}\b|, {field} \(v2\)", text, re.MULTILINE), field
    assert text.startswith("# The interchange format: `accord.scenario`, version 2")


# --------------------------------------------------------------------------- the schema


def test_a_choice_is_a_bare_id_or_an_object_in_the_schema() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    items = schema["$defs"]["ChoiceParam"]["properties"]["choices"]["items"]
    kinds = {option.get("type") or option.get("$ref") for option in items["anyOf"]}
    assert kinds == {"string", "#/$defs/Choice"}
    assert schema["$defs"]["Choice"]["required"] == ["id"]
    assert schema["properties"]["version"]["enum"] == [1, 2]


def _validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", [default_scenario_path(), MINI], ids=["default", "mini-v1"])
def test_scenario_files_validate_against_the_schema(path: Path) -> None:
    validator = _validator()
    data = json.loads(path.read_bytes())
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []


def test_exports_and_the_example_validate_against_the_schema(mini: Scenario) -> None:
    validator = _validator()
    for text in (doc_example(), dump_scenario(mini),
                 dump_scenario(parse_scenario(doc_example()))):
        assert [e.message for e in validator.iter_errors(json.loads(text))] == []


@pytest.mark.parametrize(("change", "path"), [
    (lambda p: p.update(choices=[1, "a"]), "choices"),
    (lambda p: p.update(choices=[{"label": "A"}]), "choices"),
    (lambda p: p.update(choices=[{"id": "a", "label": ""}]), "choices"),
    (lambda p: p.update(choices=[{"id": "a", "title": "A"}]), "choices"),
    (lambda p: p.update(step=1), "step"),
], ids=["number", "no-id", "empty-label", "unknown-key", "step-on-a-choice"])
def test_the_schema_refuses_what_accord_refuses(change: Any, path: str) -> None:
    validator = _validator()
    data = json.loads(MINI.read_bytes())
    form = next(p for v in data["provisions"] for p in v.get("params", ())
                if p["type"] == "choice")
    change(form)
    assert list(validator.iter_errors(data)), path
    with pytest.raises(ScenarioError, match=path):
        parse_scenario(json.dumps(data))


@pytest.mark.parametrize("version", [0, 3, "2"])
def test_the_schema_takes_versions_1_and_2_only(version: object) -> None:
    validator = _validator()
    data = json.loads(MINI.read_bytes())
    data["version"] = version
    assert list(validator.iter_errors(data))

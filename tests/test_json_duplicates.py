"""A key repeated in one JSON object is refused, anywhere in a scenario: ``json.loads`` would
keep the last one silently, so a red line with two ``rule`` keys would import the second."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain import ScenarioError, parse_scenario
from desktop.store import DocumentError, import_json

DATA = Path(__file__).parent / "data"
MINI = (DATA / "mini.json").read_text(encoding="utf-8")

RULE = '"rule": "army-cap -> army-cap.personnel >= 800000"'
TWO_RULES = '"rule": "army-cap -> army-cap.personnel >= 800000", "rule": "true"'


def with_duplicate(old: str, new: str) -> str:
    assert MINI.count(old) == 1, old
    return MINI.replace(old, new)


CASES = [
    # a red line whose second rule would silently win
    (with_duplicate(RULE, TWO_RULES), '"rule"', "parties[0].red_lines[0]"),
    # the top level
    (with_duplicate('"title": "Mini",', '"title": "Mini", "title": "Other",'), '"title"',
     "the top-level object"),
    # a clause's values: a plain dict in the model
    (with_duplicate('"values": {"personnel": 600000}',
                    '"values": {"personnel": 600000, "personnel": 900000}'),
     '"personnel"', "drafts[0].clauses[0].values"),
    # a param spec inside a provision, and a key with a control character in it
    (with_duplicate('"unit": "personnel"}', '"unit": "personnel", "unit": "men"}'), '"unit"',
     "provisions[0].params[0]"),
    (with_duplicate('"title": "Mini",', '"title": "Mini", "a\\u001b[2J": 1, "a\\u001b[2J": 2,'),
     '"a\\u001b[2J"', "the top-level object"),
]


@pytest.mark.parametrize(("text", "key", "where"), CASES)
def test_a_duplicate_key_is_refused_naming_it_and_where(text: str, key: str,
                                                        where: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text.encode("utf-8"))
    message = str(caught.value)
    assert message.startswith(f"duplicate key {key} in {where}: ")
    assert "\n" not in message
    assert "\x1b" not in message


def test_the_same_key_in_different_objects_is_fine() -> None:
    scenario = parse_scenario(MINI.encode("utf-8"))  # "id", "title", "rule" in many objects
    assert scenario.party("ukraine").red_lines[0].rule == "army-cap -> army-cap.personnel >= 800000"


def test_the_first_duplicate_is_named_when_there_are_several() -> None:
    text = with_duplicate(RULE, TWO_RULES).replace('"as_of": "2025-12-15"',
                                                   '"as_of": "2025-12-15", "as_of": "2026-01-01"')
    with pytest.raises(ScenarioError, match="duplicate key"):
        parse_scenario(text)


def test_import_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "two-rules.json"
    path.write_text(CASES[0][0], encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        import_json(path)
    assert caught.value.path == path
    assert caught.value.reason.startswith('duplicate key "rule" in parties[0].red_lines[0]')


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ACCORD_DEBUG"}
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, check=False, env=env)


@pytest.mark.parametrize("command", ["import", "check"])
def test_the_cli_refuses_a_duplicate_key_in_one_line_writing_nothing(
        tmp_path: Path, command: str) -> None:
    path = tmp_path / "two-rules.json"
    path.write_text(CASES[0][0], encoding="utf-8")
    out = tmp_path / "out.accord"
    args: list[str | Path] = [command, path]
    if command == "import":
        args += ["-o", out]
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [f'accord: error: {path}: duplicate key "rule" in parties[0].red_lines[0]: '
                     "a key may appear only once in an object (which one was meant is unclear)"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["two-rules.json"]

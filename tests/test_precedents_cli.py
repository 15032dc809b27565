"""`accord precedents` (issue 18): the count and the agreements carrying all the given issues,
as text or JSON; bad input is one line and exit 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.precedents import Tag, load_index

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "resources" / "scenarios" / "ukraine-2025.json"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out), out.getvalue()


def test_json_shape_and_counts() -> None:
    code, text = run("precedents", str(SCENARIO), "--codes", "Ce,ImPK", "--json")
    assert code == 0
    doc = json.loads(text)
    assert doc["codes"] == ["Ce", "ImPK"]
    assert doc["issues"] == ["Ceasefire", "International mission/force"]
    assert doc["count"] == len(doc["agreements"]) == load_index().count_all([Tag("Ce"),
                                                                             Tag("ImPK")])
    assert "PA-X" in doc["source"]
    first = doc["agreements"][0]
    assert {"id", "name", "date", "process", "region", "stage"} <= set(first)
    # The conflict of the scenario's title (Ukraine) first, each group newest first.
    same = [a for a in doc["agreements"] if a["same_conflict"]]
    assert same
    assert doc["agreements"][:len(same)] == same
    assert any("Minsk" in a["name"] for a in same)
    rest = doc["agreements"][len(same):]
    assert [a["date"] for a in rest] == sorted((a["date"] for a in rest), reverse=True)
    assert first["stage"] in {"Ceasefire", "Implementation", "Framework, partial",
                              "Pre-negotiation", "Renewal", "Framework, comprehensive", "Other"}


def test_a_provision_s_own_tags() -> None:
    code, text = run("precedents", str(SCENARIO), "--provision", "ceasefire")
    assert code == 0
    assert text.splitlines()[0] == "Ceasefire: 1,038 agreements contain this issue"
    assert "Same conflict first (Ukraine)" in text
    assert "PA-X Peace Agreements Database" in text.splitlines()[-1]
    code, text = run("precedents", str(SCENARIO), "--provision", "monitoring", "--json")
    assert json.loads(text)["codes"] == ["Ce", "ImPK"]


def test_min_strength_in_codes() -> None:
    _, text = run("precedents", str(SCENARIO), "--codes", "Ce:3", "--json")
    doc = json.loads(text)
    assert doc["count"] == load_index().count("Ce", 3) == 241
    assert all(a["strength"] == 3 for a in doc["agreements"])


@pytest.mark.parametrize(("args", "message"), [
    (["--codes", "Ce,Nope"], "not a PA-X issue code: Nope"),
    (["--codes", "Ce:7"], "must be 1, 2 or 3"),
    (["--codes", " , "], "at least one PA-X issue code"),
    (["--provision", "nope"], "no provision 'nope'"),
    (["--codes", "Ce,ImPK:2"], "ImPK (International mission/force) is coded yes or no"),
])
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run("precedents", str(SCENARIO), *args)
    err = capsys.readouterr().err
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_provision_without_codes_is_refused(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    doc = json.loads(SCENARIO.read_text(encoding="utf-8"))
    for prov in doc["provisions"]:
        prov.pop("pax", None)
    path = tmp_path / "untagged.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, _ = run("precedents", str(path), "--provision", "ceasefire")
    assert code == 2
    assert "carries no PA-X issue codes" in capsys.readouterr().err


def test_every_default_provision_is_tagged_with_known_codes() -> None:
    from desktop.domain import parse_scenario

    scenario = parse_scenario(SCENARIO.read_bytes())
    index = load_index()
    for prov in scenario.provisions:
        assert prov.pax, f"{prov.id} has no PA-X codes"
        assert all(index.knows(t.code) for t in prov.pax), prov.id


def test_an_accord_document_works_as_well(tmp_path: Path) -> None:
    from desktop.domain import parse_scenario
    from desktop.store import save_document

    doc = tmp_path / "talks.accord"
    save_document(parse_scenario(SCENARIO.read_bytes()), doc)
    code, text = run("precedents", str(doc), "--provision", "donbas-zone", "--json")
    assert code == 0
    got = json.loads(text)
    assert got["codes"] == ["StBor", "Ce", "Terps"]
    assert got["count"] == load_index().count_all([Tag("StBor"), Tag("Ce"), Tag("Terps")])
    assert got["agreements"][0]["same_conflict"] is True  # the Minsk Protocol first
    assert "Minsk" in got["agreements"][0]["name"]

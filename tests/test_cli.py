"""The ``accord`` command: exit codes, output shapes, and "bad input writes nothing"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain import dump_scenario, parse_scenario

DATA = Path(__file__).parent / "data"


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process: what a user's shell sees."""
    env = dict(os.environ)
    env.pop("ACCORD_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True, text=True, check=False, env=env, cwd=cwd,
    )


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    target = tmp_path / "mini.accord"
    assert main(["import", str(DATA / "mini.json"), "-o", str(target)]) == 0
    return target


def test_import_check_export_round_trip(tmp_path: Path, doc: Path) -> None:
    out = tmp_path / "out.json"
    result = run("export", doc, "-o", out)
    assert result.returncode == 0, result.stderr
    original = parse_scenario((DATA / "mini.json").read_bytes())
    exported = out.read_text(encoding="utf-8")
    assert parse_scenario(exported.encode()) == original
    assert exported == dump_scenario(original)  # canonical bytes
    # Exporting the re-imported export gives the same bytes again.
    doc2 = tmp_path / "again.accord"
    out2 = tmp_path / "again.json"
    assert run("import", out, "-o", doc2).returncode == 0
    assert run("export", doc2, "-o", out2).returncode == 0
    assert out2.read_bytes() == out.read_bytes()


def test_check_text_output_and_exit_1_when_not_viable(doc: Path) -> None:
    result = run("check", doc)
    assert result.returncode == 1
    assert result.stderr == ""
    text = result.stdout
    assert "NOT VIABLE: 1 of 2 parties accept, 1 conflict" in text
    # The verdict column is as wide as "ACCEPTS IF"; satisfaction over what the draft addresses.
    assert "\n  REJECTS    Ukraine (25% of what it addresses)\n" in text
    assert "crosses ‘Army of at least 800k’ [ua-army]\n" in text
    assert ("why: Personnel in “Army ceiling” is 600,000 personnel; "
            "Ukraine requires at least 800,000 personnel.\n") in text
    assert "clauses: “Army ceiling” [army-cap]\n" in text
    assert ("why: The draft has no “International monitoring”; Ukraine requires it when the "
            "draft includes “Withdrawal from Donbas”.\n") in text
    assert "\n  ACCEPTS    Russia (no preferences)\n" in text
    assert "“Security guarantee” and “Neutrality” exclude each other" in text


def test_check_json_shape(doc: Path) -> None:
    result = run("check", doc, "--draft", "d1", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert set(report) == {"draft", "stance", "viable", "status", "viable_if", "bound_reached",
                           "parties", "conflicts"}
    assert report["draft"] == "d1"
    assert report["viable"] is False
    assert (report["stance"], report["status"], report["viable_if"]) == (
        "assessed", "not-viable", None)
    ua, ru = report["parties"]
    assert set(ua) == {"id", "name", "acceptable", "verdict", "accepts_if", "acceptance_chance",
                       "satisfaction", "addressed_satisfaction", "coverage", "not_addressed",
                       "violations"}
    assert (ua["verdict"], ua["accepts_if"], ua["acceptance_chance"]) == ("rejects", [], 0.0)
    assert ua["coverage"] == {"addressed": 2, "total": 2}
    assert ua["violations"][0] == {
        "red_line": "ua-army",
        "title": "Army of at least 800k",
        "clauses": ["army-cap"],
        "explanation": "Personnel in “Army ceiling” is 600,000 personnel; "
                       "Ukraine requires at least 800,000 personnel.",
        "detail": "army-cap.personnel is 600000; needs >= 800000",
        "under": [],
        "conditional": False,
    }
    assert ru == {"id": "russia", "name": "Russia", "acceptable": True, "verdict": "accepts",
                  "accepts_if": [], "acceptance_chance": 1.0, "satisfaction": None,
                  "addressed_satisfaction": None, "coverage": {"addressed": 0, "total": 0},
                  "not_addressed": [], "violations": []}
    assert report["conflicts"] == [
        {"provisions": ["guarantee", "neutral"],
         "explanation": "“Security guarantee” and “Neutrality” exclude each other: "
                                   "the draft cannot hold both."}
    ]


def test_check_reads_json_too_and_exits_0_when_viable(tmp_path: Path) -> None:
    data = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    data["parties"][1]["red_lines"] = []
    data["drafts"].append({"id": "ok", "title": "Fine", "clauses": [{"provision": "guarantee"}]})
    path = tmp_path / "viable.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("check", path, "--draft", "ok")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VIABLE: 2 of 2 parties accept" in result.stdout


def _open_scenario(tmp_path: Path) -> Path:
    """mini.json with the army ceiling open between two formulas and Russia's line stated."""
    data = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    data["version"] = 2
    data["parties"][1]["red_lines"][0].update(stance="stated", confidence=0.6)
    data["parties"][0]["red_lines"][0]["confidence"] = 0.75
    data["drafts"] = [{"id": "open", "title": "Open", "clauses": [
        {"provision": "army-cap", "alternatives": [
            {"label": "Russian formula", "values": {"personnel": 600000}},
            {"label": "Ukrainian formula", "values": {"personnel": 850000}}]},
        {"provision": "guarantee"}]}]
    path = tmp_path / "open.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_check_an_open_draft_is_viable_if_and_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _open_scenario(tmp_path)
    assert main(["check", str(path), "--json"]) == 0  # viable if: exit 0
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "viable-if"
    assert report["viable_if"] == [{"clause": "army-cap", "alternative": "Ukrainian formula",
                                    "index": 1}]
    ua = report["parties"][0]
    assert ua["verdict"] == "accepts-if"
    assert ua["accepts_if"] == [{"clause": "army-cap", "alternative": "Ukrainian formula",
                                 "index": 1}]
    assert ua["acceptance_chance"] == pytest.approx(0.25)
    assert ua["violations"][0]["under"] == [{"clause": "army-cap",
                                             "alternative": "Russian formula", "index": 0}]
    assert main(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert "VIABLE IF" not in text  # the condition is a sentence, not shouted
    assert "Viable if §1 (“Army ceiling”) is the Ukrainian formula: 1 of 2 parties accept" in text
    assert "Under assessed floors (stated demands are negotiable)." in text
    assert "§1 (“Army ceiling”) is open: the Russian formula or the Ukrainian formula." in text
    assert "\n  ACCEPTS IF Ukraine (25% of what it addresses)\n" in text
    assert "\n  ACCEPTS    Russia (no preferences)\n" in text
    assert "Accepts if §1 (“Army ceiling”) is the Ukrainian formula." in text
    assert ("At worst about a 25% chance Ukraine accepts, treating its red lines as "
            "independent.") in text
    assert "crosses ‘Army of at least 800k’ [ua-army] if §1 is the Russian formula" in text
    assert "Satisfaction 25% of what it addresses; addresses 2 of 2 preferences." in text


def test_check_stance_stated_counts_every_red_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _open_scenario(tmp_path)
    assert main(["check", str(path), "--stance", "stated", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["stance"] == "stated"
    ua, ru = report["parties"]
    # Russia's stated line wants the Russian formula, Ukraine's the Ukrainian: no combination.
    assert (ua["verdict"], ru["verdict"], report["status"]) == (
        "accepts-if", "accepts-if", "not-viable")
    assert ru["acceptance_chance"] == pytest.approx(0.4)
    assert main(["check", str(path), "--stance", "stated"]) == 1
    text = capsys.readouterr().out
    assert text.splitlines()[1] == "NOT VIABLE: 0 of 2 parties accept"
    assert "Under stated positions (every red line counts)." in text
    # ... and the other view in one line.
    assert ("Under assessed floors: Viable if §1 (“Army ceiling”) is the Ukrainian formula, "
            "1 of 2 parties accept.") in text
    assert run("check", path, "--stance", "maximal").returncode == 2


def test_import_replaces_an_existing_document(tmp_path: Path, doc: Path) -> None:
    data = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    data["title"] = "Replaced"
    src = tmp_path / "new.json"
    src.write_text(json.dumps(data), encoding="utf-8")
    assert run("import", src, "-o", doc).returncode == 0
    out = tmp_path / "check.json"
    assert run("export", doc, "-o", out).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Replaced"


# --------------------------------------------------------------------------- bad input


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "accord.scenario", "version": 9, "title": "x"}',
         "made by a newer version of Accord"),
        (b'{"format": "accord.scenario", "version": 1, "title": "x", "extra": 1}',
         "extra: unknown key"),
        (b"", "the file is empty"),
    ],
)
def test_bad_json_import_exits_2_and_writes_nothing(
    tmp_path: Path, doc: Path, content: bytes, fragment: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = _snapshot(tmp_path)
    result = run("import", bad, "-o", doc)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr
    assert fragment in result.stderr
    assert _snapshot(tmp_path) == before  # the existing target is unchanged; no partial file
    fresh = tmp_path / "fresh.accord"
    assert run("import", bad, "-o", fresh).returncode == 2
    assert not fresh.exists()


def test_invalid_rule_names_party_rule_and_position(tmp_path: Path) -> None:
    data = json.loads((DATA / "mini.json").read_text(encoding="utf-8"))
    data["parties"][0]["red_lines"][0]["rule"] = "army-cap -> army-cap.personnel >= "
    bad = tmp_path / "rule.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = run("check", bad)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr
    assert "party 'ukraine', red line 'ua-army': column 35: expected a literal" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("renamed.accord", b'{"format": "accord.scenario"}', "JSON"),
        ("empty.accord", b"", "empty"),
        ("noise.accord", os.urandom(4096), "not an Accord document"),
    ],
)
def test_foreign_files_exit_2(tmp_path: Path, name: str, content: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out.json"
    result = run("export", path, "-o", out)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr
    assert fragment in result.stderr
    assert not out.exists()


def test_missing_file_and_unknown_draft(tmp_path: Path, doc: Path) -> None:
    result = run("check", tmp_path / "nowhere.accord")
    assert result.returncode == 2
    assert "nowhere.accord" in result.stderr
    assert "Traceback" not in result.stderr
    result = run("check", doc, "--draft", "ghost")
    assert result.returncode == 2
    assert "no draft 'ghost' (drafts: d1)" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    for args in (["check"], ["import", "x.json"], ["frobnicate", "x"], ["check", "--bogus", "f"]):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert "usage:" in result.stderr


def test_unwritable_target_exits_2_and_leaves_target(tmp_path: Path, doc: Path) -> None:
    target = tmp_path / "missing-folder" / "out.json"
    result = run("export", doc, "-o", target)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(target.parent) in result.stderr or str(target) in result.stderr
    assert not target.parent.exists()


def test_schema_command_prints_the_published_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    published = (Path(__file__).parent.parent / "docs" / "accord.scenario.schema.json")
    assert json.loads(result.stdout) == json.loads(published.read_text(encoding="utf-8"))


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("accord ")


def test_smoke_run_exercises_gui_check_briefing_and_documents() -> None:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "desktop", "--smoke"], capture_output=True,
                            text=True, check=False, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("smoke: window shown after ")
    assert "smoke: check of 'us-28': Not viable: 3 of 5 parties accept" in lines
    assert any(line.startswith("smoke: full briefing written: ") for line in lines)
    assert "smoke: saved and reopened smoke.accord: identical" in lines
    assert lines[-1] == "smoke: ok"


def test_brief_exits_as_check_does_on_a_draft_viable_if(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    """A briefing of a draft that is viable if its open point is closed a certain way exits 0,
    as check does: the two commands never disagree on what a draft is."""
    path = _open_scenario(tmp_path)
    out = tmp_path / "open.md"
    assert main(["check", str(path)]) == 0
    assert main(["brief", str(path), "-o", str(out), "--no-bridge"]) == 0
    assert out.exists()

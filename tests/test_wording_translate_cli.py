"""The command line's and the doctor's own words go through the translation hook (issue 17).

Under :func:`~tests.wording_pseudo.pseudo_translation` every text the CLI (context "Cli") and
the doctor (context "Doctor") write themselves must come out marked: the help, the reports'
headings and layout sentences, the errors a user reads, the doctor's findings and advice.
What the CLI borrows from :mod:`desktop.wording` (verdicts, reasons, the bridge's sentences,
the precedents' counts) is proven by the wording's own pseudo-translation tests; here its
output is marked as it leaves the borrowed function (:func:`borrowed_marked`), so a word
left bare is one the CLI wrote without the hook. Data is allowed: the scenario's words, the
file names and ids typed, PA-X's agreements and the computer's packages.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import desktop.cli as cli
from desktop import doctor
from desktop.cli import format_bridge, format_report, main
from desktop.domain import Scenario, check
from desktop.domain.solver import BridgeResult, find_bridge
from desktop.domain.solver.types import BelowNoDeal, Link, Note, Proposal
from desktop.resources import default_scenario_path
from tests.wording_pseudo import CLOSE, OPEN, data_words, leftover_words, pseudo_translation

WEST = ["ukraine", "europe", "united-states", "turkey"]

#: The wording functions the CLI borrows (imported into desktop.cli): their text is theirs.
BORROWED = ("change_reason", "conflict_text", "detail", "explanation", "note_text",
            "status_words", "change_text", "clash_text", "cost_words", "link_text",
            "no_change_text", "no_deal_text", "red_line_name", "relax_cost_text",
            "relax_heading", "relax_text", "stance_text", "series", "report_counts",
            "report_summary", "bound_words", "chance_words", "met_if_lines", "open_points",
            "satisfaction_sentence", "verdict_phrase", "viability_words",
            "violation_condition")


def _marked(fn: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        value = fn(*args, **kwargs)
        if isinstance(value, str):
            return f"{OPEN}{value}{CLOSE}" if value else value
        return [f"{OPEN}{v}{CLOSE}" for v in value]

    return call


@pytest.fixture
def borrowed_marked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each borrowed wording function's text marked as it reaches the CLI, and the
    pseudo-translation on."""
    for name in BORROWED:
        monkeypatch.setattr(cli, name, _marked(getattr(cli, name)))
    import desktop.wording.precedents as precedents

    for name in ("agreements", "credit", "tags_label"):
        monkeypatch.setattr(precedents, name, _marked(getattr(precedents, name)))
    with pseudo_translation():
        yield


def _bare(text: str, *data: Any) -> list[str]:
    return leftover_words(text, data_words(*data))


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out), out.getvalue()


# --------------------------------------------------------------------------- help


def _helps(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str]]:
    """(where, text) of the description and each help the parser and its commands give."""
    if parser.description:  # the commands' parsers have none
        yield "accord", parser.description
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue  # argparse's own words, translated by its gettext
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield choice.dest, choice.help or ""
            for name, sub in action.choices.items():
                for where, text in _helps(sub):
                    yield f"{name} {where}", text
        elif action.help:
            yield "/".join(action.option_strings) or action.dest, action.help


def test_every_help_and_description_is_translated() -> None:
    with pseudo_translation():
        parser = cli._build_parser()
        helps = list(_helps(parser))
        usage = parser.format_help()
    assert len(helps) > 35
    options = [word for _, text in helps for word in text.split() if word.startswith("-")]
    for where, text in helps:
        assert text.startswith(OPEN), (where, text)
        assert _bare(text, options) == [], (where, text)
    assert OPEN in usage  # argparse shows them as they are


# --------------------------------------------------------------------------- check


@pytest.mark.parametrize("stance", ["assessed", "stated"])
def test_the_check_report_of_every_draft(ukraine: Scenario, stance: str,
                                         borrowed_marked: None) -> None:
    seen: set[str] = set()
    for draft in ukraine.drafts:
        report = check(ukraine, draft, stance=stance)  # type: ignore[arg-type]
        text = format_report(report, ukraine, draft)
        assert _bare(text, ukraine.model_dump()) == [], (draft.id, text)
        seen |= {v.verdict for v in report.parties}
        seen |= {"violation" for v in report.parties if v.violations}
        seen |= {"conflict" for _ in report.conflicts}
        seen |= {"not addressed" for v in report.parties if v.not_addressed}
    assert {"accepts", "rejects", "violation", "not addressed"} <= seen


def test_the_check_report_of_an_open_draft_and_a_bound(mini: Scenario,
                                                       borrowed_marked: None) -> None:
    draft = mini.drafts[0]
    report = dataclasses.replace(check(mini, draft), bound_reached=True)
    text = format_report(report, mini, draft)
    assert "⟦Note: " in text
    assert _bare(text, mini.model_dump()) == [], text


def test_the_check_report_says_accepts_if(ukraine: Scenario, borrowed_marked: None) -> None:
    """A party that accepts if the draft's open points are closed a certain way."""
    found = False
    for draft in ukraine.drafts:
        for stance in ("assessed", "stated"):
            report = check(ukraine, draft, stance=stance)
            if any(v.verdict == "accepts-if" for v in report.parties):
                found = True
                text = format_report(report, ukraine, draft)
                assert "⟦ACCEPTS IF⟧" in text
                assert _bare(text, ukraine.model_dump()) == [], text
    if not found:
        pytest.skip("no draft of the default scenario has an open point")


def test_the_check_command_end_to_end(ukraine: Scenario, borrowed_marked: None) -> None:
    code, text = run(["check", str(default_scenario_path())])
    assert code in (0, 1)
    assert _bare(text, ukraine.model_dump()) == [], text


# --------------------------------------------------------------------------- suggest


@pytest.fixture(scope="module")
def answers(ukraine: Scenario) -> dict[str, BridgeResult]:
    """A proposal (the US draft without Russia) and no agreement (every party)."""
    draft = ukraine.draft("us-28")
    return {"proposal": find_bridge(ukraine, draft, parties=WEST, alternatives=2),
            "none": find_bridge(ukraine, draft, clashes=3)}


def test_a_proposal_in_words(ukraine: Scenario, answers: dict[str, BridgeResult],
                             borrowed_marked: None) -> None:
    draft = ukraine.draft("us-28")
    result = answers["proposal"]
    assert result.proposal is not None
    assert result.proposal.changes
    allowed = ukraine.model_dump()
    text = format_bridge(result, ukraine, draft)
    assert "⟦OPTIMAL: " in text
    assert _bare(text, allowed) == [], text

    # Cut short by the time limit, with warnings, give and take and notes.
    first, second = WEST[0], WEST[1]
    below = BelowNoDeal(first, ukraine.party(first).name, 0.1, 0.5)
    link = Link(first, ukraine.party(first).name, (0,), second, ukraine.party(second).name,
                (0,))
    proposal = dataclasses.replace(result.proposal, below_no_deal=(below,), links=(link,))
    alternative = dataclasses.replace(proposal, links=())
    partial = dataclasses.replace(
        result, optimal=False, status="best-found", proposal=proposal,
        alternatives=(alternative,), notes=(Note("reasons-not-worked-out", 1),))
    text = format_bridge(partial, ukraine, draft)
    for heading in ("⟦BEST FOUND (time limit hit): ", "⟦Warning: ", "⟦Give and take:⟧",
                    "⟦Alternative 1 (", "⟦Note: "):
        assert heading in text
    assert _bare(text, allowed) == [], text


def test_no_change_needed_and_satisfactions(ukraine: Scenario,
                                            answers: dict[str, BridgeResult],
                                            borrowed_marked: None) -> None:
    draft = ukraine.draft("us-28")
    result = answers["proposal"]
    assert result.proposal is not None
    a, b, c = WEST[:3]
    nothing = Proposal(changes=(), clauses=draft.clauses, cost=0,
                       satisfaction={a: 0.5, b: 0.25, c: None}, addressed={a: 0.5, b: None})
    allowed = ukraine.model_dump()
    for optimal in (True, False):
        text = format_bridge(dataclasses.replace(result, optimal=optimal, proposal=nothing,
                                                 alternatives=()), ukraine, draft)
        assert "⟦no preferences⟧" in text
        assert "⟦addresses none of its preferences⟧" in text
        assert "⟦50% of what it addresses⟧" in text
        assert _bare(text, allowed) == [], text


def test_no_agreement_in_words(ukraine: Scenario, answers: dict[str, BridgeResult],
                               borrowed_marked: None) -> None:
    draft = ukraine.draft("us-28")
    result = answers["none"]
    assert result.proposal is None
    assert len(result.clashes) > 1
    allowed = ukraine.model_dump()
    text = format_bridge(result, ukraine, draft)
    assert "⟦NO PROPOSAL: " in text
    assert "distinct clashes" in text
    assert _bare(text, allowed) == [], text
    one = format_bridge(dataclasses.replace(result, clashes=result.clashes[:1]), ukraine,
                        draft)
    assert "⟦These red lines clash" in one
    assert _bare(one, allowed) == [], one


def test_the_suggest_command_end_to_end(ukraine: Scenario, borrowed_marked: None) -> None:
    code, text = run(["suggest", str(default_scenario_path()), "--draft", "us-28",
                      "--parties", ",".join(WEST), "--alternatives", "1"])
    assert code == 0
    assert _bare(text, ukraine.model_dump()) == [], text


# --------------------------------------------------------------------------- files


def test_import_export_and_brief_say_what_they_wrote(tmp_path: Path, mini_json: bytes,
                                                     mini: Scenario,
                                                     borrowed_marked: None) -> None:
    source = tmp_path / "mini.json"
    source.write_bytes(mini_json)
    allowed = [mini.model_dump(), str(tmp_path)]
    doc = tmp_path / "mini.accord"
    code, text = run(["import", str(source), "-o", str(doc)])
    assert code == 0
    assert "⟦" in text
    assert _bare(text, *allowed) == [], text
    code, text = run(["export", str(doc), "-o", str(tmp_path / "back.json")])
    assert code == 0
    assert _bare(text, *allowed) == [], text
    for name in ("sheet.md", "sheet.pdf"):
        code, text = run(["brief", str(doc), "--no-bridge", "-o", str(tmp_path / name)])
        assert code in (0, 1)
        assert _bare(text, *allowed) == [], text


def test_the_briefing_formats_are_named_in_words() -> None:
    from desktop.report.formats import FORMATS

    with pseudo_translation():
        for fmt, name in FORMATS.items():
            assert cli.format_name(fmt) == f"{OPEN}{name}{CLOSE}"


# --------------------------------------------------------------------------- errors


def _error(argv: list[str], capsys: pytest.CaptureFixture[str], code: int = 2) -> str:
    out = io.StringIO()
    assert main(argv, out) == code
    assert out.getvalue() == ""
    err = capsys.readouterr().err
    assert err.startswith(f"{OPEN}accord: "), err
    return err


def test_the_errors_a_user_reads(tmp_path: Path, mini_json: bytes, mini: Scenario,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "mini.json"
    source.write_bytes(mini_json)
    empty = tmp_path / "empty.json"
    doc = json.loads(mini_json)
    doc["drafts"] = []
    empty.write_text(json.dumps(doc), encoding="utf-8")
    untagged = tmp_path / "untagged.json"
    untagged.write_bytes(default_scenario_path().read_bytes())
    raw = json.loads(untagged.read_text(encoding="utf-8"))
    for prov in raw["provisions"]:
        prov.pop("pax", None)
    untagged.write_text(json.dumps(raw), encoding="utf-8")
    s = str(source)
    cases = [
        ["check", str(empty)],
        ["check", s, "--draft", "nope"],
        ["suggest", s, "--parties", "nope"],
        ["suggest", s, "--parties", ","],
        ["suggest", s, "--alternatives", "-1"],
        ["suggest", s, "--clashes", "0"],
        ["suggest", s, "--time-limit", "0"],
        ["brief", s, "--party", "nope", "-o", str(tmp_path / "x.pdf")],
        ["brief", s, "--time-limit", "0", "-o", str(tmp_path / "x.pdf")],
        ["brief", s, "-o", s],
        ["precedents", s, "--provision", "nope"],
        ["precedents", str(untagged), "--provision", "ceasefire"],
        ["precedents", s, "--codes", "Ce,ImPK:2"],
    ]
    allowed = [mini.model_dump(), str(tmp_path), "nope", "ImPK", "Ce",
               "International mission/force"]
    with pseudo_translation():
        for argv in cases:
            err = _error(argv, capsys)
            assert _bare(err, *allowed) == [], (argv, err)


def test_internal_errors_and_the_gui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                     mini_json: bytes,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.domain import solver
    from desktop.domain.solver import CertificateError

    source = tmp_path / "mini.json"
    source.write_bytes(mini_json)

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise CertificateError("clash 1")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("broken")

    allowed = [str(tmp_path), "clash", "broken", "RuntimeError", "ACCORD_DEBUG"]
    with pseudo_translation():
        monkeypatch.setattr(solver, "find_bridge", failing)
        err = _error(["suggest", str(source)], capsys, code=cli.EXIT_INTERNAL)
        assert _bare(err, *allowed) == [], err
        monkeypatch.setattr(cli, "cmd_check", broken)
        err = _error(["check", str(source)], capsys, code=cli.EXIT_INTERNAL)
        assert _bare(err, *allowed) == [], err

        monkeypatch.setitem(sys.modules, "desktop.ui.app", None)  # not built
        assert cli.cmd_gui(None) == cli.EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert err.startswith(OPEN)
        assert _bare(err, ["check", "import", "export", "help"]) == [], err

        class NoQt(types.ModuleType):
            def __getattr__(self, name: str) -> Any:
                raise ImportError("no Qt", name="PySide6")

        monkeypatch.setitem(sys.modules, "desktop.ui.app", NoQt("desktop.ui.app"))
        assert cli.cmd_gui(None) == cli.EXIT_BAD_INPUT
        err = capsys.readouterr().err
        assert err.startswith(OPEN)
        assert _bare(err, ["no Qt", "pip install 'accord[gui]'"]) == [], err


def test_a_usage_error_is_translated_around_argparse_s_message(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pseudo_translation(), pytest.raises(SystemExit):
        main(["check"])
    err = capsys.readouterr().err.splitlines()[-1]
    assert err.startswith(f"{OPEN}accord check: error: the following arguments")


# --------------------------------------------------------------------------- precedents


def test_the_precedents_listing(ukraine: Scenario, borrowed_marked: None) -> None:
    path = str(default_scenario_path())
    for argv in (["--provision", "ceasefire"], ["--codes", "Ce,ImPK"]):
        code, text = run(["precedents", path, *argv])
        assert code == 0
        _, listing = run(["precedents", path, *argv, "--json"])
        found = json.loads(listing)
        pax = [{k: a[k] for k in ("name", "process", "region", "stage")}
               for a in found["agreements"]]
        allowed = [ukraine.model_dump(), pax, found["conflict"], "PA-X"]
        assert _bare(text, *allowed) == [], text[:2000]
        assert "⟦Same conflict first (" in text


# --------------------------------------------------------------------------- the doctor


def _computer(*, platform: str = "linux", python: tuple[int, int, int] = (3, 11, 7),
              venv: bool = True, os_release: dict[str, str] | None = None,
              everything: bool = True, display: bool = True) -> doctor.Environment:
    return doctor.Environment(
        platform=platform, python_version=python, executable="/home/u/accord/.venv/bin/python",
        prefix="/home/u/accord/.venv" if venv else "/usr", base_prefix="/usr",
        os_release={"ID": "debian"} if os_release is None else os_release,
        find_library=lambda name: f"lib{name}.so" if everything else None,
        which=lambda prog: f"/usr/bin/{prog}" if everything else None,
        has_module=lambda module: everything or module == "pydantic",
        display=display)


DOCTOR_DATA = [
    "/home/u/accord/.venv/bin/python", "/usr", "PYTHON=python3.11",
    [dist for _, dist in doctor.PYTHON_PACKAGES],
    [f"lib{name} {deb} {rpm}" for name, deb, rpm in doctor.QT_LIBRARIES],
    [" ".join(row) for row in doctor.TEST_PROGRAMS],
    "sudo apt-get install sudo dnf install",
]


@pytest.mark.parametrize("computer", [
    _computer(),
    _computer(everything=False, venv=False, python=(3, 10, 12), display=False),
    _computer(everything=False, os_release={"ID": "fedora"}),
    _computer(everything=False, os_release={"ID": "arch"}),
    _computer(platform="win32", os_release={}),
], ids=["complete", "old-and-bare", "fedora", "unknown-linux", "windows"])
def test_the_doctor_s_findings_and_advice(computer: doctor.Environment) -> None:
    with pseudo_translation():
        text, _ = doctor.report(computer)
    assert text.startswith(OPEN)
    assert _bare(text, *DOCTOR_DATA) == [], text


def test_the_doctor_keeps_its_labels_in_line() -> None:
    with pseudo_translation():
        text, status = doctor.report(_computer(everything=False))
    assert status == 1
    assert "  ⟦MISSING⟧  " in text
    assert "  ⟦ok⟧       " in text  # padded to the widest label
    assert text.endswith("⟦Accord cannot run here until the ⟦MISSING⟧ lines are fixed.⟧\n")

"""The editor dialogs' fields without a window: parsing, the checks made as the user types (as
data: problems and the notes beside each field), building the domain object, and the words of
the questions. Nothing here imports Qt, and the module is proven to load with Qt blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain import BoolParam, ChoiceParam, IntParam, NumberParam, Provision, Scenario
from desktop.domain.params import Choice
from desktop.domain.rules import check_rule
from desktop.ui.editors.forms import (
    FieldNote,
    ParamRow,
    PartyFields,
    ProvisionFields,
    Refused,
    RuleItem,
    ScenarioInfo,
    build_party,
    build_provision,
    cannot_save,
    check_info,
    check_party,
    check_provision,
    collect_params,
    id_note,
    id_problem,
    params_note,
    parse_bool,
    parse_int,
    parse_number,
    party_deletion_question,
    plain_number,
    provision_deletion_question,
    readable,
    rule_item_label,
    rule_item_problems,
    rule_list_problems,
    rule_numbers,
    rule_tab_title,
    suggested_id,
    title_numbers,
    title_rule_note,
    utf16_offset,
)
from desktop.wording import clause_text

ROOT = Path(__file__).parent.parent

ZONE = ProvisionFields(
    id="demilitarised-zone", title="Demilitarised zone", category="territory",
    kind="mechanism", by=("ukraine",), to=("russia",),
    text="A zone {width} km wide, policed by {police}.",
    params=(ParamRow("width", "int", "10", "0", "100", unit="km"),
            ParamRow("police", "choice", "joint",
                     choices=(("international", ""), ("ukrainian", ""), ("joint", "")))),
)


# --------------------------------------------------------------------------- Qt-free


def test_forms_load_without_qt() -> None:
    script = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph'}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
from desktop.ui.editors.forms import parse_int, check_info, ScenarioInfo
import desktop.ui.editors
assert parse_int('1,000') == 1000
assert check_info(ScenarioInfo('', '')).problems == ('Give the scenario a title.',)
print('loaded:', sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout


# --------------------------------------------------------------------------- parsing


@given(n=st.integers(min_value=-(10**15), max_value=10**15))
def test_numbers_with_or_without_grouping(n: int) -> None:
    assert parse_int(f" {n:,} ") == n
    assert parse_number(f"{n:_}") == n
    assert parse_int(f"{n}.5") is None


@pytest.mark.parametrize(("text", "value"), [
    ("2.5", 2.5), ("1,234.5", 1234.5), ("1 000", 1000), ("-3", -3), ("nan", None),
    ("inf", None), ("many", None), ("", None), ("1,23", None)])
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_parse_number_keeps_whole_numbers_as_int() -> None:
    assert isinstance(parse_number("5"), int)
    assert parse_int("9" * 5000) is None  # more digits than Python converts


@pytest.mark.parametrize(("text", "value"), [
    ("true", True), (" Yes ", True), ("on", True), ("1", True), ("FALSE", False),
    ("no", False), ("off", False), ("0", False), ("maybe", None), ("", None)])
def test_parse_bool(text: str, value: bool | None) -> None:
    assert parse_bool(text) is value


def test_plain_number_and_utf16_offset() -> None:
    assert plain_number(3.0) == 3
    assert isinstance(plain_number(3.0), int)
    assert plain_number(2.5) == 2.5
    assert isinstance(plain_number(2.0**60), float)
    assert utf16_offset("a😀b", 2) == 3  # the emoji is two UTF-16 units


def test_readable_names_params_by_number() -> None:
    assert readable("params[0].default: too big\nparams[1]: param 'x': bad\ntext: no") == (
        "param 1, default: too big\nparam 'x': bad\ntext: no")
    assert readable("params[2]: broken") == "param 3: broken"


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize(("text", "problem"), [
    ("", "Give the provision an id."),
    ("x" * 201, "An id is at most 200 characters long."),
    ("9-lives", "An id starts with a letter."),
    ("bad--id", "Dashes join words: no double dash and no dash at the end."),
    ("bad-", "Dashes join words: no double dash and no dash at the end."),
    ("has space", "An id is letters, digits and _ in words joined by single dashes "
                  "(e.g. army-cap)."),
    ("and", "'and' is a word of the rule language and cannot be an id."),
    ("army-cap", "Another provision already has the id 'army-cap'."),
    ("ok_id-2", None),
])
def test_id_problem(text: str, problem: str | None) -> None:
    assert id_problem(text, {"army-cap"}, "provision", keyword_free=True) == problem


def test_reserved_words_are_ids_where_rules_do_not_name_them() -> None:
    assert id_problem("and", (), "party") is None


def test_id_note_says_a_blank_id_is_filled_in_rather_than_wrong() -> None:
    ok = id_note("ua", None, filled_from="name", ok="Fine.")
    assert ok == FieldNote("note", "Fine.", invalid=False)
    blank = id_note("", "Give the party an id.", filled_from="name", ok="Fine.")
    assert blank == FieldNote("note", "Filled in from the name; you can change it.")
    bad = id_note("9", "An id starts with a letter.", filled_from="name", ok="Fine.")
    assert bad == FieldNote("error", "An id starts with a letter.", invalid=True)


def test_suggested_id() -> None:
    assert suggested_id("Army ceiling", {"army-ceiling"}) == "army-ceiling-2"
    assert suggested_id("   ", ()) == ""


# --------------------------------------------------------------------------- provisions


def test_collect_params_reads_every_type() -> None:
    params, errors = collect_params((
        *ZONE.params,
        ParamRow(" share ", "number", "0.5", "", "1", unit=" % "),
        ParamRow("binding", "bool", "yes"),
    ))
    assert errors == []
    assert params == [
        {"name": "width", "type": "int", "default": 10, "min": 0, "max": 100, "unit": "km"},
        {"name": "police", "type": "choice", "choices": ["international", "ukrainian", "joint"],
         "default": "joint"},
        {"name": "share", "type": "number", "default": 0.5, "max": 1, "unit": "%"},
        {"name": "binding", "type": "bool", "default": True},
    ]


def test_collect_params_reads_the_words_of_version_2() -> None:
    params, errors = collect_params((
        ParamRow("personnel", "int", "600,000", "0", step="50,000", unit="personnel",
                 label=" Army personnel "),
        ParamRow("share", "number", "2.5", step="0.25", label="", true_label="ignored"),
        ParamRow("guard", "choice", "joint", label="Who guards it", choices=(
            (" russian-national-guard ", " Russian National Guard "), ("", ""),
            ("joint", ""), ("", ""))),
        ParamRow("linked", "bool", "no", true_label=" is tied ", false_label="",
                 choices=(("x", "X"),), step="3"),
    ))
    assert errors == []
    assert params == [
        {"name": "personnel", "type": "int", "label": "Army personnel", "default": 600000,
         "min": 0, "step": 50000, "unit": "personnel"},
        {"name": "share", "type": "number", "default": 2.5, "step": 0.25},
        {"name": "guard", "type": "choice", "label": "Who guards it", "default": "joint",
         "choices": [{"id": "russian-national-guard", "label": "Russian National Guard"},
                     "joint"]},
        {"name": "linked", "type": "bool", "default": False, "true_label": "is tied"},
    ]


def test_build_provision_keeps_every_word() -> None:
    fields = ProvisionFields(**{**ZONE.__dict__,
                                "text": "{width} {police} {share} {tied}", "params": (
        ParamRow("width", "int", "10", "0", "100", unit="km", label="Zone width", step="5"),
        ParamRow("police", "choice", "joint", label="Policing",
                 choices=(("international", "International police"), ("joint", ""))),
        ParamRow("share", "number", "0.5", step="0.1"),
        ParamRow("tied", "bool", "true", true_label="is tied", false_label="is not tied"))})
    built = build_provision(fields)
    assert isinstance(built, Provision)
    assert built.params == (
        IntParam(name="width", type="int", label="Zone width", default=10, min=0, max=100,
                 step=5, unit="km"),
        ChoiceParam(name="police", type="choice", label="Policing", default="joint",
                    choices=(Choice(id="international", label="International police"),
                             Choice(id="joint"))),
        NumberParam(name="share", type="number", default=0.5, step=0.1),
        BoolParam(name="tied", type="bool", default=True, true_label="is tied",
                  false_label="is not tied"),
    )
    assert clause_text(built) == "10 km joint 0.5 is tied"


def test_a_step_of_zero_is_refused_in_the_params_words() -> None:
    _params, errors = collect_params((ParamRow("n", "int", "1", step="0"),))
    assert errors == ["param 1 (n): the step must be a whole number above 0 or left empty, "
                      "not “0”."]


def test_choices_without_labels_give_a_note_not_a_problem(mini: Scenario) -> None:
    guard = ParamRow("guard", "choice", "joint", choices=(
        ("russian-national-guard", ""), ("un_mission", ""), ("joint", "Joint patrols"),
        ("ukrainian-police", ""), ("", "")))
    fields = ProvisionFields(**{**ZONE.__dict__, "text": "{width} {police} {guard}",
                                "params": (*ZONE.params, guard)})
    check = check_provision(fields, set(mini.provision_index), mini, None)
    assert check.problems == ()
    assert check.notes["params"] == FieldNote("note", "\n".join((
        "⚠ param 2 (police): 3 choices have no label; readers will see “international”, "
        "“ukrainian” and 1 more.",
        "⚠ param 3 (guard): 3 choices have no label; readers will see “russian national "
        "guard”, “un mission” and 1 more.")))
    one = ParamRow("p", "choice", "a", choices=(("a-b", ""), ("c", "C")))
    two = ParamRow("q", "choice", "a", choices=(("a", ""), ("b", "")))
    assert params_note((one, two)).text == (
        "⚠ param 1 (p): 1 choice has no label; readers will see “a b”.\n"
        "⚠ param 2 (q): 2 choices have no label; readers will see “a” and “b”.")
    labelled = ParamRow("p", "choice", "a", choices=(("a", "A"),))
    assert params_note((labelled, ZONE.params[0])) == FieldNote("ok", "", shown=False)
    assert isinstance(build_provision(fields), Provision)  # saved all the same


def test_collect_params_says_what_is_wrong_with_each_row() -> None:
    _params, errors = collect_params((
        ParamRow("", "int", "abc"),
        ParamRow("2nd", "number", "1", "low"),
        ParamRow("flag", "bool", "perhaps"),
        ParamRow("pick", "choice", "a", choices=((" ", ""), ("", " "))),
        ParamRow("n", "int", "1", step="-5"),
        ParamRow("x", "number", "1", step="fast"),
        ParamRow("c", "choice", "a", choices=(("a", ""), ("", "Bee"))),
    ))
    assert errors == [
        "param 1: give it a name.",
        "param 1: the default must be a whole number, not “abc”.",
        "param 2 (2nd): a name is letters, digits and _, and does not start with a digit.",
        "param 2 (2nd): min must be a number or left empty, not “low”.",
        "param 3 (flag): the default must be true or false, not “perhaps”.",
        "param 4 (pick): give it at least one choice (an id, and a label if you like).",
        "param 5 (n): the step must be a whole number above 0 or left empty, not “-5”.",
        "param 6 (x): the step must be a number above 0 or left empty, not “fast”.",
        "param 7 (c): choice 2 (“Bee”) has a label but no id.",
    ]


def test_a_new_blank_provision_lists_every_problem(mini: Scenario) -> None:
    check = check_provision(ProvisionFields(), set(mini.provision_index), mini, None)
    assert check.problems == (
        "Give the provision a title.", "Give the provision an id.",
        "Pick or type a category.", "Write the clause text (on the Text and params tab).")
    assert check.notes["id"] == FieldNote("note", "Filled in from the title; you can change it.")
    assert check.notes["category"] == FieldNote("ok", "", shown=False)
    assert cannot_save(check.problems) == (
        "Cannot save yet: Give the provision a title. (and 3 more)")


def test_a_complete_provision_has_no_problems(mini: Scenario) -> None:
    check = check_provision(ZONE, set(mini.provision_index), mini, None)
    assert check.problems == ()
    assert check.notes["id"] == FieldNote("note", "Rules name the provision by this id.")
    assert cannot_save(check.problems) == ""


def test_a_category_must_be_id_shaped(mini: Scenario) -> None:
    fields = ProvisionFields(**{**ZONE.__dict__, "category": "Buffer zones"})
    check = check_provision(fields, (), mini, None)
    assert check.problems == ("A category is id-shaped: try “buffer-zones”.",)
    assert check.notes["category"] == FieldNote(
        "error", "A category is id-shaped: try “buffer-zones”.", invalid=True)


def test_renaming_a_provision_named_by_rules_is_flagged_before_ok(mini: Scenario) -> None:
    army = mini.provision("army-cap")
    fields = ProvisionFields(id="army-ceiling", title=army.title, category=army.category,
                             text=army.text)
    taken = set(mini.provision_index) - {"army-cap"}
    check = check_provision(fields, taken, mini, "army-cap")
    assert check.problems == ()  # the domain refuses it on OK, with its own message
    assert check.notes["id"].text == (
        "⚠ Rules name this provision by its id “army-cap” (Ukraine's red line ‘Army of at least "
        "800k’; Russia's red line ‘Army at most 600k’): renaming is refused until those rules "
        "are changed.")


def test_build_provision() -> None:
    built = build_provision(ZONE)
    assert isinstance(built, Provision)
    assert built.params[0] == IntParam(name="width", type="int", default=10, min=0, max=100,
                                       unit="km")
    assert clause_text(built) == "A zone 10 km wide, policed by joint."


def test_build_provision_refusals_say_whether_the_params_are_to_blame() -> None:
    wide = ProvisionFields(**{**ZONE.__dict__, "params": (
        ParamRow("width", "int", "150", "0", "100"), ZONE.params[1])})
    assert build_provision(wide) == Refused(
        "param 'width': default 150 is above max 100", about_params=True)
    typo = ProvisionFields(**{**ZONE.__dict__, "params": (ParamRow("width", "int", "abc"),
                                                          ZONE.params[1])})
    assert build_provision(typo) == Refused(
        "param 1 (width): the default must be a whole number, not “abc”.", about_params=True)
    placeholder = ProvisionFields(**{**ZONE.__dict__, "text": "A zone {wide}."})
    refused = build_provision(placeholder)
    assert isinstance(refused, Refused)
    assert refused.about_params
    assert "text placeholder {wide} is not one of its params" in refused.message


# --------------------------------------------------------------------------- parties


def test_rule_items(mini: Scenario) -> None:
    item = RuleItem(id="ua-army", title="", rule="army-capp")
    err = check_rule(item.rule, mini.provision_index)
    problems = rule_item_problems(item, {"ua-army"}, "red line", err, mini.provision_index)
    assert problems == ["Give it a title.", "Another red line already has the id 'ua-army'.",
                        "rule: Column 1: 'army-capp' is not a provision; did you mean "
                        "'Army ceiling' (army-cap)?"]
    fine = RuleItem(id="ua-x", title="X", rule="neutral")
    assert rule_item_problems(fine, (), "red line", None) == []
    assert rule_list_problems("red line", [fine, item], [[], problems[:1]]) == [
        "red line 2 (ua-army): Give it a title."]
    assert rule_item_label(item, "red line", problems) == "⚠ ua-army"
    assert rule_item_label(RuleItem(), "preference", []) == "(new preference)"
    assert rule_tab_title("&Red lines", 3, 1) == "&Red lines (3, 1 to fix)"
    assert rule_tab_title("&Preferences", 2, 0) == "&Preferences (2)"


def test_a_rule_item_round_trips_and_keeps_whole_weights(mini: Scenario) -> None:
    pref = mini.party("ukraine").preferences[0]
    item = RuleItem.of(pref)
    assert not item.auto_id
    assert item.as_dict(True)["weight"] == pref.weight
    assert isinstance(item.as_dict(True)["weight"], int)
    assert "weight" not in item.as_dict(False)


def test_check_and_build_a_party(mini: Scenario) -> None:
    blank = check_party(PartyFields(), {"ukraine"})
    assert blank.problems == ("Give the party a name.", "Give the party an id.")
    clash = check_party(PartyFields(id="ukraine", name="U"), {"ukraine"})
    assert clash.notes["id"] == FieldNote(
        "error", "Another party already has the id 'ukraine'.", invalid=True)
    assert check_party(PartyFields(id="turkey", name="Turkey"), {"ukraine"}).notes["id"] == (
        FieldNote("note", "Provisions name the party by this id."))

    fields = PartyFields(id="turkey", name="Turkey", role="guarantor", color="#E30A17",
                         preferences=(RuleItem("black-sea", "Black Sea", "guarantee", weight=2),))
    party = build_party(fields)
    assert not isinstance(party, Refused)
    assert (party.role, party.color, party.preferences[0].weight) == ("guarantor", "#E30A17", 2)
    bad = build_party(PartyFields(id="turkey", name="Turkey", role="emperor"))
    assert isinstance(bad, Refused)
    assert "role" in bad.message


def test_check_info() -> None:
    assert check_info(ScenarioInfo(" ", "x")).problems == ("Give the scenario a title.",)
    assert check_info(ScenarioInfo(" ", "x")).notes["title"].invalid
    assert check_info(ScenarioInfo("T", "")).problems == ()


# --------------------------------------------------------------------------- questions


def test_deletion_questions_count_in_words(mini: Scenario) -> None:
    assert provision_deletion_question("Neutrality", "neutral", ["Draft one"]) == (
        "Delete the provision “Neutrality” (neutral)?\n\nIt is in 1 draft (Draft one); its "
        "clauses there are removed too.\n\nYou can undo this.")
    assert "in 2 drafts (A, B)" in provision_deletion_question("N", "n", ["A", "B"])
    assert provision_deletion_question("N", "n", []) == (
        "Delete the provision “N” (n)?\n\nYou can undo this.")
    assert party_deletion_question(mini.party("ukraine")).startswith(
        "Delete the party “Ukraine” (ukraine) with its 2 red lines and 2 preferences?")


# --------------------------------------------------------------------------- title and rule


@pytest.mark.parametrize(
    ("title", "numbers"),
    [
        ("Army of at least 800,000", [("800,000", {800_000})]),
        ("Army of at least 800k", [("800k", {800, 800_000})]),
        ("Army of 800 000", [("800 000", {800_000})]),
        ("Elections after 60 days of ceasefire", [("60 days", {60})]),
        ("A 60-day ceasefire", [("60-day", {60})]),
        ("Cut tariffs by 30%", [("30%", {30, 0.3})]),
        ("USD 800 bn reconstruction", [("800 bn", {800, 800e9})]),
        ("A fund of 1.5 million", [("1.5 million", {1.5, 1.5e6})]),
        ("Guarantee of 30-50 years", [("30-50 years", {30, 50})]),
        ("Guarantee of 15 to 20 years", [("15 to 20 years", {15, 20})]),
        ("E3 counter-proposal", []),
        ("No numbers here", []),
        ("600k troops and 5 km", [("600k", {600, 600_000}), ("5 km", {5})]),
    ],
)
def test_title_numbers(title: str, numbers: list[tuple[str, set[float]]]) -> None:
    assert [(n.text, set(n.values)) for n in title_numbers(title)] == numbers


def test_rule_numbers_reads_literals_lists_and_counts() -> None:
    assert rule_numbers('a.n >= 5 and b.k in [1, 2.5] and at_least(2, c, d) and e.s == "7"'
                        ) == {5, 1, 2.5, 2}
    assert rule_numbers("a and b.flag == true") == set()
    assert rule_numbers("a and") is None


@pytest.mark.parametrize(
    ("title", "rule", "warned"),
    [
        ("Army of at least 800,000", "army-cap -> army-cap.personnel >= 600000", "“800,000”"),
        ("Army of at least 800,000", "army-cap -> army-cap.personnel >= 800000", None),
        ("Army of at least 800k", "army-cap.personnel >= 800000", None),
        ("Guarantee of 30-50 years", "g.years >= 30", None),
        ("USD 800 bn fund", "fund.size_bn >= 800", None),
        ("At most 30% cut", "cut.share <= 0.3", None),
        ("60 days, then 800k", "e.days >= 90 and a.n >= 800000", "“60 days”"),
        ("Army of at least 800,000", "army-cap.personnel >=", None),  # the rule's error says it
        ("Monitoring with withdrawal", "withdrawal -> intl-monitoring", None),
    ],
)
def test_a_title_that_states_a_number_its_rule_lacks_is_warned(
        title: str, rule: str, warned: str | None) -> None:
    note = title_rule_note(title, rule)
    assert not note.invalid  # a warning: never a red frame
    if warned is None:
        assert not note.shown
    else:
        assert note.shown
        assert note.state == "note"
        assert note.text.startswith(f"⚠ The title says {warned} but the rule does not")


def test_the_warning_never_keeps_a_red_line_from_being_saved(mini: Scenario) -> None:
    item = RuleItem(id="ua-x", title="Army of at least 800,000",
                    rule="army-cap -> army-cap.personnel >= 600000")
    assert rule_item_problems(item, (), "red line", None, mini.provision_index) == []
    assert title_rule_note(item.title, item.rule).shown

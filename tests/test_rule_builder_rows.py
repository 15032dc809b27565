"""The red-line builder's rows without Qt: every rule of the default scenario reads back as the
same text through the rows, each construct has its rows, generated rule trees survive
rows -> text -> tree, shapes the rows cannot show are refused (never changed), and the lists
the rows are chosen from show labels, not ids."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings

from desktop.domain import Scenario
from desktop.domain.model import Provision
from desktop.domain.rules import RuleError, parse
from desktop.domain.syntax import Compare, Lit, Node, Not, Present, Ref, format_rule
from desktop.ui.editors.builder_rows import (
    EXCLUDES,
    INCLUDES,
    MAX_NESTING,
    PHASE,
    CountRow,
    Group,
    IfThen,
    Incomplete,
    Leaf,
    Unsupported,
    condition_options,
    describe_leaf,
    new_leaf,
    number_range,
    option_value,
    other_param_options,
    provision_options,
    read_rule,
    rule_text,
    set_condition,
    set_other,
    set_param,
    set_provision,
    to_node,
    to_tree,
    toggle_value,
    tree_text,
    value_options,
    what_options,
)
from tests.strategies import PROVISIONS, rule_trees

ROOT = Path(__file__).parent.parent
LIB = {p.id: p for p in PROVISIONS}


def all_rules(scenario: Scenario) -> list[tuple[str, str]]:
    """(where, rule) for every red line and preference."""
    out = [(f"{party.id}/{item.id}", item.rule) for party in scenario.parties
           for item in party.red_lines]
    return out + [(f"{party.id}/{item.id}", item.rule) for party in scenario.parties
                  for item in party.preferences]


# --------------------------------------------------------------------------- the default scenario


def test_every_rule_of_the_default_scenario_reads_back_as_the_same_text(
        ukraine: Scenario) -> None:
    rules = all_rules(ukraine)
    assert len(rules) > 50
    for where, text in rules:
        tree = read_rule(text, ukraine.provision_index)
        assert to_node(tree) == parse(text), where  # the same rule
        assert tree_text(tree) == text, where  # written the same way


def test_the_default_scenario_uses_every_construct(ukraine: Scenario) -> None:
    """The round trip above is not vacuous: the scenario's rules use each kind of row."""
    seen: set[str] = set()

    def visit(row: object) -> None:
        match row:
            case Leaf():
                seen.add(f"{'phase' if row.param == PHASE else 'leaf'}:{row.condition}")
                if row.other is not None:
                    seen.add("other")
            case Group():
                seen.add(f"group:{row.kind}")
                for child in row.children:
                    visit(child)
            case IfThen():
                seen.add("if")
                visit(row.premise)
                visit(row.conclusion)
            case CountRow():
                seen.add(f"count:{row.kind}")

    for _, text in all_rules(ukraine):
        visit(read_rule(text, ukraine.provision_index))
    assert {"leaf:includes", "leaf:excludes", "leaf:is", "leaf:at_least", "leaf:at_most",
            "leaf:one_of", "leaf:none_of", "phase:at_most", "other", "group:all", "group:any",
            "group:none", "if", "count:at_least"} <= seen


# --------------------------------------------------------------------------- each construct


@pytest.mark.parametrize("text", [
    "a",
    "not a",
    "cap.personnel == 800000",
    "cap.personnel != 800000",
    "cap.personnel >= 800000",
    "cap.personnel <= 800000",
    "cap.personnel > 800000",
    "cap.personnel < 800000",
    "cap.personnel >= 800000.5",
    "fund.usd_bn >= 2.5",
    'zone.kind in ["dmz", "free-economic"]',
    'not (zone.kind in ["russian-controlled"])',
    'not (zone.kind == "dmz")',
    "zone.policed == true",
    "zone.policed != false",
    "zone.policed in [true]",
    "cap.phase <= 2",
    "cap.phase <= zone.phase",
    "cap.personnel > fund.usd_bn",
    "at_least(2, a, b, c)",
    "at_most(0, a, b)",
    "at_least(1, a, a)",
    "not at_most(1, a, b)",
    "a and b and c",
    "a or b",
    "not (a or b)",
    "not (a and b)",
    "not not a",
    "not not (zone.kind == \"dmz\")",
    "a -> b",
    "a -> (b and c)",
    "(a and b) -> c",
    "a -> (b -> c)",
    "(a -> b) -> c",
    "(a -> b) and (c -> d-e)",
    "(a and b) or c",
    "a and (b or c)",
    "a and (b and c)",
    "not (a -> b)",
    "cap -> not (zone.kind == \"dmz\")",
])
def test_each_construct_round_trips(text: str) -> None:
    tree = read_rule(text, LIB)
    assert to_node(tree) == parse(text)
    assert tree_text(tree) == text


def test_the_rows_of_each_construct() -> None:
    assert read_rule("a", LIB) == Group("all", [Leaf("a")])
    assert read_rule("not a", LIB) == Group("all", [Leaf("a", condition="excludes")])
    assert read_rule("cap.personnel >= 800000", LIB) == Group(
        "all", [Leaf("cap", "personnel", "at_least", value=800000)])
    assert read_rule('not (zone.kind in ["dmz"])', LIB) == Group(
        "all", [Leaf("zone", "kind", "none_of", values=["dmz"])])
    assert read_rule('not (zone.kind == "dmz")', LIB) == Group(
        "none", [Leaf("zone", "kind", "is", value="dmz")])
    assert read_rule("cap.phase <= zone.phase", LIB) == Group(
        "all", [Leaf("cap", PHASE, "at_most", other=Ref("zone", PHASE))])
    assert read_rule("at_most(1, a, b)", LIB) == Group("all", [CountRow("at_most", 1, ["a", "b"])])
    assert read_rule("a or b", LIB) == Group("any", [Leaf("a"), Leaf("b")])
    assert read_rule("not (a or b)", LIB) == Group("none", [Leaf("a"), Leaf("b")])
    assert read_rule("a -> b and c", LIB) == Group("all", [IfThen(
        Group("all", [Leaf("a")]), Group("all", [Leaf("b"), Leaf("c")]))])
    assert read_rule("", LIB) == Group()


def test_rows_built_by_hand_make_their_rule() -> None:
    rows = Group("any", [
        IfThen(Group("all", [Leaf("cap")]),
               Group("none", [Leaf("zone", "kind", "is", value="dmz")])),
        Group("all", [Leaf("a"), CountRow("at_least", 2, ["b", "c", "d-e"])]),
        Leaf("fund", "usd_bn", "more_than", value=100),
    ])
    assert tree_text(rows) == ('(cap -> not (zone.kind == "dmz")) or (a and at_least(2, b, c, '
                               'd-e)) or fund.usd_bn > 100')
    # A group of one row is that row; "none of" one row negates it.
    assert tree_text(Group("all", [Group("any", [Leaf("a")])])) == "a"
    assert tree_text(Group("none", [Leaf("a")])) == "not a"
    assert tree_text(Group("none", [Group("all", [Leaf("a"), Leaf("b")])])) == "not (a and b)"


def test_rule_text_is_format_rule_with_more_parentheses() -> None:
    node = parse('a and b or not zone.kind == "dmz" -> c')
    assert format_rule(node) == 'a and b or not zone.kind == "dmz" -> c'
    assert rule_text(node) == '((a and b) or not (zone.kind == "dmz")) -> c'
    assert parse(rule_text(node)) == node


# --------------------------------------------------------------------------- generated rules


@settings(max_examples=400, deadline=None)
@given(node=rule_trees())
def test_generated_rules_survive_rows_and_text(node: Node) -> None:
    try:
        tree = to_tree(node)
    except Unsupported as err:  # only ever for nesting beyond what the rows show
        reason = err.reason
    else:
        reason = ""
    if reason:
        assert reason.startswith("the rule nests")
        return
    assert to_node(tree) == node
    text = tree_text(tree)
    assert parse(text) == node
    assert to_node(read_rule(text, LIB)) == node
    assert parse(rule_text(node)) == node


# --------------------------------------------------------------------------- refused, not changed


@pytest.mark.parametrize(("text", "reason"), [
    ("cap.personnel in [1, 2]", "it lists numbers (cap.personnel in [1, 2])"),
    ("not (cap.phase in [1])", "it lists numbers (cap.phase in [1])"),
    ("not " * (MAX_NESTING + 1) + "(a and b)", "the rule nests"),
])
def test_shapes_the_rows_cannot_show_are_refused(text: str, reason: str) -> None:
    with pytest.raises(Unsupported) as caught:
        read_rule(text, LIB)
    assert caught.value.reason.startswith(reason)


def test_rules_that_do_not_check_are_refused() -> None:
    with pytest.raises(RuleError):
        read_rule("cap.personel >= 1", LIB)
    with pytest.raises(RuleError):
        read_rule("cap and", LIB)


def test_rows_that_make_no_rule_yet_say_why() -> None:
    with pytest.raises(Incomplete, match="has no conditions"):
        to_node(Group("any"))
    with pytest.raises(Incomplete, match="lists no provisions"):
        to_node(CountRow("at_least", 1, []))
    with pytest.raises(Incomplete, match="no values ticked"):
        to_node(Leaf("zone", "kind", "one_of", values=[]))
    with pytest.raises(Incomplete, match="no value"):
        to_node(Leaf("cap", "personnel", "is"))


# --------------------------------------------------------------------------- editing a row


def test_choosing_a_param_then_a_condition_then_a_value() -> None:
    leaf = new_leaf(LIB, "cap")
    assert leaf == Leaf("cap")
    set_param(leaf, "personnel", LIB)
    assert (leaf.condition, leaf.value) == ("is", 800_000)  # the param's default
    set_condition(leaf, "at_least", LIB)
    leaf.value = 900_000
    assert tree_text(leaf) == "cap.personnel >= 900000"
    set_param(leaf, EXCLUDES, LIB)
    assert tree_text(leaf) == "not cap"
    set_param(leaf, INCLUDES, LIB)
    assert tree_text(leaf) == "cap"


def test_a_value_carries_over_between_one_value_and_a_list() -> None:
    leaf = Leaf("zone", "kind", "is", value="free-economic")
    set_condition(leaf, "none_of", LIB)
    assert leaf.values == ["free-economic"]
    toggle_value(leaf, "dmz", True)
    toggle_value(leaf, "free-economic", False)
    toggle_value(leaf, "russian-controlled", True)
    assert tree_text(leaf) == 'not (zone.kind in ["dmz", "russian-controlled"])'
    set_condition(leaf, "is_not", LIB)
    assert tree_text(leaf) == 'zone.kind != "dmz"'


def test_a_condition_that_does_not_apply_falls_back_to_is() -> None:
    leaf = Leaf("cap", "personnel", "at_least", value=5)
    set_provision(leaf, "zone", LIB)  # no personnel there: the provision itself
    assert (leaf.param, leaf.condition) == (None, "includes")
    leaf = Leaf("cap", PHASE, "less_than", value=3)
    set_provision(leaf, "zone", LIB)  # every provision has a phase
    assert tree_text(leaf) == "zone.phase < 3"
    set_param(leaf, "kind", LIB)
    assert (leaf.condition, leaf.value) == ("is", "dmz")


def test_comparing_a_phase_with_another_provisions_phase() -> None:
    leaf = Leaf("cap", PHASE, "at_most", value=1)
    set_other(leaf, True, LIB)
    assert leaf.other is not None
    assert tree_text(leaf).startswith("cap.phase <= ")
    leaf.other = Ref("zone", PHASE)
    assert tree_text(leaf) == "cap.phase <= zone.phase"
    set_other(leaf, False, LIB)
    assert tree_text(leaf) == "cap.phase <= 1"  # the value it had


# --------------------------------------------------------------------------- labels, not ids


def test_lists_show_labels(ukraine: Scenario) -> None:
    provisions = ukraine.provision_index
    options = provision_options(provisions)
    assert [o.label for o in options] == sorted((o.label for o in options), key=str.casefold)
    army = next(o for o in options if o.key == "army-cap")
    assert army.label == provisions["army-cap"].title
    what = {o.key: o.label for o in what_options(provisions["army-cap"])}
    assert what["personnel"] != "personnel"  # a label, or words made from the name
    assert what[PHASE] == "Phase"
    assert what[INCLUDES] == "is in the draft"
    zone = provisions["donbas-zone"]
    policing = zone.param("policing")
    assert policing is not None
    labels = [o.label for o in value_options(policing)]
    assert "russian-national-guard" not in labels
    assert any("National Guard" in label for label in labels)
    mirrors = zone.param("russia_mirrors")
    assert mirrors is not None
    words = [o.label for o in value_options(mirrors)]
    assert words[0] not in ("true", "false")
    assert option_value(mirrors, "true") is True
    assert [o.label for o in condition_options("number")] == [
        "is", "is not", "is at least", "is at most", "is more than", "is less than"]
    assert [o.label for o in condition_options("choice")] == [
        "is", "is not", "is one of", "is none of"]
    assert [o.key for o in condition_options("bool", "one_of")] == ["is", "is_not", "one_of"]


def test_titles_two_provisions_share_get_their_ids() -> None:
    twins = {pid: Provision.model_validate({"id": pid, "title": "Same", "category": "misc",
                                            "kind": "commitment", "text": "x"})
             for pid in ("p-1", "p-2")}
    assert [o.label for o in provision_options(twins)] == ["Same (p-1)", "Same (p-2)"]


def test_a_number_box_is_bounded_by_the_param_and_holds_the_rule_value() -> None:
    rng = number_range(LIB, Leaf("cap", "personnel", "at_least", value=800_000))
    assert (rng.minimum, rng.maximum, rng.decimals, rng.whole) == (0, 2_000_000, 0, True)
    wide = number_range(LIB, Leaf("cap", "personnel", "at_least", value=5_000_000))
    assert wide.maximum == 5_000_000  # never clamped
    phase = number_range(LIB, Leaf("cap", PHASE, "at_most", value=2))
    assert (phase.minimum, phase.step) == (1, 1)
    decimal = number_range(LIB, Leaf("fund", "usd_bn", "is", value=2.125))
    assert decimal.decimals == 3
    assert not decimal.whole


def test_a_number_box_steps_by_the_params_step(ukraine: Scenario) -> None:
    provisions = ukraine.provision_index
    spec = provisions["army-cap"].param("personnel")
    assert spec is not None
    rng = number_range(provisions, Leaf("army-cap", "personnel", "at_least", value=800_000))
    assert rng.step == (getattr(spec, "step", None) or 1)


def test_a_condition_in_words(ukraine: Scenario) -> None:
    provisions = ukraine.provision_index
    leaf = Leaf("army-cap", "personnel", "at_least", value=800_000)
    words = describe_leaf(leaf, provisions)
    assert words.startswith(provisions["army-cap"].title + ": ")
    assert "is at least 800,000" in words
    assert describe_leaf(Leaf("army-cap", PHASE, "at_most", other=Ref("donbas-zone", PHASE)),
                         provisions).endswith(
        f"Phase is at most the phase of {provisions['donbas-zone'].title}")
    assert other_param_options(provisions["donbas-zone"], "number")[-1].key == PHASE


def test_rows_of_a_negated_comparison_keep_its_meaning() -> None:
    """``not (X.p == v)`` holds when X is absent; ``X.p != v`` does not: the rows keep them
    apart ("none of: p is v" and "p is not v")."""
    negated = read_rule('not (zone.kind == "dmz")', LIB)
    differs = read_rule('zone.kind != "dmz"', LIB)
    assert negated != differs
    assert to_node(negated) == Not(Compare(Ref("zone", "kind"), "==", Lit("dmz")))
    assert to_node(differs) == Compare(Ref("zone", "kind"), "!=", Lit("dmz"))
    assert to_node(read_rule("not a", LIB)) == Not(Present("a"))


# --------------------------------------------------------------------------- Qt-free


def test_the_rows_load_without_qt() -> None:
    script = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'pyqtgraph'}:
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
from desktop.domain.rules import parse
from desktop.ui.editors.builder_rows import to_tree, tree_text
assert tree_text(to_tree(parse('not (x.k == 1) and y'))) == 'not (x.k == 1) and y'
print('loaded:', sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'}))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout

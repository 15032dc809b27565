"""The red-line language: syntax, precedence, errors with positions, limits, types, round trips."""

from __future__ import annotations

import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.model import Provision, Value
from desktop.domain.rules import (
    MAX_DEPTH,
    MAX_RULE_LENGTH,
    And,
    Compare,
    Count,
    Implies,
    InList,
    Lit,
    Node,
    Not,
    Or,
    Present,
    Ref,
    RuleError,
    check_rule,
    compile_rule,
    evaluate,
    explain,
    format_rule,
    parse,
)
from tests.strategies import PROVISIONS, rule_trees, states


def provs() -> dict[str, Provision]:
    return {p.id: p for p in PROVISIONS}


# --------------------------------------------------------------------------- syntax


def test_precedence_matches_the_spec() -> None:
    # `a -> b and not c or d` means `a -> ((b and (not c)) or d)`.
    assert parse("a -> b and not c or d") == Implies(
        Present("a"), Or((And((Present("b"), Not(Present("c")))), Present("d")))
    )


def test_implication_is_right_associative() -> None:
    assert parse("a -> b -> c") == Implies(Present("a"), Implies(Present("b"), Present("c")))
    assert parse("(a -> b) -> c") == Implies(Implies(Present("a"), Present("b")), Present("c"))


def test_dashed_ids_and_arrows_without_spaces() -> None:
    assert parse("army-cap->intl-monitoring") == Implies(
        Present("army-cap"), Present("intl-monitoring")
    )


def test_comparisons_literals_and_lists() -> None:
    assert parse("army-cap.personnel >= 800000") == Compare(
        Ref("army-cap", "personnel"), ">=", Lit(800000)
    )
    assert parse("x.n < -2.5") == Compare(Ref("x", "n"), "<", Lit(-2.5))
    assert parse("x.flag == true") == Compare(Ref("x", "flag"), "==", Lit(True))
    assert parse("x.a != y.b") == Compare(Ref("x", "a"), "!=", Ref("y", "b"))
    assert parse('x.level in ["none", "de-facto-line"]') == InList(
        Ref("x", "level"), (Lit("none"), Lit("de-facto-line"))
    )
    assert parse("x.phase <= 2") == Compare(Ref("x", "phase"), "<=", Lit(2))


def test_literal_types_stay_apart() -> None:
    # 1, 1.0 and true are different literals even though Python says 1 == 1.0 == True.
    assert parse("x.n == 1") != parse("x.n == 1.0")
    assert parse("x.n == 1") != parse("x.n == true")


def test_counting() -> None:
    assert parse("at_least(2, a, b, c)") == Count("at_least", 2, ("a", "b", "c"))
    assert parse("at_most(0, a)") == Count("at_most", 0, ("a",))


@pytest.mark.parametrize(
    ("rule", "column", "fragment"),
    [
        ("", 1, "empty"),
        ("a and", 6, "expected a provision id"),
        ("a.", 3, "param name"),
        ("army-cap.personnel", 19, "expected a comparison"),
        ("a.p >", 6, "expected a literal"),
        ("5 == a.p", 1, "literal cannot stand first"),
        ("a.p in []", 9, "expected a literal"),
        ('a.p == "open', 8, "unterminated string"),
        ("a $ b", 3, "unexpected character '$'"),
        ("(a or b", 8, "expected ')'"),
        ("a b", 3, "unexpected 'b'"),
        ("at_least(a)", 10, "whole number"),
        ("at_least(1)", 1, "at least one provision"),
        ("a.p == 1 == 2", 10, "unexpected '=='"),
    ],
)
def test_syntax_errors_name_the_column(rule: str, column: int, fragment: str) -> None:
    with pytest.raises(RuleError) as info:
        parse(rule)
    assert info.value.column == column, str(info.value)
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"column {column}: ")


def test_nesting_limit() -> None:
    ok = "(" * (MAX_DEPTH - 1) + "a" + ")" * (MAX_DEPTH - 1)
    assert parse(ok) == Present("a")
    too_deep = "(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH
    with pytest.raises(RuleError, match="deeper than 64"):
        parse(too_deep)
    with pytest.raises(RuleError, match="deeper than 64"):
        parse("not " * 100 + "a")
    with pytest.raises(RuleError, match="deeper than 64"):
        parse(" -> ".join(["a"] * 100))


def test_hostile_nesting_is_refused_fast() -> None:
    # 4,000 characters of opening parentheses: refused at depth 65, long before recursion trouble.
    # (A generous bound: this guards against a hang, not a speed target; see benchmarks/.)
    start = time.perf_counter()
    with pytest.raises(RuleError, match="deeper than 64"):
        parse("(" * MAX_RULE_LENGTH)
    assert time.perf_counter() - start < 1.0


def test_length_limit() -> None:
    at_limit = " or ".join(["a"] * ((MAX_RULE_LENGTH + 4) // 5))[:MAX_RULE_LENGTH].rstrip(" or")
    assert len(at_limit) <= MAX_RULE_LENGTH
    parse(at_limit)
    with pytest.raises(RuleError, match="4,001 characters long; the limit is 4,000"):
        parse("a" * (MAX_RULE_LENGTH + 1))


def test_strings_with_escapes_round_trip() -> None:
    node = parse(r'x.c == "say \"no\" \\ twice"')
    assert isinstance(node, Compare)
    assert node.right == Lit('say "no" \\ twice')
    assert parse(format_rule(node)) == node


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("rule", "fragment", "column"),
    [
        ("nope", "unknown provision 'nope'", 1),
        ("cap and nope.x > 1", "unknown provision 'nope'", 9),
        ("cap.size > 1", "'cap' has no param 'size'", 5),
        ('cap.personnel == "many"', "cap.personnel is a number but \"many\" is a string", 18),
        ("zone.kind == 3", "zone.kind is a string but 3 is a number", 14),
        ('zone.kind == "martian"', "\"martian\" is not a choice of zone.kind", 14),
        ('zone.kind in ["dmz", "martian"]', "\"martian\" is not a choice", 22),
        ('zone.kind < "dmz"', "'<' orders numbers", 11),
        ("zone.policed == 1", "zone.policed is a boolean but 1 is a number", 17),
        ("zone.policed > false", "'>' orders numbers", 14),
        ("cap.personnel == zone.kind", "type mismatch", 15),
        ("at_least(1, cap, ghost)", "unknown provision 'ghost'", 18),
    ],
)
def test_type_errors(rule: str, fragment: str, column: int) -> None:
    err = check_rule(rule, provs())
    assert err is not None
    assert fragment in err.message
    assert err.column == column, str(err)


def test_valid_typed_rules() -> None:
    for rule in [
        "cap -> cap.personnel >= 800000",
        "cap.personnel >= 600000.5",
        'zone.kind in ["dmz", "free-economic"]',
        "zone.policed == true and zone.phase <= 2",
        "cap.phase < zone.phase",
        'zone.kind != "russian-controlled"',
        "at_most(1, cap, zone, fund)",
        "fund.usd_bn >= cap.personnel",
    ]:
        assert check_rule(rule, provs()) is None, rule


# --------------------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(rule_trees())
def test_format_then_parse_round_trips(tree: Node) -> None:
    text = format_rule(tree)
    assert parse(text) == tree
    assert format_rule(parse(text)) == text


@settings(max_examples=300, deadline=None)
@given(rule_trees(), states())
def test_compiled_rules_agree_with_the_interpreter(
    tree: Node, state: dict[str, dict[str, Value]]
) -> None:
    rule = compile_rule(format_rule(tree), provs())
    assert rule.predicate(state) == evaluate(tree, state)


#: Pieces of real rules, mixed with arbitrary text below: random text alone rarely builds a
#: quoted string or a decimal, where the fuzzer (benchmarks/bench_bad_input.py) found bugs.
RULE_PIECES = ("cap", "cap.personnel", "zone.kind", "fund.usd_bn", " ", "(", ")", "[", "]",
               ",", ".", "not ", " and ", " or ", " -> ", " in ", "==", "!=", "<=", ">", '"',
               '"dmz"', "\\", "\t", "\r", "\x00", "\u2028", "-", "1", "9" * 400, ".5",
               "true", "at_least(", "at_most(", "_x", "phase")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(RULE_PIECES), st.text(max_size=3)), max_size=40)
       .map("".join))
def test_rule_shaped_text_either_parses_or_raises_rule_error(text: str) -> None:
    error = check_rule(text, provs())
    if error is not None:
        assert 0 <= error.position <= max(len(text), MAX_RULE_LENGTH)


@pytest.mark.parametrize(("text", "message"), [
    ('zone.kind == "\t"', "a string may not hold control characters such as a tab"),
    ('zone.kind == "a\rb"', "a string may not hold control characters such as a tab"),
    ('zone.kind == "\x00"', "a string may not hold control characters such as a tab"),
    ("fund.usd_bn > " + "9" * 400 + ".5", "the number is too large"),
])
def test_literals_found_by_the_fuzzer(text: str, message: str) -> None:
    error = check_rule(text, provs())
    assert error is not None
    assert error.message.startswith(message)
    assert error.position == text.index("9" * 400 if "9" in text else '"')


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_either_parses_or_raises_rule_error(text: str) -> None:
    error = check_rule(text, provs())  # anything but a RuleError would escape and fail the test
    if error is not None:
        assert 0 <= error.position <= max(len(text), MAX_RULE_LENGTH)


def test_the_keywords_are_written_once() -> None:
    from desktop.domain import model, params, rules

    assert model.RESERVED_WORDS is params.KEYWORDS
    assert not hasattr(rules, "_KEYWORDS")
    kinds = {t.text: t.kind for t in rules.tokenize(" ".join(sorted(params.KEYWORDS)))}
    assert all(kinds[word] == "kw" for word in params.KEYWORDS)


def test_model_names_stay_importable_from_the_model() -> None:
    from desktop.domain import model, params

    for name in ("IntParam", "NumberParam", "ChoiceParam", "BoolParam", "ParamSpec", "Value",
                 "ID_PATTERN", "PARAM_PATTERN", "RESERVED_PARAMS"):
        assert getattr(model, name) is getattr(params, name)


def test_the_type_checker_needs_only_params_by_name() -> None:
    """The rule language knows a provision as a ParamHolder, not as the model's class."""

    class Holder:
        params = PROVISIONS[0].params

        def param(self, name: str) -> Any:
            return PROVISIONS[0].param(name)

    pid = PROVISIONS[0].id
    numeric = next(p.name for p in PROVISIONS[0].params if p.type in ("int", "number"))
    assert check_rule(f"{pid}.{numeric} >= 1", {pid: Holder()}) is None
    assert check_rule(f"{pid}.nope >= 1", {pid: Holder()}) is not None


@settings(max_examples=300, deadline=None)
@given(rule_trees(), states())
def test_explanations_are_data_with_culprits_in_the_state(
    tree: Node, state: dict[str, dict[str, Value]]
) -> None:
    """explain gives reason dataclasses (no text); culprits are always clauses of the draft,
    and what is reported missing never is."""
    for want in (True, False):
        if evaluate(tree, state) == want:
            continue
        for reason in explain(tree, state, want):
            assert type(reason).__module__ == "desktop.domain.reasons"
            assert reason.culprits <= state.keys()
            assert not reason.missing & state.keys()


# --------------------------------------------------------------------------- suggestions


@pytest.mark.parametrize(
    ("rule", "kind", "name", "owner", "suggestions", "column"),
    [
        ("capp", "provision", "capp", "", ("cap",), 1),
        ("army", "provision", "army", "", ("cap",), 1),  # a word of cap's title "Army cap"
        ("cap.personel > 1", "param", "personel", "cap", ("personnel",), 5),
        ('zone.kind == "dmzz"', "choice", "dmzz", "zone.kind", ("dmz",), 14),
        ('zone.kind in ["dmz", "dmzz"]', "choice", "dmzz", "zone.kind", ("dmz",), 22),
        ("cap adn zone", "keyword", "adn", "", ("and",), 5),
        ("nto cap", "keyword", "nto", "", ("not",), 1),
        ("atleast(1, cap)", "keyword", "atleast", "", ("at_least",), 1),
        ('zone.kind inn ["dmz"]', "keyword", "inn", "", ("in",), 11),
        ("zone.policed == ture", "keyword", "ture", "", ("true",), 17),
        ("cap.size > 1", "param", "size", "cap", (), 5),
        ("qqq", "provision", "qqq", "", (), 1),
    ],
)
def test_unknown_names_carry_their_suggestions_as_data(
        rule: str, kind: str, name: str, owner: str, suggestions: tuple[str, ...],
        column: int) -> None:
    err = check_rule(rule, provs())
    assert err is not None
    assert (err.kind, err.name, err.owner, err.suggestions, err.column) == (
        kind, name, owner, suggestions, column), str(err)
    if suggestions:
        assert "did you mean" in err.message
    else:
        assert "did you mean" not in err.message


def test_syntax_errors_without_a_likely_keyword_suggest_nothing() -> None:
    err = check_rule("cap zone", provs())
    assert err is not None
    assert err.kind == "syntax"
    assert err.suggestions == ()

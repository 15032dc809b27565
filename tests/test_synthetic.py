"""The benchmark scenario generator: deterministic, the sizes asked for, every red-line shape,
valid through the interchange format, and a mix of red lines that hold and fail on its draft."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import pytest

from benchmarks.synthetic import synthetic_json, synthetic_scenario
from desktop.domain import Scenario, check, dump_scenario, parse_scenario
from desktop.domain.model import KINDS
from desktop.domain.rules import (
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
    parse,
    walk,
)

SMALL: dict[str, Any] = {"n_provisions": 200, "n_parties": 4, "red_lines_per_party": 15,
         "preferences_per_party": 5, "draft_clauses": 50, "seed": 7}


@pytest.fixture(scope="module")
def small() -> Scenario:
    return synthetic_scenario(**SMALL)


def _features(node: Node) -> set[str]:
    """The red-line shapes one rule shows, read from its syntax tree."""
    found: set[str] = set()
    if isinstance(node, Present):
        found.add("presence")
    if isinstance(node, Not) and isinstance(node.operand, Present):
        found.add("absence")
    if isinstance(node, Or):
        found.add("disjunction")
    for n in walk(node):
        if isinstance(n, Compare):
            if isinstance(n.right, Ref):
                found.add("compare-params")
            elif n.left.param == "phase":
                found.add("phase")
            elif isinstance(n.right.value, bool):
                found.add("compare-bool")
            elif isinstance(n.right.value, str):
                found.add("compare-choice")
            else:
                found.add("compare-number")
        elif isinstance(n, InList):
            found.add("in-list")
        elif isinstance(n, Count):
            found.add("at-least" if n.kind == "at_least" else "at-most")
        elif isinstance(n, Implies):
            found.add("implies")
            if isinstance(n.premise, And) and isinstance(n.conclusion, Not):
                found.add("implies-compound")
        # Parentheses that change the meaning: a group under 'and' or under 'not'.
        if (isinstance(n, And) and any(isinstance(x, Or | Implies) for x in n.operands)) or (
            isinstance(n, Not) and isinstance(n.operand, And | Or | Implies)
        ):
            found.add("nested")
    return found


def test_the_same_seed_gives_the_same_scenario() -> None:
    assert synthetic_scenario(**SMALL) == synthetic_scenario(**SMALL)
    assert synthetic_json(**SMALL) == synthetic_json(**SMALL)
    assert synthetic_json(**{**SMALL, "seed": 8}) != synthetic_json(**SMALL)


def test_the_counts_are_those_asked_for(small: Scenario) -> None:
    assert len(small.provisions) == 200
    assert len(small.parties) == 4
    assert all(len(p.red_lines) == 15 and len(p.preferences) == 5 for p in small.parties)
    assert len(small.drafts) == 1
    draft = small.drafts[0]
    assert len(draft.clauses) == 50
    assert {c.phase for c in draft.clauses} == {1, 2, 3, 4}
    assert any(c.values for c in draft.clauses)


def test_the_provisions_are_a_realistic_mix(small: Scenario) -> None:
    provisions = small.provisions
    assert {p.kind for p in provisions} == set(KINDS)
    assert len({p.category for p in provisions}) == 15
    types = Counter(param.type for p in provisions for param in p.params)
    assert set(types) == {"int", "number", "choice", "bool"}
    assert all(0 <= len(p.params) <= 3 for p in provisions)
    assert all(3 <= len(param.ids) <= 5 for p in provisions for param in p.params
               if param.type == "choice")
    assert all(param.min is not None and param.max is not None for p in provisions
               for param in p.params if param.type == "int")
    assert any(p.by for p in provisions)
    assert any(p.to for p in provisions)
    assert sum(1 for p in provisions if p.excludes) == 4  # 2 % of 200


def test_every_red_line_shape_appears(small: Scenario) -> None:
    seen: set[str] = set()
    for party in small.parties:
        for line in party.red_lines:
            seen |= _features(parse(line.rule))
    assert seen >= {
        "presence", "absence", "compare-number", "compare-choice", "compare-bool",
        "compare-params", "in-list", "phase", "implies", "implies-compound", "at-least",
        "at-most", "disjunction", "nested",
    }
    texts = [line.rule for party in small.parties for line in party.red_lines]
    assert any("(" in t and not t.startswith(("at_least(", "at_most(")) for t in texts)
    counts = [n for t in texts for n in walk(parse(t)) if isinstance(n, Count)]
    assert all(3 <= len(c.provisions) <= 6 for c in counts)
    literals = [n.right for t in texts for n in walk(parse(t))
                if isinstance(n, Compare) and isinstance(n.right, Lit)]
    assert any(isinstance(x.value, float) for x in literals)


def test_it_round_trips_through_the_interchange_format(small: Scenario) -> None:
    text = dump_scenario(small)
    again = parse_scenario(text.encode("utf-8"))
    assert again == small
    assert dump_scenario(again) == text
    assert synthetic_json(**SMALL) == text.encode("utf-8")


def test_the_draft_breaks_some_red_lines_and_keeps_others(small: Scenario) -> None:
    report = check(small, small.drafts[0])
    total = sum(len(p.red_lines) for p in small.parties)
    violated = sum(len(v.violations) for v in report.parties)
    assert 0.15 * total <= violated <= 0.6 * total
    # Explanations name culprit clauses for at least some violations.
    assert any(x.clauses for v in report.parties for x in v.violations)


def test_the_default_size_is_quick_to_build() -> None:
    start = time.perf_counter()
    scenario = synthetic_scenario()
    elapsed = time.perf_counter() - start
    assert len(scenario.provisions) == 2000
    assert sum(len(p.red_lines) for p in scenario.parties) == 1200
    assert len(scenario.drafts[0].clauses) == 500
    assert elapsed < 5.0  # ~0.2 s on the benchmark machine; generous for slow CI runners


def test_a_draft_larger_than_the_library_is_refused() -> None:
    with pytest.raises(ValueError, match="draft_clauses"):
        synthetic_scenario(n_provisions=10, draft_clauses=11)


def test_the_agreeable_variant_has_a_witness_every_party_accepts() -> None:
    scenario = synthetic_scenario(**SMALL, agreeable=True)
    assert [d.id for d in scenario.drafts] == ["bench", "witness"]
    witness = check(scenario, scenario.drafts[1])
    assert all(v.acceptable for v in witness.parties)
    assert not witness.conflicts
    assert witness.viable
    # The benchmark draft still breaks a realistic share of the red lines.
    report = check(scenario, scenario.drafts[0])
    total = sum(len(p.red_lines) for p in scenario.parties)
    violated = sum(len(v.violations) for v in report.parties)
    assert 0.15 * total <= violated <= 0.6 * total
    assert synthetic_scenario(**SMALL, agreeable=True) == scenario


def test_the_agreeable_option_leaves_the_default_scenario_alone() -> None:
    plain = synthetic_scenario(**SMALL)
    agreeable = synthetic_scenario(**SMALL, agreeable=True)
    assert agreeable.provisions == plain.provisions
    assert agreeable.drafts[0] == plain.drafts[0]
    assert synthetic_json(**SMALL, agreeable=False) == synthetic_json(**SMALL)

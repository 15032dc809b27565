"""The checker: verdicts, explanations, culprits, satisfaction, conflicts, and agreement with an
independent brute-force evaluation over random drafts."""

from __future__ import annotations

import operator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import Clause, Draft, Scenario, check, parse_scenario
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.rules import format_rule, parse
from desktop.wording.reasons import conflict_text, detail, report_summary
from tests.strategies import PROVISIONS, rule_trees


def mini(mini_json: bytes) -> Scenario:
    return parse_scenario(mini_json)


def with_clauses(s: Scenario, *clauses: Clause) -> Draft:
    return Draft(id="t", title="Test", clauses=clauses)


def test_report_on_the_mini_draft(mini_json: bytes) -> None:
    s = mini(mini_json)
    report = check(s, s.drafts[0])
    ua = report.verdict("ukraine")
    assert not ua.acceptable
    assert [(v.red_line, v.clauses, detail(v.reasons)) for v in ua.violations] == [
        ("ua-army", ("army-cap",), "army-cap.personnel is 600000; needs >= 800000"),
        ("ua-monitor", ("withdrawal",), "missing: intl-monitoring (required when withdrawal)"),
    ]
    assert ua.violations[0].title == "Army of at least 800k"
    # ua-long (weight 3) missed, ua-any (weight 1) met: 1 / 4.
    assert ua.satisfaction == 0.25
    assert (ua.met, ua.missed) == (("ua-any",), ("ua-long",))
    ru = report.verdict("russia")
    assert ru.acceptable
    assert ru.violations == ()
    assert ru.satisfaction is None
    assert [c.provisions for c in report.conflicts] == [("guarantee", "neutral")]
    assert conflict_text(report.conflicts[0]) == (
        "“guarantee” and “neutral” exclude each other: the draft cannot hold both.")
    assert not report.viable
    assert report_summary(report) == "Not viable: 1 of 2 parties accept, 1 conflict"
    assert report.culprits() == {"army-cap", "withdrawal"}
    assert report.conflicted() == {"guarantee", "neutral"}


def test_a_draft_that_satisfies_everyone_is_viable(mini_json: bytes) -> None:
    s = mini(mini_json)
    # Russia needs a cap <= 600k, Ukraine needs any cap >= 800k: no cap pleases both, so drop
    # Russia's line to test viability itself.
    data = s.model_dump(mode="json")
    data["parties"][1]["red_lines"] = []
    s2 = scenario_from_dict(data)
    draft = with_clauses(s2, Clause(provision="guarantee", values={"years": 30}))
    report = check(s2, draft)
    assert report.viable
    assert report.verdict("ukraine").satisfaction == 1.0
    assert report_summary(report) == "Viable: 2 of 2 parties accept"


def test_comparisons_on_missing_provisions_are_false(mini_json: bytes) -> None:
    s = mini(mini_json)
    report = check(s, with_clauses(s))
    ru = report.verdict("russia")
    assert [detail(v.reasons) for v in ru.violations] == ["missing: army-cap"]
    assert ru.violations[0].clauses == ()  # nothing in the draft to point at


def test_negated_rules_blame_present_clauses() -> None:
    s = _scenario(["not (zone.kind in [\"russian-controlled\"]) and at_most(1, a, b, c)"])
    draft = Draft(id="t", title="t", clauses=(
        Clause(provision="a"), Clause(provision="zone", values={"kind": "russian-controlled"}),
        Clause(provision="b"),
    ))
    (violation,) = check(s, draft).parties[0].violations
    assert violation.clauses == ("a", "zone", "b")  # draft order
    assert detail(violation.reasons) == (
        'zone.kind is "russian-controlled"; must not be one of ["russian-controlled"]; '
        "2 of [a, b, c] present (a, b); allows at most 1"
    )


def test_disjunction_failures_list_every_option() -> None:
    s = _scenario(["cap.personnel >= 800000 or fund"])
    draft = Draft(id="t", title="t", clauses=(Clause(provision="cap", values={"personnel": 1}),))
    (violation,) = check(s, draft).parties[0].violations
    assert detail(violation.reasons) == (
        "none of these holds: cap.personnel is 1; needs >= 800000 / missing: fund"
    )
    assert violation.clauses == ("cap",)


def test_phase_comparisons() -> None:
    s = _scenario(["zone -> zone.phase > cap.phase"])
    draft = Draft(id="t", title="t", clauses=(
        Clause(provision="zone", phase=1), Clause(provision="cap", phase=2),
    ))
    (violation,) = check(s, draft).parties[0].violations
    assert detail(violation.reasons) == "zone.phase is 1; cap.phase is 2; needs > cap.phase"
    assert violation.clauses == ("zone", "cap")


def _scenario(red_lines: list[str], preferences: list[tuple[str, float]] | None = None,
              excludes: list[tuple[str, str]] | None = None) -> Scenario:
    provisions = [p.model_dump(mode="json", exclude_defaults=True) for p in PROVISIONS]
    for a, b in excludes or []:
        for p in provisions:
            if p["id"] == a:
                p.setdefault("excludes", []).append(b)
    data: dict[str, Any] = {
        "format": "accord.scenario", "version": 2, "title": "Random",
        "parties": [{
            "id": "p", "name": "P",
            "red_lines": [{"id": f"r{i}", "title": f"R{i}", "rule": r}
                          for i, r in enumerate(red_lines)],
            "preferences": [{"id": f"w{i}", "title": f"W{i}", "rule": r, "weight": w}
                            for i, (r, w) in enumerate(preferences or [])],
        }],
        "provisions": provisions,
    }
    return scenario_from_dict(data)


# --------------------------------------------------------------------------- brute force

_OPS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
        ">": operator.gt, ">=": operator.ge}


def reference(node: Any, draft: Draft, scenario: Scenario) -> bool:
    """The language's semantics written out plainly, straight from docs/rules.md."""
    clauses = {c.provision: c for c in draft.clauses}

    def value(ref: Any) -> Any:
        clause = clauses[ref.provision]
        if ref.param == "phase":
            return clause.phase
        if ref.param in clause.values:
            return clause.values[ref.param]
        spec = scenario.provision(ref.provision).param(ref.param)
        assert spec is not None
        return spec.default

    kind = type(node).__name__
    if kind == "Present":
        return bool(node.provision in clauses)
    if kind == "Compare":
        refs = [node.left] + ([node.right] if type(node.right).__name__ == "Ref" else [])
        if any(r.provision not in clauses for r in refs):
            return False
        right = value(node.right) if len(refs) == 2 else node.right.value
        return bool(_OPS[node.op](value(node.left), right))
    if kind == "InList":
        if node.ref.provision not in clauses:
            return False
        return any(value(node.ref) == item.value for item in node.items)
    if kind == "Count":
        n = sum(p in clauses for p in node.provisions)
        return bool(n >= node.k if node.kind == "at_least" else n <= node.k)
    if kind == "Not":
        return not reference(node.operand, draft, scenario)
    if kind == "And":
        return all(reference(x, draft, scenario) for x in node.operands)
    if kind == "Or":
        return any(reference(x, draft, scenario) for x in node.operands)
    return (not reference(node.premise, draft, scenario)) or reference(
        node.conclusion, draft, scenario)


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    chosen = draw(st.lists(st.sampled_from(PROVISIONS), unique_by=lambda p: p.id, max_size=7))
    clauses = []
    for prov in chosen:
        values: dict[str, Any] = {}
        for param in prov.params:
            if not draw(st.booleans()):
                continue  # leave it to the default
            if param.type == "int":
                values[param.name] = draw(st.integers(0, 2_000_000))
            elif param.type == "number":
                values[param.name] = draw(st.floats(0, 1000, allow_nan=False))
            elif param.type == "choice":
                values[param.name] = draw(st.sampled_from(param.ids))
            else:
                values[param.name] = draw(st.booleans())
        clauses.append(Clause(provision=prov.id, values=values, phase=draw(st.integers(1, 4))))
    return Draft(id="random", title="Random", clauses=tuple(clauses))


@settings(max_examples=200, deadline=None)
@given(
    red=st.lists(rule_trees(), min_size=1, max_size=4),
    prefs=st.lists(st.tuples(rule_trees(), st.integers(1, 5)), max_size=4),
    excl=st.lists(st.tuples(st.sampled_from(["cap", "zone", "a"]),
                            st.sampled_from(["fund", "b", "c"])), max_size=2),
    draft_list=st.lists(drafts(), min_size=1, max_size=5),
)
def test_checker_agrees_with_brute_force(
    red: list[Any], prefs: list[tuple[Any, int]], excl: list[tuple[str, str]],
    draft_list: list[Draft],
) -> None:
    s = _scenario([format_rule(r) for r in red],
                  [(format_rule(r), float(w)) for r, w in prefs], excl)
    pairs = s.exclusion_pairs()
    for draft in draft_list:
        report = check(s, draft)
        (verdict,) = report.parties
        failing = [f"r{i}" for i, r in enumerate(red) if not reference(r, draft, s)]
        assert [v.red_line for v in verdict.violations] == failing
        assert verdict.acceptable == (not failing)
        in_draft = {c.provision for c in draft.clauses}
        for v in verdict.violations:
            assert set(v.clauses) <= in_draft
            assert detail(v.reasons)
        if prefs:
            met = sum(w for r, w in prefs if reference(r, draft, s))
            assert verdict.satisfaction == met / sum(w for _, w in prefs)
        else:
            assert verdict.satisfaction is None
        expected_conflicts = {frozenset((a.provision, b.provision))
                              for i, a in enumerate(draft.clauses)
                              for b in draft.clauses[i + 1:]
                              if frozenset((a.provision, b.provision)) in pairs}
        assert {frozenset(c.provisions) for c in report.conflicts} == expected_conflicts
        assert report.viable == (not failing and not expected_conflicts)


def test_rules_compile_once_per_scenario(mini_json: bytes) -> None:
    from desktop.domain.checker import compiled

    s = mini(mini_json)
    first = compiled(s)
    check(s, s.drafts[0])
    assert compiled(s) is first
    assert parse("army-cap") is not parse("army-cap")  # sanity: parsing itself is not cached


@settings(max_examples=200, deadline=None)
@given(
    red=st.lists(rule_trees(), min_size=1, max_size=4),
    prefs=st.lists(st.tuples(rule_trees(), st.integers(1, 5)), max_size=3),
    draft_list=st.lists(drafts(), min_size=2, max_size=6),
)
def test_incremental_checks_equal_full_checks(
    red: list[Any], prefs: list[tuple[Any, int]], draft_list: list[Draft]
) -> None:
    """Re-checking after an edit evaluates only the rules that mention what changed; the
    report must be exactly the one a full check gives, whatever the edit."""
    s = _scenario([format_rule(r) for r in red], [(format_rule(r), float(w)) for r, w in prefs])
    previous = check(s, draft_list[0])
    for draft in draft_list[1:]:
        # Single-step edits of the previous draft, as the GUI makes them, and arbitrary jumps.
        edits = [draft]
        if draft.clauses:
            edits.append(draft.model_copy(update={"clauses": draft.clauses[1:]}))
        for edited in edits:
            incremental = check(s, edited, previous)
            assert incremental == check(s, edited)
            previous = incremental


def test_incremental_check_reuses_untouched_verdicts(mini_json: bytes) -> None:
    from desktop.domain.edit import add_clause

    s = mini(mini_json)
    first = check(s, s.drafts[0])
    s2 = add_clause(s, "d1", "intl-monitoring")
    second = check(s2, s2.drafts[0], first)
    assert second == check(s2, s2.drafts[0])
    assert second.verdict("russia") is first.verdict("russia")  # no rule of Russia's changed
    assert second.verdict("ukraine") is not first.verdict("ukraine")


# --------------------------------------------------------------------------- reasons as data


def test_violations_carry_their_reasons_as_data() -> None:
    from desktop.domain.reasons import Comparison, Fact, Missing, NoneHolds
    from desktop.domain.rules import Lit, Ref

    s = _scenario(["cap.personnel >= 800000 or fund"])
    draft = Draft(id="t", title="t", clauses=(Clause(provision="cap", values={"personnel": 1}),))
    (violation,) = check(s, draft).parties[0].violations
    (reason,) = violation.reasons
    assert reason == NoneHolds((
        Comparison((Fact(Ref("cap", "personnel"), 1),), ">=", Lit(800000)),
        Missing(("fund",)),
    ))
    assert reason.culprits == {"cap"}
    assert detail(violation.reasons) == (
        "none of these holds: cap.personnel is 1; needs >= 800000 / missing: fund")


def test_every_kind_of_reason_keeps_its_words() -> None:
    s = _scenario([
        "not cap",
        "not (cap -> fund)",  # holds: cap is in, fund is not
        "at_least(2, cap, fund)",
        "not at_most(0, fund)",
        "zone.kind in [\"dmz\"]",
        "cap.personnel < zone.phase",
        "not (fund -> cap)",
        "zone -> not cap",
    ])
    draft = Draft(id="t", title="t", clauses=(
        Clause(provision="cap", values={"personnel": 5}),
        Clause(provision="zone", values={"kind": "russian-controlled"}),
    ))
    violations = check(s, draft).parties[0].violations
    assert [(v.red_line, detail(v.reasons)) for v in violations] == [
        ("r0", "cap is in the draft"),
        ("r2", "1 of [cap, fund] present (cap); needs at least 2"),
        ("r3", "0 of [fund] present (none); needs at least 1"),
        ("r4", 'zone.kind is "russian-controlled"; needs one of ["dmz"]'),
        ("r5", "cap.personnel is 5; zone.phase is 1; needs < zone.phase"),
        ("r6", "fund does not hold"),
        ("r7", "cap is in the draft (required when zone)"),
    ]
    assert [v.clauses for v in violations] == [
        ("cap",), (), (), ("zone",), ("cap", "zone"), (), ("cap", "zone"),
    ]


def test_an_incremental_check_reads_only_the_changed_clauses(mini_json: bytes) -> None:
    """After an edit the re-check copies the values the last report was judged on and reads
    again only the clauses that changed; the shared values are those of the untouched clauses,
    and the report is the one a full check gives."""
    from desktop.domain.checker import compiled
    from desktop.domain.edit import add_clause, update_clause

    s = mini(mini_json)
    first = check(s, s.drafts[0])
    s2 = update_clause(add_clause(s, "d1", "intl-monitoring"), "d1", 0,
                       values={"personnel": 850_000})
    second = check(s2, s2.drafts[0], first)
    assert second == check(s2, s2.drafts[0])
    assert first._state is not None
    assert second._state is not None
    assert second._state == compiled(s2).state(s2.drafts[0])
    kept = [pid for pid in first._state if second._state[pid] is first._state[pid]]
    assert kept == ["withdrawal", "guarantee", "neutral"]  # not army-cap: its value changed
    assert second._state["army-cap"]["personnel"] == 850_000
    assert first._state["army-cap"] != second._state["army-cap"]  # the first is untouched

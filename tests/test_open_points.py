"""Open (bracketed) clauses: the checker's verdicts under their alternatives, compared with an
independent enumeration of every combination on small random scenarios; "accepts if" and
"viable if" conditions, the chance of acceptance, coverage, and the combination bound."""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import Clause, Draft, Scenario, check
from desktop.domain.checker import COMBINATION_BOUND, Report
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.model import Alternative, Provision
from desktop.domain.rules import format_rule
from tests.strategies import PROVISIONS, rule_trees
from tests.test_checker import drafts, reference

Stance = str


def walk_provisions(node: Any) -> set[str]:
    """Every provision a rule tree names, found by walking it (not the compiler's list)."""
    kind = type(node).__name__
    if kind == "Present":
        return {node.provision}
    if kind == "Compare":
        out = {node.left.provision}
        if type(node.right).__name__ == "Ref":
            out.add(node.right.provision)
        return out
    if kind == "InList":
        return {node.ref.provision}
    if kind == "Count":
        return set(node.provisions)
    if kind == "Not":
        return walk_provisions(node.operand)
    if kind in ("And", "Or"):
        return set().union(*(walk_provisions(x) for x in node.operands))
    return walk_provisions(node.premise) | walk_provisions(node.conclusion)


Line = tuple[Any, str, float]  # (rule tree, stance, confidence)


def scenario_of(parties: list[tuple[list[Line], list[tuple[Any, int]]]],
                excludes: list[tuple[str, str]] | None = None) -> Scenario:
    provisions = [p.model_dump(mode="json", exclude_defaults=True) for p in PROVISIONS]
    for a, b in excludes or []:
        for p in provisions:
            if p["id"] == a:
                p.setdefault("excludes", []).append(b)
    data: dict[str, Any] = {
        "format": "accord.scenario", "version": 2, "title": "Random",
        "parties": [{
            "id": f"p{n}", "name": f"P{n}",
            "red_lines": [{"id": f"p{n}r{i}", "title": f"R{i}", "rule": format_rule(r),
                           "stance": stance, "confidence": conf}
                          for i, (r, stance, conf) in enumerate(lines)],
            "preferences": [{"id": f"p{n}w{i}", "title": f"W{i}", "rule": format_rule(r),
                             "weight": w} for i, (r, w) in enumerate(prefs)],
        } for n, (lines, prefs) in enumerate(parties)],
        "provisions": provisions,
    }
    return scenario_from_dict(data)


_BY_ID = {p.id: p for p in PROVISIONS}


@st.composite
def alternatives(draw: st.DrawFn, prov: Provision) -> tuple[Alternative, ...]:
    n = draw(st.integers(2, 3))
    out = []
    for k in range(n):
        values: dict[str, Any] = {}
        for param in prov.params:
            if not draw(st.booleans()):
                continue
            if param.type == "int":
                values[param.name] = draw(st.sampled_from([0, 500_000, 800_000, 2_000_000]))
            elif param.type == "number":
                values[param.name] = draw(st.sampled_from([0, 50, 100.5, 1000]))
            elif param.type == "choice":
                values[param.name] = draw(st.sampled_from(param.ids))
            else:
                values[param.name] = draw(st.booleans())
        out.append(Alternative(label=draw(st.sampled_from(["", f"formula {k}"])), values=values))
    return tuple(out)


@st.composite
def open_drafts(draw: st.DrawFn) -> Draft:
    draft = draw(drafts())
    clauses = []
    for clause in draft.clauses:
        if draw(st.integers(0, 2)) == 0:
            alts = draw(alternatives(_BY_ID[clause.provision]))
            clause = clause.model_copy(update={"alternatives": alts})
        clauses.append(clause)
    return draft.model_copy(update={"clauses": tuple(clauses)})


def settled_by_hand(draft: Draft, combo: dict[str, int]) -> Draft:
    """The draft with each open clause closed on ``combo[provision]``, written out directly."""
    clauses = []
    for c in draft.clauses:
        if c.alternatives:
            values = {**c.values, **c.alternatives[combo[c.provision]].values}
            c = Clause(provision=c.provision, values=values, phase=c.phase, note=c.note)
        clauses.append(c)
    return Draft(id=draft.id, title=draft.title, clauses=tuple(clauses))


def every_combination(draft: Draft) -> list[dict[str, int]]:
    opened = [c for c in draft.clauses if c.alternatives]
    return [dict(zip([c.provision for c in opened], ks, strict=True))
            for ks in itertools.product(*(range(len(c.alternatives)) for c in opened))]


def counts(stance: Stance, line_stance: str) -> bool:
    return stance == "stated" or line_stance == "assessed"


def within(condition: tuple[tuple[str, int, str], ...], combo: dict[str, int]) -> bool:
    allowed: dict[str, set[int]] = {}
    for pid, k, _ in condition:
        allowed.setdefault(pid, set()).add(k)
    return all(combo[pid] in ks for pid, ks in allowed.items())


def compare(s: Scenario, parties: list[tuple[list[Line], list[tuple[Any, int]]]],
            draft: Draft, stance: Stance, report: Report) -> None:
    combos = every_combination(draft)
    settled = [(combo, settled_by_hand(draft, combo)) for combo in combos]
    present = {c.provision for c in draft.clauses}
    labels = {c.provision: [a.label for a in c.alternatives] for c in draft.clauses}
    all_ok = {i: True for i in range(len(combos))}
    for n, (lines, prefs) in enumerate(parties):
        v = report.verdict(f"p{n}")
        counting = [(i, r, conf) for i, (r, ls, conf) in enumerate(lines) if counts(stance, ls)]
        fails = [[i for i, r, _ in counting if not reference(r, d, s)] for _, d in settled]
        accepts = [not f for f in fails]
        for i, ok in enumerate(accepts):
            all_ok[i] = all_ok[i] and ok
        expected = ("accepts" if all(accepts) else "rejects" if not any(accepts)
                    else "accepts-if")
        assert v.verdict == expected
        assert v.acceptable == (expected == "accepts")
        # The violations: every counting line crossed under some combination, in order.
        crossed = sorted({i for f in fails for i in f})
        assert [x.red_line for x in v.violations] == [f"p{n}r{i}" for i in crossed]
        for x in v.violations:
            i = int(x.red_line.split("r")[-1])
            under_all = all(i in f for f in fails)
            assert x.conditional == (not under_all)
            for pid, k, label in x.under:  # the reasons' setting is one where the line fails
                assert labels[pid][k] == label
            assert any(i in f and within(x.under, combo)
                       for f, (combo, _) in zip(fails, settled, strict=True))
        # The chance: the least favourable combination's.
        conf = {i: c for i, _, c in counting}
        worst = min(math.prod(1 - conf[i] for i in f) for f in fails)
        assert v.acceptance_chance == pytest.approx(worst)
        # An accepts-if condition suffices: every combination within it passes.
        if expected == "accepts-if":
            assert v.accepts_if
            assert all(ok for ok, (combo, _) in zip(accepts, settled, strict=True)
                       if within(v.accepts_if, combo))
            for pid, k, label in v.accepts_if:
                assert labels[pid][k] == label
        else:
            assert v.accepts_if == ()
        # Preferences: met under every combination; undecided when under some only.
        met_under = [[reference(r, d, s) for r, _ in prefs] for _, d in settled]
        met = [f"p{n}w{i}" for i in range(len(prefs)) if all(m[i] for m in met_under)]
        undecided = [f"p{n}w{i}" for i in range(len(prefs))
                     if any(m[i] for m in met_under) and not all(m[i] for m in met_under)]
        assert list(v.met) == met
        assert list(v.undecided) == undecided
        # Each undecided preference comes with a condition under which it is met.
        assert len(v.met_if) == len(v.undecided)
        for pref, cond in zip(v.undecided, v.met_if, strict=True):
            i = int(pref.rsplit("w", 1)[1])
            assert cond
            assert all(m[i] for m, (combo, _) in zip(met_under, settled, strict=True)
                       if within(cond, combo))
        # A met preference is addressed; an unmet one when a provision its rule names is in
        # the draft (or it names none).
        addressed = [i for i, (r, _) in enumerate(prefs)
                     if all(m[i] for m in met_under) or not walk_provisions(r)
                     or walk_provisions(r) & present]
        assert v.coverage == (len(addressed), len(prefs))
        assert list(v.not_addressed) == [f"p{n}w{i}" for i in range(len(prefs))
                                         if i not in addressed]
        total = sum(w for _, w in prefs)
        got = sum(w for i, (_, w) in enumerate(prefs) if f"p{n}w{i}" in met)
        assert v.satisfaction == (got / total if total else None)
        a_total = sum(prefs[i][1] for i in addressed)
        a_got = sum(prefs[i][1] for i in addressed if f"p{n}w{i}" in met)
        assert v.addressed_satisfaction == (a_got / a_total if a_total else None)
        if v.addressed_satisfaction is not None and v.satisfaction is not None:
            assert v.addressed_satisfaction >= v.satisfaction - 1e-12
    conflicts = bool(report.conflicts)
    assert report.viable == (not conflicts and all(all_ok.values()))
    some = [combo for i, (combo, _) in enumerate(settled) if all_ok[i]]
    if report.viable or conflicts or not some:
        assert report.viable_if is None
    else:
        assert report.viable_if
        assert all(all_ok[i] for i, (combo, _) in enumerate(settled)
                   if within(report.viable_if, combo))
    assert report.status == ("viable" if report.viable else "viable-if"
                             if report.viable_if is not None else "not-viable")
    assert not report.bound_reached
    assert report.stance == stance


lines_st = st.lists(st.tuples(rule_trees(), st.sampled_from(["stated", "assessed"]),
                              st.sampled_from([0.0, 0.25, 0.5, 1.0])), min_size=1, max_size=3)
prefs_st = st.lists(st.tuples(rule_trees(), st.integers(1, 5)), max_size=3)


@settings(max_examples=150, deadline=None)
@given(
    parties=st.lists(st.tuples(lines_st, prefs_st), min_size=1, max_size=2),
    excl=st.lists(st.tuples(st.sampled_from(["cap", "zone", "a"]),
                            st.sampled_from(["fund", "b", "c"])), max_size=1),
    draft_list=st.lists(open_drafts(), min_size=1, max_size=3),
    stance=st.sampled_from(["stated", "assessed"]),
)
def test_open_drafts_agree_with_every_combination(
    parties: list[tuple[list[Line], list[tuple[Any, int]]]], excl: list[tuple[str, str]],
    draft_list: list[Draft], stance: Stance,
) -> None:
    s = scenario_of(parties, excl)
    for draft in draft_list:
        compare(s, parties, draft, stance, check(s, draft, stance=stance))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- worked examples


def _znpp_scenario() -> Scenario:
    """Two parties and one open point: the plant's operator."""
    trees = {"ua": "zone.kind != \"russian-controlled\"", "ru": "zone.kind != \"dmz\""}
    data: dict[str, Any] = {
        "format": "accord.scenario", "version": 2, "title": "Plant",
        "parties": [
            {"id": "ua", "name": "Ukraine", "red_lines": [
                {"id": "ua-no-ru", "title": "No Russian control", "rule": trees["ua"],
                 "confidence": 0.9}]},
            {"id": "ru", "name": "Russia", "red_lines": [
                {"id": "ru-no-dmz", "title": "No demilitarised zone", "rule": trees["ru"],
                 "confidence": 0.6},
                {"id": "ru-cap", "title": "Cap at most 600k",
                 "rule": "cap and cap.personnel <= 600000", "stance": "stated",
                 "confidence": 0.5}]},
        ],
        "provisions": [p.model_dump(mode="json", exclude_defaults=True) for p in PROVISIONS],
    }
    return scenario_from_dict(data)


def _open_zone(*kinds: str) -> Clause:
    return Clause(provision="zone", alternatives=tuple(
        Alternative(label=f"{k} formula", values={"kind": k}) for k in kinds))


def test_accepts_if_names_the_alternative_and_survives_its_recheck() -> None:
    s = _znpp_scenario()
    draft = Draft(id="d", title="D", clauses=(_open_zone("dmz", "russian-controlled"),))
    report = check(s, draft)
    ua, ru = report.verdict("ua"), report.verdict("ru")
    assert (ua.verdict, ua.accepts_if) == ("accepts-if", (("zone", 0, "dmz formula"),))
    assert (ru.verdict, ru.accepts_if) == ("accepts-if",
                                           (("zone", 1, "russian-controlled formula"),))
    assert not ua.acceptable
    assert not report.viable
    # Each wants the other alternative: no combination passes for both.
    assert report.viable_if is None
    assert report.status == "not-viable"
    # The chance under the least favourable alternative: 1 - 0.9.
    assert ua.acceptance_chance == pytest.approx(0.1)
    # The violation says under which alternative its reasons hold.
    (x,) = ua.violations
    assert x.under == (("zone", 1, "russian-controlled formula"),)
    assert x.conditional
    # Closing the point as the condition says makes Ukraine accept, as claimed.
    closed = draft.model_copy(update={"clauses": (draft.clauses[0].settled(0),)})
    assert check(s, closed).verdict("ua").verdict == "accepts"


def test_viable_if_gives_a_combination_every_party_accepts() -> None:
    s = _znpp_scenario()
    draft = Draft(id="d", title="D", clauses=(
        _open_zone("dmz", "free-economic", "russian-controlled"),))
    report = check(s, draft)
    assert report.status == "viable-if"
    assert report.viable_if == (("zone", 1, "free-economic formula"),)
    from desktop.wording.reasons import report_summary

    assert report_summary(report) == (
        "Viable if its open points are closed a certain way: 0 of 2 parties accept")
    assert report.open_points == ("zone",)
    # Ukraine accepts under two alternatives: either of them.
    assert report.verdict("ua").accepts_if == (("zone", 0, "dmz formula"),
                                               ("zone", 1, "free-economic formula"))


def test_a_settled_point_nobody_reads_changes_nothing() -> None:
    s = _znpp_scenario()
    draft = Draft(id="d", title="D", clauses=(
        Clause(provision="zone", values={"kind": "free-economic"}),
        Clause(provision="fund", alternatives=(Alternative(values={"usd_bn": 1}),
                                               Alternative(values={"usd_bn": 2})))))
    report = check(s, draft)
    assert report.viable
    assert report.viable_if is None
    assert all(v.verdict == "accepts" and v.acceptance_chance == 1.0 for v in report.parties)


def test_the_combination_bound_is_reported_and_nothing_unseen_is_claimed() -> None:
    many = tuple(Alternative(label=f"x{k}", values={}) for k in range(20))
    data: dict[str, Any] = {
        "format": "accord.scenario", "version": 2, "title": "Many",
        "parties": [{"id": "p", "name": "P", "red_lines": [
            {"id": "r", "title": "R", "rule": "a and b and c"}]}],
        "provisions": [p.model_dump(mode="json", exclude_defaults=True) for p in PROVISIONS],
    }
    s = scenario_from_dict(data)
    draft = Draft(id="d", title="D", clauses=tuple(
        Clause(provision=p, alternatives=many) for p in ("a", "b", "c")))
    assert COMBINATION_BOUND < 20 ** 3
    report = check(s, draft)
    assert report.bound_reached
    # It accepts under all 8,000, but only 4,096 were looked at: "accepts" is not claimed.
    v = report.verdict("p")
    assert v.verdict == "accepts-if"
    assert not v.acceptable
    assert not report.viable
    assert report.status == "viable-if"


def test_a_settled_draft_reports_as_before() -> None:
    s = _znpp_scenario()
    draft = Draft(id="d", title="D", clauses=(Clause(provision="zone",
                                                     values={"kind": "russian-controlled"}),))
    report = check(s, draft)
    ua = report.verdict("ua")
    assert (ua.verdict, ua.accepts_if, ua.acceptable) == ("rejects", (), False)
    assert ua.violations[0].under == ()
    assert not ua.violations[0].conditional
    assert report.viable_if is None
    assert report.open_points == ()
    assert not report.bound_reached


# --------------------------------------------------------------------------- briefings


def _html(items: Any) -> str:
    return " ".join(getattr(i, "html", "") for i in items)


def test_briefings_show_both_views_the_chance_and_open_points() -> None:
    from desktop.report.memo import NOT_COMPUTED
    from desktop.report.sheets import full_sheet, party_sheet
    from desktop.wording.memo import bottom_line

    s = _znpp_scenario()
    draft = Draft(id="d", title="D", clauses=(
        Clause(provision="cap", values={"personnel": 800_000}),
        _open_zone("dmz", "free-economic", "russian-controlled")))
    whole = _html(full_sheet(s, draft, bridge=NOT_COMPUTED, date="2025-12-20").items)
    # Annex A: the verdicts under assessed floors and under stated positions, with chances.
    assert "◐ Viable if §2 is the free-economic formula" in whole
    assert "✗ NOT VIABLE" in whole  # under stated positions
    assert "◐ Accepts if §2 is the dmz formula or the free-economic formula" in whole
    # Russia's stated cap line (0.5) counts under stated positions only: 0.5 * 0.4 at worst.
    assert "Stated: " in whole
    assert ", chance 20%" in whole
    assert "1 (stated: 2)" in whole
    # The open point, with what each alternative holds, and marked in the draft text.
    assert ("<b>Open points.</b> §2 Zone: the dmz formula, as the draft text reads, or the "
            "free-economic formula (kind: free economic) or the russian-controlled formula "
            "(kind: russian controlled).") in whole
    assert "[Open: the dmz formula, the free-economic formula or the russian-controlled " \
           "formula; see Annex A]" in whole
    party = _html(party_sheet(s, draft, "ru", date="2025-12-20").items)
    assert ("Under assessed floors: at worst about a 40% chance Russia accepts, treating its "
            "red lines as independent. Under stated positions it rejects (about a 20% chance "
            "Russia accepts, treating its red lines as independent).") in party
    report = check(s, draft)
    assert bottom_line(report, None, False, s, draft)[:2] == [
        "The draft is viable if §2 is the free-economic formula: 0 of 2 parties accept it as "
        "drafted.",
        "Ukraine accepts it only if §2 is the dmz formula or the free-economic formula; under "
        "the russian-controlled formula it crosses ‘No Russian control’; Russia accepts it "
        "only if §2 is the free-economic formula or the russian-controlled formula; under the "
        "dmz formula it crosses ‘No demilitarised zone’."]


def test_a_condition_that_fails_its_recheck_is_a_bug_never_an_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.domain import checker

    s = _znpp_scenario()
    draft = Draft(id="d", title="D", clauses=(_open_zone("dmz", "russian-controlled"),))

    def wrong(self: Any, depends: Any, start: Any, ok: Any) -> Any:  # the other alternative
        return tuple(self.setting(pid, 1 - k) for pid, k in zip(depends, start, strict=True))

    monkeypatch.setattr(checker._Open, "box", wrong)
    with pytest.raises(checker.CheckerBug, match="accepts-if"):
        check(s, draft)

"""The bridge finder never answers wrongly: extreme magnitudes, many decimals, negative ranges,
mixed int/number comparisons; certificates; distinct clash sets; one deadline for the call.

The differential test draws small scenarios with hypothesis and compares ``find_bridge`` with
``check()`` and with a brute force over a candidate set that is complete for the rule language
(every order type of the params against every number in the scenario is represented)."""

from __future__ import annotations

import itertools
import json
import math
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.domain import Clause, Draft, Scenario, check, scenario_from_dict
from desktop.domain.checker import compiled
from desktop.domain.model import IntParam, NumberParam, Value
from desktop.domain.rules import format_literal
from desktop.domain.solver import BeyondExactSolver, CertificateError, Note, find_bridge
from desktop.domain.solver.encoding import Compiler
from desktop.wording import note_text

ROOT = Path(__file__).parent.parent
UKRAINE = ROOT / "resources" / "scenarios" / "ukraine-2025.json"


def _scenario(provisions: list[dict[str, Any]], parties: list[dict[str, Any]],
              clauses: list[dict[str, Any]]) -> Scenario:
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "t",
        "parties": parties,
        "provisions": [{"category": "c", "kind": "mechanism", "text": "t", **p}
                       for p in provisions],
        "drafts": [{"id": "d", "title": "D", "clauses": clauses}],
    })


def _party(pid: str, *rules: str) -> dict[str, Any]:
    return {"id": pid, "name": pid.title(),
            "red_lines": [{"id": f"{pid}-{i}", "title": f"{pid} line {i}", "rule": r}
                          for i, r in enumerate(rules)]}


# --------------------------------------------------------------------------- the cases


def test_huge_int_and_six_decimal_number_agree_with_check() -> None:
    """The false proof: an int bounded at 10^13 (USD) and a 6-decimal number elsewhere. The
    draft is viable, so suggest must say feasible with 0 changes."""
    scenario = _scenario(
        [{"id": "fund", "title": "Reconstruction fund",
          "params": [{"name": "usd", "type": "int", "default": 0, "min": 0,
                      "max": 10**13}]},
         {"id": "share", "title": "Revenue share",
          "params": [{"name": "ratio", "type": "number", "default": 0.123456, "min": 0,
                      "max": 1}]}],
        [_party("ua", "fund.usd >= 5000000000000"), _party("ru", "share.ratio <= 0.5")],
        [{"provision": "fund", "values": {"usd": 9_999_999_999_999}},
         {"provision": "share"}],
    )
    draft = scenario.drafts[0]
    assert check(scenario, draft).viable
    result = find_bridge(scenario, draft, alternatives=0)
    assert result.feasible
    assert result.proposal is not None
    assert result.proposal.cost == 0


@pytest.mark.parametrize(("lo", "hi", "default", "needs"), [
    (0, 10**9, 5, "x.v >= 999999999"),
    (0, 10**15, 7, "x.v > 999999999999998"),
    (-10**15, -1, -5, "x.v <= -999999999999999"),
    (-(10**12), 10**12, 0, "x.v < -999999999999 or x.v == 1000000000000"),
])
def test_extreme_int_bounds_get_an_exact_proposal(lo: int, hi: int, default: int,
                                                   needs: str) -> None:
    scenario = _scenario(
        [{"id": "x", "title": "X", "params": [{"name": "v", "type": "int", "default": default,
                                                "min": lo, "max": hi}]},
         {"id": "y", "title": "Y", "params": [{"name": "w", "type": "number",
                                                "default": -0.000001, "min": -1, "max": 1}]}],
        [_party("a", needs), _party("b", "y.w < -0.0000005")],
        [{"provision": "x"}, {"provision": "y"}],
    )
    result = find_bridge(scenario, scenario.drafts[0], alternatives=1)
    assert result.feasible
    assert result.proposal is not None
    assert result.proposal.cost == 1
    (change,) = result.proposal.changes
    assert change.op == "set"
    assert change.provision == "x"
    assert isinstance(change.value, int)
    assert lo <= change.value <= hi


def test_six_decimal_numbers_with_strict_room_between_them() -> None:
    """0.000001 < x < 0.000002 has real solutions: the grid must find one."""
    scenario = _scenario(
        [{"id": "x", "title": "X", "params": [{"name": "v", "type": "number", "default": 0}]},
         {"id": "y", "title": "Y", "params": [{"name": "w", "type": "number", "default": 0}]}],
        [_party("a", "x.v > 0.000001 and x.v < 0.000002",
                "y.w > x.v and y.w < 0.000002")],
        [{"provision": "x"}, {"provision": "y"}],
    )
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.feasible
    assert result.proposal is not None
    assert result.proposal.cost == 2
    after = check(scenario, scenario.drafts[0].model_copy(
        update={"clauses": result.proposal.clauses}))
    assert after.viable


@pytest.mark.parametrize(("value", "what"), [
    (10**30, "reaches"),
    (-math.inf, "infinite"),
])
def test_values_beyond_the_exact_solver_are_refused_in_words(value: int | float,
                                                             what: str) -> None:
    ptype = "int" if isinstance(value, int) else "number"
    scenario = _scenario(
        [{"id": "x", "title": "Sanctions relief",
          "params": [{"name": "usd", "type": ptype, "default": 0, "label": "Relief amount"}]}],
        [_party("a", "x.usd >= 1")],
        [{"provision": "x", "values": {"usd": value}}],
    )
    with pytest.raises(BeyondExactSolver, match=what) as info:
        find_bridge(scenario, scenario.drafts[0])
    assert "“Sanctions relief” (Relief amount)" in str(info.value)


def test_a_value_no_rule_reads_does_not_stop_the_solver() -> None:
    scenario = _scenario(
        [{"id": "x", "title": "X", "params": [{"name": "usd", "type": "int", "default": 0}]},
         {"id": "y", "title": "Y", "params": [{"name": "f", "type": "number", "default": 0}]}],
        [_party("a", "y")],
        [{"provision": "x", "values": {"usd": 10**30}},
         {"provision": "y", "values": {"f": -math.inf}}],
    )
    result = find_bridge(scenario, scenario.drafts[0], alternatives=0)
    assert result.feasible
    assert result.proposal is not None
    assert result.proposal.cost == 0


def _write(tmp_path: Path, scenario: Scenario) -> Path:
    from desktop.domain import scenario_to_dict

    path = tmp_path / "s.json"
    path.write_text(json.dumps(scenario_to_dict(scenario)), encoding="utf-8")
    return path


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_cli_says_beyond_the_exact_solver_in_one_line(tmp_path: Path) -> None:
    scenario = _scenario(
        [{"id": "x", "title": "X", "params": [{"name": "usd", "type": "int", "default": 0}]}],
        [_party("a", "x.usd >= 1")],
        [{"provision": "x", "values": {"usd": 10**30}}],
    )
    path = _write(tmp_path, scenario)
    proc = _cli("suggest", path)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert "beyond what the exact solver can represent" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_failed_certificate_is_a_bug_report_never_a_result(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Break the model's reading of a solution: the checker refuses the proposal, so the call
    raises instead of answering, and the CLI exits 70 with no result on stdout."""
    scenario = _scenario(
        [{"id": "x", "title": "X", "params": [{"name": "v", "type": "int", "default": 0,
                                                "min": 0, "max": 9}]}],
        [_party("a", "x.v >= 5")],
        [{"provision": "x"}],
    )
    real = Compiler.clauses

    def broken(self: Compiler, sol: Any) -> tuple[Clause, ...]:
        return tuple(c.model_copy(update={"values": {}}) for c in real(self, sol))

    monkeypatch.setattr(Compiler, "clauses", broken)
    with pytest.raises(CertificateError, match="failed the checker"):
        find_bridge(scenario, scenario.drafts[0])

    from io import StringIO

    from desktop.cli import main

    out = StringIO()
    code = main(["suggest", str(_write_tmp(scenario))], out=out)
    assert code == 70
    assert out.getvalue() == ""


def _write_tmp(scenario: Scenario) -> Path:
    import tempfile

    from desktop.domain import scenario_to_dict

    folder = Path(tempfile.mkdtemp())
    path = folder / "s.json"
    path.write_text(json.dumps(scenario_to_dict(scenario)), encoding="utf-8")
    return path


def test_a_proven_infeasible_model_on_a_viable_draft_is_caught(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """If the encoding ever turned a viable draft infeasible (the old overflow bug), the call
    must refuse to answer rather than claim no agreement is possible."""
    scenario = _scenario(
        [{"id": "x", "title": "X", "params": [{"name": "v", "type": "int", "default": 0}]}],
        [_party("a", "x.v == 0")],
        [{"provision": "x"}],
    )
    real = Compiler.__init__

    def impossible(self: Compiler, *args: Any, **kw: Any) -> None:
        real(self, *args, **kw)
        self.m.add(self._true == 0)

    monkeypatch.setattr(Compiler, "__init__", impossible)
    with pytest.raises(CertificateError, match="checker finds viable"):
        find_bridge(scenario, scenario.drafts[0])


# --------------------------------------------------------------------------- differential


MAGNITUDES = (1, 10, 10**9, 10**13, 10**15)


def _decimal(draw: st.DrawFn, magnitude: int, decimals: int, lo: Fraction | None = None,
             hi: Fraction | None = None) -> Fraction:
    """A number with at most ``decimals`` places in [-magnitude, magnitude] (or [lo, hi])."""
    scale = 10**decimals
    a = math.ceil((lo if lo is not None else Fraction(-magnitude)) * scale)
    b = math.floor((hi if hi is not None else Fraction(magnitude)) * scale)
    k = draw(st.one_of(st.sampled_from([a, b, (a + b) // 2]), st.integers(a, b)))
    return Fraction(k, scale)


def _as_value(x: Fraction, ptype: str) -> int | float:
    if ptype == "int":
        assert x.denominator == 1
        return int(x)
    value = float(Decimal(x.numerator) / Decimal(x.denominator))
    return value


@st.composite
def extreme_scenarios(draw: st.DrawFn) -> Scenario:
    provisions: list[dict[str, Any]] = []
    for i in range(2):
        ptype = draw(st.sampled_from(["int", "number"]))
        magnitude = draw(st.sampled_from(MAGNITUDES))
        decimals = 0 if ptype == "int" else draw(st.integers(0, 6))
        if ptype == "number" and magnitude * 10**decimals >= 10**14:
            decimals = max(0, 14 - len(str(magnitude)))  # keep values exact as floats
        lo = _decimal(draw, magnitude, decimals)
        hi = _decimal(draw, magnitude, decimals, lo=lo)
        bounded = draw(st.sampled_from(["both", "min", "max", "none"]))
        default = _decimal(draw, magnitude, decimals,
                           lo=lo if bounded in ("both", "min") else None,
                           hi=hi if bounded in ("both", "max") else None)
        param: dict[str, Any] = {"name": "v", "type": ptype,
                                 "default": _as_value(default, ptype)}
        if bounded in ("both", "min"):
            param["min"] = _as_value(lo, ptype)
        if bounded in ("both", "max"):
            param["max"] = _as_value(hi, ptype)
        provisions.append({"id": f"p{i}", "title": f"P{i}", "params": [param],
                           "_range": (lo if "min" in param else default - magnitude,
                                      hi if "max" in param else default + magnitude,
                                      decimals)})
    provisions.append({"id": "p2", "title": "P2", "params": []})

    literal_decimals = draw(st.integers(0, 6))

    def literal(i: int) -> str:
        lo, hi, _ = provisions[i]["_range"]
        x = _decimal(draw, 0, literal_decimals, lo=lo - 1, hi=hi + 1)
        return format_literal(x.numerator if x.denominator == 1 else float(
            Decimal(x.numerator) / Decimal(x.denominator)))

    def atom() -> str:
        kind = draw(st.integers(0, 5))
        if kind == 0:
            return draw(st.sampled_from(["p0", "p1", "p2"]))
        op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">="]))
        if kind == 1:
            return f"p0.v {op} p1.v"
        i = draw(st.integers(0, 1))
        return f"p{i}.v {op} {literal(i)}"

    def rule(depth: int = 0) -> str:
        r = draw(st.integers(0, 9))
        if depth >= 2 or r < 4:
            return atom()
        if r < 5:
            return f"not ({rule(depth + 1)})"
        op = draw(st.sampled_from(["and", "or", "->"]))
        return f"({rule(depth + 1)}) {op} ({rule(depth + 1)})"

    parties = [_party(f"q{j}", *[rule() for _ in range(draw(st.integers(1, 2)))])
               for j in range(2)]
    clauses: list[dict[str, Any]] = []
    for i in range(3):
        if draw(st.booleans()):
            clause: dict[str, Any] = {"provision": f"p{i}"}
            if i < 2 and draw(st.booleans()):
                lo, hi, decimals = provisions[i]["_range"]
                param = provisions[i]["params"][0]
                x = _decimal(draw, 0, decimals,
                             lo=lo if "min" in param else lo - 10,
                             hi=hi if "max" in param else hi + 10)
                clause["values"] = {"v": _as_value(x, param["type"])}
            clauses.append(clause)
    for p in provisions:
        p.pop("_range", None)
    return _scenario(provisions, parties, clauses)


def _candidates(scenario: Scenario) -> dict[str, list[Value]]:
    """Per numeric provision, values that realise every order type: every number in the
    scenario inside the param's domain, three points in each gap between consecutive ones
    (and between the ints chosen there), three beyond each end of an unbounded domain."""
    points: set[Fraction] = set()
    for p in scenario.provisions:
        for spec in p.params:
            assert isinstance(spec, IntParam | NumberParam)
            points.update(Fraction(Decimal(repr(x))) if isinstance(x, float) else Fraction(x)
                          for x in (spec.default, spec.min, spec.max) if x is not None)
    for d in scenario.drafts:
        for c in d.clauses:
            points.update(Fraction(Decimal(repr(v))) if isinstance(v, float) else Fraction(v)
                          for v in c.values.values()
                          if isinstance(v, int | float) and not isinstance(v, bool))
    for party in scenario.parties:
        for rl in party.red_lines:
            for token in rl.rule.replace("(", " ").replace(")", " ").split():
                try:
                    points.add(Fraction(Decimal(token)))
                except ArithmeticError:
                    continue
    ordered = sorted(points)
    ints: set[Fraction] = set()
    for a, b in itertools.pairwise([ordered[0] - 4, *ordered, ordered[-1] + 4]):
        first = math.floor(a) + 1
        ints.update(Fraction(k) for k in range(first, min(first + 3, math.ceil(b))))
    fine = sorted(points | ints)
    reals = set(fine)
    for a, b in itertools.pairwise([fine[0] - 4, *fine, fine[-1] + 4]):
        reals.update(a + (b - a) * k / 4 for k in (1, 2, 3))
    out: dict[str, list[Value]] = {}
    for p in scenario.provisions:
        if not p.params:
            continue
        spec = p.params[0]
        assert isinstance(spec, IntParam | NumberParam)
        values: set[Value] = set()
        for x in (reals if spec.type == "number" else points | ints):
            value: int | float = int(x) if spec.type == "int" else float(x)
            if spec.type == "int" and x.denominator != 1:
                continue
            if spec.type == "number" and Fraction(Decimal(repr(value))) != x:
                continue  # not exactly a float: the neighbouring candidates stand in for it
            if spec.fits(value):
                values.add(value)
        out[p.id] = sorted(values, key=lambda v: (float(v), type(v).__name__))
    return out


def _brute_force(scenario: Scenario, draft: Draft) -> int | None:
    """The lowest cost of any package every red line accepts, or None (the default costs:
    a value 1, adding or removing a clause 2)."""
    options: list[list[Clause | None]] = []
    candidates = _candidates(scenario)
    for p in scenario.provisions:
        opts: list[Clause | None] = [None]
        if p.params:
            opts.extend(Clause(provision=p.id, values={"v": v}) for v in candidates[p.id])
        else:
            opts.append(Clause(provision=p.id))
        options.append(opts)
    before = {c.provision: c for c in draft.clauses}
    comp = compiled(scenario)
    rules = [r for party in comp.parties for _, _, r in party.red_lines]
    best: int | None = None
    for combo in itertools.product(*options):
        clauses = tuple(c for c in combo if c is not None)
        cost = 0
        for c in clauses:
            old = before.get(c.provision)
            if old is None:
                cost += 2
            elif c.values:
                defaults = scenario.provision(c.provision).defaults()
                cost += {**defaults, **old.values}["v"] != c.values["v"]
        cost += sum(2 for pid in before if pid not in {c.provision for c in clauses})
        if best is not None and cost >= best:
            continue
        state = comp.state(Draft(id="x", title="x", clauses=clauses))
        if all(r.predicate(state) for r in rules):
            best = cost
    return best


def _magnitudes(scenario: Scenario) -> Iterator[float]:
    for p in scenario.provisions:
        for spec in p.params:
            assert isinstance(spec, IntParam | NumberParam)
            yield from (abs(x) for x in (spec.default, spec.min, spec.max) if x is not None)


def _kept_values(clauses: Sequence[Clause]) -> Iterator[tuple[str, Value]]:
    for c in clauses:
        yield from ((c.provision, v) for v in c.values.values())


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(extreme_scenarios())
def test_suggest_agrees_with_check_and_brute_force(scenario: Scenario) -> None:
    draft = scenario.drafts[0]
    viable = check(scenario, draft).viable
    try:
        result = find_bridge(scenario, draft, alternatives=0, clashes=2, time_limit=30)
    except BeyondExactSolver as err:
        refusal = str(err)
    else:
        refusal = ""
    if refusal:
        # Only magnitudes or decimals the 64-bit encoding cannot hold may be refused.
        event("beyond the exact solver")
        assert "exact solver" in refusal
        assert max(_magnitudes(scenario)) >= 10**9 or "decimal places" in refusal
        return
    assert result.optimal, result.notes
    best = _brute_force(scenario, draft)
    if viable:
        event("viable draft")
        assert result.feasible
        assert result.proposal is not None
        assert result.proposal.cost == 0
    if best is None:
        event("no agreement")
        assert not result.feasible
        assert result.proven_infeasible
        assert result.clashes
    else:
        event(f"agreement at cost {min(best, 3)}+")
        assert result.feasible, (best, result)
        assert result.proposal is not None
        assert result.proposal.total_cost == best
        after = draft.model_copy(update={"clauses": result.proposal.clauses})
        assert check(scenario, after).viable
        for _, value in _kept_values(result.proposal.clauses):
            assert not (isinstance(value, float) and not math.isfinite(value))


# --------------------------------------------------------------------------- clash sets


def _clash_scenario() -> Scenario:
    """Three independent contradictions between a and b, so there are three minimal clashes
    (and a fourth red line of b that clashes with nothing)."""
    return _scenario(
        [{"id": f"x{i}", "title": f"X{i}", "params": []} for i in range(4)],
        [_party("a", "x0", "x1", "not x2"), _party("b", "not x0", "not x1", "x2", "x3")],
        [],
    )


def _items(clash: Sequence[Any]) -> frozenset[tuple[str, str]]:
    return frozenset((c.party, c.red_line) for c in clash)


def test_distinct_minimal_clashes_are_listed_and_each_verified() -> None:
    scenario = _clash_scenario()
    result = find_bridge(scenario, scenario.drafts[0], clashes=5)
    assert not result.feasible
    assert result.proven_infeasible
    assert result.optimal
    found = {_items(c) for c in result.clashes}
    assert found == {
        frozenset({("a", "a-0"), ("b", "b-0")}),
        frozenset({("a", "a-1"), ("b", "b-1")}),
        frozenset({("a", "a-2"), ("b", "b-2")}),
    }
    assert len(result.clashes) == 3
    assert Note("all-clashes-found", 3) in result.notes
    assert note_text(Note("all-clashes-found", 3)) == "only 3 distinct clashes exist"
    assert note_text(Note("all-clashes-found", 1)) == "only 1 distinct clash exists"
    assert len(result.relax) == 3
    assert find_bridge(scenario, scenario.drafts[0]).clash in result.clashes


def test_cli_lists_k_clashes(tmp_path: Path) -> None:
    path = _write(tmp_path, _clash_scenario())
    proc = _cli("suggest", path, "--clashes", "2", "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert data["feasible"] is False
    assert len(data["clashes"]) == 2
    assert data["clash"] == data["clashes"][0]
    assert len({frozenset(map(json.dumps, c)) for c in data["clashes"]}) == 2
    text = _cli("suggest", path, "--clashes", "3")
    assert "3 distinct clashes" in text.stdout
    assert "    1. A's red line ‘a line" in text.stdout
    assert "    3. " in text.stdout
    bad = _cli("suggest", path, "--clashes", "0")
    assert bad.returncode == 2
    assert len(bad.stderr.splitlines()) == 1


def test_default_scenario_has_several_distinct_clashes() -> None:
    from desktop.store import read_scenario_file

    scenario = read_scenario_file(UKRAINE)
    result = find_bridge(scenario, scenario.draft("twenty-point"), clashes=3, alternatives=0)
    assert result.proven_infeasible
    assert len(result.clashes) == 3
    assert len({_items(c) for c in result.clashes}) == 3
    for clash in result.clashes:
        assert len({c.party for c in clash}) >= 2  # a clash is between parties here


# --------------------------------------------------------------------------- time limits


def _chain(n: int) -> Scenario:
    """A long implication chain: each red line forces the next provision, and the last one
    clashes with the first, so the clash has n members and shrinking it takes n solves."""
    provisions = [{"id": f"c{i}", "title": f"C{i}", "params": []} for i in range(n)]
    rules = ["c0"] + [f"c{i} -> c{i + 1}" for i in range(n - 1)] + [f"not c{n - 1}"]
    return _scenario(provisions, [_party("a", *rules)], [])


def test_the_whole_call_keeps_its_time_limit_and_says_what_is_partial() -> None:
    scenario = _chain(400)
    started = time.monotonic()
    result = find_bridge(scenario, scenario.drafts[0], time_limit=0.5)
    elapsed = time.monotonic() - started
    # Model building is outside the solver's clock; the bound is loose on purpose: before,
    # this call ran one solve per clash member, far past any limit.
    assert elapsed < 15, elapsed
    assert not result.feasible
    assert not result.optimal
    assert result.notes
    assert all("time limit" in note_text(n) for n in result.notes)
    small = _chain(30)
    full = find_bridge(small, small.drafts[0], time_limit=120)
    assert full.optimal
    assert len(full.clash) == 31

"""Bridge finder benchmarks: CP-SAT on the synthetic scenario, against brute force.

| operation                                                                   | target  |
|---------------------------------------------------------------------------|---------|
| optimal proposal, 2,000 provisions, 20 parties x 60 red lines, 2 workers  | <= 5 s  |

The default synthetic scenario (2,000 provisions, 20 parties x 60 red lines) has no agreement
at all: several of its random red lines cannot hold even alone. Its ``agreeable=True`` variant
has the same library and 500-clause draft, but every red line is drawn so that it holds on a
hidden witness draft (near the benchmark draft, no excluded pairs), while about a third still
fail on the benchmark draft. So the suite measures

* the time to prove no agreement and name a minimal clash on the default 20-party scenario;
* the target: an optimal proposal for all 20 parties x 60 red lines of the agreeable variant
  (``find_bridge(scenario, draft, workers=2, time_limit=...)``), best of 3;
* for information, an optimal proposal on the default scenario for the red lines of one party
  (``parties=["party-01"]``: 60 red lines, 10 preferences), which is feasible;
* the largest library brute-force enumeration can search in that same time;
* solve time from 100 to 5,000 provisions (one party, a draft of a quarter of the library).

CP-SAT runs with 2 workers, so this suite lets the process use every CPU while it solves (the
runner pins the process to one core for the single-threaded suites) and pins it back after.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import time
from collections.abc import Iterator
from typing import Any

from benchmarks import Result
from benchmarks.synthetic import synthetic_scenario
from desktop.domain import Clause, Draft, Scenario, check, scenario_from_dict, solver
from desktop.domain.solver import BridgeResult, Progress, find_bridge
from desktop.wording import note_text, status_words

NAME = "solver"
TITLE = "Bridge finder: CP-SAT proposals and clashes"

PROPOSAL_S = 5.0
WORKERS = 2
PARTY = ["party-01"]
GROWTH = (100, 500, 1000, 2000, 5000)
#: The search for the cheapest red lines to relax on the full scenario is cut off here.
RELAX_LIMIT_S = 10.0
#: The time limit given to the solver for the 20-party agreeable proposal.
AGREEABLE_LIMIT_S = 60.0
SEEDS = 8
#: The whole-call time limit is kept: a call may overrun it by at most this much.
LIMIT_S = 3.0
LIMIT_SLACK = 1.1


class _CertificateClock:
    """Adds up the time spent in the certificates (the checker re-verifying a proposal, a
    viable draft, a relaxation's witness; a clash re-proven on fresh models) during a call.
    Nested certificate calls are counted once."""

    NAMES = (("bridge", "_certify_proposal"), ("bridge", "_viable_for"),
             ("bridge", "_Clashes.certify"), ("encoding", "Compiler.holds"))

    def __init__(self) -> None:
        self.seconds = 0.0
        self._depth = 0

    @contextlib.contextmanager
    def installed(self) -> Iterator[_CertificateClock]:
        saved = []
        for module, name in self.NAMES:
            owner: Any = getattr(solver, module)
            *path, attr = name.split(".")
            for part in path:
                owner = getattr(owner, part)
            real = getattr(owner, attr)
            saved.append((owner, attr, real))
            setattr(owner, attr, self._timed(real))
        try:
            yield self
        finally:
            for owner, attr, real in saved:
                setattr(owner, attr, real)

    def _timed(self, real: Any) -> Any:
        def timed(*args: Any, **kw: Any) -> Any:
            self._depth += 1
            start = time.perf_counter()
            try:
                return real(*args, **kw)
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self.seconds += time.perf_counter() - start
        return timed


def _chain(n: int) -> Scenario:
    """A long implication chain whose minimal clash has n + 1 red lines."""
    provs = [{"id": f"c{i}", "title": "c", "category": "c", "kind": "mechanism", "text": "t"}
             for i in range(n)]
    rules = ["c0"] + [f"c{i} -> c{i + 1}" for i in range(n - 1)] + [f"not c{n - 1}"]
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "chain", "provisions": provs,
        "parties": [{"id": "a", "name": "A", "red_lines": [
            {"id": f"r{i}", "title": "r", "rule": r} for i, r in enumerate(rules)]}],
        "drafts": [{"id": "d", "title": "d", "clauses": []}],
    })


def _limit_case(name: str, scenario: Scenario) -> Result:
    start = time.perf_counter()
    result = find_bridge(scenario, scenario.drafts[0], time_limit=LIMIT_S, workers=WORKERS)
    took = time.perf_counter() - start
    return Result(f"time limit {LIMIT_S:.0f} s kept: {name}", took, "s", LIMIT_S * LIMIT_SLACK,
                  took <= LIMIT_S * LIMIT_SLACK,
                  note=f"{status_words(result.status)}; notes: "
                  f"{'; '.join(note_text(n) for n in result.notes) or 'none'}")


def _solve(scenario: Scenario, parties: list[str] | None,
           marks: dict[str, float] | None = None,
           time_limit: float = 60.0) -> tuple[float, BridgeResult]:
    start = time.perf_counter()

    def note(where: Progress) -> None:
        if marks is not None:
            marks.setdefault(where.stage, time.perf_counter() - start)

    result = find_bridge(scenario, scenario.drafts[0], parties=parties, alternatives=0,
                         time_limit=time_limit, workers=WORKERS, progress=note)
    return time.perf_counter() - start, result


# --------------------------------------------------------------------------- brute force


def _tiny(n: int) -> Scenario:
    """n provisions with one bool param each, one party, a red line per pair of neighbours."""
    provs = [{"id": f"p{i}", "title": "p", "category": "c", "kind": "mechanism", "text": "t",
              "params": [{"name": "b", "type": "bool", "default": False}]} for i in range(n)]
    rules = [f"p{i} -> (p{i + 1} and p{i + 1}.b == true)" for i in range(n - 1)] + ["p0"]
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "tiny", "provisions": provs,
        "parties": [{"id": "a", "name": "A", "red_lines": [
            {"id": f"r{i}", "title": "r", "rule": r} for i, r in enumerate(rules)]}],
        "drafts": [{"id": "d", "title": "d", "clauses": []}],
    })


def _drafts(scenario: Scenario) -> Iterator[tuple[Clause, ...]]:
    options: list[list[Clause | None]] = []
    for prov in scenario.provisions:
        options.append([None] + [Clause(provision=prov.id, values={"b": b}, phase=ph)
                                 for b in (False, True) for ph in (1, 2)])
    for combo in itertools.product(*options):
        yield tuple(c for c in combo if c is not None)


def _brute_force_seconds(n: int, budget: float) -> float | None:
    """Seconds to check every draft of ``_tiny(n)`` (5**n drafts), or None past ``budget``."""
    scenario = _tiny(n)
    base = Draft(id="d", title="d")
    start = time.perf_counter()
    for clauses in _drafts(scenario):
        check(scenario, base.model_copy(update={"clauses": clauses}))
        if time.perf_counter() - start > budget:
            return None
    return time.perf_counter() - start


def _largest_brute_force(budget: float) -> tuple[int, float]:
    best, seconds = 0, 0.0
    for n in itertools.count(1):
        took = _brute_force_seconds(n, budget)
        if took is None:
            return best, seconds
        best, seconds = n, took
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------- suite


def _all_cpus() -> tuple[set[int] | None, Any]:
    if not hasattr(os, "sched_getaffinity"):
        return None, None
    before = set(os.sched_getaffinity(0))
    with contextlib.suppress(OSError):
        os.sched_setaffinity(0, range(os.cpu_count() or 1))
    return before, None


def run() -> list[Result]:
    before, _ = _all_cpus()
    try:
        return _run()
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)


def _run() -> list[Result]:
    results: list[Result] = []
    full = synthetic_scenario()
    marks: dict[str, float] = {}
    clock = _CertificateClock()
    with clock.installed():
        seconds, result = _solve(full, None, marks, time_limit=RELAX_LIMIT_S)
    results.append(Result.info(
        "certificates' share: 20 parties x 60 red lines, no agreement", clock.seconds, "s",
        note=f"{clock.seconds / seconds:.1%} of the {seconds:.1f} s call (the viable check, "
        f"the clash re-proven on fresh models, the relaxation's witness checked)"))
    assert not result.feasible
    clash_s = marks.get("relax", seconds)
    results.append(Result.info(
        "20 parties x 60 red lines: no agreement proven + minimal clash", clash_s, "s",
        note=f"clash of {len(result.clash)}; the cheapest red lines to relax then "
        f"{'proven' if result.optimal else 'not proven within the time limit'} "
        f"({len(result.relax)} found, {seconds - clash_s:.1f} s)"))

    agreeable = synthetic_scenario(agreeable=True)
    clock = _CertificateClock()
    with clock.installed():
        cert_total, _ = _solve(agreeable, None, time_limit=AGREEABLE_LIMIT_S)
    results.append(Result.info(
        "certificates' share: 20 parties x 60 red lines, optimal proposal", clock.seconds, "s",
        note=f"{clock.seconds / cert_total:.1%} of the {cert_total:.1f} s call (check() of the "
        "draft and of the proposal)"))
    runs = [_solve(agreeable, None, time_limit=AGREEABLE_LIMIT_S) for _ in range(3)]
    best_s, res = min(runs, key=lambda x: x[0])
    proven = all(r.optimal for _, r in runs)
    changes = res.proposal.cost if res.proposal is not None else None
    # The target is an *optimal* proposal: a run not proven optimal fails it whatever its time.
    results.append(Result(
        "optimal proposal, 2,000 provisions, 20 parties x 60 red lines (agreeable), 2 workers "
        "(best of 3)", best_s, "s", PROPOSAL_S, proven and best_s <= PROPOSAL_S,
        note=(f"{res.status}; {changes} changes, cost {res.proposal.total_cost:g}; "
              + ("every objective stage proven optimal" if proven
                 else "NOT proven optimal within the time limit"))
        if res.proposal is not None else f"no proposal: {res.status}"))

    best = min(_solve(full, PARTY)[0] for _ in range(3))
    _, one = _solve(full, PARTY)
    assert one.optimal
    assert one.proposal is not None
    results.append(Result.info(
        "optimal proposal, 2,000 provisions, 1 party x 60 red lines, 2 workers (best of 3)",
        best, "s",
        note=f"{one.proposal.cost} changes, cost {one.proposal.total_cost:g}; every objective "
        "stage proven optimal"))

    n, took = _largest_brute_force(best_s)
    results.append(Result.info(
        f"brute force in the same time: largest library ({5 ** n:,} drafts)", n, "provisions",
        note=f"one bool param, 2 phases: 5^n drafts; {took:.2f} s"))

    results.append(_limit_case("a 400-link implication chain (401-line clash)", _chain(400)))
    huge = synthetic_scenario(n_provisions=20_000, n_parties=5_000, red_lines_per_party=2,
                              preferences_per_party=1, draft_clauses=5_000, agreeable=True)
    results.append(_limit_case("20,000 provisions x 5,000 parties", huge))

    for size in GROWTH:
        # The first seed whose one party's red lines can all hold (some random red lines
        # cannot hold even alone).
        for seed in range(SEEDS):
            scenario = synthetic_scenario(n_provisions=size, n_parties=1,
                                          draft_clauses=size // 4, seed=seed)
            seconds, res = _solve(scenario, None)
            if res.proposal is not None:
                results.append(Result.info(
                    f"growth: {size:,} provisions, 1 party x 60 red lines", seconds, "s",
                    note=f"seed {seed}; {res.status}, {res.proposal.cost} changes"))
                break
        else:
            results.append(Result.info(
                f"growth: {size:,} provisions, 1 party x 60 red lines", seconds, "s",
                note=f"no feasible seed in {SEEDS}; time to prove no agreement"))
    return results


if __name__ == "__main__":
    for r in run():
        print(f"{r.name:80} {r.figure!s:>10} {r.unit:12} {r.status:5} {r.note}")

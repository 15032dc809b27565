"""Core engine benchmarks: ``check()``, JSON import, opening and saving a document.

Measured on the default synthetic scenario (:mod:`benchmarks.synthetic`: 2,000 provisions, 20
parties x 60 red lines, a 500-clause draft), on one pinned core.

| operation                                   | target        |
|---------------------------------------------|---------------|
| ``check()`` of the 500-clause draft, p95    | <= 10 ms      |
| import of the scenario JSON, median         | <= 1 s        |
| ``open_document``, median and max           | <= 300 ms     |
| ``save_document``, median and max           | <= 300 ms     |

``python -m benchmarks.bench_core --profile`` prints where ``check()`` spends its time instead.
"""

from __future__ import annotations

import cProfile
import importlib
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from benchmarks import Result, median, percentile, pin_to_one_core, time_calls
from benchmarks.synthetic import synthetic_scenario
from desktop.domain.checker import check, compiled
from desktop.domain.interchange import (
    dump_scenario,
    parse_scenario,
    scenario_from_dict,
    scenario_to_dict,
)
from desktop.domain.model import Draft, Scenario
from desktop.wording import conflict_text, explanation, short_name

NAME = "core"
TITLE = "Core engine: check, import, open, save"

CHECK_P95_MS = 10.0
IMPORT_MS = 1000.0
OPEN_MS = 300.0
SAVE_MS = 300.0

CHECK_WARMUP = 30
CHECK_RUNS = 500
FIRST_CHECK_RUNS = 5  # each on a freshly parsed scenario, so each compiles its rules
IMPORT_RUNS = 7
DOCUMENT_RUNS = 15


def _ms(seconds: float) -> float:
    return seconds * 1000.0


# --------------------------------------------------------------------------- the store


@dataclass(frozen=True, slots=True)
class _Store:
    open_document: Callable[[Path], Scenario]
    save_document: Callable[[Scenario, Path], None]
    import_json: Callable[[Path], Scenario]


def _load_store() -> _Store | str:
    """The store's document API, or why it cannot be used. Looked up by name so the benchmark
    keeps type-checking and running while the store is being written."""
    try:
        module = importlib.import_module("desktop.store")
    except ImportError as err:
        return f"desktop.store does not import ({err})"
    missing = [n for n in ("open_document", "save_document", "import_json")
               if not hasattr(module, n)]
    if missing:
        return f"desktop.store has no {', '.join(missing)} yet"
    return _Store(
        cast(Callable[[Path], Scenario], module.open_document),
        cast(Callable[[Scenario, Path], None], module.save_document),
        cast(Callable[[Path], Scenario], module.import_json),
    )


# --------------------------------------------------------------------------- benchmarks


def _scenario_stats(scenario: Scenario, data: bytes, build_s: float) -> list[Result]:
    draft = scenario.drafts[0]
    report = check(scenario, draft)
    red_lines = sum(len(p.red_lines) for p in scenario.parties)
    violated = sum(len(v.violations) for v in report.parties)
    return [
        Result.info("scenario: provisions", len(scenario.provisions)),
        Result.info("scenario: parties", len(scenario.parties)),
        Result.info("scenario: red lines", red_lines),
        Result.info("scenario: preferences", sum(len(p.preferences) for p in scenario.parties)),
        Result.info("scenario: draft clauses", len(draft.clauses)),
        Result.info("scenario: violated red lines", violated, "",
                    f"{violated / red_lines:.0%} of red lines" if red_lines else ""),
        Result.info("scenario: parties accepting", report.accepting),
        Result.info("scenario: conflicts in draft", len(report.conflicts)),
        Result.info("scenario: JSON size", len(data), "bytes"),
        Result.info("scenario: generation", _ms(build_s), "ms", "synthetic_scenario(), built once"),
    ]


def _bench_check(scenario: Scenario, data: bytes) -> list[Result]:
    draft = scenario.drafts[0]

    # The first check of a scenario compiles every rule; time it on fresh copies.
    first: list[float] = []
    for _ in range(FIRST_CHECK_RUNS):
        fresh = parse_scenario(data)
        start = time.perf_counter()
        check(fresh, fresh.drafts[0])
        first.append(time.perf_counter() - start)

    compiled(scenario)  # compile once, outside the timing
    times = time_calls(lambda: check(scenario, draft), CHECK_RUNS, CHECK_WARMUP)
    runs = f"{CHECK_RUNS} runs after {CHECK_WARMUP} warm-up"

    def check_and_word() -> None:
        report = check(scenario, draft)
        for verdict in report.parties:
            name = short_name(verdict.name)
            for v in verdict.violations:
                explanation(v.reasons, scenario, name)
        for c in report.conflicts:
            conflict_text(c, scenario)

    worded = time_calls(check_and_word, CHECK_RUNS, CHECK_WARMUP)

    def word_from_nothing() -> None:
        fresh = parse_scenario(data)  # untimed below: only the wording of a fresh scenario
        report = check(fresh, fresh.drafts[0])
        start = time.perf_counter()
        for verdict in report.parties:
            for v in verdict.violations:
                explanation(v.reasons, fresh, short_name(verdict.name))
        cold.append(time.perf_counter() - start)

    cold: list[float] = []
    for _ in range(FIRST_CHECK_RUNS):
        word_from_nothing()
    return [
        Result.measured("check(): p95", _ms(percentile(times, 95)), "ms", CHECK_P95_MS, runs),
        Result.measured("check() and every explanation in words: p95",
                        _ms(percentile(worded, 95)), "ms", CHECK_P95_MS,
                        f"{runs}; the cards after an edit (unchanged violations are worded once)"),
        Result.info("check() and every explanation in words: median", _ms(median(worded)), "ms",
                    runs),
        Result.info("every explanation worded from nothing: median", _ms(median(cold)), "ms",
                    f"{FIRST_CHECK_RUNS} fresh scenarios (opening a document, switching drafts)"),
        Result.info("check(): median", _ms(median(times)), "ms", runs),
        Result.info("check(): max", _ms(max(times)), "ms", runs),
        Result.info("check(): first, compiling the rules", _ms(median(first)), "ms",
                    f"median of {FIRST_CHECK_RUNS} freshly parsed scenarios"),
        *_check_breakdown(scenario, draft),
    ]


def _check_breakdown(scenario: Scenario, draft: Draft) -> list[Result]:
    """Where a check's time goes: building the draft's state, the red-line predicates, the
    explanations of the failing ones, the preferences. Medians, for spotting regressions."""
    cs = compiled(scenario)
    state = cs.state(draft)
    failing = [rule for party in cs.parties for _, _, rule in party.red_lines
               if not rule.predicate(state)]

    def predicates() -> None:
        for party in cs.parties:
            for _, _, rule in party.red_lines:
                rule.predicate(state)

    def explanations() -> None:
        for rule in failing:
            rule.explain(state)

    def preferences() -> None:
        for party in cs.parties:
            for _, _, rule in party.preferences:
                rule.predicate(state)

    runs = CHECK_RUNS // 3
    parts: list[tuple[str, Callable[[], object], str]] = [
        ("state building", lambda: cs.state(draft), f"{len(draft.clauses)} clauses"),
        ("red-line predicates", predicates, f"{sum(len(p.red_lines) for p in cs.parties)} rules"),
        ("explanations", explanations, f"{len(failing)} failing red lines"),
        ("preferences", preferences, f"{sum(len(p.preferences) for p in cs.parties)} rules"),
    ]
    return [
        Result.info(f"check(): {label} (median)", _ms(median(time_calls(fn, runs, 5))), "ms",
                    note)
        for label, fn, note in parts
    ]


def _parse_file(path: Path) -> Scenario:
    return parse_scenario(path.read_bytes())


def _bench_import(data: bytes, tmp: Path, store: _Store | str) -> list[Result]:
    path = tmp / "scenario.json"
    path.write_bytes(data)
    read_json: Callable[[Path], Scenario]
    if isinstance(store, _Store):
        how = "import_json(path)"
        read_json = store.import_json
    else:
        how = "parse_scenario(path.read_bytes()): the store is not ready"
        read_json = _parse_file

    def load() -> Scenario:
        return read_json(path)

    times = time_calls(load, IMPORT_RUNS, warmup=1)
    note = f"{how}; {IMPORT_RUNS} runs after 1 warm-up"
    return [
        Result.measured("import JSON: median", _ms(median(times)), "ms", IMPORT_MS, note),
        Result.info("import JSON: max", _ms(max(times)), "ms", note),
    ]


def _edited(scenario: Scenario) -> Scenario:
    """The scenario with one clause moved to another phase: what a save follows in practice."""
    raw = scenario_to_dict(scenario)
    clause = raw["drafts"][0]["clauses"][0]
    clause["phase"] = clause.get("phase", 1) % 4 + 1
    return scenario_from_dict(raw)


def _bench_documents(scenario: Scenario, tmp: Path, store: _Store | str) -> list[Result]:
    names = ("open document", "save document")
    if not isinstance(store, _Store):
        return [
            Result.skipped(f"{n}: {stat}", "ms", target, store)
            for n, target in zip(names, (OPEN_MS, SAVE_MS), strict=True)
            for stat in ("median", "max")
        ]
    path = tmp / "bench.accord"

    start = time.perf_counter()
    store.save_document(scenario, path)
    first_save = time.perf_counter() - start

    # Saves alternate between the scenario and a one-clause edit of it, so a store that skips
    # unchanged content still has something to write every time.
    versions = (_edited(scenario), scenario)
    saved: list[Scenario] = [scenario]

    def save() -> None:
        version = versions[len(saved) % 2]
        store.save_document(version, path)
        saved.append(version)

    saves = time_calls(save, DOCUMENT_RUNS, warmup=2)
    opens = time_calls(lambda: store.open_document(path), DOCUMENT_RUNS, warmup=2)
    same = store.open_document(path) == saved[-1]
    note = f"{DOCUMENT_RUNS} runs after 2 warm-up; {path.stat().st_size:,} bytes on disk"
    if not same:
        note += "; WARNING: the document opened differs from the one saved"
    return [
        Result.measured("open document: median", _ms(median(opens)), "ms", OPEN_MS, note),
        Result.measured("open document: max", _ms(max(opens)), "ms", OPEN_MS, note),
        Result.measured("save document: median", _ms(median(saves)), "ms", SAVE_MS,
                        note + "; alternating a one-clause edit"),
        Result.measured("save document: max", _ms(max(saves)), "ms", SAVE_MS, note),
        Result.info("save document: first, new file", _ms(first_save), "ms"),
    ]


def run() -> list[Result]:
    pin_to_one_core()
    start = time.perf_counter()
    scenario = synthetic_scenario()
    build_s = time.perf_counter() - start
    data = dump_scenario(scenario).encode("utf-8")
    store = _load_store()
    results = _scenario_stats(scenario, data, build_s)
    results += _bench_check(scenario, data)
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as tmp:
        results += _bench_import(data, Path(tmp), store)
        results += _bench_documents(scenario, Path(tmp), store)
    return results


# --------------------------------------------------------------------------- profiling


def profile_check(runs: int = 200, top: int = 25) -> None:
    """Print cProfile's view of ``runs`` checks of the benchmark draft (rules compiled first)."""
    pin_to_one_core()
    scenario = synthetic_scenario()
    draft = scenario.drafts[0]
    check(scenario, draft)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        check(scenario, draft)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--profile" in args:
        profile_check()
        return 0
    from benchmarks.run import main as run_main

    return run_main([NAME])


if __name__ == "__main__":
    sys.exit(main())

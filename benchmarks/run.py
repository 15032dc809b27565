"""``make bench``: run every benchmark module on one pinned core, print one table, write
``benchmarks/results/<module>.json``, and exit 1 if any target is missed.

    python -m benchmarks.run            # everything
    python -m benchmarks.run core       # only the modules named (by NAME)

A new benchmark (GUI re-check latency, briefing sheets, solver, packaging) is a module with
``NAME``, ``TITLE`` and ``run() -> list[Result]``, added to :data:`MODULES`.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any, cast

from benchmarks import RESULTS_DIR, Result, machine_info, pin_to_one_core

#: The benchmark modules, in the order they run.
MODULES: tuple[str, ...] = ("benchmarks.bench_core", "benchmarks.bench_gui",
                             "benchmarks.bench_report", "benchmarks.bench_solver",
                             "benchmarks.bench_bad_input", "benchmarks.bench_startup",
                             "benchmarks.bench_precedents")


@dataclass(frozen=True, slots=True)
class Suite:
    name: str
    title: str
    run: Callable[[], list[Result]]


def _suite(module: ModuleType) -> Suite:
    return Suite(
        name=str(module.NAME),
        title=str(getattr(module, "TITLE", module.NAME)),
        run=cast(Callable[[], list[Result]], module.run),
    )


def load_suites(only: Sequence[str] = ()) -> list[Suite]:
    suites = [_suite(importlib.import_module(m)) for m in MODULES]
    if only:
        unknown = sorted(set(only) - {s.name for s in suites})
        if unknown:
            known = ", ".join(s.name for s in suites)
            raise SystemExit(f"unknown benchmark {', '.join(unknown)} (known: {known})")
        suites = [s for s in suites if s.name in only]
    return suites


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("ms", "s"):
        return f"{value:,.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"
    if float(value).is_integer():
        return f"{int(value):,} {unit}".rstrip()
    return f"{value:,.3g} {unit}".rstrip()


def format_table(results: Sequence[Result]) -> str:
    rows = [("measure", "figure", "target", "status", "note")]
    for r in results:
        target = "—" if r.target is None else f"≤ {_number(r.target, r.unit)}"
        rows.append((r.name, _number(r.figure, r.unit), target, r.status, r.note))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].rjust(widths[2]),
                 row[3].ljust(widths[3]), row[4]]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_results(suite: Suite, results: Sequence[Result], machine: dict[str, Any],
                  seconds: float) -> str:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{suite.name}.json"
    doc = {
        "suite": suite.name,
        "title": suite.title,
        "machine": machine,
        "wall_seconds": round(seconds, 2),
        "passed": not any(r.passed is False for r in results),
        "results": [r.as_dict() for r in results],
    }
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    only = list(sys.argv[1:] if argv is None else argv)
    suites = load_suites(only)
    cpu = pin_to_one_core()
    machine = machine_info(cpu)
    print(f"Accord benchmarks — {machine['cpu_model']}, {machine['nproc']} CPUs "
          f"(pinned to CPU {cpu}), Python {machine['python']}, {machine['os']}")
    failed: list[str] = []
    skipped: list[str] = []
    for suite in suites:
        print(f"\n== {suite.title} [{suite.name}]", flush=True)
        start = time.perf_counter()
        results = suite.run()
        seconds = time.perf_counter() - start
        print(format_table(results))
        print(f"(written to {write_results(suite, results, machine, seconds)}; {seconds:.1f} s)")
        failed += [f"{suite.name}: {r.name}" for r in results if r.passed is False]
        skipped += [f"{suite.name}: {r.name}" for r in results if r.status == "SKIP"]
    print()
    if skipped:
        print(f"NOT MEASURED ({len(skipped)}): " + "; ".join(skipped))
    if failed:
        print(f"FAIL: {len(failed)} target(s) missed: " + "; ".join(failed))
        return 1
    print("PASS: every measured target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Accord's benchmark suite (``make bench`` = ``python -m benchmarks.run``).

Every benchmark module exposes ``NAME`` (the results file is ``benchmarks/results/<NAME>.json``),
``TITLE`` and ``run() -> list[Result]``; :mod:`benchmarks.run` lists the modules, runs them on one
pinned core, prints one table and exits 1 if any target is missed. This module holds what they
share: :class:`Result`, the timing helpers and the machine description.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).parent / "results"

#: CPUs this process may use, read at import, before :func:`pin_to_one_core` narrows it (`nproc`).
_AVAILABLE_CPUS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None


@dataclass(frozen=True, slots=True)
class Result:
    """One row of the results table.

    ``target`` is an upper bound in ``unit`` (every figure measured so far is "lower is better");
    a row without a target is information (a scenario size, a median next to its p95).
    ``passed`` is None for information and for a measurement that could not be taken (``note``
    says why; ``figure`` is then None).
    """

    name: str
    figure: float | None
    unit: str
    target: float | None = None
    passed: bool | None = None
    note: str = ""

    @classmethod
    def measured(
        cls, name: str, figure: float, unit: str, target: float | None = None, note: str = ""
    ) -> Result:
        passed = None if target is None else figure <= target
        return cls(name, figure, unit, target, passed, note)

    @classmethod
    def info(cls, name: str, figure: float, unit: str = "", note: str = "") -> Result:
        return cls(name, figure, unit, None, None, note)

    @classmethod
    def skipped(cls, name: str, unit: str, target: float | None, why: str) -> Result:
        return cls(name, None, unit, target, None, f"not measured: {why}")

    @property
    def status(self) -> str:
        if self.passed is True:
            return "PASS"
        if self.passed is False:
            return "FAIL"
        return "SKIP" if self.figure is None else ""

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["status"] = self.status or "info"
        return out


# --------------------------------------------------------------------------- measuring


def pin_to_one_core() -> int | None:
    """Run this process on one CPU only (the first it may use); the CPU, or None if the
    platform cannot pin (macOS, Windows)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def time_calls(fn: Callable[[], object], runs: int, warmup: int = 0) -> list[float]:
    """Seconds per call of ``fn``: ``warmup`` untimed calls, then ``runs`` timed ones.

    The garbage collector stays on (a user's re-check pays for its collections too), but is
    run before timing starts so earlier work's garbage is not charged to the first runs.
    """
    for _ in range(warmup):
        fn()
    gc.collect()
    times: list[float] = []
    clock = time.perf_counter
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    return times


def percentile(samples: Sequence[float], pct: float) -> float:
    """The nearest-rank percentile: the smallest sample with ``pct`` % of samples at or below
    it (p95 of 200 samples is the 190th smallest)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


# --------------------------------------------------------------------------- the machine


def _cpuinfo(field: str) -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith(field):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _cpu_model() -> str:
    return _cpuinfo("model name") or platform.processor() or platform.machine()


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return None


def _os_name() -> str:
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.platform()


def machine_info(pinned_cpu: int | None) -> dict[str, Any]:
    """Where the figures come from, for the results file and docs/performance.md."""
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_model": _cpu_model(),
        "cpu_mhz": _cpuinfo("cpu MHz"),
        "nproc": _AVAILABLE_CPUS or os.cpu_count(),
        "cpu_count": os.cpu_count(),
        "pinned_cpu": pinned_cpu,
        "memory_gib": _memory_gib(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "os": _os_name(),
        "kernel": platform.release(),
    }

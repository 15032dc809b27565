"""Precedent queries (issue 18): a lookup or a combination query answers in <= 10 ms for any set
of up to 5 PA-X codes.

On the shipped index (2,257 agreements, 93 codes), with the default scenario's conflict (the
same-conflict ordering included) and the default filters, on one pinned core:

| operation                                                         | target   |
|-------------------------------------------------------------------|----------|
| lookup of one code, p95, the slowest of all 93 codes              | <= 10 ms |
| combination of the 5 most frequent codes (the worst case), p95    | <= 10 ms |
| 2,000 random sets of 2 to 5 codes: the slowest single answer      | <= 10 ms |
| reading the index on first use (information)                      | —        |
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import time

from benchmarks import Result, percentile, pin_to_one_core, time_calls
from desktop.domain.precedents import (
    CODES,
    INDEX_RESOURCE,
    Filters,
    PrecedentIndex,
    Tag,
    load_index,
)
from desktop.resources import resource_path

NAME = "precedents"
TITLE = "Precedents: PA-X lookups and combinations"

TARGET_MS = 10.0
RUNS = 50
RANDOM_SETS = 2000
TITLE_OF_SCENARIO = "Ending the war in Ukraine: US-led talks, late 2025"


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _load_ms() -> float:
    start = time.perf_counter()
    raw = gzip.decompress(resource_path(INDEX_RESOURCE).read_bytes())
    PrecedentIndex.from_document(json.loads(raw))
    return _ms(time.perf_counter() - start)


def run() -> list[Result]:
    load = _load_ms()
    index = load_index()
    conflict = index.conflict_of(TITLE_OF_SCENARIO)
    filters = Filters()

    def query(codes: list[str]) -> int:
        return len(index.query([Tag(c) for c in codes], filters, conflict))

    slowest_code, slowest_single = "", 0.0
    for code in CODES:
        p95 = percentile(time_calls(functools.partial(query, [code]), RUNS, warmup=3), 95)
        if p95 > slowest_single:
            slowest_code, slowest_single = code, p95
    frequent = sorted(CODES, key=index.count, reverse=True)[:5]
    worst = percentile(time_calls(lambda: query(frequent), RUNS * 4, warmup=5), 95)

    rng = random.Random(18)
    slowest_set: list[str] = []
    slowest_random = 0.0
    for _ in range(RANDOM_SETS):
        codes = rng.sample(CODES, rng.randint(2, 5))
        start = time.perf_counter()
        query(codes)
        took = time.perf_counter() - start
        if took > slowest_random:
            slowest_set, slowest_random = codes, took
    return [
        Result.measured("lookup of one code, p95 (slowest code)", _ms(slowest_single), "ms",
                        TARGET_MS, note=f"{slowest_code}: {index.count(slowest_code):,} "
                        "agreements"),
        Result.measured("5 most frequent codes together, p95", _ms(worst), "ms", TARGET_MS,
                        note=f"{'+'.join(frequent)}: {query(frequent):,} agreements"),
        Result.measured(f"{RANDOM_SETS:,} random sets of 2-5 codes, slowest", _ms(slowest_random),
                        "ms", TARGET_MS, note="+".join(slowest_set)),
        Result.info("reading the index on first use", load, "ms",
                    note=f"{resource_path(INDEX_RESOURCE).stat().st_size:,} bytes gzipped"),
    ]


def main() -> int:
    pin_to_one_core()
    for r in run():
        figure = "—" if r.figure is None else f"{r.figure:.2f} {r.unit}"
        print(f"{r.name}: {figure} {r.status} {r.note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

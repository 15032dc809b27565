"""A libFuzzer harness (atheris) for the rule parser and type checker.

Each input becomes one rule text, which is decided (``compile_rule``: parse, type-check,
compile) against the default scenario's provisions. The harness fails (libFuzzer stops and
writes the input to ``crash-<sha1>``) on

* any exception other than :class:`~desktop.domain.rules.RuleError`, the documented error;
* a decision slower than 50 ms, timed again three times so one GC pause or scheduler hiccup
  does not count (the best of the three must be over 50 ms). The timing includes atheris's
  coverage instrumentation, so it errs on the slow side.

Inputs are read three ways (the first byte chooses): as UTF-8 text, as the fuzzer's own
unicode (surrogates included), and as a sequence of tokens of the rule language and of junk
(each byte picks one), so that the fuzzer reaches the parser's deeper states quickly.

atheris is not a dependency of Accord; install it into the venv to run this::

    .venv/bin/pip install atheris
    .venv/bin/python -m benchmarks.fuzz_rules -max_total_time=300
    .venv/bin/python -m benchmarks.fuzz_rules -runs=200000
    .venv/bin/python -m benchmarks.fuzz_rules --seeds=/tmp/rule-corpus -max_total_time=300

Any libFuzzer flag may follow (``-max_len=5000``, ``-jobs=2``, a corpus folder;
``-artifact_prefix=/tmp/`` keeps ``crash-*`` files out of the working tree). The harness's
own flags: ``--seeds=DIR`` writes the default scenario's rules into ``DIR`` and fuzzes from
them as a seed corpus (mutating real rules reaches string literals and comparisons far sooner
than bytes from nothing); ``--tolerate=NAME[,NAME...]`` (exception class names, e.g.
``JSONDecodeError``) counts those exceptions and reports the first of each on stderr instead
of stopping, so a run can go on past a known bug.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import atheris  # type: ignore[import-untyped, import-not-found, unused-ignore]  # untyped, optional

with atheris.instrument_imports(include=["desktop.domain.rules"]):
    from desktop.domain.rules import RuleError, compile_rule

from benchmarks.bench_bad_input import _JUNK, _KEYWORDS, _OPS, _PUNCT, _Vocab
from desktop.domain.model import Provision
from desktop.resources import default_scenario_path
from desktop.store import import_json

DECISION_MS = 50.0
RETIMES = 3
SUMMARY_EVERY = 100_000


class SlowDecision(AssertionError):
    """A rule whose decision took longer than :data:`DECISION_MS`, every time."""


def _tokens(vocab: _Vocab) -> tuple[str, ...]:
    return (
        *_KEYWORDS, *_OPS, *_PUNCT, *_JUNK,
        *vocab.ids,
        *(f"{p}.{n}" for p, n in vocab.numeric),
        *(f"{p}.{n}" for p, n, _ in vocab.choices),
        *(f'"{c}"' for _, _, cs in vocab.choices for c in cs),
        *(f"{p}.{n}" for p, n in vocab.bools),
        "0", "1", "-5", "2.5", "800000", "9" * 30, "0.000001", '"', '"x', "\\", " ", "  ",
        "\n", "(" * 64, ")" * 64, "not " * 16, " -> ", " and ", " or ",
    )


class Harness:
    def __init__(self, provisions: dict[str, Provision], tokens: Sequence[str],
                 tolerate: frozenset[str]) -> None:
        self.provisions = provisions
        self.tokens = tuple(tokens)
        self.tolerate = tolerate
        self.tolerated: dict[str, int] = {}
        self.runs = 0
        self.worst_ms = 0.0

    def text(self, data: bytes) -> str:
        if not data:
            return ""
        mode, rest = data[0] % 3, data[1:]
        if mode == 0:
            return rest.decode("utf-8", "replace")
        if mode == 1:
            fdp = atheris.FuzzedDataProvider(rest)
            return str(fdp.ConsumeUnicode(len(rest)))
        n = len(self.tokens)
        return "".join(self.tokens[b % n] for b in rest)

    def decide_ms(self, text: str) -> float:
        """Milliseconds to decide ``text``; raises what ``compile_rule`` raises, but RuleError."""
        start = time.perf_counter()
        with contextlib.suppress(RuleError):
            compile_rule(text, self.provisions)
        return (time.perf_counter() - start) * 1000.0

    def summary(self) -> str:
        tolerated = ", ".join(f"{n} x{c:,}" for n, c in sorted(self.tolerated.items()))
        return (f"[fuzz_rules] {self.runs:,} runs: slowest decision {self.worst_ms:.2f} ms"
                + (f"; tolerated {tolerated}" if tolerated else ""))

    def __call__(self, data: bytes) -> None:
        self.runs += 1
        if self.runs % SUMMARY_EVERY == 0:  # libFuzzer exits without running atexit handlers
            print(f"\n{self.summary()}", file=sys.stderr, flush=True)
        text = self.text(data)
        try:
            ms = self.decide_ms(text)
        except Exception as err:
            name = type(err).__name__
            if name not in self.tolerate:
                raise
            count = self.tolerated.get(name, 0)
            self.tolerated[name] = count + 1
            if count == 0:
                print(f"\n[fuzz_rules] tolerated {name} at run {self.runs:,}: "
                      f"{text[:120]!a} -> {err}", file=sys.stderr, flush=True)
            return
        if ms > DECISION_MS:
            best = min(self.decide_ms(text) for _ in range(RETIMES))
            if best > DECISION_MS:
                raise SlowDecision(f"{best:.1f} ms (best of {RETIMES}) to decide a "
                                   f"{len(text):,}-character rule: {text[:120]!a}")
            ms = best
        if ms > self.worst_ms:
            self.worst_ms = ms
            if ms > 1.0:
                print(f"\n[fuzz_rules] run {self.runs:,}: slowest decision so far {ms:.2f} ms "
                      f"({len(text):,} chars)", file=sys.stderr, flush=True)


def write_seeds(folder: Path, rules: Sequence[str]) -> None:
    """The scenario's own rules as a seed corpus, in the harness's UTF-8 mode (first byte 0)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, rule in enumerate(rules):
        (folder / f"seed-{n:03d}").write_bytes(b"\x00" + rule.encode("utf-8"))


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    tolerate: set[str] = set()
    seeds: Path | None = None
    for arg in [a for a in args if a.startswith("--")]:
        if arg.startswith("--tolerate="):
            tolerate.update(n for n in arg.removeprefix("--tolerate=").split(",") if n)
        elif arg.startswith("--seeds="):
            seeds = Path(arg.removeprefix("--seeds="))
        else:
            continue
        args.remove(arg)
    scenario = import_json(default_scenario_path())
    vocab = _Vocab.of(scenario)
    if seeds is not None:
        write_seeds(seeds, vocab.rules)
        args.append(str(seeds))  # libFuzzer reads, and adds to, the corpus folders it is given
    harness = Harness(dict(scenario.provision_index), _tokens(vocab),
                      frozenset(tolerate))
    atheris.Setup(args, harness)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Bad input: hostile rules (B3) and hostile scenario JSON (B2) are refused, in bounded time.

B3, the rule parser and type checker, fuzzed
    A repeatable corpus of rule texts (``random.Random`` with fixed seeds; no hypothesis needed)
    from a grammar-aware generator over the default scenario's provisions: well-typed rules,
    ill-typed ones, token soup mixed with junk, mutations of the scenario's own rules, nesting
    around and far beyond the depth limit (64), texts of 3,999 / 4,000 / 4,001 characters and
    far longer, long ids, huge numbers, unicode, unterminated and odd strings. Then, if
    hypothesis is installed, a derandomized hypothesis run over text and token strategies.
    Each text is *decided* (``compile_rule``: parse, type-check, compile) against the default
    scenario's provisions, timed alone with ``perf_counter`` (the garbage collector on, as in
    the app). A decision over 50 ms is timed three more times and counts with its best time,
    so that another process taking the core is not blamed on the rule; the worst first timing
    is reported beside it. The documented error is :class:`~desktop.domain.rules.RuleError`;
    any other exception is a failure.

B2, hostile scenario JSON through ``import_json(path)``
    Extra keys, wrong types, 10 MB strings, 100,000-deep nesting, a 200 MB (sparse) file that
    must be refused by its size without being read, a real file just over the 50 MB limit and
    one just under it. Each case is timed end to end (stat, read, parse, validate) and must
    end in :class:`~desktop.store.DocumentError`; anything else is a failure.

| measure                                              | target       |
|------------------------------------------------------|--------------|
| B3: exceptions other than ``RuleError``              | 0            |
| B3: worst single decision (re-timed if over)         | <= 50 ms     |
| B2: a file over the limit, refused by its size       | <= 100 ms    |
| B2: each other hostile file, worst of its runs       | <= 1,000 ms  |
| B2: the 49 MB file just under the limit (parsed)     | <= 5,000 ms  |

A decision or an import that never returns would hang the suite; each is run under a
``SIGALRM`` deadline (:data:`HANG_S`) where the platform has one, and reported as a failure.

``python -m benchmarks.bench_bad_input`` runs this suite alone (the same as
``python -m benchmarks.run bad_input``).
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import random
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import Result, median, percentile, pin_to_one_core
from desktop.domain.model import BoolParam, ChoiceParam, IntParam, NumberParam, Provision, Scenario
from desktop.domain.rules import MAX_DEPTH, MAX_RULE_LENGTH, RuleError, compile_rule
from desktop.resources import default_scenario_path
from desktop.store import DocumentError, import_json

NAME = "bad_input"
TITLE = "Bad input: fuzzed rules (B3), hostile scenario JSON (B2)"

DECISION_MS = 50.0
SIZE_REFUSAL_MS = 100.0
HOSTILE_FILE_MS = 1000.0
NEAR_LIMIT_MS = 5000.0
#: A single decision or import running this long is reported as a hang.
HANG_S = 20.0

SEED = 20_250_521
#: How many texts each generator contributes to the B3 corpus.
CORPUS: dict[str, int] = {
    "well-typed rules": 6000,
    "ill-typed rules": 3000,
    "token soup": 8000,
    "mutated rules": 9000,
    "deep nesting": 2500,
    "length limits": 1200,
    "long ids": 600,
    "huge numbers": 1200,
    "unicode": 3000,
    "strings": 2500,
}
HYPOTHESIS_EXAMPLES = 10_000
#: A decision over the target is timed this many more times; its best time counts.
RETIMES = 3

MB = 1024 * 1024
DEEP = 100_000


def _ms(seconds: float) -> float:
    return seconds * 1000.0


# --------------------------------------------------------------------------- hang guard


class _Hang(BaseException):
    """Raised by the deadline's alarm; a BaseException so no ``except Exception`` swallows it."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (between bytecodes; a loop inside one C call, such
    as a regex, is not interrupted). A no-op where there is no SIGALRM or off the main thread."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _Hang

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _short(text: str, limit: int = 60) -> str:
    """A printable excerpt of ``text`` (escapes control, surrogate and non-ASCII characters)."""
    shown = ascii(text[:limit])
    return shown + (f" …(+{len(text) - limit:,} chars)" if len(text) > limit else "")


# --------------------------------------------------------------------------- the vocabulary


@dataclass(frozen=True, slots=True)
class _Vocab:
    """What the default scenario offers a rule: ids, typed params, choices, its own rules."""

    ids: tuple[str, ...]
    numeric: tuple[tuple[str, str], ...]  # (provision, param), phase included
    choices: tuple[tuple[str, str, tuple[str, ...]], ...]
    bools: tuple[tuple[str, str], ...]
    rules: tuple[str, ...]

    @classmethod
    def of(cls, scenario: Scenario) -> _Vocab:
        numeric: list[tuple[str, str]] = []
        choices: list[tuple[str, str, tuple[str, ...]]] = []
        bools: list[tuple[str, str]] = []
        for prov in scenario.provisions:
            numeric.append((prov.id, "phase"))
            for param in prov.params:
                if isinstance(param, IntParam | NumberParam):
                    numeric.append((prov.id, param.name))
                elif isinstance(param, ChoiceParam):
                    choices.append((prov.id, param.name, param.ids))
                elif isinstance(param, BoolParam):
                    bools.append((prov.id, param.name))
        rules = tuple([r.rule for p in scenario.parties for r in p.red_lines]
                      + [r.rule for p in scenario.parties for r in p.preferences])
        return cls(tuple(p.id for p in scenario.provisions), tuple(numeric), tuple(choices),
                   tuple(bools), rules)


_KEYWORDS = ("not", "and", "or", "in", "true", "false", "at_least", "at_most")
_OPS = ("==", "!=", "<", "<=", ">", ">=")
_PUNCT = ("(", ")", "[", "]", ",", ".", "->")
_JUNK = (
    "$", "@", "#", "=", "!", "-", "'", "\\", '"', "\n", "\t", "\r", "\x00", "\x1f", "\x7f",
    "→", "≥", "≠", "é", "\u200b", "\u202e", "\ufeff", "\u3000", "\u00a0", "１", "٣", "\ud800",
    "\udfff", "😀", "e", "1e6", "0x1F", "_x", "__", "-a", "a-", "--", "...", "((", "))", "[]",
    "\\u0041", "NaN", "Infinity", "None", "null", "&&", "||", "=>", "<-", "<>", ";", "`",
)
_SEPARATORS = ("", " ", " ", " ", "  ", "\n", "\t", "\u3000")
# Unicode blocks to draw characters from: Latin-1, Cyrillic, CJK, combining marks, general
# punctuation (zero-width and direction marks), surrogates, private use, emoji, the end of plane 0.
_UNICODE_RANGES = (
    (0x00, 0x7F), (0x80, 0xFF), (0x400, 0x4FF), (0x4E00, 0x4FFF), (0x300, 0x36F),
    (0x2000, 0x206F), (0xD800, 0xDFFF), (0xE000, 0xE0FF), (0x1F600, 0x1F64F), (0xFFF0, 0xFFFF),
    (0x10FFF0, 0x10FFFF),
)


class _Generator:
    """Rule texts for the corpus, drawn from one seeded ``random.Random``."""

    def __init__(self, vocab: _Vocab, seed: int) -> None:
        self.v = vocab
        self.r = random.Random(seed)
        self.unknown_ids = ("ghost", "army-capp", "x", "a-b-c", "nato", "phase", "_", "Army-Cap")

    # -- pieces

    def number(self) -> str:
        r = self.r
        pick = r.randrange(6)
        if pick == 0:
            return str(r.randint(-5, 5))
        if pick == 1:
            return str(r.randint(0, 2_000_000))
        if pick == 2:
            return f"{r.uniform(-10, 1e6):.{r.randint(1, 6)}f}"
        if pick == 3:
            return "-" + "9" * r.randint(1, 40)
        if pick == 4:
            return "0." + "0" * r.randint(0, 30) + "1"
        return str(r.choice((0, 1, 60, 800000, 2**63, 2**64 + 1)))

    def string(self) -> str:
        text = self.r.choice(("", "x", "de-jure", 'say \\"no\\"', "\\\\", "\\n", "\\t", "\\/",
                              "ключ", "日本", "😀", "a b", "  "))
        return f'"{text}"'

    def literal(self) -> str:
        pick = self.r.randrange(3)
        if pick == 0:
            return self.number()
        if pick == 1:
            return self.string()
        return self.r.choice(("true", "false"))

    def token(self) -> str:
        r = self.r
        pick = r.randrange(10)
        if pick == 0:
            return r.choice(_KEYWORDS)
        if pick == 1:
            return r.choice(_OPS)
        if pick in (2, 3):
            return r.choice(_PUNCT)
        if pick == 4:
            return r.choice(self.v.ids)
        if pick == 5:
            prov, param = r.choice(self.v.numeric)
            return f"{prov}.{param}"
        if pick == 6:
            prov, param, choices = r.choice(self.v.choices)
            return r.choice((f"{prov}.{param}", f'"{r.choice(choices)}"'))
        if pick == 7:
            return self.literal()
        if pick == 8:
            return r.choice(self.unknown_ids)
        return r.choice(_JUNK)

    def char(self) -> str:
        lo, hi = self.r.choice(_UNICODE_RANGES)
        return chr(self.r.randint(lo, hi))

    # -- well-typed rules

    def leaf(self) -> str:
        r, v = self.r, self.v
        pick = r.randrange(7)
        if pick == 0:
            return r.choice(v.ids)
        if pick == 1:
            prov, param = r.choice(v.numeric)
            return f"{prov}.{param} {r.choice(_OPS)} {self.number()}"
        if pick == 2:
            (p1, n1), (p2, n2) = r.choice(v.numeric), r.choice(v.numeric)
            return f"{p1}.{n1} {r.choice(_OPS)} {p2}.{n2}"
        if pick == 3 and v.choices:
            prov, param, choices = r.choice(v.choices)
            return f'{prov}.{param} {r.choice(("==", "!="))} "{r.choice(choices)}"'
        if pick == 4 and v.choices:
            prov, param, choices = r.choice(v.choices)
            items = ", ".join(f'"{c}"' for c in r.sample(choices, r.randint(1, len(choices))))
            return f"{prov}.{param} in [{items}]"
        if pick == 5 and v.bools:
            prov, param = r.choice(v.bools)
            return f"{prov}.{param} {r.choice(('==', '!='))} {r.choice(('true', 'false'))}"
        ids = ", ".join(r.choice(v.ids) for _ in range(r.randint(1, 6)))
        return f"{r.choice(('at_least', 'at_most'))}({r.randint(0, 6)}, {ids})"

    def well_typed(self, depth: int = 4) -> str:
        r = self.r
        if depth <= 0 or r.random() < 0.3:
            return self.leaf()
        pick = r.randrange(5)
        if pick == 0:
            return f"not ({self.well_typed(depth - 1)})"
        if pick in (1, 2):
            word = " and " if pick == 1 else " or "
            return word.join(f"({self.well_typed(depth - 1)})" for _ in range(r.randint(2, 4)))
        if pick == 3:
            return f"({self.well_typed(depth - 1)}) -> {self.well_typed(depth - 1)}"
        return f"({self.well_typed(depth - 1)})"

    # -- the corpus generators, one text each

    def ill_typed(self) -> str:
        r, v = self.r, self.v
        prov, param = r.choice(v.numeric)
        cprov, cparam, choices = r.choice(v.choices)
        bprov, bparam = r.choice(v.bools) if v.bools else (prov, param)
        wrong = r.choice((
            f"{r.choice(self.unknown_ids)}",
            f"{r.choice(self.unknown_ids)}.x > 1",
            f"{prov}.no_such_param == 1",
            f"{prov}.{param} == {self.string()}",
            f"{prov}.{param} == {r.choice(('true', 'false'))}",
            f'{cprov}.{cparam} == "martian"',
            f"{cprov}.{cparam} == {self.number()}",
            f'{cprov}.{cparam} < "{r.choice(choices)}"',
            f'{cprov}.{cparam} in ["{r.choice(choices)}", "martian", 3]',
            f"{bprov}.{bparam} > false",
            f"{bprov}.{bparam} == 1",
            f"{cprov}.{cparam} == {prov}.{param}",
            f"at_least(1, {r.choice(v.ids)}, {r.choice(self.unknown_ids)})",
        ))
        return r.choice((wrong, f"{self.well_typed(2)} and {wrong}", f"{wrong} -> {self.leaf()}",
                         f"not ({wrong}) or {self.well_typed(2)}"))

    def token_soup(self) -> str:
        r = self.r
        n = r.choice((1, 2, 3, 5, 8, 13, 30, 80, 200, 600))
        sep = r.choice(_SEPARATORS)
        return sep.join(self.token() for _ in range(n))

    def mutated(self) -> str:
        r = self.r
        text = r.choice(self.v.rules) if r.random() < 0.6 else self.well_typed(5)
        for _ in range(r.randint(1, 5)):
            n = len(text)
            i, j = sorted((r.randint(0, n), r.randint(0, n)))
            pick = r.randrange(7)
            if pick == 0:
                text = text[:i] + text[j:]  # delete a slice
            elif pick == 1:
                text = text[:i] + self.token() + text[i:]  # insert a token
            elif pick == 2:
                text = text[:i] + self.char() + text[i + 1:]  # replace a character
            elif pick == 3:
                text = text[:j] + text[i:j] + text[j:]  # duplicate a slice
            elif pick == 4:
                text = text[:i]  # truncate
            elif pick == 5:
                k = r.randint(0, n)
                a, b = sorted((j, k))
                text = text[:i] + text[a:b] + text[j:a] + text[i:j] + text[b:]  # swap slices
            else:
                text = text[:i] + r.choice(("(", ")", "not ", '"', "[", ",", " -> ")) + text[i:]
        return text

    def deep(self) -> str:
        r = self.r
        d = r.choice((1, 31, MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH,
                      MAX_DEPTH + 1, MAX_DEPTH + 1, MAX_DEPTH + 2, 100, 500, 1333, 1999, 4000))
        inner = r.choice((self.leaf(), self.r.choice(self.v.ids), self.well_typed(2)))
        pick = r.randrange(9)
        if pick == 0:
            return "(" * d + inner + ")" * d
        if pick == 1:
            return "(" * d + inner  # never closed
        if pick == 2:
            return "not " * d + inner
        if pick == 3:
            return "not (" * d + inner + ")" * d
        if pick == 4:
            return " -> ".join([inner] * (d + 1))
        if pick == 5:
            # a random mix of the three ways to nest, closed in the right order
            opens = [r.choice(("(", "not ", "not (", "(not ")) for _ in range(d)]
            closes = "".join(")" * o.count("(") for o in reversed(opens))
            return "".join(opens) + inner + closes
        if pick == 6:
            return "[" * d + inner + "]" * d
        if pick == 7:
            return f"{r.choice(self.v.ids)}.x in [" * d
        # deep on the right of an implication chain inside parentheses
        return "(" * (d // 2) + " -> ".join([inner] * (d // 2 + 1)) + ")" * (d // 2)

    def length_edge(self) -> str:
        r = self.r
        size = r.choice((MAX_RULE_LENGTH - 1, MAX_RULE_LENGTH, MAX_RULE_LENGTH,
                         MAX_RULE_LENGTH + 1, MAX_RULE_LENGTH + 1, 10_000, 100_000))
        if r.random() < 0.02:
            size = 1_000_000
        pick = r.randrange(7)
        if pick == 0:
            # a valid flat chain (the most work: everything parsed and type-checked), padded
            word = r.choice((" or ", " and "))
            parts: list[str] = []
            total = 0
            while True:
                leaf = self.leaf()
                extra = len(leaf) + (len(word) if parts else 0)
                if total + extra > size:
                    break
                parts.append(leaf)
                total += extra
            return word.join(parts).ljust(size)
        if pick == 1:
            soup = self.token_soup() or "("
            return (soup * (size // len(soup) + 1))[:size]
        if pick == 2:
            return r.choice(("(", "a", " ", "a.", '"', "not ", ",", "-", "9", "[")) * size
        if pick == 3:
            ids = ", ".join(r.choice(self.v.ids) for _ in range(size // 12))
            return f"at_least(1, {ids})"[:size]
        if pick == 4:
            prov, param, choices = r.choice(self.v.choices)
            items = ", ".join(f'"{r.choice(choices)}"' for _ in range(size // 20))
            return f"{prov}.{param} in [{items}]"[:size]
        if pick == 5:
            return ("a and " * (size // 6 + 1))[:size]
        return " " * (size - 1) + r.choice(self.v.ids)

    def long_id(self) -> str:
        r = self.r
        n = r.choice((64, 255, 1000, 3990, MAX_RULE_LENGTH - 4, MAX_RULE_LENGTH, 5000))
        word = r.choice(("a" * n, ("ab-" * n)[:n].rstrip("-"), "x" + "_" * (n - 1),
                         "A" + "9" * (n - 1), "a-" * (n // 2) + "b"))
        prov = r.choice(self.v.ids)
        return r.choice((word, f"{word}.x == 1", f"{prov}.{word} == 1", f"{prov}.{word}",
                         f"{prov}._{word} > 0", f"at_least(1, {prov}, {word})",
                         f"{word}.{word} == {word}.{word}", f"{prov} and {word}"))

    def huge_number(self) -> str:
        r = self.r
        n = r.choice((19, 20, 308, 309, 310, 400, 1000, 3990, 4290, 4301))
        digits = "9" * n
        num = r.choice((digits, "-" + digits, digits + ".5", "0." + "0" * n + "1",
                        "1" + "0" * n, digits + "." + digits))
        prov, param = r.choice(self.v.numeric)
        cprov, cparam, _ = r.choice(self.v.choices)
        return r.choice((f"{prov}.{param} >= {num}", f"{cprov}.{cparam} == {num}",
                         f"at_least({digits}, {r.choice(self.v.ids)})",
                         f"at_most({num}, {r.choice(self.v.ids)})", f"{prov}.{param} in [{num}]",
                         num, f"{prov}.{param} < {num}{num}"))

    def unicode(self) -> str:
        r = self.r
        junk = "".join(self.char() for _ in range(r.randint(1, 40)))
        space = r.choice(("\u3000", "\u00a0", "\u2028", "\u200b", "\ufeff"))
        prov, param = r.choice(self.v.numeric)
        cprov, cparam, _ = r.choice(self.v.choices)
        return r.choice((
            junk,
            f"{prov}{junk}",
            f"{prov}.{param}{junk} > 1",
            f'{cprov}.{cparam} == "{junk}"',
            f"{junk} and {prov}",
            f"{prov} and{space}{prov}",
            f"\ufeff{self.well_typed(2)}",
            self.well_typed(2).replace(" ", r.choice(("\u3000", "\u00a0", "\u2009", "\u200b"))),
            f"{prov}.{param} {r.choice(('≥', '≤', '≠', '＝＝'))} 1",
            f"{prov}.{param} == {r.choice(('１', '٣', '٣.٥', '½', '²'))}",
            f"é{prov}", f"{prov}é.{param} == 1",
        ))

    def odd_string(self) -> str:
        r = self.r
        cprov, cparam, choices = r.choice(self.v.choices)
        head = f"{cprov}.{cparam} == "
        body = r.choice((
            '"' + r.choice(choices),  # unterminated
            '"' + r.choice(choices) + "\\",  # ends in a backslash
            '"' + r.choice(choices) + '\\"',  # the quote is escaped
            '"a\nb"',  # a raw newline (refused by the tokenizer)
            f'"{self.char()}{r.choice(choices)}"',
            '"' + "\\" * r.randint(1, 9) + '"',
            '"\\u0041"', '"\\x41"', '"\\a"', '"\\\'"',
            '"' + "x" * r.choice((100, 3000, MAX_RULE_LENGTH - len(head) - 2)) + '"',
            '"' + "\\n" * r.randint(1, 1900) + '"',
            '"' + "".join(self.char() for _ in range(r.randint(1, 50))) + '"',
            '"' + r.choice(choices) + '" "' + r.choice(choices) + '"',
            "'" + r.choice(choices) + "'",
            '"' + r.choice(("\t", "\r", "\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85",
                            "\u2028")) + '"',  # a raw control (or line separator) character
        ))
        return r.choice((head + body, f"{cprov}.{cparam} in [{body}]", body,
                         f"{head}{body} and {r.choice(self.v.ids)}"))


_PRODUCERS: dict[str, Callable[[_Generator], str]] = {
    "well-typed rules": lambda g: g.well_typed(),
    "ill-typed rules": _Generator.ill_typed,
    "token soup": _Generator.token_soup,
    "mutated rules": _Generator.mutated,
    "deep nesting": _Generator.deep,
    "length limits": _Generator.length_edge,
    "long ids": _Generator.long_id,
    "huge numbers": _Generator.huge_number,
    "unicode": _Generator.unicode,
    "strings": _Generator.odd_string,
}


def rule_corpus(vocab: _Vocab) -> Iterator[tuple[str, str]]:
    """(category, text) for the whole deterministic corpus: the same texts on every run."""
    for n, (category, count) in enumerate(CORPUS.items()):
        gen = _Generator(vocab, SEED + n)
        produce = _PRODUCERS[category]
        if category == "mutated rules":
            yield from ((category, rule) for rule in vocab.rules)  # the originals, unmutated
        for _ in range(count):
            yield category, produce(gen)


# --------------------------------------------------------------------------- B3: deciding


@dataclass(slots=True)
class _Tally:
    """Decisions of one category: times, outcomes, the slowest text, undocumented errors."""

    times: list[float] = field(default_factory=list)
    #: the slowest first timing, before any re-timing (see :func:`decide`)
    first_worst: float = 0.0
    retimed: int = 0
    accepted: int = 0
    refused: int = 0
    worst_text: str = ""
    #: exception type -> (count, the shortest text that raised it, its message)
    crashes: dict[str, tuple[int, str, str]] = field(default_factory=dict)

    @property
    def worst(self) -> float:
        return max(self.times, default=0.0)

    def crash_count(self) -> int:
        return sum(n for n, _, _ in self.crashes.values())


def _timed(text: str, provisions: dict[str, Provision]) -> tuple[float, bool | BaseException]:
    """Seconds to decide ``text``, and the decision: True (accepted), False (refused with a
    RuleError) or what else was raised."""
    clock = time.perf_counter
    outcome: bool | BaseException
    with _deadline(HANG_S):
        start = clock()
        try:
            compile_rule(text, provisions)
        except RuleError:
            outcome = False
        except _Hang as hang:
            outcome = hang
        except Exception as err:
            outcome = err
        else:
            outcome = True
        elapsed = clock() - start
    return elapsed, outcome


def decide(text: str, provisions: dict[str, Provision], tally: _Tally) -> None:
    """Parse, type-check and compile ``text``; record the time and the outcome.

    A decision over :data:`DECISION_MS` is timed again :data:`RETIMES` times and counts with
    its best time: a GC pause or another process taking the core is not the rule's doing, a
    rule that is slow every time is. The first timings' worst is reported too."""
    elapsed, decision = _timed(text, provisions)
    tally.first_worst = max(tally.first_worst, elapsed)
    if _ms(elapsed) > DECISION_MS and isinstance(decision, bool):
        tally.retimed += 1
        elapsed = min(elapsed, *(_timed(text, provisions)[0] for _ in range(RETIMES)))
    outcome: BaseException | None = None
    if decision is True:
        tally.accepted += 1
    elif decision is False:
        tally.refused += 1
    else:
        outcome = decision
    if elapsed > tally.worst:
        tally.worst_text = text
    tally.times.append(elapsed)
    if outcome is not None:
        kind = "a hang" if isinstance(outcome, _Hang) else (
            f"{type(outcome).__module__}.{type(outcome).__qualname__}")
        count, example, message = tally.crashes.get(kind, (0, text, str(outcome)))
        if len(text) < len(example):
            example, message = text, str(outcome)
        tally.crashes[kind] = (count + 1, example, message)


def _hypothesis_run(provisions: dict[str, Provision], vocab: _Vocab, tally: _Tally) -> str:
    """Decide ``HYPOTHESIS_EXAMPLES`` texts drawn by hypothesis (derandomized: repeatable).
    Returns "" or why it could not run. Undocumented exceptions are recorded, not raised, so
    one of them does not stop the run."""
    try:
        from hypothesis import HealthCheck, Phase, given, settings
        from hypothesis import strategies as st
    except ImportError as err:
        return f"hypothesis is not installed ({err})"
    tokens = st.sampled_from(
        (*_KEYWORDS, *_OPS, *_PUNCT, *vocab.ids[:20], *(f"{p}.{n}" for p, n in vocab.numeric[:10]),
         *(f'"{c}"' for _, _, cs in vocab.choices[:5] for c in cs), *_JUNK)
    )
    texts = st.one_of(
        st.text(max_size=300),
        st.lists(st.one_of(tokens, st.text(max_size=3)), max_size=120).map(" ".join),
        st.lists(tokens, max_size=200).map("".join),
        st.from_regex(r'[a-z.()\[\]",=<>!\- 0-9]{0,200}', fullmatch=True),
    )

    @settings(max_examples=HYPOTHESIS_EXAMPLES, derandomize=True, database=None, deadline=None,
              phases=(Phase.generate,), suppress_health_check=list(HealthCheck))
    @given(texts)
    def fuzz(text: str) -> None:
        decide(text, provisions, tally)

    fuzz()
    return ""


def _b3_results(tallies: dict[str, _Tally], hypothesis_note: str) -> list[Result]:
    times = [t for tally in tallies.values() for t in tally.times]
    accepted = sum(t.accepted for t in tallies.values())
    refused = sum(t.refused for t in tallies.values())
    crashes: dict[str, tuple[int, str, str]] = {}
    for tally in tallies.values():
        for kind, (count, example, message) in tally.crashes.items():
            total, best, best_msg = crashes.get(kind, (0, example, message))
            if len(example) < len(best):
                best, best_msg = example, message
            crashes[kind] = (total + count, best, best_msg)
    crash_total = sum(n for n, _, _ in crashes.values())
    first_worst = max(t.first_worst for t in tallies.values())
    retimed = sum(t.retimed for t in tallies.values())
    crash_note = "; ".join(
        f"{kind} x{count:,}, e.g. {_short(example)} -> {message[:80]!r}"
        for kind, (count, example, message) in sorted(crashes.items())
    ) or "every refusal was a RuleError"
    slowest_cat = max(tallies, key=lambda c: tallies[c].worst)
    slowest = tallies[slowest_cat]
    deterministic = sum(len(t.times) for c, t in tallies.items() if c != "hypothesis")
    hyp = tallies.get("hypothesis")
    runs_note = (f"{deterministic:,} seeded texts + "
                 + (f"{len(hyp.times):,} hypothesis examples" if hyp and hyp.times
                    else f"no hypothesis run ({hypothesis_note})"))
    results = [
        Result.info("B3 rules decided", len(times), "", runs_note),
        Result.info("B3 accepted / refused (RuleError)", accepted, "",
                    f"{refused:,} refused with RuleError"),
        Result.measured("B3 exceptions other than RuleError", crash_total, "", 0, crash_note),
        Result.measured("B3 decision: worst", _ms(max(times)), "ms", DECISION_MS,
                        f"{slowest_cat}: {_short(slowest.worst_text, 40)}"),
        Result.info("B3 decision: worst first timing", _ms(first_worst), "ms",
                    f"{retimed:,} decision(s) over {DECISION_MS:g} ms at first, timed again "
                    f"{RETIMES}x; the best counts above"),
        Result.info("B3 decision: p99", _ms(percentile(times, 99)), "ms"),
        Result.info("B3 decision: median", _ms(median(times)), "ms"),
    ]
    for category, tally in tallies.items():
        if not tally.times:
            continue
        results.append(Result.info(
            f"B3 worst: {category}", _ms(tally.worst), "ms",
            f"{len(tally.times):,} texts, p99 {_ms(percentile(tally.times, 99)):.3f} ms; "
            f"{tally.accepted:,} accepted" + (f"; {tally.crash_count():,} undocumented errors"
                                              if tally.crashes else "")))
    return results


def bench_rules(scenario: Scenario) -> list[Result]:
    provisions = dict(scenario.provision_index)
    vocab = _Vocab.of(scenario)
    tallies: dict[str, _Tally] = {c: _Tally() for c in CORPUS}
    corpus = list(rule_corpus(vocab))  # generated before timing starts
    gc.collect()
    for category, text in corpus:
        decide(text, provisions, tallies[category])
    tallies["hypothesis"] = _Tally()
    why = _hypothesis_run(provisions, vocab, tallies["hypothesis"])
    return _b3_results(tallies, why)


# --------------------------------------------------------------------------- B2: hostile JSON


@dataclass(frozen=True, slots=True)
class _Case:
    name: str
    write: Callable[[Path], None]
    target_ms: float
    runs: int = 5
    #: a fragment the refusal's reason must contain (e.g. "200 MB" for a size refusal)
    expect: str = ""


def _bytes_read() -> int | None:
    """Bytes this process has read through read() so far (Linux /proc/self/io), or None.
    Reading /proc/self/io itself counts too: see :func:`_read_overhead`."""
    try:
        for line in Path("/proc/self/io").read_text(encoding="ascii").splitlines():
            if line.startswith("rchar:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _read_overhead() -> int:
    """What one :func:`_bytes_read` adds to the count (reading /proc/self/io itself)."""
    first, second = _bytes_read(), _bytes_read()
    return 0 if first is None or second is None else second - first


def _dump(raw: Any) -> bytes:
    return json.dumps(raw, ensure_ascii=False).encode("utf-8")


def _writer(build: Callable[[dict[str, Any]], bytes | dict[str, Any]],
            base: dict[str, Any]) -> Callable[[Path], None]:
    """Write what ``build`` makes of a fresh copy of the default scenario's JSON."""

    def write(path: Path) -> None:
        made = build(json.loads(json.dumps(base)))
        path.write_bytes(made if isinstance(made, bytes) else _dump(made))

    return write


def _flip_types(value: Any) -> Any:
    """Every leaf given the wrong type: strings become numbers, numbers strings, lists objects
    (but "format" and "version", so that the model's validation sees the rest)."""
    if isinstance(value, dict):
        return {k: v if k in ("format", "version") else _flip_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(i): _flip_types(v) for i, v in enumerate(value)}
    if isinstance(value, bool):
        return "yes" if value else 0
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return len(value)
    return [value]


def _set(raw: dict[str, Any], **changes: Any) -> dict[str, Any]:
    raw.update(changes)
    return raw


def _first_rule(raw: dict[str, Any], rule: Any) -> dict[str, Any]:
    raw["parties"][0]["red_lines"][0]["rule"] = rule
    return raw


def _first_provision(raw: dict[str, Any], **changes: Any) -> dict[str, Any]:
    raw["provisions"][0].update(changes)
    return raw


def _content(data: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data)

    return write


def _sparse(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with open(path, "wb") as f:
            f.write(b"{")
            f.truncate(size)  # a hole: no blocks written, nothing to read but zeros

    return write


def _filled(size: int) -> Callable[[Path], None]:
    """A real (not sparse) file of ``size`` bytes: a JSON object padded with spaces."""

    def write(path: Path) -> None:
        with open(path, "wb") as f:
            f.write(b"{")
            chunk = b" " * MB
            left = size - 2
            while left > 0:
                f.write(chunk[: min(left, MB)])
                left -= MB
            f.write(b"}")

    return write


def _near_limit(base: dict[str, Any]) -> bytes:
    """Just under the size limit: the default scenario plus one extra key holding ~49 MB of
    small integers, so the whole file must be parsed before the extra key is refused."""
    head = _dump(base)[:-1] + b', "padding": ['
    body = b"1234567," * ((49 * MB - len(head)) // 8)
    return head + body + b"0]}"


def hostile_cases(base: dict[str, Any]) -> list[_Case]:
    big = "x" * (10 * MB)

    def nested_lists(n: int) -> bytes:
        return b"[" * n + b"]" * n

    def nested_objects(n: int) -> bytes:
        return b'{"a":' * n + b"1" + b"}" * n

    def in_title(payload: bytes) -> Callable[[dict[str, Any]], bytes]:
        def build(raw: dict[str, Any]) -> bytes:
            return _dump(_set(raw, title="@@")).replace(b'"@@"', payload, 1)

        return build

    many_keys = {f"extra-{i}": i for i in range(100_000)}
    escapes = "\\u00e9" * (10 * MB // 6)
    return [
        _Case("extra key, top level", _writer(lambda r: _set(r, colour="blue"), base),
              HOSTILE_FILE_MS, expect="unknown key"),
        _Case("extra keys: 100,000 at the top level",
              _writer(lambda r: _set(r, **many_keys), base), HOSTILE_FILE_MS,
              expect="unknown key"),
        _Case("extra key, nested in a provision",
              _writer(lambda r: _first_provision(r, colour="blue"), base), HOSTILE_FILE_MS,
              expect="unknown key"),
        _Case("wrong types: version text, parties an object",
              _writer(lambda r: _set(r, version="1", parties={"a": 1}), base), HOSTILE_FILE_MS),
        _Case("wrong types: every leaf", _writer(_flip_types, base), HOSTILE_FILE_MS),
        _Case("wrong type: a rule that is a number", _writer(lambda r: _first_rule(r, 5), base),
              HOSTILE_FILE_MS),
        _Case("10 MB string: title", _writer(lambda r: _set(r, title=big), base),
              HOSTILE_FILE_MS),
        _Case("10 MB string: a red-line rule", _writer(lambda r: _first_rule(r, big), base),
              HOSTILE_FILE_MS),
        _Case("100,000-char red-line rule (the parser's limit)",
              _writer(lambda r: _first_rule(r, "a" * 100_000), base), HOSTILE_FILE_MS,
              expect="characters long"),
        _Case("10 MB string: a provision id", _writer(lambda r: _first_provision(r, id=big), base),
              HOSTILE_FILE_MS),
        _Case("10 MB string: format", _writer(lambda r: _set(r, format=big), base),
              HOSTILE_FILE_MS),
        _Case("10 MB string: an extra key's name", _writer(lambda r: _set(r, **{big: 1}), base),
              HOSTILE_FILE_MS),
        _Case("10 MB of \\u escapes: summary",
              _writer(lambda r: _dump(_set(r, summary="@@")).replace(
                  b'"@@"', b'"' + escapes.encode() + b'"', 1), base), HOSTILE_FILE_MS),
        _Case(f"{DEEP:,}-deep [[[...]]]", _content(nested_lists(DEEP)),
              HOSTILE_FILE_MS, expect="nests too deeply"),
        _Case(f'{DEEP:,}-deep {{"a":{{"a":...}}}}', _content(nested_objects(DEEP)),
              HOSTILE_FILE_MS, expect="nests too deeply"),
        _Case(f"{DEEP:,} [ never closed", _content(b"[" * DEEP),
              HOSTILE_FILE_MS),
        _Case(f"{DEEP:,}-deep nesting as the title",
              _writer(in_title(nested_lists(DEEP)), base), HOSTILE_FILE_MS),
        _Case("900-deep nesting as the title (parses)", _writer(in_title(nested_lists(900)), base),
              HOSTILE_FILE_MS),
        _Case("900-deep nesting as format", _writer(
            lambda r: _dump(_set(r, format="@@")).replace(b'"@@"', nested_lists(900), 1), base),
            HOSTILE_FILE_MS),
        _Case("a 5,000-digit integer (version)", _writer(
            lambda r: _dump(_set(r, version=0)).replace(b'"version": 0', b'"version": '
                                                        + b"9" * 5000, 1), base),
            HOSTILE_FILE_MS),
        _Case("not UTF-8", _writer(
            lambda r: _dump(_set(r, title="@@")).replace(b"@@", b"\xff\xfe\xc0", 1), base),
            HOSTILE_FILE_MS, expect="UTF-8"),
        _Case("JSON cut off half way", _writer(lambda r: _dump(r)[: len(_dump(r)) // 2], base),
              HOSTILE_FILE_MS, expect="not valid JSON"),
        _Case("200 MB file (sparse): refused by its size", _sparse(200 * MB), SIZE_REFUSAL_MS,
              expect="200 MB"),
        _Case("51 MB file, just over the limit", _filled(51 * MB), SIZE_REFUSAL_MS,
              expect="51 MB"),
        _Case("49 MB file, just under the limit (parsed)",
              _writer(_near_limit, base), NEAR_LIMIT_MS, runs=3, expect="unknown key"),
    ]


def _run_case(case: _Case, path: Path, overhead: int) -> Result:
    case.write(path)
    size = path.stat().st_size
    times: list[float] = []
    problems: list[str] = []
    reason = ""
    read = 0
    for _ in range(case.runs):
        gc.collect()
        before = _bytes_read()
        outcome: BaseException | None = None
        with _deadline(HANG_S):
            start = time.perf_counter()
            try:
                import_json(path)
            except DocumentError as err:
                reason = err.reason
            except _Hang as hang:
                outcome = hang
            except Exception as err:
                outcome = err
            else:
                outcome = AssertionError("the file was accepted")
            times.append(time.perf_counter() - start)
        after = _bytes_read()
        if before is not None and after is not None:
            read = max(read, after - before - overhead)
        if outcome is not None:
            kind = "a hang" if isinstance(outcome, _Hang) else type(outcome).__name__
            problems.append(f"{kind}: {str(outcome)[:100]!r}")
            break
        if case.expect and case.expect not in reason:
            problems.append(f"refused for another reason: {reason[:100]!r}")
            break
    path.unlink()
    worst = _ms(max(times))
    note = (f"{size:,} bytes, {len(times)} run(s); read {read:,} bytes; "
            f"reason ({len(reason):,} chars): {_short(reason.splitlines()[0] if reason else '')}")
    if problems:
        return Result(f"B2 {case.name}", worst, "ms", case.target_ms, False,
                      "FAILURE, not the documented DocumentError: " + problems[0])
    return Result.measured(f"B2 {case.name}", worst, "ms", case.target_ms, note)


def bench_files(base: dict[str, Any]) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="accord-bad-input-") as tmp:
        path = Path(tmp) / "hostile.json"
        overhead = _read_overhead()
        for case in hostile_cases(base):
            results.append(_run_case(case, path, overhead))
    worst = max((r for r in results if r.figure is not None and r.target == HOSTILE_FILE_MS),
                key=lambda r: r.figure or 0.0)
    results.append(Result.info("B2 worst hostile file (≤ 1 s class)", worst.figure or math.nan,
                               "ms", worst.name.removeprefix("B2 ")))
    return results


# --------------------------------------------------------------------------- the suite


def run() -> list[Result]:
    pin_to_one_core()
    path = default_scenario_path()
    scenario = import_json(path)
    base = json.loads(path.read_bytes())
    return [*bench_rules(scenario), *bench_files(base)]


def main(argv: Sequence[str] | None = None) -> int:
    from benchmarks.run import main as run_main

    return run_main([NAME])


if __name__ == "__main__":
    sys.exit(main())

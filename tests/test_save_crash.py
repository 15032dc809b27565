"""A save killed at any instant leaves the old document or the new one, never a mix.

A child process saves two states, A and B, in turn onto the same file; the test kills it with
SIGKILL at random moments, most of them while a save is under way, and after every kill opens the
file (which runs SQLite's ``quick_check`` and the domain's validation) and requires it to be
exactly the last state whose save had returned, or the state whose save was in flight. Temp files
of a killed save may remain (at most one, with its journal) until the next save removes them.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.interchange import dump_scenario, scenario_from_dict
from desktop.domain.model import Scenario
from desktop.store import open_document, save_document
from desktop.store.files import temp_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)"),
]

ROOT = Path(__file__).parent.parent
HELPER = Path(__file__).parent / "helpers" / "save_loop.py"
KILLS = 200
TIMEOUT_S = 20.0


def crash_scenario(tag: str, provisions: int = 400) -> Scenario:
    """A few hundred provisions: big enough that a save takes tens of milliseconds."""
    parties = [f"party-{i}" for i in range(6)]
    raw: dict[str, Any] = {
        "format": "accord.scenario", "version": 2,
        "title": f"State {tag}", "summary": f"Summary of state {tag} " * 20,
        "parties": [
            {"id": pid, "name": f"Party {pid} ({tag})",
             "red_lines": [{"id": f"rl-{pid}-{k}", "title": f"Red line {k}",
                            "rule": f"p{k} -> p{k}.n >= {k}"} for k in range(10)],
             "preferences": [{"id": f"pf-{pid}-{k}", "title": "Pref", "rule": f"p{k + 10}",
                              "weight": 1.5 if tag == "A" else 2}
                             for k in range(3)]}
            for pid in parties
        ],
        "provisions": [
            {"id": f"p{k}", "title": f"Provision {k} {tag}", "category": f"cat-{k % 7}",
             "kind": "concession", "by": [parties[k % 6]], "to": [parties[(k + 1) % 6]],
             "text": f"Provision {k} sets {{n}} and {{rate}} ({tag}).",
             "params": [{"name": "n", "type": "int", "min": 0, "max": 10_000, "default": k},
                        {"name": "rate", "type": "number", "default": k / 4}],
             "source": f"S{k}"}
            for k in range(provisions)
        ],
        "drafts": [
            {"id": "d1", "title": f"Draft {tag}",
             "clauses": [{"provision": f"p{k}", "values": {"n": k + (1 if tag == "A" else 2)},
                          "phase": 1 + k % 3} for k in range(0, provisions, 2)]}
        ],
    }
    return scenario_from_dict(raw)


class Lines:
    """Lines from a pipe, with a timeout (a hung child must fail the test, not hang it)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.buffer = b""

    def next(self, timeout: float = TIMEOUT_S) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the save helper stopped answering")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    raise EOFError("the save helper exited")
                self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


@pytest.fixture
def helper(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Lines, Path]]:
    states = {"A": crash_scenario("A"), "B": crash_scenario("B")}
    for name, state in states.items():
        (tmp_path / f"{name}.json").write_text(dump_scenario(state), encoding="utf-8")
    target = tmp_path / "doc.accord"
    save_document(states["A"], target)
    errors = (tmp_path / "helper.err").open("wb")
    proc = subprocess.Popen(
        [sys.executable, str(HELPER), str(target), str(tmp_path / "A.json"),
         str(tmp_path / "B.json")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    try:
        yield proc, Lines(proc.stdout.fileno()), target
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        errors.close()


def test_sigkill_at_random_points_never_corrupts(
    helper: tuple[subprocess.Popen[bytes], Lines, Path], tmp_path: Path
) -> None:
    proc, lines, target = helper
    assert proc.stdin is not None
    states = {"A": crash_scenario("A"), "B": crash_scenario("B")}
    dumps = {name: dump_scenario(s) for name, s in states.items()}
    # A kill comes 0 to 1.2 save-durations after the child starts its first save (three kills
    # in four) or its second one, so kills land at every step of a save, and some after the
    # first save has returned.
    start = time.perf_counter()
    save_document(states["A"], target)
    max_delay = 1.2 * (time.perf_counter() - start)
    on_disk = "A"
    rng = random.Random(20251125)
    in_flight_kills = 0
    kept_old = kept_new = 0
    started = time.monotonic()

    for kill in range(KILLS):
        first = "B" if on_disk == "A" else "A"
        proc.stdin.write(f"fork {first}\n".encode())
        proc.stdin.flush()
        pid_line = lines.next()
        assert pid_line.startswith("P "), pid_line + (tmp_path / "helper.err").read_text()
        pid = int(pid_line[2:])
        markers = [lines.next()]
        assert markers[0] == f"S {first}", markers
        if rng.random() < 0.25:
            markers += [lines.next(), lines.next()]
            assert markers[1:] == [f"D {first}", f"S {on_disk}"], markers
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(pid, signal.SIGKILL)
        proc.stdin.write(b"reap\n")
        proc.stdin.flush()
        while not (line := lines.next()).startswith("R "):
            markers.append(line)
        assert not any(m.startswith("E ") for m in markers), markers

        done = [m[2:] for m in markers if m.startswith("D ")]
        acknowledged = done[-1] if done else on_disk
        in_flight = markers[-1][2:] if markers[-1].startswith("S ") else None
        allowed = {acknowledged} | ({in_flight} if in_flight else set())

        scenario = open_document(target)  # quick_check + full validation, or DocumentError
        text = dump_scenario(scenario)
        matches = [name for name in sorted(allowed) if scenario == states[name]]
        assert matches, f"kill {kill}: the file is neither of {sorted(allowed)} ({markers})"
        assert text == dumps[matches[0]]
        in_flight_kills += in_flight is not None
        kept_old += matches[0] == on_disk
        kept_new += matches[0] != on_disk
        on_disk = matches[0]

        # At most one save's temp file and its -journal: this child's, or the previous one's
        # if this child was killed before its save had cleared it away.
        leftovers = temp_files(target)
        owners = {p.name.split(".tmp-")[1].split("-")[0] for p in leftovers}
        assert len(leftovers) <= 2, leftovers
        assert len(owners) <= 1, leftovers

    print(f"\nF1: {KILLS} kills, {in_flight_kills} inside a save; "  # noqa: T201  # the figure
          f"old kept {kept_old}, new kept {kept_new}, 0 damaged")  # for docs, shown with -s
    assert time.monotonic() - started < 300  # a hang guard (about 55 s here)
    # Most kills must land inside a save, and both outcomes must have happened, or the test
    # proves little.
    assert in_flight_kills >= KILLS // 2, (in_flight_kills, kept_old, kept_new)
    assert kept_old > 0
    assert kept_new > 0
    # The next save removes what killed saves left behind, and leaves nothing itself.
    save_document(states["A"], target)
    assert temp_files(target) == []
    assert open_document(target) == states["A"]

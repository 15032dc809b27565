"""A fork server for tests/test_save_crash.py: its children save in a loop until they are killed.

    python tests/helpers/save_loop.py TARGET A.json B.json

Starting Python and importing the store takes ~0.5 s, too slow to start once per kill; this
process imports everything and makes one warm-up save, then forks a fresh saver per command read
on stdin (one per line):

``fork A`` / ``fork B``
    Fork a child. The child writes ``P <pid>``, then saves the two states in turn, starting with
    the one named, writing ``S <state>`` before each save and ``D <state>`` once it has returned
    (``E <reason>`` if it raised). It stops by itself after 50 saves or if this process dies.
``reap``
    Wait for the last child (the test has killed it); answer ``R <wait status>``.

Everything is written with ``os.write`` on fd 1: a buffered ``sys.stdout`` would be copied into
every child by ``fork`` and written twice.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from desktop.domain.interchange import parse_scenario
from desktop.domain.model import Scenario
from desktop.store import DocumentError, save_document

MAX_SAVES = 50


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def saver(target: Path, states: dict[str, Scenario], first: str) -> None:
    """The child: save A, B, A, ... (or B, A, ...) until killed."""
    parent = os.getppid()
    order = [first, "B" if first == "A" else "A"]
    say(f"P {os.getpid()}")
    for n in range(MAX_SAVES):
        if os.getppid() != parent:
            break
        name = order[n % 2]
        say(f"S {name}")
        try:
            save_document(states[name], target)
        except DocumentError as err:
            say(f"E {err.reason}")
            break
        say(f"D {name}")


def main() -> int:
    target = Path(sys.argv[1])
    states = {
        "A": parse_scenario(Path(sys.argv[2]).read_bytes()),
        "B": parse_scenario(Path(sys.argv[3]).read_bytes()),
    }
    # Import everything a save touches (Alembic is imported on first use) before forking.
    save_document(states["A"], target.with_name("warm-up.accord"))
    child = 0
    for raw in sys.stdin:
        command = raw.split()
        if command[:1] == ["fork"] and len(command) == 2 and command[1] in states:
            child = os.fork()
            if child == 0:
                try:
                    saver(target, states, command[1])
                finally:
                    os._exit(0)
        elif command == ["reap"] and child:
            _, status = os.waitpid(child, 0)
            child = 0
            say(f"R {status}")
        else:
            say(f"? {raw.strip()}")
    if child:  # stdin closed with a child alive: the test failed half-way; leave nothing behind
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

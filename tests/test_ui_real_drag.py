"""A real mouse drag from the library into the draft, on a real X display.

Offscreen Qt cannot run a drag loop, so the drag runs in a child process under ``xvfb-run``
(tests/gui_scripts/real_drag.py). Where xvfb-run or a library of Qt's xcb plugin is missing the
test is skipped with the reason; ``.ci/run`` installs them so that CI always runs it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.system import needs_x_display

SCRIPT = Path(__file__).parent / "gui_scripts" / "real_drag.py"


@needs_x_display
def test_real_mouse_drag_from_library_into_draft() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", sys.executable, str(SCRIPT)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["platform"] == "xcb"
    assert outcome["clauses"] == ["army-cap", "intl-monitoring", "withdrawal", "guarantee",
                                  "neutral"]

"""The precedent index ships inside the package (issue 18): the wheel carries it and its notes
but not the source CSV, and an installed layout reads it through importlib.resources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def test_the_wheel_carries_the_index_and_reads_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                           str(tmp_path), str(ROOT)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = tmp_path.glob("accord-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("desktop/data/data/pax/precedents.json.gz", "desktop/data/data/pax/CITATION",
                   "desktop/data/data/pax/SOURCE.md", "desktop/data/data/pax/VERSION"):
        assert needed in names
    assert not [n for n in names if n.endswith(".csv.gz") or n.endswith(".csv")]
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    script = ("import json, desktop; from desktop.domain.precedents import load_index; "
              "i = load_index(); print(json.dumps([desktop.__file__, i.count('Ce'), "
              "i.version]))")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path,
                         env={**env, "PYTHONPATH": str(unpacked)}, capture_output=True,
                         text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    where, count, version = json.loads(run.stdout)
    assert Path(where).is_relative_to(unpacked)
    assert (count, version) == (1038, "10")

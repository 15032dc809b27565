"""One helper finds shipped files, from source and frozen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop import resources


def test_from_source() -> None:
    assert resources.default_scenario_path().is_file()
    assert (resources.migrations_dir() / "env.py").is_file()
    assert resources.resource_path("icons/accord.svg").is_file()
    assert (resources.resources_root() / "linux" / "accord.desktop").is_file()


def test_frozen_bundle_layout(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.default_scenario_path() == tmp_path / "resources/scenarios/ukraine-2025.json"
    assert resources.migrations_dir() == tmp_path / "desktop/store/migrations"


@pytest.mark.parametrize("bad", ["/etc/passwd", "../pyproject.toml", "icons/../../x", ""])
def test_paths_outside_resources_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not a resource path"):
        resources.resource_path(bad)

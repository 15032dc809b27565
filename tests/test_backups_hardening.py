"""Backups hardened: a symbolic link as the backups folder is refused (the save goes on), only
files Accord provably made are ever deleted, and backups stamped in the future (a clock once
ahead, a synced folder) never push out the version a save has just kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain import Scenario
from desktop.store import (
    DocumentError,
    list_backups,
    make_backup,
    open_document,
    save_document,
)
from desktop.store import backups as backups_module
from desktop.store.backups import backup_dir, save_with_backup

STAMP = "%Y%m%dT%H%M%S.%fZ"


def titled(scenario: Scenario, title: str) -> Scenario:
    return scenario.model_copy(update={"title": title})


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, or where a link points."""
    return {str(p.relative_to(folder)): os.readlink(p) if p.is_symlink() else p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_symlink() or p.is_file()}


def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def name_at(doc: Path, when: datetime) -> str:
    return f"{doc.stem}.{when.strftime(STAMP)}.accord"


# --------------------------------------------------------------------------- 3. links


def test_a_symlinked_backups_folder_is_refused_and_the_save_goes_on(
    tmp_path: Path, mini: Scenario
) -> None:
    doc = tmp_path / "deal.accord"
    save_document(titled(mini, "old"), doc)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Someone else's folder, holding files named exactly like backups and half backups of a
    # dead process, and some unrelated ones: none of them may be touched.
    old = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(12):
        shutil.copy2(doc, elsewhere / name_at(doc, old + timedelta(days=i)))
    (elsewhere / f".{name_at(doc, old)}.part-{dead_pid()}").write_bytes(b"")
    (elsewhere / "notes.txt").write_text("mine", encoding="utf-8")
    backup_dir(doc).symlink_to(elsewhere)
    before = snapshot(elsewhere)

    reasons: list[str] = []
    save_with_backup(titled(mini, "new"), doc, keep=3, on_backup_error=reasons.append)

    assert open_document(doc).title == "new"  # the save went on
    assert reasons == [f"{backup_dir(doc)}: no backup was made (it is a symbolic link, which "
                       "Accord never makes; it was left as it is and nothing was written "
                       "through it)"]
    assert snapshot(elsewhere) == before  # nothing written, nothing deleted
    assert backup_dir(doc).is_symlink()
    assert list_backups(doc) == []  # and nothing offered for Revert from there


def test_only_accords_own_backups_are_ever_deleted(tmp_path: Path, mini: Scenario) -> None:
    doc = tmp_path / "deal.accord"
    save_document(titled(mini, "version 0"), doc)
    folder = backup_dir(doc)
    folder.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    precious = outside / "precious.accord"
    save_document(titled(mini, "precious"), precious)
    old = datetime(2020, 1, 1, tzinfo=UTC)
    planted = {
        name_at(doc, old): "link",  # a backup's name, but a symbolic link
        name_at(doc, old + timedelta(seconds=1)): "text",  # a backup's name, not a document
        name_at(doc, old + timedelta(seconds=2)): "folder",
        f"{doc.stem}.2020-01-01.accord": "copy",  # near misses of the pattern
        f"{doc.stem}.20200101T000000.0Z.accord": "copy",
        f"{doc.stem}.{old.strftime(STAMP)}.accord.txt": "copy",
        f"other.{old.strftime(STAMP)}.accord": "copy",
        f".{name_at(doc, old)}.part-{dead_pid()}x": "copy",
        f".{name_at(doc, old + timedelta(seconds=3))}.part-{dead_pid()}": "part-link",
        f".{name_at(doc, old + timedelta(seconds=4))}.part-{dead_pid()}": "part-text",
    }
    for name, kind in planted.items():
        path = folder / name
        if kind in ("link", "part-link"):
            path.symlink_to(precious)
        elif kind in ("text", "part-text"):
            path.write_text("not a document", encoding="utf-8")
        elif kind == "folder":
            path.mkdir()
        else:
            shutil.copy2(precious, path)
    stale = folder / f".{name_at(doc, old + timedelta(seconds=5))}.part-{dead_pid()}"
    stale.write_bytes(doc.read_bytes()[:50])  # a real half backup of a dead process
    kept = {name: snapshot(folder).get(name) for name in planted}
    precious_bytes = precious.read_bytes()

    for i in range(1, 8):
        save_with_backup(titled(mini, f"version {i}"), doc, keep=3)

    assert precious.read_bytes() == precious_bytes
    assert all((folder / name).is_symlink() or (folder / name).exists() for name in planted)
    assert {name: snapshot(folder).get(name) for name in planted} == kept
    assert not stale.exists()  # what Accord made is still cleaned up
    # The one planted regular file with a backup's name is listed (Revert would say it is not a
    # document) but, older than the real backups, it never pushed one out.
    titles = []
    for b in list_backups(doc):
        try:
            titles.append(open_document(b.path).title)
        except DocumentError:
            titles.append("?")
    assert titles == ["version 6", "version 5", "version 4", "?"]


# --------------------------------------------------------------------------- 4. the clock


def make_future_backups(doc: Path, mini: Scenario, count: int) -> list[str]:
    """``count`` backups of ``doc`` stamped years ahead, as a wrong clock or a synced folder
    leaves them."""
    folder = backup_dir(doc)
    folder.mkdir()
    names = []
    for i in range(count):
        when = datetime(2040, 1, 1, tzinfo=UTC) - timedelta(days=30 * i)
        save_document(titled(mini, f"future {i}"), folder / name_at(doc, when))
        names.append(name_at(doc, when))
    return names


def test_backups_stamped_in_the_future_never_push_out_a_new_one(
    tmp_path: Path, mini: Scenario
) -> None:
    doc = tmp_path / "deal.accord"
    save_document(titled(mini, "version 0"), doc)
    future = make_future_backups(doc, mini, 10)
    for i in range(1, 13):
        save_with_backup(titled(mini, f"version {i}"), doc)
        backups = list_backups(doc)
        assert len(backups) == 10
        assert open_document(backups[0].path).title == f"version {i - 1}"  # kept, listed first
        kept = [open_document(b.path).title for b in backups]
        assert kept[:min(i, 10)] == [f"version {n}" for n in range(i - 1, max(i - 11, -1), -1)]
    # Twelve saves later the ten newest versions are all there; the future-dated files, of
    # unknown age, were rotated away first.
    assert not any((backup_dir(doc) / name).exists() for name in future)


def test_with_the_clock_set_back_each_save_still_keeps_its_version(
    tmp_path: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "deal.accord"
    save_document(titled(mini, "version 0"), doc)
    for i in range(1, 4):  # three saves with a correct clock ...
        save_with_backup(titled(mini, f"version {i}"), doc, keep=3)

    class Past(datetime):
        """The clock, reset to 2001 (a flat battery): every earlier backup is "future"."""

        @classmethod
        def now(cls, tz: object = None) -> Past:
            real = datetime.now(UTC)
            return cls.fromtimestamp(real.timestamp() - 25 * 365 * 86400, UTC)

    monkeypatch.setattr(backups_module, "datetime", Past)
    for i in range(4, 7):  # ... then three with the clock 25 years behind
        save_with_backup(titled(mini, f"version {i}"), doc, keep=3)
        assert open_document(list_backups(doc)[0].path).title == f"version {i - 1}"
    assert [open_document(b.path).title for b in list_backups(doc)] == [
        "version 5", "version 4", "version 3"]


def test_a_new_backup_never_replaces_one_with_the_same_stamp(
    tmp_path: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Frozen:
            return cls.fromtimestamp(frozen.timestamp(), UTC)

    monkeypatch.setattr(backups_module, "datetime", Frozen)
    doc = tmp_path / "deal.accord"
    save_document(titled(mini, "first"), doc)
    one = make_backup(doc)
    save_document(titled(mini, "second"), doc)
    two = make_backup(doc)
    assert one is not None
    assert two is not None
    assert one.name == name_at(doc, frozen)
    assert two.name == name_at(doc, frozen + timedelta(microseconds=1))
    assert [open_document(b.path).title for b in list_backups(doc)] == ["second", "first"]

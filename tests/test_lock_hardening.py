"""F7 hardened: the lock file is never followed, truncated or deleted through a link, and the
one-writer lock never silently does nothing: a document reached through a symbolic link, a
second user in a shared folder, a name too long for ``.~lock.<name>#`` and a folder at the lock
path each end in a lock or a clear read-only message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.store import DocumentInUse, LockOwner, lock_document, lock_holder, save_document
from desktop.store.lock import LockRefused, lock_path
from tests.helpers.system import needs_another_user
from tests.test_lock import Window

ROOT = Path(__file__).resolve().parents[1]
VICTIM_TEXT = b"weeks of someone else's work\n"


@pytest.fixture
def doc(tmp_path: Path, mini: Scenario) -> Path:
    path = tmp_path / "deal.accord"
    save_document(mini, path)
    return path


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A file that has nothing to do with Accord and must never change."""
    path = tmp_path / "elsewhere" / "victim.txt"
    path.parent.mkdir()
    path.write_bytes(VICTIM_TEXT)
    return path


def refused(doc: Path) -> LockRefused:
    with pytest.raises(LockRefused) as info:
        lock_document(doc)
    err = info.value
    assert isinstance(err, DocumentInUse)  # windows open it read-only, like a document in use
    assert err.path == doc
    assert err.reason.startswith(f"its lock file “{lock_path(doc).name}” ")
    assert str(err) == f"{doc}: {err.reason}"
    assert "\n" not in str(err)
    assert lock_holder(doc) == LockOwner()  # in use by nobody we can name
    return err


# --------------------------------------------------------------------------- 1. symlinks


@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-file", "dangling"])
def test_a_symlink_at_the_lock_path_is_never_followed(
    doc: Path, victim: Path, dangling: bool
) -> None:
    target = victim.with_name("not-yet.txt") if dangling else victim
    lock_path(doc).symlink_to(target)
    err = refused(doc)
    assert "is a symbolic link" in err.reason
    assert lock_path(doc).is_symlink()  # left as it was
    assert victim.read_bytes() == VICTIM_TEXT  # never truncated nor written
    assert not victim.with_name("not-yet.txt").exists()  # nor created through the link


def test_releasing_never_deletes_what_took_the_lock_files_place(doc: Path, victim: Path) -> None:
    lock = lock_document(doc)
    assert lock is not None
    lock_path(doc).unlink()
    lock_path(doc).symlink_to(victim)  # swapped while the document was open
    lock.release()
    assert lock_path(doc).is_symlink()
    assert victim.read_bytes() == VICTIM_TEXT


def test_a_hard_link_at_the_lock_path_is_not_written(doc: Path, victim: Path) -> None:
    os.link(victim, lock_path(doc))
    err = refused(doc)
    assert "linked to another file" in err.reason
    assert victim.read_bytes() == VICTIM_TEXT


def test_a_window_opens_a_document_with_a_hostile_lock_path_read_only(
    qtbot: QtBot, tmp_path: Path, doc: Path, victim: Path, mini: Scenario
) -> None:
    lock_path(doc).symlink_to(victim)
    window = Window(tmp_path, "only", mini)
    try:
        assert window.files.open(doc)
        reason = window.files.read_only
        assert reason is not None
        assert "is a symbolic link" in reason
        [(caption, message)] = window.prompter.infos
        assert caption == "Opened read-only"
        assert message.startswith(f"{doc}: its lock file “.~lock.deal.accord#” is a symbolic link")
        assert victim.read_bytes() == VICTIM_TEXT
    finally:
        window.files.close()


# --------------------------------------------------------------------------- 2a. symlinks to it


def test_a_document_reached_through_symbolic_links_has_one_lock(
    tmp_path: Path, mini: Scenario
) -> None:
    real = tmp_path / "real" / "deal.accord"
    real.parent.mkdir()
    save_document(mini, real)
    by_file = tmp_path / "link.accord"
    by_file.symlink_to(real)
    by_folder = tmp_path / "folder-link"
    by_folder.symlink_to(real.parent)
    names = [real, by_file, by_folder / "deal.accord"]
    assert {lock_path(p) for p in names} == {real.with_name(".~lock.deal.accord#")}
    for first in names:
        lock = lock_document(first)
        assert lock is not None
        for other in names:
            assert lock.is_for(other)
            with pytest.raises(DocumentInUse) as info:
                lock_document(other)
            assert info.value.owner.pid == os.getpid()
        lock.release()
    assert not real.with_name(".~lock.deal.accord#").exists()
    assert not by_file.with_name(".~lock.link.accord#").exists()


def test_two_windows_on_one_document_by_two_names(
    qtbot: QtBot, tmp_path: Path, doc: Path, mini: Scenario
) -> None:
    link = tmp_path / "shortcut.accord"
    link.symlink_to(doc)
    first, second = Window(tmp_path, "first", mini), Window(tmp_path, "second", mini)
    try:
        assert first.files.open(link)
        assert first.files.read_only is None
        assert second.files.open(doc)
        reason = second.files.read_only
        assert reason is not None
        assert reason.startswith("it is open in another Accord window")
    finally:
        for w in (first, second):
            w.files.close()


# --------------------------------------------------------------------------- 2c. long names


@pytest.mark.parametrize("stem", ["x" * 248, "é" * 124, "a" * 200 + "🕊" * 12],
                         ids=["ascii", "two-byte", "four-byte"])
def test_a_name_too_long_for_the_usual_lock_name_is_still_locked(
    tmp_path: Path, mini: Scenario, stem: str
) -> None:
    doc = tmp_path / f"{stem}.accord"
    assert len(doc.name.encode()) > 255 - len(".~lock.#")
    twin = tmp_path / f"{stem[:-1]}_.accord"  # the same start: it needs its own lock
    for path in (doc, twin):
        save_document(mini, path)
    lock = lock_document(doc)
    assert lock is not None
    name = lock_path(doc).name
    assert name.startswith(".~lock.")
    assert name.endswith("#")
    assert len(name.encode()) <= 255
    assert lock_path(doc).is_file()
    with pytest.raises(DocumentInUse):
        lock_document(doc)
    assert lock_path(twin) != lock_path(doc)
    other = lock_document(twin)  # a different document is not blocked
    assert other is not None
    other.release()
    lock.release()
    assert lock_holder(doc) is None


def test_a_name_that_fits_keeps_the_usual_lock_name(tmp_path: Path) -> None:
    stem = "y" * (255 - len(".~lock.#") - len(".accord"))
    assert lock_path(tmp_path / f"{stem}.accord").name == f".~lock.{stem}.accord#"


# --------------------------------------------------------------------------- 2d. a folder


def test_a_folder_at_the_lock_path(doc: Path) -> None:
    lock_path(doc).mkdir()
    err = refused(doc)
    assert err.reason == ("its lock file “.~lock.deal.accord#” is a folder, so the document "
                          "cannot be locked for editing")
    assert lock_path(doc).is_dir()


# --------------------------------------------------------------------------- 2b. another user


needs_root = needs_another_user  # a child as 'nobody' that can still read the checkout


@pytest.fixture
def shared_doc(shared_folders: tuple[Path, Path], mini: Scenario) -> Path:
    """Root's document in a folder everybody may write."""
    _, writable = shared_folders
    path = writable / "shared.accord"
    save_document(mini, path)
    path.chmod(0o666)
    return path


def as_nobody(doc: Path) -> subprocess.Popen[str]:
    """A child that becomes ``nobody``, tries to lock ``doc``, prints what happened as JSON and
    keeps any lock until it reads a line."""
    code = textwrap.dedent(f"""
        import json, os, pwd, sys
        from desktop.store import DocumentInUse, lock_document
        from desktop.store.lock import LockRefused, lock_path
        user = pwd.getpwnam("nobody")
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)
        try:
            lock = lock_document({str(doc)!r})
        except DocumentInUse as err:
            got = {{"refused": type(err).__name__, "pid": err.owner.pid, "reason": err.reason}}
        else:
            got = {{"locked": lock is not None,
                    "uid": os.stat(lock_path({str(doc)!r})).st_uid if lock else None}}
        print(json.dumps(got), flush=True)
        sys.stdin.readline()
    """)
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def first_answer(child: subprocess.Popen[str]) -> dict[str, object]:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line, "the child printed nothing"
    answer: dict[str, object] = json.loads(line)
    return answer


def finish(child: subprocess.Popen[str]) -> None:
    child.communicate("\n", timeout=60)
    assert child.returncode == 0


def child_uid() -> int:
    import pwd  # POSIX only, like the tests that need it

    return pwd.getpwnam("nobody").pw_uid


def in_use_reason(doc: Path) -> str:
    """What this process is told about ``doc`` while it holds its lock."""
    with pytest.raises(DocumentInUse) as info:
        lock_document(doc)
    return info.value.reason


@needs_root
def test_another_user_sees_the_document_is_in_use(shared_doc: Path) -> None:
    lock = lock_document(shared_doc)
    assert lock is not None
    assert lock_path(shared_doc).stat().st_mode & 0o777 == 0o644  # root's: nobody may write it
    child = as_nobody(shared_doc)
    try:
        assert first_answer(child) == {"refused": "DocumentInUse", "pid": os.getpid(),
                                       "reason": in_use_reason(shared_doc)}
    finally:
        finish(child)
        lock.release()


@needs_root
def test_another_user_takes_over_a_crashed_holders_lock_file(shared_doc: Path) -> None:
    stale = lock_path(shared_doc)
    stale.write_text(json.dumps({"pid": 999_999_999, "user": "root"}), encoding="utf-8")
    stale.chmod(0o644)  # left by root's crashed window: nobody holds it, nobody may write it
    child = as_nobody(shared_doc)
    try:
        assert first_answer(child) == {"locked": True, "uid": child_uid()}
        with pytest.raises(DocumentInUse) as info:  # and now root is kept out
            lock_document(shared_doc)
        assert info.value.owner.pid == child.pid
        assert info.value.owner.user == "nobody"
    finally:
        finish(child)
    assert lock_holder(shared_doc) is None


@needs_root
def test_a_lock_file_another_user_may_not_read_means_in_use(shared_doc: Path) -> None:
    lock = lock_document(shared_doc)
    assert lock is not None
    lock_path(shared_doc).chmod(0o600)
    child = as_nobody(shared_doc)
    try:
        answer = first_answer(child)
    finally:
        finish(child)
        lock.release()
    assert answer == {
        "refused": "LockRefused", "pid": None,
        "reason": "its lock file “.~lock.shared.accord#” belongs to another user and cannot "
                  "be read, so Accord cannot tell whether the document is open elsewhere"}


def test_the_lock_file_is_readable_by_others_whatever_the_umask(doc: Path) -> None:
    old = os.umask(0o077)
    try:
        lock = lock_document(doc)
    finally:
        os.umask(old)
    assert lock is not None
    assert lock_path(doc).stat().st_mode & 0o777 == 0o644
    lock.release()

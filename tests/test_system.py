"""Platform duties: Accord's own folders in the local (non-roaming) app data folder, private and
never followed through a link; the network-folder warning from Qt's storage info (so it works
on Windows and macOS too); the application's identity (organization domain = the app id)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.ui import system
from desktop.ui.files import DocumentController
from desktop.ui.system import (
    APP_ID,
    NotAPrivateFolder,
    identify,
    is_unc,
    log_dir,
    private_folder,
    recovery_dir,
    storage_of,
)
from desktop.ui.workspace import Workspace
from tests.test_ui_mainwindow import FakePrompter

ROOT = Path(__file__).resolve().parents[1]
POSIX = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="folder modes are POSIX")


@pytest.fixture
def accord_app(qtbot: QtBot) -> Iterator[QCoreApplication]:
    """The test application named as Accord names itself, put back afterwards."""
    app = QCoreApplication.instance()
    assert app is not None
    before = (app.organizationName(), app.organizationDomain(), app.applicationName(),
              app.applicationVersion())
    identify(app)
    yield app
    app.setOrganizationName(before[0])
    app.setOrganizationDomain(before[1])
    app.setApplicationName(before[2])
    app.setApplicationVersion(before[3])


@pytest.fixture
def test_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Qt's standard paths in test mode, under a home of the test's own."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    QStandardPaths.setTestModeEnabled(True)
    yield tmp_path
    QStandardPaths.setTestModeEnabled(False)


# --------------------------------------------------------------------------- identity


def test_the_application_names_itself_by_its_app_id(accord_app: QCoreApplication) -> None:
    from desktop import __version__

    assert APP_ID == "org.accord.Accord"
    assert accord_app.organizationName() == "Accord"
    assert accord_app.applicationName() == "Accord"
    assert accord_app.applicationVersion() == __version__
    # the reverse-DNS app id (resources/linux/org.accord.Accord.*) is the domain, reversed
    domain = accord_app.organizationDomain()
    assert ".".join(reversed(domain.split("."))) + ".Accord" == APP_ID
    metainfo = (ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml").read_text()
    assert f"<id>{APP_ID}</id>" in metainfo


# --------------------------------------------------------------------------- folders


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's layout")
def test_recovery_and_logs_are_in_the_local_app_data_folder(
    accord_app: QCoreApplication, test_mode: Path
) -> None:
    local = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation))
    assert local == test_mode / ".qttest" / "share" / "Accord" / "Accord"
    assert recovery_dir() == local / "recovery"
    assert log_dir() == local / "logs"


@POSIX
def test_a_private_folder_is_made_for_this_user_only(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "Accord" / "logs"
    old = os.umask(0o022)
    try:
        assert private_folder(folder) == folder
    finally:
        os.umask(old)
    for made in (folder, folder.parent, folder.parent.parent):
        assert made.stat().st_mode & 0o777 == 0o700
    folder.chmod(0o755)  # made looser by an older version or by hand: tightened
    private_folder(folder)
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_private_folder_is_never_a_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    link = tmp_path / "logs"
    link.symlink_to(elsewhere)
    with pytest.raises(NotAPrivateFolder, match="link"):
        private_folder(link)
    assert elsewhere.stat().st_mode & 0o777 == 0o755  # not tightened through the link
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotAPrivateFolder, match="not a folder"):
        private_folder(tmp_path / "file")
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(NotAPrivateFolder, match="link"):
        private_folder(dangling)
    assert not (tmp_path / "nowhere").exists()  # never created through the link


# --------------------------------------------------------------------------- storage


@pytest.mark.parametrize(("text", "unc"), [
    ("\\\\server\\share\\deal.accord", True),
    ("//server/share/deal.accord", True),
    ("\\\\?\\UNC\\server\\share\\deal.accord", True),
    ("\\\\?\\C:\\Users\\ann\\deal.accord", False),
    ("\\\\.\\PhysicalDrive0", False),
    ("C:\\Users\\ann\\deal.accord", False),
    ("/home/ann/deal.accord", False),
])
def test_windows_network_paths(text: str, unc: bool) -> None:
    assert is_unc(text) is unc


def test_the_storage_of_a_local_folder(tmp_path: Path) -> None:
    file_system, remote = storage_of(tmp_path)
    assert file_system  # Qt names it (ext4, tmpfs, apfs, NTFS…)
    assert not remote
    assert storage_of(tmp_path / "missing" / "deal.accord") == ("", False)


class FakeStorage:
    """QStorageInfo as a network share reports it."""

    file_system = b"nfs4"
    root = "/mnt/team"

    def __init__(self, path: str) -> None:
        self.path = path

    def isValid(self) -> bool:
        return True

    def fileSystemType(self) -> FakeBytes:
        return FakeBytes(self.file_system)

    def rootPath(self) -> str:
        return self.root


class FakeBytes:
    def __init__(self, data: bytes) -> None:
        self._data = data

    def data(self) -> bytes:
        return self._data


@pytest.mark.parametrize(("file_system", "root", "shown"), [
    (b"nfs4", "/mnt/team", "network folder (nfs4)"),  # Linux
    (b"smbfs", "/Volumes/Team", "network folder (smbfs)"),  # macOS
    (b"NTFS", "//server/share/", "network folder;"),  # a Windows share
    (b"ext4", "/", None),
])
def test_the_window_warns_about_a_network_folder_from_qts_storage_info(
    qtbot: QtBot, tmp_path: Path, mini: Scenario, monkeypatch: pytest.MonkeyPatch,
    file_system: bytes, root: str, shown: str | None
) -> None:
    monkeypatch.setattr(FakeStorage, "file_system", file_system)
    monkeypatch.setattr(FakeStorage, "root", root)
    monkeypatch.setattr(system, "QStorageInfo", FakeStorage)
    ws = Workspace(mini)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    files = DocumentController(ws, settings, FakePrompter(), tmp_path / "recovery", parent=ws)
    messages: list[str] = []
    files.status.connect(messages.append)
    assert files.save_as(tmp_path / "deal.accord")
    warnings = [m for m in messages if m.startswith("Warning:")]
    if shown is None:
        assert warnings == []
    else:
        assert len(warnings) == 1
        assert shown in warnings[0]
    files.close()

"""File → Print, Print Preview and Export PDF, driven without modal loops."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.report import Sheet
from desktop.resources import default_scenario_path
from desktop.store import read_scenario_file
from desktop.ui.briefing import BriefingActions, BriefingDialog, BriefingOptions
from desktop.ui.workspace import Workspace


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return read_scenario_file(default_scenario_path())


class Scripted(BriefingActions):
    """Answers every dialog from attributes instead of a person."""

    def __init__(self, ws: Workspace, parent: QWidget) -> None:
        super().__init__(ws, parent)
        self.answer: BriefingOptions | None = BriefingOptions()
        self.path: Path | None = None
        self.errors: list[str] = []
        self.dialogs: list[QDialog] = []
        self.accept = True
        self.pdf_out: Path | None = None

    def choose_options(self, title: str) -> BriefingOptions | None:
        return self.answer

    def choose_path(self, suggested: Path) -> Path | None:
        assert suggested.suffix == ".pdf"
        return self.path

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def make_printer(self, options: BriefingOptions, sheet: Sheet) -> QPrinter:
        printer = super().make_printer(options, sheet)
        if self.pdf_out is not None:  # a "printer" whose paper we can read back
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.pdf_out))
        return printer

    def exec_dialog(self, dialog: QDialog) -> bool:
        self.dialogs.append(dialog)
        if isinstance(dialog, QPrintPreviewDialog):
            dialog.show()  # the preview asks for its pages when shown
            QApplication.processEvents()
            dialog.close()
        return self.accept


@pytest.fixture
def actions(qtbot: QtBot, scenario: Scenario) -> Scripted:
    window = QWidget()
    qtbot.addWidget(window)
    ws = Workspace(scenario, window)
    ws.switch_draft("us-28")
    return Scripted(ws, window)


def test_menu_has_the_three_actions(actions: Scripted) -> None:
    menu = QMenu()
    actions.populate_menu(menu)
    names = [a.objectName() for a in menu.actions()]
    assert names == ["actionPrint", "actionPrintPreview", "actionExportPdf"]
    assert all(a.isEnabled() for a in menu.actions())


def test_export_pdf_writes_the_chosen_sheet(actions: Scripted, tmp_path: Path,
                                            qtbot: QtBot) -> None:
    actions.answer = BriefingOptions(kind="party", party="turkey", paper="letter",
                                     marking="EYES ONLY")
    actions.path = tmp_path / "t.pdf"
    with qtbot.waitSignal(actions.status) as blocker:
        assert actions.export_pdf() == actions.path
    assert "t.pdf" in blocker.args[0]
    reader = PdfReader(actions.path)
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Party briefing: Turkey" in text
    assert "EYES ONLY" in text
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert actions.options.party == "turkey"  # remembered for next time


def test_cancel_and_write_errors(actions: Scripted, tmp_path: Path) -> None:
    actions.answer = None
    assert actions.export_pdf() is None
    assert not actions.errors
    actions.answer = BriefingOptions()
    actions.path = None
    assert actions.export_pdf() is None
    actions.path = tmp_path / "no-such-folder" / "x.pdf"
    assert actions.export_pdf() is None
    assert len(actions.errors) == 1
    assert "no-such-folder" in actions.errors[0]
    assert not actions.path.exists()


def test_print_goes_through_the_print_dialog(actions: Scripted, tmp_path: Path) -> None:
    actions.answer = BriefingOptions(kind="compare", compare="berlin")
    actions.pdf_out = tmp_path / "printed.pdf"
    assert actions.print_()
    assert isinstance(actions.dialogs[-1], QPrintDialog)
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(actions.pdf_out).pages)
    assert "Red lines that flip" in text
    assert "Page 1 of" in text

    actions.accept = False  # cancelled in the print dialog: nothing printed
    other = tmp_path / "cancelled.pdf"
    actions.pdf_out = other
    assert not actions.print_()
    assert not other.exists()


def test_preview_paints_the_pages(actions: Scripted, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.report.render as render  # the briefing actions import it when they print

    painted: list[int] = []
    real = render.print_sheet

    def spy(sheet: Sheet, printer: QPrinter) -> int:
        painted.append(n := real(sheet, printer))
        return n

    monkeypatch.setattr(render, "print_sheet", spy)
    actions.answer = BriefingOptions(kind="full")
    actions.preview()
    assert isinstance(actions.dialogs[-1], QPrintPreviewDialog)
    assert painted
    assert painted[0] > 5


def test_dialog_round_trips_options(qtbot: QtBot, scenario: Scenario) -> None:
    options = BriefingOptions(kind="party", party="europe", paper="letter", marking="SECRET")
    dialog = BriefingDialog(scenario, "us-28", options)
    qtbot.addWidget(dialog)
    assert dialog.options() == options
    assert dialog.party.isEnabled()
    assert not dialog.compare.isEnabled()
    assert dialog.compare.findData("us-28") == -1  # not compared with itself
    dialog.kind.setCurrentIndex(dialog.kind.findData("compare"))
    got = dialog.options()
    assert got.kind == "compare"
    assert got.compare is not None
    assert got.party is None
    assert dialog.compare.isEnabled()
    assert not dialog.party.isEnabled()


def test_actions_disabled_without_a_draft(qtbot: QtBot, scenario: Scenario) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    empty = scenario.model_copy(update={"drafts": ()})
    acts = BriefingActions(Workspace(empty, window), window)
    assert not acts.export_action.isEnabled()
    assert not acts.print_action.isEnabled()

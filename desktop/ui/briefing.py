"""File → Print, Print Preview and Export Briefing: briefing sheets from the GUI.

:class:`BriefingDialog` asks what to print (a party briefing, the full briefing or a comparison
with another draft), on which paper and with which marking. :class:`BriefingActions` owns the
three menu actions. Export writes PDF, Word, OpenDocument, HTML or Markdown, the format chosen by
the file dialog's filter (or the name's extension). Every dialog goes through an overridable
method (:meth:`choose_options`, :meth:`exec_dialog`, :meth:`choose_path`, :meth:`show_error`),
so tests drive it without a modal loop.

The full briefing's memo needs the bridge finder (up to :data:`BRIDGE_TIME_LIMIT` seconds): it
runs in a worker thread (the Bridge panel's :class:`~desktop.ui.bridge._Solve`) on the immutable
scenario and draft, behind a window-modal progress dialog with Cancel, while a local event loop
keeps the window painting; the sheet is then built with its answer. Cancel cancels the print.
The dialog's marking defaults to the document's briefing settings (File → Briefing settings).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEventLoop, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from desktop.domain import Draft, Scenario
from desktop.domain.solver import CancelToken
from desktop.store import DocumentError
from desktop.ui.bridge import _Solve, failure_text
from desktop.ui.i18n import InheritedTr
from desktop.ui.workspace import Workspace
from desktop.wording import BRIEFING_KIND_LABELS, PAPER_LABELS, progress_text
from desktop.wording.labels import briefing_kind_label, default_marking, paper_label
from desktop.wording.translate import QT_TRANSLATE_NOOP

# The briefing code (desktop.report) is imported on the first print, preview or export.
if TYPE_CHECKING:
    from desktop.domain.solver import Progress
    from desktop.report import Sheet
    from desktop.report.memo import Bridge

#: The bridge finder's limit for the memo (desktop.report.sheets.BRIDGE_TIME_LIMIT, named here so
#: that the window does not import the briefing code).
BRIDGE_TIME_LIMIT = 5.0

Kind = Literal["party", "full", "compare"]

#: The export formats (desktop.report.formats.FORMATS, named here so that the window does not
#: import the briefing code): extension -> the file dialog's filter, in English (marked for the
#: catalogue; :meth:`BriefingActions.choose_path` shows them translated and matches the chosen
#: one against the translations).
EXPORT_FILTERS: dict[str, str] = {
    ".pdf": QT_TRANSLATE_NOOP("BriefingActions", "PDF (*.pdf)"),
    ".docx": QT_TRANSLATE_NOOP("BriefingActions", "Word document (*.docx)"),
    ".odt": QT_TRANSLATE_NOOP("BriefingActions", "OpenDocument text (*.odt)"),
    ".html": QT_TRANSLATE_NOOP("BriefingActions", "Web page, self-contained (*.html *.htm)"),
    ".md": QT_TRANSLATE_NOOP("BriefingActions", "Markdown (*.md)"),
}


def export_path(name: str, chosen_filter: str) -> Path:
    """The file to write: ``name`` when it ends in one of the formats' extensions, else with
    the extension of the filter chosen in the dialog (PDF when none was)."""
    path = Path(name)
    suffix = path.suffix.lower()
    if suffix in EXPORT_FILTERS or suffix == ".htm":
        return path
    ext = next((e for e, f in EXPORT_FILTERS.items() if f == chosen_filter), ".pdf")
    return path.with_name(path.name + ext)


def default_paper() -> str:
    """Letter where the locale measures in US units, A4 elsewhere."""
    us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if us else "a4"


@dataclass(frozen=True, slots=True)
class BriefingOptions:
    kind: Kind = "full"
    party: str | None = None  # for "party"
    compare: str | None = None  # the second draft, for "compare"
    paper: str = "a4"
    # The default marking in the user's language, read when the options are made: it is
    # printed, never saved (an empty marking in the document's settings means the default).
    marking: str = field(default_factory=default_marking)


def saved_marking(scenario: Scenario) -> str:
    """The marking the document's briefing settings ask for, else the default one."""
    saved = scenario.briefing
    return saved.marking if saved is not None and saved.marking else default_marking()


def solve_memo_bridge(scenario: Scenario, draft: Draft, token: CancelToken,
                      progress: Callable[[str], None],
                      time_limit: float = BRIDGE_TIME_LIMIT) -> Bridge:
    """The memo's bridge (as :func:`desktop.report.memo.solve_bridge`), cancellable and
    reporting progress: for a worker thread."""
    from desktop.report.memo import solve_bridge

    def say(where: Progress) -> None:
        progress(progress_text(where))

    return solve_bridge(scenario, draft, time_limit, cancel=token, progress=say)


class _Waiter(QObject):
    """Receives a worker's answer in the GUI thread and ends the local event loop."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.done = False
        self.result: object = None

    @Slot(object)
    def finish(self, result: object) -> None:
        self.done, self.result = True, result
        self.loop.quit()


def build_sheet(scenario: Scenario, draft: Draft, options: BriefingOptions,
                bridge: Bridge | None = None) -> Sheet:
    """The sheet the options ask for (``KeyError`` for an unknown party or draft). ``bridge``:
    the full briefing memo's bridge, already solved (None: solved here, on this thread)."""
    from desktop.report import comparison_sheet, full_sheet, party_sheet

    marking = options.marking.strip()
    if options.kind == "party":
        if options.party is None:
            raise KeyError("no party chosen")
        return party_sheet(scenario, draft, options.party, marking=marking)
    if options.kind == "compare":
        if options.compare is None:
            raise KeyError("no draft to compare with")
        return comparison_sheet(scenario, draft, scenario.draft(options.compare),
                                marking=marking)
    return full_sheet(scenario, draft, marking=marking, bridge=bridge)


class BriefingDialog(InheritedTr, QDialog):
    """What to print: kind, party or second draft, paper and marking."""

    def __init__(self, scenario: Scenario, draft_id: str, options: BriefingOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BriefingDialog")
        self.setWindowTitle(self.tr("Briefing sheet"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        for key in BRIEFING_KIND_LABELS:
            self.kind.addItem(briefing_kind_label(key), key)
        self.party = QComboBox(self)
        self.party.setObjectName("partyCombo")
        for p in scenario.parties:
            self.party.addItem(p.name, p.id)
        self.compare = QComboBox(self)
        self.compare.setObjectName("compareCombo")
        others = [d for d in scenario.drafts if d.id != draft_id]
        titles = [d.title for d in others]
        for n, d in enumerate(others, start=1):
            # Two drafts of one title are told apart by their place in the list, not an id.
            shown = d.title if titles.count(d.title) == 1 else f"{d.title} ({n})"
            self.compare.addItem(shown, d.id)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paperCombo")
        for key in PAPER_LABELS:
            self.paper.addItem(paper_label(key), key)
        self.marking = QLineEdit(self)
        self.marking.setObjectName("markingEdit")
        self.marking.setPlaceholderText(self.tr("none"))
        self.marking.setMaxLength(200)

        # Kinds that cannot be made are disabled, not hidden.
        model = self.kind.model()
        for key, possible in (("party", bool(scenario.parties)),
                              ("compare", self.compare.count() > 0)):
            item = model.item(self.kind.findData(key))  # type: ignore[attr-defined]
            item.setEnabled(possible)

        form = QFormLayout(self)
        form.addRow(self.tr("&Sheet:"), self.kind)
        form.addRow(self.tr("&Party:"), self.party)
        form.addRow(self.tr("&Compare with:"), self.compare)
        form.addRow(self.tr("P&aper:"), self.paper)
        form.addRow(self.tr("&Marking:"), self.marking)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._sync)
        self.set_options(options)

    def set_options(self, options: BriefingOptions) -> None:
        kind = options.kind
        if kind == "compare" and self.compare.count() == 0:
            kind = "full"
        if kind == "party" and self.party.count() == 0:
            kind = "full"
        self.kind.setCurrentIndex(self.kind.findData(kind))
        for combo, value in ((self.party, options.party), (self.compare, options.compare),
                             (self.paper, options.paper)):
            i = combo.findData(value) if value is not None else -1
            if i >= 0:
                combo.setCurrentIndex(i)
        self.marking.setText(options.marking)
        self._sync()

    def options(self) -> BriefingOptions:
        kind: Kind = self.kind.currentData()
        return BriefingOptions(
            kind=kind,
            party=self.party.currentData() if kind == "party" else None,
            compare=self.compare.currentData() if kind == "compare" else None,
            paper=self.paper.currentData(),
            marking=self.marking.text().strip(),
        )

    def _sync(self) -> None:
        kind = self.kind.currentData()
        self.party.setEnabled(kind == "party")
        self.compare.setEnabled(kind == "compare")


class BriefingActions(InheritedTr, QObject):
    """File → Print…, Print Preview… and Export PDF… for the workspace's current draft."""

    status = Signal(str)  # a one-line message for the status bar

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.window = parent
        self.options = BriefingOptions(paper=default_paper(),
                                       marking=saved_marking(workspace.scenario))
        # The marking the dialog last offered as the default: a marking left as offered follows
        # the document's briefing settings; one the user typed is kept.
        self._offered_marking = self.options.marking
        self.progress_dialog: QProgressDialog | None = None  # while the memo's bridge is solved
        self.print_action = self._make(self.tr("&Print…"), "actionPrint", self.print_,
                                       QKeySequence.StandardKey.Print)
        self.preview_action = self._make(self.tr("Print Pre&view…"), "actionPrintPreview",
                                         self.preview)
        self.export_format = ".pdf"  # the last format exported: the next export's default
        self.export_action = self._make(self.tr("E&xport Briefing…"), "actionExportPdf",
                                        self.export_pdf)
        workspace.changed.connect(lambda _change: self._update())
        self._update()

    def _make(self, text: str, name: str, slot: object,
              shortcut: QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def populate_menu(self, menu: QMenu) -> None:
        menu.addAction(self.print_action)
        menu.addAction(self.preview_action)
        menu.addAction(self.export_action)

    def _update(self) -> None:
        enabled = self.ws.draft is not None
        for action in (self.print_action, self.preview_action, self.export_action):
            action.setEnabled(enabled)

    # -- overridable dialogs (tests replace these)

    def dialog_options(self) -> BriefingOptions:
        """What the dialog offers: the last choices, with the marking of the document's
        briefing settings unless the user typed another one last time."""
        if self.options.marking != self._offered_marking:
            return self.options
        self._offered_marking = saved_marking(self.ws.scenario)
        return replace(self.options, marking=self._offered_marking)

    def choose_options(self, title: str) -> BriefingOptions | None:
        """Ask what to print; None when cancelled."""
        assert self.ws.draft_id is not None
        dialog = BriefingDialog(self.ws.scenario, self.ws.draft_id, self.dialog_options(),
                                self.window)
        dialog.setWindowTitle(title)
        if not self.exec_dialog(dialog):
            return None
        return dialog.options()

    def exec_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def make_printer(self, options: BriefingOptions, sheet: Sheet) -> QPrinter:
        from desktop.report.render import page_layout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(options.paper))
        printer.setDocName(sheet.title)
        return printer

    def make_print_dialog(self, printer: QPrinter) -> QPrintDialog:
        dialog = QPrintDialog(printer, self.window)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog

    def make_preview_dialog(self, printer: QPrinter) -> QPrintPreviewDialog:
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreviewDialog")
        dialog.resize(900, 1000)
        return dialog

    def choose_path(self, suggested: Path) -> Path | None:
        """Where to export and so in which format; None when cancelled."""
        shown = {ext: self.tr(text) for ext, text in EXPORT_FILTERS.items()}
        current = shown.get(suggested.suffix.lower(), shown[".pdf"])
        name, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export briefing"), str(suggested),
            ";;".join(shown.values()), current)
        if not name:
            return None
        # The dialog answers with the filter as shown: back to the English one export_path knows.
        chosen_ext = next((ext for ext, text in shown.items() if text == chosen), None)
        return export_path(name, EXPORT_FILTERS[chosen_ext] if chosen_ext else "")

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Briefing sheet"), message)

    def solve_bridge(self, scenario: Scenario, draft: Draft) -> Bridge | None:
        """The memo's bridge, solved in a worker thread while a progress dialog (with Cancel)
        shows and the window keeps painting; None when cancelled."""
        loop = QEventLoop()
        waiter = _Waiter(loop)
        solve = _Solve(lambda token, progress: solve_memo_bridge(scenario, draft, token,
                                                                 progress))
        solve.thread.setObjectName("MemoBridgeSolver")
        dialog = QProgressDialog(
            self.tr("Finding the memo's recommendation (at most {seconds} s)…").format(
                seconds=f"{BRIDGE_TIME_LIMIT:g}"),
            self.tr("Cancel"), 0, 0, self.window)
        dialog.setObjectName("memoBridgeProgress")
        dialog.setWindowTitle(self.tr("Briefing sheet"))
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def cancel() -> None:
            solve.token.cancel()
            dialog.setLabelText(self.tr("Cancelling…"))

        dialog.canceled.connect(cancel)
        solve.job.progressed.connect(dialog.setLabelText)
        solve.job.done.connect(waiter.finish)
        self.progress_dialog = dialog
        try:
            solve.start()
            dialog.show()
            if not waiter.done:
                loop.exec()
        finally:
            cancelled = solve.token.cancelled
            dialog.canceled.disconnect(cancel)  # closing a progress dialog emits canceled
            solve.finish()
            dialog.close()
            dialog.deleteLater()
            self.progress_dialog = None
        if cancelled:
            return None
        from desktop.report.memo import Bridge

        result = waiter.result
        if isinstance(result, Bridge):
            return result
        return Bridge(None, BRIDGE_TIME_LIMIT, failure_text(result))  # the solver raised

    # -- the actions

    def _prepare(self, title: str) -> tuple[BriefingOptions, Sheet] | None:
        draft = self.ws.draft
        if draft is None:
            return None
        options = self.choose_options(title)
        if options is None:
            return None
        # Remember the choices for next time (a party or draft left unset keeps the last one).
        self.options = replace(options, party=options.party or self.options.party,
                               compare=options.compare or self.options.compare)
        scenario = self.ws.scenario  # immutable: the sheet and its bridge see one version
        bridge = None
        if options.kind == "full":
            bridge = self.solve_bridge(scenario, draft)
            if bridge is None:
                self.status.emit(self.tr("Cancelled"))
                return None
        try:
            sheet = build_sheet(scenario, draft, options, bridge)
        except KeyError as err:
            self.show_error(self.tr("Cannot make the sheet: {reason}").format(
                reason=err.args[0] if err.args else err))
            return None
        return options, sheet

    def print_(self) -> bool:
        prepared = self._prepare(self.tr("Print briefing sheet"))
        if prepared is None:
            return False
        options, sheet = prepared
        printer = self.make_printer(options, sheet)
        if not self.exec_dialog(self.make_print_dialog(printer)):
            return False
        from desktop.report.render import print_sheet

        pages = print_sheet(sheet, printer)
        self.status.emit(self.tr("Printed %n page(s)", "", pages))
        return True

    def preview(self) -> bool:
        prepared = self._prepare(self.tr("Print preview"))
        if prepared is None:
            return False
        options, sheet = prepared
        printer = self.make_printer(options, sheet)
        dialog = self.make_preview_dialog(printer)
        from desktop.report.render import print_sheet

        dialog.paintRequested.connect(lambda p: print_sheet(sheet, p))
        return self.exec_dialog(dialog)

    def suggested_path(self, options: BriefingOptions) -> Path:
        draft_id = self.ws.draft_id or "draft"
        what = {"full": "briefing", "party": f"briefing-{options.party}",
                "compare": f"vs-{options.compare}"}[options.kind]
        folder = self.ws.path.parent if self.ws.path is not None else Path.home()
        return folder / f"{draft_id}-{what}{self.export_format}"

    def export_pdf(self) -> Path | None:
        """Export the briefing in the format the chosen file name asks for (PDF, Word,
        OpenDocument, HTML or Markdown); the path written, or None."""
        prepared = self._prepare(self.tr("Export briefing"))
        if prepared is None:
            return None
        options, sheet = prepared
        path = self.choose_path(self.suggested_path(options))
        if path is None:
            return None
        from desktop.report.formats import FORMATS, UnknownFormat, format_of, write_briefing

        try:
            fmt = format_of(path)
            pages = write_briefing(sheet, path, options.paper)
        except (DocumentError, UnknownFormat) as err:
            self.show_error(str(err))
            return None
        self.export_format = fmt
        what = FORMATS[fmt] if pages is None else self.tr("%n page(s)", "", pages)
        self.status.emit(self.tr("Exported {name} ({what})").format(name=path.name, what=what))
        return path

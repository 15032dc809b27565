"""The main window: composes the panels, menus and status bar. No business logic lives here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import STARTED, __version__
from desktop.ui.bridge import BridgePanel
from desktop.ui.briefing import BriefingActions
from desktop.ui.charts import ChartsPanel
from desktop.ui.commands import Editor
from desktop.ui.draft import DraftPanel
from desktop.ui.editors import LibraryEditing
from desktop.ui.files import DocumentController, Prompter, QtPrompter
from desktop.ui.i18n import InheritedTr
from desktop.ui.inspector import ClauseInspector
from desktop.ui.library import LibraryPanel
from desktop.ui.places import Places
from desktop.ui.redlines import RedLinePanel
from desktop.ui.startup import watch_startup
from desktop.ui.verdicts import ChangesPanel, VerdictBoard
from desktop.ui.workspace import Change, Workspace
from desktop.wording import report_summary

if TYPE_CHECKING:
    from desktop.ui.precedents import PrecedentsPanel


class MainWindow(InheritedTr, QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        recovery_dir: Path,
        prompter: Prompter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.ws = workspace
        self.settings = settings
        self.editor = Editor(workspace, self)
        self.files = DocumentController(workspace, settings, prompter or QtPrompter(self),
                                        recovery_dir, self)

        self.library = LibraryPanel(workspace, self.editor, self)
        self.draft = DraftPanel(workspace, self.editor, self)
        self.inspector = ClauseInspector(workspace, self.editor, self)
        self.redlines = RedLinePanel(workspace, self)
        self.verdicts = VerdictBoard(workspace, self)  # every party's verdict, what changed
        self.charts = ChartsPanel(workspace, self)
        self.bridge = BridgePanel(workspace, self.editor, self)
        self.analysis = QTabWidget(self)
        self.analysis.setObjectName("AnalysisTabs")
        self.analysis.setMinimumWidth(80)  # its tab bar would ask for ~130 px; pages scroll
        self.analysis.addTab(self.charts, self.tr("Charts"))
        self.analysis.addTab(self.bridge, self.tr("Bridge finder"))
        self.precedents_page = self._precedents_tab()  # the panel is built when first shown
        self.analysis.addTab(self.precedents_page, self.tr("Precedents"))
        self.analysis.currentChanged.connect(self._tab_shown)
        self.changes = ChangesPanel(self.verdicts.notices, self)
        self.analysis.addTab(self.changes, self.tr("Changes"))
        self.editing = LibraryEditing(workspace, self.editor, self,
                                      current_provision=self._current_provision,
                                      prompter=self.files.prompter)

        self.center = QSplitter(Qt.Orientation.Vertical, self)
        self.center.setObjectName("CenterSplitter")
        self.center.addWidget(self.draft)
        self.center.addWidget(self.inspector)
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.setObjectName("RightSplitter")
        self.right.addWidget(self.redlines)
        self.right.addWidget(self.analysis)
        self.main = QSplitter(Qt.Orientation.Horizontal, self)
        self.main.setObjectName("MainSplitter")
        self.main.addWidget(self.library)
        self.main.addWidget(self.center)
        self.main.addWidget(self.right)
        for splitter in (self.main, self.center, self.right):
            splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._under_verdicts(self.main))

        self.status_label = QLabel(self)
        self.status_label.setObjectName("StatusVerdict")
        self.statusBar().addPermanentWidget(self.status_label)

        # Wiring: panels talk through the workspace, a few signals and their public methods,
        # never through each other's (or their own) internals.
        # The inspector shows the clause the draft panel has selected, by provision id: rows
        # shift under every edit, identities do not.
        self.draft.clause_selected.connect(self.inspector.show_clause)
        self.draft.clause_selected.connect(self._follow_precedents)
        self.redlines.violation_clicked.connect(self._select_culprits)
        self.bridge.applied.connect(self._select_culprits)  # what a proposal changed
        self.editor.refused.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.draft.status.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.files.status.connect(lambda msg: self.statusBar().showMessage(msg, 5000))
        self.files.title_changed.connect(self.setWindowTitle)
        self.briefing = BriefingActions(workspace, self)
        self.briefing.status.connect(lambda msg: self.statusBar().showMessage(msg, 5000))
        workspace.undo_stack.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        workspace.changed.connect(self._on_changed)

        self.places = Places(workspace, self.draft, settings, self)  # reopen where one left

        self._build_menus()
        self.setWindowTitle(self.tr("{name}[*] — Accord").format(name=self.files.display_name))
        self._restore_layout()
        self._on_changed(None)
        watch_startup(self, STARTED)  # only under ACCORD_STARTUP_PROBE (desktop.ui.startup)

    # -- menus

    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(self.tr("&File"))
        new_menu = f.addMenu(self.tr("&New"))
        self._action(new_menu, self.tr("&Empty scenario"), lambda: self.files.new(False),
                     QKeySequence.StandardKey.New, "actionNewEmpty")
        self._action(new_menu, self.tr("From the &Ukraine 2025 template"),
                     lambda: self.files.new(True),
                     name="actionNewTemplate")
        self._action(f, self.tr("&Open…"), lambda: self.files.open(), QKeySequence.StandardKey.Open,
                     "actionOpen")
        self.recent_menu = f.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("menuRecent")
        self.files.recent_changed.connect(lambda _r: self._fill_recent())
        self._fill_recent()
        f.addSeparator()
        self._action(f, self.tr("&Save"), lambda: self.files.save(), QKeySequence.StandardKey.Save,
                     "actionSave")
        self._action(f, self.tr("Save &As…"), lambda: self.files.save_as(),
                     QKeySequence.StandardKey.SaveAs, "actionSaveAs")
        self._action(f, self.tr("Revert to &backup…"), lambda: self.files.revert_to_backup(),
                     name="actionRevertToBackup")
        self._action(f, self.tr("Save &clean copy for sending…"),
                     lambda: self.files.save_clean_copy(),
                     name="actionSaveCleanCopy")
        f.addSeparator()
        self._action(f, self.tr("&Import JSON…"),
                     lambda: self.files.import_json(), name="actionImport")
        self._action(f, self.tr("&Export JSON…"),
                     lambda: self.files.export_json(), name="actionExport")
        f.addSeparator()
        self.briefing.populate_menu(f)
        self.editing.add_briefing_settings_action(f)
        f.addSeparator()
        self._action(f, self.tr("Autosave &interval…"), self._ask_autosave, name="actionAutosave")
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "actionQuit")

        e = bar.addMenu(self.tr("&Edit"))
        undo = self.ws.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        undo.setObjectName("actionUndo")
        redo = self.ws.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("actionRedo")
        e.addAction(undo)
        e.addAction(redo)
        e.addSeparator()
        self._action(e, self.tr("&Add selected provisions to draft"),
                     self.library.add_selected, "Ctrl+Return", "actionAddClause")
        self._action(e, self.tr("&Remove clause"), self._remove_clause, name="actionRemoveClause")
        self._action(e, self.tr("Move clause &up"), lambda: self._move_clause(-1), "Ctrl+Up",
                     "actionMoveUp")
        self._action(e, self.tr("Move clause &down"), lambda: self._move_clause(1), "Ctrl+Down",
                     "actionMoveDown")
        e.addSeparator()
        self._action(e, self.tr("&Find in library"),
                     self.focus_search, QKeySequence.StandardKey.Find,
                     "actionFind")
        self.undo_action, self.redo_action = undo, redo

        d = bar.addMenu(self.tr("&Draft"))
        self._action(d, self.tr("&New draft…"), self.draft.new_draft, name="actionNewDraft")
        self._action(d, self.tr("&Duplicate draft"), self.draft.duplicate_draft,
                     name="actionDuplicateDraft")
        self._action(d, self.tr("&Rename draft…"),
                     self.draft.rename_draft, name="actionRenameDraft")
        self._action(d, self.tr("&Properties…"), self.editing.edit_draft_properties,
                     name="actionDraftProperties")
        self._action(d, self.tr("De&lete draft…"),
                     self.draft.delete_draft, name="actionDeleteDraft")

        lib = bar.addMenu(self.tr("&Library"))
        self.editing.populate_menu(lib)

        h = bar.addMenu(self.tr("&Help"))
        self._action(h, self.tr("&Getting started"), self.show_getting_started,
                     QKeySequence.StandardKey.HelpContents, "actionGettingStarted")
        self._action(h, self.tr("&Keyboard shortcuts"), self.show_shortcuts, name="actionShortcuts")
        h.addSeparator()
        self._action(h, self.tr("&About Accord"), self._about, name="actionAbout")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.files.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.files.open(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _ask_autosave(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self, self.tr("Autosave"),
            self.tr("Autosave to a recovery file every … minutes (0 = off):"),
            self.files.autosave_minutes(), 0, 120)
        if ok:
            self.files.set_autosave_minutes(minutes)

    def _current_provision(self) -> str | None:
        """The provision the user is looking at: in the library, else the selected clause."""
        ids = self.library.selected_ids()
        if ids:
            return ids[0]
        return self.draft.selected_provision()

    def _remove_clause(self) -> None:
        """Edit → Remove clause: the selected clause, the one the inspector shows."""
        row = self.draft.selected_row()
        if row >= 0:
            self.editor.remove_clause(row)

    def _move_clause(self, step: int) -> None:
        """Edit → Move clause up/down; the moved clause stays selected (the panel sees to it)."""
        row = self.draft.selected_row()
        if row >= 0:
            self.editor.move_clause(row, row + step)

    def focus_search(self) -> None:
        """Edit → Find in library (Ctrl+F): the library's search box, its text selected."""
        self.library.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library.search.selectAll()

    def show_getting_started(self) -> None:
        """Help → Getting started (F1): a short guide, beside the window."""
        from desktop.ui.help import getting_started

        self._show_help(getting_started(self))

    def show_shortcuts(self) -> None:
        """Help → Keyboard shortcuts, read from the menus' own actions."""
        from desktop.ui.help import keyboard_shortcuts

        self._show_help(keyboard_shortcuts(self, self.menuBar()))

    def _show_help(self, dialog: QWidget) -> None:
        for old in self.findChildren(QWidget, dialog.objectName()):
            if old is not dialog:  # one guide open at a time
                old.close()
                old.deleteLater()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _about(self) -> None:
        from desktop.wording.precedents import credit

        QMessageBox.about(self, self.tr("About Accord"),
                          self.tr("Accord {version}\n\nAn offline workbench for drafting peace "
                                  "frameworks and checking them against every party's red "
                                  "lines.\n\n{credit}").format(version=__version__,
                                                               credit=credit()))

    def _precedents_tab(self) -> QWidget:
        """The Precedents tab's page; its panel (and the PA-X code) waits for first use."""
        page = QWidget(self)
        page.setObjectName("PrecedentsPage")
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        self._precedents: PrecedentsPanel | None = None
        return page

    @property
    def precedents(self) -> PrecedentsPanel:
        """The Precedents tab's panel, built on first use (the tab shown, or code asking)."""
        if self._precedents is None:
            from desktop.ui.precedents import PrecedentsPanel

            panel = PrecedentsPanel(self.ws, self.precedents_page)
            layout = self.precedents_page.layout()
            assert layout is not None
            layout.addWidget(panel)
            self._precedents = panel
            panel.follow(self.draft.selected_provision())
        return self._precedents

    def _tab_shown(self, index: int) -> None:
        if self.analysis.widget(index) is self.precedents_page:
            self.precedents.show()

    def _follow_precedents(self, provision_id: str | None) -> None:
        if self._precedents is not None:
            self._precedents.follow(provision_id)

    def _under_verdicts(self, panels: QWidget) -> QWidget:
        """The verdict strip spans the window above the panels: every party stays in sight."""
        central = QWidget(self)
        central.setObjectName("Central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.verdicts)
        column.addWidget(panels, 1)
        self.verdicts.strip.party_clicked.connect(self.redlines.show_card)
        self.verdicts.notice.history_requested.connect(
            lambda: self.analysis.setCurrentWidget(self.changes))
        return central

    # -- reactions

    def _on_changed(self, change: Change | None) -> None:
        report = self.ws.report
        self.status_label.setText(report_summary(report) if report else self.tr("No draft"))

    def _select_culprits(self, provision_ids: list[str]) -> None:
        self.draft.select_provisions(provision_ids)  # the inspector follows the first

    # -- layout persistence

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and not geometry.isEmpty()
                and self.restoreGeometry(geometry)):
            self.fill_screen()
        restored = False
        for name, splitter in (("main", self.main), ("center", self.center),
                               ("right", self.right)):
            state = self.settings.value(f"window/splitter-{name}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                restored = splitter.restoreState(state) or restored
        if not restored:
            self.apply_default_sizes()

    def fill_screen(self, share: float = 0.85) -> None:
        """The first window: most of the screen it opens on, centred."""
        area = self.screen().availableGeometry()
        width, height = int(area.width() * share), int(area.height() * share)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2,
                  area.y() + (area.height() - height) // 2)

    def apply_default_sizes(self) -> None:
        width = max(self.width(), 1000)
        self.main.setSizes([int(width * 0.29), int(width * 0.39), int(width * 0.32)])
        height = max(self.height(), 600)
        inspector = min(int(height * 0.42), 350)  # an ordinary clause without scrolling
        self.center.setSizes([height - inspector, inspector])
        self.right.setSizes([int(height * 0.45), int(height * 0.55)])

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter-main", self.main.saveState())
        self.settings.setValue("window/splitter-center", self.center.saveState())
        self.settings.setValue("window/splitter-right", self.right.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_discard():
            event.ignore()
            return
        self.bridge.shutdown()  # cancel a running solve and join its thread
        self.save_layout()
        self.settings.sync()
        self.files.close()
        event.accept()


def open_startup(window: MainWindow, file: Path | None) -> None:
    """What the app shows first: a crashed session's work, the given file, or the template."""
    if window.files.offer_recovery():
        return
    if file is not None:
        if not window.files.open(file):
            window.files.new(template=True)
        return
    window.files.new(template=True)


def app_instance() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app

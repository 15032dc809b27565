"""The provision library panel: a searchable tree grouped by category, a details pane, and
"Add to draft" (Enter) as the keyboard equivalent of dragging."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Provision
from desktop.ui.commands import Editor
from desktop.ui.i18n import InheritedTr
from desktop.ui.models import (
    LibraryFilter,
    LibraryModel,
    ProvisionIdRole,
    category_label,
    parties_label,
)
from desktop.ui.workspace import Workspace
from desktop.wording import clause_text
from desktop.wording.labels import kind_label
from desktop.wording.values import param_line

#: Below this width the tree shows titles only; the parties are in each provision's tooltip.
PARTIES_FROM = 420


class LibraryTree(QTreeView):
    """Enter adds the selected provisions to the draft.

    Titles come first: the title column takes what the parties column leaves, and the parties
    column takes at most a quarter of the width, or hides when the tree is narrow (the
    tooltip and the details pane still name the parties)."""

    activated_ids = Signal(list)

    def fit_columns(self) -> None:
        width = self.viewport().width()
        narrow = width < PARTIES_FROM
        if self.isColumnHidden(1) != narrow:
            self.setColumnHidden(1, narrow)
        if not narrow:
            self.header().resizeSection(1, max(110, min(220, width // 4)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            ids = self.selected_ids()
            if ids:
                self.activated_ids.emit(ids)
                event.accept()
                return
        super().keyPressEvent(event)

    def selected_ids(self) -> list[str]:
        out: list[str] = []
        for index in self.selectionModel().selectedRows(0):
            pid = index.data(ProvisionIdRole)
            if isinstance(pid, str) and pid not in out:
                out.append(pid)
        return out


class LibraryPanel(InheritedTr, QWidget):
    provision_selected = Signal(str)  # for editors: the provision the user is looking at

    # Widget layout: one statement per control, read top to bottom.
    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget | None = None  # noqa: PLR0915
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryPanel")
        self._ws = workspace
        self._editor = editor
        self.model = LibraryModel(workspace, self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("LibrarySearch")
        self.search.setPlaceholderText(self.tr("Search provisions: title, id or text"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search provisions"))
        self.search.setAccessibleDescription(self.tr(
            "Filters the library as you type, on each provision's title, id and text. Ctrl+F "
            "comes here from anywhere."))
        self.search.textChanged.connect(self._filter)

        self.tree = LibraryTree(self)
        self.tree.setObjectName("LibraryTree")
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Provision library"))
        self.tree.setIndentation(14)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.fit_columns()
        self._span_categories()
        self.tree.activated_ids.connect(self._add)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        self.model.modelReset.connect(self._after_reset)

        self.legend = QLabel(self.tr(
            "Kinds: C concession · G guarantee · I incentive · M mechanism · K commitment"),
            self)
        self.legend.setObjectName("KindLegend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        self.add_button = QPushButton(self.tr("Add to draft"), self)
        self.add_button.setObjectName("AddToDraft")
        self.add_button.setToolTip(self.tr("Add the selected provisions to the draft (Enter)"))
        self.add_button.clicked.connect(self.add_selected)

        self.details = QTextBrowser(self)
        self.details.setObjectName("ProvisionDetails")
        self.details.setOpenLinks(False)
        self.details.setOpenExternalLinks(False)
        self.details.setPlaceholderText(self.tr("Select a provision to read its full text."))
        self.details.setAccessibleName(self.tr("Provision details"))
        self.details.setAccessibleDescription(self.tr(
            "The selected provision's full text, kind, category, parties, parameters and "
            "source."))
        # Tight paragraphs: an ordinary provision reads whole without scrolling at 1280×800.
        self.details.document().setDefaultStyleSheet(
            "h3 { margin-top: 0px; margin-bottom: 4px; } p { margin-top: 0px; "
            "margin-bottom: 4px; } ul { margin-top: 0px; margin-bottom: 4px; }")

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.tree, 1)
        top_layout.addWidget(self.legend)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.add_button)
        top_layout.addLayout(row)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("LibrarySplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)  # a taller window gives the list more rows
        self._balanced = False  # the list and the details share the height once shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.splitter.height()
        if not self._balanced and height > 200:
            # Room for an ordinary provision's details without scrolling, as at 1280×800.
            self._balanced = True
            details = min(height * 48 // 100, 360)
            self.splitter.setSizes([height - details, details])

    def _span_categories(self) -> None:
        """Category rows use the full width; provisions show title and parties."""
        for row in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(row, self.tree.rootIndex(), True)
        self.tree.expandAll()

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._span_categories()

    def _after_reset(self) -> None:
        self._span_categories()

    def selected_ids(self) -> list[str]:
        """The provisions selected in the tree, in selection order."""
        return self.tree.selected_ids()

    def add_selected(self) -> None:
        """Add the selected provisions to the draft (the Add button, Enter, Edit menu)."""
        self._add(self.tree.selected_ids())

    def _add(self, ids: list[str]) -> None:
        if ids:
            self._editor.add_clauses(ids)

    def _double_clicked(self, index: QModelIndex) -> None:
        pid = index.data(ProvisionIdRole)
        if isinstance(pid, str):
            self._editor.add_clauses([pid])

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pid = current.data(ProvisionIdRole)
        if not isinstance(pid, str):
            self.details.clear()
            return
        prov = self._ws.scenario.provision_index.get(pid)
        if prov is not None:
            self.details.setHtml(self.describe(prov))
            self.provision_selected.emit(pid)

    def describe(self, prov: Provision) -> str:
        """The details pane: every user string escaped, so markup prints literally."""
        e = html.escape
        kind = self.tr("<b>Kind:</b> {kind} &nbsp; <b>Category:</b> {category}").format(
            kind=e(kind_label(prov.kind)), category=e(category_label(prov.category)))
        rows = [
            f"<h3>{e(prov.title)}</h3>",
            f"<p>{e(clause_text(prov))}</p>",
            f"<p>{kind}</p>",
        ]
        who = parties_label(self._ws.scenario, prov)
        if who:
            parties = self.tr("<b>Parties:</b> {parties}").format(parties=e(who))
            rows.append(f"<p>{parties}</p>")
        if prov.pax:  # the PA-X index is read here, on first use, never at start-up
            from desktop.wording.precedents import credit_short, precedent_lines

            lines = "<br>".join(e(line) for line in precedent_lines(prov.pax))
            heading = self.tr("<b>Precedents:</b>")
            rows.append(f"<p>{heading}<br>{lines}<br><small>{e(credit_short())}</small></p>")
        if prov.params:
            items = "".join(f"<li>{e(param_line(p))}</li>" for p in prov.params)
            sets = self.tr("<b>What a clause sets</b>")
            rows.append(f"<p>{sets}</p><ul>{items}</ul>")
        if prov.excludes:
            index = self._ws.scenario.provision_index
            titles = [self.tr("“{title}”").format(title=index[x].title) if x in index else x
                      for x in prov.excludes]
            cannot = self.tr("<b>Cannot stand with:</b> {titles}").format(
                titles=e(", ".join(titles)))
            rows.append(f"<p>{cannot}</p>")
        if prov.source:
            source = self.tr("<b>Source:</b> {source}").format(source=e(prov.source))
            rows.append(f"<p>{source}</p>")
        return "".join(rows)

    def select_provision(self, provision_id: str) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(provision_id))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

"""The draft agreement panel: a draft switcher and the ordered, numbered clauses.

Clauses that cross a red line carry a red bar and a "✗ crosses ..." line; clauses in conflict
carry an orange bar and a "⚠ conflicts with ..." line, so status never relies on colour alone.
Each clause shows its phase under its number, in a column of its own: the draft keeps its own
order and numbering (as the printed draft text does), and a phase never heads clauses that
belong to another.

An empty draft shows where to drop; during a drag a line shows where the provision will land.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.commands import Editor
from desktop.ui.i18n import InheritedTr
from desktop.ui.look import ink
from desktop.ui.models import DraftModel, RowInfo
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording import palette as colours
from desktop.wording.translate import QT_TRANSLATE_NOOP

VIOLATION = QColor(colours.VIOLATION)
CONFLICT = QColor(colours.CONFLICT)
PAD = 6
NUMBER_WIDTH = 58  # the clause number, and its phase beneath it
DROP_LINE = 3  # the insertion line's thickness during a drag
#: What an empty draft shows (English; shown translated, with the DraftView context).
EMPTY_DRAFT = QT_TRANSLATE_NOOP("DraftView", "Drag provisions here, or select one and press Enter")
BAR = 5


class ClauseDelegate(InheritedTr, QStyledItemDelegate):
    """Paints a clause: number, phase heading, title, full text, and its status lines.

    Heights are cached by what a row shows and the view's width, so laying out a 500-clause
    draft after an edit measures only the rows that changed.
    """

    def __init__(self, view: QListView, model: DraftModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model  # read directly: sizeHint runs for every row on each layout
        self._heights: dict[tuple[RowInfo, int], int] = {}
        self._sizes: dict[int, tuple[RowInfo, QSize]] = {}  # by id(): at the width of now
        self._width = 0

    def forget_sizes(self) -> None:
        """The view's width or font changed: every height must be measured again."""
        self._heights.clear()
        self._sizes.clear()
        self._width = 0

    def _text_width(self) -> int:
        if not self._width:
            self._width = max(120, self._view.viewport().width() - NUMBER_WIDTH - BAR - 3 * PAD)
        return self._width

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
        return base, bold, small

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Qt asks for every row's size each time the list is laid out (after any insert), a
        # Python call per row: a row whose RowInfo object is built and unchanged answers from
        # the cache by identity, with nothing else called.
        row = index.row()
        infos = self._model.infos
        info = infos[row] if 0 <= row < len(infos) else None
        if info is not None:
            known = self._sizes.get(id(info))
            if known is not None and known[0] is info:
                return known[1]
        info = self._model.row_info(row)
        width = self._text_width()
        full = width + NUMBER_WIDTH + BAR + 3 * PAD
        if info is None:
            return QSize(full, 20)
        key = (info, width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 20_000:
                self._heights.clear()
            base, bold, small = self._fonts(option)
            flags = Qt.TextFlag.TextWordWrap
            box = QRect(0, 0, width, 100_000)
            height = PAD
            height += QFontMetrics(bold).boundingRect(box, flags, info.title).height()
            height += QFontMetrics(base).boundingRect(box, flags, info.text).height()
            for line in _lines(info):
                height += QFontMetrics(small).boundingRect(box, flags, line).height()
            column = QFontMetrics(bold).height() + QFontMetrics(small).height()
            height = max(height, column) + PAD  # the number and phase fit beside the text
            self._heights[key] = height
        size = QSize(full, height)
        if len(self._sizes) > 20_000:
            self._sizes.clear()
        self._sizes[id(info)] = (info, size)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        info = self._model.row_info(index.row())
        if info is None:
            return
        painter.save()
        base, bold, small = self._fonts(option)
        rect = QRect(option.rect)
        palette = option.palette
        flags = Qt.TextFlag.TextWordWrap
        top = rect.top() + PAD
        body = QRect(rect.left(), top - PAD // 2, rect.width(), rect.bottom() - top + PAD // 2)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(body, palette.color(QPalette.ColorRole.Highlight))
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        if info.status:
            bar = VIOLATION if info.status[0][1] else CONFLICT
            painter.fillRect(QRect(body.left(), body.top(), BAR, body.height()), bar)

        painter.setPen(text_color)
        painter.setFont(bold)
        number = QRect(body.left() + BAR + PAD, top, NUMBER_WIDTH, body.height())
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         f"{index.row() + 1}.")
        painter.setFont(small)
        painter.setPen(text_color if selected
                       else palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(number.adjusted(0, QFontMetrics(bold).height(), 0, 0),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         self.tr("phase {phase}").format(phase=info.phase))
        painter.setPen(text_color)
        x = body.left() + BAR + 2 * PAD + NUMBER_WIDTH
        width = self._text_width()
        for font, text in ((bold, info.title), (base, info.text)):
            painter.setFont(font)
            r = QFontMetrics(font).boundingRect(QRect(x, top, width, 100_000), flags, text)
            painter.drawText(QRect(x, top, width, r.height()), flags, text)
            top += r.height()
        painter.setFont(small)
        for line, is_violation in info.status:
            words = ink(colours.VIOLATION if is_violation else colours.CONFLICT, palette)
            painter.setPen(text_color if selected else words)
            r = QFontMetrics(small).boundingRect(QRect(x, top, width, 100_000), flags, line)
            painter.drawText(QRect(x, top, width, r.height()), flags, line)
            top += r.height()
        if info.open_point:  # in the text's colour: the words mark it, not a colour
            painter.setPen(text_color)
            r = QFontMetrics(small).boundingRect(QRect(x, top, width, 100_000), flags,
                                                 info.open_point)
            painter.drawText(QRect(x, top, width, r.height()), flags, info.open_point)
            top += r.height()
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1,
                                Qt.PenStyle.DotLine))
            painter.drawRect(body.adjusted(0, 0, -1, -1))
        painter.restore()


def _lines(info: RowInfo) -> list[str]:
    """The small lines under a clause's text: its status lines, then its open point."""
    return [line for line, _ in info.status] + ([info.open_point] if info.open_point else [])


def phase_label(phase: int) -> str:
    """A clause's phase as it reads under its number: "phase 2"."""
    return QCoreApplication.translate("ClauseDelegate", "phase {phase}").format(phase=phase)


class DraftView(InheritedTr, QListView):
    """Delete removes the selected clause; Ctrl+Up/Down move it: the keyboard twins of dragging.

    Which clause is selected afterwards is the panel's business (:class:`DraftPanel`), as it is
    after every other edit.
    """

    def __init__(self, editor: Editor, model: DraftModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.setObjectName("DraftView")
        self.setAccessibleName(self.tr("Draft agreement"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._dragging = False
        self._drag_pos = QPoint()
        self.setAccessibleDescription(self.tr(EMPTY_DRAFT))
        self.delegate = ClauseDelegate(self, model)
        self.setItemDelegate(self.delegate)
        self.setModel(model)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_row(self) -> int:
        """The row of the selected clause: the current row while it is highlighted, else -1.

        This is the one clause the inspector shows and that Delete, move and note edits act on.
        """
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return -1
        return index.row()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.selected_row()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and row >= 0:
            self._editor.remove_clause(row)
            event.accept()
            return
        if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and row >= 0:
            target = row - 1 if event.key() == Qt.Key.Key_Up else row + 1
            if 0 <= target < self.model().rowCount():
                self._editor.move_clause(row, target)
            event.accept()
            return
        super().keyPressEvent(event)

    def select_row(self, row: int) -> None:
        """Make ``row`` the current and only highlighted row; -1 (or any row that is not
        there) selects nothing."""
        if 0 <= row < self.model().rowCount():
            index = self.model().index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.selectionModel().clear()  # no highlight and no current index

    def select_rows(self, rows: list[int]) -> None:
        model = self.model()
        selection = QItemSelection()
        for row in rows:
            index = model.index(row, 0)
            selection.select(index, index)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.selectionModel().select(selection,
                                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            self.selectionModel().setCurrentIndex(model.index(rows[0], 0),
                                                  QItemSelectionModel.SelectionFlag.NoUpdate)
            self.scrollTo(model.index(rows[0], 0))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    # -- drag cues: where a drop lands, and where to drop into an empty draft

    def drop_line(self) -> int | None:
        """The y (in the viewport) of the insertion line while something is dragged over the
        draft, or None."""
        if self.state() != QAbstractItemView.State.DraggingState or not self._dragging:
            return None
        rows = self.model().rowCount()
        if rows == 0:
            return None
        position = self.dropIndicatorPosition()
        index = self.indexAt(self._drag_pos)
        if not index.isValid() or position == QAbstractItemView.DropIndicatorPosition.OnViewport:
            last = self.visualRect(self.model().index(rows - 1, 0))
            return last.bottom() + 1
        rect = self.visualRect(index)
        if position == QAbstractItemView.DropIndicatorPosition.BelowItem:
            return rect.bottom() + 1
        return rect.top()  # above the item, or on it: the drop lands before it

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        self._dragging = event.isAccepted()
        self._drag_pos = event.position().toPoint()
        self.viewport().update()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self._dragging = event.isAccepted()
        self._drag_pos = event.position().toPoint()
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._dragging = False
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._dragging = False
        super().dropEvent(event)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        empty = self.model().rowCount() == 0 and self.acceptDrops()
        y = None if empty else self.drop_line()
        if not empty and y is None:
            return
        painter = QPainter(self.viewport())
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        if empty:
            area = self.viewport().rect().adjusted(12, 12, -12, -12)
            painter.setPen(QPen(accent if self._dragging
                                else palette.color(QPalette.ColorRole.Mid), 2,
                                Qt.PenStyle.DashLine))
            painter.drawRoundedRect(area, 8, 8)
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.15)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(area.adjusted(16, 16, -16, -16),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr(EMPTY_DRAFT))
        elif y is not None:
            width = self.viewport().width()
            painter.fillRect(QRect(PAD, y - DROP_LINE // 2, width - 2 * PAD, DROP_LINE), accent)
            painter.setBrush(accent)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPoint(PAD + 3, y), 5, 5)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.delegate.forget_sizes()  # wrapped heights depend on the width
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.delegate.forget_sizes()
        super().changeEvent(event)


class DraftPanel(InheritedTr, QWidget):
    """Draft switcher (new, duplicate, rename, delete) above the clause list.

    The panel owns the selection and announces it by identity: :attr:`clause_selected` carries
    the provision id of the selected clause (or None), never a row, because rows shift under
    every insert, removal and move. After each edit the selection is settled once the rows
    match the draft (see :meth:`_settle`): the selected clause stays selected wherever it
    went; an inserted or moved clause becomes the selected one; when the selected clause is
    gone its nearest surviving neighbour (the next one, else the one before) is selected.
    """

    clause_selected = Signal(object)  # str | None: provision id of the selected clause
    status = Signal(str)  # a passing message for the status bar

    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("DraftPanel")
        self._ws = workspace
        self._editor = editor
        self.model = DraftModel(workspace, editor, self)
        self._selected: str | None = None  # the provision id last announced
        self._settling = False  # True while the model follows a change
        self._shown_draft: str | None = self.model.draft_id  # what the rows showed before it
        self._shown_ids: tuple[str, ...] = self.model.provision_ids()

        self.switcher = QComboBox(self)
        self.switcher.setObjectName("DraftSwitcher")
        self.switcher.setAccessibleName(self.tr("Current draft"))
        self.switcher.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.switcher.setMinimumContentsLength(24)
        self.switcher.activated.connect(self._switch)

        def tool(text: str, tip: str, slot: object, name: str) -> QToolButton:
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(name)
            button.clicked.connect(slot)
            return button

        self.new_button = tool(self.tr("New"), self.tr("New empty draft"), self.new_draft,
                               "NewDraft")
        self.dup_button = tool(self.tr("Duplicate"), self.tr("New draft copying this one"),
                               self.duplicate_draft, "DuplicateDraft")
        self.rename_button = tool(self.tr("Rename"), self.tr("Rename this draft"),
                                  self.rename_draft, "RenameDraft")
        self.delete_button = tool(self.tr("Delete"), self.tr("Delete this draft"),
                                  self.delete_draft, "DeleteDraft")

        self.view = DraftView(editor, self.model, self)
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda _cur, _prev: self._follow_view())
        selection.selectionChanged.connect(lambda _sel, _desel: self._follow_view())
        self.model.updating.connect(self._begin_settling)
        self.model.updated.connect(self._settle)
        self.model.already_present.connect(self._already_present)

        bar = QHBoxLayout()
        label = QLabel(self.tr("Draft:"), self)
        label.setBuddy(self.switcher)
        bar.addWidget(label)
        bar.addWidget(self.switcher, 1)
        for b in (self.new_button, self.dup_button, self.rename_button, self.delete_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._refresh_switcher()
        workspace.changed.connect(self._on_changed)

    # -- selection

    def selected_provision(self) -> str | None:
        """The provision id of the selected clause (the one the inspector shows), or None."""
        return self._selected

    def selected_row(self) -> int:
        """The row of the selected clause, or -1."""
        return self.view.selected_row()

    def select_provision(self, provision_id: str | None) -> bool:
        """Select the clause of ``provision_id`` (None: nothing); False when it is not here."""
        row = self.model.row_of(provision_id) if provision_id is not None else None
        self.view.select_row(-1 if row is None else row)
        return row is not None or provision_id is None

    def select_row(self, row: int) -> None:
        """Select the clause at ``row`` (-1, or a row that is not there: nothing)."""
        self.view.select_row(row)

    def select_provisions(self, provision_ids: list[str]) -> bool:
        """Highlight the clauses of ``provision_ids`` that are in the draft; the first of them
        becomes the selected clause (the one the inspector shows). False when none is here."""
        rows = [r for r in (self.model.row_of(p) for p in provision_ids) if r is not None]
        if rows:
            self.view.select_rows(rows)
        return bool(rows)

    def _view_selection(self) -> str | None:
        clause = self.model.clause(self.view.selected_row())
        return clause.provision if clause is not None else None

    def _follow_view(self) -> None:
        """The user (or code) moved the selection: announce the clause now selected.

        A click moves the current row first and the highlight after it: in between, the
        current row is not highlighted while the old one still is. That moment is not
        announced (the inspector would show no clause, and make its editors again, for the
        duration of one click); the highlight's own signal follows at once."""
        if self._settling:
            return
        if self.view.selected_row() < 0 and self.view.selectionModel().hasSelection():
            return
        self._announce(self._view_selection())

    def _announce(self, provision_id: str | None) -> None:
        if provision_id != self._selected:
            self._selected = provision_id
            self.clause_selected.emit(provision_id)

    def _begin_settling(self) -> None:
        # Until the model has caught up, the view's current row may name a row that is gone or
        # will be renumbered: its moves are not the user's and are not announced.
        self._settling = True

    def _settle(self, change: Change) -> None:
        """Choose the selected clause after ``change``, by identity, then announce it."""
        before, before_draft = self._shown_ids, self._shown_draft
        self._shown_ids, self._shown_draft = self.model.provision_ids(), self.model.draft_id
        try:
            target = self._selection_after(change, before, before_draft)
            row = self.model.row_of(target) if target is not None else None
            if row is None:
                self.view.select_row(-1)
            elif self.view.selected_row() != row:
                # A still-selected clause keeps its (possibly multi-row) highlight untouched.
                self.view.select_row(row)
        finally:
            self._settling = False
        self._announce(self._view_selection())

    def _selection_after(self, change: Change, before: tuple[str, ...],
                         before_draft: str | None) -> str | None:
        ids = self._shown_ids
        if change.what == What.RESET:
            return None  # another document
        if change.what == What.CLAUSE_INSERTED and change.rows and change.rows[0] < len(ids):
            return ids[change.rows[0]]  # an added (or restored) clause
        if change.what == What.CLAUSE_MOVED and len(change.rows) == 2 \
                and change.rows[1] < len(ids):
            return ids[change.rows[1]]  # the moved clause, where it went
        selected = self._selected
        if selected is None or selected in ids:
            return selected  # nothing selected, or the selected clause is still here
        if before_draft != self._shown_draft or selected not in before:
            return None  # another draft without that provision
        at = before.index(selected)
        if len(ids) == len(before) and ids[at] not in before:
            return ids[at]  # the same place holds a new id: its provision was renamed
        # The selected clause is gone: its nearest surviving neighbour, the next one first.
        present = set(ids)
        for pid in (*before[at + 1:], *reversed(before[:at])):
            if pid in present:
                return pid
        return None

    # -- drafts

    def _on_changed(self, change: Change) -> None:
        structural = change.what in (What.RESET, What.DRAFTS, What.DRAFT_SWITCHED)
        if structural or self.switcher.currentData() != self._ws.draft_id:
            self._refresh_switcher()
        self.view.viewport().update()  # the empty draft's drop area comes and goes

    def _refresh_switcher(self) -> None:
        self.switcher.blockSignals(True)
        self.switcher.clear()
        for d in self._ws.scenario.drafts:
            self.switcher.addItem(d.title, d.id)
        i = self.switcher.findData(self._ws.draft_id)
        self.switcher.setCurrentIndex(i)
        self.switcher.blockSignals(False)
        has = self._ws.draft is not None
        for b in (self.dup_button, self.rename_button, self.delete_button):
            b.setEnabled(has)
        self.view.setAcceptDrops(has)

    def _already_present(self, row: int) -> None:
        """A dropped provision is in the draft already: say so, and show it."""
        self.view.select_row(row)
        clause = self.model.clause(row)
        prov = None if clause is None else self._ws.scenario.provision_index.get(
            clause.provision)
        number = row + 1
        if prov is None:
            text = self.tr("That provision is already in the draft, as clause {number}: "
                           "selected it.").format(number=number)
        else:
            text = self.tr("“{title}” is already in the draft, as clause {number}: selected "
                           "it.").format(title=prov.title, number=number)
        self.status.emit(text)

    def _switch(self, index: int) -> None:
        draft_id = self.switcher.itemData(index)
        if isinstance(draft_id, str):
            self._ws.switch_draft(draft_id)

    def new_draft(self) -> None:
        title, ok = QInputDialog.getText(self, self.tr("New draft"),
                                         self.tr("Title of the new draft:"),
                                         text=self.tr("New draft"))
        if ok and title.strip():
            self._editor.new_draft(title.strip())

    def duplicate_draft(self) -> None:
        self._editor.duplicate_draft()

    def rename_draft(self) -> None:
        draft = self._ws.draft
        if draft is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("Rename draft"), self.tr("New title:"),
                                         text=draft.title)
        if ok and title.strip():
            self._editor.rename_draft(title.strip())

    def delete_draft(self) -> None:
        draft = self._ws.draft
        if draft is None:
            return
        clauses = len(draft.clauses)
        answer = QMessageBox.question(
            self, self.tr("Delete draft"),
            self.tr("Delete the draft “{title}” with its %n clause(s)?\n"
                    "You can undo this with Edit → Undo.", "", clauses).format(title=draft.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._editor.remove_draft()

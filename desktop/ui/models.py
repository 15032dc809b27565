"""Qt item models: thin adapters over the workspace's domain objects.

No rule logic lives here. The models read the workspace's scenario and report, translate
:class:`~desktop.ui.workspace.Change` notifications into fine-grained Qt model signals, and turn
drops into :class:`~desktop.ui.commands.Editor` calls (which push undo commands).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from desktop.domain import Clause, Provision, Report, Scenario
from desktop.ui.commands import Editor
from desktop.ui.i18n import InheritedTr
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording import clause_text, series, short_name
from desktop.wording.labels import kind_label, kind_letter
from desktop.wording.palette import KIND_COLORS, WHITE

PROVISION_MIME = "application/x-accord-provision"
CLAUSE_MIME = "application/x-accord-clause"

ProvisionIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
InDraftRole = Qt.ItemDataRole.UserRole + 3
SearchTextRole = Qt.ItemDataRole.UserRole + 4
CategoryRole = Qt.ItemDataRole.UserRole + 5  # a category row's label, without its count
ClauseRole = Qt.ItemDataRole.UserRole + 10
PhaseRole = Qt.ItemDataRole.UserRole + 11
NumberRole = Qt.ItemDataRole.UserRole + 12
TitleRole = Qt.ItemDataRole.UserRole + 13
TextRole = Qt.ItemDataRole.UserRole + 14
ViolationsRole = Qt.ItemDataRole.UserRole + 15  # list[tuple[party name, red line id, title]]
ConflictsRole = Qt.ItemDataRole.UserRole + 16  # list[str] of provision titles it conflicts with
PhaseStartsRole = Qt.ItemDataRole.UserRole + 17  # bool: first clause of its phase
RowInfoRole = Qt.ItemDataRole.UserRole + 18  # RowInfo: all a clause row shows, in one call


class RowInfo(NamedTuple):
    """What a clause row shows, except its number (which shifts on every insert)."""

    phase: int
    phase_starts: bool
    title: str
    text: str
    status: tuple[tuple[str, bool], ...]  # (line, is_violation): violation or conflict lines
    open_point: str = ""  # "Open point: 2 alternatives, “US formula” or …"; "" when settled


Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root; a shared default argument (never mutated)

_ICONS: dict[str, QIcon] = {}


def kind_icon(kind: str) -> QIcon:
    """A round badge with the kind's letter: C concession, G guarantee, I incentive,
    M mechanism, K commitment (the library's tooltips and legend spell them out)."""
    icon = _ICONS.get(kind)
    if icon is None:
        size = 32
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(KIND_COLORS[kind]))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(1, 1, size - 2, size - 2)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(19)
        painter.setFont(font)
        painter.setPen(QColor(WHITE))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, kind_letter(kind))
        painter.end()
        icon = _ICONS[kind] = QIcon(pixmap)
    return icon


def category_label(slug: str) -> str:
    return slug.replace("-", " ").replace("_", " ").capitalize()


def parties_label(scenario: Scenario, prov: Provision) -> str:
    def names(ids: Sequence[str]) -> str:
        return ", ".join(short_name(scenario.party_index[i].name)
                         for i in ids if i in scenario.party_index)

    by, to = names(prov.by), names(prov.to)
    if by and to:
        return QCoreApplication.translate("LibraryModel", "{by} → {to}").format(by=by, to=to)
    if by:
        return QCoreApplication.translate("LibraryModel", "by {parties}").format(parties=by)
    if to:
        return QCoreApplication.translate("LibraryModel", "to {parties}").format(parties=to)
    return ""


def provision_tooltip(scenario: Scenario, prov: Provision) -> str:
    """Rich text whose every user string is escaped: names, titles and text print literally."""
    parts = [f"<b>{html.escape(prov.title)}</b>",
             html.escape(clause_text(prov))]
    who = parties_label(scenario, prov)
    kind = kind_label(prov.kind)
    parts.append(html.escape(QCoreApplication.translate("LibraryModel", "{kind}: {parties}")
                             .format(kind=kind, parties=who) if who else kind))
    return "<p>" + "</p><p>".join(parts) + "</p>"


def encode_ids(mime: str, ids: Sequence[str], text: str) -> QMimeData:
    data = QMimeData()
    data.setData(mime, QByteArray(json.dumps(list(ids)).encode("utf-8")))
    data.setText(text)
    return data


def decode_ids(data: QMimeData, mime: str) -> list[str]:
    """The ids a drag carries; anything malformed (a foreign drag) carries none."""
    if not data.hasFormat(mime):
        return []
    try:
        raw = json.loads(bytes(data.data(mime).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(raw, list):
        return []
    return [x for x in raw if isinstance(x, str)]


# --------------------------------------------------------------------------- library


class LibraryModel(InheritedTr, QAbstractItemModel):
    """Provisions grouped by category: two levels, three columns (title, kind, parties)."""

    COLUMN_COUNT = 2  # the provision (its title), its parties: see headers()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._categories: list[str] = []
        self._members: list[list[Provision]] = []
        self._where: dict[str, tuple[int, int]] = {}
        self._in_draft: frozenset[str] = frozenset()
        self._rebuild()
        workspace.changed.connect(self._on_changed)

    def _rebuild(self) -> None:
        groups: dict[str, list[Provision]] = {}
        for prov in self._ws.scenario.provisions:
            groups.setdefault(prov.category, []).append(prov)
        self._categories = list(groups)
        self._members = [groups[c] for c in self._categories]
        self._where = {p.id: (c, r) for c, members in enumerate(self._members)
                       for r, p in enumerate(members)}
        self._refresh_in_draft()

    def _refresh_in_draft(self) -> None:
        draft = self._ws.draft
        self._in_draft = frozenset(c.provision for c in draft.clauses) if draft else frozenset()

    def _on_changed(self, change: Change) -> None:
        if change.what in (What.RESET, What.LIBRARY, What.PARTIES):
            self.beginResetModel()
            self._rebuild()
            self.endResetModel()
            return
        before = self._in_draft
        self._refresh_in_draft()
        # Only the provisions that entered or left the draft change their mark: signal just
        # those (a whole-library signal costs the tree tens of milliseconds per edit).
        for pid in before ^ self._in_draft:
            where = self._where.get(pid)
            if where is not None:
                parent = self.index(where[0], 0)
                self.dataChanged.emit(self.index(where[1], 0, parent),
                                      self.index(where[1], 1, parent))

    # -- structure

    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._categories)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._members[parent.row()])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def headers(self) -> tuple[str, str]:
        """The column headers, in the user's language."""
        return self.tr("Provision"), self.tr("Parties")

    def provision_at(self, index: Index) -> Provision | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._members[index.internalId() - 1][index.row()]

    def index_of(self, provision_id: str) -> QModelIndex:
        where = self._where.get(provision_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], 0, self.index(where[0], 0))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0:
            base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return base

    # Qt's data(): one answer per item role.
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: C901, PLR0911
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                cat = self._categories[index.row()]
                return self.tr("{category} ({total})").format(
                    category=category_label(cat), total=len(self._members[index.row()]))
            if role == SearchTextRole:
                return category_label(self._categories[index.row()]).lower()
            if role == CategoryRole:
                return category_label(self._categories[index.row()])
            return None
        prov = self._members[index.internalId() - 1][index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"✓ {prov.title}" if prov.id in self._in_draft else prov.title
            return parties_label(self._ws.scenario, prov)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return kind_icon(prov.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return provision_tooltip(self._ws.scenario, prov)
        if role == ProvisionIdRole:
            return prov.id
        if role == KindRole:
            return prov.kind
        if role == InDraftRole:
            return prov.id in self._in_draft
        if role == SearchTextRole:
            return f"{prov.title}\n{prov.id}\n{prov.text}".lower()
        return None

    # -- drag source

    def mimeTypes(self) -> list[str]:
        return [PROVISION_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[str] = []
        texts: list[str] = []
        for index in indexes:
            prov = self.provision_at(index)
            if prov is not None and prov.id not in ids:
                ids.append(prov.id)
                texts.append(clause_text(prov))
        return encode_ids(PROVISION_MIME, ids, "\n\n".join(texts))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class LibraryFilter(InheritedTr, QSortFilterProxyModel):
    """Filters provisions on title, id and text as the user types; keeps matching categories."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        # The categories' counts follow the filter: "Territory (2 of 5)".
        last = self.rowCount() - 1
        if last >= 0:
            self.dataChanged.emit(self.index(0, 0), self.index(last, 0),
                                  [Qt.ItemDataRole.DisplayRole])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and not index.parent().isValid() and index.column() == 0:
            source = self.mapToSource(index)
            label = self.sourceModel().data(source, CategoryRole)
            if isinstance(label, str):
                shown, total = self.rowCount(index), self.sourceModel().rowCount(source)
                if shown != total:
                    return self.tr("{category} ({shown} of {total})").format(
                        category=label, shown=shown, total=total)
                return self.tr("{category} ({total})").format(category=label, total=total)
        return super().data(index, role)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not source_parent.isValid():
            return False  # a category shows when one of its provisions matches (recursive)
        haystack = model.data(index, SearchTextRole)
        return isinstance(haystack, str) and all(w in haystack for w in self._needle.split())


# --------------------------------------------------------------------------- draft


class DraftModel(InheritedTr, QAbstractListModel):
    """The current draft's clauses, in order. A drop target for provisions and for clauses.

    Each workspace change is bracketed by :attr:`updating` and :attr:`updated`. In between,
    the model's rows and the workspace's draft may disagree and views move their current index
    on their own (a removed row hands it to a neighbour); whoever tracks a selection should
    ignore those moves and settle the selection on :attr:`updated`, when rows match the draft.
    """

    already_present = Signal(int)  # a dropped provision is already in the draft, at this row
    updating = Signal()  # a workspace change is about to be applied to the rows
    updated = Signal(object)  # Change: the rows now match the workspace's current draft

    def __init__(self, workspace: Workspace, editor: Editor, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._editor = editor
        self._draft_id: str | None = None
        self._clauses: tuple[Clause, ...] = ()
        self._provisions: dict[str, Provision] = {}
        self._texts: dict[int, tuple[Clause, str]] = {}  # id(clause) -> (clause, rendered text)
        self._violations: dict[str, list[tuple[str, str, str]]] = {}
        self._conflicts: dict[str, list[str]] = {}
        #: Per row, what the delegate draws (None: not built yet, see :meth:`row_info`); built
        #: on demand and kept across edits. The delegate's ``sizeHint`` reads it directly.
        self.infos: list[RowInfo | None] = []
        self._snapshot()
        self.infos = [None] * len(self._clauses)
        workspace.changed.connect(self._on_changed)

    def _snapshot(self) -> None:
        draft = self._ws.draft
        self._draft_id = draft.id if draft else None
        self._clauses = draft.clauses if draft else ()
        provisions = self._ws.scenario.provision_index
        if provisions is not self._provisions:
            self._texts = {}
        self._provisions = provisions
        # Clauses are immutable: a clause's text is rendered once and kept while it is shown.
        old = self._texts
        self._texts = {}
        for clause in self._clauses:
            cached = old.get(id(clause))
            if cached is not None and cached[0] is clause:
                self._texts[id(clause)] = cached
        self._marks(self._ws.report)

    def _marks(self, report: Report | None) -> None:
        self._violations = {}
        self._conflicts = {}
        if report is None:
            return
        for verdict in report.parties:
            name = short_name(verdict.name)
            for v in verdict.violations:
                for pid in v.clauses:
                    self._violations.setdefault(pid, []).append((name, v.red_line, v.title))
        for c in report.conflicts:
            a, b = c.provisions
            self._conflicts.setdefault(a, []).append(self._provisions[b].title)
            self._conflicts.setdefault(b, []).append(self._provisions[a].title)

    def _on_changed(self, change: Change) -> None:
        self.updating.emit()
        try:
            self._follow(change)
        finally:
            self.updated.emit(change)

    def _follow(self, change: Change) -> None:
        """Translate ``change`` into Qt's row signals (a reset when it is not a fine one)."""
        draft = self._ws.draft
        same_draft = draft is not None and draft.id == self._draft_id
        what = change.what
        if not same_draft or what in (What.RESET, What.DRAFT_SWITCHED, What.CLAUSES,
                                      What.LIBRARY, What.PARTIES):
            self.beginResetModel()
            self._snapshot()
            self.infos = [None] * len(self._clauses)
            self.endResetModel()
            return
        assert draft is not None
        before = (self._violations, self._conflicts)
        touched: set[int] = set()
        if what == What.CLAUSE_INSERTED:
            (row,) = change.rows
            self.beginInsertRows(QModelIndex(), row, row)
            self._snapshot()
            self.infos.insert(row, None)
            self.endInsertRows()
            touched = {row - 1, row, row + 1}
        elif what == What.CLAUSE_REMOVED:
            (row,) = change.rows
            self.beginRemoveRows(QModelIndex(), row, row)
            self._snapshot()
            del self.infos[row]
            self.endRemoveRows()
            touched = {row - 1, row}
        elif what == What.CLAUSE_MOVED:
            src, dst = change.rows
            self.beginMoveRows(QModelIndex(), src, src, QModelIndex(),
                               dst + 1 if dst > src else dst)
            self._snapshot()
            self.infos.insert(dst, self.infos.pop(src))
            self.endMoveRows()
            touched = {src - 1, src, src + 1, dst - 1, dst, dst + 1}
        else:
            self._snapshot()
            touched = {r + d for r in change.rows for d in (-1, 0, 1)}
        # Only rows whose marks (violations, conflicts, phase heading) changed are signalled:
        # a signal for all 500 rows makes the view measure every row again.
        old_violations, old_conflicts = before
        for i, clause in enumerate(self._clauses):
            pid = clause.provision
            if (i in touched or old_violations.get(pid) != self._violations.get(pid)
                    or old_conflicts.get(pid) != self._conflicts.get(pid)):
                self.infos[i] = None
                index = self.index(i)
                self.dataChanged.emit(index, index)

    # -- data

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._clauses)

    def clause(self, row: int) -> Clause | None:
        return self._clauses[row] if 0 <= row < len(self._clauses) else None

    @property
    def draft_id(self) -> str | None:
        """The draft whose clauses the rows show."""
        return self._draft_id

    def provision_ids(self) -> tuple[str, ...]:
        """The provision of each row, in order."""
        return tuple(c.provision for c in self._clauses)

    def row_of(self, provision_id: str) -> int | None:
        for i, c in enumerate(self._clauses):
            if c.provision == provision_id:
                return i
        return None

    def _text(self, clause: Clause, prov: Provision) -> str:
        cached = self._texts.get(id(clause))
        if cached is not None and cached[0] is clause:
            return cached[1]
        text = clause_text(prov, clause.values)
        self._texts[id(clause)] = (clause, text)
        return text

    def row_info(self, row: int) -> RowInfo | None:
        """Everything the delegate draws for a row, in one call (cached until the row's
        clause, marks or phase heading change)."""
        if not 0 <= row < len(self._clauses):
            return None
        cached = self.infos[row]
        if cached is not None:
            return cached
        info = self._row_info(row)
        self.infos[row] = info
        return info

    def _row_info(self, row: int) -> RowInfo | None:
        clause = self._clauses[row]
        prov = self._provisions.get(clause.provision)
        if prov is None:
            return None
        status: list[tuple[str, bool]] = []
        violations = self._violations.get(clause.provision)
        if violations:
            parties = series(list(dict.fromkeys(p for p, _, _ in violations)))
            if len(violations) == 1:
                crossed = self.tr("✗ Crosses ‘{title}’ ({parties})").format(
                    title=violations[0][2], parties=parties)
            else:
                crossed = self.tr("✗ Crosses %n red line(s) of {parties}", "",
                                  len(violations)).format(parties=parties)
            status.append((crossed, True))
        conflicts = self._conflicts.get(clause.provision)
        if conflicts:
            titles = series([self.tr("“{title}”").format(title=c) for c in conflicts])
            status.append((self.tr("⚠ Excludes {titles}").format(titles=titles), False))
        starts = row == 0 or self._clauses[row - 1].phase != clause.phase
        return RowInfo(clause.phase, starts, prov.title, self._text(clause, prov), tuple(status),
                       self.open_point_line(clause))

    # Qt's data(): one answer per item role and column.
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: C901, PLR0911, PLR0912
        if not index.isValid() or not 0 <= index.row() < len(self._clauses):
            return None
        row = index.row()
        if role == RowInfoRole:
            return self.row_info(row)
        clause = self._clauses[row]
        prov = self._provisions.get(clause.provision)
        if prov is None:  # the library changed under a stale snapshot; the reset follows
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # No number here: numbers shift on every insert; the delegate paints NumberRole.
            return self._text(clause, prov)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(clause, prov)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(row, clause, prov)
        if role == ProvisionIdRole:
            return clause.provision
        if role == ClauseRole:
            return clause
        if role == PhaseRole:
            return clause.phase
        if role == NumberRole:
            return row + 1
        if role == TitleRole:
            return prov.title
        if role == TextRole:
            return self._text(clause, prov)
        if role == ViolationsRole:
            return self._violations.get(clause.provision, [])
        if role == ConflictsRole:
            return self._conflicts.get(clause.provision, [])
        if role == PhaseStartsRole:
            return row == 0 or self._clauses[row - 1].phase != clause.phase
        return None

    def open_point_line(self, clause: Clause) -> str:
        """An open clause's mark in words (never colour alone): "Open point: 2 alternatives,
        “US formula” or “Ukrainian formula”"; "" for a settled clause."""
        if not clause.alternatives:
            return ""
        names = [self.tr("“{label}”").format(label=a.label.strip()) if a.label.strip()
                 else self.tr("alternative {number}").format(number=k + 1)
                 for k, a in enumerate(clause.alternatives)]
        return self.tr("Open point: %n alternative(s), {alternatives}", "", len(names)).format(
            alternatives=series(names, "or"))

    def _tooltip(self, clause: Clause, prov: Provision) -> str:
        lines = [self.tr("<b>{title}</b> — phase {phase}").format(
            title=html.escape(prov.title), phase=clause.phase)]
        for party, _, title in self._violations.get(clause.provision, []):
            lines.append(self.tr("✗ crosses {party}'s red line ‘{title}’").format(
                party=html.escape(party), title=html.escape(title)))
        for other in self._conflicts.get(clause.provision, []):
            lines.append(self.tr("⚠ excludes “{title}”: the draft cannot hold both").format(
                title=html.escape(other)))
        if clause.alternatives:
            lines.append(html.escape(self.open_point_line(clause)))
        if clause.note:
            lines.append(f"<i>{html.escape(clause.note)}</i>")
        return "<p>" + "<br>".join(lines) + "</p>"

    def _accessible(self, row: int, clause: Clause, prov: Provision) -> str:
        sentences = [self.tr("Clause {number}, phase {phase}: {title}.").format(
            number=row + 1, phase=clause.phase, title=prov.title)]
        n = len(self._violations.get(clause.provision, []))
        if n:
            sentences.append(self.tr("Crosses %n red line(s).", "", n))
        if clause.provision in self._conflicts:
            sentences.append(self.tr("In conflict."))
        if clause.alternatives:
            sentences.append(f"{self.open_point_line(clause)}.")
        return " ".join(sentences)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)

    # -- drag and drop

    def mimeTypes(self) -> list[str]:
        return [PROVISION_MIME, CLAUSE_MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._clauses[r].provision for r in rows]
        texts = [f"{r + 1}. {self.data(self.index(r), TextRole)}" for r in rows]
        return encode_ids(CLAUSE_MIME, ids, "\n\n".join(texts))

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        if self._ws.draft is None:
            return False
        return bool(decode_ids(data, PROVISION_MIME) or decode_ids(data, CLAUSE_MIME))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Insert dropped provisions at ``row``, or move a dropped clause there.

        The edit goes through the Editor as an undo command; the model then updates from the
        workspace's change notification like every other view. Nothing is removed by Qt after a
        move: this model has no removeRows.
        """
        if action == Qt.DropAction.IgnoreAction:
            return True
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._clauses)
        clause_ids = decode_ids(data, CLAUSE_MIME)
        if clause_ids:
            source = self.row_of(clause_ids[0])
            if source is None:
                return False
            target = row if row <= source else row - 1
            target = max(0, min(target, len(self._clauses) - 1))
            if target != source:
                self._editor.move_clause(source, target)
            return True
        ids = [i for i in decode_ids(data, PROVISION_MIME)
               if i in self._ws.scenario.provision_index]
        if not ids:
            return False
        fresh = [i for i in ids if self.row_of(i) is None]
        if not fresh:
            existing = self.row_of(ids[0])
            assert existing is not None
            self.already_present.emit(existing)
            return True
        return self._editor.add_clauses(fresh, row)

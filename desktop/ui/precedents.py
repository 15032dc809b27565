"""The Precedents panel (issue 18): the real agreements that carried the chosen clauses' PA-X
issues together, grouped by peace process, the scenario's own conflict first, newest first.

The clauses of the current draft that carry PA-X codes are listed with check boxes; the checked
ones form the combination ("agreements that contained all of these issues together", with the
count). Selecting a clause in the draft checks that clause alone (:meth:`follow`). Filters:
region, stage, a range of years and a minimum strength. The index is read on first use, when
the panel is first shown, never at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.precedents import (
    CATEGORIES,
    STAGE_NAMES,
    Filters,
    Precedent,
    PrecedentIndex,
    Tag,
    TagLike,
    group_by_process,
    load_index,
)
from desktop.ui.i18n import InheritedTr
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording.precedents import (
    STRENGTH_NAMES,
    agreements,
    credit,
    strength_name,
    tags_label,
)

FIRST_YEAR, LAST_YEAR = 1990, 2025
ANY = ""


def combined_tags(tag_lists: Sequence[Sequence[Tag]]) -> list[Tag]:
    """The tags of several clauses as one combination: each code once, at the highest minimum
    strength any clause asks of it, in the order first met."""
    out: dict[str, int | None] = {}
    for tags in tag_lists:
        for t in tags:
            was = out.get(t.code)
            out[t.code] = max((s for s in (was, t.min_strength) if s is not None), default=None)
    return [Tag(code, least) for code, least in out.items()]


class PrecedentsPanel(InheritedTr, QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PrecedentsPanel")
        self._ws = workspace
        self._index: PrecedentIndex | None = None
        self._dirty = True
        self.found: list[Precedent] = []

        self.clauses = QListWidget(self)
        self.clauses.setObjectName("PrecedentClauses")
        self.clauses.setAccessibleName(self.tr("Clauses in the combination"))
        self.clauses.setToolTip(self.tr("The checked clauses' PA-X issues, all together"))
        self.clauses.itemChanged.connect(lambda _item: self._changed())
        self.clauses.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clauses.setTextElideMode(Qt.TextElideMode.ElideRight)
        filters = self._build_filters()
        self._build_results()

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(filters)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.tree, 1)
        lower_layout.addWidget(self.credit)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("PrecedentSplitter")
        self.splitter.addWidget(self._clause_box())
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        workspace.changed.connect(self._on_changed)

    def _clause_box(self) -> QWidget:
        """The clause list under a line with All and None (the whole draft's package)."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Clauses combined:"), box), 1)
        self.all_button = QToolButton(box)
        self.all_button.setText(self.tr("All"))
        self.all_button.setObjectName("PrecedentAll")
        self.all_button.setToolTip(
            self.tr("Every tagged clause of the draft: has the package been done?"))
        self.all_button.clicked.connect(lambda: self.set_checked(self._tagged_ids()))
        self.none_button = QToolButton(box)
        self.none_button.setText(self.tr("None"))
        self.none_button.setObjectName("PrecedentNone")
        self.none_button.clicked.connect(lambda: self.set_checked([]))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        column.addLayout(row)
        column.addWidget(self.clauses, 1)
        return box

    def _tagged_ids(self) -> list[str]:
        return [str(self.clauses.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.clauses.count())]

    def _build_filters(self) -> QGridLayout:
        """Region, stage, years and minimum strength, laid out two by two."""
        self.region = QComboBox(self)
        self.region.setObjectName("PrecedentRegion")
        self.region.setAccessibleName(self.tr("Region"))
        self.region.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.region.setMinimumContentsLength(12)
        self.stage = QComboBox(self)
        self.stage.setObjectName("PrecedentStage")
        self.stage.setAccessibleName(self.tr("Stage"))
        self.stage.addItem(self.tr("All stages"), ANY)
        for code, name in STAGE_NAMES.items():
            self.stage.addItem(name, code)
        self.since = QSpinBox(self)
        self.since.setObjectName("PrecedentSince")
        self.since.setAccessibleName(self.tr("From year"))
        self.until = QSpinBox(self)
        self.until.setObjectName("PrecedentUntil")
        self.until.setAccessibleName(self.tr("To year"))
        for box, value in ((self.since, FIRST_YEAR), (self.until, LAST_YEAR)):
            box.setRange(FIRST_YEAR, LAST_YEAR)
            box.setValue(value)
            box.setKeyboardTracking(False)
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("20255") + 28)
            box.valueChanged.connect(lambda _v: self._changed())
        self.strength = QComboBox(self)
        self.strength.setObjectName("PrecedentStrength")
        self.strength.setAccessibleName(self.tr("Minimum strength"))
        self.strength.addItem(self.tr("Any"), 1)
        self.strength.addItem(self.tr("2 or more"), 2)
        self.strength.addItem(self.tr("3 only"), 3)
        self.strength.setToolTip(self.tr("PA-X grades a provision 1 (rhetorical or minor) to 3 "
                                         "(detailed or substantive); some issues are only "
                                         "present or not (1)"))
        for combo in (self.region, self.stage, self.strength):
            combo.currentIndexChanged.connect(lambda _i: self._changed())
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel(self.tr("Region:"), self), 0, 0)
        filters.addWidget(self.region, 0, 1)
        filters.addWidget(QLabel(self.tr("Stage:"), self), 0, 2)
        filters.addWidget(self.stage, 0, 3)
        filters.addWidget(QLabel(self.tr("Years:"), self), 1, 0)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self.since)
        second.addWidget(QLabel(self.tr("to"), self))
        second.addWidget(self.until)
        second.addSpacing(8)
        second.addWidget(QLabel(self.tr("Strength:"), self))
        second.addWidget(self.strength, 1)
        filters.addLayout(second, 1, 1, 1, 3)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        return filters

    def _build_results(self) -> None:
        """The count line, the tree of agreements by peace process, and the credit."""
        self.summary = QLabel(self)
        self.summary.setObjectName("PrecedentSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("PrecedentTree")
        self.tree.setAccessibleName(self.tr("Precedent agreements by peace process"))
        self.tree.setHeaderLabels([self.tr("Agreement (newest first)"), self.tr("Strength")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.credit = QLabel(credit(), self)
        self.credit.setObjectName("PrecedentCredit")
        self.credit.setWordWrap(True)
        self.credit.setStyleSheet("color: palette(placeholder-text);")


    # -- what to show

    @property
    def index(self) -> PrecedentIndex:
        """The precedent index, read the first time it is needed."""
        if self._index is None:
            self._index = load_index()
            self.region.blockSignals(True)
            self.region.addItem(self.tr("All regions"), ANY)
            for region in self._index.regions():
                self.region.addItem(region, region)
            self.region.blockSignals(False)
        return self._index

    def follow(self, provision_id: str | None) -> None:
        """The clause selected in the draft becomes the combination, alone (when tagged)."""
        if provision_id is None:
            return
        self._fill_clauses(only=provision_id)
        for row in range(self.clauses.count()):
            item = self.clauses.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == provision_id:
                self.clauses.scrollToItem(item)
        self._changed()

    def set_checked(self, provision_ids: Sequence[str]) -> None:
        """Check exactly these clauses (those of them that carry PA-X codes)."""
        self.clauses.blockSignals(True)
        for row in range(self.clauses.count()):
            item = self.clauses.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in provision_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.clauses.blockSignals(False)
        self._changed()

    def checked_ids(self) -> list[str]:
        return [str(self.clauses.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.clauses.count())
                if self.clauses.item(r).checkState() == Qt.CheckState.Checked]

    def tags(self) -> list[Tag]:
        scenario = self._ws.scenario
        lists = []
        for pid in self.checked_ids():
            prov = scenario.provision_index.get(pid)
            if prov is not None:
                lists.append([Tag(t.code, t.min_strength) for t in prov.pax])
        return combined_tags(lists)

    def filters(self) -> Filters:
        import datetime as dt

        region = self.region.currentData()
        stage = self.stage.currentData()
        return Filters(
            regions=frozenset({region}) if region else frozenset(),
            stages=frozenset({stage}) if stage else frozenset(),
            since=dt.date(self.since.value(), 1, 1),
            until=dt.date(self.until.value(), 12, 31),
            min_strength=int(self.strength.currentData() or 1),
        )

    # -- updates

    def _on_changed(self, change: Change) -> None:
        if change.what in (What.RESET, What.DRAFT_SWITCHED, What.LIBRARY,
                           What.CLAUSE_INSERTED, What.CLAUSE_REMOVED, What.CLAUSE_MOVED):
            self._fill_clauses()
            self._changed()

    def _fill_clauses(self, only: str | None = None) -> None:
        kept = set(self.checked_ids()) if only is None else {only}
        draft = self._ws.draft
        scenario = self._ws.scenario
        self.clauses.blockSignals(True)
        self.clauses.clear()
        for n, clause in enumerate(draft.clauses if draft is not None else ()):
            prov = scenario.provision_index.get(clause.provision)
            if prov is None or not prov.pax:
                continue
            item = QListWidgetItem(f"{n + 1}. {prov.title} — {tags_label(prov.pax)}")
            item.setData(Qt.ItemDataRole.UserRole, prov.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = prov.id in kept
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.clauses.addItem(item)
        self.clauses.blockSignals(False)

    def _changed(self) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.clauses.count() == 0:
            self._fill_clauses()
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Query the index for the checked clauses with the filters, and show the result."""
        self._dirty = False
        index = self.index
        tags = self.tags()
        unknown = [t.code for t in tags if not index.knows(t.code)]
        tags = [t for t in tags if index.knows(t.code)]
        self.tree.clear()
        if unknown:  # a file may carry codes PA-X does not have: said, and left out
            self.found = []
            self.summary.setText(self.tr("Not PA-X issue codes: {codes}. Correct them in the "
                                         "provision editor (Library → Edit provision).").format(
                codes=", ".join(unknown)))
            return
        if not tags:
            self.found = []
            self.summary.setText(self.tr("Check one or more clauses above: the agreements that "
                                         "contain all their PA-X issues together are listed "
                                         "here."))
            return
        conflict = index.conflict_of(self._ws.scenario.title)
        self.found = index.query(tags, self.filters(), conflict)
        self.summary.setText(self._summary(tags, conflict.entities))
        self._fill_tree()

    def _summary(self, tags: Sequence[Tag], entities: Sequence[str]) -> str:
        """The count line: how many agreements contain the issues, and how many of them are of
        the scenario's own conflict (when the index knows it)."""
        one = len(tags) == 1
        found = agreements(len(self.found))
        if not entities:
            text = self.tr("{issues}: {agreements} contain this issue.") if one else \
                self.tr("{issues}: {agreements} contain all of these issues together.")
            return text.format(issues=tags_label(tags), agreements=found)
        text = self.tr("{issues}: {agreements} contain this issue; {same} of the same "
                       "conflict ({entities}).") if one else \
            self.tr("{issues}: {agreements} contain all of these issues together; {same} of "
                    "the same conflict ({entities}).")
        return text.format(issues=tags_label(tags), agreements=found,
                           same=agreements(sum(1 for p in self.found if p.same_conflict)),
                           entities=", ".join(entities))

    def _fill_tree(self) -> None:
        self.tree.setUpdatesEnabled(False)
        # Translated once, not for each of a few thousand rows.
        same_heading = self.tr("Same conflict: {process} ({count})")
        process_tip = self.tr("{process}: {agreements}; {regions}")
        details = self.tr("{name}\n{date} · {stage} · {country} ({region})\n"
                          "{process} · PA-X agreement {id}")
        strengths = {s: strength_name(s) for s in STRENGTH_NAMES}
        for process, group in group_by_process(self.found):
            same = group[0].same_conflict
            regions = sorted({p.agreement.region for p in group})
            heading = same_heading if same else "{process} ({count})"
            top = QTreeWidgetItem([heading.format(process=process, count=f"{len(group):,}")])
            top.setToolTip(0, process_tip.format(process=process,
                                                 agreements=agreements(len(group)),
                                                 regions=", ".join(regions)))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for p in group:
                a = p.agreement
                row = QTreeWidgetItem([f"{a.date.isoformat()}  {a.name}", str(p.strength)])
                row.setToolTip(0, details.format(
                    name=a.name, date=a.date.isoformat(), stage=a.stage_name, country=a.country,
                    region=a.region, process=a.process, id=a.id))
                row.setToolTip(1, strengths.get(p.strength, ""))
                row.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
                top.addChild(row)
            top.setExpanded(same or self.tree.topLevelItemCount() <= 3)
        self.tree.setUpdatesEnabled(True)


class PaxPicker(InheritedTr, QWidget):
    """The provision editor's PA-X issues: every code by its name, grouped under its category,
    a check box each, with how many agreements carry it; a minimum strength for the current
    issue (for issues PA-X grades 1 to 3); and the count of all the checked issues together."""

    COL_ISSUE, COL_COUNT, COL_STRENGTH = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaxPicker")
        self._index = load_index()  # the editor is a use: read on first use
        self._least: dict[str, int | None] = {}
        self._order: list[str] = []  # the provision's own order of its codes
        self._items: dict[str, QTreeWidgetItem] = {}
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("PaxTree")
        self.tree.setAccessibleName(self.tr("PA-X issues"))
        self.tree.setHeaderLabels([self.tr("Issue"), self.tr("Agreements"),
                                   self.tr("Minimum strength")])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        issue_tip = self.tr("{issue} ({category})")
        for category, codes in CATEGORIES:
            top = QTreeWidgetItem([category])
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            for code, name in codes:
                item = QTreeWidgetItem([name, f"{self._index.count(code):,}", ""])
                item.setData(0, Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setToolTip(0, issue_tip.format(issue=name, category=category))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                top.addChild(item)
                self._items[code] = item
        self.tree.itemChanged.connect(lambda _item, _col: self._update())
        self.tree.currentItemChanged.connect(lambda _cur, _prev: self._show_strength())

        self.strength = QComboBox(self)
        self.strength.setObjectName("PaxStrength")
        self.strength.setAccessibleName(self.tr("Minimum strength of the current issue"))
        self.strength.addItem(self.tr("Any strength"), None)
        self.strength.addItem(self.tr("2 or more ({strength})").format(
            strength=strength_name(2)), 2)
        self.strength.addItem(self.tr("3 ({strength})").format(strength=strength_name(3)), 3)
        self.strength.activated.connect(self._strength_chosen)
        self.together = QLabel(self)
        self.together.setObjectName("PaxTogether")
        self.together.setWordWrap(True)
        self.together.setTextFormat(Qt.TextFormat.PlainText)
        source = QLabel(credit(), self)
        source.setWordWrap(True)
        source.setStyleSheet("color: palette(placeholder-text);")

        row = QGridLayout()
        row.addWidget(QLabel(self.tr("Minimum strength of the current issue:"), self), 0, 0)
        row.addWidget(self.strength, 0, 1)
        row.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.together)
        layout.addWidget(source)
        self._show_strength()
        self._update()

    def set_tags(self, tags: Sequence[TagLike]) -> None:
        """Check exactly these issues (codes PA-X does not have are kept as they are)."""
        self._least = {t.code: t.min_strength for t in tags}
        self._order = [t.code for t in tags]
        self.tree.blockSignals(True)
        for code, item in self._items.items():
            on = code in self._least
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            item.setText(self.COL_STRENGTH, self._strength_text(self._least.get(code)))
            parent = item.parent()
            if parent is not None and on:
                parent.setExpanded(True)
        self.tree.blockSignals(False)
        self._update()

    def set_checked(self, code: str, on: bool) -> None:
        self._items[code].setCheckState(0, Qt.CheckState.Checked if on else
                                        Qt.CheckState.Unchecked)

    def set_min_strength(self, code: str, least: int | None) -> None:
        self.tree.setCurrentItem(self._items[code])
        self.strength.setCurrentIndex(self.strength.findData(least))
        self._strength_chosen(self.strength.currentIndex())

    def tags(self) -> tuple[tuple[str, int | None], ...]:
        """(code, minimum strength or None) of the checked issues: the provision's own in their
        order (codes PA-X does not have included), then the newly checked in the codebook's."""
        checked = [code for code, item in self._items.items()
                   if item.checkState(0) == Qt.CheckState.Checked]
        kept = [c for c in self._order if c in checked or c not in self._items]
        codes = kept + [c for c in checked if c not in kept]
        return tuple((c, self._least.get(c)) for c in codes)

    def _strength_text(self, least: int | None) -> str:
        return "" if least is None or least <= 1 else \
            self.tr("{least} or more").format(least=least)

    def _current_code(self) -> str | None:
        item = self.tree.currentItem()
        code = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return code if isinstance(code, str) else None

    def _show_strength(self) -> None:
        code = self._current_code()
        graded = code is not None and self._index.scale.get(code, 1) > 1
        self.strength.setEnabled(graded)
        self.strength.setToolTip("" if graded or code is None else
                                 self.tr("PA-X records this issue as present or not: no "
                                         "strengths"))
        self.strength.setCurrentIndex(self.strength.findData(
            self._least.get(code) if code is not None else None))

    def _strength_chosen(self, row: int) -> None:
        code = self._current_code()
        if code is None:
            return
        least = self.strength.itemData(row)
        self._least[code] = least if isinstance(least, int) else None
        item = self._items[code]
        item.setText(self.COL_STRENGTH, self._strength_text(self._least[code]))
        if item.checkState(0) != Qt.CheckState.Checked:
            item.setCheckState(0, Qt.CheckState.Checked)  # choosing a strength picks it
        self._update()

    def _update(self) -> None:
        for code, item in self._items.items():
            if item.checkState(0) == Qt.CheckState.Checked:
                self._least.setdefault(code, None)
            else:
                self._least.pop(code, None)
                item.setText(self.COL_STRENGTH, "")
        tags = [Tag(c, s) for c, s in self.tags() if self._index.knows(c)]
        if not tags:
            self.together.setText(
                self.tr("No PA-X issue checked: the provision has no precedents."))
            return
        n = self._index.count_all(tags)
        text = self.tr("{issues}: {agreements} together.") if len(tags) > 1 else \
            self.tr("{issues}: {agreements}.")
        self.together.setText(text.format(issues=tags_label(tags), agreements=agreements(n)))

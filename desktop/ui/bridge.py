"""The bridge finder panel: the smallest change every party's red lines accept, or the red lines
that clash; and, for two parties, the frontier of agreements.

Solving runs in a worker thread (a QThread with a job object moved to it) on an immutable
snapshot of the scenario and draft taken at the start, so the UI never freezes. Results and
progress come back through queued signals; no widget is touched from the worker. A result that
arrives after the draft changed is still shown, but marked as computed for an earlier version
and cannot be applied. All user text is shown as plain text.

Nothing heavy is imported to show the panel: the solver (OR-Tools, with pandas) by the first
solve, in its worker thread; pyqtgraph by the frontier plot, made when the Frontier page is first
painted (or the plot is first asked for).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.domain import Draft, Scenario, check
from desktop.domain.model import Stance
from desktop.domain.solver import (
    BeyondExactSolver,
    BridgeResult,
    CancelToken,
    CertificateError,
    FrontierPoint,
    Progress,
    Proposal,
)
from desktop.domain.solver.coalition import Option, Options, mediator_options
from desktop.ui.commands import Editor
from desktop.ui.i18n import InheritedTr
from desktop.ui.look import ink_name
from desktop.ui.startup import after_first_paint
from desktop.ui.workspace import Change, What, Workspace
from desktop.wording import (
    note_text,
    palette,
    progress_text,
    short_name,
)
from desktop.wording.bridge import (
    BEST_COMPROMISE,
    MOST_EQUAL,
    change_reason,
    change_text,
    clash_text,
    clashes_heading,
    cost_words,
    frontier_mark_text,
    link_text,
    mark_label,
    no_deal_text,
    relax_text,
    satisfactions,
    stance_text,
)
from desktop.wording.changes import (
    coalition_progress,
    option_label,
    options_summary,
    satisfaction_move,
)
from desktop.wording.palette import rgb

# The solvers the panel runs: find_bridge and frontier of desktop.domain.solver, or stand-ins.
BridgeSolver = Callable[..., BridgeResult]
FrontierSolver = Callable[..., tuple[FrontierPoint, ...]]


def real_find_bridge() -> BridgeSolver:
    """The real bridge finder, imported when first asked for (it imports OR-Tools, which the
    window does not need to show): in the worker thread, so the window stays responsive."""
    from desktop.domain.solver import find_bridge

    return find_bridge


def real_frontier() -> FrontierSolver:
    """The real frontier solver, imported when first asked for (as :func:`real_find_bridge`)."""
    from desktop.domain.solver import frontier

    return frontier


TIME_LIMIT = 20.0
CLASHES = 3  # distinct minimal clashes listed when no agreement exists
WORKERS = 2
SHUTDOWN_WAIT_MS = 30_000

Work = Callable[[CancelToken, Callable[[str], None]], object]

# Threads whose solver ignored cancellation at shutdown: kept referenced so that Qt never destroys
# a running QThread (which aborts the process).
_stragglers: list[_Solve] = []


# --------------------------------------------------------------------------- worker


class _Job(QObject):
    """Runs one solve in the worker thread; reports through signals only."""

    progressed = Signal(str)
    done = Signal(object)  # the result, or the exception the solver raised

    def __init__(self, work: Work, token: CancelToken) -> None:
        super().__init__()
        self._work = work
        self._token = token

    @Slot()
    def run(self) -> None:
        try:
            result: object = self._work(self._token, self.progressed.emit)
        except Exception as err:  # reported to the user, never raised into Qt
            result = err
        self.done.emit(result)


class _Solve:
    """One running solve: its thread, job and cancel token. A plain object, so shutting it down
    does not depend on the order in which Qt deletes the panel's children."""

    def __init__(self, work: Work) -> None:
        self.token = CancelToken()
        self.thread = QThread()
        self.thread.setObjectName("BridgeSolver")
        self.job = _Job(work, self.token)
        self.job.moveToThread(self.thread)
        self.thread.started.connect(self.job.run)

    def start(self) -> None:
        self.thread.start()

    def finish(self, wait_ms: int = SHUTDOWN_WAIT_MS) -> None:
        self.thread.quit()
        if not self.thread.wait(QDeadlineTimer(wait_ms)):
            _stragglers.append(self)


def _shutdown(live: dict[str, _Solve], *_: object) -> None:
    for solve in list(live.values()):
        solve.token.cancel()
    for key, solve in list(live.items()):
        solve.finish()
        live.pop(key, None)


# --------------------------------------------------------------------------- text


def _party_name(scenario: Scenario, party_id: str) -> str:
    party = scenario.party_index.get(party_id)
    return short_name(party.name) if party else party_id


def failure_text(error: object) -> str:
    """What the panel says when the solver raised instead of answering."""
    if isinstance(error, BeyondExactSolver):
        return QCoreApplication.translate(
            "BridgePanel", "This scenario is beyond the exact solver: {error}").format(
                error=error)
    if isinstance(error, CertificateError):
        return QCoreApplication.translate(
            "BridgePanel", "The bridge finder's answer failed its own check, so none is shown. "
            "This is a bug in Accord; please report it with the document. ({error})").format(
                error=error)
    return QCoreApplication.translate("BridgePanel", "The solver failed: {error}").format(
        error=error)


def change_rows(scenario: Scenario, draft: Draft, proposal: Proposal) -> list[tuple[str, str]]:
    """The proposal's changes as (instruction, why); the old values come from ``draft``, the
    draft the proposal was made for. Closing an open point says so, on its alternative; a
    change that costs something says what ("(cost 2)")."""
    rows = []
    for c in proposal.changes:
        what = change_text(c, "panel", scenario, draft)
        if c.cost:
            what = QCoreApplication.translate("BridgePanel", "{change} (cost {cost})").format(
                change=what, cost=cost_words(c.cost))
        rows.append((what, change_reason(c.why, scenario)))
    return rows


def changes_heading(proposal: Proposal | None) -> str:
    """Above the changes: their total cost, what the finder minimised ("Changes, total cost
    14")."""
    if proposal is None or not proposal.changes or not proposal.total_cost:
        return QCoreApplication.translate("BridgePanel", "Changes")
    return QCoreApplication.translate("BridgePanel", "Changes, total cost {cost}").format(
        cost=cost_words(proposal.total_cost))


def _chosen_count(options: Options) -> int:
    """How many parties the options were worked out for."""
    if options.coalitions:
        first = options.coalitions[0]
        return len(first.parties) + len(first.left_out)
    return len(options.relaxation.parties) if options.relaxation is not None else 0


def _plain(text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _scrolling(page: QWidget, name: str) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll


def _keep_space(widget: QWidget) -> None:
    """Hidden while idle without the buttons beside it jumping to fill its place."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


def _heading(text: str, parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    label = _plain(text, parent, wrap)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


# --------------------------------------------------------------------------- panel


def _same(a: object, b: object) -> bool:
    """Identity first: edits keep the unchanged parts of the immutable scenario."""
    return a is b or a == b


@dataclass(frozen=True, slots=True)
class _Snapshot:
    scenario: Scenario
    draft: Draft
    #: The window's view of the red lines when the question was asked (``ws.stance``).
    stance: Stance = "assessed"


@dataclass(frozen=True, slots=True)
class _FrontierPlot:
    """The frontier tab's pyqtgraph plot and its items (pyqtgraph is untyped)."""

    plot: Any
    legend: Any
    scatter: Any
    nash: Any
    egal: Any


class BridgePanel(InheritedTr, QWidget):
    """Tabs "Bridge" (find a minimal-change proposal) and "Frontier" (two parties' trade-offs)."""

    finished = Signal()  # a solve ended and its result (or cancellation, or error) is shown
    applied = Signal(list)  # provision ids of the clauses a proposal just applied changed

    def __init__(self, workspace: Workspace, editor: Editor, parent: QWidget | None = None,
                 *, find_bridge: BridgeSolver | None = None,
                 frontier: FrontierSolver | None = None) -> None:
        """``find_bridge`` and ``frontier`` are the solvers the panel runs (in a worker
        thread); the real ones unless a caller, such as a test, passes others. The real ones
        are imported by the first solve, not here."""
        super().__init__(parent)
        self.setObjectName("BridgePanel")
        self._ws = workspace
        self._editor = editor
        self._solve_bridge = find_bridge
        self._solve_frontier = frontier
        self._live: dict[str, _Solve] = {}
        self._bridge_snapshot: _Snapshot | None = None
        self._frontier_snapshot: _Snapshot | None = None
        self.result: BridgeResult | None = None
        self.options: Options | None = None  # what could work instead, when nothing does
        self.result_snapshot: _Snapshot | None = None
        self._shown: list[tuple[str, Proposal, Option | None]] = []
        self._applied: Scenario | None = None  # the scenario our own Apply made
        self.points: tuple[FrontierPoint, ...] = ()
        self.frontier_parties: tuple[str, str] | None = None
        self.frontier_names: tuple[str, str] = ("", "")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("BridgeTabs")
        self.tabs.setUsesScrollButtons(True)
        # Each page scrolls when the splitter makes the panel smaller than the page's minimum,
        # so the panel never forces the main window wider or taller.
        self.tabs.addTab(_scrolling(self._build_bridge_tab(), "BridgePage"), self.tr("Bridge"))
        self.tabs.addTab(_scrolling(self._build_frontier_tab(), "FrontierPage"),
                         self.tr("Frontier"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        # The tab bar alone asks for ~125 px; the pages scroll, so the panel can be narrower.
        self.setMinimumSize(80, 120)

        self._rebuild_parties()
        self._show_result()
        self._set_busy()
        workspace.changed.connect(self._on_changed)
        # Cancel and join the worker threads when the panel goes, whatever Qt deletes first.
        self.destroyed.connect(partial(_shutdown, self._live))

    # -- construction

    # Widget layout: one statement per control, read top to bottom.
    def _build_bridge_tab(self) -> QWidget:  # noqa: PLR0915
        page = QWidget()
        page.setObjectName("BridgeTab")
        outer = QVBoxLayout(page)

        # No word wrap outside the scrolling result: a height-for-width layout would make the
        # page as tall as its preferred size and scroll the buttons away. The controls take
        # two rows, so that a proposal has the height to be read: whose red lines must hold is
        # a button ("Red lines of: all 5 parties") opening the list of parties to tick.
        self.parties = QListWidget()
        self.parties.setObjectName("BridgeParties")
        self.parties.setAccessibleName(self.tr("Parties whose red lines must hold"))
        self.parties.itemChanged.connect(lambda _item: self._name_parties())
        self.parties_button = QPushButton(page)
        self.parties_button.setObjectName("BridgePartiesButton")
        self.parties_button.setAccessibleName(self.tr("Parties whose red lines must hold"))
        self.parties_button.setToolTip(self.tr("Choose the parties whose red lines must hold"))
        menu = QMenu(self.parties_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.parties)
        menu.addAction(holder)
        self.parties_button.setMenu(menu)

        row = QHBoxLayout()
        row.addWidget(self.parties_button)
        row.addStretch(1)
        row.addWidget(_plain(self.tr("Alternatives:"), page, wrap=False))
        self.alternatives = QSpinBox(page)
        self.alternatives.setObjectName("BridgeAlternatives")
        self.alternatives.setRange(0, 5)
        self.alternatives.setValue(3)
        self.alternatives.setAccessibleName(self.tr("Number of alternative proposals"))
        row.addWidget(self.alternatives)
        outer.addLayout(row)

        busy = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find a bridge"), page)
        self.find_button.setObjectName("FindBridge")
        self.find_button.setDefault(True)
        self.find_button.clicked.connect(self.find_bridge)
        busy.addWidget(self.find_button)
        self.cancel = QPushButton(self.tr("Cancel"), page)
        self.cancel.setObjectName("CancelBridge")
        self.cancel.clicked.connect(self.cancel_bridge)
        busy.addWidget(self.cancel)
        self.progress = QProgressBar(page)
        self.progress.setObjectName("BridgeProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMinimumWidth(24)
        self.progress.setMaximumHeight(14)
        _keep_space(self.progress)
        busy.addWidget(self.progress, 1)
        self.progress_text = _plain("", page, wrap=False)
        self.progress_text.setObjectName("BridgeProgressText")
        self.progress_text.setSizePolicy(QSizePolicy.Policy.Ignored,
                                         QSizePolicy.Policy.Preferred)
        busy.addWidget(self.progress_text, 2)
        outer.addLayout(busy)

        # The result scrolls; the controls above stay put.
        body = QWidget()
        body.setObjectName("BridgeResult")
        res = QVBoxLayout(body)
        res.setContentsMargins(0, 0, 6, 0)  # the text keeps clear of the scroll bar
        self.status = _heading("", body)
        self.status.setObjectName("BridgeStatus")
        res.addWidget(self.status)
        # Which red lines the answer counts (the window's stance when it was asked), in words.
        self.stance_label = _plain("", body)
        self.stance_label.setObjectName("BridgeStance")
        res.addWidget(self.stance_label)
        self.stale_label = _plain(self._stale_text(), body)
        self.stale_label.setObjectName("BridgeStale")
        self.stale_label.setStyleSheet(f"color: {ink_name(palette.STALE, self)};")
        res.addWidget(self.stale_label)
        self.instead = _plain("", body)
        self.instead.setObjectName("BridgeInstead")
        res.addWidget(self.instead)

        self.choice = QComboBox(body)
        self.choice.setObjectName("BridgeChoice")
        self.choice.setAccessibleName(self.tr("Proposal to show"))
        self.choice.currentIndexChanged.connect(self._show_proposal)
        res.addWidget(self.choice)

        # A party the proposal leaves below its no-deal level, in words and the reject ink:
        # the proposal stands, but that party would be better off without it.
        self.no_deal = _plain("", body)
        self.no_deal.setObjectName("BridgeNoDeal")
        self.no_deal.setAccessibleName(self.tr("Parties better off without this deal"))
        self.no_deal.setStyleSheet(f"color: {ink_name(palette.REJECT, self)};")
        res.addWidget(self.no_deal)

        self.changes_heading = _heading(self.tr("Changes"), body)
        res.addWidget(self.changes_heading)
        # One row per change: a bullet, the instruction, and beneath it (muted) why.
        self.changes = QWidget(body)
        self.changes.setObjectName("BridgeChanges")
        self.changes.setAccessibleName(self.tr("Proposed changes"))
        self._change_rows = QVBoxLayout(self.changes)
        self._change_rows.setContentsMargins(0, 0, 0, 0)
        self._change_rows.setSpacing(6)
        res.addWidget(self.changes)
        # Give and take between parties: which changes each accepts for the other's sake.
        self.links_heading = _heading(self.tr("Give and take"), body)
        res.addWidget(self.links_heading)
        self.links = _plain("", body)
        self.links.setObjectName("BridgeLinks")
        self.links.setAccessibleName(self.tr("Give and take between parties"))
        res.addWidget(self.links)
        self.satisfaction_heading = _heading(self.tr("Each party: before → with this proposal"),
                                             body)
        res.addWidget(self.satisfaction_heading)
        self.satisfaction = _plain("", body)
        self.satisfaction.setObjectName("BridgeSatisfaction")
        res.addWidget(self.satisfaction)

        self.clash_heading = _heading(clashes_heading(1), body)
        res.addWidget(self.clash_heading)
        # One numbered paragraph per minimal clash (a mediator can work on any one of them),
        # laid out in the result's own scroll area: no list box scrolling inside it.
        self.clash = QWidget(body)
        self.clash.setObjectName("BridgeClash")
        self.clash.setAccessibleName(self.tr("Clashing red lines"))
        self._clash_rows = QVBoxLayout(self.clash)
        self._clash_rows.setContentsMargins(0, 0, 0, 0)
        self._clash_rows.setSpacing(6)
        res.addWidget(self.clash)
        self.relax = _plain("", body)
        self.relax.setObjectName("BridgeRelax")
        res.addWidget(self.relax)
        self.notes = _plain("", body)
        self.notes.setObjectName("BridgeNotes")
        res.addWidget(self.notes)
        res.addStretch(1)

        scroll = QScrollArea(page)
        scroll.setObjectName("BridgeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setMinimumHeight(40)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.apply = QPushButton(self.tr("Apply to draft"), page)
        self.apply.setObjectName("ApplyBridge")
        self.apply.setToolTip(
            self.tr("Replace the draft's clauses with this proposal (one undo step)"))
        self.apply.clicked.connect(self.apply_proposal)
        buttons.addWidget(self.apply)
        self.save = QPushButton(self.tr("Save as new draft"), page)
        self.save.setObjectName("SaveBridgeDraft")
        self.save.clicked.connect(self.save_proposal)
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        return page

    def _build_frontier_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("FrontierTab")
        outer = QVBoxLayout(page)
        form = QFormLayout()
        self.party_a = QComboBox(page)
        self.party_a.setObjectName("FrontierPartyA")
        self.party_b = QComboBox(page)
        self.party_b.setObjectName("FrontierPartyB")
        form.addRow(self.tr("Party across:"), self.party_a)
        form.addRow(self.tr("Party up:"), self.party_b)
        outer.addLayout(form)

        row = QHBoxLayout()
        self.compute = QPushButton(self.tr("Compute frontier"), page)
        self.compute.setObjectName("ComputeFrontier")
        self.compute.clicked.connect(self.compute_frontier)
        row.addWidget(self.compute)
        self.frontier_progress = QProgressBar(page)
        self.frontier_progress.setObjectName("FrontierProgress")
        self.frontier_progress.setRange(0, 0)
        self.frontier_progress.setTextVisible(False)
        self.frontier_progress.setMinimumWidth(24)  # the panel must fit a narrow splitter
        _keep_space(self.frontier_progress)
        row.addWidget(self.frontier_progress, 1)
        self.frontier_cancel = QPushButton(self.tr("Cancel"), page)
        self.frontier_cancel.setObjectName("CancelFrontier")
        self.frontier_cancel.clicked.connect(self.cancel_frontier)
        row.addWidget(self.frontier_cancel)
        outer.addLayout(row)

        self.frontier_status = _plain("", page)
        self.frontier_status.setObjectName("FrontierStatus")
        outer.addWidget(self.frontier_status)
        # Until there are points to plot, the page says what to do instead of showing an empty
        # plot under its legend.
        self.frontier_hint = _plain(self.tr(
            "Choose a party across and a party up, then Compute frontier: the plot shows the "
            "packages in which neither can gain without the other losing."), page)
        self.frontier_hint.setObjectName("FrontierHint")
        outer.addWidget(self.frontier_hint)

        # The plot is a pyqtgraph widget: made when the page is first painted or the plot is
        # first asked for, so that the window shows before pyqtgraph is imported.
        self._plot_box = QWidget(page)
        self._plot_box.setObjectName("FrontierPlotBox")
        self._plot_box.setMinimumHeight(140)
        self._plot_layout = QVBoxLayout(self._plot_box)
        self._plot_layout.setContentsMargins(0, 0, 0, 0)
        self._plot: _FrontierPlot | None = None
        after_first_paint(self._plot_box, self._frontier_plot)
        self._plot_box.hide()  # shown with the first points
        outer.addWidget(self._plot_box, 1)
        outer.addStretch(0)

        self.frontier_note = _plain("", page)
        self.frontier_note.setObjectName("FrontierNote")
        outer.addWidget(self.frontier_note)
        return page

    def _frontier_plot(self) -> _FrontierPlot:
        """The frontier plot, made (and pyqtgraph imported) the first time it is needed."""
        if self._plot is not None:
            return self._plot
        os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
        import pyqtgraph as pg

        plot = pg.PlotWidget(self._plot_box, background="w")
        plot.setObjectName("FrontierPlot")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setXRange(0, 105, padding=0)
        plot.setYRange(0, 105, padding=0)
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setMinimumHeight(140)
        legend = plot.addLegend(offset=(-10, -10), labelTextColor=rgb(palette.CHART_INK),
                                brush=pg.mkBrush(*rgb(palette.LEGEND_FILL), 220))
        scatter = pg.ScatterPlotItem(size=9, pen=pg.mkPen(*rgb(palette.BRIDGE_POINT_EDGE)),
                                     brush=pg.mkBrush(*rgb(palette.BRIDGE_POINT), 200),
                                     name=self.tr("Package (click to open)"),
                                     hoverable=True, tip=self.point_tip)
        nash = pg.ScatterPlotItem(size=18, symbol="star",
                                  pen=pg.mkPen(*rgb(palette.BRIDGE_NASH_EDGE)),
                                  brush=pg.mkBrush(*rgb(palette.BRIDGE_NASH)),
                                  name=self.tr("★ {mark}").format(mark=mark_label(BEST_COMPROMISE)),
                                  hoverable=True, tip=self.point_tip)
        egal = pg.ScatterPlotItem(size=14, symbol="d",
                                  pen=pg.mkPen(*rgb(palette.BRIDGE_EGALITARIAN_EDGE)),
                                  brush=pg.mkBrush(*rgb(palette.BRIDGE_EGALITARIAN)),
                                  name=self.tr("◆ {mark}").format(mark=mark_label(MOST_EQUAL)),
                                  hoverable=True, tip=self.point_tip)
        for item in (scatter, nash, egal):
            plot.addItem(item)
            item.sigClicked.connect(self._on_point_clicked)
        self._plot_layout.addWidget(plot)
        self._plot = _FrontierPlot(plot, legend, scatter, nash, egal)
        return self._plot

    @property
    def plot(self) -> Any:
        """The frontier's pyqtgraph ``PlotWidget``."""
        return self._frontier_plot().plot

    @property
    def legend(self) -> Any:
        return self._frontier_plot().legend

    @property
    def scatter(self) -> Any:
        """Every package on the frontier (a pyqtgraph ``ScatterPlotItem``)."""
        return self._frontier_plot().scatter

    @property
    def nash(self) -> Any:
        """The best compromise's mark."""
        return self._frontier_plot().nash

    @property
    def egal(self) -> Any:
        """The most equal package's mark."""
        return self._frontier_plot().egal

    # -- state

    @property
    def busy(self) -> bool:
        return bool(self._live)

    def wait_idle(self, timeout_ms: int = 10_000) -> bool:
        """Process events until no solve runs (for tests and shutdown); True if idle."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._live and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            QThread.msleep(5)
        return not self._live

    def shutdown(self) -> None:
        """Cancel running solves and join their threads (the window calls this on close)."""
        _shutdown(self._live)
        self._set_busy()

    def _set_busy(self) -> None:
        bridge = "bridge" in self._live
        self.find_button.setEnabled(not bridge and self._ws.draft is not None)
        self.alternatives.setEnabled(not bridge)
        self.parties.setEnabled(not bridge)
        self.parties_button.setEnabled(not bridge)
        self.cancel.setEnabled(bridge and not self._live["bridge"].token.cancelled)
        self.progress.setVisible(bridge)
        front = "frontier" in self._live
        self.compute.setEnabled(not front and self._ws.draft is not None
                                and self.party_a.count() >= 2)
        self.party_a.setEnabled(not front)
        self.party_b.setEnabled(not front)
        self.frontier_cancel.setEnabled(front and not self._live["frontier"].token.cancelled)
        self.frontier_progress.setVisible(front)

    def _on_changed(self, change: Change) -> None:
        if change.what in (What.RESET, What.PARTIES):
            self._rebuild_parties()
        self._update_stale()
        self._set_busy()

    def _rebuild_parties(self) -> None:
        scenario = self._ws.scenario
        unchecked = {
            self.parties.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.parties.count())
            if self.parties.item(i).checkState() != Qt.CheckState.Checked
        }
        self.parties.clear()
        for party in scenario.parties:
            item = QListWidgetItem(short_name(party.name))  # never rich text
            item.setToolTip(party.name)
            item.setData(Qt.ItemDataRole.UserRole, party.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if party.id in unchecked
                               else Qt.CheckState.Checked)
            self.parties.addItem(item)
        self._fit_parties()
        self._name_parties()
        for combo, default in ((self.party_a, 0), (self.party_b, 1)):
            current = combo.currentData()
            combo.clear()
            for party in scenario.parties:
                combo.addItem(short_name(party.name), party.id)
            index = combo.findData(current) if current is not None else -1
            combo.setCurrentIndex(index if index >= 0 else min(default, combo.count() - 1))

    def _fit_parties(self) -> None:
        """The list of parties in its pop-up: as tall as its rows (up to twelve)."""
        view = self.parties
        rows = max(1, min(12, view.count()))
        frame = 2 * view.frameWidth() + 4
        view.setFixedHeight(rows * max(18, view.sizeHintForRow(0)) + frame)
        view.setMinimumWidth(max(160, view.sizeHintForColumn(0) + frame + 8))

    def _name_parties(self) -> None:
        """The parties button says whose red lines hold: "Red lines of: all 5 parties",
        "Red lines of: 3 of 5 parties"."""
        chosen, n = len(self.checked_parties()), self.parties.count()
        if chosen == n:
            text = self.tr("Red lines of: all %n part(y/ies)", "", n)
        else:
            text = self.tr("Red lines of: {chosen} of %n part(y/ies)", "", n).format(
                chosen=chosen)
        self.parties_button.setText(text)

    def checked_parties(self) -> tuple[str, ...]:
        return tuple(
            str(self.parties.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.parties.count())
            if self.parties.item(i).checkState() == Qt.CheckState.Checked
        )

    def _snapshot(self) -> _Snapshot | None:
        draft = self._ws.draft
        return None if draft is None else _Snapshot(self._ws.scenario, draft, self._ws.stance)

    @property
    def stale(self) -> bool:
        """The shown result was computed for another scenario, draft or view of the red lines
        (the window's stance) than the current one."""
        snap = self.result_snapshot
        if snap is None:
            return False
        if snap.stance != self._ws.stance:
            return True
        now = self._ws.scenario
        if now is snap.scenario:
            return snap.draft.id != self._ws.draft_id
        return not (_same(self._ws.draft, snap.draft) and _same(now.parties, snap.scenario.parties)
                    and _same(now.provisions, snap.scenario.provisions))

    def _start(self, key: str, work: Work, done: Callable[[object], None],
               progressed: Callable[[str], None]) -> _Solve:
        solve = _Solve(work)
        solve.job.progressed.connect(progressed)
        solve.job.done.connect(done)
        self._live[key] = solve
        solve.start()
        self._set_busy()
        return solve

    def _end(self, key: str) -> tuple[_Solve | None, bool]:
        solve = self._live.pop(key, None)
        if solve is None:
            return None, False
        solve.finish()
        return solve, solve.token.cancelled

    # -- bridge

    @Slot()
    def find_bridge(self) -> None:
        snap = self._snapshot()
        if snap is None or "bridge" in self._live:
            return
        chosen = self.checked_parties()
        parties = None if len(chosen) == len(snap.scenario.parties) else chosen
        alternatives = self.alternatives.value()
        self._bridge_snapshot = snap

        def work(token: CancelToken, progress: Callable[[str], None]) -> object:
            def say(where: Progress) -> None:
                progress(progress_text(where))

            solve = self._solve_bridge or real_find_bridge()
            started = time.monotonic()
            result = solve(snap.scenario, snap.draft, parties=parties,
                           alternatives=alternatives, clashes=CLASHES, time_limit=TIME_LIMIT,
                           workers=WORKERS, cancel=token, progress=say, stance=snap.stance)
            if not (isinstance(result, BridgeResult) and result.proven_infeasible) or \
                    token.cancelled:
                return result
            # What a mediator asks next: who can agree, and what relaxing would take.
            left = max(1.0, TIME_LIMIT - (time.monotonic() - started))
            options = mediator_options(
                snap.scenario, snap.draft, parties=chosen, relax=result.relax,
                time_limit=left, workers=WORKERS, cancel=token, find_bridge=solve,
                progress=lambda size: progress(coalition_progress(size)), stance=snap.stance)
            return result, options

        self.progress_text.setText(self.tr("Starting the solver…"))
        self._start("bridge", work, self._bridge_done, self._bridge_progress)

    @Slot()
    def cancel_bridge(self) -> None:
        solve = self._live.get("bridge")
        if solve is not None:
            solve.token.cancel()
            self.progress_text.setText(self.tr("Cancelling…"))
            self._set_busy()

    @Slot(str)
    def _bridge_progress(self, text: str) -> None:
        if "bridge" in self._live:
            self.progress_text.setText(text)
            self.progress_text.setToolTip(text)

    @Slot(object)
    def _bridge_done(self, result: object) -> None:
        solve, cancelled = self._end("bridge")
        if solve is None:
            return
        self.progress_text.setText("")
        options = None
        if isinstance(result, tuple):
            result, options = result
        if isinstance(result, BridgeResult):
            self.result = result
            self.options = options
            self.result_snapshot = self._bridge_snapshot
            self._applied = None
            self._show_result(cancelled)
        else:
            self.result, self.options, self.result_snapshot = None, None, None
            self._show_result()
            self.status.setText(self.tr("Cancelled") if cancelled else failure_text(result))
        self._set_busy()
        self.finished.emit()

    def clash_rows(self) -> list[str]:
        """The clashes as shown, one text per row."""
        items = (self._clash_rows.itemAt(i) for i in range(self._clash_rows.count()))
        rows = (item.widget() for item in items if item is not None)
        return [w.text() for w in rows if isinstance(w, QLabel)]

    def proposals(self) -> tuple[Proposal, ...]:
        """The proposals the choice list offers, in its order: the proposal and its
        alternatives; or, when no agreement of all exists, the largest coalitions and the
        package once the red lines to relax are set aside."""
        return tuple(p for _, p, _ in self._shown)

    def _offer(self) -> list[tuple[str, Proposal, Option | None]]:
        r, snap = self.result, self.result_snapshot
        if r is None:
            return []
        if r.proposal is not None:
            return [(self.tr("Proposal") if i == 0
                     else self.tr("Alternative {number}").format(number=i), p, None)
                    for i, p in enumerate((r.proposal, *r.alternatives))]
        o = self.options
        if o is None:
            return []
        scenario = snap.scenario if snap is not None else None
        offered: list[tuple[str, Proposal, Option | None]] = [
            (option_label(c, scenario), c.proposal, c) for c in o.coalitions]
        if o.relaxation is not None:
            offered.append((option_label(o.relaxation, scenario), o.relaxation.proposal,
                            o.relaxation))
        return offered

    def current_option(self) -> Option | None:
        """The coalition or relaxation shown, when the proposal shown is one."""
        i = self.choice.currentIndex()
        return self._shown[i][2] if 0 <= i < len(self._shown) else None

    def current_proposal(self) -> Proposal | None:
        proposals = self.proposals()
        i = self.choice.currentIndex()
        return proposals[i] if 0 <= i < len(proposals) else None

    def status_text(self, result: BridgeResult, cancelled: bool) -> str:
        """The result in one line: "Optimal: 3 changes", "No agreement possible"."""
        proposal = result.proposal
        if cancelled:
            if result.feasible and proposal is not None:
                return self.tr("Cancelled: best found so far, %n change(s)", "", proposal.cost)
            return self.tr("Cancelled")
        if result.feasible and proposal is not None:
            if result.optimal:
                if proposal.cost == 0:
                    return self.tr("Optimal: the draft already passes every red line")
                return self.tr("Optimal: %n change(s)", "", proposal.cost)
            return self.tr("Best found (time limit hit): %n change(s)", "", proposal.cost)
        if result.proven_infeasible:
            return self.tr("No agreement possible")
        return self.tr("No proposal found (time limit hit)")

    def _stale_text(self) -> str:
        return self.tr("Computed for an earlier version of the draft: find a bridge again to "
                       "apply it.")

    def _no_changes_text(self) -> str:
        return self.tr("No change needed: every chosen party accepts this draft.")

    def _show_result(self, cancelled: bool = False) -> None:
        r = self.result
        snap = self.result_snapshot
        self.status.setText("" if r is None else self.status_text(r, cancelled))
        self.status.setVisible(r is not None)
        self.stance_label.setText("" if r is None or snap is None else stance_text(snap.stance))
        self.stance_label.setVisible(r is not None and snap is not None)
        self.choice.blockSignals(True)
        self.choice.clear()
        self._shown = self._offer()
        for label, _p, _o in self._shown:
            self.choice.addItem(label)
            self.choice.setItemData(self.choice.count() - 1, label,
                                    Qt.ItemDataRole.ToolTipRole)
        self.choice.blockSignals(False)
        self.choice.setVisible(self.choice.count() > 1 or (self.options is not None
                               and self.choice.count() > 0))
        infeasible = r is not None and not r.feasible and snap is not None
        instead = infeasible and self.options is not None and snap is not None
        if instead and self.options is not None and snap is not None:
            self.instead.setText(options_summary(self.options, _chosen_count(self.options),
                                                 snap.scenario))
        self.instead.setVisible(instead)
        self.clash_heading.setVisible(infeasible and bool(r and r.clashes))
        self.clash.setVisible(infeasible and bool(r and r.clashes))
        self.relax.setVisible(infeasible and bool(r and r.relax))
        while (old := self._clash_rows.takeAt(0)) is not None:
            if (widget := old.widget()) is not None:
                widget.deleteLater()
        if r is not None and snap is not None:
            self.clash_heading.setText(clashes_heading(len(r.clashes)))
            numbered = len(r.clashes) > 1
            for i, clash in enumerate(r.clashes, start=1):
                text = clash_text(snap.scenario, clash)
                row = _plain(f"{i}. {text}" if numbered else text, self.clash)
                row.setObjectName("BridgeClashItem")
                self._clash_rows.addWidget(row)
            self.relax.setText(relax_text(snap.scenario, r.relax, cost=r.relax_cost,
                                          independent=r.relax_independent)
                               if r.relax else "")
        else:
            self.relax.setText("")
        notes = r.notes if r is not None else ()
        texts = [note_text(n) for n in notes]
        self.notes.setText("\n".join(
            self.tr("Note: {note}.").format(note=f"{t[:1].upper()}{t[1:]}") for t in texts))
        self.notes.setVisible(bool(notes))
        self._show_proposal()

    @Slot()
    def _show_proposal(self) -> None:
        proposal = self.current_proposal()
        snap = self.result_snapshot
        has = proposal is not None and snap is not None
        for w in (self.changes_heading, self.changes, self.satisfaction_heading,
                  self.satisfaction):
            w.setVisible(has)
        rows = [] if proposal is None or snap is None else change_rows(
            snap.scenario, snap.draft, proposal)
        self._fill_changes(rows, empty=has)
        self.changes_heading.setText(changes_heading(proposal))
        below = proposal.below_no_deal if proposal is not None and snap is not None else ()
        self.no_deal.setText("\n".join(
            f"⚠ {no_deal_text(b, snap.scenario)}" for b in below) if snap is not None else "")
        self.no_deal.setVisible(bool(below))
        links = proposal.links if proposal is not None and snap is not None else ()
        self.links.setText("\n".join(
            f"• {link_text(link, proposal.changes, snap.scenario, snap.draft)}"
            for link in links) if proposal is not None and snap is not None else "")
        self.links_heading.setVisible(bool(links))
        self.links.setVisible(bool(links))
        if proposal is None or snap is None:
            self.satisfaction.setText("")
        else:
            self.satisfaction.setText(self._satisfaction_text(snap, proposal,
                                                              self.current_option()))
        self._update_stale()

    def _fill_changes(self, rows: list[tuple[str, str]], empty: bool) -> None:
        """The change rows; ``empty``: say that there are none when ``rows`` is empty."""
        while (old := self._change_rows.takeAt(0)) is not None:
            if (widget := old.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        if not rows and empty:
            self._change_rows.addWidget(_plain(self._no_changes_text(), self.changes))
        for instruction, reason in rows:
            row = QWidget(self.changes)
            grid = QGridLayout(row)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(6)
            grid.setVerticalSpacing(1)
            grid.addWidget(_plain("•", row, wrap=False), 0, 0, Qt.AlignmentFlag.AlignTop)
            what = _plain(instruction, row)
            what.setObjectName("BridgeChange")
            grid.addWidget(what, 0, 1)
            if reason:
                why = _plain(reason, row)
                why.setObjectName("BridgeChangeReason")
                # Muted, yet 4.5:1 on the light and the dark palette.
                why.setStyleSheet(f"color: {ink_name(palette.NEUTRAL, self)};")
                grid.addWidget(why, 1, 1)
            grid.setColumnStretch(1, 1)
            self._change_rows.addWidget(row)

    def changes_shown(self) -> str:
        """The changes as shown, one "• instruction" line each with its reason indented
        beneath (for tests and accessibility tools)."""
        lines = []
        items = (self._change_rows.itemAt(i) for i in range(self._change_rows.count()))
        rows = [w for item in items if item is not None and (w := item.widget()) is not None]
        labels = [w for row in rows for w in (row, *row.findChildren(QLabel))
                  if isinstance(w, QLabel)]
        for label in labels:
            name = label.objectName()
            if name == "BridgeChange":
                lines.append(f"• {label.text()}")
            elif name == "BridgeChangeReason":
                lines.append(f"   {label.text()}")
            elif label.text() == self._no_changes_text():
                lines.append(label.text())
        return "\n".join(lines)

    @staticmethod
    def _satisfaction_text(snap: _Snapshot, proposal: Proposal, option: Option | None = None
                           ) -> str:
        """Every party's verdict and satisfaction on the draft and with the proposal, from the
        checker on the real scenario under the view the proposal was found in (a coalition's or
        relaxation's option carries them): "accepts if" in its own words, never "rejects"."""
        changed = snap.draft.model_copy(update={"clauses": proposal.clauses})
        if option is not None:
            before, after = option.before, option.after
            ok_before, ok_after = option.accepts_before, option.accepts_after
            v_before, v_after = option.verdicts_before, option.verdicts_after
        else:
            old = check(snap.scenario, snap.draft, stance=snap.stance)
            new = check(snap.scenario, changed, stance=snap.stance)
            before = {v.party: v.satisfaction for v in old.parties}
            after = {v.party: v.satisfaction for v in new.parties}
            ok_before = {v.party: v.acceptable for v in old.parties}
            ok_after = {v.party: v.acceptable for v in new.parties}
            v_before = {v.party: v for v in old.parties}
            v_after = {v.party: v for v in new.parties}
        lines = []
        for party in snap.scenario.parties:
            lines.append(satisfaction_move(
                short_name(party.name), before.get(party.id), after.get(party.id),
                ok_before.get(party.id, True), ok_after.get(party.id, True), party,
                verdicts=(v_before.get(party.id), v_after.get(party.id)),
                drafts=(snap.draft, changed), scenario=snap.scenario))
        return "\n".join(lines)

    def _update_stale(self) -> None:
        stale = self.stale and self.current_proposal() is not None
        snap = self.result_snapshot
        if stale and self._applied is not None and self._ws.scenario is self._applied:
            self.stale_label.setText(self.tr(
                "Applied to the draft as one step (Edit → Undo takes it back); the changed "
                "clauses are selected in the draft. Find a bridge again to see what else could "
                "change."))
        elif stale and snap is not None and snap.stance != self._ws.stance:
            # Under the stale mark when the window's stance changed after the answer was found.
            if snap.stance == "assessed":
                other = self.tr("Found under assessed floors, but the window now checks under "
                                "stated positions: find a bridge again to apply it.")
            else:
                other = self.tr("Found under stated positions, but the window now checks under "
                                "assessed floors: find a bridge again to apply it.")
            self.stale_label.setText(other)
        elif stale and snap is not None and snap.draft.id != self._ws.draft_id:
            self.stale_label.setText(self.tr(
                "Computed for the draft “{title}”, not the current one: switch back to it to "
                "apply.").format(title=snap.draft.title))
        else:
            self.stale_label.setText(self._stale_text())
        self.stale_label.setVisible(stale)
        can = self.current_proposal() is not None and not self.stale
        self.apply.setEnabled(can)
        self.save.setEnabled(self.current_proposal() is not None)

    @Slot()
    def apply_proposal(self) -> bool:
        """Replace the draft's clauses with the proposal shown (one undo step); then the
        clauses it changed are announced on :attr:`applied` (the window selects them) and the
        result says it was applied instead of offering Apply again."""
        proposal = self.current_proposal()
        if proposal is None or self.stale:
            return False
        if not self._editor.replace_clauses(proposal.clauses,
                                            self.tr("Apply bridge proposal")):
            return False
        self._applied = self._ws.scenario
        self._update_stale()
        present = {c.provision for c in proposal.clauses}
        changed = [c.provision for c in proposal.changes if c.provision in present]
        self.applied.emit(list(dict.fromkeys(changed)))
        return True

    @Slot()
    def save_proposal(self) -> str | None:
        proposal = self.current_proposal()
        snap = self.result_snapshot
        if proposal is None or snap is None:
            return None
        return self._editor.new_draft_from(f"{snap.draft.title} (bridge)", proposal.clauses)

    # -- frontier

    @Slot()
    def compute_frontier(self) -> None:
        snap = self._snapshot()
        a, b = self.party_a.currentData(), self.party_b.currentData()
        if snap is None or a is None or b is None or "frontier" in self._live:
            return
        if a == b:
            self.frontier_status.setText(self.tr("Choose two different parties."))
            return
        party_a, party_b = str(a), str(b)
        self._frontier_snapshot = snap

        def work(token: CancelToken, progress: Callable[[str], None]) -> object:
            solve = self._solve_frontier or real_frontier()
            return solve(snap.scenario, snap.draft, party_a, party_b, time_limit=TIME_LIMIT,
                         cancel=token)

        self.frontier_parties = (party_a, party_b)
        self.frontier_status.setText(self.tr("Computing the frontier…"))
        self._start("frontier", work, self._frontier_done, self.frontier_status.setText)

    @Slot()
    def cancel_frontier(self) -> None:
        solve = self._live.get("frontier")
        if solve is not None:
            solve.token.cancel()
            self.frontier_status.setText(self.tr("Cancelling…"))
            self._set_busy()

    @Slot(object)
    def _frontier_done(self, result: object) -> None:
        solve, cancelled = self._end("frontier")
        if solve is None:
            return
        snap = self._frontier_snapshot
        if isinstance(result, tuple) and snap is not None and self.frontier_parties:
            self.show_points(snap.scenario, self.frontier_parties, result, cancelled)
        else:
            self.frontier_status.setText(
                self.tr("Cancelled") if cancelled
                else self.tr("The solver failed: {error}").format(error=result))
        self._set_busy()
        self.finished.emit()

    def show_points(self, scenario: Scenario, parties: tuple[str, str],
                    points: tuple[FrontierPoint, ...], cancelled: bool = False) -> None:
        self.points = points
        names = self.frontier_names = (_party_name(scenario, parties[0]),
                                       _party_name(scenario, parties[1]))
        name_a, name_b = names
        self.plot.setLabel("bottom", self.tr("{party}: satisfaction").format(party=name_a),
                           units="%")
        self.plot.setLabel("left", self.tr("{party}: satisfaction").format(party=name_b),
                           units="%")

        def spots(which: Callable[[FrontierPoint], bool]) -> list[dict[str, object]]:
            return [{"pos": (p.satisfaction[0] * 100, p.satisfaction[1] * 100), "data": i}
                    for i, p in enumerate(points) if which(p)]

        self.scatter.setData(spots(lambda p: True))
        self.nash.setData(spots(lambda p: p.nash))
        self.egal.setData(spots(lambda p: p.egalitarian))
        n = len(points)
        silent = [_party_name(scenario, p) for p in parties
                  if p in scenario.party_index and not scenario.party_index[p].preferences]
        if n:
            shown = self.tr("%n package(s) on the frontier: in none can one party gain without "
                            "the other losing.", "", n)
        elif len(silent) == 1:
            shown = self.tr("No frontier: {party} states no preferences to measure.").format(
                party=silent[0])
        elif silent:
            shown = self.tr("No frontier: {first} and {second} state no preferences to "
                            "measure.").format(first=silent[0], second=silent[-1])
        else:
            shown = self.tr("No package passes every red line.")
        if cancelled:
            shown = self.tr("Cancelled: {status}").format(status=shown)
        self.frontier_status.setText(shown)
        self._plot_box.setVisible(bool(n))
        self.frontier_hint.setVisible(not n)
        if not n:
            self.frontier_hint.setText(self.tr("Choose two other parties, or change the "
                                               "draft, and compute again."))
        notes = []
        for mark, label, flag in (("★", BEST_COMPROMISE, "nash"),
                                  ("◆", MOST_EQUAL, "egalitarian")):
            for p in points:
                if getattr(p, flag):
                    notes.append(f"{mark} {frontier_mark_text(label, names, p.satisfaction)}")
                    break
        if points:
            notes.append(self.tr("Click a point to open its package as a new draft."))
        self.frontier_note.setText("\n".join(notes))

    def point_tip(self, x: float = 0.0, y: float = 0.0, data: object = None) -> str:
        """The tooltip of frontier point ``data`` (its index): both satisfactions, its mark."""
        if not isinstance(data, int) or not 0 <= data < len(self.points):
            return ""
        point = self.points[data]
        text = satisfactions(self.frontier_names, point.satisfaction)
        if point.nash and point.egalitarian:
            text = self.tr("{satisfactions} (best compromise and most equal)").format(
                satisfactions=text)
        elif point.nash:
            text = self.tr("{satisfactions} (best compromise)").format(satisfactions=text)
        elif point.egalitarian:
            text = self.tr("{satisfactions} (most equal)").format(satisfactions=text)
        return f"{text}\n" + self.tr("Click to open this package as a new draft.")

    def _on_point_clicked(self, item: object, spots: Any, *_: object) -> None:
        for spot in list(spots):  # pyqtgraph SpotItems, in a list or an array
            data = spot.data()
            if isinstance(data, int):
                self.open_point(data)
                return

    def open_point(self, index: int) -> str | None:
        """Open frontier point ``index`` as a new draft (made current); its id, or None."""
        if not 0 <= index < len(self.points):
            return None
        point = self.points[index]
        title = f"Frontier package: {satisfactions(self.frontier_names, point.satisfaction)}"
        return self._editor.new_draft_from(title, point.clauses)

"""The bridge finder panel with pytest-qt: solving in a worker thread with fake solvers
(passed to the panel in place of the real ones), results shown as plain text, Apply as one undo
step, Save as a new draft, the clash set when no agreement exists, Cancel, a responsive UI while
solving, stale results after an edit, the frontier plot, and one run of the real solver on the
mini scenario."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import Clause, Scenario, check
from desktop.domain.solver import (
    BelowNoDeal,
    BeyondExactSolver,
    BridgeResult,
    CancelToken,
    CertificateError,
    Change,
    ClashItem,
    FrontierPoint,
    Link,
    Need,
    Note,
    Progress,
    Proposal,
    Why,
)
from desktop.domain.solver import find_bridge as real_find_bridge
from desktop.domain.solver import frontier as real_frontier
from desktop.ui.bridge import BridgePanel, BridgeSolver, FrontierSolver
from desktop.ui.commands import Editor
from desktop.ui.workspace import Workspace

TIMEOUT = 5000
REAL_TIMEOUT = 60_000  # the real solver's own time limit is 20 s

# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def scenario(mini: Scenario) -> Scenario:
    """The mini scenario under the name these tests use (``ws`` and ``editor`` are on it)."""
    return mini


MakePanel = Callable[..., BridgePanel]


@pytest.fixture
def make_panel(ws: Workspace, editor: Editor, qtbot: QtBot) -> Iterator[MakePanel]:
    """A shown panel that runs the solvers passed (``find_bridge=``, ``frontier=``), by default
    the real ones; each is shut down at the end of the test."""
    made: list[BridgePanel] = []

    def make(find_bridge: BridgeSolver = real_find_bridge,
             frontier: FrontierSolver = real_frontier) -> BridgePanel:
        p = BridgePanel(ws, editor, find_bridge=find_bridge, frontier=frontier)
        qtbot.addWidget(p)
        p.resize(420, 700)
        p.show()
        made.append(p)
        return p

    yield make
    for p in made:
        p.shutdown()


@pytest.fixture
def panel(make_panel: MakePanel) -> BridgePanel:
    """A panel with the real solvers."""
    return make_panel()


PROPOSAL_CLAUSES = (
    Clause(provision="army-cap", values={"personnel": 800000}),
    Clause(provision="withdrawal", phase=2),
    Clause(provision="intl-monitoring"),
    Clause(provision="guarantee"),
)
PROPOSAL = Proposal(
    changes=(
        Change("set", "army-cap",
               Why(needs=(Need("ukraine", "Ukraine", "ua-army", "Army of at least 800k"),)),
               param="personnel", value=800000),
        Change("add", "intl-monitoring",
               Why(needs=(Need("ukraine", "Ukraine", "ua-monitor",
                               "Monitoring when withdrawal is in the draft"),))),
        Change("remove", "neutral",
               Why(needs=(Need("russia", "<b>not bold</b>", "ru-x", "excludes the guarantee"),))),
    ),
    clauses=PROPOSAL_CLAUSES,
    satisfaction={"ukraine": 0.25, "russia": None},
    cost=3,
)
ALTERNATIVE = Proposal(
    changes=(Change("phase", "withdrawal", Why(), phase=3),),
    clauses=(Clause(provision="withdrawal", phase=3),),
    satisfaction={"ukraine": 0.0, "russia": None},
    cost=3,
)
FEASIBLE = BridgeResult(feasible=True, optimal=True, status="optimal", proposal=PROPOSAL,
                        alternatives=(ALTERNATIVE,))
CLASH = (
    ClashItem("ukraine", "ua-army", "Army of at least 800,000", "army-cap.personnel >= 800000"),
    ClashItem("russia", "ru-army", "Army at most 600k", "army-cap.personnel <= 600000"),
)
OTHER_CLASH = (
    ClashItem("ukraine", "ua-no-cap", "No cap on the army", "not army-cap"),
    ClashItem("russia", "ru-army", "Army at most 600k", "army-cap.personnel <= 600000"),
)
INFEASIBLE = BridgeResult(feasible=False, optimal=True, status="no-agreement", proposal=None,
                          alternatives=(), clashes=(CLASH,), relax=CLASH,
                          proven_infeasible=True)


def fake_bridge(result: BridgeResult, calls: list[dict[str, Any]] | None = None
                ) -> Callable[..., BridgeResult]:
    def solve(scenario: Scenario, draft: Any, **kw: Any) -> BridgeResult:
        if calls is not None:
            calls.append({"thread": threading.current_thread(), "draft": draft, **kw})
        progress = kw.get("progress")
        if progress is not None:
            progress(Progress("fewest-changes"))
        return result
    return solve


def run(qtbot: QtBot, panel: BridgePanel, timeout: int = TIMEOUT) -> None:
    with qtbot.waitSignal(panel.finished, timeout=timeout):
        qtbot.mouseClick(panel.findChild(QPushButton, "FindBridge"), Qt.MouseButton.LeftButton)
    assert not panel.busy


def clash_rows(panel: BridgePanel) -> list[str]:
    return panel.clash_rows()


def text(panel: BridgePanel, name: str) -> str:
    label = panel.findChild(QLabel, name)
    assert label is not None
    return label.text()


# --------------------------------------------------------------------------- bridge


def test_layout_and_defaults(panel: BridgePanel) -> None:
    assert panel.objectName() == "BridgePanel"
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == ["Bridge", "Frontier"]
    assert panel.checked_parties() == ("ukraine", "russia")
    assert panel.alternatives.minimum() == 0
    assert panel.alternatives.maximum() == 5
    assert panel.alternatives.value() == 3
    assert not panel.cancel.isEnabled()
    assert not panel.apply.isEnabled()
    assert not panel.save.isEnabled()
    for label in panel.findChildren(QLabel):
        assert label.textFormat() in (Qt.TextFormat.PlainText, Qt.TextFormat.AutoText)
        if label.objectName().startswith("Bridge"):
            assert label.textFormat() == Qt.TextFormat.PlainText


def test_feasible_result_shows_changes_and_satisfaction(
        make_panel: MakePanel, qtbot: QtBot) -> None:
    calls: list[dict[str, Any]] = []
    panel = make_panel(find_bridge=fake_bridge(FEASIBLE, calls))
    run(qtbot, panel)
    (call,) = calls
    assert call["thread"] is not threading.main_thread()
    assert call["parties"] is None  # all parties checked
    assert call["alternatives"] == 3
    assert isinstance(call["cancel"], CancelToken)
    assert text(panel, "BridgeStatus") == "Optimal: 3 changes"
    changes = panel.changes_shown()
    # Each change as an instruction with its old value from the draft, then why; no ids.
    assert changes == (
        "• Raise personnel in “Army ceiling” from 600,000 to 800,000 personnel\n"
        "   Required by Ukraine's red line ‘Army of at least 800k’.\n"
        "• Add “International monitoring”\n"
        "   Required by Ukraine's red line ‘Monitoring when withdrawal is in the draft’.\n"
        "• Remove “Neutrality”\n"
        "   Required by <b>not bold</b>'s red line ‘excludes the guarantee’.")  # plain text
    sat = text(panel, "BridgeSatisfaction")
    # Every party, before → with the proposal, in words (from the checker).
    assert sat.splitlines() == [
        "Ukraine: ✗ rejects → ✓ accepts",
        "   satisfaction 25% → 25% of what it addresses",
        "Russia: ✓ accepts → ✗ rejects",  # its red line needs army ≤ 600k
        "   no preferences",
    ]
    assert [panel.choice.itemText(i) for i in range(panel.choice.count())] == [
        "Proposal", "Alternative 1"]
    assert panel.apply.isEnabled()
    assert panel.save.isEnabled()
    assert not panel.cancel.isEnabled()
    assert panel.stale_label.isHidden()
    panel.choice.setCurrentIndex(1)
    assert panel.changes_shown() == (
        "• Move “Withdrawal from Donbas” to phase 3\n"
        "   Needed together with the other changes for every red line to hold.")
    assert panel.current_proposal() is ALTERNATIVE


def test_unchecked_parties_and_alternatives_are_passed(
        make_panel: MakePanel, qtbot: QtBot) -> None:
    calls: list[dict[str, Any]] = []
    panel = make_panel(find_bridge=fake_bridge(FEASIBLE, calls))
    panel.parties.item(1).setCheckState(Qt.CheckState.Unchecked)
    panel.alternatives.setValue(0)
    run(qtbot, panel)
    assert calls[0]["parties"] == ("ukraine",)
    assert calls[0]["alternatives"] == 0


def test_apply_is_one_undo_step(make_panel: MakePanel, ws: Workspace, editor: Editor,
                                qtbot: QtBot) -> None:
    panel = make_panel(find_bridge=fake_bridge(FEASIBLE))
    before = ws.draft
    assert before is not None
    run(qtbot, panel)
    count = ws.undo_stack.count()
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    assert ws.undo_stack.count() == count + 1
    assert ws.undo_stack.undoText() == "Apply bridge proposal"
    assert ws.draft is not None
    assert ws.draft.id == before.id
    assert ws.draft.clauses == PROPOSAL_CLAUSES
    assert not panel.apply.isEnabled()  # the draft now differs from the one solved for
    ws.undo_stack.undo()
    assert ws.draft == before
    assert panel.apply.isEnabled()  # back to the version the proposal was computed for


def test_save_as_new_draft(make_panel: MakePanel, ws: Workspace, qtbot: QtBot) -> None:
    panel = make_panel(find_bridge=fake_bridge(FEASIBLE))
    run(qtbot, panel)
    drafts = len(ws.scenario.drafts)
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    assert len(ws.scenario.drafts) == drafts + 1
    assert ws.draft is not None
    assert ws.draft_id != "d1"
    assert ws.draft.title == "Draft one (bridge)"
    assert ws.draft.clauses == PROPOSAL_CLAUSES
    assert ws.scenario.drafts[0].clauses != PROPOSAL_CLAUSES  # the original is untouched
    assert not panel.apply.isEnabled()  # computed for another draft than the current one
    assert "Computed for the draft “Draft one”" in panel.stale_label.text()
    ws.switch_draft("d1")
    assert panel.apply.isEnabled()


def test_infeasible_shows_clash_and_relax(make_panel: MakePanel, qtbot: QtBot) -> None:
    panel = make_panel(find_bridge=fake_bridge(INFEASIBLE))
    run(qtbot, panel)
    assert text(panel, "BridgeStatus") == "No agreement possible"
    assert clash_rows(panel) == [
        "Ukraine's red line ‘Army of at least 800,000’ and Russia's ‘Army at most 600k’ cannot "
        "both hold."]
    assert text(panel, "BridgeRelax") == (
        "Relaxing Ukraine's red line ‘Army of at least 800,000’ and Russia's ‘Army at most "
        "600k’ would allow an agreement.")
    assert panel.clash.isVisible()
    assert not panel.changes.isVisible()
    assert not panel.apply.isEnabled()
    assert not panel.save.isEnabled()


def test_several_clashes_are_listed_with_what_is_partial(
        make_panel: MakePanel, qtbot: QtBot) -> None:
    result = BridgeResult(feasible=False, optimal=False, status="no-agreement",
                          proposal=None, alternatives=(), clashes=(CLASH, OTHER_CLASH),
                          relax=(CLASH[1],), proven_infeasible=True,
                          notes=(Note("clashes-not-proven"),))
    panel = make_panel(find_bridge=fake_bridge(result))
    run(qtbot, panel)
    assert text(panel, "BridgeStatus") == "No agreement possible"
    assert panel.clash_heading.text().startswith("2 distinct clashes of red lines")
    assert clash_rows(panel) == [
        "1. Ukraine's red line ‘Army of at least 800,000’ and Russia's ‘Army at most 600k’ "
        "cannot both hold.",
        "2. Ukraine's red line ‘No cap on the army’ and Russia's ‘Army at most 600k’ cannot "
        "both hold."]
    assert text(panel, "BridgeRelax") == (
        "Relaxing Russia's red line ‘Army at most 600k’ would allow an agreement.")
    assert text(panel, "BridgeNotes") == (
        "Note: The time limit was hit before every clash was proven minimal; only proven ones "
        "are shown.")
    assert panel.notes.isVisible()


def test_time_limit_without_an_answer_claims_nothing(
        make_panel: MakePanel, qtbot: QtBot) -> None:
    result = BridgeResult(feasible=False, optimal=False, status="no-proposal",
                          proposal=None, alternatives=(),
                          notes=(Note("no-answer-in-time"),))
    panel = make_panel(find_bridge=fake_bridge(result))
    run(qtbot, panel)
    assert text(panel, "BridgeStatus") == "No proposal found (time limit hit)"
    assert not panel.clash.isVisible()
    assert panel.notes.isVisible()


@pytest.mark.parametrize(("error", "shown"), [
    (BeyondExactSolver("'Fund' (usd) reaches 10,000,000,000,000,000,000,000,000,000, beyond "
                       "what the exact solver can represent"),
     "This scenario is beyond the exact solver: 'Fund' (usd) reaches"),
    (CertificateError("a proposal failed the checker: ukraine: ua-army"),
     "The bridge finder's answer failed its own check, so none is shown. This is a bug"),
])
def test_refusals_and_failed_certificates_show_no_answer(
        make_panel: MakePanel, qtbot: QtBot,
        error: Exception, shown: str) -> None:
    def refuse(*args: Any, **kw: Any) -> BridgeResult:
        raise error

    panel = make_panel(find_bridge=refuse)
    run(qtbot, panel)
    assert text(panel, "BridgeStatus").startswith(shown)
    assert panel.result is None
    assert not panel.clash.isVisible()
    assert not panel.apply.isEnabled()
    assert panel.find_button.isEnabled()


def test_solver_error_is_reported(make_panel: MakePanel, qtbot: QtBot) -> None:
    def broken(*args: Any, **kw: Any) -> BridgeResult:
        raise ValueError("bad <i>rule</i>")

    panel = make_panel(find_bridge=broken)
    run(qtbot, panel)
    assert text(panel, "BridgeStatus") == "The solver failed: bad <i>rule</i>"
    assert panel.find_button.isEnabled()


def blocking_solver(started: threading.Event, result: BridgeResult | None = None
                    ) -> Callable[..., BridgeResult]:
    """Blocks until its CancelToken is cancelled (bounded), then returns ``result``."""
    def solve(scenario: Scenario, draft: Any, **kw: Any) -> BridgeResult:
        token: CancelToken = kw["cancel"]
        kw["progress"](Progress("fewest-changes", alternative=2))
        started.set()
        deadline = time.monotonic() + 10
        while not token.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        if result is not None:
            return result
        return BridgeResult(feasible=False, optimal=False, status="cancelled", proposal=None,
                            alternatives=())
    return solve


def test_cancel(make_panel: MakePanel, qtbot: QtBot) -> None:
    started = threading.Event()
    panel = make_panel(find_bridge=blocking_solver(started))
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert started.wait(TIMEOUT)
    qtbot.waitUntil(lambda: text(panel, "BridgeProgressText") == (
        "Alternative 2: looking for the cheapest changes…"), timeout=TIMEOUT)
    assert panel.busy
    assert panel.cancel.isEnabled()
    assert not panel.find_button.isEnabled()
    assert panel.progress.isVisible()
    assert (panel.progress.minimum(), panel.progress.maximum()) == (0, 0)
    solve = panel._live["bridge"]
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT):
        qtbot.mouseClick(panel.cancel, Qt.MouseButton.LeftButton)
    assert text(panel, "BridgeStatus") == "Cancelled"
    assert solve.thread.isFinished()
    assert panel.wait_idle(0)  # nothing runs any more
    assert not panel.cancel.isEnabled()
    assert panel.find_button.isEnabled()
    assert not panel.progress.isVisible()


def test_ui_responsive_while_solving(make_panel: MakePanel, qtbot: QtBot) -> None:
    def slow(scenario: Scenario, draft: Any, **kw: Any) -> BridgeResult:
        time.sleep(0.5)
        return FEASIBLE

    panel = make_panel(find_bridge=slow)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    run(qtbot, panel)
    timer.stop()
    assert len(ticks) >= 10  # the event loop kept running while the solver slept
    assert text(panel, "BridgeStatus") == "Optimal: 3 changes"


def test_edit_during_solve_marks_result_stale(
        make_panel: MakePanel, ws: Workspace, editor: Editor,
        qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    seen: list[Any] = []

    def solve(scenario: Scenario, draft: Any, **kw: Any) -> BridgeResult:
        seen.append(draft)
        started.set()
        release.wait(TIMEOUT / 1000)
        return FEASIBLE

    panel = make_panel(find_bridge=solve)
    original = ws.draft
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert started.wait(TIMEOUT)
    assert editor.set_phase(0, 3)  # the user edits while the solver runs
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT):
        release.set()
    assert seen == [original]  # the solver saw the snapshot taken at the start
    assert text(panel, "BridgeStatus") == "Optimal: 3 changes"
    assert panel.stale_label.isVisible()
    assert "earlier version of the draft" in panel.stale_label.text()
    assert not panel.apply.isEnabled()
    assert not panel.apply_proposal()
    assert panel.save.isEnabled()  # saving it as a separate draft is still harmless


def test_parties_rebuilt_on_changes(panel: BridgePanel, ws: Workspace, editor: Editor,
                                    scenario: Scenario) -> None:
    panel.parties.item(0).setCheckState(Qt.CheckState.Unchecked)
    renamed = scenario.parties[1].model_copy(update={"name": "Russian Federation"})
    assert editor.put_party(renamed, replaces="russia")
    assert panel.parties.item(1).text() == "Russian Federation"
    assert panel.checked_parties() == ("russia",)  # the user's choice is kept by id
    smaller = scenario.model_copy(update={"parties": scenario.parties[1:]})
    ws.reset(smaller)
    assert panel.checked_parties() == ("russia",)
    assert panel.party_a.count() == 1
    assert not panel.compute.isEnabled()  # a frontier needs two parties
    ws.reset(scenario)
    assert panel.checked_parties() == ("ukraine", "russia")  # new parties start checked


def test_destroyed_while_solving_joins_thread(
        ws: Workspace, editor: Editor, qtbot: QtBot) -> None:
    started = threading.Event()
    p = BridgePanel(ws, editor, find_bridge=blocking_solver(started))
    p.find_bridge()
    assert started.wait(TIMEOUT)
    thread = p._live["bridge"].thread
    token = p._live["bridge"].token
    p.deleteLater()
    qtbot.waitUntil(lambda: token.cancelled, timeout=TIMEOUT)
    assert thread.isFinished()  # joined, so no "Destroyed while thread is still running"


# --------------------------------------------------------------------------- frontier


def points() -> tuple[FrontierPoint, ...]:
    return (
        FrontierPoint((0.2, 0.9), (Clause(provision="neutral"),), nash=False, egalitarian=False),
        FrontierPoint((0.6, 0.6), (Clause(provision="guarantee"),), nash=False, egalitarian=True),
        FrontierPoint((0.8, 0.5), (Clause(provision="guarantee", values={"years": 30}),),
                      nash=True, egalitarian=False),
    )


def test_frontier_plots_marks_and_opens(make_panel: MakePanel, ws: Workspace,
                                        qtbot: QtBot) -> None:
    calls: list[tuple[str, str]] = []

    def fake(scenario: Scenario, draft: Any, a: str, b: str, **kw: Any
             ) -> tuple[FrontierPoint, ...]:
        calls.append((a, b))
        assert isinstance(kw["cancel"], CancelToken)
        return points()

    panel = make_panel(frontier=fake)
    panel.tabs.setCurrentIndex(1)
    assert panel.party_a.currentData() == "ukraine"
    assert panel.party_b.currentData() == "russia"
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT):
        qtbot.mouseClick(panel.compute, Qt.MouseButton.LeftButton)
    assert calls == [("ukraine", "russia")]
    assert len(panel.scatter.points()) == 3
    assert [tuple(s.pos()) for s in panel.nash.points()] == [(80.0, 50.0)]
    assert [tuple(s.pos()) for s in panel.egal.points()] == [(60.0, 60.0)]
    assert panel.frontier_status.text() == (
        "3 packages on the frontier: in none can one party gain without the other losing.")
    assert panel.frontier_note.text() == (
        "★ Best compromise: Ukraine 80%, Russia 50% (the two satisfactions multiplied are "
        "highest)\n"
        "◆ Most equal: Ukraine 60%, Russia 60% (the less satisfied party does best)\n"
        "Click a point to open its package as a new draft.")
    assert panel.point_tip(data=2) == (
        "Ukraine 80%, Russia 50% (best compromise)\nClick to open this package as a new draft.")
    assert panel.point_tip(data=0).startswith("Ukraine 20%, Russia 90%\n")
    assert panel.scatter.opts["tip"] == panel.point_tip  # shown when hovering a point
    axes = [panel.plot.getAxis(a).labelText for a in ("bottom", "left")]
    assert axes == ["Ukraine: satisfaction", "Russia: satisfaction"]

    drafts = len(ws.scenario.drafts)
    new_id = panel.open_point(2)
    assert new_id is not None
    assert ws.draft_id == new_id
    assert len(ws.scenario.drafts) == drafts + 1
    assert ws.draft is not None
    assert ws.draft.title == "Frontier package: Ukraine 80%, Russia 50%"
    assert ws.draft.clauses == points()[2].clauses
    assert panel.open_point(7) is None

    # A click on a plotted point goes through sigClicked to open_point.
    spot = panel.scatter.points()[0]
    panel.scatter.sigClicked.emit(panel.scatter, [spot], None)
    assert ws.draft is not None
    assert ws.draft.title == "Frontier package: Ukraine 20%, Russia 90%"


def test_frontier_same_party_refused(make_panel: MakePanel) -> None:
    panel = make_panel(frontier=lambda *a, **k: pytest.fail("must not run"))
    panel.party_b.setCurrentIndex(0)
    panel.compute_frontier()
    assert not panel.busy
    assert panel.frontier_status.text() == "Choose two different parties."


# --------------------------------------------------------------------------- real solver


def test_real_solver_on_mini(panel: BridgePanel, qtbot: QtBot) -> None:
    """Ukraine needs an army of at least 800k, Russia at most 600k: no agreement, and the clash
    names both red lines."""
    run(qtbot, panel, timeout=REAL_TIMEOUT)
    assert panel.result is not None
    assert not panel.result.feasible
    assert text(panel, "BridgeStatus") == "No agreement possible"
    assert clash_rows(panel) == [
        "Ukraine's red line ‘Army of at least 800k’ and Russia's ‘Army at most 600k’ cannot "
        "both hold."]


def test_real_solver_feasible_for_one_party(panel: BridgePanel, ws: Workspace,
                                            qtbot: QtBot) -> None:
    """With Russia's red lines set aside, the bridge fixes Ukraine's army ceiling and adds
    monitoring; applied, Ukraine accepts the draft."""
    panel.parties.item(1).setCheckState(Qt.CheckState.Unchecked)
    run(qtbot, panel, timeout=REAL_TIMEOUT)
    assert panel.result is not None
    assert panel.result.feasible
    assert text(panel, "BridgeStatus").startswith("Optimal: ")
    assert "✓ accepts" in text(panel, "BridgeSatisfaction")
    assert panel.apply_proposal()
    assert ws.report is not None
    (ukraine,) = [v for v in ws.report.parties if v.party == "ukraine"]
    assert ukraine.acceptable


def test_real_frontier_without_preferences(panel: BridgePanel, qtbot: QtBot) -> None:
    """Russia states no preferences in the mini scenario, so there is no frontier to plot."""
    with qtbot.waitSignal(panel.finished, timeout=REAL_TIMEOUT):
        panel.compute_frontier()
    assert panel.points == ()
    assert panel.frontier_status.text() == (
        "No frontier: Russia states no preferences to measure.")


def test_library_or_party_edit_marks_result_stale(
        make_panel: MakePanel, ws: Workspace, editor: Editor, scenario: Scenario,
        qtbot: QtBot) -> None:
    panel = make_panel(find_bridge=fake_bridge(FEASIBLE))
    run(qtbot, panel)
    assert panel.apply.isEnabled()
    assert editor.set_info(title="Renamed")  # not about the draft or red lines: still fresh
    assert panel.apply.isEnabled()
    russia = scenario.parties[1]
    line = russia.red_lines[0].model_copy(update={"rule": "army-cap"})
    assert editor.put_party(russia.model_copy(update={"red_lines": (line,)}), replaces="russia")
    assert not panel.apply.isEnabled()  # the red lines changed since the solve
    assert panel.stale_label.isVisible()


def test_real_solver_cancelled(make_panel: MakePanel, qtbot: QtBot) -> None:
    """The real solver sees the panel's token: cancelled before it starts, it stops at once."""

    def cancelled_first(*args: Any, **kw: Any) -> BridgeResult:
        kw["cancel"].cancel()
        return real_find_bridge(*args, **kw)

    panel = make_panel(find_bridge=cancelled_first)
    run(qtbot, panel, timeout=REAL_TIMEOUT)
    assert text(panel, "BridgeStatus") == "Cancelled"
    assert panel.find_button.isEnabled()


# --------------------------------------------------------------------------- no agreement of all


def by_parties(scenario: Scenario) -> Callable[..., BridgeResult]:
    """A fake finder that answers by the parties asked about: everyone together clash (army),
    Ukraine alone gets PROPOSAL, Russia alone keeps the draft minus neutrality; and once the
    relaxed red lines are gone, everyone accepts PROPOSAL."""
    def solve(s: Scenario, draft: Any, **kw: Any) -> BridgeResult:
        parties = kw["parties"]
        relaxed = not s.party("russia").red_lines
        if relaxed or parties == ["ukraine"]:
            return BridgeResult(True, True, "optimal", PROPOSAL, ())
        if parties == ["russia"]:
            clauses = tuple(c for c in draft.clauses if c.provision != "neutral")
            return BridgeResult(True, True, "optimal", Proposal(
                (Change("remove", "neutral", Why(conflicts=(("guarantee", "neutral"),))),),
                clauses, {}, 1), ())
        return BridgeResult(False, True, "no-agreement", None, (), clashes=(CLASH,),
                            relax=(CLASH[1],), proven_infeasible=True)
    return solve


def test_no_agreement_offers_coalitions_and_relaxation(
        make_panel: MakePanel, ws: Workspace, scenario: Scenario, qtbot: QtBot) -> None:
    panel = make_panel(find_bridge=by_parties(scenario))
    run(qtbot, panel)
    assert text(panel, "BridgeStatus") == "No agreement possible"
    assert panel.instead.isVisible()
    assert text(panel, "BridgeInstead") == (
        "The largest group that can agree is 1 of 2 parties (without Russia). Relaxing 1 red "
        "line would let all 2 agree. Choose a proposal below to see what it takes.")
    assert [panel.choice.itemText(i) for i in range(panel.choice.count())] == [
        "1 of 2 agree (3 changes), without Russia",
        "1 of 2 agree (1 change), without Ukraine",
        "Relax 1 red line (3 changes)",
    ]
    assert panel.choice.isVisible()
    # The first proposal: its changes in words, every party before → after, Apply enabled.
    assert panel.changes_shown().startswith(
        "• Raise personnel in “Army ceiling” from 600,000 to 800,000 personnel")
    assert text(panel, "BridgeSatisfaction").splitlines() == [
        "Ukraine: ✗ rejects → ✓ accepts",
        "   satisfaction 25% → 25% of what it addresses",
        "Russia: ✓ accepts → ✗ rejects",
        "   no preferences",
    ]
    assert panel.apply.isEnabled()
    assert panel.clash.isVisible()  # why no agreement of all stays below
    panel.choice.setCurrentIndex(1)
    assert panel.changes_shown() == (
        "• Remove “Neutrality”\n"
        "   “Security guarantee” and “Neutrality” exclude each other.")
    assert text(panel, "BridgeSatisfaction").splitlines()[2] == "Russia: ✓ accepts"
    panel.choice.setCurrentIndex(2)
    option = panel.current_option()
    assert option is not None
    assert option.kind == "relaxation"


def test_apply_selects_the_changed_clauses_and_says_it_was_applied(
        main_window: Callable[..., Any], mini: Scenario, qtbot: QtBot) -> None:
    win = main_window(mini)
    panel: BridgePanel = win.bridge
    panel._solve_bridge = fake_bridge(FEASIBLE)
    win.analysis.setCurrentWidget(panel)
    run(qtbot, panel)
    with qtbot.waitSignal(panel.applied) as applied:
        qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    # The clauses the proposal set or added (a removed one is gone) are selected in the draft.
    assert applied.args == [["army-cap", "intl-monitoring"]]
    view = win.draft.view
    selected = {win.draft.model.clause(i.row()).provision
                for i in view.selectionModel().selectedRows()}
    assert selected == {"army-cap", "intl-monitoring"}
    assert win.draft.selected_provision() == "army-cap"
    # The panel does not offer the outdated Apply: it says what happened.
    assert not panel.apply.isEnabled()
    assert panel.stale_label.isVisible()
    assert panel.stale_label.text().startswith("Applied to the draft as one step")
    assert "Apply bridge proposal" in win.verdicts.notice.text()
    win.ws.undo_stack.undo()
    assert panel.apply.isEnabled()
    assert not panel.stale_label.isVisible()


def test_parties_button_names_the_choice(panel: BridgePanel) -> None:
    assert panel.parties_button.text() == "Red lines of: all 2 parties"
    panel.parties.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert panel.parties_button.text() == "Red lines of: 1 of 2 parties"
    assert panel.parties.item(0).toolTip() == "Ukraine"


def test_frontier_says_what_to_choose_before_plotting(make_panel: MakePanel,
                                                      qtbot: QtBot) -> None:
    answers: list[tuple[FrontierPoint, ...]] = [points(), ()]
    panel = make_panel(frontier=lambda *a, **k: answers.pop(0))
    panel.tabs.setCurrentIndex(1)
    qtbot.wait(1)
    box = panel.findChild(QWidget, "FrontierPlotBox")
    assert box is not None
    assert not box.isVisible()  # no empty plot, no legend over it
    assert panel.frontier_hint.isVisible()
    assert panel.frontier_hint.text().startswith("Choose a party across and a party up")
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT):
        panel.compute_frontier()
    assert box.isVisible()
    assert not panel.frontier_hint.isVisible()
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT):
        panel.compute_frontier()
    assert not box.isVisible()
    assert panel.frontier_hint.isVisible()
    assert panel.frontier_status.text() == (
        "No frontier: Russia states no preferences to measure.")


def test_real_solver_on_the_28_points_offers_the_four_readably(
        main_window: Callable[..., Any], ukraine: Scenario, qtbot: QtBot) -> None:
    """All five parties on the 28-point plan: no agreement, so the panel offers the largest
    group (everyone but Russia) and what it takes; in the default 1280×800 window the result
    area is well over the 130 pixels it used to have and the first change is in view."""
    win = main_window(ukraine)
    ws = win.ws
    ws.switch_draft("us-28")
    panel: BridgePanel = win.bridge
    win.analysis.setCurrentWidget(panel)
    try:
        run(qtbot, panel, timeout=REAL_TIMEOUT)
        assert text(panel, "BridgeStatus") == "No agreement possible"
        assert text(panel, "BridgeInstead").startswith(
            "The largest group that can agree is 4 of 5 parties (without Russia).")
        assert panel.choice.itemText(0).startswith("4 of 5 agree (")
        assert panel.choice.itemText(0).endswith("), without Russia")
        lines = text(panel, "BridgeSatisfaction").splitlines()
        assert lines[0] == "Ukraine: ✗ rejects → ✓ accepts"
        # Over what the draft addresses, the measure set against no deal (17%, not 15%).
        assert lines[1].startswith("   satisfaction 17% → ")
        assert lines[1].endswith(" of what it addresses (no deal 25%)")
        qtbot.wait(1)
        scroll = panel.findChild(QScrollArea, "BridgeScroll")
        assert scroll is not None
        assert scroll.viewport().height() >= 200
        first = panel.findChild(QLabel, "BridgeChange")
        assert first is not None
        bottom = first.mapTo(scroll.viewport(), first.rect().bottomLeft()).y()
        assert bottom <= scroll.viewport().height()
        assert panel.apply.isEnabled()
        proposal = panel.current_proposal()
        assert proposal is not None
        assert panel.apply_proposal()
        assert ws.report is not None
        assert [v.party for v in ws.report.parties if v.acceptable] == [
            "ukraine", "united-states", "europe", "turkey"]
        # The clauses it changed are selected, and the first of them is scrolled into view.
        view = win.draft.view
        kept = {c.provision for c in proposal.clauses}
        changed = {c.provision for c in proposal.changes if c.provision in kept}
        selected = {win.draft.model.clause(i.row()).provision
                    for i in view.selectionModel().selectedRows()}
        assert selected == changed
        qtbot.wait(1)
        current = view.visualRect(view.currentIndex())
        assert view.viewport().rect().intersects(current)
    finally:
        panel.shutdown()


# --------------------------------------------------------------------------- costs, no deal


COSTED = Proposal(
    changes=(
        Change("set", "army-cap", Why(), param="personnel", value=700000, cost=1),
        Change("remove", "neutral", Why(), cost=2),
    ),
    clauses=PROPOSAL_CLAUSES, satisfaction={"ukraine": 0.25, "russia": None}, cost=2,
    total_cost=3,
    below_no_deal=(BelowNoDeal("russia", "Russia", 0.2, 0.25),),
    links=(Link("ukraine", "Ukraine", (0,), "russia", "Russia", (1,)),),
)


def test_costs_no_deal_and_give_and_take_are_shown(make_panel: MakePanel,
                                                   qtbot: QtBot) -> None:
    """Each change's cost and the total; a party left below its no-deal level is warned about
    in words; the give and take names which change each party accepts for the other."""
    result = BridgeResult(feasible=True, optimal=True, status="optimal", proposal=COSTED,
                          alternatives=(ALTERNATIVE,))
    panel = make_panel(find_bridge=fake_bridge(result))
    run(qtbot, panel)
    assert panel.changes_heading.text() == "Changes, total cost 3"
    assert panel.changes_shown().splitlines()[0] == (
        "• Raise personnel in “Army ceiling” from 600,000 to 700,000 personnel (cost 1)")
    assert "• Remove “Neutrality” (cost 2)" in panel.changes_shown()
    assert panel.no_deal.isVisible()
    assert text(panel, "BridgeNoDeal") == (
        "⚠ Russia would be better off without this deal (satisfaction 20%; 25% without a "
        "deal).")
    assert panel.links.isVisible()
    assert panel.links_heading.isVisible()
    assert text(panel, "BridgeLinks") == (
        "• Ukraine accepts what Russia wants (Raise personnel in “Army ceiling” from 600,000 "
        "to 700,000 personnel) if Russia accepts what Ukraine wants (Remove “Neutrality”).")
    panel.choice.setCurrentIndex(1)  # an alternative with no warning, no links, no cost
    assert not panel.no_deal.isVisible()
    assert not panel.links.isVisible()
    assert panel.changes_heading.text() == "Changes"


def test_relaxation_says_its_cost_and_that_the_draft_does_not_matter(
        make_panel: MakePanel, qtbot: QtBot) -> None:
    result = BridgeResult(feasible=False, optimal=True, status="no-agreement", proposal=None,
                          alternatives=(), clashes=(CLASH,), relax=CLASH,
                          proven_infeasible=True, relax_cost=3.5, relax_independent=True)
    panel = make_panel(find_bridge=fake_bridge(result))
    run(qtbot, panel)
    assert text(panel, "BridgeRelax") == (
        "Relaxing Ukraine's red line ‘Army of at least 800,000’ and Russia's ‘Army at most "
        "600k’ would allow an agreement. This is the least costly set of red lines to relax "
        "(cost 3.5 on the relaxation scale); any draft gets the same answer.")


def test_real_solver_closes_the_open_point_on_its_alternative(
        ukraine: Scenario, qtbot: QtBot) -> None:
    """The 20-point framework without Russia: the one change closes the Zaporizhzhia point on
    the Ukrainian formula, said as closing it (never "Change value in …"), with its cost."""
    ws = Workspace(ukraine)
    ws.switch_draft("twenty-point")
    panel = BridgePanel(ws, Editor(ws))
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    try:
        for i in range(panel.parties.count()):
            item = panel.parties.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "russia" or "Russia" in item.text():
                item.setCheckState(Qt.CheckState.Unchecked)
        assert "russia" not in panel.checked_parties()
        run(qtbot, panel, timeout=REAL_TIMEOUT)
        assert text(panel, "BridgeStatus") == "Optimal: 1 change"
        assert panel.changes_heading.text() == "Changes, total cost 1"
        assert panel.changes_shown().splitlines() == [
            "• Close the open point “Zaporizhzhia nuclear plant” on “Ukrainian formula” "
            "(cost 1)",
            "   Required by Ukraine's red line ‘No Russian role at the Zaporizhzhia plant’."]
        assert not panel.no_deal.isVisible()
    finally:
        panel.shutdown()


def test_real_solver_keeps_accepts_if_in_before_and_after(ukraine: Scenario,
                                                          qtbot: QtBot) -> None:
    """Before → after carries the checker's own verdict: on the 20-point framework Ukraine
    accepts if the plant's open point is closed its way, so before the proposal it reads
    "◐ accepts if …", never "✗ rejects"; the panel says which view it solved under."""
    ws = Workspace(ukraine)
    ws.switch_draft("twenty-point")
    panel = BridgePanel(ws, Editor(ws))
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    try:
        for i in range(panel.parties.count()):
            item = panel.parties.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == "russia":
                item.setCheckState(Qt.CheckState.Unchecked)
        run(qtbot, panel, timeout=REAL_TIMEOUT)
        assert text(panel, "BridgeStance").startswith("Under assessed floors: ")
        before = check(ukraine, ukraine.draft("twenty-point")).verdict("ukraine")
        assert before.verdict == "accepts-if"
        shown = panel.satisfaction.text()
        ukraine_line = next(line for line in shown.splitlines() if line.startswith("Ukraine:"))
        assert ukraine_line.startswith("Ukraine: ◐ accepts if ")
        assert ukraine_line.endswith(" → ✓ accepts")
        assert "✗ rejects → ✓ accepts" not in ukraine_line
    finally:
        panel.shutdown()


def test_panel_solves_under_the_windows_stance(ws: Workspace, make_panel: MakePanel,
                                               qtbot: QtBot) -> None:
    """The finder is asked under the window's stance, the panel says which view in words, and
    switching the view afterwards marks the answer as found under the other one."""
    calls: list[dict[str, Any]] = []
    result = BridgeResult(feasible=True, optimal=True, status="optimal",
                          proposal=PROPOSAL, alternatives=())
    ws.set_stance("stated")
    panel = make_panel(find_bridge=fake_bridge(result, calls))
    run(qtbot, panel)
    assert calls[-1]["stance"] == "stated"
    assert text(panel, "BridgeStance") == (
        "Under stated positions: every red line counts, stated demands included.")
    fresh = not panel.stale
    assert fresh
    ws.set_stance("assessed")
    assert panel.stale
    assert text(panel, "BridgeStale") == (
        "Found under stated positions, but the window now checks under assessed floors: find "
        "a bridge again to apply it.")
    assert not panel.apply.isEnabled()
    run(qtbot, panel)
    assert calls[-1]["stance"] == "assessed"
    assert text(panel, "BridgeStance").startswith("Under assessed floors: ")

"""Every text colour keeps at least 4.5:1 against what it is painted on, in the light palette
and in a dark one, measured from the palettes and from the widgets themselves; the charts
follow the palette; charts, the search box and the details pane have accessible names and
descriptions, and the red-line matrix's columns are named."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory
from pytestqt.qtbot import QtBot

from desktop.domain import Scenario
from desktop.ui.look import dark_palette, hex_of, ink, is_dark, readable
from desktop.ui.mainwindow import MainWindow
from desktop.wording import palette, short_name
from desktop.wording.palette import contrast

AA = 4.5
Role = QPalette.ColorRole

TEXT_ON = (
    (Role.Text, Role.Base), (Role.Text, Role.AlternateBase), (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase), (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window), (Role.PlaceholderText, Role.AlternateBase),
)
GROUNDS = (Role.Window, Role.Base, Role.AlternateBase)
WORDS_IN_COLOUR = (palette.ACCEPT, palette.REJECT, palette.VIOLATION, palette.CONFLICT,
                   palette.STALE, palette.NEUTRAL)


def _palettes() -> dict[str, QPalette]:
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    return {"light": readable(fusion.standardPalette()), "dark": dark_palette()}


@pytest.mark.parametrize("tone", ["light", "dark"])
def test_every_text_colour_keeps_aa_contrast(qtbot: QtBot, tone: str) -> None:
    pal = _palettes()[tone]
    assert is_dark(pal) == (tone == "dark")
    low = []
    for text, ground in TEXT_ON:
        ratio = contrast(hex_of(pal.color(text)), hex_of(pal.color(ground)))
        if ratio < AA:
            low.append((text.name, ground.name, round(ratio, 2)))
    for colour in WORDS_IN_COLOUR:
        for ground in GROUNDS:
            ratio = contrast(hex_of(ink(colour, pal)), hex_of(pal.color(ground)))
            if ratio < AA:
                low.append((colour, ground.name, round(ratio, 2)))
    assert low == []


def test_words_inside_chart_cells_keep_aa_contrast() -> None:
    assert contrast(palette.WHITE, palette.VIOLATION) >= AA  # ✗ in a crossed cell
    assert contrast(palette.CHART_INK, palette.HOLDS) >= AA  # a held red line's name
    assert contrast(palette.WHITE, palette.DARK_HOLDS) >= AA  # the same, on a dark window


def test_qt_placeholder_alone_would_fail_and_is_repaired(qtbot: QtBot) -> None:
    """Why :func:`readable` exists: half-transparent placeholder text is below 4.5:1."""
    fusion = QStyleFactory.create("Fusion")
    assert fusion is not None
    raw = fusion.standardPalette()
    fixed = readable(raw)
    base = hex_of(raw.color(Role.Base))
    assert contrast(hex_of(fixed.color(Role.PlaceholderText)), base) >= AA
    assert fixed.color(Role.Text) == raw.color(Role.Text)  # nothing else changes


def _stylesheet_colour(sheet: str) -> str:
    found = re.search(r"color:\s*(#[0-9A-Fa-f]{6})", sheet)
    assert found is not None, sheet
    return found.group(1)


@pytest.mark.parametrize("tone", ["light", "dark"])
def test_the_window_paints_words_readably_and_charts_follow_the_palette(
        main_window: Callable[..., MainWindow], ukraine: Scenario, qtbot: QtBot,
        tone: str) -> None:
    pal = _palettes()[tone]
    win = main_window(ukraine)
    win.ws.switch_draft("us-28")
    win.setPalette(pal)
    win.charts.build()
    qtbot.wait(10)
    window = hex_of(pal.color(Role.Window))
    checked = 0
    report = win.ws.report
    assert report is not None
    for verdict in report.parties:
        card = win.redlines.card(verdict.party)
        colour = _stylesheet_colour(card.verdict.styleSheet())
        assert contrast(colour, window) >= AA, (card.verdict.text(), colour)
        checked += 1
    summary = _stylesheet_colour(win.redlines.summary.styleSheet())
    assert contrast(summary, window) >= AA
    assert checked == len(ukraine.parties)
    # The charts' ground and words are the palette's list ground and text.
    for chart in (win.charts.satisfaction, win.charts.matrix):
        assert chart.backgroundBrush().color() == pal.color(Role.Base)
        title = chart.getPlotItem().titleLabel.text
        assert title
        assert QColor(chart.getAxis("bottom").textPen().color()) == pal.color(Role.Text)
    for label in win.charts.satisfaction.labels:
        assert contrast(hex_of(label.color), hex_of(pal.color(Role.Base))) >= AA


def test_charts_search_and_details_are_named_and_described(
        main_window: Callable[..., MainWindow], ukraine: Scenario) -> None:
    win = main_window(ukraine)
    win.charts.build()
    for widget in (win.charts.satisfaction, win.charts.matrix, win.library.search,
                   win.library.details):
        assert widget.accessibleName(), widget.objectName()
        assert widget.accessibleDescription(), widget.objectName()
    # The descriptions say what the charts show, in words.
    assert "Ukraine: rejects, satisfaction" in win.charts.satisfaction.accessibleDescription()
    described = win.charts.matrix.accessibleDescription()
    assert "Ukraine: No recognition of Russian sovereignty over occupied land: crossed" \
        in described
    assert described.endswith("other red lines hold.")


def test_red_line_matrix_columns_are_named_not_numbered(
        main_window: Callable[..., MainWindow], ukraine: Scenario, qtbot: QtBot) -> None:
    from desktop.ui.plots import RedLineMatrix

    win = main_window(ukraine)
    ticks = win.charts.matrix.getAxis("bottom")._tickLevels[0]
    names = [label.replace("\n", " ") for _, label in ticks]
    assert names == [short_name(p.name) for p in ukraine.parties]
    assert not any(label.strip().isdigit() for label in names)
    # Cells big enough to read carry their red line's name (✗ first when crossed); every one
    # has its full name on hover.
    matrix = RedLineMatrix()
    qtbot.addWidget(matrix)
    matrix.resize(1000, 900)
    matrix.show()
    qtbot.waitExposed(matrix)
    matrix.show_report(ukraine, win.ws.report)
    qtbot.waitUntil(lambda: any(m.toPlainText().startswith("✗ No recognition")
                                for m in matrix.marks))
    assert matrix.cell_text(1, 0).startswith("Russia: Ukraine leaves all of Donbas")


def test_the_application_palette_is_repaired_at_start(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.look import make_readable

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        make_readable(app)
        make_readable(app)  # once is enough; twice changes nothing
        pal = app.palette()
        for ground in GROUNDS:
            assert contrast(hex_of(pal.color(Role.PlaceholderText)),
                            hex_of(pal.color(ground))) >= AA
        assert contrast(hex_of(pal.color(Role.HighlightedText)),
                        hex_of(pal.color(Role.Highlight))) >= AA
    finally:
        app.setPalette(before)


def test_kind_badges_letters_read_on_their_colour() -> None:
    """The library's round badges: a white letter (C, G, I, M, K) on the kind's colour."""
    for kind, colour in palette.KIND_COLORS.items():
        assert contrast(palette.WHITE, colour) >= AA, kind

"""The window's look in light and dark: a palette whose every text colour is readable, and the
verdict colours as text in whichever palette is current.

Qt's own palettes are kept, with two repairs: their placeholder text (used for hints, the kind
legend, the party roles and the clauses' phases) is half-transparent text, about 4:1 on a
light window, and Fusion's white-on-blue selection is 3.7:1; Accord makes the placeholder a
solid colour and darkens the selection until each keeps at least 4.5:1.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.wording import palette

Role = QPalette.ColorRole


def is_dark(pal: QPalette) -> bool:
    return pal.color(Role.Window).lightness() < 128


def hex_of(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb).upper()


def ink(colour: str, where: QWidget | QPalette) -> QColor:
    """``colour`` (a verdict colour of :mod:`desktop.wording.palette`) as words on ``where``."""
    pal = where if isinstance(where, QPalette) else where.palette()
    return QColor(palette.on_screen(colour, is_dark(pal)))


def ink_name(colour: str, where: QWidget | QPalette) -> str:
    """:func:`ink` as ``#RRGGBB``, for a style sheet."""
    return hex_of(ink(colour, where))


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() * (1 - t) + b.red() * t),
                  round(a.green() * (1 - t) + b.green() * t),
                  round(a.blue() * (1 - t) + b.blue() * t))


def readable(pal: QPalette) -> QPalette:
    """``pal`` with a solid placeholder colour that keeps 4.5:1 on its window and lists."""
    out = QPalette(pal)
    text = pal.color(Role.Text)
    grounds = [hex_of(pal.color(r)) for r in (Role.Window, Role.Base, Role.AlternateBase)]
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        base = pal.color(group, Role.Base)
        for step in range(11):  # from 55 % of the way to the ground, towards the text itself
            hint = _mix(text, base, 0.55 - step * 0.05)
            if all(palette.contrast(hex_of(hint), g) >= 4.6 for g in grounds):
                break
        out.setColor(group, Role.PlaceholderText, hint)
        # Selected rows: the highlight darkens (or lightens) until its text reads at 4.5:1.
        words, highlight = pal.color(group, Role.HighlightedText), pal.color(group, Role.Highlight)
        towards = QColor("#000000") if words.lightness() >= 128 else QColor("#FFFFFF")
        step = 0
        while palette.contrast(hex_of(words), hex_of(highlight)) < 4.6 and step < 20:
            highlight = _mix(highlight, towards, 0.06)
            step += 1
        out.setColor(group, Role.Highlight, highlight)
    return out


def dark_palette() -> QPalette:
    """A dark palette for Fusion (what a dark desktop gives Qt), e.g. for the screenshots."""
    pal = QPalette()
    window, base, text = QColor("#2B2B2B"), QColor("#1F1F1F"), QColor("#E8E8E8")
    for role, colour in (
            (Role.Window, window), (Role.WindowText, text), (Role.Base, base),
            (Role.AlternateBase, QColor("#282828")), (Role.ToolTipBase, QColor("#3A3A3A")),
            (Role.ToolTipText, text), (Role.Text, text), (Role.Button, QColor("#353535")),
            (Role.ButtonText, text), (Role.BrightText, QColor("#FF8A80")),
            (Role.Light, QColor("#4A4A4A")), (Role.Midlight, QColor("#3E3E3E")),
            (Role.Mid, QColor("#5A5A5A")), (Role.Dark, QColor("#191919")),
            (Role.Shadow, QColor("#000000")), (Role.Highlight, QColor("#3D6FB4")),
            (Role.HighlightedText, QColor("#FFFFFF")), (Role.Link, QColor("#8AB4F8")),
            (Role.LinkVisited, QColor("#C58AF9")), (Role.PlaceholderText, QColor("#A0A0A0"))):
        pal.setColor(role, colour)
    disabled = QColor("#8C8C8C")
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return readable(pal)


def make_readable(app: QApplication) -> None:
    """Repair the application's palette, at start and whenever the desktop switches between
    light and dark (the panels then repaint their words in the new palette's colours).

    Only the repaired roles are set on the application, so every other role keeps following
    the desktop's theme."""

    def repair() -> None:
        fixed = readable(app.palette())
        if fixed != app.palette():
            app.setPalette(fixed)

    repair()
    if not app.property("accordReadable"):
        app.setProperty("accordReadable", True)
        # After the switch, once Qt has installed the new theme's palette.
        app.styleHints().colorSchemeChanged.connect(lambda _s: QTimer.singleShot(0, repair))

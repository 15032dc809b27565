"""Every colour Accord paints with, as ``#RRGGBB`` strings (Qt-free).

The window and the reports wrap them: ``QColor(palette.REJECT)``, ``f"color: {palette.ACCEPT};"``
in a style sheet or in a briefing's HTML, ``palette.rgb(palette.ACCEPT)`` for pyqtgraph.
"""

from __future__ import annotations

__all__ = [
    "ACCEPT",
    "BRIDGE_EGALITARIAN",
    "BRIDGE_EGALITARIAN_EDGE",
    "BRIDGE_NASH",
    "BRIDGE_NASH_EDGE",
    "BRIDGE_POINT",
    "BRIDGE_POINT_EDGE",
    "CHART_INK",
    "CHART_TITLE",
    "CONFLICT",
    "DARK_EMPTY",
    "DARK_HOLDS",
    "EMPTY",
    "ERROR",
    "GRID",
    "HEAD_FILL",
    "HEAD_TEXT",
    "HOLDS",
    "INK",
    "KIND_COLORS",
    "LEGEND_FILL",
    "MUTED",
    "NEUTRAL",
    "PRINT_ACCEPT",
    "PRINT_REJECT",
    "REJECT",
    "RULE",
    "STALE",
    "STRIPE",
    "VIOLATION",
    "WHITE",
    "contrast",
    "on_screen",
    "rgb",
]

# -- verdicts on screen: a red line held or crossed, a party accepting or rejecting
ACCEPT = "#2E7D32"
REJECT = "#C62828"
VIOLATION = REJECT  # a crossed red line in the draft
ERROR = REJECT  # an invalid field in an editor
CONFLICT = "#E65100"  # provisions that exclude or require each other
STALE = "#8A5A00"  # a result computed for an earlier version of the draft
NEUTRAL = "#888888"  # a party without a colour of its own

# -- verdicts in print: darker, to hold up on paper and in greyscale
PRINT_ACCEPT = "#1B5E20"
PRINT_REJECT = "#B71C1C"

# -- ink and paper
INK = "#1A1A1A"
MUTED = "#555555"
GRID = "#D0D0D0"
RULE = "#9E9E9E"
HEAD_FILL = "#37474F"
HEAD_TEXT = "#FFFFFF"
STRIPE = "#F1F3F4"
WHITE = "#FFFFFF"

# -- the charts beside the draft
CHART_TITLE = "#333333"
CHART_INK = "#1E1E1E"
HOLDS = "#A5D6A7"  # a red line held, in the matrix
EMPTY = "#EEEEEE"  # no red line there

# -- the bridge panel's frontier plot
BRIDGE_POINT = "#648CC8"
BRIDGE_POINT_EDGE = "#282828"
BRIDGE_NASH = "#FFAA00"
BRIDGE_NASH_EDGE = "#783C00"
BRIDGE_EGALITARIAN = "#3CAA50"
BRIDGE_EGALITARIAN_EDGE = "#145A1E"
LEGEND_FILL = WHITE

# -- one colour per provision kind (the library's badges, each with a white letter on it)
KIND_COLORS: dict[str, str] = {
    "concession": "#8E24AA",
    "guarantee": "#1565C0",
    "incentive": "#2E7D32",
    "mechanism": "#B84A00",  # dark enough for its white letter (5.2:1)
    "commitment": "#546E7A",
}


# -- words painted in a verdict colour: on a light window darker, on a dark one lighter, so
# that each keeps at least 4.5:1 against the window, the list and the alternate rows (WCAG AA;
# tests/test_ui_contrast.py measures it). Bars, swatches and cells keep the colours above.
_TEXT_ON_LIGHT: dict[str, str] = {
    ACCEPT: "#1B5E20",
    REJECT: "#B71C1C",
    CONFLICT: "#A84300",
    STALE: "#7A5000",
    NEUTRAL: "#595959",
}
_TEXT_ON_DARK: dict[str, str] = {
    ACCEPT: "#81C784",
    REJECT: "#EF9A9A",
    CONFLICT: "#FFB74D",
    STALE: "#E0B34D",
    NEUTRAL: "#BDBDBD",
}

# -- the charts on a dark window
DARK_EMPTY = "#3A3A3A"
DARK_HOLDS = "#2E5E32"


def on_screen(colour: str, dark: bool) -> str:
    """The text colour for words in ``colour`` on a light (or ``dark``) background."""
    return (_TEXT_ON_DARK if dark else _TEXT_ON_LIGHT).get(colour, colour)


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        x = c / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#RRGGBB`` colours, from 1 to 21."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def rgb(colour: str) -> tuple[int, int, int]:
    """``"#2E7D32"`` -> ``(46, 125, 50)``, for APIs that take channels (pyqtgraph)."""
    text = colour.removeprefix("#")
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)

"""The in-app guide (Help → Getting started) and the words around the shortcut list (Qt-free).

Plain HTML, short paragraphs: what the panels are, how to drag, what satisfaction means and how
to read a party's card. The shortcut list itself is not kept here: the window lists its actions.

The constants hold the English text, marked for the catalogue one section at a time; the
functions (:func:`getting_started`, :func:`shortcuts_intro`, :func:`panel_keys`) translate.
"""

from __future__ import annotations

from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = ["GETTING_STARTED", "GUIDE_SECTIONS", "PANEL_KEYS", "SHORTCUTS_INTRO",
           "getting_started", "panel_keys", "shortcuts_intro"]

#: The guide's sections (a heading and what follows it), each one message for the translators.
GUIDE_SECTIONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Wording.guide", """<h2>Getting started</h2>
<p>Accord helps you assemble a draft agreement from a library of provisions and shows at once
which clause crosses which party's red lines, and why.</p>"""),
    QT_TRANSLATE_NOOP("Wording.guide", """<h3>The panels</h3>
<ul>
<li><b>Library</b> (left): every provision you can use, grouped by category. Type in the
search box to filter on title, id and text. The letter badge gives the kind: C concession,
G guarantee, I incentive, M mechanism, K commitment. A ✓ marks provisions already in the
draft. Select one to read its full text below the list.</li>
<li><b>Draft</b> (centre): the numbered clauses of the current draft, each with its phase,
its values filled in and its problems spelled out. Switch drafts with the list above it.</li>
<li><b>Inspector</b> (below the draft): the values, phase and note of the selected clause.
Every change can be undone.</li>
<li><b>Red lines</b> (right): one card per party, and below them charts and the bridge
finder.</li>
</ul>"""),
    QT_TRANSLATE_NOOP("Wording.guide", """<h3>Adding and arranging clauses</h3>
<p>Drag a provision from the library into the draft; a line shows where it will land. Or
select it and press Enter. Drag clauses up and down to reorder them, or press Ctrl+Up and
Ctrl+Down. Delete removes the selected clause. Edit → Undo takes back any edit.</p>"""),
    QT_TRANSLATE_NOOP("Wording.guide", """<h3>What satisfaction means</h3>
<p>Each party's satisfaction is the share of its stated preferences the draft meets, from 0%
(none) to 100% (all). It is separate from red lines: a party may be fairly satisfied and
still reject a draft that crosses one of its red lines.</p>"""),
    QT_TRANSLATE_NOOP("Wording.guide", """<h3>Reading a party's card</h3>
<ul>
<li>The first line says <b>✓ Accepts</b> or <b>✗ Rejects</b> and how many red lines are
crossed.</li>
<li>The bar gives the party's satisfaction.</li>
<li>Each crossed red line follows, with why it is crossed. Click one (or choose it with the
arrow keys and press Enter) to select the clauses behind it in the draft.</li>
</ul>
<p>Verdicts never rely on colour alone: ✓, ✗ and ⚠ and their words say the same.</p>"""),
)

#: The whole guide in English (:func:`getting_started`: in the user's language).
GETTING_STARTED = "\n" + "\n\n".join(GUIDE_SECTIONS) + "\n"

SHORTCUTS_INTRO = QT_TRANSLATE_NOOP(
    "Wording.guide", "The keys of every menu command, and the keys the panels understand.")

#: Keys handled inside a panel rather than by a menu command: (where, keys, what they do).
PANEL_KEYS: tuple[tuple[str, str, str], ...] = (
    (QT_TRANSLATE_NOOP("Wording.guide", "Library"), QT_TRANSLATE_NOOP("Wording.guide", "Enter"),
     QT_TRANSLATE_NOOP("Wording.guide", "Add the selected provisions to the draft")),
    (QT_TRANSLATE_NOOP("Wording.guide", "Draft"), QT_TRANSLATE_NOOP("Wording.guide", "Delete"),
     QT_TRANSLATE_NOOP("Wording.guide", "Remove the selected clause")),
    (QT_TRANSLATE_NOOP("Wording.guide", "Red lines"),
     QT_TRANSLATE_NOOP("Wording.guide", "Up, Down, Enter"),
     QT_TRANSLATE_NOOP("Wording.guide", "Choose a crossed red line and select its clauses")),
    (QT_TRANSLATE_NOOP("Wording.guide", "Everywhere"),
     QT_TRANSLATE_NOOP("Wording.guide", "Tab, Shift+Tab"),
     QT_TRANSLATE_NOOP("Wording.guide", "Move to the next or previous field or panel")),
    (QT_TRANSLATE_NOOP("Wording.guide", "Clause note"),
     QT_TRANSLATE_NOOP("Wording.guide", "Ctrl+Tab"),
     QT_TRANSLATE_NOOP("Wording.guide", "Type a tab character")),
)


def getting_started() -> str:
    """The guide (HTML) in the user's language."""
    sections = [translate("Wording.guide", section) for section in GUIDE_SECTIONS]
    return "\n" + "\n\n".join(sections) + "\n"


def shortcuts_intro() -> str:
    """The sentence above the list of shortcuts, in the user's language."""
    return translate("Wording.guide", SHORTCUTS_INTRO)


def panel_keys() -> list[tuple[str, str, str]]:
    """:data:`PANEL_KEYS` in the user's language: (where, keys, what they do)."""
    return [(translate("Wording.guide", where), translate("Wording.guide", keys),
             translate("Wording.guide", what)) for where, keys, what in PANEL_KEYS]

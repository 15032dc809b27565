"""The in-app guide (Help → Getting started) and the words around the shortcut list (Qt-free).

Plain HTML, short paragraphs: what the panels are, how to drag, what satisfaction means and how
to read a party's card. The shortcut list itself is not kept here: the window lists its actions.
"""

from __future__ import annotations

__all__ = ["GETTING_STARTED", "PANEL_KEYS", "SHORTCUTS_INTRO"]

GETTING_STARTED = """
<h2>Getting started</h2>
<p>Accord helps you assemble a draft agreement from a library of provisions and shows at once
which clause crosses which party's red lines, and why.</p>

<h3>The panels</h3>
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
</ul>

<h3>Adding and arranging clauses</h3>
<p>Drag a provision from the library into the draft; a line shows where it will land. Or
select it and press Enter. Drag clauses up and down to reorder them, or press Ctrl+Up and
Ctrl+Down. Delete removes the selected clause. Edit → Undo takes back any edit.</p>

<h3>What satisfaction means</h3>
<p>Each party's satisfaction is the share of its stated preferences the draft meets, from 0%
(none) to 100% (all). It is separate from red lines: a party may be fairly satisfied and
still reject a draft that crosses one of its red lines.</p>

<h3>Reading a party's card</h3>
<ul>
<li>The first line says <b>✓ Accepts</b> or <b>✗ Rejects</b> and how many red lines are
crossed.</li>
<li>The bar gives the party's satisfaction.</li>
<li>Each crossed red line follows, with why it is crossed. Click one (or choose it with the
arrow keys and press Enter) to select the clauses behind it in the draft.</li>
</ul>
<p>Verdicts never rely on colour alone: ✓, ✗ and ⚠ and their words say the same.</p>
"""

SHORTCUTS_INTRO = "The keys of every menu command, and the keys the panels understand."

#: Keys handled inside a panel rather than by a menu command: (where, keys, what they do).
PANEL_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Library", "Enter", "Add the selected provisions to the draft"),
    ("Draft", "Delete", "Remove the selected clause"),
    ("Red lines", "Up, Down, Enter", "Choose a crossed red line and select its clauses"),
    ("Everywhere", "Tab, Shift+Tab", "Move to the next or previous field or panel"),
    ("Clause note", "Ctrl+Tab", "Type a tab character"),
)

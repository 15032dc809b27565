"""Fill in the English plural forms of Accord's translation catalogue (``make translations``).

Accord is written in English, so its English catalogue translates nothing but the plural
("numerus") messages: ``tr("%n clause(s)", "", n)`` needs "%n clause" for one and
"%n clauses" for any other count. A source text written with "(s)" gets both forms here; any
other plural message is left unfinished for a person to write (tests/test_translation.py fails
until then). Forms already written are kept.

It also drops the ``<extracomment>`` notes: lupdate reads a ``#:`` comment as a note to the
translators of the next message, and Accord's ``#:`` comments document attributes (the
Sphinx convention), so the notes it gathers mislead. Usage:
python scripts/english_plurals.py FILE.ts
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MESSAGE = re.compile(r'<message numerus="yes">.*?</message>', re.DOTALL)
SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
NOTE = re.compile(r"[ \t]*<extracomment>.*?</extracomment>\n", re.DOTALL)
UNFINISHED = re.compile(r'<translation type="unfinished">\s*(?:<numerusform></numerusform>\s*)*'
                        r"</translation>", re.DOTALL)


def fill(message: str) -> str:
    """One numerus message with its English forms, when its source says "(s)"."""
    source = SOURCE.search(message)
    if source is None or "(s)" not in source.group(1) or not UNFINISHED.search(message):
        return message
    text = source.group(1)
    one, other = text.replace("(s)", ""), text.replace("(s)", "s")
    translation = ("<translation>\n"
                   f"            <numerusform>{one}</numerusform>\n"
                   f"            <numerusform>{other}</numerusform>\n"
                   "        </translation>")
    return UNFINISHED.sub(lambda _m: translation, message, count=1)


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        text = NOTE.sub("", MESSAGE.sub(lambda m: fill(m.group(0)), text))
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

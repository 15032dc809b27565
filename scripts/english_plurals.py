"""Fill in the English plural forms of Accord's translation catalogue (``make translations``).

Accord is written in English, so its English catalogue translates nothing but the plural
("numerus") messages: ``tr("%n clause(s)", "", n)`` needs "%n clause" for one and
"%n clauses" for any other count. A source text written with "(s)" or "(one/other)"
("%n part(y/ies)") gets both forms here, resolved as ``desktop.wording.translate.english``
resolves them; a plural message written without either reads the same for every count.
Forms already written (by hand, in the .ts) are kept.

lupdate marks a message as plural only for ``tr(text, "", n)``; a ``translate(context, text,
None, n)`` call (the wording's hook, the command line, ``QCoreApplication.translate``) comes
out as an ordinary message, so every message whose source holds ``%n`` is marked plural here
(``%n`` means nothing in any other message).

It also drops the ``<extracomment>`` notes: lupdate reads a ``#:`` comment as a note to the
translators of the next message, and Accord's ``#:`` comments document attributes (the
Sphinx convention), so the notes it gathers mislead. Usage:
python scripts/english_plurals.py FILE.ts
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from desktop.wording.translate import english_forms  # after the checkout is on the path

MESSAGE = re.compile(r'<message numerus="yes">.*?</message>', re.DOTALL)
PLAIN = re.compile(r"<message>(?=(?:(?!</message>).)*?<source>[^<]*%n)", re.DOTALL)
SOURCE = re.compile(r"<source>(.*?)</source>", re.DOTALL)
NOTE = re.compile(r"[ \t]*<extracomment>.*?</extracomment>\n", re.DOTALL)
# Unfinished: empty, with empty forms, or (a plural lupdate merged as a plain message on an
# earlier run) with a plain text; all are filled again from the source.
UNFINISHED = re.compile(r'<translation type="unfinished">[^<]*'
                        r"(?:<numerusform>[^<]*</numerusform>\s*)*</translation>", re.DOTALL)


def fill(message: str) -> str:
    """One numerus message with its English forms, when its source says "(s)" or
    "(one/other)"."""
    source = SOURCE.search(message)
    if source is None or not UNFINISHED.search(message):
        return message
    text = source.group(1)
    # Without "(s)" or "(one/other)" both forms read as written ("{crossed} of %n red lines").
    one, other = english_forms(text)
    translation = ("<translation>\n"
                   f"            <numerusform>{one}</numerusform>\n"
                   f"            <numerusform>{other}</numerusform>\n"
                   "        </translation>")
    return UNFINISHED.sub(lambda _m: translation, message, count=1)


def mark_plurals(text: str) -> str:
    """The catalogue with each of its ``%n`` messages marked plural."""
    return PLAIN.sub('<message numerus="yes">', text)


def main(argv: list[str]) -> int:
    for name in argv:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        text = mark_plurals(text)
        text = NOTE.sub("", MESSAGE.sub(lambda m: fill(m.group(0)), text))
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

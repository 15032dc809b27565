"""Text that is safe to print on a terminal: what a file says can never drive the terminal.

A scenario travels between teams, so every string in it (titles, names, ids, explanations)
and every file name is untrusted when it is printed. A draft titled
``"x\\n\\x1b[32mVIABLE\\x1b[0m"`` must not print a fake verdict line, an ANSI sequence must not
clear the screen or recolour the real verdict, and a right-to-left override (U+202E) must not
reverse what follows it. :func:`terminal_safe` shows each such character as a visible escape
(``\\n``, ``\\x1b``, ``\\u202e``) instead; everything else, including non-Latin scripts and
emoji, is printed as it is. Backslashes are left alone (Windows paths stay readable), so the
escaping is for reading, not a reversible encoding.

File names that are not valid UTF-8 reach Python with their bad bytes as lone surrogates
(``os.fsdecode``'s ``surrogateescape``); printing one would raise ``UnicodeEncodeError``. They are
shown as the byte they stand for (``\\xff``).

:func:`json_terminal_safe` does the same for JSON text without changing its meaning: the
characters are written as JSON ``\\uXXXX`` escapes, so a parser reads exactly the same values.

Every print path of the ``accord`` command uses these two functions.
"""

from __future__ import annotations

import re

#: Bidirectional formatting characters: embeddings, overrides, isolates and marks. They reorder
#: the text around them on screen (the "Trojan Source" trick).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: What a terminal must never see raw: C0 controls (with newline and tab), DEL, C1 controls
#: (U+009B is an 8-bit CSI), the line and paragraph separators, bidi controls, and lone
#: surrogates (undecodable bytes of file names; not encodable in UTF-8).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def terminal_safe(text: object) -> str:
    """``str(text)`` with every control, bidi and undecodable character shown as an escape.

    Use it on each untrusted field (a title, a name, a path, a message built from them) before
    it is printed; the result is always one line and always encodable as UTF-8.
    """
    return _UNSAFE.sub(_escape, str(text))


_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029" + "".join(sorted(BIDI_CONTROLS)) + "\ud800-\udfff]"
)


def json_terminal_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the characters
    :func:`terminal_safe` escapes written as ``\\uXXXX``. ``json.dumps`` already escapes C0
    controls; such characters can only occur inside JSON strings, so the values a parser reads
    are unchanged (a lone surrogate stays the same lone surrogate)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

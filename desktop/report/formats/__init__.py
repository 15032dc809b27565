"""Briefings in other formats than PDF: Word (.docx), OpenDocument (.odt), HTML and Markdown.

:func:`write_briefing` picks the format from the file's extension. Every format is made from the
same :class:`~desktop.report.sheets.Sheet` the PDF is printed from, read back into plain text
runs by :mod:`desktop.report.formats.model`, so user text stays text in every format: no images,
links or external references come from it (the charts are pictures Accord paints).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.report.sheets import Sheet
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

#: Extension -> what the file dialog and the messages call it (English; in the user's
#: language: :func:`format_name`).
FORMATS: dict[str, str] = {
    ".pdf": QT_TRANSLATE_NOOP("Report.formats", "PDF"),
    ".docx": QT_TRANSLATE_NOOP("Report.formats", "Word document"),
    ".odt": QT_TRANSLATE_NOOP("Report.formats", "OpenDocument text"),
    ".html": QT_TRANSLATE_NOOP("Report.formats", "Web page"),
    ".md": QT_TRANSLATE_NOOP("Report.formats", "Markdown"),
}
#: Spellings that mean one of the formats.
ALIASES = {".htm": ".html", ".markdown": ".md"}


class UnknownFormat(ValueError):
    """A file name whose extension is none of :data:`FORMATS`."""


def format_name(fmt: str) -> str:
    """What a format (a key of :data:`FORMATS`) is called, in the user's language."""
    return translate("Report.formats", FORMATS[fmt])


def format_of(path: Path | str) -> str:
    """The format (a key of :data:`FORMATS`) a file name asks for; :class:`UnknownFormat`
    otherwise, with a message that lists the formats."""
    suffix = Path(os.fspath(path)).suffix.lower()
    suffix = ALIASES.get(suffix, suffix)
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        if suffix:
            message = translate("Report.formats", "cannot write a briefing as '{extension}': "
                                                  "the file name must end in one of {known}")
        else:
            message = translate("Report.formats", "cannot write a briefing as no extension: "
                                                  "the file name must end in one of {known}")
        raise UnknownFormat(message.format(extension=suffix, known=known))
    return suffix


def briefing_bytes(sheet: Sheet, fmt: str, paper: str = "a4") -> tuple[bytes, int | None]:
    """The sheet in format ``fmt`` (a key of :data:`FORMATS`) and, for a PDF, its page count
    (the other formats are paginated by whatever opens them)."""
    if fmt == ".pdf":
        from desktop.report.render import pdf_bytes

        return pdf_bytes(sheet, paper)
    if fmt == ".docx":
        from desktop.report.formats.docx import docx_bytes

        return docx_bytes(sheet, paper), None
    if fmt == ".odt":
        from desktop.report.formats.odt import odt_bytes

        return odt_bytes(sheet, paper), None
    if fmt == ".html":
        from desktop.report.formats.html import html_bytes

        return html_bytes(sheet, paper), None
    if fmt == ".md":
        from desktop.report.formats.markdown import markdown_bytes

        return markdown_bytes(sheet), None
    raise UnknownFormat(fmt)


def write_briefing(sheet: Sheet, path: Path | str, paper: str = "a4") -> int | None:
    """Write the sheet to ``path`` in the format its extension names, atomically; the page
    count for a PDF, else None. :class:`UnknownFormat` (nothing written) for another extension;
    :class:`desktop.store.DocumentError` when the file cannot be written."""
    from desktop.store import write_atomic

    fmt = format_of(path)
    data, pages = briefing_bytes(sheet, fmt, paper)
    write_atomic(Path(os.fspath(path)), data)
    return pages

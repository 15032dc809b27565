"""A sheet as a document outline: headings, paragraphs, tables, charts and page breaks.

The sheets (:mod:`desktop.report.sheets`) hold HTML fragments made of escaped user text and a
small fixed set of tags. :func:`outline` reads them back with :class:`html.parser.HTMLParser`
into plain-text runs (bold, italic and a colour kept; every other tag dropped, its text kept),
so the DOCX, ODT, HTML and Markdown writers never pass user text on as markup: they write runs
of text, each escaped or stored as text in its own way. This module imports no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from desktop.report.sheets import Bar, Block, Chart, Sheet
from desktop.wording.translate import translate

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)px")
# Characters XML 1.0 cannot hold (DOCX and ODT are XML): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the control characters no XML file can hold."""
    return _NOT_XML.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class Run:
    """Plain text in one style; ``"\\n"`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None  # "#rrggbb"
    size: float | None = None  # px at 96 dpi


@dataclass(slots=True)
class Paragraph:
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # 0 body text, 1-3 a heading
    page_break: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(slots=True)
class Cell:
    runs: list[Run] = field(default_factory=list)
    fill: str | None = None  # background "#rrggbb"

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(slots=True)
class Table:
    widths: list[float]  # per cent of the text width
    header: list[Cell] | None  # repeated atop every page the table runs onto
    rows: list[list[Cell]] = field(default_factory=list)
    page_break: bool = False

    @property
    def columns(self) -> int:
        return len(self.widths)


@dataclass(slots=True)
class Figure:
    chart: Chart
    page_break: bool = False


Element = Paragraph | Table | Figure


# --------------------------------------------------------------------------- parsing one block


@dataclass(slots=True)
class _Style:
    bold: bool = False
    italic: bool = False
    color: str | None = None
    size: float | None = None
    fill: str | None = None


def _styled(base: _Style, tag: str, attrs: dict[str, str]) -> _Style:
    style = _Style(base.bold, base.italic, base.color, base.size, None)
    css = attrs.get("style", "").lower()
    if tag in ("b", "strong", "th") or re.search(r"font-weight\s*:\s*(bold|[6-9]00)", css):
        style.bold = True
    if tag in ("i", "em") or re.search(r"font-style\s*:\s*italic", css):
        style.italic = True
    color = re.search(r"(?<![-\w])color\s*:\s*(#[0-9a-f]{6})", css)
    if color:
        style.color = color.group(1)
    size = _SIZE.search(css)
    if size:
        style.size = float(size.group(1))
    fill = re.search(r"background(?:-color)?\s*:\s*(#[0-9a-f]{6})", css) or (
        re.fullmatch(r"#[0-9a-f]{6}", attrs.get("bgcolor", "").lower()))
    if fill:
        style.fill = fill.group(1) if fill.lastindex else fill.group(0)
    return style


class _BlockParser(HTMLParser):
    """One block's HTML: paragraphs outside tables, rows of cells inside them."""

    _VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "col"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, _Style]] = [("", _Style())]
        self.paragraphs: list[Paragraph] = []
        self.rows: list[list[Cell]] = []
        self.widths: list[float] = []
        self.heading: int = 0
        self._cell: Cell | None = None
        self._para: Paragraph | None = None

    @property
    def style(self) -> _Style:
        return self.stack[-1][1]

    def _target(self) -> list[Run]:
        if self._cell is not None:
            return self._cell.runs
        if self._para is None:
            self._para = Paragraph()
            self.paragraphs.append(self._para)
        return self._para.runs

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        if tag == "br":
            self._target().append(Run("\n"))
            return
        if tag in self._VOID:
            return
        style = _styled(self.style, tag, attrs)
        if tag in ("h1", "h2", "h3"):
            style.bold = True
            self.heading = int(tag[1])
        if tag in ("p", "div", "h1", "h2", "h3") and self._cell is None:
            self._para = None
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self._cell = Cell(fill=style.fill or self.stack[-1][1].fill)
            self.rows[-1].append(self._cell)
            if len(self.rows) == 1:
                width = re.fullmatch(r"(\d+(?:\.\d+)?)%?", attrs.get("width", "").strip())
                self.widths.append(float(width.group(1)) if width else 0.0)
        elif tag == "tr" or tag == "table":
            pass
        self.stack.append((tag, style))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in self._VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._VOID or not any(t == tag for t, _ in self.stack[1:]):
            return
        while self.stack[-1][0] != tag:
            self.stack.pop()
        self.stack.pop()
        if tag in ("td", "th"):
            self._cell = None
        elif tag in ("p", "div", "h1", "h2", "h3") and self._cell is None:
            self._para = None

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split()) if data.strip() else (" " if data else "")
        if data[:1].isspace() and text and not text.startswith(" "):
            text = " " + text
        if data[-1:].isspace() and text and not text.endswith(" "):
            text += " "
        if not text:
            return
        s = self.style
        self._target().append(Run(clean(text), s.bold, s.italic, s.color, s.size))


def _tidy(runs: list[Run]) -> list[Run]:
    """Runs without the white space at the ends of lines; neighbours of one style merged."""
    out: list[Run] = []
    for run in runs:
        if out and run.text != "\n" and out[-1].text != "\n" and (
                (out[-1].bold, out[-1].italic, out[-1].color, out[-1].size)
                == (run.bold, run.italic, run.color, run.size)):
            prev = out.pop()
            run = Run(prev.text + run.text, run.bold, run.italic, run.color, run.size)
        out.append(run)
    lines: list[Run] = []
    for i, run in enumerate(out):
        text = run.text
        if text != "\n":
            if i == 0 or out[i - 1].text == "\n":
                text = text.lstrip()
            if i == len(out) - 1 or out[i + 1].text == "\n":
                text = text.rstrip()
        if text:
            lines.append(Run(text, run.bold, run.italic, run.color, run.size))
    while lines and lines[-1].text == "\n":
        lines.pop()
    return lines


def _heading_level(block: Block, para: Paragraph, explicit: int) -> int:
    """1-3 for a heading: an <h1>-<h3>, or one bold paragraph in a large font that is kept
    with what follows it (or is the title, at 20 px and more)."""
    if explicit:
        return explicit
    runs = [r for r in para.runs if r.text.strip() and r.text != "\n"]
    if not runs or not all(r.bold for r in runs):
        return 0
    size = min(r.size or 0.0 for r in runs)
    if size < 14 or not (block.keep_with_next or size >= 20):
        return 0
    return 1 if size >= 20 else 2 if size >= 16 else 3


def _parse(block: Block) -> tuple[list[Paragraph], list[float], list[list[Cell]]]:
    parser = _BlockParser()
    parser.feed(block.html)
    parser.close()
    paragraphs = []
    for para in parser.paragraphs:
        para.runs = _tidy(para.runs)
        if para.runs:
            para.level = _heading_level(block, para, parser.heading)
            paragraphs.append(para)
    for row in parser.rows:
        for cell in row:
            cell.runs = _tidy(cell.runs)
    rows = [row for row in parser.rows if row]
    return paragraphs, parser.widths, rows


def _widths(widths: list[float], columns: int) -> list[float]:
    given = [w for w in widths[:columns] if w > 0]
    if len(given) != columns or not given:
        return [100.0 / columns] * columns
    total = sum(given)
    return [100.0 * w / total for w in given]


# --------------------------------------------------------------------------- the outline


def outline(sheet: Sheet) -> list[Element]:
    """The sheet's items as headings, paragraphs, tables (a header and its rows joined into
    one table; consecutive header-less rows of as many columns too) and figures."""
    out: list[Element] = []
    tables: dict[int, Table] = {}  # id(header block) -> its table
    for item in sheet.items:
        if isinstance(item, Chart):
            out.append(Figure(item, item.page_break_before))
            continue
        paragraphs, widths, rows = _parse(item)
        if rows:
            _add_rows(out, tables, item, widths, rows)
        for n, para in enumerate(paragraphs):
            para.page_break = item.page_break_before and n == 0 and not rows
            out.append(para)
    return out


def _add_rows(out: list[Element], tables: dict[int, Table], block: Block, widths: list[float],
              rows: list[list[Cell]]) -> None:
    columns = max(len(r) for r in rows)
    rows = [r + [Cell() for _ in range(columns - len(r))] for r in rows]
    last = out[-1] if out else None
    if block.header is not None:
        table = tables.get(id(block.header))
        if table is not None and last is table:
            table.rows.extend(rows)
            return
    if block.keep_with_next and block.header is None and len(rows) == 1:
        # A table's header row: the rows that name it as their header follow.
        table = Table(_widths(widths, columns), rows[0], [], block.page_break_before)
        tables[id(block)] = table
        out.append(table)
        return
    if (isinstance(last, Table) and last.header is None and block.header is None
            and last.columns == columns and not block.page_break_before):
        last.rows.extend(rows)
        return
    out.append(Table(_widths(widths, columns), None, rows, block.page_break_before))


def chart_rows(bars: Iterable[Bar]) -> Iterator[tuple[str, str, str]]:
    """A chart's bars as text: party, satisfaction, verdict."""
    from desktop.wording import percent

    for bar in bars:
        shown = percent(bar.satisfaction,
                        missing=translate("Report.model", "no preferences stated"))
        if bar.no_deal is not None:
            shown = translate("Report.model", "{satisfaction} (no deal {no_deal})").format(
                satisfaction=shown, no_deal=percent(bar.no_deal))
        yield (bar.label, shown,
               "◐ " + translate("Report.model", "accepts on conditions") if bar.conditional else
               "✓ " + translate("Report.model", "accepts") if bar.acceptable else
               "✗ " + translate("Report.model", "rejects"))


def page_parts() -> list[str]:
    """The footer's "Page {page} of {pages}" in the user's language, cut before and after
    each placeholder: ``["Page ", "{page}", " of ", "{pages}"]`` (texts and the fields a
    word processor fills in, in the translation's order)."""
    from desktop.report.sheets import page_of

    return [part for part in re.split(r"(\{page\}|\{pages\})", page_of()) if part]


def chart_head() -> tuple[str, str, str]:
    """The heads of a chart's table (:func:`chart_rows`)."""
    return (translate("Report.model", "Party"), translate("Report.model", "Satisfaction"),
            translate("Report.model", "Verdict"))

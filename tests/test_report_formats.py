"""Briefings as Word, OpenDocument, HTML and Markdown (issue 14, "Formats"): each written for
the full briefing of the default scenario and read back (python-docx; html.parser; the
Markdown's tables; the ODT's content.xml); the format picked by the extension, an unknown one
refused by the CLI with one line and nothing written."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.domain import Scenario, check
from desktop.report import full_sheet
from desktop.report.formats import FORMATS, UnknownFormat, format_of, write_briefing
from desktop.report.formats.markdown import escape
from desktop.report.formats.model import Paragraph, Table, outline
from desktop.report.sheets import Block, Chart, Sheet
from desktop.resources import default_scenario_path

pytestmark = pytest.mark.usefixtures("qapp")

MARKING = "DRAFT - NOT FOR DISTRIBUTION"


def breaks(sheet: Sheet) -> int:
    """How many page breaks the sheet asks for."""
    return sum(item.page_break_before for item in sheet.items)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sheet(ukraine: Scenario) -> Sheet:
    return full_sheet(ukraine, ukraine.draft("us-28"), date="2025-12-20")


@pytest.fixture(scope="module")
def red_lines(ukraine: Scenario) -> list[str]:
    """The titles of the red lines the draft crosses (each printed in its party's section)."""
    report = check(ukraine, ukraine.draft("us-28"))
    titles = [flat(x.title) for v in report.parties for x in v.violations]
    assert len(titles) >= 10
    return titles


@pytest.fixture(scope="module")
def written(sheet: Sheet, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    out = {}
    for ext in FORMATS:
        path = folder / f"full{ext}"
        pages = write_briefing(sheet, path)
        assert (pages is not None) == (ext == ".pdf")
        out[ext] = path
    return out


# --------------------------------------------------------------------------- the outline


def test_outline_joins_table_rows_under_their_header_and_finds_headings(sheet: Sheet) -> None:
    elements = outline(sheet)
    headings = [e for e in elements if isinstance(e, Paragraph) and e.level]
    assert {1, 2} <= {e.level for e in headings}
    tables = [e for e in elements if isinstance(e, Table) and e.header is not None]
    (verdicts,) = [t for t in tables if [c.text for c in t.header or []] == [
        "Party", "Verdict", "Red lines crossed", "Satisfaction"]]
    assert len(verdicts.rows) == 5
    assert all(len(row) == t.columns for t in tables for row in t.rows)
    assert sum(e.page_break for e in elements) == breaks(sheet) >= 1


def test_format_of_the_extension() -> None:
    assert format_of("a/b.DOCX") == ".docx"
    assert format_of("b.htm") == ".html"
    assert format_of("b.markdown") == ".md"
    for bad in ("b.txt", "b", "b.pdf.exe", "b.doc"):
        with pytest.raises(UnknownFormat, match=r"\.pdf, \.docx, \.odt, \.html, \.md"):
            format_of(bad)


# --------------------------------------------------------------------------- DOCX


def docx_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return flat(" ".join(parts))


def test_docx_has_headings_tables_page_breaks_header_and_footer(
        written: dict[str, Path], sheet: Sheet, ukraine: Scenario, red_lines: list[str]) -> None:
    document = docx.Document(str(written[".docx"]))
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    assert styles.count("Heading 1") >= len(ukraine.parties) + 1
    assert "Heading 2" in styles
    for party in ukraine.parties:
        assert any(p.text == f"Party briefing: {party.name}" and p.style is not None
                   and p.style.name == "Heading 1" for p in document.paragraphs)
    text = docx_text(document)
    for title in red_lines:
        assert title in text, title
    assert len(document.tables) >= 10
    assert any([c.text for c in t.rows[0].cells] == [
        "Party", "Verdict", "Red lines crossed", "Satisfaction"] for t in document.tables)
    for table in document.tables:  # a header row repeats on every page the table runs onto
        first = table.rows[0]._tr
        if first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None:
            break
    else:
        pytest.fail("no table repeats its header row")
    page_breaks = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(page_breaks) == breaks(sheet)
    section = document.sections[0]
    assert section.page_width is not None
    assert round(section.page_width.mm) == 210
    marking, head = (p.text for p in section.header.paragraphs)
    assert marking == MARKING  # centred on its own line, above the running head
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert head == sheet.running_head
    foot = section.footer.paragraphs[0]
    assert MARKING in foot.text
    assert "Prepared 2025-12-20" in foot.text
    instr = [f.get(qn("w:instr")) for f in foot._p.iter(qn("w:fldSimple"))]
    assert instr == ["PAGE", "NUMPAGES"]
    charts = sum(isinstance(i, Chart) for i in sheet.items)
    assert len(document.inline_shapes) == charts
    assert document.core_properties.title == sheet.title


# --------------------------------------------------------------------------- HTML


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(path: Path) -> Tags:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def check_html_loads_nothing(parser: Tags, charts: int) -> None:
    """No script, no link, nothing loaded from outside: the only images are the charts'
    data: URIs."""
    names = [t for t, _ in parser.tags]
    for forbidden in ("script", "a", "link", "iframe", "object", "embed", "base", "form"):
        assert forbidden not in names, forbidden
    assert names.count("style") == 1
    images = [a for t, a in parser.tags if t == "img"]
    assert len(images) == charts
    for attrs in images:
        assert attrs["src"].startswith("data:image/png;base64,")
    for tag, attrs in parser.tags:
        assert "href" not in attrs, tag
        assert not any(k.startswith("on") for k in attrs), tag
        assert "url(" not in attrs.get("style", ""), tag
        if tag != "img":
            assert "src" not in attrs, tag


def test_html_is_self_contained_and_holds_everything(
        written: dict[str, Path], sheet: Sheet, ukraine: Scenario, red_lines: list[str]) -> None:
    raw = written[".html"].read_text(encoding="utf-8")
    assert raw.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in raw
    assert "Content-Security-Policy" in raw
    assert "@media print" in raw
    assert "url(" not in raw.split("</style>")[0]
    assert "http://" not in raw
    assert "https://" not in raw
    parser = parse_html(written[".html"])
    check_html_loads_nothing(parser, sum(isinstance(i, Chart) for i in sheet.items))
    text = flat(" ".join(parser.text))
    for title in red_lines:
        assert title in text, title
    h1 = [t for t, _ in parser.tags].count("h1")
    assert h1 >= len(ukraine.parties) + 1
    assert [t for t, _ in parser.tags].count("thead") >= 10
    assert raw.count('class="page-break"') == breaks(sheet)


# --------------------------------------------------------------------------- Markdown


def cells(line: str) -> list[str]:
    """A GitHub table row's cells: split at the pipes that are not escaped."""
    assert line.startswith("| "), line
    assert line.endswith(" |"), line
    return re.split(r"(?<!\\)\|", line[1:-1])


def md_tables(text: str) -> list[list[str]]:
    tables: list[list[str]] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_markdown_tables_are_well_formed(written: dict[str, Path], red_lines: list[str],
                                         ukraine: Scenario) -> None:
    text = written[".md"].read_text(encoding="utf-8")
    tables = md_tables(text)
    assert len(tables) >= 10
    for table in tables:
        width = len(cells(table[0]))
        assert re.fullmatch(r"\|( -*:?-+:? \|)+", table[1]), table[1]
        for line in table:
            assert len(cells(line)) == width, line
    plain = flat(unescape(text.replace("**", "").replace("<br>", " ")))
    for title in red_lines:
        assert title in plain, title
    headings = [line for line in text.splitlines() if line.startswith("# ")]
    assert len(headings) >= len(ukraine.parties) + 1
    assert "*Satisfaction by party*" in text  # the chart, as a table of its values


def test_markdown_escapes_what_would_be_markup() -> None:
    assert escape("a | b") == r"a \| b"
    assert escape("<img src=x>") == r"\<img src=x\>"
    assert escape("[x](https://e.invalid)") == r"\[x\](https\://e.invalid)"
    assert escape("![i](y)") == r"\!\[i\](y)"
    assert escape("- item\n1. first") == "\\- item\n1\\. first"
    assert escape("mail a@b.invalid or www.x.invalid") == r"mail a\@b.invalid or www\.x.invalid"
    assert escape("**b** _i_ `c`") == r"\*\*b\*\* \_i\_ \`c\`"


# --------------------------------------------------------------------------- ODT


def odt_text(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as odt:
        mimetype = odt.read("mimetype").decode("ascii")
        content = odt.read("content.xml")
    root = ElementTree.fromstring(content)
    return mimetype, flat(" ".join(root.itertext()))


def test_odt_is_a_zip_with_the_content(written: dict[str, Path], sheet: Sheet,
                                       ukraine: Scenario, red_lines: list[str]) -> None:
    mimetype, text = odt_text(written[".odt"])
    assert mimetype == "application/vnd.oasis.opendocument.text"
    assert flat(ukraine.title) in text
    for party in ukraine.parties:
        assert f"Party briefing: {party.name}" in text
    for title in red_lines:
        assert title in text, title
    with zipfile.ZipFile(written[".odt"]) as odt:
        pictures = [n for n in odt.namelist() if n.startswith("Pictures/")]
        content = odt.read("content.xml").decode("utf-8")
    assert len(pictures) == sum(isinstance(i, Chart) for i in sheet.items)
    assert 'fo:break-before="page"' in content


# --------------------------------------------------------------------------- the CLI


@pytest.mark.parametrize("ext", [".docx", ".odt", ".html", ".md"])
def test_cli_writes_each_format(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"brief{ext}"
    stdout = io.StringIO()
    rc = main(["brief", str(default_scenario_path()), "--draft", "us-28", "-o", str(out)],
              out=stdout)
    assert rc == 1  # not viable, as for check
    assert stdout.getvalue().startswith(f"{out}: {FORMATS[ext]}; Not viable")
    assert out.stat().st_size > 1000


@pytest.mark.parametrize("name", ["brief.txt", "brief", "brief.doc", "brief.pdf.exe"])
def test_cli_refuses_an_unknown_extension_with_one_line(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    rc = main(["brief", str(default_scenario_path()), "-o", str(out)], out=io.StringIO())
    assert rc == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert str(out) in err
    assert ".pdf, .docx, .odt, .html, .md" in err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_outline_keeps_text_that_looks_like_markup_as_text() -> None:
    block = Block('<p style="font-size:13px; color:#123456;">&lt;b&gt;x&lt;/b&gt; a | b '
                  "<b>bold</b><br/><i>it</i></p>")
    sheet = Sheet("t", "head", "", "2025-01-01", (block,))
    (para,) = outline(sheet)
    assert isinstance(para, Paragraph)
    assert para.text == "<b>x</b> a | b bold\nit"
    assert [(r.bold, r.italic, r.color) for r in para.runs] == [
        (False, False, "#123456"), (True, False, "#123456"), (False, False, None),
        (False, True, "#123456")]


# --------------------------------------------------------------------------- File → Export


def test_export_filters_name_every_format() -> None:
    from desktop.ui.briefing import EXPORT_FILTERS, export_path

    assert list(EXPORT_FILTERS) == list(FORMATS)
    assert export_path("/x/brief", EXPORT_FILTERS[".docx"]) == Path("/x/brief.docx")
    assert export_path("/x/brief.MD", EXPORT_FILTERS[".docx"]) == Path("/x/brief.MD")
    assert export_path("/x/brief.v2", EXPORT_FILTERS[".odt"]) == Path("/x/brief.v2.odt")
    assert export_path("/x/brief", "") == Path("/x/brief.pdf")


def test_file_export_writes_the_format_of_the_chosen_name(
        ukraine: Scenario, tmp_path: Path, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.briefing import BriefingActions, BriefingOptions
    from desktop.ui.workspace import Workspace

    class Scripted(BriefingActions):
        chosen: Path | None = None
        suggested: list[Path] = []  # noqa: RUF012 -- one instance per test
        errors: list[str] = []  # noqa: RUF012

        def choose_options(self, title: str) -> BriefingOptions | None:
            return BriefingOptions(kind="party", party="turkey", marking="EYES ONLY")

        def choose_path(self, suggested: Path) -> Path | None:
            self.suggested.append(suggested)
            return self.chosen

        def show_error(self, message: str) -> None:
            self.errors.append(message)

    window = QWidget()
    qtbot.addWidget(window)
    ws = Workspace(ukraine, window)
    ws.switch_draft("us-28")
    actions = Scripted(ws, window)
    actions.chosen = tmp_path / "turkey.docx"
    with qtbot.waitSignal(actions.status) as blocker:
        assert actions.export_pdf() == actions.chosen
    assert blocker.args == ["Exported turkey.docx (Word document)"]
    assert actions.suggested[-1].suffix == ".pdf"
    document = docx.Document(str(actions.chosen))
    assert "Party briefing: Turkey" in docx_text(document)
    assert "EYES ONLY" in document.sections[0].header.paragraphs[0].text
    actions.chosen = tmp_path / "turkey.md"
    assert actions.export_pdf() == actions.chosen
    assert actions.suggested[-1].suffix == ".docx"  # the last format is the next default
    assert "Party briefing: Turkey" in actions.chosen.read_text(encoding="utf-8")
    actions.chosen = tmp_path / "turkey.txt"  # a script's choose_path may return anything
    assert actions.export_pdf() is None
    assert len(actions.errors) == 1
    assert ".pdf, .docx" in actions.errors[0]
    assert not actions.chosen.exists()


def test_pipes_and_line_breaks_in_table_cells_keep_markdown_rows_whole() -> None:
    from desktop.report.formats.markdown import markdown_document

    head = Block('<table><tr><td width="30%">Name</td><td width="70%">Text</td></tr></table>',
                 keep_with_next=True)
    row = Block("<table><tr><td>a | b</td><td>line&lt;br&gt; one<br/>| two |</td></tr></table>",
                header=head)
    text = markdown_document(Sheet("t", "head", "", "2025-01-01", (head, row, row)))
    (table,) = md_tables(text)
    assert table[0] == "| Name | Text |"
    assert table[2] == r"| a \| b | line\<br\> one<br>\| two \| |"
    assert all(len(cells(line)) == 2 for line in table)
    assert len(table) == 4


def test_odt_tables_repeat_their_header_rows(written: dict[str, Path]) -> None:
    with zipfile.ZipFile(written[".odt"]) as odt:
        content = odt.read("content.xml").decode("utf-8")
    assert content.count("<table:table-header-rows>") >= 10
    assert 'fo:font-size="-1pt"' not in content  # sizes in points
    assert "style:text-position" not in content


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx_and_odt(written: dict[str, Path], sheet: Sheet,
                                            tmp_path: Path) -> None:
    """What a reader sees: both files converted to PDF by LibreOffice, every page there, the
    memo and the party sections readable."""
    from pypdf import PdfReader

    for ext in (".docx", ".odt"):
        source = tmp_path / f"brief{ext}"
        source.write_bytes(written[ext].read_bytes())
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "pdf", "--outdir", str(tmp_path / ext[1:]),
                        str(source)], check=True, capture_output=True, timeout=180)
        reader = PdfReader(tmp_path / ext[1:] / "brief.pdf")
        assert 5 <= len(reader.pages) <= 30, ext
        text = flat(" ".join(p.extract_text() or "" for p in reader.pages))
        assert "Party briefing: Ukraine" in text, ext
        assert MARKING in text, ext
        if ext == ".docx":  # Word's page fields, filled in
            assert f"Page 1 of {len(reader.pages)}" in text

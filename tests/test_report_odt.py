"""The OpenDocument briefing read back as a zip of XML (issue 14): real headings (``text:h``
with outline levels, on the styles Heading 1-3, as LibreOffice's navigator lists them), the
marking in every page's header and footer (the master page in styles.xml), the paper size,
rows kept whole, and user text escaped in all of it."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from desktop.domain import Scenario
from desktop.report.formats.model import Paragraph, outline
from desktop.report.formats.odt import odt_bytes
from desktop.report.sheets import Sheet, full_sheet, party_sheet

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
HOSTILE = 'EYES <b>ONLY</b> & "Q" <img src=x onerror=alert(1)>'


def q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def text_of(el: ElementTree.Element) -> str:
    return " ".join("".join(el.itertext()).split())


@pytest.fixture(scope="module")
def sheet(ukraine: Scenario) -> Sheet:
    return full_sheet(ukraine, ukraine.draft("twenty-point"), date="2025-12-20",
                      time_limit=None)


@pytest.fixture(scope="module")
def odt(sheet: Sheet) -> bytes:
    return odt_bytes(sheet)


def parts(data: bytes) -> tuple[zipfile.ZipFile, ElementTree.Element, ElementTree.Element]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return (z, ElementTree.fromstring(z.read("content.xml")),
            ElementTree.fromstring(z.read("styles.xml")))


def test_the_package_is_well_formed(odt: bytes) -> None:
    z, _content, _styles = parts(odt)
    first = z.infolist()[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert z.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    manifest = ElementTree.fromstring(z.read("META-INF/manifest.xml"))
    listed = {e.get(q("manifest", "full-path")) for e in manifest}
    assert {"/", "content.xml", "styles.xml", "meta.xml"} <= listed
    assert z.namelist().count("styles.xml") == 1
    assert z.testzip() is None


def test_the_title_is_in_the_metadata(odt: bytes, sheet: Sheet) -> None:
    z, _content, _styles = parts(odt)
    meta = ElementTree.fromstring(z.read("meta.xml"))
    titles = [el.text for el in meta.iter("{http://purl.org/dc/elements/1.1/}title")]
    assert titles == [sheet.title]


def test_headings_are_text_h_with_outline_levels(odt: bytes, sheet: Sheet) -> None:
    _z, content, styles = parts(odt)
    body = content.find(f"{q('office', 'body')}/{q('office', 'text')}")
    assert body is not None
    found = [(int(h.get(q("text", "outline-level"), "0")), text_of(h))
             for h in body.iter(q("text", "h"))]
    expected = [(e.level, " ".join("".join(r.text for r in e.runs).split()))
                for e in outline(sheet) if isinstance(e, Paragraph) and e.level]
    assert found == expected
    assert (1, "Memorandum") in found
    assert (2, "Bottom line") in found
    assert (2, "Recommendation") in found
    assert (1, "Party briefing: Ukraine") in found
    assert {level for level, _ in found} >= {1, 2}
    # No heading is left as a plain paragraph (outside tables, whose cells may say "Verdict").
    plain = {text_of(p) for p in body.findall(q("text", "p"))}
    assert not plain & {title for _, title in expected}

    # Each heading's style builds on Heading N, which styles.xml defines with its level.
    automatic = {s.get(q("style", "name")): s for s in content.iter(q("style", "style"))}
    for h in body.iter(q("text", "h")):
        level = h.get(q("text", "outline-level"))
        style = automatic[h.get(q("text", "style-name"))]
        assert style.get(q("style", "parent-style-name")) == f"Heading_20_{level}"
    named = {s.get(q("style", "name")): s for s in styles.iter(q("style", "style"))}
    for level in ("1", "2", "3"):
        heading = named[f"Heading_20_{level}"]
        assert heading.get(q("style", "default-outline-level")) == level
        assert heading.get(q("style", "display-name")) == f"Heading {level}"


def master(styles: ElementTree.Element) -> ElementTree.Element:
    pages = list(styles.iter(q("style", "master-page")))
    assert len(pages) == 1
    assert pages[0].get(q("style", "name")) == "Standard"  # every page of the body uses it
    return pages[0]


def test_the_marking_is_in_every_pages_header_and_footer(odt: bytes, sheet: Sheet) -> None:
    _z, content, styles = parts(odt)
    page = master(styles)
    header, footer = page.find(q("style", "header")), page.find(q("style", "footer"))
    assert header is not None
    assert footer is not None
    lines = [text_of(p) for p in header.iter(q("text", "p"))]
    assert lines == [sheet.marking, " ".join(sheet.running_head.split())]
    foot = text_of(footer)
    assert foot.startswith("Prepared 2025-12-20")
    assert sheet.marking in foot
    assert footer.find(f".//{q('text', 'page-number')}") is not None
    assert footer.find(f".//{q('text', 'page-count')}") is not None
    assert "Page 1 of 1" in foot  # the fields' placeholders, filled in by the reader
    # The running head and date no longer stand in the body as its first and last lines.
    body = content.find(f"{q('office', 'body')}/{q('office', 'text')}")
    assert body is not None
    paragraphs = [text_of(p) for p in body.iter(q("text", "p")) if text_of(p)]
    assert not paragraphs[-1].startswith("Prepared ")
    assert sheet.running_head not in paragraphs[0]


def test_the_page_layout_follows_the_paper(sheet: Sheet) -> None:
    for paper, size in (("a4", ("210mm", "297mm")), ("letter", ("215.9mm", "279.4mm"))):
        _z, _content, styles = parts(odt_bytes(sheet, paper))
        layout_name = master(styles).get(q("style", "page-layout-name"))
        layouts = {lay.get(q("style", "name")): lay
                   for lay in styles.iter(q("style", "page-layout"))}
        props = layouts[layout_name].find(q("style", "page-layout-properties"))
        assert props is not None
        assert (props.get(q("fo", "page-width")), props.get(q("fo", "page-height"))) == size
        assert props.get(q("fo", "margin-left")) == "15mm"


def test_no_table_row_is_split_across_pages(odt: bytes) -> None:
    _z, content, _styles = parts(odt)
    rows = list(content.iter(q("table", "table-row")))
    assert len(rows) > 20
    keep = {s.get(q("style", "name")) for s in content.iter(q("style", "style"))
            if (p := s.find(q("style", "table-row-properties"))) is not None
            and p.get(q("fo", "keep-together")) == "always"}
    assert all(r.get(q("table", "style-name")) in keep for r in rows)


def test_user_text_in_the_header_and_headings_stays_text(ukraine: Scenario) -> None:
    draft = ukraine.draft("us-28").model_copy(update={"title": "Plan <h1>&amp; “x”"})
    sheet = party_sheet(ukraine, draft, "ukraine", marking=HOSTILE, date="2025-12-20")
    data = odt_bytes(sheet)
    z, content, styles = parts(data)
    head = master(styles).find(q("style", "header"))
    assert head is not None
    assert text_of(head).startswith(" ".join(HOSTILE.split()))
    assert "Plan <h1>&amp; “x”" in text_of(head)
    raw = z.read("styles.xml").decode("utf-8")
    assert "<b>" not in raw
    assert "<img" not in raw
    assert "&lt;img src=x" in raw
    tags = {el.tag for el in styles.iter()} | {el.tag for el in content.iter()}
    assert not any(t.endswith("}a") or t.endswith("}img") or t.endswith("}b") for t in tags)
    assert any("Party briefing: Ukraine" in text_of(h) for h in content.iter(q("text", "h")))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_headings_and_the_marking(odt: bytes, sheet: Sheet,
                                                        tmp_path: Path) -> None:
    """Converted to PDF by LibreOffice: its bookmarks (the document's outline) are the
    headings, and every page's header and footer carry the marking and the page number."""
    source = tmp_path / "brief.odt"
    source.write_bytes(odt)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(source)],
                   check=True, capture_output=True, timeout=180)
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "pdf" / "brief.pdf")
    pages = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    assert len(pages) <= 14
    for n, text in enumerate(pages, start=1):
        assert text.count(sheet.marking) >= 2, n  # header and footer
        assert f"Page {n} of {len(pages)}" in text
    # LibreOffice's bookmarks are its outline: the headings, nested by level.
    top = [str(item.title) for item in reader.outline if not isinstance(item, list)]
    nested = [str(sub.title) for item in reader.outline if isinstance(item, list)
              for sub in item if not isinstance(sub, list)]
    assert top[:3] == ["Memorandum", "Annex A. Verdicts", "Party briefing: Ukraine"]
    assert {"Bottom line", "Recommendation", "Talking points", "Verdict"} <= set(nested)


def test_every_kind_of_sheet_keeps_all_its_headings(ukraine: Scenario) -> None:
    """The headings are found by walking Qt's paragraphs beside the document's blocks; were
    the two ever out of step, no heading would be marked: each kind of sheet proves they are
    not."""
    from desktop.report.sheets import comparison_sheet

    us28, twenty = ukraine.draft("us-28"), ukraine.draft("twenty-point")
    for sheet in (party_sheet(ukraine, us28, "russia", date="2025-12-20"),
                  comparison_sheet(ukraine, us28, twenty, date="2025-12-20"),
                  full_sheet(ukraine, ukraine.draft("berlin"), date="2025-12-20",
                             time_limit=None)):
        _z, content, _styles = parts(odt_bytes(sheet))
        levels = [int(h.get(q("text", "outline-level"), "0"))
                  for h in content.iter(q("text", "h"))]
        expected = [e.level for e in outline(sheet) if isinstance(e, Paragraph) and e.level]
        assert levels == expected, sheet.title
        assert levels[0] == 1, sheet.title

"""B4: markup in every user field of every briefing sheet loads nothing and links nothing.

Every free-text field of a scenario (titles, names, summaries, rationales, sources, provision
texts, units, notes) and the user's own marking get a payload of HTML that would load a file,
open a link and run a script if it were taken as markup. Every sheet Accord prints (the full
briefing, each party's sheet and the comparison) must show it as text: the HTML handed to Qt
holds it escaped, Qt is never asked for a resource, and the PDF has no image, link or
annotation.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.domain import Scenario, check
from desktop.domain.edit import duplicate_draft
from desktop.domain.interchange import scenario_from_dict
from desktop.report import comparison_sheet, full_sheet, party_sheet
from desktop.report import render as render_module
from desktop.report.render import pdf_bytes
from desktop.report.sheets import Block, Sheet

DATA = Path(__file__).parent / "data"


def payload(tag: str, short: bool = False) -> str:
    """HTML that would load a file, open a link and run a script if taken as markup (no
    braces: provision texts use them for placeholders). ``short`` fits a 100-character unit."""
    image = f'<img src="file:///etc/hostname" alt="{tag}">'
    if short:
        return image + '<a href="https://x.invalid">u</a>'
    return (image + f'<a href="https://x.invalid/{tag}">link {tag}</a>'
            f"<script>run('{tag}')</script><style>body</style>")


def hostile(raw: dict[str, Any]) -> tuple[Scenario, dict[str, str]]:
    """The scenario with a tagged payload in every free-text field; tag -> field."""
    tags: dict[str, str] = {}

    def put(obj: dict[str, Any], key: str, where: str, keep: str = "") -> None:
        tag = f"F{len(tags)}"
        tags[tag] = f"{where}.{key}"
        obj[key] = keep + payload(tag, short=key == "unit")

    put(raw, "title", "scenario")
    put(raw, "summary", "scenario")
    for party in raw["parties"]:
        put(party, "name", party["id"])
        for kind in ("red_lines", "preferences"):
            for rule in party.get(kind, []):
                for key in ("title", "rationale", "source"):
                    put(rule, key, rule["id"])
    for prov in raw["provisions"]:
        put(prov, "title", prov["id"])
        put(prov, "text", prov["id"], keep=prov["text"] + " ")  # keeps its {placeholders}
        put(prov, "source", prov["id"])
        for param in prov.get("params", []):
            if param["type"] in ("int", "number"):
                put(param, "unit", f"{prov['id']}.{param['name']}")
    # The source register (format version 2): cited by a red line, a preference, a clause's
    # provision and the draft, so every sheet prints its entry.
    raw["version"] = 2
    source: dict[str, Any] = {"id": "S01"}
    for key in ("title", "publisher", "url"):
        put(source, key, "source S01")
    source["url"] = "https://x.invalid/register " + source["url"]  # a bare address, too
    raw["sources"] = [source]
    for party in raw["parties"]:
        for kind in ("red_lines", "preferences"):
            for rule in party.get(kind, []):
                rule["sources"] = ["S01"]
    for prov in raw["provisions"]:
        prov["sources"] = ["S01"]
    for draft in raw["drafts"]:
        draft["sources"] = ["S01"]
        put(draft, "title", draft["id"])
        put(draft, "note", draft["id"])
        for n, clause in enumerate(draft["clauses"]):
            put(clause, "note", f"{draft['id']}[{n}]")
    return scenario_from_dict(raw), tags


@pytest.fixture(scope="module")
def scenario_and_tags() -> tuple[Scenario, dict[str, str]]:
    scenario, tags = hostile(json.loads((DATA / "mini.json").read_text(encoding="utf-8")))
    second, _ = duplicate_draft(scenario, "d1", payload("second-draft"))
    return second, tags


def sheets(scenario: Scenario) -> list[Sheet]:
    first, second = scenario.drafts
    marking = payload("marking")
    out = [full_sheet(scenario, first, marking=marking)]
    out += [party_sheet(scenario, first, p.id, marking=marking) for p in scenario.parties]
    out.append(comparison_sheet(scenario, first, second, marking=marking))
    return out


def test_markup_in_every_field_of_every_sheet_stays_text(
    scenario_and_tags: tuple[Scenario, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario, tags = scenario_and_tags
    check(scenario, scenario.drafts[0])  # the rules still work: only texts were changed
    asked: list[object] = []
    real = render_module._Document.loadResource

    def spy(self: Any, kind: int, name: Any) -> Any:
        asked.append(name)
        return real(self, kind, name)

    monkeypatch.setattr(render_module._Document, "loadResource", spy)
    shown: set[str] = set()
    rendered = sheets(scenario)
    for sheet in rendered:
        # The title, running head and marking are painted as plain text; the rest is HTML.
        html = "".join(item.html for item in sheet.items if isinstance(item, Block))
        for raw_tag in ("<img", "<a ", "<script", "<style", "<link", "<iframe"):
            assert raw_tag not in html.lower(), (sheet.title, raw_tag)
        shown |= {t for t in tags if f"alt=&quot;{t}&quot;" in html}
        data, pages = pdf_bytes(sheet)
        assert pages >= 1
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages:
            annots = page.get("/Annots")  # Qt writes an empty list
            assert not (annots.get_object() if annots is not None else []), sheet.title
            assert not page["/Resources"].get("/XObject"), sheet.title  # type: ignore[attr-defined]
        for marker in (b"/URI", b"/Subtype /Image", b"/Launch", b"/JavaScript", b"/Link"):
            assert marker not in data, (sheet.title, marker)
        text = " ".join((p.extract_text() or "") for p in reader.pages)
        assert 'alt="F0"' in text, sheet.title  # the scenario title, printed as text
    assert not [n for n in asked if "etc/hostname" in str(n) or "x.invalid" in str(n)]
    # The payloads did reach the page: over half the fields are printed on some sheet
    # (escaped); the others (sources, units, texts of provisions not in a draft) are not.
    assert len(shown) > len(tags) // 2, sorted(tags[t] for t in set(tags) - shown)
    register = {t for t, where in tags.items() if where.startswith("source S01.")}
    assert len(register) == 3
    assert register <= shown
    print(f"\nB4: {len(tags)} fields + the marking, {len(rendered)} sheets, "  # noqa: T201
          f"{len(shown)} fields printed; 0 images, 0 links, 0 resource requests")


# --------------------------------------------------------------------------- every format

_HOSTILE = ("etc/hostname", "x.invalid")


def _attributes(root: Any) -> list[str]:
    return [v for el in root.iter() for v in el.attrib.values()]


def _docx_refs(data: bytes) -> tuple[str, int]:
    """A DOCX's text and its pictures; asserts no hyperlink, field or external target."""
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        for name in names:
            if name.endswith(".rels"):
                rels = z.read(name).decode("utf-8")
                assert "External" not in rels, name
                assert "/hyperlink" not in rels, name
        body = z.read("word/document.xml")
    root = ElementTree.fromstring(body)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert not tags & {"hyperlink", "instrText", "object", "fldSimple"}, tags
    assert not [v for v in _attributes(root) if any(h in v for h in _HOSTILE)]
    return " ".join(root.itertext()), len([n for n in names if n.startswith("word/media/")])


def _odt_refs(data: bytes) -> tuple[str, int]:
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        root = ElementTree.fromstring(z.read("content.xml"))
        styles = ElementTree.fromstring(z.read("styles.xml"))  # the header and footer
    text = []
    for tree in (root, styles):
        tags = {el.tag.rsplit("}", 1)[-1] for el in tree.iter()}
        assert "a" not in tags, tags  # text:a, a link
        for el in tree.iter():
            for key, value in el.attrib.items():
                if key.endswith("}href"):
                    assert value.startswith("Pictures/"), value  # the charts, inside the file
                assert not any(h in value for h in _HOSTILE), (key, value)
        text.append(" ".join(tree.itertext()))
    return " ".join(text), len([n for n in names if n.startswith("Pictures/")])


def _html_refs(data: bytes) -> tuple[str, int]:
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str]]] = []
    text: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, {k: v or "" for k, v in attrs}))

        def handle_data(self, data: str) -> None:
            text.append(data)

    parser = Parser(convert_charrefs=True)
    parser.feed(data.decode("utf-8"))
    parser.close()
    names = [t for t, _ in found]
    for tag in ("script", "a", "link", "iframe", "object", "embed", "base"):
        assert tag not in names, tag
    assert names.count("style") == 1  # Accord's own style sheet
    images = [a for t, a in found if t == "img"]
    for tag, attrs in found:
        assert "href" not in attrs, tag
        assert not any(k.startswith("on") for k in attrs), tag
        assert not any(h in attrs.get("src", "") for h in _HOSTILE), tag
    assert all(a["src"].startswith("data:image/png;base64,") for a in images)
    return " ".join(text), len(images)


def _markdown_refs(data: bytes) -> tuple[str, int]:
    import re

    md = data.decode("utf-8")
    unescaped = re.compile(r"(?<!\\)(?:\\\\)*")
    assert not re.search(unescaped.pattern + r"<(?!br>)", md)  # no HTML but <br> in cells
    assert not re.search(unescaped.pattern + r"\]\(", md)  # no [link](target)
    assert not re.search(unescaped.pattern + r"!\[", md)  # no ![image](target)
    assert not re.search(r"(?<!\\)://", md)  # no autolink
    assert not re.search(r"(?<!\\)@", md)
    return re.sub(r"\\(.)", r"\1", md), 0


def test_markup_stays_text_in_every_format(
    scenario_and_tags: tuple[Scenario, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14: the same payloads in DOCX, ODT, HTML and Markdown: no image, link or
    external reference comes from user text; the payload is printed as text."""
    from desktop.report.formats import briefing_bytes
    from desktop.report.sheets import Chart

    scenario, _tags = scenario_and_tags
    asked: list[object] = []
    real = render_module._Document.loadResource

    def spy(self: Any, kind: int, name: Any) -> Any:
        asked.append(name)
        return real(self, kind, name)

    monkeypatch.setattr(render_module._Document, "loadResource", spy)
    readers = {".docx": _docx_refs, ".odt": _odt_refs, ".html": _html_refs,
               ".md": _markdown_refs}
    for sheet in sheets(scenario):
        charts = sum(isinstance(i, Chart) for i in sheet.items)
        for fmt, read in readers.items():
            data, _ = briefing_bytes(sheet, fmt)
            text, pictures = read(data)
            assert pictures == (0 if fmt == ".md" else charts), (sheet.title, fmt)
            assert 'alt="F0"' in text, (sheet.title, fmt)  # the scenario title, as text
            assert "<script>run(" in text, (sheet.title, fmt)
            if sheet.title.startswith(("Full", "Briefing for")):  # the register's entry
                assert "https://x.invalid/register" in text, (sheet.title, fmt)
    assert not [n for n in asked if any(h in str(n) for h in _HOSTILE)]

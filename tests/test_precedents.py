"""The PA-X precedent index (issue 18): built from the CSV shipped in the checkout, it gives for
every issue code exactly the agreements the CSV codes with it; queries combine codes, filter,
put the scenario's own conflict first and pick the closest precedents."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest

from desktop.domain.precedents import (
    CODE_NAMES,
    CODES,
    Filters,
    PrecedentIndex,
    Tag,
    UnknownCode,
    closest,
    group_by_process,
    load_index,
    parse_codes,
)
from desktop.domain.precedents.build import build_from_shipped_csv, build_index, encode_index

ROOT = Path(__file__).resolve().parents[1]
PAX = ROOT / "resources" / "data" / "pax"
TITLE = "Ending the war in Ukraine: US-led talks, late 2025"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    """The CSV read directly, independently of the builder."""
    data = gzip.decompress((PAX / "pax_all_agreements_v10.csv.gz").read_bytes())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


@pytest.fixture(scope="module")
def index() -> PrecedentIndex:
    return load_index()


def test_the_shipped_csv_is_the_version_recorded(rows: list[dict[str, str]]) -> None:
    data = gzip.decompress((PAX / "pax_all_agreements_v10.csv.gz").read_bytes())
    version = (PAX / "VERSION").read_text(encoding="utf-8")
    assert f"sha256 {hashlib.sha256(data).hexdigest()}" in version
    assert len(rows) == 2257
    assert "Bell, C., & Badanjak, S. (2019)" in (PAX / "CITATION").read_text(encoding="utf-8")


def test_the_shipped_index_is_what_the_build_makes_from_the_csv() -> None:
    assert (PAX / "precedents.json.gz").read_bytes() == build_from_shipped_csv()
    assert (PAX / "precedents.json.gz").stat().st_size < 2_000_000


def test_every_code_counts_what_the_csv_counts(rows: list[dict[str, str]],
                                               index: PrecedentIndex) -> None:
    assert set(CODES) == set(index.postings)
    assert len(CODES) == len(CODE_NAMES) == 93
    for code in CODES:
        direct = {int(r["AgtId"]): int(r[code]) for r in rows if int(r[code] or 0) > 0}
        found = {index.agreements[row].id: s for row, s in index.postings[code].items()}
        assert found == direct, code
        assert index.count(code) == len(direct)
        for least in (2, 3):
            assert index.count(code, least) == sum(1 for s in direct.values() if s >= least)
    by_id = {int(r["AgtId"]): r for r in rows}
    for a in index.agreements:  # every field as the CSV has it, in one line
        r = by_id[a.id]
        assert (a.date.isoformat(), a.region, a.stage) == (r["Dat"], r["Reg"], r["Stage"])
        assert a.name == " ".join(r["Agt"].split())
        assert a.process == " ".join(r["PPName"].split())
        assert a.country == " ".join(r["Con"].split())
    assert len(index.agreements) == len(by_id)


def test_the_readme_figures(index: PrecedentIndex) -> None:
    counts = {c: index.count(c) for c in ("Ce", "SsrPsf", "Dev", "SsrGua", "GeWom")}
    assert counts == {"Ce": 1038, "SsrPsf": 934, "Dev": 933, "SsrGua": 927, "GeWom": 494}


def test_a_combination_is_every_code_together(rows: list[dict[str, str]],
                                              index: PrecedentIndex) -> None:
    for codes in (["Ce", "ImPK"], ["Ce", "SsrGua", "TjPrire"], ["SsrFf", "StBor", "Ce", "ImE"]):
        direct = {int(r["AgtId"]) for r in rows if all(int(r[c]) > 0 for c in codes)}
        found = index.query([Tag(c) for c in codes])
        assert {p.agreement.id for p in found} == direct
        assert index.count_all([Tag(c) for c in codes]) == len(direct)
    strong = {int(r["AgtId"]) for r in rows if int(r["Ce"]) >= 3 and int(r["TjPrire"]) > 0}
    assert {p.agreement.id for p in index.query([Tag("Ce", 3), Tag("TjPrire")])} == strong


def test_newest_first_and_filters(index: PrecedentIndex) -> None:
    found = index.query([Tag("Ce")])
    dates = [p.agreement.date for p in found]
    assert dates == sorted(dates, reverse=True)
    narrow = Filters(regions=frozenset({"Europe and Eurasia"}), stages=frozenset({"Cea"}),
                     since=dt.date(2000, 1, 1), until=dt.date(2020, 12, 31), min_strength=2)
    picked = index.query([Tag("Ce")], narrow)
    assert picked
    assert all(p.agreement.region == "Europe and Eurasia" and p.agreement.stage == "Cea"
               and dt.date(2000, 1, 1) <= p.agreement.date <= dt.date(2020, 12, 31)
               and p.strength >= 2 for p in picked)
    assert len(picked) == sum(1 for p in found if narrow.admits(p.agreement) and p.strength >= 2)


def test_the_ukraine_scenario_puts_minsk_and_2025_first(index: PrecedentIndex) -> None:
    conflict = index.conflict_of(TITLE)
    assert conflict.entities == ("Ukraine",)
    assert conflict.region == "Europe and Eurasia"
    ukraine = [a for a in index.agreements if "Ukraine" in a.entities]
    assert len(ukraine) == 11  # AgtId 930 (2014) through the Minsk package to 2828 (2025)
    found = index.query([Tag("Ce")], conflict=conflict)
    firsts = [p for p in found if p.same_conflict]
    assert found[:len(firsts)] == firsts
    names = [p.agreement.name for p in firsts]
    assert any("Minsk" in n for n in names)
    assert [p.agreement.date for p in firsts] == sorted((p.agreement.date for p in firsts),
                                                         reverse=True)
    everything = [a.id for a in index.agreements if conflict.includes(a)]
    assert {2828, 1364} <= set(everything)  # the 2025 agreement, Minsk II
    assert index.conflict_of("A fictional dispute on the moon").entities == ()


def test_closest_same_region_then_recent_then_strongest(index: PrecedentIndex) -> None:
    found = index.query([Tag("SsrFf")])
    top = closest(found, "Europe and Eurasia")
    assert len(top) == 3
    european = sorted((p for p in found if p.agreement.region == "Europe and Eurasia"),
                      key=lambda p: (-p.agreement.date.toordinal(), -p.strength))
    assert top == european[:3]
    groups = group_by_process(found)
    assert sum(len(g) for _, g in groups) == len(found)
    assert len({name for name, _ in groups}) == len(groups)


def test_codes_in_words_and_bad_codes_refused(index: PrecedentIndex) -> None:
    assert CODE_NAMES["Ce"] == "Ceasefire"
    assert CODE_NAMES["ImPK"] == "International mission/force"
    assert parse_codes("Ce, ImPK:2") == [Tag("Ce"), Tag("ImPK", 2)]
    with pytest.raises(UnknownCode, match="Nope"):
        parse_codes("Ce,Nope")
    with pytest.raises(ValueError, match="1, 2 or 3"):
        parse_codes("Ce:5")
    with pytest.raises(UnknownCode):
        index.query([Tag("Zz")])


def test_the_index_is_small_and_deterministic(rows: list[dict[str, str]]) -> None:
    doc = build_index(rows, "x")
    assert encode_index(doc) == encode_index(json.loads(json.dumps(doc)))
    assert doc["data"]["agreements"] == 2257
    assert "make precedents" in doc["built_by"]


def test_the_scenario_doc_table_is_what_the_index_says(index: PrecedentIndex) -> None:
    """docs/scenario-ukraine-2025.md: each provision's issues and counts, as computed."""
    import re

    from desktop.domain import parse_scenario
    from desktop.wording.precedents import tags_label

    scenario = parse_scenario((ROOT / "resources" / "scenarios" / "ukraine-2025.json")
                              .read_bytes())
    conflict = index.conflict_of(scenario.title)
    doc = (ROOT / "docs" / "scenario-ukraine-2025.md").read_text(encoding="utf-8")
    section = doc.split("## Precedents (PA-X)", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (.+) \(`([a-z0-9-]+)`\) \| (.+) \| ([\d,]+) \| (\d+) \|$", section,
                      re.MULTILINE)
    assert len(rows) >= 41
    for title, pid, issues, count, same in rows:
        prov = scenario.provision(pid)
        assert prov.title == title
        assert issues == tags_label(prov.pax), pid
        found = index.query(list(prov.pax), conflict=conflict)
        assert int(count.replace(",", "")) == len(found), pid
        assert int(same) == sum(1 for p in found if p.same_conflict), pid


def test_the_drafts_as_whole_packages_as_the_doc_says(index: PrecedentIndex) -> None:
    """docs/scenario-ukraine-2025.md, 'As whole packages' (update it when the drafts change)."""
    from desktop.domain import parse_scenario

    scenario = parse_scenario((ROOT / "resources" / "scenarios" / "ukraine-2025.json")
                              .read_bytes())

    def package(draft_id: str) -> tuple[int, list[int]]:
        codes: dict[str, int | None] = {}
        for clause in scenario.draft(draft_id).clauses:
            for t in scenario.provision(clause.provision).pax:
                codes[t.code] = max((s for s in (codes.get(t.code), t.min_strength)
                                     if s is not None), default=None)
        found = index.query([Tag(c, s) for c, s in codes.items()])
        return len(codes), sorted(p.agreement.id for p in found)

    assert package("berlin") == (11, [])
    assert package("twenty-point") == (24, [])
    issues, ids = package("us-28")
    assert issues == 25
    names = [a.name for a in index.agreements if a.id in ids]
    assert sorted(names) == ["Doha Document for Peace in Darfur (DDPD)",
                             "Sudan peace agreement (Juba Agreement)"]
    assert len(package("e3-counter")[1]) == 5


def test_a_yes_no_code_does_not_weaken_a_combination(rows: list[dict[str, str]],
                                                      index: PrecedentIndex) -> None:
    """ImPK is coded 0/1: beside a graded code it neither lowers the strength reported (a
    flag's 1 does not mean "weak") nor drops out under a minimum strength."""
    assert index.scale["ImPK"] == 1
    assert index.scale["Ce"] == 3
    both = index.query([Tag("Ce"), Tag("ImPK")])
    assert both
    for p in both:
        assert p.strength == index.postings["Ce"][index.agreements.index(p.agreement)]
    strong = index.query([Tag("Ce"), Tag("ImPK")], Filters(min_strength=3))
    direct = sum(1 for r in rows if int(r["Ce"] or 0) >= 3 and int(r["ImPK"] or 0) >= 1)
    assert len(strong) == direct > 0
    assert {p.strength for p in strong} == {3}
    # A yes/no code alone reports its flag.
    assert {p.strength for p in index.query([Tag("ImPK")])} == {1}

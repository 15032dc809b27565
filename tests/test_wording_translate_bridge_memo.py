"""The bridge finder's words (desktop.wording.bridge), the briefing memo's
(desktop.wording.memo) and percentages (desktop.wording.numbers) go through the translation
hook: every word of every sentence they make, over the default scenario's drafts and every
branch (proposals, clashes, red lines to relax, notes, progress, viable / viable if / not
viable, conditional acceptance, talking points, comparisons), is translated or comes from the
scenario's data.

Two translators prove it. The pseudo-translation (tests/wording_pseudo.py) marks each
translated text "⟦…⟧"; but a text put into a placeholder of a translated sentence is inside
its marks, translated or not. So a second one, *scrambled*, answers each text with every
letter outside its placeholders turned into "x": a translated fragment reads "xxx" at any
depth, and a word of English left in the code shows wherever it is put."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import get_args

import pytest

from desktop.domain import Draft, Scenario, check, scenario_from_dict
from desktop.domain.checker import Report
from desktop.domain.model import Stance
from desktop.domain.solver import (
    BelowNoDeal,
    BridgeResult,
    Change,
    ClashItem,
    Gain,
    Link,
    Need,
    Note,
    Progress,
    Why,
    find_bridge,
)
from desktop.domain.solver.types import NoteKind, Stage, Status
from desktop.wording import bridge as words
from desktop.wording import memo
from desktop.wording.numbers import percent
from desktop.wording.translate import english, set_translator
from tests.wording_pseudo import OPEN, data_words, leftover_words, pseudo_translation

WEST = ["ukraine", "europe", "united-states", "turkey"]
LIMIT = 20.0

_LETTER_OR_PLACEHOLDER = re.compile(r"\{[^{}]*\}|[A-Za-z]")
_LETTERS = re.compile(r"[A-Za-z]+")


def _scrambled(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return _LETTER_OR_PLACEHOLDER.sub(
        lambda m: m.group(0) if m.group(0).startswith("{") else "x", english(text, n))


@contextmanager
def scrambled_translation() -> Iterator[None]:
    """Every translated text's letters (not its placeholders) turned into "x"."""
    before = set_translator(_scrambled)
    try:
        yield
    finally:
        set_translator(before)


def untranslated(text: str, allowed: set[str]) -> list[str]:
    """The words of a text made under :func:`scrambled_translation` that are neither
    translated ("xxx") nor ``allowed`` (:func:`data_words`, split at apostrophes)."""
    return [w for w in _LETTERS.findall(text)
            if set(w.lower()) != {"x"} and w.lower() not in allowed]  # "Xxx": a capital put in


def assert_translated(say: Callable[[], list[str]], scenario: Scenario) -> list[str]:
    """Each text ``say`` makes went through the hook (marked, under the pseudo-translation)
    and holds no word but translated ones and the scenario's, however deep; the texts as the
    pseudo-translation made them."""
    with pseudo_translation():
        texts = say()
    assert texts
    allowed = data_words(scenario.model_dump())
    bad = {t: left for t in texts if (left := leftover_words(t, allowed))}
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
    assert all(OPEN in t for t in texts if t), [t for t in texts if t and OPEN not in t]
    with scrambled_translation():
        scrambled = say()
    letters = {w for d in allowed for w in _LETTERS.findall(d)}
    deep = {t: left for t in scrambled if (left := untranslated(t, letters))}
    assert not deep, json.dumps(deep, indent=1, ensure_ascii=False)
    return texts


def _without_red_lines(scenario: Scenario, *parties: str) -> Scenario:
    data = scenario.model_dump(mode="json", exclude_defaults=True)
    for p in data["parties"]:
        if p["id"] in parties:
            p["red_lines"] = []
    return scenario_from_dict(data)


@pytest.fixture(scope="module")
def bridges(ukraine: Scenario) -> dict[tuple[str, str], BridgeResult]:
    """Every draft of the default scenario with every party (no agreement: clashes, red lines
    to relax) and with the West only (a proposal)."""
    out = {}
    for draft in ukraine.drafts:
        out[draft.id, "all"] = find_bridge(ukraine, draft, clashes=3, time_limit=LIMIT)
        out[draft.id, "west"] = find_bridge(ukraine, draft, parties=WEST, time_limit=LIMIT)
    return out


def _item(scenario: Scenario, party: str, red_line: str) -> ClashItem:
    line = next(r for r in scenario.party(party).red_lines if r.id == red_line)
    return ClashItem(party, red_line, line.title, "")


def test_the_scrambled_translation_finds_a_word_inside_a_placeholder(ukraine: Scenario
                                                                     ) -> None:
    from desktop.wording.translate import translate

    def say() -> str:
        return translate("Wording.test", "{party} rejects {what}.").format(
            party="Russia", what="every zebra")

    with scrambled_translation():
        said = say()
    assert said == "Russia xxxxxxx every zebra."
    allowed = data_words(ukraine.model_dump())
    assert untranslated(said, allowed) == ["zebra"]  # "every" is a word of the scenario
    with pseudo_translation():
        assert leftover_words(say(), allowed) == []  # hidden


# --------------------------------------------------------------------------- bridge


def test_the_finder_s_answers_for_every_draft(
        ukraine: Scenario, bridges: dict[tuple[str, str], BridgeResult]) -> None:
    def say() -> list[str]:
        texts: list[str] = []
        for (draft_id, _), result in bridges.items():
            draft = ukraine.draft(draft_id)
            texts.append(words.stance_text(result.stance))
            texts.append(words.status_words(result.status))
            texts += [words.note_text(n) for n in result.notes]
            for clash in result.clashes:
                texts += [words.clash_text(ukraine, clash), words.clash_text(ukraine, clash, True),
                          words.clash_text(ukraine, clash, inside=True)]
            texts.append(words.clashes_heading(len(result.clashes)))
            if result.relax:
                texts.append(words.relax_text(ukraine, result.relax, True,
                                              cost=result.relax_cost,
                                              independent=result.relax_independent))
                texts += [words.red_line_name(ukraine, c, True) for c in result.relax]
                texts.append(words.relax_heading(len(result.relax)))
            for proposal in filter(None, (result.proposal, *result.alternatives)):
                for change in proposal.changes:
                    texts += [words.change_text(change, style, ukraine, draft)
                              for style in ("terminal", "panel")]
                    texts += [words.change_reason(change.why, ukraine, refs=refs)
                              for refs in (False, True) if change.why is not None]
                texts += [words.link_text(link, proposal.changes, ukraine, draft)
                          for link in proposal.links]
                texts += [words.no_deal_text(b, ukraine) for b in proposal.below_no_deal]
        return texts

    texts = assert_translated(say, ukraine)
    assert any("Close the open point" in t for t in texts)  # twenty-point's open point
    assert any("Required by" in t for t in texts)


def test_every_reason_clash_and_relaxation(ukraine: Scenario) -> None:
    amnesty = _item(ukraine, "ukraine", "ua-no-blanket-amnesty")
    russia = [_item(ukraine, "russia", r.id) for r in ukraine.party("russia").red_lines[:3]]
    europe = _item(ukraine, "europe", ukraine.party("europe").red_lines[0].id)
    need = Need("ukraine", "Ukraine", amnesty.red_line, amnesty.title)
    needs = (need, *(Need("russia", "Russia", r.red_line, r.title) for r in russia[:2]))
    gain = Gain("ukraine", "Ukraine", 0.2, 0.35)
    a, b, c, d = (p.id for p in ukraine.provisions[:4])

    def say() -> list[str]:
        texts = [
            words.change_reason(Why(needs=(need,)), ukraine),
            words.change_reason(Why(needs=needs), ukraine, refs=True),
            words.change_reason(Why(conflicts=((a, b),)), ukraine),
            words.change_reason(Why(needs=(need,), conflicts=((a, b), (c, d))), ukraine),
            words.change_reason(Why(gains=(gain, Gain("turkey", "Turkey", 0.5, 0.6))), ukraine),
            words.change_reason(Why(), ukraine),
        ]
        for lines in ([amnesty], [amnesty, russia[0]], russia[:2], [amnesty, *russia],
                      [amnesty, russia[0], europe]):
            texts += [words.clash_text(ukraine, lines), words.clash_text(ukraine, lines, True),
                      words.clash_text(ukraine, lines, inside=True)]
            for cost, independent in ((None, False), (3.5, False), (2.0, True)):
                texts.append(words.relax_text(ukraine, lines, cost=cost, independent=independent))
        texts += [words.clashes_heading(n) for n in (1, 2, 3)]
        texts += [words.relax_heading(n) for n in (1, 2, 5)]
        texts += [words.relax_cost_text(c, i) for c in (1.25, 4.0) for i in (False, True)]
        return texts

    texts = assert_translated(say, ukraine)
    assert "" not in texts


def test_closing_giving_taking_and_no_deal(
        ukraine: Scenario, bridges: dict[tuple[str, str], BridgeResult]) -> None:
    draft = ukraine.draft("twenty-point")
    proposal = bridges["twenty-point", "west"].proposal
    assert proposal is not None
    assert proposal.changes
    closes = [Change("close", "znpp", alternative=k) for k in (0, 1, 9)]  # 9: no such label
    changes = (*proposal.changes, *closes)
    link = Link("ukraine", "Ukraine", (0,), "united-states", "United States",
                tuple(range(1, len(changes))))

    def say() -> list[str]:
        texts = [words.change_text(c, style, ukraine, draft) for c in closes
                 for style in ("terminal", "panel")]
        texts.append(words.change_text(closes[0], "panel", ukraine, None))  # no draft: no label
        texts.append(words.link_text(link, changes, ukraine, draft))
        texts.append(words.link_text(replace(link, a="nowhere", a_name="Ukraine"), changes,
                                     None, draft))
        texts += [words.no_deal_text(BelowNoDeal("russia", "Russia", 0.4, 0.55), ukraine),
                  words.no_deal_text(BelowNoDeal("russia", "Russia", 0.0, 0.25), None)]
        texts.append(words.no_change_text())
        return texts

    texts = assert_translated(say, ukraine)
    assert any("alternative 10" in t for t in texts)


def test_progress_status_notes_stances_and_the_frontier(ukraine: Scenario) -> None:
    names = (ukraine.party("ukraine").name, ukraine.party("united-states").name)

    def say() -> list[str]:
        texts = [words.progress_text(Progress(stage, alternative, cost))
                 for stage in get_args(Stage) for alternative in (0, 2) for cost in (None, 1, 4)]
        texts += [words.status_words(s) for s in get_args(Status)]
        texts += [words.note_text(Note(kind, k)) for kind in get_args(NoteKind) for k in (1, 3)]
        texts += [words.stance_text(s) for s in ("assessed", "stated")]
        for mark in (words.BEST_COMPROMISE, words.MOST_EQUAL):
            texts += [words.mark_label(mark),
                      words.frontier_mark_text(mark, names, (0.8, 0.5))]
        texts.append(words.satisfactions(names, (0.25, 1.0)))
        texts.append(percent(None))
        return texts

    texts = assert_translated(say, ukraine)
    assert "" not in texts


# --------------------------------------------------------------------------- memo


def _bottom_and_recommendation(scenario: Scenario, draft: Draft, report: Report,
                               result: BridgeResult | None, *, computed: bool = True,
                               time_limit: float | None = LIMIT) -> list[str]:
    texts = memo.bottom_line(report, result, computed, scenario, draft)
    assert len(texts) == 3
    lead, items, notes = memo.recommendation(result, scenario, draft, computed=computed,
                                             time_limit=time_limit)
    return [*texts, lead, *items, *notes]


def _variants(result: BridgeResult) -> list[BridgeResult]:
    """The answer as found, and as a time limit or another case would have left it."""
    notes = tuple(Note(kind, 2) for kind in get_args(NoteKind))
    out = [result, replace(result, optimal=False, notes=notes)]
    if result.proposal is not None:
        out.append(replace(result, proposal=replace(result.proposal, changes=())))
        out.append(replace(result, proposal=replace(result.proposal,
                                                    changes=result.proposal.changes[:1])))
    else:
        out += [replace(result, proven_infeasible=False, optimal=False),
                replace(result, clashes=()),
                replace(result, clashes=(), relax=()),
                replace(result, clashes=(), proven_infeasible=False, optimal=False),
                replace(result, clashes=(), relax=(), proven_infeasible=False)]
    return out


def test_the_memo_for_every_draft_and_answer(
        ukraine: Scenario, bridges: dict[tuple[str, str], BridgeResult]) -> None:
    reports = {(d.id, s): check(ukraine, d, stance=s)
               for d in ukraine.drafts for s in ("assessed", "stated")}

    def say() -> list[str]:
        texts: list[str] = []
        for (draft_id, _), report in reports.items():
            draft = ukraine.draft(draft_id)
            for which in ("all", "west"):
                for result in _variants(bridges[draft_id, which]):
                    for limit in (LIMIT, None):
                        texts += _bottom_and_recommendation(ukraine, draft, report, result,
                                                            time_limit=limit)
            texts += _bottom_and_recommendation(ukraine, draft, report, None, computed=False)
            texts += _bottom_and_recommendation(ukraine, draft, report, None)
            texts.append(memo.subject(draft.title))
        return texts

    texts = assert_translated(say, ukraine)
    assert any("accepts it only if" in t for t in texts)  # twenty-point: Ukraine
    assert any("also reject it" in t for t in texts)  # us-28, stated: three reject


def test_viable_and_viable_if(ukraine: Scenario) -> None:
    calm = _without_red_lines(ukraine, "russia")
    cases = [(calm.draft(d), check(calm, calm.draft(d)),
              find_bridge(calm, calm.draft(d), time_limit=LIMIT))
             for d in ("berlin", "twenty-point")]

    def say() -> list[str]:
        return [t for draft, report, result in cases
                for t in _bottom_and_recommendation(calm, draft, report, result)]

    texts = assert_translated(say, calm)
    assert texts[0].startswith(f"{OPEN}The draft is viable:")
    assert any("The draft is viable if" in t for t in texts)


def test_clauses_that_exclude_each_other(mini: Scenario) -> None:
    calm = _without_red_lines(mini, "ukraine")
    draft = calm.drafts[0]
    report = check(calm, draft)
    assert report.conflicts
    assert not any(v.verdict == "rejects" for v in report.parties)
    result = find_bridge(calm, draft, time_limit=LIMIT)
    assert result.proposal is not None
    changes = result.proposal.changes

    def say() -> list[str]:
        return [*_bottom_and_recommendation(calm, draft, report, result),
                *(words.change_reason(c.why, calm) for c in changes if c.why)]

    texts = assert_translated(say, calm)
    assert any("exclude each other" in t for t in texts)


def test_an_acceptance_on_conditions_names_what_it_crosses_otherwise(ukraine: Scenario) -> None:
    draft = ukraine.draft("twenty-point")
    report = check(ukraine, draft)
    (i, v), = [(i, v) for i, v in enumerate(report.parties) if v.verdict == "accepts-if"]
    x = v.violations[0]
    two_points = (("znpp", 0, "US formula"), ("donbas-zone", 0, "Free economic zone"))
    crossed = (x, replace(x, under=two_points), replace(x, under=()),
               replace(x, under=(("znpp", 0, "US formula"), ("znpp", 2, ""))))
    parties = list(report.parties)
    parties[i] = replace(v, violations=crossed)
    for_all = replace(report, parties=tuple(parties))
    parties[i] = replace(v, violations=())
    for_none = replace(report, parties=tuple(parties))

    def say() -> list[str]:
        return [memo.bottom_line(r, None, False, ukraine, draft)[1] for r in (for_all, for_none)]

    texts = assert_translated(say, ukraine)
    assert all("accepts it only if" in t for t in texts)
    assert "otherwise it crosses" in texts[0]


def test_talking_points_for_every_party(ukraine: Scenario) -> None:
    data = ukraine.model_dump(mode="json", exclude_defaults=True)
    for p in data["parties"]:
        if p["id"] == "united-states":  # only stated demands: none counts under assessed
            for r in p["red_lines"]:
                r["stance"] = "stated"
    scenario = scenario_from_dict(data)
    stances: tuple[Stance, ...] = ("assessed", "stated")
    reports = {(d.id, s): check(scenario, d, stance=s) for d in scenario.drafts for s in stances}

    def say() -> list[str]:
        return [t for (draft_id, stance), report in reports.items() for party in scenario.parties
                for t in memo.talking_points(scenario, scenario.draft(draft_id), party,
                                             report.verdict(party.id), stance)]

    texts = assert_translated(say, scenario)
    assert any("states no red lines" in t for t in texts)  # Turkey
    assert any("none that counts" in t for t in texts)
    assert any("nothing in this draft" in t for t in texts)


def test_situation_names_and_comparison_words(ukraine: Scenario) -> None:
    drafts = ukraine.drafts
    spec = ukraine.provision_index["army-cap"].params[0]
    titles = [d.title for d in drafts]

    def say() -> list[str]:
        texts = [memo.situation(ukraine, [d]) for d in drafts]
        texts.append(memo.situation(ukraine, drafts))
        texts += [memo.named(titles[:k]) for k in (1, 2, 4)]
        texts += [memo.value_change(spec.label or spec.name, spec, b, a)
                  for b, a in ((600000, 800000), (None, 800000), (600000, None))]
        texts.append(memo.moved_text(1, 2))
        return texts

    texts = assert_translated(say, ukraine)
    assert any("before the draft's date" in t for t in texts)
    assert any("and 2 more" in t for t in texts)


def test_english_is_unchanged_without_a_translator() -> None:
    """Outside the pseudo-translation the same calls read in plain English."""
    assert words.note_text(Note("all-clashes-found", 1)) == "only 1 distinct clash exists"
    assert words.note_text(Note("all-clashes-found", 2)) == "only 2 distinct clashes exist"
    assert words.note_text(Note("open-bound")).startswith(
        "the draft's open points have too many combinations to keep open (more than 64)")
    assert words.clashes_heading(3).startswith("3 distinct clashes of red lines")
    assert words.progress_text(Progress("salient", 0, 1)) == (
        "Moving the values of the proposal with 1 change to round figures…")
    assert memo.named(["A", "B", "C"]) == "‘A’, ‘B’ and 1 more"
    assert memo.moved_text(1, 3) == "moved from phase 1 to phase 3"
    assert percent(None) == "n/a"
    assert words.mark_label(words.MOST_EQUAL) == "Most equal"

"""The basic wording modules put every word they write through the translation hook.

Under :func:`~tests.wording_pseudo.pseudo_translation` each text of labels, values, prose,
guide, rules, sources, precedents and verdicts must come out marked: any word outside the
marks that is not the scenario's own (names, titles, labels) was written past the hook. The
inputs are the default scenario's drafts under both stances, with verdicts varied
(``dataclasses.replace``) to reach every sentence: each chance, the no-deal level at, above and
below, no preferences, viable (if ...)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from desktop.domain import Scenario, check
from desktop.domain.checker import PartyVerdict, Report
from desktop.domain.model import Draft, Stance
from desktop.domain.params import BoolParam, Choice, ChoiceParam, IntParam, NumberParam, ParamSpec
from desktop.domain.precedents import CODE_NAMES, Tag, load_index
from desktop.domain.rules import RuleError
from desktop.wording import guide, labels, precedents, prose, rules, sources, values, verdicts
from tests.wording_pseudo import data_words, leftover_words, pseudo_translation

STANCES: tuple[Stance, ...] = ("stated", "assessed")


@pytest.fixture(scope="module")
def allowed(ukraine: Scenario) -> set[str]:
    """The words the default scenario brings into these sentences: names, titles and labels
    (narrower than its whole ``model_dump()``, whose rationales and notes hold most English
    words, and would let a bare one pass)."""
    texts: list[object] = [[p.name, [r.title for r in p.red_lines],
                            [r.title for r in p.preferences]] for p in ukraine.parties]
    for prov in ukraine.provisions:
        texts += [prov.title, [s.model_dump(include={"label", "unit", "choices", "true_label",
                                                     "false_label"}) for s in prov.params]]
    texts += [a.label for d in ukraine.drafts for c in d.clauses for a in c.alternatives]
    return data_words(*texts)


def bare(texts: list[str], allowed: set[str]) -> dict[str, list[str]]:
    """Each text that has words outside the marks, with those words."""
    found = {t: leftover_words(t, allowed) for t in texts}
    return {t: words for t, words in found.items() if words}


def marked(texts: list[str], allowed: set[str]) -> None:
    assert texts
    assert bare(texts, allowed) == {}


def reports(scenario: Scenario) -> Iterator[tuple[Draft, Report]]:
    for draft in scenario.drafts:
        for stance in STANCES:
            yield draft, check(scenario, draft, stance=stance)


# --------------------------------------------------------------------------- labels, guide


def test_labels_read_through_the_hook(allowed: set[str]) -> None:
    with pseudo_translation():
        texts = [labels.kind_label(k) for k in labels.KIND_LABELS]
        texts += [labels.kind_letter(k) for k in labels.KIND_LETTERS]
        texts += [labels.role_label(r) for r in labels.ROLE_LABELS]
        texts += [labels.param_type_label(t) for t in labels.PARAM_TYPE_LABELS]
        texts += [labels.briefing_kind_label(k) for k in labels.BRIEFING_KIND_LABELS]
        texts += [labels.paper_label(p) for p in labels.PAPER_LABELS]
        texts += [labels.draft_status_label(s) for s in labels.DRAFT_STATUS_LABELS]
        texts.append(labels.default_marking())
    marked(texts, set())
    # English without a translator: the tables' own text.
    assert labels.kind_label("concession") == "Concession"
    assert labels.draft_status_label(None) == "Not stated"
    assert labels.default_marking() == labels.DEFAULT_MARKING


def test_the_guide_reads_through_the_hook() -> None:
    with pseudo_translation():
        texts = [guide.getting_started(), guide.shortcuts_intro()]
        texts += [part for row in guide.panel_keys() for part in row]
    marked(texts, set())
    assert guide.getting_started() == guide.GETTING_STARTED
    assert "<h2>Getting started</h2>" in guide.GETTING_STARTED
    assert guide.panel_keys()[0] == ("Library", "Enter", "Add the selected provisions to the draft")


# --------------------------------------------------------------------------- values, prose


def made_params() -> list[ParamSpec]:
    """Params that reach each of domain_words' sentences."""
    choices = (Choice(id="us-led", label="US-led"), Choice(id="un-led", label="UN-led"),
               Choice(id="eu-led", label="EU-led"))
    return [
        IntParam(type="int", name="army", default=800_000, min=0, max=2_000_000, step=50_000,
                 unit="personnel"),
        IntParam(type="int", name="army", default=5, min=1),
        IntParam(type="int", name="army", default=5, max=10),
        IntParam(type="int", name="army", default=5),
        NumberParam(type="number", name="fund", default=100e9, unit="USD"),
        NumberParam(type="number", name="share", default=15, min=0, max=100, unit="%"),
        ChoiceParam(type="choice", name="lead", default="us-led", choices=choices),
        ChoiceParam(type="choice", name="lead", default="us-led", choices=choices[:2]),
        ChoiceParam(type="choice", name="lead", default="us-led", choices=choices[:1]),
        BoolParam(type="bool", name="mirrors", default=True),
        BoolParam(type="bool", name="mirrors", default=False),
    ]


def test_values_read_through_the_hook(ukraine: Scenario, allowed: set[str]) -> None:
    specs = [spec for prov in ukraine.provisions for spec in prov.params] + made_params()
    allowed = allowed | data_words([s.model_dump() for s in specs])
    with pseudo_translation():
        texts = [values.domain_words(s) for s in specs]
        texts += [values.param_line(s) for s in specs]
        texts += [values.format_value(True), values.format_value(False), values.plain_value(True),
                  values.plain_value(False), values.quantity(2_000_000, "personnel"),
                  values.quantity(3_500_000_000, "USD"), values.quantity(2e12)]
        # A bool param's words, where its scenario gives none.
        texts += [values.value_text(s, s.default) for s in specs if isinstance(s, BoolParam)]
        filled = [values.clause_text(prov) for prov in ukraine.provisions if prov.params]
    marked(texts, allowed)
    assert bare(filled, allowed | data_words([p.text for p in ukraine.provisions])) == {}
    assert values.domain_words(made_params()[0]) == "0 to 2 million, in steps of 50,000"
    assert values.domain_words(made_params()[6]) == "or 2 others"
    assert values.param_line(made_params()[2]) == "Army: 5 (at most 10)"


def test_prose_reads_through_the_hook(ukraine: Scenario, allowed: set[str]) -> None:
    names = [p.name for p in ukraine.parties]
    with pseudo_translation():
        texts = [prose.series(names[:2]), prose.series(names), prose.series(names, "or"),
                 prose.series(names[:2], "or")]
        texts += [prose.possessive(n) for n in names]  # "Ukraine's", "United States'"
        texts += [prose.provision_title(ukraine, p.id) for p in ukraine.provisions]
        texts.append(prose.provision_title(None, "gone-clause"))
    marked(texts, allowed | {"gone", "clause"})
    assert prose.series(["a", "b", "c"], "or") == "a, b or c"
    assert prose.possessive("United States (mediator)") == "United States'"


# --------------------------------------------------------------------------- rules, sources


def test_rule_errors_read_through_the_hook(ukraine: Scenario, allowed: set[str]) -> None:
    provisions = ukraine.provision_index
    errors = [
        RuleError("m", 0, kind="provision", name="armycap", suggestions=("army-cap", "neutral")),
        RuleError("m", 0, kind="provision", name="armycap"),
        RuleError("m", 0, kind="param", name="personel", owner="army-cap",
                  suggestions=("personnel",)),
        RuleError("m", 0, kind="param", name="personel", owner="army-cap",
                  known=("personnel", "tanks")),
        RuleError("m", 0, kind="choice", name="demilitarized", owner="donbas-zone.zone_type",
                  suggestions=("demilitarised",)),
        RuleError("m", 0, kind="choice", name="demilitarized", owner="donbas-zone.zone_type",
                  known=("demilitarised", "free-economic")),
        RuleError("m", 0, kind="keyword", name="adn", suggestions=("and", "not")),
    ]
    typed = data_words([[e.name, e.owner, *e.known, *e.suggestions] for e in errors])
    with pseudo_translation():
        texts = [rules.rule_error_text(e, provisions) for e in errors]
    marked(texts, allowed | typed)
    assert rules.rule_error_text(errors[6], provisions) == (
        "'adn' is not a word of the rule language; did you mean 'and' or 'not'?")


def test_sources_read_through_the_hook() -> None:
    with pseudo_translation():
        texts = [sources.inferred_mark(), sources.legend(), sources.none_cited(),
                 sources.sources_heading(), sources.annexes_line(True),
                 sources.annexes_line(False)]
    marked(texts, set())
    assert sources.annexes_line(False) == (
        "The annexes follow: A. verdicts; B. one section per party; C. the draft text.")


# --------------------------------------------------------------------------- precedents


def test_precedents_read_through_the_hook() -> None:
    index = load_index()
    issues = data_words(list(CODE_NAMES.values()))  # PA-X's names: data, not wording
    tags = [Tag("Ce"), Tag("Ce", 2), Tag("Ce", 3)]
    known = next(c for c in CODE_NAMES if c != "Ce" and index.knows(c))
    with pseudo_translation():
        texts = [precedents.credit(), precedents.credit_short(), precedents.agreements(0),
                 precedents.agreements(1), precedents.agreements(1038),
                 precedents.tags_label([]), precedents.tags_label([*tags, Tag(known)])]
        texts += [precedents.strength_name(s) for s in precedents.STRENGTH_NAMES]
        texts += [precedents.tag_label(t) for t in tags]
        texts += precedents.provision_counts([*tags[:2], Tag(known)], index)
        texts += precedents.precedent_lines([Tag("Ce")])
        # code_name's own words for a code PA-X lacks (desktop.domain's text)
        unknown = precedents.count_line(Tag("Zz"), index)
    marked(texts, issues)
    assert bare([unknown], issues | {"unknown", "pa", "x", "issue", "zz"}) == {}
    assert precedents.agreements(1038) == "1,038 agreements"
    assert precedents.agreements(1) == "1 agreement"
    assert precedents.strength_name(None) == precedents.strength_name(9) == ""


# --------------------------------------------------------------------------- verdicts


def varied(v: PartyVerdict) -> list[PartyVerdict]:
    """``v`` and verdicts like it that reach each chance and coverage sentence."""
    out = [v]
    if v.violations:
        out += [replace(v, acceptance_chance=x) for x in (0.0, 1.0, 0.4, 0.8, 0.11, 0.999,
                                                          0.001)]
    out += [replace(v, coverage=(0, 5), addressed_satisfaction=None),
            replace(v, coverage=(0, 0), addressed_satisfaction=None, satisfaction=None)]
    return out


def test_verdicts_read_through_the_hook(ukraine: Scenario, allowed: set[str]) -> None:
    texts: list[str] = []
    with pseudo_translation():
        for draft, report in reports(ukraine):
            texts.append(verdicts.viability_words(report, draft, ukraine))
            texts.append(verdicts.viability_words(report, draft, ukraine, titled=True))
            texts += verdicts.open_points(draft, ukraine)
            for verdict in report.parties:
                party = ukraine.party(verdict.party)
                texts.append(verdicts.verdict_phrase(verdict, draft, ukraine))
                texts.append(verdicts.verdict_phrase(verdict, draft, ukraine, titled=True))
                texts += verdicts.met_if_lines(verdict, draft, ukraine)
                for x in verdict.violations:
                    texts.append(verdicts.violation_condition(x.under, x.conditional, draft,
                                                              ukraine))
                    texts.append(verdicts.violation_condition(x.under, True, draft, ukraine))
                for v in varied(verdict):
                    for open_draft in (False, True):
                        texts.append(verdicts.chance_words(v, open_draft=open_draft))
                    texts.append(verdicts.coverage_words(v))
                    for level in (None, 0.0, v.addressed_satisfaction or 0.5, 0.99):
                        someone = party.model_copy(update={"no_deal": level})
                        texts.append(verdicts.no_deal_words(v, someone))
                        texts.append(verdicts.satisfaction_sentence(v, someone))
        texts += [verdicts.bound_words(), *(verdicts.stance_label(s) for s in STANCES)]
    marked([t for t in texts if t], allowed)


def test_verdicts_name_open_points_and_conditions(ukraine: Scenario, allowed: set[str]) -> None:
    draft = next(d for d in ukraine.drafts if any(c.alternatives for c in d.clauses))
    report = check(ukraine, draft)
    opened = [c for c in draft.clauses if c.alternatives]
    both = tuple((c.provision, 0, c.alternatives[0].label) for c in opened)
    with pseudo_translation():
        texts = [verdicts.alternative_name("", k) for k in range(12)]
        texts += [verdicts.alternative_name("The Ukrainian formula", 0, ukraine)]
        texts += [verdicts.open_point_text(c, draft, ukraine) for c in opened]
        texts += [verdicts.open_point_text(c, None, ukraine) for c in opened]  # "a clause"
        texts += [verdicts.condition_words(both, draft, ukraine, titled=True),
                  verdicts.violation_condition(both, False, draft, ukraine),
                  verdicts.violation_condition(both[:1], False, draft, ukraine),
                  verdicts.viability_words(replace(report, viable=True), draft),
                  verdicts.viability_words(replace(report, viable=False, viable_if=both), draft,
                                           ukraine, titled=True),
                  verdicts.viability_words(replace(report, viable=False, viable_if=None), draft)]
        undecided = replace(report.parties[0], undecided=("x", "y"), met_if=(both, ()))
        texts += verdicts.met_if_lines(undecided, draft, ukraine)
    marked(texts, allowed | {"x", "y"})
    assert verdicts.alternative_name("", 11) == "its number 12 alternative"
    assert verdicts.violation_condition(both, False, draft, ukraine).endswith(" say")

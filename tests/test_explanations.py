"""Every shape of the red-line language, explained in exact sentences.

Each case is a red line of "Ukraine" over a small scenario whose params carry version 2's words
(labels, units, choice labels, the words for yes and no), checked against a draft that crosses
it; the sentence under the card, in the terminal and on paper is pinned word for word.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain import Report, Scenario, check
from desktop.domain.interchange import scenario_from_dict
from desktop.domain.rules import parse
from desktop.wording.reasons import condition_text, conflict_text, explanation

PROVISIONS: list[dict[str, Any]] = [
    {"id": "army-cap", "title": "Ceiling on Ukraine's armed forces", "category": "military",
     "kind": "concession", "text": "Ukraine's armed forces will not exceed {personnel}.",
     "params": [{"name": "personnel", "type": "int", "label": "Army personnel",
                 "unit": "personnel", "default": 600000, "min": 0, "max": 2000000,
                 "step": 50000}]},
    {"id": "zone", "title": "Donbas arrangement", "category": "territory", "kind": "concession",
     "text": "A zone policed by {policing}; the pullback is {mirrored}.",
     "params": [{"name": "policing", "type": "choice", "label": "Policing",
                 "default": "russian-national-guard",
                 "choices": [{"id": "ukrainian-police", "label": "Ukrainian police"},
                             {"id": "russian-national-guard",
                              "label": "Russian National Guard"},
                             "joint-patrols"]},
                {"name": "mirrored", "type": "bool", "label": "Russian pullback",
                 "default": False, "true_label": "mirrored by Russia",
                 "false_label": "not mirrored by Russia"}]},
    {"id": "guarantee", "title": "US security guarantee", "category": "security",
     "kind": "guarantee", "text": "For {years}.",
     "params": [{"name": "years", "type": "int", "label": "Duration", "unit": "years",
                 "default": 15},
                {"name": "armed", "type": "bool", "label": "Armed response", "default": False,
                 "true_label": "by force of arms", "false_label": "not by force of arms"}]},
    {"id": "monitoring", "title": "International monitoring", "category": "mechanism",
     "kind": "mechanism", "text": "Monitoring."},
    {"id": "ceasefire", "title": "Full ceasefire", "category": "security",
     "kind": "commitment", "text": "Ceasefire."},
    {"id": "amnesty", "title": "Amnesty", "category": "justice", "kind": "concession",
     "text": "Amnesty.", "excludes": ["monitoring"]},
]

Clauses = list[str | tuple[str, int]]


def scenario(rule: str, clauses: Clauses, party: str = "Ukraine") -> Scenario:
    return scenario_from_dict({
        "format": "accord.scenario", "version": 2, "title": "Shapes",
        "parties": [{"id": "p", "name": party,
                     "red_lines": [{"id": "r", "title": "R", "rule": rule}]}],
        "provisions": PROVISIONS,
        "drafts": [{"id": "d", "title": "D", "clauses": [
            {"provision": c} if isinstance(c, str) else {"provision": c[0], "phase": c[1]}
            for c in clauses]}],
    })


def crossed(rule: str, clauses: Clauses, party: str = "Ukraine") -> str:
    s = scenario(rule, clauses, party)
    report: Report = check(s, s.drafts[0])
    (violation,) = report.parties[0].violations
    return explanation(violation.reasons, s, party)


@pytest.mark.parametrize(("rule", "clauses", "sentence"), [
    ('guarantee', ['army-cap'],
         'The draft has no “US security guarantee”; Ukraine requires it.'),
    ('not amnesty', ['amnesty'],
         'The draft includes “Amnesty”; Ukraine rejects it.'),
    ('army-cap.personnel >= 800000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine requires at least 800,000 personnel.'),
    ('army-cap.personnel > 600000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine requires more than 600,000 personnel.'),
    ('army-cap.personnel <= 500000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine requires at most 500,000 personnel.'),
    ('army-cap.personnel < 600000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine requires less than 600,000 personnel.'),
    ('army-cap.personnel == 800000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine requires 800,000 personnel.'),
    ('army-cap.personnel != 600000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine rejects 600,000 personnel.'),
    ('zone.policing == "ukrainian-police"', ['zone'],
         'Policing in “Donbas arrangement” is Russian National Guard; Ukraine requires '
         'Ukrainian police.'),
    ('zone.policing != "russian-national-guard"', ['zone'],
         'Policing in “Donbas arrangement” is Russian National Guard; Ukraine rejects '
         'Russian National Guard.'),
    # A yes/no param is said in its provision's own words where the text has a clause for it...
    ('zone.mirrored == true', ['zone'],
         'In “Donbas arrangement”, the pullback is not mirrored by Russia; Ukraine requires '
         'that the pullback is mirrored by Russia.'),
    ('zone.mirrored != false', ['zone'],
         'In “Donbas arrangement”, the pullback is not mirrored by Russia; Ukraine requires '
         'that the pullback is mirrored by Russia.'),
    # ... and by its label and words where it has none.
    ('guarantee.armed == true', ['guarantee'],
         'Armed response in “US security guarantee” is “not by force of arms”; Ukraine '
         'requires “by force of arms”.'),
    ('zone.policing in ["ukrainian-police", "joint-patrols"]', ['zone'],
         'Policing in “Donbas arrangement” is Russian National Guard; Ukraine requires '
         'Ukrainian police or joint patrols.'),
    ('not (zone.policing in ["russian-national-guard", "joint-patrols"])', ['zone'],
         'Policing in “Donbas arrangement” is Russian National Guard; Ukraine rejects '
         'Russian National Guard and joint patrols.'),
    ('ceasefire.phase <= 1', [('ceasefire', 2)],
         '“Full ceasefire” comes in phase 2; Ukraine requires phase 1 or earlier.'),
    ('ceasefire.phase < amnesty.phase', [('ceasefire', 2), ('amnesty', 1)],
         '“Full ceasefire” comes in phase 2; Ukraine requires an earlier phase than '
         '“Amnesty” (phase 1).'),
    ('guarantee.years >= 20', ['army-cap'],
         'The draft has no “US security guarantee”; Ukraine requires it, with duration '
         'set to at least 20 years.'),
    ('at_least(2, guarantee, monitoring, ceasefire)', ['ceasefire'],
         'Of “US security guarantee”, “International monitoring” and “Full ceasefire”, '
         'the draft has only “Full ceasefire”; Ukraine requires at least 2.'),
    ('at_least(1, guarantee, monitoring)', ['army-cap'],
         'The draft has neither “US security guarantee” nor “International monitoring”; '
         'Ukraine requires at least 1.'),
    ('at_most(1, guarantee, monitoring, ceasefire)', ['guarantee', 'monitoring'],
         'Of “US security guarantee”, “International monitoring” and “Full ceasefire”, '
         'the draft has “US security guarantee” and “International monitoring”; Ukraine '
         'accepts at most 1.'),
    ('not at_most(1, guarantee, monitoring)', ['army-cap'],
         'The draft has neither “US security guarantee” nor “International monitoring”; '
         'Ukraine requires at least 2.'),
    ('guarantee and monitoring', ['army-cap'],
         'The draft has no “US security guarantee”; Ukraine requires it. The draft has '
         'no “International monitoring”; Ukraine requires it.'),
    ('guarantee or army-cap.personnel >= 800000', ['army-cap'],
         'Ukraine accepts any one of several alternatives, and each fails: the draft '
         "has no “US security guarantee”; army personnel in “Ceiling on Ukraine's armed "
         'forces” is 600,000 personnel, not at least 800,000 personnel.'),
    ('army-cap -> army-cap.personnel >= 800000', ['army-cap'],
         "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
         'Ukraine requires at least 800,000 personnel.'),
    ('zone -> monitoring', ['zone'],
         'The draft has no “International monitoring”; Ukraine requires it when the '
         'draft includes “Donbas arrangement”.'),
    ('zone -> guarantee.years >= 20', ['zone'],
         'The draft has no “US security guarantee”; Ukraine requires it, with duration '
         'set to at least 20 years, when the draft includes “Donbas arrangement”.'),
    ('zone -> (zone.policing == "ukrainian-police" and zone.mirrored == true)', ['zone'],
         'Policing in “Donbas arrangement” is Russian National Guard; Ukraine requires '
         'Ukrainian police. In “Donbas arrangement”, the pullback is not mirrored by Russia; '
         'Ukraine requires that the pullback is mirrored by Russia.'),
    ('not (zone -> amnesty)', ['army-cap'],
         'Ukraine requires that the draft includes “Donbas arrangement”, and it does '
         'not.'),
    ('not (guarantee and army-cap)', ['guarantee', 'army-cap'],
         'Ukraine accepts any one of several alternatives, and each fails: the draft '
         "includes “US security guarantee”; the draft includes “Ceiling on Ukraine's "
         'armed forces”.'),
])
def test_each_rule_shape_has_its_sentence(rule: str, clauses: Clauses, sentence: str) -> None:
    assert crossed(rule, clauses) == sentence


def test_a_party_named_in_the_plural_takes_a_plural_verb() -> None:
    assert crossed("army-cap.personnel >= 800000", ["army-cap"], "European states") == (
        "Army personnel in “Ceiling on Ukraine's armed forces” is 600,000 personnel; "
        "European states require at least 800,000 personnel.")
    assert crossed("not amnesty", ["amnesty"], "United States") == (
        "The draft includes “Amnesty”; United States rejects it.")


@pytest.mark.parametrize(("rule", "words"), [
    ("zone", "the draft includes “Donbas arrangement”"),
    ("not zone", "the draft does not include “Donbas arrangement”"),
    ("army-cap.personnel >= 800000",
     "army personnel in “Ceiling on Ukraine's armed forces” is at least 800,000 personnel"),
    ('zone.policing in ["ukrainian-police", "joint-patrols"]',
     "policing in “Donbas arrangement” is Ukrainian police or joint patrols"),
    ('not (zone.policing in ["ukrainian-police"])',
     "policing in “Donbas arrangement” is not Ukrainian police"),
    ("zone.mirrored == true", "Russian pullback in “Donbas arrangement” is “mirrored by Russia”"),
    ("ceasefire.phase <= 2", "“Full ceasefire” is in phase 2 or earlier"),
    ("at_least(2, guarantee, monitoring, ceasefire)",
     "the draft includes at least 2 of “US security guarantee”, “International monitoring” "
     "and “Full ceasefire”"),
    ("guarantee or monitoring",
     "either the draft includes “US security guarantee” or the draft includes "
     "“International monitoring”"),
    ("zone -> monitoring",
     "if the draft includes “Donbas arrangement”, then the draft includes "
     "“International monitoring”"),
    ("not (guarantee and monitoring)",
     "it is not the case that the draft includes “US security guarantee” and the draft "
     "includes “International monitoring”"),
])
def test_conditions_in_words(rule: str, words: str) -> None:
    s = scenario("amnesty", [])
    assert condition_text(parse(rule), s) == words


def test_conflicts_name_both_clauses_by_title() -> None:
    s = scenario("guarantee", ["amnesty", "monitoring"])
    (conflict,) = check(s, s.drafts[0]).conflicts
    assert conflict_text(conflict, s) == (
        "“Amnesty” and “International monitoring” exclude each other: "
        "the draft cannot hold both.")

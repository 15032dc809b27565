"""The scenario model's field rules (issue: interchange format, field rules)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from desktop.domain import Scenario, ScenarioError, parse_scenario, scenario_from_dict
from desktop.domain.model import Provision
from desktop.wording import clause_text, format_value


@pytest.fixture
def base(mini_json: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(mini_json)
    return data


def refused(data: dict[str, Any]) -> str:
    with pytest.raises(ScenarioError) as info:
        scenario_from_dict(data)
    return str(info.value)


Edit = Callable[[dict[str, Any]], None]


def edited(base: dict[str, Any], edit: Edit) -> dict[str, Any]:
    data = copy.deepcopy(base)
    edit(data)
    return data


def test_mini_scenario_loads(base: dict[str, Any]) -> None:
    s = scenario_from_dict(base)
    assert [p.id for p in s.parties] == ["ukraine", "russia"]
    assert s.provision("army-cap").params[0].default == 800_000
    assert s.as_of is not None
    assert s.as_of.isoformat() == "2025-12-15"


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda d: d.update(colour="red"), "colour: unknown key"),
        (lambda d: d["parties"][0].update(nickname="UA"), "parties[0].nickname: unknown key"),
        (lambda d: d["provisions"][0]["params"][0].update(stride=5), "stride: unknown key"),
        (lambda d: d["drafts"][0]["clauses"][0].update(weight=2), "clauses[0].weight: unknown"),
    ],
)
def test_unknown_keys_are_errors(base: dict[str, Any], edit: Edit, fragment: str) -> None:
    assert fragment in refused(edited(base, edit))


@pytest.mark.parametrize("bad_id", ["9lives", "army--cap", "army-", "-army", "army cap", "army.cap",
                                    "", "ärmy"])
def test_id_pattern(base: dict[str, Any], bad_id: str) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["provisions"][2]["id"] = bad_id

    assert "provisions[2].id" in refused(edited(base, edit))


@pytest.mark.parametrize("good_id", ["a", "A_b", "intl-mon", "x1-2-y_3", "Z_"])
def test_ids_that_fit_the_pattern(base: dict[str, Any], good_id: str) -> None:
    data = edited(base, lambda d: d["provisions"][2].update(id=good_id))
    data["parties"][0]["red_lines"][1]["rule"] = f"withdrawal -> {good_id}"
    assert scenario_from_dict(data).provisions[2].id == good_id


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda d: d["parties"].append(dict(d["parties"][0], red_lines=[], preferences=[])),
         "party id 'ukraine' is used more than once"),
        (lambda d: d["provisions"].append(d["provisions"][2]),
         "provision id 'intl-monitoring' is used more than once"),
        (lambda d: d["drafts"].append(dict(d["drafts"][0])),
         "draft id 'd1' is used more than once"),
        (lambda d: d["parties"][1]["red_lines"].append(d["parties"][0]["red_lines"][0]),
         "red line id 'ua-army' is used more than once"),
    ],
)
def test_ids_unique_within_their_kind(base: dict[str, Any], edit: Edit, fragment: str) -> None:
    assert fragment in refused(edited(base, edit))


def test_role_and_kind(base: dict[str, Any]) -> None:
    assert "role" in refused(edited(base, lambda d: d["parties"][0].update(role="king")))
    assert "kind" in refused(edited(base, lambda d: d["provisions"][0].update(kind="bribe")))
    s = scenario_from_dict(base)
    assert s.parties[0].role == "party"  # the default
    for role in ("party", "mediator", "guarantor", "observer"):
        data = edited(base, lambda d: None)
        data["parties"][0]["role"] = role
        assert scenario_from_dict(data).parties[0].role == role


@pytest.mark.parametrize(
    ("param", "fragment"),
    [
        ({"name": "n", "type": "int", "min": 0, "max": 10, "default": 11}, "above max"),
        ({"name": "n", "type": "int", "min": 5, "default": 1}, "below min"),
        ({"name": "n", "type": "int", "min": 5, "max": 1, "default": 3}, "greater than max"),
        ({"name": "n", "type": "int", "default": 1.5}, "valid integer"),
        ({"name": "n", "type": "int", "default": True}, "valid integer"),
        ({"name": "n", "type": "number", "default": "1"}, "default"),
        ({"name": "n", "type": "choice", "choices": ["a", "b"], "default": "c"}, "not one of"),
        ({"name": "n", "type": "choice", "choices": [], "default": "c"}, "at least 1"),
        ({"name": "n", "type": "choice", "choices": ["a", "a"], "default": "a"}, "repeat"),
        ({"name": "n", "type": "bool", "default": 0}, "valid boolean"),
        ({"name": "n", "type": "date", "default": 0}, "type"),
        ({"name": "n", "type": "int"}, "default"),
        ({"name": "phase", "type": "int", "default": 1}, "reserved"),
        ({"name": "not", "type": "int", "default": 1}, "word of the rule language"),
    ],
)
def test_param_domains(base: dict[str, Any], param: dict[str, Any], fragment: str) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["provisions"][2]["params"] = [param]

    assert fragment in refused(edited(base, edit))


def test_placeholders_must_be_params(base: dict[str, Any]) -> None:
    msg = refused(edited(base, lambda d: d["provisions"][2].update(text="Monitors {teams}.")))
    assert "placeholder {teams}" in msg


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ({"personnel": -1}, "personnel = -1 does not fit; it must be an integer from 0 to 2000000"),
        ({"personnel": 1.5}, "does not fit"),
        ({"personnel": True}, "does not fit"),
        ({"staff": 5}, "'staff' is not a param of 'army-cap'"),
    ],
)
def test_clause_values_fit_their_domain(
    base: dict[str, Any], values: dict[str, Any], fragment: str
) -> None:
    msg = refused(edited(base, lambda d: d["drafts"][0]["clauses"][0].update(values=values)))
    assert "draft 'd1', clause 1 (army-cap)" in msg
    assert fragment in msg


def test_choice_value_must_be_a_choice(base: dict[str, Any]) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["drafts"][0]["clauses"][2]["values"] = {"form": "handshake"}

    assert 'it must be one of "political", "binding"' in refused(edited(base, edit))


def test_missing_values_take_defaults_and_phase_defaults_to_1(base: dict[str, Any]) -> None:
    s = scenario_from_dict(base)
    clause = s.drafts[0].clauses[2]
    assert clause.values == {}
    assert clause.phase == 1
    assert clause_text(s.provision("guarantee"), clause.values) == (
        "A guarantee for 15 years, form binding."
    )
    assert clause_text(s.provision("army-cap"), {"personnel": 600_000}) == (
        "Ukraine's armed forces will not exceed 600,000 personnel in peacetime."
    )


def test_phase_is_from_1_up(base: dict[str, Any]) -> None:
    assert "phase" in refused(edited(base, lambda d: d["drafts"][0]["clauses"][0].update(phase=0)))


def test_excludes_is_symmetric(base: dict[str, Any]) -> None:
    s = scenario_from_dict(base)
    assert frozenset(("guarantee", "neutral")) in s.exclusion_pairs()
    # Declared on either side, the pair is the same.
    flipped = edited(base, lambda d: None)
    flipped["provisions"][3]["excludes"] = []
    flipped["provisions"][4]["excludes"] = ["guarantee"]
    assert scenario_from_dict(flipped).exclusion_pairs() == s.exclusion_pairs()


def test_excludes_and_parties_must_exist(base: dict[str, Any]) -> None:
    assert "excludes unknown provision 'ghost'" in refused(
        edited(base, lambda d: d["provisions"][0].update(excludes=["ghost"])))
    assert "by names unknown party 'nato'" in refused(
        edited(base, lambda d: d["provisions"][0].update(by=["nato"])))
    assert "cannot exclude itself" in refused(
        edited(base, lambda d: d["provisions"][0].update(excludes=["army-cap"])))


def test_weight_defaults_to_1_and_must_be_positive(base: dict[str, Any]) -> None:
    s = scenario_from_dict(base)
    assert s.parties[0].preferences[1].weight == 1
    for bad in (0, -1):
        data = edited(base, lambda d: None)
        data["parties"][0]["preferences"][0]["weight"] = bad
        assert "weight: Input should be greater than 0" in refused(data)


def test_optional_fields_may_be_left_out() -> None:
    minimal = {"format": "accord.scenario", "version": 2, "title": "Bare"}
    s = scenario_from_dict(minimal)
    assert (s.summary, s.as_of, s.parties, s.provisions, s.drafts) == ("", None, (), (), ())


def test_one_clause_per_provision(base: dict[str, Any]) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["drafts"][0]["clauses"].append({"provision": "army-cap"})

    assert "a provision may appear once per draft" in refused(edited(base, edit))


def test_invalid_rule_names_party_rule_and_column(base: dict[str, Any]) -> None:
    def edit(d: dict[str, Any]) -> None:
        d["parties"][1]["red_lines"][0]["rule"] = "army-cap and army-cap.staff <= 600000"

    msg = refused(edited(base, edit))
    assert msg.startswith("party 'russia', red line 'ru-army': column 23: 'army-cap' has no param")


def test_provision_ids_cannot_be_keywords(base: dict[str, Any]) -> None:
    assert "word of the rule language" in refused(
        edited(base, lambda d: d["provisions"][2].update(id="not")))


def test_as_of_must_be_a_date(base: dict[str, Any]) -> None:
    assert "as_of" in refused(edited(base, lambda d: d.update(as_of=20251215)))
    assert "as_of" in refused(edited(base, lambda d: d.update(as_of="15/12/2025")))


def test_the_model_is_immutable(base: dict[str, Any]) -> None:
    s = scenario_from_dict(base)
    with pytest.raises(ValueError, match="frozen"):
        s.title = "changed"  # type: ignore[misc]


def test_equality_ignores_caches(mini_json: bytes) -> None:
    from desktop.domain import check

    a = parse_scenario(mini_json)
    b = parse_scenario(mini_json)
    check(a, a.drafts[0])  # fills a's private caches
    assert a == b
    assert isinstance(a, Scenario)


@pytest.mark.parametrize(
    ("value", "text"),
    [(800_000, "800,000"), (2.5, "2.5"), (True, "yes"), (False, "no"), ("de-jure", "de-jure")],
)
def test_values_in_clause_text(value: bool | int | float | str, text: str) -> None:
    assert format_value(value) == text
    assert isinstance(Provision, type)

"""Pure edit operations: each returns a new consistent scenario and never touches the old one."""

from __future__ import annotations

import pytest

from desktop.domain import Party, Provision, RedLine, Scenario, check, parse_scenario
from desktop.domain.checker import compiled
from desktop.domain.edit import (
    EditError,
    EditResult,
    add_clause,
    add_clause_edit,
    add_clauses_edit,
    add_draft,
    add_draft_edit,
    duplicate_draft,
    duplicate_draft_edit,
    move_clause,
    move_clause_edit,
    put_party,
    put_provision,
    remove_clause,
    remove_clause_edit,
    remove_draft,
    remove_party,
    remove_provision,
    rename_draft,
    replace_clauses_edit,
    replace_draft,
    rules_mentioning,
    unique_id,
    update_clause,
    update_clause_edit,
)


@pytest.fixture
def s(mini_json: bytes) -> Scenario:
    return parse_scenario(mini_json)


def ids(s: Scenario, draft: str = "d1") -> list[str]:
    return [c.provision for c in s.draft(draft).clauses]


def test_add_remove_move_clause(s: Scenario) -> None:
    s2 = add_clause(s, "d1", "intl-monitoring", index=1)
    assert ids(s2) == ["army-cap", "intl-monitoring", "withdrawal", "guarantee", "neutral"]
    assert ids(s) == ["army-cap", "withdrawal", "guarantee", "neutral"]  # untouched
    s3 = move_clause(s2, "d1", 0, 4)
    assert ids(s3) == ["intl-monitoring", "withdrawal", "guarantee", "neutral", "army-cap"]
    s4 = remove_clause(s3, "d1", 1)
    assert ids(s4) == ["intl-monitoring", "guarantee", "neutral", "army-cap"]
    with pytest.raises(EditError, match="already in the draft"):
        add_clause(s, "d1", "army-cap")
    with pytest.raises(EditError, match="no provision 'ghost'"):
        add_clause(s, "d1", "ghost")
    with pytest.raises(EditError, match="no clause 10"):
        remove_clause(s, "d1", 9)


def test_draft_edits_keep_compiled_rules(s: Scenario) -> None:
    before = compiled(s)
    s2 = add_clause(s, "d1", "intl-monitoring")
    assert compiled(s2) is before
    ua = check(s2, s2.draft("d1")).verdict("ukraine")
    assert [v.red_line for v in ua.violations] == ["ua-army"]  # monitoring fixed ua-monitor


def test_update_clause_validates_values(s: Scenario) -> None:
    s2 = update_clause(s, "d1", 0, values={"personnel": 850_000}, phase=2, note="E3 #4")
    clause = s2.draft("d1").clauses[0]
    assert (clause.values, clause.phase, clause.note) == ({"personnel": 850_000}, 2, "E3 #4")
    with pytest.raises(EditError, match="does not fit"):
        update_clause(s, "d1", 0, values={"personnel": -5})
    with pytest.raises(EditError, match="phase"):
        update_clause(s, "d1", 0, phase=0)


def test_draft_lifecycle(s: Scenario) -> None:
    s2, new_id = add_draft(s, "Berlin framework")
    assert new_id == "berlin-framework"
    assert s2.draft(new_id).clauses == ()
    s3, copy_id = duplicate_draft(s2, "d1")
    assert [d.id for d in s3.drafts] == ["d1", copy_id, "berlin-framework"]
    assert s3.draft(copy_id).clauses == s.draft("d1").clauses
    assert s3.draft(copy_id).title == "Draft one (copy)"
    s4 = rename_draft(s3, copy_id, "Variant")
    assert s4.draft(copy_id).title == "Variant"
    with pytest.raises(EditError, match="title"):
        rename_draft(s3, copy_id, "")
    assert [d.id for d in remove_draft(s4, "d1").drafts] == [copy_id, "berlin-framework"]


def test_unique_id() -> None:
    assert unique_id("US 28-point plan (Nov 2025)", []) == "us-28-point-plan-nov-2025"
    assert unique_id("draft", ["draft", "draft-2"]) == "draft-3"
    assert unique_id("2025 plan", []) == "x-2025-plan"
    assert unique_id("!!!", []) == "item"


def test_put_provision_add_and_edit(s: Scenario) -> None:
    new = Provision(id="amnesty", title="Amnesty", category="justice", kind="commitment",
                    text="Full amnesty.")
    s2 = put_provision(s, new)
    assert s2.provision("amnesty") == new
    assert compiled(s2) is not compiled(s)
    # Narrowing a param's range drops clause values that no longer fit (the default applies).
    cap = s.provision("army-cap")
    narrowed = cap.model_copy(update={"params": (cap.params[0].model_copy(
        update={"max": 500_000, "default": 400_000}),)})
    s3 = put_provision(s, narrowed, replaces="army-cap")
    assert s3.draft("d1").clauses[0].values == {}


def test_renaming_a_provision_named_by_rules_is_refused(s: Scenario) -> None:
    assert rules_mentioning(s, "army-cap") == ["ukraine/ua-army", "russia/ru-army"]
    renamed = s.provision("army-cap").model_copy(update={"id": "ceiling"})
    with pytest.raises(EditError, match=r"“Army ceiling” is named by Ukraine's red line ‘Army "
                                        r"of at least 800k’"):
        put_provision(s, renamed, replaces="army-cap")
    with pytest.raises(EditError, match="change those rules first"):
        remove_provision(s, "army-cap")


def test_renaming_and_removing_a_free_provision(s: Scenario) -> None:
    renamed = s.provision("neutral").model_copy(update={"id": "neutrality"})
    s2 = put_provision(s, renamed, replaces="neutral")
    assert ids(s2)[-1] == "neutrality"
    assert s2.provision("guarantee").excludes == ("neutrality",)
    s3 = remove_provision(s2, "neutrality")
    assert "neutrality" not in ids(s3)
    assert s3.provision("guarantee").excludes == ()


def test_invalid_provision_edit_is_refused(s: Scenario) -> None:
    bad = s.provision("army-cap").model_copy(update={"excludes": ("ghost",)})
    with pytest.raises(EditError, match="excludes unknown provision 'ghost'"):
        put_provision(s, bad, replaces="army-cap")


def test_party_edits(s: Scenario) -> None:
    us = Party(id="usa", name="United States", role="mediator",
               red_lines=(RedLine(id="us-g", title="Guarantee", rule="guarantee"),))
    s2 = put_party(s, us)
    assert check(s2, s2.draft("d1")).verdict("usa").acceptable
    bad = us.model_copy(update={"red_lines": (RedLine(id="us-g", title="G", rule="guarante"),)})
    with pytest.raises(EditError, match="unknown provision 'guarante'"):
        put_party(s, bad)
    renamed = s.party("russia").model_copy(update={"id": "rf"})
    s3 = put_party(s, renamed, replaces="russia")
    assert s3.provision("army-cap").to == ("rf",)
    s4 = remove_party(s3, "rf")
    assert [p.id for p in s4.parties] == ["ukraine"]
    assert s4.provision("army-cap").to == ()


# --------------------------------------------------------------------------- what an edit touched


def test_clause_edits_say_which_rows_they_touched(s: Scenario) -> None:
    added = add_clause_edit(s, "d1", "intl-monitoring", index=99)  # clamped to the end
    assert added == EditResult(added.scenario, "d1", (4,))
    assert ids(added.scenario)[4] == "intl-monitoring"
    assert add_clause_edit(s, "d1", "intl-monitoring", index=-3).rows == (0,)
    assert add_clause_edit(s, "d1", "intl-monitoring").rows == (4,)
    moved = move_clause_edit(s, "d1", 0, 2)
    assert (moved.draft_id, moved.rows) == ("d1", (0, 2))
    assert moved.scenario == move_clause(s, "d1", 0, 2)
    removed = remove_clause_edit(s, "d1", 1)
    assert (removed.rows, ids(removed.scenario)) == ((1,), ["army-cap", "guarantee", "neutral"])
    changed = update_clause_edit(s, "d1", 2, note="n")
    assert (changed.rows, changed.scenario.draft("d1").clauses[2].note) == ((2,), "n")
    with pytest.raises(EditError, match="no clause 10"):
        remove_clause_edit(s, "d1", 9)


def test_adding_several_clauses_skips_those_present(s: Scenario) -> None:
    result = add_clauses_edit(s, "d1", ["intl-monitoring", "army-cap"], index=1)
    assert result.rows == (1,)
    assert ids(result.scenario) == ["army-cap", "intl-monitoring", "withdrawal", "guarantee",
                                    "neutral"]
    nothing = add_clauses_edit(s, "d1", ["army-cap", "neutral"])
    assert nothing == EditResult(s, "d1", ())  # the very same scenario: nothing to undo
    with pytest.raises(EditError, match="no provision 'ghost'"):
        add_clauses_edit(s, "d1", ["intl-monitoring", "ghost"])


def test_draft_edits_name_the_new_draft(s: Scenario) -> None:
    made = add_draft_edit(s, "Fresh start")
    assert (made.draft_id, made.rows) == ("fresh-start", ())
    assert made.scenario == add_draft(s, "Fresh start")[0]
    copy = duplicate_draft_edit(s, "d1")
    assert copy.draft_id is not None
    assert [d.id for d in copy.scenario.drafts][1] == copy.draft_id
    replaced = replace_clauses_edit(s, "d1", s.draft("d1").clauses[:1])
    assert (replaced.draft_id, replaced.rows, ids(replaced.scenario)) == ("d1", (), ["army-cap"])


def test_an_edit_checks_the_clauses_it_changes_not_the_whole_draft(s: Scenario) -> None:
    """replace_draft looks again only at clauses that are not the draft's own unchanged clause
    objects (sound already): a bad value in a changed clause is still refused, named by its
    number, and a draft new to the scenario is checked in full."""
    from desktop.domain.model import draft_problems

    draft = s.draft("d1")
    bad = draft.clauses[0].model_copy(update={"values": {"personnel": -5}})
    changed = draft.model_copy(update={"clauses": (draft.clauses[1], bad, *draft.clauses[2:])})
    assert [p.split(":")[0] for p in draft_problems(changed, s.provision_index,
                                                    checked=draft)] == [
        "draft 'd1', clause 2 (army-cap)"]
    # Given as already checked, the unchanged clause objects are not looked at again...
    assert list(draft_problems(changed, s.provision_index, checked=changed)) == []
    # ...and without it every clause is.
    assert len(list(draft_problems(changed, s.provision_index))) == 1
    with pytest.raises(EditError, match=r"clause 1 .*does not fit"):
        update_clause(s, "d1", 0, values={"personnel": -5})
    fresh = changed.model_copy(update={"id": "d-new"})
    with pytest.raises(EditError, match="draft 'd-new', clause 2"):
        replace_draft(s, fresh)

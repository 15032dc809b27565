"""The open-point edits: open a clause, change its alternatives, close it (pure functions)."""

from __future__ import annotations

import pytest

from desktop.domain import Scenario
from desktop.domain.checker import check
from desktop.domain.edit import (
    EditError,
    close_clause_edit,
    open_clause_edit,
    set_alternatives_edit,
    update_clause_edit,
)
from desktop.domain.model import Alternative, ChoiceParam, Draft, ParamSpec


def _draft(s: Scenario, draft_id: str) -> Draft:
    return next(d for d in s.drafts if d.id == draft_id)


def _row(s: Scenario, draft_id: str, provision: str) -> int:
    row = _draft(s, draft_id).index_of(provision)
    assert row is not None
    return row


def test_open_copies_the_values_into_two_labelled_alternatives(ukraine: Scenario) -> None:
    row = _row(ukraine, "us-28", "army-cap")
    before = _draft(ukraine, "us-28").clauses[row]
    result = open_clause_edit(ukraine, "us-28", row, " US formula ", "Ukrainian formula")
    clause = _draft(result.scenario, "us-28").clauses[row]
    assert (result.draft_id, result.rows) == ("us-28", (row,))
    assert clause.is_open
    assert [a.label for a in clause.alternatives] == ["US formula", "Ukrainian formula"]
    assert all(a.values == before.values for a in clause.alternatives)
    assert (clause.values, clause.phase, clause.note) == (before.values, before.phase,
                                                          before.note)
    # Both alternatives say what the clause said: every verdict stays as it was.
    old = check(ukraine, _draft(ukraine, "us-28"))
    new = check(result.scenario, _draft(result.scenario, "us-28"))
    assert [p.verdict for p in new.parties] == [p.verdict for p in old.parties]


def test_open_is_refused_in_words(ukraine: Scenario) -> None:
    row = _row(ukraine, "twenty-point", "znpp")
    with pytest.raises(EditError, match=r"clause 16, “.+” is already an open point"):
        open_clause_edit(ukraine, "twenty-point", row, "a", "b")
    army = _row(ukraine, "us-28", "army-cap")
    with pytest.raises(EditError, match="both be called “Same”: give each its own name"):
        open_clause_edit(ukraine, "us-28", army, "Same", "same")
    with pytest.raises(EditError, match="the draft has no clause 99"):
        open_clause_edit(ukraine, "us-28", 98, "a", "b")


def test_set_alternatives_adds_renames_and_changes_values(ukraine: Scenario) -> None:
    row = _row(ukraine, "twenty-point", "znpp")
    clause = _draft(ukraine, "twenty-point").clauses[row]
    us, ua = clause.alternatives
    third = Alternative(label="IAEA formula", values={"operator": "iaea-interim"})
    added = set_alternatives_edit(ukraine, "twenty-point", row, (us, ua, third))
    assert [a.label for a in _draft(added.scenario, "twenty-point").clauses[row].alternatives] \
        == ["US formula", "Ukrainian formula", "IAEA formula"]
    renamed = set_alternatives_edit(
        ukraine, "twenty-point", row, (us.model_copy(update={"label": "American formula"}), ua))
    assert _draft(renamed.scenario, "twenty-point").clauses[row].alternatives[0].label \
        == "American formula"
    same = set_alternatives_edit(ukraine, "twenty-point", row, (us, ua))
    assert same.scenario is ukraine


def test_set_alternatives_refuses_in_words(ukraine: Scenario) -> None:
    row = _row(ukraine, "twenty-point", "znpp")
    us, ua = _draft(ukraine, "twenty-point").clauses[row].alternatives
    with pytest.raises(EditError, match="both be called “US formula”"):
        set_alternatives_edit(ukraine, "twenty-point", row,
                              (us, ua.model_copy(update={"label": "us  formula"})))
    with pytest.raises(EditError, match="cannot lose all of them"):
        set_alternatives_edit(ukraine, "twenty-point", row, ())
    with pytest.raises(EditError, match="is not a param"):
        set_alternatives_edit(ukraine, "twenty-point", row,
                              (us, Alternative(label="x", values={"nonsense": 1})))
    army = _row(ukraine, "us-28", "army-cap")
    with pytest.raises(EditError, match="is settled: make it an open point first"):
        set_alternatives_edit(ukraine, "us-28", army, (us, ua))


def test_removing_down_to_one_settles_on_it(ukraine: Scenario) -> None:
    row = _row(ukraine, "twenty-point", "znpp")
    clause = _draft(ukraine, "twenty-point").clauses[row]
    result = set_alternatives_edit(ukraine, "twenty-point", row, clause.alternatives[1:])
    settled = _draft(result.scenario, "twenty-point").clauses[row]
    assert settled == clause.settled(1)
    assert not settled.is_open


def test_close_settles_on_the_chosen_alternative(ukraine: Scenario) -> None:
    row = _row(ukraine, "twenty-point", "znpp")
    clause = _draft(ukraine, "twenty-point").clauses[row]
    result = close_clause_edit(ukraine, "twenty-point", row, 1)
    assert (result.draft_id, result.rows) == ("twenty-point", (row,))
    closed = _draft(result.scenario, "twenty-point").clauses[row]
    assert closed == clause.settled(1)
    assert closed.values["operator"] == "us-ukraine-50-50"
    with pytest.raises(EditError, match="has no alternative 3"):
        close_clause_edit(ukraine, "twenty-point", row, 2)
    with pytest.raises(EditError, match="is settled: there is no open point to close"):
        close_clause_edit(result.scenario, "twenty-point", row, 0)


def test_closing_both_open_points_ends_ukraines_accepts_if(ukraine: Scenario) -> None:
    """On the 20-point framework Ukraine accepts if its open points are closed its way;
    closed, its verdict is no longer conditional."""
    draft = _draft(ukraine, "twenty-point")
    ukr = next(p for p in check(ukraine, draft).parties if p.party == "ukraine")
    assert ukr.verdict == "accepts-if"
    s = ukraine
    for pid, _, label in ukr.accepts_if:
        row = _row(s, "twenty-point", pid)
        k = [a.label for a in _draft(s, "twenty-point").clauses[row].alternatives].index(label)
        s = close_clause_edit(s, "twenty-point", row, k).scenario
    assert not any(c.is_open for c in _draft(s, "twenty-point").clauses
                   if c.provision in {pid for pid, _, _ in ukr.accepts_if})
    after = next(p for p in check(s, _draft(s, "twenty-point")).parties if p.party == "ukraine")
    assert after.verdict == "accepts"


def test_a_value_or_note_edit_keeps_the_point_open(ukraine: Scenario) -> None:
    row = _row(ukraine, "twenty-point", "znpp")
    clause = _draft(ukraine, "twenty-point").clauses[row]
    result = update_clause_edit(ukraine, "twenty-point", row, note="Still bracketed.")
    assert _draft(result.scenario, "twenty-point").clauses[row].alternatives \
        == clause.alternatives


def test_a_name_too_long_is_refused_in_words(ukraine: Scenario) -> None:
    army = _row(ukraine, "us-28", "army-cap")
    with pytest.raises(EditError, match="an alternative's name is at most 500 characters"):
        open_clause_edit(ukraine, "us-28", army, "x" * 501, "b")


def test_a_provision_edit_fits_the_alternatives_too(ukraine: Scenario) -> None:
    """Removing a param an open point's alternatives set drops it from them as from the
    clause's own values (it used to be refused with a message naming ids); alternatives that
    no longer differ merge, and one left settles the clause on it."""
    from desktop.domain.edit import put_provision

    znpp = ukraine.provision("znpp")
    without = znpp.model_copy(update={
        "params": tuple(p for p in znpp.params if p.name != "enerhodar_demilitarised"),
        "text": znpp.text.replace(" The town of Enerhodar {enerhodar_demilitarised}.", "")})
    edited = put_provision(ukraine, without, "znpp")
    clause = _draft(edited, "twenty-point").clause_for("znpp")
    assert clause is not None
    assert [a.label for a in clause.alternatives] == ["US formula", "Ukrainian formula"]
    assert all("enerhodar_demilitarised" not in a.values for a in clause.alternatives)
    assert "enerhodar_demilitarised" not in clause.values


def test_alternatives_that_no_longer_differ_merge_and_one_left_settles(
        ukraine: Scenario) -> None:
    from desktop.domain.edit import _fit_clause

    znpp = ukraine.provision("znpp")
    clause = _draft(ukraine, "twenty-point").clause_for("znpp")
    assert clause is not None
    # A provision whose operator param no longer takes the Ukrainian formula's value: that
    # alternative falls back to the clause's own operator, the same as the US formula's.
    def without_choice(param: ParamSpec) -> ParamSpec:
        if not isinstance(param, ChoiceParam):
            return param
        data = param.model_dump()
        data["choices"] = [c for c in data["choices"] if c["id"] != "us-ukraine-50-50"]
        return ChoiceParam.model_validate(data)

    narrowed = znpp.model_copy(update={"params": tuple(map(without_choice, znpp.params))})
    us, ua = clause.alternatives
    same = clause.model_copy(update={"alternatives": (
        us, ua.model_copy(update={"values": {"operator": "us-ukraine-50-50",
                                             "enerhodar_demilitarised": False}}))})
    fitted = _fit_clause(same, narrowed)
    assert not fitted.is_open
    assert fitted.values == {**same.values, **us.values}


def test_duplicating_a_draft_keeps_its_properties(ukraine: Scenario) -> None:
    from desktop.domain.edit import duplicate_draft_edit

    src = _draft(ukraine, "twenty-point")
    assert src.date is not None
    assert src.sources
    result = duplicate_draft_edit(ukraine, "twenty-point")
    assert result.draft_id is not None
    copy = result.scenario.draft(result.draft_id)
    assert (copy.date, copy.status, copy.proposed_by, copy.sources) == (
        src.date, src.status, src.proposed_by, src.sources)
    assert copy.clauses == src.clauses
    assert copy.title == f"{src.title} (copy)"


def test_a_value_every_alternative_sets_is_not_edited_on_the_clause(ukraine: Scenario) -> None:
    """The alternatives' values override the clause's own: an edit of such a value on the
    clause would change nothing anyone reads, so it is refused in words."""
    row = _row(ukraine, "twenty-point", "znpp")
    with pytest.raises(EditError,
                       match=r"open point whose alternatives each set its operating formula"):
        update_clause_edit(ukraine, "twenty-point", row, values={"operator": "iaea-interim"})
    # A value no alternative sets is edited as before, and the point stays open.
    result = update_clause_edit(ukraine, "twenty-point", row, values={"iaea_supervision": False})
    clause = _draft(result.scenario, "twenty-point").clauses[row]
    assert clause.values["iaea_supervision"] is False
    assert clause.is_open

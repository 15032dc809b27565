"""Edits: pure functions from a scenario to a new scenario.

Every edit the GUI offers is one of these; undo commands only swap the scenario before and after.
The clause and draft edits come in two forms: ``add_clause`` and friends return the new scenario,
and ``add_clause_edit`` and friends return an :class:`EditResult`, which also says which draft and
which clause rows the edit touched (an index clamped into the draft, a new draft's id), so that a
caller never has to work out again what the edit did.
Draft edits are cheap: they validate just the changed draft and keep the scenario's compiled
rules (the provisions and parties are the very same objects). Edits to provisions or parties
rebuild the scenario through full validation, so a scenario that exists is always consistent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from desktop.domain.interchange import describe_validation_error
from desktop.domain.model import (
    MAX_ALTERNATIVES,
    MAX_TITLE,
    Alternative,
    BriefingSettings,
    Clause,
    Draft,
    Party,
    Preference,
    Provision,
    RedLine,
    Scenario,
    Source,
    Value,
    draft_problems,
)
from desktop.domain.rules import mentioned, parse


class EditError(ValueError):
    """An edit that would make the scenario inconsistent; ``str()`` says why, for a person."""


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit made: the new scenario and where it touched it.

    ``draft_id`` is the draft whose clauses changed (for a new draft: its id). ``rows`` are the
    clause rows touched, in that draft: ``(index,)`` for a clause inserted, removed or changed,
    ``(source, target)`` for a clause moved, the rows of every clause inserted when several
    were. Edits of provisions, parties or the scenario's details touch no rows.
    """

    scenario: Scenario
    draft_id: str | None = None
    rows: tuple[int, ...] = ()


# --------------------------------------------------------------------------- helpers


_MAX_SLUG = 180


def unique_id(base: str, taken: Iterable[str]) -> str:
    """``base`` made into a valid id that is not in ``taken``: ``draft``, ``draft-2``, ..."""
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", base).strip("-_").lower() or "item"
    if not slug[0].isalpha():
        slug = "x-" + slug
    slug = re.sub(r"-{2,}", "-", slug)
    slug = slug[:_MAX_SLUG].rstrip("-_")  # leaves room for "-<n>" within an id's 200 chars
    existing = set(taken)
    if slug not in existing:
        return slug
    n = 2
    while f"{slug}-{n}" in existing:
        n += 1
    return f"{slug}-{n}"


def _rebuild(scenario: Scenario, **update: Any) -> Scenario:
    """A new scenario through full validation (cross references and every rule)."""
    fields = {name: getattr(scenario, name) for name in Scenario.model_fields}
    fields.update(update)
    try:
        return Scenario.model_validate(fields)
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None


def _draft_index(scenario: Scenario, draft_id: str) -> int:
    for i, d in enumerate(scenario.drafts):
        if d.id == draft_id:
            return i
    raise EditError(f"there is no draft '{draft_id}'")


# --------------------------------------------------------------------------- drafts


def replace_draft(scenario: Scenario, draft: Draft, index: int | None = None) -> Scenario:
    """Put ``draft`` in place of the draft with the same id (or insert it at ``index``)."""
    drafts = list(scenario.drafts)
    try:
        at: int | None = _draft_index(scenario, draft.id)
    except EditError:
        at = None
    # The draft it replaces was sound against these provisions: its clauses, kept unchanged
    # (the same objects), need no second look.
    before = drafts[at] if at is not None else None
    problems = list(draft_problems(draft, scenario.provision_index, checked=before))
    if problems:
        raise EditError("; ".join(problems))
    if at is not None:
        drafts[at] = draft
    else:
        drafts.insert(len(drafts) if index is None else index, draft)
    # Same provisions and parties: the compiled rules and indexes stay valid and are kept.
    return scenario.model_copy(update={"drafts": tuple(drafts)})


def _with_clauses(scenario: Scenario, draft_id: str, clauses: Iterable[Clause]) -> Scenario:
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    try:
        new = Draft.model_validate({**draft.__dict__, "clauses": tuple(clauses)})
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    return replace_draft(scenario, new)


def add_clause(
    scenario: Scenario,
    draft_id: str,
    provision_id: str,
    index: int | None = None,
    values: Mapping[str, Value] | None = None,
    phase: int = 1,
    note: str = "",
) -> Scenario:
    """Insert a clause for ``provision_id`` at ``index`` (the end by default)."""
    return add_clause_edit(scenario, draft_id, provision_id, index, values, phase, note).scenario


def add_clause_edit(
    scenario: Scenario,
    draft_id: str,
    provision_id: str,
    index: int | None = None,
    values: Mapping[str, Value] | None = None,
    phase: int = 1,
    note: str = "",
) -> EditResult:
    """:func:`add_clause`; ``rows`` holds the row the clause went to (``index`` clamped into
    the draft, or its end)."""
    if provision_id not in scenario.provision_index:
        raise EditError(f"there is no provision '{provision_id}'")
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    if draft.index_of(provision_id) is not None:
        title = scenario.provision(provision_id).title
        raise EditError(f"“{title}” is already in the draft: a provision appears once per draft")
    clauses = list(draft.clauses)
    at = len(clauses) if index is None else max(0, min(index, len(clauses)))
    try:
        clause = Clause(provision=provision_id, values=dict(values or {}), phase=phase,
                        note=note)
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    clauses.insert(at, clause)
    return EditResult(_with_clauses(scenario, draft_id, clauses), draft_id, (at,))


def add_clauses_edit(scenario: Scenario, draft_id: str, provision_ids: Iterable[str],
                     index: int | None = None) -> EditResult:
    """Clauses for several provisions, one after another from ``index`` (the end by default);
    provisions already in the draft are skipped. ``rows`` holds the row of each clause added:
    none, and the very same scenario, when every one was already there."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    at = len(draft.clauses) if index is None else max(0, min(index, len(draft.clauses)))
    fresh = [pid for pid in provision_ids if draft.index_of(pid) is None]
    for offset, pid in enumerate(fresh):
        scenario = add_clause(scenario, draft_id, pid, at + offset)
    return EditResult(scenario, draft_id, tuple(range(at, at + len(fresh))))


def remove_clause(scenario: Scenario, draft_id: str, index: int) -> Scenario:
    return remove_clause_edit(scenario, draft_id, index).scenario


def remove_clause_edit(scenario: Scenario, draft_id: str, index: int) -> EditResult:
    """:func:`remove_clause`; ``rows`` holds the row the clause was at."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    clauses = list(draft.clauses)
    if not 0 <= index < len(clauses):
        raise EditError(f"the draft has no clause {index + 1}")
    del clauses[index]
    return EditResult(_with_clauses(scenario, draft_id, clauses), draft_id, (index,))


def move_clause(scenario: Scenario, draft_id: str, source: int, target: int) -> Scenario:
    """Move the clause at ``source`` so that it ends up at position ``target``."""
    return move_clause_edit(scenario, draft_id, source, target).scenario


def move_clause_edit(scenario: Scenario, draft_id: str, source: int, target: int
                     ) -> EditResult:
    """:func:`move_clause`; ``rows`` is ``(source, target)``."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    clauses = list(draft.clauses)
    if not 0 <= source < len(clauses) or not 0 <= target < len(clauses):
        raise EditError("cannot move a clause outside the draft")
    clauses.insert(target, clauses.pop(source))
    return EditResult(_with_clauses(scenario, draft_id, clauses), draft_id, (source, target))


def update_clause(
    scenario: Scenario,
    draft_id: str,
    index: int,
    *,
    values: Mapping[str, Value] | None = None,
    phase: int | None = None,
    note: str | None = None,
) -> Scenario:
    """Change a clause's values (merged into its current ones), phase or note."""
    return update_clause_edit(scenario, draft_id, index, values=values, phase=phase,
                              note=note).scenario


def update_clause_edit(
    scenario: Scenario,
    draft_id: str,
    index: int,
    *,
    values: Mapping[str, Value] | None = None,
    phase: int | None = None,
    note: str | None = None,
) -> EditResult:
    """:func:`update_clause`; ``rows`` holds the clause's row."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    if not 0 <= index < len(draft.clauses):
        raise EditError(f"the draft has no clause {index + 1}")
    old = draft.clauses[index]
    bracketed = sorted({name for alt in old.alternatives for name in alt.values}
                       & set(values or {}))
    if bracketed:
        # Every alternative's value would override the clause's own: the edit would show
        # nowhere. The value is edited per alternative (or after closing the point).
        prov = scenario.provision_index.get(old.provision)
        title = f"“{prov.title}”" if prov is not None else "this clause"
        names = ", ".join(_param_words(prov, n) for n in bracketed)
        raise EditError(f"{title} is an open point whose alternatives each set its {names}: "
                        "change it in an alternative, or close the point first")
    data: dict[str, Any] = {
        "provision": old.provision,
        "values": {**old.values, **(values or {})},
        "phase": old.phase if phase is None else phase,
        "note": old.note if note is None else note,
        "alternatives": old.alternatives,  # an open point stays open through a value or note
    }
    try:
        clause = Clause.model_validate(data)
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    clauses = list(draft.clauses)
    clauses[index] = clause
    return EditResult(_with_clauses(scenario, draft_id, clauses), draft_id, (index,))


def _param_words(provision: Provision | None, name: str) -> str:
    """A param as a person calls it: its label, else its name in words."""
    spec = provision.param(name) if provision is not None else None
    label = getattr(spec, "label", None)
    return (label or name.replace("_", " ")).lower()


# --------------------------------------------------------------------------- open points


def _clause_at(scenario: Scenario, draft_id: str, index: int) -> tuple[Draft, Clause, str]:
    """The draft, its clause at ``index`` and the clause as a person names it ("clause 3,
    “Title”")."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    if not 0 <= index < len(draft.clauses):
        raise EditError(f"the draft has no clause {index + 1}")
    clause = draft.clauses[index]
    prov = scenario.provision_index.get(clause.provision)
    title = prov.title if prov is not None else clause.provision
    return draft, clause, f"clause {index + 1}, “{title}”"


def _put_clause(scenario: Scenario, draft: Draft, index: int, data: dict[str, Any]
                ) -> EditResult:
    try:
        clause = Clause.model_validate(data)
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    clauses = list(draft.clauses)
    clauses[index] = clause
    return EditResult(_with_clauses(scenario, draft.id, clauses), draft.id, (index,))


def _check_alternatives(alternatives: tuple[Alternative, ...], where: str) -> None:
    for a in alternatives:
        if len(a.label) > MAX_TITLE:
            raise EditError(f"an alternative's name is at most {MAX_TITLE:,} characters; "
                            f"this one has {len(a.label):,}")
    if len(alternatives) > MAX_ALTERNATIVES:
        raise EditError(f"{where} would have {len(alternatives)} alternatives: an open point "
                        f"keeps at most {MAX_ALTERNATIVES}")
    labels = [" ".join(a.label.split()).casefold() for a in alternatives if a.label.strip()]
    for a in alternatives:
        if a.label.strip() and labels.count(" ".join(a.label.split()).casefold()) > 1:
            raise EditError(f"two alternatives of {where} would both be called “{a.label}”: "
                            "give each its own name")


def open_clause(scenario: Scenario, draft_id: str, index: int, first: str, second: str
                ) -> Scenario:
    """Make the clause at ``index`` an open point (see :func:`open_clause_edit`)."""
    return open_clause_edit(scenario, draft_id, index, first, second).scenario


def open_clause_edit(scenario: Scenario, draft_id: str, index: int, first: str, second: str
                     ) -> EditResult:
    """Make a settled clause an open point with two alternatives, both holding the clause's
    values as they are: ``first`` names what the clause says now ("US formula"), ``second``
    the copy to be changed. ``rows`` holds the clause's row."""
    draft, clause, where = _clause_at(scenario, draft_id, index)
    if clause.is_open:
        raise EditError(f"{where} is already an open point")
    alternatives = tuple(Alternative.model_construct(label=label.strip(),
                                                    values=dict(clause.values))
                         for label in (first, second))
    _check_alternatives(alternatives, where)
    return _put_clause(scenario, draft, index, {**clause.__dict__,
                                                "alternatives": alternatives})


def set_alternatives(scenario: Scenario, draft_id: str, index: int,
                     alternatives: Iterable[Alternative]) -> Scenario:
    return set_alternatives_edit(scenario, draft_id, index, alternatives).scenario


def set_alternatives_edit(scenario: Scenario, draft_id: str, index: int,
                          alternatives: Iterable[Alternative]) -> EditResult:
    """An open clause's alternatives replaced (one added, renamed, changed or removed). Down
    to one, the clause is settled on it (its values become the clause's); none is refused.
    The same scenario back when nothing changes. ``rows`` holds the clause's row."""
    draft, clause, where = _clause_at(scenario, draft_id, index)
    alternatives = tuple(alternatives)
    if not clause.is_open:
        raise EditError(f"{where} is settled: make it an open point first")
    if not alternatives:
        raise EditError(f"{where} needs an alternative to settle on: an open point cannot "
                        "lose all of them")
    if alternatives == clause.alternatives:
        return EditResult(scenario, draft_id, (index,))
    if len(alternatives) == 1:
        settled = clause.model_copy(update={"alternatives": alternatives}).settled(0)
        return _put_clause(scenario, draft, index, dict(settled.__dict__))
    _check_alternatives(alternatives, where)
    return _put_clause(scenario, draft, index, {**clause.__dict__,
                                                "alternatives": alternatives})


def close_clause(scenario: Scenario, draft_id: str, index: int, alternative: int) -> Scenario:
    return close_clause_edit(scenario, draft_id, index, alternative).scenario


def close_clause_edit(scenario: Scenario, draft_id: str, index: int, alternative: int
                      ) -> EditResult:
    """Close an open point on its ``alternative``-th value set (0-based): the clause is
    settled with those values (:meth:`Clause.settled`). ``rows`` holds the clause's row."""
    draft, clause, where = _clause_at(scenario, draft_id, index)
    if not clause.is_open:
        raise EditError(f"{where} is settled: there is no open point to close")
    if not 0 <= alternative < len(clause.alternatives):
        raise EditError(f"{where} has no alternative {alternative + 1}")
    return _put_clause(scenario, draft, index, dict(clause.settled(alternative).__dict__))


def replace_clauses_edit(scenario: Scenario, draft_id: str, clauses: Iterable[Clause]
                         ) -> EditResult:
    """All of a draft's clauses replaced at once (no single rows: ``rows`` is empty)."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    new = draft.model_copy(update={"clauses": tuple(clauses)})
    return EditResult(replace_draft(scenario, new), draft_id)


def add_draft(scenario: Scenario, title: str, clauses: Iterable[Clause] = (), note: str = "",
              index: int | None = None) -> tuple[Scenario, str]:
    """A new draft (empty, or with the given clauses). Returns the scenario and the new id."""
    result = add_draft_edit(scenario, title, clauses, note, index)
    assert result.draft_id is not None
    return result.scenario, result.draft_id


def add_draft_edit(scenario: Scenario, title: str, clauses: Iterable[Clause] = (),
                   note: str = "", index: int | None = None) -> EditResult:
    """:func:`add_draft`; ``draft_id`` is the new draft's id."""
    draft_id = unique_id(title, (d.id for d in scenario.drafts))
    try:
        draft = Draft(id=draft_id, title=title, note=note, clauses=tuple(clauses))
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    return EditResult(replace_draft(scenario, draft, index), draft_id)


def duplicate_draft(scenario: Scenario, draft_id: str, title: str | None = None
                    ) -> tuple[Scenario, str]:
    result = duplicate_draft_edit(scenario, draft_id, title)
    assert result.draft_id is not None
    return result.scenario, result.draft_id


def duplicate_draft_edit(scenario: Scenario, draft_id: str, title: str | None = None
                         ) -> EditResult:
    """:func:`duplicate_draft`; ``draft_id`` is the copy's id."""
    i = _draft_index(scenario, draft_id)
    src = scenario.drafts[i]
    if not title:
        suffix = " (copy)"
        title = src.title[:MAX_TITLE - len(suffix)] + suffix
    result = add_draft_edit(scenario, title, src.clauses, src.note, i + 1)
    assert result.draft_id is not None
    # The copy keeps what the draft is (its date, status, proposers and citations): a
    # working copy of the 20 points still cites what reported them.
    copy = result.scenario.draft(result.draft_id).model_copy(update={
        "date": src.date, "status": src.status, "proposed_by": src.proposed_by,
        "sources": src.sources})
    return EditResult(replace_draft(result.scenario, copy), result.draft_id, result.rows)


def rename_draft(scenario: Scenario, draft_id: str, title: str) -> Scenario:
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    try:
        new = Draft.model_validate({**draft.__dict__, "title": title})
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    return replace_draft(scenario, new)


def remove_draft(scenario: Scenario, draft_id: str) -> Scenario:
    i = _draft_index(scenario, draft_id)
    drafts = scenario.drafts[:i] + scenario.drafts[i + 1:]
    return scenario.model_copy(update={"drafts": drafts})


def set_scenario_info(scenario: Scenario, *, title: str | None = None,
                      summary: str | None = None) -> Scenario:
    update: dict[str, Any] = {}
    if title is not None:
        update["title"] = title
    if summary is not None:
        update["summary"] = summary
    return _rebuild(scenario, **update)


def set_briefing_settings(scenario: Scenario, settings: BriefingSettings | None) -> Scenario:
    """The memo header saved with the document (TO, FROM, SUBJECT, marking); all empty (or
    None) clears it. The same scenario back when nothing changes."""
    if settings is not None and settings == BriefingSettings():
        settings = None
    if settings == scenario.briefing:
        return scenario
    return _rebuild(scenario, briefing=settings)


def set_draft_properties(scenario: Scenario, draft_id: str, **update: Any) -> Scenario:
    """A draft's title, note, ``date``, ``status``, ``proposed_by`` or ``sources`` (each
    keyword given is set); the same scenario back when nothing changes. Parties and sources
    must exist (checked through full validation)."""
    draft = scenario.drafts[_draft_index(scenario, draft_id)]
    allowed = {"title", "note", "date", "status", "proposed_by", "sources"}
    unknown = set(update) - allowed
    if unknown:
        raise EditError(f"a draft has no property {', '.join(sorted(unknown))}")
    try:
        new = Draft.model_validate({**draft.__dict__, **update})
    except ValidationError as err:
        raise EditError(describe_validation_error(err)) from None
    if new == draft:
        return scenario
    drafts = list(scenario.drafts)
    drafts[_draft_index(scenario, draft_id)] = new
    return _rebuild(scenario, drafts=tuple(drafts))


# --------------------------------------------------------------------------- sources


def next_source_id(scenario: Scenario) -> str:
    """The register's next free reference: ``S01`` for an empty register, else one above the
    highest ``Snn`` (so a removed source's reference is not given to another)."""
    numbers = [int(s.id[1:]) for s in scenario.sources if re.fullmatch(r"S\d+", s.id)]
    taken = {s.id for s in scenario.sources}
    n = max(numbers, default=0) + 1
    while f"S{n:02d}" in taken:
        n += 1
    return f"S{n:02d}"


def source_citers(scenario: Scenario, source_id: str) -> list[str]:
    """What cites ``source_id``, as a person reads it: "the provision “Ceiling on Ukraine's
    armed forces”", "Ukraine's red line ‘Army of at least 800,000’", "the draft “US 28-point
    plan”"."""
    out = [f"the provision “{p.title}”" for p in scenario.provisions if source_id in p.sources]
    for party in scenario.parties:
        owner = f"{party.name}'" if party.name.endswith("s") else f"{party.name}'s"
        for kind, rules in (("red line", party.red_lines), ("preference", party.preferences)):
            out += [f"{owner} {kind} ‘{rule.title}’" for rule in rules
                    if source_id in rule.sources]
    out += [f"the draft “{d.title}”" for d in scenario.drafts if source_id in d.sources]
    return out


def put_source(scenario: Scenario, source: Source, replaces: str | None = None) -> Scenario:
    """Add ``source`` to the register (its id must be new), or put it in place of the entry
    ``replaces`` (same id: citations are by id and do not follow a change of it)."""
    sources = list(scenario.sources)
    if replaces is None:
        if any(s.id == source.id for s in sources):
            raise EditError(f"the register already holds a source {source.id}")
        sources.append(source)
    else:
        index = next((i for i, s in enumerate(sources) if s.id == replaces), None)
        if index is None:
            raise EditError(f"the register holds no source {replaces}")
        if source.id != replaces:
            raise EditError("a source keeps its reference: citations name it by it")
        if sources[index] == source:
            return scenario
        sources[index] = source
    return _rebuild(scenario, sources=tuple(sources))


def _uncite(item: Any, source_id: str) -> Any:
    if source_id not in item.sources:
        return item
    return item.model_copy(update={"sources": tuple(x for x in item.sources if x != source_id)})


def remove_source(scenario: Scenario, source_id: str, *, uncite: bool = False) -> Scenario:
    """Remove a register entry. Refused while anything cites it, saying what does, unless
    ``uncite``: then those citations go too (in the same edit)."""
    source = next((s for s in scenario.sources if s.id == source_id), None)
    if source is None:
        raise EditError(f"the register holds no source {source_id}")
    citers = source_citers(scenario, source_id)
    if citers and not uncite:
        listed = citers[0] if len(citers) == 1 else f"{', '.join(citers[:-1])} and {citers[-1]}"
        raise EditError(f"“{source.title}” [{source_id}] is cited by {listed}: remove those "
                        "citations first")
    parties = tuple(
        p.model_copy(update={
            "red_lines": tuple(_uncite(r, source_id) for r in p.red_lines),
            "preferences": tuple(_uncite(r, source_id) for r in p.preferences)})
        for p in scenario.parties)
    return _rebuild(
        scenario,
        sources=tuple(s for s in scenario.sources if s.id != source_id),
        parties=parties,
        provisions=tuple(_uncite(p, source_id) for p in scenario.provisions),
        drafts=tuple(_uncite(d, source_id) for d in scenario.drafts),
    )


# --------------------------------------------------------------------------- library


def rules_mentioning(scenario: Scenario, provision_id: str) -> list[str]:
    """``party/rule-id`` for every red line or preference that names ``provision_id``."""
    out: list[str] = []
    for party in scenario.parties:
        rules: list[RedLine | Preference] = [*party.red_lines, *party.preferences]
        for rule in rules:
            if provision_id in mentioned(parse(rule.rule)):
                out.append(f"{party.id}/{rule.id}")
    return out


def rule_users(scenario: Scenario, provision_id: str) -> list[str]:
    """Who names ``provision_id`` in a rule, as a person reads it: "Ukraine's red line ‘Army
    of at least 800,000’" (red lines in single quotation marks, provisions in double; names
    and titles are the scenario's own words)."""
    out: list[str] = []
    for party in scenario.parties:
        owner = f"{party.name}'" if party.name.endswith("s") else f"{party.name}'s"
        for kind, rules in (("red line", party.red_lines), ("preference", party.preferences)):
            out += [f"{owner} {kind} ‘{rule.title}’" for rule in rules
                    if provision_id in mentioned(parse(rule.rule))]
    return out


def _named_by(scenario: Scenario, provision_id: str) -> str:
    """ "“Title” is named by Ukraine's red line ‘...’ and ..."; "" when no rule names it."""
    users = rule_users(scenario, provision_id)
    if not users:
        return ""
    listed = users[0] if len(users) == 1 else f"{', '.join(users[:-1])} and {users[-1]}"
    return f"“{scenario.provision(provision_id).title}” is named by {listed}"


def put_provision(scenario: Scenario, provision: Provision, replaces: str | None = None
                  ) -> Scenario:
    """Add ``provision``, or put it in place of provision ``replaces`` (which may be renamed:
    clauses and exclusions follow; rules must be edited by the user first)."""
    provisions = list(scenario.provisions)
    drafts = scenario.drafts
    if replaces is None:
        provisions.append(provision)
    else:
        index = next((i for i, p in enumerate(provisions) if p.id == replaces), None)
        if index is None:
            raise EditError(f"there is no provision '{replaces}'")
        provisions[index] = provision
        if provision.id != replaces:
            named = _named_by(scenario, replaces)
            if named:
                raise EditError(f"{named}: change those rules before renaming it")
            provisions = [_rename_exclusion(p, replaces, provision.id) for p in provisions]
            drafts = tuple(
                d.model_copy(update={"clauses": tuple(
                    c.model_copy(update={"provision": provision.id})
                    if c.provision == replaces else c for c in d.clauses)})
                for d in drafts
            )
        # Clause values the new params no longer accept are dropped (the default applies).
        drafts = tuple(_fit_clauses(d, provision) for d in drafts)
    return _rebuild(scenario, provisions=tuple(provisions), drafts=drafts)


def _rename_exclusion(p: Provision, old: str, new: str) -> Provision:
    if old not in p.excludes:
        return p
    return p.model_copy(update={"excludes": tuple(new if x == old else x for x in p.excludes)})


def _fitting(values: dict[str, Value], provision: Provision) -> dict[str, Value]:
    """``values`` without those the (edited) provision no longer takes."""
    kept = {}
    for k, v in values.items():
        spec = provision.param(k)
        if spec is not None and spec.fits(v):
            kept[k] = v
    return kept


def _fit_clause(c: Clause, provision: Provision) -> Clause:
    """The clause with the values the edited provision no longer takes dropped, in its own
    values and in each alternative of an open point. Alternatives that no longer differ are
    merged (the first label kept); one distinct alternative left settles the clause on it."""
    values = _fitting(c.values, provision)
    alternatives: list[Alternative] = []
    seen: list[dict[str, Value]] = []
    for alt in c.alternatives:
        fitted = _fitting(alt.values, provision)
        effective = {**values, **fitted}
        if effective in seen:
            continue
        seen.append(effective)
        alternatives.append(alt if fitted == alt.values
                            else alt.model_copy(update={"values": fitted}))
    if len(alternatives) == 1:
        values, alternatives = {**values, **alternatives[0].values}, []
    if values == c.values and tuple(alternatives) == c.alternatives:
        return c
    return c.model_copy(update={"values": values, "alternatives": tuple(alternatives)})


def _fit_clauses(draft: Draft, provision: Provision) -> Draft:
    clauses = tuple(_fit_clause(c, provision) if c.provision == provision.id else c
                    for c in draft.clauses)
    changed = any(a is not b for a, b in zip(clauses, draft.clauses, strict=True))
    return draft.model_copy(update={"clauses": clauses}) if changed else draft


def remove_provision(scenario: Scenario, provision_id: str) -> Scenario:
    """Remove a provision, its clauses in every draft and exclusions naming it. Refused while a
    rule names it (the user decides how to reword the rule)."""
    if provision_id not in scenario.provision_index:
        raise EditError(f"there is no provision '{provision_id}'")
    named = _named_by(scenario, provision_id)
    if named:
        raise EditError(f"{named}: change those rules first")
    provisions = tuple(
        p.model_copy(update={"excludes": tuple(x for x in p.excludes if x != provision_id)})
        for p in scenario.provisions if p.id != provision_id
    )
    drafts = tuple(
        d.model_copy(update={"clauses": tuple(c for c in d.clauses if c.provision != provision_id)})
        for d in scenario.drafts
    )
    return _rebuild(scenario, provisions=provisions, drafts=drafts)


def put_party(scenario: Scenario, party: Party, replaces: str | None = None) -> Scenario:
    """Add ``party`` or put it in place of party ``replaces`` (``by``/``to`` and drafts'
    ``proposed_by`` follow a rename)."""
    parties = list(scenario.parties)
    provisions = scenario.provisions
    drafts = scenario.drafts
    if replaces is None:
        parties.append(party)
    else:
        index = next((i for i, p in enumerate(parties) if p.id == replaces), None)
        if index is None:
            raise EditError(f"there is no party '{replaces}'")
        parties[index] = party
        if party.id != replaces:
            provisions = tuple(_rename_party(p, replaces, party.id) for p in provisions)
            drafts = tuple(_rename_proposer(d, replaces, party.id) for d in drafts)
    return _rebuild(scenario, parties=tuple(parties), provisions=provisions, drafts=drafts)


def _rename_proposer(d: Draft, old: str, new: str | None) -> Draft:
    """``proposed_by`` with party ``old`` renamed to ``new``, or dropped when ``new`` is None."""
    if old not in d.proposed_by:
        return d
    ids = (x for x in d.proposed_by if x != old) if new is None else (
        new if x == old else x for x in d.proposed_by)
    return d.model_copy(update={"proposed_by": tuple(ids)})


def _rename_party(p: Provision, old: str, new: str | None) -> Provision:
    """``by``/``to`` with party ``old`` renamed to ``new``, or dropped when ``new`` is None."""
    if old not in p.by and old not in p.to:
        return p

    def fix(ids: tuple[str, ...]) -> tuple[str, ...]:
        if new is None:
            return tuple(x for x in ids if x != old)
        return tuple(new if x == old else x for x in ids)

    return p.model_copy(update={"by": fix(p.by), "to": fix(p.to)})


def remove_party(scenario: Scenario, party_id: str) -> Scenario:
    """Remove a party with its red lines and preferences; provisions and drafts stop naming
    it."""
    if party_id not in scenario.party_index:
        raise EditError(f"there is no party '{party_id}'")
    parties = tuple(p for p in scenario.parties if p.id != party_id)
    provisions = tuple(_rename_party(p, party_id, None) for p in scenario.provisions)
    drafts = tuple(_rename_proposer(d, party_id, None) for d in scenario.drafts)
    return _rebuild(scenario, parties=parties, provisions=provisions, drafts=drafts)

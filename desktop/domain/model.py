"""The scenario model: parties, provisions, drafts and clauses.

Every object is an immutable pydantic model. Edits build new objects (``model_copy`` or
:mod:`desktop.domain.edit`), which keeps undo trivial and lets the checker cache compiled rules
per scenario without worrying about hidden mutation.

Validation happens in two layers:

* field level (pydantic): types, id patterns, unknown keys, ranges;
* scenario level (:func:`Scenario._cross_check`): references between objects, clause values
  against their param domains, and every rule parsed and type-checked.

A :class:`Scenario` that exists is therefore always consistent; code downstream never re-checks.

Params, values, id patterns and the rule language's keywords come from
:mod:`desktop.domain.params` (and are importable from here too). The model imports the rule
language to validate rules; the rule language never imports the model, so nothing here is
typed ``Any`` for fear of an import circle.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Final, Literal, TypeVar, cast

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationInfo,
    field_validator,
    model_validator,
)

# Re-exported: this module was where params, values and patterns were defined.
from desktop.domain.params import COLOR_PATTERN as COLOR_PATTERN
from desktop.domain.params import ID_PATTERN as ID_PATTERN
from desktop.domain.params import KEYWORDS, FrozenModel
from desktop.domain.params import MAX_CHOICES as MAX_CHOICES
from desktop.domain.params import PARAM_PATTERN as PARAM_PATTERN
from desktop.domain.params import RESERVED_PARAMS as RESERVED_PARAMS
from desktop.domain.params import BoolParam as BoolParam
from desktop.domain.params import ChoiceParam as ChoiceParam
from desktop.domain.params import Id as Id
from desktop.domain.params import IntParam as IntParam
from desktop.domain.params import Number as Number
from desktop.domain.params import NumberParam as NumberParam
from desktop.domain.params import Param as Param
from desktop.domain.params import ParamName as ParamName
from desktop.domain.params import ParamSpec as ParamSpec
from desktop.domain.params import StrictValue as StrictValue
from desktop.domain.params import Value as Value
from desktop.domain.rules import CompiledRule, RuleError, compile_rule

FORMAT_NAME = "accord.scenario"
FORMAT_VERSION: Final = 2
#: Every version this Accord reads. Version 1 lacks the words of version 2 (param labels, steps,
#: choice labels, the words for yes and no) and its sources (the register, citations, inferred
#: positions, draft dates and status, briefing settings); they read as absent.
READABLE_VERSIONS = (1, 2)

#: Words of the rule language that cannot be provision ids (the language's own list).
RESERVED_WORDS = KEYWORDS

MAX_TITLE = 500
MAX_TEXT = 20_000
MAX_NOTE = 100_000
MAX_RULE_STORED = 100_000  # the rule language itself refuses > 4,000; this bounds the input

Title = Annotated[StrictStr, Field(min_length=1, max_length=MAX_TITLE)]
Note = Annotated[StrictStr, Field(max_length=MAX_NOTE)]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    """A date is written YYYY-MM-DD (pydantic alone would take a number of seconds, too)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("a date is written as YYYY-MM-DD")


#: A calendar date, written YYYY-MM-DD in JSON (format version 2).
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
#: Ids of entries of the scenario's source register (format version 2).
SourceIds = Annotated[tuple[Id, ...], Field(max_length=1000)]
ShortText = Annotated[StrictStr, Field(max_length=MAX_TITLE)]

Role = Literal["party", "mediator", "guarantor", "observer"]
Kind = Literal["concession", "guarantee", "incentive", "mechanism", "commitment"]
ROLES: tuple[Role, ...] = ("party", "mediator", "guarantor", "observer")
KINDS: tuple[Kind, ...] = ("concession", "guarantee", "incentive", "mechanism", "commitment")
DraftStatus = Literal["proposed", "leaked", "agreed", "working"]
#: Whether a red line is a public demand or the analyst's judgement of the real floor.
Stance = Literal["stated", "assessed"]
STANCES: tuple[Stance, ...] = ("stated", "assessed")
#: A PA-X issue code ("Ce", "ImPK"): letters and digits, as the dataset's columns are named.
PAX_CODE_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*$"
#: At most this many alternatives per open clause.
MAX_ALTERNATIVES = 20
DRAFT_STATUSES: tuple[DraftStatus, ...] = ("proposed", "leaked", "agreed", "working")

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


_T = TypeVar("_T")


# --------------------------------------------------------------------------- parties


class RedLine(FrozenModel):
    """A hard rule: the party rejects any draft in which it is false."""

    id: Id
    title: Title
    rule: Annotated[StrictStr, Field(max_length=MAX_RULE_STORED)]
    rationale: Note = ""
    #: Free text about where the position comes from (version 1; notes beside ``sources``).
    source: ShortText = ""
    #: Ids of the register entries that support it (format version 2).
    sources: SourceIds = ()
    #: True when no source states the position: it is a reading of one (format version 2).
    inferred: StrictBool = False
    #: ``stated``: a public demand; ``assessed``: the analyst's judgement of the real floor
    #: (format version 2). A line without a stance is assessed: it counts in both views.
    stance: Stance = "assessed"
    #: How likely the line is truly binding, 0 to 1 (format version 2; 1: certainly).
    confidence: Annotated[Number, Field(ge=0, le=1)] = 1
    #: What relaxing it costs the bridge finder; none: derived from stance and confidence.
    relax_cost: Annotated[Number, Field(ge=0, le=1_000_000)] | None = None


class Preference(FrozenModel):
    """A soft rule: met preferences add their weight to the party's satisfaction."""

    id: Id
    title: Title
    rule: Annotated[StrictStr, Field(max_length=MAX_RULE_STORED)]
    weight: Annotated[Number, Field(gt=0, le=1_000_000)] = 1
    rationale: Note = ""
    source: ShortText = ""
    sources: SourceIds = ()
    inferred: StrictBool = False


class Party(FrozenModel):
    id: Id
    name: Title
    role: Role = "party"
    color: Annotated[StrictStr, Field(pattern=COLOR_PATTERN)] | None = None
    red_lines: tuple[RedLine, ...] = ()
    preferences: tuple[Preference, ...] = ()
    #: Its satisfaction without an agreement, 0 to 1 (its walk-away point; format version 2).
    no_deal: Annotated[Number, Field(ge=0, le=1)] | None = None


# --------------------------------------------------------------------------- provisions


class PaxTag(FrozenModel):
    """A PA-X issue code a provision carries (format version 2), with the minimum strength
    (1 to 3) an agreement's provision must have to count as a precedent; none: any (> 0).
    A file may give a bare code when there is no minimum."""

    code: Annotated[StrictStr, Field(pattern=PAX_CODE_PATTERN, max_length=40)]
    min_strength: Annotated[StrictInt, Field(ge=1, le=3)] | None = None


def _pax_from_text(value: object) -> object:
    return {"code": value} if isinstance(value, str) else value



class Provision(FrozenModel):
    """A reusable building block of an agreement, with typed parameters."""

    id: Id
    title: Title
    category: Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=200)]
    kind: Kind
    by: tuple[Id, ...] = ()
    to: tuple[Id, ...] = ()
    text: Annotated[StrictStr, Field(min_length=1, max_length=MAX_TEXT)]
    params: tuple[Param, ...] = ()
    excludes: tuple[Id, ...] = ()
    source: ShortText = ""
    sources: SourceIds = ()
    #: The PA-X issues it is an instance of (format version 2): links to precedents.
    pax: Annotated[
        tuple[Annotated[PaxTag, BeforeValidator(
            _pax_from_text, json_schema_input_type=Annotated[
                StrictStr, Field(pattern=PAX_CODE_PATTERN)] | PaxTag)], ...],
        Field(max_length=100),
    ] = ()

    @field_validator("id")
    @classmethod
    def _not_keyword(cls, value: str) -> str:
        if value in RESERVED_WORDS:
            raise ValueError(f"'{value}' is a word of the rule language and cannot be an id")
        return value

    @model_validator(mode="after")
    def _self_consistent(self) -> Provision:
        names = [p.name for p in self.params]
        dupes = _duplicates(names)
        if dupes:
            raise ValueError(f"provision '{self.id}': param names repeat: {', '.join(dupes)}")
        for placeholder in _PLACEHOLDER.findall(self.text):
            if placeholder not in names:
                raise ValueError(
                    f"provision '{self.id}': text placeholder {{{placeholder}}} "
                    "is not one of its params"
                )
        if self.id in self.excludes:
            raise ValueError(f"provision '{self.id}' cannot exclude itself")
        dupes = _duplicates(t.code for t in self.pax)
        if dupes:
            raise ValueError(f"provision '{self.id}': PA-X codes repeat: {', '.join(dupes)}")
        return self

    def param(self, name: str) -> ParamSpec | None:
        for p in self.params:
            if p.name == name:
                return p
        return None

    def defaults(self) -> dict[str, Value]:
        return {p.name: p.default for p in self.params}


# --------------------------------------------------------------------------- drafts


class Alternative(FrozenModel):
    """One of the value sets an open clause leaves on the table ("US formula"): its values
    replace the clause's own where both set a param (format version 2)."""

    label: ShortText = ""
    values: dict[ParamName, StrictValue] = Field(default_factory=dict, max_length=1000)


class Clause(FrozenModel):
    provision: Id
    values: dict[ParamName, StrictValue] = Field(default_factory=dict, max_length=1000)
    phase: Annotated[StrictInt, Field(ge=1, le=1000)] = 1
    note: Note = ""
    #: An open (bracketed) point: the value sets still on the table (format version 2). Empty:
    #: the clause is settled. An open clause has at least two.
    alternatives: Annotated[tuple[Alternative, ...], Field(max_length=MAX_ALTERNATIVES)] = ()

    # A field validator, not a model one: it runs only for a clause that lists alternatives
    # (defaults are not validated), so settled clauses, nearly all of them, cost nothing.
    @field_validator("alternatives")
    @classmethod
    def _open_has_choices(cls, alternatives: tuple[Alternative, ...],
                          info: ValidationInfo) -> tuple[Alternative, ...]:
        provision = info.data.get("provision", "?")
        if len(alternatives) == 1:
            raise ValueError(f"clause of '{provision}': an open point lists at least two "
                             "alternatives (one alternative is simply the clause's values)")
        dupes = _duplicates(a.label for a in alternatives if a.label)
        if dupes:
            raise ValueError(f"clause of '{provision}': alternatives' labels repeat: "
                             f"{', '.join(dupes)}")
        return alternatives

    @property
    def is_open(self) -> bool:
        return bool(self.alternatives)

    def settled(self, alternative: int) -> Clause:
        """The clause closed on its ``alternative``-th value set (0-based)."""
        chosen = self.alternatives[alternative]
        return self.model_copy(update={"values": {**self.values, **chosen.values},
                                       "alternatives": ()})


class Draft(FrozenModel):
    id: Id
    title: Title
    #: When the draft was put forward, leaked or agreed (format version 2, like the next three).
    date: IsoDate | None = None
    status: DraftStatus | None = None
    #: The parties that put it forward.
    proposed_by: tuple[Id, ...] = ()
    sources: SourceIds = ()
    note: Note = ""
    clauses: tuple[Clause, ...] = ()

    @model_validator(mode="after")
    def _one_clause_per_provision(self) -> Draft:
        dupes = _duplicates(c.provision for c in self.clauses)
        if dupes:
            raise ValueError(
                f"draft '{self.id}': a provision may appear once per draft, "
                f"but {', '.join(dupes)} appear more than once"
            )
        return self

    def index_of(self, provision_id: str) -> int | None:
        for i, clause in enumerate(self.clauses):
            if clause.provision == provision_id:
                return i
        return None

    def clause_for(self, provision_id: str) -> Clause | None:
        i = self.index_of(provision_id)
        return None if i is None else self.clauses[i]


# --------------------------------------------------------------------------- sources, briefing


class Source(FrozenModel):
    """An entry of the scenario's source register, cited by id (format version 2).

    ``url`` is text: Accord never fetches it."""

    id: Id
    title: Title
    publisher: ShortText = ""
    date: IsoDate | None = None
    url: Annotated[StrictStr, Field(max_length=2000)] = ""


class Costs(FrozenModel):
    """What the bridge finder counts a change as (format version 2): changing a value,
    closing an open point, adding a clause, removing one."""

    change: Annotated[Number, Field(gt=0, le=1000)] = 1
    close: Annotated[Number, Field(gt=0, le=1000)] = 1
    add: Annotated[Number, Field(gt=0, le=1000)] = 2
    remove: Annotated[Number, Field(gt=0, le=1000)] = 2


class BriefingSettings(FrozenModel):
    """The memo header saved with the document (format version 2); empty: not set.
    ``from_`` is ``"from"`` in JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False,
                              populate_by_name=True)

    to: ShortText = ""
    from_: ShortText = Field(default="", alias="from")
    subject: ShortText = ""
    marking: ShortText = ""


# --------------------------------------------------------------------------- scenario


class Scenario(FrozenModel):
    """A whole negotiation: who takes part, what can be agreed, and the drafts on the table."""

    format: Literal["accord.scenario"]
    #: Always :data:`FORMAT_VERSION` in memory: older files are read as this version
    #: (:func:`desktop.domain.interchange.scenario_from_dict`).
    version: Literal[2]
    title: Title
    summary: Note = ""
    as_of: dt.date | None = None
    #: The memo header of its briefings (format version 2).
    briefing: BriefingSettings | None = None
    parties: tuple[Party, ...] = ()
    provisions: tuple[Provision, ...] = ()
    drafts: tuple[Draft, ...] = ()
    #: The source register (format version 2): what provisions, positions and drafts cite.
    sources: tuple[Source, ...] = Field(default=(), max_length=10_000)
    #: The bridge finder's costs of change (format version 2); none: :class:`Costs` defaults.
    costs: Costs | None = None

    _provision_index: dict[str, Provision] | None = PrivateAttr(default=None)
    _party_index: dict[str, Party] | None = PrivateAttr(default=None)
    # Rules compiled while validating, by text, so the first check need not compile them again.
    _rule_cache: dict[str, CompiledRule] = PrivateAttr(default_factory=dict)
    # What :meth:`derived` built, by builder.
    _derived: dict[Callable[[Scenario], object], object] = PrivateAttr(default_factory=dict)

    @field_validator("as_of", mode="before")
    @classmethod
    def _date_from_text(cls, value: object) -> object:
        if value is not None and not isinstance(value, str | dt.date):
            raise ValueError("as_of must be a date written as YYYY-MM-DD")
        return value

    @model_validator(mode="after")
    def _cross_check(self) -> Scenario:
        problems = list(self.problems())
        if problems:
            shown = problems[:20]
            more = f"\n(and {len(problems) - 20} more)" if len(problems) > 20 else ""
            raise ValueError("\n".join(shown) + more)
        return self

    # -- lookups (cached; the model is frozen so the caches never go stale)

    @property
    def provision_index(self) -> dict[str, Provision]:
        if self._provision_index is None:
            self._provision_index = {p.id: p for p in self.provisions}
        return self._provision_index

    @property
    def party_index(self) -> dict[str, Party]:
        if self._party_index is None:
            self._party_index = {p.id: p for p in self.parties}
        return self._party_index

    def provision(self, provision_id: str) -> Provision:
        return self.provision_index[provision_id]

    def party(self, party_id: str) -> Party:
        return self.party_index[party_id]

    def draft(self, draft_id: str) -> Draft:
        for d in self.drafts:
            if d.id == draft_id:
                return d
        raise KeyError(draft_id)

    def compiled_rule(self, text: str) -> CompiledRule:
        """The rule ``text`` compiled against this scenario's provisions, compiled once.

        Every rule of the scenario's parties compiled while it was validated; another text
        raises :class:`~desktop.domain.rules.RuleError` if it does not compile.
        """
        rule = self._rule_cache.get(text)
        if rule is None:
            rule = self._rule_cache[text] = compile_rule(text, self.provision_index)
        return rule

    def derived(self, build: Callable[[Scenario], _T]) -> _T:
        """``build(self)``, built on first use and kept with the (frozen) scenario.

        For what depends on the parties and provisions only (the checker's compiled scenario):
        like every cache here it travels with ``model_copy``, which edits use to replace drafts.
        """
        cache = self._derived
        if build not in cache:
            cache[build] = build(self)
        # The value under a builder is always what that builder returned.
        return cast(_T, cache[build])

    def exclusion_pairs(self) -> set[frozenset[str]]:
        """Every excluded pair, made symmetric."""
        return {frozenset((p.id, other)) for p in self.provisions for other in p.excludes}

    # -- validation

    # Every consistency rule of a scenario, one check each, in reading order.
    def problems(self) -> Iterable[str]:  # noqa: C901
        """Every cross-reference or rule problem, each naming where it is."""
        for kind, ids in (
            ("party", [p.id for p in self.parties]),
            ("provision", [p.id for p in self.provisions]),
            ("draft", [d.id for d in self.drafts]),
            ("red line", [r.id for p in self.parties for r in p.red_lines]),
            ("preference", [r.id for p in self.parties for r in p.preferences]),
            ("source", [s.id for s in self.sources]),
        ):
            for dupe in _duplicates(ids):
                yield f"{kind} id '{dupe}' is used more than once"

        parties = self.party_index
        provisions = self.provision_index
        for prov in self.provisions:
            for field, refs in (("by", prov.by), ("to", prov.to)):
                for ref in refs:
                    if ref not in parties:
                        yield f"provision '{prov.id}': {field} names unknown party '{ref}'"
            for ref in prov.excludes:
                if ref not in provisions:
                    yield f"provision '{prov.id}': excludes unknown provision '{ref}'"

        for draft in self.drafts:
            yield from draft_problems(draft, provisions)
        yield from self._citation_problems()

        for party in self.parties:
            for label, rules in (("red line", party.red_lines), ("preference", party.preferences)):
                for item in rules:
                    try:
                        self._rule_cache[item.rule] = compile_rule(item.rule, provisions)
                    except RuleError as err:
                        yield f"party '{party.id}', {label} '{item.id}': {err}"

    def _citation_problems(self) -> Iterable[str]:
        """Citations of ids the source register does not hold, and drafts proposed by unknown
        parties, each naming where."""
        known = {s.id for s in self.sources}
        cited: list[tuple[str, tuple[str, ...]]] = [
            (f"provision '{p.id}'", p.sources) for p in self.provisions]
        for party in self.parties:
            cited += [(f"party '{party.id}', red line '{r.id}'", r.sources)
                      for r in party.red_lines]
            cited += [(f"party '{party.id}', preference '{r.id}'", r.sources)
                      for r in party.preferences]
        cited += [(f"draft '{d.id}'", d.sources) for d in self.drafts]
        for where, refs in cited:
            for ref in refs:
                if ref not in known:
                    yield f"{where}: cites unknown source '{ref}'"
        for draft in self.drafts:
            for ref in draft.proposed_by:
                if ref not in self.party_index:
                    yield f"draft '{draft.id}': proposed_by names unknown party '{ref}'"


def draft_problems(draft: Draft, provisions: Mapping[str, Provision],
                   checked: Draft | None = None) -> Iterable[str]:
    """Clauses that name unknown provisions or params, or values outside their domains.

    ``checked``: a draft already found sound against the same ``provisions`` (the one an edit
    starts from); its clause objects, shared unchanged by ``draft``, are not checked again, so
    an edit of one clause of a 500-clause draft checks one clause."""
    sound = {id(c) for c in checked.clauses} if checked is not None else set()
    for n, clause in enumerate(draft.clauses, start=1):
        if id(clause) in sound:
            continue
        prov = provisions.get(clause.provision)
        if prov is None:
            yield f"draft '{draft.id}', clause {n}: unknown provision '{clause.provision}'"
            continue
        # Every edit re-checks every clause: the place is written only for a problem.
        yield from _value_problems(draft.id, n, 0, clause.provision, prov, clause.values)
        for k, alt in enumerate(clause.alternatives, start=1):  # none, for a settled clause
            yield from _value_problems(draft.id, n, k, clause.provision, prov, alt.values)


def _value_problems(draft_id: str, n: int, alternative: int, provision_id: str,
                    prov: Provision, values: Mapping[str, Value]) -> Iterable[str]:
    for name, value in values.items():
        spec = prov.param(name)
        if spec is not None and spec.fits(value):
            continue
        at = f"draft '{draft_id}', clause {n}" + (
            f", alternative {alternative}" if alternative else "")
        if spec is None:
            yield f"{at} ({provision_id}): '{name}' is not a param of '{prov.id}'"
        else:
            yield (
                f"{at} ({provision_id}): {name} = {value!r} does not fit; "
                f"it must be {spec.describe_domain()}"
            )


def _duplicates(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    dupes: list[str] = []
    for item in items:
        if item in seen and item not in dupes:
            dupes.append(item)
        seen.add(item)
    return dupes

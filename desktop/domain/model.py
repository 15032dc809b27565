"""The scenario model: parties, provisions, drafts and clauses.

Every object is an immutable pydantic model. Edits build new objects (``model_copy`` or
:mod:`desktop.domain.edit`), which keeps undo trivial and lets the checker cache compiled rules
per scenario without worrying about hidden mutation.

Validation happens in two layers:

* field level (pydantic): types, id patterns, unknown keys, ranges;
* scenario level (:func:`Scenario._cross_check`): references between objects, clause values
  against their param domains, and every rule parsed and type-checked.

A :class:`Scenario` that exists is therefore always consistent; code downstream never re-checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

FORMAT_NAME = "accord.scenario"
FORMAT_VERSION = 1

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$"
PARAM_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"

#: Words of the rule language that cannot be provision ids.
RESERVED_WORDS = frozenset({"not", "and", "or", "in", "true", "false", "at_least", "at_most"})
#: ``X.phase`` always means the clause's phase, so no param may take the name.
RESERVED_PARAMS = frozenset({"phase"})

MAX_TITLE = 500
MAX_TEXT = 20_000
MAX_NOTE = 100_000
MAX_RULE_STORED = 100_000  # the rule language itself refuses > 4,000; this bounds the input
MAX_CHOICES = 200

Id = Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=200)]
ParamName = Annotated[StrictStr, Field(pattern=PARAM_PATTERN, max_length=100)]
Title = Annotated[StrictStr, Field(min_length=1, max_length=MAX_TITLE)]
Note = Annotated[StrictStr, Field(max_length=MAX_NOTE)]
Number = StrictInt | StrictFloat
Value: TypeAlias = bool | int | float | str
StrictValue = StrictBool | StrictInt | StrictFloat | StrictStr

Role = Literal["party", "mediator", "guarantor", "observer"]
Kind = Literal["concession", "guarantee", "incentive", "mechanism", "commitment"]
ROLES: tuple[Role, ...] = ("party", "mediator", "guarantor", "observer")
KINDS: tuple[Kind, ...] = ("concession", "guarantee", "incentive", "mechanism", "commitment")

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False)

    def __eq__(self, other: object) -> bool:
        # Equal when the fields are equal; private caches (compiled rules, indexes) don't count.
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # equal-by-content but holds dicts: unhashable


# --------------------------------------------------------------------------- params


class _ParamBase(_Model):
    name: ParamName
    unit: Annotated[StrictStr, Field(max_length=100)] | None = None

    @field_validator("name")
    @classmethod
    def _not_reserved(cls, name: str) -> str:
        if name in RESERVED_PARAMS:
            raise ValueError(f"'{name}' is reserved: X.phase always means the clause's phase")
        if name in RESERVED_WORDS:
            raise ValueError(f"'{name}' is a word of the rule language and cannot name a param")
        return name


class IntParam(_ParamBase):
    type: Literal["int"]
    default: StrictInt
    min: StrictInt | None = None
    max: StrictInt | None = None

    @model_validator(mode="after")
    def _domain(self) -> IntParam:
        _check_bounds(self.name, self.min, self.max, self.default)
        return self

    def fits(self, value: object) -> bool:
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (self.min is None or value >= self.min)
            and (self.max is None or value <= self.max)
        )

    def describe_domain(self) -> str:
        return _describe_range("an integer", self.min, self.max)


class NumberParam(_ParamBase):
    type: Literal["number"]
    default: Number
    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _domain(self) -> NumberParam:
        _check_bounds(self.name, self.min, self.max, self.default)
        return self

    def fits(self, value: object) -> bool:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and value == value  # NaN never fits
            and (self.min is None or value >= self.min)
            and (self.max is None or value <= self.max)
        )

    def describe_domain(self) -> str:
        return _describe_range("a number", self.min, self.max)


class ChoiceParam(_ParamBase):
    type: Literal["choice"]
    choices: Annotated[tuple[Annotated[StrictStr, Field(min_length=1, max_length=200)], ...],
                       Field(min_length=1, max_length=MAX_CHOICES)]
    default: StrictStr

    @model_validator(mode="after")
    def _domain(self) -> ChoiceParam:
        if len(set(self.choices)) != len(self.choices):
            raise ValueError(f"param '{self.name}': choices repeat")
        if self.default not in self.choices:
            raise ValueError(
                f"param '{self.name}': default {self.default!r} is not one of its choices"
            )
        return self

    def fits(self, value: object) -> bool:
        return isinstance(value, str) and value in self.choices

    def describe_domain(self) -> str:
        return "one of " + ", ".join(f'"{c}"' for c in self.choices)


class BoolParam(_ParamBase):
    type: Literal["bool"]
    default: StrictBool

    def fits(self, value: object) -> bool:
        return isinstance(value, bool)

    def describe_domain(self) -> str:
        return "true or false"


Param = Annotated[IntParam | NumberParam | ChoiceParam | BoolParam, Field(discriminator="type")]
ParamSpec: TypeAlias = IntParam | NumberParam | ChoiceParam | BoolParam


def _check_bounds(
    name: str, lo: int | float | None, hi: int | float | None, default: int | float
) -> None:
    for label, bound in (("min", lo), ("max", hi), ("default", default)):
        if isinstance(bound, float) and (bound != bound or bound in (float("inf"), -float("inf"))):
            raise ValueError(f"param '{name}': {label} must be a finite number")
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"param '{name}': min {lo} is greater than max {hi}")
    if lo is not None and default < lo:
        raise ValueError(f"param '{name}': default {default} is below min {lo}")
    if hi is not None and default > hi:
        raise ValueError(f"param '{name}': default {default} is above max {hi}")


def _describe_range(what: str, lo: int | float | None, hi: int | float | None) -> str:
    if lo is not None and hi is not None:
        return f"{what} from {lo} to {hi}"
    if lo is not None:
        return f"{what} of at least {lo}"
    if hi is not None:
        return f"{what} of at most {hi}"
    return what


# --------------------------------------------------------------------------- parties


class RedLine(_Model):
    """A hard rule: the party rejects any draft in which it is false."""

    id: Id
    title: Title
    rule: Annotated[StrictStr, Field(max_length=MAX_RULE_STORED)]
    rationale: Note = ""
    source: Annotated[StrictStr, Field(max_length=MAX_TITLE)] = ""


class Preference(_Model):
    """A soft rule: met preferences add their weight to the party's satisfaction."""

    id: Id
    title: Title
    rule: Annotated[StrictStr, Field(max_length=MAX_RULE_STORED)]
    weight: Annotated[Number, Field(gt=0, le=1_000_000)] = 1
    rationale: Note = ""
    source: Annotated[StrictStr, Field(max_length=MAX_TITLE)] = ""


class Party(_Model):
    id: Id
    name: Title
    role: Role = "party"
    color: Annotated[StrictStr, Field(pattern=COLOR_PATTERN)] | None = None
    red_lines: tuple[RedLine, ...] = ()
    preferences: tuple[Preference, ...] = ()


# --------------------------------------------------------------------------- provisions


class Provision(_Model):
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
    source: Annotated[StrictStr, Field(max_length=MAX_TITLE)] = ""

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
        return self

    def param(self, name: str) -> ParamSpec | None:
        for p in self.params:
            if p.name == name:
                return p
        return None

    def defaults(self) -> dict[str, Value]:
        return {p.name: p.default for p in self.params}

    def render(self, values: Mapping[str, Value] | None = None) -> str:
        """Compatibility path for :func:`desktop.wording.clause_text`, where clause text is
        worded now; the domain itself never words anything."""
        from desktop.wording.values import clause_text

        return clause_text(self, values)


# --------------------------------------------------------------------------- drafts


class Clause(_Model):
    provision: Id
    values: dict[ParamName, StrictValue] = Field(default_factory=dict, max_length=1000)
    phase: Annotated[StrictInt, Field(ge=1, le=1000)] = 1
    note: Note = ""


class Draft(_Model):
    id: Id
    title: Title
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


# --------------------------------------------------------------------------- scenario


class Scenario(_Model):
    """A whole negotiation: who takes part, what can be agreed, and the drafts on the table."""

    format: Literal["accord.scenario"]
    version: Literal[1]
    title: Title
    summary: Note = ""
    as_of: dt.date | None = None
    parties: tuple[Party, ...] = ()
    provisions: tuple[Provision, ...] = ()
    drafts: tuple[Draft, ...] = ()

    _provision_index: dict[str, Provision] | None = PrivateAttr(default=None)
    _party_index: dict[str, Party] | None = PrivateAttr(default=None)
    _compiled: Any = PrivateAttr(default=None)  # desktop.domain.checker.CompiledScenario
    # Rules compiled while validating, by text, so the first check need not compile them again.
    _rule_cache: dict[str, Any] = PrivateAttr(default_factory=dict)

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

    def exclusion_pairs(self) -> set[frozenset[str]]:
        """Every excluded pair, made symmetric."""
        return {frozenset((p.id, other)) for p in self.provisions for other in p.excludes}

    # -- validation

    def problems(self) -> Iterable[str]:
        """Every cross-reference or rule problem, each naming where it is."""
        from desktop.domain.rules import RuleError, compile_rule  # local: rules imports model

        for kind, ids in (
            ("party", [p.id for p in self.parties]),
            ("provision", [p.id for p in self.provisions]),
            ("draft", [d.id for d in self.drafts]),
            ("red line", [r.id for p in self.parties for r in p.red_lines]),
            ("preference", [r.id for p in self.parties for r in p.preferences]),
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

        for party in self.parties:
            for label, rules in (("red line", party.red_lines), ("preference", party.preferences)):
                for item in rules:
                    try:
                        self._rule_cache[item.rule] = compile_rule(item.rule, provisions)
                    except RuleError as err:
                        yield f"party '{party.id}', {label} '{item.id}': {err}"


def draft_problems(draft: Draft, provisions: Mapping[str, Provision]) -> Iterable[str]:
    """Clauses that name unknown provisions or params, or values outside their domains."""
    for n, clause in enumerate(draft.clauses, start=1):
        where = f"draft '{draft.id}', clause {n}"
        prov = provisions.get(clause.provision)
        if prov is None:
            yield f"{where}: unknown provision '{clause.provision}'"
            continue
        for name, value in clause.values.items():
            spec = prov.param(name)
            if spec is None:
                yield f"{where} ({clause.provision}): '{name}' is not a param of '{prov.id}'"
            elif not spec.fits(value):
                yield (
                    f"{where} ({clause.provision}): {name} = {value!r} does not fit; "
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

"""What every other domain module builds on: values, typed params, id patterns, keywords.

The bottom of the domain: imports nothing from ``desktop``. The model (:mod:`desktop.domain.model`)
stores params in provisions; the rule language (:mod:`desktop.domain.rules`) type-checks rules
against them and tokenizes with :data:`KEYWORDS`. Both import this module, so neither imports the
other to learn what a param or a keyword is.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
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

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$"
PARAM_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
COLOR_PATTERN = r"^#[0-9A-Fa-f]{6}$"

#: The words of the rule language. None may be a provision id or a param name.
KEYWORDS = frozenset({"not", "and", "or", "in", "true", "false", "at_least", "at_most"})
#: ``X.phase`` always means the clause's phase, so no param may take the name.
RESERVED_PARAMS = frozenset({"phase"})

MAX_CHOICES = 200

Id = Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=200)]
ParamName = Annotated[StrictStr, Field(pattern=PARAM_PATTERN, max_length=100)]
Number = StrictInt | StrictFloat
Value: TypeAlias = bool | int | float | str
StrictValue = StrictBool | StrictInt | StrictFloat | StrictStr


class FrozenModel(BaseModel):
    """The base of every domain object: immutable, strict about unknown keys, equal by content."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False)

    def __eq__(self, other: object) -> bool:
        # Equal when the fields are equal; private caches (compiled rules, indexes) don't count.
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # equal-by-content but holds dicts: unhashable


Label = Annotated[StrictStr, Field(min_length=1, max_length=200)]


class _ParamBase(FrozenModel):
    name: ParamName
    #: What a person calls the param ("Army personnel"); none: derived from ``name``.
    label: Label | None = None
    unit: Annotated[StrictStr, Field(max_length=100)] | None = None

    @field_validator("name")
    @classmethod
    def _not_reserved(cls, name: str) -> str:
        if name in RESERVED_PARAMS:
            raise ValueError(f"'{name}' is reserved: X.phase always means the clause's phase")
        if name in KEYWORDS:
            raise ValueError(f"'{name}' is a word of the rule language and cannot name a param")
        return name


class IntParam(_ParamBase):
    type: Literal["int"]
    default: StrictInt
    min: StrictInt | None = None
    max: StrictInt | None = None
    #: The salient spacing of values (50,000 for an army ceiling): spin boxes step by it and
    #: the bridge finder prefers its multiples. Version 2.
    step: Annotated[StrictInt, Field(gt=0)] | None = None

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
    step: Annotated[Number, Field(gt=0)] | None = None

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


ChoiceId = Annotated[StrictStr, Field(min_length=1, max_length=200)]


class Choice(FrozenModel):
    """One of a choice param's values: the ``id`` rules and clauses use, and the ``label`` a
    person reads ("Russian National Guard"). A file may give a bare string (format version 1,
    or a version 2 choice nobody has named yet): it reads as a choice without a label, whose
    words are derived from the id (:func:`desktop.wording.values.choice_label`)."""

    id: ChoiceId
    label: Label | None = None


def _choice_from_text(value: object) -> object:
    return {"id": value} if isinstance(value, str) else value


class ChoiceParam(_ParamBase):
    type: Literal["choice"]
    choices: Annotated[
        # The published JSON Schema takes what a file may hold: a bare id or an object.
        tuple[Annotated[Choice, BeforeValidator(_choice_from_text,
                                                json_schema_input_type=ChoiceId | Choice)], ...],
        Field(min_length=1, max_length=MAX_CHOICES),
    ]
    default: StrictStr
    _ids: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="after")
    def _domain(self) -> ChoiceParam:
        ids = self._ids = tuple(c.id for c in self.choices)
        if len(set(ids)) != len(ids):
            raise ValueError(f"param '{self.name}': choices repeat")
        if self.default not in ids:
            raise ValueError(
                f"param '{self.name}': default {self.default!r} is not one of its choices"
            )
        return self

    @property
    def ids(self) -> tuple[str, ...]:
        """The choices' ids, in order: what clauses hold and rules compare with."""
        return self._ids

    def choice(self, choice_id: str) -> Choice | None:
        for c in self.choices:
            if c.id == choice_id:
                return c
        return None

    def fits(self, value: object) -> bool:
        return isinstance(value, str) and value in self._ids

    def describe_domain(self) -> str:
        return "one of " + ", ".join(f'"{c.id}"' for c in self.choices)


class BoolParam(_ParamBase):
    type: Literal["bool"]
    default: StrictBool
    #: The words for each value in a sentence ("tied to the monitoring mechanism" / "not
    #: tied"); none: "yes" / "no". Version 2.
    true_label: Label | None = None
    false_label: Label | None = None

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

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
    ConfigDict,
    Field,
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


class _ParamBase(FrozenModel):
    name: ParamName
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

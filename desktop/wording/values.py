"""Values as a person reads them.

Three notations, each for one purpose:

* :func:`format_value` -- in clause text and briefings: ``800000`` -> ``800,000``, ``True`` ->
  ``yes``;
* :func:`plain_value` -- in the bridge panel's change list: ``True`` -> ``yes``, numbers as
  Python writes them (``800000``);
* :func:`literal` -- as the rule language writes it (``true``, ``"text"``, ``0.5``), for the
  terminal, where a value may be pasted back into a rule.

A param knows more than its bare value (format version 2): its label, unit, choice labels and
the words for yes and no. With the param at hand:

* :func:`param_label` -- "Army personnel" (or, unlabelled, words made from its name);
* :func:`choice_label` -- "Russian National Guard" for ``russian-national-guard``;
* :func:`value_text` -- a value in words: "600,000 personnel", "USD 100 billion", "15%", a
  choice's label, a bool's words;
* :func:`quantity` -- a number with its unit.

:func:`clause_text` fills a provision's ``{param}`` placeholders with :func:`value_text`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop.domain.model import _PLACEHOLDER, Provision, Value
from desktop.domain.params import BoolParam, ChoiceParam, ParamSpec
from desktop.domain.rules import format_literal
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate

__all__ = [
    "choice_label",
    "clause_text",
    "derived_label",
    "domain_words",
    "format_value",
    "literal",
    "param_label",
    "param_line",
    "plain_value",
    "quantity",
    "value_text",
    "weight",
]

#: Units written before the number, as money is: "USD 100 billion".
CURRENCIES = frozenset({"USD", "EUR", "GBP", "RUB", "UAH", "CHF", "JPY", "CNY", "TRY"})
_LARGE = ((1_000_000_000_000, QT_TRANSLATE_NOOP("Wording.values", "{number} trillion")),
          (1_000_000_000, QT_TRANSLATE_NOOP("Wording.values", "{number} billion")),
          (1_000_000, QT_TRANSLATE_NOOP("Wording.values", "{number} million")))


def _yes_no(value: bool) -> str:
    return translate("Wording.values", "yes") if value else translate("Wording.values", "no")


def format_value(value: Value) -> str:
    """A value as a person reads it in clause text: 800000 -> 800,000; True -> yes."""
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.10g}" if abs(value) < 1e15 else repr(value)
    return value


def weight(x: float) -> str:
    """A preference weight, as short as it reads: 3, 0.5, 1e+06 for a million."""
    return f"{x:g}"


def plain_value(value: Value | None) -> str:
    """A value in the bridge panel's change list: True -> yes; anything else as ``str``."""
    if isinstance(value, bool):
        return _yes_no(value)
    return str(value)


def literal(value: Value) -> str:
    """A value as the rule language writes it: true, "text", 800000, 0.5."""
    return format_literal(value)


def derived_label(code: str) -> str:
    """Words made from a code nobody has labelled: ``russia_mirrors`` -> "russia mirrors",
    ``de-jure`` -> "de jure". Lower case: it may stand inside a sentence."""
    return " ".join(code.replace("_", " ").replace("-", " ").split())


def param_label(spec: ParamSpec) -> str:
    """What a person calls the param: its label, or "Russia mirrors" from ``russia_mirrors``."""
    if spec.label:
        return spec.label
    words = derived_label(spec.name)
    return words[:1].upper() + words[1:]


def choice_label(spec: ChoiceParam, choice_id: str) -> str:
    """The label of one of the param's choices; words from the id where it has none (or the
    id is not one of its choices)."""
    choice = spec.choice(choice_id)
    if choice is not None and choice.label:
        return choice.label
    return derived_label(choice_id)


def quantity(value: int | float, unit: str | None = None) -> str:
    """A number with its unit as a person writes it: "600,000 personnel", "15%",
    "USD 100 billion", "1 year" (a plural unit turns singular for exactly one)."""
    number = _number_words(value)
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    if unit in CURRENCIES:
        return f"{unit} {number}"
    if value == 1 and unit.endswith("s") and not unit.endswith("ss"):
        unit = unit[:-1]
    return f"{number} {unit}"


def _number_words(value: int | float) -> str:
    magnitude = abs(value)
    for size, words in _LARGE:
        if magnitude >= size and (value / size) * 100 == int((value / size) * 100):
            number = format_value(value / size).removesuffix(".0")
            return translate("Wording.values", words).format(number=number)
    return format_value(value)


def value_text(spec: ParamSpec | None, value: Value) -> str:
    """A value of ``spec`` in words: a number with its unit, a choice's label, a bool's words.
    Without a spec (a param the scenario no longer has), :func:`format_value`."""
    if spec is None:
        return format_value(value)
    if isinstance(spec, BoolParam) and isinstance(value, bool):
        words = spec.true_label if value else spec.false_label
        return words or _yes_no(value)
    if isinstance(spec, ChoiceParam) and isinstance(value, str):
        return choice_label(spec, value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return quantity(value, spec.unit)
    return format_value(value)


def domain_words(spec: ParamSpec) -> str:
    """The values a param takes besides its default, briefly: "0 to 2 million, in steps of
    50,000", "or at any time", "or 3 others" (the editors list every choice)."""
    if isinstance(spec, ChoiceParam):
        others = [choice_label(spec, c) for c in spec.ids if c != spec.default]
        if not others:
            return translate("Wording.values", "the only choice")
        if len(others) == 1:
            return translate("Wording.values", "or {choice}").format(choice=others[0])
        n = len(others)  # a name: lupdate skips a call whose n is an expression
        return translate("Wording.values", "or %n other(s)", None, n)
    if isinstance(spec, BoolParam):
        return translate("Wording.values", "or {choice}").format(
            choice=value_text(spec, not spec.default))
    lo, hi = spec.min, spec.max
    if lo is not None and hi is not None:
        text = translate("Wording.values", "{low} to {high}").format(
            low=_number_words(lo), high=_number_words(hi))
    elif lo is not None:
        text = translate("Wording.values", "at least {low}").format(low=_number_words(lo))
    elif hi is not None:
        text = translate("Wording.values", "at most {high}").format(high=_number_words(hi))
    elif spec.type == "int":
        text = translate("Wording.values", "any whole number")
    else:
        text = translate("Wording.values", "any number")
    step = getattr(spec, "step", None)
    if not step:
        return text
    return translate("Wording.values", "{values}, in steps of {step}").format(
        values=text, step=_number_words(step))


def param_line(spec: ParamSpec) -> str:
    """A param as the library describes it, its default first: "Army personnel: 800,000
    personnel (0 to 2 million, in steps of 50,000)", "Monitoring body: a US-led mechanism
    (or 3 others)"."""
    return translate("Wording.values", "{param}: {default} ({others})").format(
        param=param_label(spec), default=value_text(spec, spec.default),
        others=domain_words(spec))


def clause_text(provision: Provision, values: Mapping[str, Value] | None = None) -> str:
    """The clause text with every ``{param}`` filled in with its value in words
    (:func:`value_text`; defaults where a value is missing)."""
    merged = provision.defaults()
    if values:
        merged.update(values)

    text = provision.text

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        spec = provision.param(name)
        value = merged[name]
        if spec is not None and spec.unit and _unit_written(text, match, spec.unit):
            return format_value(value)  # "{width} km" already says the unit
        return value_text(spec, value)

    return _PLACEHOLDER.sub(fill, text)


def _unit_written(text: str, match: re.Match[str], unit: str) -> bool:
    """Whether the text around a placeholder already writes its unit ("{width} km wide",
    "{share}%", "USD {amount}"), as every version 1 text had to: it is not written twice."""
    after = text[match.end():match.end() + len(unit) + 2].lstrip(" ")
    if after.startswith(unit):
        rest = after[len(unit):len(unit) + 1]
        return not rest or not rest.isalnum()
    before = text[max(0, match.start() - len(unit) - 2):match.start()].rstrip(" ")
    if before.endswith(unit):
        ahead = before[-len(unit) - 1:-len(unit)]
        return not ahead or not ahead.isalnum()
    return False

"""Values as a person reads them.

Three notations, each for one purpose:

* :func:`format_value` -- in clause text and briefings: ``800000`` -> ``800,000``, ``True`` ->
  ``yes``;
* :func:`plain_value` -- in the bridge panel's change list: ``True`` -> ``yes``, numbers as
  Python writes them (``800000``);
* :func:`literal` -- as the rule language writes it (``true``, ``"text"``, ``0.5``), for the
  terminal, where a value may be pasted back into a rule.

:func:`clause_text` fills a provision's ``{param}`` placeholders with :func:`format_value`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desktop.domain.model import _PLACEHOLDER, Provision, Value
from desktop.domain.rules import format_literal

__all__ = ["clause_text", "format_value", "literal", "plain_value", "weight"]


def format_value(value: Value) -> str:
    """A value as a person reads it in clause text: 800000 -> 800,000; True -> yes."""
    if isinstance(value, bool):
        return "yes" if value else "no"
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
        return "yes" if value else "no"
    return str(value)


def literal(value: Value) -> str:
    """A value as the rule language writes it: true, "text", 800000, 0.5."""
    return format_literal(value)


def clause_text(provision: Provision, values: Mapping[str, Value] | None = None) -> str:
    """The clause text with every ``{param}`` filled in (defaults where a value is missing)."""
    merged = provision.defaults()
    if values:
        merged.update(values)

    def fill(match: re.Match[str]) -> str:
        return format_value(merged[match.group(1)])

    return _PLACEHOLDER.sub(fill, provision.text)

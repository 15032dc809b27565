"""A rule that cannot be used, in a negotiator's words.

The rule checker (:mod:`desktop.domain.rules`) reports a mistyped name as data on its
:class:`~desktop.domain.rules.RuleError` -- what kind of name it is, the name, where it belongs
and the closest known names -- and :func:`rule_error_text` says it with the provisions' titles:

* "'armycap' is not a provision; did you mean 'Ceiling on Ukraine's armed forces' (army-cap)?"
* "'army-cap' has no 'personel'; did you mean 'personnel'?"
* '"demilitarized" is not a choice of donbas-zone.zone_type; did you mean "demilitarised"?'
* "'adn' is not a word of the rule language; did you mean 'and'?"

Every other error (a syntax or type error) keeps the checker's own sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.domain import Provision
from desktop.domain.rules import RuleError

__all__ = ["rule_error_text"]

_DQ = '"'  # choices are quoted as the rule language writes strings


def _listed(items: Sequence[str], last: str = "and") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _quoted(items: Sequence[str], quote: str = "'") -> list[str]:
    return [f"{quote}{item}{quote}" for item in items]


def _provision(pid: str, provisions: Mapping[str, Provision]) -> str:
    prov = provisions.get(pid)
    title = prov.title.strip() if prov is not None else ""
    return f"'{title}' ({pid})" if title and title != pid else f"'{pid}'"


def rule_error_text(err: RuleError, provisions: Mapping[str, Provision]) -> str:
    """What is wrong with a rule, with the likeliest fix (without the column or a full stop)."""
    meant = err.suggestions[:2]
    match err.kind:
        case "provision":
            if not meant:
                return f"'{err.name}' is not a provision in this library"
            named = [_provision(s, provisions) for s in meant]
            return f"'{err.name}' is not a provision; did you mean {_listed(named, 'or')}?"
        case "param":
            head = f"'{err.owner}' has no '{err.name}'"
            if meant:
                return f"{head}; did you mean {_listed(_quoted(meant), 'or')}?"
            return f"{head}; it has {_listed(list(err.known))}"
        case "choice":
            head = f'"{err.name}" is not a choice of {err.owner}'
            if meant:
                return f"{head}; did you mean {_listed(_quoted(meant, _DQ), 'or')}?"
            return f"{head}; the choices are {_listed(_quoted(err.known, _DQ))}"
        case "keyword":
            quoted = _listed(_quoted(meant), "or")
            return f"'{err.name}' is not a word of the rule language; did you mean {quoted}?"
        case _:
            return err.message

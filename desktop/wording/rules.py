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
from desktop.wording.prose import series
from desktop.wording.translate import translate

__all__ = ["rule_error_text"]

_DQ = '"'  # choices are quoted as the rule language writes strings


def _quoted(items: Sequence[str], quote: str = "'") -> list[str]:
    return [f"{quote}{item}{quote}" for item in items]


def _provision(pid: str, provisions: Mapping[str, Provision]) -> str:
    prov = provisions.get(pid)
    title = prov.title.strip() if prov is not None else ""
    return f"'{title}' ({pid})" if title and title != pid else f"'{pid}'"


def rule_error_text(err: RuleError, provisions: Mapping[str, Provision]) -> str:
    """What is wrong with a rule, with the likeliest fix (without the column or a full stop).
    Names are quoted as the rule language writes them, and not translated."""
    meant = err.suggestions[:2]
    match err.kind:
        case "provision":
            if not meant:
                return translate("Wording.rules", "'{name}' is not a provision in this library"
                                 ).format(name=err.name)
            named = [_provision(s, provisions) for s in meant]
            return translate("Wording.rules", "'{name}' is not a provision; did you mean {meant}?"
                             ).format(name=err.name, meant=series(named, "or"))
        case "param":
            if meant:
                return translate("Wording.rules", "'{owner}' has no '{name}'; did you mean {meant}?"
                                 ).format(owner=err.owner, name=err.name,
                                          meant=series(_quoted(meant), "or"))
            return translate("Wording.rules", "'{owner}' has no '{name}'; it has {known}").format(
                owner=err.owner, name=err.name, known=series(list(err.known)))
        case "choice":
            if meant:
                return translate("Wording.rules",
                                 '"{name}" is not a choice of {owner}; did you mean {meant}?'
                                 ).format(name=err.name, owner=err.owner,
                                          meant=series(_quoted(meant, _DQ), "or"))
            return translate("Wording.rules",
                             '"{name}" is not a choice of {owner}; the choices are {known}'
                             ).format(name=err.name, owner=err.owner,
                                      known=series(_quoted(err.known, _DQ)))
        case "keyword":
            return translate("Wording.rules",
                             "'{name}' is not a word of the rule language; did you mean {meant}?"
                             ).format(name=err.name, meant=series(_quoted(meant), "or"))
        case _:
            return err.message  # the checker's own sentence (desktop.domain.rules)

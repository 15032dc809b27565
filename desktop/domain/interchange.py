"""The ``accord.scenario`` JSON interchange format: strict reading, canonical writing.

Version 2 is written; versions 1 and 2 are read (docs/format.md lists what version 2 adds:
a param's words, the source register and citations, draft dates and status, briefing settings,
open points, stances and confidence, no-deal levels, costs of change and PA-X codes).

Reading is bounded: the caller checks the byte size before anything is parsed
(:data:`MAX_JSON_BYTES`), deep nesting is refused by the parser, and every error becomes one
:class:`ScenarioError` whose message a person can act on.

Reading is strict: a key repeated in one JSON object is refused, naming the key and the object
(``json.loads`` would silently keep the last one, so a red line with two ``rule`` keys would
import whichever came second, unseen by whoever reviewed the first). Text quoted from the file
in a message has its control characters escaped (:func:`desktop.textsafe.terminal_safe`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from desktop.domain.model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    READABLE_VERSIONS,
    PaxTag,
    Scenario,
)
from desktop.domain.params import Choice
from desktop.textsafe import terminal_safe

#: Larger files are refused before parsing. The 2,000-provision benchmark scenario is ~2 MB.
MAX_JSON_BYTES = 50 * 1024 * 1024


class ScenarioError(ValueError):
    """A scenario that cannot be read. ``str()`` is a message for a person."""


def parse_scenario(data: bytes | str) -> Scenario:
    """Read an ``accord.scenario`` document. Raises :class:`ScenarioError`."""
    size = len(data)
    if size > MAX_JSON_BYTES:
        raise ScenarioError(
            f"the file is {size / 1024 / 1024:.0f} MB; scenarios larger than "
            f"{MAX_JSON_BYTES // 1024 // 1024} MB are refused"
        )
    duplicates: list[tuple[dict[str, Any], str]] = []
    try:
        raw = json.loads(data, object_pairs_hook=_pairs_hook(duplicates))
    except RecursionError:
        raise ScenarioError("the JSON nests too deeply to be a scenario") from None
    except UnicodeDecodeError as err:
        raise ScenarioError(f"the file is not UTF-8 text ({err.reason})") from None
    except json.JSONDecodeError as err:
        raise ScenarioError(
            f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        ) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ScenarioError("the file holds a number too long to be read") from None
    if duplicates:
        obj, key = duplicates[0]
        where = _where(raw, obj)
        raise ScenarioError(
            f"duplicate key {_shown(json.dumps(key, ensure_ascii=False))} in "
            f"{_shown(where) if where else 'the top-level object'}: a key may appear only once "
            "in an object (which one was meant is unclear)"
        )
    return scenario_from_dict(raw)


def _pairs_hook(
    duplicates: list[tuple[dict[str, Any], str]],
) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    """An ``object_pairs_hook`` that builds each object as usual and notes, in
    ``duplicates``, every object in which a key repeats (with the first repeated key)."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    duplicates.append((obj, key))
                    break
                seen.add(key)
        return obj

    return hook


def _where(root: Any, target: dict[str, Any]) -> str:
    """The path of the object ``target`` inside ``root`` (``parties[0].red_lines[2]``), found
    by identity; "" for the root. Iterative: the parser has already bounded the nesting."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if node is target:
            return _path(loc)
        if isinstance(node, dict):
            stack.extend((v, (*loc, k)) for k, v in node.items() if isinstance(v, dict | list))
        elif isinstance(node, list):
            stack.extend((v, (*loc, i)) for i, v in enumerate(node)
                         if isinstance(v, dict | list))
    return ""


def scenario_from_dict(raw: Any) -> Scenario:
    if not isinstance(raw, dict):
        raise ScenarioError("not an Accord scenario: the top level must be a JSON object")
    fmt = raw.get("format")
    if fmt != FORMAT_NAME:
        raise ScenarioError(
            f"not an Accord scenario: \"format\" is {_shown(json.dumps(fmt))}, "
            f"expected \"{FORMAT_NAME}\""
        )
    version = raw.get("version")
    is_int = isinstance(version, int) and not isinstance(version, bool)
    if isinstance(version, int) and is_int and version > FORMAT_VERSION:
        raise ScenarioError(
            f"made by a newer version of Accord (scenario format version {version}; "
            f"this version reads versions 1 to {FORMAT_VERSION})"
        )
    if not is_int or version not in READABLE_VERSIONS:
        raise ScenarioError(
            f"\"version\" is {_shown(json.dumps(version))}; scenario format versions are whole "
            f"numbers from 1 to {FORMAT_VERSION}"
        )
    # Version 1 is version 2 without its words: what it says reads the same in version 2.
    raw = {**raw, "version": FORMAT_VERSION}
    try:
        return Scenario.model_validate(raw)
    except ValidationError as err:
        raise ScenarioError(describe_validation_error(err)) from None
    except RecursionError:
        raise ScenarioError("the scenario nests too deeply") from None


def describe_validation_error(err: ValidationError, limit: int = 12) -> str:
    """pydantic's errors as lines a person can follow: ``parties[0].red_lines[2].id: ...``."""
    lines: list[str] = []
    for item in err.errors(include_url=False, include_input=False):
        where = _path(item["loc"])
        msg = str(item["msg"])
        if item["type"] == "value_error":
            msg = msg.removeprefix("Value error, ")
        elif item["type"] == "extra_forbidden":
            msg = "unknown key (the format allows no extra keys)"
        elif item["type"] == "string_pattern_mismatch" and where.endswith("id"):
            msg = "ids are letters, digits and _ in words joined by '-', starting with a letter"
        msg = "\n".join(terminal_safe(part) for part in msg.split("\n"))  # lines kept
        lines.append(f"{_shown(where)}: {msg}" if where else msg)
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(f"(and {len(lines) - limit} more problems)")
    return "\n".join(shown)


def _shown(text: str, limit: int = 80) -> str:
    """``text`` with its control characters escaped, cut to ``limit`` characters: a message
    must stay readable whatever the file holds (a 10 MB key name must not become a 10 MB
    dialog, nor a key with a newline a second line)."""
    text = terminal_safe(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("int", "number", "choice", "bool") and out.endswith("]"):
            continue  # the discriminated union's tag adds nothing for a reader
        else:
            out += f".{part}" if out else str(part)
    return out


def scenario_to_dict(scenario: Scenario, version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The canonical form: fields equal to their defaults are left out, key order is fixed.

    A choice without a label is written as its bare id (as version 1 wrote every choice), so
    a scenario without version 2's words has the same canonical form in both versions but for
    the ``version`` number (which :func:`content_digest` relies on for older documents)."""
    data = _canonical(scenario)
    data["format"] = FORMAT_NAME
    data["version"] = version
    order = ["format", "version", "title", "summary", "as_of", "briefing", "parties",
             "provisions", "drafts", "sources", "costs"]
    return {k: data[k] for k in order if k in data}


_NO_DEFAULT = object()
#: Per model class: each field's name, its JSON key (its alias: ``from`` for ``from_``) and
#: default (``_NO_DEFAULT`` when required).
_FIELDS: dict[type[BaseModel], tuple[tuple[str, str, Any], ...]] = {}


def _fields(kind: type[BaseModel]) -> tuple[tuple[str, str, Any], ...]:
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(
            (name, f.alias or name,
             _NO_DEFAULT if f.is_required() else f.get_default(call_default_factory=True))
            for name, f in kind.model_fields.items())
    return fields


def _canonical(model: BaseModel) -> dict[str, Any]:
    """Like ``model_dump(mode="json", exclude_defaults=True)``, except that a value is left out
    only when it equals its default *with the same type*: a weight written as 1.0 stays 1.0
    (pydantic would drop it, and it would come back as the integer 1)."""
    out: dict[str, Any] = {}
    values = model.__dict__
    for name, key, default in _fields(type(model)):
        value = values[name]
        if default is not _NO_DEFAULT and type(value) is type(default) and value == default:
            continue
        out[key] = _json_value(value)
    return out


_PLAIN = frozenset({str, int, float, bool, type(None)})


def _json_value(value: Any) -> Any:
    if type(value) in _PLAIN:  # most values: checked first, without isinstance chains
        return value
    if isinstance(value, Choice):
        return value.id if value.label is None else {"id": value.id, "label": value.label}
    if isinstance(value, PaxTag):
        return value.code if value.min_strength is None else _canonical(value)
    if isinstance(value, BaseModel):
        return _canonical(value)
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_value(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def canonical_value(value: Any) -> Any:
    """Any model value (a model, a tuple of models, a number) in its canonical JSON form."""
    return _json_value(value)


def dump_scenario(scenario: Scenario) -> str:
    """Canonical JSON text: dumping what was read from a dump gives the same bytes."""
    return json.dumps(scenario_to_dict(scenario), ensure_ascii=False, indent=2) + "\n"


def content_digest(scenario: Scenario, version: int = FORMAT_VERSION) -> str:
    """A checksum of everything a scenario says: ``"sha256:"`` and the SHA-256 of its canonical
    form as compact UTF-8 JSON. Equal scenarios have equal digests whatever produced them, and
    any change to a title, rule, value or number type changes it. Documents store it so that
    damage SQLite's own checks cannot see (a changed letter inside a text) is caught.

    ``version`` is the format version the digest is taken in: documents saved before version 2
    hold digests of the version 1 form."""
    text = json.dumps(scenario_to_dict(scenario, version), ensure_ascii=False,
                      separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of ``accord.scenario`` version 2 (which reads version 1 too)."""
    schema = Scenario.model_json_schema(mode="validation")
    # The model holds version 2 only (a version 1 file is read as version 2); files may say 1.
    schema["properties"]["version"] = {
        "enum": list(READABLE_VERSIONS), "title": "Version", "type": "integer",
        "description": f"The format version: {FORMAT_VERSION} is written, every one listed is "
                       "read (version 1 is version 2 without a param's words, sources, "
                       "draft dates and status, briefing settings, open points, stances, "
                       "no-deal levels, costs and PA-X codes)."}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://accord.invalid/schema/accord.scenario-2.json"
    schema["title"] = "accord.scenario version 2"
    schema["description"] = (
        "An Accord scenario: parties with red lines and preferences, provisions, and drafts. "
        "Rules (red lines, preferences) use the language in docs/rules.md; cross-references and "
        "rule types are checked beyond what this schema can express."
    )
    return schema

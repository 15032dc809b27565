"""What the editor dialogs' fields mean, without Qt: parsing, validation and building.

The dialogs read their widgets into plain values (:class:`ProvisionFields`,
:class:`PartyFields`, :class:`ParamRow`, :class:`RuleItem`), and the functions here say what is
wrong (a :class:`FormCheck`: the problems that keep OK disabled, and a :class:`FieldNote` per
field to show beside it) or build the domain object (or a :class:`Refused` saying why not). The
widget code only paints the answers, so all of this is tested without a window.

Its text is for the user, so it goes through the wording's Qt-free translation hook
(:mod:`desktop.wording.translate`, bound to Qt's translators by the window): this module
imports without Qt, so not ``QCoreApplication.translate``. Every text is a literal
``translate("EditorForms", "…")`` (lupdate reads any call named ``translate``), values go in
afterwards with ``.format()``, and a plural is ``EditorForms.tr("%n draft(s)", "", n)``: lupdate
marks only ``tr(text, "", n)`` as plural, and names its context after the class it is called on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from desktop.domain import Party, Preference, Provision, RedLine, Scenario
from desktop.domain.edit import rule_users, unique_id
from desktop.domain.interchange import describe_validation_error
from desktop.domain.model import ID_PATTERN, PARAM_PATTERN, RESERVED_WORDS
from desktop.domain.rules import Compare, Count, InList, Lit, RuleError, parse, walk
from desktop.wording.rules import rule_error_text
from desktop.wording.translate import QT_TRANSLATE_NOOP, translate
from desktop.wording.values import derived_label

#: What an id is (English; :func:`id_help` gives it in the user's language).
ID_HELP = QT_TRANSLATE_NOOP(
    "EditorForms",
    "An id is how rules and files refer to this item. It is letters, digits and _ in words "
    "joined by single dashes, starting with a letter: for example army-cap or ua_red-1.")
PARAM_TYPES = ("int", "number", "choice", "bool")

_ID_RE = re.compile(ID_PATTERN)
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_INT = re.compile(r"[+-]?\d+")
_PARAM_RE = re.compile(PARAM_PATTERN)
_PARAM_LOC = re.compile(r"^params\[(\d+)\](?:\.(\w+))?: ")

State = Literal["error", "note", "ok"]


class EditorForms:
    """The catalogue context of this module's texts; :meth:`tr` is for its plurals."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``text`` in the user's language, ``%n`` and its plural form picked for ``n``."""
        return translate("EditorForms", text, disambiguation, n)


def id_help() -> str:
    """:data:`ID_HELP` in the user's language."""
    return translate("EditorForms", ID_HELP)


def _and(items: Sequence[str]) -> str:
    """The items joined as a sentence joins them: a; a and b; a and b and c."""
    joined = items[0] if items else ""
    for item in items[1:]:
        joined = translate("EditorForms", "{first} and {second}").format(first=joined,
                                                                         second=item)
    return joined


# --------------------------------------------------------------------------- results as data


@dataclass(frozen=True)
class FieldNote:
    """What to show beside one field: its status line (``state`` is "error", "note" or "ok"),
    whether the field gets the red frame, and whether the status line is shown at all."""

    state: State
    text: str
    invalid: bool = False
    shown: bool = True


@dataclass(frozen=True)
class FormCheck:
    """A form checked as the user types: ``problems`` keep OK disabled (the first is shown by
    the buttons); ``notes`` says what to show beside each named field."""

    problems: tuple[str, ...] = ()
    notes: dict[str, FieldNote] = field(default_factory=dict)

    def plus(self, problems: Sequence[str]) -> FormCheck:
        return FormCheck((*self.problems, *problems), self.notes)


@dataclass(frozen=True)
class Refused:
    """Why OK did not build anything; ``about_params`` when the params' tab shows the cause."""

    message: str
    about_params: bool = False


def cannot_save(problems: Sequence[str]) -> str:
    """The line beside the buttons while OK is disabled ("" when nothing stops it)."""
    if not problems:
        return ""
    if len(problems) == 1:
        return translate("EditorForms", "Cannot save yet: {problem}").format(
            problem=problems[0])
    return translate("EditorForms", "Cannot save yet: {problem} (and {more} more)").format(
        problem=problems[0], more=len(problems) - 1)


# --------------------------------------------------------------------------- parsing


def readable(message: str) -> str:
    """pydantic's ``params[0].default: ...`` as ``param 1, default: ...``."""

    def one(line: str) -> str:
        match = _PARAM_LOC.match(line)
        if match is None:
            return line
        rest = line[match.end():]
        if rest.startswith("param '"):  # the message already names the param
            return rest
        number = int(match.group(1)) + 1
        if match.group(2):
            return translate("EditorForms", "param {number}, {field}: {message}").format(
                number=number, field=match.group(2), message=rest)
        return translate("EditorForms", "param {number}: {message}").format(
            number=number, message=rest)

    return "\n".join(one(line) for line in message.splitlines())


def _ungroup(text: str) -> str:
    t = text.strip().replace("_", "").replace(" ", "")
    if _GROUPED.fullmatch(t):
        t = t.replace(",", "")
    return t


def parse_int(text: str) -> int | None:
    t = _ungroup(text)
    if not _INT.fullmatch(t):
        return None
    try:
        return int(t)
    except ValueError:  # more digits than Python converts
        return None


def parse_number(text: str) -> int | float | None:
    t = _ungroup(text)
    as_int = parse_int(t)
    if as_int is not None:
        return as_int
    try:
        value = float(t)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_bool(text: str) -> bool | None:
    t = text.strip().lower()
    if t in ("true", "yes", "on", "1"):
        return True
    if t in ("false", "no", "off", "0"):
        return False
    return None


def plain_number(value: float) -> int | float:
    """3.0 from a spin box stays 3 in the file."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def utf16_offset(text: str, position: int) -> int:
    """A Python string index as a Qt (UTF-16) text position."""
    return len(text[:position].encode("utf-16-le")) // 2


# --------------------------------------------------------------------------- ids


def id_problem(text: str, taken: Collection[str], what: str, *, keyword_free: bool = False
               ) -> str | None:
    """Why ``text`` cannot be the id of a ``what`` ("provision", "party", "red line" or
    "preference"), or None."""
    if not text:
        return _no_id(what)
    if len(text) > 200:
        return translate("EditorForms", "An id is at most 200 characters long.")
    if not _ID_RE.fullmatch(text):
        if text[0].isdigit() or text[0] in "-_":
            return translate("EditorForms", "An id starts with a letter.")
        if "--" in text or text.endswith("-"):
            return translate("EditorForms",
                             "Dashes join words: no double dash and no dash at the end.")
        return translate("EditorForms", "An id is letters, digits and _ in words joined by "
                         "single dashes (e.g. army-cap).")
    if keyword_free and text in RESERVED_WORDS:
        return translate("EditorForms", "'{id}' is a word of the rule language and cannot be "
                         "an id.").format(id=text)
    if text in taken:
        return _id_taken(what).format(id=text)
    return None


def _no_id(what: str) -> str:
    """"Give the … an id.", a whole sentence for each kind of item (word order differs)."""
    if what == "party":
        return translate("EditorForms", "Give the party an id.")
    if what == "red line":
        return translate("EditorForms", "Give the red line an id.")
    if what == "preference":
        return translate("EditorForms", "Give the preference an id.")
    if what == "provision":
        return translate("EditorForms", "Give the provision an id.")
    raise ValueError(f"no text for the id of a {what!r}")


def _id_taken(what: str) -> str:
    """"Another … already has the id '{id}'." for each kind of item."""
    if what == "party":
        return translate("EditorForms", "Another party already has the id '{id}'.")
    if what == "red line":
        return translate("EditorForms", "Another red line already has the id '{id}'.")
    if what == "preference":
        return translate("EditorForms", "Another preference already has the id '{id}'.")
    if what == "provision":
        return translate("EditorForms", "Another provision already has the id '{id}'.")
    raise ValueError(f"no text for the id of a {what!r}")


def id_note(text: str, problem: str | None, *, filled_from: str, ok: str) -> FieldNote:
    """The status line under an id field. A blank id is not yet wrong: it says the id is
    filled in from the ``filled_from`` field ("title" or "name") rather than showing an
    error."""
    if problem is not None and text:
        return FieldNote("error", problem, invalid=True)
    if problem is not None:
        if filled_from == "name":
            return FieldNote("note", translate(
                "EditorForms", "Filled in from the name; you can change it."))
        return FieldNote("note", translate(
            "EditorForms", "Filled in from the title; you can change it."))
    return FieldNote("note", ok)


def suggested_id(source: str, taken: Collection[str]) -> str:
    """The id a title or name suggests ("" for a blank one)."""
    return unique_id(source, taken) if source.strip() else ""


# --------------------------------------------------------------------------- provisions


#: One line of a choice param's choices table: its id and its label ("" for none), as typed.
ChoiceRow = tuple[str, str]


@dataclass(frozen=True)
class ParamRow:
    """One row of the params table with the details of its type, as typed (text is stripped
    when read). ``choices`` are the lines of a choice param's choices table; ``true_label``
    and ``false_label`` a bool param's words. Fields its type has no use for are ignored."""

    name: str = ""
    type: str = "int"
    default: str = ""
    min: str = ""
    max: str = ""
    choices: tuple[ChoiceRow, ...] = ()
    unit: str = ""
    label: str = ""
    step: str = ""
    true_label: str = ""
    false_label: str = ""

    def where(self, n: int) -> str:
        """How messages name the ``n``-th row (from 0): "param 2 (police)"."""
        name = self.name.strip()
        if name:
            return translate("EditorForms", "param {number} ({name})").format(number=n + 1,
                                                                             name=name)
        return translate("EditorForms", "param {number}").format(number=n + 1)


def _words(data: dict[str, Any], key: str, text: str) -> None:
    """Set ``data[key]`` to the stripped ``text``, unless it is blank (then: not set)."""
    if text.strip():
        data[key] = text.strip()


def _collect_numeric(row: ParamRow, where: str, data: dict[str, Any], errors: list[str]) -> None:
    whole = row.type == "int"
    parse = parse_int if whole else parse_number
    default_text = row.default.strip()
    value = parse(default_text)
    if value is None:
        wrong = (translate("EditorForms", "{param}: the default must be a whole number, not "
                           "“{text}”.") if whole else
                 translate("EditorForms", "{param}: the default must be a number, not "
                           "“{text}”."))
        errors.append(wrong.format(param=where, text=default_text))
    data["default"] = value
    for key, raw in (("min", row.min), ("max", row.max), ("step", row.step)):
        text = raw.strip()
        if not text:
            continue
        number = parse(text)
        if number is None or (key == "step" and number <= 0):
            errors.append(_bad_bound(key, whole).format(param=where, text=text))
        data[key] = number


def _bad_bound(key: str, whole: bool) -> str:
    """What is wrong with a param's min, max or step (``whole``: an int param's)."""
    if key == "step":
        return (translate("EditorForms", "{param}: the step must be a whole number above 0 or "
                          "left empty, not “{text}”.") if whole else
                translate("EditorForms", "{param}: the step must be a number above 0 or left "
                          "empty, not “{text}”."))
    if key == "min":
        return (translate("EditorForms", "{param}: min must be a whole number or left empty, "
                          "not “{text}”.") if whole else
                translate("EditorForms", "{param}: min must be a number or left empty, not "
                          "“{text}”."))
    return (translate("EditorForms", "{param}: max must be a whole number or left empty, not "
                      "“{text}”.") if whole else
            translate("EditorForms", "{param}: max must be a number or left empty, not "
                      "“{text}”."))


def _collect_choices(row: ParamRow, where: str, data: dict[str, Any], errors: list[str]) -> None:
    """Blank lines are skipped; a choice without a label is written as its bare id."""
    choices: list[str | dict[str, str]] = []
    for k, (raw_id, raw_label) in enumerate(row.choices, start=1):
        cid, label = raw_id.strip(), raw_label.strip()
        if not cid and label:
            errors.append(translate("EditorForms", "{param}: choice {number} (“{label}”) has a "
                                    "label but no id.").format(param=where, number=k,
                                                               label=label))
        elif cid:
            choices.append({"id": cid, "label": label} if label else cid)
    if not choices:
        errors.append(translate("EditorForms", "{param}: give it at least one choice (an id, "
                                "and a label if you like).").format(param=where))
    data["choices"] = choices
    data["default"] = row.default.strip()


def collect_params(rows: Sequence[ParamRow]) -> tuple[list[dict[str, Any]], list[str]]:
    """The params as the model reads them, and what is wrong with the typed text (one check
    per field of a row, all reported together)."""
    params: list[dict[str, Any]] = []
    errors: list[str] = []
    for n, row in enumerate(rows):
        name = row.name.strip()
        where = row.where(n)
        data: dict[str, Any] = {"name": name, "type": row.type}
        if not name:
            errors.append(translate("EditorForms", "{param}: give it a name.").format(
                param=where))
        elif not _PARAM_RE.fullmatch(name):
            errors.append(translate("EditorForms", "{param}: a name is letters, digits and _, "
                                    "and does not start with a digit.").format(param=where))
        _words(data, "label", row.label)
        if row.type in ("int", "number"):
            _collect_numeric(row, where, data, errors)
        elif row.type == "bool":
            default_text = row.default.strip()
            flag = parse_bool(default_text)
            if flag is None:
                errors.append(translate("EditorForms", "{param}: the default must be true or "
                                        "false, not “{text}”.").format(param=where,
                                                                      text=default_text))
            data["default"] = flag
            _words(data, "true_label", row.true_label)
            _words(data, "false_label", row.false_label)
        else:
            _collect_choices(row, where, data, errors)
        _words(data, "unit", row.unit)
        params.append(data)
    return params, errors


def unlabelled_choices_note(row: ParamRow, n: int) -> str | None:
    """A warning (never a problem: the user may save) for a choice param whose choices have
    no label: readers see words made from their ids, which the note quotes. None when every
    choice has a label (or the row is not a choice param)."""
    if row.type != "choice":
        return None
    bare = [cid.strip() for cid, label in row.choices if cid.strip() and not label.strip()]
    if not bare:
        return None
    shown = [f"“{derived_label(cid)}”" for cid in bare[:2]]
    if len(bare) > 2:
        seen = translate("EditorForms", "{first}, {second} and {more} more").format(
            first=shown[0], second=shown[1], more=len(bare) - 2)
    else:
        seen = _and(shown)
    return EditorForms.tr("⚠ {param}: %n choice(s) (has/have) no label; readers will see "
                          "{seen}.", "", len(bare)).format(param=row.where(n), seen=seen)


def params_note(rows: Sequence[ParamRow]) -> FieldNote:
    """The note under the params table: every param's warning, one per line."""
    notes = [note for n, row in enumerate(rows) if (note := unlabelled_choices_note(row, n))]
    if not notes:
        return FieldNote("ok", "", shown=False)
    return FieldNote("note", "\n".join(notes))


@dataclass(frozen=True)
class ProvisionFields:
    """Everything the provision dialog holds, as plain values."""

    id: str = ""
    title: str = ""
    category: str = ""
    kind: str = "concession"
    by: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    text: str = ""
    params: tuple[ParamRow, ...] = ()
    excludes: tuple[str, ...] = ()
    source: str = ""
    #: The provision's citations (format version 2): ids of the register's sources.
    sources: tuple[str, ...] = ()
    #: Its PA-X issues (format version 2): (code, minimum strength or None).
    pax: tuple[tuple[str, int | None], ...] = ()


def check_provision(fields: ProvisionFields, taken: Collection[str], scenario: Scenario,
                    original_id: str | None) -> FormCheck:
    """What keeps the provision dialog's OK disabled, and the notes by its id, its category
    and its params (choices without labels: a warning, never a problem).

    ``taken`` are the other provisions' ids; ``original_id`` is the id of the provision being
    edited (None for a new one): renaming it is refused while rules name it, which the id's
    note says ahead of time."""
    problems: list[str] = []
    if not fields.title.strip():
        problems.append(translate("EditorForms", "Give the provision a title."))
    pid = fields.id
    id_err = id_problem(pid, taken, "provision", keyword_free=True)
    if id_err is not None:
        problems.append(id_err)
        id_status = id_note(pid, id_err, filled_from="title", ok="")
    elif original_id is not None and pid != original_id and (
            users := rule_users(scenario, original_id)):
        id_status = FieldNote("note", translate(
            "EditorForms", "⚠ Rules name this provision by its id “{id}” ({rules}): renaming "
            "is refused until those rules are changed.").format(id=original_id,
                                                                rules="; ".join(users)))
    else:
        id_status = FieldNote("note", translate("EditorForms",
                                                "Rules name the provision by this id."))
    category = fields.category
    cat_err = None
    if not category:
        problems.append(translate("EditorForms", "Pick or type a category."))
    elif not _ID_RE.fullmatch(category):
        cat_err = translate("EditorForms", "A category is id-shaped: try “{category}”.").format(
            category=unique_id(category, ()))
        problems.append(cat_err)
    if not fields.text.strip():
        problems.append(translate("EditorForms",
                                  "Write the clause text (on the Text and params tab)."))
    category_status = (FieldNote("error", cat_err, invalid=True) if cat_err is not None
                       else FieldNote("ok", "", shown=False))
    return FormCheck(tuple(problems), {"id": id_status, "category": category_status,
                                       "params": params_note(fields.params)})


def build_provision(fields: ProvisionFields) -> Provision | Refused:
    """The provision the fields describe, or why there is none."""
    params, errors = collect_params(fields.params)
    if errors:
        return Refused("\n".join(errors), about_params=True)
    data: dict[str, Any] = {
        "id": fields.id,
        "title": fields.title,
        "category": fields.category,
        "kind": fields.kind,
        "by": list(fields.by),
        "to": list(fields.to),
        "text": fields.text,
        "params": params,
        "excludes": list(fields.excludes),
        "source": fields.source,
        "sources": list(fields.sources),
        "pax": [{"code": code, "min_strength": least} for code, least in fields.pax],
    }
    try:
        return Provision.model_validate(data)
    except ValidationError as err:
        raw = describe_validation_error(err)  # which field: read before the text is translated
        return Refused(readable(raw), about_params="param" in raw or raw.startswith("text"))


# --------------------------------------------------------------------------- parties


@dataclass
class RuleItem:
    """A red line or preference being edited (mutable until the dialog builds the Party)."""

    id: str = ""
    title: str = ""
    rule: str = ""
    rationale: str = ""
    source: str = ""
    weight: float = 1.0
    auto_id: bool = True  # the id follows the title until the user edits it
    # Format version 2's citations (register ids) and inferred mark.
    sources: tuple[str, ...] = ()
    inferred: bool = False
    # A red line's stance, confidence and relaxation cost (format version 2), kept as read
    # (a confidence of 1.0 stays 1.0) unless edited.
    stance: str = "assessed"
    confidence: float | int = 1
    relax_cost: float | int | None = None

    @classmethod
    def of(cls, item: RedLine | Preference) -> RuleItem:
        weight = float(item.weight) if isinstance(item, Preference) else 1.0
        made = cls(item.id, item.title, item.rule, item.rationale, item.source, weight, False,
                   item.sources, item.inferred)
        if isinstance(item, RedLine):
            made.stance, made.confidence = item.stance, item.confidence
            made.relax_cost = item.relax_cost
        return made

    def as_dict(self, weighted: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "title": self.title, "rule": self.rule,
                                "rationale": self.rationale, "source": self.source,
                                "sources": list(self.sources), "inferred": self.inferred}
        if weighted:
            data["weight"] = plain_number(self.weight)
        else:
            data.update(stance=self.stance, confidence=self.confidence,
                        relax_cost=self.relax_cost)
        return data


def rule_item_problems(item: RuleItem, taken: Collection[str], noun: str,
                       rule_error: RuleError | None,
                       provisions: Mapping[str, Provision] | None = None) -> list[str]:
    """What is wrong with one red line or preference (``taken``: the ids it may not have;
    ``rule_error``: its rule checked against the library, the ``provisions``)."""
    problems: list[str] = []
    if not item.title.strip():
        problems.append(translate("EditorForms", "Give it a title."))
    id_err = id_problem(item.id, taken, noun)
    if id_err:
        problems.append(id_err)
    if rule_error is not None:
        text = rule_error_text(rule_error, provisions or {})
        problems.append(translate("EditorForms", "rule: Column {column}: {error}").format(
            column=rule_error.column, error=text))
    return problems


def rule_list_problems(noun: str, items: Sequence[RuleItem],
                       per_item: Sequence[Sequence[str]]) -> list[str]:
    """Every item's problems, each prefixed with which item it is ("red line 3 (ua-x): ...")."""
    out: list[str] = []
    for n, (item, problems) in enumerate(zip(items, per_item, strict=True)):
        line = _item_problem(noun, bool(item.id))
        out.extend(line.format(number=n + 1, id=item.id, problem=p) for p in problems)
    return out


def _item_problem(noun: str, with_id: bool) -> str:
    """"red line 3 (ua-x): {problem}" for each kind of item, with its id or without."""
    if noun == "red line":
        return (translate("EditorForms", "red line {number} ({id}): {problem}") if with_id
                else translate("EditorForms", "red line {number}: {problem}"))
    if noun == "preference":
        return (translate("EditorForms", "preference {number} ({id}): {problem}") if with_id
                else translate("EditorForms", "preference {number}: {problem}"))
    raise ValueError(f"no text for a {noun!r}")


# A number as a title writes it: grouped ("800,000", "800 000"), plain or decimal, with a scale
# ("800k", "USD 800 bn", "1.5 million") or a percent sign; a range ("30-50 years") is one number
# that either end satisfies. Not inside a word ("E3") or a decimal.
_SEP = r"[ \u00a0\u202f]"
_TITLE_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:" + _SEP + r"\d{3})+(?!\d)"
    r"|\d+(?:\.\d+)?)"
    r"(?:" + _SEP + r"?(?P<scale>k|m|bn|thousand|million|billion|%|per" + _SEP + r"?cent)"
    r"(?![A-Za-z]))?",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to)\s*", re.IGNORECASE)
_UNIT = re.compile(r"[ -](?:days?|weeks?|months?|years?|km|kilometres?)\b", re.IGNORECASE)
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


@dataclass(frozen=True)
class TitleNumber:
    """A number a title states, as written, and the rule literals that would say it."""

    text: str
    values: frozenset[float]


def _title_values(match: re.Match[str]) -> set[float]:
    base = float(re.sub(r"[^\d.]", "", match.group("num")))
    scale = (match.group("scale") or "").lower().replace(" ", "").replace("\u00a0", "")
    scale = scale.replace("\u202f", "")
    if scale in _SCALES:
        return {base, base * _SCALES[scale]}  # "800 bn" may be a size_bn of 800
    if scale in ("%", "percent"):
        return {base, base / 100}
    return {base}


def title_numbers(title: str) -> list[TitleNumber]:
    """The numbers a red line's title states ("Army of at least 800,000" -> 800,000;
    "60 days of ceasefire" -> 60 days; "30-50 years" -> one number, either end)."""
    spans: list[tuple[int, int, set[float]]] = []
    for match in _TITLE_NUMBER.finditer(title):
        values = _title_values(match)
        if spans and _RANGE_JOIN.fullmatch(title[spans[-1][1]:match.start()]):
            start, _, before = spans.pop()
            spans.append((start, match.end(), before | values))
        else:
            spans.append((match.start(), match.end(), values))
    out: list[TitleNumber] = []
    for start, end, values in spans:
        unit = _UNIT.match(title, end)
        stop = unit.end() if unit is not None else end
        out.append(TitleNumber(title[start:stop].strip(), frozenset(values)))
    return out


def rule_numbers(rule: str) -> set[float] | None:
    """The numeric literals of a rule (and the k of at_least/at_most); None if it does not
    parse."""
    try:
        node = parse(rule)
    except RuleError:
        return None
    literals: list[Lit] = []
    found: set[float] = set()
    for n in walk(node):
        if isinstance(n, Compare) and isinstance(n.right, Lit):
            literals.append(n.right)
        elif isinstance(n, InList):
            literals.extend(n.items)
        elif isinstance(n, Count):
            found.add(float(n.k))
    found.update(float(lit.value) for lit in literals
                 if isinstance(lit.value, int | float) and not isinstance(lit.value, bool))
    return found


def title_rule_note(title: str, rule: str) -> FieldNote:
    """A warning (never a problem: the user may save) when the title states a number its rule
    no longer has: "Army of at least 800,000" over ``army-cap.personnel >= 600000``."""
    in_rule = rule_numbers(rule)
    if in_rule is None:  # the rule's own error says what is wrong
        return FieldNote("ok", "", shown=False)
    missing = [t.text for t in title_numbers(title)
               if not any(math.isclose(v, r, rel_tol=1e-9, abs_tol=1e-9)
                          for v in t.values for r in in_rule)]
    if not missing:
        return FieldNote("ok", "", shown=False)
    said = _and([f"“{m}”" for m in missing])
    return FieldNote("note", translate(
        "EditorForms", "⚠ The title says {numbers} but the rule does not: check that the title "
        "and the rule agree.").format(numbers=said))


def rule_item_label(item: RuleItem, noun: str, problems: Sequence[str]) -> str:
    """An item's line in the list, marked when something in it needs fixing."""
    label = item.title.strip() or item.id or _new_item(noun)
    return f"⚠ {label}" if problems else label


def _new_item(noun: str) -> str:
    """The line of an item with neither title nor id yet."""
    if noun == "red line":
        return translate("EditorForms", "(new red line)")
    if noun == "preference":
        return translate("EditorForms", "(new preference)")
    raise ValueError(f"no text for a {noun!r}")


def rule_tab_title(title: str, items: int, to_fix: int) -> str:
    """``&Red lines (3, 1 to fix)`` (``title`` is already in the user's language)."""
    if to_fix:
        return translate("EditorForms", "{title} ({items}, {to_fix} to fix)").format(
            title=title, items=items, to_fix=to_fix)
    return translate("EditorForms", "{title} ({items})").format(title=title, items=items)


@dataclass(frozen=True)
class PartyFields:
    """Everything the party dialog holds, as plain values."""

    id: str = ""
    name: str = ""
    role: str = "party"
    color: str | None = None
    red_lines: tuple[RuleItem, ...] = ()
    preferences: tuple[RuleItem, ...] = ()
    #: Its satisfaction without an agreement, 0 to 1; none: not set.
    no_deal: float | int | None = None


def check_party(fields: PartyFields, taken: Collection[str]) -> FormCheck:
    """The party's own fields (its red lines and preferences are checked by their lists)."""
    problems: list[str] = []
    if not fields.name.strip():
        problems.append(translate("EditorForms", "Give the party a name."))
    id_err = id_problem(fields.id, taken, "party")
    if id_err:
        problems.append(id_err)
    return FormCheck(tuple(problems), {
        "id": id_note(fields.id, id_err, filled_from="name",
                      ok=translate("EditorForms", "Provisions name the party by this id."))})


def build_party(fields: PartyFields) -> Party | Refused:
    data: dict[str, Any] = {
        "id": fields.id,
        "name": fields.name,
        "role": fields.role,
        "color": fields.color,
        "red_lines": [i.as_dict(False) for i in fields.red_lines],
        "preferences": [i.as_dict(True) for i in fields.preferences],
        "no_deal": fields.no_deal,
    }
    try:
        return Party.model_validate(data)
    except ValidationError as err:
        return Refused(describe_validation_error(err))


# --------------------------------------------------------------------------- scenario details


@dataclass(frozen=True)
class ScenarioInfo:
    title: str
    summary: str


def check_info(info: ScenarioInfo) -> FormCheck:
    blank = not info.title.strip()
    return FormCheck((translate("EditorForms", "Give the scenario a title."),) if blank else (),
                     {"title": FieldNote("error" if blank else "ok", "", invalid=blank)})


# --------------------------------------------------------------------------- questions


def provision_deletion_question(title: str, provision_id: str, drafts: Sequence[str]) -> str:
    """Asked before a provision is deleted; ``drafts`` are the titles of drafts holding it."""
    if not drafts:
        return translate("EditorForms", "Delete the provision “{title}” ({id})?\n\nYou can "
                         "undo this.").format(title=title, id=provision_id)
    return EditorForms.tr("Delete the provision “{title}” ({id})?\n\nIt is in %n draft(s) "
                          "({drafts}); its clauses there are removed too.\n\nYou can undo "
                          "this.", "", len(drafts)).format(title=title, id=provision_id,
                                                          drafts=", ".join(drafts))


def party_deletion_question(party: Party) -> str:
    red_lines = EditorForms.tr("%n red line(s)", "", len(party.red_lines))
    preferences = EditorForms.tr("%n preference(s)", "", len(party.preferences))
    return translate("EditorForms", "Delete the party “{name}” ({id}) with its {red_lines} and "
                     "{preferences}?\n\nProvisions given by or to it stop naming it. You can "
                     "undo this.").format(name=party.name, id=party.id, red_lines=red_lines,
                                         preferences=preferences)

"""Where every word on screen comes from.

The one place that turns the model's values, codes and the solver's changes into the text a
person reads -- in the window, in the terminal and in the printed briefings -- and the one
palette they are painted in. Qt-free; imports nothing of Accord but :mod:`desktop.domain`.

* :mod:`~desktop.wording.values` -- values and clause text (``800,000``, ``yes``)
* :mod:`~desktop.wording.translate` -- the translation hook every text above goes through
  (``translate("Wording.verdicts", "…")``), English until the window binds Qt's translators
* :mod:`~desktop.wording.numbers` -- percentages, and English-only counts with their nouns
  (``1 change``, ``3 parties``; translated text writes ``"%n change(s)"`` instead)
* :mod:`~desktop.wording.labels` -- names for provision kinds, party roles, param types
* :mod:`~desktop.wording.changes` -- a proposed change, for the terminal or the panel
* :mod:`~desktop.wording.bridge` -- why a change is proposed, how a search ended, what is partial
* :mod:`~desktop.wording.palette` -- every colour, as ``#RRGGBB``
* :mod:`~desktop.wording.prose` -- lists, owners, quoted titles, a label's capital in a sentence
* :mod:`~desktop.wording.reasons` -- why a draft fails: reasons, conflicts, a report's summary
* :mod:`~desktop.wording.rules` -- what is wrong with a rule, with the name it likely meant
* :mod:`~desktop.wording.verdicts` -- accepts (if §12 is ...) or rejects, the chance it accepts,
  coverage, the no-deal level, open points, viable (if ...)
"""

from desktop.wording import palette
from desktop.wording.bridge import change_reason, note_text, progress_text, status_words
from desktop.wording.changes import ChangeStyle, describe_change, provision_name
from desktop.wording.labels import (
    BRIEFING_KIND_LABELS,
    DEFAULT_MARKING,
    KIND_LABELS,
    KIND_LETTERS,
    PAPER_LABELS,
    PARAM_TYPE_LABELS,
    ROLE_LABELS,
    briefing_kind_label,
    default_marking,
    draft_status_label,
    kind_label,
    kind_letter,
    paper_label,
    param_type_label,
    role_label,
    short_name,
)
from desktop.wording.numbers import count, percent, plural
from desktop.wording.prose import series
from desktop.wording.reasons import (
    Speaker,
    condition_text,
    conflict_text,
    detail,
    explanation,
    reason_text,
    report_summary,
)
from desktop.wording.rules import rule_error_text
from desktop.wording.values import clause_text, format_value, literal, plain_value

__all__ = [
    "BRIEFING_KIND_LABELS",
    "DEFAULT_MARKING",
    "KIND_LABELS",
    "KIND_LETTERS",
    "PAPER_LABELS",
    "PARAM_TYPE_LABELS",
    "ROLE_LABELS",
    "ChangeStyle",
    "Speaker",
    "briefing_kind_label",
    "change_reason",
    "clause_text",
    "condition_text",
    "conflict_text",
    "count",
    "default_marking",
    "describe_change",
    "detail",
    "draft_status_label",
    "explanation",
    "format_value",
    "kind_label",
    "kind_letter",
    "literal",
    "note_text",
    "palette",
    "paper_label",
    "param_type_label",
    "percent",
    "plain_value",
    "plural",
    "progress_text",
    "provision_name",
    "reason_text",
    "report_summary",
    "role_label",
    "rule_error_text",
    "series",
    "short_name",
    "status_words",
]

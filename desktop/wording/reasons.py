"""Why a red line is crossed, in words: a violation's reasons as sentences.

``explanation(violation.reasons)`` is the line under a crossed red line in the window, the
terminal and the briefings ("army-cap.personnel is 600000; needs >= 800000"); ``reason_text``
words one reason. The reasons themselves are data (:mod:`desktop.domain.reasons`).

The sentences are written in :mod:`desktop.domain.explanations` for now, and published here:
:attr:`Violation.explanation <desktop.domain.checker.Violation.explanation>` must keep giving
the same text to callers that import no wording, and the domain never imports this package.
Callers word ``Violation.reasons`` through this module; once all do, the sentences move here.
"""

from desktop.domain.explanations import explanation, reason_text

__all__ = ["explanation", "reason_text"]

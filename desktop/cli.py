"""The ``accord`` command.

Exit codes: 0 success (for ``check`` and ``brief``: the draft is viable, or viable if its open
points are closed a certain way; for ``suggest``: a
proposal exists), 1 the draft is not viable (for ``brief --compare``: the first draft; for
``suggest``: no proposal exists), 2 bad input or usage. Every bad input gives
one line on stderr naming the file and the cause, never a traceback, and writes nothing.

Everything printed from a file or the command line (titles, names, ids, paths, messages built
from them) goes through :func:`desktop.textsafe.terminal_safe` (``--json`` output through
:func:`~desktop.textsafe.json_terminal_safe`): a scenario cannot print a fake line or drive the
terminal. Outputs never replace the command's own input, and only ``import`` may replace an
Accord document (:func:`desktop.store.files.check_replaceable`).

Help, messages and reports read in the user's language (``ACCORD_LANG``, else the system's)
when Accord's catalogue has it: :func:`user_language` binds the wording's hook before anything
is built or written.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from desktop import STARTED, __version__
from desktop.domain import Clause, Draft, PartyVerdict, Report, Scenario, check, json_schema
from desktop.domain.checker import Setting, Violation
from desktop.domain.interchange import ScenarioError
from desktop.domain.model import STANCES, Stance
from desktop.textsafe import json_terminal_safe, terminal_safe
from desktop.wording import (
    change_reason,
    conflict_text,
    detail,
    explanation,
    note_text,
    percent,
    short_name,
    status_words,
)
from desktop.wording.bridge import (
    change_text,
    clash_text,
    cost_words,
    link_text,
    no_change_text,
    no_deal_text,
    red_line_name,
    relax_cost_text,
    relax_heading,
    relax_text,
    stance_text,
)
from desktop.wording.prose import series
from desktop.wording.reasons import report_counts, report_summary
from desktop.wording.translate import Translator, current_translator, set_translator, translate
from desktop.wording.verdicts import (
    bound_words,
    chance_words,
    met_if_lines,
    not_addressed_titles,
    open_points,
    satisfaction_sentence,
    shown_satisfaction,
    verdict_phrase,
    viability_words,
    violation_condition,
)

if TYPE_CHECKING:
    from desktop.domain.solver import BridgeResult, Change, ClashItem, Proposal
    from desktop.store import DocumentError
    from desktop.store.files import OutputKind

EXIT_OK = 0
EXIT_NOT_VIABLE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # a bug in Accord, not in the input (sysexits EX_SOFTWARE)

COMMANDS = ("import", "export", "check", "brief", "suggest", "precedents", "schema", "gui")


class UsageError(Exception):
    """Bad input or usage: reported as one line, exit 2."""


class InternalError(Exception):
    """A bug Accord caught itself (an answer that failed its certificate): one line, exit 70."""


def error_line(message: object) -> str:
    """An error message as one line a terminal shows as it is: the lines of a message that
    lists several problems joined with "; ", every control character escaped."""
    return "; ".join(terminal_safe(part) for part in str(message).split("\n") if part)


def document_error_line(err: DocumentError) -> str:
    """A :class:`~desktop.store.DocumentError` as one safe line, ``"<path>: <reason>"``. The
    path is one field (a newline in a file name is shown as ``\\n``); so is the reason of a
    document in use, which quotes the lock file. Other reasons may list several problems, one
    a line (their quoted text is escaped where they are made)."""
    from desktop.store import DocumentInUse

    reason = (terminal_safe(err.reason) if isinstance(err, DocumentInUse)
              else error_line(err.reason))
    return f"{terminal_safe(err.path)}: {reason}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, translate("Cli", "{prog}: error: {message}").format(
            prog=self.prog, message=error_line(message)) + "\n")


def _build_parser() -> argparse.ArgumentParser:
    """The command line; its description and help read in the user's language (the option
    names, choices and metavars stay as typed)."""
    parser = _Parser(
        prog="accord",
        description=translate(
            "Cli", "Accord: draft peace frameworks and check them against every party's red "
            "lines. With no command, or with a document, the desktop app starts."),
    )
    parser.add_argument("--version", action="version", version=f"accord {__version__}")
    parser.add_argument("--smoke", action="store_true", help=translate(
        "Cli", "start offscreen, check, print a briefing, save and reopen; then exit (0 when "
        "everything worked)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    a_file = translate("Cli", "an .accord document or a .json scenario")
    as_json = translate("Cli", "print the result as JSON")
    stance_help = translate(
        "Cli", "stated: every red line counts; assessed (default): only the assessed floors "
        "count, stated demands are negotiable")

    p = sub.add_parser("import", help=translate(
        "Cli", "create an .accord document from an accord.scenario JSON"))
    p.add_argument("scenario", type=Path, metavar="SCENARIO.json")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.accord")

    p = sub.add_parser("export", help=translate(
        "Cli", "write a document's scenario as accord.scenario JSON"))
    p.add_argument("document", type=Path, metavar="FILE.accord")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="SCENARIO.json")

    p = sub.add_parser("check", help=translate(
        "Cli", "check a draft against every party's red lines (exit 0 viable or viable if its "
        "open points are closed a certain way, 1 not viable)"))
    p.add_argument("file", type=Path, metavar="FILE", help=a_file)
    p.add_argument("--draft", metavar="ID",
                   help=translate("Cli", "the draft to check (default: the first)"))
    p.add_argument("--stance", choices=STANCES, default="assessed", help=stance_help)
    p.add_argument("--json", action="store_true",
                   help=translate("Cli", "print the report as JSON"))

    p = sub.add_parser("brief", help=translate(
        "Cli", "write a briefing sheet (PDF, Word, OpenDocument, HTML or Markdown, by the "
        "extension of -o): every party (the default), one party (--party) or two drafts "
        "compared (--compare); exit 0 viable, 1 not viable, as for check"))
    p.add_argument("file", type=Path, metavar="FILE", help=a_file)
    p.add_argument("--draft", metavar="ID",
                   help=translate("Cli", "the draft to brief on (default: the first)"))
    which = p.add_mutually_exclusive_group()
    which.add_argument("--party", metavar="ID",
                       help=translate("Cli", "a party briefing for this party"))
    which.add_argument("--compare", metavar="ID2", help=translate(
        "Cli", "a comparison sheet of --draft against draft ID2 (the exit code is the first "
        "draft's viability)"))
    p.add_argument("--paper", choices=("a4", "letter"), default="a4",
                   help=translate("Cli", "paper size (default: a4)"))
    p.add_argument("--marking", metavar="TEXT", default=None, help=translate(
        "Cli", "the marking on every page (default: the document's briefing settings, else "
        '"DRAFT - NOT FOR DISTRIBUTION"; "" for none)'))
    p.add_argument("--to", metavar="TEXT", default=None, help=translate(
        "Cli", "the memo's addressee (TO; default: the document's briefing settings)"))
    p.add_argument("--from", dest="from_", metavar="TEXT", default=None, help=translate(
        "Cli", "the memo's sender (FROM; default: the document's briefing settings)"))
    p.add_argument("--subject", metavar="TEXT", default=None, help=translate(
        "Cli", "the memo's subject (default: the document's briefing settings, else "
        '"Assessment of <draft title>")'))
    p.add_argument("--no-bridge", action="store_true", help=translate(
        "Cli", "do not run the bridge finder: the memo says its recommendation was not "
        "computed"))
    p.add_argument("--time-limit", type=float, default=5.0, metavar="SECONDS", help=translate(
        "Cli", "the bridge finder's time limit for the memo's recommendation (default: 5); a "
        "partial answer says so"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help=translate(
        "Cli", "the file to write; its extension picks the format: .pdf, .docx, .odt, .html "
        "or .md"))

    p = sub.add_parser("suggest", help=translate(
        "Cli", "find the fewest changes to a draft that every party's red lines accept (exit 0 "
        "a proposal exists, 1 none does)"))
    p.add_argument("file", type=Path, metavar="FILE", help=a_file)
    p.add_argument("--draft", metavar="ID",
                   help=translate("Cli", "the draft to start from (default: the first)"))
    p.add_argument("--parties", metavar="A,B", help=translate(
        "Cli", "only these parties' red lines (comma-separated ids; default: all)"))
    p.add_argument("--alternatives", type=int, default=3, metavar="N",
                   help=translate("Cli", "up to N alternative proposals (default: 3)"))
    p.add_argument("--clashes", type=int, default=1, metavar="K", help=translate(
        "Cli", "when no agreement is possible, list up to K distinct minimal clashes of red "
        "lines (default: 1)"))
    p.add_argument("--time-limit", type=float, default=20.0, metavar="SECONDS", help=translate(
        "Cli", "the whole search stops after this long and reports what it has, saying what "
        "is partial (default: 20)"))
    p.add_argument("--stance", choices=STANCES, default="assessed", help=translate(
        "Cli", "stated: every red line counts; assessed (default): only the assessed floors "
        "count, stated demands are negotiable (as for check)"))
    p.add_argument("--json", action="store_true", help=as_json)

    p = sub.add_parser("precedents", help=translate(
        "Cli", "the real agreements (PA-X) that carried all the given issues together: a "
        "provision's PA-X codes or codes given; the scenario's own conflict first, then "
        "newest"))
    p.add_argument("file", type=Path, metavar="FILE", help=a_file)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--provision", metavar="ID",
                       help=translate("Cli", "the PA-X codes of this provision"))
    which.add_argument("--codes", metavar="CODES", help=translate(
        "Cli", "PA-X issue codes, comma-separated (Ce,ImPK); CODE:N asks for strength N (1-3) "
        "or more"))
    p.add_argument("--json", action="store_true", help=as_json)

    p = sub.add_parser("schema", help=translate(
        "Cli", "print the JSON Schema of accord.scenario version 2 (version 1 files meet it "
        "too)"))
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help=translate("Cli", "write it to FILE instead"))

    p = sub.add_parser("gui", help=translate("Cli", "start the desktop app (the default)"))
    p.add_argument("file", type=Path, nargs="?", metavar="FILE.accord")
    return parser


# --------------------------------------------------------------------------- commands


def _read(path: Path) -> Scenario:
    from desktop.store import DocumentError, read_scenario_file

    try:
        return read_scenario_file(path)
    except DocumentError as err:
        raise UsageError(document_error_line(err)) from None


def _same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one existing file (through links and other spellings)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _ids(ids: Iterable[str]) -> str:
    """Ids (or names) listed after a message, "a, b, c", with the language's separator."""
    return translate("Cli", ", ", "the separator of a list").join(ids)


def check_output(output: Path, inputs: Sequence[Path], kind: OutputKind = "other") -> None:
    """Refuse ``output`` before any work is done: it is one of the command's ``inputs``, or,
    unless ``kind`` is ``"document"``, an Accord document or a locked file. The writer checks
    the target again when it replaces it."""
    from desktop.store import DocumentError
    from desktop.store.files import check_replaceable

    for source in inputs:
        if _same_file(output, source):
            raise UsageError(translate(
                "Cli", "{file}: it is this command's input file; it was not replaced (choose "
                "another file name for the output)").format(file=terminal_safe(output)))
    if kind != "document":
        try:
            check_replaceable(output, output, "other")
        except DocumentError as err:
            raise UsageError(document_error_line(err)) from None


def _pick_draft(scenario: Scenario, path: Path, draft_id: str | None) -> Draft:
    where = terminal_safe(path)
    if not scenario.drafts:
        raise UsageError(translate("Cli", "{file}: the scenario has no drafts to check").format(
            file=where))
    if draft_id is None:
        return scenario.drafts[0]
    for draft in scenario.drafts:
        if draft.id == draft_id:
            return draft
    known = _ids(terminal_safe(d.id) for d in scenario.drafts)
    raise UsageError(translate("Cli", "{file}: no draft '{draft}' (drafts: {known})").format(
        file=where, draft=terminal_safe(draft_id), known=known))


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.store import DocumentError, import_json, lock_document, save_document

    check_output(args.output, [args.scenario], "document")
    try:
        scenario = import_json(args.scenario)
        lock = lock_document(args.output)  # refuses a document open in an Accord window
        try:
            save_document(scenario, args.output)
        finally:
            if lock is not None:
                lock.release()
    except DocumentError as err:
        raise UsageError(document_error_line(err)) from None
    # The count in a name of its own: lupdate reads a translate() whose n is an expression
    # as no message at all.
    n_provisions, n_drafts = len(scenario.provisions), len(scenario.drafts)
    provisions = translate("Cli", "%n provision(s)", None, n_provisions)
    drafts = translate("Cli", "%n draft(s)", None, n_drafts)
    print(translate("Cli", "{file}: imported '{title}' ({provisions}, {drafts})").format(
        file=terminal_safe(args.output), title=terminal_safe(scenario.title),
        provisions=provisions, drafts=drafts), file=out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.store import DocumentError, export_json, open_document

    check_output(args.output, [args.document])
    try:
        scenario = open_document(args.document)
        export_json(scenario, args.output)
    except DocumentError as err:
        raise UsageError(document_error_line(err)) from None
    print(translate("Cli", "{file}: exported '{title}'").format(
        file=terminal_safe(args.output), title=terminal_safe(scenario.title)), file=out)
    return EXIT_OK


def _settings_to_json(settings: Sequence[Setting]) -> list[dict[str, Any]]:
    return [{"clause": pid, "alternative": label, "index": k} for pid, k, label in settings]


def report_to_json(report: Report, scenario: Scenario) -> dict[str, Any]:
    """The ``check --json`` shape (a contract; see docs/format.md)."""
    return {
        "draft": report.draft,
        "stance": report.stance,
        "viable": report.viable,
        "status": report.status,
        "viable_if": (None if report.viable_if is None
                      else _settings_to_json(report.viable_if)),
        "bound_reached": report.bound_reached,
        "parties": [
            {
                "id": v.party,
                "name": v.name,
                "acceptable": v.acceptable,
                "verdict": v.verdict,
                "accepts_if": _settings_to_json(v.accepts_if),
                "acceptance_chance": v.acceptance_chance,
                "satisfaction": v.satisfaction,
                "addressed_satisfaction": v.addressed_satisfaction,
                "coverage": {"addressed": v.coverage[0], "total": v.coverage[1]},
                "not_addressed": list(v.not_addressed),
                "violations": [
                    {
                        "red_line": x.red_line,
                        "title": x.title,
                        "clauses": list(x.clauses),
                        "explanation": explanation(x.reasons, scenario, short_name(v.name)),
                        "detail": detail(x.reasons),
                        "under": _settings_to_json(x.under),
                        "conditional": x.conditional,
                    }
                    for x in v.violations
                ],
            }
            for v in report.parties
        ],
        "conflicts": [
            {"provisions": list(c.provisions), "explanation": conflict_text(c, scenario)}
            for c in report.conflicts
        ],
    }


def _no_preferences() -> str:
    return translate("Cli", "no preferences")


def _none_addressed() -> str:
    return translate("Cli", "addresses none of its preferences")


def _of_addressed(x: float) -> str:
    return translate("Cli", "{percent} of what it addresses").format(percent=percent(x))


def _addressed(p: Proposal, pid: str, full: float | None) -> str:
    """A party's satisfaction under a proposal, as the words everywhere give it: over what
    the proposal addresses ("62% of what it addresses")."""
    if full is None:
        return _no_preferences()
    x = p.addressed.get(pid, full)
    if x is None:
        return _none_addressed()
    return _of_addressed(x)


def _percent(x: float | None) -> str:
    if x is None:
        return _no_preferences()
    return translate("Cli", "satisfaction {percent}").format(percent=percent(x))


def _shown(v: PartyVerdict) -> str:
    """The satisfaction over what the draft addresses, as the words everywhere show it."""
    x = shown_satisfaction(v)
    if x is None:
        return _no_preferences() if v.coverage[1] == 0 else _none_addressed()
    return _of_addressed(x)


def _stance_lines(report: Report, scenario: Scenario, draft: Draft) -> list[str]:
    """Which view of the red lines the report takes, and what the other view says."""
    other: Stance = "stated" if report.stance == "assessed" else "assessed"
    seen = check(scenario, draft, stance=other)
    if report.stance == "assessed":
        this = translate("Cli", "Under assessed floors (stated demands are negotiable).")
        that = translate("Cli", "Under stated positions: {viability}, {counts}.")
    else:
        this = translate("Cli", "Under stated positions (every red line counts).")
        that = translate("Cli", "Under assessed floors: {viability}, {counts}.")
    return [this, that.format(
        viability=terminal_safe(viability_words(seen, draft, scenario, titled=True)),
        counts=report_counts(seen))]


def _verdict_marks() -> dict[str, str]:
    """The verdict that starts a party's line in the ``check`` text, by the verdict's value."""
    return {"accepts": translate("Cli", "ACCEPTS"), "rejects": translate("Cli", "REJECTS"),
            "accepts-if": translate("Cli", "ACCEPTS IF")}


def _violation_lines(x: Violation, v: PartyVerdict, draft: Draft, scenario: Scenario
                     ) -> list[str]:
    """A red line a party's verdict crosses: which, when, why and through which clauses."""
    s = terminal_safe
    when = violation_condition(x.under, x.conditional, draft, scenario)
    if when:
        crosses = translate("Cli", "crosses ‘{title}’ [{red_line}] {condition}").format(
            title=s(x.title), red_line=s(x.red_line), condition=s(when))
    else:
        crosses = translate("Cli", "crosses ‘{title}’ [{red_line}]").format(
            title=s(x.title), red_line=s(x.red_line))
    why = explanation(x.reasons, scenario, short_name(v.name))
    lines = [crosses, "  " + translate("Cli", "why: {explanation}").format(explanation=s(why))]
    if x.clauses:
        named = _ids(translate("Cli", "“{title}” [{clause}]").format(
            title=s(scenario.provision(c).title), clause=s(c)) for c in x.clauses)
        lines.append("  " + translate("Cli", "clauses: {clauses}").format(clauses=named))
    return lines


def format_report(report: Report, scenario: Scenario, draft: Draft) -> str:
    """The ``check`` text output: for a person reading a terminal. Every field from the
    scenario is :func:`terminal_safe`: each stays on its own line and drives nothing."""
    s = terminal_safe
    head = viability_words(report, draft, scenario, titled=True)
    lines = [
        f"{s(draft.title)} [{s(draft.id)}]",
        translate("Cli", "{viability}: {counts}").format(
            viability=s(head.upper() if report.viable_if is None else head),
            counts=report_counts(report)),
        *_stance_lines(report, scenario, draft),
    ]
    lines += [_sentence(s(text)) for text in open_points(draft, scenario)]
    if report.bound_reached:
        lines.append(translate("Cli", "Note: {note}.").format(note=bound_words()))
    lines.append("")
    marks = _verdict_marks()
    width = max(len(mark) for mark in marks.values())
    indent = " " * (width + 3)  # past the widest verdict ("ACCEPTS IF")
    for v in report.parties:
        mark = marks.get(v.verdict, marks["accepts-if"])
        lines.append(f"  {mark:{width}} {s(v.name)} ({_shown(v)})")
        lines += [f"{indent}{s(line)}" for line in _party_sentences(v, report, draft, scenario)]
        for x in v.violations:
            lines += [f"{indent}{line}" for line in _violation_lines(x, v, draft, scenario)]
    if report.conflicts:
        lines.append("")
        lines.append("  " + translate("Cli", "Conflicts:"))
        for c in report.conflicts:
            lines.append(f"{indent}{s(conflict_text(c, scenario))}")
    return "\n".join(lines) + "\n"


def _party_sentences(v: PartyVerdict, report: Report, draft: Draft, scenario: Scenario
                     ) -> list[str]:
    """What the ``check`` text says of a party beyond its verdict, in sentences."""
    out: list[str] = []
    if v.verdict == "accepts-if":
        out.append(_sentence(verdict_phrase(v, draft, scenario, titled=True)))
    if v.violations:
        out.append(_sentence(chance_words(v, open_draft=bool(report.open_points))))
    out.append(satisfaction_sentence(v, scenario.party_index.get(v.party)))
    out += [_sentence(line) for line in met_if_lines(v, draft, scenario)]
    missing = not_addressed_titles(v, scenario)
    if missing:
        titles = series([translate("Cli", "‘{title}’").format(title=t) for t in missing])
        out.append(translate("Cli", "Not addressed: {titles}.").format(titles=titles))
    return out


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(phrase: str) -> str:
    """A phrase of the wording as a sentence of its own: its first letter up, a full stop."""
    return translate("Cli", "{phrase}.", "a phrase made a sentence").format(
        phrase=_first_up(phrase))


def write_json(value: object, out: TextIO) -> None:
    """``value`` as indented JSON on ``out``: exact JSON, with the characters a terminal must
    not see raw written as ``\\u`` escapes (:func:`json_terminal_safe`)."""
    out.write(json_terminal_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    scenario = _read(args.file)
    draft = _pick_draft(scenario, args.file, args.draft)
    report = check(scenario, draft, stance=args.stance)
    if args.json:
        write_json(report_to_json(report, scenario), out)
    else:
        out.write(format_report(report, scenario, draft))
    return EXIT_OK if report.status != "not-viable" else EXIT_NOT_VIABLE


def clause_to_json(clause: Clause) -> dict[str, Any]:
    """A clause as in accord.scenario, in the canonical form: defaults left out."""
    out: dict[str, Any] = {"provision": clause.provision}
    if clause.values:
        out["values"] = dict(clause.values)
    if clause.phase != 1:
        out["phase"] = clause.phase
    if clause.note:
        out["note"] = clause.note
    return out


def _changes_to_json(changes: Sequence[Change], scenario: Scenario | None,
                     draft: Draft | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for c in changes:
        item: dict[str, Any] = {"op": c.op, "provision": c.provision}
        if c.param is not None:
            item["param"] = c.param
        if c.op == "set":
            item["value"] = c.value
        if c.phase is not None:
            item["phase"] = c.phase
        if c.alternative is not None:
            item["alternative"] = c.alternative
        item["cost"] = c.cost
        item["reason"] = change_reason(c.why, scenario)
        item["text"] = change_text(c, "panel", scenario, draft)
        out.append(item)
    return out


def _items_to_json(items: Sequence[ClashItem]) -> list[dict[str, str]]:
    return [{"party": c.party, "red_line": c.red_line} for c in items]


def _relax_to_json(items: Sequence[ClashItem]) -> list[dict[str, Any]]:
    return [{"party": c.party, "red_line": c.red_line, "cost": c.cost} for c in items]


def bridge_to_json(result: BridgeResult, scenario: Scenario | None = None,
                   draft: Draft | None = None) -> dict[str, Any]:
    """The ``suggest --json`` shape (a contract; see docs/bridge.md). ``feasible`` is true (a
    proposal), false (no agreement is possible, proven) or null (the time limit was hit before
    either was known); ``status`` is how the search ended (``optimal``, ``best-found``,
    ``no-agreement``, ``no-proposal``, ``cancelled``); ``notes`` says in words what is partial.
    The ids are for scripts; ``text``, ``reason``, ``clash_texts`` and ``relax_text`` are the
    sentences a person reads (``scenario`` gives their titles and labels, ``draft`` the values
    a change starts from)."""
    notes = [note_text(n) for n in result.notes]
    if result.proposal is None:
        return {
            "feasible": False if result.proven_infeasible else None,
            "optimal": result.optimal,
            "status": result.status,
            "stance": result.stance,
            "stance_text": stance_text(result.stance),
            "clash": _items_to_json(result.clash),
            "clashes": [_items_to_json(c) for c in result.clashes],
            "relax": _relax_to_json(result.relax),
            "relax_cost": result.relax_cost,
            "relax_independent": result.relax_independent,
            "clash_texts": [clash_text(scenario, c) for c in result.clashes],
            "relax_text": relax_text(scenario, result.relax, cost=result.relax_cost,
                                     independent=result.relax_independent),
            "notes": notes,
        }
    p = result.proposal
    return {
        "feasible": True,
        "optimal": result.optimal,
        "status": result.status,
        "stance": result.stance,
        "stance_text": stance_text(result.stance),
        "changes": _changes_to_json(p.changes, scenario, draft),
        "cost": p.total_cost,
        "draft": {"clauses": [clause_to_json(c) for c in p.clauses]},
        "satisfaction": dict(p.satisfaction),
        "addressed_satisfaction": dict(p.addressed),
        "below_no_deal": [{"party": b.party, "satisfaction": b.satisfaction,
                           "no_deal": b.no_deal} for b in p.below_no_deal],
        "no_deal_texts": [no_deal_text(b, scenario) for b in p.below_no_deal],
        "links": [{"a": k.a, "a_gives": list(k.a_gives), "b": k.b, "b_gives": list(k.b_gives)}
                  for k in p.links],
        "link_texts": [link_text(k, p.changes, scenario, draft) for k in p.links],
        "alternatives": [
            {"changes": _changes_to_json(a.changes, scenario, draft),
             "cost": a.total_cost,
             "draft": {"clauses": [clause_to_json(c) for c in a.clauses]},
             "below_no_deal": [{"party": b.party, "satisfaction": b.satisfaction,
                                "no_deal": b.no_deal} for b in a.below_no_deal]}
            for a in result.alternatives
        ],
        "notes": notes,
    }


def _no_agreement_lines(result: BridgeResult, scenario: Scenario) -> list[str]:
    """Why no proposal exists: the clashes as sentences, then the red lines to relax, each
    red line named with its id as a bracketed reference."""
    lines: list[str] = []
    if result.clashes:
        lines.append("")
        if len(result.clashes) == 1:
            lines.append("  " + translate(
                "Cli", "These red lines clash (drop any one and the rest can all hold):"))
            lines.append(f"    {clash_text(scenario, result.clash, refs=True)}")
        else:
            n = len(result.clashes)  # a name: lupdate skips a translate() whose n is a call
            lines.append("  " + translate(
                "Cli", "%n distinct clash(/es) (in each, drop any one red line and the rest can "
                "all hold):", None, n))
            lines.extend(f"    {i}. {clash_text(scenario, clash, refs=True)}"
                         for i, clash in enumerate(result.clashes, start=1))
    if result.relax:
        lines.append("")
        lines.append(f"  {relax_heading(len(result.relax))}")
        lines.extend(f"    {red_line_name(scenario, c, refs=True)}" for c in result.relax)
        tail = relax_cost_text(result.relax_cost, result.relax_independent)
        if tail:
            lines.append(f"  {tail}")
    return lines


def _proposal_head(result: BridgeResult, p: Proposal) -> str:
    """How the search ended and what the proposal changes, at what cost."""
    if not p.changes:
        if result.optimal:
            return no_change_text()
        return translate("Cli", "BEST FOUND (time limit hit): {no_change}").format(
            no_change=no_change_text())
    n = len(p.changes)  # a name: lupdate skips a translate() whose n is a call
    if result.optimal:
        text = translate("Cli", "OPTIMAL: %n change(s), cost {cost}", None, n)
    else:
        text = translate("Cli", "BEST FOUND (time limit hit): %n change(s), cost {cost}", None,
                         n)
    return text.format(cost=cost_words(p.total_cost))


def _warning(text: str) -> str:
    return translate("Cli", "Warning: {warning}").format(warning=text)


def _proposal_lines(result: BridgeResult, scenario: Scenario, draft: Draft) -> list[str]:
    """A proposal: each change as an instruction with its reason beneath, the satisfactions,
    then the alternatives."""
    p = result.proposal
    assert p is not None
    lines = [_proposal_head(result, p)]
    if p.changes:  # one blank line before the satisfactions, not two
        lines.append("")
    for c in p.changes:
        lines.append("  " + translate("Cli", "{change} (cost {cost})").format(
            change=change_text(c, "terminal", scenario, draft), cost=cost_words(c.cost)))
        reason = change_reason(c.why, scenario, refs=True)
        if reason:
            lines.append(f"      {reason}")
    lines.append("")
    lines.append("  " + translate("Cli", "Satisfaction (of what the proposal addresses):"))
    for pid, x in p.satisfaction.items():
        lines.append("    " + translate("Cli", "{party}: {satisfaction}").format(
            party=scenario.party(pid).name, satisfaction=_addressed(p, pid, x)))
    lines.extend(f"  {_warning(no_deal_text(b, scenario))}" for b in p.below_no_deal)
    if p.links:
        lines.append("")
        lines.append("  " + translate("Cli", "Give and take:"))
        lines.extend(f"    {link_text(k, p.changes, scenario, draft)}" for k in p.links)
    for i, alt in enumerate(result.alternatives, start=1):
        n = len(alt.changes)  # a name: lupdate skips a translate() whose n is a call
        lines.append("")
        lines.append("  " + translate(
            "Cli", "Alternative {number} (%n change(s), cost {cost}):", None, n).format(
                number=i, cost=cost_words(alt.total_cost)))
        lines.extend(f"    {change_text(c, 'terminal', scenario, draft)}" for c in alt.changes)
        lines.extend(f"    {_warning(no_deal_text(b, scenario))}" for b in alt.below_no_deal)
    return lines


def format_bridge(result: BridgeResult, scenario: Scenario, draft: Draft) -> str:
    """The ``suggest`` text output: for a person reading a terminal, in sentences; ids appear
    only as bracketed references after a name ("… [army-cap]"). Every text that comes from
    the scenario is :func:`terminal_safe`."""
    lines = [f"{draft.title} [{draft.id}]", stance_text(result.stance)]
    if result.proposal is None:
        lines.append(translate("Cli", "NO PROPOSAL: {status}").format(
            status=status_words(result.status)))
        lines += _no_agreement_lines(result, scenario)
    else:
        lines += _proposal_lines(result, scenario, draft)
    if result.notes:
        lines.append("")
        lines.extend("  " + translate("Cli", "Note: {note}").format(note=note_text(n))
                     for n in result.notes)
    return "\n".join(terminal_safe(line) for line in lines) + "\n"


def _no_party(path: Path, scenario: Scenario, party: str | None) -> str:
    """The error of a party id the scenario lacks (``None``: no party named at all)."""
    known = _ids(terminal_safe(p.id) for p in scenario.parties)
    if party is None:
        text = translate("Cli", "{file}: --parties names no party (parties: {known})")
    else:
        text = translate("Cli", "{file}: no party '{party}' (parties: {known})")
    return text.format(file=terminal_safe(path), party=terminal_safe(party or ""), known=known)


def _check_time_limit(seconds: float) -> None:
    if not (seconds > 0 and math.isfinite(seconds)):
        raise UsageError(translate("Cli", "--time-limit must be a number of seconds more than 0"))


def cmd_suggest(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.domain.solver import BeyondExactSolver, CertificateError, find_bridge

    scenario = _read(args.file)
    draft = _pick_draft(scenario, args.file, args.draft)
    parties: list[str] | None = None
    if args.parties is not None:
        parties = [p.strip() for p in args.parties.split(",") if p.strip()]
        unknown = [p for p in parties if p not in scenario.party_index]
        if unknown or not parties:
            raise UsageError(_no_party(args.file, scenario, unknown[0] if unknown else None))
    if args.alternatives < 0:
        raise UsageError(translate("Cli", "--alternatives must be 0 or more"))
    if args.clashes < 1:
        raise UsageError(translate("Cli", "--clashes must be 1 or more"))
    _check_time_limit(args.time_limit)
    try:
        result = find_bridge(scenario, draft, parties=parties, alternatives=args.alternatives,
                             clashes=args.clashes, time_limit=args.time_limit,
                             stance=args.stance)
    except BeyondExactSolver as err:
        raise UsageError(f"{terminal_safe(args.file)}: {terminal_safe(str(err))}") from None
    except CertificateError as err:
        raise InternalError(translate(
            "Cli", "the bridge finder's answer failed its own check, so none is shown "
            "({error}). This is a bug in Accord: please report it with the file").format(
                error=err)) from None
    if args.json:
        write_json(bridge_to_json(result, scenario, draft), out)
    else:
        out.write(format_bridge(result, scenario, draft))
    return EXIT_OK if result.proposal is not None else EXIT_NOT_VIABLE


def use_offscreen_without_display() -> None:
    """Headless Linux (no X11 or Wayland display): Qt's offscreen platform, set before Qt
    starts, so ``brief`` works over ssh, in CI and in containers."""
    import os

    if (sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def format_name(fmt: str) -> str:
    """A briefing format (a key of ``desktop.report.formats.FORMATS``) as the messages call
    it: "PDF", "Word document"."""
    names = {".pdf": translate("Cli", "PDF"), ".docx": translate("Cli", "Word document"),
             ".odt": translate("Cli", "OpenDocument text"), ".html": translate("Cli", "Web page"),
             ".md": translate("Cli", "Markdown")}
    return names.get(fmt, fmt)


def _stripped(text: str | None) -> str | None:
    """An option's text without surrounding spaces; None (not given) stays None."""
    return None if text is None else text.strip()


def cmd_brief(args: argparse.Namespace, out: TextIO) -> int:
    scenario = _read(args.file)
    draft = _pick_draft(scenario, args.file, args.draft)
    if args.party is not None and args.party not in scenario.party_index:
        raise UsageError(_no_party(args.file, scenario, args.party))
    second = None if args.compare is None else _pick_draft(scenario, args.file, args.compare)
    _check_time_limit(args.time_limit)
    check_output(args.output, [args.file])
    from desktop.report.formats import UnknownFormat, format_of, write_briefing

    try:
        fmt = format_of(args.output)  # refused before any work is done
    except UnknownFormat as err:
        raise UsageError(f"{terminal_safe(args.output)}: {err}") from None

    use_offscreen_without_display()
    from desktop.report import DEFAULT_MARKING, comparison_sheet, full_sheet, party_sheet
    from desktop.store import DocumentError

    saved = scenario.briefing
    if args.marking is not None:
        marking = args.marking.strip()
    else:
        marking = saved.marking if saved is not None and saved.marking else DEFAULT_MARKING
    report = check(scenario, draft)
    if second is not None:
        sheet = comparison_sheet(scenario, draft, second, marking=marking)
    elif args.party is not None:
        sheet = party_sheet(scenario, draft, args.party, marking=marking, report=report)
    else:
        sheet = full_sheet(scenario, draft, marking=marking, report=report,
                           to=_stripped(args.to), from_=_stripped(args.from_),
                           subject=_stripped(args.subject),
                           time_limit=None if args.no_bridge else args.time_limit)
    try:
        pages = write_briefing(sheet, args.output, args.paper)
    except DocumentError as err:
        raise UsageError(document_error_line(err)) from None
    if pages is None:
        written = translate("Cli", "{file}: {format}; {summary}").format(
            file=terminal_safe(args.output), format=format_name(fmt),
            summary=report_summary(report))
    else:
        written = translate("Cli", "{file}: %n page(s); {summary}", None, pages).format(
            file=terminal_safe(args.output), summary=report_summary(report))
    print(written, file=out)
    # As for check: viable if its open points are closed a certain way counts as viable.
    return EXIT_OK if report.status != "not-viable" else EXIT_NOT_VIABLE


def _precedent_tags(args: argparse.Namespace, scenario: Scenario) -> list[Any]:
    from desktop.domain.precedents import parse_codes

    where = terminal_safe(args.file)
    if args.codes is not None:
        try:
            return list(parse_codes(args.codes))
        except ValueError as err:
            raise UsageError(translate("Cli", "--codes: {error}").format(
                error=error_line(err))) from None
    prov = scenario.provision_index.get(args.provision)
    if prov is None:
        raise UsageError(translate("Cli", "{file}: no provision '{provision}'").format(
            file=where, provision=terminal_safe(args.provision)))
    if not prov.pax:
        raise UsageError(translate(
            "Cli", "{file}: provision '{title}' carries no PA-X issue codes (add them in the "
            "provision editor or give --codes)").format(
                file=where, title=terminal_safe(prov.title)))
    return list(prov.pax)


def cmd_precedents(args: argparse.Namespace, out: TextIO) -> int:
    from desktop.domain.precedents import UnknownCode, code_name, load_index
    from desktop.wording.precedents import CREDIT, agreements, credit, tags_label

    scenario = _read(args.file)
    tags = _precedent_tags(args, scenario)
    index = load_index()
    flags = [t for t in tags if t.min_strength is not None and t.min_strength > 1
             and index.scale.get(t.code, 3) == 1]
    if flags:
        raise UsageError(translate(
            "Cli", "--codes: {code} ({issue}) is coded yes or no in PA-X: it takes no minimum "
            "strength").format(code=flags[0].code, issue=code_name(flags[0].code)))
    conflict = index.conflict_of(scenario.title)
    try:
        found = index.query(tags, conflict=conflict)
    except UnknownCode as err:
        raise UsageError(f"{terminal_safe(args.file)}: {error_line(err)}") from None
    if args.json:
        write_json({
            "codes": [t.code for t in tags],
            "issues": [code_name(t.code) for t in tags],
            "min_strength": [t.min_strength for t in tags],
            "count": len(found),
            "conflict": list(conflict.entities),
            "source": CREDIT,
            "agreements": [{
                "id": p.agreement.id, "name": p.agreement.name,
                "date": p.agreement.date.isoformat(), "process": p.agreement.process,
                "country": p.agreement.country, "region": p.agreement.region,
                "stage": p.agreement.stage_name, "strength": p.strength,
                "same_conflict": p.same_conflict,
            } for p in found],
        }, out)
        return EXIT_OK
    if len(tags) == 1:
        head = translate("Cli", "{issues}: {agreements} contain this issue")
    else:
        head = translate("Cli", "{issues}: {agreements} contain all of these issues together")
    lines = [head.format(issues=terminal_safe(tags_label(tags)), agreements=agreements(len(found)))]
    if conflict.entities:
        same = sum(1 for p in found if p.same_conflict)
        lines.append(translate(
            "Cli", "Same conflict first ({parties}): {agreements}; then the others, newest "
            "first").format(parties=_ids(conflict.entities), agreements=agreements(same)))
    for p in found:
        a = p.agreement
        mark = "  *" if p.same_conflict else "   "
        lines.append(f"{mark} {a.date.isoformat()}  {terminal_safe(a.name)}")
        lines.append("                 " + translate(
            "Cli", "{process} · {region} · {stage} · strength {strength} [PA-X {id}]").format(
                process=terminal_safe(a.process), region=terminal_safe(a.region),
                stage=a.stage_name, strength=p.strength, id=a.id))
    lines.append(credit())
    out.write("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        out.write(text)
        return EXIT_OK
    from desktop.store import DocumentError, write_atomic

    try:
        write_atomic(args.output, text.encode("utf-8"))  # never over a document (files.py)
    except DocumentError as err:
        raise UsageError(document_error_line(err)) from None
    return EXIT_OK


def cmd_gui(file: Path | None) -> int:
    try:
        from desktop.ui.app import run_app
    except ImportError as err:
        if err.name and err.name.startswith("desktop.ui"):
            print(translate(
                "Cli", "accord: the desktop GUI is not built yet; use 'accord check', 'accord "
                "import' or 'accord export' (see 'accord --help')"), file=sys.stderr)
            return EXIT_BAD_INPUT
        print(translate("Cli", "accord: cannot start the GUI: {error}. Install it with pip "
                        "install 'accord[gui]'").format(error=error_line(err)), file=sys.stderr)
        return EXIT_BAD_INPUT
    return run_app(file)


# --------------------------------------------------------------------------- entry point

#: What ``ACCORD_LANG`` is read from (``desktop.ui.i18n.LANG_VARIABLE``, not imported: Qt).
_LANG_VARIABLE = "ACCORD_LANG"
#: Where Qt on Linux and the other Unixes reads the system's language (``LANGUAGE`` is a list).
_POSIX_LANG_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _reads_english(name: str) -> bool:
    """Whether a locale name (``en_GB.UTF-8``, ``C``, ``POSIX``, unset) reads English."""
    language = name.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    return language in ("", "C", "POSIX") or language.lower() == "en"


def english_for_sure(environ: Mapping[str, str], platform: str) -> bool:
    """Whether the user's language is English without asking Qt (so QtCore is not imported):
    ``ACCORD_LANG`` names English; or, unset, on Linux and the other Unixes every variable Qt
    reads the locale from (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, each entry of ``LANGUAGE``)
    is English, C or unset. Windows and macOS keep the language in their settings: Qt is asked
    (``False``), as it is for any other language."""
    name = environ.get(_LANG_VARIABLE, "").strip()
    if name:
        return _reads_english(name)
    if platform.startswith(("win", "cygwin", "msys", "darwin")):
        return False
    return all(_reads_english(part) for var in _POSIX_LANG_VARIABLES
               for part in (environ.get(var) or "").split(":"))


def _bind_language() -> Translator | None:
    """Bind the wording's hook to the catalogue of the user's language, when there is one and
    it is not English (``desktop.ui.i18n.bind_standalone``); the translator bound, or ``None``.
    A translator bound already (the window's, a test's) is kept. Never fails: without Qt, with
    a bad ``ACCORD_LANG`` or a catalogue Qt cannot read the command line reads English."""
    if current_translator() is not None or english_for_sure(os.environ, sys.platform):
        return None
    try:
        from desktop.ui.i18n import bind_standalone

        if bind_standalone() is None:
            return None
    except Exception:  # no Qt (the command line without the GUI extra), or a broken one
        return None
    return current_translator()


@contextlib.contextmanager
def user_language() -> Iterator[bool]:
    """While inside, the wording's hook reads the user's language (:func:`_bind_language`);
    ``True`` if a translator was bound. On leaving, English again, unless something else (the
    window) has bound its own since."""
    mine = _bind_language()
    try:
        yield mine is not None
    finally:
        if mine is not None and current_translator() is mine:
            set_translator(None)



def _never_fail_to_encode(stream: TextIO) -> None:
    """A terminal whose encoding cannot show a character (a Cyrillic name on a Latin-1
    console) gets an escape for it instead of a crash after the work is done."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) == "strict":
        with contextlib.suppress(ValueError, OSError):  # a closed or unusual stream
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    with user_language():  # before the parser: its help is translated when it is built
        return _main(argv, out)


def _main(argv: Sequence[str] | None, out: TextIO | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    stream = sys.stdout if out is None else out
    if out is None:
        _never_fail_to_encode(sys.stdout)
    _never_fail_to_encode(sys.stderr)
    # `accord FILE.accord` opens the file in the GUI: a first argument that is not a command.
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list = ["gui", *args_list]
    parser = _build_parser()
    args = parser.parse_args(args_list)
    try:
        if args.smoke:
            from desktop.smoke import run_smoke

            return run_smoke(STARTED)
        if args.command in (None, "gui"):
            return cmd_gui(getattr(args, "file", None))
        handler = {
            "import": cmd_import,
            "export": cmd_export,
            "check": cmd_check,
            "brief": cmd_brief,
            "suggest": cmd_suggest,
            "precedents": cmd_precedents,
            "schema": cmd_schema,
        }[args.command]
        return handler(args, stream)
    except (UsageError, ScenarioError) as err:
        print(translate("Cli", "accord: error: {message}").format(message=error_line(err)),
              file=sys.stderr)
        return EXIT_BAD_INPUT
    except InternalError as err:
        print(translate("Cli", "accord: internal error: {message}").format(
            message=error_line(err)), file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # a bug in Accord: say so in one line, never a traceback
        import os
        import traceback

        if os.environ.get("ACCORD_DEBUG"):
            traceback.print_exc()
        print(translate("Cli", "accord: internal error ({error}: {message}); run with "
                        "ACCORD_DEBUG=1 for details").format(
                            error=type(err).__name__, message=error_line(err)), file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())

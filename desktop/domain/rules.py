"""The red-line language: tokenizer, parser, formatter, type checker and compiler.

Grammar (precedence tightest first: ``not``, ``and``, ``or``, ``->``; ``->`` is right-associative)::

    rule      := implies
    implies   := or_expr [ "->" implies ]
    or_expr   := and_expr { "or" and_expr }
    and_expr  := unary { "and" unary }
    unary     := "not" unary | atom
    atom      := "(" implies ")"
               | ("at_least" | "at_most") "(" INT { "," ID } ")"
               | ID "." NAME ( OP operand | "in" "[" literal { "," literal } "]" )
               | ID
    operand   := literal | ID "." NAME
    literal   := INT | DECIMAL | STRING | "true" | "false"
    OP        := "==" | "!=" | "<" | "<=" | ">" | ">="

Why a hand-written recursive-descent parser rather than lark: the language is small and fixed;
a hand-written parser gives exact error positions and messages in the user's terms ("expected a
comparison after 'army-cap.personnel'"), enforces the nesting and length limits before any deep
recursion can happen, adds no dependency to the pure domain layer, and is fast enough to re-parse
a rule on every keystroke in an editor. Nothing here uses eval, exec or pickle.

The syntax tree and its canonical text live in :mod:`desktop.domain.syntax`, and the reasons
:func:`explain` gives in :mod:`desktop.domain.reasons` (as data; never a sentence). Their names
are importable from here too. The language knows provisions only as :class:`ParamHolder` (what
the type checker reads), so it does not import the model; the model imports it to validate rules.
Every dispatch over nodes is a ``match`` ending in :func:`typing.assert_never`.
"""

from __future__ import annotations

import difflib
import json
import math
import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeAlias, assert_never

from desktop.domain.params import (
    KEYWORDS,
    PARAM_PATTERN,
    BoolParam,
    ChoiceParam,
    IntParam,
    NumberParam,
    ParamSpec,
    Value,
)
from desktop.domain.reasons import (
    Comparison,
    Fact,
    InDraft,
    Membership,
    Missing,
    NoneHolds,
    PremiseFails,
    Reason,
    Required,
    Tally,
    dedupe,
)
from desktop.domain.syntax import (
    NEGATED,
    OPS,
    And,
    Compare,
    Count,
    Implies,
    InList,
    Lit,
    Node,
    Not,
    Op,
    Or,
    Present,
    Ref,
    format_literal,
    format_operand,
    format_rule,
    mentioned,
    walk,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_RULE_LENGTH",
    "NEGATED",
    "OPS",
    "And",
    "Compare",
    "CompiledRule",
    "Count",
    "ErrorKind",
    "Implies",
    "InList",
    "Lit",
    "Node",
    "Not",
    "Op",
    "Or",
    "ParamHolder",
    "Predicate",
    "Present",
    "Reason",
    "Ref",
    "RuleError",
    "State",
    "Token",
    "check_rule",
    "compile_rule",
    "dedupe",
    "evaluate",
    "explain",
    "format_literal",
    "format_rule",
    "mentioned",
    "parse",
    "suggest",
    "suggest_provisions",
    "tokenize",
    "typecheck",
    "walk",
]

MAX_RULE_LENGTH = 4_000
MAX_DEPTH = 64

_PY_OPS: dict[Op, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


class ParamHolder(Protocol):
    """A provision as the type checker sees it: its typed params, by name."""

    @property
    def params(self) -> Sequence[ParamSpec]: ...

    def param(self, name: str) -> ParamSpec | None: ...


ErrorKind = Literal["syntax", "provision", "param", "choice", "keyword"]


class RuleError(ValueError):
    """A rule that cannot be used: a syntax, reference or type error, at ``position`` (0-based).

    ``message`` is the checker's own terse sentence (what a scenario file's error shows). For a
    name that is not known the error also says so as data, for :mod:`desktop.wording` to put in
    a negotiator's words: ``kind`` ("provision", "param", "choice" or "keyword"; "syntax" for
    everything else), the bad ``name``, its ``owner`` (the provision of a param, the
    ``provision.param`` of a choice), the ``known`` names it could have been and the closest
    of them as ``suggestions`` (best first; provision ids also match by their titles).
    """

    def __init__(self, message: str, position: int, rule: str = "", *,
                 kind: ErrorKind = "syntax", name: str = "", owner: str = "",
                 known: tuple[str, ...] = (), suggestions: tuple[str, ...] = ()) -> None:
        self.message = message
        self.position = position
        self.rule = rule
        self.kind: ErrorKind = kind
        self.name = name
        self.owner = owner
        self.known = known
        self.suggestions = suggestions
        super().__init__(f"column {position + 1}: {message}")

    @property
    def column(self) -> int:
        return self.position + 1


# --------------------------------------------------------------------------- suggestions

_CUTOFF = 0.6  # difflib's default: "armycap" finds army-cap, "size" does not find personnel


def suggest(name: str, known: Sequence[str], n: int = 3) -> tuple[str, ...]:
    """The ``known`` names closest to a mistyped ``name``, best first (case is ignored)."""
    by_lower: dict[str, str] = {}
    for k in known:
        by_lower.setdefault(k.lower(), k)
    close = difflib.get_close_matches(name.lower(), list(by_lower), n, _CUTOFF)
    return tuple(by_lower[c] for c in close)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'s", ""))


def suggest_provisions(name: str, provisions: Mapping[str, ParamHolder], n: int = 3
                       ) -> tuple[str, ...]:
    """The ids of the provisions a mistyped id most likely meant, best first: close to an id,
    close to a title, or naming some of a title's words ("armed-forces" for "Ceiling on
    Ukraine's armed forces"). A holder's title is read when it has one (the model's do)."""
    found = list(suggest(name, list(provisions), n))
    titles: dict[str, str] = {}
    for pid, holder in provisions.items():
        title = getattr(holder, "title", None)
        if isinstance(title, str) and title:
            titles.setdefault(" ".join(_words(title)), pid)
    typed = _words(name)
    found += [titles[t] for t in difflib.get_close_matches(" ".join(typed), list(titles), n,
                                                           _CUTOFF)]
    wanted = [w for w in typed if len(w) >= 3]
    if wanted:
        found += [pid for t, pid in titles.items() if all(w in t.split() for w in wanted)]
    return tuple(dict.fromkeys(found))[:n]


def _did_you_mean(suggestions: Sequence[str], quote: str = "'") -> str:
    if not suggestions:
        return ""
    named = [f"{quote}{s}{quote}" for s in suggestions[:2]]
    return f"; did you mean {' or '.join(named)}?"


# --------------------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<arrow>->)
  | (?P<op>==|!=|<=|>=|<|>)
  | (?P<number>-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z_]))
  | (?P<string>"(?:[^"\\\n]|\\["\\nt/])*")
  | (?P<id>[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)
  | (?P<name>_[A-Za-z0-9_]*)
  | (?P<punct>[()\[\],.])
    """,
    re.VERBOSE,
)
_PARAM_NAME = re.compile(PARAM_PATTERN)
_OPENERS = frozenset({"(", "->", "and", "or", "not", ","})


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # ws arrow op number string id name punct kw end
    text: str
    pos: int


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    length = len(text)
    while pos < length:
        m = _TOKEN.match(text, pos)
        if m is None:
            ch = text[pos]
            if ch == '"':
                raise RuleError("unterminated string", pos, text)
            raise RuleError(f"unexpected character {ch!r}", pos, text)
        kind = m.lastgroup or ""
        chunk = m.group()
        if kind == "id" and chunk in KEYWORDS:
            kind = "kw"
        if kind != "ws":
            tokens.append(Token(kind, chunk, pos))
        pos = m.end()
    tokens.append(Token("end", "", length))
    return tokens


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    # helpers
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def error(self, message: str, pos: int | None = None) -> RuleError:
        return RuleError(message, self.tok.pos if pos is None else pos, self.text)

    def describe(self, tok: Token) -> str:
        return "the end of the rule" if tok.kind == "end" else f"'{tok.text}'"

    def accept(self, kind: str, text: str | None = None) -> Token | None:
        tok = self.tok
        if tok.kind == kind and (text is None or tok.text == text):
            self.i += 1
            return tok
        return None

    def expect(self, kind: str, text: str | None, what: str) -> Token:
        tok = self.accept(kind, text)
        if tok is None:
            raise self.unexpected(f"expected {what}, found {self.describe(self.tok)}")
        return tok

    def typo(self, tok: Token, words: Sequence[str], message: str) -> RuleError | None:
        """``message`` with a suggestion when ``tok`` looks like a misspelt keyword."""
        if tok.kind != "id":
            return None
        close = suggest(tok.text, words, 1)
        if not close:
            return None
        return RuleError(message + _did_you_mean(close), tok.pos, self.text, kind="keyword",
                         name=tok.text, known=tuple(words), suggestions=close)

    def unexpected(self, message: str) -> RuleError:
        """An error at a token that cannot come next: perhaps it, or the lone id before it, is
        a misspelt keyword ("army-cap adn b", "nto army-cap", "atleast(1, a)")."""
        typo = self.typo(self.tok, ("and", "or"), message)
        prev = self.tokens[self.i - 1] if self.i else None
        lone = prev is not None and (self.i < 2 or self.tokens[self.i - 2].text in _OPENERS)
        if typo is None and prev is not None and lone and (
                self.tok.kind in ("id", "kw") or self.tok.text == "("):
            typo = self.typo(prev, ("not", "at_least", "at_most"), message)
        return typo or self.error(message)

    def enter(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RuleError(f"the rule nests deeper than {MAX_DEPTH} levels", pos, self.text)

    # grammar
    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise self.error("the rule is empty")
        node = self.implies()
        if self.tok.kind != "end":
            raise self.unexpected(
                f"unexpected {self.describe(self.tok)}; expected 'and', 'or' or '->'")
        return node

    def implies(self) -> Node:
        start = self.tok.pos
        self.enter(start)
        premise = self.or_expr()
        arrow = self.accept("arrow")
        node: Node = premise
        if arrow is not None:
            node = Implies(premise, self.implies(), arrow.pos)
        self.depth -= 1
        return node

    def or_expr(self) -> Node:
        first = self.and_expr()
        operands = [first]
        pos = self.tok.pos
        while self.accept("kw", "or"):
            operands.append(self.and_expr())
        return first if len(operands) == 1 else Or(tuple(operands), pos)

    def and_expr(self) -> Node:
        first = self.unary()
        operands = [first]
        pos = self.tok.pos
        while self.accept("kw", "and"):
            operands.append(self.unary())
        return first if len(operands) == 1 else And(tuple(operands), pos)

    def unary(self) -> Node:
        tok = self.accept("kw", "not")
        if tok is None:
            return self.atom()
        self.enter(tok.pos)
        node = Not(self.unary(), tok.pos)
        self.depth -= 1
        return node

    def atom(self) -> Node:
        tok = self.tok
        if self.accept("punct", "("):
            node = self.implies()
            self.expect("punct", ")", "')'")
            return node
        if tok.kind == "kw" and tok.text in ("at_least", "at_most"):
            return self.count()
        if tok.kind == "id":
            self.i += 1
            if self.accept("punct", "."):
                return self.comparison(tok)
            return Present(tok.text, tok.pos)
        if tok.kind in ("number", "string") or tok.text in ("true", "false"):
            raise self.error(
                f"a literal cannot stand first; write the comparison as X.param OP {tok.text}"
            )
        raise self.error(f"expected a provision id, 'not', 'at_least', 'at_most' or '(', "
                         f"found {self.describe(tok)}")

    def param_name(self) -> Token:
        tok = self.tok
        if tok.kind in ("id", "name") and _PARAM_NAME.match(tok.text):
            self.i += 1
            return tok
        raise self.error(f"expected a param name after '.', found {self.describe(tok)}")

    def comparison(self, prov: Token) -> Node:
        param = self.param_name()
        ref = Ref(prov.text, param.text, prov.pos)
        if self.accept("kw", "in"):
            self.expect("punct", "[", "'[' after 'in'")
            items = [self.literal()]
            while self.accept("punct", ","):
                items.append(self.literal())
            self.expect("punct", "]", "',' or ']'")
            return InList(ref, tuple(items), prov.pos)
        op_tok = self.tok
        if op_tok.kind != "op":
            message = (f"expected a comparison (== != < <= > >=) or 'in' after "
                       f"'{prov.text}.{param.text}', found {self.describe(op_tok)}")
            raise self.typo(op_tok, ("in",), message) or self.error(message)
        self.i += 1
        op: Op = op_tok.text  # type: ignore[assignment]  # the token regex admits only OPS
        right: Ref | Lit
        nxt = self.tok
        if nxt.kind == "id":
            after = self.tokens[self.i + 1]
            if after.text != ".":  # "== ture": a misspelt literal rather than a param
                message = (f"expected '.' and a param name after '{nxt.text}', "
                           f"found {self.describe(after)}")
                raise (self.typo(nxt, ("true", "false"), message)
                       or RuleError(message, after.pos, self.text))
            self.i += 2
            right = Ref(nxt.text, self.param_name().text, nxt.pos)
        else:
            right = self.literal()
        return Compare(ref, op, right, op_tok.pos)

    def literal(self) -> Lit:
        tok = self.tok
        if tok.kind == "number":
            self.i += 1
            if "." in tok.text:
                value = float(tok.text)
                if value in (math.inf, -math.inf):
                    raise RuleError("the number is too large", tok.pos, self.text)
                return Lit(value, tok.pos)
            return Lit(int(tok.text), tok.pos)
        if tok.kind == "string":
            self.i += 1
            return Lit(_unquote(tok, self.text), tok.pos)
        if tok.kind == "kw" and tok.text in ("true", "false"):
            self.i += 1
            return Lit(tok.text == "true", tok.pos)
        message = (f"expected a literal (number, \"string\", true or false), "
                   f"found {self.describe(tok)}")
        raise self.typo(tok, ("true", "false"), message) or self.error(message)

    def count(self) -> Node:
        kw = self.tok
        self.i += 1
        self.expect("punct", "(", f"'(' after '{kw.text}'")
        k_tok = self.tok
        if k_tok.kind != "number" or "." in k_tok.text or k_tok.text.startswith("-"):
            raise self.error(f"expected a whole number k ≥ 0 as {kw.text}'s first argument")
        self.i += 1
        ids: list[str] = []
        while self.accept("punct", ","):
            tok = self.tok
            if tok.kind != "id":
                raise self.error(f"expected a provision id, found {self.describe(tok)}")
            self.i += 1
            ids.append(tok.text)
        self.expect("punct", ")", "',' or ')'")
        if not ids:
            raise RuleError(f"{kw.text} needs at least one provision", kw.pos, self.text)
        kind: Literal["at_least", "at_most"] = "at_least" if kw.text == "at_least" else "at_most"
        return Count(kind, int(k_tok.text), tuple(ids), kw.pos)


def _unquote(tok: Token, text: str) -> str:
    # The token regex admits only JSON-compatible escapes, so json.loads is an exact decoder;
    # it refuses raw control characters (a tab, a carriage return), as JSON does.
    try:
        result = json.loads(tok.text)
    except ValueError:
        raise RuleError("a string may not hold control characters such as a tab; "
                        "write \\t or \\n", tok.pos, text) from None
    assert isinstance(result, str)
    return result


def parse(text: str) -> Node:
    """Parse a rule into its syntax tree. Raises :class:`RuleError`."""
    if len(text) > MAX_RULE_LENGTH:
        raise RuleError(
            f"the rule is {len(text):,} characters long; the limit is {MAX_RULE_LENGTH:,}",
            MAX_RULE_LENGTH,
            text[:80],
        )
    return _Parser(text).parse()



# --------------------------------------------------------------------------- type checking

ValueType = Literal["number", "string", "bool"]


@dataclass(frozen=True, slots=True)
class _Type:
    kind: ValueType
    choices: frozenset[str] | None = None  # for choice params


def _lit_type(lit: Lit) -> ValueType:
    if isinstance(lit.value, bool):
        return "bool"
    if isinstance(lit.value, str):
        return "string"
    return "number"


_TYPE_WORDS = {"number": "a number", "string": "a string", "bool": "a boolean"}


def _unknown_provision(pid: str, pos: int, provisions: Mapping[str, ParamHolder],
                       text: str) -> RuleError:
    close = suggest_provisions(pid, provisions)
    return RuleError(f"unknown provision '{pid}'{_did_you_mean(close)}", pos, text,
                     kind="provision", name=pid, suggestions=close)


def _ref_type(ref: Ref, provisions: Mapping[str, ParamHolder], text: str) -> _Type:
    prov = provisions.get(ref.provision)
    if prov is None:
        raise _unknown_provision(ref.provision, ref.pos, provisions, text)
    if ref.param == "phase":
        return _Type("number")
    spec = prov.param(ref.param)
    if spec is None:
        known = (*(p.name for p in prov.params), "phase")
        close = suggest(ref.param, known)
        names = ", ".join(known[:-1]) or "none"
        raise RuleError(
            f"'{ref.provision}' has no param '{ref.param}' (its params: {names}; or phase)"
            f"{_did_you_mean(close)}",
            ref.pos + len(ref.provision) + 1,
            text,
            kind="param", name=ref.param, owner=ref.provision, known=known, suggestions=close,
        )
    if isinstance(spec, IntParam | NumberParam):
        return _Type("number")
    if isinstance(spec, ChoiceParam):
        return _Type("string", frozenset(spec.ids))
    assert isinstance(spec, BoolParam)
    return _Type("bool")


def _check_literal_against(ref: Ref, rtype: _Type, lit: Lit, text: str) -> None:
    ltype = _lit_type(lit)
    if ltype != rtype.kind:
        raise RuleError(
            f"type mismatch: {ref.provision}.{ref.param} is {_TYPE_WORDS[rtype.kind]} "
            f"but {format_literal(lit.value)} is {_TYPE_WORDS[ltype]}",
            lit.pos,
            text,
        )
    if rtype.choices is not None:
        assert isinstance(lit.value, str)
        if lit.value not in rtype.choices:
            known = tuple(sorted(rtype.choices))
            close = suggest(lit.value, known)
            hint = _did_you_mean(close, quote='"')
            allowed = ", ".join(f'"{c}"' for c in known)
            raise RuleError(
                f"{format_literal(lit.value)} is not a choice of {ref.provision}.{ref.param} "
                f"(choices: {allowed}){hint}",
                lit.pos,
                text,
                kind="choice", name=lit.value, owner=f"{ref.provision}.{ref.param}",
                known=known, suggestions=close,
            )




# One case per rule node type (match over the syntax tree).
def typecheck(node: Node, provisions: Mapping[str, ParamHolder], text: str = "") -> None:  # noqa: C901, PLR0912
    """Refuse unknown provisions and params, and comparisons between different types."""
    stack: list[Node] = [node]
    while stack:
        n = stack.pop()
        match n:
            case Present():
                if n.provision not in provisions:
                    raise _unknown_provision(n.provision, n.pos, provisions, text)
            case Count():
                for pid in n.provisions:
                    if pid not in provisions:
                        pos = text.find(pid, n.pos) if text else n.pos
                        raise _unknown_provision(pid, max(pos, n.pos), provisions, text)
            case Compare():
                ltype = _ref_type(n.left, provisions, text)
                if isinstance(n.right, Ref):
                    rtype = _ref_type(n.right, provisions, text)
                    if rtype.kind != ltype.kind:
                        raise RuleError(
                            f"type mismatch: {format_operand(n.left)} is "
                            f"{_TYPE_WORDS[ltype.kind]} but "
                            f"{format_operand(n.right)} is {_TYPE_WORDS[rtype.kind]}",
                            n.pos,
                            text,
                        )
                else:
                    _check_literal_against(n.left, ltype, n.right, text)
                if ltype.kind != "number" and n.op not in ("==", "!="):
                    raise RuleError(
                        f"'{n.op}' orders numbers; {format_operand(n.left)} is "
                        f"{_TYPE_WORDS[ltype.kind]}, so use == or != (or 'in')",
                        n.pos,
                        text,
                    )
            case InList():
                rtype = _ref_type(n.ref, provisions, text)
                for item in n.items:
                    _check_literal_against(n.ref, rtype, item, text)
            case Not():
                stack.append(n.operand)
            case And() | Or():
                stack.extend(n.operands)
            case Implies():
                stack.append(n.premise)
                stack.append(n.conclusion)
            case _:
                assert_never(n)


# --------------------------------------------------------------------------- evaluation

State: TypeAlias = Mapping[str, Mapping[str, Value]]
"""A draft as the rules see it: provision id -> its params (defaults filled in) plus 'phase'."""

Predicate: TypeAlias = Callable[[State], bool]


# One case per rule node type (match over the syntax tree).
def _compile(node: Node) -> Predicate:  # noqa: C901
    """Turn a syntax tree into nested closures: no interpretation per check, no eval."""
    match node:
        case Present():
            pid = node.provision
            return lambda s: pid in s
        case Compare():
            op = _PY_OPS[node.op]
            lp, lname = node.left.provision, node.left.param
            if isinstance(node.right, Ref):
                rp, rname = node.right.provision, node.right.param

                def cmp_ref(s: State) -> bool:
                    a = s.get(lp)
                    b = s.get(rp)
                    return a is not None and b is not None and op(a[lname], b[rname])

                return cmp_ref
            lit = node.right.value

            def cmp_lit(s: State) -> bool:
                a = s.get(lp)
                return a is not None and op(a[lname], lit)

            return cmp_lit
        case InList():
            rp, rname = node.ref.provision, node.ref.param
            allowed = frozenset(i.value for i in node.items)

            def in_list(s: State) -> bool:
                a = s.get(rp)
                return a is not None and a[rname] in allowed

            return in_list
        case Count():
            pids = node.provisions
            k = node.k
            if node.kind == "at_least":
                return lambda s: sum(1 for p in pids if p in s) >= k
            return lambda s: sum(1 for p in pids if p in s) <= k
        case Not():
            inner = _compile(node.operand)
            return lambda s: not inner(s)
        case And():
            parts = tuple(_compile(x) for x in node.operands)
            return lambda s: all(p(s) for p in parts)
        case Or():
            parts = tuple(_compile(x) for x in node.operands)
            return lambda s: any(p(s) for p in parts)
        case Implies():
            premise = _compile(node.premise)
            conclusion = _compile(node.conclusion)
            return lambda s: (not premise(s)) or conclusion(s)
        case _:
            assert_never(node)


# One case per rule node type (match over the syntax tree).
def evaluate(node: Node, state: State) -> bool:  # noqa: PLR0911
    """Interpret a syntax tree directly: the slow reference the compiled form is tested against."""
    match node:
        case Present():
            return node.provision in state
        case Compare():
            a = state.get(node.left.provision)
            if a is None:
                return False
            if isinstance(node.right, Ref):
                b = state.get(node.right.provision)
                if b is None:
                    return False
                return _PY_OPS[node.op](a[node.left.param], b[node.right.param])
            return _PY_OPS[node.op](a[node.left.param], node.right.value)
        case InList():
            a = state.get(node.ref.provision)
            return a is not None and any(a[node.ref.param] == i.value for i in node.items)
        case Count():
            n = sum(1 for p in node.provisions if p in state)
            return n >= node.k if node.kind == "at_least" else n <= node.k
        case Not():
            return not evaluate(node.operand, state)
        case And():
            return all(evaluate(x, state) for x in node.operands)
        case Or():
            return any(evaluate(x, state) for x in node.operands)
        case Implies():
            return (not evaluate(node.premise, state)) or evaluate(node.conclusion, state)
        case _:
            assert_never(node)


# --------------------------------------------------------------------------- explanation


def _fact(ref: Ref, state: State) -> Fact:
    return Fact(ref, state[ref.provision][ref.param])


# One case per rule node type, each with its polarity.
def explain(node: Node, state: State, want: bool = True) -> list[Reason]:  # noqa: C901, PLR0911, PLR0912
    """Explain why ``node`` is not ``want`` in ``state``, as reasons (data, never sentences).

    Called only for rules that fail, so it may be slower than the compiled predicate. Culprits
    are the provisions whose presence or values make the rule fail; a missing provision is named
    by a :class:`~desktop.domain.reasons.Missing` reason but is not a culprit clause (there is no
    clause to point at).
    """
    match node:
        case Present():
            if want:
                return [Missing((node.provision,))]
            return [InDraft(node.provision)]
        case Compare() | InList():
            refs = [node.left] if isinstance(node, Compare) else [node.ref]
            if isinstance(node, Compare) and isinstance(node.right, Ref):
                refs.append(node.right)
            missing = [r.provision for r in refs if r.provision not in state]
            if missing:
                # Only reachable for want=True: a comparison on a missing provision is false.
                return [Missing(tuple(dict.fromkeys(missing)), node)]
            if isinstance(node, Compare):
                op = node.op if want else NEGATED[node.op]
                return [Comparison(tuple(_fact(r, state) for r in refs), op, node.right)]
            return [Membership(_fact(node.ref, state), tuple(i.value for i in node.items), want)]
        case Count():
            present = tuple(p for p in node.provisions if p in state)
            if (node.kind == "at_least") == want:
                k = node.k if want else node.k + 1
                return [Tally(node.provisions, present, "at_least", k)]
            k = node.k if want else node.k - 1
            return [Tally(node.provisions, present, "at_most", k)]
        case Not():
            return explain(node.operand, state, not want)
        case And() | Or():
            # And fails (want True) because of its false parts; Or fails (want False) because of
            # its true parts. Otherwise every part is responsible.
            blame_value = not want
            parts = [x for x in node.operands if evaluate(x, state) == blame_value]
            conjunctive = isinstance(node, And) == want
            if conjunctive:
                reasons: list[Reason] = []
                for x in parts:
                    reasons.extend(explain(x, state, want))
                return dedupe(reasons)
            # Disjunctive failure: every part failed, each for its reasons.
            return [NoneHolds(tuple(r for x in node.operands for r in explain(x, state, want)))]
        case Implies():
            if want:
                premise_true = tuple(explain(node.premise, state, False))
                return [
                    Required(r, node.premise, node.conclusion, premise_true)
                    for r in explain(node.conclusion, state, True)
                ]
            # An implication that holds but must not: the premise holds and so does the
            # conclusion, or the premise fails.
            if evaluate(node.premise, state):
                return explain(node.premise, state, False) + explain(node.conclusion, state, False)
            return [PremiseFails(node.premise)]
        case _:
            assert_never(node)


# --------------------------------------------------------------------------- compiled rules


@dataclass(frozen=True, slots=True)
class CompiledRule:
    text: str
    node: Node
    predicate: Predicate
    provisions: frozenset[str]  # every provision the rule mentions

    def __call__(self, state: State) -> bool:
        return self.predicate(state)

    def explain(self, state: State) -> list[Reason]:
        return dedupe(explain(self.node, state, True))


def compile_rule(text: str, provisions: Mapping[str, ParamHolder]) -> CompiledRule:
    """Parse, type-check and compile one rule against a scenario's provisions."""
    node = parse(text)
    typecheck(node, provisions, text)
    return CompiledRule(text, node, _compile(node), mentioned(node))


def check_rule(text: str, provisions: Mapping[str, ParamHolder]) -> RuleError | None:
    """The error a rule has, or None: for editors that validate as the user types."""
    try:
        compile_rule(text, provisions)
    except RuleError as err:
        return err
    return None

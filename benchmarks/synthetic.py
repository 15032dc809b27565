"""A synthetic scenario at the scale the performance targets are stated for.

``synthetic_scenario()`` builds, deterministically from a seed, a valid :class:`Scenario` with
2,000 provisions in 15 categories and all five kinds, 20 parties with 60 red lines and 10
preferences each, and one 500-clause draft. Red lines come in every shape the rule language has
(presence, absence, comparisons with literals and with other params, ``in`` lists, phases,
implications, ``at_least``/``at_most``, disjunctions, nested parentheses), and each one is drawn so
that it holds or fails on the draft with a per-party probability: about a third of all red lines
fail, so a benchmark of ``check()`` also exercises the explanation path.

Rules are built as syntax trees and written with :func:`format_rule`, so they are valid by
construction; the scenario's own validation then parses and type-checks every one again.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.interchange import dump_scenario
from desktop.domain.model import KINDS, Scenario, Value
from desktop.domain.rules import (
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
    evaluate,
    format_rule,
)

CATEGORIES: tuple[str, ...] = (
    "ceasefire", "territory", "military-limits", "security-guarantees", "sanctions",
    "reconstruction", "humanitarian", "prisoners", "elections", "language-rights", "monitoring",
    "energy", "trade", "justice", "refugees",
)
_INT_NAMES = ("personnel", "days", "km", "count", "years", "units", "sites", "months")
_NUMBER_NAMES = ("usd_bn", "share_pct", "rate", "ratio", "quota")
_CHOICE_NAMES = ("mode", "status", "form", "scope", "authority")
_BOOL_NAMES = ("verified", "binding", "public", "reciprocal", "staged")
_CHOICE_WORDS = (
    "none", "partial", "full", "phased", "joint", "international", "local", "bilateral",
    "provisional", "permanent",
)
_ROLES = ("party", "party", "party", "party", "mediator", "guarantor", "observer")
_OPS: tuple[Op, ...] = ("==", "!=", "<", "<=", ">", ">=")
_ORDER_OPS: tuple[Op, ...] = ("<", "<=", ">", ">=")

#: The red-line shapes, in the order they are dealt out round-robin.
RED_LINE_SHAPES: tuple[str, ...] = (
    "presence", "absence", "compare-number", "compare-choice", "compare-bool", "compare-params",
    "in-list", "phase", "implies", "implies-compound", "at-least", "at-most", "disjunction",
    "nested",
)

#: Attempts at drawing a red line with the wanted outcome before taking the last one drawn.
_ATTEMPTS = 30
#: The same in the agreeable variant, where a red line must also hold on the witness draft.
_WITNESS_ATTEMPTS = 200


@dataclass(frozen=True, slots=True)
class _Param:
    name: str
    type: str  # int number choice bool
    lo: float
    hi: float
    choices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Prov:
    id: str
    params: tuple[_Param, ...]


class _Builder:
    """Draws rule trees over the provision library, biased towards the draft's provisions."""

    def __init__(
        self,
        rng: random.Random,
        provs: Sequence[_Prov],
        in_draft: Sequence[_Prov],
        state: dict[str, dict[str, Value]],
    ) -> None:
        self.rng = rng
        self.provs = provs
        self.in_draft = in_draft
        self.state = state
        self.by_type: dict[str, list[tuple[_Prov, _Param]]] = {
            "int": [], "number": [], "choice": [], "bool": []
        }
        self.draft_by_type: dict[str, list[tuple[_Prov, _Param]]] = {
            "int": [], "number": [], "choice": [], "bool": []
        }
        present = {p.id for p in in_draft}
        for prov in provs:
            for param in prov.params:
                self.by_type[param.type].append((prov, param))
                if prov.id in present:
                    self.draft_by_type[param.type].append((prov, param))

    # -- building blocks

    def prov(self) -> _Prov:
        """A provision; mostly one in the draft, as red lines are written about what is on the
        table."""
        pool = self.in_draft if self.rng.random() < 0.7 else self.provs
        return self.rng.choice(pool)

    def param_of(self, *types: str) -> tuple[_Prov, _Param]:
        table = self.draft_by_type if self.rng.random() < 0.8 else self.by_type
        pool = [x for t in types for x in table[t]] or [x for t in types for x in self.by_type[t]]
        return self.rng.choice(pool)

    def number_lit(self, param: _Param) -> Lit:
        if param.type == "int":
            return Lit(self.rng.randint(int(param.lo), int(param.hi)))
        return Lit(round(self.rng.uniform(param.lo, param.hi), 1))

    def presence(self) -> Node:
        return Present(self.prov().id)

    def absence(self) -> Node:
        return Not(Present(self.prov().id))

    def compare_number(self) -> Node:
        prov, param = self.param_of("int", "number")
        return Compare(Ref(prov.id, param.name), self.rng.choice(_OPS[2:]), self.number_lit(param))

    def compare_choice(self) -> Node:
        prov, param = self.param_of("choice")
        op: Op = "==" if self.rng.random() < 0.7 else "!="
        return Compare(Ref(prov.id, param.name), op, Lit(self.rng.choice(param.choices)))

    def compare_bool(self) -> Node:
        prov, param = self.param_of("bool")
        return Compare(Ref(prov.id, param.name), "==", Lit(self.rng.random() < 0.6))

    def compare_params(self) -> Node:
        if self.rng.random() < 0.5:  # sequencing: "a happens no later than b"
            a, b = self.prov(), self.prov()
            return Compare(Ref(a.id, "phase"), self.rng.choice(_ORDER_OPS), Ref(b.id, "phase"))
        (pa, xa), (pb, xb) = self.param_of("int", "number"), self.param_of("int", "number")
        return Compare(Ref(pa.id, xa.name), self.rng.choice(_ORDER_OPS), Ref(pb.id, xb.name))

    def in_list(self) -> Node:
        if self.rng.random() < 0.8:
            prov, param = self.param_of("choice")
            k = self.rng.randint(1, max(1, len(param.choices) - 1))
            items = tuple(Lit(c) for c in self.rng.sample(param.choices, k))
        else:
            prov, param = self.param_of("int")
            items = tuple(self.number_lit(param) for _ in range(self.rng.randint(2, 4)))
            items = tuple(dict.fromkeys(items))
        return InList(Ref(prov.id, param.name), items)

    def phase(self) -> Node:
        return Compare(Ref(self.prov().id, "phase"), self.rng.choice(_OPS), Lit(
            self.rng.randint(1, 4)))

    def atom(self) -> Node:
        """A simple condition of any kind, for the parts of compound rules."""
        make: Callable[[], Node] = self.rng.choice((
            self.presence, self.presence, self.absence, self.compare_number,
            self.compare_choice, self.compare_bool, self.in_list, self.phase,
        ))
        return make()

    def count(self, kind: str) -> Node:
        n = self.rng.randint(3, 6)
        ids = tuple(dict.fromkeys(self.prov().id for _ in range(n)))
        while len(ids) < 3:
            ids = tuple(dict.fromkeys((*ids, self.rng.choice(self.provs).id)))
        k = self.rng.randint(1, len(ids) - 1)
        return Count("at_least" if kind == "at-least" else "at_most", k, ids)

    def implies(self) -> Node:
        prov = self.prov()
        conclusion: Node
        if prov.params and self.rng.random() < 0.7:
            param = self.rng.choice(prov.params)
            ref = Ref(prov.id, param.name)
            if param.type in ("int", "number"):
                conclusion = Compare(ref, self.rng.choice(_ORDER_OPS[2:]), self.number_lit(param))
            elif param.type == "choice":
                conclusion = InList(ref, tuple(Lit(c) for c in self.rng.sample(
                    param.choices, self.rng.randint(1, len(param.choices) - 1))))
            else:
                conclusion = Compare(ref, "==", Lit(self.rng.random() < 0.5))
            # Mostly the "if X is in, X.param must be ..." form; sometimes another premise.
            premise: Node = Present(prov.id) if self.rng.random() < 0.6 else self.atom()
        else:
            premise, conclusion = Present(prov.id), self.atom()
        return Implies(premise, conclusion)

    def implies_compound(self) -> Node:
        premise = And((self.presence(), self.atom()))
        conclusion: Node = Not(self.presence()) if self.rng.random() < 0.6 else Or(
            (self.atom(), self.atom()))
        return Implies(premise, conclusion)

    def disjunction(self) -> Node:
        return Or(tuple(self.atom() for _ in range(self.rng.randint(2, 4))))

    def nested(self) -> Node:
        """Parentheses that matter: an ``or`` inside an ``and``, a ``not`` over a group, an
        implication whose premise is a disjunction."""
        pick = self.rng.randrange(3)
        if pick == 0:
            return And((Or((self.atom(), self.atom())), Not(And((self.atom(), self.atom())))))
        if pick == 1:
            return Not(Or((self.atom(), And((self.atom(), Or((self.atom(), self.atom())))))))
        return Implies(Or((self.atom(), self.atom())), And((self.atom(), Or((self.atom(),
                                                                            self.atom())))))

    def shape(self, name: str) -> Node:
        if name in ("at-least", "at-most"):
            return self.count(name)
        make: Callable[[], Node] = getattr(self, name.replace("-", "_"))
        return make()

    def red_line(self, shape: str, fail: bool,
                 witness: dict[str, dict[str, Value]] | None = None) -> Node:
        """A rule of ``shape`` that fails on the draft when ``fail`` (when one can be found).

        With a ``witness`` state the rule always holds on the witness: it is redrawn until it
        does, preferring one that also has the wanted outcome on the draft."""
        node = self.shape(shape)
        if witness is None:
            for _ in range(_ATTEMPTS):
                if evaluate(node, self.state) != fail:
                    break
                node = self.shape(shape)
            return node
        fallback: Node | None = None
        for _ in range(_WITNESS_ATTEMPTS):
            if evaluate(node, witness):
                if evaluate(node, self.state) != fail:
                    return node
                if fallback is None:
                    fallback = node
            node = self.shape(shape)
        if fallback is not None:
            return fallback
        for _ in range(100 * _WITNESS_ATTEMPTS):
            node = self.shape(shape)
            if evaluate(node, witness):
                return node
        raise RuntimeError(f"no {shape} red line holds on the witness draft")


def _make_param(rng: random.Random, kind: str, name: str) -> tuple[dict[str, Any], _Param]:
    if kind == "int":
        hi = rng.choice((10, 100, 365, 1_000, 50_000, 1_000_000))
        lo = 0 if rng.random() < 0.8 else 1
        spec: dict[str, Any] = {"name": name, "type": "int", "min": lo, "max": hi,
                                "default": rng.randint(lo, hi)}
        return spec, _Param(name, kind, lo, hi, ())
    if kind == "number":
        hi_f = rng.choice((1.0, 100.0, 500.0, 10_000.0))
        spec = {"name": name, "type": "number", "default": round(rng.uniform(0, hi_f), 1)}
        if rng.random() < 0.8:  # mostly bounded; a few open-ended
            spec.update(min=0.0, max=hi_f)
        return spec, _Param(name, kind, 0.0, hi_f, ())
    if kind == "choice":
        choices = tuple(rng.sample(_CHOICE_WORDS, rng.randint(3, 5)))
        spec = {"name": name, "type": "choice", "choices": list(choices),
                "default": rng.choice(choices)}
        return spec, _Param(name, kind, 0, 0, choices)
    spec = {"name": name, "type": "bool", "default": rng.random() < 0.5}
    return spec, _Param(name, kind, 0, 0, ())


def _random_value(rng: random.Random, param: _Param) -> Value:
    if param.type == "int":
        return rng.randint(int(param.lo), int(param.hi))
    if param.type == "number":
        return round(rng.uniform(param.lo, param.hi), 2)
    if param.type == "choice":
        return rng.choice(param.choices)
    return rng.random() < 0.5


def _witness(
    rng: random.Random,
    provisions: Sequence[dict[str, Any]],
    provs: Sequence[_Prov],
    chosen: Sequence[int],
    clauses: Sequence[dict[str, Any]],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Value]]]:
    """A draft near the benchmark draft that the agreeable variant's red lines all hold on.

    About a tenth of the draft's clauses are dropped, a twentieth of the library's other
    provisions added, a fifth of the kept clauses get new values or a new phase, and then every
    clause whose provision excludes (or is excluded by) another one in the witness is dropped,
    so the witness has no conflict. Returns its clauses and its state (values with defaults
    filled in, and the phase) for :func:`evaluate`."""
    n = len(provs)
    kept = [(i, dict(c)) for i, c in zip(chosen, clauses, strict=True) if rng.random() >= 0.1]
    in_draft = set(chosen)
    others = [i for i in range(n) if i not in in_draft]
    added = rng.sample(others, min(len(others), max(1, len(chosen) // 20)))
    items: list[tuple[int, dict[str, Any]]] = []
    for i, clause in kept:
        if rng.random() < 0.2:
            clause.pop("note", None)
            values: dict[str, Value] = dict(clause.get("values", {}))
            for param in provs[i].params:
                if rng.random() < 0.5:
                    values[param.name] = _random_value(rng, param)
            if values:
                clause["values"] = values
            phase = rng.randint(1, 4)
            clause.pop("phase", None)
            if phase != 1:
                clause["phase"] = phase
        items.append((i, clause))
    for i in added:
        values = {p.name: _random_value(rng, p) for p in provs[i].params if rng.random() < 0.7}
        clause = {"provision": provs[i].id}
        if values:
            clause["values"] = values
        phase = rng.randint(1, 4)
        if phase != 1:
            clause["phase"] = phase
        items.append((i, clause))
    ids = {provs[i].id for i, _ in items}
    clash: set[str] = set()
    for i, _ in items:
        for other in provisions[i].get("excludes", ()):
            if other in ids:
                clash.add(provs[i].id)  # drop the excluding one; the other may stay
    out = [(i, c) for i, c in items if provs[i].id not in clash]
    state: dict[str, dict[str, Value]] = {}
    for i, clause in out:
        merged: dict[str, Value] = {s["name"]: s["default"]
                                    for s in provisions[i].get("params", ())}
        merged.update(clause.get("values", {}))
        merged["phase"] = clause.get("phase", 1)
        state[provs[i].id] = merged
    return [c for _, c in out], state


def synthetic_dict(
    n_provisions: int = 2000,
    n_parties: int = 20,
    red_lines_per_party: int = 60,
    preferences_per_party: int = 10,
    draft_clauses: int = 500,
    seed: int = 0,
    *,
    agreeable: bool = False,
) -> dict[str, Any]:
    """The synthetic scenario as the JSON-shaped dict :func:`synthetic_scenario` validates.

    ``agreeable=True`` adds a second draft, ``witness``, and draws every red line so that it
    holds on the witness (see :func:`_witness`): the parties can then agree. The default output
    is unchanged by the option (the witness uses its own random stream)."""
    if not 0 <= draft_clauses <= n_provisions:
        raise ValueError(f"draft_clauses must be between 0 and n_provisions ({n_provisions})")
    if n_provisions < 6:
        raise ValueError("n_provisions must be at least 6 (at_least/at_most name 3 to 6)")
    rng = random.Random(seed)
    party_ids = [f"party-{i:02d}" for i in range(1, n_parties + 1)]
    width = len(str(n_provisions))

    # -- provisions
    provisions: list[dict[str, Any]] = []
    provs: list[_Prov] = []
    for i in range(n_provisions):
        category = CATEGORIES[i % len(CATEGORIES)] if i < len(CATEGORIES) else rng.choice(
            CATEGORIES)
        kind = KINDS[i % len(KINDS)] if i < len(KINDS) else rng.choice(KINDS)
        pid = f"{category}-{i:0{width}d}"
        specs: list[dict[str, Any]] = []
        params: list[_Param] = []
        types = ["int", "number", "choice", "bool"]
        names = {"int": list(_INT_NAMES), "number": list(_NUMBER_NAMES),
                 "choice": list(_CHOICE_NAMES), "bool": list(_BOOL_NAMES)}
        # The first few provisions carry one param of each type, so every type is present even
        # in a tiny scenario; the rest have 0-3 params of any type.
        n_params = 3 if i < 4 else rng.choice((0, 1, 1, 2, 2, 3))
        for j in range(n_params):
            ptype = types[(i + j) % 4] if i < 4 else rng.choice(types)
            name = rng.choice(names[ptype])
            names[ptype].remove(name)
            spec, param = _make_param(rng, ptype, name)
            specs.append(spec)
            params.append(param)
        placeholders = " ".join(f"{p.name.replace('_', ' ')}: {{{p.name}}}." for p in params)
        prov: dict[str, Any] = {
            "id": pid,
            "title": f"{category.replace('-', ' ').capitalize()} measure {i}",
            "category": category,
            "kind": kind,
            "text": (
                f"The signatories agree to {kind} measure {i} on {category.replace('-', ' ')}, "
                f"to be implemented in good faith under the terms below. {placeholders}"
            ).rstrip(),
        }
        if party_ids and rng.random() < 0.8:
            prov["by"] = rng.sample(party_ids, min(len(party_ids), rng.randint(1, 2)))
        if party_ids and rng.random() < 0.6:
            prov["to"] = rng.sample(party_ids, min(len(party_ids), rng.randint(1, 2)))
        if specs:
            prov["params"] = specs
        if rng.random() < 0.3:
            prov["source"] = f"Synthetic source {rng.randint(1, 99)}"
        provisions.append(prov)
        provs.append(_Prov(pid, tuple(params)))

    # ~2% of provisions exclude another one.
    for i in rng.sample(range(n_provisions), max(1, n_provisions // 50)):
        other = rng.randrange(n_provisions - 1)
        other += other >= i
        provisions[i]["excludes"] = [provs[other].id]

    # -- the draft
    chosen = rng.sample(range(n_provisions), draft_clauses)
    clauses: list[dict[str, Any]] = []
    state: dict[str, dict[str, Value]] = {}
    for i in chosen:
        prov_spec, p = provisions[i], provs[i]
        values: dict[str, Value] = {}
        for param in p.params:
            if rng.random() < 0.7:
                values[param.name] = _random_value(rng, param)
        phase = rng.randint(1, 4)
        clause: dict[str, Any] = {"provision": p.id}
        if values:
            clause["values"] = values
        if phase != 1:
            clause["phase"] = phase
        if rng.random() < 0.1:
            clause["note"] = f"Negotiators' note on clause {len(clauses) + 1}."
        clauses.append(clause)
        merged: dict[str, Value] = {s["name"]: s["default"] for s in prov_spec.get("params", ())}
        merged.update(values)
        merged["phase"] = phase
        state[p.id] = merged
    in_draft = [provs[i] for i in chosen]

    # -- parties, red lines, preferences
    witness_clauses: list[dict[str, Any]] = []
    witness_state: dict[str, dict[str, Value]] | None = None
    if agreeable:
        witness_clauses, witness_state = _witness(
            random.Random(f"witness-{seed}"), provisions, provs, chosen, clauses)
    builder = _Builder(rng, provs, in_draft or provs, state)
    parties: list[dict[str, Any]] = []
    shape_i = 0
    for n, party_id in enumerate(party_ids, start=1):
        fail_rate = rng.uniform(0.15, 0.5)  # some parties are far harder to please than others
        red_lines: list[dict[str, Any]] = []
        for r in range(1, red_lines_per_party + 1):
            shape = RED_LINE_SHAPES[shape_i % len(RED_LINE_SHAPES)]
            shape_i += 1
            node = builder.red_line(shape, fail=rng.random() < fail_rate,
                                    witness=witness_state)
            line: dict[str, Any] = {
                "id": f"{party_id}-rl-{r:03d}",
                "title": f"Red line {r} of party {n} ({shape})",
                "rule": format_rule(node),
            }
            if rng.random() < 0.5:
                line["rationale"] = f"Party {n} considers this essential ({shape})."
            red_lines.append(line)
        preferences: list[dict[str, Any]] = []
        for r in range(1, preferences_per_party + 1):
            node = builder.atom() if rng.random() < 0.6 else builder.implies()
            preferences.append({
                "id": f"{party_id}-pref-{r:03d}",
                "title": f"Preference {r} of party {n}",
                "rule": format_rule(node),
                "weight": rng.choice((1, 1, 2, 3, 5)),
            })
        party: dict[str, Any] = {
            "id": party_id,
            "name": f"Party {n}",
            "role": _ROLES[n % len(_ROLES)],
            "color": f"#{rng.randrange(0x1000000):06X}",
            "red_lines": red_lines,
            "preferences": preferences,
        }
        parties.append(party)

    drafts: list[dict[str, Any]] = [
        {"id": "bench", "title": "Benchmark draft", "clauses": clauses}]
    if agreeable:
        drafts.append({"id": "witness", "title": "Witness draft (every red line holds)",
                       "clauses": witness_clauses})
    return {
        "format": "accord.scenario",
        "version": 2,
        "title": f"Synthetic scenario (seed {seed})",
        "summary": (
            f"{n_provisions} provisions, {n_parties} parties x {red_lines_per_party} red lines, "
            f"a {draft_clauses}-clause draft: generated by benchmarks.synthetic."
        ),
        "as_of": "2025-12-15",
        "parties": parties,
        "provisions": provisions,
        "drafts": drafts,
    }


def synthetic_scenario(
    n_provisions: int = 2000,
    n_parties: int = 20,
    red_lines_per_party: int = 60,
    preferences_per_party: int = 10,
    draft_clauses: int = 500,
    seed: int = 0,
    *,
    agreeable: bool = False,
) -> Scenario:
    """A valid synthetic scenario, the same for the same arguments. Its benchmark draft is
    ``drafts[0]`` (id ``bench``); when ``agreeable``, ``drafts[1]`` (id ``witness``) is a draft
    that passes every red line of every party with no conflict."""
    return Scenario.model_validate(synthetic_dict(
        n_provisions, n_parties, red_lines_per_party, preferences_per_party, draft_clauses, seed,
        agreeable=agreeable,
    ))


def synthetic_json(
    n_provisions: int = 2000,
    n_parties: int = 20,
    red_lines_per_party: int = 60,
    preferences_per_party: int = 10,
    draft_clauses: int = 500,
    seed: int = 0,
    *,
    agreeable: bool = False,
) -> bytes:
    """The synthetic scenario in canonical ``accord.scenario`` JSON (UTF-8)."""
    scenario = synthetic_scenario(
        n_provisions, n_parties, red_lines_per_party, preferences_per_party, draft_clauses, seed,
        agreeable=agreeable,
    )
    return dump_scenario(scenario).encode("utf-8")

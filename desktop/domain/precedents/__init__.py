"""Precedents: the real agreements that carried a provision's PA-X issues (issue 18).

The index (``resources/data/pax/precedents.json.gz``, built by ``make precedents`` from the
PA-X CSV shipped beside it) is read on first use and kept: :func:`load_index`. Start-up never
reads it (the library and the inspector ask for counts only when a provision is shown).

- **Lookup and combinations:** :meth:`PrecedentIndex.query` gives the agreements that carry
  *all* the given codes together, each at its tag's minimum strength (any strength above 0
  when none), newest first; :class:`Filters` narrows by region, stage, date range and a
  minimum strength for every code.
- **Same conflict first:** a scenario names its conflict by its title. The countries and
  entities PA-X lists for agreements (its ``Con`` field, split at "/") that the title names as
  whole words are the conflict's (:meth:`PrecedentIndex.conflict_of`): "Ending the war in
  Ukraine: …" names Ukraine, so the Minsk documents and the 2025 Ukraine agreements, every
  agreement whose country/entity lists Ukraine, come first. A title that names none gives no
  conflict, and precedents are simply newest first.
- **Closest precedents** (:func:`closest`): same region as the conflict first, then the most
  recent, then the highest strength.

Pure Python; the names of codes, categories and stages are in :mod:`.codebook`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from desktop.domain.precedents.codebook import (
    CATEGORIES,
    CODE_CATEGORY,
    CODE_NAMES,
    CODES,
    STAGE_NAMES,
    code_name,
)
from desktop.resources import resource_path

__all__ = [
    "CATEGORIES", "CODES", "CODE_CATEGORY", "CODE_NAMES", "INDEX_RESOURCE", "STAGE_NAMES",
    "Agreement", "Conflict", "Filters", "Precedent", "PrecedentIndex", "Tag", "TagLike",
    "UnknownCode", "closest", "code_name", "group_by_process", "index_loaded", "load_index",
    "parse_codes",
]

INDEX_RESOURCE = "data/pax/precedents.json.gz"


class TagLike(Protocol):
    """A code with an optional minimum strength: :class:`Tag` or the model's ``PaxTag``."""

    @property
    def code(self) -> str: ...
    @property
    def min_strength(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class Tag:
    code: str
    min_strength: int | None = None


class UnknownCode(ValueError):
    """Codes the PA-X codebook does not have."""

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = tuple(codes)
        super().__init__(f"not a PA-X issue code: {', '.join(self.codes)}")


@dataclass(frozen=True, slots=True)
class Agreement:
    id: int
    name: str
    date: dt.date
    process: str
    country: str
    region: str
    stage: str  # the PA-X stage code; STAGE_NAMES has its name
    #: The countries and entities PA-X lists (``country`` split at "/"), without brackets.
    entities: tuple[str, ...] = field(default=(), compare=False)

    @property
    def stage_name(self) -> str:
        return STAGE_NAMES.get(self.stage, self.stage)


def _entities(country: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("()").strip() for p in country.split("/") if p.strip())


class Precedent(NamedTuple):
    """An agreement found, with the weakest strength of its provisions on the codes asked for
    (1 to 3) and whether it is of the scenario's conflict. (A tuple: queries make up to a
    thousand of them and must answer in milliseconds.)"""

    agreement: Agreement
    strength: int
    same_conflict: bool = False


@dataclass(frozen=True, slots=True)
class Filters:
    """Empty sets and None mean no narrowing."""

    regions: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()  # stage codes
    since: dt.date | None = None
    until: dt.date | None = None
    min_strength: int = 1  # for every code, on top of each tag's own minimum

    @property
    def narrows(self) -> bool:
        return bool(self.regions or self.stages or self.since or self.until)

    def admits(self, agreement: Agreement) -> bool:
        return ((not self.regions or agreement.region in self.regions)
                and (not self.stages or agreement.stage in self.stages)
                and (self.since is None or agreement.date >= self.since)
                and (self.until is None or agreement.date <= self.until))


@dataclass(frozen=True, slots=True)
class Conflict:
    """The PA-X countries/entities a scenario is about, and the region they are in."""

    entities: tuple[str, ...] = ()
    region: str | None = None
    #: The index rows of its agreements.
    rows: frozenset[int] = frozenset()

    def includes(self, agreement: Agreement) -> bool:
        return bool(self.entities) and any(e in self.entities for e in agreement.entities)


NO_CONFLICT = Conflict()


@dataclass(slots=True)
class PrecedentIndex:
    """The agreements (newest first) and, per code, row -> strength of those carrying it."""

    agreements: tuple[Agreement, ...]
    postings: dict[str, dict[int, int]]
    scale: dict[str, int]
    data: dict[str, Any]
    built_by: str
    _entities: frozenset[str] = field(default=frozenset())

    @classmethod
    def from_document(cls, doc: Mapping[str, Any]) -> PrecedentIndex:
        if doc.get("format") != "accord.precedents" or doc.get("version") != 1:
            raise ValueError("not an Accord precedent index of version 1")
        agreements = tuple(
            Agreement(int(a[0]), str(a[1]), dt.date.fromisoformat(a[2]), str(a[3]), str(a[4]),
                      str(a[5]), str(a[6]), _entities(str(a[4])))
            for a in doc["agreements"])
        postings = {code: {int(r): int(s) for r, s in rows}
                    for code, rows in doc["codes"].items()}
        index = cls(agreements, postings, {k: int(v) for k, v in doc["scale"].items()},
                    dict(doc["data"]), str(doc["built_by"]))
        index._entities = frozenset(e for a in agreements for e in a.entities)
        return index

    # -- what it holds

    @property
    def version(self) -> str:
        return str(self.data.get("version", ""))

    def knows(self, code: str) -> bool:
        return code in self.postings

    def count(self, code: str, min_strength: int | None = None) -> int:
        """How many agreements carry ``code`` (at ``min_strength`` or more)."""
        rows = self._postings(code)
        least = min_strength or 1
        return len(rows) if least <= 1 else sum(1 for s in rows.values() if s >= least)

    def regions(self) -> list[str]:
        return sorted({a.region for a in self.agreements})

    def stages(self) -> list[str]:
        """Stage codes in the codebook's order."""
        present = {a.stage for a in self.agreements}
        return [s for s in STAGE_NAMES if s in present]

    def _postings(self, code: str) -> dict[int, int]:
        rows = self.postings.get(code)
        if rows is None:
            raise UnknownCode([code])
        return rows

    # -- queries

    def carrying(self, tags: Sequence[TagLike], min_strength: int = 1) -> list[tuple[int, int]]:
        """(row, weakest strength) of the agreements carrying every tag, newest first."""
        unknown = [t.code for t in tags if t.code not in self.postings]
        if unknown:
            raise UnknownCode(unknown)
        if not tags:
            return []
        # A yes/no code (scale 1) has no degrees: a minimum strength narrows graded codes
        # only, and the strength reported is the weakest of the graded codes (1 when every
        # code asked for is yes/no), not a flag's 1 standing for "weak".
        scale = self.scale
        wanted = sorted(((self.postings[t.code],
                          min(max(t.min_strength or 1, min_strength), scale.get(t.code, 3)),
                          scale.get(t.code, 3) > 1)
                         for t in tags), key=lambda item: len(item[0]))
        graded_any = any(graded for _, _, graded in wanted)
        (first, least, first_graded), rest = wanted[0], wanted[1:]
        out: list[tuple[int, int]] = []
        for row, strength in first.items():  # rows ascend: newest first
            if strength < least:
                continue
            weakest = strength if first_graded or not graded_any else 3
            for rows, floor, graded in rest:
                s = rows.get(row, 0)
                if s < floor:
                    break
                if graded:
                    weakest = min(weakest, s)
            else:
                out.append((row, weakest))
        return out

    def query(self, tags: Sequence[TagLike], filters: Filters | None = None,
              conflict: Conflict = NO_CONFLICT) -> list[Precedent]:
        """The agreements carrying all of ``tags`` together: the conflict's first, then the
        rest, each newest first."""
        filters = filters or Filters()
        rows, narrows, ours = self.agreements, filters.narrows, conflict.rows
        found = [Precedent(rows[row], strength, row in ours)
                 for row, strength in self.carrying(tags, filters.min_strength)
                 if not narrows or filters.admits(rows[row])]
        if ours:
            found.sort(key=lambda p: not p.same_conflict)  # stable: newest first within
        return found

    def count_all(self, tags: Sequence[TagLike], min_strength: int = 1) -> int:
        return len(self.carrying(tags, min_strength))

    def conflict_of(self, title: str) -> Conflict:
        """The conflict a scenario's title names (see the module's doc)."""
        named = tuple(sorted(e for e in self._entities
                             if re.search(rf"(?<!\w){re.escape(e)}(?!\w)", title)))
        if not named:
            return NO_CONFLICT
        rows = frozenset(i for i, a in enumerate(self.agreements)
                         if any(e in named for e in a.entities))
        regions = Counter(self.agreements[i].region for i in rows)
        return Conflict(named, regions.most_common(1)[0][0] if regions else None, rows)


def closest(precedents: Iterable[Precedent], region: str | None, n: int = 3
            ) -> list[Precedent]:
    """The ``n`` closest: same region first, then the most recent, then the highest strength."""
    return sorted(precedents,
                  key=lambda p: (p.agreement.region != region, -p.agreement.date.toordinal(),
                                 -p.strength, p.agreement.id))[:n]


def group_by_process(precedents: Iterable[Precedent]) -> list[tuple[str, list[Precedent]]]:
    """The precedents grouped by peace process, groups in the order they first appear."""
    groups: dict[str, list[Precedent]] = {}
    for p in precedents:
        groups.setdefault(p.agreement.process, []).append(p)
    return list(groups.items())


def parse_codes(text: str) -> list[Tag]:
    """``"Ce,ImPK:2"`` -> Ce (any strength) and ImPK at strength 2 or more. Codes are checked
    against the codebook; a bad strength or an empty list is refused (ValueError)."""
    tags: list[Tag] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        code, _, level = part.partition(":")
        least: int | None = None
        if level:
            if level.strip() not in ("1", "2", "3"):
                raise ValueError(f"the minimum strength of {code.strip()} must be 1, 2 or 3")
            least = int(level)
        tags.append(Tag(code.strip(), least))
    if not tags:
        raise ValueError("give at least one PA-X issue code")
    unknown = [t.code for t in tags if t.code not in CODE_NAMES]
    if unknown:
        raise UnknownCode(unknown)
    return tags


@functools.cache
def load_index() -> PrecedentIndex:
    """The shipped index, read once on first use (gzip and json are imported here: the window
    imports this module on its way to the first paint)."""
    import gzip
    import json

    raw = gzip.decompress(resource_path(INDEX_RESOURCE).read_bytes())
    return PrecedentIndex.from_document(json.loads(raw))


def index_loaded() -> bool:
    """Whether :func:`load_index` has read the index in this process."""
    return load_index.cache_info().currsize > 0

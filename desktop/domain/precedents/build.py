"""Build the offline precedent index from the PA-X CSV (``make precedents``).

    python -m desktop.domain.precedents.build [--check]

Reads ``resources/data/pax/pax_all_agreements_v10.csv.gz`` (the CSV, byte for byte, gzipped),
checks its SHA-256 against ``resources/data/pax/VERSION``, and writes
``resources/data/pax/precedents.json.gz``: the agreements, newest first, and for each issue code
of the codebook the agreements that carry it (strength above 0) with the strength. The output
is deterministic (no time stamp, sorted keys, gzip without a date), so a rebuild from the same
CSV gives the same bytes; ``--check`` rebuilds in memory and exits 1 when the shipped index
differs. Pure Python: csv, gzip, hashlib, json.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.domain.precedents.codebook import CODES, STAGE_NAMES
from desktop.resources import resource_path

__all__ = ["CSV_NAME", "INDEX_FORMAT", "INDEX_NAME", "build_index", "encode_index",
           "main", "read_csv_rows"]

FOLDER = "data/pax"
CSV_NAME = "pax_all_agreements_v10.csv"
INDEX_NAME = "precedents.json.gz"
INDEX_FORMAT = "accord.precedents"
INDEX_VERSION = 1
BUILD_STEP = "make precedents (python -m desktop.domain.precedents.build)"


def _clean(text: str) -> str:
    """One line: PA-X names hold line breaks and runs of spaces."""
    return " ".join(text.split())


def csv_bytes() -> bytes:
    """The shipped CSV, uncompressed."""
    return gzip.decompress(resource_path(f"{FOLDER}/{CSV_NAME}.gz").read_bytes())


def expected_digest() -> str:
    for line in resource_path(f"{FOLDER}/VERSION").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(" ")
        if key == "sha256":
            return value.strip()
    raise ValueError("resources/data/pax/VERSION names no sha256")


def read_csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def _strength(row: Mapping[str, str], code: str) -> int:
    text = row[code].strip()
    return int(text) if text else 0


def build_index(rows: Sequence[Mapping[str, str]], digest: str) -> dict[str, Any]:
    """The index as a JSON-ready dict. Agreements are sorted newest first (then by id), so any
    subset kept in row order is newest first too."""
    missing = [c for c in ("AgtId", "Agt", "Dat", "PPName", "Con", "Reg", "Stage", *CODES)
               if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"the PA-X CSV lacks the columns {', '.join(missing)}")
    ordered = sorted(rows, key=lambda r: (dt.date.fromisoformat(r["Dat"]), int(r["AgtId"])),
                     reverse=True)
    unknown = sorted({r["Stage"] for r in ordered} - STAGE_NAMES.keys())
    if unknown:
        raise ValueError(f"the PA-X CSV has stages the codebook does not: {unknown}")
    agreements = [[int(r["AgtId"]), _clean(r["Agt"]), r["Dat"], _clean(r["PPName"]),
                   _clean(r["Con"]), _clean(r["Reg"]), r["Stage"]] for r in ordered]
    codes: dict[str, list[list[int]]] = {}
    scale: dict[str, int] = {}
    for code in CODES:
        strengths = [_strength(r, code) for r in ordered]
        codes[code] = [[i, s] for i, s in enumerate(strengths) if s > 0]
        scale[code] = max(strengths, default=0)
    return {
        "format": INDEX_FORMAT,
        "version": INDEX_VERSION,
        "data": {"name": "PA-X Peace Agreements Database", "version": "10",
                 "file": CSV_NAME, "sha256": digest, "agreements": len(agreements)},
        "built_by": BUILD_STEP,
        "columns": ["id", "name", "date", "process", "country", "region", "stage"],
        "agreements": agreements,
        "scale": scale,
        "codes": codes,
    }


def encode_index(index: Mapping[str, Any]) -> bytes:
    text = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as g:
        g.write(text.encode("utf-8"))
    return out.getvalue()


def build_from_shipped_csv() -> bytes:
    data = csv_bytes()
    digest = hashlib.sha256(data).hexdigest()
    want = expected_digest()
    if digest != want:
        raise ValueError(f"{CSV_NAME} has SHA-256 {digest}, VERSION says {want}: "
                         "update VERSION with the data")
    return encode_index(build_index(read_csv_rows(data), digest))


def main(argv: Iterable[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    built = build_from_shipped_csv()
    target: Path = resource_path(f"{FOLDER}/{INDEX_NAME}")
    if args == ["--check"]:
        same = target.exists() and target.read_bytes() == built
        state = "up to date" if same else "differs from the CSV: run make precedents"
        sys.stdout.write(f"{target}: {state}\n")
        return 0 if same else 1
    if args:
        sys.stderr.write("usage: python -m desktop.domain.precedents.build [--check]\n")
        return 2
    target.write_bytes(built)
    sys.stdout.write(f"wrote {target} ({len(built):,} bytes)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

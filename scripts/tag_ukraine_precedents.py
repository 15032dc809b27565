"""Tag every provision of the default scenario with its PA-X issue codes (issue 18).

Loads resources/scenarios/ukraine-2025.json (or the file given), sets only the "pax" key of
each provision (after "sources" or at the end), and writes it back in the file's own format
(indent 2, key order kept). Other keys are untouched, so it can be re-run over others' edits.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "resources" / "scenarios" / "ukraine-2025.json"

TAGS = {
    "sov-reaffirm": ["StGen"],
    "non-nuclear": ["SsrArm"],
    "nonaggression-pact": ["SsrGua"],
    "ru-nonaggression-law": ["SsrGua", "ConGen"],
    "no-nato-expansion": ["SsrGua", "StXbor"],
    "nato-russia-dialogue": ["SsrGua", "StXbor", "ImOth"],
    "nato-ban": ["StGen", "SsrGua"],
    "foreign-troops-limit": ["SsrFf"],
    "jets-poland": ["SsrGua", "StXbor"],
    "mnf-ukraine": ["ImPK", "SsrGua"],
    "army-cap": [{"code": "SsrArm", "min_strength": 2}],
    "us-guarantee": ["SsrGua", "ImE"],
    "eu-guarantee": ["SsrGua", "ImE"],
    "snapback": ["ImE", "SsrGua", "Ce"],
    "monitoring": ["Ce", "ImPK"],
    "terr-recognition": ["StBor", "StGen"],
    "south-freeze": ["StBor", "Ce"],
    "donbas-zone": ["StBor", "Ce", "Terps"],
    "ru-withdraw-other": ["SsrFf", "StBor"],
    "no-force-change": ["StBor", "SsrGua"],
    "ceasefire": ["Ce"],
    "development-package": ["Dev", "IntFu"],
    "reconstruction-fund": ["Dev", "IntFu"],
    "us-ua-fta": ["Bus", "StXbor"],
    "frozen-assets": ["TjRep", "IntFu"],
    "sanctions-relief": ["Bus", "StXbor"],
    "g8-return": ["StXbor", "ImOth"],
    "us-ru-economic": ["Bus", "StXbor", "Dev"],
    "us-ru-wg": ["ImOth", "ImE"],
    "peace-council": ["ImOth", "ImE"],
    "znpp": ["NatRes", "ImPK"],
    "arms-control": ["SsrArm", "StXbor"],
    "navigation": ["Wat", "HrMob"],
    "exchange": ["TjPrire", "GCh"],
    "amnesty": ["TjAm"],
    "tolerance-minorities": ["GRa", "TjNR"],
    "russian-language-church": ["GRa", "GRe"],
    "elections": ["Ele"],
    "ratification": ["ImRef"],
    "martial-law-end": ["JusEm"],
    "eu-accession": ["StXbor"],
    "neutral-status": ["StGen", "SsrFf"],
    "nato-guarantee": ["SsrGua", "ImOth"],
    "limited-ceasefire": ["Ce", "NatRes"],
    "war-claims": ["TjRep"],
}


def main(path: Path = PATH) -> int:
    raw = path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    ascii_only = json.dumps(doc, indent=2, ensure_ascii=True) + "\n" == raw
    missing = []
    for i, prov in enumerate(doc["provisions"]):
        tags = TAGS.get(prov["id"])
        if tags is None:
            missing.append(prov["id"])
            continue
        if "pax" in prov:
            prov["pax"] = tags
            continue
        items = list(prov.items())
        at = next((n + 1 for n, (k, _) in enumerate(items) if k == "sources"), len(items))
        items.insert(at, ("pax", tags))
        doc["provisions"][i] = dict(items)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=ascii_only) + "\n", encoding="utf-8")
    if missing:
        sys.stderr.write(f"not tagged (no codes chosen): {', '.join(missing)}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*(Path(a) for a in sys.argv[1:2])))

"""Run the arithmetic checks over gold quantities and print contract JSONL (a development harness).

The quantities are the gold ones (so check indices line up with gold); the checks are ours.

Usage: python scripts/dev_checks.py ../shared/eval/dev/docs.jsonl ../shared/eval/dev/gold.jsonl \
           > /tmp/checks.jsonl
       python3 ../shared/eval/score.py ../shared/eval/dev/gold.jsonl /tmp/checks.jsonl --errors
Options: --drop-what (forget every ``what``, as a weak extractor would),
         --drop-periods (forget every period).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import Any

from claimledger.checks.arithmetic import check_arithmetic
from claimledger.model import Document, Quantity, check_dict, quantity_dict


def _quantity(d: dict[str, Any]) -> Quantity:
    return Quantity(
        start=d["start"], end=d["end"], text=d["text"], value=float(d["value"]),
        kind=d.get("kind") or "count",
        value_high=None if d.get("value_high") is None else float(d["value_high"]),
        unit=d.get("unit"), approx=d.get("approx") or "exact", change=bool(d.get("change")),
        what=d.get("what"), period_from=d.get("period_from"), period_to=d.get("period_to"),
        sources=tuple(d.get("sources") or ()),
    )


def _read(path: str) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {str(r["id"]): r for r in rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("gold")
    ap.add_argument("--drop-what", action="store_true")
    ap.add_argument("--drop-periods", action="store_true")
    args = ap.parse_args()
    docs, gold = _read(args.docs), _read(args.gold)
    for doc_id, g in gold.items():
        d = docs[doc_id]
        doc = Document(text=d["text"], id=doc_id, published=d.get("published"),
                       language=d.get("language"))
        qs = [_quantity(q) for q in g.get("quantities", [])]
        if args.drop_what:
            qs = [replace(q, what=None) for q in qs]
        if args.drop_periods:
            qs = [replace(q, period_from=None, period_to=None) for q in qs]
        checks = check_arithmetic(doc, qs)
        out = {"id": doc_id, "quantities": [quantity_dict(q) for q in qs], "times": [],
               "hedges": [], "checks": [check_dict(c) for c in checks]}
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()

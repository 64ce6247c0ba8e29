"""Run attribution, counted things and periods over GOLD quantities and times (a dev harness).

Isolates the context stage from the quantity and time extractors: each dev document's gold
quantities (what, period and sources cleared) and gold times are fed to
``extract_attributions`` + ``attach_context``, and the result is printed as contract JSONL.

Usage: python scripts/dev_context.py DOCS.jsonl GOLD.jsonl > /tmp/ctx.jsonl
       python3 ../shared/eval/score.py ../shared/eval/dev/gold.jsonl /tmp/ctx.jsonl
"""

from __future__ import annotations

import json
import sys
from typing import Any

from claimledger.extract.attribution import attach_context, extract_attributions
from claimledger.model import Document, Quantity, TimeExpr, quantity_dict, time_dict


def _read_jsonl(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_quantity(g: dict[str, Any]) -> Quantity:
    """A gold quantity with the fields of this stage cleared."""
    return Quantity(
        start=g["start"],
        end=g["end"],
        text=g["text"],
        value=g["value"],
        kind=g.get("kind", "count"),
        value_high=g.get("value_high"),
        unit=g.get("unit"),
        approx=g.get("approx") or "exact",
        change=bool(g.get("change")),
    )


def gold_time(g: dict[str, Any]) -> TimeExpr:
    """A gold time expression as a TimeExpr."""
    if g.get("type") == "period":
        return TimeExpr(g["start"], g["end"], g["text"], "period", None, g.get("from"), g.get("to"))
    return TimeExpr(g["start"], g["end"], g["text"], "date", g.get("value"))


def main(docs_path: str, gold_path: str) -> None:
    gold = {str(g["id"]): g for g in _read_jsonl(gold_path)}
    for obj in _read_jsonl(docs_path):
        doc = Document(
            text=obj["text"],
            id=str(obj.get("id", "")),
            url=obj.get("url"),
            outlet=obj.get("outlet"),
            published=obj.get("published"),
            language=obj.get("language"),
        )
        g = gold.get(doc.id, {})
        quantities = sorted(
            (gold_quantity(q) for q in g.get("quantities", [])), key=lambda q: q.start
        )
        times = sorted((gold_time(t) for t in g.get("times", [])), key=lambda t: t.start)
        attributions = extract_attributions(doc)
        quantities = attach_context(doc, quantities, times, attributions)
        out = {
            "id": doc.id,
            "quantities": [quantity_dict(q) for q in quantities],
            "times": [time_dict(t) for t in times],
        }
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""Score the across-report linking on a held-out battery of relay families written for this
project (``tests/fixtures/across_battery.jsonl``): reports in en/ru/uk/de that relay the same
statements, with near misses (another day, another source, another counting method, a misquoted
digit). Not tuned on: it measures whether rules made on the dev set hold on other reports.

Each report's text marks its figures as ``[[written|series|claim]]`` (``|!`` after the claim:
a misquote the ledger should flag as a conflict). The script ingests the reports into a fresh
ledger, exports the claims and prints pairwise series and claims precision/recall/F1 and the
conflict recall/precision over the marked figures, as ``ACROSS.md`` defines them.

Usage: python scripts/eval_across_battery.py [--battery FILE] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path

MARK = re.compile(r"\[\[([^|\]]+)\|([^|\]]+)\|([^|\]]+)(\|!)?\]\]")
BATTERY = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "across_battery.jsonl"


def unmark(text: str) -> tuple[str, list[dict[str, object]]]:
    """The plain text of a marked report and its marked figures with their offsets."""
    out: list[str] = []
    figures: list[dict[str, object]] = []
    pos = 0
    size = 0
    for m in MARK.finditer(text):
        out.append(text[pos:m.start()])
        size += m.start() - pos
        written = m.group(1)
        figures.append({"start": size, "end": size + len(written), "text": written,
                        "series": m.group(2), "claim": m.group(3), "conflict": bool(m.group(4))})
        out.append(written)
        size += len(written)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), figures


def _pairs(labels: dict[tuple[str, int], str | None]) -> set[frozenset[tuple[str, int]]]:
    keyed = [(k, v) for k, v in labels.items() if v is not None]
    return {frozenset((a, b)) for (a, va), (b, vb) in combinations(keyed, 2) if va == vb}


def _prf(gold: set[frozenset[tuple[str, int]]], got: set[frozenset[tuple[str, int]]]
         ) -> tuple[float, float, float]:
    p = len(gold & got) / len(got) if got else 1.0
    r = len(gold & got) / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--battery", default=str(BATTERY))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    reports = [json.loads(x) for x in Path(args.battery).open(encoding="utf-8") if x.strip()]
    tmp = Path(tempfile.mkdtemp())
    gold: dict[tuple[str, int], dict[str, object]] = {}
    with (tmp / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for rep in reports:
            text, figures = unmark(rep["text"])
            for n, fig in enumerate(figures):
                gold[(rep["id"], n)] = {**fig, "doc": rep["id"]}
            fh.write(json.dumps({**rep, "text": text}, ensure_ascii=False) + "\n")
    db = tmp / "ledger.sqlite"
    cl = [sys.executable, "-m", "claimledger"]
    subprocess.run([*cl, "ingest", "--quiet", "--db", str(db), str(tmp / "docs.jsonl")],
                   check=True, capture_output=True)
    export = subprocess.run([*cl, "export", "claims", "--format", "jsonl", "--db", str(db)],
                            check=True, capture_output=True, text=True).stdout
    rows = [json.loads(x) for x in export.splitlines() if x.strip()]
    found: dict[tuple[str, int], dict[str, object]] = {}
    for key, g in gold.items():
        for row in rows:
            if row["doc"] == g["doc"] and row["start"] < g["end"] and g["start"] < row["end"]:
                found[key] = row
                break
    print(f"figures marked {len(gold)}, found {len(found)}")
    for name in ("series", "claim"):
        g_pairs = _pairs({k: str(v[name]) for k, v in gold.items()})
        s_pairs = _pairs({k: (None if found.get(k) is None else found[k].get(name))  # type: ignore[misc]
                          for k in gold})
        p, r, f = _prf(g_pairs, s_pairs)
        print(f"{name:8s} precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
        if args.errors:
            for pair in sorted(g_pairs - s_pairs, key=sorted):
                a, b = sorted(pair)
                print(f"   missed {a} {gold[a]['text']!r} ~ {b} {gold[b]['text']!r}")
            for pair in sorted(s_pairs - g_pairs, key=sorted):
                a, b = sorted(pair)
                print(f"   wrong  {a} {gold[a]['text']!r} ~ {b} {gold[b]['text']!r}")
    g_conf = {k for k, v in gold.items() if v["conflict"]}
    g_claims = {str(gold[k]["claim"]) for k in g_conf}
    g_conf |= {k for k, v in gold.items() if v["claim"] in g_claims}
    s_conf = {k for k, row in found.items() if row.get("conflict")}
    hit = len(g_conf & s_conf)
    print(f"conflict recall {hit / len(g_conf) if g_conf else 1.0:.3f} "
          f"precision {hit / len(s_conf) if s_conf else 1.0:.3f} "
          f"(gold {len(g_conf)}, flagged {len(s_conf)})")


if __name__ == "__main__":
    main()

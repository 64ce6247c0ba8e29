"""Ingest the dev corpus into a fresh ledger, export its claims and score them across reports,
as a whole and per fold (a development harness; CI runs the same scorer).

Usage: python scripts/eval_across.py [--eval ../shared/eval] [--errors] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

KEYS = ("across.series_f1", "across.series_precision", "across.series_recall",
        "across.claims_f1", "across.claims_precision", "across.claims_recall",
        "across.conflict_recall", "across.conflict_precision")


def _run(args: list[str], out: Path | None = None, ok: tuple[int, ...] = (0,)) -> str:
    res = subprocess.run(args, capture_output=True, text=True)
    if res.returncode not in ok:
        sys.exit(f"{' '.join(args)} failed:\n{res.stderr}")
    if out is not None:
        out.write_text(res.stdout, encoding="utf-8")
    return res.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--keep", default=None, help="keep the ledger and export in this folder")
    args = ap.parse_args()
    evald = Path(args.eval)
    docs = evald / "dev" / "docs.jsonl"
    folds = json.loads((evald / "dev" / "folds.json").read_text(encoding="utf-8"))
    tmp = Path(args.keep or tempfile.mkdtemp())
    tmp.mkdir(parents=True, exist_ok=True)
    db = tmp / "ledger.sqlite"
    db.unlink(missing_ok=True)
    cl = [sys.executable, "-m", "claimledger"]
    _run([*cl, "ingest", "--quiet", "--db", str(db), str(docs)], ok=(0, 1))
    export = tmp / "claims.jsonl"
    _run([*cl, "export", "claims", "--format", "jsonl", "--db", str(db)], export)
    gold_all = [json.loads(x) for x in (evald / "dev" / "gold.jsonl").open(encoding="utf-8")]
    sys_all = [json.loads(x) for x in export.open(encoding="utf-8") if x.strip()]
    cols: dict[str, dict[str, float]] = {}
    for name, ids in (("all", None), ("A", set(folds["A"])), ("B", set(folds["B"]))):
        g, s = tmp / f"gold-{name}.jsonl", tmp / f"sys-{name}.jsonl"
        g.write_text("".join(json.dumps(d) + "\n" for d in gold_all
                             if ids is None or d["id"] in ids), encoding="utf-8")
        s.write_text("".join(json.dumps(d) + "\n" for d in sys_all
                             if ids is None or d["doc"] in ids), encoding="utf-8")
        flags = ["--json"] + (["--errors"] if args.errors and name == "all" else [])
        out = _run([sys.executable, str(evald / "score_across.py"), str(g), str(docs), str(s),
                    *flags], ok=(0, 1))
        m = json.loads(out)
        cols[name] = m
        if args.errors and name == "all":
            print("\n".join(m.get("errors", [])))
    print(f"{'metric':30s} {'all':>7s} {'A':>7s} {'B':>7s}")
    for key in KEYS:
        print(f"{key:30s} " + " ".join(f"{cols[c][key]:7.3f}" for c in ("all", "A", "B")))
    print("counts", json.dumps(cols["all"]["counts"]))


if __name__ == "__main__":
    main()

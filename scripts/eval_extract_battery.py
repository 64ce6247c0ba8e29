"""Score the extractor on the held-out extraction battery (``tests/fixtures/extract_battery``).

The battery holds 40 reports written for this project (10 each in en, ru, uk, de) with gold in
the shape of ``CONTRACT.md``; no rule may be written against them (``docs/heldout.md``). The
script runs ``claimledger extract --format jsonl`` on ``docs.jsonl`` and scores the output with
``score.py`` from the evaluation folder, printing the fields ``scripts/eval_folds.py`` prints,
as a whole and per language.

Usage: python scripts/eval_extract_battery.py [--eval ../shared/eval] [--errors] [--keep FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATTERY = ROOT / "tests" / "fixtures" / "extract_battery"
KEYS = (
    "quantities.f1,quantities.full_f1,quantities.what,quantities.period,quantities.period_strict,"
    "sources.all,sources.unattributed,sources.attributed,times.f1,times.value,hedges.f1,"
    "checks.accuracy,checks.inconsistent_recall,checks.false_alarms"
)
LANGS = ("en", "ru", "uk", "de")


def _subset(path: Path, ids: set[str] | None, out: Path) -> None:
    with path.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for line in fh:
            if line.strip() and (ids is None or str(json.loads(line)["id"]) in ids):
                w.write(line)


def _score(scorer: Path, gold: Path, system: Path) -> dict[str, float]:
    run = subprocess.run([sys.executable, str(scorer), str(gold), str(system), "--json"],
                         capture_output=True, text=True, check=True)
    return {k: float(v) for k, v in json.loads(run.stdout).items() if isinstance(v, (int, float))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=str(ROOT.parent.parent / "shared" / "eval"),
                    help="folder holding score.py (default: ../../shared/eval)")
    ap.add_argument("--battery", default=str(BATTERY))
    ap.add_argument("--errors", action="store_true", help="list score.py's errors as well")
    ap.add_argument("--keep", default=None, help="write the extraction output to this file")
    ap.add_argument("--keys", default=KEYS)
    args = ap.parse_args()
    battery = Path(args.battery)
    docs, gold = battery / "docs.jsonl", battery / "gold.jsonl"
    scorer = Path(args.eval) / "score.py"
    if not scorer.is_file():
        print(f"score.py not found in {args.eval}: pass --eval with the folder that holds it "
              f"(the battery's gold is in {gold})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        system = Path(args.keep) if args.keep else Path(tmp, "system.jsonl")
        with system.open("w", encoding="utf-8") as out:
            subprocess.run([sys.executable, "-m", "claimledger", "extract", "--format", "jsonl",
                            str(docs)], stdout=out, check=True, cwd=ROOT)
        langs = {str(d["id"]): d["language"] for d in
                 (json.loads(x) for x in docs.open(encoding="utf-8") if x.strip())}
        cols: dict[str, dict[str, float]] = {}
        for name in ("all", *LANGS):
            ids = None if name == "all" else {i for i, lang in langs.items() if lang == name}
            g, s = Path(tmp, f"g{name}.jsonl"), Path(tmp, f"s{name}.jsonl")
            _subset(gold, ids, g)
            _subset(system, ids, s)
            cols[name] = _score(scorer, g, s)
        print(f"{'metric':32s} " + " ".join(f"{c:>7s}" for c in cols))
        for key in args.keys.split(","):
            vals = [cols[c].get(key) for c in cols]
            print(f"{key:32s} " + " ".join("      -" if v is None else f"{v:7.3f}" for v in vals))
        if args.errors:
            run = subprocess.run([sys.executable, str(scorer), str(gold), str(system), "--errors"],
                                 capture_output=True, text=True, check=True)
            print(run.stdout.split("\ncounts ", 1)[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score an extraction over the dev set as a whole and per fold (a development harness).

Usage: python scripts/eval_folds.py SYSTEM.jsonl [--eval ../shared/eval] [--keys a,b,...]

Splits the dev gold and SYSTEM by ``folds.json`` (two halves by outlet), runs ``score.py --json``
on each and prints one table: metric, all, fold A, fold B.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_KEYS = (
    "quantities.f1,quantities.full_f1,quantities.what,quantities.period,quantities.period_strict,"
    "sources.all,sources.empty,sources.attributed,times.f1,times.value,hedges.f1,checks.accuracy,"
    "checks.inconsistent_recall,checks.false_alarms"
)


def _subset(path: Path, ids: set[str] | None, out: Path) -> None:
    with path.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for line in fh:
            if line.strip() and (ids is None or str(json.loads(line)["id"]) in ids):
                w.write(line)


def _score(evald: Path, gold: Path, system: Path) -> dict[str, float]:
    cmd = [sys.executable, str(evald / "score.py"), str(gold), str(system), "--json"]
    run = subprocess.run(cmd, capture_output=True, text=True, check=True)
    flat: dict[str, float] = {}

    def walk(prefix: str, obj: object) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(obj, (int, float)):
            flat[prefix] = float(obj)

    walk("", json.loads(run.stdout))
    return flat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("system")
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--gold", default=None, help="gold file (default: dev/gold.jsonl)")
    ap.add_argument("--keys", default=DEFAULT_KEYS)
    args = ap.parse_args()
    evald = Path(args.eval)
    gold = Path(args.gold) if args.gold else evald / "dev" / "gold.jsonl"
    folds = json.loads((evald / "dev" / "folds.json").read_text(encoding="utf-8"))
    cols: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, ids in (("all", None), ("A", set(folds["A"])), ("B", set(folds["B"]))):
            if ids is not None and gold.name.startswith("planted"):
                ids = {i for i in ids} | {f"{i}-p{n}" for i in ids for n in range(10)}
            g, s = Path(tmp, f"g{name}.jsonl"), Path(tmp, f"s{name}.jsonl")
            _subset(gold, ids, g)
            _subset(Path(args.system), ids, s)
            cols[name] = _score(evald, g, s)
    print(f"{'metric':32s} {'all':>7s} {'A':>7s} {'B':>7s}")
    for key in args.keys.split(","):
        vals = [cols[c].get(key) for c in ("all", "A", "B")]
        print(f"{key:32s} " + " ".join("      -" if v is None else f"{v:7.3f}" for v in vals))


if __name__ == "__main__":
    main()

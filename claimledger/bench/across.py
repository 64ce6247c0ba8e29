"""``python -m claimledger.bench.across``: how fast the ledger is linked across reports.

Analyses ``--docs`` synthetic reports (and the dev set when ``--eval`` finds it), stores them in
a fresh SQLite ledger, then times ``checks.claim_series.ledger_view`` (frames, relays, claims,
conflicts, series and their flags over every stored figure) with ``time.process_time``, best of
``--runs``. Prints figures per second; asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from ..checks.claim_series import ledger_view
from ..model import Document
from ..pipeline import analyze_document
from ..store import open_ledger
from .__main__ import _load_eval_docs
from .corpus import synthetic_documents


def _measure(name: str, docs: Sequence[Document], runs: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        ledger = open_ledger(str(Path(tmp) / "bench.sqlite"))
        try:
            for d in docs:
                ledger.save(analyze_document(d.with_id()))
            n = ledger.count()["claims"]
            best = float("inf")
            view = None
            for _ in range(runs):
                t0 = time.process_time()
                view = ledger_view(ledger)
                best = min(best, time.process_time() - t0)
        finally:
            ledger.close()
    assert view is not None
    rate = n / best if best > 0 else float("inf")
    return (f"{name:28s} {len(docs):>7,} reports {n:>8,} figures  {best:7.2f} s  "
            f"{rate:>9,.0f} figures/s  {len(view.series):,} series, {len(view.claims):,} claims")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="synthetic reports")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[3] / "shared" / "eval"))
    args = ap.parse_args()
    dev = Path(args.eval) / "dev" / "docs.jsonl"
    if dev.exists():
        print(_measure("dev set", _load_eval_docs(dev), args.runs))
    print(_measure("synthetic", list(synthetic_documents(args.docs)), args.runs))


if __name__ == "__main__":
    main()

"""``python -m claimledger.bench.stages``: CPU time of each pipeline stage and of saving.

Each stage is timed with ``time.process_time`` (CPU time of this process, so other processes on a
shared machine do not count) around its own call, summed over the documents; the best of several
runs is reported as MB/s of text. Saving is timed on analyses made beforehand, into a fresh
SQLite file per run. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..checks.arithmetic import check_arithmetic
from ..extract.attribution import attach_context, extract_attributions
from ..extract.hedges import extract_hedges
from ..extract.language import detect_language
from ..extract.quantities import extract_quantities
from ..extract.times import extract_times
from ..model import Analysis, Document
from ..pipeline import analyze_document
from .__main__ import _load_eval_docs, _mb
from .corpus import synthetic_documents

STAGES = ("quantities", "times", "hedges", "attribution", "context", "checks")


def _stage_seconds(docs: Sequence[Document]) -> dict[str, float]:
    """CPU seconds of each stage over ``docs`` (one run)."""
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.process_time
    for d in docs:
        d = d.with_id()
        if not d.language:
            d = replace(d, language=detect_language(d.text))
        t0 = clock()
        q = extract_quantities(d)
        t1 = clock()
        t = extract_times(d)
        t2 = clock()
        extract_hedges(d)
        t3 = clock()
        a = extract_attributions(d)
        t4 = clock()
        q = attach_context(d, q, t, a)
        t5 = clock()
        check_arithmetic(d, q)
        t6 = clock()
        for name, dt in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5),
                            strict=True):
            spent[name] += dt
    return spent


def _best(fn: Callable[[], Any], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def stage_rows(label: str, docs: Sequence[Document], repeats: int) -> list[str]:
    """Rows of MB/s per stage (best of ``repeats``) and of the whole pipeline."""
    mb = _mb(docs)
    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(repeats):
        for name, s in _stage_seconds(docs).items():
            best[name] = min(best[name], s)
    total = _best(lambda: [analyze_document(d) for d in docs], repeats)
    cells = " | ".join(f"{mb / best[s]:.2f}" for s in STAGES)
    return [f"| {label} | {mb:.2f} | {cells} | {mb / total:.2f} | {len(docs) / total:,.0f} |"]


def save_rows(docs: Sequence[Document], repeats: int) -> list[str]:
    """Docs/s of saving ready analyses into a fresh SQLite file, and of extract + save."""
    from ..store.sqlite import SQLiteLedger

    analyses: list[Analysis] = [analyze_document(d) for d in docs]

    def save_all() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            ledger = SQLiteLedger(Path(tmp) / "l.sqlite")
            for a in analyses:
                ledger.save(a)
            ledger.close()

    def ingest_all() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            ledger = SQLiteLedger(Path(tmp) / "l.sqlite")
            for d in docs:
                ledger.save(analyze_document(d))
            ledger.close()

    save = _best(save_all, repeats)
    ingest = _best(ingest_all, repeats)
    return [f"| save (SQLite) | {len(docs):,} | {len(docs) / save:,.0f} docs/s |",
            f"| extract + save | {len(docs):,} | {len(docs) / ingest:,.0f} docs/s |"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimledger.bench.stages", description=__doc__)
    ap.add_argument("--eval-docs", type=Path, default=Path("../shared/eval/dev/docs.jsonl"))
    ap.add_argument("--synthetic", type=int, default=500)
    ap.add_argument("--save-docs", type=int, default=1000, help="synthetic documents saved")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    head = " | ".join(STAGES)
    rows = [f"| corpus | MB | {head} | total MB/s | docs/s |", "|---" * (len(STAGES) + 4) + "|"]
    if args.eval_docs.is_file():
        rows += stage_rows("dev", _load_eval_docs(args.eval_docs), args.repeats)
    rows += stage_rows("synthetic", list(synthetic_documents(args.synthetic)), args.repeats)
    print("\n".join(rows))
    if args.save_docs:
        save_docs = list(synthetic_documents(args.save_docs, seed=3))
        print("\n".join(["", "| benchmark | documents | CPU docs/s |", "|---|---:|---:|",
                         *save_rows(save_docs, args.repeats)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

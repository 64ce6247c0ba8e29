"""The Dask engine gives the same ledger as a single-process run."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.api import ingest_sources
from claimledger.scale import ingest_dask
from claimledger.store import open_ledger
from claimledger.store.base import ClaimQuery

LINES = [
    "The regional governor said {n:,} homes had lost power and about {p}% were back online.",
    "Ukraine's General Staff said Russia had lost {n:,} soldiers since February 2022.",
    "Officials counted {n:,} drones in May 2024, up from {m:,} in April, a rise of {p}%.",
]


def _corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(t.format(n=1000 + 37 * i, m=900 + 11 * i, p=10 + i % 80) for t in LINES)
            fh.write(json.dumps({"id": f"doc{i}", "text": text, "language": "en"}) + "\n")
        fh.write("{broken line\n")
    return path


def _snapshot(db: Path) -> list[tuple[object, ...]]:
    ledger = open_ledger(str(db))
    try:
        rows = ledger.claims(ClaimQuery(limit=10_000))
        checks = sorted(
            (doc.document.id, c.kind, c.status, c.explanation)
            for doc in (ledger.get(i) for i in sorted({r.doc_id for r in rows}))
            for c in doc.checks
        )
        claims = sorted((r.doc_id, r.index, r.text, r.value, r.kind, r.what) for r in rows)
        return [*claims, *checks]
    finally:
        ledger.close()


def test_dask_run_on_two_workers_matches_the_single_process_run(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "corpus.jsonl", 60)
    single, dask = tmp_path / "single.sqlite", tmp_path / "dask.sqlite"
    ledger = open_ledger(str(single))
    local_report = ingest_sources([str(src)], ledger)
    ledger.close()
    ledger = open_ledger(str(dask))
    dask_report = ingest_dask([str(src)], ledger, workers=2, partition_size=7)
    ledger.close()
    assert dask_report.stored == local_report.stored == 60
    assert len(dask_report.failures) == len(local_report.failures) == 1
    assert _snapshot(single) == _snapshot(dask)
    assert len(_snapshot(single)) > 60

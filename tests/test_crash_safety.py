"""Killing an ingest (SIGKILL) at random points never corrupts the ledger or loses a committed
document, and running the same command again finishes without duplicates."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimledger.model import Document
from claimledger.pipeline import analyze_document
from claimledger.store import open_ledger
from claimledger.store.base import ClaimQuery

N_DOCS = 3000
KILLS = 3


def _text(i: int) -> str:
    return (f"Report {i}: officials said {1000 + i:,} people were evacuated in May 2024, "
            f"about {10 + i % 80}% of them children, and {i % 50 + 2} buses were sent.")


def _stored(db: Path) -> dict[str, int]:
    ledger = open_ledger(str(db))
    try:
        assert ledger.integrity_check() == []
        per_doc: dict[str, int] = {}
        for row in ledger.iter_claims():
            per_doc[row.doc_id] = per_doc.get(row.doc_id, 0) + 1
        docs = ledger.count()["documents"]
        assert docs >= len(per_doc)
        return per_doc
    finally:
        ledger.close()


@pytest.mark.slow
def test_sigkill_during_ingest_loses_nothing_committed_and_resumes(tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(N_DOCS):
            fh.write(json.dumps({"id": f"r{i}", "text": _text(i), "language": "en"}) + "\n")
    expected = {f"r{i}": len(analyze_document(Document(text=_text(i), id=f"r{i}",
                                                       language="en")).quantities)
                for i in range(N_DOCS)}
    db = tmp_path / "ledger.sqlite"
    cmd = [sys.executable, "-m", "claimledger", "ingest", str(src), "--db", str(db), "-q"]
    rng = random.Random(20261129)
    seen_before = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stored = _stored(db)
        # every stored document is whole: all of its figures are there
        assert all(stored[d] == expected[d] for d in stored)
        assert len(stored) >= seen_before
        seen_before = len(stored)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    stored = _stored(db)
    assert stored == {d: n for d, n in expected.items() if n}
    ledger = open_ledger(str(db))
    try:
        assert ledger.count()["documents"] == N_DOCS
        assert len(ledger.claims(ClaimQuery(search="evacuated", limit=N_DOCS * 5))) > 0
    finally:
        ledger.close()

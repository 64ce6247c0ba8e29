"""The web app reads the ledger while an ``ingest`` process writes it: no "database is locked",
no 5xx, and never a half-written document (each listed document has all of its claims)."""

from __future__ import annotations

import json
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from claimledger.store import open_ledger
from claimledger.web import create_app

N_DOCS = 3000
MAX_SECONDS = 120  # the whole run; the reader stops when the ingest ends or this passes
MAX_REQUESTS = 20_000


def _text(i: int) -> str:
    figures = " ".join(f"Unit {k} reported {100 + i + k} losses." for k in range(i % 6))
    return (f"Report {i}: officials said {1000 + i:,} people were evacuated in May 2024, "
            f"about {10 + i % 80}% of them children. {figures}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "ledger.sqlite"
    ledger = open_ledger(str(db))
    port = _free_port()
    config = uvicorn.Config(create_app(ledger), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", db
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        ledger.close()


@pytest.mark.slow
def test_api_reads_while_ingest_writes(server: tuple[str, Path], tmp_path: Path) -> None:
    base, db = server
    src = tmp_path / "corpus.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for i in range(N_DOCS):
            fh.write(json.dumps({"id": f"c{i}", "text": _text(i), "language": "en",
                                 "published": f"2024-05-{1 + i % 28:02d}"}) + "\n")
    cmd = [sys.executable, "-m", "claimledger", "ingest", str(src), "--db", str(db), "-q"]
    rng = random.Random(7)
    requests = 0
    checked_docs = 0
    max_listed = 0
    problems: list[str] = []
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() - t0 < MAX_SECONDS and requests < MAX_REQUESTS:
                done = proc.poll() is not None
                r = client.get("/api/documents", params={"limit": 1000})
                requests += 1
                if r.status_code != 200 or "locked" in r.text:
                    problems.append(f"/api/documents {r.status_code}: {r.text[:300]}")
                    break
                docs = r.json()["documents"]
                max_listed = max(max_listed, len(docs))
                for doc in rng.sample(docs, min(5, len(docs))):
                    c = client.get("/api/claims", params={"doc_id": doc["id"], "limit": 1000})
                    requests += 1
                    if c.status_code != 200 or "locked" in c.text:
                        problems.append(f"/api/claims {c.status_code}: {c.text[:300]}")
                        break
                    n_claims = len(c.json()["claims"])
                    checked_docs += 1
                    if n_claims != doc["n_quantities"]:
                        problems.append(f"{doc['id']}: listed with {doc['n_quantities']} "
                                        f"figures, {n_claims} claims stored")
                if problems or done:
                    break
        took = time.monotonic() - t0
        code = proc.wait(timeout=MAX_SECONDS)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = proc.stderr.read() if proc.stderr else ""
    figures = (f"\n== concurrency ==\n{took:.1f} s, {requests} API requests, {checked_docs} "
               f"documents checked against their claims, up to {max_listed} listed; "
               f"ingest exit {code}\n")
    print(figures)
    assert not problems, figures + "\n".join(problems[:10])
    assert code == 0 and "locked" not in stderr, figures + stderr[-2000:]
    assert requests > 50, figures
    ledger = open_ledger(str(db))
    try:
        assert ledger.count()["documents"] == N_DOCS, figures
    finally:
        ledger.close()

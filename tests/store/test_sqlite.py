"""What only the SQLite ledger has: files and WAL, FTS5 queries, PRAGMA checks, filter plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.model import Analysis
from claimledger.store import ClaimQuery, SQLiteLedger
from claimledger.store import sqlite as sqlite_module
from claimledger.store.sqlite import fts_query

from .factories import make_analysis


def test_search_words_become_a_quoted_fts5_query() -> None:
    assert fts_query("Su-34 (AWOL)") == '"Su" "34" "AWOL"'
    assert fts_query("repair* NEAR:") == '"repair"* "NEAR"'


def test_integrity_check_reports_damage(sqlite_ledger: SQLiteLedger, analysis: Analysis) -> None:
    sqlite_ledger.save(analysis)
    assert sqlite_ledger.integrity_check() == []
    conn = sqlite_ledger._conn
    conn.execute("DELETE FROM claims_fts WHERE rowid = (SELECT min(id) FROM quantities)")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM documents")
    problems = sqlite_ledger.integrity_check()
    assert any(p.startswith("foreign key: quantities") for p in problems)
    assert any("search index: claim" in p for p in problems)


def test_a_file_ledger_uses_wal_and_survives_reopening(tmp_path: Path, analysis: Analysis) -> None:
    path = tmp_path / "deep" / "ledger.sqlite"
    with SQLiteLedger(path) as store:
        store.save(analysis)
    with SQLiteLedger(path) as store:
        assert store.get("t001") == analysis
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_raises_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.sqlite"):
        SQLiteLedger(junk)


@pytest.mark.parametrize(
    ("threshold", "search_set_max"),
    [(1, 1), (1, 10**9), (10**9, 10**9)],  # both checked per claim; search matches as a set; IN
)
def test_common_and_rare_filters_give_the_same_answers(
    sqlite_ledger: SQLiteLedger,
    monkeypatch: pytest.MonkeyPatch,
    threshold: int,
    search_set_max: int,
) -> None:
    for i, month in enumerate(["2024-01", "2024-03", "2024-02"]):
        sqlite_ledger.save(make_analysis(f"Report {i}: ", doc_id=f"r{i}", period_to=month))
    monkeypatch.setattr(sqlite_ledger, "_probe_threshold", lambda want: threshold)
    monkeypatch.setattr(sqlite_module, "SEARCH_SET_MAX", search_set_max)
    both = ClaimQuery(search="drones", source="ministry", limit=2, offset=1)
    assert [(c.doc_id, c.index) for c in sqlite_ledger.claims(both)] == [("r2", 0), ("r0", 0)]
    dated = ClaimQuery(search="drones", source="governor", since="2024-02")
    assert [c.doc_id for c in sqlite_ledger.claims(dated)] == ["r1", "r2"]
    found = sqlite_ledger.claims(ClaimQuery(search="shot", source="ministry", limit=2))
    assert [(c.doc_id, c.index) for c in found] == [("r1", 1), ("r2", 1)]
    query = ClaimQuery(search="drones", source="governor")
    assert len(list(sqlite_ledger.iter_claims(query))) == 3
    assert sqlite_ledger.claims(ClaimQuery(search="shot", source="navy")) == []

"""Schema migrations: a fresh ledger gets every step; an older ledger is upgraded in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.store import ClaimQuery, SQLiteLedger, schema

from .factories import canonical

# The layout of a ledger written by schema version 1, as such a ledger holds it on disk.
V1_LEDGER = """
CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    applied_at TEXT NOT NULL);
INSERT INTO schema_migrations VALUES (1, 'documents and their records', '2025-01-01T00:00:00');
CREATE TABLE documents (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, url TEXT,
    title TEXT, outlet TEXT, published TEXT, language TEXT, origin TEXT,
    meta TEXT NOT NULL DEFAULT '{}', text TEXT NOT NULL,
    n_quantities INTEGER NOT NULL DEFAULT 0, n_failed_checks INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX documents_published ON documents (published);
CREATE TABLE quantities (id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE, idx INTEGER NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
    value REAL NOT NULL, value_high REAL, kind TEXT NOT NULL, unit TEXT, approx TEXT NOT NULL,
    change INTEGER NOT NULL, what TEXT, period_from TEXT, period_to TEXT,
    sources TEXT NOT NULL DEFAULT '[]', canonical_sources TEXT NOT NULL DEFAULT '[]',
    metric TEXT, UNIQUE (doc_id, idx));
CREATE INDEX quantities_metric ON quantities (metric);
CREATE INDEX quantities_period_to ON quantities (period_to);
CREATE TABLE times (doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    text TEXT NOT NULL, type TEXT NOT NULL, date_value TEXT, date_from TEXT, date_to TEXT,
    PRIMARY KEY (doc_id, idx));
CREATE TABLE hedges (doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    text TEXT NOT NULL, term TEXT NOT NULL, low REAL NOT NULL, high REAL NOT NULL,
    PRIMARY KEY (doc_id, idx));
CREATE TABLE attributions (doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    text TEXT NOT NULL, chain TEXT NOT NULL, PRIMARY KEY (doc_id, idx));
CREATE TABLE checks (doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, explanation TEXT NOT NULL,
    percent INTEGER, part INTEGER, whole INTEGER, parts TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc_id, idx));
CREATE INDEX checks_status ON checks (status);
INSERT INTO documents VALUES ('old1', 'hash-old1', NULL, 'Shelling of the port', 'Old Wire',
    '2023-05-02', 'en', NULL, '{}', 'Officials reported 17 ships damaged at the port.', 1, 0,
    '2023-05-02T10:00:00', '2023-05-02T10:00:00');
INSERT INTO quantities VALUES (1, 'old1', 0, 19, 21, '17', 17, NULL, 'count', NULL, 'exact', 0,
    'ships damaged', NULL, NULL, '["port officials"]', '["Port Authority"]', NULL);
"""


def write_v1_ledger(path: Path) -> None:
    """A ledger as schema version 1 left it, with one document in it."""
    conn = sqlite3.connect(path)
    conn.executescript(V1_LEDGER)
    conn.commit()
    conn.close()


def test_a_fresh_ledger_has_every_migration_recorded() -> None:
    with SQLiteLedger(":memory:", canonical=canonical) as store:
        recorded = store._conn.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()
    assert recorded == [(m.version, m.name) for m in schema.MIGRATIONS]
    assert recorded[-1][0] == schema.SCHEMA_VERSION


def test_a_version_1_ledger_is_upgraded_and_its_claims_become_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    write_v1_ledger(path)
    with SQLiteLedger(path, canonical=canonical) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        found = store.claims(ClaimQuery(search="ships"))
        assert [(c.doc_id, c.value, c.title) for c in found] == [
            ("old1", 17.0, "Shelling of the port")
        ]
        assert [c.doc_id for c in store.claims(ClaimQuery(source="port authority"))] == ["old1"]
        assert [c.doc_id for c in store.claims(ClaimQuery(since="2023-05-01"))] == ["old1"]
        assert store.get("old1").quantities[0].sources == ("port officials",)
        assert store.integrity_check() == []


def test_upgrading_twice_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    write_v1_ledger(path)
    SQLiteLedger(path, canonical=canonical).close()
    with SQLiteLedger(path, canonical=canonical) as store:
        versions = store._conn.execute("SELECT version FROM schema_migrations").fetchall()
        assert len(versions) == schema.SCHEMA_VERSION
        assert store.count()["claims"] == 1


def test_a_ledger_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    SQLiteLedger(path, canonical=canonical).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this claimledger supports"):
        SQLiteLedger(path, canonical=canonical)


def test_migrations_must_be_registered_in_order() -> None:
    with pytest.raises(ValueError, match="out of order"):
        schema.migration(schema.SCHEMA_VERSION + 2, "skips a number")(lambda conn: None)
